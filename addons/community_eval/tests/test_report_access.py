# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo import api
from odoo.exceptions import AccessError

from .common import EvalCase

RANKINGS = "community_eval.eval_campaign_xlsx"
RESULTS = "community_eval.eval_result_xlsx"


class TestReportAccess(EvalCase):
    """Who prints the rankings and results workbooks (issue 14, finding
    4): the report's groups, read access to the records, the campaign
    closed (but for who runs it), and the data read with the user's
    rights, whichever the channel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a staff campaign rating two clerks: their scores are theirs
        cls.staff_scheme = cls.env["eval.scheme"].create({
            "name": "Test staff", "code": "TEST-STAFF",
            "company_id": cls.street_a.id, "evaluator_kind": "supervisor",
            "target_type": "staff", "period_type": "quarter",
            "indicator_ids": [(0, 0, {"name": "Marks", "scale": "points",
                                      "max_points": 100})]})

    def _render(self, xmlid, records, user):
        report = self.env.ref(xmlid).sudo(user.id)
        content, _type = report.render_xlsx(records.ids, {})
        return openpyxl.load_workbook(io.BytesIO(content))

    @staticmethod
    def _text(book):
        return "\n".join(str(cell) for sheet in book.worksheets
                         for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)

    def _closed(self):
        campaign = self._scored_campaign()
        campaign.action_close()
        return campaign

    def test_roles_outside_the_report_groups_are_refused(self):
        """The community clerk read every community's score: the report
        is for the street's clerks and the leader."""
        campaign = self._closed()
        for user in (self.community_clerk, self.evaluator,
                     self.internal_user, self.portal_user):
            with self.assertRaises(AccessError, msg=user.login):
                self._render(RANKINGS, campaign, user)
            with self.assertRaises(AccessError, msg=user.login):
                self._render(RESULTS, campaign.result_ids, user)

    def test_rankings_of_a_scoring_campaign_for_its_clerks_only(self):
        campaign = self._scored_campaign()
        campaign.action_compute()
        with self.assertRaises(AccessError) as caught:
            self._render(RANKINGS, campaign, self.leader)
        self.assertIn(campaign.name, str(caught.exception))
        with self.assertRaises(AccessError):
            self._render(RESULTS, campaign.result_ids, self.leader)
        # the clerk who runs it follows the scoring
        book = self._render(RANKINGS, campaign, self.street_clerk)
        self.assertIn("Community A1", self._text(book))
        campaign.action_close()
        book = self._render(RANKINGS, campaign, self.leader)
        self.assertIn("Community A2", self._text(book))
        book = self._render(RESULTS, campaign.result_ids, self.leader)
        self.assertEqual(book.sheetnames, ["Community A1", "Community A2"])

    def test_other_street_refused_for_every_report(self):
        campaign = self._closed()
        for xmlid, records in ((RANKINGS, campaign),
                               (RESULTS, campaign.result_ids)):
            with self.assertRaises(AccessError):
                self._render(xmlid, records, self.street_clerk_b)

    def test_report_model_called_directly_checks_too(self):
        """``create_xlsx_report`` of the report model, over RPC, with an
        ``active_model`` of the caller's choosing."""
        campaign = self._scored_campaign()
        model = "report.community_eval.campaign_xlsx"
        for active_model in ("eval.campaign", "eval.result",
                             "community.community"):
            records = self.env[model].sudo(self.leader.id)
            with self.assertRaises(AccessError, msg=active_model):
                api.call_kw(records, "create_xlsx_report",
                            [[], campaign.ids, {}],
                            {"context": {"active_model": active_model}})

    def test_workbook_reads_with_the_users_rights(self):
        """A staff campaign's workbook holds the results the user reads:
        the scores of results their rules hide are not in it (it read
        every result as superuser)."""
        campaign = self.env["eval.campaign"].create({
            "name": "Staff 2026Q1", "scheme_id": self.staff_scheme.id,
            "company_id": self.street_a.id,
            "date_range_id": self.quarters[1].id,
            "staff_ids": [(6, 0, (self.street_clerk | self.leader).ids)]})
        campaign.action_open()
        marks = self.staff_scheme.indicator_ids
        campaign._insert_done_sheets([
            (self.street_clerk.id, None, [(marks.id, None, 61.0, 61.0)]),
            (self.leader.id, None, [(marks.id, None, 97.0, 97.0)])],
            source="paper")
        campaign.action_close()
        text = self._text(self._render(RANKINGS, campaign, self.leader))
        self.assertIn("61", text)
        self.assertIn("97", text)
        # a rule hiding each staff member's result from the other
        self.env["ir.rule"].create({
            "name": "test: staff results of the user only",
            "model_id": self.env["ir.model"]._get("eval.result").id,
            "domain_force": "[('target_user_id', 'in', [False, user.id])]"})
        text = self._text(self._render(RANKINGS, campaign, self.street_clerk))
        self.assertIn("61", text)
        self.assertNotIn("97", text)
        text = self._text(self._render(RANKINGS, campaign, self.leader))
        self.assertIn("97", text)
        self.assertNotIn("61", text)
