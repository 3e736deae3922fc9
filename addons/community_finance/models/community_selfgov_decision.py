# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models


class CommunitySelfgovDecision(models.Model):
    """A residents' deliberation decision that needs a purchased service
    (a social organisation to run the elderly canteen the residents voted
    for) becomes a service purchase project in one click: the project's
    form opens filled from the decision and linked to it, and the clerk
    completes the provider, fund and contract, which the decision cannot
    know."""

    _inherit = "community.selfgov.decision"

    service_project_ids = fields.One2many(
        comodel_name="finance.service.project",
        inverse_name="selfgov_decision_id",
        string="Service projects",
        readonly=True,
    )

    @api.multi
    def action_create_service_project(self):
        """Open a new service purchase project filled from the decision
        (as the user: who may not propose projects is told so)."""
        self.ensure_one()
        self._check_followable("finance.service.project", _(
            "The decision \"%s\" cannot be turned into a service project: "
            "you may not propose service purchase projects."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Service project of the decision %s") % self.name,
            "res_model": "finance.service.project",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_name": self.name,
                "default_selfgov_decision_id": self.id,
                "default_community_id": self.community_id.id,
                "default_company_id": self.company_id.id,
                "default_description": "\n".join(filter(None, [
                    self.description, self._source_text()])),
                "default_date_end": self.date_deadline,
            },
        }
