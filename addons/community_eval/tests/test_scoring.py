# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import doctest
import unittest

from ..tools import scoring


class TestScoring(unittest.TestCase):
    """The scoring arithmetic without a database."""

    def test_doctests(self):
        failed, attempted = doctest.testmod(scoring)
        self.assertTrue(attempted)
        self.assertEqual(failed, 0)

    def test_satisfaction_rate_ignores_unknown_answers(self):
        self.assertEqual(
            scoring.satisfaction_rate(["satisfied", None, "dissatisfied"]),
            50.0)

    def test_rate_of_974_per_mille(self):
        answers = ["satisfied"] * 900 + ["basic"] * 74 + ["dissatisfied"] * 26
        self.assertAlmostEqual(scoring.satisfaction_rate(answers), 97.4)

    def test_deduction_does_not_go_below_zero(self):
        self.assertEqual(scoring.weighted_score([(1, 10.0)], 25.0), 0.0)

    def test_zero_weights_give_no_score(self):
        self.assertIsNone(scoring.weighted_score([(0, 90.0)]))

    def test_rank_all_equal(self):
        self.assertEqual(scoring.competition_rank({"a": 80, "b": 80}),
                         {"a": 1, "b": 1})

    def test_period_month_of_december(self):
        self.assertTrue(scoring.period_matches(
            "month", datetime.date(2026, 12, 1), datetime.date(2026, 12, 31)))

    def test_period_refuses_two_months_as_month(self):
        self.assertFalse(scoring.period_matches(
            "month", datetime.date(2026, 1, 1), datetime.date(2026, 2, 28)))

    def test_period_refuses_mid_month_start(self):
        self.assertFalse(scoring.period_matches(
            "year", datetime.date(2026, 1, 2), datetime.date(2026, 12, 31)))
