# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.community_base.tools import street_time

from .grid_case import LOOP_LEVELS


class GridCaseEscalation(models.Model):
    """One escalation of a case to the next loop (community → street →
    district), automatic or by hand. Written by the case only, never edited:
    the escalations of a street are what the district scores it on."""

    _name = "grid.case.escalation"
    _description = "Case escalation"
    _order = "date desc, id desc"
    _rec_name = "case_id"

    case_id = fields.Many2one(
        comodel_name="grid.case", string="Case", required=True, index=True,
        ondelete="cascade")
    community_id = fields.Many2one(
        related="case_id.community_id", store=True, index=True,
        readonly=True)
    company_id = fields.Many2one(
        related="case_id.company_id", store=True, index=True, readonly=True)
    from_level = fields.Selection(
        selection=LOOP_LEVELS, string="From loop", required=True)
    to_level = fields.Selection(
        selection=LOOP_LEVELS, string="To loop", required=True, index=True)
    date = fields.Date(
        required=True, index=True,
        default=lambda self: street_time.street_today(self.env),
        help="Day of the escalation, in the street's calendar.")
    user_id = fields.Many2one(
        comodel_name="res.users", string="Escalated by", index=True,
        ondelete="set null", default=lambda self: self.env.user)
    reason = fields.Text(required=True)
    automatic = fields.Boolean(
        help="Escalated by the scheduled action for being overdue.")
