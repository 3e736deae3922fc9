# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import FinanceCase


class CommitmentCase(FinanceCase):
    """An approved budget line of 10,000 and the finance officer's
    commitments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget()
        cls.line = cls._create_budget_line(
            cls.budget, cls.community_a1, 10000.0)
        cls._approve_budget(cls.budget)
        cls.Commitment = cls.env["finance.commitment"].sudo(
            cls.finance_officer.id)


class TestCommitment(CommitmentCase):

    def test_commit_reduces_available_not_actual(self):
        commitment = self.Commitment.commit_budget(
            self.line, 3000.0, self.community_a1, name="Summer activities")
        self.assertEqual(commitment.state, "committed")
        self.assertEqual(commitment.origin, self.community_a1)
        self.assertFalse(commitment.overrun)
        self.line.invalidate_cache()
        self.assertEqual(self.line.committed_amount, 3000.0)
        self.assertEqual(self.line.actual_amount, 0.0)
        self.assertEqual(self.line.available_amount, 7000.0)

    def test_consume_moves_amount_from_committed_to_actual(self):
        commitment = self.Commitment.commit_budget(self.line, 3000.0)
        self._post_expense(self.community_a1, 1200.0)
        commitment.consume(1200.0)
        self.line.invalidate_cache()
        self.assertEqual(commitment.open_amount, 1800.0)
        self.assertEqual(self.line.committed_amount, 1800.0)
        self.assertEqual(self.line.actual_amount, 1200.0)
        self.assertEqual(self.line.available_amount, 7000.0)
        commitment.consume(1800.0)
        self.assertEqual(commitment.state, "consumed")
        self.assertEqual(commitment.open_amount, 0.0)

    def test_consume_more_than_open_refused(self):
        commitment = self.Commitment.commit_budget(
            self.line, 500.0, name="Printing")
        with self.assertRaisesRegex(UserError, "Printing"):
            commitment.consume(500.01)
        self.assertEqual(commitment.consumed_amount, 0.0)

    def test_release_frees_the_rest(self):
        commitment = self.Commitment.commit_budget(self.line, 3000.0)
        commitment.consume(1000.0)
        commitment.release()
        self.line.invalidate_cache()
        self.assertEqual(commitment.state, "released")
        self.assertEqual(self.line.committed_amount, 0.0)
        with self.assertRaises(UserError):
            commitment.release()

    def test_zero_or_negative_commitment_refused(self):
        for amount in (0.0, -10.0):
            with self.assertRaises(UserError):
                self.Commitment.commit_budget(self.line, amount)

    def test_overrun_warns_by_default(self):
        self.Commitment.commit_budget(self.line, 9000.0)
        commitment = self.Commitment.commit_budget(
            self.line, 2000.0, name="Extra")
        self.assertTrue(commitment.overrun)
        self.line.invalidate_cache()
        self.assertEqual(self.line.available_amount, -1000.0)
        self.assertIn("Extra", self.budget.message_ids[0].body)

    def test_overrun_blocked_when_street_blocks(self):
        self.street_a.budget_overrun_policy = "block"
        self.Commitment.commit_budget(self.line, 9000.0)
        with self.assertRaisesRegex(UserError, "Extra"):
            self.Commitment.commit_budget(self.line, 1000.01, name="Extra")
        # exactly what is left is allowed
        self.Commitment.commit_budget(self.line, 1000.0)
        self.line.invalidate_cache()
        self.assertEqual(self.line.available_amount, 0.0)

    def test_posted_expenses_count_against_block(self):
        self.street_a.budget_overrun_policy = "block"
        self._post_expense(self.community_a1, 9500.0)
        with self.assertRaises(UserError):
            self.Commitment.commit_budget(self.line, 600.0)

    def test_unapproved_budget_cannot_be_committed(self):
        draft = self._create_budget(name="Draft budget")
        line = self._create_budget_line(draft, self.community_a1, 100.0)
        with self.assertRaisesRegex(UserError, "Draft budget"):
            self.Commitment.commit_budget(line, 10.0)

    def test_clerk_cannot_commit(self):
        with self.assertRaises(UserError):
            self.env["finance.commitment"].sudo(
                self.street_clerk.id).commit_budget(self.line, 10.0)

    def test_commitment_cannot_be_deleted(self):
        commitment = self.Commitment.commit_budget(self.line, 10.0)
        with self.assertRaises(UserError):
            commitment.unlink()

    def test_direct_create_with_negative_amount_refused(self):
        with self.assertRaises(ValidationError):
            self.Commitment.create({
                "name": "Bad", "budget_line_id": self.line.id,
                "amount": -5.0})


class TestExpenseOverrun(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._create_budget()
        cls.line = cls._create_budget_line(
            cls.budget, cls.community_a1, 1000.0)
        cls._approve_budget(cls.budget)

    def _draft_expense(self, amount, ref="Chairs"):
        return self.env["account.move"].create({
            "journal_id": self.expense_journal.id, "date": "2026-05-01",
            "ref": ref,
            "line_ids": [
                (0, 0, {"name": ref, "account_id": self.expense_account.id,
                        "analytic_account_id":
                            self.community_a1.analytic_account_id.id,
                        "debit": amount, "credit": 0.0}),
                (0, 0, {"name": ref, "account_id": self.bank_account.id,
                        "debit": 0.0, "credit": amount}),
            ]})

    def test_expense_within_budget_passes(self):
        check = self.env["crossovered.budget.lines"]._check_expenses_overrun
        self.assertEqual(check(self._draft_expense(1000.0)), [])

    def test_expense_overrun_warns(self):
        self._post_expense(self.community_a1, 800.0)
        check = self.env["crossovered.budget.lines"]._check_expenses_overrun
        warnings = check(self._draft_expense(300.0))
        self.assertEqual(len(warnings), 1)
        self.assertIn("Chairs", warnings[0])
        self.assertIn("Chairs", self.budget.message_ids[0].body)

    def test_expense_overrun_blocked(self):
        self.street_a.budget_overrun_policy = "block"
        self.env["finance.commitment"].commit_budget(self.line, 900.0)
        check = self.env["crossovered.budget.lines"]._check_expenses_overrun
        with self.assertRaisesRegex(UserError, "Chairs"):
            check(self._draft_expense(100.01))

    def test_posting_an_overrun_is_refused_when_the_street_blocks(self):
        self.street_a.budget_overrun_policy = "block"
        move = self._draft_expense(1000.01)
        with self.assertRaisesRegex(UserError, "Chairs"):
            move.post()
        self.assertEqual(move.state, "draft")
        # within the line it posts
        move = self._draft_expense(1000.0)
        move.post()
        self.assertEqual(move.state, "posted")

    def test_posting_an_overrun_warns_on_the_budget(self):
        move = self._draft_expense(1200.0, ref="Desks")
        move.post()
        self.assertEqual(move.state, "posted")
        self.assertIn("Desks", self.budget.message_ids[0].body)

    def test_other_account_not_counted(self):
        self.street_a.budget_overrun_policy = "block"
        move = self._draft_expense(5000.0)
        move.line_ids.filtered("debit").account_id = self.funds_account
        check = self.env["crossovered.budget.lines"]._check_expenses_overrun
        self.assertEqual(check(move), [])


class TestCommitmentSpentByEntry(CommitmentCase):
    """An expense entry that names its commitment consumes it when posted:
    the spending then counts once (as actual), not also as committed."""

    def _entry(self, amount, commitment, community=None):
        """A draft expense entry of the community (default the line's)."""
        community = community or self.community_a1
        return self.env["account.move"].sudo(self.finance_officer.id).create({
            "journal_id": self.expense_journal.id,
            "date": "%s-03-15" % self.YEAR,
            "ref": "Summer camp bus",
            "commitment_id": commitment.id,
            "line_ids": [
                (0, 0, {"name": "Bus", "account_id": self.expense_account.id,
                        "analytic_account_id":
                            community.analytic_account_id.id,
                        "debit": amount, "credit": 0.0}),
                (0, 0, {"name": "Bus", "account_id": self.bank_account.id,
                        "debit": 0.0, "credit": amount}),
            ],
        })

    def test_posting_consumes_what_the_entry_spends(self):
        commitment = self.Commitment.commit_budget(
            self.line, 3000.0, name="Summer camp")
        self._entry(1200.0, commitment).post()
        self.line.invalidate_cache()
        self.assertEqual(commitment.consumed_amount, 1200.0)
        self.assertEqual(self.line.committed_amount, 1800.0)
        self.assertEqual(self.line.actual_amount, 1200.0)
        # counted once: 10,000 - 1,800 open - 1,200 spent
        self.assertEqual(self.line.available_amount, 7000.0)
        self.assertEqual(self.line.variance_amount, 8800.0)

    def test_spending_beyond_the_commitment_closes_it(self):
        commitment = self.Commitment.commit_budget(self.line, 1000.0)
        self._entry(1500.0, commitment).post()
        self.assertEqual(commitment.state, "consumed")
        self.line.invalidate_cache()
        self.assertEqual(self.line.available_amount, 8500.0)

    def test_entry_spending_nothing_on_the_line_refused(self):
        commitment = self.Commitment.commit_budget(
            self.line, 3000.0, name="Summer camp")
        entry = self._entry(500.0, commitment, community=self.community_a2)
        with self.assertRaisesRegex(UserError, "Summer camp"):
            entry.post()
        self.assertEqual(entry.state, "draft")
        self.assertEqual(commitment.consumed_amount, 0.0)

    def test_closed_commitment_refused(self):
        commitment = self.Commitment.commit_budget(
            self.line, 3000.0, name="Summer camp")
        commitment.release()
        entry = self._entry(500.0, commitment)
        with self.assertRaisesRegex(UserError, "Summer camp"):
            entry.post()
        self.assertEqual(entry.state, "draft")
