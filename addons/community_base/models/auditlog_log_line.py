# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast

from odoo import _, api, fields, models


class AuditlogLogLine(models.Model):
    """A field's old and new value in the audit trail, as a reader says it.

    OCA ``auditlog`` keeps what ``read()`` returned when the change was
    made: the key of a selection (``living``), ``True``/``False`` and the
    ``(id, name)`` pair of a link. The administrator reading the trail sees
    the selection's label and yes/no in their own language and the linked
    record's name; the stored values are not changed.
    """

    _inherit = "auditlog.log.line"

    old_value_display = fields.Text(
        string="Old value", compute="_compute_value_display")
    new_value_display = fields.Text(
        string="New value", compute="_compute_value_display")

    @api.depends("old_value_text", "new_value_text", "field_id")
    def _compute_value_display(self):
        selections = {}
        for line in self:
            field = line.field_id
            key = (field.model, field.name)
            if field.ttype == "selection" and key not in selections:
                selections[key] = self._selection_labels(field)
            labels = selections.get(key, {})
            line.old_value_display = self._display(
                line.old_value_text, field.ttype, labels)
            line.new_value_display = self._display(
                line.new_value_text, field.ttype, labels)

    @api.model
    def _selection_labels(self, field):
        """The labels of a selection field in the reader's language."""
        model = self.env.get(field.model)
        if model is None or field.name not in model._fields:
            return {}
        description = model.fields_get([field.name]).get(field.name, {})
        return dict(description.get("selection") or ())

    @api.model
    def _display(self, text, ttype, labels):
        if text in (False, None, "", "False") and ttype != "boolean":
            return ""
        value = text
        if isinstance(text, str) and text[:1] in "([":
            try:
                value = ast.literal_eval(text)
            except (SyntaxError, ValueError):
                return text
        if ttype == "boolean":
            return _("Yes") if value in (True, "True") else _("No")
        if ttype == "selection":
            return labels.get(value, value)
        if ttype == "many2one" and isinstance(value, (tuple, list)):
            return value[1] if len(value) > 1 else ""
        if ttype in ("one2many", "many2many") and isinstance(value, list):
            return ", ".join(
                _("(deleted)") if name == "DELETED" else str(name)
                for _id, name in (
                    item if isinstance(item, (tuple, list)) and len(item) > 1
                    else (item, item) for item in value))
        return str(value)
