# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class FinanceSubsidyHolder(models.Model):
    """A person paid a monthly staff subsidy: the elected head or deputy
    of a community, for the time of their term.

    The person is the payee (a contact with a bank account, since the
    subsidy is paid to the bank); the employee record or the community post
    they hold is kept as the reason for the payment. The monthly run pays
    every holder whose term covers part of the month.
    """

    _name = "finance.subsidy.holder"
    _inherit = ["community.scoped.mixin"]
    _description = "Staff subsidy holder"
    _rec_name = "partner_id"
    _order = "community_id, standard_id, partner_id"

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Payee", required=True,
        index=True, ondelete="restrict",
        help="The person paid; the bank list takes their bank account.")
    employee_id = fields.Many2one(
        comodel_name="hr.employee", string="Employee", index=True,
        ondelete="restrict")
    post_id = fields.Many2one(
        comodel_name="community.post", string="Community post",
        index=True, ondelete="restrict")
    worker_id = fields.Many2one(
        comodel_name="community.worker", string="Community worker",
        index=True, ondelete="restrict",
        help="The worker of the community roster paid, when the subsidy is "
        "paid for one of their posts.")
    worker_post_id = fields.Many2one(
        comodel_name="community.worker.post", string="Worker post",
        index=True, ondelete="restrict",
        domain="[('worker_id', '=', worker_id)]",
        help="The post the subsidy is paid for: the subsidy follows the "
        "post, and ends when its term ends.")
    standard_id = fields.Many2one(
        comodel_name="finance.subsidy.standard", string="Subsidy",
        required=True, index=True, ondelete="restrict",
        help="The post's standard; each month's run pays the standard of "
             "this post in force that month.")
    post_code = fields.Char(
        related="standard_id.post_code", store=True, readonly=True,
        index=True)
    date_start = fields.Date(
        string="Term start", required=True, index=True,
        default=fields.Date.context_today)
    date_end = fields.Date(string="Term end", index=True)
    bank_account_id = fields.Many2one(
        comodel_name="res.partner.bank", string="Bank account",
        ondelete="restrict", domain="[('partner_id', '=', partner_id)]")
    active = fields.Boolean(default=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for holder in self.sudo():
            if holder.date_end and holder.date_end < holder.date_start:
                raise ValidationError(_(
                    "The term of the subsidy holder %s ends before it "
                    "starts.") % holder.partner_id.name)

    # constraints read as superuser: the record rules refuse the record
    # itself with a clear AccessError right after
    @api.constrains("bank_account_id", "partner_id")
    def _check_bank_account(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for holder in self.sudo():
            if holder.bank_account_id and \
                    holder.bank_account_id.partner_id != holder.partner_id:
                raise ValidationError(_(
                    "The bank account of the subsidy holder %s belongs to "
                    "someone else.") % holder.partner_id.name)

    @api.onchange("employee_id")
    def _onchange_employee_id(self):
        if self.employee_id.address_home_id:
            self.partner_id = self.employee_id.address_home_id
        if self.employee_id.bank_account_id:
            self.bank_account_id = self.employee_id.bank_account_id

    @api.onchange("post_id")
    def _onchange_post_id(self):
        if self.post_id:
            self.community_id = self.post_id.community_id
            if self.post_id.partner_id:
                self.partner_id = self.post_id.partner_id

    @api.onchange("worker_post_id")
    def _onchange_worker_post_id(self):
        """The subsidy follows the post: its worker, community and term."""
        post = self.worker_post_id
        if post:
            self.worker_id = post.worker_id
            self.community_id = post.community_id
            self.date_start = max(post.date_start, self.date_start or "")
            self.date_end = post.date_end
            if post.worker_id.user_id:
                self.partner_id = post.worker_id.user_id.partner_id

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id and not self.bank_account_id:
            self.bank_account_id = self.partner_id.bank_ids[:1]
