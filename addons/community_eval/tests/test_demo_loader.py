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

    def test_load_once(self):
        summary = demo_loader.load_demo(
            self.env, seed=3, today=datetime.date(2026, 1, 1))
        self.assertTrue(summary["created"])
        surveys = self.env["eval.campaign"].search([
            ("scheme_id", "=", self.env.ref(
                "community_eval.eval_scheme_resident_community").id)])
        # four quarters of 2025 for each of the two streets
        self.assertEqual(len(surveys), 8)
        self.assertEqual(set(surveys.mapped("state")), {"closed"})
        results = surveys.mapped("result_ids")
        self.assertEqual(len(results), 4 * 3)
        self.assertTrue(all(result.response_count >= 30
                            for result in results))
        self.assertTrue(all(0 < result.satisfaction_rate <= 100
                            for result in results))
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

    def test_nothing_without_demo_street(self):
        self.env["ir.model.data"].search([
            ("module", "=", "community_base"),
            ("name", "=", "district_demo")]).unlink()
        summary = demo_loader.load_demo(self.env)
        self.assertFalse(summary["created"])
        self.assertFalse(self.env["eval.campaign"].search([]))
