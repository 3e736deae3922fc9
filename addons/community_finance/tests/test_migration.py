# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pre-migration of 11.0.1.1.0 on the columns of 11.0.1.0.0, put back
inside the test's transaction: the subsidy standards keep their validity,
the runs their period and year, the allocation wizards their year."""
from odoo.addons.community_base.tests.migration_checks import (
    column_values,
    integer_to_text,
    load_script,
)
from odoo.addons.community_base.tools import migration

from .common import FinanceCase

RENAMED = [
    ("finance.subsidy.standard", "date_from", "date_start"),
    ("finance.subsidy.standard", "date_to", "date_end"),
    ("finance.subsidy.run", "date_from", "date_start"),
    ("finance.subsidy.run", "date_to", "date_end"),
]


class TestPreMigration(FinanceCase):

    def setUp(self):
        super().setUp()
        self.standard = self.env["finance.subsidy.standard"].create({
            "name": "Head 2018", "post_code": "head_2018", "amount": 1500.0,
            "date_start": "2018-01-01", "date_end": "2019-12-31"})
        self.run = self.env["finance.subsidy.run"].create({
            "company_id": self.street_a.id, "year": 2025, "month": "12",
            "journal_id": self.finance_journal.id,
            "expense_account_id": self.expense_account.id,
            "payable_account_id": self.env["account.account"].search([
                ("company_id", "=", self.street_a.id),
                ("internal_type", "=", "payable")], limit=1).id})
        self.wizard = self.env["finance.allocation.wizard"].create({
            "company_id": self.street_a.id, "year": 2027,
            "count_date": "2026-12-31"})
        self.fields = {
            (model, new): self.env["ir.model.fields"]._get(model, new).id
            for model, _old, new in RENAMED}
        # the columns as 11.0.1.0.0 made them
        cr = self.env.cr
        for model, old, new in RENAMED:
            migration.rename_field(cr, model, new, old)
        integer_to_text(cr, "finance_subsidy_run", "year", size=4)
        integer_to_text(cr, "finance_allocation_wizard", "year", size=4)

    def _migrate(self):
        load_script("community_finance", "11.0.1.1.0", "pre").migrate(
            self.env.cr, "11.0.1.0.0")

    def test_standards_and_runs_keep_their_periods(self):
        self._migrate()
        cr = self.env.cr
        self.assertEqual(
            {key: tuple(str(day) for day in days) for key, days in
             column_values(cr, "finance_subsidy_standard",
                           self.standard.ids, "date_start",
                           "date_end").items()},
            {self.standard.id: ("2018-01-01", "2019-12-31")})
        self.assertEqual(
            {key: tuple(str(day) for day in days) for key, days in
             column_values(cr, "finance_subsidy_run", self.run.ids,
                           "date_start", "date_end").items()},
            {self.run.id: ("2025-12-01", "2025-12-31")})
        for (model, new), field_id in self.fields.items():
            # sql: the field records kept their ids under the new names
            cr.execute("SELECT name FROM ir_model_fields WHERE id = %s",
                       (field_id,))
            self.assertEqual(cr.fetchone()[0], new, model)

    def test_years_become_integers(self):
        cr = self.env.cr
        self.assertEqual(migration.column_type(
            cr, "finance_subsidy_run", "year"), "character varying")
        self._migrate()
        for table, record, year in (
                ("finance_subsidy_run", self.run, 2025),
                ("finance_allocation_wizard", self.wizard, 2027)):
            self.assertEqual(migration.column_type(cr, table, "year"),
                             "integer")
            self.assertEqual(column_values(cr, table, record.ids, "year"),
                             {record.id: (year,)})

    def test_wizard_year_typed_wrong_becomes_empty(self):
        cr = self.env.cr
        # sql: a year the old Char field let through
        cr.execute("UPDATE finance_allocation_wizard SET year = '20x6' "
                   "WHERE id = %s", (self.wizard.id,))
        self._migrate()
        self.assertEqual(
            column_values(cr, "finance_allocation_wizard", self.wizard.ids,
                          "year"), {self.wizard.id: (None,)})

    def test_second_run_changes_nothing(self):
        self._migrate()
        cr = self.env.cr
        before = column_values(cr, "finance_subsidy_run", self.run.ids,
                               "year", "date_start", "date_end")
        self._migrate()
        self.assertEqual(column_values(
            cr, "finance_subsidy_run", self.run.ids, "year", "date_start",
            "date_end"), before)


class TestPostMigration(FinanceCase):

    def test_fields_from_mixins_get_the_xml_ids_of_a_new_database(self):
        names = ["field_finance_tax_source_company_id",
                 "field_finance_subsidy_standard_date_start"]
        data = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"), ("name", "in", names)])
        self.assertEqual(len(data), 2)
        data.write({"module": "community_finance"})   # as 11.0.1.0.0 had it
        load_script("community_finance", "11.0.1.1.0", "post").migrate(
            self.env.cr, "11.0.1.0.0")
        data.invalidate_cache()
        self.assertEqual(set(data.mapped("module")), {"community_base"})
        # a field the addon still defines itself keeps its module
        self.assertTrue(self.env.ref(
            "community_finance.field_finance_allocation_community_id"))


class TestPostMigration1120(FinanceCase):
    """11.0.1.2.0 on a street set up by 11.0.1.1.0: shipped categories
    without accounts, the office funds banded by households, the renamed
    menus with their old Chinese names."""

    def setUp(self):
        super().setUp()
        self.categories = self.env["finance.expense.category"].search([
            ("id", "in", [self.env.ref(
                "community_finance.finance_expense_category_%s" % code).id
                for code in ("community_transfer", "office", "activity",
                             "service_purchase", "staff_subsidy")])])
        self.categories.write({"account_ids": [(5, 0, 0)]})
        self.office = self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id), ("code", "=", "OFF")])
        self.office.write({"band_basis": "households", "band_ids": [
            (5, 0, 0),
            (0, 0, {"households_from": 0, "households_to": 1000,
                    "amount": 8000.0}),
            (0, 0, {"households_from": 1001, "households_to": 3000,
                    "amount": 9000.0}),
            (0, 0, {"households_from": 3001, "households_to": 0,
                    "amount": 10000.0})]})
        self.menu = self.env.ref(
            "community_finance.crossovered_budget_lines_menu")
        self.env["ir.translation"].search([
            ("type", "=", "model"), ("name", "=", "ir.ui.menu,name"),
            ("res_id", "=", self.menu.id)]).unlink()
        self.env["ir.translation"].create({
            "type": "model", "name": "ir.ui.menu,name", "lang": "zh_CN",
            "res_id": self.menu.id, "src": "Budget execution",
            "value": "预算执行", "state": "translated"})

    def _migrate(self):
        load_script("community_finance", "11.0.1.2.0", "post").migrate(
            self.env.cr, "11.0.1.1.0")
        self.env["ir.ui.menu"].invalidate_cache()
        self.env["finance.fund.standard"].invalidate_cache()
        self.env["finance.expense.category"].invalidate_cache()

    def test_categories_get_the_street_accounts(self):
        self._migrate()
        for category in self.categories:
            self.assertTrue(category.account_ids.filtered(
                lambda account: account.company_id == self.street_a),
                category.code)

    def test_untouched_office_funds_go_by_residents(self):
        self._migrate()
        self.assertEqual(self.office.band_basis, "residents")
        self.assertEqual(
            sorted((band.households_from, band.households_to, band.amount)
                   for band in self.office.band_ids),
            [(0, 4999, 8000.0), (5000, 0, 10000.0)])

    def test_office_funds_changed_by_the_street_stay(self):
        self.office.band_ids[0].amount = 8500.0
        self._migrate()
        self.assertEqual(self.office.band_basis, "households")
        self.assertEqual(len(self.office.band_ids), 3)

    def test_renamed_menu_loses_its_old_chinese_name(self):
        self._migrate()
        self.assertNotEqual(
            self.menu.with_context(lang="zh_CN").name, "预算执行")
