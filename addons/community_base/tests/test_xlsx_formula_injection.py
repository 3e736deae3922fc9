# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import TransactionCase

from ..tools.report_sheet import SAFE_WORKBOOK_OPTIONS

REPORT_PREFIXES = ("report.community_",)


class TestXlsxFormulaInjection(TransactionCase):
    """Text typed by a clerk (``=HYPERLINK(...)``, ``=cmd|...``) must reach
    the superior's Excel as text: every xlsx report of the four addons is
    written with xlsxwriter's formula and number conversions off."""

    def test_every_product_xlsx_report_writes_text_as_text(self):
        abstract = type(self.env["report.report_xlsx.abstract"])
        reports = [
            name for name in self.env.registry
            if name.startswith(REPORT_PREFIXES)
            and isinstance(self.env[name], abstract)
        ]
        self.assertGreaterEqual(len(reports), 5, reports)
        for name in reports:
            with self.subTest(report=name):
                options = self.env[name].get_workbook_options()
                for key, value in SAFE_WORKBOOK_OPTIONS.items():
                    self.assertIs(options.get(key), value, name)
