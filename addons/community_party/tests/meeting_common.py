# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import PartyCase


class MeetingCase(PartyCase):
    """PartyCase plus the units, joint council and mixed-role users of the
    pairing and meeting tests.

    - ``unit_tax`` and ``unit_school``: resident-area units of community A1,
      both seated on ``council_a1`` (joint party-building council of A1);
      ``unit_a2`` sits on ``council_a2`` of community A2.
    - ``member_x`` and ``member_y``: members of ``branch_a1`` beside
      ``member_a1``.
    - ``secretary_clerk``: party secretary and community clerk of A1 (一肩挑);
      ``secretary_officer``: party secretary of A1 and grid officer of
      ``grid_a1`` (no clerk); ``secretary_street_clerk``: party secretary
      of A1 and street clerk.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.unit_tax = Partner.create({
            "name": "District Tax Office", "is_company": True,
            "organisation_type": "resident_unit",
            "community_id": cls.community_a1.id})
        cls.unit_school = Partner.create({
            "name": "Experimental Primary School", "is_company": True,
            "organisation_type": "resident_unit",
            "community_id": cls.community_a1.id})
        cls.unit_a2 = Partner.create({
            "name": "Peace Lane Hospital", "is_company": True,
            "organisation_type": "resident_unit",
            "community_id": cls.community_a2.id})
        Council = cls.env["community.council"]
        cls.council_a1 = Council.create({
            "name": "A1 joint party-building council",
            "kind": "party_building", "community_id": cls.community_a1.id,
            "member_ids": [(6, 0, (cls.unit_tax | cls.unit_school).ids)]})
        cls.council_a2 = Council.create({
            "name": "A2 co-building council", "kind": "co_building",
            "community_id": cls.community_a2.id,
            "member_ids": [(6, 0, cls.unit_a2.ids)]})
        cls.member_x = cls._create_member(
            "Zhao Min", cls.branch_a1, category="in_service")
        cls.member_y = cls._create_member(
            "Sun Li", cls.branch_a1, category="elderly")

        cls.secretary_clerk = cls._create_user(
            "secretary_clerk", "community_party.group_party_secretary",
            "community_base.group_community_clerk")
        cls.secretary_officer = cls._create_user(
            "secretary_officer", "community_party.group_party_secretary",
            "community_grid.group_grid_officer")
        cls.secretary_street_clerk = cls._create_user(
            "secretary_street_clerk", "community_party.group_party_secretary",
            "community_base.group_street_clerk")
        for user in (cls.secretary_clerk, cls.secretary_officer,
                     cls.secretary_street_clerk):
            cls._set_street(user, cls.street_a)
            user.community_ids = cls.community_a1
        cls.grid_a1.deputy_ids = cls.secretary_officer

    @classmethod
    def _meeting(cls, name, date, state="planned", **vals):
        """A meeting of ``branch_a1`` (or of what ``vals`` says) on
        ``date``, in ``state``, with its attendees filled in."""
        vals.setdefault("organisation_id", cls.branch_a1.id)
        vals.update({"name": name, "date": date})
        meeting = cls.env["party.meeting"].create(vals)
        meeting.action_fill_attendees()
        if state != "planned":
            meeting.write({"state": state})
        return meeting

    @staticmethod
    def _present(meeting, *members):
        """Mark ``members`` present at ``meeting``, the others absent."""
        for line in meeting.attendance_ids:
            line.present = line.member_id in members
