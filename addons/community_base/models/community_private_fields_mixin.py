# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools import user_query


class CommunityPrivateFieldsMixin(models.AbstractModel):
    """Fields restricted by ``groups`` (ID numbers, phones) stay secret in
    searches, groupings and sort orders too.

    Odoo 11 checks a field's ``groups`` when it is read, not when a domain,
    a ``group by`` or an ``order`` uses it: grouping residents by ID number
    would list every raw number as a group label, a search by a number
    would tell whether it is registered, and a sort would rank the numbers.
    A model holding such fields inherits this mixin, and a user outside a
    field's groups gets an AccessError instead of an answer (a refusal, not
    an empty result: the refusal is the same whether the number exists or
    not, so it is no oracle either).
    """

    _name = "community.private.fields.mixin"
    _description = "Private fields: no search, grouping or sorting by them"

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        self._check_private_fields_use(
            [leaf[0] for leaf in args or [] if isinstance(leaf, (list, tuple))],
            order)
        return super(CommunityPrivateFieldsMixin, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        # read_group builds its query without _search: check its domain too,
        # and the fields it sums (a pay summed over a group of one is that
        # person's pay); without ``fields`` Odoo sums every stored number,
        # so the ones the user may not read are left out
        groupby_list = [groupby] if isinstance(groupby, str) else groupby
        if fields:
            summed = [spec.split("(")[1].rstrip(")") if "(" in spec
                      else spec for spec in fields]
        else:
            summed = []
            fields = [name for name, field in self._fields.items()
                      if field.store and (not field.groups or
                                          self.user_has_groups(field.groups))]
        self._check_private_fields_use(
            [spec.split(":")[0] for spec in groupby_list or []]
            + [leaf[0] for leaf in domain or []
               if isinstance(leaf, (list, tuple))] + summed, orderby)
        return super(CommunityPrivateFieldsMixin, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)

    @api.model
    def _check_private_fields_use(self, fnames, order=None):
        """Raise AccessError when the user may not read one of the fields
        ``fnames`` (dotted domain paths are followed through their
        relations) or of the ``order`` specification: the decision is
        ``tools.user_query.check_fields_readable``, shared with the tiles,
        trends and statistics."""
        user_query.check_fields_readable(self, fnames, order)
