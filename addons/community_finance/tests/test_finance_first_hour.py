# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a finance officer meets in the first hour (issue 16, item 6): the
menus, a budget line's drill-down, available amount against variance, the
budgetary position's label, the office-fund standard by bands and by
residents, and the shipped expense categories with their accounts."""
import datetime
import random

from lxml import etree

from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from ..tools import demo_loader
from .fund_common import FundCase

CATEGORIES = (
    "community_finance.finance_expense_category_community_transfer",
    "community_finance.finance_expense_category_office",
    "community_finance.finance_expense_category_activity",
    "community_finance.finance_expense_category_service_purchase",
    "community_finance.finance_expense_category_staff_subsidy",
)


class TestFinanceMenus(FundCase):

    def _visible(self, user, domain):
        return self.env["ir.ui.menu"].sudo(user.id).with_context(
            lang="zh_CN").search(domain)

    def test_finance_officer_reads_each_menu_name_once(self):
        root = self.env.ref("community_base.menu_root")
        menus = self._visible(self.finance_officer,
                              [("id", "child_of", root.id)])
        names = [menu.name for menu in menus]
        twice = sorted({name for name in names if names.count(name) > 1})
        self.assertFalse(twice, "menus of the same name: %s" % twice)
        # the two former pairs: execution and lines, list and wizard
        for xmlid in ("crossovered_budget_lines_menu",
                      "finance_budget_execution_report_menu",
                      "finance_allocation_menu",
                      "finance_allocation_wizard_menu"):
            self.assertIn(self.env.ref("community_finance." + xmlid), menus)

    def test_one_finance_root_for_every_finance_role(self):
        root = self.env.ref("community_base.menu_root")
        finance_root = self.env.ref("community_finance.quasi_finance_menu")
        data = self.env["ir.model.data"].search([
            ("module", "=", "community_finance"),
            ("model", "=", "ir.ui.menu")])
        ours = self.env["ir.ui.menu"].browse(data.mapped("res_id"))
        for user in (self.finance_officer, self.leader,
                     self.community_clerk):
            tops = self._visible(user, [("parent_id", "=", root.id)]) & ours
            self.assertEqual(tops, finance_root, user.login)
            # and something to open under it
            self.assertTrue(self._visible(user, [
                ("id", "child_of", finance_root.id),
                ("action", "!=", False)]), user.login)


class TestBudgetLineDrillDown(FundCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget_a = cls._create_budget()
        cls.line = cls._create_budget_line(
            cls.budget_a, cls.community_a1, 10000.0)
        cls._approve_budget(cls.budget_a)
        cls.commitment = cls.env["finance.commitment"].commit_budget(
            cls.line, 1500.0, name="Autumn festival")
        cls._post_expense(cls.community_a1, 2000.0)
        cls._post_expense(cls.community_a1, 500.0, ref="Second expense")
        # spent on another community: not this line's
        cls._post_expense(cls.community_a2, 700.0)

    def _open(self, action, user):
        return self.env[action["res_model"]].sudo(user.id).search(
            action["domain"])

    def test_commitments_of_the_line(self):
        line = self.line.sudo(self.finance_officer.id)
        self.assertEqual(line.commitment_count, 1)
        action = line.action_open_commitments()
        self.assertEqual(self._open(action, self.finance_officer),
                         self.commitment)

    def test_expense_items_sum_to_the_actual_amount(self):
        line = self.line.sudo(self.finance_officer.id)
        self.assertEqual(line.actual_item_count, 2)
        items = self._open(line.action_open_actual_items(),
                           self.finance_officer)
        self.assertEqual(len(items), 2)
        self.assertAlmostEqual(-sum(items.mapped("amount")),
                               line.actual_amount)
        self.assertAlmostEqual(line.actual_amount, 2500.0)
        moves = self._open(line.action_open_journal_items(),
                           self.finance_officer)
        self.assertEqual(sum(moves.mapped("debit")), 2500.0)

    def test_other_street_sees_nothing_through_the_buttons(self):
        """The buttons' lists apply the record rules: an officer of
        street B opening the same domains reads none of street A's."""
        action = self.line.action_open_commitments()
        self.assertFalse(self._open(action, self.finance_officer_b))

    def test_line_has_a_form_with_the_buttons(self):
        view = self.env["crossovered.budget.lines"].fields_view_get(
            view_type="form")
        for method in ("action_open_commitments", "action_open_actual_items",
                       "action_open_journal_items"):
            self.assertIn('name="%s"' % method, view["arch"])
        action = self.env.ref(
            "community_finance.crossovered_budget_lines_action")
        self.assertIn("form", action.view_mode.split(","))

    def test_available_and_variance_differ_by_the_commitments(self):
        """可用余额 = budget − open commitments − actual; 预算差异 = budget −
        actual: with 1,500 committed they differ by 1,500."""
        line = self.line
        self.assertEqual(line.available_amount, 10000.0 - 1500.0 - 2500.0)
        self.assertEqual(line.variance_amount, 10000.0 - 2500.0)
        self.commitment.release()
        line.invalidate_cache()
        self.assertEqual(line.available_amount, line.variance_amount)

    def test_position_column_is_not_labelled_status(self):
        """Upstream's field label "Budgetary Position" reads 预算状况
        ("budget status") in zh_CN, beside the budget status column: our
        views name the column with our term, 预算科目."""
        Line = self.env["crossovered.budget.lines"]
        budget_form = self.env.ref("account_budget.crossovered_budget_view_form")
        for arch in (
                Line.fields_view_get(view_type="tree", view_id=self.env.ref(
                    "community_finance.crossovered_budget_lines_view_tree"
                ).id)["arch"],
                Line.fields_view_get(view_type="form")["arch"],
                self.env["crossovered.budget"].fields_view_get(
                    view_id=budget_form.id, view_type="form")["arch"]):
            for node in etree.fromstring(arch).iter("field"):
                if node.get("name") == "general_budget_id":
                    self.assertEqual(node.get("string"),
                                     "Budgetary position")


