# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Window statistics per matter, community and month."""
from .common import ServiceCase


class TestServiceWindowReport(ServiceCase):

    def _done_request(self, received, accepted, done, on_time, **vals):
        request = self._create_request(date_received=received, **vals)
        # the dates of a past month, as the buttons would have written them
        request.with_context(service_transition=True).write({
            "state": "done", "date_accepted": accepted,
            "date_decided": accepted, "date_done": done,
            "done_on_time": on_time})
        return request

    def test_on_time_rate_and_times_per_item_and_month(self):
        self._done_request("2026-04-01 01:00:00", "2026-04-01 03:00:00",
                           "2026-04-03 03:00:00", True)
        self._done_request("2026-04-02 01:00:00", "2026-04-02 02:00:00",
                           "2026-04-20 02:00:00", False)
        self._create_request(date_received="2026-04-10 01:00:00")
        self._done_request("2026-04-02 01:00:00", "2026-04-02 05:00:00",
                           "2026-04-03 05:00:00", True,
                           item_id=self.item_certificate.id)
        Report = self.env["service.window.report"]
        Report.invalidate_cache()
        row = Report.search([("item_id", "=", self.item_elderly.id),
                             ("community_id", "=", self.community_a1.id)])
        self.assertEqual(len(row), 1)
        self.assertEqual(row.month, "2026-04-01")
        self.assertEqual(row.request_count, 3)
        self.assertEqual(row.done_count, 2)
        self.assertEqual(row.on_time_count, 1)
        self.assertAlmostEqual(row.on_time_rate, 50.0)
        # waited 2 h and 1 h; handled 2 days and 18 days
        self.assertAlmostEqual(row.avg_waiting_hours, 1.5)
        self.assertAlmostEqual(row.avg_handling_days, 10.0)

    def test_grouped_rate_is_of_the_sums_not_an_average_of_rates(self):
        for day in ("01", "02", "03"):
            self._done_request("2026-04-%s 01:00:00" % day,
                               "2026-04-%s 02:00:00" % day,
                               "2026-04-%s 03:00:00" % day, True)
        self._done_request("2026-04-02 01:00:00", "2026-04-02 02:00:00",
                           "2026-04-30 02:00:00", False,
                           item_id=self.item_certificate.id)
        groups = self.env["service.window.report"].read_group(
            [("community_id", "=", self.community_a1.id)],
            ["community_id", "on_time_rate", "request_count"], ["community_id"])
        # 3 of 4 on time (75%), not the mean of 100% and 0%
        self.assertAlmostEqual(groups[0]["on_time_rate"], 75.0)

    def test_community_clerk_gets_their_community_only(self):
        self._create_request(date_received="2026-04-10 01:00:00")
        self._create_request(date_received="2026-04-10 01:00:00",
                             community_id=self.community_a2.id)
        rows = self.env["service.window.report"].sudo(
            self.community_clerk.id).search([])
        self.assertEqual(rows.mapped("community_id"), self.community_a1)
