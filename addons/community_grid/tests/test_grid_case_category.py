# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import GridCase


class TestGridCaseCategoryNames(GridCase):
    """A category's full name ("parent / child") reads in the reader's
    language: the names are translatable and a clerk renames them, so the
    full name must follow the translated names instead of freezing the
    language the category was created in (the shipped catalogue is
    created in English at install and read in zh_CN)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["grid.case.category"]
        cls.parent = Category.create({
            "name": "City appearance", "code": "T-CAT", "level": "street",
            "description": "Litter and greenery."})
        cls.child = Category.create({
            "name": "Street vending", "code": "T-CAT-1", "level": "street",
            "parent_id": cls.parent.id})
        # as the shipped catalogue: created in English, its Chinese loaded
        # into the translations afterwards
        for record, fname, value in (
                (cls.parent, "name", "市容环境"),
                (cls.parent, "description", "垃圾与绿化。"),
                (cls.child, "name", "占道经营")):
            cls.env["ir.translation"].create({
                "type": "model", "lang": "zh_CN", "res_id": record.id,
                "name": "grid.case.category,%s" % fname,
                "src": record[fname], "value": value, "state": "translated"})
        cls.env["grid.case.category"].invalidate_cache()

    def _in(self, lang, record):
        return record.with_context(lang=lang)

    def test_full_name_in_the_readers_language(self):
        self.assertEqual(self._in("zh_CN", self.child).complete_name,
                         "市容环境 / 占道经营")
        self.assertEqual(self._in("en_US", self.child).complete_name,
                         "City appearance / Street vending")

    def test_display_name_in_the_readers_language(self):
        self.assertEqual(self._in("zh_CN", self.child).name_get(),
                         [(self.child.id, "市容环境 / 占道经营")])
        self.assertEqual(
            self._in("zh_CN", self.env["grid.case"]).new(
                {"category_id": self.child.id}).category_id.display_name,
            "市容环境 / 占道经营")

    def test_renaming_the_parent_renames_the_children_full_name(self):
        self._in("zh_CN", self.parent).name = "城市管理"
        self.assertEqual(self._in("zh_CN", self.child).complete_name,
                         "城市管理 / 占道经营")

    def test_search_by_full_name_in_the_readers_language(self):
        Category = self._in("zh_CN", self.env["grid.case.category"])
        ours = [("code", "=like", "T-CAT%")]
        self.assertEqual(
            Category.search(ours + [("complete_name", "ilike", "占道")]),
            self.child)
        self.assertEqual(
            Category.search(ours + [("complete_name", "ilike", "市容环境 / 占道")]),
            self.child)
        self.assertEqual(Category.name_search("占道经营", args=ours),
                         [(self.child.id, "市容环境 / 占道经营")])

    def test_description_is_translated(self):
        self.assertEqual(self._in("zh_CN", self.parent).description,
                         "垃圾与绿化。")
        self.assertEqual(self._in("en_US", self.parent).description,
                         "Litter and greenery.")

    def test_catalogue_ordered_by_code_whatever_the_language(self):
        found = self._in("zh_CN", self.env["grid.case.category"]).search([
            ("code", "in", ("T-CAT", "T-CAT-1"))])
        self.assertEqual(found.mapped("code"), ["T-CAT", "T-CAT-1"])
