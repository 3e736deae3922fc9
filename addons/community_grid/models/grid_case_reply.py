# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .grid_case import STATES


class GridCaseReply(models.Model):
    """A canned reply (常用回复) for one step of the case loop: the same
    feedback, send-back or reopening reasons are written every day, so the
    street administrator keeps them once and handlers pick them."""

    _name = "grid.case.reply"
    _description = "Canned case reply"
    _order = "step, sequence, id"

    name = fields.Char(required=True, translate=True)
    step = fields.Selection(
        selection=STATES, required=True, index=True,
        help="The step at which the reply is offered.")
    body = fields.Text(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
