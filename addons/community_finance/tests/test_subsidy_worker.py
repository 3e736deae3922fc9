# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import FinanceCase


class TestSubsidyFollowsThePost(FinanceCase):
    """A director of A1 paid a monthly subsidy for the post: when the
    post's term ends, the subsidy ends with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.worker = cls.env["community.worker"].create({
            "name": "Zhao Min", "community_id": cls.community_a1.id,
            "category": "committee", "user_id": cls.community_clerk.id})
        cls.post = cls.env["community.worker.post"].create({
            "worker_id": cls.worker.id, "post": "director",
            "date_start": "2026-01-01"})
        cls.other_post = cls.env["community.worker.post"].create({
            "worker_id": cls.worker.id, "post": "party_secretary",
            "date_start": "2026-01-01"})
        standard = cls.env["finance.subsidy.standard"].create({
            "name": "Director A", "post_code": "director", "amount": 800.0,
            "date_start": "2026-01-01", "company_id": cls.street_a.id})
        Holder = cls.env["finance.subsidy.holder"]
        cls.holder = Holder.new({
            "standard_id": standard.id, "worker_post_id": cls.post.id,
            "date_start": "2025-06-01"})
        cls.holder._onchange_worker_post_id()
        cls.holder = Holder.create(
            cls.holder._convert_to_write(cls.holder._cache))
        cls.holder_other = Holder.create({
            "standard_id": standard.id, "worker_id": cls.worker.id,
            "worker_post_id": cls.other_post.id,
            "partner_id": cls.community_clerk.partner_id.id,
            "community_id": cls.community_a1.id, "date_start": "2026-01-01"})

    def test_onchange_takes_the_post(self):
        self.assertEqual(self.holder.worker_id, self.worker)
        self.assertEqual(self.holder.community_id, self.community_a1)
        self.assertEqual(self.holder.partner_id,
                         self.community_clerk.partner_id)
        self.assertEqual(self.holder.date_start, "2026-01-01")
        self.assertFalse(self.holder.date_end)

    def test_end_of_term_ends_the_subsidy(self):
        self.post.sudo(self.street_clerk).write({"date_end": "2026-09-30"})
        self.assertEqual(self.holder.date_end, "2026-09-30")
        # the subsidy of the other post goes on
        self.assertFalse(self.holder_other.date_end)

    def test_holder_ending_earlier_is_kept(self):
        self.holder.date_end = "2026-05-31"
        self.post.write({"date_end": "2026-09-30"})
        self.assertEqual(self.holder.date_end, "2026-05-31")
