# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The period of the case statistics wizard is ``date_start``/``date_end``
since 11.0.1.1.0, as in every model of ours: the columns of the wizards
still in the database are renamed rather than left beside empty ones."""
from odoo.addons.community_base.tools import migration


def migrate(cr, version):
    migration.rename_field(
        cr, "grid.case.statistics.wizard", "date_from", "date_start")
    migration.rename_field(
        cr, "grid.case.statistics.wizard", "date_to", "date_end")
