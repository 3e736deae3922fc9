# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .case_common import CaseLoopCase


class TestCaseNotification(CaseLoopCase):
    """A notice that cannot be sent never blocks a step of the case loop
    (issue 14, finding 9): people without an e-mail address handle,
    verify, send back and chase cases like everybody else, and the chatter
    still records who did it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler.email = False
        cls.street_a.email = "street-a@example.com"

    def _tracked_case(self):
        """A dispatched case that tracks its steps in the chatter, as in
        production (the test classes turn tracking off)."""
        return self._dispatched_case().with_context(tracking_disable=False)

    def _chatter_authors(self, case):
        return case.message_ids.mapped("author_id")

    def test_handler_without_email_records_feedback(self):
        case = self._tracked_case()
        as_handler = case.sudo(self.handler.id)
        as_handler.handle_note = "Cleared the rubbish"
        as_handler.action_handle()
        self.assertEqual(case.state, "handle")
        self.assertEqual(case.status_notes, "Cleared the rubbish")
        tracked = case.message_ids.filtered(
            lambda message: message.author_id == self.handler.partner_id)
        self.assertTrue(tracked.mapped("tracking_value_ids"))
        # sent from the handler's name at the street's address
        self.assertEqual(set(tracked.mapped("email_from")), {
            "%s <street-a@example.com>" % self.handler.name})

    def test_handler_without_email_posts_a_remark(self):
        case = self._tracked_case()
        case.sudo(self.handler.id).message_post(
            body="On my way", subtype="mail.mt_comment")
        self.assertIn("On my way", case.message_ids.mapped("body")[0])

    def test_activities_finish_when_the_administrator_has_no_email(self):
        """The handler's to-do is marked done as the superuser."""
        self.env.ref("base.user_root").email = False
        case = self._tracked_case()
        self.assertTrue(case.activity_ids)
        as_handler = case.sudo(self.handler.id)
        as_handler.handle_note = "Cleared the rubbish"
        as_handler.action_handle()
        self.assertEqual(case.state, "handle")
        self.assertFalse(case.activity_ids)

    def test_clerk_without_email_sends_back_to_a_handler_without_email(self):
        self.street_clerk.email = False
        case = self._move_to(self._tracked_case(), "handle")
        case.sudo(self.street_clerk.id).action_send_back(reason="Not cleared")
        self.assertEqual(case.state, "dispatch")
        self.assertIn(self.street_clerk.partner_id,
                      self._chatter_authors(case))
