# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import GridRoleCase


class TestGridOfficer(GridRoleCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid_management_menu = cls.env.ref(
            "community_grid.grid_management_menu")
        cls.officers_action = cls.env.ref(
            "community_grid.res_users_grid_officer_action")

    def test_grid_officer_is_internal_user_without_clerk_role(self):
        user = self.grid_officer
        self.assertTrue(user.has_group("base.group_user"))
        for xmlid in ("group_community_clerk", "group_street_clerk",
                      "group_leader", "group_street_admin"):
            self.assertFalse(
                user.has_group("community_base.%s" % xmlid), xmlid)

    def test_street_roles_do_not_make_grid_officers(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.street_admin, self.leader):
            self.assertFalse(
                user.has_group("community_grid.group_grid_officer"),
                user.login)

    def test_grid_officer_sees_street_office_and_grid_management(self):
        menus = self.visible_menus(self.grid_officer)
        self.assertIn(self.menu_root, menus)
        self.assertIn(self.grid_management_menu, menus)

    def test_grid_officer_does_not_see_base_ledgers(self):
        menus = self.visible_menus(self.grid_officer)
        self.assertNotIn(self.env.ref("community_base.base_ledger_menu"),
                         menus)

    def test_street_clerk_and_leader_see_grid_management(self):
        for user in (self.street_clerk, self.street_admin, self.leader):
            self.assertIn(self.grid_management_menu,
                          self.visible_menus(user), user.login)

    def test_community_clerk_sees_grids_and_visits(self):
        """Community clerks manage the grids and visits of their
        communities, so the grid menus are theirs too."""
        menus = self.visible_menus(self.community_clerk)
        for xmlid in ("grid_management_menu", "grid_menu", "grid_grid_menu",
                      "grid_visit_menu", "grid_report_menu"):
            self.assertIn(self.env.ref("community_grid.%s" % xmlid), menus,
                          xmlid)
        self.assertNotIn(
            self.env.ref("community_grid.grid_configuration_menu"), menus)

    def test_users_without_street_role_do_not_see_grid_management(self):
        for user in (self.internal_user, self.portal_user):
            menus = self.visible_menus(user)
            self.assertNotIn(self.grid_management_menu, menus, user.login)
            self.assertNotIn(self.menu_root, menus, user.login)

    def test_grid_officers_action_lists_grid_officers_only(self):
        for user in (self.grid_officer, self.street_clerk, self.leader):
            officers = self.open_action(self.officers_action, user)
            self.assertIn(self.grid_officer, officers, user.login)
            self.assertNotIn(self.street_clerk, officers, user.login)
            self.assertNotIn(self.community_clerk, officers, user.login)
            self.assertTrue(all(
                officer.has_group("community_grid.group_grid_officer")
                for officer in officers), user.login)

    def test_every_leaf_menu_opens_a_window_action(self):
        self.assert_leaf_menus_open_window_actions("community_grid")
