# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The schema changes of the migration scripts (``tools/migration.py``) and
community_base's own script, on columns put back into their old shape."""
from ..tools import migration
from .migration_checks import column_values, integer_to_text, load_script
from .test_admission import AdmissionCase


class TestMigration(AdmissionCase):

    def test_text_years_become_the_same_numbers(self):
        requests = self._create_request() | self._create_request(
            date_start="2025-11-01", date_end=False)
        cr = self.env.cr
        integer_to_text(cr, "community_admission_request", "year")
        self.assertEqual(
            migration.column_type(cr, "community_admission_request", "year"),
            "character varying")
        load_script("community_base", "11.0.1.1.0", "pre").migrate(
            cr, "11.0.1.0.0")
        self.assertEqual(
            migration.column_type(cr, "community_admission_request", "year"),
            "integer")
        self.assertEqual(column_values(
            cr, "community_admission_request", requests.ids, "year"),
            {requests[0].id: (2026,), requests[1].id: (2025,)})

    def test_text_that_is_no_year_becomes_empty(self):
        request = self._create_request()
        cr = self.env.cr
        integer_to_text(cr, "community_admission_request", "year")
        # sql: a value the old Char field let through
        cr.execute("UPDATE community_admission_request SET year = ' 20x6'"
                   " WHERE id = %s", (request.id,))
        self.assertTrue(migration.char_to_integer(
            cr, "community_admission_request", "year"))
        self.assertEqual(column_values(
            cr, "community_admission_request", request.ids, "year"),
            {request.id: (None,)})

    def test_integer_column_is_left_alone(self):
        self.assertFalse(migration.char_to_integer(
            self.env.cr, "community_admission_request", "year"))

    def test_renamed_field_keeps_values_index_and_records(self):
        cr = self.env.cr
        request = self._create_request()
        field = self.env["ir.model.fields"]._get(
            "community.admission.request", "date_end")
        xmlid = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"), ("res_id", "=", field.id)])
        before = column_values(
            cr, "community_admission_request", request.ids, "date_end")
        self.assertTrue(migration.rename_field(
            cr, "community.admission.request", "date_end", "date_stop"))
        self.assertIsNone(migration.column_type(
            cr, "community_admission_request", "date_end"))
        self.assertEqual(column_values(
            cr, "community_admission_request", request.ids, "date_stop"),
            before)
        self.assertEqual(str(before[request.id][0]), "2026-06-30")
        # sql: the index follows the column
        cr.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                   ("community_admission_request_date_stop_index",))
        self.assertIn("date_stop", cr.fetchone()[0])
        # sql: the field's record and its XML id keep their ids
        cr.execute("SELECT name FROM ir_model_fields WHERE id = %s",
                   (field.id,))
        self.assertEqual(cr.fetchone()[0], "date_stop")
        # sql: read past the ORM's cache
        cr.execute("SELECT name FROM ir_model_data WHERE id = %s",
                   (xmlid.id,))
        self.assertEqual(cr.fetchone()[0],
                         "field_community_admission_request_date_stop")

    def test_rename_is_done_once(self):
        cr = self.env.cr
        self.assertTrue(migration.rename_field(
            cr, "community.admission.request", "date_end", "date_stop"))
        self.assertFalse(migration.rename_field(
            cr, "community.admission.request", "date_end", "date_stop"))
        self.assertFalse(migration.rename_field(
            cr, "community.admission.request", "no_such_column", "date_stop"))
