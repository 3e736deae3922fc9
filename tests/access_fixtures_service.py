"""The service hall's part of the access matrix fixtures: the values of a
new record of each community_service model in a place (see
access_fixtures), and of the reply promise's phone answer wizard.

``MatrixFixtures`` inherits ``ServiceFixtures``; each place gets, when
first needed, an approved admission request of its street and a service
matter admitted by it (``service_item``).
"""
import datetime


class ServiceFixtures:
    """``_vals_<model>(p, n)`` for the service hall models."""

    @classmethod
    def _service_item(cls, p):
        """The place's admitted service matter (made once)."""
        if "service_item" not in p:
            admission = cls.env["community.admission.request"].create({
                "name": "Matrix hall %s" % p["community"].code,
                "department_id": cls._department(p).id,
                "task_type": "task", "legal_basis": "Matrix",
                "community_ids": [(6, 0, p["community"].ids)],
                "company_id": p["street"].id, "date_start": "2026-01-01"})
            admission.write({"state": "approved"})
            p["service_admission"] = admission
            p["service_item"] = cls.env["service.item"].create(
                cls._vals_service_item(p, p["community"].code))
        return p["service_item"]

    @classmethod
    def _vals_service_item(cls, p, n):
        item = p.get("service_item")
        admission = p.get("service_admission")
        if not admission:
            admission = cls._service_item(p).admission_request_id
        return {"name": "Matrix matter %s" % n, "code": "MXS-%s" % n,
                "company_id": p["street"].id, "time_limit_days": 5,
                "admission_request_id": admission.id, "active": True,
                "document_ids": [] if item else [
                    (0, 0, {"name": "Matrix ID card"})]}

    @classmethod
    def _vals_service_item_document(cls, p, n):
        return {"item_id": cls._service_item(p).id,
                "name": "Matrix document %s" % n}

    @classmethod
    def _vals_service_request(cls, p, n):
        return {"item_id": cls._service_item(p).id,
                "community_id": p["community"].id,
                "applicant_name": "Matrix applicant %s" % n,
                "applicant_phone": "1380013%04d" % (n % 10000)}

    @classmethod
    def _write_service_request(cls, record):
        return {"description": "Matrix."}

    @classmethod
    def _service_request(cls, p):
        """A received request of the place (made once)."""
        if "service_request" not in p:
            p["service_request"] = cls.env["service.request"].create(
                cls._vals_service_request(p, next(cls._sequence)))
        return p["service_request"]

    @classmethod
    def _vals_service_request_document(cls, p, n):
        document = cls.env["service.item.document"].create(
            cls._vals_service_item_document(p, n))
        return {"request_id": cls._service_request(p).id,
                "document_id": document.id}

    @classmethod
    def _write_service_request_document(cls, record):
        return {"received": True}

    @classmethod
    def _vals_service_duty(cls, p, n):
        # one duty a day in a community: each fixture its own day
        day = datetime.date(2030, 1, 1) + datetime.timedelta(days=n)
        return {"community_id": p["community"].id, "date": str(day),
                "user_id": cls.env.uid}

    @classmethod
    def _fixture_service_window_report(cls, place):
        cls._service_request(cls.places[place])
        return cls._report("service.window.report", place)

    # wizards: every user may open one; each sees only those they opened

    @classmethod
    def _vals_service_request_reject_wizard(cls, p, n):
        return {"request_id": cls._service_request(p).id,
                "reason": "Matrix %s" % n}

    @classmethod
    def _vals_grid_reply_phone_wizard(cls, p, n):
        return {"res_model": "grid.case", "res_id": cls._case(p).id,
                "note": "Matrix %s" % n}
