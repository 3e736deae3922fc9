# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError

from .common import EvalCase


class TestRule(EvalCase):
    """Computed rules: a domain and an aggregate on any model, per target
    and period, and computed indicators in a campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Check = cls.env["eval.staff.check"]
        cls.staff = cls.community_clerk
        cls.staff2 = cls.community_clerk_a2
        for user, date, deduction in (
                (cls.staff, "2026-03-02", 3.0),
                (cls.staff, "2026-03-31", 2.0),
                (cls.staff, "2026-04-01", 7.0),    # next month
                (cls.staff2, "2026-03-15", 1.5)):
            Check.create({"user_id": user.id, "date": date,
                          "result": "issue", "deduction": deduction,
                          "company_id": cls.street_a.id})
        Check.create({"user_id": cls.staff2.id, "date": "2026-03-16",
                      "result": "ok", "company_id": cls.street_a.id})
        Check.create({"user_id": cls.staff2.id, "date": "2026-03-16",
                      "result": "issue", "deduction": 9,
                      "company_id": cls.street_b.id})   # another street

    def _field(self, model, name):
        return self.env["ir.model.fields"].search(
            [("model", "=", model), ("name", "=", name)])

    def _rule(self, model, aggregate="count", field=None, target="user_id",
              date="date", domain="[]", **vals):
        vals.update({
            "name": "Test rule %s %s" % (aggregate, field or ""),
            "model_id": self.env["ir.model"]._get(model).id,
            "aggregate": aggregate,
            "field_id": field and self._field(model, field).id,
            "target_field_id": self._field(model, target).id,
            "date_field_id": date and self._field(model, date).id,
            "domain": domain,
        })
        return self.env["eval.rule"].create(vals)

    def test_count_per_target_in_period_and_street(self):
        rule = self._rule("eval.staff.check", domain="[('result', '=', 'issue')]")
        values = rule._evaluate("2026-03-01", "2026-03-31", self.street_a,
                                (self.staff | self.staff2).ids)
        self.assertEqual(values, {self.staff.id: 2.0, self.staff2.id: 1.0})

    def test_sum_and_average(self):
        total = self._rule("eval.staff.check", "sum", "deduction",
                           domain="[('result', '=', 'issue')]")
        average = self._rule("eval.staff.check", "avg", "deduction",
                             domain="[('result', '=', 'issue')]")
        targets = (self.staff | self.staff2 | self.street_clerk).ids
        self.assertEqual(
            total._evaluate("2026-03-01", "2026-03-31", self.street_a, targets),
            {self.staff.id: 5.0, self.staff2.id: 1.5,
             self.street_clerk.id: 0.0})
        # an average of nothing is no value, not zero
        self.assertEqual(
            average._evaluate("2026-03-01", "2026-03-31", self.street_a,
                              targets),
            {self.staff.id: 2.5, self.staff2.id: 1.5})

    def test_ratio_of_two_rules(self):
        issues = self._rule("eval.staff.check",
                            domain="[('result', '=', 'issue')]")
        checks = self._rule("eval.staff.check")
        issues.denominator_rule_id = checks
        values = issues._evaluate("2026-03-01", "2026-03-31", self.street_a,
                                  (self.staff | self.staff2).ids)
        self.assertEqual(values, {self.staff.id: 100.0, self.staff2.id: 50.0})

    def test_rule_refuses_sum_without_field(self):
        with self.assertRaisesRegex(ValidationError, "Test rule sum"):
            self._rule("eval.staff.check", "sum")

    def test_rule_refuses_non_numeric_field(self):
        with self.assertRaisesRegex(ValidationError, "note"):
            self._rule("eval.staff.check", "sum", "note")

    def test_rule_refuses_bad_domain(self):
        with self.assertRaisesRegex(ValidationError, "no_such_field"):
            self._rule("eval.staff.check",
                       domain="[('no_such_field', '=', 1)]")

    def test_rule_refuses_dividing_by_itself(self):
        rule = self._rule("eval.staff.check")
        with self.assertRaisesRegex(ValidationError, rule.name):
            rule.denominator_rule_id = rule

    def test_computed_indicator_reads_grid_data(self):
        if "grid.visit" not in self.env:
            self.skipTest("community_grid is not installed: no grid.visit")
        officer = self.street_clerk
        Visit = self.env["grid.visit"]
        for household, date in (
                (self.household_a1, "2026-01-10"),
                (self.household_a1, "2026-02-10"),
                (self.household_a1b, "2026-03-31"),
                (self.household_a1b, "2026-04-01"),   # next quarter
                (self.household_a2, "2026-02-20")):
            Visit.create({"officer_id": officer.id,
                          "household_id": household.id, "date": date,
                          "purpose": "routine"})
        rule = self._rule("grid.visit", target="community_id")
        self.scheme.indicator_ids = [(5, 0, 0), (0, 0, {
            "name": "Visits", "source": "computed", "rule_id": rule.id,
            "target_value": 4, "weight": 1})]
        campaign = self._create_campaign()
        campaign.action_open()
        campaign.action_compute()
        a1 = self.result_of(campaign, self.community_a1)
        a2 = self.result_of(campaign, self.community_a2)
        self.assertEqual(a1.line_ids.value, 3.0)
        self.assertAlmostEqual(a1.weighted_score, 75.0)
        self.assertAlmostEqual(a2.weighted_score, 25.0)
        self.assertEqual((a1.rank, a2.rank), (1, 2))

    def test_computed_and_entered_indicators_together(self):
        rule = self._rule("eval.staff.check", "sum", "deduction",
                          domain="[('result', '=', 'issue')]")
        staff_scheme = self.env["eval.scheme"].create({
            "name": "Test monthly staff", "code": "TEST-STAFF",
            "company_id": self.street_a.id, "evaluator_kind": "supervisor",
            "target_type": "staff", "period_type": "month",
            "indicator_ids": [
                (0, 0, {"name": "Work", "scale": "points",
                        "max_points": 100, "weight": 1}),
                (0, 0, {"name": "Check deductions", "kind": "deduction",
                        "source": "computed", "rule_id": rule.id,
                        "points_per_unit": 2}),
            ]})
        campaign = self.env["eval.campaign"].create({
            "name": "Staff 2026-03", "scheme_id": staff_scheme.id,
            "company_id": self.street_a.id,
            "date_range_id": self.march.id,
            "staff_ids": [(6, 0, (self.staff | self.staff2).ids)],
            "evaluator_ids": [(6, 0, self.evaluator.ids)]})
        campaign.action_open()
        for sheet in campaign.sheet_ids:
            points = 90 if sheet.target_user_id == self.staff else 80
            self._fill(sheet.sudo(self.evaluator.id), [points])
        campaign.action_close()
        staff = self.result_of(campaign, self.staff)
        staff2 = self.result_of(campaign, self.staff2)
        # 90 - 2 x (3 + 2) and 80 - 2 x 1.5
        self.assertAlmostEqual(staff.weighted_score, 80.0)
        self.assertAlmostEqual(staff.deduction, 10.0)
        self.assertAlmostEqual(staff2.weighted_score, 77.0)
        self.assertEqual((staff.rank, staff2.rank), (1, 2))

    def test_deduction_must_be_computed(self):
        with self.assertRaisesRegex(ValidationError, "Late"):
            self.env["eval.indicator"].create({
                "scheme_id": self.scheme.id, "name": "Late",
                "kind": "deduction", "source": "entered"})

    def test_staff_check_refuses_deduction_without_issue(self):
        with self.assertRaisesRegex(ValidationError, self.staff.name):
            self.env["eval.staff.check"].create({
                "user_id": self.staff.id, "date": "2026-03-03",
                "result": "ok", "deduction": 2,
                "company_id": self.street_a.id})

    def test_street_clerk_records_checks_leader_reads_them(self):
        check = self.env["eval.staff.check"].sudo(
            self.street_clerk.id).create({
                "user_id": self.staff.id, "date": "2026-03-04",
                "result": "issue", "deduction": 1, "check_type": "weekly"})
        self.assertEqual(check.supervisor_id, self.street_clerk)
        self.assertEqual(check.company_id, self.street_a)
        checks = self.env["eval.staff.check"].sudo(self.leader.id).search([])
        self.assertIn(check, checks)
        self.assertNotIn(self.street_b, checks.mapped("company_id"))
        with self.assertRaises(AccessError):
            check.sudo(self.leader.id).write({"deduction": 0})
