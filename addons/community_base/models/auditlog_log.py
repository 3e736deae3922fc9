# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AuditlogLog(models.Model):
    """An entry of the audit trail (OCA ``auditlog``), with the street and
    community of the audited record. The lines of a resident's log hold raw
    ID numbers and phones, so the record rules give each street
    administrator the logs of their own streets only: the street is copied
    when the log is written and never changes afterwards, even when the
    record moves or is deleted."""

    _inherit = "auditlog.log"

    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        index=True,
        readonly=True,
        ondelete="set null",
    )
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        index=True,
        readonly=True,
        ondelete="set null",
    )

    # auditlog stores the ORM method's name; this is what a reader sees
    operation = fields.Selection(
        selection=[
            ("create", "Created"),
            ("write", "Changed"),
            ("unlink", "Deleted"),
            ("read", "Read"),
        ],
        compute="_compute_operation",
    )

    @api.depends("method")
    def _compute_operation(self):
        for log in self:
            log.operation = log.method

    @api.model
    def create(self, vals):
        vals = dict(vals, **self._scope_of_record(
            vals.get("model_id"), vals.get("res_id")))
        return super(AuditlogLog, self).create(vals)

    @api.model
    def _scope_of_record(self, model_id, res_id):
        """The street and community of the audited record, read as superuser
        (the log is written for clerks who cannot read logs)."""
        if not model_id or not res_id:
            return {}
        # sudo: the log is written for users who cannot read ir.model; copies the
        #   audited record's scope only
        model_name = self.env["ir.model"].sudo().browse(model_id).model
        if model_name not in self.env:
            return {}
        # sudo: the log is written for users who cannot read ir.model; copies the
        #   audited record's scope only
        record = self.env[model_name].sudo().browse(res_id).exists()
        scope = {}
        for fname in ("company_id", "community_id"):
            field = record._fields.get(fname)
            if record and field and field.comodel_name == (
                    self._fields[fname].comodel_name):
                scope[fname] = record[fname].id
        return scope
