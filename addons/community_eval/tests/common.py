# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import CommunityCase, StreetRoleCase


class EvalRoleCase(StreetRoleCase):
    """The street roles plus an evaluator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluator = cls._create_user(
            "evaluator", "community_eval.group_evaluator")


class EvalCase(CommunityCase):
    """CommunityCase plus two evaluators of street A, quarters and a month
    of 2026, and a resident survey scheme of street A with a known scoring:
    satisfied 100, basically satisfied 80, dissatisfied 0; indicators
    Service (weight 1), Overall (weight 2) and Facilities (0-10 points,
    weight 1). Built without demo data or the shipped schemes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluator = cls._create_user(
            "evaluator", "community_eval.group_evaluator")
        cls.evaluator2 = cls._create_user(
            "evaluator2", "community_eval.group_evaluator")
        for user in (cls.evaluator, cls.evaluator2):
            cls._set_street(user, cls.street_a)
        range_type = cls.env["date.range.type"].create(
            {"name": "Test period", "allow_overlap": True})
        cls.quarters = {
            number: cls._create_range("2026Q%s" % number, range_type, start,
                                      end)
            for number, start, end in (
                (1, "2026-01-01", "2026-03-31"),
                (2, "2026-04-01", "2026-06-30"),
                (3, "2026-07-01", "2026-09-30"))}
        cls.march = cls._create_range("2026-03", range_type, "2026-03-01",
                                      "2026-03-31")
        cls.scheme = cls.env["eval.scheme"].create({
            "name": "Test residents rate communities",
            "code": "TEST-RES",
            "company_id": cls.street_a.id,
            "evaluator_kind": "resident",
            "target_type": "community",
            "period_type": "quarter",
            "points_satisfied": 100, "points_basic": 80,
            "points_dissatisfied": 0,
            "indicator_ids": [
                (0, 0, {"name": "Service", "sequence": 1, "weight": 1}),
                (0, 0, {"name": "Overall", "sequence": 2, "weight": 2}),
                (0, 0, {"name": "Facilities", "sequence": 3, "weight": 1,
                        "scale": "points", "max_points": 10}),
            ],
        })
        cls.service, cls.overall, cls.facilities = cls.scheme.indicator_ids

    @classmethod
    def _create_range(cls, name, range_type, start, end):
        return cls.env["date.range"].create({
            "name": name, "type_id": range_type.id, "date_start": start,
            "date_end": end, "company_id": False})

    @classmethod
    def _create_campaign(cls, quarter=1, communities=None, evaluators=None,
                         scheme=None, date_range=None, **vals):
        vals.update({
            "name": "Survey 2026Q%s" % quarter,
            "scheme_id": (scheme or cls.scheme).id,
            "company_id": cls.street_a.id,
            "date_range_id": (date_range or cls.quarters[quarter]).id,
            "community_ids": [(6, 0, (
                communities or cls.community_a1 | cls.community_a2).ids)],
            "evaluator_ids": [(6, 0, evaluators.ids if evaluators else [])],
        })
        return cls.env["eval.campaign"].create(vals)

    @staticmethod
    def _fill(sheet, answers):
        """Answer ``sheet``'s lines in indicator order: a string is a
        satisfaction answer, a number points; then submit it."""
        for line, answer in zip(sheet.line_ids.sorted("sequence"), answers):
            if isinstance(answer, str):
                line.answer = answer
            else:
                line.points = answer
        sheet.action_submit()
        return sheet

    def _paper_sheet(self, campaign, community, answers, user=None):
        """A paper form entered by ``user`` (the street clerk)."""
        Sheet = self.env["eval.sheet"].sudo((user or self.street_clerk).id)
        sheet = Sheet.create({
            "campaign_id": campaign.id,
            "target_community_id": community.id,
            "source": "paper",
        })
        return self._fill(sheet, answers)

    def _sheet_of(self, campaign, evaluator, community):
        return campaign.sheet_ids.filtered(
            lambda sheet: sheet.evaluator_user_id == evaluator
            and sheet.target_community_id == community)

    def _scored_campaign(self, quarter=1):
        """The known data set: two evaluators score A1 and A2 online.

        A1: Service 100/80, Overall 100/0, Facilities 8/6 ->
            90, 50, 70 -> (90 + 2*50 + 70) / 4 = 65.0; rate 3/4 = 75 %.
        A2: Service 80/0, Overall 80/80, Facilities 10/4 ->
            40, 80, 70 -> (40 + 2*80 + 70) / 4 = 67.5; rate 3/4 = 75 %.
        """
        campaign = self._create_campaign(
            quarter, evaluators=self.evaluator | self.evaluator2)
        campaign.sudo(self.street_clerk.id).action_open()
        answers = {
            (self.evaluator, self.community_a1): ["satisfied", "satisfied", 8],
            (self.evaluator2, self.community_a1): ["basic", "dissatisfied", 6],
            (self.evaluator, self.community_a2): ["basic", "basic", 10],
            (self.evaluator2, self.community_a2): ["dissatisfied", "basic", 4],
        }
        for (evaluator, community), values in answers.items():
            sheet = self._sheet_of(campaign, evaluator, community)
            self._fill(sheet.sudo(evaluator.id), values)
        return campaign

    def result_of(self, campaign, target):
        return campaign.result_ids.filtered(
            lambda result: result.target() == target)
