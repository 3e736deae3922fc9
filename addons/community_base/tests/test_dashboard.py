# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import doctest

from odoo.exceptions import AccessError, ValidationError

from ..models import community_kpi
from .common import CommunityCase


class TestDashboard(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_a2.residence_type = "floating"
        Kpi = cls.env["community.kpi"]
        cls.residents_kpi = Kpi.create({
            "name": "Test residents",
            "model_id": cls.env.ref(
                "community_base.model_community_resident").id,
            "domain": "[('state', '=', 'living')]",
            "target": 3, "warning_threshold": 2,
        })
        cls.floating_kpi = Kpi.create({
            "name": "Test floating share",
            "model_id": cls.env.ref(
                "community_base.model_community_resident").id,
            "domain": "[('residence_type', '=', 'floating')]",
            "aggregate": "ratio",
            "ratio_domain": "[('state', '=', 'living')]",
        })
        cls.arrivals_kpi = Kpi.create({
            "name": "Test arrivals this month",
            "model_id": cls.env.ref(
                "community_base.model_community_resident").id,
            "domain": "[]",
            "date_field_id": cls.env.ref(
                "community_base.field_community_resident_arrival_date").id,
            "period": "month",
        })
        for resident, day in ((cls.resident_a1, "2026-10-01"),
                              (cls.resident_a1_spouse, "2026-10-15"),
                              (cls.resident_a2, "2026-11-02"),
                              (cls.resident_b1, "2026-11-03")):
            resident.arrival_date = day

    def figure(self, kpi, user, today="2026-11-25"):
        return kpi.sudo(user).with_context(kpi_today=today).read(
            ["value", "value_display", "state", "trend", "trend_display"])[0]

    def test_doctests(self):
        result = doctest.testmod(community_kpi)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_figures_follow_the_record_rules_of_the_model(self):
        expected = {self.community_clerk: 2.0, self.community_clerk_a2: 1.0,
                    self.street_clerk: 3.0, self.leader: 3.0,
                    self.street_clerk_b: 1.0}
        for user, value in expected.items():
            self.assertEqual(
                self.figure(self.residents_kpi, user)["value"], value,
                user.login)
            # and the same as the user's own search of the register
            self.assertEqual(value, self.env["community.resident"].sudo(
                user).search_count([("state", "=", "living")]))

    def test_target_and_thresholds_colour_the_tile(self):
        self.assertEqual(
            self.figure(self.residents_kpi, self.street_clerk)["state"], "ok")
        self.assertEqual(
            self.figure(self.residents_kpi, self.community_clerk)["state"],
            "warning")
        self.assertEqual(
            self.figure(self.residents_kpi, self.community_clerk_a2)["state"],
            "alert")
        self.residents_kpi.higher_is_better = False
        self.assertEqual(
            self.figure(self.residents_kpi, self.community_clerk_a2)["state"],
            "ok")

    def test_share_in_percent_of_the_base(self):
        street = self.figure(self.floating_kpi, self.street_clerk)
        self.assertAlmostEqual(street["value"], 100.0 / 3)
        self.assertEqual(street["value_display"], "33")
        self.assertEqual(
            self.figure(self.floating_kpi, self.community_clerk)["value"], 0.0)
        self.assertEqual(
            self.figure(self.floating_kpi, self.community_clerk_a2)["value"],
            100.0)

    def test_period_and_trend(self):
        figure = self.figure(self.arrivals_kpi, self.street_clerk)
        self.assertEqual(figure["value"], 1.0)
        # June .. November 2026 for street A
        self.assertEqual(figure["trend_display"],
                         "0 → 0 → 0 → 0 → 2 → 1")
        self.assertEqual(figure["trend"], "▁▁▁▁█▅")
        self.assertEqual(
            self.figure(self.arrivals_kpi, self.street_clerk_b)["value"], 1.0)
        self.assertEqual(self.figure(
            self.arrivals_kpi, self.street_clerk, today="2026-10-31")["value"],
            2.0)
        self.assertEqual(self.figure(
            self.arrivals_kpi, self.community_clerk_a2)["value"], 1.0)

    def test_sum_and_average_of_a_field(self):
        kpi = self.env["community.kpi"].create({
            "name": "Members", "aggregate": "avg",
            "model_id": self.env.ref(
                "community_base.model_community_household").id,
            "field_id": self.env.ref(
                "community_base.field_community_household_member_count").id,
            "domain": "[]", "digits": 2,
        })
        # street A: households a1 (2 members), a1b (0), a2 (1)
        self.assertAlmostEqual(
            self.figure(kpi, self.street_clerk)["value"], 1.0)
        kpi.aggregate = "sum"
        self.assertEqual(self.figure(kpi, self.street_clerk)["value"], 3.0)
        self.assertEqual(
            self.figure(kpi, self.street_clerk)["value_display"], "3.00")

    def test_drill_down_opens_the_records_counted(self):
        for user in (self.community_clerk, self.street_clerk):
            action = self.arrivals_kpi.sudo(user).with_context(
                kpi_today="2026-10-20").action_open_records()
            self.assertEqual(action["res_model"], "community.resident")
            found = self.env[action["res_model"]].sudo(user).search(
                action["domain"])
            self.assertEqual(found, self.resident_a1 | self.resident_a1_spouse)
        action = self.floating_kpi.sudo(self.street_clerk).action_open_records()
        self.assertEqual(self.env["community.resident"].sudo(
            self.street_clerk).search(action["domain"]), self.resident_a2)

    def test_trend_opens_the_graph_by_month(self):
        action = self.arrivals_kpi.with_context(
            kpi_today="2026-11-25").action_open_trend()
        self.assertEqual(action["views"][0][1], "graph")
        self.assertEqual(action["context"]["graph_groupbys"],
                         ["arrival_date:month"])
        # the trend's six months, June to November
        self.assertIn(("arrival_date", ">=", "2026-06-01"), action["domain"])
        found = self.env["community.resident"].search(action["domain"])
        self.assertEqual(len(found), 4)

    def test_tile_restricted_to_roles(self):
        self.floating_kpi.group_ids = self.env.ref(
            "community_base.group_leader")
        for user, visible in ((self.leader, True),
                              (self.community_clerk, False),
                              (self.street_admin, True)):
            found = self.env["community.kpi"].sudo(user).search(
                [("id", "=", self.floating_kpi.id)])
            self.assertEqual(bool(found), visible, user.login)

    def test_only_the_street_admin_configures_tiles(self):
        for user in (self.leader, self.street_clerk, self.community_clerk):
            with self.assertRaises(AccessError):
                self.residents_kpi.sudo(user).write({"target": 1})
        self.residents_kpi.sudo(self.street_admin).write({"target": 1})
        self.assertEqual(self.residents_kpi.target, 1)

    def test_model_the_user_cannot_read_shows_no_figure(self):
        kpi = self.env["community.kpi"].create({
            "name": "Progress rows",
            "model_id": self.env.ref(
                "community_base.model_community_job_progress").id,
        })
        figure = self.figure(kpi, self.community_clerk)
        self.assertEqual(figure["state"], "denied")
        self.assertEqual(figure["value_display"], "—")

    def test_bad_rules_are_refused_with_the_tile_name(self):
        model = self.env.ref("community_base.model_community_resident")
        with self.assertRaisesRegex(ValidationError, "Broken tile"):
            self.env["community.kpi"].create({
                "name": "Broken tile", "model_id": model.id,
                "domain": "[('no_such_field', '=', 1)]"})
        with self.assertRaisesRegex(ValidationError, "Sum tile"):
            self.env["community.kpi"].create({
                "name": "Sum tile", "model_id": model.id,
                "aggregate": "sum"})
        with self.assertRaisesRegex(ValidationError, "Monthly tile"):
            self.env["community.kpi"].create({
                "name": "Monthly tile", "model_id": model.id,
                "period": "month"})
        with self.assertRaisesRegex(ValidationError, "Foreign field"):
            self.env["community.kpi"].create({
                "name": "Foreign field", "model_id": model.id,
                "date_field_id": self.env.ref(
                    "community_base.field_community_household_create_date").id})

    def test_shipped_tiles_compute_for_every_role(self):
        tiles = self.env["community.kpi"].search([
            ("id", "in", [self.env.ref("community_base.%s" % xmlid).id for xmlid in (
                "community_kpi_residents", "community_kpi_households",
                "community_kpi_floating_share", "community_kpi_care_residents",
                "community_kpi_moves_month")])])
        self.assertEqual(len(tiles), 5)
        for user in (self.leader, self.community_clerk, self.street_clerk):
            for figure in tiles.sudo(user).read(["value_display", "state"]):
                self.assertNotEqual(figure["state"], "denied", user.login)
        households = tiles.filtered(lambda kpi: kpi.model_name == (
            "community.household")).sudo(self.community_clerk)
        self.assertEqual(households.value, 2.0)
