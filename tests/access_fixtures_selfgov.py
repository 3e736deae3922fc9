"""The self-government models' part of the access matrix fixtures: the
values of a new record of each ``community.selfgov.*`` model in a place
(see access_fixtures).

Each place gets its residents' council (``selfgov_body``) and a meeting of
it (``selfgov_meeting``), made once.
"""
import datetime


class SelfgovFixtures:
    """``_vals_<model>(p, n)`` for the self-government models."""

    @classmethod
    def _selfgov_body(cls, p):
        if "selfgov_body" not in p:
            p["selfgov_body"] = cls.env["community.selfgov.body"].create(
                cls._vals_community_selfgov_body(p, "place"))
        return p["selfgov_body"]

    @classmethod
    def _selfgov_meeting(cls, p):
        if "selfgov_meeting" not in p:
            p["selfgov_meeting"] = cls.env[
                "community.selfgov.meeting"].create(
                    cls._vals_community_selfgov_meeting(p, "place"))
        return p["selfgov_meeting"]

    @classmethod
    def _vals_community_selfgov_body(cls, p, n):
        return {"name": "Matrix residents' council %s" % n,
                "kind": "residents_council",
                "community_id": p["community"].id}

    @classmethod
    def _vals_community_selfgov_member(cls, p, n):
        return {"body_id": cls._selfgov_body(p).id,
                "name": "Matrix member %s" % n,
                "resident_id": p["resident"].id,
                "date_start": str(datetime.date(2026, 1, 1))}

    @classmethod
    def _vals_community_selfgov_meeting(cls, p, n):
        return {"name": "Matrix deliberation %s" % n,
                "body_id": cls._selfgov_body(p).id,
                "date": "2026-03-02 06:00:00"}

    @classmethod
    def _vals_community_selfgov_attendance(cls, p, n):
        return {"meeting_id": cls._selfgov_meeting(p).id,
                "attendee_name": "Matrix resident %s" % n}

    @classmethod
    def _write_community_selfgov_attendance(cls, record):
        return {"absence_reason": "On leave."}

    @classmethod
    def _vals_community_selfgov_decision(cls, p, n):
        return {"meeting_id": cls._selfgov_meeting(p).id,
                "name": "Matrix decision %s" % n,
                "date_deadline": str(datetime.date(2026, 4, 30))}

    @classmethod
    def _vals_community_selfgov_proposal(cls, p, n):
        return {"name": "Matrix proposal %s" % n,
                "community_id": p["community"].id,
                "proposer_name": "Matrix residents %s" % n}
