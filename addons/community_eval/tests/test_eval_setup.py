# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The evaluation set-up of issue 16, item 8, and the campaign list of
item 10: what the campaign's pickers offer, what an evaluator may change
on their sheet, what the sheet's lines show them, and the counts of the
list computed without loading the sheets."""
import datetime

from odoo.exceptions import AccessError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.community_base.tools import roles

from ..tools import demo_loader
from .common import EvalCase


class TestEvalSetUp(EvalCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluator_b = cls._create_user("evaluator_b", roles.EVALUATOR)
        cls._set_street(cls.evaluator_b, cls.street_b)
        range_type = cls.quarters[1].type_id
        cls.year = cls._create_range("2026", range_type, "2026-01-01",
                                     "2026-12-31")
        cls.odd_span = cls._create_range("2026-02/04", range_type,
                                         "2026-02-01", "2026-04-30")

    def _picker(self, field, user, **form):
        """The records the campaign form's picker of ``field`` offers
        ``user``, its domain evaluated as the client does with the form's
        values ``form``."""
        Campaign = self.env["eval.campaign"].sudo(user.id)
        description = Campaign.fields_get([field])[field]
        domain = description.get("domain") or []
        if isinstance(domain, str):
            domain = safe_eval(domain, form)
        return self.env[description["relation"]].sudo(user.id).search(
            domain)

    # -- A1: the campaign's pickers --------------------------------------

    def test_period_picker_offers_the_schemes_kind_of_period(self):
        self.assertEqual(self.march.eval_period_type, "month")
        self.assertEqual(self.quarters[2].eval_period_type, "quarter")
        self.assertEqual(self.year.eval_period_type, "year")
        self.assertFalse(self.odd_span.eval_period_type)
        offered = self._picker(
            "date_range_id", self.street_admin, period_type="quarter",
            company_id=self.street_a.id)
        self.assertIn(self.quarters[1], offered)
        self.assertIn(self.quarters[3], offered)
        for other in (self.march, self.year, self.odd_span):
            self.assertNotIn(other, offered, other.name)
        monthly = self._picker(
            "date_range_id", self.street_admin, period_type="month",
            company_id=self.street_a.id)
        self.assertIn(self.march, monthly)
        self.assertNotIn(self.quarters[1], monthly)

    def test_period_picker_follows_the_campaigns_scheme(self):
        campaign = self._create_campaign()
        self.assertEqual(campaign.period_type, "quarter")
        self.scheme.period_type = "month"
        self.assertEqual(campaign.period_type, "month")

    def test_evaluator_picker_offers_the_streets_evaluators(self):
        offered = self._picker(
            "evaluator_ids", self.street_clerk, company_id=self.street_a.id)
        self.assertIn(self.evaluator, offered)
        self.assertIn(self.evaluator2, offered)
        for user in (self.evaluator_b, self.street_clerk, self.leader,
                     self.env.ref("base.user_root")):
            self.assertNotIn(user, offered, user.login)

    def test_staff_picker_offers_the_streets_staff(self):
        offered = self._picker(
            "staff_ids", self.street_clerk, company_id=self.street_a.id)
        self.assertIn(self.street_clerk, offered)
        for user in (self.street_clerk_b, self.portal_user):
            self.assertNotIn(user, offered, user.login)

    # -- A2: the evaluator's own sheet -----------------------------------

    def _open_campaign(self):
        campaign = self._create_campaign(evaluators=self.evaluator)
        campaign.sudo(self.street_clerk.id).action_open()
        return campaign

    def test_evaluator_cannot_move_their_sheet(self):
        campaign = self._open_campaign()
        other = self._create_campaign(2, evaluators=self.evaluator)
        other.sudo(self.street_clerk.id).action_open()
        sheet = self._sheet_of(campaign, self.evaluator, self.community_a1)
        mine = sheet.sudo(self.evaluator.id)
        self.assertTrue(mine.setup_locked)
        for vals in ({"campaign_id": other.id},
                     {"target_community_id": self.community_a2.id},
                     {"source": "paper"}):
            with self.assertRaises(AccessError) as refused:
                mine.write(vals)
            message = refused.exception.name
            # the sheet by its target and campaign, the field by its label
            self.assertIn(self.community_a1.name, message)
            self.assertIn(campaign.name, message)
            field = list(vals)[0]
            self.assertNotIn(field, message)
            self.assertIn(sheet._fields[field].string, message)
        self.assertEqual(sheet.campaign_id, campaign)
        self.assertEqual(sheet.target_community_id, self.community_a1)
        # the answers stay theirs to enter
        mine.write({"respondent": "A-1", "line_ids": [
            (1, sheet.line_ids[0].id, {"answer": "satisfied"})]})
        self.assertEqual(sheet.line_ids[0].answer, "satisfied")

    def test_set_up_roles_keep_their_rights(self):
        campaign = self._open_campaign()
        sheet = self._sheet_of(campaign, self.evaluator, self.community_a1)
        for user in (self.street_clerk, self.street_admin):
            theirs = sheet.sudo(user.id)
            self.assertFalse(theirs.setup_locked, user.login)
            theirs.write({"target_community_id": self.community_a2.id})
            self.assertEqual(sheet.target_community_id, self.community_a2)
            theirs.write({"target_community_id": self.community_a1.id})

    # -- A3, A4: what a sheet line shows ---------------------------------

    def test_lines_show_the_rating_given_or_to_give(self):
        campaign = self._open_campaign()
        sheet = self._sheet_of(campaign, self.evaluator, self.community_a1)
        lines = sheet.sudo(self.evaluator.id).line_ids.sorted("sequence")
        service, _overall, facilities = lines
        summaries = lines.mapped("answer_summary")
        self.assertTrue(all(summaries), summaries)
        self.assertEqual(service.answer_summary, "To answer")
        service.answer = "basic"
        facilities.points = 8
        self.assertEqual(service.answer_summary, "Basically satisfied")
        self.assertIn("8", facilities.answer_summary)
        self.assertIn("10", facilities.answer_summary)

    def test_lines_show_the_scoring_guidance(self):
        self.service.description = "Is the counter staff patient?"
        campaign = self._open_campaign()
        sheet = self._sheet_of(campaign, self.evaluator, self.community_a1)
        service, overall, facilities = sheet.sudo(
            self.evaluator.id).line_ids.sorted("sequence")
        self.assertIn("Is the counter staff patient?", service.guidance)
        # the answers and their points (satisfied 100, basic 80)
        for text in ("Satisfied", "Basically satisfied", "Dissatisfied",
                     "100", "80"):
            self.assertIn(text, overall.guidance)
        self.assertIn("10", facilities.guidance)

    # -- B: the campaign list --------------------------------------------

    def _list_queries(self, user):
        """Queries of the campaign list's data request."""
        Campaign = self.env["eval.campaign"].sudo(user.id)
        Campaign.invalidate_cache()
        before = self.cr.sql_log_count
        rows = Campaign.search_read(
            [("company_id", "=", self.street_a.id)],
            ["name", "scheme_id", "date_start", "date_end",
             "response_count", "company_id", "state"])
        return self.cr.sql_log_count - before, rows

    def test_list_counts_without_loading_the_sheets(self):
        campaign = self._open_campaign()
        done = self._sheet_of(campaign, self.evaluator, self.community_a1)
        self._fill(done.sudo(self.evaluator.id),
                   ["satisfied", "basic", 5])
        self._list_queries(self.leader)  # rules and groups cached
        queries, rows = self._list_queries(self.leader)
        # the leader may read no sheet, and reads the counts
        self.assertEqual([row["response_count"] for row in rows], [1])
        self.assertEqual(campaign.sudo(self.leader.id).sheet_count, 2)
        # a survey company's 2,500 questionnaires: the same queries
        campaign._insert_done_sheets([
            (self.community_a2.id, "Q%04d" % number, [
                (self.service.id, "satisfied", 0.0, 100.0)])
            for number in range(2500)])
        more, rows = self._list_queries(self.leader)
        self.assertEqual([row["response_count"] for row in rows], [2501])
        self.assertEqual(more, queries)


