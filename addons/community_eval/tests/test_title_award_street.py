# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16: the dashboard's "Titles held" (现有称号) showed 0 to the leader
and 4 to the administrator. The shipped schemes belong to no street, so
their titles neither, and the street rules of the awards tested the
title's street only: the leader and the street's staff saw none of the
awards their own campaigns gave (the administrator saw them as a clerk of
every community). An award is now the street's whose campaign gave it."""
from .common import EvalCase

HIGH = ["satisfied", "satisfied", 10]    # 100


class TestTitleAwardStreet(EvalCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a scheme shared by the streets, as the shipped ones
        cls.scheme.company_id = False
        cls.title = cls.env["eval.title"].create({
            "name": "Harmonious community (shared)",
            "scheme_id": cls.scheme.id, "threshold": 90,
            "campaign_count": 1})
        campaign = cls._create_campaign(1)
        campaign.action_open()
        for community in (cls.community_a1, cls.community_a2):
            sheet = cls.env["eval.sheet"].sudo(cls.street_clerk.id).create({
                "campaign_id": campaign.id,
                "target_community_id": community.id, "source": "paper"})
            cls._fill(sheet, HIGH)
        campaign.sudo(cls.street_clerk.id).action_close()
        cls.awards = cls.title.award_ids
        cls.tile = cls.env.ref("community_eval.community_kpi_titles_held")

    def test_the_street_sees_the_awards_of_its_campaigns(self):
        self.assertFalse(self.title.company_id)
        self.assertEqual(len(self.awards), 2)
        Award = self.env["eval.title.award"]
        for user in (self.leader, self.street_clerk, self.street_admin):
            self.assertEqual(Award.sudo(user).search([]), self.awards,
                             user.login)
        # another street's staff do not
        self.assertFalse(Award.sudo(self.street_clerk_b).search([]))

    def test_leader_counts_the_titles_the_administrator_counts(self):
        leader = self.tile.sudo(self.leader).value
        self.assertEqual(leader, 2.0)
        self.assertEqual(self.tile.sudo(self.street_admin).value, leader)
        self.assertEqual(self.tile.sudo(self.street_clerk_b).value, 0.0)
