# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """A street office is a company; its district is the parent company."""

    _inherit = "res.company"

    is_street_office = fields.Boolean(
        "Street office",
        index=True,
        help="This company is a street office (街道办事处); its parent company "
        "is the district.",
    )
    community_ids = fields.One2many(
        comodel_name="community.community",
        inverse_name="company_id",
        string="Communities",
    )
    # The street's password policy (OCA password_security), the same for
    # every street created later: the OCA defaults (12 characters, 60 days,
    # 30 remembered passwords) are replaced by the policy of
    # docs/community_base.md, section "Personal data".
    password_length = fields.Integer(default=10)
    password_lower = fields.Integer(default=1)
    password_upper = fields.Integer(default=1)
    password_numeric = fields.Integer(default=1)
    password_special = fields.Integer(default=1)
    password_expiration = fields.Integer(default=90)
    password_history = fields.Integer(default=5)
    # the staffing norm of the community workers (社区工作者配备标准)
    worker_households_norm = fields.Integer(
        "Households per community worker", default=300,
        help="The staffing norm: one full-time community worker per this "
        "many households (the reports name 250 to 300). The staffing check "
        "flags the communities below it.")

    @api.constrains("worker_households_norm")
    def _check_worker_households_norm(self):
        for company in self:
            if company.worker_households_norm <= 0:
                raise ValidationError(_(
                    "%s: the number of households per community worker must "
                    "be more than 0.") % company.name)
