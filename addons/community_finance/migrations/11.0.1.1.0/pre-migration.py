# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Periods are ``date_start``/``date_end`` and years Integers in every
model of ours since 11.0.1.1.0: the subsidy standards (now
``community.validity.mixin``) and the subsidy runs had ``date_from``/
``date_to``, the runs and the allocation wizard a text year. The columns are
renamed and converted in place before the new code creates its own, so the
standards keep their validity and the runs their months."""
from odoo.addons.community_base.tools import migration

RENAMED = [
    ("finance.subsidy.standard", "date_from", "date_start"),
    ("finance.subsidy.standard", "date_to", "date_end"),
    ("finance.subsidy.run", "date_from", "date_start"),
    ("finance.subsidy.run", "date_to", "date_end"),
]
YEARS = [("finance_subsidy_run", "year"),
         ("finance_allocation_wizard", "year")]


def migrate(cr, version):
    for model, old, new in RENAMED:
        migration.rename_field(cr, model, old, new)
    for table, column in YEARS:
        migration.char_to_integer(cr, table, column)
