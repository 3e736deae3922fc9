# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CommunityCareGroup(models.Model):
    """A care group (关爱对象类别) such as elderly living alone or low-income
    residents: tags that administrators add without code."""

    _name = "community.care.group"
    _description = "Care group"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer("Colour index")
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a care group must be unique."),
    ]
