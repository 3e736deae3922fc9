# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .inservice_common import InserviceCase

MEASURES = ["reported_count", "active_count", "activity_count", "hours",
            "active_rate"]


class TestInserviceUnitReport(InserviceCase):
    """Per unit and year: reported, active, hours (the SQL view)."""

    def _unit_figures(self, year, user=None, unit=None):
        Report = self.env["party.inservice.unit.report"]
        if user:
            Report = Report.sudo(user)
        Report.invalidate_cache()
        groups = Report.read_group(
            [("unit_id", "=", (unit or self.unit_u).id),
             ("year", "=", str(year))],
            MEASURES + ["unit_id"], ["unit_id"])
        self.assertLessEqual(len(groups), 1)
        return groups[0] if groups else {}

    def test_unit_this_year(self):
        figures = self._unit_figures(self.year)
        self.assertEqual(figures["reported_count"], 3)
        self.assertEqual(figures["active_count"], 2)
        self.assertEqual(figures["activity_count"], 3)
        self.assertAlmostEqual(figures["hours"], 9.5)
        self.assertAlmostEqual(figures["active_rate"], 200.0 / 3)

    def test_unit_last_year(self):
        figures = self._unit_figures(self.year - 1)
        self.assertEqual(figures["reported_count"], 3)
        self.assertEqual(figures["active_count"], 2)
        self.assertEqual(figures["activity_count"], 2)
        self.assertAlmostEqual(figures["hours"], 7.0)

    def test_rows_per_member_match_the_registrations(self):
        rows = self.env["party.inservice.unit.report"].search(
            [("unit_id", "=", self.unit_u.id), ("year", "=", str(self.year))])
        self.assertEqual(rows.mapped("member_id"),
                         self.member_u1 | self.member_u2 | self.member_u3)
        for row in rows:
            registration = row.registration_id
            self.assertEqual(row.activity_count,
                             registration.activity_count_this_year)
            self.assertAlmostEqual(row.hours, registration.hours_this_year)
            self.assertEqual(bool(row.active_count),
                             registration.active_this_year)

    def test_registration_of_this_year_has_no_row_last_year(self):
        self.assertFalse(self._unit_figures(self.year - 1, unit=self.unit_v))
        self.assertEqual(
            self._unit_figures(self.year, unit=self.unit_v)["hours"], 1.5)

    def test_ended_registration_stops_at_its_year(self):
        self.reg_3.write({"state": "ended",
                          "date_ended": self.day(self.year - 1, 12, 31)})
        self.assertEqual(
            self._unit_figures(self.year - 1)["reported_count"], 3)
        figures = self._unit_figures(self.year)
        self.assertEqual(figures["reported_count"], 2)
        self.assertEqual(figures["active_count"], 2)

    def test_a_new_member_counts_in_the_unit(self):
        self._register(self.member_u5, self.community_a1,
                       self.day(self.year, 1, 1))
        self._serve(self.member_u5, self.day(self.year, 1, 1), 1.0)
        figures = self._unit_figures(self.year)
        self.assertEqual(figures["reported_count"], 4)
        self.assertEqual(figures["active_count"], 3)
        self.assertAlmostEqual(figures["hours"], 10.5)

    def test_secretary_reads_the_figures_of_own_community_only(self):
        figures = self._unit_figures(self.year, user=self.party_secretary)
        self.assertAlmostEqual(figures["hours"], 9.5)
        self.assertFalse(self._unit_figures(
            self.year, user=self.party_secretary_a2))
        self.assertFalse(self._unit_figures(
            self.year, user=self.party_secretary, unit=self.unit_v))

    def test_organiser_reads_the_figures_of_the_unit_kept(self):
        figures = self._unit_figures(self.year, user=self.unit_organiser)
        self.assertEqual(figures["reported_count"], 3)
        self.assertFalse(self._unit_figures(
            self.year, user=self.party_organiser))
