# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class PartyPairing(models.Model):
    """A pairing agreement (结对共建) between a unit and a community.

    Government offices, enterprises and institutions and social
    organisations on or near the street's territory pair with a community:
    they sign an agreement and commit money, premises, people or projects
    to it. The commitments are tracked to fulfilment, and the share
    fulfilled is what the street's party building office follows. A unit
    has at most one active pairing with a community; the street's coverage
    figures count the units with an active one.
    """

    _name = "party.pairing"
    _inherit = ["mail.thread", "community.scoped.mixin"]
    _description = "Pairing of a unit and a community"
    _order = "date_signed desc, id desc"

    _default_user_community = True

    name = fields.Char(
        string="Pairing", required=True, track_visibility="onchange")
    unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Unit",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", True)],
        track_visibility="onchange",
        help="The government office, enterprise, institution or social "
        "organisation paired with the community.",
    )
    unit_contact = fields.Char(
        string="Unit's contact",
        help="The person of the unit who answers for the pairing.")
    date_signed = fields.Date(
        string="Signed on", index=True, track_visibility="onchange")
    date_end = fields.Date(
        string="Ends on", index=True, track_visibility="onchange",
        help="The end of the agreement; empty while it runs without an "
        "end date.")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("active", "Active"),
            ("ended", "Ended"),
        ],
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        index=True,
        track_visibility="onchange",
    )
    agreement = fields.Binary(
        attachment=True, copy=False,
        help="The signed pairing agreement (scan or document).")
    agreement_filename = fields.Char(string="Agreement file name")
    commitment_ids = fields.One2many(
        comodel_name="party.pairing.commitment",
        inverse_name="pairing_id",
        string="Commitments",
        copy=False,
    )
    commitment_count = fields.Integer(
        string="Commitments", compute="_compute_fulfilment", store=True)
    commitment_done_count = fields.Integer(
        string="Commitments fulfilled", compute="_compute_fulfilment",
        store=True)
    fulfilment_rate = fields.Float(
        string="Fulfilment rate (%)",
        compute="_compute_fulfilment",
        store=True,
        digits=(16, 1),
        group_operator="avg",
        help="Share of the pairing's commitments that are fulfilled.",
    )
    note = fields.Text()

    @api.depends("commitment_ids.state")
    def _compute_fulfilment(self):
        for pairing in self:
            total = len(pairing.commitment_ids)
            done = len(pairing.commitment_ids.filtered(
                lambda commitment: commitment.state == "done"))
            pairing.commitment_count = total
            pairing.commitment_done_count = done
            pairing.fulfilment_rate = round(
                100.0 * done / total, 1) if total else 0.0

    @api.onchange("unit_id", "community_id")
    def _onchange_name(self):
        if self.unit_id and self.community_id and not self.name:
            self.name = _("%(unit)s - %(community)s") % {
                "unit": self.unit_id.name,
                "community": self.community_id.name}

    @api.constrains("unit_id")
    def _check_unit(self):
        # sudo: checks the pairing the user wrote before the record rules
        #   check it
        for pairing in self.sudo():
            if not pairing.unit_id.is_company:
                raise ValidationError(_(
                    "Pairing %(name)s: %(unit)s is a person, not a unit; "
                    "choose the unit (an organisation).") % {
                        "name": pairing.name,
                        "unit": pairing.unit_id.display_name})

    @api.constrains("date_signed", "date_end")
    def _check_dates(self):
        # sudo: see _check_unit
        for pairing in self.sudo():
            if pairing.date_signed and pairing.date_end \
                    and pairing.date_end < pairing.date_signed:
                raise ValidationError(_(
                    "Pairing %s: it cannot end before it is signed.")
                    % pairing.name)

    @api.constrains("state", "unit_id", "community_id")
    def _check_one_active(self):
        # sudo: the other active pairing may be one the user cannot read;
        #   only whether it exists is told
        for pairing in self.sudo().filtered(lambda p: p.state == "active"):
            if pairing.search_count([
                    ("id", "!=", pairing.id), ("state", "=", "active"),
                    ("unit_id", "=", pairing.unit_id.id),
                    ("community_id", "=", pairing.community_id.id)]):
                raise ValidationError(_(
                    "Pairing %(name)s: %(unit)s already has an active "
                    "pairing with %(community)s; end it first.") % {
                        "name": pairing.name,
                        "unit": pairing.unit_id.display_name,
                        "community": pairing.community_id.name})

    @api.multi
    def action_activate(self):
        """The agreement is signed: the pairing runs from its signing date
        (today when none is given)."""
        for pairing in self:
            if pairing.state != "draft":
                raise UserError(_(
                    "Pairing %s is not a draft: only a draft pairing is "
                    "put into effect.") % pairing.name)
        for pairing in self:
            pairing.write({
                "state": "active",
                "date_signed": pairing.date_signed
                or fields.Date.context_today(self)})
        return True

    @api.multi
    def action_end(self):
        """The pairing ends: its commitments stay for the record."""
        for pairing in self:
            if pairing.state != "active":
                raise UserError(_(
                    "Pairing %s is not active: only an active pairing is "
                    "ended.") % pairing.name)
        today = fields.Date.context_today(self)
        for pairing in self:
            pairing.write({
                "state": "ended",
                "date_end": pairing.date_end if pairing.date_end
                and pairing.date_end <= today else today})
        return True

    @api.multi
    def action_draft(self):
        """Back to draft, to correct an agreement put into effect by
        mistake or to renew an ended one."""
        for pairing in self:
            if pairing.state == "draft":
                raise UserError(_(
                    "Pairing %s is already a draft.") % pairing.name)
        self.write({"state": "draft"})
        return True
