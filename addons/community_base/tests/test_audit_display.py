# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import CommunityCase


class TestAuditDisplay(CommunityCase):
    """The audit trail shows a selection's label in the reader's language,
    yes or no for a flag and the linked record's name, not the raw values
    OCA auditlog stored ("living", "True", "(1, 'Community A1')")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_a1.write({
            "residence_type": "floating", "arrival_date": "2026-01-05",
            "household_id": cls.household_a1b.id})
        cls.resident_a1.write({"active": False})
        cls.log_lines = cls.env["auditlog.log"].search([
            ("model_id.model", "=", "community.resident"),
            ("res_id", "=", cls.resident_a1.id),
            ("method", "=", "write")]).mapped("line_ids")

    def _line(self, fname, lang):
        line = self.log_lines.filtered(lambda log_line: log_line.field_id.name == fname)
        self.assertEqual(len(line), 1, fname)
        return line.with_context(lang=lang)

    def _label(self, fname, key, lang):
        Resident = self.env["community.resident"].with_context(lang=lang)
        return dict(Resident.fields_get([fname])[fname]["selection"])[key]

    def test_selection_shows_its_label_in_the_readers_language(self):
        for lang in ("en_US", "zh_CN"):
            line = self._line("residence_type", lang)
            self.assertEqual(line.old_value_text, "registered")
            self.assertEqual(line.old_value_display,
                             self._label("residence_type", "registered", lang))
            self.assertEqual(line.new_value_display,
                             self._label("residence_type", "floating", lang))
        self.assertNotEqual(self._line("residence_type", "zh_CN")
                            .new_value_display, "floating")

    def test_flag_shows_yes_or_no(self):
        line = self._line("active", "en_US")
        self.assertEqual((line.old_value_display, line.new_value_display),
                         ("Yes", "No"))

    def test_link_shows_the_name_only(self):
        line = self._line("household_id", "en_US")
        self.assertEqual(line.old_value_display,
                         self.household_a1.display_name)
        self.assertEqual(line.new_value_display,
                         self.household_a1b.display_name)

    def test_trail_form_shows_the_readable_values(self):
        view = self.env["auditlog.log"].sudo(self.street_admin.id) \
            .fields_view_get(view_type="form", view_id=self.env.ref(
                "community_base.auditlog_log_view_form").id)
        columns = view["fields"]["line_ids"]["views"]["tree"]["fields"]
        self.assertIn("new_value_display", columns)
        self.assertNotIn("new_value_text", columns)
