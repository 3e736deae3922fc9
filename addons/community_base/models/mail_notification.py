# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MailNotification(models.Model):
    """A notification is seen by its recipient and by those who may read
    its message: its display name is the message's record name."""

    _name = "mail.notification"
    _inherit = ["mail.notification", "community.document.access.mixin"]

    @api.multi
    def _community_readable_ids(self):
        ids = tuple(id_ for id_ in self.ids if isinstance(id_, int))
        if not ids:
            return set()
        # sql: recipient and message of each notification, to decide access
        self._cr.execute(
            "SELECT id, res_partner_id, mail_message_id FROM %s "
            "WHERE id IN %%s" % self._table, [ids])
        rows = self._cr.fetchall()
        partner = self.env.user.partner_id.id
        messages = set(self.env["mail.message"]._search(
            [("id", "in", list({row[2] for row in rows}))]))
        return {id_ for id_, partner_id, message in rows
                if partner_id == partner or message in messages}
