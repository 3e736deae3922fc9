# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import StreetRoleCase


class TestStreetRoles(StreetRoleCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env.ref(
            "base.module_category_street_office")
        cls.department = cls.env["hr.department"].create({
            "name": "Civil Affairs Section",
        })

    def test_base_roles_belong_to_street_office_category(self):
        for xmlid in ("group_leader", "group_community_clerk",
                      "group_street_clerk", "group_street_admin"):
            group = self.env.ref("community_base.%s" % xmlid)
            self.assertEqual(group.category_id, self.category, xmlid)
            self.assertTrue(group.comment, xmlid)
        self.assertEqual(self.category.name, "Street Office")

    def test_one_street_office_category_holds_addons_and_roles(self):
        categories = self.env["ir.module.category"].search(
            [("name", "=", "Street Office")])
        self.assertEqual(categories, self.category)
        addons = self.env["ir.module.module"].search(
            [("category_id", "=", self.category.id)])
        self.assertIn("community_base", addons.mapped("name"))
        self.assertEqual(
            self.category.with_context(lang="zh_CN").name, "街道社区治理")

    def test_street_admin_implies_every_base_role(self):
        for xmlid in ("community_base.group_street_clerk",
                      "community_base.group_community_clerk",
                      "community_base.group_leader",
                      "base.group_user"):
            self.assertTrue(self.street_admin.has_group(xmlid), xmlid)

    def test_street_clerk_implies_community_clerk_only(self):
        user = self.street_clerk
        self.assertTrue(user.has_group("community_base.group_community_clerk"))
        self.assertFalse(user.has_group("community_base.group_street_admin"))
        self.assertFalse(user.has_group("community_base.group_leader"))

    def test_community_clerk_gets_no_street_wide_role(self):
        user = self.community_clerk
        self.assertTrue(user.has_group("base.group_user"))
        self.assertFalse(user.has_group("community_base.group_street_clerk"))
        self.assertFalse(user.has_group("community_base.group_street_admin"))
        self.assertFalse(user.has_group("community_base.group_leader"))

    def test_leader_is_not_a_clerk(self):
        user = self.leader
        self.assertTrue(user.has_group("base.group_user"))
        self.assertFalse(user.has_group("community_base.group_community_clerk"))
        self.assertFalse(user.has_group("community_base.group_street_clerk"))

    def test_administrator_user_reaches_the_street_configuration(self):
        """The administrator who installs the product configures the
        street: the configuration menu, shown to street administrators
        only, is in their menu too."""
        admin = self.env.ref("base.user_root")
        configuration = self.env.ref("community_base.configuration_menu")
        self.assertIn(configuration, self.visible_menus(admin))
        self.assertNotIn(configuration, self.visible_menus(self.street_clerk))

    def test_root_menu_carries_its_icon(self):
        self.assertEqual(self.menu_root.web_icon,
                         "community_base,static/description/icon.png")
        self.assertTrue(self.menu_root.web_icon_data)

    def test_root_menu_visible_to_every_street_role(self):
        for user in (self.leader, self.community_clerk, self.street_clerk,
                     self.street_admin):
            self.assertIn(self.menu_root, self.visible_menus(user), user.login)

    def test_root_menu_hidden_from_internal_user_without_street_role(self):
        self.assertNotIn(self.menu_root,
                         self.visible_menus(self.internal_user))

    def test_portal_user_cannot_read_menus(self):
        with self.assertRaises(AccessError):
            self.menu_root.sudo(self.portal_user.id).read(["name"])
        self.assertFalse(self.visible_menus(self.portal_user))

    def test_departments_menu_visible_to_every_street_role(self):
        menu = self.env.ref("community_base.hr_department_menu")
        for user in (self.leader, self.community_clerk, self.street_clerk,
                     self.street_admin):
            self.assertIn(menu, self.visible_menus(user), user.login)

    def test_street_offices_menu_visible_to_street_admin_only(self):
        menu = self.env.ref("community_base.res_company_menu")
        self.assertIn(menu, self.visible_menus(self.street_admin))
        for user in (self.leader, self.community_clerk, self.street_clerk):
            self.assertNotIn(menu, self.visible_menus(user), user.login)

    def test_configuration_menu_visible_to_street_admin_only(self):
        menu = self.env.ref("community_base.configuration_menu")
        self.assertIn(menu, self.visible_menus(self.street_admin))
        for user in (self.leader, self.community_clerk, self.street_clerk):
            self.assertNotIn(menu, self.visible_menus(user), user.login)

    def test_every_leaf_menu_opens_a_window_action(self):
        self.assert_leaf_menus_open_window_actions("community_base")

    def test_community_clerk_opens_departments(self):
        action = self.env.ref("community_base.hr_department_action")
        records = self.open_action(action, self.community_clerk)
        self.assertIn(self.department, records)

    def test_leader_cannot_change_departments(self):
        department = self.department.sudo(self.leader.id)
        with self.assertRaises(AccessError):
            department.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            department.create({"name": "New Section"})

    def test_street_admin_opens_street_offices(self):
        action = self.env.ref("community_base.res_company_action")
        records = self.open_action(action, self.street_admin)
        self.assertIn(self.street_admin.company_id, records)

    def test_street_admin_opens_street_roles_only(self):
        action = self.env.ref("community_base.res_groups_action")
        roles = self.open_action(action, self.street_admin)
        self.assertIn(self.env.ref("community_base.group_community_clerk"),
                      roles)
        self.assertEqual(roles.mapped("category_id"), self.category)
