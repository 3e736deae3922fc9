# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 14, finding 2 as a grid officer: a tile's value and trend must not
count by a field the officer may not read (bisection of an ID number, a
phone, a birth date)."""
from .common import GridCase


class TestKpiSecurity(GridCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_a1.arrival_date = "2026-11-02"

    def _tile(self, model, domain, date_field=None, period="all"):
        date = date_field and self.env["ir.model.fields"].search([
            ("model", "=", model), ("name", "=", date_field)])
        return self.env["community.kpi"].create({
            "name": "Probe", "model_id": self.env["ir.model"]._get(model).id,
            "domain": domain, "date_field_id": date and date.id,
            "period": period})

    def _figure(self, kpi, user):
        return kpi.sudo(user).with_context(kpi_today="2026-11-25").read(
            ["value", "state", "trend_display"])[0]

    def test_officer_cannot_bisect_residents_through_tiles(self):
        resident = self.resident_a1
        # the officer reads this resident (the grid holds their building)
        self.assertTrue(self.env["community.resident"].sudo(
            self.grid_officer).search([("id", "=", resident.id)]))
        prefix = resident.id_number[:10]
        probes = [
            self._tile("community.resident",
                       "[('id', '=', %d), ('id_number', '=like', '%s%%')]"
                       % (resident.id, prefix), "arrival_date", "month"),
            self._tile("community.resident",
                       "[('id', '=', %d), ('phone', '=like', '138%%')]"
                       % resident.id, "arrival_date", "month"),
            self._tile("community.resident", "[('id', '=', %d)]"
                       % resident.id, "birth_date", "month"),
            self._tile("grid.case", "[('reporter_phone', '=like', '138%')]",
                       "date_reported", "month"),
        ]
        for user in (self.grid_officer, self.leader):
            for kpi in probes:
                figure = self._figure(kpi, user)
                self.assertEqual(
                    (figure["state"], figure["value"], figure["trend_display"]),
                    ("denied", 0.0, ""), (user.login, kpi.domain))
        # a clerk of the community reads the number: the figure is there
        self.assertEqual(
            self._figure(probes[0], self.community_clerk)["value"], 1.0)

    def test_statistics_views_show_only_the_readers_communities(self):
        """The SQL views behind the grid statistics carry record rules: no
        role reads another community's or street's rows through them."""
        self._create_visit(self.grid_officer, self.household_a1, "2026-11-03")
        self._create_visit(
            self.grid_officer_2, self.household_a2, "2026-11-04")
        street_a = self.community_a1 | self.community_a2
        allowed = {
            self.grid_officer: self.community_a1,
            self.grid_officer_2: self.community_a2,
            self.community_clerk: self.community_a1,
            self.community_clerk_a2: self.community_a2,
            self.street_clerk: street_a, self.leader: street_a,
            self.street_clerk_b: self.community_b1,
        }
        seen = self.env["community.community"]
        for model in ("grid.visit.report", "grid.visit.grid.report",
                      "grid.coverage.report"):
            for user, communities in allowed.items():
                Report = self.env[model].sudo(user)
                if not Report.check_access_rights(
                        "read", raise_exception=False):
                    continue
                rows = Report.search([])
                self.assertLessEqual(
                    set(rows.mapped("community_id").ids),
                    set(communities.ids), (model, user.login))
                seen |= rows.mapped("community_id")
                groups = Report.read_group([], ["community_id"],
                                           ["community_id"])
                self.assertLessEqual(
                    {group["community_id"][0] for group in groups
                     if group["community_id"]},
                    set(communities.ids), (model, user.login))
        # the check saw rows of every community
        self.assertEqual(seen, street_a | self.community_b1)
