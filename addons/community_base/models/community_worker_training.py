# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunityWorkerTraining(models.Model):
    """A training a community worker attended: the hours per year are what
    the assessments of community workers ask for."""

    _name = "community.worker.training"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Community worker training"
    _order = "date desc, id desc"
    _scope_parent_field = "worker_id"

    worker_id = fields.Many2one(
        comodel_name="community.worker", string="Worker", required=True,
        index=True, ondelete="cascade")
    community_id = fields.Many2one(
        related="worker_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="worker_id.company_id", string="Street office", store=True,
        readonly=True, index=True)
    date = fields.Date(required=True, index=True,
                       default=fields.Date.context_today)
    subject = fields.Char(required=True)
    hours = fields.Float(required=True, default=1.0)
    organiser = fields.Char(help="Who gave the training.")

    @api.constrains("hours")
    def _check_hours(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for line in self.sudo():
            if line.hours <= 0:
                raise ValidationError(_(
                    "The training %(subject)s of %(worker)s must last more "
                    "than 0 hours.") % {
                        "subject": line.subject,
                        "worker": line.worker_id.name})
