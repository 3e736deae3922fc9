# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..tools import roles


class MailMail(models.Model):
    """Outgoing e-mails (with their bodies and addresses) are read by
    administrators and by the user who wrote them: Odoo 11 let every
    employee read every queued mail."""

    _name = "mail.mail"
    _inherit = ["mail.mail", "community.document.access.mixin"]

    @api.multi
    def _community_readable_ids(self):
        ids = tuple(id_ for id_ in self.ids if isinstance(id_, int))
        if not ids:
            return set()
        if self.env.user.has_group(roles.SYSTEM):
            return set(ids)
        # sql: the author of each mail, to decide access
        self._cr.execute(
            "SELECT id FROM mail_mail WHERE id IN %s AND create_uid = %s",
            [ids, self._uid])
        return {row[0] for row in self._cr.fetchall()}
