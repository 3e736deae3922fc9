# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Returns (退单) and extensions (延期) through tier validation."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .case_common import CaseLoopCase


class TestCaseRequest(CaseLoopCase):

    def setUp(self):
        super().setUp()
        self.case = self._dispatched_case()   # deadline Tuesday 3 March
        self.Request = self.env["grid.case.request"].sudo(self.handler.id)

    def _request(self, **vals):
        values = {"case_id": self.case.id, "request_type": "extension",
                  "reason": "Waiting for a spare part",
                  "new_deadline": "2026-03-10"}
        values.update(vals)
        return self.Request.create(values)

    def test_handler_opens_request_from_the_case(self):
        action = self.case.sudo(self.handler.id).action_request_extension()
        self.assertEqual(action["res_model"], "grid.case.request")
        self.assertEqual(action["context"]["default_request_type"],
                         "extension")

    def test_submit_creates_a_review_for_the_street_clerks(self):
        request = self._request()
        request.action_submit()
        self.assertEqual(request.state, "pending")
        self.assertTrue(request.review_ids)
        self.assertIn(self.street_clerk, request.sudo().reviewer_ids)
        self.assertNotIn(self.handler, request.sudo().reviewer_ids)

    def test_extension_approved_keeps_the_original_deadline(self):
        request = self._request()
        request.action_submit()
        request.sudo(self.street_clerk.id).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.case.date_deadline, "2026-03-10")
        self.assertEqual(self.case.date_deadline_original, "2026-03-03")
        self.assertEqual(self.case.extension_count, 1)
        self.assertEqual(self.case.state, "dispatch")
        # a later category change does not undo the extension
        self.case.category_id = self.category_multi
        self.assertEqual(self.case.date_deadline, "2026-03-10")

    def test_extension_approved_clears_the_overdue_flag(self):
        request = self._request(new_deadline="2026-03-20")
        request.action_submit()
        request.sudo(self.street_clerk.id).action_approve()
        self.env["grid.case"]._cron_refresh_overdue("2026-03-12")
        self.assertFalse(self.case.is_overdue)

    def test_handler_cannot_approve_own_request(self):
        request = self._request()
        request.action_submit()
        with self.assertRaisesRegex(AccessError, "approval"):
            request.action_approve()
        self.assertEqual(request.state, "pending")
        self.assertEqual(self.case.date_deadline, "2026-03-03")

    def _without_tier(self):
        self.env.ref(
            "community_grid.grid_case_request_tier_definition").active = False

    def test_no_tier_only_a_street_clerk_approves(self):
        """Refused in words naming the request, for want of rights (an
        access error, like every refusal of who may approve)."""
        self._without_tier()
        request = self._request()
        request.action_submit()
        self.assertFalse(request.review_ids)
        with self.assertRaisesRegex(AccessError, request.name):
            request.action_approve()
        self.assertEqual(request.state, "pending")
        request.sudo(self.street_clerk.id).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.case.date_deadline, "2026-03-10")

    def test_approve_asks_the_tier_added_after_submission(self):
        """A tier defined while the request waited is asked for, not
        skipped: the clerk's click creates the reviews and validates their
        own."""
        self._without_tier()
        request = self._request()
        request.action_submit()
        self.env.ref(
            "community_grid.grid_case_request_tier_definition").active = True
        request.sudo(self.street_clerk.id).action_approve()
        self.assertTrue(request.review_ids)
        self.assertEqual(request.review_ids.mapped("status"), ["approved"])
        # the review names the clerk, not the superuser who writes the state
        self.assertEqual(request.review_ids.done_by, self.street_clerk)
        self.assertEqual(request.state, "approved")

    def test_handler_approving_a_late_tier_only_asks_for_it(self):
        self._without_tier()
        request = self._request()
        request.action_submit()
        self.env.ref(
            "community_grid.grid_case_request_tier_definition").active = True
        with self.assertRaisesRegex(AccessError, "still waits"):
            request.action_approve()
        self.assertEqual(request.state, "pending")
        self.assertIn(self.street_clerk, request.sudo().reviewer_ids)

    def test_reject_needs_a_reason_and_changes_nothing(self):
        request = self._request()
        request.action_submit()
        as_clerk = request.sudo(self.street_clerk.id)
        with self.assertRaisesRegex(UserError, "reason"):
            as_clerk.action_reject()
        as_clerk.reject_reason = "The part is in stock"
        as_clerk.action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(self.case.date_deadline, "2026-03-03")
        self.assertEqual(self.case.extension_count, 0)

    def test_non_reviewer_cannot_reject(self):
        request = self._request()
        request.action_submit()
        request.sudo().reject_reason = "No"
        with self.assertRaisesRegex(AccessError, request.name):
            request.sudo(self.handler.id).action_reject()
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.sudo().review_ids.status, "pending")

    def test_return_approved_sends_the_case_back_to_dispatching(self):
        request = self._request(request_type="return", new_deadline=False,
                                target_unit="Housing bureau",
                                reason="A building defect, not ours")
        request.action_submit()
        request.sudo(self.street_clerk.id).validate_tier()
        self.assertEqual(self.case.state, "report")
        self.assertFalse(self.case.handler_user_id)
        self.assertFalse(self.case.date_dispatched)
        self.assertEqual(self.case.return_count, 1)
        self.assertIn("Housing bureau", self.case.status_notes)
        self.assertEqual(self.case.date_deadline_original, "2026-03-03")

    def test_return_needs_the_target_unit(self):
        with self.assertRaisesRegex(ValidationError, self.case.name):
            self._request(request_type="return", new_deadline=False)

    def test_extension_needs_a_later_date(self):
        with self.assertRaisesRegex(ValidationError, "2026-03-03"):
            self._request(new_deadline="2026-03-03")
        with self.assertRaisesRegex(ValidationError, self.case.name):
            self._request(new_deadline=False)

    def test_request_needs_a_reason(self):
        with self.assertRaisesRegex(ValidationError, self.case.name):
            self._request(reason=" ")

    def test_request_only_for_a_case_at_its_handler(self):
        self._move_to(self.case, "handle")
        with self.assertRaisesRegex(UserError, self.case.name):
            self.env["grid.case.request"].create({
                "case_id": self.case.id, "request_type": "extension",
                "reason": "Late", "new_deadline": "2026-03-20"})

    def test_second_pending_request_of_a_type_refused(self):
        self._request().action_submit()
        with self.assertRaisesRegex(UserError, self.case.name):
            self._request(new_deadline="2026-03-12").action_submit()

    def test_submitted_request_content_locked(self):
        request = self._request()
        request.action_submit()
        with self.assertRaisesRegex(UserError, request.name):
            request.new_deadline = "2026-04-30"

    def test_other_handler_cannot_ask_for_the_case(self):
        with self.assertRaises(AccessError):
            self.env["grid.case.request"].sudo(self.handler_2.id).create({
                "case_id": self.case.id, "request_type": "extension",
                "reason": "x", "new_deadline": "2026-03-20"})

    def test_tier_definition_offers_case_requests(self):
        self.assertIn("grid.case.request", self.env[
            "tier.definition"]._get_tier_validation_model_names())

    def test_request_on_a_case_that_moved_on_cannot_be_approved(self):
        request = self._request()
        request.action_submit()
        self.case.sudo(self.handler.id).handle_note = "Done after all"
        self.case.sudo(self.handler.id).action_handle()
        with self.assertRaisesRegex(UserError, self.case.name):
            request.sudo(self.street_clerk.id).action_approve()
        self.assertEqual(self.case.date_deadline, "2026-03-03")
        as_clerk = request.sudo(self.street_clerk.id)
        as_clerk.reject_reason = "Handled meanwhile"
        as_clerk.action_reject()
        self.assertEqual(request.state, "rejected")
