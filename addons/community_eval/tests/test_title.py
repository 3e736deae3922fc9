# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError

from .common import EvalCase

HIGH = ["satisfied", "satisfied", 10]    # 100
LOW = ["dissatisfied", "basic", 5]       # (0 + 160 + 50) / 4 = 52.5


class TestTitle(EvalCase):
    """A title held while the last N campaigns reach the minimum score."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.title = cls.env["eval.title"].create({
            "name": "Harmonious community (test)",
            "scheme_id": cls.scheme.id, "threshold": 90,
            "campaign_count": 2})

    def _run(self, quarter, a1_answers, a2_answers):
        campaign = self._create_campaign(quarter)
        campaign.action_open()
        self._paper_sheet(campaign, self.community_a1, a1_answers)
        self._paper_sheet(campaign, self.community_a2, a2_answers)
        campaign.sudo(self.street_clerk.id).action_close()
        return campaign

    def _awards(self, community):
        return self.title.award_ids.filtered(
            lambda award: award.target_community_id == community)

    def test_awarded_then_revoked(self):
        q1 = self._run(1, HIGH, HIGH)
        # one campaign of the two the title needs
        self.assertFalse(self.title.award_ids)
        q2 = self._run(2, HIGH, LOW)
        award = self._awards(self.community_a1)
        self.assertEqual(len(award), 1)
        self.assertEqual(award.state, "awarded")
        self.assertEqual(award.campaign_id, q2)
        self.assertAlmostEqual(award.score, 100.0)
        self.assertFalse(self._awards(self.community_a2))
        q3 = self._run(3, LOW, HIGH)
        self.assertEqual(award.state, "revoked")
        self.assertEqual(award.revoke_campaign_id, q3)
        self.assertAlmostEqual(award.revoke_score, 52.5)
        # A2: Q2 low, Q3 high: not yet
        self.assertFalse(self._awards(self.community_a2))
        self.assertTrue(q1.state == q2.state == q3.state == "closed")

    def test_holder_keeps_title_while_qualifying(self):
        self._run(1, HIGH, HIGH)
        self._run(2, HIGH, HIGH)
        self._run(3, HIGH, LOW)
        a1 = self._awards(self.community_a1)
        self.assertEqual(len(a1), 1)
        self.assertEqual(a1.state, "awarded")
        self.assertEqual(self._awards(self.community_a2).state, "revoked")

    def test_community_clerk_sees_own_community_awards(self):
        self._run(1, HIGH, HIGH)
        self._run(2, HIGH, HIGH)
        awards = self.env["eval.title.award"].sudo(
            self.community_clerk.id).search([])
        self.assertEqual(awards.mapped("target_community_id"),
                         self.community_a1)

    def test_title_needs_one_campaign(self):
        with self.assertRaisesRegex(ValidationError, "Bad title"):
            self.env["eval.title"].create({
                "name": "Bad title", "scheme_id": self.scheme.id,
                "campaign_count": 0})
