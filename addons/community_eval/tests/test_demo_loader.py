# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from ..tools import demo_loader
from .common import EvalCase


class TestDemoLoader(EvalCase):
    """A year of demo evaluations on the demo street, loaded once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # stand in for community_base's demo district
        cls.env["ir.model.data"].create({
            "module": "community_base", "name": "district_demo",
            "model": "res.company", "res_id": cls.district.id})
        cls.department = cls.env["res.partner"].create({
            "name": "Test Civil Affairs", "is_company": True,
            "organisation_type": "department"})
        cls.evaluator.login = "evaluator"

    def _surveys(self):
        return self.env["eval.campaign"].search([
            ("scheme_id", "=", self.env.ref(
                "community_eval.eval_scheme_resident_community").id)],
            order="date_start, company_id")

    def test_load_once(self):
        summary = demo_loader.load_demo(
            self.env, seed=3, today=datetime.date(2026, 1, 1))
        self.assertTrue(summary["created"])
        surveys = self._surveys()
        # the four quarters of 2025, closed, and the first of 2026, open,
        # for each of the two streets
        self.assertEqual(len(surveys), 10)
        closed = surveys.filtered(lambda survey: survey.state == "closed")
        self.assertEqual(len(closed), 8)
        self.assertEqual({survey.date_start[:4] for survey in closed},
                         {"2025"})
        current = surveys - closed
        self.assertEqual(set(current.mapped("state")), {"open"})
        self.assertEqual(set(current.mapped("date_start")), {"2026-01-01"})
        results = closed.mapped("result_ids")
        self.assertEqual(len(results), 4 * 3)
        self.assertTrue(all(result.response_count >= 30
                            for result in results))
        self.assertTrue(all(0 < result.satisfaction_rate <= 100
                            for result in results))
        # the current quarter's survey is under way: answered, not closed
        self.assertTrue(all(0 < result.response_count < 30
                            for result in current.mapped("result_ids")))
        rating = self.env["eval.campaign"].search([
            ("name", "=", "2026年社区评议职能部门"),
            ("company_id", "=", self.street_a.id)])
        self.assertEqual(rating.state, "open")
        self.assertIn(self.department, rating.sheet_ids.mapped(
            "target_partner_id"))
        self.assertEqual(summary["counts"]["eval.campaign"],
                         self.env["eval.campaign"].search_count([]))
        again = demo_loader.load_demo(self.env, seed=3)
        self.assertFalse(again["created"])
        self.assertEqual(again["counts"], summary["counts"])

    def test_periods_move_with_the_day(self):
        """Built on 5 December 2026: the closed quarters are the four
        before the fourth, which is open."""
        demo_loader.load_demo(self.env, seed=3,
                              today=datetime.date(2026, 12, 5))
        surveys = self._surveys().filtered(
            lambda survey: survey.company_id == self.street_a)
        self.assertEqual(
            [(survey.date_start, survey.date_end, survey.state)
             for survey in surveys],
            [("2025-10-01", "2025-12-31", "closed"),
             ("2026-01-01", "2026-03-31", "closed"),
             ("2026-04-01", "2026-06-30", "closed"),
             ("2026-07-01", "2026-09-30", "closed"),
             ("2026-10-01", "2026-12-31", "open")])
        self.assertTrue(self.env["eval.campaign"].search([
            ("name", "=", "2026年社区评议职能部门"),
            ("state", "=", "open")]))

    def test_nothing_without_demo_street(self):
        self.env["ir.model.data"].search([
            ("module", "=", "community_base"),
            ("name", "=", "district_demo")]).unlink()
        summary = demo_loader.load_demo(self.env)
        self.assertFalse(summary["created"])
        self.assertFalse(self.env["eval.campaign"].search([]))
