# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.community_base.tools import street_time


class GridCaseStatisticsWizard(models.TransientModel):
    """Ask for the monthly case statistics a superior wants: a month (or any
    period), the street and the grouping, and get the workbook. The figures
    cover the cases the user may read (see ``grid.case.statistics``)."""

    _name = "grid.case.statistics.wizard"
    _description = "Case statistics export"

    def _default_month(self):
        # the street's month, whatever the user's time zone
        today = fields.Date.from_string(street_time.street_today(self.env))
        return fields.Date.to_string(
            today.replace(day=1) - relativedelta(months=1))

    def _default_date_end(self):
        first = fields.Date.from_string(self._default_month())
        return fields.Date.to_string(
            first + relativedelta(months=1) - datetime.timedelta(days=1))

    month = fields.Date(
        help="Any day of the month to report on: sets the period to that "
             "whole month.",
        default=_default_month)
    date_start = fields.Date(
        "From", required=True, default=_default_month)
    date_end = fields.Date("To", required=True, default=_default_date_end)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street", required=True,
        default=lambda self: self.env.user.company_id,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)])
    grouping = fields.Selection(
        selection=[("all", "All groupings"),
                   ("community", "By community"),
                   ("category", "By category"),
                   ("unit", "By handling unit")],
        required=True, default="all",
        help="One sheet per grouping, or the chosen one only.")

    @api.onchange("month")
    def _onchange_month(self):
        if self.month:
            first = fields.Date.from_string(self.month).replace(day=1)
            self.date_start = fields.Date.to_string(first)
            self.date_end = fields.Date.to_string(
                first + relativedelta(months=1) - datetime.timedelta(days=1))

    @api.constrains("date_start", "date_end")
    def _check_period(self):
        for wizard in self:
            if wizard.date_start > wizard.date_end:
                raise ValidationError(_(
                    "The statistics period starts on %(start)s, after its end "
                    "%(end)s.")
                    % {"start": wizard.date_start, "end": wizard.date_end})

    @api.constrains("company_id")
    def _check_company(self):
        for wizard in self:
            if wizard.company_id not in self.env.user.company_ids:
                # sudo: the name of the street the user chose, in the refusal
                raise ValidationError(_(
                    "You do not work for the street %s: choose one of your "
                    "streets.") % wizard.company_id.sudo().name)

    def groupings(self):
        """The groupings of the workbook, in sheet order."""
        self.ensure_one()
        if self.grouping == "all":
            return ["community", "category", "unit"]
        return [self.grouping]

    def statistics(self, grouping):
        """The figures of ``grouping`` for this period and street."""
        self.ensure_one()
        return self.env["grid.case.statistics"].compute(
            self.date_start, self.date_end, grouping,
            company_ids=self.company_id.ids)

    def action_export(self):
        self.ensure_one()
        return self.env.ref(
            "community_grid.grid_case_statistics_xlsx").report_action(self)
