# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo_test_helper import FakeModelLoader

from odoo import models
from odoo.tests.common import SavepointCase
from odoo.tools.safe_eval import safe_eval

from ..tools import id_number


def fake_model_loader(env):
    """A loader of test-only models (odoo-test-helper), its registry backed
    up: ``update_registry(classes)`` adds them, ``restore_registry()``
    removes them.

    The loader reloads every model of the module it is given, from that
    module's classes only: under "community_base" it would rebuild
    community.building without the fields community_grid adds. The fake
    models get a module of their own instead (the loader restores only
    modules that had models at backup time, hence the entry).
    """
    models.MetaModel.module_to_models.setdefault("community_fake", [])
    loader = FakeModelLoader(env, "odoo.addons.community_fake.tests")
    loader.backup_registry()
    return loader


class StreetRoleCase(SavepointCase):
    """Users holding each street role, built without demo data.

    The other community_* addons build on this class for their own roles.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # English messages and labels: the test database speaks zh_CN, and
        # Odoo 11 translates into the context's language, else the user's;
        # tests match wordings in English and the Chinese is checked by the
        # translation test and the browser tests
        cls.env = cls.env(context=dict(
            cls.env.context, tracking_disable=True, no_reset_password=True,
            lang="en_US"))
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


def make_id_number(region="110105", birth="19800101", sequence="001"):
    """A valid 18-character ID number (GB 11643) built from its parts; an
    odd ``sequence`` makes a man, an even one a woman."""
    first17 = "%s%s%s" % (region, birth, sequence)
    return first17 + id_number.check_char(first17)


class CommunityCase(StreetRoleCase):
    """Two streets of one district, their communities and a small register,
    and the users of each role scoped to them. Built without demo data; the
    other parts of community_base and the other community_* addons build on
    it.

    Street A has communities A1 and A2, street B has community B1. Each
    community has one compound, one building and households with residents.
    The users of StreetRoleCase work in street A; ``community_clerk`` in
    community A1 only, ``community_clerk_a2`` in A2 only, ``street_clerk_b``
    in street B.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.district = Company.create({"name": "Test District"})
        cls.street_a = Company.create({
            "name": "Test Street A", "parent_id": cls.district.id,
            "is_street_office": True})
        cls.street_b = Company.create({
            "name": "Test Street B", "parent_id": cls.district.id,
            "is_street_office": True})

        cls.community_a1 = cls._create_community("A1", cls.street_a)
        cls.community_a2 = cls._create_community("A2", cls.street_a)
        cls.community_b1 = cls._create_community("B1", cls.street_b)

        cls.compound_a1 = cls._create_compound("Sunshine Garden", cls.community_a1)
        cls.compound_a2 = cls._create_compound("Peace Lane", cls.community_a2)
        cls.compound_b1 = cls._create_compound("East Wind Yard", cls.community_b1)
        cls.building_a1 = cls._create_building("Building 1", cls.compound_a1)
        cls.building_a2 = cls._create_building("Building 2", cls.compound_a2)
        cls.building_b1 = cls._create_building("Building 3", cls.compound_b1)
        cls.household_a1 = cls._create_household(cls.building_a1, "1", "101")
        cls.household_a1b = cls._create_household(cls.building_a1, "1", "102")
        cls.household_a2 = cls._create_household(cls.building_a2, "2", "201")
        cls.household_b1 = cls._create_household(cls.building_b1, "3", "301")

        cls.resident_a1 = cls._create_resident(
            "Wang Jianguo", cls.household_a1, make_id_number(
                "110105", "19491231", "001"),
            relation="head", phone="13812345678")
        cls.household_a1.head_id = cls.resident_a1
        cls.resident_a1_spouse = cls._create_resident(
            "Li Xiuying", cls.household_a1, make_id_number(
                "110105", "19520305", "002"),
            relation="spouse", phone="13912345678")
        cls.resident_a2 = cls._create_resident(
            "Zhang Wei", cls.household_a2, make_id_number(
                "110106", "19851010", "013"),
            relation="head", phone="13712345678")
        cls.resident_b1 = cls._create_resident(
            "Liu Fang", cls.household_b1, make_id_number(
                "110108", "19900520", "024"),
            relation="head", phone="13612345678")

        # the users of StreetRoleCase work in street A
        for user in (cls.leader, cls.community_clerk, cls.street_clerk,
                     cls.street_admin):
            cls._set_street(user, cls.street_a)
        cls.community_clerk.community_ids = cls.community_a1
        cls.community_clerk_a2 = cls._create_user(
            "community_clerk_a2", "community_base.group_community_clerk")
        cls._set_street(cls.community_clerk_a2, cls.street_a)
        cls.community_clerk_a2.community_ids = cls.community_a2
        cls.street_clerk_b = cls._create_user(
            "street_clerk_b", "community_base.group_street_clerk")
        cls._set_street(cls.street_clerk_b, cls.street_b)

    @classmethod
    def _set_street(cls, user, street):
        user.write({"company_ids": [(6, 0, street.ids)],
                    "company_id": street.id})

    @classmethod
    def _create_community(cls, code, street):
        return cls.env["community.community"].create({
            "name": "Community %s" % code, "code": code,
            "company_id": street.id})

    @classmethod
    def _create_compound(cls, name, community, kind="estate"):
        return cls.env["community.compound"].create({
            "name": name, "community_id": community.id, "kind": kind})

    @classmethod
    def _create_building(cls, name, compound):
        return cls.env["community.building"].create({
            "name": name, "compound_id": compound.id,
            "unit_count": 3, "floor_count": 6})

    @classmethod
    def _create_household(cls, building, unit, room, **vals):
        vals.update({"building_id": building.id, "unit": unit, "room": room})
        return cls.env["community.household"].create(vals)

    @classmethod
    def _create_resident(cls, name, household, number=False, **vals):
        vals.update({"name": name, "household_id": household.id,
                     "id_number": number})
        return cls.env["community.resident"].create(vals)
