# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResGroups(models.Model):
    """Each street role names the page its holders land on after login:
    without one, Odoo opens the first menu, Discuss, and every role but the
    ones given a home by hand starts on an empty inbox. The users' home
    action follows their roles (``res.users._community_set_home_action``)."""

    _inherit = "res.groups"

    community_home_action_id = fields.Many2one(
        comodel_name="ir.actions.actions",
        string="Landing page",
        ondelete="set null",
        help="The page the holders of this role see after login, unless "
        "they chose another one.",
    )
    community_home_priority = fields.Integer(
        string="Landing priority",
        default=0,
        help="A user holding several roles lands on the page of the role "
        "with the highest priority.",
    )

    @api.model
    def create(self, vals):
        groups = super().create(vals)
        if vals.get("users"):
            groups.mapped("users")._community_set_home_action()
        return groups

    @api.multi
    def write(self, vals):
        # members added or removed through the group (a data file's
        # users=), a role's landing page changed: their home follows
        touched = {"users", "implied_ids", "community_home_action_id",
                   "community_home_priority"} & set(vals)
        members = self.mapped("users") if touched else None
        res = super().write(vals)
        if touched:
            (members | self.mapped("users"))._community_set_home_action()
        return res