class TestDemoEvaluatorSheets(EvalCase):
    """The demo evaluator lands on sheets to fill in, also in a database
    with no functional department yet (the generated demo street has
    none as partners)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.model.data"].create({
            "module": "community_base", "name": "district_demo",
            "model": "res.company", "res_id": cls.district.id})
        cls.evaluator.login = "evaluator"

    def test_demo_evaluator_has_open_sheets_of_a_current_campaign(self):
        self.env["res.partner"].search(
            [("organisation_type", "=", "department")]).write(
                {"organisation_type": False})
        today = datetime.date(2026, 12, 5)
        demo_loader.load_demo(self.env, seed=3, today=today)
        Sheet = self.env["eval.sheet"].sudo(self.evaluator.id)
        action = self.env.ref("community_eval.eval_sheet_my_action")
        domain = safe_eval(action.domain, {"uid": self.evaluator.id}) + [
            ("state", "=", "draft")]
        sheets = Sheet.search(domain)
        self.assertTrue(sheets)
        campaigns = sheets.mapped("campaign_id")
        self.assertEqual(set(campaigns.mapped("state")), {"open"})
        for campaign in campaigns:
            self.assertLessEqual(campaign.date_start, str(today))
            self.assertGreaterEqual(campaign.date_end, str(today))
