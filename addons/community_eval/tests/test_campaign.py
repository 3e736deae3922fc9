# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import EvalCase


class TestCampaign(EvalCase):
    """A campaign from generation to ranking on a known data set."""

    def test_open_generates_a_sheet_per_evaluator_and_target(self):
        campaign = self._create_campaign(
            evaluators=self.evaluator | self.evaluator2)
        campaign.sudo(self.street_clerk.id).action_open()
        self.assertEqual(campaign.state, "open")
        self.assertEqual(len(campaign.sheet_ids), 4)
        for sheet in campaign.sheet_ids:
            self.assertEqual(sheet.line_ids.mapped("indicator_id"),
                             self.scheme.indicator_ids)
            self.assertEqual(sheet.source, "online")
        self.assertEqual(
            campaign.result_ids.mapped("target_community_id"),
            self.community_a1 | self.community_a2)

    def test_results_of_known_data_set(self):
        campaign = self._scored_campaign()
        # a draft paper sheet is not an answer
        self.env["eval.sheet"].sudo(self.street_clerk.id).create({
            "campaign_id": campaign.id,
            "target_community_id": self.community_a1.id})
        campaign.sudo(self.street_clerk.id).action_compute()
        a1 = self.result_of(campaign, self.community_a1)
        a2 = self.result_of(campaign, self.community_a2)
        self.assertEqual(a1.response_count, 2)
        self.assertAlmostEqual(a1.satisfaction_rate, 75.0)
        self.assertAlmostEqual(a1.weighted_score, 65.0)
        self.assertAlmostEqual(a2.satisfaction_rate, 75.0)
        self.assertAlmostEqual(a2.weighted_score, 67.5)
        self.assertEqual((a2.rank, a1.rank), (1, 2))
        scores = {line.indicator_id: line.score for line in a1.line_ids}
        self.assertAlmostEqual(scores[self.service], 90.0)
        self.assertAlmostEqual(scores[self.overall], 50.0)
        self.assertAlmostEqual(scores[self.facilities], 70.0)

    def test_satisfied_only_rate_when_basic_does_not_count(self):
        self.scheme.basic_counts_satisfied = False
        campaign = self._scored_campaign()
        campaign.action_compute()
        self.assertAlmostEqual(
            self.result_of(campaign, self.community_a1).satisfaction_rate,
            50.0)
        self.assertAlmostEqual(
            self.result_of(campaign, self.community_a2).satisfaction_rate,
            0.0)

    def test_paper_sheets_count_with_online_ones(self):
        campaign = self._scored_campaign()
        self._paper_sheet(campaign, self.community_a1,
                          ["satisfied", "satisfied", 10])
        campaign.action_compute()
        a1 = self.result_of(campaign, self.community_a1)
        self.assertEqual(a1.response_count, 3)
        # Service (100+80+100)/3, Overall (100+0+100)/3, Facilities 80
        expected = (280 / 3 + 2 * 200 / 3 + 80) / 4
        # stored with two decimals
        self.assertAlmostEqual(a1.weighted_score, expected, places=2)
        self.assertEqual(a1.rank, 1)

    def test_submit_refuses_unanswered_sheet(self):
        campaign = self._create_campaign(evaluators=self.evaluator)
        campaign.action_open()
        sheet = campaign.sheet_ids[0]
        with self.assertRaisesRegex(ValidationError, "Overall"):
            sheet.sudo(self.evaluator.id).action_submit()
        self.assertEqual(sheet.state, "draft")

    def test_points_above_maximum_refused(self):
        campaign = self._create_campaign(evaluators=self.evaluator)
        campaign.action_open()
        line = campaign.sheet_ids[0].line_ids.filtered(
            lambda line: line.indicator_id == self.facilities)
        with self.assertRaisesRegex(ValidationError, "Facilities"):
            line.points = 11

    def test_minimum_sample_refuses_closing(self):
        self.scheme.min_sample = 3
        campaign = self._scored_campaign()
        with self.assertRaises(ValidationError) as caught:
            campaign.sudo(self.street_clerk.id).action_close()
        self.assertIn("Community A1 (2)", str(caught.exception))
        self.assertIn("Community A2 (2)", str(caught.exception))
        self.assertEqual(campaign.state, "open")

    def test_minimum_sample_reached_closes(self):
        self.scheme.min_sample = 2
        campaign = self._scored_campaign()
        campaign.sudo(self.street_clerk.id).action_close()
        self.assertEqual(campaign.state, "closed")

    def test_closed_campaign_sheets_cannot_change(self):
        campaign = self._scored_campaign()
        campaign.action_close()
        sheet = campaign.sheet_ids[0]
        with self.assertRaisesRegex(UserError, campaign.name):
            sheet.line_ids[0].answer = "dissatisfied"
        with self.assertRaisesRegex(UserError, campaign.name):
            self._paper_sheet(campaign, self.community_a1,
                              ["satisfied", "satisfied", 10])

    def test_period_must_match_scheme(self):
        with self.assertRaisesRegex(ValidationError, "2026-03"):
            self._create_campaign(date_range=self.march)

    def test_scheme_of_another_street_refused(self):
        self.scheme.company_id = self.street_b
        with self.assertRaisesRegex(ValidationError, self.scheme.name):
            self._create_campaign()

    def test_open_without_target_refused(self):
        scheme = self.scheme.copy({"code": "TEST-STAFF",
                                   "target_type": "staff"})
        campaign = self._create_campaign(scheme=scheme)
        with self.assertRaisesRegex(UserError, campaign.name):
            campaign.action_open()
        self.assertEqual(campaign.state, "draft")

    def test_started_campaign_cannot_be_deleted(self):
        campaign = self._create_campaign()
        campaign.action_open()
        with self.assertRaisesRegex(UserError, campaign.name):
            campaign.unlink()

    def test_default_targets_are_the_street_communities(self):
        campaign = self._create_campaign()
        campaign.community_ids = False
        self.assertEqual(campaign.targets(),
                         self.community_a1 | self.community_a2)

    def test_one_result_per_target(self):
        campaign = self._create_campaign()
        campaign.action_open()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.env["eval.result"].create({
                    "campaign_id": campaign.id,
                    "target_community_id": self.community_a1.id})

    def test_communities_rate_departments_on_shipped_aspects(self):
        scheme = self.env.ref(
            "community_eval.eval_scheme_community_department")
        departments = self.env["res.partner"]
        for name in ("Test Civil Affairs", "Test Urban Management"):
            departments |= departments.create({
                "name": name, "is_company": True,
                "organisation_type": "department"})
        year = self.env["date.range"].create({
            "name": "2026", "type_id": self.march.type_id.id,
            "date_start": "2026-01-01", "date_end": "2026-12-31"})
        campaign = self.env["eval.campaign"].create({
            "name": "Departments 2026", "scheme_id": scheme.id,
            "company_id": self.street_a.id, "date_range_id": year.id,
            "department_ids": [(6, 0, departments.ids)],
            "evaluator_ids": [(6, 0, (self.evaluator | self.evaluator2).ids)],
        })
        campaign.action_open()
        self.assertEqual(len(campaign.sheet_ids), 4)
        civil, urban = departments
        for sheet in campaign.sheet_ids:
            answer = "satisfied" if sheet.target_partner_id == civil else (
                "basic" if sheet.evaluator_user_id == self.evaluator
                else "dissatisfied")
            self._fill(sheet.sudo(sheet.evaluator_user_id.id),
                       [answer] * 10)
        campaign.action_close()
        civil_result = self.result_of(campaign, civil)
        urban_result = self.result_of(campaign, urban)
        self.assertAlmostEqual(civil_result.weighted_score, 100.0)
        self.assertAlmostEqual(civil_result.satisfaction_rate, 100.0)
        # every aspect: (80 + 0) / 2 = 40; rate: 10 of 20 answers
        self.assertAlmostEqual(urban_result.weighted_score, 40.0)
        self.assertAlmostEqual(urban_result.satisfaction_rate, 50.0)
        self.assertEqual((civil_result.rank, urban_result.rank), (1, 2))
        self.assertEqual(urban_result.target_name, "Test Urban Management")
