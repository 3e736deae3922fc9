# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .case_statistics_fixture import CaseStatisticsCase


class TestCaseStatistics(CaseStatisticsCase):
    """The figures of October 2026 in street A, worked out by hand from
    :data:`.case_statistics_fixture.CASES`."""

    def by_key(self, result):
        return {row["key"]: row for row in result["rows"]}

    def assert_figures(self, row, **expected):
        for name, value in expected.items():
            if isinstance(value, float):
                self.assertAlmostEqual(row[name], value, places=6, msg=name)
            else:
                self.assertEqual(row[name], value, name)

    def test_per_community_counts_rates_and_days(self):
        rows = self.by_key(self.statistics("community"))
        self.assertEqual(set(rows), {self.community_a1.id,
                                     self.community_a2.id})
        self.assert_figures(
            rows[self.community_a1.id], name="Community A1", received=4,
            closed=3, on_time=2, on_time_rate=2 / 3, avg_days=3.0,
            median_days=2.0, return_count=1, extension_count=1,
            reopen_count=1, evaluated=3, satisfied=1, basic=1,
            dissatisfied=1, satisfaction_rate=2 / 3)
        # c6 was reported in September: closed and evaluated in October,
        # its return belongs to September; c10 was reported on 1 October
        # in Beijing (30 September in UTC), c9 on 1 November
        self.assert_figures(
            rows[self.community_a2.id], received=2, closed=2, on_time=2,
            on_time_rate=1.0, avg_days=2.5, median_days=2.5, return_count=0,
            extension_count=0, reopen_count=0, evaluated=2, satisfied=2,
            satisfaction_rate=1.0)

    def test_totals_are_computed_over_the_cases_not_the_rows(self):
        total = self.statistics("community")["total"]
        # on time / closed of the street (4/5), not the mean of the rows'
        # rates ((2/3 + 1) / 2); the street's median, not a median of medians
        self.assert_figures(
            total, received=6, closed=5, on_time=4, on_time_rate=0.8,
            avg_days=2.8, median_days=2.0, return_count=1, extension_count=1,
            reopen_count=1, evaluated=5, satisfied=3, basic=1,
            dissatisfied=1, satisfaction_rate=0.8)

    def test_per_category(self):
        rows = self.by_key(self.statistics("category"))
        c1, c2 = self.categories["c1"], self.categories["c2"]
        self.assertEqual(set(rows), {c1.id, c2.id})
        self.assert_figures(
            rows[c1.id], received=4, closed=4, on_time=3, on_time_rate=0.75,
            avg_days=3.25, median_days=2.5)
        self.assert_figures(
            rows[c2.id], received=2, closed=1, on_time=1, on_time_rate=1.0,
            avg_days=1.0, median_days=1.0, reopen_count=1)

    def test_per_handling_unit_with_undispatched_cases_last(self):
        result = self.statistics("unit")
        rows = self.by_key(result)
        d1, d2, p1 = (self.units[key].id for key in ("d1", "d2", "p1"))
        self.assertEqual(set(rows), {(d1, None), (d2, None), (None, p1),
                                     (None, None)})
        self.assert_figures(
            rows[(d1, None)], name="Urban management section", received=3,
            closed=4, on_time=3, on_time_rate=0.75, median_days=2.5)
        # a unit with no case closed has no rate (not 0%)
        self.assert_figures(rows[(d2, None)], received=1, closed=0,
                            on_time_rate=None, avg_days=None,
                            median_days=None)
        self.assert_figures(rows[(None, p1)], name="District water bureau",
                            closed=1, on_time=1)
        self.assertEqual(result["rows"][-1]["key"], (None, None))
        self.assertEqual(result["rows"][-1]["received"], 1)

    def test_empty_period_gives_zero_totals(self):
        result = self.statistics("community", date_start="2025-01-01",
                                 date_end="2025-01-31")
        self.assertEqual(result["rows"], [])
        self.assert_figures(result["total"], received=0, closed=0,
                            on_time_rate=None, median_days=None)

    def test_community_clerk_gets_only_their_community(self):
        result = self.statistics("community", user=self.community_clerk)
        self.assertEqual([row["key"] for row in result["rows"]],
                         [self.community_a1.id])
        self.assert_figures(result["total"], received=4, closed=3,
                            on_time=2, on_time_rate=2 / 3)

    def test_clerk_of_another_street_gets_nothing_of_street_a(self):
        result = self.statistics("community", user=self.street_clerk_b)
        self.assertEqual(result["rows"], [])
        self.assertEqual(result["total"]["received"], 0)
        own = self.statistics("community", user=self.street_clerk_b,
                              company_ids=self.street_b.ids)
        self.assertEqual([row["key"] for row in own["rows"]],
                         [self.community_b1.id])
        self.assertEqual(own["total"]["closed"], 1)

    def test_user_without_case_access_is_refused(self):
        with self.assertRaises(AccessError):
            self.statistics("community", user=self.internal_user)

    def test_period_ending_before_it_starts_is_refused(self):
        with self.assertRaisesRegex(UserError, "2026-10-31"):
            self.statistics("community", date_start="2026-10-31",
                            date_end="2026-10-01")

    def test_unknown_grouping_is_refused(self):
        with self.assertRaisesRegex(UserError, "grid"):
            self.statistics("grid")

    def test_wizard_month_sets_the_whole_month(self):
        wizard = self.env["grid.case.statistics.wizard"].sudo(
            self.leader.id).new({"month": "2026-02-17"})
        wizard._onchange_month()
        self.assertEqual((wizard.date_start, wizard.date_end),
                         ("2026-02-01", "2026-02-28"))

    def test_wizard_refuses_a_street_of_someone_else(self):
        Wizard = self.env["grid.case.statistics.wizard"].sudo(
            self.street_clerk_b.id)
        with self.assertRaisesRegex(ValidationError, "Test Street A"):
            Wizard.create({"date_start": "2026-10-01",
                           "date_end": "2026-10-31",
                           "company_id": self.street_a.id})

    def test_wizard_refuses_a_reversed_period(self):
        Wizard = self.env["grid.case.statistics.wizard"].sudo(self.leader.id)
        with self.assertRaisesRegex(ValidationError, "2026-10-31"):
            Wizard.create({"date_start": "2026-10-31",
                           "date_end": "2026-10-01",
                           "company_id": self.street_a.id})
