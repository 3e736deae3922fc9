# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""community.scoped.mixin and community.scope.copy.mixin on models of the
test's own (odoo-test-helper), and their use by the models of the addons."""
from psycopg2 import sql

from odoo import fields, models

from .common import CommunityCase, fake_model_loader


class TestScopedMixin(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = fake_model_loader(cls.env)

        class CommunityFakeScoped(models.Model):
            _name = "community.fake.scoped"
            _inherit = ["community.scoped.mixin"]
            _description = "Record under a community, for this test"

            name = fields.Char()

        class CommunityFakeScopedDefault(models.Model):
            _name = "community.fake.scoped.default"
            _inherit = ["community.scoped.mixin"]
            _description = "Record defaulting to the user's community"
            _default_user_community = True

        class CommunityFakeScopedLine(models.Model):
            _name = "community.fake.scoped.line"
            _inherit = ["community.scope.copy.mixin"]
            _description = "Record under a record under a community"
            _scope_parent_field = "parent_id"

            parent_id = fields.Many2one(
                comodel_name="community.fake.scoped", required=True)
            community_id = fields.Many2one(
                related="parent_id.community_id", store=True, readonly=True)
            company_id = fields.Many2one(
                related="parent_id.company_id", store=True, readonly=True)

        cls.loader.update_registry((
            CommunityFakeScoped, CommunityFakeScopedDefault,
            CommunityFakeScopedLine))

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _stored(self, records, *columns):
        """What the rows hold, read from the table: a stored related field
        not yet recomputed is NULL there, whatever the cache says."""
        # sql: reads back the test's own rows
        self.env.cr.execute(sql.SQL("SELECT {} FROM {} WHERE id IN %s "
                                    "ORDER BY id").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.Identifier(records._table)), (tuple(records.ids),))
        return self.env.cr.fetchall()

    def test_street_is_in_each_row_before_any_recompute(self):
        Scoped = self.env["community.fake.scoped"]
        communities = [self.community_a1, self.community_b1,
                       self.community_a2, self.community_b1]
        # a batch as imports write it: recomputation waits for the end,
        # the record rules read the rows before
        with self.env.norecompute():
            records = Scoped.browse([
                Scoped.create({"name": str(n), "community_id": community.id}).id
                for n, community in enumerate(communities)])
            self.assertEqual(self._stored(records, "company_id"), [
                (community.company_id.id,) for community in communities])
        self.assertEqual(records.mapped("company_id"),
                         self.street_a | self.street_b)

    def test_street_follows_a_new_community_at_once(self):
        record = self.env["community.fake.scoped"].create({
            "community_id": self.community_a1.id})
        with self.env.norecompute():
            record.write({"community_id": self.community_b1.id})
            self.assertEqual(self._stored(record, "company_id"),
                             [(self.street_b.id,)])

    def test_scope_of_a_line_is_its_parents_in_the_row(self):
        parent = self.env["community.fake.scoped"].create({
            "community_id": self.community_b1.id})
        with self.env.norecompute():
            line = self.env["community.fake.scoped.line"].create({
                "parent_id": parent.id})
            self.assertEqual(self._stored(line, "community_id", "company_id"),
                             [(self.community_b1.id, self.street_b.id)])

    def test_scope_is_copied_from_a_parent_the_user_cannot_read(self):
        # a clerk of street B names a community of street A: the copy reads
        # it anyway; the record rules, not the copy, decide about the record
        vals = self.env["community.fake.scoped"].sudo(
            self.street_clerk_b.id)._scope_vals(
                {"community_id": self.community_a1.id})
        self.assertEqual(vals["company_id"], self.street_a.id)

    def test_user_of_one_community_gets_it_by_default_where_asked(self):
        Default = self.env["community.fake.scoped.default"]
        self.assertEqual(
            Default.sudo(self.community_clerk.id).default_get(
                ["community_id"]).get("community_id"),
            self.community_a1.id)
        self.community_clerk.community_ids |= self.community_a2
        self.assertFalse(Default.sudo(self.community_clerk.id).default_get(
            ["community_id"]).get("community_id"))

    def test_no_default_community_unless_the_model_asks(self):
        self.assertFalse(self.env["community.fake.scoped"].sudo(
            self.community_clerk.id).default_get(
                ["community_id"]).get("community_id"))

    def test_labels_are_community_and_street_office(self):
        for model in ("community.compound", "community.post",
                      "community.council", "finance.tax.source",
                      "finance.subsidy.holder", "grid.grid", "grid.case"):
            if model not in self.env:   # an addon not installed
                continue
            described = self.env[model].fields_get(
                ["community_id", "company_id"], ["string"])
            self.assertEqual(described["community_id"]["string"],
                             "Community", model)
            self.assertEqual(described["company_id"]["string"],
                             "Street office", model)

    def test_models_directly_under_a_community_use_the_mixin(self):
        """Not twice: a model with a required community and the street
        related to it takes both from the mixin."""
        scoped = type(self.env["community.scoped.mixin"])
        found = []
        for name in self.env.registry.models:
            model = self.env[name]
            community = model._fields.get("community_id")
            company = model._fields.get("company_id")
            if model._abstract or not (
                    community and community.type == "many2one"
                    and community.comodel_name == "community.community"
                    and community.required and company and company.related
                    and tuple(company.related) == (
                        "community_id", "company_id")):
                continue
            found.append(name)
            self.assertIsInstance(model, scoped, name)
        self.assertIn("community.compound", found)

    def test_copying_models_name_fields_of_their_parent(self):
        """Every model copying its scope names a parent field and scope
        fields present on both sides (a typo would copy nothing)."""
        copying = type(self.env["community.scope.copy.mixin"])
        users = [name for name in self.env.registry.models
                 if isinstance(self.env[name], copying)]
        for expected in ("community.compound", "community.household",
                         "community.resident", "community.seal.usage"):
            self.assertIn(expected, users)
        for name in users:
            model = self.env[name]
            if model._abstract:
                continue
            parent = model._fields.get(model._scope_parent_field)
            self.assertTrue(parent and parent.type == "many2one", name)
            comodel = self.env[parent.comodel_name]
            for scope in model._scope_fields:
                self.assertIn(scope, model._fields, name)
                self.assertIn(scope, comodel._fields, name)
