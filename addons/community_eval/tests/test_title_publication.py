# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .common import EvalCase


class TestTitlePublication(EvalCase):
    """A title award is published to residents (居务公开) and listed in the
    report pack of the month it is published in."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.title = cls.env["eval.title"].create({
            "name": "Harmonious community (test)",
            "scheme_id": cls.scheme.id, "threshold": 90,
            "campaign_count": 1})
        cls.award = cls.env["eval.title.award"].create({
            "title_id": cls.title.id,
            "target_community_id": cls.community_a1.id,
            "date_awarded": "2026-10-20", "score": 96.0})

    def test_award_is_listed_in_the_month_it_is_published(self):
        self.award.sudo(self.street_admin).write(
            {"to_publish": True, "date_published": "2026-11-03"})
        pack = self.env["community.report.pack"].with_context(
            lang="en_US").sudo(self.street_clerk).create({
                "company_id": self.street_a.id, "month": "2026-11-01"})
        rows = pack._publication_rows()
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][2],
                         "Harmonious community (test) awarded to "
                         "Community A1")
        self.assertEqual(rows[0][3], "Community A1")
        october = pack.copy({"month": "2026-10-01"})
        self.assertEqual(october._publication_rows(), [])

    def test_clerk_may_not_publish_an_award(self):
        with self.assertRaises(AccessError):
            self.award.sudo(self.community_clerk).action_publish()
