# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .fund_common import FundCase


class TestSelfgovServiceProject(FundCase):
    """A residents' decision opens a service purchase project filled from
    it; an approved budget is published as its execution summary."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env["res.partner"].create({
            "name": "Sunshine Social Work Centre", "is_company": True,
            "organisation_type": "social_org",
            "social_org_status": "registered"})
        category = cls.env.ref(
            "community_finance.finance_expense_category_service_purchase")
        category.account_ids = cls.expense_account
        cls.service_fund = cls._create_fund(
            "Service purchase fund", "F-SERV", categories=category)
        body = cls.env["community.selfgov.body"].create({
            "name": "Residents' council A1",
            "community_id": cls.community_a1.id})
        cls.meeting = cls.env["community.selfgov.meeting"].create({
            "name": "Council meeting on the elderly canteen",
            "body_id": body.id, "date": "2026-03-02 02:00:00"})
        cls.meeting.action_held()
        cls.decision = cls.env["community.selfgov.decision"].create({
            "meeting_id": cls.meeting.id, "name": "Open an elderly canteen",
            "description": "Lunch for residents over 70.",
            "date_deadline": "2026-09-30"})

    def test_decision_opens_a_project_filled_from_it(self):
        action = self.decision.sudo(self.community_clerk).with_context(
            lang="en_US").action_create_service_project()
        self.assertEqual(action["res_model"], "finance.service.project")
        defaults = action["context"]
        self.assertEqual(defaults["default_community_id"],
                         self.community_a1.id)
        self.assertEqual(defaults["default_company_id"], self.street_a.id)
        self.assertIn("Lunch for residents over 70.",
                      defaults["default_description"])
        self.assertIn("Council meeting on the elderly canteen",
                      defaults["default_description"])
        project = self.env["finance.service.project"].sudo(
            self.community_clerk).with_context(**defaults).create({
                "partner_id": self.provider.id, "contract_amount": 5000.0,
                "fund_id": self.service_fund.id,
                "expense_account_id": self.expense_account.id})
        self.assertEqual(project.name, "Open an elderly canteen")
        self.assertEqual(project.selfgov_decision_id, self.decision)
        self.assertEqual(self.decision.service_project_ids, project)

    def test_clerk_of_another_community_is_refused(self):
        with self.assertRaises(AccessError):
            self.decision.sudo(
                self.community_clerk_a2).action_create_service_project()

    def test_budget_is_published_as_its_execution(self):
        budget = self._create_budget()
        self._create_budget_line(budget, self.community_a1, 10000.0)
        budget = self._approve_budget(budget)
        budget.sudo(self.finance_officer).action_publish()
        self.assertTrue(budget.to_publish)
        kind, title, community = budget.with_context(
            lang="en_US")._publication_row()
        self.assertEqual(
            title, "%s: 0.00 spent of 10000.00 approved (0.0%%)"
            % budget.name)
        self.assertIn(budget, [
            records for records in self.env[
                "community.publication.mixin"]._published_in(
                    self.street_a, budget.date_published, "2100-01-01")
            if records._name == "crossovered.budget"][0])
