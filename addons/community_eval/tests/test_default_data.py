# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import EvalCase


class TestDefaultData(EvalCase):
    """The shipped schemes: present, sound, editable by administrators."""

    def test_ten_aspects_communities_rate_departments_on(self):
        scheme = self.env.ref(
            "community_eval.eval_scheme_community_department")
        self.assertEqual(scheme.target_type, "department")
        self.assertEqual(scheme.evaluator_kind, "community")
        self.assertEqual(len(scheme.indicator_ids), 10)
        self.assertEqual(set(scheme.indicator_ids.mapped("scale")),
                         {"satisfaction"})
        self.assertIn(
            self.env.ref("community_eval.eval_indicator_department_admission"),
            scheme.indicator_ids)

    def test_resident_survey_has_minimum_sample_and_title(self):
        scheme = self.env.ref("community_eval.eval_scheme_resident_community")
        self.assertEqual(scheme.min_sample, 30)
        self.assertEqual(scheme.title_ids, self.env.ref(
            "community_eval.eval_title_harmonious_community"))

    def test_staff_schemes_deduct_check_points(self):
        for xmlid in ("eval_scheme_staff_monthly",
                      "eval_scheme_staff_quarterly"):
            scheme = self.env.ref("community_eval.%s" % xmlid)
            deduction = scheme.indicator_ids.filtered(
                lambda indicator: indicator.kind == "deduction")
            self.assertEqual(deduction.rule_id, self.env.ref(
                "community_eval.eval_rule_staff_check_deduction"), xmlid)

    def test_shipped_schemes_shared_and_readable_by_street_roles(self):
        scheme = self.env.ref(
            "community_eval.eval_scheme_community_department")
        self.assertFalse(scheme.company_id)
        for user in (self.leader, self.street_clerk, self.community_clerk,
                     self.evaluator):
            self.assertTrue(scheme.sudo(user.id).read(["name"]), user.login)

    def test_street_admin_edits_an_aspect(self):
        indicator = self.env.ref(
            "community_eval.eval_indicator_department_funding")
        indicator.sudo(self.street_admin.id).write({"weight": 3})
        self.assertEqual(indicator.weight, 3)
        with self.assertRaises(AccessError):
            indicator.sudo(self.street_clerk.id).write({"weight": 1})
