# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PartyInserviceBatchLine(models.TransientModel):
    """A row of a batch registration: one member and the commitment they
    take on, checked with the others before anyone is registered."""

    _name = "party.inservice.batch.line"
    _description = "Member of a batch registration"

    batch_id = fields.Many2one(
        comodel_name="party.inservice.batch",
        required=True,
        ondelete="cascade",
    )
    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Party member",
        required=True,
        domain=[("category", "=", "in_service"), ("state", "=", "active")],
    )
    kind = fields.Selection(
        selection=[
            ("pioneer_post", "Party member pioneer post"),
            ("building_duty", "Building duty"),
            ("volunteer_post", "Volunteer post"),
            ("project", "Service project"),
        ],
        string="Post or project",
        help="The service the member takes on; leave empty to add it "
        "later on the registration.",
    )
    building_id = fields.Many2one(
        comodel_name="community.building",
        string="Building",
    )
    team_id = fields.Many2one(
        comodel_name="res.partner",
        string="Volunteer team",
        domain=[("organisation_type", "=", "volunteer_team")],
    )
    description = fields.Char()
    warning = fields.Char(compute="_compute_warning")

    @api.depends("member_id", "batch_id.community_id")
    def _compute_warning(self):
        Registration = self.env["party.inservice.registration"]
        for line in self:
            line.warning = Registration._warning_of(
                line.member_id, line.batch_id.community_id)

    @api.multi
    def _commitment_errors(self):
        """Why the row's commitment cannot be taken (the checks of
        ``party.inservice.commitment``, before anything is written)."""
        self.ensure_one()
        if not self.kind:
            return []
        # sudo: the member's name and the place the user chose, named in
        #   the errors
        line = self.sudo()
        return self.env["party.inservice.commitment"]._place_errors(
            line.kind, line.building_id, line.team_id,
            line.batch_id.community_id, line.member_id.name)

    @api.multi
    def _registration_vals(self):
        """The values of the row's registration."""
        self.ensure_one()
        batch = self.batch_id
        vals = {
            "member_id": self.member_id.id,
            "unit_id": batch.unit_id.id,
            "unit_organisation_id": batch.unit_organisation_id.id,
            "community_id": batch.community_id.id,
            "date_registered": batch.date_registered,
            "source": "unit_batch",
        }
        if self.kind:
            vals["commitment_ids"] = [(0, 0, {
                "kind": self.kind,
                "building_id": self.building_id.id,
                "team_id": self.team_id.id,
                "description": self.description,
                "date": batch.date_registered})]
        return vals
