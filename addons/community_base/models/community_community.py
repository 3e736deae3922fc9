# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommunityCommunity(models.Model):
    """A community (社区) of a street office: the unit a residents' committee
    and a community service station serve, and the scope of a community
    clerk's work."""

    _name = "community.community"
    _description = "Community"
    _order = "code, name, id"

    name = fields.Char(required=True, index=True)
    code = fields.Char(index=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self.env.user.company_id,
    )
    active = fields.Boolean(default=True)
    note = fields.Text()
    compound_ids = fields.One2many(
        comodel_name="community.compound",
        inverse_name="community_id",
        string="Compounds",
    )
    user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="community_community_res_users_rel",
        column1="community_id",
        column2="user_id",
        string="Users",
        help="Users working in this community.",
    )
    compound_count = fields.Integer(
        "Compounds", compute="_compute_counts", store=True)
    building_count = fields.Integer(
        "Buildings", compute="_compute_counts", store=True)
    household_count = fields.Integer(
        "Households", compute="_compute_counts", store=True)
    resident_count = fields.Integer(
        "Residents",
        compute="_compute_counts",
        store=True,
        help="Residents living in the community (moved-out and deceased "
        "residents are not counted).",
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a community must be unique in its street office.",
        ),
    ]

    # The counts roll up level by level: each level sums the stored counts of
    # the level below, so a change recomputes one chain, not the whole street.
    @api.depends(
        "compound_ids",
        "compound_ids.building_count",
        "compound_ids.household_count",
        "compound_ids.resident_count",
    )
    def _compute_counts(self):
        for community in self:
            compounds = community.compound_ids
            community.compound_count = len(compounds)
            community.building_count = sum(compounds.mapped("building_count"))
            community.household_count = sum(compounds.mapped("household_count"))
            community.resident_count = sum(compounds.mapped("resident_count"))

    @api.multi
    def _open_level(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "tree,form",
            "domain": [("community_id", "=", self.id)],
            "context": {"default_community_id": self.id},
        }

    @api.multi
    def action_open_compounds(self):
        return self._open_level("community.compound", self.name)

    @api.multi
    def action_open_buildings(self):
        return self._open_level("community.building", self.name)

    @api.multi
    def action_open_households(self):
        return self._open_level("community.household", self.name)

    @api.multi
    def action_open_residents(self):
        return self._open_level("community.resident", self.name)
