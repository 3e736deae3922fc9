# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase
from odoo.tools.safe_eval import safe_eval


class StreetRoleCase(SavepointCase):
    """Users holding each street role, built without demo data.

    The other community_* addons build on this class for their own roles.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(
            cls.env.context, tracking_disable=True, no_reset_password=True))
        cls.menu_root = cls.env.ref("community_base.menu_root")
        cls.leader = cls._create_user("leader", "community_base.group_leader")
        cls.community_clerk = cls._create_user(
            "community_clerk", "community_base.group_community_clerk")
        cls.street_clerk = cls._create_user(
            "street_clerk", "community_base.group_street_clerk")
        cls.street_admin = cls._create_user(
            "street_admin", "community_base.group_street_admin")
        cls.internal_user = cls._create_user("internal", "base.group_user")
        cls.portal_user = cls._create_user("portal", "base.group_portal")

    @classmethod
    def _create_user(cls, login, *group_xmlids):
        """Create a user holding exactly ``group_xmlids`` (and what they
        imply), instead of the default groups of new users."""
        login = "street_test_%s" % login
        return cls.env["res.users"].create({
            "name": login,
            "login": login,
            "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [cls.env.ref(xmlid).id
                                  for xmlid in group_xmlids])],
        })

    def visible_menus(self, user):
        """The menus the web client shows to ``user``: none to a user who
        may not read menus at all (portal and public users)."""
        menus = self.env["ir.ui.menu"]
        if not menus.sudo(user.id).check_access_rights(
                "read", raise_exception=False):
            return menus
        return menus.browse(menus.sudo(user.id)._visible_menu_ids())

    def assert_leaf_menus_open_window_actions(self, module):
        """Every menu of ``module`` without children opens a window action
        on a model of the registry: the web client hides a menu with no
        action and no visible child."""
        menus = self.env["ir.ui.menu"].browse(self.env["ir.model.data"].search([
            ("module", "=", module), ("model", "=", "ir.ui.menu"),
        ]).mapped("res_id"))
        leaves = menus.filtered(lambda menu: not menu.child_id)
        self.assertTrue(leaves, module)
        for menu in leaves:
            action = menu.action
            self.assertTrue(action and action.exists(), menu.complete_name)
            self.assertEqual(action._name, "ir.actions.act_window",
                             menu.complete_name)
            self.assertIn(action.res_model, self.env, menu.complete_name)

    def open_action(self, action, user):
        """Do what the web client does when ``user`` opens ``action``: load
        its views, search with its domain and read the fields the views
        show. Return the records found."""
        eval_context = {"uid": user.id, "user": user}
        model = self.env[action.res_model].sudo(user.id).with_context(
            **safe_eval(action.context or "{}", eval_context))
        fields_views = model.load_views(
            [list(view) for view in action.views])["fields_views"]
        records = model.search(safe_eval(action.domain or "[]", eval_context))
        for fields_view in fields_views.values():
            records.read(list(fields_view["fields"]))
        return records
