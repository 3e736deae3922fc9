# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The year of an admission request, text until 11.0.1.0.0, is an Integer
like every year of the street's models: the column is converted in place,
so that the catalogue keeps the years of the requests (Odoo would move the
text column aside and start an empty one)."""
from odoo.addons.community_base.tools import migration


def migrate(cr, version):
    migration.char_to_integer(cr, "community_admission_request", "year")
