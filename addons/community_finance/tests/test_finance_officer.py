# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import FinanceRoleCase


class TestFinanceOfficer(FinanceRoleCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quasi_finance_menu = cls.env.ref(
            "community_finance.quasi_finance_menu")
        cls.budget_menu = cls.env.ref(
            "community_finance.crossovered_budget_menu")
        cls.budget_post_menu = cls.env.ref(
            "community_finance.account_budget_post_menu")

    def test_finance_officer_in_street_office_category(self):
        group = self.env.ref("community_finance.group_finance_officer")
        self.assertEqual(
            group.category_id,
            self.env.ref("base.module_category_street_office"))
        self.assertTrue(group.comment)

    def test_finance_officer_implies_accounting_not_street_roles(self):
        user = self.finance_officer
        self.assertTrue(user.has_group("base.group_user"))
        self.assertTrue(user.has_group("account.group_account_user"))
        for xmlid in ("group_leader", "group_community_clerk",
                      "group_street_clerk", "group_street_admin"):
            self.assertFalse(
                user.has_group("community_base.%s" % xmlid), xmlid)

    def test_street_admin_is_not_finance_officer(self):
        self.assertFalse(self.street_admin.has_group(
            "community_finance.group_finance_officer"))
        self.assertFalse(
            self.street_admin.has_group("account.group_account_user"))

    def test_administrator_user_is_finance_officer(self):
        self.assertTrue(self.env.ref("base.user_root").has_group(
            "community_finance.group_finance_officer"))

    def test_finance_officer_sees_quasi_finance_menus(self):
        menus = self.visible_menus(self.finance_officer)
        for menu in (self.menu_root, self.quasi_finance_menu,
                     self.budget_menu, self.budget_post_menu):
            self.assertIn(menu, menus, menu.complete_name)

    def test_finance_officer_does_not_see_base_ledgers(self):
        self.assertNotIn(self.env.ref("community_base.base_ledger_menu"),
                         self.visible_menus(self.finance_officer))

    def test_street_roles_see_quasi_finance_without_the_books(self):
        """Quasi-finance is every finance role's one root (issue 16):
        leaders and clerks find their budget proposals under it, not the
        finance officer's budgets and positions."""
        for user in (self.leader, self.community_clerk, self.street_clerk,
                     self.street_admin):
            menus = self.visible_menus(user)
            self.assertIn(self.quasi_finance_menu, menus, user.login)
            self.assertNotIn(self.budget_menu, menus, user.login)
            self.assertNotIn(self.budget_post_menu, menus, user.login)
        for user in (self.internal_user, self.portal_user):
            self.assertNotIn(self.quasi_finance_menu,
                             self.visible_menus(user), user.login)

    def test_finance_officer_opens_budgets(self):
        budgets = self.open_action(self.budget_menu.action,
                                   self.finance_officer)
        self.assertIn(self.budget, budgets)

    def test_finance_officer_opens_budgetary_positions(self):
        posts = self.open_action(self.budget_post_menu.action,
                                 self.finance_officer)
        self.assertIn(self.budget_post, posts)

    def test_finance_officer_creates_budget(self):
        budget = self.env["crossovered.budget"].sudo(
            self.finance_officer.id).create({
                "name": "Community work funds 2027",
                "date_from": "2027-01-01",
                "date_to": "2027-12-31",
            })
        self.assertEqual(budget.creating_user_id, self.finance_officer)

    def test_street_roles_read_budgets_through_proposals_menu(self):
        # leaders read budgets and clerks propose them, under
        # quasi-finance but outside the finance officer's menus
        menu = self.env.ref("community_finance.crossovered_budget_menu_proposal")
        for user in (self.leader, self.community_clerk, self.street_admin):
            self.assertIn(menu, self.visible_menus(user), user.login)
            self.assertIn(self.budget, self.open_action(menu.action, user))

    def test_internal_user_cannot_read_budgets(self):
        with self.assertRaises(AccessError):
            self.open_action(self.budget_menu.action, self.internal_user)

    def test_every_leaf_menu_opens_a_window_action(self):
        self.assert_leaf_menus_open_window_actions("community_finance")
