# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError


class IrAttachment(models.Model):
    """The file of a binary field kept as an attachment (``attachment=True``)
    follows the ``groups`` of its field.

    Odoo 11 checks an attachment against its record only: a user who may
    read the record but not the field (the ledger workbook of an import, with
    raw ID numbers and phones, is for clerks) would still download the file
    through ``ir.attachment`` or ``/web/content/<attachment id>``.
    """

    _name = "ir.attachment"
    # read_group groups only the attachments search finds (the document check)
    _inherit = ["ir.attachment", "community.search.read.group.mixin"]

    @api.multi
    def check(self, mode, values=None):
        super(IrAttachment, self).check(mode, values=values)
        if self.env.user._is_superuser() or not self.ids:
            return
        # sql: the fields the files belong to, after Odoo's own check passed
        self._cr.execute(
            "SELECT DISTINCT res_model, res_field FROM ir_attachment "
            "WHERE id IN %s AND res_field IS NOT NULL", [tuple(self.ids)])
        for res_model, res_field in self._cr.fetchall():
            if res_model not in self.env:
                continue
            field = self.env[res_model]._fields.get(res_field)
            if field and field.groups and not self.user_has_groups(
                    field.groups):
                raise AccessError(_(
                    "You may not open the file %(field)s of %(model)s: it "
                    "is for other roles.") % {
                        "field": field.string,
                        "model": self.env[res_model]._description})
