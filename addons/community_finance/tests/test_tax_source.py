# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import FinanceCase

HEADER = ["纳税人识别号", "所属期", "税种", "税额"]


def workbook_file(rows, header=None):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header or HEADER)
    for row in rows:
        sheet.append(row)
    content = io.BytesIO()
    workbook.save(content)
    return base64.b64encode(content.getvalue())


class TestTaxSource(FinanceCase):
    """协税护税: the register of tax sources, the tax office's amounts
    imported all or nothing, the street's share, collection tasks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Source = cls.env["finance.tax.source"]
        cls.shop = Source.create({
            "partner_id": cls.env["res.partner"].create({
                "name": "Sunshine Grocery"}).id,
            "tax_number": "91110105MA01ABCD1X",
            "source_type": "individual", "tax_type": "vat",
            "community_id": cls.community_a1.id})
        cls.factory = Source.create({
            "partner_id": cls.env["res.partner"].create({
                "name": "Peace Printing Ltd", "is_company": True}).id,
            "tax_number": "91110105MA01WXYZ2K",
            "source_type": "enterprise", "tax_type": "corporate_income",
            "community_id": cls.community_a2.id})

    def _import(self, rows, share_rate=30.0, user=None, **kwargs):
        wizard = self.env["finance.tax.import.wizard"].sudo(
            (user or self.finance_officer).id).create({
                "file": workbook_file(rows, **kwargs),
                "filename": "tax.xlsx", "share_rate": share_rate,
                "company_id": self.street_a.id})
        return wizard.action_import()

    def test_tax_number_checked(self):
        for number in ("12345", "91110105MA01中文1X0000"[:18]):
            with self.assertRaises(ValidationError), \
                    self.env.cr.savepoint():
                self.shop.copy({"tax_number": number})

    def test_tax_number_unique_in_street(self):
        with self.assertRaises(IntegrityError), \
                mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.shop.copy({"tax_number": "91110105ma01abcd1x"})

    def test_import_creates_records_with_street_share(self):
        action = self._import([
            ["91110105MA01ABCD1X", "2026-03", "增值税", 1200.50],
            ["91110105ma01wxyz2k", "2026-03", "企业所得税", 10000],
        ])
        records = self.env["finance.tax.record"].search(action["domain"])
        self.assertEqual(len(records), 2)
        shop = records.filtered(lambda record: record.source_id == self.shop)
        self.assertEqual(shop.community_id, self.community_a1)
        self.assertEqual(shop.company_id, self.street_a)
        self.assertEqual(shop.tax_type, "vat")
        self.assertEqual(self.currency.compare_amounts(shop.amount, 1200.5), 0)
        # 30 % of 1,200.50
        self.assertEqual(
            self.currency.compare_amounts(shop.street_share, 360.15), 0)
        self.assertEqual(self.currency.compare_amounts(
            self.factory.street_share_total, 3000.0), 0)

    def test_import_with_bad_rows_saves_nothing_and_names_every_row(self):
        with self.assertRaises(UserError) as refusal:
            self._import([
                ["91110105MA01ABCD1X", "2026-03", "增值税", 100],
                ["UNKNOWN000000000X", "2026-03", "增值税", 100],
                ["91110105MA01ABCD1X", "2026-13", "增值税", 100],
                ["91110105MA01WXYZ2K", "2026-03", "Salt tax", 100],
                ["91110105MA01WXYZ2K", "2026-04", "印花税", "a lot"],
                ["91110105MA01ABCD1X", "2026-03", "增值税", 50],
            ])
        # one line per bad row after the first, in row order, each with
        # its row number and the faulty value (the words are translated)
        lines = refusal.exception.name.split("\n")[1:]
        expected = [(3, "UNKNOWN000000000X"), (4, "2026-13"), (5, "Salt tax"),
                    (6, "a lot"), (7, "2")]
        self.assertEqual(len(lines), len(expected))
        for line, (row, value) in zip(lines, expected):
            self.assertRegex(line, r"\b%d\b" % row)
            self.assertIn(value, line)
        self.assertFalse(self.env["finance.tax.record"].search([
            ("company_id", "=", self.street_a.id)]))

    def test_negative_amount_refused(self):
        with self.assertRaises(UserError) as refusal:
            self._import([["91110105MA01ABCD1X", "2026-03", "增值税", -5]])
        line = refusal.exception.name.split("\n")[1]
        self.assertRegex(line, r"\b2\b")
        self.assertIn("-5", line)

    def test_reimport_of_same_period_refused(self):
        rows = [["91110105MA01ABCD1X", "2026-03", "增值税", 100]]
        self._import(rows)
        with self.assertRaises(UserError) as refusal:
            self._import(rows)
        self.assertIn("Sunshine Grocery 2026-03", refusal.exception.name)

    def test_missing_column_refused(self):
        with self.assertRaises(UserError):
            self._import([["91110105MA01ABCD1X", "2026-03", 100]],
                         header=["纳税人识别号", "所属期", "税额"])

    def test_source_of_other_street_not_matched(self):
        self.env["finance.tax.source"].create({
            "partner_id": self.env["res.partner"].create({
                "name": "East Wind Bakery"}).id,
            "tax_number": "92110108MA01BBBB3C",
            "community_id": self.community_b1.id})
        with self.assertRaises(UserError):
            self._import([["92110108MA01BBBB3C", "2026-03", "增值税", 10]])

    def test_clerk_cannot_import(self):
        with self.assertRaises(AccessError):
            self._import([["91110105MA01ABCD1X", "2026-03", "增值税", 10]],
                         user=self.community_clerk)

    def test_totals_per_period_and_community(self):
        self._import([
            ["91110105MA01ABCD1X", "2026-03", "增值税", 100],
            ["91110105MA01ABCD1X", "2026-04", "增值税", 200],
            ["91110105MA01WXYZ2K", "2026-03", "企业所得税", 1000],
        ], share_rate=50.0)
        groups = self.env["finance.tax.record"].read_group(
            [("company_id", "=", self.street_a.id)],
            ["period", "amount", "street_share"], ["period"])
        by_period = {group["period"]: group for group in groups}
        self.assertEqual(self.currency.compare_amounts(
            by_period["2026-03"]["amount"], 1100.0), 0)
        self.assertEqual(self.currency.compare_amounts(
            by_period["2026-03"]["street_share"], 550.0), 0)
        groups = self.env["finance.tax.record"].read_group(
            [("company_id", "=", self.street_a.id)],
            ["community_id", "amount"], ["community_id"])
        by_community = {group["community_id"][0]: group["amount"]
                        for group in groups}
        self.assertEqual(self.currency.compare_amounts(
            by_community[self.community_a1.id], 300.0), 0)

    def test_clerk_sees_own_community_sources_only(self):
        sources = self.env["finance.tax.source"].sudo(
            self.community_clerk.id).search([])
        self.assertIn(self.shop, sources)
        self.assertNotIn(self.factory, sources)

    def test_collection_task_workflow(self):
        task = self.env["finance.tax.task"].sudo(
            self.community_clerk.id).create({
                "name": "Collect stamp duty", "source_id": self.shop.id,
                "amount_due": 80.0})
        self.assertEqual(task.community_id, self.community_a1)
        task.action_start()
        with self.assertRaises(UserError):
            task.action_done()
        task.amount_collected = 80.0
        task.action_done()
        self.assertEqual(task.state, "done")
        with self.assertRaises(UserError):
            task.action_cancel()

    def test_collection_task_needs_positive_amount(self):
        with self.assertRaises(ValidationError):
            self.env["finance.tax.task"].create({
                "name": "Nothing", "source_id": self.shop.id,
                "amount_due": 0.0})

    def test_clerk_cannot_task_other_community(self):
        with self.assertRaises(AccessError):
            self.env["finance.tax.task"].sudo(
                self.community_clerk.id).create({
                    "name": "Collect", "source_id": self.factory.id,
                    "amount_due": 10.0})
