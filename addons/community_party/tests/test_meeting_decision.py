# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .meeting_common import MeetingCase


class TestMeetingDecision(MeetingCase):
    """A joint council decision followed up, and turned into a case or an
    admission request in one click, as the user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls._meeting(
            "A1 joint council, third quarter", "2026-09-15 06:00:00",
            "held", kind="joint_council", organisation_id=False,
            council_id=cls.council_a1.id)
        cls.decision = cls.env["party.meeting.decision"].create({
            "meeting_id": cls.meeting.id,
            "name": "Clear the bicycles from the corridors of Building 1",
            "description": "The school lends two volunteers on Saturday.\n"
                           "The tax office pays the bins.",
            "owner_id": cls.secretary_clerk.id,
            "date_deadline": "2026-10-31"})
        cls.category = cls.env["grid.case.category"].create({
            "name": "Corridor clutter", "code": "PARTY-TEST-1",
            "level": "street", "sla_days": 1})
        cls.department = cls.env["hr.department"].create({
            "name": "Party building office", "company_id": cls.street_a.id})

    def _cases(self):
        return self.env["grid.case"].search([
            ("community_id", "in", (self.community_a1 | self.community_a2)
             .ids)])

    def test_decision_takes_the_meeting_scope(self):
        self.assertEqual(self.decision.community_id, self.community_a1)
        self.assertEqual(self.decision.company_id, self.street_a)
        self.assertFalse(self.decision.organisation_id)

    def test_secretary_clerk_turns_the_decision_into_a_case(self):
        decision = self.decision.sudo(self.secretary_clerk)
        action = decision.action_create_case()
        self.assertEqual(action["res_model"], "grid.case")
        case = self.env["grid.case"].browse(action["res_id"])
        self.assertEqual(self.decision.case_id, case)
        self.assertEqual(case.create_uid, self.secretary_clerk)
        self.assertEqual(case.community_id, self.community_a1)
        self.assertEqual(case.category_id, self.env.ref(
            "community_grid.grid_case_category_other"))
        self.assertEqual(case.channel, "referral")
        self.assertEqual(case.state, "report")
        self.assertIn("Clear the bicycles from the corridors of Building 1",
                      case.description)
        self.assertIn("The tax office pays the bins.", case.description)
        self.assertIn("A1 joint council, third quarter", case.description)
        self.assertIn(case.name, self.meeting.message_ids[0].body)
        # followed once only
        with self.assertRaisesRegex(UserError, "Clear the bicycles"):
            decision.action_create_case()

    def test_category_and_grid_come_from_the_decision(self):
        self.decision.write({"category_id": self.category.id,
                             "grid_id": self.grid_a1.id})
        self.decision.sudo(self.secretary_clerk).action_create_case()
        self.assertEqual(self.decision.case_id.category_id, self.category)
        self.assertEqual(self.decision.case_id.grid_id, self.grid_a1)

    def test_description_is_escaped(self):
        self.decision.name = "Fix the gate <script>alert(1)</script>"
        self.decision.sudo(self.secretary_clerk).action_create_case()
        self.assertNotIn("<script>", self.decision.case_id.description)

    def test_secretary_without_case_rights_is_told(self):
        before = self._cases()
        with self.assertRaisesRegex(
                AccessError,
                "Clear the bicycles from the corridors of Building 1.*"
                "may not report cases"):
            self.decision.sudo(self.party_secretary).action_create_case()
        self.assertEqual(self._cases(), before)
        self.assertFalse(self.decision.case_id)

    def test_grid_officer_needs_the_grid(self):
        decision = self.decision.sudo(self.secretary_officer)
        with self.assertRaisesRegex(UserError, "has no grid"):
            decision.action_create_case()
        self.decision.grid_id = self.grid_a1
        decision.action_create_case()
        self.assertEqual(self.decision.case_id.grid_id, self.grid_a1)

    def test_clerk_of_another_community_is_refused_in_words(self):
        # the user's communities scope both roles: a global rule keeps the
        # cases in A2, so that the case rules refuse the new case of A1
        # after its insert, and the refusal must still name the decision
        user = self.secretary_clerk
        self.env["ir.rule"].create({
            "name": "Test: clerks only in A2",
            "model_id": self.env.ref("community_grid.model_grid_case").id,
            "domain_force": "[('community_id', '=', %d)]"
                            % self.community_a2.id})
        before = self._cases()
        with self.assertRaisesRegex(AccessError, "Community A1"):
            self.decision.sudo(user).action_create_case()
        self.assertEqual(self._cases(), before)

    def test_meeting_not_held(self):
        self.meeting.state = "planned"
        with self.assertRaisesRegex(UserError, "has not been held"):
            self.decision.sudo(self.secretary_clerk).action_create_case()

    def test_out_of_reach(self):
        with self.assertRaises(AccessError):
            self.decision.sudo(self.party_secretary_a2).action_create_case()
        with self.assertRaises(AccessError):
            self.decision.sudo(self.community_clerk).action_create_case()

    def test_admission_request(self):
        decision = self.decision.sudo(self.secretary_street_clerk)
        with self.assertRaisesRegex(UserError, "requesting department"):
            decision.action_create_admission_request()
        self.decision.department_id = self.department
        action = decision.action_create_admission_request()
        request = self.env["community.admission.request"].browse(
            action["res_id"])
        self.assertEqual(self.decision.admission_request_id, request)
        self.assertEqual(request.name, self.decision.name)
        self.assertEqual(request.community_ids, self.community_a1)
        self.assertEqual(request.department_id, self.department)
        self.assertEqual(request.state, "draft")
        self.assertIn("A1 joint council, third quarter", request.legal_basis)
        self.assertEqual(request.create_uid, self.secretary_street_clerk)

    def test_admission_request_refused_to_a_community_clerk(self):
        self.decision.department_id = self.department
        with self.assertRaisesRegex(AccessError, "Clear the bicycles"):
            self.decision.sudo(
                self.secretary_clerk).action_create_admission_request()
        self.assertFalse(self.decision.admission_request_id)

    def test_overdue_filter(self):
        Decision = self.env["party.meeting.decision"]
        done = Decision.create({
            "meeting_id": self.meeting.id, "name": "Paint the fence",
            "date_deadline": "2026-10-01"})
        done.action_done()
        future = Decision.create({
            "meeting_id": self.meeting.id, "name": "Plant trees",
            "date_deadline": "2099-03-12"})
        undated = Decision.create({
            "meeting_id": self.meeting.id, "name": "Keep in touch"})
        decisions = self.decision | done | future | undated
        overdue = Decision.search([("id", "in", decisions.ids),
                                   ("is_overdue", "=", True)])
        self.assertEqual(overdue, self.decision)
        self.assertTrue(self.decision.is_overdue)
        self.assertFalse(done.is_overdue)
        self.assertEqual(
            Decision.search([("id", "in", decisions.ids),
                             ("is_overdue", "=", False)]),
            done | future | undated)
        done.action_reopen()
        self.assertTrue(done.is_overdue)
