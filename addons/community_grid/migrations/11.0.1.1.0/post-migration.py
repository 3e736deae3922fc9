# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The community and street of grids and cases come from
``community.scoped.mixin`` of community_base since 11.0.1.1.0: their XML
ids move to community_base, as a new database names them, so that the
labels' translations find them. The grid-coverage tile, shipped
``noupdate``, now drills down to the households in no grid. The cases handled before the
"123" reply promise was recorded get their feedback as their first answer
(the earliest answer the database knows of)."""
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
    first_answer_from_feedback(cr)


def first_answer_from_feedback(cr):
    """The feedback time of the handled cases as their first answer, and
    the promise kept or missed by the street's day of it; one UPDATE over
    the table (a street's million cases), as the ORM would compute it."""
    # sql: the migration fills the first answer of every handled case at
    #   upgrade, not reachable by users
    cr.execute("""
        UPDATE grid_case c
           SET date_first_answer = c.date_handled,
               answer_channel = 'feedback',
               reply_promise_kept = c.date_answer_deadline IS NOT NULL
                   AND (c.date_handled AT TIME ZONE 'UTC' AT TIME ZONE
                        coalesce(p.tz, 'Asia/Shanghai'))::date
                       <= c.date_answer_deadline,
               is_answer_overdue = c.date_answer_deadline IS NOT NULL
                   AND (c.date_handled AT TIME ZONE 'UTC' AT TIME ZONE
                        coalesce(p.tz, 'Asia/Shanghai'))::date
                       > c.date_answer_deadline
          FROM res_company s
          LEFT JOIN res_partner p ON p.id = s.partner_id
         WHERE s.id = c.company_id AND c.date_handled IS NOT NULL
           AND c.date_first_answer IS NULL""")
