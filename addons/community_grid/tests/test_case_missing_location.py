# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A case reported without its place: the reporter is told what to fill in,
before anything is saved, instead of the record rules refusing to show the
new case back ("due to security restrictions ... (grid.case, read)")."""
from odoo.exceptions import ValidationError

from .case_common import MONDAY, CaseLoopCase


class TestCaseMissingLocation(CaseLoopCase):

    def _new_case_values(self, **vals):
        values = {
            "category_id": self.category_street.id,
            "description": "<p>Rubbish piled at the gate</p>",
            "date_reported": MONDAY,
            "channel": "visit",
            "address": "Market gate",
        }
        values.update(vals)
        return values

    def test_grid_officer_without_household_is_told_to_choose_it(self):
        Case = self.env["grid.case"].sudo(self.grid_officer.id)
        before = self.env["grid.case"].search_count([])
        with self.assertRaises(ValidationError) as raised:
            Case.create(self._new_case_values())
        message = raised.exception.name
        self.assertIn("household", message)
        self.assertIn("grid", message)
        self.assertEqual(self.env["grid.case"].search_count([]), before)

    def test_grid_officer_with_household_reports_the_case(self):
        case = self.env["grid.case"].sudo(self.grid_officer.id).create(
            self._new_case_values(household_id=self.household_a1.id))
        self.assertEqual(case.grid_id, self.grid_a1)

    def test_grid_officer_with_own_grid_reports_the_case(self):
        case = self.env["grid.case"].sudo(self.grid_officer.id).create(
            self._new_case_values(grid_id=self.grid_a1.id))
        self.assertEqual(case.community_id, self.community_a1)

    def test_form_asks_a_grid_officer_for_the_household(self):
        """The form marks the household (or grid) required for a grid
        officer, and only for them: a clerk may report at an address."""
        Case = self.env["grid.case"]
        for user, required in ((self.grid_officer, True),
                               (self.community_clerk, False)):
            defaults = Case.sudo(user.id).default_get(["location_required"])
            self.assertEqual(defaults.get("location_required"), required,
                             user.login)
        arch = Case.sudo(self.grid_officer.id).fields_view_get(
            view_type="form")["arch"]
        self.assertRegex(
            arch, r'name="household_id"[^>]*location_required'
            r'|location_required[^>]*name="household_id"')
