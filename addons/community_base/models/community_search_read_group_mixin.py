# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, models

# context key: {model name: ids} that read_group may aggregate
READ_GROUP_IDS = "community_read_group_ids"


class CommunitySearchReadGroupMixin(models.AbstractModel):
    """read_group aggregates only the records search() would find.

    Odoo 11 builds read_group from the record rules alone
    (``_where_calc`` + ``_apply_ir_rules``), so a model that checks access
    in Python (``mail.message`` and ``ir.attachment`` check the document
    in ``_search``) gave away, through grouping, the bodies, names and
    record ids of what search hides. A model inheriting this mixin first
    searches with the same domain, then groups only the ids found (search
    returns ids only, so this stays cheap on big tables), and the groups'
    ``__domain`` stay the client's own domain.
    """

    _name = "community.search.read.group.mixin"
    _description = "read_group limited to what search finds"

    @api.model
    def _read_group_raw(self, domain, fields, groupby, offset=0, limit=None,
                        orderby=False, lazy=True):
        records = self
        if self._uid != SUPERUSER_ID:
            ids = self._search(list(domain or []))
            limits = dict(self.env.context.get(READ_GROUP_IDS) or {})
            limits[self._name] = ids
            records = self.with_context(**{READ_GROUP_IDS: limits})
        return super(CommunitySearchReadGroupMixin, records)._read_group_raw(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    @api.model
    def _apply_ir_rules(self, query, mode="read"):
        result = super()._apply_ir_rules(query, mode=mode)
        ids = (self.env.context.get(READ_GROUP_IDS) or {}).get(self._name)
        if ids is not None:
            query.where_clause.append('"%s".id IN %%s' % self._table)
            query.where_clause_params.append(tuple(ids) or (0,))
        return result
