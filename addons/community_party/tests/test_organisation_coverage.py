# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import PartyCase


class TestOrganisationCoverage(PartyCase):
    """party.coverage.report on a known set.

    Community A1: grids A1-G1 (its grid branch ``grid_branch_a1``) and
    A1-G2 (none); buildings ``building_a1`` (a party group) and
    ``building_a1b`` (none); three resident units, one in an active
    pairing, one in a draft pairing, one in none, and a company of A1 that
    is not a resident unit (in an active pairing, not counted). Community
    A2: grid A2-G1 without a branch, ``building_a2`` without a group, no
    unit.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grid_a1b = cls._create_grid("A1-G2", cls.community_a1)
        cls.building_a1b = cls._create_building("Building 1B", cls.compound_a1)
        cls.group_a1 = cls._create_organisation(
            "Building 1 party group", "group", cls.community_a1,
            cls.branch_a1, building_id=cls.building_a1.id)
        cls.units = [cls._create_unit("Unit %s" % n, cls.community_a1)
                     for n in range(1, 4)]
        cls.firm = cls._create_unit("Firm A1", cls.community_a1,
                                    organisation_type="property_company")

    @classmethod
    def _create_unit(cls, name, community, organisation_type="resident_unit"):
        return cls.env["res.partner"].create({
            "name": name, "is_company": True,
            "organisation_type": organisation_type,
            "community_id": community.id})

    def _pair(self, unit, community, active=True):
        """A pairing of ``unit`` with ``community``, put into effect when
        ``active``."""
        pairing = self.env["party.pairing"].create({
            "name": "%s - %s" % (unit.name, community.name),
            "unit_id": unit.id, "community_id": community.id})
        if active and hasattr(pairing, "action_activate"):
            pairing.action_activate()
        elif active:
            pairing.state = "active"
        return pairing

    def _row(self, community, user=None):
        Report = self.env["party.coverage.report"]
        Report.invalidate_cache()
        if user:
            Report = Report.sudo(user)
        return Report.search([("community_id", "=", community.id)])

    def test_grid_rate_is_the_share_of_grids_with_a_grid_branch(self):
        row = self._row(self.community_a1)
        self.assertEqual((row.grid_count, row.grid_branch_count), (2, 1))
        self.assertAlmostEqual(row.grid_rate, 50.0)
        row_a2 = self._row(self.community_a2)
        self.assertEqual((row_a2.grid_count, row_a2.grid_branch_count), (1, 0))
        self.assertAlmostEqual(row_a2.grid_rate, 0.0)

    def test_building_rate_counts_party_groups_and_building_branches(self):
        row = self._row(self.community_a1)
        self.assertEqual((row.building_count, row.building_group_count), (2, 1))
        self.assertAlmostEqual(row.building_rate, 50.0)
        self._create_organisation(
            "Building 1B branch", "building_branch", self.community_a1,
            self.org_a1, building_id=self.building_a1b.id)
        self.assertAlmostEqual(self._row(self.community_a1).building_rate,
                               100.0)

    def test_archived_organisations_do_not_cover(self):
        (self.grid_branch_a1 | self.group_a1).write({"active": False})
        row = self._row(self.community_a1)
        self.assertEqual((row.grid_branch_count, row.building_group_count),
                         (0, 0))

    def test_unit_rate_counts_resident_units_in_an_active_pairing(self):
        if "party.pairing" not in self.env:
            self.skipTest("party.pairing is not installed yet: the pairing "
                          "share cannot be built")
        unit_1, unit_2, _unit_3 = self.units
        self._pair(unit_1, self.community_a1)
        # a pairing with another community pairs the unit too
        self._pair(unit_1, self.community_a2)
        self._pair(unit_2, self.community_a1, active=False)
        self._pair(self.firm, self.community_a1)
        row = self._row(self.community_a1)
        self.assertEqual((row.unit_count, row.unit_paired_count), (3, 1))
        self.assertAlmostEqual(row.unit_rate, 100.0 / 3)
        self.assertEqual(self._row(self.community_a2).unit_count, 0)

    def test_unit_rate_without_pairings(self):
        row = self._row(self.community_a1)
        self.assertEqual((row.unit_count, row.unit_paired_count), (3, 0))
        self.assertAlmostEqual(row.unit_rate, 0.0)

    def test_street_rate_is_of_the_sums_not_an_average_of_rates(self):
        group, = self.env["party.coverage.report"].read_group(
            [("company_id", "=", self.street_a.id)],
            ["company_id", "grid_rate", "building_rate"], ["company_id"])
        # grids: A1 1 of 2, A2 0 of 1; buildings: A1 1 of 2, A2 0 of 1
        self.assertAlmostEqual(group["grid_rate"], 100.0 / 3)
        self.assertAlmostEqual(group["building_rate"], 100.0 / 3)
