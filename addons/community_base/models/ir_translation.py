# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools
from odoo.modules import get_module_resource


class IrTranslation(models.Model):
    """Our corrections of upstream zh_CN translations win.

    Odoo loads an addon's ``i18n_extra/zh_CN.po`` after its ``i18n`` file,
    but without overwriting a term another module already translated: the
    web client's "Delete" stayed "刪除" (a traditional character) and the
    partner form's "ZIP" stayed English. community_base's data reloads its
    ``i18n_extra`` file with overwrite on every install and update; an
    addon that corrects terms of the upstream modules it depends on (the
    finance addon: account_budget's "Budgetary Position" is 预算状况 there)
    calls the same with its own name.
    """

    _inherit = "ir.translation"

    @api.model
    def _community_upstream_overrides(self, lang="zh_CN",
                                      module="community_base"):
        path = get_module_resource(module, "i18n_extra", "%s.po" % lang)
        # only where the language is installed: loading a file installs it
        if not path or not self.env["res.lang"].search([("code", "=", lang)]):
            return False
        tools.trans_load(self.env.cr, path, lang, verbose=False,
                         module_name=module,
                         context=dict(self.env.context, overwrite=True))
        return True
