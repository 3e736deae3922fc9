# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommunitySealItem(models.Model):
    """An item of the street's seal catalogue (盖章事项目录).

    Communities put their seal only on matters listed here (one city cut 62
    items to 21); archiving an item takes it out of the catalogue while the
    usages already logged keep pointing at it.
    """

    _name = "community.seal.item"
    _description = "Seal item"
    _order = "sequence, code, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    legal_basis = fields.Text(
        help="Regulation that requires the community's seal on this matter.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)",
         "The code of a seal item must be unique within a street office."),
    ]
