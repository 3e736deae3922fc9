# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import make_id_number
from odoo.addons.community_grid.tests.common import GridCase


class PartyCase(GridCase):
    """GridCase plus the party organisations, members and roles of the two
    test streets, built without demo data.

    Organisations:

    - ``org_street_a``: working committee of street A (no community);
    - ``org_a1``: party committee of community A1, below it ``branch_a1``
      (branch) and ``grid_branch_a1`` (grid branch of ``grid_a1``);
    - ``org_a2``: party committee of community A2;
    - ``org_b1``: party committee of community B1 (street B).

    Members: ``member_a1`` (Wang Jianguo, resident_a1, retired, full, in
    ``branch_a1``), ``member_a1_probationary`` (in ``grid_branch_a1``),
    ``member_a2`` (Zhang Wei, resident_a2, in ``org_a2``) and ``member_b1``
    (in ``org_b1``).

    Users (street A): ``party_officer`` (the whole street),
    ``party_secretary`` (community A1), ``party_secretary_a2`` (A2),
    ``party_organiser`` (keeps ``branch_a1``); the users of the base
    classes (leader, clerks, grid officers) hold no party role.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Organisation = cls.env["party.organisation"]
        cls.org_street_a = Organisation.create({
            "name": "Street A working committee", "kind": "street_committee",
            "company_id": cls.street_a.id})
        cls.org_a1 = cls._create_organisation(
            "Community A1 party committee", "community_committee",
            cls.community_a1, cls.org_street_a)
        cls.branch_a1 = cls._create_organisation(
            "A1 first branch", "branch", cls.community_a1, cls.org_a1)
        cls.grid_branch_a1 = cls._create_organisation(
            "A1-G1 grid branch", "grid_branch", cls.community_a1, cls.org_a1,
            grid_id=cls.grid_a1.id)
        cls.org_a2 = cls._create_organisation(
            "Community A2 party committee", "community_committee",
            cls.community_a2, cls.org_street_a)
        cls.org_b1 = cls._create_organisation(
            "Community B1 party committee", "community_committee",
            cls.community_b1)

        cls.member_a1 = cls._create_member(
            "Wang Jianguo", cls.branch_a1, resident_id=cls.resident_a1.id,
            id_number=cls.resident_a1.id_number, phone="13812345678",
            gender="male", birth_date="1949-12-31", category="retired",
            date_joined="1975-07-01", date_full="1976-07-01")
        cls.member_a1_probationary = cls._create_member(
            "Chen Jing", cls.grid_branch_a1, status="probationary",
            category="in_service",
            id_number=make_id_number("110105", "19950808", "031"),
            phone="13512345678", date_joined="2026-07-01")
        cls.member_a2 = cls._create_member(
            "Zhang Wei", cls.org_a2, resident_id=cls.resident_a2.id,
            id_number=cls.resident_a2.id_number, phone="13712345678",
            category="mobile")
        cls.member_b1 = cls._create_member(
            "Liu Fang", cls.org_b1, resident_id=cls.resident_b1.id,
            id_number=cls.resident_b1.id_number, phone="13612345678")

        cls.party_officer = cls._create_user(
            "party_officer", "community_party.group_party_officer")
        cls.party_secretary = cls._create_user(
            "party_secretary", "community_party.group_party_secretary")
        cls.party_secretary_a2 = cls._create_user(
            "party_secretary_a2", "community_party.group_party_secretary")
        cls.party_organiser = cls._create_user(
            "party_organiser", "community_party.group_party_organiser")
        for user in (cls.party_officer, cls.party_secretary,
                     cls.party_secretary_a2, cls.party_organiser):
            cls._set_street(user, cls.street_a)
        cls.party_secretary.community_ids = cls.community_a1
        cls.party_secretary_a2.community_ids = cls.community_a2
        cls.party_organiser.party_organisation_ids = cls.branch_a1

    @classmethod
    def _create_organisation(cls, name, kind, community, parent=None, **vals):
        vals.update({
            "name": name, "kind": kind, "community_id": community.id,
            "company_id": community.company_id.id,
            "parent_id": parent.id if parent else False})
        return cls.env["party.organisation"].create(vals)

    @classmethod
    def _create_member(cls, name, organisation, **vals):
        vals.update({"name": name, "organisation_id": organisation.id})
        return cls.env["party.member"].create(vals)
