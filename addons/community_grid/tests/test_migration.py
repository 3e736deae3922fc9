# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The pre-migration of 11.0.1.1.0 on the statistics wizard's period as
11.0.1.0.0 named it (``date_from``/``date_to``), put back inside the test's
transaction."""
from odoo.addons.community_base.tests.migration_checks import column_values, load_script
from odoo.addons.community_base.tools import migration

from .common import GridCase


class TestMigration(GridCase):

    def test_statistics_wizard_keeps_its_period(self):
        wizard = self.env["grid.case.statistics.wizard"].sudo(
            self.street_clerk.id).create({
                "company_id": self.street_a.id, "date_start": "2026-02-01",
                "date_end": "2026-02-28"})
        cr = self.env.cr
        model = "grid.case.statistics.wizard"
        migration.rename_field(cr, model, "date_start", "date_from")
        migration.rename_field(cr, model, "date_end", "date_to")
        self.assertIsNone(migration.column_type(
            cr, "grid_case_statistics_wizard", "date_start"))
        load_script("community_grid", "11.0.1.1.0", "pre").migrate(
            cr, "11.0.1.0.0")
        self.assertEqual(
            {key: tuple(str(day) for day in days) for key, days in
             column_values(cr, "grid_case_statistics_wizard", wizard.ids,
                           "date_start", "date_end").items()},
            {wizard.id: ("2026-02-01", "2026-02-28")})

    def test_scope_fields_get_the_xml_ids_of_a_new_database(self):
        data = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"),
            ("name", "in", ["field_grid_grid_community_id",
                            "field_grid_case_company_id"])])
        self.assertEqual(set(data.mapped("module")), {"community_base"})
        data.write({"module": "community_grid"})   # as 11.0.1.0.0 named them
        load_script("community_grid", "11.0.1.1.0", "post").migrate(
            self.env.cr, "11.0.1.0.0")
        data.invalidate_cache()
        self.assertEqual(set(data.mapped("module")), {"community_base"})
        self.assertEqual(
            self.env.ref("community_base.field_grid_grid_community_id"),
            self.env["ir.model.fields"]._get("grid.grid", "community_id"))

    def test_handled_cases_get_their_feedback_as_first_answer(self):
        category = self.env["grid.case.category"].create({
            "name": "Migration litter", "code": "MIG-1", "level": "street"})
        case = self.env["grid.case"].create({
            "category_id": category.id, "household_id": self.household_a1.id,
            "description": "<p>Migration</p>",
            # Thursday 30 April 2026, 10:00 in Beijing
            "date_reported": "2026-04-30 02:00:00"})
        open_case = case.copy({"date_reported": "2026-04-30 02:00:00"})
        deadline = case.date_answer_deadline
        # handled on the deadline, 23:30 in Beijing, as 11.0.1.0.0 left it
        self.env.cr.execute("""
            UPDATE grid_case SET state = 'handle',
                   date_handled = %s::date + interval '15 hours 30 minutes',
                   date_first_answer = NULL, answer_channel = NULL,
                   reply_promise_kept = FALSE
             WHERE id = %s""", (deadline, case.id))
        load_script("community_grid", "11.0.1.1.0", "post").migrate(
            self.env.cr, "11.0.1.0.0")
        case.invalidate_cache()
        self.assertEqual(case.answer_channel, "feedback")
        self.assertEqual(case.date_first_answer, case.date_handled)
        self.assertTrue(case.reply_promise_kept)
        self.assertFalse(case.is_answer_overdue)
        open_case.invalidate_cache()
        self.assertFalse(open_case.date_first_answer)
