# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang


class CommunityAdmissionRequest(models.Model):
    """Money follows the task (费随事转): the approval of a request that
    carries funding opens a dedicated fund for it and drafts the entry
    passing the money on to the communities it covers."""

    _inherit = "community.admission.request"

    fund_ids = fields.One2many(
        comodel_name="finance.fund", inverse_name="admission_request_id",
        string="Funds", readonly=True)

    @api.multi
    def action_approve(self):
        result = super().action_approve()
        self._create_funding_funds()
        return result

    @api.multi
    def _create_funding_funds(self):
        """Runs as superuser: the approver (a street administrator or a
        reviewer) may not hold the finance role. The transfer is left as a
        draft for a finance officer to post; when the street's accounts are
        not configured yet the fund is still opened and the request says
        why the transfer is missing."""
        # sudo: runs after an approval: the approver may not hold the finance role, and
        #   the fund's transfer is left as a draft for finance
        Fund = self.env["finance.fund"].sudo()
        for request in self:
            # sudo: the approver may not read funds; only tests whether the request
            #   already opened one
            if request.state != "approved" or request.sudo().fund_ids:
                continue
            if float_compare(
                    request.funding_amount, 0.0,
                    precision_rounding=request.currency_id.rounding) <= 0:
                continue
            code = request.reference if request.reference not in (
                False, "/") else "AR%d" % request.id
            if Fund.with_context(active_test=False).search_count([
                    ("code", "=", code),
                    ("company_id", "=", request.company_id.id)]):
                # a fund typed by hand took the reference: keep both
                code = "%s-%d" % (code, request.id)
            fund = Fund.create({
                "name": request.name,
                "code": code,
                "company_id": request.company_id.id,
                "purpose": request.description or request.name,
                "source": "department",
                "admission_request_id": request.id,
                "expense_category_ids": [
                    (4, self.env.ref(
                        "community_finance."
                        "finance_expense_category_community_transfer").id)],
            })
            try:
                with self.env.cr.savepoint():
                    fund.action_prepare_transfer()
            except UserError as error:
                # sudo: posts the outcome on the request just approved; the approver may
                #   lack write access once it is approved
                request.sudo().message_post(body=_(
                    "The fund %(fund)s is opened, but its transfer to the "
                    "communities is not drafted: %(reason)s") % {
                        "fund": fund.name, "reason": error.name})
            else:
                # sudo: posts the outcome on the request just approved; the approver may
                #   lack write access once it is approved
                request.sudo().message_post(body=_(
                    "The fund %(fund)s is opened and the transfer of "
                    "%(amount)s to the communities waits for a finance "
                    "officer to post it.") % {
                        "fund": fund.name,
                        "amount": formatLang(
                            self.env, request.funding_amount,
                            currency_obj=request.currency_id)})
