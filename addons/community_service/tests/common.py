# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_grid.tests.case_common import CaseLoopCase

# Thursday 30 April 2026, 10:00 in Beijing: Labour Day is 1-5 May
BEFORE_LABOUR_DAY = "2026-04-30 02:00:00"


class ServiceCase(CaseLoopCase):
    """CaseLoopCase (street A's test calendar: Qingming 4-6 April, Labour
    Day 1-5 May 2026, Saturday 9 May worked) plus the service hall: an
    approved admission request of street A, and two matters admitted by
    it:

    - ``item_elderly`` 老年优待证: 5 working days, street level, two
      required documents (ID card, photo) and an optional one;
    - ``item_certificate`` 开具证明: 1 working day, department level, no
      document.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.civil_affairs = cls.env["hr.department"].create(
            {"name": "Civil affairs section"})
        cls.admission = cls.env["community.admission.request"].create({
            "name": "Service hall matters", "department_id":
                cls.civil_affairs.id,
            "task_type": "task", "legal_basis": "Civil affairs regulations",
            "community_ids": [(6, 0, (cls.community_a1
                                      | cls.community_a2).ids)],
            "company_id": cls.street_a.id,
            "date_start": "2026-01-01"})
        cls.admission.write({"state": "approved"})
        Item = cls.env["service.item"]
        cls.item_elderly = Item.create({
            "name": "Elderly card", "code": "T-LNYD", "window": "Civil affairs",
            "time_limit_days": 5, "reply_level": "street",
            "company_id": cls.street_a.id,
            "admission_request_id": cls.admission.id, "active": True,
            "document_ids": [
                (0, 0, {"name": "ID card", "sequence": 1}),
                (0, 0, {"name": "Photo", "sequence": 2}),
                (0, 0, {"name": "Household register", "sequence": 3,
                        "required": False}),
            ]})
        cls.item_certificate = Item.create({
            "name": "Certificate", "code": "T-KJZM", "time_limit_days": 1,
            "reply_level": "department", "company_id": cls.street_a.id,
            "department_id": cls.civil_affairs.id,
            "admission_request_id": cls.admission.id, "active": True})

    @classmethod
    def _create_request(cls, user=None, **vals):
        values = {
            "item_id": cls.item_elderly.id,
            "community_id": cls.community_a1.id,
            "applicant_name": "Wang Fang",
            "applicant_phone": "13800138000",
            "date_received": BEFORE_LABOUR_DAY,
        }
        values.update(vals)
        Request = cls.env["service.request"]
        if user:
            Request = Request.sudo(user.id)
        return Request.create(values)

    @staticmethod
    def _receive_all(request):
        request.document_line_ids.write({"received": True})
