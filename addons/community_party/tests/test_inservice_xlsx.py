# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io

import openpyxl

from odoo.exceptions import AccessError, UserError

from .inservice_common import InserviceCase

FEEDBACK = "community_party.party_inservice_feedback_xlsx"
LEDGER = "community_party.party_inservice_ledger_xlsx"


class TestInserviceWorkbooks(InserviceCase):
    """The yearly feedback sheet to the units and the reporting ledger,
    read back from the real workbooks."""

    def export(self, xmlid, records, user, data=None):
        report = self.env.ref(xmlid).sudo(user.id)
        content, file_type = report.render_xlsx(records.ids, data or {})
        self.assertEqual(file_type, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    @staticmethod
    def rows(sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_feedback_has_a_sheet_per_unit_and_a_row_per_member(self):
        workbook = self.export(
            FEEDBACK, self.reg_1 | self.reg_2 | self.reg_3 | self.reg_v1,
            self.party_officer)
        self.assertEqual(workbook.sheetnames, ["Unit U", "Unit V"])
        rows = self.rows(workbook["Unit U"])
        self.assertIn("Unit U", rows[0][0])
        self.assertIn("%s年度" % self.year, rows[0][0])
        self.assertEqual(rows[2], [
            "序号", "姓名", "报到社区", "报到日期", "认领岗位及服务项目",
            "本年度活动次数", "本年度服务时长（小时）", "社区评价意见"])
        members = rows[3:6]
        self.assertEqual([row[1] for row in members],
                         ["Qian Min", "Sun Hao", "Zhao Lei"])
        zhao = members[2]
        self.assertEqual(zhao[2], "Community A1")
        self.assertEqual(zhao[3].date(), datetime.date(self.year - 1, 3, 1))
        self.assertIn("楼栋值守：Sunshine Garden", zhao[4])
        self.assertIn("志愿服务岗：A1 volunteer team，Weekend patrol", zhao[4])
        self.assertEqual(zhao[5:8], [2, 5.5, "Keeps Building 1 tidy."])
        self.assertEqual(members[1][5:7], [0, 0])
        totals = rows[6]
        self.assertEqual(totals[0], "合计")
        self.assertEqual(totals[1], "报到3人，本年度活跃2人")
        self.assertEqual(totals[5:7], [3, 9.5])

    def test_feedback_of_last_year(self):
        workbook = self.export(
            FEEDBACK, self.reg_1 | self.reg_2 | self.reg_3 | self.reg_v1,
            self.party_officer, data={"year": self.year - 1})
        # Unit V's member registered this year: nothing to send for last year
        self.assertEqual(workbook.sheetnames, ["Unit U"])
        rows = self.rows(workbook["Unit U"])
        self.assertIn("%s年度" % (self.year - 1), rows[0][0])
        by_name = {row[1]: row for row in rows[3:6]}
        self.assertEqual(by_name["Sun Hao"][5:7], [1, 6.0])
        self.assertEqual(rows[6][5:7], [2, 7.0])

    def test_feedback_of_a_year_without_registration_is_refused(self):
        with self.assertRaises(UserError):
            self.export(FEEDBACK, self.reg_v1, self.party_officer,
                        data={"year": self.year - 1})

    def test_ledger_shows_numbers_to_the_party_roles(self):
        workbook = self.export(LEDGER, self.reg_1 | self.reg_2 | self.reg_3,
                               self.party_secretary)
        self.assertEqual(workbook.sheetnames, ["Community A1"])
        rows = self.rows(workbook["Community A1"])
        self.assertIn("在职党员到社区报到台账", rows[0][0])
        self.assertIn("Test Street A", rows[0][0])
        self.assertEqual(rows[2][:5], ["序号", "姓名", "性别", "身份证号",
                                       "联系电话"])
        zhao = [row for row in rows if row[1] == "Zhao Lei"][0]
        self.assertEqual(zhao[3], self.member_u1.id_number)
        self.assertEqual(zhao[4], "13800000001")
        self.assertEqual(zhao[5:8], ["Unit U", "Unit U party branch",
                                     "Unit U party branch"])
        self.assertEqual(zhao[9], "个人报到")
        self.assertEqual(zhao[11:14], [2, 5.5, "在册"])
        self.assertEqual(rows[-1][0], "合计")
        self.assertEqual(rows[-1][11:13], [3, 9.5])

    def test_ledger_masks_numbers_for_the_leader(self):
        workbook = self.export(LEDGER, self.reg_1, self.leader)
        zhao = self.rows(workbook["Community A1"])[3]
        number = self.member_u1.id_number
        self.assertEqual(zhao[3], number[:6] + "*" * 8 + number[-4:])
        self.assertEqual(zhao[4], "138****0001")

    def test_ledger_has_a_sheet_per_community(self):
        workbook = self.export(LEDGER, self.reg_1 | self.reg_v1,
                               self.party_officer)
        self.assertEqual(workbook.sheetnames,
                         ["Community A1", "Community A2"])

    def test_workbooks_follow_the_rules(self):
        with self.assertRaises(AccessError):
            self.export(LEDGER, self.reg_1, self.party_secretary_a2)
        with self.assertRaises(AccessError):
            self.export(FEEDBACK, self.reg_1, self.party_organiser)

    def test_other_roles_cannot_print(self):
        for user in (self.community_clerk, self.internal_user):
            with self.assertRaises(AccessError):
                self.export(LEDGER, self.reg_1, user)
            with self.assertRaises(AccessError):
                self.export(FEEDBACK, self.reg_1, user)
