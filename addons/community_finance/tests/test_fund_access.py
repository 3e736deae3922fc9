# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .fund_common import FundCase


class TestFundAccess(FundCase):
    """Only finance officers post and keep the funds; clerks propose; the
    leader reads; nobody reaches another street's funds."""

    def test_finance_officer_creates_fund(self):
        fund = self.env["finance.fund"].sudo(self.finance_officer.id).create({
            "name": "Flood relief", "code": "F-FLOOD",
            "company_id": self.street_a.id, "purpose": "Relief",
            "source": "donation"})
        self.assertTrue(fund.analytic_account_id)

    def test_leader_reads_funds_but_cannot_change_them(self):
        fund = self.fund.sudo(self.leader.id)
        self.assertEqual(fund.name, "Elderly care fund")
        self.assertIn(fund, fund.search([]))
        with self.assertRaises(AccessError):
            fund.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            fund.create({"name": "X", "code": "X", "purpose": "X"})

    def test_clerk_reads_funds_but_cannot_create(self):
        Fund = self.env["finance.fund"].sudo(self.community_clerk.id)
        self.assertIn(self.fund, Fund.search([]))
        with self.assertRaises(AccessError):
            Fund.create({"name": "X", "code": "X", "purpose": "X"})

    def test_street_admin_reads_funds_as_leader_but_cannot_change(self):
        fund = self.fund.sudo(self.street_admin.id)
        self.assertEqual(fund.name, "Elderly care fund")
        with self.assertRaises(AccessError):
            fund.write({"name": "Renamed"})

    def test_plain_employee_cannot_read_funds(self):
        with self.assertRaises(AccessError):
            self.fund.sudo(self.internal_user.id).read(["name"])

    def test_other_street_finance_officer_cannot_see_fund(self):
        Fund = self.env["finance.fund"].sudo(self.finance_officer_b.id)
        self.assertNotIn(self.fund, Fund.search([]))
        with self.assertRaises(AccessError):
            self.fund.sudo(self.finance_officer_b.id).read(["name"])

    def test_clerk_cannot_post_fund_entries(self):
        with self.assertRaises(AccessError):
            self._spend_move(self.fund, 10.0, self.expense_account).sudo(
                self.community_clerk.id).post()

    def test_leader_cannot_post_fund_entries(self):
        move = self._spend_move(self.fund, 10.0, self.expense_account)
        with self.assertRaises(AccessError):
            move.sudo(self.leader.id).post()
        self.assertEqual(move.state, "draft")

    def test_finance_officer_posts_fund_entry(self):
        self._receive(self.fund, 100.0)
        move = self._spend_move(self.fund, 10.0, self.expense_account)
        move.sudo(self.finance_officer.id).post()
        self.assertEqual(move.state, "posted")

    def test_clerk_cannot_change_expense_categories(self):
        with self.assertRaises(AccessError):
            self.category_office.sudo(self.street_clerk.id).write({
                "account_ids": [(4, self.other_expense_account.id)]})

    def test_clerk_cannot_run_or_read_subsidy_runs(self):
        with self.assertRaises(AccessError):
            self.env["finance.subsidy.run"].sudo(
                self.street_clerk.id).search([])

    def test_leader_cannot_import_tax_amounts(self):
        with self.assertRaises(AccessError):
            self.env["finance.tax.record"].sudo(
                self.leader.id).check_access_rights("create")

    def test_menus_by_role(self):
        public = self.env.ref("community_finance.finance_public_menu")
        runs = self.env.ref("community_finance.finance_subsidy_run_menu")
        for user in (self.leader, self.community_clerk, self.finance_officer):
            self.assertIn(public, self.visible_menus(user), user.login)
        self.assertIn(runs, self.visible_menus(self.finance_officer))
        for user in (self.leader, self.community_clerk, self.street_admin):
            self.assertNotIn(runs, self.visible_menus(user), user.login)
        for user in (self.internal_user, self.portal_user):
            self.assertNotIn(public, self.visible_menus(user), user.login)

    def test_fund_menu_opens_for_each_reader(self):
        action = self.env.ref("community_finance.finance_fund_action")
        for user in (self.leader, self.community_clerk, self.finance_officer):
            self.assertIn(self.fund, self.open_action(action, user))

    def test_every_action_opens_for_its_roles(self):
        """Load the views of every action of the funds part and read what
        they show, as each role its menu is meant for."""
        public = ["finance_fund_action", "finance_service_project_action",
                  "finance_subsidy_holder_action", "finance_tax_source_action",
                  "finance_tax_record_action", "finance_tax_task_action"]
        finance_only = ["finance_subsidy_run_action",
                        "finance_subsidy_standard_action",
                        "finance_expense_category_action"]
        for name in public + finance_only:
            action = self.env.ref("community_finance.%s" % name)
            users = [self.finance_officer]
            if name in public:
                users += [self.leader, self.community_clerk]
            for user in users:
                records = self.open_action(action, user).sudo()
                # what each role finds stays in its street, and a community
                # clerk's in their communities (or the street's own rows)
                if "company_id" in records._fields:
                    self.assertLessEqual(
                        set(records.mapped("company_id").ids),
                        set(self.street_a.ids), (name, user.login))
                if user == self.community_clerk and \
                        "community_id" in records._fields:
                    self.assertLessEqual(
                        set(records.mapped("community_id").ids),
                        set(user.community_ids.ids), (name, user.login))
