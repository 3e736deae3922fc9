# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The six steps of a case: each button, its rules and its refusals."""
from odoo.exceptions import UserError

from .case_common import CaseLoopCase

STEP_LABELS = {
    "report": "Reported", "dispatch": "Dispatched", "handle": "Handled",
    "verify": "Verified", "close": "Closed", "evaluate": "Evaluated",
}
# each button and the steps it may be pressed at
ALLOWED = {
    "action_dispatch": {"report"},
    "action_handle": {"dispatch"},
    "action_verify": {"handle"},
    "action_send_back": {"handle"},
    "action_close": {"verify"},
    "action_evaluate": {"close"},
    "action_reopen": {"verify", "close"},
    "action_escalate": {"report", "dispatch", "handle", "verify"},
}


class TestCaseLoop(CaseLoopCase):

    def test_grid_officer_starts_in_the_community_of_their_grids(self):
        Case = self.env["grid.case"].sudo(self.grid_officer.id)
        self.assertEqual(Case.default_get(["community_id"])["community_id"],
                         self.community_a1.id)
        # an officer of grids in two communities chooses the community
        self.grid_a2.deputy_ids = self.grid_officer
        self.assertFalse(Case.default_get(["community_id"]).get(
            "community_id"))

    def test_new_case_takes_location_community_grid_and_number(self):
        case = self._create_case()
        self.assertEqual(case.state, "report")
        self.assertEqual(case.building_id, self.building_a1)
        self.assertEqual(case.compound_id, self.compound_a1)
        self.assertEqual(case.community_id, self.community_a1)
        self.assertEqual(case.company_id, self.street_a)
        self.assertEqual(case.grid_id, self.grid_a1)
        self.assertTrue(case.name.startswith("SJ"))
        self.assertEqual(case.service_code, "T-ENV")
        self.assertEqual(case.loop_level, "community")

    def test_auto_dispatch_defaults_to_grid_officer_and_category_unit(self):
        case = self._create_case(category_id=self.category_department.id)
        self.assertEqual(case.handler_user_id, self.grid_officer)
        self.assertEqual(case.handler_department_id, self.section)
        self.assertEqual(case.agency_responsible, self.section.display_name)

    def test_agency_of_a_page_of_cases_read_at_once(self):
        # the case list computes the column for a whole page in one batch
        # (reading only the handler fields): each case still names its
        # own unit, whichever kind it is
        bureau = self.env["res.partner"].create({
            "name": "Housing bureau", "is_company": True,
            "organisation_type": "department"})
        by_section = self._create_case(
            category_id=self.category_department.id)
        by_bureau = self._create_case(handler_partner_id=bureau.id)
        by_person = self._create_case()
        by_person.write({"handler_partner_id": False,
                         "handler_department_id": False,
                         "handler_user_id": self.handler.id})
        nobody = self._create_case()
        nobody.write({"handler_partner_id": False,
                      "handler_department_id": False,
                      "handler_user_id": False})
        cases = by_section | by_bureau | by_person | nobody
        cases.invalidate_cache()
        values = {row["id"]: row["agency_responsible"]
                  for row in cases.read(["agency_responsible"])}
        self.assertEqual(values, {
            by_section.id: self.section.display_name,
            by_bureau.id: bureau.display_name,
            by_person.id: self.handler.display_name,
            nobody.id: False,
        })

    def test_community_case_list_has_its_index(self):
        # the community clerk's list (record rule + the model's order) is
        # served by one index; created by init on install and upgrade
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'grid_case' "
            "AND indexname = 'grid_case_community_list_index'")
        definition = self.env.cr.fetchone()
        self.assertTrue(definition, "the case list index is missing")
        self.assertIn("(community_id, priority DESC, date_reported DESC, "
                      "id DESC)", definition[0])
        self.assertEqual(self.env["grid.case"]._order,
                         "priority desc, date_reported desc, id desc")

    def test_case_with_free_address_takes_reporter_community(self):
        case = self._create_case(
            household_id=False, address="Gate of the market",
            reporter_resident_id=self.resident_a2.id)
        self.assertEqual(case.community_id, self.community_a2)
        self.assertFalse(case.grid_id)

    def test_case_without_any_community_refused(self):
        # a street clerk has no community of their own to default to
        with self.assertRaisesRegex(UserError, "community"):
            self._create_case(user=self.street_clerk, household_id=False,
                              address="Somewhere")

    def test_location_of_another_community_refused(self):
        with self.assertRaisesRegex(Exception, "Community A1"):
            self._create_case(household_id=False,
                              community_id=self.community_a1.id,
                              grid_id=False, address="x").write(
                {"community_id": self.community_a1.id,
                 "compound_id": self.compound_a2.id,
                 "grid_id": self.grid_a1.id})

    def test_full_loop_records_every_timestamp(self):
        case = self._move_to(self._create_case(), "evaluate")
        for name in ("date_dispatched", "date_handled", "date_verified",
                     "date_closed", "date_evaluated"):
            self.assertTrue(case[name], name)
        self.assertEqual(case.satisfaction, "satisfied")
        self.assertEqual(case.status_notes, "Cleared the rubbish")

    def test_every_button_refused_from_every_wrong_step(self):
        for state in STEP_LABELS:
            case = self._move_to(self._create_case(), state)
            for method, allowed in ALLOWED.items():
                if state in allowed:
                    continue
                with self.assertRaises(UserError) as refusal:
                    getattr(case, method)()
                message = str(refusal.exception.name)
                self.assertIn(case.name, message, (method, state))
                self.assertIn(STEP_LABELS[state], message, (method, state))
                self.assertEqual(case.state, state)

    def test_dispatch_needs_a_handler(self):
        case = self._create_case(household_id=self.household_b1.id)
        self.assertFalse(case.handler_user_id)   # grid B1 has no officer
        with self.assertRaisesRegex(UserError, "handler"):
            case.action_dispatch()
        self.assertEqual(case.state, "report")

    def test_dispatch_subscribes_handler_and_gives_a_todo(self):
        case = self._dispatched_case()
        self.assertIn(self.handler.partner_id,
                      case.message_follower_ids.mapped("partner_id"))
        self.assertIn(self.handler, case.activity_ids.mapped("user_id"))

    def test_handler_feeds_back_with_a_note(self):
        case = self._dispatched_case()
        as_handler = case.sudo(self.handler.id)
        with self.assertRaisesRegex(UserError, "feedback"):
            as_handler.action_handle()
        as_handler.handle_note = "Fixed the light"
        as_handler.action_handle()
        self.assertEqual(case.state, "handle")
        self.assertEqual(case.status_notes, "Fixed the light")
        self.assertFalse(case.activity_ids)

    def test_handle_reply_fills_the_feedback(self):
        reply = self.env.ref("community_grid.grid_case_reply_handle_done")
        case = self.env["grid.case"].new({"handle_reply_id": reply.id})
        case._onchange_handle_reply_id()
        self.assertEqual(case.handle_note, reply.body)

    def test_send_back_needs_a_reason_and_returns_to_the_handler(self):
        case = self._move_to(self._create_case(), "handle")
        with self.assertRaisesRegex(UserError, case.name):
            case.action_send_back(reason="  ")
        case.action_send_back(reason="Photo missing")
        self.assertEqual(case.state, "dispatch")
        self.assertFalse(case.date_handled)
        self.assertEqual(case.status_notes, "Photo missing")
        self.assertIn("Photo missing", case.message_ids[0].body)

    def test_send_back_button_opens_the_wizard(self):
        case = self._move_to(self._create_case(), "handle")
        action = case.action_send_back()
        self.assertEqual(action["res_model"], "grid.case.send.back.wizard")
        wizard = self.env[action["res_model"]].with_context(
            **action["context"]).create({"reason": "Still dirty"})
        wizard.action_confirm()
        self.assertEqual(case.state, "dispatch")

    def test_close_needs_verification(self):
        case = self._move_to(self._create_case(), "handle")
        with self.assertRaisesRegex(UserError, "verified"):
            case.sudo(self.street_clerk.id).action_close()

    def test_evaluation_needs_the_satisfaction(self):
        case = self._move_to(self._create_case(), "close")
        with self.assertRaisesRegex(UserError, "satisfaction"):
            case.action_evaluate()
        case.satisfaction = "dissatisfied"
        case.action_evaluate()
        self.assertEqual(case.state, "evaluate")

    def test_reopen_a_verified_case(self):
        case = self._move_to(self._create_case(), "verify")
        case.sudo(self.grid_officer.id).action_reopen(
            reason="Still leaking")
        self.assertEqual(case.state, "dispatch")
        self.assertEqual(case.reopen_count, 1)
        self.assertFalse(case.date_verified)
        # auto-dispatched to the officer of grid A1, who gets a new to-do
        self.assertEqual(case.handler_user_id, self.grid_officer)
        self.assertIn(self.grid_officer, case.activity_ids.mapped("user_id"))

    def test_reopen_a_closed_case_clears_the_closing(self):
        case = self._move_to(self._create_case(), "close")
        action = case.action_reopen()
        wizard = self.env[action["res_model"]].with_context(
            **action["context"]).create({"reason": "Came back"})
        self.assertEqual(wizard.mode, "reopen")
        wizard.action_confirm()
        self.assertEqual(case.state, "dispatch")
        self.assertEqual(case.reopen_count, 1)
        self.assertFalse(case.date_closed)
        self.assertEqual(case.days_to_close, 0)
        self._move_to(case, "close")
        case.action_reopen(reason="Again")
        self.assertEqual(case.reopen_count, 2)

    def test_reopen_needs_a_reason(self):
        case = self._move_to(self._create_case(), "close")
        with self.assertRaisesRegex(UserError, case.name):
            case.action_reopen(reason="")
        self.assertEqual(case.state, "close")

    def test_steps_cannot_be_written_directly(self):
        case = self._create_case()
        for vals in ({"state": "close"}, {"date_deadline": "2026-12-31"},
                     {"loop_level": "district"}, {"reopen_count": 0}):
            with self.assertRaisesRegex(UserError, case.name):
                case.sudo(self.street_clerk.id).write(vals)
        self.assertEqual(case.state, "report")

    def test_new_case_cannot_start_at_another_step(self):
        with self.assertRaisesRegex(UserError, "report step"):
            self._create_case(user=self.street_clerk, state="close")

    def test_cases_are_never_deleted(self):
        case = self._create_case()
        with self.assertRaisesRegex(UserError, case.name):
            case.sudo(self.street_clerk.id).unlink()

    def test_transitions_are_tracked_with_author(self):
        case = self._create_case().with_context(tracking_disable=False)
        case.handler_user_id = self.handler
        case.sudo(self.street_clerk.id).with_context(
            tracking_disable=False).action_dispatch()
        tracked = case.message_ids.filtered(
            lambda message: message.tracking_value_ids.filtered(
                lambda value: value.field == "state"))
        self.assertTrue(tracked)
        self.assertEqual(tracked[0].author_id, self.street_clerk.partner_id)
        self.assertTrue(tracked[0].date)

    def test_dispatch_board_shows_all_six_steps(self):
        self._create_case()
        groups = self.env["grid.case"].read_group(
            [("category_id", "=", self.category_street.id)], ["state"],
            ["state"])
        self.assertEqual([group["state"] for group in groups],
                         list(STEP_LABELS))

    def test_dispatch_board_filters(self):
        late = self._create_case()
        on_time = self._create_case()
        self.env["grid.case"]._cron_refresh_overdue("2026-03-03")
        late.env["grid.case"]._cron_refresh_overdue("2026-03-04")
        search_view = self.env["grid.case"].load_views(
            [[False, "search"]])["fields_views"]["search"]["arch"]
        for name in ('name="mine"', 'name="overdue"', 'name="due_today"'):
            self.assertIn(name, search_view)
        self._move_to(on_time, "close")
        Case = self.env["grid.case"]
        overdue = Case.search([("is_overdue", "=", True),
                               ("state", "in", ("report", "dispatch",
                                                "handle", "verify"))])
        self.assertIn(late, overdue)
        self.assertNotIn(on_time, overdue)
        action = self.env.ref("community_grid.grid_case_action")
        self.assertTrue(action.view_mode.startswith("kanban"))

    def test_wizard_and_request_views_load(self):
        for model in ("grid.case.send.back.wizard",
                      "grid.case.escalate.wizard", "grid.case.request"):
            views = self.env[model].load_views([[False, "form"]])
            self.assertTrue(views["fields_views"]["form"]["arch"])
        action = self.env.ref("community_grid.grid_case_request_action")
        for user in (self.handler, self.grid_officer, self.community_clerk,
                     self.leader):
            self.open_action(action, user)

    def test_closed_case_keeps_its_record(self):
        case = self._move_to(self._create_case(), "close")
        clerk = case.sudo(self.street_clerk.id)
        with self.assertRaisesRegex(UserError, case.name):
            clerk.write({"description": "<p>Rewritten</p>"})
        clerk.write({"satisfaction": "basic", "evaluation_note": "Called"})
        clerk.action_evaluate()
        with self.assertRaisesRegex(UserError, case.name):
            clerk.write({"satisfaction": "satisfied"})
        self.assertEqual(case.satisfaction, "basic")
