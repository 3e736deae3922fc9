# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import api, models


class IrModelFields(models.Model):
    """Fields named for a clerk, with stable external ids.

    A field reads "label（model name）" in the reader's language.

    The external ids: Odoo 11 names a field's external id
    ``field_<table>_<field>``; when two fields give the same name
    (``grid.case``'s ``category_id`` and ``grid.case.category``'s ``id``
    both make ``field_grid_case_category_id``), the second one gets its database id
    appended, which differs from one database to the next. A translation
    file names the field by that id, so its label stayed in English in
    every other database ("Category" on the case list and in the search
    "搜索 Category为"). Each addon of ours renames those ids to
    ``field_<table>__<field>`` (the form later Odoo versions use) before
    its translations load, so the exported .po files name the field the
    same way everywhere.
    """

    _inherit = "ir.model.fields"

    @api.multi
    def name_get(self):
        """A field's label with its model's name, both in the reader's
        language ("扣分（员工检查）"), where Odoo shows the technical
        model ("扣分 (eval.staff.check)") to a clerk choosing the field of
        an evaluation rule or a dashboard tile."""
        names = {model.model: model.name for model in self.env[
            "ir.model"].search([("model", "in", list(set(self.mapped(
                "model"))))])}
        return [(field.id, "%s（%s）" % (
            field.field_description, names.get(field.model, field.model)))
            for field in self]

    @api.model
    def _community_stable_xmlids(self):
        """Rename the field external ids that end with the field's database
        id, of every module but ``base`` (whose ids are the same in every
        database, and whose translation files use them)."""
        datas = self.env["ir.model.data"].search([
            ("model", "=", "ir.model.fields"), ("module", "!=", "base"),
            ("name", "=like", "field_%")])
        taken = set(datas.mapped(lambda data: (data.module, data.name)))
        renamed = 0
        for data in datas:
            match = re.match(r"^(field_.+)_(\d+)$", data.name)
            if not match or int(match.group(2)) != data.res_id:
                continue
            field = self.browse(data.res_id).exists()
            if not field:
                continue
            name = "field_%s__%s" % (field.model.replace(".", "_"), field.name)
            if (data.module, name) in taken:
                continue
            data.name = name
            taken.add((data.module, name))
            renamed += 1
        if renamed:
            self.env["ir.model.data"].clear_caches()
        return renamed
