# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16, the dashboard per role: a user's dashboard holds the tiles
shown to their roles that they can read (a tile they cannot read is left
out, not shown as "not readable"), their work page the tiles of their own
work; the target line never contradicts itself, and the trend names its
periods."""
import json

from .common import CommunityCase


class TestDashboardRoles(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_model = cls.env.ref(
            "community_base.model_community_resident")
        cls.arrival = cls.env.ref(
            "community_base.field_community_resident_arrival_date")
        cls.clerk_group = cls.env.ref("community_base.group_community_clerk")
        cls.leader_group = cls.env.ref("community_base.group_leader")
        Kpi = cls.env["community.kpi"]
        cls.residents = Kpi.create({
            "name": "Role test residents", "model_id": cls.resident_model.id,
            "domain": "[('state', '=', 'living')]",
            "work_group_ids": [(6, 0, cls.clerk_group.ids)]})
        cls.unreadable_model = Kpi.create({
            "name": "Role test progress rows",
            "model_id": cls.env.ref(
                "community_base.model_community_job_progress").id})
        cls.protected_field = Kpi.create({
            "name": "Role test born before 1950",
            "model_id": cls.resident_model.id,
            "domain": "[('birth_date', '<', '1950-01-01')]"})
        cls.leaders_only = Kpi.create({
            "name": "Role test leaders only",
            "model_id": cls.resident_model.id, "domain": "[]",
            "group_ids": [(6, 0, cls.leader_group.ids)]})
        cls.arrivals = Kpi.create({
            "name": "Role test arrivals", "model_id": cls.resident_model.id,
            "domain": "[]", "date_field_id": cls.arrival.id,
            "period": "month", "target": 2, "warning_threshold": 1})
        cls.tiles = (cls.residents | cls.unreadable_model
                     | cls.protected_field | cls.leaders_only | cls.arrivals)

    def _found(self, user, domain):
        return self.env["community.kpi"].sudo(user).search(
            domain + [("id", "in", self.tiles.ids)])

    def _figure(self, kpi, user, today="2026-11-25"):
        return kpi.sudo(user).with_context(kpi_today=today).read(
            ["value", "state", "target_display", "trend", "trend_points"])[0]

    def test_the_dashboard_leaves_out_what_the_user_cannot_read(self):
        clerk = self._found(self.community_clerk, [("shown", "=", True)])
        self.assertEqual(
            clerk, self.residents | self.protected_field | self.arrivals)
        # the leader reads no birth date, nor the job progress rows
        leader = self._found(self.leader, [("shown", "=", True)])
        self.assertEqual(
            leader, self.residents | self.leaders_only | self.arrivals)
        for user in (self.community_clerk, self.leader):
            for tile in self._found(user, [("shown", "=", True)]):
                self.assertNotEqual(
                    self._figure(tile, user)["state"], "denied",
                    (user.login, tile.name))

    def test_what_the_dashboard_leaves_out_is_really_unreadable(self):
        """The filter is the user's rights, not a list: the tiles left out
        compute no figure for that user."""
        for user in (self.community_clerk, self.leader):
            hidden = self.tiles - self._found(user, [("shown", "=", True)])
            for tile in hidden - self.leaders_only:
                self.assertEqual(self._figure(tile, user)["state"], "denied",
                                 (user.login, tile.name))

    def test_the_dashboard_action_shows_the_readable_tiles(self):
        action = self.env.ref("community_base.community_kpi_dashboard_action")
        tiles = self.open_action(action, self.leader) & self.tiles
        self.assertEqual(
            tiles, self.residents | self.leaders_only | self.arrivals)

    def test_the_work_page_holds_the_tiles_of_the_users_role(self):
        work = self._found(self.community_clerk, [("on_my_work", "=", True)])
        self.assertEqual(work, self.residents)
        # a street clerk is a community clerk too
        self.assertEqual(
            self._found(self.street_clerk, [("on_my_work", "=", True)]),
            self.residents)
        self.assertFalse(self._found(self.leader, [("on_my_work", "=", True)]))
        self.assertTrue(self.residents.sudo(self.community_clerk).on_my_work)
        self.assertFalse(self.residents.sudo(self.leader).on_my_work)

    def test_target_line_never_says_target_and_no_target(self):
        no_target = dict(self.env["community.kpi"]._fields[
            "state"]._description_selection(self.env))["none"]
        for today in ("2026-11-25", "2026-05-10"):   # figures, and none
            for tile in (self.arrivals, self.residents):
                figure = self._figure(tile, self.street_clerk, today)
                line = figure["target_display"]
                self.assertNotIn(no_target, line, (tile.name, today))
                if tile.target:
                    self.assertTrue(line.startswith("Target 2 ·"), line)
                else:
                    self.assertEqual(line, "")
        self.arrivals.aggregate = "ratio"
        self.arrivals.ratio_domain = "[('state', '=', 'living')]"
        # a share of no records this month: no figure yet, not "no target"
        figure = self._figure(self.arrivals, self.street_clerk, "2026-05-10")
        self.assertEqual(figure["state"], "empty")
        self.assertEqual(figure["target_display"],
                         "Target 2 · No figure yet")

    def test_trend_names_its_periods(self):
        for resident, day in ((self.resident_a1, "2026-10-01"),
                              (self.resident_a2, "2026-11-02")):
            resident.arrival_date = day
        figure = self._figure(self.arrivals, self.street_clerk)
        points = json.loads(figure["trend_points"])
        self.assertEqual(
            [point["label"] for point in points],
            ["Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026",
             "Nov 2026"])
        self.assertEqual([point["tick"] for point in points],
                         ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"])
        self.assertEqual([point["value"] for point in points],
                         [0.0, 0.0, 0.0, 0.0, 1.0, 1.0])
        self.assertEqual(points[-1]["display"], "1")

    def test_trend_of_a_single_figure_is_not_drawn(self):
        """A share has a figure only in the months with records: one bar
        among five empty periods is no trend."""
        self.arrivals.write({
            "aggregate": "ratio", "ratio_domain": "[('state', '=', 'living')]"})
        self.resident_a1.arrival_date = "2026-11-02"
        figure = self._figure(self.arrivals, self.street_clerk)
        self.assertEqual(figure["value"], 100.0)
        self.assertEqual((figure["trend"], figure["trend_points"]), ("", ""))
        self.resident_a2.arrival_date = "2026-10-02"
        self.arrivals.invalidate_cache()
        figure = self._figure(self.arrivals, self.street_clerk)
        points = json.loads(figure["trend_points"])
        self.assertEqual(len(points), 6)
        self.assertEqual([point["value"] for point in points][-2:],
                         [100.0, 100.0])
        self.assertIsNone(points[0]["value"])
        self.assertEqual(points[0]["display"], "—")
