# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CommunityScopeCopyMixin(models.AbstractModel):
    """The scope of a record (its community, its street...) written into
    the row by ``create`` and ``write``, copied from the record's parent.

    The record rules filter on the scope fields, which a model takes from
    its parent as stored related fields. Odoo 11 computes those only after
    the insert (and not at all until the end of the outer operation when
    recomputation is delayed), so until then the rules hide the new row
    from the clerk who creates it, whose create fails with an AccessError.
    Copying the values into ``vals`` puts them in the INSERT itself; the
    related fields then recompute to the same values. See
    docs/community_base.md, "Scope fields".

    A model says where its scope comes from with two class attributes:
    ``_scope_parent_field``, the Many2one to the parent, and
    ``_scope_fields``, the fields copied from it (named alike on both).
    ``community.scoped.mixin`` is the case of a record directly under a
    community.
    """

    _name = "community.scope.copy.mixin"
    _description = "Scope copied from the parent record before the insert"

    #: the Many2one to the record the scope comes from
    _scope_parent_field = None
    #: the fields copied from the parent, named alike on both models
    _scope_fields = ("community_id", "company_id")

    @api.model
    def _scope_vals(self, vals):
        """``vals`` with the scope fields of the parent it names, read as
        superuser: a clerk may create a record under a parent whose
        company, say, they cannot read."""
        parent_id = vals.get(self._scope_parent_field)
        if not parent_id:
            return vals
        comodel = self._fields[self._scope_parent_field].comodel_name
        # sudo: copies the parent's scope fields for the record rules, which
        #   then check the record as usual
        parent = self.env[comodel].sudo().browse(parent_id)
        return dict(vals, **{
            name: parent[name].id for name in self._scope_fields})

    @api.model
    def create(self, vals):
        return super().create(self._scope_vals(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._scope_vals(vals))
