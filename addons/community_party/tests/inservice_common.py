# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields

from odoo.addons.community_base.tests.common import make_id_number

from .common import PartyCase


class InserviceCase(PartyCase):
    """PartyCase plus a unit whose in-service members report to community
    A1, with known service:

    - ``unit_u`` (Unit U) and its party branch ``unit_branch_u`` (kind
      unit_branch, street A, no community), kept by ``unit_organiser``;
    - three of its members living in A1, registered with A1 on 1 March of
      last year (``reg_1``, ``reg_2``, ``reg_3``); ``reg_1`` has a building
      duty and a volunteer post;
    - their service with ``team_a1``: ``member_u1`` 2.5 + 3.0 hours this
      year and 1.0 last year, ``member_u2`` 4.0 this year, ``member_u3``
      6.0 last year only. So this year Unit U has 3 reported, 2 active,
      3 activities and 9.5 hours; last year 3 reported, 2 active, 2
      activities and 7.0 hours;
    - ``member_u4``, in-service in Unit U, with no resident record, not
      registered; ``member_u5`` and ``member_u6``, in-service in Unit U,
      living in A1, not registered;
    - ``unit_v`` and ``member_v1`` (living in A2), registered with A2 this
      year (``reg_v1``).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.year = cls.env["party.inservice.registration"]._current_year()
        Partner = cls.env["res.partner"]
        cls.unit_u = Partner.create({"name": "Unit U", "is_company": True})
        cls.unit_v = Partner.create({"name": "Unit V", "is_company": True})
        cls.team_a1 = Partner.create({
            "name": "A1 volunteer team", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": cls.community_a1.id})
        cls.team_a2 = Partner.create({
            "name": "A2 volunteer team", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": cls.community_a2.id})
        Organisation = cls.env["party.organisation"]
        cls.unit_branch_u = Organisation.create({
            "name": "Unit U party branch", "kind": "unit_branch",
            "company_id": cls.street_a.id, "parent_id": cls.org_street_a.id,
            "unit_id": cls.unit_u.id})
        cls.unit_branch_v = Organisation.create({
            "name": "Unit V party branch", "kind": "unit_branch",
            "company_id": cls.street_a.id, "parent_id": cls.org_street_a.id,
            "unit_id": cls.unit_v.id})

        cls.member_u1 = cls._inservice_member(
            "Zhao Lei", cls.unit_branch_u, cls.unit_u, cls.household_a1b,
            "19800301", "011", "13800000001")
        cls.member_u2 = cls._inservice_member(
            "Qian Min", cls.unit_branch_u, cls.unit_u, cls.household_a1b,
            "19820402", "022", "13800000002")
        cls.member_u3 = cls._inservice_member(
            "Sun Hao", cls.unit_branch_u, cls.unit_u, cls.household_a1b,
            "19840503", "033", "13800000003")
        cls.member_u4 = cls._create_member(
            "Li Na", cls.unit_branch_u, category="in_service",
            work_unit_id=cls.unit_u.id)
        cls.member_u5 = cls._inservice_member(
            "Zhou Jie", cls.unit_branch_u, cls.unit_u, cls.household_a1b,
            "19860604", "045", "13800000005")
        cls.member_u6 = cls._inservice_member(
            "Wu Yan", cls.unit_branch_u, cls.unit_u, cls.household_a1b,
            "19880705", "056", "13800000006")
        cls.member_v1 = cls._inservice_member(
            "Zheng Hua", cls.unit_branch_v, cls.unit_v, cls.household_a2,
            "19900806", "067", "13800000007")

        last_year_march = cls.day(cls.year - 1, 3, 1)
        cls.reg_1 = cls._register(cls.member_u1, cls.community_a1,
                                  last_year_march)
        cls.reg_2 = cls._register(cls.member_u2, cls.community_a1,
                                  last_year_march)
        cls.reg_3 = cls._register(cls.member_u3, cls.community_a1,
                                  last_year_march)
        cls.reg_1.write({
            "community_comment": "Keeps Building 1 tidy.",
            "commitment_ids": [
                (0, 0, {"kind": "building_duty",
                        "building_id": cls.building_a1.id}),
                (0, 0, {"kind": "volunteer_post", "team_id": cls.team_a1.id,
                        "description": "Weekend patrol"})]})
        cls.reg_v1 = cls._register(cls.member_v1, cls.community_a2,
                                   cls.day(cls.year, 1, 1))

        cls._serve(cls.member_u1, cls.day(cls.year, 1, 1), 2.5)
        cls._serve(cls.member_u1, cls.day(cls.year, 1, 2), 3.0)
        cls._serve(cls.member_u1, cls.day(cls.year - 1, 6, 1), 1.0)
        cls._serve(cls.member_u2, cls.day(cls.year, 1, 1), 4.0)
        cls._serve(cls.member_u3, cls.day(cls.year - 1, 6, 1), 6.0)
        cls._serve(cls.member_v1, cls.day(cls.year, 1, 1), 1.5,
                   team=cls.team_a2)

        cls.unit_organiser = cls._create_user(
            "unit_organiser", "community_party.group_party_organiser")
        cls._set_street(cls.unit_organiser, cls.street_a)
        cls.unit_organiser.party_organisation_ids = cls.unit_branch_u

    @staticmethod
    def day(year, month, day):
        return fields.Date.to_string(datetime.date(year, month, day))

    @classmethod
    def _inservice_member(cls, name, organisation, unit, household, birth,
                          sequence, phone):
        number = make_id_number("110105", birth, sequence)
        resident = cls._create_resident(
            name, household, number, relation="other", phone=phone)
        return cls._create_member(
            name, organisation, category="in_service",
            work_unit_id=unit.id, resident_id=resident.id, id_number=number,
            phone=phone, gender="male")

    @classmethod
    def _register(cls, member, community, date, **vals):
        values = {
            "member_id": member.id, "community_id": community.id,
            "unit_id": member.work_unit_id.id,
            "unit_organisation_id": member.organisation_id.id,
            "date_registered": date}
        values.update(vals)
        return cls.env["party.inservice.registration"].create(values)

    @classmethod
    def _serve(cls, member, date, hours, team=None):
        return cls.env["community.volunteer.activity"].create({
            "team_id": (team or cls.team_a1).id,
            "volunteer_id": member.resident_id.id, "date": date,
            "hours": hours, "description": "Service of %s" % member.name})
