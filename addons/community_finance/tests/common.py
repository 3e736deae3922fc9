# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import StreetRoleCase


class FinanceRoleCase(StreetRoleCase):
    """The street roles plus a finance officer, and one budget set against
    one budgetary position."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_officer = cls._create_user(
            "finance_officer", "community_finance.group_finance_officer")
        cls.expense_account = cls.env["account.account"].create({
            "code": "STREET6001",
            "name": "Community work funds",
            "user_type_id": cls.env.ref("account.data_account_type_expenses").id,
        })
        cls.budget_post = cls.env["account.budget.post"].create({
            "name": "Community work funds",
            "account_ids": [(6, 0, cls.expense_account.ids)],
        })
        cls.budget = cls.env["crossovered.budget"].create({
            "name": "Street budget",
            "date_from": "2026-01-01",
            "date_to": "2026-12-31",
        })
