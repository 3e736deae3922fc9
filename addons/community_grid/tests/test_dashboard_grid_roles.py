# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16: the grid tiles of the dashboard. The coverage tile's records
are the households a grid still misses (the ones to act on), and a grid
officer's work page holds the households of their grids waiting for a
visit, their visits and the cases of their grids."""
from odoo import fields

from odoo.addons.community_base.tools import street_time

from .common import GridCase

WORK_TILES = ("community_kpi_households_to_visit",
              "community_kpi_my_visits_month", "community_kpi_my_cases_open",
              "community_kpi_my_cases_overdue")


class TestDashboardGridRoles(GridCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coverage = cls.env.ref("community_grid.community_kpi_grid_coverage")
        # building_a2 is in no grid: its new household neither
        cls.household_a2b = cls._create_household(cls.building_a2, "2", "202")
        cls.work_tiles = cls.env["community.kpi"].browse([
            cls.env.ref("community_grid.%s" % xmlid).id
            for xmlid in WORK_TILES])

    def test_coverage_records_are_the_households_in_no_grid(self):
        self.assertFalse(self.household_a2b.grid_id)
        for user in (self.street_clerk, self.leader):
            tile = self.coverage.sudo(user)
            self.assertAlmostEqual(tile.value, 75.0)   # 3 of street A's 4
            action = tile.action_open_records()
            found = self.env[action["res_model"]].sudo(user).search(
                action["domain"])
            self.assertEqual(found, self.household_a2b, user.login)

    def test_grid_officer_works_on_the_households_of_own_grids(self):
        user = self.grid_officer
        work = self.env["community.kpi"].sudo(user).search(
            [("on_my_work", "=", True)])
        self.assertEqual(work, self.work_tiles)
        to_visit = self.work_tiles[0].sudo(user)
        # household_a1 and household_a1b, never visited
        self.assertEqual(to_visit.value, 2.0)
        today = street_time.street_today(self.env, self.street_a)
        self._create_visit(user, self.household_a1, today)
        visits = self.work_tiles[1].sudo(user)
        self.assertEqual(visits.with_context(kpi_today=today).value, 1.0)
        to_visit.invalidate_cache()
        self.assertEqual(to_visit.value, 1.0)
        action = to_visit.action_open_records()
        self.assertEqual(self.env["community.household"].sudo(user).search(
            action["domain"]), self.household_a1b)
        # the other officer's households are not this officer's work
        self.assertEqual(self.work_tiles[0].sudo(self.grid_officer_2).value,
                         1.0)

    def test_grid_officer_dashboard_has_no_unreadable_tile(self):
        user = self.grid_officer
        shown = self.env["community.kpi"].sudo(user).search(
            [("shown", "=", True)])
        self.assertLessEqual(self.work_tiles, shown)
        for tile in shown.with_context(
                kpi_today=fields.Date.today()).read(["name", "state"]):
            self.assertNotEqual(tile["state"], "denied", tile["name"])
        # the leader sees the street's figures, not an officer's work
        self.assertFalse(self.work_tiles & self.env["community.kpi"].sudo(
            self.leader).search([("shown", "=", True)]))
