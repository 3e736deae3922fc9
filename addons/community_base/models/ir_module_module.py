# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrModuleModule(models.Model):
    """The labels of the fields an addon takes from community_base's mixins
    (the election's date, state and term end on ``party.election``, the
    community on a grid case) are community_base's terms: Odoo names such a
    field's record after the module that defines the field, so the
    translation is in community_base's ``zh_CN.po``. On a first install that
    file is loaded with community_base, before the addon's models exist, and
    those terms found no record: the party's election list showed "Term ends
    on" in English until the next update. So community_base's terms are
    loaded again, without overwriting anything, after the translations of an
    addon that depends on it; so are those of every other ``community_*``
    addon it depends on (community_service's requests take the reply
    promise's fields from community_grid's mixin)."""

    _inherit = "ir.module.module"

    def _update_translations(self, filter_lang=None):
        result = super()._update_translations(filter_lang=filter_lang)
        dependants = self.filtered(
            lambda module: module.state in (
                "installed", "to install", "to upgrade"))
        ours = {name for name in dependants.mapped("dependencies_id.name")
                if name.startswith("community_")}
        if ours:
            # community_base first, as before; then the others by name
            names = sorted(ours, key=lambda name: (name != "community_base",
                                                   name))
            for name in names:
                self.search([("name", "=", name)]).with_context(
                    overwrite=False)._update_translations(
                        filter_lang=filter_lang)
        return result
