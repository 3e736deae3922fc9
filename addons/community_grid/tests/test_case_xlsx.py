# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.exceptions import AccessError

from .case_statistics_fixture import CaseStatisticsCase


class TestCaseXlsx(CaseStatisticsCase):

    def read_back(self, content):
        return openpyxl.load_workbook(io.BytesIO(content))

    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def statistics_workbook(self, user, grouping="all"):
        wizard = self.env["grid.case.statistics.wizard"].sudo(
            user.id).create({
                "date_start": "2026-10-01", "date_end": "2026-10-31",
                "company_id": self.street_a.id, "grouping": grouping})
        action = wizard.action_export()
        self.assertEqual(action["report_name"],
                         "community_grid.case_statistics_xlsx")
        report = self.env.ref(
            "community_grid.grid_case_statistics_xlsx").sudo(user.id)
        content, file_type = report.render_xlsx(wizard.ids, {})
        self.assertEqual(file_type, "xlsx")
        return self.read_back(content)

    def case_list(self, user, cases):
        report = self.env.ref("community_grid.grid_case_list_xlsx").sudo(
            user.id)
        content, file_type = report.render_xlsx(cases.ids, {})
        self.assertEqual(file_type, "xlsx")
        return self.read_back(content)

    # -- statistics ---------------------------------------------------------

    def test_statistics_workbook_has_one_sheet_per_grouping(self):
        workbook = self.statistics_workbook(self.leader)
        self.assertEqual(workbook.sheetnames,
                         ["按社区", "按事件类别", "按处置单位"])
        only = self.statistics_workbook(self.leader, grouping="category")
        self.assertEqual(only.sheetnames, ["按事件类别"])

    def test_statistics_sheet_title_headers_rows_and_totals(self):
        sheet = self.statistics_workbook(self.leader)["按社区"]
        rows = self.rows(sheet)
        self.assertIn("Test Street A", rows[0][0])
        self.assertIn("2026-10-01 至 2026-10-31", rows[0][0])
        merged = {str(cell_range) for cell_range in sheet.merged_cells.ranges}
        self.assertIn("A1:R1", merged)      # the title
        self.assertIn("A2:A3", merged)      # the name column's header
        self.assertIn("C2:G2", merged)      # 办结 over its five columns
        self.assertIn("K2:O2", merged)      # 满意度评价
        self.assertIn("P2:R2", merged)      # 答复承诺（123）
        self.assertEqual(rows[1][15], "答复承诺（123）")
        self.assertEqual(rows[2][15:18],
                         ["应答复数", "按时答复数", "答复承诺兑现率"])
        self.assertEqual(rows[1][2], "办结")
        self.assertEqual(rows[1][0], "社区")  # merged over both rows
        self.assertEqual(rows[2][1:5],
                         ["受理数", "办结数", "按时办结数", "按时办结率"])
        self.assertEqual(rows[2][14], "满意率")
        self.assertEqual([row[0] for row in rows[3:]],
                         ["Community A1", "Community A2", "合计"])
        self.assertEqual(rows[3][1:5], [4, 3, 2, 2 / 3])
        total = rows[5]
        self.assertEqual(total[1:4], [6, 5, 4])
        # the street's rate: 4 of 5 closed on time, not the mean of 2/3, 1
        self.assertAlmostEqual(total[4], 0.8)
        self.assertAlmostEqual(total[5], 2.8)
        self.assertAlmostEqual(total[6], 2.0)
        self.assertAlmostEqual(total[14], 0.8)
        self.assertEqual(sheet.cell(row=6, column=5).number_format, "0.0%")
        self.assertEqual(sheet.cell(row=4, column=6).number_format, "0.0")
        self.assertEqual(sheet.freeze_panes, "B4")
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        self.assertEqual(int(sheet.page_setup.paperSize), 9)
        self.assertGreaterEqual(sheet.column_dimensions["A"].width, 20)

    def test_statistics_rate_of_a_unit_without_closed_case_is_blank(self):
        rows = self.rows(self.statistics_workbook(self.leader)["按处置单位"])
        by_name = {row[0]: row for row in rows[3:]}
        self.assertEqual(by_name["Civil affairs section"][1:5],
                         [1, 0, 0, None])
        self.assertEqual(rows[-2][0], "Not dispatched")
        self.assertEqual(rows[-1][0], "合计")

    def test_community_clerk_workbook_covers_their_community(self):
        rows = self.rows(
            self.statistics_workbook(self.community_clerk)["按社区"])
        self.assertEqual([row[0] for row in rows[3:]],
                         ["Community A1", "合计"])
        self.assertEqual(rows[4][1:4], [4, 3, 2])

    def test_reports_are_offered_where_they_belong(self):
        """The case list in the cases' Print menu; the statistics only
        through the wizard (a Print menu entry on the wizard would print
        without a period)."""
        case_list = self.env.ref("community_grid.grid_case_list_xlsx")
        self.assertEqual(case_list.binding_model_id.model, "grid.case")
        self.assertEqual(case_list.report_type, "xlsx")
        statistics = self.env.ref("community_grid.grid_case_statistics_xlsx")
        self.assertFalse(statistics.binding_model_id)

    # -- case list ----------------------------------------------------------

    def test_case_list_has_every_step_and_totals(self):
        cases = (self.cases["c1"] | self.cases["c2"] | self.cases["c3"])
        sheet = self.case_list(self.community_clerk, cases)["事件清单"]
        rows = self.rows(sheet)
        self.assertIn("共3件", rows[0][0])
        headers = rows[1]
        for header in ("事件编号", "事件类别", "社区", "来源渠道", "报告人",
                       "报告人电话", "状态", "上报时间", "派遣时间",
                       "处理反馈时间", "核查时间", "结案时间", "评价时间",
                       "办理期限", "原定期限", "是否超期", "按时办结",
                       "办结天数（工作日）", "满意度"):
            self.assertIn(header, headers)
        column = {header: index for index, header in enumerate(headers)}
        by_name = {row[0]: row for row in rows[2:5]}
        first = by_name[self.cases["c1"].name]
        self.assertEqual(first[column["事件类别"]], "Stat environment")
        self.assertEqual(first[column["来源渠道"]], "热线")
        self.assertEqual(first[column["状态"]], "考核评价")
        self.assertEqual(first[column["满意度"]], "满意")
        self.assertEqual(first[column["报告人电话"]],
                         self.cases["c1"].sudo().reporter_phone)
        # local (Beijing) times
        self.assertEqual(first[column["上报时间"]],
                         datetime.datetime(2026, 10, 5, 10, 0))
        self.assertEqual(first[column["结案时间"]],
                         datetime.datetime(2026, 10, 7, 10, 0))
        self.assertEqual(first[column["按时办结"]], "是")
        self.assertEqual(first[column["办结天数（工作日）"]], 2)
        open_case = by_name[self.cases["c3"].name]
        self.assertEqual(open_case[column["状态"]], "处理反馈")
        self.assertIsNone(open_case[column["结案时间"]])
        self.assertIsNone(open_case[column["办结天数（工作日）"]])
        total = rows[5]
        self.assertEqual(total[:2], ["合计", "3件"])
        self.assertEqual(total[column["按时办结"]], 1)
        # the average over the two closed cases (2 and 6 days)
        self.assertAlmostEqual(total[column["办结天数（工作日）"]], 4.0)
        self.assertEqual(sheet.freeze_panes, "B3")

    def test_case_list_hides_the_phone_from_a_leader(self):
        rows = self.rows(self.case_list(
            self.leader, self.cases["c1"])["事件清单"])
        self.assertNotIn("报告人电话", rows[1])
        self.assertIn("报告人", rows[1])
        self.assertNotIn(self.cases["c1"].sudo().reporter_phone,
                         [value for row in rows for value in row])

    def test_case_list_of_another_community_is_refused(self):
        with self.assertRaises(AccessError):
            self.case_list(self.community_clerk, self.cases["c5"])
