# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tests give themselves models of their own with odoo-test-helper.

Pinned to 1.1.0: 2.x restores the registry in a way Odoo 11 refuses
(``AttributeError: type object 'base' has no attribute 'id'`` in
``_setup_base``); this test keeps the pin honest.
"""
from odoo_test_helper import FakeModelLoader

from odoo import fields, models
from odoo.tests.common import SavepointCase


class TestFakeModelLoader(SavepointCase):

    def test_fake_model_exists_between_update_and_restore(self):
        # The loader reloads every model of the module it is given, from
        # that module's classes only: under "community_base" it would rebuild
        # community.building without the fields community_grid adds. The
        # fake model gets a module of its own instead (the loader restores
        # only modules that had models at backup time, hence the entry).
        models.MetaModel.module_to_models.setdefault("community_fake", [])
        loader = FakeModelLoader(self.env, "odoo.addons.community_fake.tests")
        loader.backup_registry()

        class CommunityFakeLedger(models.Model):
            _name = "community.fake.ledger"
            _description = "Ledger that exists only in this test"

            name = fields.Char(required=True)

        loader.update_registry((CommunityFakeLedger,))
        ledger = self.env["community.fake.ledger"].create({"name": "台账"})
        self.assertEqual(ledger.name, "台账")

        loader.restore_registry()
        self.assertNotIn("community.fake.ledger", self.env.registry)
