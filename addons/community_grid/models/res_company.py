# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """The grid and case settings of a street office.

    Kept on the street (``res.company``) rather than in system parameters:
    every street of a district sets its own grid size band, visit quota and
    case calendar, and its street administrator edits them without code.
    """

    _inherit = "res.company"

    grid_size_min = fields.Integer(
        "Grid size: minimum households",
        default=300,
        help="A grid with fewer households is flagged as too small.",
    )
    grid_size_max = fields.Integer(
        "Grid size: maximum households",
        default=400,
        help="A grid with more households is flagged as too large.",
    )
    visit_monthly_target = fields.Integer(
        "Households to visit per officer and month",
        default=30,
    )
    visit_overdue_months = fields.Integer(
        "Months without a visit",
        default=3,
        help="Households not visited for this many months are listed as "
        "not visited.",
    )
    case_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Case working-day calendar",
        help="Working days of the case deadlines: its global leaves are the "
        "public holidays, its adjusted working days the weekends worked "
        "instead (调休).",
    )
    case_remind_days = fields.Integer(
        "Chase the handler (working days before the deadline)",
        default=1,
    )
    case_superior_remind_days = fields.Integer(
        "Chase the superior (working days past the deadline)",
        default=2,
    )
    case_escalate_days = fields.Integer(
        "Escalate (working days past the deadline)",
        default=0,
        help="An overdue case still open this many working days after its "
        "deadline is escalated to the next loop by the scheduled action.",
    )

    @api.constrains("grid_size_min", "grid_size_max", "visit_monthly_target",
                    "visit_overdue_months", "case_remind_days",
                    "case_superior_remind_days", "case_escalate_days")
    def _check_grid_settings(self):
        for company in self:
            if company.grid_size_min < 0 or (
                    company.grid_size_max < company.grid_size_min):
                raise ValidationError(_(
                    "%(street)s: the grid size band %(min)s-%(max)s is not "
                    "valid; the maximum must not be below the minimum.") % {
                        "street": company.name,
                        "min": company.grid_size_min,
                        "max": company.grid_size_max})
            for value in (company.visit_monthly_target,
                          company.visit_overdue_months,
                          company.case_remind_days,
                          company.case_superior_remind_days,
                          company.case_escalate_days):
                if value < 0:
                    raise ValidationError(_(
                        "%s: visit and case settings cannot be negative.")
                        % company.name)
