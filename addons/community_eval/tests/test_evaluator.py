# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import EvalRoleCase


class TestEvaluator(EvalRoleCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluation_menu = cls.env.ref("community_eval.evaluation_menu")
        cls.evaluators_action = cls.env.ref(
            "community_eval.res_users_evaluator_action")

    def test_evaluator_in_street_office_category(self):
        group = self.env.ref("community_eval.group_evaluator")
        self.assertEqual(
            group.category_id,
            self.env.ref("base.module_category_street_office"))
        self.assertTrue(group.comment)

    def test_evaluator_is_internal_user_without_street_role(self):
        user = self.evaluator
        self.assertTrue(user.has_group("base.group_user"))
        for xmlid in ("group_leader", "group_community_clerk",
                      "group_street_clerk", "group_street_admin"):
            self.assertFalse(
                user.has_group("community_base.%s" % xmlid), xmlid)

    def test_street_roles_do_not_make_evaluators(self):
        for user in (self.leader, self.community_clerk, self.street_clerk,
                     self.street_admin):
            self.assertFalse(user.has_group("community_eval.group_evaluator"),
                             user.login)

    def test_evaluator_sees_street_office_and_evaluation(self):
        menus = self.visible_menus(self.evaluator)
        self.assertIn(self.menu_root, menus)
        self.assertIn(self.evaluation_menu, menus)

    def test_evaluator_does_not_see_base_ledgers(self):
        self.assertNotIn(self.env.ref("community_base.base_ledger_menu"),
                         self.visible_menus(self.evaluator))

    def test_street_clerk_and_leader_see_evaluation(self):
        for user in (self.street_clerk, self.street_admin, self.leader):
            self.assertIn(self.evaluation_menu, self.visible_menus(user),
                          user.login)

    def test_community_clerk_sees_results_not_sheets(self):
        menus = self.visible_menus(self.community_clerk)
        self.assertIn(self.evaluation_menu, menus)
        self.assertIn(self.env.ref("community_eval.eval_result_menu"), menus)
        for xmlid in ("eval_sheet_menu", "eval_sheet_my_menu",
                      "eval_campaign_menu", "evaluation_config_menu"):
            self.assertNotIn(self.env.ref("community_eval.%s" % xmlid),
                             menus, xmlid)

    def test_users_without_street_role_do_not_see_evaluation(self):
        for user in (self.internal_user, self.portal_user):
            menus = self.visible_menus(user)
            self.assertNotIn(self.evaluation_menu, menus, user.login)
            self.assertNotIn(self.menu_root, menus, user.login)

    def test_evaluators_action_lists_evaluators_only(self):
        for user in (self.evaluator, self.street_clerk, self.leader):
            evaluators = self.open_action(self.evaluators_action, user)
            self.assertIn(self.evaluator, evaluators, user.login)
            self.assertNotIn(self.street_clerk, evaluators, user.login)
            self.assertTrue(all(
                evaluator.has_group("community_eval.group_evaluator")
                for evaluator in evaluators), user.login)

    def test_every_leaf_menu_opens_a_window_action(self):
        self.assert_leaf_menus_open_window_actions("community_eval")
