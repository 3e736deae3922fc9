# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.community_base.tools import roles, street_time

CHART_XMLID = "l10n_cn_small_business.l10n_chart_china_small_business"
FUNDS_ACCOUNT_CODE = "1012"
EXPENSE_ACCOUNT_CODE = "5602"
#: the shipped expense categories and the expense sub-account (5602xx) the
#: finance set-up gives each in the street's chart, so that a fund may
#: spend on them; 01-09 are the funding standards'
CATEGORY_ACCOUNTS = [
    ("community_finance.finance_expense_category_community_transfer", "10"),
    ("community_finance.finance_expense_category_office", "11"),
    ("community_finance.finance_expense_category_activity", "12"),
    ("community_finance.finance_expense_category_service_purchase", "13"),
    ("community_finance.finance_expense_category_staff_subsidy", "14"),
]
#: the office funds of the shipped standard, by the community's living
#: residents (Longyan: 10,000 yuan from 5,000 people, 8,000 below)
OFFICE_FUND_BANDS = [(0, 4999, 8000.0), (5000, 0, 10000.0)]


class ResCompany(models.Model):
    """The finance settings of a street office: its chart of accounts, the
    journal of its transfers and what happens when spending goes beyond a
    budget line."""

    _inherit = "res.company"

    budget_overrun_policy = fields.Selection(
        selection=[("warn", "Warn"), ("block", "Block")],
        string="Budget overrun", required=True, default="warn",
        help="What a commitment or an expense beyond the available amount "
             "of an approved budget line does: warn (the overrun is "
             "recorded and reported) or block (it is refused).")
    finance_journal_id = fields.Many2one(
        comodel_name="account.journal", string="Transfer journal",
        index=True, ondelete="restrict",
        help="The street's general journal for transfers: allocations to "
             "communities and movements of dedicated funds.")
    finance_funds_account_id = fields.Many2one(
        comodel_name="account.account", string="Allocated funds account",
        index=True, ondelete="restrict",
        help="Account holding the money allocated to communities and "
             "dedicated funds; the street keeps it in its books per "
             "analytic account (社财区管).")
    finance_expense_account_id = fields.Many2one(
        comodel_name="account.account", string="Default expense account",
        index=True, ondelete="restrict",
        help="Expense account of the budgetary position created by the "
             "finance set-up.")
    finance_budget_post_id = fields.Many2one(
        comodel_name="account.budget.post",
        string="Default budgetary position", index=True, ondelete="restrict")

    @api.multi
    def action_finance_setup(self):
        """Button of the street form: set up the street's finance. The
        set-up runs as superuser and RPC reaches the button without the
        form, so it checks its caller: a finance officer of the street."""
        user = self.env.user
        if not user._is_superuser():
            if not user.has_group(roles.FINANCE_OFFICER):
                raise AccessError(_(
                    "Only a finance officer sets up the finance of %s.")
                    % ", ".join(self.mapped("name")))
            outside = self - user.company_ids
            if outside:
                raise AccessError(_(
                    "You cannot set up the finance of %s: you do not work "
                    "there.") % ", ".join(outside.mapped("name")))
        self._finance_setup()
        return True

    @api.multi
    def _finance_setup(self):
        """Make a street ready for budgets: chart of accounts, transfer
        journal, default accounts and budgetary position, fiscal year and
        one analytic account per community.

        Idempotent: what exists is kept, so it is safe to run again after
        communities are added or a setting was cleared.
        """
        chart = self.env.ref(CHART_XMLID)
        # sudo: the set-up is configuration, run at install or by a finance officer of
        #   the street (checked in action_finance_setup)
        Account = self.env["account.account"].sudo()
        # sudo: as above, for the streets in self only
        for company in self.sudo():
            if not company.chart_template_id:
                # sudo: Odoo's chart installer needs account administration rights; it
                #   only sets up this street
                wizard = self.env["wizard.multi.charts.accounts"].sudo().create({
                    "company_id": company.id,
                    "chart_template_id": chart.id,
                    "code_digits": chart.code_digits,
                    "transfer_account_id": chart.transfer_account_id.id,
                    "currency_id": chart.currency_id.id,
                    "bank_account_code_prefix": chart.bank_account_code_prefix,
                    "cash_account_code_prefix": chart.cash_account_code_prefix,
                    "sale_tax_rate": 0.0,
                    "purchase_tax_rate": 0.0,
                    "complete_tax_set": False,
                    # default_get picks the taxes of the first chart it finds
                    # (another country's where one is installed, as with demo
                    # data): a street office sells nothing, so none
                    "sale_tax_id": False,
                    "purchase_tax_id": False,
                })
                wizard.execute()
            vals = {}
            if not company.finance_funds_account_id:
                vals["finance_funds_account_id"] = company._finance_account(
                    Account, FUNDS_ACCOUNT_CODE).id
            if not company.finance_expense_account_id:
                vals["finance_expense_account_id"] = company._finance_account(
                    Account, EXPENSE_ACCOUNT_CODE).id
            if not company.finance_journal_id:
                vals["finance_journal_id"] = company._finance_journal().id
            if vals:
                company.write(vals)
            if not company.finance_budget_post_id:
                # sudo: the street's own budgetary position for community funds, created
                #   once at setup
                company.finance_budget_post_id = self.env[
                    "account.budget.post"].sudo().create({
                        "name": _("Community funds expenditure"),
                        "company_id": company.id,
                        "account_ids": [
                            (6, 0, company.finance_expense_account_id.ids)],
                    })
            if not (company.fiscalyear_last_day and
                    company.fiscalyear_last_month):
                company.write({"fiscalyear_last_day": 31,
                               "fiscalyear_last_month": 12})
            company._finance_default_standards()
            company._finance_category_accounts()
            company._finance_draft_waiting_transfers()
            # sudo: gives analytic accounts to every community of the street being set
            #   up
            communities = self.env["community.community"].sudo().with_context(
                active_test=False).search([
                    ("company_id", "=", company.id),
                    ("analytic_account_id", "=", False)])
            communities._create_analytic_account()
        return True

    def _finance_default_standards(self):
        """The standards seen in the field, from 1 January of this year,
        when the street has none yet: community work funds 35 yuan and
        management-service funds 50 yuan per household per year, office
        funds of 8,000 yuan, 10,000 yuan for a community of 5,000 residents
        or more (``OFFICE_FUND_BANDS``).

        Each standard gets its own expense sub-account (5602xx) and
        budgetary position: a budget line's actual amount is what was
        posted on its analytic account and its position's accounts, so two
        standards sharing accounts would count each expense of a community
        twice.
        """
        # sudo: default funding standards of the street being set up, created once
        Standard = self.env["finance.fund.standard"].sudo().with_context(
            active_test=False)
        if Standard.search_count([("company_id", "=", self.id)]):
            return Standard
        start = "%d-01-01" % fields.Date.from_string(
            street_time.street_today(self.env, self)).year
        defaults = [
            ("CWF", _("Community work funds"), {
                "method": "per_household", "rate": 35.0}),
            ("MSF", _("Community management-service funds"), {
                "method": "per_household", "rate": 50.0}),
            ("OFF", _("Community office funds"), {
                "method": "fixed", "band_basis": "residents",
                "band_ids": [
                    (0, 0, {"households_from": low, "households_to": high,
                            "amount": amount})
                    for low, high, amount in OFFICE_FUND_BANDS]}),
        ]
        standards = Standard
        for number, (code, name, vals) in enumerate(defaults, 1):
            post = self._finance_standard_post(name, "%s%02d" % (
                EXPENSE_ACCOUNT_CODE, number))
            vals.update({
                "company_id": self.id, "date_start": start, "code": code,
                "name": name, "sequence": number * 10,
                "budget_post_id": post.id,
            })
            standards |= Standard.create(vals)
        return standards

    def _finance_category_accounts(self):
        """Give each shipped expense category that has no account in this
        street's chart its own expense sub-account (``CATEGORY_ACCOUNTS``),
        found or created: a fund may only spend on the accounts of its
        categories, so a category without one refuses every expense of
        the street. A category the street already gave an account keeps
        it. Returns the categories completed."""
        completed = self.env["finance.expense.category"]
        for xmlid, suffix in CATEGORY_ACCOUNTS:
            category = self.env.ref(xmlid, raise_if_not_found=False)
            if not category:
                continue
            # sudo: the shipped categories are shared configuration; only this
            #   street's account is added to them, at its set-up
            category = category.sudo()
            if category.account_ids.filtered(
                    lambda account: account.company_id == self):
                continue
            account = self._finance_expense_subaccount(
                category.name, EXPENSE_ACCOUNT_CODE + suffix)
            category.write({"account_ids": [(4, account.id)]})
            completed |= category
        return completed

    def _finance_draft_waiting_transfers(self):
        """Draft the transfers that the street's admission requests could
        not draft when approved before the street's finance was set up
        (no chart, no account for transfers): their funds would otherwise
        never receive the money. A finance officer posts them, as after
        any approval. Returns the funds whose transfer is now drafted."""
        # sudo: the set-up's own street's funds opened by approved admission
        #   requests; the transfers are drafted only, for a finance officer to post
        funds = self.env["finance.fund"].sudo().search([
            ("company_id", "=", self.id),
            ("admission_request_id", "!=", False),
            ("transfer_move_id", "=", False)])
        drafted = funds.browse()
        for fund in funds:
            # opened before the street had journals and accounts: the
            # defaults a fund gets when created now
            vals = {}
            if not fund.journal_id:
                vals["journal_id"] = fund._default_journal(self).id
            if not fund.income_account_id:
                vals["income_account_id"] = fund._default_income_account(
                    self).id
            if vals:
                fund.write(vals)
            try:
                with self.env.cr.savepoint():
                    fund.action_prepare_transfer()
            except UserError as error:
                fund.message_post(body=_(
                    "The transfer to the communities is still not drafted: "
                    "%s") % error.name)
            else:
                drafted |= fund
        return drafted

    def _finance_expense_subaccount(self, name, code):
        """The street's expense account ``code``, created under that
        name when missing."""
        # sudo: an expense sub-account of the street's chart, created at setup
        Account = self.env["account.account"].sudo()
        account = Account.search([
            ("company_id", "=", self.id), ("code", "=", code)], limit=1)
        return account or Account.create({
            "code": code, "name": name, "company_id": self.id,
            "user_type_id": self.finance_expense_account_id.user_type_id.id
            or self.env.ref("account.data_account_type_expenses").id,
        })

    def _finance_standard_post(self, name, code):
        """The budgetary position of a standard, on its own expense
        sub-account ``code``."""
        account = self._finance_expense_subaccount(name, code)
        # sudo: the expense sub-account and budgetary position of a standard, created at
        #   setup
        return self.env["account.budget.post"].sudo().create({
            "name": name, "company_id": self.id,
            "account_ids": [(6, 0, account.ids)],
        })

    def _finance_account(self, Account, code):
        account = Account.search([
            ("company_id", "=", self.id), ("code", "=like", code + "%")],
            order="code", limit=1)
        if not account:
            raise UserError(_(
                "The chart of accounts of the street \"%(street)s\" has no "
                "account %(code)s; load the Chinese small-business chart or "
                "set the finance accounts by hand.") % {
                    "street": self.name, "code": code})
        return account

    def _finance_journal(self):
        # sudo: the street's finance journal, found or created at setup
        Journal = self.env["account.journal"].sudo()
        journal = Journal.search([
            ("company_id", "=", self.id), ("code", "=", "FIN")], limit=1)
        return journal or Journal.create({
            "name": _("Finance transfers"),
            "code": "FIN",
            "type": "general",
            "company_id": self.id,
            "update_posted": False,
        })

    def _finance_bank_account(self):
        """The account the street pays from: its bank journal's."""
        # sudo: reads the street's bank journal account at setup; configuration, not
        #   data shown
        journal = self.env["account.journal"].sudo().search([
            ("company_id", "=", self.id), ("type", "=", "bank")],
            order="sequence, id", limit=1)
        if not journal.default_credit_account_id:
            raise UserError(_(
                "The street \"%s\" has no bank journal with an account to "
                "pay from; run the finance set-up or create one.") % self.name)
        return journal.default_credit_account_id
