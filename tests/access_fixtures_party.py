"""The party addon's part of the access matrix fixtures: the values of a
new record of each party model in a place (see access_fixtures).

``MatrixFixtures`` inherits ``PartyFixtures``; each place carries its
community's party committee (``party_organisation``) and a member of it
(``party_member``).
"""
import datetime


class PartyFixtures:
    """``_vals_<model>(p, n)`` for the party models."""

    @classmethod
    def _vals_party_organisation(cls, p, n):
        return {"name": "Branch %s" % n, "kind": "branch",
                "company_id": p["street"].id,
                "community_id": p["community"].id,
                "parent_id": p["party_organisation"].id}

    @classmethod
    def _vals_party_member(cls, p, n):
        return {"name": "Member %s" % n,
                "organisation_id": p["party_organisation"].id,
                "category": "retired",
                "date_joined": str(datetime.date(2000, 7, 1))}

    # -- H1: committees, elections, coverage ----------------------------
    @classmethod
    def _vals_party_committee_member(cls, p, n):
        # a member of its own: a member holds one line of a committee at a
        # time, and the matrix creates several lines in each place
        member = cls.env["party.member"].create(cls._vals_party_member(p, n))
        return {"organisation_id": p["party_organisation"].id,
                "member_id": member.id, "post": "member",
                "date_start": str(datetime.date(2021, 6, 1))}

    @classmethod
    def _vals_party_election(cls, p, n):
        return {"organisation_id": p["party_organisation"].id,
                "date": str(datetime.date(2021, 6, 1)), "method": "direct",
                "electorate": 50, "voters": 45, "votes_cast": 45,
                "approving_body": "Working committee %s" % n}

    @classmethod
    def _fixture_party_coverage_report(cls, place):
        return cls._report("party.coverage.report", place)
    # (end of H1)

    # -- H2: transfers, care --------------------------------------------
    @classmethod
    def _vals_party_member_transfer(cls, p, n):
        # a draft transfer out of the place's member to outside the street
        return {"member_id": p["party_member"].id, "direction": "out",
                "from_organisation_id": p["party_organisation"].id,
                "to_text": "Outside branch %s" % n,
                "date": str(datetime.date(2026, 3, 1)),
                "letter_number": "M%s" % n}

    @classmethod
    def _vals_party_member_care(cls, p, n):
        return {"member_id": p["party_member"].id, "kind": "visit",
                "description": "Matrix visit %s" % n,
                "date": str(datetime.date(2026, 3, 1)),
                "next_date": str(datetime.date(2026, 6, 1))}
    # (end of H2)

    # -- H3: in-service members reporting -------------------------------

    @classmethod
    def _inservice_unit(cls, p):
        """The place's work unit of in-service members (made once)."""
        if "inservice_unit" not in p:
            p["inservice_unit"] = cls.env["res.partner"].create({
                "name": "Matrix unit %s" % p["community"].code,
                "is_company": True})
        return p["inservice_unit"]

    @classmethod
    def _inservice_member(cls, p, n):
        """A new in-service member of the place's party committee: a member
        registers once a year, so each registration needs its own."""
        return cls.env["party.member"].create({
            "name": "In-service member %s" % n,
            "organisation_id": p["party_organisation"].id,
            "category": "in_service",
            "work_unit_id": cls._inservice_unit(p).id})

    @classmethod
    def _vals_party_inservice_registration(cls, p, n):
        return {"member_id": cls._inservice_member(p, n).id,
                "community_id": p["community"].id,
                "unit_id": cls._inservice_unit(p).id,
                "date_registered": str(datetime.date(2026, 3, 1))}

    @classmethod
    def _inservice_registration(cls, p):
        """The place's registration that commitments and report rows use."""
        if "inservice_registration" not in p:
            p["inservice_registration"] = cls.env[
                "party.inservice.registration"].create(
                    cls._vals_party_inservice_registration(
                        p, next(cls._sequence)))
        return p["inservice_registration"]

    @classmethod
    def _vals_party_inservice_commitment(cls, p, n):
        return {"registration_id": cls._inservice_registration(p).id,
                "kind": "project", "description": "Matrix project %s" % n}

    @classmethod
    def _fixture_party_inservice_unit_report(cls, place):
        p = cls.places[place]
        registration = cls._inservice_registration(p)
        Report = cls.env["party.inservice.unit.report"]
        Report.invalidate_cache()
        record = Report.search(
            [("registration_id", "=", registration.id)], limit=1)
        if not record:
            raise ValueError("no party.inservice.unit.report row for %s"
                             % place)
        return record

    @classmethod
    def _vals_party_inservice_batch(cls, p, n):
        return {"unit_id": cls._inservice_unit(p).id,
                "community_id": p["community"].id,
                "date_registered": str(datetime.date(2026, 3, 1)),
                "line_ids": [(0, 0, {
                    "member_id": cls._inservice_member(p, n).id})]}

    @classmethod
    def _write_party_inservice_batch(cls, record):
        return {"date_registered": str(datetime.date(2026, 3, 2))}

    @classmethod
    def _vals_party_inservice_batch_line(cls, p, n):
        batch = cls.env["party.inservice.batch"].create({
            "unit_id": cls._inservice_unit(p).id,
            "community_id": p["community"].id})
        return {"batch_id": batch.id,
                "member_id": cls._inservice_member(p, n).id}

    # (end of H3)

    # -- H4: pairing, instructors, meetings, decisions ------------------

    @classmethod
    def _pairing_unit(cls, p):
        """The place's unit paired with its community (made once)."""
        if "pairing_unit" not in p:
            p["pairing_unit"] = cls.env["res.partner"].create({
                "name": "Matrix paired unit %s" % p["community"].code,
                "is_company": True, "organisation_type": "resident_unit",
                "community_id": p["community"].id})
        return p["pairing_unit"]

    @classmethod
    def _vals_party_pairing(cls, p, n):
        return {"name": "Pairing %s" % n,
                "unit_id": cls._pairing_unit(p).id,
                "community_id": p["community"].id,
                "date_signed": str(datetime.date(2026, 1, 15))}

    @classmethod
    def _vals_party_pairing_commitment(cls, p, n):
        pairing = cls.env["party.pairing"].create(
            cls._vals_party_pairing(p, n))
        return {"pairing_id": pairing.id, "kind": "project",
                "description": "Matrix commitment %s" % n,
                "date_due": str(datetime.date(2026, 6, 30))}

    @classmethod
    def _vals_party_instructor(cls, p, n):
        return {"name": "Instructor %s" % n,
                "community_id": p["community"].id,
                "grid_id": p["grid"].id,
                "date_appointed": str(datetime.date(2026, 1, 1))}

    @classmethod
    def _vals_party_meeting(cls, p, n):
        return {"name": "Meeting %s" % n, "kind": "congress",
                "organisation_id": p["party_organisation"].id,
                "date": "2026-03-02 06:00:00"}

    @classmethod
    def _vals_party_meeting_attendance(cls, p, n):
        meeting = cls.env["party.meeting"].create(
            cls._vals_party_meeting(p, n))
        return {"meeting_id": meeting.id,
                "member_id": p["party_member"].id}

    @classmethod
    def _write_party_meeting_attendance(cls, record):
        return {"absence_reason": "On leave."}

    @classmethod
    def _vals_party_meeting_decision(cls, p, n):
        meeting = cls.env["party.meeting"].create(
            cls._vals_party_meeting(p, n))
        return {"meeting_id": meeting.id, "name": "Decision %s" % n,
                "date_deadline": str(datetime.date(2026, 4, 30))}

    # (end of H4)
