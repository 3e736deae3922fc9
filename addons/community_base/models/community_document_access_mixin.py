# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


class CommunityDocumentAccessMixin(models.AbstractModel):
    """A record that hangs on a document (``res_model`` / ``res_id``) is
    seen only by those who may read the document.

    Odoo 11 lets every employee read every follower, activity and tier
    review (no record rule can say "the document is readable": the
    document's model is data), so an evaluator listed the followers and
    approvals, and the activity summaries, of the residents, cases and
    budgets of the whole street. Like ``mail.message``, the check is done in
    Python on every channel: search (and so search_count and name_search),
    read, name_get, write/unlink and read_group. A model overrides
    ``_community_readable_ids`` for another criterion.
    """

    _name = "community.document.access.mixin"
    _inherit = "community.search.read.group.mixin"
    _description = "Access through the document a record hangs on"

    # the columns naming the document
    _community_document_model = "res_model"
    _community_document_id = "res_id"

    @api.multi
    def _community_readable_ids(self):
        """The ids of ``self`` (existing records) the user may see."""
        ids = tuple(id_ for id_ in self.ids if isinstance(id_, int))
        if not ids:
            return set()
        # sql: the document of each record, read before (and to decide) access
        self._cr.execute('SELECT id, "%s", "%s" FROM "%s" WHERE id IN %%s' % (
            self._community_document_model, self._community_document_id,
            self._table), [ids])
        by_model = defaultdict(list)
        for id_, model, res_id in self._cr.fetchall():
            if model and res_id:
                by_model[model].append((id_, res_id))
        readable = set()
        for model, pairs in by_model.items():
            if model not in self.env:
                continue
            documents = self.env[model].with_context(active_test=False)
            if not documents.check_access_rights("read", raise_exception=False):
                continue
            found = set(documents._search(
                [("id", "in", list({res_id for __, res_id in pairs}))]))
            readable.update(id_ for id_, res_id in pairs if res_id in found)
        return readable

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        if self._uid == SUPERUSER_ID:
            return super()._search(
                args, offset=offset, limit=limit, order=order, count=count,
                access_rights_uid=access_rights_uid)
        ids = super()._search(args, order=order,
                              access_rights_uid=access_rights_uid)
        readable = self.browse(ids)._community_readable_ids()
        ids = [id_ for id_ in ids if id_ in readable]
        if count:
            return len(ids)
        ids = ids[offset or 0:]
        return ids[:limit] if limit else ids

    @api.multi
    def check_access_rule(self, operation):
        super().check_access_rule(operation)
        if self._uid == SUPERUSER_ID:
            return
        ids = {id_ for id_ in self.ids if isinstance(id_, int)}
        if ids - self._community_readable_ids():
            raise AccessError(_(
                "You may not see these %(model)s records: they belong to "
                "documents you cannot read.") % {"model": self._description})

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        # the ORM applies the record rules only, never this check; Odoo 11
        # fetches every field value through read(), so name_get and field
        # access are checked here too
        self.check_access_rule("read")
        return super().read(fields=fields, load=load)
