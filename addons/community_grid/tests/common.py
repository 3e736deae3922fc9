# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import CommunityCase, StreetRoleCase


class GridRoleCase(StreetRoleCase):
    """The street roles plus a grid officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid_officer = cls._create_user(
            "grid_officer", "community_grid.group_grid_officer")


class GridCase(CommunityCase):
    """CommunityCase plus one grid per community and two grid officers.

    - ``grid_a1`` (code A1-G1): officer ``grid_officer``; holds
      ``building_a1`` and so ``household_a1`` and ``household_a1b``.
    - ``grid_a2`` (A2-G1): officer ``grid_officer_2``; holds ``household_a2``.
    - ``grid_b1`` (B1-G1): no officer; holds ``household_b1``.

    Both officers work in street A.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid_officer = cls._create_user(
            "grid_officer", "community_grid.group_grid_officer")
        cls.grid_officer_2 = cls._create_user(
            "grid_officer_2", "community_grid.group_grid_officer")
        for user in (cls.grid_officer, cls.grid_officer_2):
            cls._set_street(user, cls.street_a)
        cls.grid_a1 = cls._create_grid(
            "A1-G1", cls.community_a1, cls.grid_officer)
        cls.grid_a2 = cls._create_grid(
            "A2-G1", cls.community_a2, cls.grid_officer_2)
        cls.grid_b1 = cls._create_grid("B1-G1", cls.community_b1)
        cls.building_a1.grid_id = cls.grid_a1
        cls.household_a2.grid_id = cls.grid_a2
        cls.household_b1.grid_id = cls.grid_b1

    @classmethod
    def _create_grid(cls, code, community, officer=None, **vals):
        vals.update({
            "name": "Grid %s" % code, "code": code,
            "community_id": community.id,
            "officer_id": officer.id if officer else False})
        return cls.env["grid.grid"].create(vals)

    @classmethod
    def _create_visit(cls, officer, household, date, **vals):
        vals.update({"officer_id": officer.id, "household_id": household.id,
                     "date": date})
        return cls.env["grid.visit"].create(vals)
