# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from ..tools import demo_loader
from .common import ServiceCase

TODAY = datetime.date(2026, 6, 10)


class TestDemoLoader(ServiceCase):
    """The service hall of the demo street, loaded once on the test
    streets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # stand in for community_base's demo district
        cls.env["ir.model.data"].create({
            "module": "community_base", "name": "district_demo",
            "model": "res.company", "res_id": cls.district.id})
        cls.summary = demo_loader.load_demo(
            cls.env, seed=3, scale=0.005, today=TODAY)

    def _street_items(self, street):
        return self.env["service.item"].search([
            ("company_id", "=", street.id),
            ("code", "in", [entry[0] for entry in demo_loader.CATALOGUE])])

    def test_catalogue_of_each_street_is_admitted_and_offered(self):
        self.assertTrue(self.summary["created"])
        for street in (self.street_a, self.street_b):
            items = self._street_items(street)
            self.assertEqual(len(items), 7)
            self.assertEqual(
                set(items.mapped("admission_request_id.state")), {"approved"})
            self.assertTrue(all(items.mapped("document_ids")))

    def test_a_year_of_requests_in_every_community(self):
        items = self._street_items(self.street_a)
        requests = self.env["service.request"].search(
            [("item_id", "in", items.ids)])
        # max(10, 3000 × 0.005) = 15 a community, two communities in A
        self.assertEqual(len(requests), 30)
        first = min(requests.mapped("date_received"))
        self.assertGreaterEqual(first, str(TODAY - datetime.timedelta(
            days=366)))
        decided = requests.filtered(lambda request: request.date_decided)
        self.assertEqual(set(decided.mapped("answer_channel")), {"decision"})
        self.assertTrue(requests.filtered(
            lambda request: request.state in ("done", "collected")))

    def test_roster_past_days_handed_over(self):
        duties = self.env["service.duty"].search(
            [("community_id", "=", self.community_a1.id)], order="date")
        self.assertEqual(len(duties), 22)
        past = duties.filtered(lambda duty: duty.date < str(TODAY))
        self.assertEqual(len(past), 14)
        self.assertEqual(set(past.mapped("state")), {"handed_over"})
        self.assertEqual(set((duties - past).mapped("state")), {"open"})

    def test_loading_again_writes_nothing(self):
        again = demo_loader.load_demo(self.env, seed=3, scale=0.005,
                                      today=TODAY)
        self.assertFalse(again["created"])
        self.assertEqual(again["counts"], self.summary["counts"])
