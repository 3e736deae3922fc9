# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommunityScopedMixin(models.AbstractModel):
    """A record that belongs directly to a community (a compound, a grid, a
    post, a tax source...): the community, required, and its street, the
    two fields the record rules filter on.

    The street is a stored related field, so that it follows the community,
    and is copied into the row by ``create`` (``community.scope.copy.mixin``)
    so that the rules accept the creator's own new record. A model whose
    users mostly work in one community defaults to it by setting
    ``_default_user_community``; ``_default_community_id`` is the hook for
    another default.
    """

    _name = "community.scoped.mixin"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Belongs to a community"

    _scope_parent_field = "community_id"
    _scope_fields = ("company_id",)
    #: default a new record to the user's community when they have one only
    _default_user_community = False

    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        required=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_community_id(),
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="community_id.company_id",
        store=True,
        index=True,
        readonly=True,
    )

    @api.model
    def _default_community_id(self):
        """The user's community when the model asks for it and the user
        works in exactly one; no default otherwise."""
        communities = self.env.user.community_ids
        if self._default_user_community and len(communities) == 1:
            return communities
        return communities.browse()
