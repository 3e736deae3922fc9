# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The superuser reads of the grid addon show nothing of records out of the
caller's reach (issue 14: the ``sudo()`` calls of
tests/privileged_calls.txt)."""
from odoo.exceptions import AccessError

from .common import GridCase


class TestGridPrivilegedCalls(GridCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit_a1 = cls._create_visit(
            cls.grid_officer, cls.household_a1, "2026-01-05")
        cls.visit_b1 = cls._create_visit(
            cls.street_clerk_b, cls.household_b1, "2026-01-07")

    def test_visit_name_of_another_street_is_refused(self):
        """name_get read visits as superuser: any user got the date and the
        household of any visit id over RPC (``grid.visit`` ``name_get``)."""
        for user in (self.grid_officer, self.internal_user):
            with self.assertRaises(AccessError):
                self.visit_b1.sudo(user.id).name_get()

    def test_officer_names_own_visit(self):
        [(visit_id, name)] = self.visit_a1.sudo(self.grid_officer.id).name_get()
        self.assertEqual(visit_id, self.visit_a1.id)
        self.assertEqual(name, "2026-01-05 %s" % self.household_a1.name)
