# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16, landing: every user given a street role lands on the page of
their highest role (res.groups.community_home_action_id), not on the
Discuss inbox, whether the role is given when the user is made, later on
the user, in the user form's role fields or through the group."""
from .common import StreetRoleCase


class TestLanding(StreetRoleCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(
            "community_base.community_kpi_dashboard_action")
        cls.my_work = cls.env.ref("community_base.community_kpi_my_work_action")
        cls.register = cls.env.ref("community_base.community_resident_action")
        cls.clerk_group = cls.env.ref("community_base.group_community_clerk")
        cls.leader_group = cls.env.ref("community_base.group_leader")

    def assert_lands_on(self, user, action):
        self.assertEqual(user.action_id.id, action.id, user.login)

    def test_each_role_lands_on_its_page_when_the_user_is_made(self):
        self.assert_lands_on(self.leader, self.dashboard)
        self.assert_lands_on(self.street_admin, self.dashboard)
        self.assert_lands_on(self.community_clerk, self.my_work)
        self.assert_lands_on(self.street_clerk, self.my_work)
        # no role, no landing page of a role
        self.assertFalse(self.internal_user.action_id)

    def test_the_highest_role_wins(self):
        user = self._create_user(
            "clerk_and_leader", "community_base.group_community_clerk",
            "community_base.group_leader")
        self.assert_lands_on(user, self.dashboard)

    def test_a_change_of_roles_moves_the_landing_page(self):
        user = self.community_clerk
        user.write({"groups_id": [(3, self.clerk_group.id),
                                  (4, self.leader_group.id)]})
        self.assert_lands_on(user, self.dashboard)
        # every role taken away: no role's page either
        user.write({"groups_id": [(3, self.leader_group.id)]})
        self.assertFalse(user.action_id)

    def test_the_user_form_role_fields_move_it_too(self):
        user = self.internal_user
        user.write({"in_group_%d" % self.clerk_group.id: True})
        self.assertTrue(user.has_group("community_base.group_community_clerk"))
        self.assert_lands_on(user, self.my_work)

    def test_a_role_given_through_the_group_moves_it_too(self):
        user = self.internal_user
        self.leader_group.write({"users": [(4, user.id)]})
        self.assert_lands_on(user, self.dashboard)

    def test_a_landing_page_chosen_by_hand_stays(self):
        user = self.community_clerk
        user.action_id = self.register.id
        user.write({"groups_id": [(4, self.leader_group.id)]})
        self.assert_lands_on(user, self.register)

    def test_users_made_before_get_their_page(self):
        """The data files' call fills the landing page of users made
        before the roles named theirs, and keeps a chosen one."""
        self.leader.action_id = False
        self.street_clerk.action_id = self.register.id
        self.env["res.users"]._community_fill_home_actions()
        self.assert_lands_on(self.leader, self.dashboard)
        self.assert_lands_on(self.street_clerk, self.register)

    def test_a_role_given_a_new_page_moves_its_holders(self):
        self.clerk_group.community_home_action_id = self.register.id
        self.assert_lands_on(self.community_clerk, self.register)
        # the leader's page was not the clerks'
        self.assert_lands_on(self.leader, self.dashboard)

    def test_the_street_menu_comes_before_discuss(self):
        """A user without a landing page opens the first menu."""
        discuss = self.env.ref("mail.mail_channel_menu_root_chat")
        menus = self.visible_menus(self.community_clerk).filtered(
            lambda menu: not menu.parent_id)
        self.assertIn(discuss, menus)
        self.assertEqual(menus.sorted(
            lambda menu: (menu.sequence, menu.id))[0], self.menu_root)
