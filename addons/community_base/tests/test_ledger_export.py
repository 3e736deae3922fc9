# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import AccessError

from odoo.addons.community_base.tools import street_time

from .common import CommunityCase


class TestLedgerExport(CommunityCase):

    def export(self, xmlid, records, user=None):
        """Render the ledger report ``xmlid`` of ``records`` as ``user``
        and read the workbook back."""
        user = user or self.community_clerk
        report = self.env.ref(xmlid).sudo(user.id)
        content, file_type = report.render_xlsx(records.ids, {})
        self.assertEqual(file_type, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_community_ledger_has_title_headers_and_totals(self):
        workbook = self.export("community_base.community_community_ledger_xlsx",
                               self.community_a1)
        self.assertEqual(workbook.sheetnames,
                         ["Community A1 户", "Community A1 居民"])
        residents = workbook["Community A1 居民"]
        rows = self.rows(residents)
        title = rows[0][0]
        self.assertIn("Test Street A", title)
        self.assertIn("Community A1", title)
        self.assertIn(street_time.street_today(self.env, self.street_a), title)
        self.assertIn("A1:Q1", {str(cell_range) for cell_range
                                in residents.merged_cells.ranges})
        self.assertEqual(rows[1][:6],
                         ["序号", "姓名", "性别", "出生日期", "年龄", "身份证号"])
        self.assertEqual([row[1] for row in rows[2:4]],
                         ["Wang Jianguo", "Li Xiuying"])
        self.assertEqual(rows[2][5], self.resident_a1.sudo().id_number)
        self.assertEqual(rows[2][2], "男")
        self.assertEqual(rows[2][3].date().isoformat(), "1949-12-31")
        self.assertEqual(rows[4][:2], ["合计", "2人"])
        self.assertIn("男1人，女1人", rows[4][2])
        self.assertEqual(residents.freeze_panes, "A3")

    def test_household_sheet_totals_households_and_members(self):
        workbook = self.export("community_base.community_community_ledger_xlsx",
                               self.community_a1)
        rows = self.rows(workbook["Community A1 户"])
        self.assertEqual(rows[1][:5], ["序号", "小区名称", "楼栋号", "单元", "室"])
        self.assertEqual([row[4] for row in rows[2:4]], ["101", "102"])
        self.assertEqual(rows[2][6], "Wang Jianguo")
        self.assertEqual(rows[4][0], "合计")
        self.assertEqual(rows[4][1], "2户")
        self.assertEqual(rows[4][7], 2)

    def test_building_ledger_lists_its_households_and_residents(self):
        workbook = self.export("community_base.community_building_ledger_xlsx",
                               self.building_a1)
        households, residents = (workbook[name] for name in workbook.sheetnames)
        self.assertIn("Building 1", self.rows(households)[0][0])
        self.assertEqual(self.rows(households)[-1][1], "2户")
        self.assertEqual(self.rows(residents)[-1][1], "2人")

    def test_compound_and_household_ledgers(self):
        workbook = self.export("community_base.community_compound_ledger_xlsx",
                               self.compound_a1)
        self.assertEqual(self.rows(workbook.worksheets[1])[-1][1], "2人")
        workbook = self.export(
            "community_base.community_household_ledger_xlsx",
            self.household_a1b)
        households, residents = workbook.worksheets
        self.assertEqual(self.rows(households)[-1][1], "1户")
        self.assertEqual(self.rows(residents)[-1][1], "0人")

    def test_leader_exports_masked_numbers(self):
        workbook = self.export("community_base.community_community_ledger_xlsx",
                               self.community_a1, user=self.leader)
        rows = self.rows(workbook.worksheets[1])
        self.assertEqual(rows[2][5], self.resident_a1.id_number_masked)
        self.assertIn("*", rows[2][5])
        self.assertIn("*", rows[2][6])

    def test_community_clerk_cannot_export_another_community(self):
        with self.assertRaises(AccessError):
            self.export("community_base.community_community_ledger_xlsx",
                        self.community_a2)
        with self.assertRaises(AccessError):
            self.export("community_base.community_building_ledger_xlsx",
                        self.building_a2)

    def test_street_clerk_cannot_export_another_street(self):
        with self.assertRaises(AccessError):
            self.export("community_base.community_community_ledger_xlsx",
                        self.community_b1, user=self.street_clerk)
