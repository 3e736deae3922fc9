# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, fields, models

from odoo.addons.community_base.tools import report_sheet


class CommunityReportPack(models.Model):
    """The grid sheets of the monthly report pack: grid coverage and
    visits per community, and the month's case statistics per community,
    computed by the same queries as the grid statistics and workbooks."""

    _inherit = "community.report.pack"

    def _pack_sheets(self):
        return super()._pack_sheets() + [
            (30, "_sheet_grid_visits"), (40, "_sheet_grid_cases")]

    def _sheet_grid_visits(self, book):
        communities = self._communities()
        start, end = self._month_bounds()
        visits = {}
        for group in self.env["grid.visit.report"].read_group(
                [("company_id", "=", self.company_id.id),
                 ("month", "=", fields.Date.to_string(start))],
                ["community_id", "visit_count", "household_visited",
                 "target"], ["community_id"]):
            visits[group["community_id"][0]] = group
        columns = [
            (_("Community"), "text", 18), (_("Number of grids"), "int", 8),
            (_("Households"), "int", 10), (_("Households in grids"), "int", 11),
            (_("Grid coverage rate"), "percent", 10),
            (_("Households per officer"), "float", 11),
            (_("Visits made"), "int", 9), (_("Households visited"), "int", 11),
            (_("Visit target"), "int", 10), (_("Visit rate"), "percent", 10),
        ]
        rows = []
        sums = dict.fromkeys(
            ("grids", "households", "covered", "visits", "visited", "target"),
            0)
        for community in communities:
            group = visits.get(community.id, {})
            figures = {
                "grids": community.grid_count,
                "households": community.household_count,
                "covered": community.grid_household_count,
                "visits": group.get("visit_count") or 0,
                "visited": group.get("household_visited") or 0,
                "target": round(group.get("target") or 0),
            }
            for key, value in figures.items():
                sums[key] += value
            rows.append([
                community.name, figures["grids"], figures["households"],
                figures["covered"],
                report_sheet.ratio(figures["covered"], figures["households"]),
                community.households_per_officer or None,
                figures["visits"], figures["visited"], figures["target"],
                report_sheet.ratio(figures["visited"], figures["target"])])
        totals = [
            self._total_label(), sums["grids"], sums["households"],
            sums["covered"],
            report_sheet.ratio(sums["covered"], sums["households"]), None,
            sums["visits"], sums["visited"], sums["target"],
            report_sheet.ratio(sums["visited"], sums["target"])]
        self._write_table(
            book, _("Grids and visits"),
            _("Grid coverage and household visits"), columns, rows, totals)

    def _sheet_grid_cases(self, book):
        start, end = self._month_bounds()
        last_day = fields.Date.to_string(end - datetime.timedelta(days=1))
        statistics = self.env["grid.case.statistics"].compute(
            fields.Date.to_string(start), last_day, "community",
            company_ids=self.company_id.ids)
        columns = [
            (_("Community"), "text", 18), (_("Received"), "int", 9),
            (_("Cases closed"), "int", 9),
            (_("Cases closed on time"), "int", 10),
            (_("On-time rate"), "percent", 10),
            (_("Average working days to close"), "float", 12, 1),
            (_("Median working days to close"), "float", 12, 1),
            (_("Returns"), "int", 8), (_("Extensions"), "int", 8),
            (_("Reopenings"), "int", 8), (_("Cases evaluated"), "int", 9),
            (_("Satisfaction rate"), "percent", 10),
            (_("Reply promise kept rate"), "percent", 10),
        ]
        keys = ("received", "closed", "on_time", "on_time_rate", "avg_days",
                "median_days", "return_count", "extension_count",
                "reopen_count", "evaluated", "satisfaction_rate",
                "reply_rate")
        rows = [[row["name"]] + [row[key] for key in keys]
                for row in statistics["rows"]]
        totals = [self._total_label()] + [
            statistics["total"][key] for key in keys]
        self._write_table(book, _("Cases"), _("Cases of the month"),
                          columns, rows, totals)
