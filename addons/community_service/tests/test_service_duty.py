# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The duty roster: the next day's duty cadre takes over exactly what the
day's cadre did not settle."""
from odoo.exceptions import UserError, ValidationError

from .common import ServiceCase

# Monday 4 and Tuesday 5 May 2026 would be holidays: the roster runs all
# year (全年无休); these are Wednesday 6 and Thursday 7 May, 10:00 Beijing
DAY_1 = "2026-05-06 02:00:00"
DAY_2 = "2026-05-07 02:00:00"


class TestServiceDuty(ServiceCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Duty = cls.env["service.duty"]
        cls.duty_1 = Duty.create({
            "community_id": cls.community_a1.id, "date": "2026-05-06",
            "user_id": cls.community_clerk.id})
        cls.duty_2 = Duty.create({
            "community_id": cls.community_a1.id, "date": "2026-05-08",
            "user_id": cls.street_clerk.id})

    def _request(self, **vals):
        return self._create_request(date_received=DAY_1, **vals)

    def test_requests_and_cases_of_the_day_belong_to_the_duty(self):
        request = self._request()
        case = self._create_case(date_reported=DAY_1)
        self.assertEqual(request.duty_id, self.duty_1)
        self.assertEqual(case.duty_id, self.duty_1)
        later = self._create_request(date_received=DAY_2)
        self.assertFalse(later.duty_id)

    def test_handover_carries_exactly_the_unsettled_items(self):
        clerk = self.community_clerk
        received = self._request(applicant_name="Received")
        accepted = self._request(user=clerk, applicant_name="Accepted")
        self._receive_all(accepted)
        accepted.sudo(clerk.id).action_accept()
        done = self._request(user=clerk, applicant_name="Done")
        self._receive_all(done)
        done.sudo(clerk.id).action_accept()
        done.sudo(clerk.id).action_done()
        rejected = self._request(user=clerk, applicant_name="Rejected")
        rejected.sudo(clerk.id).action_reject(reason="Wrong office")
        forwarded = self._request(user=clerk, applicant_name="Forwarded",
                                  department_id=self.civil_affairs.id)
        self._receive_all(forwarded)
        forwarded.sudo(clerk.id).action_accept()
        forwarded.sudo(clerk.id).action_forward()
        reported = self._create_case(date_reported=DAY_1)
        dispatched = self._dispatched_case(date_reported=DAY_1)
        # taken over from the day before: one settled since, one not
        earlier = self.env["service.duty"].create({
            "community_id": self.community_a1.id, "date": "2026-04-30",
            "user_id": self.community_clerk.id})
        old_open = self._create_request(applicant_name="Old open")
        old_settled = self._create_request(user=clerk,
                                           applicant_name="Old settled")
        old_settled.sudo(clerk.id).action_reject(reason="Duplicate")
        self.duty_1.write({"handed_in_request_ids": [
            (6, 0, (old_open | old_settled).ids)]})
        self.assertEqual(earlier.state, "open")

        self.duty_1.sudo(clerk.id).action_hand_over()

        self.assertEqual(self.duty_1.state, "handed_over")
        self.assertEqual(self.duty_1.next_duty_id, self.duty_2)
        self.assertEqual(self.duty_1.handover_request_ids,
                         received | accepted | old_open)
        self.assertEqual(self.duty_1.handover_case_ids, reported)
        self.assertEqual(self.duty_2.handed_in_request_ids,
                         received | accepted | old_open)
        self.assertEqual(self.duty_2.handed_in_case_ids, reported)
        self.assertNotIn(dispatched, self.duty_2.handed_in_case_ids)
        body = self.duty_2.message_ids[:1].body
        for item in (received, accepted, old_open, reported):
            self.assertIn(item.name, body)
        self.assertNotIn(done.name, body)

    def test_handover_needs_a_next_duty(self):
        self.duty_1.sudo(self.community_clerk.id).action_hand_over()
        with self.assertRaisesRegex(UserError, "Community A1"):
            self.duty_2.action_hand_over()

    def test_day_is_handed_over_once(self):
        self.duty_1.action_hand_over()
        with self.assertRaises(UserError):
            self.duty_1.action_hand_over()

    def test_duty_needs_a_cadre(self):
        with self.assertRaises(ValidationError):
            self.env["service.duty"].create({
                "community_id": self.community_a1.id, "date": "2026-05-09"})

    def test_clerk_of_another_community_does_not_see_the_roster(self):
        Duty = self.env["service.duty"].sudo(self.community_clerk_a2.id)
        self.assertFalse(Duty.search([("id", "=", self.duty_1.id)]))
