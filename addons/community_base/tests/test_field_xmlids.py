# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests.common import SavepointCase

OUR_ADDONS = ("community_base", "community_grid", "community_finance",
              "community_eval")


class TestFieldXmlids(SavepointCase):
    """A field's external id is the same in every database, so the .po
    files that translate its label by that id work everywhere (Odoo 11
    appends the database id when the natural name is taken)."""

    def _suffixed(self, modules):
        datas = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"), ("module", "in", modules)])
        return datas.filtered(
            lambda data: data.name.endswith("_%d" % data.res_id))

    def test_no_field_of_ours_is_named_by_its_database_id(self):
        self.assertFalse(self._suffixed(OUR_ADDONS).mapped("complete_name"))

    def test_case_category_field_has_a_stable_id(self):
        field = self.env.ref("community_grid.field_grid_case__category_id")
        self.assertEqual((field.model, field.name), ("grid.case", "category_id"))

    def test_suffixed_id_renamed_and_label_translation_found(self):
        field = self.env["ir.model.fields"].search([
            ("model", "=", "community.household"), ("name", "=", "room")])
        data = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"), ("res_id", "=", field.id)])
        data.name = "field_community_household_room_%d" % field.id
        self.assertEqual(
            self.env["ir.model.fields"]._community_stable_xmlids(), 1)
        self.assertEqual(data.name, "field_community_household__room")
        self.assertEqual(
            self.env.ref("community_base.field_community_household__room"),
            field)

    def test_field_named_with_its_model_in_the_readers_language(self):
        field = self.env["ir.model.fields"].search([
            ("model", "=", "community.household"), ("name", "=", "room")])
        for lang in ("en_US", "zh_CN"):
            model = self.env["ir.model"].with_context(lang=lang).search([
                ("model", "=", "community.household")])
            label = field.with_context(lang=lang).field_description
            self.assertEqual(field.with_context(lang=lang).name_get(),
                             [(field.id, "%s（%s）" % (label, model.name))])
        self.assertNotIn("community.household", field.with_context(
            lang="zh_CN").display_name)

    def test_mixin_fields_on_other_addons_models_are_translated(self):
        """A field that an addon's model takes from one of community_base's
        mixins is named after community_base (``party.election``'s term
        end, a grid case's community), so its label is one of
        community_base's terms: it must be in Chinese after a first
        install too, when community_base's terms were loaded before that
        model existed."""
        owned = self.env["ir.model.data"].search([
            ("model", "=", "ir.model"), ("module", "=like", "community_%")])
        foreign_models = set(
            owned.filtered(lambda data: data.module != "community_base")
            .mapped("name")) - set(
                owned.filtered(lambda data: data.module == "community_base")
                .mapped("name"))
        datas = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"),
            ("module", "=", "community_base")])
        fields_ = self.env["ir.model.fields"].browse(datas.mapped("res_id"))
        foreign = fields_.filtered(
            lambda field: "model_%s" % field.model.replace(".", "_")
            in foreign_models)
        self.assertTrue(foreign.filtered(
            lambda field: (field.model, field.name)
            == ("grid.case", "community_id")))
        translated = self.env["ir.translation"].search([
            ("name", "=", "ir.model.fields,field_description"),
            ("lang", "=", "zh_CN"), ("res_id", "in", foreign.ids),
            ("value", "!=", False)]).mapped("res_id")
        missing = foreign.filtered(lambda field: field.id not in translated)
        self.assertFalse(
            ["%s.%s" % (field.model, field.name) for field in missing])
