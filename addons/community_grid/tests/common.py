# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import StreetRoleCase


class GridRoleCase(StreetRoleCase):
    """The street roles plus a grid officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid_officer = cls._create_user(
            "grid_officer", "community_grid.group_grid_officer")
