# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A case never opens a door to a household the user may not see (issue
14, finding 6): naming it in a new case, a change or a form's onchange is
refused or ignored, as the user; the superuser's flows are unchanged."""
from odoo.exceptions import AccessError

from .case_common import CaseLoopCase

#: what the case form asks an onchange to send back
ONCHANGE_SPEC = {
    "household_id": "1", "building_id": "1", "compound_id": "1",
    "community_id": "", "grid_id": "1", "reporter_resident_id": "1",
    "category_id": "1", "handler_user_id": "",
}


class TestCaseReferences(CaseLoopCase):

    def _as_officer(self):
        return self.env["grid.case"].sudo(self.grid_officer.id)

    def _report(self, household, **vals):
        values = {
            "category_id": self.category_street.id,
            "description": "<p>Rubbish at the gate</p>",
            "household_id": household.id,
            "channel": "visit",
            "handler_user_id": self.grid_officer.id,
        }
        values.update(vals)
        return self._as_officer().create(values)

    def _onchange(self, values, field_name, case=None):
        """The form's onchange: it sends every field of the form."""
        case = case or self._as_officer()
        form = dict.fromkeys(ONCHANGE_SPEC, False)
        form.update(values)
        return case.onchange(form, field_name, ONCHANGE_SPEC)

    def assert_names_absent(self, text, *records):
        for record in records:
            self.assertNotIn(record.sudo().display_name, text)

    def test_officer_cannot_report_a_household_of_another_grid(self):
        with self.assertRaises(AccessError) as refused:
            self._report(self.household_a2)
        message = refused.exception.name
        self.assertIn('"Household" you chose is outside', message)
        self.assert_names_absent(message, self.household_a2, self.resident_a2)
        self.assertFalse(self.env["grid.case"].search([
            ("household_id", "=", self.household_a2.id)]))

    def test_officer_cannot_name_a_reporter_of_another_grid(self):
        with self.assertRaises(AccessError):
            self._report(self.household_a1,
                         reporter_resident_id=self.resident_a2.id)

    def test_officer_reports_in_own_grid_as_handler(self):
        case = self._report(self.household_a1b)
        self.assertEqual(case.building_id, self.building_a1)
        self.assertEqual(case.grid_id, self.grid_a1)

    def test_officer_cannot_move_own_case_to_another_grid(self):
        case = self._report(self.household_a1)
        with self.assertRaises(AccessError):
            case.write({"household_id": self.household_a2.id})
        self.assertEqual(case.household_id, self.household_a1)

    def test_onchange_of_another_grid_household_gives_nothing(self):
        result = self._onchange(
            {"household_id": self.household_a2.id}, "household_id")
        values = result.get("value", {})
        for name in ("building_id", "compound_id", "community_id",
                     "grid_id"):
            self.assertFalse(values.get(name), name)
        self.assert_names_absent(
            repr(result), self.household_a2, self.building_a2,
            self.compound_a2, self.grid_a2, self.community_a2)

    def test_onchange_of_another_grid_reporter_gives_nothing(self):
        result = self._onchange(
            {"reporter_resident_id": self.resident_a2.id},
            "reporter_resident_id")
        self.assert_names_absent(
            repr(result), self.resident_a2, self.household_a2,
            self.building_a2)

    def test_onchange_of_own_household_fills_the_location(self):
        values = self._onchange(
            {"household_id": self.household_a1.id}, "household_id")["value"]
        self.assertEqual(values["building_id"][0], self.building_a1.id)
        self.assertEqual(values["grid_id"][0], self.grid_a1.id)

    def test_case_keeps_a_reporter_the_officer_cannot_see(self):
        """A neighbour from another grid reported it (entered by a clerk):
        the officer still works on the case."""
        case = self._create_case(reporter_resident_id=self.resident_a2.id,
                                 handler_user_id=self.grid_officer.id)
        mine = case.sudo(self.grid_officer.id)
        mine.write({"description": "<p>Still there</p>",
                    "reporter_resident_id": self.resident_a2.id})
        result = self._onchange(
            {"reporter_resident_id": self.resident_a2.id,
             "household_id": self.household_a1.id,
             "category_id": self.category_street.id},
            "category_id", case=mine)
        self.assertNotIn("warning", result)

    def test_superuser_flows_are_unchanged(self):
        case = self._create_case(household_id=self.household_a2.id,
                                 handler_user_id=self.grid_officer.id)
        self.assertEqual(case.grid_id, self.grid_a2)


class TestVisitReferences(CaseLoopCase):
    """The residents met on a visit (a many2many) are the officer's own."""

    def test_officer_cannot_record_meeting_a_resident_of_another_grid(self):
        Visit = self.env["grid.visit"].sudo(self.grid_officer.id)
        with self.assertRaises(AccessError):
            Visit.create({
                "household_id": self.household_a1.id,
                "resident_ids": [(6, 0, [self.resident_a1.id,
                                         self.resident_a2.id])]})
        visit = Visit.create({
            "household_id": self.household_a1.id,
            "resident_ids": [(6, 0, self.resident_a1.ids)]})
        with self.assertRaises(AccessError):
            visit.write({"resident_ids": [(4, self.resident_a2.id)]})
        self.assertEqual(visit.resident_ids, self.resident_a1)
