# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reception ledger: numbers, documents, steps, deadlines on the
working-day calendar, the reply promise, cases and receipts."""
from odoo import fields
from odoo.exceptions import AccessError, UserError

from .common import ServiceCase


class TestServiceRequest(ServiceCase):

    def test_request_gets_a_number_and_the_item_s_checklist(self):
        request = self._create_request(user=self.community_clerk)
        self.assertTrue(request.name.startswith("BJ"))
        self.assertEqual(
            request.document_line_ids.mapped("name"),
            ["ID card", "Photo", "Household register"])
        self.assertEqual(request.missing_document_count, 2)
        self.assertEqual(request.state, "received")

    def test_acceptance_refused_naming_the_missing_documents(self):
        request = self._create_request(user=self.community_clerk)
        request.document_line_ids.filtered(
            lambda line: line.name == "ID card").received = True
        with self.assertRaisesRegex(UserError, "Photo"):
            request.action_accept()
        self.assertEqual(request.state, "received")

    def test_acceptance_with_the_required_documents(self):
        request = self._create_request(user=self.community_clerk)
        request.document_line_ids.filtered("required").write(
            {"received": True})
        request.action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertTrue(request.date_accepted)

    def test_deadline_counts_working_days_across_labour_day(self):
        # 5 working days after Thursday 30 April: Wed 6, Thu 7, Fri 8, the
        # worked Saturday 9 and Monday 11 May
        request = self._create_request()
        self.assertEqual(request.date_deadline, "2026-05-11")
        certificate = self._create_request(
            item_id=self.item_certificate.id)
        self.assertEqual(certificate.date_deadline, "2026-05-06")

    def test_hotline_transfer_keeps_its_own_deadline(self):
        request = self._create_request(
            channel="hotline", hotline_ticket="12345-0001",
            hotline_deadline="2026-05-08")
        self.assertEqual(request.date_deadline, "2026-05-08")

    def test_reply_promise_by_the_item_s_level(self):
        street = self._create_request()
        self.assertEqual(street.date_answer_deadline, "2026-05-06")
        department = self._create_request(item_id=self.item_certificate.id)
        self.assertEqual(department.date_answer_deadline, "2026-05-07")

    def test_acceptance_is_the_first_answer(self):
        request = self._create_request(
            user=self.community_clerk, date_received=fields.Datetime.now())
        self._receive_all(request)
        request.action_accept()
        self.assertEqual(request.answer_channel, "decision")
        self.assertTrue(request.reply_promise_kept)
        self.assertFalse(request.is_answer_overdue)

    def test_request_answered_late_misses_the_promise(self):
        request = self._create_request()
        self.env["grid.reply.phone.wizard"].sudo(
            self.community_clerk.id).create({
                "res_model": "service.request", "res_id": request.id,
                "date": "2026-05-07 02:00:00",
                "note": "Called back"}).action_confirm()
        self.assertEqual(request.answer_channel, "phone")
        self.assertFalse(request.reply_promise_kept)
        self.assertTrue(request.is_answer_overdue)

    def test_rejection_needs_a_reason_and_answers(self):
        request = self._create_request(user=self.community_clerk)
        with self.assertRaises(UserError):
            request.action_reject(reason="  ")
        action = request.action_reject()
        self.assertEqual(action["res_model"], "service.request.reject.wizard")
        self.env["service.request.reject.wizard"].sudo(
            self.community_clerk.id).create({
                "request_id": request.id,
                "reason": "Not 60 years old yet"}).action_confirm()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason, "Not 60 years old yet")
        self.assertEqual(request.answer_channel, "decision")
        self.assertFalse(request.is_overdue)

    def test_forward_needs_the_section(self):
        request = self._create_request(user=self.community_clerk)
        self._receive_all(request)
        request.action_accept()
        with self.assertRaises(UserError):
            request.action_forward()
        request.department_id = self.civil_affairs
        request.action_forward()
        self.assertEqual(request.state, "in_progress")
        self.assertTrue(request.date_forwarded)

    def test_open_request_past_its_deadline_is_overdue(self):
        request = self._create_request()
        self.assertTrue(request.is_overdue)

    def test_done_late_is_not_on_time(self):
        request = self._create_request(user=self.community_clerk)
        self._receive_all(request)
        request.action_accept()
        request.action_done()
        self.assertFalse(request.done_on_time)
        self.assertTrue(request.is_overdue)
        request.action_collect()
        self.assertEqual(request.state, "collected")

    def test_done_in_time(self):
        request = self._create_request(
            user=self.community_clerk, date_received=fields.Datetime.now())
        self._receive_all(request)
        request.action_accept()
        request.action_start()
        request.action_done()
        self.assertTrue(request.done_on_time)
        self.assertFalse(request.is_overdue)

    def test_daily_action_flags_open_requests_past_their_deadline(self):
        request = self._create_request(
            user=self.community_clerk, date_received=fields.Datetime.now())
        self.assertFalse(request.is_overdue)
        deadline = fields.Date.from_string(request.date_deadline)
        flagged = self.env["service.request"]._cron_daily(
            today=str(deadline.replace(year=deadline.year + 1)))
        self.assertIn(request, flagged)
        self.assertTrue(request.is_overdue)

    def test_steps_change_only_through_the_buttons(self):
        request = self._create_request(user=self.community_clerk)
        with self.assertRaises(UserError):
            request.write({"state": "done"})
        with self.assertRaises(UserError):
            request.unlink()

    def test_leader_reads_the_masked_phone_only(self):
        request = self._create_request()
        as_leader = request.sudo(self.leader.id)
        self.assertEqual(as_leader.applicant_phone_masked, "138****8000")
        with self.assertRaises(AccessError):
            as_leader.read(["applicant_phone"])
        with self.assertRaises(AccessError):
            as_leader.search([("applicant_phone", "=", "13800138000")])

    def test_community_clerk_sees_only_their_community(self):
        mine = self._create_request()
        other = self._create_request(community_id=self.community_a2.id)
        Request = self.env["service.request"].sudo(self.community_clerk.id)
        found = Request.search([("id", "in", (mine | other).ids)])
        self.assertEqual(found, mine)

    def test_request_becomes_a_case_linked_both_ways(self):
        self.env["grid.case.category"].create({
            "name": "Elderly card problem", "code": "T-LNYD",
            "level": "street"})
        request = self._create_request(
            user=self.street_clerk, resident_id=self.resident_a1.id,
            description="The lift of building 1 is broken")
        action = request.action_make_case()
        case = self.env["grid.case"].browse(action["res_id"])
        self.assertEqual(case.service_request_id, request)
        self.assertEqual(request.case_id, case)
        self.assertEqual(case.channel, "walk_in")
        self.assertEqual(case.reporter_name, "Wang Fang")
        self.assertEqual(case.household_id, self.resident_a1.household_id)
        self.assertIn("lift of building 1", case.description)
        self.assertEqual(request.state, "done")
        with self.assertRaises(UserError):
            request.action_make_case()

    def test_request_without_matching_category_opens_a_prefilled_case(self):
        request = self._create_request(user=self.street_clerk)
        action = request.action_make_case()
        self.assertFalse(action.get("res_id"))
        self.assertEqual(action["context"]["default_service_request_id"],
                         request.id)
        self.assertEqual(action["context"]["default_community_id"],
                         self.community_a1.id)

    def test_receipt_names_the_request_and_the_documents(self):
        request = self._create_request(user=self.community_clerk)
        request.document_line_ids[:1].received = True
        report = self.env.ref("community_service.service_request_receipt_pdf")
        html = report.sudo(self.community_clerk.id).render_qweb_html(
            request.ids)[0].decode()
        self.assertIn(request.name, html)
        self.assertIn("Wang Fang", html)
        self.assertIn("138****8000", html)
        self.assertIn("ID card", html)

    def test_receipt_refused_out_of_the_clerk_s_community(self):
        request = self._create_request(community_id=self.community_a2.id)
        report = self.env.ref("community_service.service_request_receipt_pdf")
        with self.assertRaises(AccessError):
            report.sudo(self.community_clerk.id).render_qweb_html(
                request.ids)

    def test_holiday_added_later_moves_open_deadlines_only(self):
        open_request = self._create_request()
        done = self._create_request(user=self.community_clerk)
        self._receive_all(done)
        done.action_accept()
        done.action_done()
        self.assertEqual(open_request.date_deadline, "2026-05-11")
        # Wednesday 6 May becomes a day off
        self.env["resource.calendar.leaves"].create({
            "name": "Extra day off", "calendar_id": self.calendar.id,
            "tz": "Asia/Shanghai", "date_from": "2026-05-05 16:00:00",
            "date_to": "2026-05-06 15:59:59"})
        self.env["grid.case"]._cron_recompute_deadlines(auto_commit=False)
        (open_request | done).invalidate_cache()
        self.assertEqual(open_request.date_deadline, "2026-05-12")
        self.assertEqual(open_request.date_answer_deadline, "2026-05-07")
        self.assertEqual(done.date_deadline, "2026-05-11")

    def test_time_limit_changed_later_keeps_past_deadlines(self):
        request = self._create_request()
        self.item_elderly.time_limit_days = 1
        request.invalidate_cache()
        self.assertEqual(request.date_deadline, "2026-05-11")
        self.assertEqual(
            self._create_request().date_deadline, "2026-05-06")
