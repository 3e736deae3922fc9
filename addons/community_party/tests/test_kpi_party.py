# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The party building tiles of the dashboard: shown to the party roles and
the leader only, each counting what the reader's rules let them read."""
from odoo import fields
from odoo.exceptions import AccessError

from .figures_common import FiguresCase

TILES = ("community_kpi_party_members",
         "community_kpi_party_members_in_service",
         "community_kpi_party_members_mobile",
         "community_kpi_party_members_hardship",
         "community_kpi_party_inservice_reporting",
         "community_kpi_party_inservice_year",
         "community_kpi_party_inservice_active",
         "community_kpi_party_pairing_fulfilled",
         "community_kpi_party_meetings_held")


class TestKpiParty(FiguresCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(
            "community_base.community_kpi_dashboard_action")
        cls.tiles = cls.env["community.kpi"].browse([
            cls.env.ref("community_party.%s" % xmlid).id for xmlid in TILES])
        cls.tile = {xmlid[len("community_kpi_party_"):]: tile
                    for xmlid, tile in zip(TILES, cls.tiles)}
        # a member transferred out is not counted
        cls._create_member("Zhao Lei", cls.branch_a1, category="in_service",
                           state="transferred_out")
        cls.kpi_today = fields.Date.to_string(cls.today)

    def _tile(self, name, user):
        return self.tile[name].sudo(user).with_context(
            kpi_today=self.kpi_today)

    def _values(self, name, users):
        return [self._tile(name, user).value for user in users]

    def _dashboard(self, user):
        return self.open_action(self.dashboard, user).with_context(
            kpi_today=self.kpi_today)

    def test_members_of_each_role(self):
        """Street A: seven members in A1 (one of them in the branch the
        organiser keeps), two in A2, two of the street's own
        organisations."""
        users = (self.party_officer, self.leader, self.party_secretary,
                 self.party_secretary_a2, self.party_organiser)
        self.assertEqual(self._values("members", users),
                         [11.0, 11.0, 7.0, 2.0, 1.0])
        self.assertEqual(self._values("members_in_service", users),
                         [8.0, 8.0, 6.0, 1.0, 0.0])
        self.assertEqual(self._values("members_mobile", users),
                         [1.0, 1.0, 0.0, 1.0, 0.0])
        self.assertEqual(
            self._tile("members", self.party_secretary).value_display,
            "7 人")

    def test_inservice_reporting(self):
        """Three members of Unit U report to A1 since March last year (two
        served this year), one of Unit V to A2 since 1 January (served)."""
        users = (self.leader, self.party_secretary, self.party_secretary_a2,
                 self.unit_organiser)
        self.assertEqual(self._values("inservice_reporting", users),
                         [4.0, 3.0, 1.0, 3.0])
        self.assertEqual(self._values("inservice_year", users),
                         [1.0, 0.0, 1.0, 0.0])
        active = self._values("inservice_active", users)
        for value, expected in zip(active, (75.0, 200 / 3.0, 100.0,
                                            200 / 3.0)):
            self.assertAlmostEqual(value, expected)
        # the member who has not served yet is the record to act on
        action = self._tile("inservice_active", self.party_secretary) \
            .action_open_records()
        missing = self.env["party.inservice.registration"].sudo(
            self.party_secretary).search(action["domain"])
        self.assertEqual(missing, self.reg_3)

    def test_pairing_commitments_fulfilled(self):
        """A1: one of the three commitments of Unit U's pairing (the ended
        pairing's does not count); A2: one of one."""
        users = (self.leader, self.party_secretary, self.party_secretary_a2)
        values = self._values("pairing_fulfilled", users)
        for value, expected in zip(values, (50.0, 100 / 3.0, 100.0)):
            self.assertAlmostEqual(value, expected)
        self.assertEqual(self._tile(
            "pairing_fulfilled", self.party_secretary).value_display,
            "33.3%")

    def test_meetings_held_this_year(self):
        """A1: two held of three planned (one cancelled, last year's and
        next month's out of the year or planned later); A2: one of one."""
        users = (self.leader, self.party_secretary, self.party_secretary_a2,
                 self.party_organiser)
        values = self._values("meetings_held", users)
        expected = [75.0, 200 / 3.0, 100.0, 200 / 3.0]
        for value, figure in zip(values, expected):
            self.assertAlmostEqual(value, figure)

    def test_party_roles_and_leader_see_the_tiles(self):
        """The tiles each role may read are on its dashboard, none of them
        "not readable"; an organiser reads no pairing."""
        pairing = self.tile["pairing_fulfilled"]
        for user in (self.party_officer, self.party_secretary,
                     self.party_organiser, self.leader):
            tiles = self._dashboard(user)
            expected = self.tiles - pairing \
                if user == self.party_organiser else self.tiles
            self.assertEqual(tiles & self.tiles, expected, user.login)
            for tile in (tiles & self.tiles).read(["name", "state"]):
                self.assertNotEqual(tile["state"], "denied",
                                    (user.login, tile["name"]))

    def test_other_roles_do_not_see_the_tiles(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            tiles = self._dashboard(user)
            self.assertFalse(tiles & self.tiles, user.login)
            # the tiles are not theirs: not even their name can be read
            self.assertFalse(self.env["community.kpi"].sudo(user).search(
                [("id", "in", self.tiles.ids)]), user.login)
            with self.assertRaises(AccessError, msg=user.login):
                self.tile["members"].sudo(user).read(["value"])

    def test_work_pages(self):
        Kpi = self.env["community.kpi"]
        work = Kpi.sudo(self.party_secretary).search(
            [("on_my_work", "=", True)])
        self.assertLessEqual(
            self.tile["members"] | self.tile["inservice_active"]
            | self.tile["meetings_held"], work)
        organiser = Kpi.sudo(self.party_organiser).search(
            [("on_my_work", "=", True)])
        self.assertIn(self.tile["meetings_held"], organiser)
        self.assertNotIn(self.tile["inservice_active"], organiser)
        self.assertFalse(Kpi.sudo(self.leader).search(
            [("on_my_work", "=", True)]) & self.tiles)
