# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import CommunityCase, make_id_number


class TestHierarchy(CommunityCase):

    def assert_counts(self, record, **counts):
        for fname, expected in counts.items():
            self.assertEqual(record[fname], expected,
                             "%s.%s" % (record.display_name, fname))

    def test_counts_roll_up_to_the_community(self):
        self.assert_counts(self.household_a1, member_count=2)
        self.assert_counts(self.building_a1, household_count=2, resident_count=2)
        self.assert_counts(self.compound_a1, building_count=1,
                           household_count=2, resident_count=2)
        self.assert_counts(self.community_a1, compound_count=1, building_count=1,
                           household_count=2, resident_count=2)

    def test_counts_are_stored(self):
        self.env.cr.execute(
            "SELECT resident_count, household_count FROM community_community "
            "WHERE id = %s", (self.community_a1.id,))
        self.assertEqual(self.env.cr.fetchone(), (2, 2))

    def test_new_resident_counts_at_every_level(self):
        self._create_resident("Chen Jing", self.household_a1b)
        self.assert_counts(self.household_a1b, member_count=1)
        self.assert_counts(self.building_a1, resident_count=3)
        self.assert_counts(self.community_a1, resident_count=3)

    def test_resident_transfer_changes_both_communities(self):
        self.resident_a1_spouse.record_move(
            "transfer", to_household=self.household_a2)
        self.assert_counts(self.community_a1, resident_count=1)
        self.assert_counts(self.community_a2, resident_count=2)
        self.assert_counts(self.building_a1, resident_count=1)
        self.assert_counts(self.household_a2, member_count=2)
        self.assertEqual(self.resident_a1_spouse.community_id, self.community_a2)

    def test_resident_moved_to_another_street_changes_company(self):
        self.resident_a2.household_id = self.household_b1
        self.assertEqual(self.resident_a2.company_id, self.street_b)
        self.assert_counts(self.community_a2, resident_count=0)
        self.assert_counts(self.community_b1, resident_count=2)

    def test_household_moved_to_another_building_moves_its_counts(self):
        self.household_a1.building_id = self.building_a2
        self.assertEqual(self.household_a1.community_id, self.community_a2)
        self.assertEqual(self.resident_a1.community_id, self.community_a2)
        self.assert_counts(self.community_a1, household_count=1, resident_count=0)
        self.assert_counts(self.community_a2, household_count=2, resident_count=3)
        self.assert_counts(self.compound_a2, household_count=2, resident_count=3)

    def test_building_moved_to_another_compound_moves_its_counts(self):
        self.building_a1.compound_id = self.compound_a2
        self.assert_counts(self.community_a1, building_count=0,
                           household_count=0, resident_count=0)
        self.assert_counts(self.community_a2, building_count=2,
                           household_count=3, resident_count=3)
        self.assertEqual(self.resident_a1.community_id, self.community_a2)

    def test_moved_out_resident_leaves_the_counts(self):
        self.resident_a1_spouse.record_move("move_out")
        self.assert_counts(self.household_a1, member_count=1)
        self.assert_counts(self.community_a1, resident_count=1)
        # still in the register of the household, as history
        self.assertIn(self.resident_a1_spouse, self.household_a1.resident_ids)

    def test_archived_resident_leaves_the_counts(self):
        self.resident_a1_spouse.active = False
        self.assert_counts(self.community_a1, resident_count=1)

    def test_household_name_says_where_it_is(self):
        self.assertEqual(self.household_a1.name,
                         "Sunshine Garden Building 1 1单元101")
        self.building_a1.name = "Building 9"
        self.assertEqual(self.household_a1.name,
                         "Sunshine Garden Building 9 1单元101")

    def test_household_unit_written_out_is_kept(self):
        self.household_a1.unit = "东单元"
        self.assertEqual(self.household_a1.name,
                         "Sunshine Garden Building 1 东单元101")

    def test_levels_below_follow_the_street(self):
        self.assertEqual(self.compound_a1.company_id, self.street_a)
        self.assertEqual(self.household_b1.company_id, self.street_b)
        self.assertEqual(self.resident_b1.company_id, self.street_b)
        self.assertEqual(self.resident_b1.compound_id, self.compound_b1)

    def test_street_lists_its_communities(self):
        self.assertEqual(self.street_a.community_ids,
                         self.community_a1 | self.community_a2)

    def test_community_code_unique_per_street(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._create_community("A1", self.street_a)

    def test_same_community_code_in_another_street(self):
        community = self._create_community("A1", self.street_b)
        self.assertEqual(community.company_id, self.street_b)

    def test_community_with_compounds_cannot_be_deleted(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.community_a1.unlink()

    def test_head_must_be_a_member(self):
        with self.assertRaises(ValidationError):
            self.household_a2.head_id = self.resident_a1

    def test_building_found_by_its_compound_name(self):
        found = self.env["community.building"].name_search("Sunshine")
        self.assertIn(self.building_a1.id, [row[0] for row in found])

    def test_community_buttons_open_their_levels(self):
        action = self.community_a1.action_open_residents()
        residents = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(residents, self.resident_a1 | self.resident_a1_spouse)

    def test_counts_stay_right_with_many_residents(self):
        for sequence in range(1, 21):
            self._create_resident(
                "Resident %s" % sequence, self.household_a1b,
                make_id_number("110105", "20000101", "%03d" % (100 + sequence)))
        self.assert_counts(self.community_a1, resident_count=22)
        self.assert_counts(self.compound_a1, resident_count=22)
