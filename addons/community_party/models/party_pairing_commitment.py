# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class PartyPairingCommitment(models.Model):
    """What a paired unit commits to its community (共建承诺): money,
    premises, people or a project, due by a date and tracked to
    fulfilment. The pairing's fulfilment rate is the share of its
    commitments done; the scope (street, community) follows the pairing,
    so the rules read the commitment as they read its pairing.
    """

    _name = "party.pairing.commitment"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Pairing commitment"
    _order = "date_due, id"

    _scope_parent_field = "pairing_id"
    _scope_fields = ("community_id", "company_id")

    pairing_id = fields.Many2one(
        comodel_name="party.pairing",
        string="Pairing",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the pairing before the record rules, which
    #   read it, check the new line
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="pairing_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="pairing_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Unit",
        related="pairing_id.unit_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    kind = fields.Selection(
        selection=[
            ("money", "Money"),
            ("premises", "Premises"),
            ("people", "People"),
            ("project", "Project"),
        ],
        required=True,
        default="project",
        index=True,
    )
    description = fields.Char(required=True)
    # sudo: see company_id
    currency_id = fields.Many2one(
        comodel_name="res.currency",
        related="company_id.currency_id",
        readonly=True,
        compute_sudo=True,
    )
    amount = fields.Monetary(
        currency_field="currency_id",
        help="The money committed, for a commitment of money.")
    quantity = fields.Float(
        digits=(16, 1),
        help="How much: people, square metres of premises, sessions of a "
        "project...")
    date_due = fields.Date(string="Due on", index=True)
    state = fields.Selection(
        selection=[("planned", "Planned"), ("done", "Fulfilled")],
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        index=True,
    )
    date_done = fields.Date(
        string="Fulfilled on", copy=False,
        help="Set to today when the commitment is marked fulfilled, unless "
        "another day is entered first.")
    note = fields.Text()

    @api.constrains("amount", "quantity")
    def _check_amounts(self):
        # sudo: checks the line the user wrote before the record rules
        #   check it
        for commitment in self.sudo():
            if commitment.amount < 0 or commitment.quantity < 0:
                raise ValidationError(_(
                    "Commitment %(commitment)s of pairing %(pairing)s: the "
                    "amount and the quantity cannot be negative.") % {
                        "commitment": commitment.description,
                        "pairing": commitment.pairing_id.name})

    @api.multi
    def action_done(self):
        """The unit has delivered: the commitment is fulfilled today."""
        for commitment in self:
            if commitment.state == "done":
                raise UserError(_(
                    "Commitment %(commitment)s of pairing %(pairing)s is "
                    "already fulfilled.") % {
                        "commitment": commitment.description,
                        "pairing": commitment.pairing_id.name})
        today = fields.Date.context_today(self)
        for commitment in self:
            commitment.write({"state": "done",
                              "date_done": commitment.date_done or today})
        return True

    @api.multi
    def action_reset(self):
        """Marked fulfilled by mistake: planned again."""
        for commitment in self:
            if commitment.state != "done":
                raise UserError(_(
                    "Commitment %(commitment)s of pairing %(pairing)s is not "
                    "fulfilled.") % {
                        "commitment": commitment.description,
                        "pairing": commitment.pairing_id.name})
        self.write({"state": "planned", "date_done": False})
        return True
