# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models

from .community_post_type import BUILDING_HEAD_CODE

#: Share of buildings with a building head the field reports aim at.
BUILDING_HEAD_TARGET = 95.0


class CommunityCommunity(models.Model):
    """Coverage of a community by its volunteer posts.

    ``building_head_coverage`` is computed on read, not stored: whether a
    post is held depends on today's date (terms start and end by date), and
    on every building and post of the community; two grouped queries give an
    exact figure for any day without a stored value going stale between a
    term's end and the daily cron.
    """

    _inherit = "community.community"

    post_ids = fields.One2many(
        comodel_name="community.post",
        inverse_name="community_id",
        string="Volunteer posts",
    )
    building_head_coverage = fields.Float(
        string="Building head coverage (%)",
        compute="_compute_building_head_coverage",
        digits=(16, 2),
        help="Share of the community's buildings with a building head in "
             "office today, in percent. The target is 95%.",
    )
    building_head_below_target = fields.Boolean(
        string="Building heads below target",
        compute="_compute_building_head_coverage",
    )

    @api.multi
    def _compute_building_head_coverage(self):
        # read as superuser: the figure belongs to the community, whoever
        # reads it (a leader reads figures without reading every post)
        today = fields.Date.context_today(self)
        buildings = defaultdict(set)
        covered = defaultdict(set)
        if self.ids:
            # sudo: the coverage figure belongs to the community, whoever reads it; only
            #   counts are shown
            for row in self.env["community.building"].sudo().search_read(
                    [("community_id", "in", self.ids)], ["community_id"]):
                buildings[row["community_id"][0]].add(row["id"])
            # sudo: the coverage figure belongs to the community, whoever reads it; only
            #   counts are shown
            for row in self.env["community.post"].sudo().search_read([
                    ("community_id", "in", self.ids),
                    ("type_id.code", "=", BUILDING_HEAD_CODE),
                    ("building_id", "!=", False),
                    ("date_start", "<=", today),
                    "|", ("date_end", "=", False), ("date_end", ">=", today),
            ], ["community_id", "building_id"]):
                covered[row["community_id"][0]].add(row["building_id"][0])
        for community in self:
            total = buildings[community.id]
            held = covered[community.id] & total
            coverage = round(100.0 * len(held) / len(total), 2) if total \
                else 0.0
            community.building_head_coverage = coverage
            community.building_head_below_target = \
                coverage < BUILDING_HEAD_TARGET
