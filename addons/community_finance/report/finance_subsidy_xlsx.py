# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools.report_sheet import Book, Column, Span

#: the bank account is text: 19 digits are no number for Excel
COLUMNS = [
    Column("序号", "int", 6), Column("姓名", "text", 12),
    Column("社区", "text", 16), Column("岗位", "text", 14),
    Column("开户银行", "text", 22), Column("银行账号", "text", 24),
    Column("金额（元）", "money", 14),
]


class FinanceSubsidyXlsx(models.AbstractModel):
    """The bank's payment list of a posted subsidy run: one row per person
    paid, read from the run's journal entry so that the list and the books
    cannot disagree, and a total the bank checks against the transfer."""

    _name = "report.community_finance.subsidy_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Staff subsidy bank list"

    def generate_xlsx_report(self, workbook, data, runs):
        book = Book(workbook, self.env)
        for run in runs:
            if run.state != "posted":
                raise UserError(_(
                    "Post the subsidy run %s before exporting its bank "
                    "list.") % run.name)
            self._write_run(book, run)

    def _write_run(self, book, run):
        table = book.table(
            run.name, COLUMNS,
            "%s %s 补贴发放银行清单" % (run.company_id.name, run.name),
            freeze_cols=0)
        lines = run._payable_lines()
        for index, line in enumerate(lines, 1):
            bank = self._bank_account(run, line.partner_id)
            table.write_row([
                index, line.partner_id.name, line.community_id.name,
                self._post_name(run, line), bank.bank_id.name,
                bank.acc_number, line.credit])
        table.write_totals([Span("合计（%d 人）" % len(lines), 6),
                            sum(lines.mapped("credit"))])

    def _bank_account(self, run, partner):
        """Read as superuser: bank accounts belong to the main company by
        default, while whoever may print the run may see where it pays."""
        # sudo: the payee's account, for a finance officer allowed to print
        # the run (checked before: ``_check_report_access``)
        holder = self.env["finance.subsidy.holder"].sudo().with_context(
            active_test=False).search([
                ("partner_id", "=", partner.id),
                ("company_id", "=", run.company_id.id),
                ("bank_account_id", "!=", False),
            ], limit=1)
        # sudo: as above, the partner's own bank account
        return holder.bank_account_id or partner.sudo().bank_ids[:1]

    def _post_name(self, run, line):
        holder = self.env["finance.subsidy.holder"].with_context(
            active_test=False).search([
                ("partner_id", "=", line.partner_id.id),
                ("community_id", "=", line.community_id.id),
            ], limit=1)
        return holder.standard_id.name or ""
