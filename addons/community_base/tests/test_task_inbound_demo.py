# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields

from ..tools import demo_inbound
from .test_task_inbound import InboundCase


class TestTaskInboundDemo(InboundCase):
    """The demo register of inbound work, on the known communities: dated
    back from the given day, some items through the catalogue, decisions
    with their reasons, the departments linked to the rated partners."""

    def _load(self, seed=3):
        today = datetime.date(2026, 5, 20)
        Inbound = self.env["community.task.inbound"]
        before = Inbound.search([])
        count = demo_inbound.load_inbound_demo(
            self.env, seed, today, self.community_a1 | self.community_a2,
            self.department | self.department_2)
        return Inbound.search([]) - before, count, today

    def test_register_dated_back_with_decisions(self):
        items, count, today = self._load()
        self.assertEqual(len(items), count)
        self.assertGreaterEqual(count, 12)
        self.assertEqual(set(items.mapped("community_id")),
                         {self.community_a1, self.community_a2})
        first = fields.Date.to_string(today - datetime.timedelta(days=89))
        self.assertTrue(all(first <= item.date_received
                            <= fields.Date.to_string(today)
                            for item in items))
        # the census survey is admitted in A1 in March to June only
        for item in items.filtered("admitted"):
            self.assertEqual(item.admission_request_id, self.request)
            self.assertEqual(item.community_id, self.community_a1)
        self.assertTrue(items.filtered(lambda item: not item.admitted))
        for item in items.filtered(lambda item: item.state == "refused"):
            self.assertTrue(item.refuse_reason)
            self.assertGreaterEqual(item.date_decided, item.date_received)
        for item in items.filtered(lambda item: item.state == "protest"):
            self.assertTrue(item.protest_note)
        for department in self.department | self.department_2:
            self.assertEqual(department.partner_id.name, department.name)
            self.assertEqual(department.partner_id.organisation_type,
                             "department")

    def test_same_seed_same_register(self):
        first, _count, _today = self._load(seed=5)
        keys = [(item.name, item.community_id.id, item.date_received,
                 item.state) for item in first]
        first.unlink()
        second, _count, _today = self._load(seed=5)
        self.assertEqual(keys, [(item.name, item.community_id.id,
                                 item.date_received, item.state)
                                for item in second])
