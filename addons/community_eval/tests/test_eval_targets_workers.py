# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Community workers, building heads and street sections are evaluation
targets (双向考核): building heads rate the community cadres, the cadres
rate the building heads, communities rate the street's sections."""
from .common import EvalCase


class TestWorkerTargets(EvalCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Worker = cls.env["community.worker"]
        cls.worker_1 = Worker.create({
            "name": "Zhao Min", "community_id": cls.community_a1.id,
            "category": "committee"})
        cls.worker_2 = Worker.create({
            "name": "Qian Hong", "community_id": cls.community_a2.id,
            "category": "hired"})
        cls.worker_b = Worker.create({
            "name": "Zhou Li", "community_id": cls.community_b1.id,
            "category": "hired"})
        cls.building_head = cls.env["community.post"].create({
            "type_id": cls.env.ref(
                "community_base.community_post_type_building_head").id,
            "resident_id": cls.resident_a1.id,
            "building_id": cls.building_a1.id, "date_start": "2026-01-01"})
        cls.section = cls.env["hr.department"].create({
            "name": "Community building section",
            "company_id": cls.street_a.id})

    def _scheme(self, target_type, evaluator_kind):
        return self.env["eval.scheme"].create({
            "name": "Rate %s" % target_type, "code": "T-%s" % target_type,
            "company_id": self.street_a.id,
            "evaluator_kind": evaluator_kind, "target_type": target_type,
            "period_type": "quarter",
            "points_satisfied": 100, "points_basic": 80,
            "points_dissatisfied": 0,
            "indicator_ids": [(0, 0, {"name": "Service", "weight": 1})]})

    def _open(self, target_type, evaluator_kind="building_head", **vals):
        campaign = self._create_campaign(
            scheme=self._scheme(target_type, evaluator_kind),
            evaluators=self.evaluator | self.evaluator2, **vals)
        campaign.sudo(self.street_clerk).action_open()
        return campaign

    def test_building_heads_rate_the_workers_of_the_street(self):
        campaign = self._open("worker")
        # every worker of street A (not B's), by each evaluator
        self.assertEqual(campaign.targets(), self.worker_1 | self.worker_2)
        self.assertEqual(len(campaign.sheet_ids), 4)
        self.assertEqual(
            set(campaign.result_ids.mapped("target_worker_id")),
            {self.worker_1, self.worker_2})
        for sheet in campaign.sheet_ids:
            answer = ("satisfied" if sheet.target_worker_id == self.worker_1
                      else "dissatisfied")
            self._fill(sheet.sudo(sheet.evaluator_user_id.id), [answer])
        campaign.sudo(self.street_clerk).action_compute()
        results = {result.target_worker_id: result
                   for result in campaign.result_ids}
        self.assertEqual(results[self.worker_1].target_name, "Zhao Min")
        self.assertEqual(results[self.worker_1].rank, 1)
        self.assertEqual(results[self.worker_2].rank, 2)

    def test_chosen_workers_only(self):
        campaign = self._open("worker", worker_ids=[(6, 0, self.worker_2.ids)])
        self.assertEqual(campaign.result_ids.mapped("target_worker_id"),
                         self.worker_2)

    def test_cadres_rate_building_heads(self):
        campaign = self._open("building_head", "cadre")
        self.assertEqual(campaign.result_ids.mapped("target_post_id"),
                         self.building_head)
        self.assertEqual(len(campaign.sheet_ids), 2)

    def test_communities_rate_street_sections(self):
        campaign = self._open("section", "community")
        self.assertIn(self.section,
                      campaign.result_ids.mapped("target_section_id"))
        self.assertEqual(
            campaign.sheet_ids.filtered(
                lambda sheet: sheet.target_section_id == self.section
            ).mapped("target_name"), ["Community building section"] * 2)