class TestDemoCommitments(FundCase):

    def test_demo_lines_show_available_and_variance_apart(self):
        demo_loader.load_street(self.env, self.street_a, random.Random(1),
                                datetime.date(2026, 6, 30))
        lines = self.env["crossovered.budget.lines"].search([
            ("company_id", "=", self.street_a.id)])
        apart = lines.filtered(
            lambda line: line.available_amount != line.variance_amount)
        self.assertTrue(apart)
        for line in apart:
            self.assertAlmostEqual(
                line.variance_amount - line.available_amount,
                line.committed_amount)


class TestFundStandards(FundCase):

    def _office(self):
        return self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id), ("code", "=", "OFF")])

    def test_banded_standard_shows_its_bands_not_a_zero_rate(self):
        office = self._office().with_context(lang="zh_CN")
        self.assertEqual(office.method, "fixed")
        self.assertNotIn(formatLang(self.env, 0.0,
                                    currency_obj=office.currency_id),
                         office.amount_summary)
        self.assertIn(formatLang(self.env, 8000.0,
                                 currency_obj=office.currency_id),
                      office.amount_summary)
        for band in office.band_ids:
            self.assertIn(band.display_name, office.amount_summary)
        self.assertNotEqual(office.amount_summary,
                            self._work_funds().amount_summary)
        view = self.env["finance.fund.standard"].fields_view_get(
            view_type="tree")
        self.assertNotIn('name="rate"', view["arch"])
        self.assertIn('name="amount_summary"', view["arch"])

    def _work_funds(self):
        return self.env["finance.fund.standard"].search([
            ("company_id", "=", self.street_a.id), ("code", "=", "CWF")])

    def test_shipped_office_funds_go_by_residents(self):
        """Longyan: 10,000 yuan from 5,000 residents, 8,000 below, whatever
        the number of households."""
        office = self._office()
        self.assertEqual(office.band_basis, "residents")
        self.assertEqual(office._amount_for(10, 5000)[0], 10000.0)
        self.assertEqual(office._amount_for(4000, 4999)[0], 8000.0)
        self.assertIn("4999", office._amount_for(4000, 4999)[1])

    def test_allocation_by_residents(self):
        """A1 has 2 households and 2 residents, A2 1 household and, with
        these, 4 residents: by residents A2 reaches the upper band, by
        households it does not."""
        for number in range(3):
            self._create_resident("Resident %d" % number, self.household_a2)
        standard = self.env["finance.fund.standard"].create({
            "name": "Office by people", "code": "OBP",
            "company_id": self.street_a.id, "method": "fixed",
            "band_basis": "residents", "date_start": "2026-01-01",
            "band_ids": [
                (0, 0, {"households_from": 0, "households_to": 3,
                        "amount": 100.0}),
                (0, 0, {"households_from": 4, "households_to": 0,
                        "amount": 200.0})]})
        wizard = self.env["finance.allocation.wizard"].create({
            "company_id": self.street_a.id, "year": 2026,
            "count_date": datetime.date.today().isoformat(),
            "standard_ids": [(6, 0, standard.ids)]})
        wizard.action_compute()
        amounts = {line.community_id: (line.amount, line.resident_count)
                   for line in wizard.line_ids}
        self.assertEqual(amounts[self.community_a1], (100.0, 2))
        self.assertEqual(amounts[self.community_a2], (200.0, 4))
        standard.band_basis = "households"
        wizard.action_compute()
        self.assertEqual(
            {line.community_id: line.amount for line in wizard.line_ids},
            {self.community_a1: 100.0, self.community_a2: 100.0})


