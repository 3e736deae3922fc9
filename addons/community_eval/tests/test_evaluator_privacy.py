# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import EvalCase


class TestEvaluatorPrivacy(EvalCase):
    """Who scores a campaign is read by those who run it and by its
    evaluators, not by the clerks of the communities it rates; and an
    evaluator reads nothing of the chatter, followers or approvals of the
    register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._create_campaign(evaluators=cls.evaluator)
        cls.env["mail.followers"].create({
            "res_model": "community.resident", "res_id": cls.resident_a1.id,
            "partner_id": cls.street_admin.partner_id.id})
        cls.env["mail.message"].create({
            "model": "community.resident", "res_id": cls.resident_a1.id,
            "message_type": "comment",
            "body": "<p>Evalleak note on %s</p>" % cls.resident_a1.name})
        cls.env["tier.review"].create({
            "model": "community.resident", "res_id": cls.resident_a1.id})

    def test_target_clerk_does_not_read_evaluators(self):
        campaign = self.campaign.sudo(self.community_clerk.id)
        campaign.read(["name"])
        with self.assertRaises(AccessError):
            campaign.read(["evaluator_ids"])
        self.assertNotIn("evaluator_ids", campaign.fields_get())
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.leader.id).read(["evaluator_ids"])

    def test_managers_and_evaluators_read_evaluators(self):
        for user in (self.street_clerk, self.evaluator):
            values = self.campaign.sudo(user.id).read(["evaluator_ids"])[0]
            self.assertEqual(values["evaluator_ids"], self.evaluator.ids,
                             user.login)

    def test_evaluator_reads_no_register_chatter(self):
        env = self.env(user=self.evaluator.id)
        groups = env["mail.message"].read_group(
            [("model", "=", "community.resident")], ["body"], ["body"],
            lazy=False)
        self.assertNotIn("Evalleak", str(groups))
        self.assertFalse(env["mail.followers"].search(
            [("res_model", "=", "community.resident")]))
        self.assertFalse(env["tier.review"].search(
            [("model", "=", "community.resident")]))
        self.assertFalse(env["mail.mail"].search([]))
