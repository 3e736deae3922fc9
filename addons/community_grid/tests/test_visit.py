# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import street_time

from .common import GridCase

JAN, FEB = "2026-01-01", "2026-02-01"


class TestVisit(GridCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.street_a.visit_monthly_target = 4
        cls.household_a2b = cls._create_household(cls.building_a2, "2", "202")
        cls.household_a2b.grid_id = cls.grid_a2
        # January: grid_officer visits a1 twice and a1b once, officer 2
        # visits a2 once, the A1 clerk records a visit of a1 herself
        cls.visit_1 = cls._create_visit(
            cls.grid_officer, cls.household_a1, "2026-01-05",
            findings="Broken stair light", resident_ids=[
                (6, 0, cls.resident_a1.ids)])
        cls._create_visit(cls.grid_officer, cls.household_a1, "2026-01-20")
        cls._create_visit(cls.grid_officer, cls.household_a1b, "2026-01-10")
        cls._create_visit(cls.grid_officer_2, cls.household_a2, "2026-01-15")
        cls._create_visit(cls.community_clerk, cls.household_a1, "2026-01-25")
        cls.officers = cls.grid_officer | cls.grid_officer_2

    def _report_rows(self, month, officer):
        return self.env["grid.visit.report"].search([
            ("month", "=", month), ("officer_id", "=", officer.id)])

    # -- the visit ------------------------------------------------------

    def test_visit_takes_scope_and_grid_from_the_household(self):
        self.assertEqual(self.visit_1.grid_id, self.grid_a1)
        self.assertEqual(self.visit_1.community_id, self.community_a1)
        self.assertEqual(self.visit_1.company_id, self.street_a)

    def test_visit_keeps_its_grid_when_the_household_moves(self):
        grid = self._create_grid("A1-G2", self.community_a1)
        self.household_a1.grid_id = grid
        self.assertEqual(self.visit_1.grid_id, self.grid_a1)

    def test_visit_logged_without_details_counts_for_its_officer_today(self):
        """An officer on the doorstep only picks the household: the visit is
        theirs, today's, and counts in this month's visit report."""
        Report = self.env["grid.visit.report"]
        today = street_time.street_today(Report.env)
        mine = [("officer_id", "=", self.grid_officer.id),
                ("month", "=", today[:8] + "01")]

        def visits_this_month():
            return sum(row["visit_count"] for row in Report.read_group(
                mine, ["officer_id", "visit_count"], ["officer_id"]))

        before = visits_this_month()
        visit = self.env["grid.visit"].sudo(self.grid_officer).create(
            {"household_id": self.household_a1.id})
        self.assertEqual(visit.officer_id, self.grid_officer)
        self.assertEqual(visit.date, today)
        self.assertEqual(visits_this_month(), before + 1)

    def test_last_visit_date_follows_the_visits(self):
        self.assertEqual(self.household_a1.last_visit_date, "2026-01-25")
        self.assertEqual(self.household_a1b.last_visit_date, "2026-01-10")
        self.assertFalse(self.household_b1.last_visit_date)
        self.household_a1b.visit_ids.unlink()
        self.assertFalse(self.household_a1b.last_visit_date)

    def test_resident_met_must_live_in_the_household(self):
        with self.assertRaisesRegex(ValidationError, "Zhang Wei"):
            self._create_visit(
                self.grid_officer, self.household_a1, "2026-01-06",
                resident_ids=[(6, 0, self.resident_a2.ids)])

    def test_officer_cannot_visit_outside_their_grids(self):
        with self.assertRaisesRegex(ValidationError, "201") as caught:
            self._create_visit(self.grid_officer, self.household_a2,
                               "2026-01-06")
        self.assertIn(self.grid_officer.name, str(caught.exception))

    def test_deputy_may_visit_the_grid(self):
        self.grid_a2.deputy_ids = self.grid_officer
        visit = self._create_visit(self.grid_officer, self.household_a2,
                                   "2026-01-06")
        self.assertEqual(visit.grid_id, self.grid_a2)

    def test_not_visited_filter_uses_the_street_months(self):
        Household = self.env["community.household"]
        domain = [("visit_overdue", "=", True),
                  ("company_id", "in", (self.street_a | self.street_b).ids)]
        today = fields.Date.from_string(
            street_time.street_today(Household.env, self.street_a))
        recent = fields.Date.to_string(today - relativedelta(months=1))
        self._create_visit(self.grid_officer, self.household_a1b, recent)
        self.street_a.visit_overdue_months = 3
        overdue = Household.search(domain)
        self.assertNotIn(self.household_a1b, overdue)
        self.assertIn(self.household_a1, overdue)      # January only
        self.assertIn(self.household_b1, overdue)      # never visited
        self.assertEqual(Household.search([
            ("visit_overdue", "=", False),
            ("company_id", "=", self.street_a.id)]), self.household_a1b)
        self.street_a.visit_overdue_months = 0
        self.assertIn(self.household_a1b, Household.search(domain))

    # -- visit rate per officer ----------------------------------------

    def test_officer_rate_of_a_month(self):
        row = self._report_rows(JAN, self.grid_officer)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.grid_id, self.grid_a1)
        self.assertEqual(row.visit_count, 3)
        self.assertEqual(row.household_visited, 2)
        self.assertEqual(row.target, 4.0)
        self.assertAlmostEqual(row.visit_rate, 50.0)
        row_2 = self._report_rows(JAN, self.grid_officer_2)
        self.assertEqual((row_2.visit_count, row_2.household_visited),
                         (1, 1))
        self.assertAlmostEqual(row_2.visit_rate, 25.0)

    def test_month_without_visits_is_a_zero_rate(self):
        row = self._report_rows(FEB, self.grid_officer)
        self.assertEqual(len(row), 1)
        self.assertEqual((row.visit_count, row.household_visited), (0, 0))
        self.assertEqual(row.target, 4.0)
        self.assertEqual(row.visit_rate, 0.0)

    def test_clerk_visits_count_without_a_quota(self):
        row = self._report_rows(JAN, self.community_clerk)
        self.assertEqual((row.visit_count, row.household_visited), (1, 1))
        self.assertEqual(row.target, 0.0)

    def test_grouped_rate_divides_the_sums(self):
        groups = self.env["grid.visit.report"].read_group(
            [("officer_id", "in", self.officers.ids),
             ("month", "in", [JAN, FEB])],
            ["officer_id", "household_visited", "target", "visit_rate"],
            ["officer_id"])
        rates = {group["officer_id"][0]: (group["household_visited"],
                                          group["target"],
                                          group["visit_rate"])
                 for group in groups}
        self.assertEqual(rates[self.grid_officer.id], (2, 8.0, 25.0))
        self.assertEqual(rates[self.grid_officer_2.id], (1, 8.0, 12.5))

    def test_quota_is_split_over_the_grids_of_a_month(self):
        self.grid_a2.deputy_ids = self.grid_officer
        self._create_visit(self.grid_officer, self.household_a2, "2026-01-07")
        rows = self._report_rows(JAN, self.grid_officer)
        self.assertEqual(rows.mapped("grid_id"), self.grid_a1 | self.grid_a2)
        self.assertEqual(sum(rows.mapped("target")), 4.0)
        self.assertEqual(sum(rows.mapped("household_visited")), 3)

    # -- visit rate per grid, community and street ---------------------

    def _grid_rates(self, groupby, month=JAN):
        groups = self.env["grid.visit.grid.report"].read_group(
            [("month", "=", month),
             ("grid_id", "in", (self.grid_a1 | self.grid_a2
                                | self.grid_b1).ids)],
            [groupby, "household_count", "household_visited", "visit_rate"],
            [groupby])
        return {group[groupby][0]: (group["household_visited"],
                                    group["household_count"],
                                    group["visit_rate"])
                for group in groups}

    def test_grid_rate(self):
        rates = self._grid_rates("grid_id")
        self.assertEqual(rates[self.grid_a1.id], (2, 2, 100.0))
        self.assertEqual(rates[self.grid_a2.id], (1, 2, 50.0))
        self.assertEqual(rates[self.grid_b1.id], (0, 1, 0.0))
        self.assertEqual(self._grid_rates("grid_id", FEB)[self.grid_a1.id],
                         (0, 2, 0.0))

    def test_community_and_street_rates(self):
        communities = self._grid_rates("community_id")
        self.assertEqual(communities[self.community_a1.id], (2, 2, 100.0))
        self.assertEqual(communities[self.community_a2.id], (1, 2, 50.0))
        streets = self._grid_rates("company_id")
        self.assertEqual(streets[self.street_a.id], (3, 4, 75.0))
        self.assertEqual(streets[self.street_b.id], (0, 1, 0.0))

    # -- the workbook --------------------------------------------------

    def test_xlsx_export_per_officer_with_totals(self):
        rows = self.env["grid.visit.report"].search([
            ("officer_id", "in", self.officers.ids),
            ("month", "in", [JAN, FEB])])
        report = self.env.ref("community_grid.grid_visit_statistics_xlsx")
        content, file_type = report.render_xlsx(rows.ids, {})
        self.assertEqual(file_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        self.assertEqual(sheet.title, "走访统计")
        self.assertEqual(sheet.freeze_panes, "A3")
        headers = [cell.value for cell in sheet[2]]
        self.assertEqual(headers, ["序号", "月份", "网格员", "社区", "网格",
                                   "走访次数", "走访户数", "目标户数", "完成率"])
        lines = [[cell.value for cell in row]
                 for row in sheet.iter_rows(min_row=3)]
        self.assertEqual(len(lines), 5)  # 2 officers x 2 months + totals
        first = lines[0]
        self.assertEqual(first[1:3], ["2026-01", self.grid_officer.name])
        self.assertEqual(first[5:9], [3, 2, 4, 0.5])
        self.assertEqual(lines[-1][0], "合计")
        self.assertEqual(lines[-1][5:9], [4, 3, 16, 3 / 16.0])
        self.assertEqual(sheet["I3"].number_format, "0.0%")
        self.assertGreater(sheet.column_dimensions["E"].width, 15)

    # -- raising a case ------------------------------------------------

    def test_raise_case_from_a_visit(self):
        visit = self.visit_1.sudo(self.grid_officer)
        action = visit.action_raise_case()
        self.assertEqual(action["res_model"], "grid.case")
        case = self.env["grid.case"].browse(action["res_id"])
        self.assertEqual(case.channel, "visit")
        self.assertEqual(case.state, "report")
        self.assertEqual(case.visit_id, self.visit_1)
        self.assertEqual(case.household_id, self.household_a1)
        self.assertEqual(case.community_id, self.community_a1)
        self.assertIn("Broken stair light", case.description)
        self.assertEqual(case.reporter_resident_id, self.resident_a1)
        self.assertEqual(self.visit_1.case_ids, case)
        self.assertEqual(self.visit_1.case_count, 1)

    def test_raise_case_needs_findings(self):
        visit = self._create_visit(self.grid_officer, self.household_a1b,
                                   "2026-01-11")
        with self.assertRaisesRegex(UserError, "102"):
            visit.sudo(self.grid_officer).action_raise_case()
        self.assertFalse(visit.case_ids)

    def test_visit_cannot_be_dated_in_the_future(self):
        today = fields.Date.from_string(
            street_time.street_today(self.env, self.street_a))
        tomorrow = fields.Date.to_string(today + relativedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "102"):
            with self.cr.savepoint():
                self._create_visit(self.grid_officer, self.household_a1b,
                                   tomorrow)

    def test_visit_is_named_after_date_and_household(self):
        self.assertEqual(self.visit_1.display_name,
                         "2026-01-05 %s" % self.household_a1.name)

    def test_choosing_the_household_shows_its_grid_and_drops_strangers(self):
        visit = self.env["grid.visit"].new({
            "household_id": self.household_a2.id,
            "resident_ids": [(6, 0, self.resident_a1.ids)]})
        visit._onchange_household_id()
        self.assertEqual(visit.grid_id, self.grid_a2)
        self.assertFalse(visit.resident_ids)
