# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import EvalCase


class TestEvalIndicatorInbound(EvalCase):
    """The shipped indicator of the communities' rating of the departments
    that counts the inbound work each department sent: the share admitted
    and not refused, which every item not admitted or refused lowers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.civil = Partner.create({
            "name": "Test Civil Affairs", "is_company": True,
            "organisation_type": "department"})
        cls.urban = Partner.create({
            "name": "Test Urban Management", "is_company": True,
            "organisation_type": "department"})
        Department = cls.env["hr.department"]
        cls.civil_department = Department.create({
            "name": "Test Civil Affairs Bureau", "partner_id": cls.civil.id})
        cls.urban_department = Department.create({
            "name": "Test Urban Management Bureau",
            "partner_id": cls.urban.id})
        request = cls.env["community.admission.request"].create({
            "name": "Elderly allowance survey",
            "department_id": cls.civil_department.id,
            "task_type": "survey", "legal_basis": "Elderly Law",
            "community_ids": [(6, 0, cls.community_a1.ids)],
            "company_id": cls.street_a.id,
            "date_start": "2026-01-01", "date_end": "2026-12-31"})
        request.write({"state": "approved"})
        cls.indicator = cls.env.ref(
            "community_eval.eval_indicator_department_inbound_admitted")
        cls.scheme = cls.indicator.scheme_id
        cls.year = cls._create_range(
            "2026", cls.march.type_id, "2026-01-01", "2026-12-31")
        Inbound = cls.env["community.task.inbound"]
        cls.items = Inbound.browse()
        # civil affairs: four admitted forms in A1, one meeting not admitted
        for number in range(4):
            cls.items |= Inbound.create({
                "name": "Allowance forms %s" % number, "kind": "form",
                "department_id": cls.civil_department.id,
                "community_id": cls.community_a1.id,
                "date_received": "2026-03-%02d" % (number + 2)})
        cls.meeting = Inbound.create({
            "name": "Weekly meeting", "kind": "meeting",
            "department_id": cls.civil_department.id,
            "community_id": cls.community_a1.id,
            "date_received": "2026-03-20"})
        # urban management: two campaigns, none admitted
        for community in (cls.community_a1, cls.community_a2):
            Inbound.create({
                "name": "Civilised city campaign", "kind": "campaign",
                "department_id": cls.urban_department.id,
                "community_id": community.id,
                "date_received": "2026-04-01"})
        # another street's item and last year's are not counted
        Inbound.create({
            "name": "Other street forms", "kind": "form",
            "department_id": cls.civil_department.id,
            "community_id": cls.community_b1.id,
            "date_received": "2026-03-02"})
        Inbound.create({
            "name": "Last year's forms", "kind": "meeting",
            "department_id": cls.civil_department.id,
            "community_id": cls.community_a1.id,
            "date_received": "2025-12-30"})

    def _values(self):
        campaign = self.env["eval.campaign"].create({
            "name": "Departments 2026", "scheme_id": self.scheme.id,
            "company_id": self.street_a.id, "date_range_id": self.year.id,
            "department_ids": [(6, 0, (self.civil | self.urban).ids)],
            "evaluator_ids": [(6, 0, self.evaluator.ids)]})
        campaign.action_open()
        campaign.action_compute()
        values = {}
        for department in (self.civil, self.urban):
            line = self.result_of(campaign, department).line_ids.filtered(
                lambda line: line.indicator_id == self.indicator)
            values[department] = line.value if line.has_value else None
        return values

    def test_share_admitted_and_not_refused_per_department(self):
        values = self._values()
        self.assertAlmostEqual(values[self.civil], 80.0)
        self.assertAlmostEqual(values[self.urban], 0.0)

    def test_a_refused_item_lowers_its_department(self):
        item = self.items[0]
        item.write({"refuse_reason": "No staff for it this month"})
        item.action_refuse()
        values = self._values()
        self.assertAlmostEqual(values[self.civil], 60.0)
        self.assertAlmostEqual(values[self.urban], 0.0)

    def test_an_item_not_admitted_lowers_its_department(self):
        self.env["community.task.inbound"].create({
            "name": "Sign board", "kind": "sign",
            "department_id": self.civil_department.id,
            "community_id": self.community_a1.id,
            "date_received": "2026-05-05"})
        self.assertAlmostEqual(self._values()[self.civil], 400.0 / 6, places=2)
