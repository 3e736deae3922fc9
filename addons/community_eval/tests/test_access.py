# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import EvalCase


class TestEvalAccess(EvalCase):
    """Evaluators enter only their own sheets and see no one else's scores
    before the campaign closes; targets never see who scored them; leaders
    read results."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls._create_campaign(
            evaluators=cls.evaluator | cls.evaluator2)
        cls.campaign.action_open()
        cls.own_sheet = cls.campaign.sheet_ids.filtered(
            lambda sheet: sheet.evaluator_user_id == cls.evaluator)[0]
        cls.other_sheet = cls.campaign.sheet_ids.filtered(
            lambda sheet: sheet.evaluator_user_id == cls.evaluator2)[0]

    def test_evaluator_lists_only_own_sheets(self):
        sheets = self.env["eval.sheet"].sudo(self.evaluator.id).search([])
        self.assertEqual(len(sheets), 2)
        self.assertEqual(sheets.mapped("evaluator_user_id"), self.evaluator)

    def test_evaluator_cannot_read_another_evaluators_sheet(self):
        with self.assertRaises(AccessError):
            self.other_sheet.sudo(self.evaluator.id).read(["line_ids"])
        lines = self.env["eval.sheet.line"].sudo(self.evaluator.id).search(
            [("sheet_id", "=", self.other_sheet.id)])
        self.assertFalse(lines)

    def test_evaluator_cannot_score_another_evaluators_sheet(self):
        line = self.other_sheet.line_ids[0]
        with self.assertRaises(AccessError):
            line.sudo(self.evaluator.id).write({"answer": "dissatisfied"})

    def test_evaluator_scores_own_sheet(self):
        self._fill(self.own_sheet.sudo(self.evaluator.id),
                   ["satisfied", "basic", 7])
        self.assertEqual(self.own_sheet.state, "done")

    def test_evaluator_cannot_change_own_sheet_after_close(self):
        self.campaign.action_close()
        with self.assertRaises((AccessError, UserError)):
            self.own_sheet.line_ids[0].sudo(self.evaluator.id).write(
                {"answer": "dissatisfied"})

    def test_evaluator_sees_results_only_after_close(self):
        Result = self.env["eval.result"].sudo(self.evaluator.id)
        self.assertFalse(Result.search([]))
        self.campaign.action_close()
        self.assertEqual(Result.search([]), self.campaign.result_ids)

    def test_evaluator_does_not_see_campaigns_not_scored(self):
        other = self._create_campaign(quarter=2, evaluators=self.evaluator2)
        campaigns = self.env["eval.campaign"].sudo(self.evaluator.id).search(
            [])
        self.assertIn(self.campaign, campaigns)
        self.assertNotIn(other, campaigns)

    def test_community_clerk_reads_no_sheet(self):
        with self.assertRaises(AccessError):
            self.env["eval.sheet"].sudo(self.community_clerk.id).search([])
        with self.assertRaises(AccessError):
            self.env["eval.sheet.line"].sudo(
                self.community_clerk.id).search([])

    def test_community_clerk_reads_own_community_result_only(self):
        self.campaign.action_close()
        results = self.env["eval.result"].sudo(
            self.community_clerk.id).search([])
        self.assertEqual(results.mapped("target_community_id"),
                         self.community_a1)
        a2 = self.result_of(self.campaign, self.community_a2)
        with self.assertRaises(AccessError):
            a2.sudo(self.community_clerk.id).read(["weighted_score"])

    def test_result_names_no_evaluator(self):
        fields = self.env["eval.result"]._fields
        fields_line = self.env["eval.result.line"]._fields
        for name, field in list(fields.items()) + list(fields_line.items()):
            self.assertNotEqual(
                getattr(field, "comodel_name", None), "eval.sheet", name)
            self.assertNotIn("evaluator", name)

    def test_leader_reads_results_not_sheets(self):
        self.campaign.action_close()
        results = self.env["eval.result"].sudo(self.leader.id).search([])
        self.assertEqual(results, self.campaign.result_ids)
        with self.assertRaises(AccessError):
            self.env["eval.sheet"].sudo(self.leader.id).search([])
        with self.assertRaises(AccessError):
            results[0].sudo(self.leader.id).write({"rank": 9})
        with self.assertRaises(AccessError):
            self.env["eval.campaign"].sudo(self.leader.id).create({
                "name": "Leader's", "scheme_id": self.scheme.id,
                "date_range_id": self.quarters[2].id})

    def test_street_clerk_of_other_street_sees_nothing(self):
        user = self.street_clerk_b.id
        self.assertFalse(self.env["eval.campaign"].sudo(user).search([]))
        self.assertFalse(self.env["eval.sheet"].sudo(user).search([]))
        self.assertFalse(self.env["eval.result"].sudo(user).search([]))

    def test_street_clerk_enters_paper_form(self):
        sheet = self._paper_sheet(self.campaign, self.community_a2,
                                  ["basic", "basic", 5])
        self.assertEqual(sheet.state, "done")
        self.assertEqual(sheet.company_id, self.street_a)

    def test_evaluator_cannot_configure(self):
        with self.assertRaises(AccessError):
            self.scheme.sudo(self.evaluator.id).write({"min_sample": 0})
        with self.assertRaises(AccessError):
            self.env["eval.rule"].sudo(self.evaluator.id).search([])

    def test_staff_member_reads_own_result_not_colleagues(self):
        scheme = self.scheme.copy({"code": "TEST-STAFF-Q",
                                   "target_type": "staff"})
        campaign = self._create_campaign(
            scheme=scheme, evaluators=self.evaluator,
            staff_ids=[(6, 0, (self.community_clerk
                               | self.community_clerk_a2).ids)])
        campaign.action_open()
        campaign.action_close()
        results = self.env["eval.result"].sudo(
            self.community_clerk_a2.id).search(
                [("campaign_id", "=", campaign.id)])
        self.assertEqual(results.mapped("target_user_id"),
                         self.community_clerk_a2)
        with self.assertRaises(AccessError):
            self.env["eval.sheet"].sudo(self.community_clerk_a2.id).search(
                [("campaign_id", "=", campaign.id)])

    def test_each_role_opens_its_menus(self):
        """What the web client does for each menu a role sees: load the
        views, search and read their fields, without an access error."""
        self.campaign.action_close()
        checks = {
            "eval_campaign_action": (self.street_clerk, self.leader,
                                     self.evaluator),
            "eval_sheet_action": (self.street_clerk,),
            "eval_sheet_my_action": (self.evaluator,),
            "eval_result_action": (self.community_clerk, self.leader,
                                   self.street_clerk, self.evaluator),
            "eval_title_award_action": (self.community_clerk, self.leader),
            "eval_staff_check_action": (self.street_clerk, self.leader),
            "eval_scheme_action": (self.street_admin,),
            "eval_rule_action": (self.street_admin,),
            "eval_title_action": (self.street_admin,),
        }
        for xmlid, users in checks.items():
            action = self.env.ref("community_eval.%s" % xmlid)
            for user in users:
                self.open_action(action, user)
        sheets = self.open_action(
            self.env.ref("community_eval.eval_sheet_my_action"),
            self.evaluator)
        self.assertEqual(sheets.mapped("evaluator_user_id"), self.evaluator)

    def test_evaluator_cannot_add_a_sheet(self):
        with self.assertRaises(AccessError):
            self.env["eval.sheet"].sudo(self.evaluator.id).create({
                "campaign_id": self.campaign.id,
                "target_community_id": self.community_a1.id,
                "evaluator_user_id": self.evaluator.id})

    def test_evaluator_cannot_retarget_own_sheet(self):
        sheet = self.own_sheet.sudo(self.evaluator.id)
        # the refusal names the fields by their labels
        with self.assertRaisesRegex(AccessError, "Target community"):
            sheet.write({"target_community_id": self.community_b1.id})
        with self.assertRaisesRegex(AccessError, "Evaluator"):
            sheet.write({"evaluator_user_id": self.evaluator2.id})
        with self.assertRaisesRegex(AccessError, "Indicator"):
            sheet.line_ids[0].write(
                {"indicator_id": sheet.line_ids[1].indicator_id.id})
        self.assertEqual(self.own_sheet.evaluator_user_id, self.evaluator)

    def test_only_street_admin_reopens(self):
        self.campaign.action_close()
        with self.assertRaises(AccessError):
            self.campaign.sudo(self.street_clerk.id).action_reopen()
        self.assertEqual(self.campaign.state, "closed")
        self.campaign.sudo(self.street_admin.id).action_reopen()
        self.assertEqual(self.campaign.state, "open")

    def test_rated_clerk_does_not_see_sheets_about_them(self):
        scheme = self.scheme.copy({"code": "TEST-CADRES",
                                   "target_type": "staff"})
        campaign = self._create_campaign(
            scheme=scheme, evaluators=self.evaluator,
            staff_ids=[(6, 0, (self.street_clerk | self.leader).ids)])
        campaign.sudo(self.street_clerk.id).action_open()
        self.assertEqual(len(campaign.sheet_ids), 2)
        sheets = self.env["eval.sheet"].sudo(self.street_clerk.id).search(
            [("campaign_id", "=", campaign.id)])
        self.assertEqual(sheets.mapped("target_user_id"), self.leader)
        about_clerk = campaign.sheet_ids.filtered(
            lambda sheet: sheet.target_user_id == self.street_clerk)
        with self.assertRaises(AccessError):
            about_clerk.sudo(self.street_clerk.id).read(["evaluator_user_id"])
