# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import GridCase


class TestGrid(GridCase):

    def test_building_assignment_puts_its_households_in_the_grid(self):
        self.assertEqual(self.household_a1.grid_id, self.grid_a1)
        self.assertEqual(self.household_a1b.grid_id, self.grid_a1)
        self.assertEqual(self.grid_a1.household_ids,
                         self.household_a1 | self.household_a1b)

    def test_grid_counts_households_and_living_residents(self):
        self.assertEqual(self.grid_a1.household_count, 2)
        self.assertEqual(self.grid_a1.resident_count, 2)
        self.assertEqual(self.grid_a2.household_count, 1)
        self.assertEqual(self.grid_a2.resident_count, 1)

    def test_counts_follow_a_household_moving_to_another_grid(self):
        grid = self._create_grid("A1-G2", self.community_a1)
        self.household_a1b.grid_id = grid
        self.assertEqual(self.grid_a1.household_count, 1)
        self.assertEqual(grid.household_count, 1)
        self.assertEqual(grid.resident_count, 0)

    def test_unassigning_a_building_empties_the_grid(self):
        self.building_a1.grid_id = False
        self.assertFalse(self.household_a1.grid_id)
        self.assertEqual(self.grid_a1.household_count, 0)

    def test_buildings_added_on_the_grid_form_assign_households(self):
        self.building_a1.grid_id = False
        self.grid_a1.write({"building_ids": [(4, self.building_a1.id)]})
        self.assertEqual(self.household_a1.grid_id, self.grid_a1)
        self.assertEqual(self.grid_a1.household_count, 2)

    def test_buildings_removed_on_the_grid_form_leave_with_households(self):
        # the many2many widget of the form removes with command 3
        self.grid_a1.write({"building_ids": [(3, self.building_a1.id)]})
        self.assertTrue(self.building_a1.exists())
        self.assertFalse(self.building_a1.grid_id)
        self.assertFalse(self.household_a1.grid_id)
        self.assertEqual(self.grid_a1.household_count, 0)

    def test_new_household_of_a_gridded_building_joins_its_grid(self):
        household = self._create_household(self.building_a1, "2", "201")
        self.assertEqual(household.grid_id, self.grid_a1)
        self.assertEqual(self.grid_a1.household_count, 3)
        loose = self._create_household(self.building_a1, "2", "202",
                                       grid_id=False)
        self.assertFalse(loose.grid_id)

    def test_household_cannot_join_a_grid_of_another_community(self):
        with self.assertRaisesRegex(ValidationError, "201") as caught:
            with self.cr.savepoint():
                self.household_a2.grid_id = self.grid_a1
        self.assertIn("A1-G1", str(caught.exception))
        self.household_a2.invalidate_cache()
        self.assertEqual(self.household_a2.grid_id, self.grid_a2)

    def test_building_cannot_join_a_grid_of_another_community(self):
        with self.assertRaisesRegex(ValidationError, "Building 2"):
            with self.cr.savepoint():
                self.building_a2.grid_id = self.grid_a1
        self.household_a2.invalidate_cache()
        self.assertEqual(self.household_a2.grid_id, self.grid_a2)

    def test_grid_code_is_unique_in_its_community(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.cr.savepoint():
                self._create_grid("A1-G1", self.community_a1)
        # the same code in another community is fine
        self.assertTrue(self._create_grid("A1-G1", self.community_a2))

    def test_size_state_against_the_street_band(self):
        self.street_a.write({"grid_size_min": 2, "grid_size_max": 3})
        self.assertEqual(self.grid_a1.size_state, "ok")
        self.assertEqual(self.grid_a2.size_state, "small")
        self.street_a.write({"grid_size_min": 0, "grid_size_max": 1})
        self.assertEqual(self.grid_a1.size_state, "large")
        self.assertEqual(self.grid_a2.size_state, "ok")
        # street B keeps its default band of 300-400
        self.assertEqual(self.grid_b1.size_state, "small")

    def test_outside_band_filter_finds_the_flagged_grids(self):
        self.street_a.write({"grid_size_min": 2, "grid_size_max": 3})
        found = self.env["grid.grid"].search([
            ("size_state", "!=", "ok"),
            ("id", "in", (self.grid_a1 | self.grid_a2).ids)])
        self.assertEqual(found, self.grid_a2)

    def test_households_per_officer_counts_deputies(self):
        self.assertEqual(self.grid_a1.households_per_officer, 2.0)
        self.grid_a1.deputy_ids = self.community_clerk
        self.assertEqual(self.grid_a1.officer_count, 2)
        self.assertEqual(self.grid_a1.households_per_officer, 1.0)

    def test_community_coverage_roll_up(self):
        community = self.community_a1
        building = self._create_building("Building 9", self.compound_a1)
        self._create_household(building, "1", "901")
        # the new building is not in a grid until assigned
        self.assertEqual(community.household_count, 3)
        self.assertEqual(community.grid_count, 1)
        self.assertEqual(community.grid_household_count, 2)
        self.assertAlmostEqual(community.grid_coverage, 66.7, places=1)
        self.assertEqual(community.households_per_officer, 2.0)
        building.grid_id = self.grid_a1
        community.invalidate_cache()
        self.assertEqual(community.grid_coverage, 100.0)

    def test_community_without_grids_has_no_coverage(self):
        community = self._create_community("A3", self.street_a)
        self.assertEqual(community.grid_count, 0)
        self.assertEqual(community.grid_coverage, 0.0)
        self.assertEqual(community.households_per_officer, 0.0)

    def test_grid_cannot_move_to_another_community_with_its_households(self):
        with self.assertRaisesRegex(ValidationError, "A1-G1"):
            self.grid_a1.community_id = self.community_a2

    def test_coverage_rolls_up_per_street(self):
        self._create_household(self.building_a2, "2", "202")  # no grid
        self.grid_a1.deputy_ids = self.community_clerk
        Coverage = self.env["grid.coverage.report"]
        row = Coverage.search([("community_id", "=", self.community_a2.id)])
        self.assertEqual((row.household_count, row.grid_household_count,
                          row.grid_count, row.officer_count), (2, 1, 1, 1))
        self.assertEqual(row.grid_coverage, 50.0)
        streets = {
            group["company_id"][0]: group for group in Coverage.read_group(
                [("company_id", "in", (self.street_a | self.street_b).ids)],
                ["company_id", "household_count", "grid_coverage",
                 "households_per_officer"], ["company_id"])}
        street_a = streets[self.street_a.id]
        # street A: 4 households, 3 in grids, 3 officer posts
        self.assertEqual(street_a["household_count"], 4)
        self.assertEqual(street_a["grid_coverage"], 75.0)
        self.assertEqual(street_a["households_per_officer"], 1.0)
        self.assertEqual(streets[self.street_b.id]["grid_coverage"], 100.0)
        self.assertEqual(
            streets[self.street_b.id]["households_per_officer"], 0.0)

    def test_coverage_follows_the_clerks_scope(self):
        rows = self.env["grid.coverage.report"].sudo(
            self.community_clerk).search([])
        self.assertEqual(rows.mapped("community_id"), self.community_a1)
