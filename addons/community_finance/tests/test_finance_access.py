# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import FinanceCase


class TestFinanceAccess(FinanceCase):
    """Only finance officers post; clerks propose in their scope; the
    leader reads; nobody sees another street's budgets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget()
        cls.line_a1 = cls._create_budget_line(
            cls.budget, cls.community_a1, 1000.0)
        cls.line_a2 = cls._create_budget_line(
            cls.budget, cls.community_a2, 500.0)
        cls.street_b._finance_setup()
        cls.budget_b = cls._create_budget(street=cls.street_b)
        cls.line_b1 = cls._create_budget_line(
            cls.budget_b, cls.community_b1, 800.0,
            post=cls.street_b.finance_budget_post_id)

    def _lines(self, user):
        return self.env["crossovered.budget.lines"].sudo(user.id).search([])

    def test_leader_reads_street_budget_but_not_other_street(self):
        budgets = self.env["crossovered.budget"].sudo(self.leader.id).search(
            [])
        self.assertIn(self.budget, budgets)
        self.assertNotIn(self.budget_b, budgets)
        self.assertEqual(self._lines(self.leader), self.line_a1 | self.line_a2)

    def test_leader_cannot_change_budget(self):
        with self.assertRaises(AccessError):
            self.budget.sudo(self.leader.id).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.line_a1.sudo(self.leader.id).write({"planned_amount": 1.0})

    def test_leader_cannot_create_standard(self):
        with self.assertRaises(AccessError):
            self.env["finance.fund.standard"].sudo(self.leader.id).create({
                "name": "X", "code": "X", "company_id": self.street_a.id,
                "rate": 1.0, "date_start": "2030-01-01"})

    def test_community_clerk_sees_own_community_lines_only(self):
        self.assertEqual(self._lines(self.community_clerk), self.line_a1)
        self.assertEqual(self._lines(self.community_clerk_a2), self.line_a2)

    def test_community_clerk_proposes_line_for_own_community(self):
        line = self._create_budget_line(
            self._create_budget(name="Proposal").sudo(
                self.community_clerk.id), self.community_a1, 300.0)
        self.assertEqual(line.sudo(self.community_clerk.id).planned_amount,
                         300.0)

    def test_community_clerk_cannot_propose_for_other_community(self):
        with self.assertRaisesRegex(UserError, "Community A2"):
            self.env["crossovered.budget.lines"].sudo(
                self.community_clerk.id).create({
                    "crossovered_budget_id": self.budget.id,
                    "community_id": self.community_a2.id,
                    "general_budget_id": self.budget_post.id,
                    "planned_amount": 300.0})

    def test_street_clerk_of_other_street_sees_nothing(self):
        self.assertNotIn(self.budget, self.env["crossovered.budget"].sudo(
            self.street_clerk_b.id).search([]))
        self.assertEqual(self._lines(self.street_clerk_b), self.line_b1)
        with self.assertRaises(AccessError):
            self.budget.sudo(self.street_clerk_b.id).read(["name"])

    def test_finance_officer_of_other_street_sees_nothing(self):
        self.assertEqual(self._lines(self.finance_officer_b), self.line_b1)
        with self.assertRaises(AccessError):
            self.line_a1.sudo(self.finance_officer_b.id).read(
                ["planned_amount"])

    def test_internal_user_sees_no_budget_line(self):
        # no access right at all (docs/access.md), not just an empty rule
        with self.assertRaises(AccessError):
            self._lines(self.internal_user)
        with self.assertRaises(AccessError):
            self.line_a1.sudo(self.internal_user.id).write(
                {"planned_amount": 1.0})

    def test_clerk_cannot_post_entries(self):
        with self.assertRaises(AccessError):
            self.env["account.move"].sudo(self.street_clerk.id).create({
                "journal_id": self.expense_journal.id,
                "date": "2026-03-01", "line_ids": []})

    def test_clerk_cannot_approve_or_commit(self):
        self.budget.sudo(self.street_clerk.id).action_budget_confirm()
        with self.assertRaises(AccessError):
            self.budget.sudo(self.street_clerk.id).action_budget_validate()
        self.assertEqual(self.budget.state, "confirm")
        self.budget.sudo(self.finance_officer.id).action_budget_validate()
        with self.assertRaises(UserError):
            self.env["finance.commitment"].sudo(
                self.street_clerk.id).commit_budget(self.line_a1, 10.0)

    def test_allocations_readable_by_clerk_only_for_own_community(self):
        wizard = self.env["finance.allocation.wizard"].sudo(
            self.finance_officer.id).create({
                "company_id": self.street_a.id, "year": self.YEAR,
                "count_date": "2099-01-01",
                "budget_id": self._create_budget(name="Alloc").id})
        wizard.action_compute()
        wizard.action_create_budget_lines()
        allocations = self.env["finance.allocation"].sudo(
            self.community_clerk.id).search([])
        self.assertTrue(allocations)
        self.assertEqual(allocations.mapped("community_id"),
                         self.community_a1)
        with self.assertRaises(AccessError):
            allocations[0].sudo(self.community_clerk.id).write(
                {"amount": 1.0})

    def test_clerk_proposes_and_submits_a_budget(self):
        budget = self.env["crossovered.budget"].sudo(
            self.street_clerk.id).create({
                "name": "Proposal 2027", "date_from": "2027-01-01",
                "date_to": "2027-12-31", "company_id": self.street_a.id})
        self._create_budget_line(
            budget, self.community_a2, 1200.0,
            date_from="2027-01-01", date_to="2027-12-31")
        budget.action_budget_confirm()
        self.assertEqual(budget.state, "confirm")
        self.assertIn(self.finance_officer,
                      budget.sudo().review_ids.mapped("reviewer_ids"))

    def test_leader_cannot_propose_a_budget(self):
        with self.assertRaises(AccessError):
            self.env["crossovered.budget"].sudo(self.leader.id).create({
                "name": "Leader 2027", "date_from": "2027-01-01",
                "date_to": "2027-12-31", "company_id": self.street_a.id})
