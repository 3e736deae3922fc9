# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CommunityCommunity(models.Model):
    """Every community has its own analytic account, so that each budget
    figure, allocation and expense of the community can be traced to its
    journal entries."""

    _inherit = "community.community"

    analytic_account_id = fields.Many2one(
        comodel_name="account.analytic.account", string="Analytic account",
        readonly=True, copy=False, index=True, ondelete="restrict",
        help="Created with the community; the budget lines, allocations and "
             "expenses of the community are booked on it.")

    @api.model
    def create(self, vals):
        community = super().create(vals)
        # sudo: every new community gets its analytic account, even when created by a
        #   non-finance administrator
        community.sudo()._create_analytic_account()
        return community

    @api.multi
    def write(self, vals):
        result = super().write(vals)
        if "name" in vals:
            # sudo: keeps the analytic account's name in step with the community the
            #   user just renamed
            for community in self.sudo().filtered("analytic_account_id"):
                community.analytic_account_id.name = \
                    community._analytic_account_name()
        return result

    def _analytic_account_name(self):
        return self.name

    @api.multi
    def _create_analytic_account(self):
        # sudo: analytic accounts are finance data; created only for the communities in
        #   self, named after them
        Analytic = self.env["account.analytic.account"].sudo()
        for community in self.filtered(
                lambda community: not community.analytic_account_id):
            community.analytic_account_id = Analytic.create({
                "name": community._analytic_account_name(),
                "code": community.code,
                "company_id": community.company_id.id,
            })
