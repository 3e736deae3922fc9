# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo street generator, without a database."""
import collections
import datetime
import doctest
import re
import unittest

from ..tools import demo_data, id_number

SCALE = 0.05


class TestDemoData(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.street = demo_data.generate(seed=7, scale=SCALE)
        cls.today = cls.street["today"]

    def _age(self, resident):
        return id_number.age_on(resident["birth_date"], self.today)

    def _community_of_resident(self, resident):
        return demo_data.community_of_household(
            self.street, resident["household"])

    def test_doctests(self):
        result = doctest.testmod(demo_data)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_same_seed_same_street(self):
        self.assertEqual(demo_data.generate(seed=7, scale=SCALE), self.street)

    def test_other_seed_other_street(self):
        other = demo_data.generate(seed=8, scale=SCALE)
        self.assertNotEqual(
            [r["id_number"] for r in other["residents"][:50]],
            [r["id_number"] for r in self.street["residents"][:50]])

    def test_refuses_a_scale_of_zero(self):
        with self.assertRaises(ValueError):
            demo_data.generate(seed=1, scale=0)

    def test_counts_follow_the_scale(self):
        small = demo_data.generate(seed=7, scale=0.01)
        for street, scale in ((small, 0.01), (self.street, SCALE)):
            households = len(street["households"])
            self.assertAlmostEqual(
                households, demo_data.FULL_SCALE_HOUSEHOLDS * scale,
                delta=demo_data.FULL_SCALE_HOUSEHOLDS * scale * 0.05)
            # 2.5 residents per household: 50,000 for 20,000 households
            self.assertGreater(len(street["residents"]), 2.2 * households)
            self.assertLess(len(street["residents"]), 2.8 * households)
        self.assertEqual(len(self.street["communities"]),
                         demo_data.MAX_COMMUNITIES)
        self.assertEqual(len(self.street["streets"]), 1)

    def test_every_id_number_is_valid_and_unique(self):
        numbers = [r["id_number"] for r in self.street["residents"]]
        self.assertEqual(len(numbers), len(set(numbers)))
        for resident in self.street["residents"]:
            number = resident["id_number"]
            self.assertTrue(id_number.is_valid(number), number)
            self.assertEqual(id_number.birth_date(number),
                             resident["birth_date"])
            self.assertEqual(id_number.sex(number), resident["sex"])

    def test_ages_are_realistic(self):
        ages = [self._age(r) for r in self.street["residents"]]
        self.assertGreaterEqual(min(ages), 0)
        self.assertLessEqual(max(ages), 100)
        share = collections.Counter(
            "child" if age < 18 else "elderly" if age >= 60 else "adult"
            for age in ages)
        self.assertGreater(share["child"] / len(ages), 0.08)
        self.assertGreater(share["elderly"] / len(ages), 0.15)
        self.assertGreater(share["adult"] / len(ages), 0.45)

    def test_families_are_consistent(self):
        members = collections.defaultdict(list)
        for resident in self.street["residents"]:
            members[resident["household"]].append(resident)
        for index, household in enumerate(self.street["households"]):
            residents = members[index]
            if household["household_type"] == "vacant":
                self.assertFalse(residents)
                self.assertIsNone(household["head"])
                continue
            head = self.street["residents"][household["head"]]
            self.assertEqual(head["household"], index)
            self.assertEqual(
                [r["relation"] for r in residents].count("head"), 1)
            couple = [r for r in residents if r["relation"] in (
                "head", "spouse")]
            for resident in residents:
                age = self._age(resident)
                if resident["relation"] == "spouse":
                    self.assertNotEqual(resident["sex"], head["sex"])
                    self.assertGreaterEqual(age, 20)
                if resident["relation"] == "child":
                    for parent in couple:
                        self.assertGreaterEqual(self._age(parent) - age, 18)
                if resident["relation"] == "parent":
                    self.assertGreaterEqual(age - self._age(head), 18)
                if resident["relation"] == "grandchild":
                    children = [r for r in residents
                                if r["relation"] == "child"]
                    self.assertTrue(children)
                    self.assertGreaterEqual(
                        min(self._age(c) for c in children) - age, 18)

    def test_phones_and_names_look_real(self):
        phones = [r["phone"] for r in self.street["residents"] if r["phone"]]
        self.assertEqual(len(phones), len(set(phones)))
        for phone in phones:
            self.assertRegex(phone, r"^1[3-9]\d{9}$")
        for resident in self.street["residents"]:
            self.assertRegex(resident["name"], r"^[\u4e00-\u9fff]{2,3}$")
            if self._age(resident) < 14:
                self.assertIsNone(resident["phone"])

    def test_floating_population_share_and_origin(self):
        residents = self.street["residents"]
        floating = [r for r in residents if r["residence_type"] == "floating"]
        self.assertGreaterEqual(len(floating) / len(residents), 0.10)
        self.assertLessEqual(len(floating) / len(residents), 0.20)
        for resident in floating:
            self.assertTrue(resident["arrival_date"])
            self.assertLessEqual(resident["arrival_date"], self.today)
            self.assertRegex(resident["origin"], r"^.+(省|市|自治区).+市$")
        for resident in residents:
            if resident["residence_type"] == "registered":
                self.assertIsNone(resident["arrival_date"])
                self.assertIsNone(resident["origin"])

    def test_care_groups_in_their_usual_shares(self):
        street = demo_data.generate(seed=3, scale=0.2)
        residents = street["residents"]
        counts = collections.Counter(
            code for r in residents for code in r["care_groups"])
        share = {code: count / len(residents) for code, count in counts.items()}
        self.assertTrue(0.015 <= share[demo_data.CARE_LOW_INCOME] <= 0.035,
                        share)
        self.assertTrue(0.012 <= share[demo_data.CARE_DISABLED] <= 0.03, share)
        self.assertTrue(0.005 <= share[demo_data.CARE_VETERAN] <= 0.016, share)
        self.assertLess(share[demo_data.CARE_EXTREME_POVERTY], 0.01)
        alone = collections.Counter(r["household"] for r in residents)
        for resident in residents:
            elderly_alone = (alone[resident["household"]] == 1
                             and self._age(resident) >= 65)
            self.assertEqual(
                demo_data.CARE_ELDERLY_ALONE in resident["care_groups"],
                elderly_alone, resident)

    def test_hierarchy_references_are_consistent(self):
        street = self.street
        codes = [c["code"] for c in street["communities"]]
        self.assertEqual(len(codes), len(set(codes)))
        names = [c["name"] for c in street["compounds"]]
        self.assertEqual(len(names), len(set(names)))
        for compound in street["compounds"]:
            self.assertIn(compound["kind"], ("estate", "courtyard", "group"))
            self.assertLess(compound["community"], len(street["communities"]))
        building_names = collections.Counter(
            (b["compound"], b["name"]) for b in street["buildings"])
        self.assertEqual(max(building_names.values()), 1)
        doors = collections.Counter(
            (h["building"], h["unit"], h["room"]) for h in street["households"])
        self.assertEqual(max(doors.values()), 1)
        for household in street["households"]:
            building = street["buildings"][household["building"]]
            self.assertTrue(household["address"].startswith(building["address"]))
            if household["unit"]:
                self.assertRegex(household["unit"], r"^\d+单元$")
                self.assertRegex(household["room"], r"^\d+0\d$")

    def test_posts_cover_most_buildings(self):
        street = self.street
        heads = [p for p in street["posts"]
                 if p["type"] == demo_data.POST_BUILDING_HEAD]
        buildings = {p["building"] for p in heads}
        self.assertEqual(len(buildings), len(heads))
        self.assertGreater(len(buildings) / len(street["buildings"]), 0.85)
        for post in street["posts"]:
            resident = street["residents"][post["resident"]]
            self.assertEqual(self._community_of_resident(resident),
                             post["community"])
            if post["building"] is not None:
                self.assertEqual(
                    street["households"][resident["household"]]["building"],
                    post["building"])
            if post["selection_method"] == "elected":
                self.assertGreater(post["vote_count"], 0)
                self.assertGreater(post["date_end"], post["date_start"])
            else:
                self.assertEqual(post["vote_count"], 0)
        self.assertTrue(any(p["selection_method"] == "elected" for p in heads))

    def test_organisations_volunteers_and_seals(self):
        street = self.street
        kinds = collections.Counter(
            o["organisation_type"] for o in street["organisations"])
        estates = [c for c in street["compounds"] if c["kind"] == "estate"]
        self.assertEqual(kinds["property_company"], len(estates))
        for kind in ("resident_unit", "social_org", "volunteer_team",
                     "owners_committee"):
            self.assertTrue(kinds[kind], kind)
        for organisation in street["organisations"]:
            self.assertEqual(
                organisation["social_org_status"] is not None,
                organisation["organisation_type"] == "social_org")
        for activity in street["volunteer_activities"]:
            team = street["organisations"][activity["team"]]
            self.assertEqual(team["organisation_type"], "volunteer_team")
            self.assertGreater(activity["hours"], 0)
            volunteer = street["residents"][activity["volunteer"]]
            self.assertEqual(team["community"],
                             self._community_of_resident(volunteer))
            self.assertEqual(activity["community"], team["community"])
        for usage in street["seal_usages"]:
            item = street["seal_items"][usage["item"]]
            community = street["communities"][usage["community"]]
            self.assertEqual(item["street"], community["street"])
            self.assertIsInstance(usage["date"], datetime.datetime)
        states = {r["state"] for r in street["admission_requests"]}
        self.assertIn("approved", states)
        for council in street["councils"]:
            for member in council["members"]:
                self.assertEqual(
                    street["organisations"][member]["community"],
                    council["community"])

    def test_full_scale_has_two_streets(self):
        # only the hierarchy: the full street is tested by the loader's timing
        generator = demo_data._StreetGenerator(1, 1.0, demo_data.DEMO_TODAY)
        generator.streets_and_communities()
        communities = generator.result["communities"]
        self.assertEqual(len(generator.result["streets"]), 2)
        self.assertEqual(
            sum(c.get("target_households", 0) for c in communities),
            demo_data.FULL_SCALE_HOUSEHOLDS)
        self.assertTrue(all(re.match(r"^S[12]C\d\d$", c["code"])
                            for c in communities))


class TestDemoDataDated(unittest.TestCase):
    """The street is dated from the day it is built: the same seed makes
    the same street relative to ``today``, on any day."""

    DAYS = (datetime.date(2026, 12, 5), datetime.date(2028, 2, 29))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.streets = [demo_data.generate(seed=5, scale=0.01, today=day)
                       for day in cls.DAYS]

    def test_same_households_and_residents_on_another_day(self):
        first, second = self.streets
        self.assertEqual(first["households"], second["households"])
        self.assertEqual([r["name"] for r in first["residents"]],
                         [r["name"] for r in second["residents"]])
        self.assertEqual(
            [id_number.age_on(r["birth_date"], first["today"])
             for r in first["residents"]],
            [id_number.age_on(r["birth_date"], second["today"])
             for r in second["residents"]])
        # born as many years before the other day
        self.assertNotEqual(first["residents"][0]["birth_date"],
                            second["residents"][0]["birth_date"])

    def test_dates_move_with_the_day(self):
        first, second = self.streets
        shift = self.DAYS[1] - self.DAYS[0]
        for key in ("volunteer_activities", "seal_usages"):
            self.assertTrue(first[key], key)
            for one, other in zip(first[key], second[key]):
                self.assertEqual(other["date"] - one["date"], shift, key)
        for one, other in zip(first["posts"], second["posts"]):
            self.assertEqual(other["date_start"] - one["date_start"], shift)

    def test_dates_up_to_the_day(self):
        for street in self.streets:
            today = street["today"]
            for activity in street["volunteer_activities"]:
                self.assertLess(activity["date"], today)
                self.assertGreaterEqual(
                    activity["date"], today - datetime.timedelta(days=365))
            for post in street["posts"]:
                self.assertLess(post["date_start"], today)
            for resident in street["residents"]:
                self.assertLessEqual(resident["birth_date"], today)
                if resident["arrival_date"]:
                    self.assertLess(resident["arrival_date"], today)

    def test_admission_requests_of_the_year(self):
        for street in self.streets:
            today = street["today"]
            requests = street["admission_requests"]
            self.assertTrue(requests)
            for request in requests:
                self.assertEqual(request["date_start"].year, today.year)
                self.assertLessEqual(request["date_start"], today)