class TestShippedCategoryAccounts(FundCase):

    def test_setup_gives_each_shipped_category_an_account(self):
        street = self.street_b
        street._finance_setup()
        for xmlid in CATEGORIES:
            category = self.env.ref(xmlid)
            accounts = category.account_ids.filtered(
                lambda account: account.company_id == street)
            self.assertEqual(len(accounts), 1, xmlid)
            self.assertEqual(accounts.user_type_id,
                             street.finance_expense_account_id.user_type_id)
        # a rerun adds nothing
        street._finance_setup()
        self.assertEqual(len(self.env.ref(CATEGORIES[0]).account_ids.filtered(
            lambda account: account.company_id == street)), 1)

    def test_fund_of_an_early_request_receives_its_money(self):
        """A request approved before the street's finance was set up opens
        a fund without transfer; the set-up drafts it, and once posted the
        fund has received the funding."""
        street = self.street_b
        category = self.env.ref(CATEGORIES[0])
        request = self.env["community.admission.request"].create({
            "name": "Census of the elderly",
            "department_id": self.env["hr.department"].create({
                "name": "Civil affairs"}).id,
            "task_type": "task", "legal_basis": "Statistics Law",
            "community_ids": [(6, 0, self.community_b1.ids)],
            "funding_amount": 3000.0,
            "company_id": street.id,
            "currency_id": street.currency_id.id,
            "date_start": "2026-04-01",
        })
        # approved: what the approval does next, before street B's set-up
        request.write({"state": "approved"})
        request._create_funding_funds()
        fund = request.fund_ids
        self.assertEqual(fund.expense_category_ids, category)
        self.assertFalse(fund.transfer_move_id)
        street._finance_setup()
        self.assertTrue(fund.transfer_move_id)
        fund.action_post_transfer()
        fund.invalidate_cache()
        self.assertEqual(fund.received_amount, 3000.0)

    def test_refusal_names_the_category_without_account(self):
        self.category_office.account_ids = False
        move = self._spend_move(self.fund, 100.0, self.expense_account)
        with self.assertRaises(UserError) as raised:
            move.post()
        message = raised.exception.name
        self.assertIn(self.category_office.name, message)
        self.assertIn(self.street_a.name, message)
        self.assertIn("Expense categories", message)
