# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo cases on top of community_base's demo street: a believable
year, written with what the loop itself would have stored."""
import datetime

from odoo.tests.common import SavepointCase

from odoo.addons.community_base.tools import demo_data
from odoo.addons.community_base.tools.demo_loader import load_demo

from ..tools import demo_cases, demo_loader

SCALE = 0.005
STEPS = ["date_reported", "date_dispatched", "date_handled",
         "date_verified", "date_closed", "date_evaluated"]
STATES = ["report", "dispatch", "handle", "verify", "close", "evaluate"]


class TestCaseDemo(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_demo(cls.env, seed=1, scale=SCALE, today=demo_data.DEMO_TODAY)
        cls.summary = demo_loader.load_demo(
            cls.env, seed=1, scale=SCALE, today=demo_data.DEMO_TODAY)
        district = cls.env.ref("community_base.district_demo")
        cls.streets = cls.env["res.company"].search(
            [("parent_id", "=", district.id)])
        cls.cases = cls.env["grid.case"].search(
            [("company_id", "in", cls.streets.ids)])
        cls.households = cls.env["community.household"].search(
            [("company_id", "in", cls.streets.ids)])

    def test_about_two_cases_per_household_and_year(self):
        self.assertTrue(self.summary["created"])
        self.assertEqual(len(self.cases), round(len(self.households) * 2))
        self.assertEqual(self.summary["counts"]["grid.case"],
                         len(self.cases))
        escalations = self.env["grid.case.escalation"].search(
            [("case_id", "in", self.cases.ids)])
        self.assertEqual(self.summary["counts"]["grid.case.escalation"],
                         len(escalations))

    def test_a_second_load_writes_nothing(self):
        again = demo_cases.load(self.env, seed=1, scale=SCALE)
        self.assertFalse(again["created"])
        self.assertEqual(again["counts"]["grid.case"], len(self.cases))

    def test_cases_are_in_demo_households_and_their_grids(self):
        for case in self.cases:
            household = case.household_id
            self.assertIn(household, self.households, case.name)
            self.assertEqual(case.community_id, household.community_id)
            self.assertEqual(case.company_id, household.company_id)
            self.assertEqual(case.grid_id, household.grid_id, case.name)

    def test_a_year_up_to_the_demo_day(self):
        first = min(self.cases.mapped("date_reported"))
        last = max(self.cases.mapped("date_reported"))
        today = demo_data.DEMO_TODAY
        self.assertGreaterEqual(
            first, str(today - datetime.timedelta(days=366)))
        self.assertLessEqual(last, str(today + datetime.timedelta(days=1)))
        months = {value[:7] for value in self.cases.mapped("date_reported")}
        self.assertGreaterEqual(len(months), 12)

    def test_believable_mix_of_outcomes(self):
        closed = self.cases.filtered("date_closed")
        self.assertGreater(len(closed), 0.85 * len(self.cases))
        on_time = len(closed.filtered("closed_on_time")) / len(closed)
        self.assertTrue(0.80 <= on_time <= 0.94, on_time)
        self.assertTrue(self.cases.filtered(
            lambda case: case.state in ("report", "dispatch", "handle",
                                        "verify")))
        self.assertEqual(set(self.cases.mapped("channel")),
                         {"visit", "hotline", "walk_in", "online",
                          "referral"})
        evaluated = self.cases.filtered(lambda case: case.state == "evaluate")
        satisfied = evaluated.filtered(
            lambda case: case.satisfaction == "satisfied")
        self.assertGreater(len(satisfied), 0.7 * len(evaluated))
        self.assertTrue(evaluated.filtered(
            lambda case: case.satisfaction == "dissatisfied"))
        for field in ("return_count", "extension_count", "reopen_count"):
            self.assertTrue(self.cases.filtered(field), field)
        self.assertTrue(self.cases.filtered(
            lambda case: case.loop_level != "community"))

    def test_steps_match_the_state_and_follow_each_other(self):
        for case in self.cases:
            reached = STATES.index(case.state)
            times = [case[name] for name in STEPS]
            for index, value in enumerate(times):
                self.assertEqual(bool(value), index <= reached,
                                 "%s %s" % (case.name, STEPS[index]))
            present = [value for value in times if value]
            self.assertEqual(present, sorted(present), case.name)
            if case.state == "evaluate":
                self.assertTrue(case.satisfaction, case.name)
            else:
                self.assertFalse(case.satisfaction, case.name)

    def test_deadlines_and_scores_are_the_loops_own(self):
        """What ``action_close`` would have stored: days to close counted
        on the street's calendar, on time when closed by the deadline, and
        the deadline the category's promise from the report."""
        Case = self.env["grid.case"]
        for case in self.cases.filtered("date_closed")[:300]:
            calendar = Case._calendar_of(case.company_id)
            reported = Case._street_date(case.date_reported)
            closed = Case._street_date(case.date_closed)
            self.assertEqual(case.days_to_close,
                             calendar.working_days_between(reported, closed),
                             case.name)
            self.assertEqual(case.closed_on_time,
                             closed <= case.date_deadline, case.name)
            self.assertEqual(case.is_overdue, not case.closed_on_time)
            self.assertEqual(
                case.date_deadline_original,
                calendar.working_days_add(reported,
                                          case.category_id.sla_days),
                case.name)
            if not case.extension_count:
                self.assertEqual(case.date_deadline,
                                 case.date_deadline_original)

    def test_numbers_follow_the_sequence(self):
        names = self.cases.mapped("name")
        self.assertEqual(len(set(names)), len(names))
        ordered = self.cases.sorted(lambda case: (case.date_reported,
                                                  case.id))
        numbers = [int(name.rsplit("-", 1)[1])
                   for name in ordered.mapped("name")]
        self.assertEqual(numbers, sorted(numbers))
        case = ordered[0]
        month = _case_month(case)
        self.assertTrue(case.name.startswith("SJ%s" % month), case.name)
        new = self.env["grid.case"].create({
            "category_id": case.category_id.id,
            "household_id": case.household_id.id,
            "description": "<p>new</p>",
        })
        self.assertNotIn(new.name, names)


def _case_month(case):
    """The case's month in Beijing time, as the sequence prints it."""
    reported = datetime.datetime.strptime(case.date_reported,
                                          "%Y-%m-%d %H:%M:%S")
    return (reported + datetime.timedelta(hours=8)).strftime("%Y%m")
