# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The constraints that read as superuser name nothing the caller cannot
read (issue 14: the ``sudo()`` calls of tests/privileged_calls.txt).

They run before the record rules refuse a record out of the caller's reach,
so a refusal that named the linked record would be an oracle: write any id,
read the name of a resident of another street in the error."""
from odoo.exceptions import AccessError, ValidationError

from .common import CommunityCase


class TestBasePrivilegedCalls(CommunityCase):

    def _refusal(self, call):
        with self.assertRaises((AccessError, ValidationError)) as caught:
            with self.cr.savepoint():
                call()
        return str(caught.exception)

    def test_household_head_of_another_street_is_not_named(self):
        """community.household _check_head_id named the chosen head."""
        household = self.household_a1.sudo(self.community_clerk.id)
        message = self._refusal(
            lambda: household.write({"head_id": self.resident_b1.id}))
        self.assertNotIn(self.resident_b1.name, message)

    def test_head_the_clerk_reads_is_still_named(self):
        household = self.household_a1.sudo(self.community_clerk.id)
        message = self._refusal(
            lambda: household.write({"head_id": self.resident_a2.id}))
        self.assertNotIn(self.resident_a2.name, message)
        other = self._create_household(self.building_a1, "1", "109")
        neighbour = self._create_resident(
            "Neighbour Qian A1", other, relation="head")
        message = self._refusal(
            lambda: household.write({"head_id": neighbour.id}))
        self.assertIn(neighbour.name, message)

    def test_volunteer_of_another_street_is_not_named(self):
        """community.volunteer.activity _check_hours named the volunteer."""
        team = self.env["res.partner"].create({
            "name": "Red Vest Volunteers", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": self.community_a1.id})
        Activity = self.env["community.volunteer.activity"].sudo(
            self.community_clerk.id)
        message = self._refusal(lambda: Activity.create({
            "team_id": team.id, "volunteer_id": self.resident_b1.id,
            "hours": 0.0, "date": "2026-05-01", "description": "Probe"}))
        self.assertNotIn(self.resident_b1.name, message)
