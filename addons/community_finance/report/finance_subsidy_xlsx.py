# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, models
from odoo.exceptions import UserError

COLUMNS = [
    ("序号", 6), ("姓名", 12), ("社区", 16), ("岗位", 14),
    ("开户银行", 22), ("银行账号", 24), ("金额（元）", 14),
]


class FinanceSubsidyXlsx(models.AbstractModel):
    """The bank's payment list of a posted subsidy run: one row per person
    paid, read from the run's journal entry so that the list and the books
    cannot disagree, and a total the bank checks against the transfer."""

    _name = "report.community_finance.subsidy_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Staff subsidy bank list"

    def generate_xlsx_report(self, workbook, data, runs):
        border = {"border": 1, "valign": "vcenter"}
        styles = {
            "title": workbook.add_format({
                "bold": True, "font_size": 14, "align": "center",
                "valign": "vcenter"}),
            "header": workbook.add_format(dict(
                border, bold=True, bg_color="#DDEBF7", align="center")),
            "text": workbook.add_format(border),
            "money": workbook.add_format(dict(border, num_format="#,##0.00")),
            "total": workbook.add_format(dict(border, bold=True)),
            "total_money": workbook.add_format(dict(
                border, bold=True, num_format="#,##0.00")),
        }
        for run in runs:
            if run.state != "posted":
                raise UserError(_(
                    "Post the subsidy run %s before exporting its bank "
                    "list.") % run.name)
            self._write_run(workbook, styles, run)

    def _write_run(self, workbook, styles, run):
        sheet = workbook.add_worksheet(run.name[:31])
        sheet.merge_range(
            0, 0, 0, len(COLUMNS) - 1,
            "%s %s 补贴发放银行清单" % (run.company_id.name, run.name),
            styles["title"])
        for column, (header, width) in enumerate(COLUMNS):
            sheet.write(1, column, header, styles["header"])
            sheet.set_column(column, column, width)
        sheet.freeze_panes(2, 0)
        row = 2
        lines = run._payable_lines()
        for index, line in enumerate(lines, 1):
            bank = self._bank_account(run, line.partner_id)
            values = [
                index, line.partner_id.name, line.community_id.name or "",
                self._post_name(run, line), bank.bank_id.name or "",
                bank.acc_number or "",
            ]
            for column, value in enumerate(values):
                sheet.write(row, column, value, styles["text"])
            sheet.write_number(row, 6, line.credit, styles["money"])
            row += 1
        sheet.merge_range(row, 0, row, 5, "合计（%d 人）" % len(lines),
                          styles["total"])
        sheet.write_number(
            row, 6, sum(lines.mapped("credit")), styles["total_money"])

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
