# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .common import EvalCase


class TestDefaultData(EvalCase):
    """The shipped schemes: present, sound, editable by administrators."""

    def test_resident_survey_needs_thirty_answers_per_community(self):
        """The shipped resident survey follows the field rule of at least
        30 answered sheets per community: a campaign with fewer does not
        close, and says so with the figures."""
        scheme = self.env.ref("community_eval.eval_scheme_resident_community")
        campaign = self._create_campaign(
            scheme=scheme, communities=self.community_a1)
        campaign.action_open()
        self._paper_sheet(campaign, self.community_a1,
                          ["satisfied"] * len(scheme.indicator_ids))
        with self.assertRaises(ValidationError) as caught:
            campaign.sudo(self.street_clerk.id).action_close()
        self.assertIn("minimum sample is 30", str(caught.exception))
        self.assertIn("Community A1 (1)", str(caught.exception))
        self.assertEqual(campaign.state, "open")

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
