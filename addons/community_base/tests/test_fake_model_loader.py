# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests give themselves models of their own with odoo-test-helper.

Pinned to 1.1.0: 2.x restores the registry in a way Odoo 11 refuses
(``AttributeError: type object 'base' has no attribute 'id'`` in
``_setup_base``); this test keeps the pin honest.
"""
from odoo import fields, models
from odoo.tests.common import SavepointCase

from .common import fake_model_loader


class TestFakeModelLoader(SavepointCase):

    def test_fake_model_exists_between_update_and_restore(self):
        loader = fake_model_loader(self.env)

        class CommunityFakeLedger(models.Model):
            _name = "community.fake.ledger"
            _description = "Ledger that exists only in this test"

            name = fields.Char(required=True)

        loader.update_registry((CommunityFakeLedger,))
        ledger = self.env["community.fake.ledger"].create({"name": "台账"})
        self.assertEqual(ledger.name, "台账")

        loader.restore_registry()
        self.assertNotIn("community.fake.ledger", self.env.registry)
