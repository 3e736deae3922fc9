# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from .case_common import CaseLoopCase


class TestGridReportPack(CaseLoopCase):
    """The grid sheets of the monthly report pack and the grid tiles of the
    dashboard, on a known month (March 2026)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for officer, household, day in (
                (cls.grid_officer, cls.household_a1, "2026-03-03"),
                (cls.grid_officer, cls.household_a1, "2026-03-10"),
                (cls.grid_officer, cls.household_a1b, "2026-03-11"),
                (cls.grid_officer_2, cls.household_a2, "2026-03-05"),
                # another month does not count
                (cls.grid_officer, cls.household_a1, "2026-02-27")):
            cls._create_visit(officer, household, day)
        cls.cases_a1 = cls._create_case() | cls._create_case()
        cls.case_a2 = cls._create_case(household_id=cls.household_a2.id)
        cls.case_b1 = cls._create_case(household_id=cls.household_b1.id)

    def build(self):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(
                self.street_clerk).create({
                    "company_id": self.street_a.id, "month": "2026-03-01"})
        pack.action_generate()
        self.assertEqual(pack.state, "done", pack.error)
        return openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))

    @staticmethod
    def rows(sheet, count):
        return [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=4, max_row=3 + count)]

    def test_pack_has_the_grid_sheets_in_order(self):
        names = self.build().sheetnames
        self.assertEqual(names[:4], [
            "Cover", "Population", "Grids and visits", "Cases"])

    def test_grid_coverage_and_visits_of_the_month(self):
        sheet = self.build()["Grids and visits"]
        self.assertEqual(sheet["A1"].value,
                         "Grid coverage and household visits")
        self.assertEqual(sheet.freeze_panes, "B4")
        a1, a2, total = self.rows(sheet, 3)
        # community, grids, households, in grids, coverage, per officer,
        # visits, households visited, target, visit rate
        self.assertEqual(a1[:5], ["Community A1", 1, 2, 2, 1])
        self.assertEqual(a1[5], 2)
        self.assertEqual(a1[6:9], [3, 2, 30])
        self.assertAlmostEqual(a1[9], 2 / 30)
        self.assertEqual(a2[:9], ["Community A2", 1, 1, 1, 1, 1, 1, 1, 30])
        self.assertAlmostEqual(a2[9], 1 / 30)
        self.assertEqual(total[:5], ["Street total", 2, 3, 3, 1])
        self.assertIsNone(total[5])
        self.assertEqual(total[6:9], [4, 3, 60])
        self.assertAlmostEqual(total[9], 3 / 60)
        self.assertEqual(sheet.cell(row=4, column=10).number_format, "0.0%")

    def test_cases_of_the_month(self):
        sheet = self.build()["Cases"]
        a1, a2, total = self.rows(sheet, 3)
        # received, closed, on time: nothing closed in March
        self.assertEqual(a1[:4], ["Community A1", 2, 0, 0])
        self.assertEqual(a2[:4], ["Community A2", 1, 0, 0])
        self.assertEqual(total[:4], ["Street total", 3, 0, 0])
        # street B's case is not in street A's pack
        self.assertIsNone(sheet.cell(row=7, column=1).value)

    def test_grid_tiles_follow_each_users_access(self):
        tiles = {xmlid: self.env.ref("community_grid.%s" % xmlid)
                 for xmlid in ("community_kpi_grid_coverage",
                               "community_kpi_cases_open",
                               "community_kpi_visits_month")}
        expected = {
            # coverage (%), open cases, visits in the month
            self.street_clerk: (100.0, 3.0, 4.0),
            self.leader: (100.0, 3.0, 4.0),
            self.community_clerk: (100.0, 2.0, 3.0),
            self.street_clerk_b: (100.0, 1.0, 0.0),
        }
        for user, figures in expected.items():
            got = tuple(
                tiles[xmlid].sudo(user).with_context(
                    kpi_today="2026-03-20").value
                for xmlid in ("community_kpi_grid_coverage",
                              "community_kpi_cases_open",
                              "community_kpi_visits_month"))
            self.assertEqual(got, figures, user.login)
        officer = tiles["community_kpi_cases_open"].sudo(self.grid_officer)
        self.assertEqual(officer.value, 2.0)
