# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16: the finance officer's dashboard showed 13 of 14 tiles as "—"
(无权查看): tiles of the register, the grids and the evaluations, which the
role may not read. It now holds the tiles the officer can read, among
them the figures of their own work (the budget execution rate, the
commitments still open, the dedicated funds' execution), and the officer
lands on the budget execution after login."""
from .common import FinanceCase

OWN_TILES = ("community_kpi_budget_execution",
             "community_kpi_commitments_open",
             "community_kpi_fund_execution")


class TestDashboardFinanceOfficer(FinanceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref(
            "community_base.community_kpi_dashboard_action")
        cls.own_tiles = cls.env["community.kpi"].browse([
            cls.env.ref("community_finance.%s" % xmlid).id
            for xmlid in OWN_TILES])
        cls.budget = cls._create_budget()
        cls.line = cls._create_budget_line(
            cls.budget, cls.community_a1, 10000.0)
        cls._approve_budget(cls.budget)

    def _dashboard(self, user):
        return self.open_action(self.dashboard, user).with_context(
            kpi_today="2026-11-25")

    def test_no_unreadable_tile_on_the_finance_officers_dashboard(self):
        tiles = self._dashboard(self.finance_officer)
        self.assertTrue(tiles)
        for tile in tiles.read(["name", "state", "value_display"]):
            self.assertNotEqual(tile["state"], "denied", tile["name"])
        # the tiles of the register, which the role may not read, are out
        residents = self.env.ref("community_base.community_kpi_residents")
        self.assertNotIn(residents, tiles)
        self.assertIn(residents, self._dashboard(self.leader))

    def test_the_finance_officers_own_tiles_are_there(self):
        tiles = self._dashboard(self.finance_officer)
        self.assertLessEqual(self.own_tiles, tiles)
        self.env["finance.commitment"].sudo(
            self.finance_officer.id).commit_budget(self.line, 3000.0)
        self.own_tiles.invalidate_cache()
        commitments = self.own_tiles[1].sudo(self.finance_officer)
        self.assertEqual(commitments.value, 3000.0)
        self.assertEqual(commitments.value_display, "3,000.00 元")
        # street B's officer reads none of street A's commitments
        self.assertEqual(
            self.own_tiles[1].sudo(self.finance_officer_b).value, 0.0)

    def test_the_finance_officer_lands_on_the_budget_execution(self):
        self.assertEqual(
            self.finance_officer.action_id.id,
            self.env.ref(
                "community_finance.finance_budget_execution_report_action").id)
