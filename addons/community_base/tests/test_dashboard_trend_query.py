# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A tile's value and trend in one query give the figures of the period
by period queries, for every aggregate and period, with the record rules."""
from .common import CommunityCase


class TestDashboardTrendQuery(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_a2.residence_type = "floating"
        for resident, day in ((cls.resident_a1, "2026-06-30"),
                              (cls.resident_a1_spouse, "2026-10-15"),
                              (cls.resident_a2, "2026-11-02"),
                              (cls.resident_b1, "2026-11-03")):
            resident.arrival_date = day
        cls.resident_model = cls.env.ref(
            "community_base.model_community_resident")
        cls.arrival = cls.env.ref(
            "community_base.field_community_resident_arrival_date")
        cls.household_model = cls.env.ref(
            "community_base.model_community_household")

    def _kpi(self, **vals):
        values = {"name": "Trend test", "model_id": self.resident_model.id,
                  "domain": "[]", "date_field_id": self.arrival.id}
        values.update(vals)
        return self.env["community.kpi"].create(values)

    def assertSameFigures(self, kpi, user, today="2026-11-25"):
        kpi = kpi.sudo(user).with_context(kpi_today=today)
        days = kpi._trend_days()
        expected = [kpi._figure_on(day) for day in days]
        self.assertEqual(kpi._figures_on(days), expected)
        return expected

    def test_count_per_month_and_running_total(self):
        for period in ("month", "quarter", "year", "day"):
            kpi = self._kpi(period=period)
            for user in (self.street_clerk, self.community_clerk_a2,
                         self.street_clerk_b, self.leader):
                self.assertSameFigures(kpi, user)
        figures = self.assertSameFigures(
            self._kpi(period="month"), self.street_clerk)
        self.assertEqual(figures, [1.0, 0.0, 0.0, 0.0, 1.0, 1.0])
        # all records: the running total at the end of each month
        figures = self.assertSameFigures(
            self._kpi(period="all"), self.street_clerk)
        self.assertEqual(figures, [1.0, 1.0, 1.0, 1.0, 2.0, 3.0])

    def test_share_with_its_part_in_the_same_query(self):
        kpi = self._kpi(aggregate="ratio",
                        domain="[('residence_type', '=', 'floating')]",
                        ratio_domain="[('state', '=', 'living')]",
                        period="all")
        figures = self.assertSameFigures(kpi, self.street_clerk)
        self.assertEqual(figures[-1], 100.0 / 3)
        # end of June: one living resident (A1's head), not floating
        self.assertEqual(figures[0], 0.0)
        self.assertSameFigures(kpi, self.community_clerk)

    def test_share_whose_part_joins_goes_period_by_period(self):
        kpi = self._kpi(aggregate="ratio",
                        domain="[('household_id.room', '!=', False)]",
                        ratio_domain="[]", period="year")
        self.assertSameFigures(kpi, self.street_clerk)

    def test_sum_average_and_sum_in_percent_of_a_sum(self):
        members = self.env.ref(
            "community_base.field_community_household_member_count")
        created = self.env.ref(
            "community_base.field_community_household_create_date")
        for aggregate in ("sum", "avg", "sum_ratio"):
            kpi = self._kpi(model_id=self.household_model.id,
                            aggregate=aggregate, field_id=members.id,
                            ratio_field_id=members.id,
                            date_field_id=created.id, period="year")
            figures = self.assertSameFigures(
                kpi, self.street_clerk, today=kpi.create_date[:10])
            self.assertTrue(figures[-1], aggregate)

    def test_many2many_set_test_counts_the_same_through_a_subquery(self):
        Group = self.env["community.care.group"]
        groups = Group.create({"name": "Test elderly"}) | Group.create(
            {"name": "Test archived", "active": False})
        self.resident_a1.care_group_ids = groups[0]
        self.resident_a2.care_group_ids = groups[1]   # an archived group
        kpi = self._kpi(domain="[('care_group_ids', '!=', False)]",
                        date_field_id=False)
        domain = kpi._query_domain(kpi.domain)
        self.assertEqual(domain[0][:2], ("care_group_ids", "in"))
        Resident = self.env["community.resident"].sudo(self.street_clerk)
        for text, expected in (("[('care_group_ids', '!=', False)]", 2),
                               ("[('care_group_ids', '=', False)]", 1)):
            kpi.domain = text
            figure = kpi.sudo(self.street_clerk)._figure_on(kpi._today())
            self.assertEqual(figure, float(Resident.search_count(
                kpi._domain(text))), text)
            self.assertEqual(figure, expected, text)
