# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

#: the field of a sheet, result or award that holds the target, by the
#: scheme's target type
TARGET_FIELDS = {
    "community": "target_community_id",
    "department": "target_partner_id",
    "staff": "target_user_id",
    "worker": "target_worker_id",
    "building_head": "target_post_id",
    "section": "target_section_id",
}
TARGET_TYPES = [
    ("community", "Community"),
    ("department", "Functional department"),
    ("staff", "Staff member"),
    # the cadres and volunteers the assessments rate (双向考核): community
    # workers of the roster, building heads, sections of the street office
    ("worker", "Community worker"),
    ("building_head", "Building head"),
    ("section", "Street section"),
]


class EvalTargetMixin(models.AbstractModel):
    """The target of a score sheet, a result or a title: a community, a
    functional department or a staff member, by the scheme's target type.

    Three many2one fields rather than one reference, so that record rules
    (a community clerk reads the results of their communities), group-bys
    and pivots work on them.
    """

    _name = "eval.target.mixin"
    _description = "Evaluation target"

    target_community_id = fields.Many2one(
        comodel_name="community.community", string="Target community",
        index=True, ondelete="restrict")
    target_partner_id = fields.Many2one(
        comodel_name="res.partner", string="Target department",
        index=True, ondelete="restrict",
        domain=[("organisation_type", "=", "department")])
    target_user_id = fields.Many2one(
        comodel_name="res.users", string="Target staff member",
        index=True, ondelete="restrict")
    target_worker_id = fields.Many2one(
        comodel_name="community.worker", string="Target community worker",
        index=True, ondelete="restrict")
    target_post_id = fields.Many2one(
        comodel_name="community.post", string="Target building head",
        index=True, ondelete="restrict",
        domain=[("type_id.code", "=", "building_head")])
    target_section_id = fields.Many2one(
        comodel_name="hr.department", string="Target section",
        index=True, ondelete="restrict")
    target_name = fields.Char(
        string="Target", compute="_compute_target_name", store=True)

    @api.depends("target_community_id", "target_partner_id",
                 "target_user_id", "target_worker_id", "target_post_id",
                 "target_section_id")
    def _compute_target_name(self):
        for record in self:
            # sudo: the display name of the target of records the user reads; targets
            #   may be users or partners they cannot open
            target = record.sudo().target()
            record.target_name = target.display_name if target else False

    def target(self):
        """The target record, whichever its kind."""
        self.ensure_one()
        return (self.target_community_id or self.target_partner_id
                or self.target_user_id or self.target_worker_id
                or self.target_post_id or self.target_section_id)

    @api.model
    def _target_vals(self, target_type, target_id):
        return {TARGET_FIELDS[target_type]: target_id}
