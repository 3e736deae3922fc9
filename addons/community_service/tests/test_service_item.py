# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service catalogue offers only what work admission admits."""
from odoo.exceptions import AccessError, ValidationError

from .common import ServiceCase


class TestServiceItem(ServiceCase):

    def test_item_without_admission_cannot_be_offered(self):
        with self.assertRaisesRegex(ValidationError, "Residence permit"):
            self.env["service.item"].create({
                "name": "Residence permit", "code": "JZZ",
                "company_id": self.street_a.id, "active": True})

    def test_item_of_a_rejected_admission_cannot_be_offered(self):
        admission = self.admission.copy({"name": "Refused matters"})
        admission.write({"state": "rejected"})
        item = self.env["service.item"].create({
            "name": "Family planning", "code": "JS",
            "company_id": self.street_a.id,
            "admission_request_id": admission.id})
        self.assertFalse(item.active)
        with self.assertRaisesRegex(ValidationError, "Family planning"):
            item.active = True

    def test_admitted_item_is_offered(self):
        item = self.env["service.item"].create({
            "name": "Employment registration", "code": "JYDJ",
            "company_id": self.street_a.id,
            "admission_request_id": self.admission.id})
        item.active = True
        self.assertTrue(item.active)

    def test_clerk_reads_the_catalogue_but_does_not_change_it(self):
        item = self.item_elderly.sudo(self.community_clerk.id)
        self.assertEqual(item.name, "Elderly card")
        with self.assertRaises(AccessError):
            item.write({"time_limit_days": 1})

    def test_other_street_does_not_see_the_catalogue(self):
        Item = self.env["service.item"].sudo(self.street_clerk_b.id)
        self.assertFalse(Item.search([("id", "=", self.item_elderly.id)]))
