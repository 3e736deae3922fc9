# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api
from odoo.exceptions import AccessError, UserError
from odoo.models import check_method_name

from .common import EvalCase
from .test_score_import import workbook

#: how RPC refuses a method: AccessError for a private name, AttributeError
#: for a name the model does not have (a helper made private)
REFUSED = (AccessError, AttributeError)


class TestCampaignRights(EvalCase):
    """Who may change a campaign's scores and results (issue 14, finding
    3): the methods that write as superuser are private or check the
    caller's write access on the campaign first, and their errors name no
    campaign the caller may not read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._create_campaign(evaluators=cls.evaluator)
        cls.campaign.action_open()

    def rpc(self, user, model, method, ids, *args):
        """``method`` called as over JSON-RPC or XML-RPC by ``user``: the
        dispatcher refuses private names, then calls the method (a name
        the model lacks fails there with AttributeError: a refusal
        too)."""
        check_method_name(method)
        records = self.env[model].sudo(user.id)
        return api.call_kw(records, method, [ids] + list(args), {})

    def _rows(self, count=3):
        lines = [(self.service.id, "satisfied", 0.0, 100.0),
                 (self.overall.id, "satisfied", 0.0, 100.0),
                 (self.facilities.id, None, 10.0, 100.0)]
        return [(self.community_a1.id, "R-%s" % number, lines)
                for number in range(count)]

    def _done_sheets(self):
        return self.campaign.sheet_ids.filtered(
            lambda sheet: sheet.state == "done")

    def test_nobody_inserts_sheets_over_rpc(self):
        """The batched insert is an internal helper: no role, however
        small or large, reaches it remotely."""
        for user in (self.internal_user, self.evaluator, self.leader,
                     self.community_clerk, self.street_admin):
            with self.assertRaises(REFUSED, msg=user.login):
                self.rpc(user, "eval.campaign", "insert_done_sheets",
                         self.campaign.ids, self._rows())
            with self.assertRaises(AccessError, msg=user.login):
                self.rpc(user, "eval.campaign", "_insert_done_sheets",
                         self.campaign.ids, self._rows())
        self.assertFalse(self._done_sheets())

    def test_read_only_roles_cannot_import_scores(self):
        """The score import writes as superuser: it checks write access
        on the campaign, not only the write rules (the read-only roles
        have none, which let them through)."""
        content = workbook({"A1": [
            ["评议对象", "问卷编号", "Service", "Overall", "Facilities"],
            ["Community A1", "Q-1", "满意", "满意", 8]]})
        for user in (self.leader, self.community_clerk, self.evaluator,
                     self.internal_user):
            wizard = self.env["eval.score.import"].sudo(user.id).create({
                "campaign_id": self.campaign.id, "file": content,
                "filename": "survey.xlsx"})
            with self.assertRaises(AccessError, msg=user.login):
                wizard.action_import()
        self.assertFalse(self._done_sheets())
        # the clerk who runs the street's campaigns does import
        wizard = self.env["eval.score.import"].sudo(
            self.street_clerk.id).create({
                "campaign_id": self.campaign.id, "file": content,
                "filename": "survey.xlsx"})
        wizard.action_import()
        self.assertEqual(len(self._done_sheets()), 1)

    def test_only_campaign_managers_compute_or_close(self):
        """An evaluator (or a leader) reads the campaign but may not
        compute its results, close it or open it."""
        for user in (self.evaluator, self.leader, self.community_clerk,
                     self.street_clerk_b):
            for method in ("action_compute", "action_close"):
                with self.assertRaises(AccessError, msg=(user.login, method)):
                    self.rpc(user, "eval.campaign", method, self.campaign.ids)
        self.assertFalse(any(self.campaign.result_ids.mapped("rank")))
        draft = self._create_campaign(quarter=2)
        with self.assertRaises(AccessError):
            self.rpc(self.evaluator, "eval.campaign", "action_open",
                     draft.ids)
        self.assertEqual(draft.state, "draft")
        self.assertTrue(self.rpc(self.street_clerk, "eval.campaign",
                                 "action_compute", self.campaign.ids))

    def test_internal_helpers_are_private(self):
        """Award updates and rule figures run as superuser: not callable
        remotely (an eval.rule read the counts of any model of any
        street)."""
        title = self.env["eval.title"].create({
            "name": "Test title", "scheme_id": self.scheme.id})
        with self.assertRaises(REFUSED):
            self.rpc(self.leader, "eval.title", "update_awards", title.ids,
                     self.campaign.id)
        with self.assertRaises(AccessError):
            self.rpc(self.leader, "eval.title", "_update_awards", title.ids,
                     self.campaign.id)
        rule = self.env["eval.rule"].create({
            "name": "Residents per community",
            "model_id": self.env["ir.model"]._get("community.resident").id,
            "target_field_id": self.env["ir.model.fields"].search([
                ("model", "=", "community.resident"),
                ("name", "=", "community_id")]).id,
        })
        for method in ("evaluate", "_evaluate", "_aggregate"):
            with self.assertRaises(REFUSED):
                self.rpc(self.street_clerk, "eval.rule", method, rule.ids,
                         "2000-01-01", "2100-12-31")

    def test_errors_name_no_unreadable_campaign(self):
        """A clerk of street B who guesses the id of street A's closed
        campaign learns neither its name nor its state."""
        self.campaign.sheet_ids.sudo().unlink()
        self.campaign.write({"state": "closed"})
        Sheet = self.env["eval.sheet"].sudo(self.street_clerk_b.id)
        with self.assertRaises((AccessError, UserError)) as caught:
            Sheet.create({"campaign_id": self.campaign.id,
                          "target_community_id": self.community_b1.id,
                          "source": "paper"})
        self.assertNotIn(self.campaign.name, str(caught.exception))
        with self.assertRaises(AccessError) as caught:
            self.rpc(self.street_clerk_b, "eval.campaign", "action_compute",
                     self.campaign.ids)
        self.assertNotIn(self.campaign.name, str(caught.exception))
        # who may read it is told which campaign and why
        with self.assertRaises(UserError) as caught:
            self.rpc(self.street_clerk, "eval.campaign", "action_compute",
                     self.campaign.ids)
        self.assertIn(self.campaign.name, str(caught.exception))
