# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The grid part of the demo street, on top of community_base's."""
import datetime
import math

from odoo.tests.common import SavepointCase

from odoo.addons.community_base.tools import demo_data
from odoo.addons.community_base.tools.demo_loader import load_demo

from ..tools import demo_grid, demo_loader

SCALE = 0.005


class TestGridDemo(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = demo_data.DEMO_TODAY
        load_demo(cls.env, seed=1, scale=SCALE, today=cls.today)
        cls.result = demo_grid.load(cls.env, seed=1, scale=SCALE,
                                    today=cls.today)
        district = cls.env.ref("community_base.district_demo")
        cls.streets = cls.env["res.company"].search(
            [("parent_id", "=", district.id)])
        cls.domain = [("company_id", "in", cls.streets.ids)]

    def test_every_household_is_in_a_grid_of_its_community(self):
        households = self.env["community.household"].with_context(
            active_test=False).search(self.domain)
        self.assertTrue(households)
        self.assertFalse(households.filtered(lambda h: not h.grid_id))
        self.assertFalse(households.filtered(
            lambda h: h.grid_id.community_id != h.community_id))

    def test_grid_counts_are_stored(self):
        grids = self.env["grid.grid"].search(self.domain)
        self.assertEqual(len(grids), self.result["counts"]["grid.grid"])
        self.assertEqual(
            sum(grids.mapped("household_count")),
            self.env["community.household"].search_count(self.domain))
        for grid in grids:
            self.assertEqual(grid.household_count, len(grid.household_ids))
            self.assertTrue(grid.officer_id.has_group(
                "community_grid.group_grid_officer"))

    def test_demo_officer_holds_the_first_grid(self):
        officer = self.env["res.users"].search([("login", "=", "grid_officer")])
        self.assertTrue(officer)
        grid = self.env.ref("community_grid.grid_1_demo")
        self.assertEqual(grid.officer_id, officer)
        self.assertTrue(self.env["grid.grid"].sudo(officer.id).search([]))

    def test_a_year_of_visits_up_to_today(self):
        visits = self.env["grid.visit"].search(self.domain)
        self.assertEqual(len(visits), self.result["counts"]["grid.visit"])
        self.assertTrue(visits)
        dates = visits.mapped("date")
        self.assertLessEqual(max(dates), str(self.today))
        self.assertGreaterEqual(min(dates), "2024-12-01")
        self.assertFalse(visits.filtered(
            lambda v: v.grid_id != v.household_id.grid_id
            or v.officer_id != v.grid_id.officer_id))
        household = visits[0].household_id
        self.assertEqual(household.last_visit_date,
                         max(household.visit_ids.mapped("date")))

    def test_officers_work_near_the_quota(self):
        rows = self.env["grid.visit.report"].read_group(
            self.domain + [("month", "=", "2025-06-01"), ("target", ">", 0)],
            ["officer_id", "household_visited", "target", "visit_rate"],
            ["officer_id"])
        self.assertTrue(rows)
        # the generator visits quota × diligence (1, or 0.45 for one
        # officer in five) × 0.85-1.12 households of the grid a month, at
        # most the households the grid has
        households = {}
        for grid in self.env["grid.grid"].search(self.domain):
            households[grid.officer_id.id] = (
                households.get(grid.officer_id.id, 0) + grid.household_count)
        near = 0
        for row in rows:
            visited, target = row["household_visited"], row["target"]
            available = households[row["officer_id"][0]]
            self.assertGreater(visited, 0, row)
            self.assertLessEqual(visited, math.ceil(target * 1.12), row)
            self.assertGreaterEqual(
                visited, min(math.floor(target * 0.45 * 0.85), available),
                row)
            near += visited >= min(math.floor(target * 0.85), available)
        # most officers are diligent
        self.assertGreater(near, len(rows) / 2, rows)

    def test_second_run_writes_nothing(self):
        again = demo_grid.load(self.env, seed=1, scale=SCALE, today=self.today)
        self.assertFalse(again["created"])
        self.assertEqual(again["counts"], self.result["counts"])


class TestGridDemoDated(SavepointCase):
    """The visits and cases of the demo street are dated from the day it
    is built: whatever the day, its month has visits and a visit rate,
    and open cases fall due around it (some overdue, some due in the
    coming days)."""

    DAYS = (datetime.date(2026, 12, 5), datetime.date(2027, 9, 14))

    def _load(self, today):
        load_demo(self.env, seed=1, scale=SCALE, today=today)
        demo_loader.load_demo(self.env, seed=1, scale=SCALE, today=today)
        district = self.env.ref("community_base.district_demo")
        streets = self.env["res.company"].search(
            [("parent_id", "=", district.id)])
        return [("company_id", "in", streets.ids)]

    def _check_dated_from(self, today):
        domain = self._load(today)
        month = today.replace(day=1)
        visits = self.env["grid.visit"].search(domain)
        dates = visits.mapped("date")
        self.assertLessEqual(max(dates), str(today))
        # the twelve months before this one, and this one
        year_before = month.replace(year=month.year - 1)
        self.assertEqual(min(dates)[:7], str(year_before)[:7])
        self.assertTrue([day for day in dates if day >= str(month)])
        rows = self.env["grid.visit.report"].read_group(
            domain + [("month", "=", str(month))],
            ["household_visited", "target"], [])
        self.assertGreater(rows[0]["target"], 0)
        self.assertGreater(rows[0]["household_visited"], 0)
        cases = self.env["grid.case"].search(domain)
        reported = cases.mapped("date_reported")
        self.assertGreaterEqual(
            min(reported), str(today - datetime.timedelta(days=366)))
        self.assertLessEqual(
            max(reported), str(today + datetime.timedelta(days=1)))
        still_open = cases.filtered(
            lambda case: case.state not in ("close", "evaluate"))
        due = still_open.filtered(
            lambda case: str(today) <= case.date_deadline <= str(
                today + datetime.timedelta(days=7)))
        self.assertTrue(due)
        self.assertFalse(due.filtered("is_overdue"))
        overdue = still_open.filtered(
            lambda case: case.date_deadline < str(today))
        self.assertTrue(overdue)
        self.assertTrue(all(overdue.mapped("is_overdue")))

    def test_dated_from_a_day_in_winter(self):
        self._check_dated_from(self.DAYS[0])

    def test_dated_from_another_day(self):
        self._check_dated_from(self.DAYS[1])
