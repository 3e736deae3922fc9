# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields

from .inservice_common import InserviceCase


class FiguresCase(InserviceCase):
    """InserviceCase (the in-service members of Unit U reporting to A1, of
    Unit V to A2, with known service this year) plus, in street A:

    - ``member_direct``, managed directly by the street's working
      committee, and a deceased member of A2 (not counted);
    - pairings in force: Unit U with A1 (three commitments, one
      fulfilled this month), Unit V with A2 (one, fulfilled); an ended
      pairing of Unit V with A1 (its commitment is not counted);
    - meetings on the first day of the current month: in ``branch_a1`` two
      held, one planned, one cancelled; in ``org_a2`` one held; one held
      by ``branch_a1`` last year and one planned for next month (outside
      the year to the end of this month); the held meeting of A1 has two
      decisions, one done;
    - ``clerk_officer``: a street clerk who is also the street's party
      affairs officer.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = datetime.date.today()
        cls.month = cls.today.replace(day=1)
        cls.member_direct = cls._create_member(
            "Sun Li", cls.org_street_a, category="direct")
        cls._create_member("Zhao Lei", cls.org_a2, category="mobile",
                           state="deceased")
        month = fields.Date.to_string(cls.month)
        cls.pairing_u = cls._pairing(cls.unit_u, cls.community_a1, [
            ("money", "Canteen", "done"), ("people", "Tutors", "planned"),
            ("project", "Clinic", "planned")])
        cls.pairing_v = cls._pairing(cls.unit_v, cls.community_a2, [
            ("premises", "Meeting room", "done")])
        ended = cls._pairing(cls.unit_v, cls.community_a1, [
            ("project", "Old project", "done")])
        ended.state = "ended"
        cls.pairing_u.commitment_ids.filtered(
            lambda line: line.state == "done").date_done = month

        first = "%s 02:00:00" % month  # 10:00 in Beijing
        Meeting = cls.env["party.meeting"]
        cls.held_a1 = Meeting.create({
            "name": "Branch meeting", "organisation_id": cls.branch_a1.id,
            "date": first, "state": "held", "kind": "congress"})
        for name, state in (("Lecture", "held"), ("Committee", "planned"),
                            ("Group", "cancelled")):
            Meeting.create({"name": name, "organisation_id": cls.branch_a1.id,
                            "date": first, "state": state})
        Meeting.create({"name": "A2 meeting", "organisation_id": cls.org_a2.id,
                        "date": first, "state": "held"})
        Meeting.create({"name": "Last year", "date": "%s-12-01 02:00:00" % (
            cls.today.year - 1), "organisation_id": cls.branch_a1.id,
            "state": "held"})
        next_month = (cls.month + datetime.timedelta(days=32)).replace(day=1)
        Meeting.create({"name": "Next month", "state": "planned",
                        "organisation_id": cls.branch_a1.id,
                        "date": "%s 02:00:00" % next_month})
        Decision = cls.env["party.meeting.decision"]
        Decision.create({"meeting_id": cls.held_a1.id, "name": "Repair",
                         "state": "done"})
        Decision.create({"meeting_id": cls.held_a1.id, "name": "Visit"})

        cls.clerk_officer = cls._create_user(
            "clerk_officer", "community_base.group_street_clerk",
            "community_party.group_party_officer")
        cls._set_street(cls.clerk_officer, cls.street_a)

    @classmethod
    def _pairing(cls, unit, community, commitments):
        pairing = cls.env["party.pairing"].create({
            "name": "%s - %s" % (unit.name, community.name),
            "unit_id": unit.id, "community_id": community.id,
            "date_signed": "%s-01-01" % (datetime.date.today().year - 1),
            "commitment_ids": [(0, 0, {"kind": kind, "description": text})
                               for kind, text, _state in commitments]})
        pairing.action_activate()
        for line, (_kind, _text, state) in zip(pairing.commitment_ids,
                                               commitments):
            if state == "done":
                line.action_done()
        return pairing
