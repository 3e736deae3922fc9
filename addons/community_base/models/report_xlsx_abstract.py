# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

#: what every workbook of the product is written with: xlsxwriter turns a
#: string starting with "=" into a live formula by default, so a name typed
#: as ``=HYPERLINK(...)`` or ``=cmd|...`` would run in the superior's Excel
#: (formula injection); numbers typed as text (ID numbers, phones) stay text
SAFE_WORKBOOK_OPTIONS = {"strings_to_formulas": False,
                         "strings_to_numbers": False}


class ReportXlsxAbstract(models.AbstractModel):
    """Every xlsx report of the four addons writes text as text."""

    _inherit = "report.report_xlsx.abstract"

    @api.model
    def get_workbook_options(self):
        options = dict(super().get_workbook_options() or {})
        options.update(SAFE_WORKBOOK_OPTIONS)
        return options
