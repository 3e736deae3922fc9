# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The staffing tiles: grids without an officer (community_grid), the
communities below the staffing norm and the vacant key posts
(community_base), each counting what the reader's rules let them read."""
from .common import GridCase


class TestGridStaffingKpi(GridCase):

    def _value(self, xmlid, user):
        # the figures are computed on read: forget the last ones
        self.env["community.kpi"].invalidate_cache()
        kpi = self.env.ref(xmlid)
        return kpi.sudo(user).with_context(kpi_today="2026-11-25").read(
            ["value"])[0]["value"]

    def test_grids_without_officer(self):
        tile = "community_grid.community_kpi_grids_without_officer"
        clerk_before = self._value(tile, self.community_clerk)
        street_before = self._value(tile, self.street_clerk)
        self.grid_a1.officer_id = False
        # the clerk of A1 and the street clerk count the grid of A1 now
        self.assertEqual(self._value(tile, self.community_clerk),
                         clerk_before + 1)
        self.assertEqual(self._value(tile, self.street_clerk),
                         street_before + 1)
        # a grid of A2 left without officer is not the A1 clerk's
        self.grid_a2.officer_id = False
        self.assertEqual(self._value(tile, self.community_clerk),
                         clerk_before + 1)
        self.assertEqual(self._value(tile, self.street_clerk),
                         street_before + 2)

    def test_communities_below_the_norm(self):
        tile = "community_base.community_kpi_staffing_below_norm"
        # A1 has 2 households and no worker: below any norm
        self.assertEqual(self._value(tile, self.community_clerk), 1.0)
        self.env["community.worker"].create({
            "name": "Zhao Min", "community_id": self.community_a1.id,
            "category": "hired"})
        self.assertEqual(self._value(tile, self.community_clerk), 0.0)
        vacant = "community_base.community_kpi_staffing_vacant_posts"
        self.assertEqual(self._value(vacant, self.community_clerk), 2.0)
