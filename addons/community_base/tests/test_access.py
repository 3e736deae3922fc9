# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import CommunityCase, make_id_number


class TestAccess(CommunityCase):
    """Who sees and changes which part of the register."""

    def as_user(self, records, user):
        return records.sudo(user.id)

    # community clerk: own communities only

    def test_community_clerk_searches_own_community_only(self):
        Resident = self.env["community.resident"].sudo(self.community_clerk.id)
        self.assertEqual(Resident.search([]),
                         self.resident_a1 | self.resident_a1_spouse)
        self.assertEqual(
            self.env["community.community"].sudo(self.community_clerk.id).search(
                []), self.community_a1)
        for model in ("community.compound", "community.building",
                      "community.household"):
            records = self.env[model].sudo(self.community_clerk.id).search([])
            self.assertEqual(records.mapped("community_id"), self.community_a1,
                             model)

    def test_community_clerk_cannot_read_other_community(self):
        for record in (self.resident_a2, self.household_a2, self.building_a2,
                       self.compound_a2, self.community_a2, self.resident_b1):
            with self.assertRaises(AccessError, msg=record._name):
                self.as_user(record, self.community_clerk).read(["name"])

    def test_community_clerk_read_group_sees_own_community_only(self):
        groups = self.env["community.resident"].sudo(
            self.community_clerk.id).read_group(
                [], ["community_id"], ["community_id"])
        self.assertEqual([group["community_id"][0] for group in groups],
                         [self.community_a1.id])
        self.assertEqual(groups[0]["community_id_count"], 2)

    def test_community_clerk_name_search_sees_own_community_only(self):
        Resident = self.env["community.resident"].sudo(self.community_clerk.id)
        self.assertFalse(Resident.name_search("Zhang"))
        self.assertFalse(Resident.name_search(self.resident_a2.id_number))
        self.assertTrue(Resident.name_search("Wang"))

    def test_community_clerk_exports_own_community_only(self):
        Resident = self.env["community.resident"].sudo(self.community_clerk.id)
        rows = Resident.search([]).export_data(["name", "id_number"])["datas"]
        self.assertEqual(sorted(row[0] for row in rows),
                         ["Li Xiuying", "Wang Jianguo"])
        with self.assertRaises(AccessError):
            Resident.browse(self.resident_a2.id).export_data(["name"])

    def test_community_clerk_cannot_read_through_relations(self):
        with self.assertRaises(AccessError):
            self.as_user(self.household_a2, self.community_clerk).resident_ids
        with self.assertRaises(AccessError):
            self.as_user(self.building_a2, self.community_clerk).household_ids
        street = self.as_user(self.street_a, self.community_clerk)
        self.assertEqual(street.community_ids, self.community_a1)
        own = self.as_user(self.building_a1, self.community_clerk)
        self.assertEqual(own.household_ids,
                         self.household_a1 | self.household_a1b)

    def test_community_clerk_keeps_own_community(self):
        household = self.as_user(self.household_a1b, self.community_clerk)
        resident = self.env["community.resident"].sudo(
            self.community_clerk.id).create({
                "name": "Sun Mei", "household_id": household.id,
                "id_number": make_id_number("110105", "19880808", "022"),
                "phone": "13512345678"})
        resident.write({"phone": "13512345679"})
        self.assertEqual(resident.community_id, self.community_a1)
        self.assertEqual(self.community_a1.resident_count, 3)
        building = self.env["community.building"].sudo(
            self.community_clerk.id).create({
                "name": "Building 7", "compound_id": self.compound_a1.id})
        self.assertEqual(building.community_id, self.community_a1)

    def test_community_clerk_cannot_write_other_community(self):
        for record in (self.resident_a2, self.household_a2, self.building_a2,
                       self.compound_a2, self.community_a2):
            with self.assertRaises(AccessError, msg=record._name):
                self.as_user(record, self.community_clerk).write(
                    {"active": True})

    def test_community_clerk_cannot_create_in_other_community(self):
        clerk = self.community_clerk.id
        with self.assertRaises(AccessError):
            self.env["community.resident"].sudo(clerk).create({
                "name": "Intruder", "household_id": self.household_a2.id})
        with self.assertRaises(AccessError):
            self.env["community.household"].sudo(clerk).create({
                "building_id": self.building_a2.id, "room": "999"})
        with self.assertRaises(AccessError):
            self.env["community.compound"].sudo(clerk).create({
                "name": "Intruder", "community_id": self.community_b1.id})

    def test_community_clerk_cannot_create_communities(self):
        with self.assertRaises(AccessError):
            self.env["community.community"].sudo(
                self.community_clerk.id).create({
                    "name": "New", "company_id": self.street_a.id})

    def test_community_clerk_cannot_delete_residents(self):
        with self.assertRaises(AccessError):
            self.as_user(self.resident_a1, self.community_clerk).unlink()
        with self.assertRaises(AccessError):
            self.as_user(self.resident_a1, self.street_clerk).unlink()

    def test_community_clerk_records_moves(self):
        resident = self.as_user(self.resident_a1_spouse, self.community_clerk)
        resident.record_move("transfer", to_household=self.household_a1b)
        self.assertEqual(self.resident_a1_spouse.household_id,
                         self.household_a1b)
        resident.record_move("move_out")
        self.assertEqual(self.resident_a1_spouse.state, "moved_out")

    def test_community_clerk_cannot_move_into_other_community(self):
        resident = self.as_user(self.resident_a1_spouse, self.community_clerk)
        with self.assertRaises(AccessError):
            resident.record_move("transfer", to_household=self.household_a2)
        self.assertEqual(self.resident_a1_spouse.household_id,
                         self.household_a1)

    def test_community_clerk_cannot_move_other_community_residents(self):
        resident = self.env["community.resident"].sudo(
            self.community_clerk.id).browse(self.resident_a2.id)
        with self.assertRaises(AccessError):
            resident.record_move("move_out")

    def test_clerks_cannot_change_or_delete_move_history(self):
        move = self.resident_a1_spouse.record_move("move_out")
        for user in (self.community_clerk, self.street_clerk):
            with self.assertRaises(AccessError):
                self.as_user(move, user).write({"note": "changed"})
            with self.assertRaises(AccessError):
                self.as_user(move, user).unlink()

    def test_move_history_visible_to_both_communities(self):
        self.resident_a1_spouse.record_move(
            "transfer", to_household=self.household_a2)
        move = self.resident_a1_spouse.move_ids
        for clerk in (self.community_clerk, self.community_clerk_a2):
            self.assertEqual(
                self.env["community.resident.move"].sudo(clerk.id).search([]),
                move, clerk.login)

    # street roles: own street only

    def test_street_clerk_sees_whole_street_and_nothing_of_other(self):
        for model in ("community.community", "community.compound",
                      "community.building", "community.household",
                      "community.resident"):
            records = self.env[model].sudo(self.street_clerk.id).search([])
            self.assertTrue(records, model)
            self.assertEqual(records.mapped("company_id"), self.street_a, model)
        with self.assertRaises(AccessError):
            self.as_user(self.resident_b1, self.street_clerk).read(["name"])
        with self.assertRaises(AccessError):
            self.as_user(self.household_b1, self.street_clerk).read(["name"])
        with self.assertRaises(AccessError):
            self.as_user(self.community_b1, self.street_clerk).write(
                {"note": "x"})

    def test_street_clerk_of_other_street_sees_only_it(self):
        Resident = self.env["community.resident"].sudo(self.street_clerk_b.id)
        self.assertEqual(Resident.search([]), self.resident_b1)
        self.assertFalse(Resident.name_search("Wang"))

    def test_street_clerk_transfers_between_communities(self):
        resident = self.as_user(self.resident_a1_spouse, self.street_clerk)
        resident.record_move("transfer", to_household=self.household_a2)
        self.assertEqual(self.community_a2.resident_count, 2)
        self.assertEqual(self.community_a1.resident_count, 1)

    def test_street_clerk_creates_the_whole_chain(self):
        env = self.env(user=self.street_clerk.id)
        community = env["community.community"].create({
            "name": "New", "code": "A9", "company_id": self.street_a.id})
        compound = env["community.compound"].create({
            "name": "New Estate", "community_id": community.id})
        building = env["community.building"].create({
            "name": "Building 1", "compound_id": compound.id})
        household = env["community.household"].create({
            "building_id": building.id, "unit": "1", "room": "101"})
        resident = env["community.resident"].create({
            "name": "Ma Li", "household_id": household.id,
            "id_number": make_id_number("110105", "19700707", "033")})
        self.assertEqual(resident.company_id, self.street_a)
        self.assertEqual(community.resident_count, 1)
        with self.assertRaises(AccessError):
            env["community.compound"].create({
                "name": "Elsewhere", "community_id": self.community_b1.id})

    def test_street_clerk_creates_communities(self):
        community = self.env["community.community"].sudo(
            self.street_clerk.id).create({
                "name": "New", "code": "A3", "company_id": self.street_a.id})
        self.assertEqual(community.company_id, self.street_a)

    def test_street_admin_archives_and_deletes_residents(self):
        resident = self.as_user(self.resident_a2, self.street_admin)
        resident.toggle_active()
        self.assertFalse(self.resident_a2.active)
        resident.unlink()
        self.assertFalse(self.resident_a2.exists())

    def test_care_groups_configured_by_street_admin_only(self):
        elderly = self.env.ref("community_base.care_group_elderly_alone")
        for user in (self.leader, self.community_clerk, self.street_clerk):
            self.assertTrue(self.as_user(elderly, user).read(["name"]))
            with self.assertRaises(AccessError):
                self.as_user(elderly, user).write({"name": "Renamed"})
        self.as_user(elderly, self.street_admin).write({"description": "ok"})
        self.env["community.care.group"].sudo(self.street_admin.id).create(
            {"name": "Left-behind children"})

    # leader: reads the street, changes nothing

    def test_street_admin_sets_up_own_street_only(self):
        """The street administrator keeps the settings of their street
        (grid sizes, case calendar, budget policy) without a system
        administrator; clerks and leaders cannot change a street."""
        self.street_a.sudo(self.street_admin).write({"phone": "010-1234"})
        self.assertEqual(self.street_a.phone, "010-1234")
        for user in (self.street_clerk, self.leader, self.community_clerk):
            with self.assertRaises(AccessError):
                self.street_a.sudo(user).write({"phone": "999"})
        with self.assertRaises(AccessError):
            self.street_b.sudo(self.street_admin).write({"phone": "999"})
        with self.assertRaises(AccessError):
            self.env["res.company"].sudo(self.street_admin).create(
                {"name": "Rogue street"})

    def test_leader_reads_the_street(self):
        Resident = self.env["community.resident"].sudo(self.leader.id)
        self.assertEqual(
            Resident.search([]),
            self.resident_a1 | self.resident_a1_spouse | self.resident_a2)
        with self.assertRaises(AccessError):
            self.as_user(self.resident_b1, self.leader).read(["name"])

    def test_leader_cannot_write_create_or_unlink(self):
        for record in (self.resident_a1, self.household_a1, self.building_a1,
                       self.compound_a1, self.community_a1):
            record = self.as_user(record, self.leader)
            with self.assertRaises(AccessError, msg=record._name):
                record.write({"active": True})
            with self.assertRaises(AccessError, msg=record._name):
                record.unlink()
        with self.assertRaises(AccessError):
            self.env["community.resident"].sudo(self.leader.id).create({
                "name": "New", "household_id": self.household_a1.id})
        with self.assertRaises(AccessError):
            self.as_user(self.resident_a1, self.leader).record_move("move_out")

    def test_leader_sees_masked_personal_data_only(self):
        resident = self.as_user(self.resident_a1, self.leader)
        with self.assertRaises(AccessError):
            resident.read(["id_number"])
        with self.assertRaises(AccessError):
            resident.read(["phone"])
        values = resident.read(["id_number_masked", "phone_masked"])[0]
        number = self.resident_a1.id_number
        self.assertEqual(values["id_number_masked"],
                         number[:6] + "********" + number[-4:])
        self.assertEqual(values["phone_masked"], "138****5678")

    def test_leader_reads_a_page_of_masks_and_ages_at_once(self):
        # a list computes masks and ages for the whole page in one batch,
        # reading only the personal columns as superuser: every row still
        # gets its own resident's values
        Resident = self.env["community.resident"]
        residents = Resident.search([("id", "in", (
            self.resident_a1 | self.resident_a1_spouse
            | self.resident_a2).ids)])
        self.assertEqual(len(residents), 3)
        residents.invalidate_cache()
        rows = residents.sudo(self.leader.id).read(
            ["name", "age", "id_number_masked", "phone_masked"])
        for row in rows:
            resident = Resident.browse(row["id"])
            self.assertEqual(row["age"], resident.age, row["name"])
            self.assertEqual(row["id_number_masked"],
                             resident.id_number[:6] + "********"
                             + resident.id_number[-4:], row["name"])
            self.assertEqual(row["phone_masked"], resident.phone_masked,
                             row["name"])
        self.assertEqual(len({row["id_number_masked"] for row in rows}), 3)

    def test_leader_cannot_search_by_id_number_in_search_box(self):
        Resident = self.env["community.resident"].sudo(self.leader.id)
        self.assertFalse(Resident.search(
            [("search_text", "ilike", self.resident_a1.id_number)]))
        self.assertFalse(Resident.name_search(self.resident_a1.id_number))
        self.assertEqual(Resident.search([("search_text", "ilike", "Zhang")]),
                         self.resident_a2)

    def test_leader_cannot_probe_personal_data_by_search(self):
        Resident = self.env["community.resident"].sudo(self.leader.id)
        for domain in ([("id_number", "=", self.resident_a1.id_number)],
                       [("phone", "ilike", "1381234")],
                       ["|", ("name", "=", "x"), ("id_number", "!=", False)]):
            with self.assertRaises(AccessError, msg=str(domain)):
                Resident.search(domain)

    def test_views_show_real_data_to_clerks_masked_to_others(self):
        for view_type in ("tree", "form"):
            clerk = self.env["community.resident"].sudo(
                self.community_clerk.id).fields_view_get(view_type=view_type)
            self.assertIn("id_number", clerk["fields"])
            self.assertIn("phone", clerk["fields"])
            self.assertNotIn('name="id_number_masked"', clerk["arch"])
            leader = self.env["community.resident"].sudo(
                self.leader.id).fields_view_get(view_type=view_type)
            self.assertNotIn("id_number", leader["fields"])
            self.assertNotIn("phone", leader["fields"])
            self.assertIn('name="id_number_masked"', leader["arch"])

    def test_every_role_opens_every_ledger_menu(self):
        for xmlid in ("community_community_action", "community_compound_action",
                      "community_building_action", "community_household_action",
                      "community_resident_action",
                      "community_resident_move_action"):
            action = self.env.ref("community_base.%s" % xmlid)
            for user in (self.leader, self.community_clerk, self.street_clerk,
                         self.street_admin):
                self.open_action(action, user)
        residents = self.open_action(
            self.env.ref("community_base.community_resident_action"),
            self.community_clerk)
        self.assertEqual(residents, self.resident_a1 | self.resident_a1_spouse)

    def test_street_admin_opens_care_groups(self):
        action = self.env.ref("community_base.community_care_group_action")
        groups = self.open_action(action, self.street_admin)
        self.assertEqual(len(groups), 5)

    def test_ledger_menus_visible_to_every_street_role(self):
        menu = self.env.ref("community_base.community_resident_menu")
        care = self.env.ref("community_base.community_care_group_menu")
        for user in (self.leader, self.community_clerk, self.street_clerk,
                     self.street_admin):
            self.assertIn(menu, self.visible_menus(user), user.login)
        self.assertIn(care, self.visible_menus(self.street_admin))
        self.assertNotIn(care, self.visible_menus(self.community_clerk))
