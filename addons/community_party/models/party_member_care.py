# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class PartyMemberCare(models.Model):
    """A care follow-up (关怀帮扶) of a party member in difficulty or of a
    senior member: a visit, a subsidy, condolences, with the amount given,
    who went and when the next follow-up is due.

    A follow-up is overdue when it is the member's latest and its next
    date has passed: the next visit recorded closes the previous one, so
    the list of overdue follow-ups is the list of members waiting for
    one. The records follow the member's rules (street, community,
    organisation kept).
    """

    _name = "party.member.care"
    _description = "Care follow-up of a party member"
    _order = "date desc, id desc"

    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Party member",
        required=True,
        index=True,
        ondelete="cascade",
    )
    category = fields.Selection(
        related="member_id.category", readonly=True, string="Category")
    organisation_id = fields.Many2one(
        related="member_id.organisation_id",
        string="Party organisation",
        readonly=True,
    )
    # sudo: the follow-up's street and community follow its member's before
    #   the record rules, which read them, check the follow-up
    company_id = fields.Many2one(
        related="member_id.company_id",
        string="Street office",
        store=True,
        index=True,
        readonly=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        related="member_id.community_id",
        string="Community",
        store=True,
        index=True,
        readonly=True,
        compute_sudo=True,
    )
    date = fields.Date(
        required=True, index=True, default=fields.Date.context_today)
    kind = fields.Selection(
        selection=[
            ("visit", "Visit"),
            ("subsidy", "Subsidy"),
            ("condolence", "Condolences"),
            ("other", "Other"),
        ],
        required=True,
        default="visit",
        index=True,
    )
    description = fields.Text(
        required=True,
        help="What was done and what the member needs.")
    amount = fields.Float(
        digits=(16, 2),
        help="Money or the value of what was given, in yuan.")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Done by",
        index=True,
        ondelete="set null",
        default=lambda self: self.env.user,
    )
    next_date = fields.Date(
        string="Next follow-up on", index=True,
        help="When the member is to be followed up again; the follow-up is "
        "overdue after that day until the next one is recorded.")
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="The member's latest follow-up, whose next date has passed.")

    @api.depends("next_date", "date", "member_id")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        latest = self._latest_ids(self.mapped("member_id"))
        for care in self:
            care.is_overdue = bool(
                care.id in latest and care.next_date
                and care.next_date < today)

    @api.model
    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_(
                "Unsupported search on overdue follow-ups: %s") % operator)
        today = fields.Date.context_today(self)
        due = self.search([("next_date", "<", today)])
        latest = self._latest_ids(due.mapped("member_id"))
        overdue = [care.id for care in due if care.id in latest]
        wanted = (operator == "=") == bool(value)
        return [("id", "in" if wanted else "not in", overdue)]

    @api.model
    def _latest_ids(self, members):
        """The ids of the latest follow-up of each of ``members`` (that the
        user reads: the follow-ups have the members' rules)."""
        latest = {}
        if members:
            for care in self.search_read(
                    [("member_id", "in", members.ids)],
                    ["member_id", "date"], order="date desc, id desc"):
                latest.setdefault(care["member_id"][0], care["id"])
        return set(latest.values())

    @api.constrains("amount", "date", "next_date")
    def _check_values(self):
        # sudo: constraints run before a new follow-up's scope is stored,
        #   when the record rules would hide it from its creator
        for care in self.sudo():
            if care.amount < 0:
                raise ValidationError(_(
                    "Care follow-up of %s: the amount cannot be negative.")
                    % care.member_id.name)
            if care.next_date and care.next_date < care.date:
                raise ValidationError(_(
                    "Care follow-up of %s: the next follow-up cannot be "
                    "before this one.") % care.member_id.name)
