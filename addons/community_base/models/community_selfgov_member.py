# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunitySelfgovMember(models.Model):
    """A seat on a deliberation body, held for a term.

    Members are residents (or representatives of units and of the owners'
    committee, entered by name); a seat ends by date as every post does
    (``community.term.mixin``): the members in office are the active
    seats, and they are the expected attendees of the body's meetings.
    """

    _name = "community.selfgov.member"
    _inherit = ["community.term.mixin", "community.scope.copy.mixin"]
    _description = "Deliberation body member"
    _order = "body_id, role, name"

    _scope_parent_field = "body_id"

    body_id = fields.Many2one(
        comodel_name="community.selfgov.body",
        string="Body",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the body before the record rules, which read
    #   it, check the new seat
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="body_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see community_id
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="body_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    resident_id = fields.Many2one(
        comodel_name="community.resident",
        string="Resident",
        index=True,
        ondelete="restrict",
    )
    name = fields.Char(required=True)
    role = fields.Selection(
        selection=[
            ("chair", "Chair"),
            ("deputy", "Deputy chair"),
            ("member", "Member"),
            ("liaison", "Liaison"),
        ],
        required=True,
        default="member",
    )
    date_start = fields.Date(
        string="Term starts on", required=True,
        default=fields.Date.context_today)
    date_end = fields.Date(string="Term ends on")
    active = fields.Boolean(default=True)
    phone = fields.Char()

    @api.onchange("resident_id")
    def _onchange_resident_id(self):
        if self.resident_id:
            self.name = self.resident_id.name

    @api.constrains("date_start", "date_end")
    def _check_term(self):
        for member in self:
            if member.date_end and member.date_end < member.date_start:
                raise ValidationError(_(
                    "The term of %s ends before it starts.") % member.name)

    def _term_holder(self):
        self.ensure_one()
        return "%s (%s)" % (self.name, self.body_id.name)
