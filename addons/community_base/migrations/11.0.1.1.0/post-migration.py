# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The residents and moves tiles are a community clerk's work since
11.0.1.1.0 (their "My work" page). The tiles are shipped ``noupdate``, so an
upgraded database gets the clerk role on them here, unless an administrator
has already chosen the roles whose work page shows them."""
from odoo import SUPERUSER_ID, api

from odoo.addons.community_base.tools import roles

CLERK_TILES = ("community_base.community_kpi_residents",
               "community_base.community_kpi_moves_month")


def migrate(cr, version):
    # sudo: a migration runs at upgrade, not reachable by users
    env = api.Environment(cr, SUPERUSER_ID, {})
    clerk = env.ref(roles.COMMUNITY_CLERK)
    for xmlid in CLERK_TILES:
        tile = env.ref(xmlid, raise_if_not_found=False)
        if tile and not tile.work_group_ids:
            tile.work_group_ids = clerk
