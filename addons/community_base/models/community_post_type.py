# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

#: Code of the post type whose holders the building-head coverage counts.
BUILDING_HEAD_CODE = "building_head"


class CommunityPostType(models.Model):
    """Kind of volunteer post (楼栋长, 单元长, 党小组长, 片长...).

    Administrators add kinds without code; the level tells where a post of
    this kind sits, so a post knows whether it needs a building, a compound
    or only a community.
    """

    _name = "community.post.type"
    _description = "Volunteer post type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical code; the building-head coverage counts the posts "
             "of the type with code 'building_head'.",
    )
    level = fields.Selection(
        selection=[
            ("building", "Building"),
            ("compound", "Compound"),
            ("community", "Community"),
        ],
        required=True,
        default="building",
        index=True,
        help="Where a post of this type sits: a building-level post needs a "
             "building, a compound-level post a compound.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)",
         "The code of a post type must be unique."),
    ]
