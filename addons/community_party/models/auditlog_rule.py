# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from odoo.addons.community_base.tools import roles


class AuditlogRule(models.Model):
    """The party fields this addon adds to other models (a resident's
    membership and political status) stay out of those models' audit
    trail.

    The residents' trail is read by the street administrators, who may not
    read membership; and OCA auditlog reads every logged field of a new
    record as its creator, so a clerk creating a resident would be refused
    the party fields they may not read. Membership is audited where it is
    kept: in the member register's own trail (data/auditlog_rule_data.xml),
    read by the party affairs officers.
    """

    _inherit = "auditlog.rule"

    def get_auditlog_fields(self, model):
        fnames = super().get_auditlog_fields(model)
        if model._name.startswith("party."):
            return fnames
        return [name for name in fnames
                if roles.PARTY_DATA not in (
                    model._fields[name].groups or "").split(",")]
