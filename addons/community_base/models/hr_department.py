# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrDepartment(models.Model):
    """A department of the district or a section of the street office
    (科室): the body that asks communities for work (admission requests,
    inbound items).

    The evaluation rates departments as partners (``res.partner`` of type
    department, the targets of 双评议); ``partner_id`` says which partner
    is rated for this department, so that the work it sent to the
    communities (``community.task.inbound``) counts in its rating.
    """

    _inherit = "hr.department"

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Rated as", index=True,
        ondelete="set null",
        domain=[("organisation_type", "=", "department")],
        help="The functional department rated in the evaluations for the "
             "work this department sends to the communities.")
