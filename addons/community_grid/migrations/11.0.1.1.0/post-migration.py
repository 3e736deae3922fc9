# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The community and street of grids and cases come from
``community.scoped.mixin`` of community_base since 11.0.1.1.0: their XML
ids move to community_base, as a new database names them, so that the
labels' translations find them. The grid-coverage tile, shipped
``noupdate``, now drills down to the households in no grid."""
from odoo import SUPERUSER_ID, api

from odoo.addons.community_base.tools import migration
from odoo.addons.community_base.tools.noupdate_records import reload_from_file

MODELS = ["grid.grid", "grid.case"]


def migrate(cr, version):
    # sudo: a migration runs at upgrade, not reachable by users
    env = api.Environment(cr, SUPERUSER_ID, {})
    migration.align_field_xmlids(env, MODELS)
    reload_from_file(env, "community_grid", "data/grid_kpi_data.xml",
                     ["community_kpi_grid_coverage"],
                     ["drill_down", "description"])
