# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..tools import roles


class CommunityLedgerImportError(models.Model):
    """One problem found in an uploaded ledger workbook, named the way the
    clerk finds it in Excel: sheet, row number and column."""

    _name = "community.ledger.import.error"
    _inherit = ["community.private.fields.mixin"]
    _description = "Ledger import error"
    _order = "import_id, sequence, id"

    import_id = fields.Many2one(
        comodel_name="community.ledger.import",
        string="Import",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer()
    sheet = fields.Char()
    row = fields.Integer(help="Row number as Excel shows it (1: header row).")
    column = fields.Char()
    code = fields.Char(help="Kind of problem, for filters and tests.")
    # the reason may quote a raw ID number or phone of the workbook
    reason = fields.Char(groups=roles.PERSONAL_DATA)
