# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import StreetRoleCase


class AdmissionCase(StreetRoleCase):
    """Two communities of the street and one of another street, a community
    clerk working in the first one, a requesting department."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.street = cls.env.user.company_id
        cls.other_street = cls.env["res.company"].create({
            "name": "Other Street Office"})
        Community = cls.env["community.community"]
        cls.community_a = Community.create({
            "name": "Community A", "code": "ADM-A",
            "company_id": cls.street.id})
        cls.community_b = Community.create({
            "name": "Community B", "code": "ADM-B",
            "company_id": cls.street.id})
        cls.community_other = Community.create({
            "name": "Community of another street", "code": "ADM-O",
            "company_id": cls.other_street.id})
        cls.community_clerk.write({
            "community_ids": [(6, 0, cls.community_a.ids)]})
        cls.department = cls.env["hr.department"].create({
            "name": "Statistics Bureau"})
        cls.Request = cls.env["community.admission.request"]

    @classmethod
    def _create_request(cls, **values):
        vals = {
            "name": "Economic census",
            "department_id": cls.department.id,
            "task_type": "survey",
            "legal_basis": "Statistics Law, article 7",
            "community_ids": [(6, 0, cls.community_a.ids)],
            "workload": "Two days per community",
            "funding_amount": 3000.0,
            "date_start": "2026-03-01",
            "date_end": "2026-06-30",
        }
        vals.update(values)
        return cls.Request.sudo(cls.street_clerk.id).create(vals)

    def _approved_request(self, **values):
        request = self._create_request(**values)
        request.action_submit()
        request.sudo(self.street_admin.id).validate_tier()
        self.assertEqual(request.state, "approved")
        return request


class TestAdmission(AdmissionCase):

    def _add_leader_tier(self, domain=False):
        """A second tier, the leader's, added without code by the street
        administrator."""
        self.env["tier.definition"].sudo(self.street_admin.id).create({
            "name": "Leader's approval",
            "model_id": self.env.ref(
                "community_base.model_community_admission_request").id,
            "review_type": "individual",
            "reviewer_id": self.leader.id,
            "definition_domain": domain,
        })

    def test_create_numbers_request_and_computes_year(self):
        request = self._create_request()
        self.assertTrue(request.reference.startswith("ZR"))
        self.assertEqual(request.year, 2026)
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.company_id, self.street)
        self.assertIn(request.reference, request.display_name)

    def test_end_before_start_refused(self):
        with self.assertRaises(ValidationError):
            self._create_request(date_end="2026-01-01")

    def test_negative_funding_refused(self):
        with self.assertRaises(ValidationError):
            self._create_request(funding_amount=-1.0)

    def test_default_tier_asks_street_administrators(self):
        tier = self.env.ref(
            "community_base.community_admission_request_tier_definition")
        self.assertEqual(tier.model, "community.admission.request")
        self.assertEqual(tier.reviewer_group_id,
                         self.env.ref("community_base.group_street_admin"))
        self.assertTrue(tier.active)

    def test_submit_requests_review_of_street_administrators(self):
        request = self._create_request()
        request.action_submit()
        self.assertEqual(request.state, "submitted")
        self.assertEqual(len(request.review_ids), 1)
        self.assertIn(self.street_admin, request.reviewer_ids)
        self.assertNotIn(self.street_clerk, request.reviewer_ids)
        self.assertFalse(request.validated)

    def test_submit_without_communities_refused(self):
        request = self._create_request(community_ids=[(5,)])
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_submit_twice_refused(self):
        request = self._create_request()
        request.action_submit()
        with self.assertRaises(UserError):
            request.action_submit()

    def test_approve_draft_refused(self):
        request = self._create_request()
        with self.assertRaises(UserError):
            request.sudo(self.street_admin.id).action_approve()
        self.assertEqual(request.state, "draft")

    def test_approve_without_validation_refused(self):
        """Refused for want of rights: the clerk is no reviewer."""
        request = self._create_request()
        request.action_submit()
        with self.assertRaisesRegex(AccessError, "still waits"):
            request.action_approve()
        self.assertEqual(request.state, "submitted")

    def test_state_cannot_be_written_past_validation(self):
        request = self._create_request()
        request.action_submit()
        with self.assertRaises(ValidationError):
            request.write({"state": "approved"})

    def test_street_admin_validation_approves(self):
        request = self._create_request()
        request.action_submit()
        request.sudo(self.street_admin.id).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertTrue(request.validated)
        self.assertTrue(request.approval_date)
        self.assertEqual(request.review_ids.done_by, self.street_admin)

    def test_street_admin_approve_button_validates_own_tier(self):
        request = self._create_request()
        request.action_submit()
        request.sudo(self.street_admin.id).action_approve()
        self.assertEqual(request.state, "approved")

    def test_every_tier_must_validate(self):
        """A second tier (the leader, who may not edit requests) is added
        without code; the request is approved after both reviewers."""
        self._add_leader_tier("[('funding_amount', '>', 1000)]")
        small = self._create_request(funding_amount=500.0)
        small.action_submit()
        self.assertEqual(len(small.review_ids), 1)
        request = self._create_request()
        request.action_submit()
        self.assertEqual(len(request.review_ids), 2)
        request.sudo(self.street_admin.id).validate_tier()
        self.assertEqual(request.state, "submitted")
        with self.assertRaises(UserError):
            request.sudo(self.street_admin.id).action_approve()
        self.assertTrue(request.sudo(self.leader.id).can_review)
        request.sudo(self.leader.id).validate_tier()
        self.assertEqual(request.state, "approved")

    def test_approval_refusal_names_request_and_waiting_reviewers(self):
        self._add_leader_tier()
        request = self._create_request()
        request.action_submit()
        with self.assertRaises(UserError) as refusal:
            request.sudo(self.street_admin.id).action_approve()
        message = refusal.exception.name
        self.assertIn(request.display_name, message)
        self.assertIn("still waits for the approval of: %s" % self.leader.name,
                      message)
        self.assertNotIn(self.street_admin.name, message)

    def test_approve_twice_refused_with_the_state(self):
        request = self._approved_request()
        with self.assertRaisesRegex(UserError, "Approved"):
            request.sudo(self.street_admin.id).action_approve()

    def test_reject_without_reason_refused(self):
        request = self._create_request()
        request.action_submit()
        with self.assertRaises(UserError):
            request.sudo(self.street_admin.id).action_reject()
        self.assertEqual(request.state, "submitted")

    def test_reject_by_non_reviewer_refused(self):
        request = self._create_request()
        request.action_submit()
        request.write({"reject_reason": "Not needed"})
        with self.assertRaises(AccessError) as refusal:
            request.action_reject()
        self.assertIn(request.display_name, refusal.exception.name)
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.review_ids.status, "pending")

    def test_reject_records_reason(self):
        request = self._create_request()
        request.action_submit()
        as_admin = request.sudo(self.street_admin.id)
        as_admin.write({"reject_reason": "Duplicates the yearly survey"})
        as_admin.action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason, "Duplicates the yearly survey")
        self.assertTrue(request.rejected)

    def test_rejected_request_resubmitted_after_correction(self):
        request = self._create_request()
        request.action_submit()
        as_admin = request.sudo(self.street_admin.id)
        as_admin.write({"reject_reason": "No legal basis"})
        as_admin.action_reject()
        request.action_draft()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)
        request.write({"legal_basis": "Statistics Law, article 9"})
        request.action_submit()
        self.assertEqual(request.review_ids.status, "pending")
        self.assertFalse(request.reject_reason)

    def test_reset_to_draft_only_when_rejected(self):
        request = self._approved_request()
        with self.assertRaises(UserError):
            request.action_draft()

    def test_content_locked_once_submitted(self):
        request = self._create_request()
        request.action_submit()
        with self.assertRaises((UserError, ValidationError)):
            request.write({"funding_amount": 9000.0})
        request.sudo(self.street_admin.id).validate_tier()
        with self.assertRaises(UserError):
            request.write({"community_ids": [(4, self.community_b.id)]})

    def test_close_only_approved(self):
        request = self._create_request()
        with self.assertRaises(UserError):
            request.action_close()
        request.action_submit()
        request.sudo(self.street_admin.id).validate_tier()
        request.action_close()
        self.assertEqual(request.state, "closed")

    def test_unlink_only_draft(self):
        request = self._approved_request()
        with self.assertRaises(UserError):
            request.sudo(self.street_admin.id).unlink()
        draft = self._create_request()
        draft.unlink()
        self.assertFalse(draft.exists())


class TestAdmissionCatalogue(AdmissionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls._create_request()
        cls.survey.action_submit()
        cls.survey.sudo(cls.street_admin.id).validate_tier()
        cls.sign = cls._create_request(
            name="Civilised community sign", task_type="sign",
            community_ids=[(6, 0, cls.community_b.ids)],
            date_start="2025-05-01", date_end=False)
        cls.sign.action_submit()
        cls.sign.sudo(cls.street_admin.id).validate_tier()
        cls.draft = cls._create_request(name="Draft campaign",
                                        task_type="campaign")

    def test_is_admitted_finds_covering_request(self):
        self.assertEqual(
            self.Request._is_admitted("survey", self.community_a, "2026-04-01"),
            self.survey)
        self.assertEqual(
            self.Request._is_admitted("sign", self.community_b.id, "2030-01-01"),
            self.sign)

    def test_is_admitted_outside_scope_type_or_period(self):
        Request = self.Request
        self.assertFalse(
            Request._is_admitted("survey", self.community_b, "2026-04-01"))
        self.assertFalse(
            Request._is_admitted("task", self.community_a, "2026-04-01"))
        self.assertFalse(
            Request._is_admitted("survey", self.community_a, "2026-07-01"))
        self.assertFalse(
            Request._is_admitted("sign", self.community_b, "2025-04-30"))

    def test_is_admitted_ignores_requests_not_approved(self):
        self.assertFalse(self.Request._is_admitted(
            "campaign", self.community_a, "2026-04-01"))
        self.survey.action_close()
        self.assertFalse(self.Request._is_admitted(
            "survey", self.community_a, "2026-04-01"))

    def test_is_admitted_does_not_depend_on_caller_rights(self):
        admitted = self.Request.sudo(self.internal_user.id)._is_admitted(
            "survey", self.community_a, "2026-04-01")
        self.assertEqual(admitted.ids, self.survey.ids)

    def test_catalogue_lists_approved_requests_per_year(self):
        action = self.env.ref("community_base.community_admission_catalogue_action")
        records = self.open_action(action, self.street_clerk)
        self.assertIn(self.survey, records)
        self.assertIn(self.sign, records)
        self.assertNotIn(self.draft, records)
        groups = self.Request.read_group(
            [("state", "=", "approved"), ("id", "in", records.ids)],
            ["year"], ["year"])
        self.assertEqual(
            {group["year"]: group["year_count"] for group in groups},
            {2025: 1, 2026: 1})

    def test_community_clerk_reads_requests_of_own_communities(self):
        action = self.env.ref("community_base.community_admission_catalogue_action")
        records = self.open_action(action, self.community_clerk)
        self.assertIn(self.survey, records)
        self.assertNotIn(self.sign, records)
        with self.assertRaises(AccessError):
            self.sign.sudo(self.community_clerk.id).read(["name"])

    def test_community_clerk_cannot_create_or_change_requests(self):
        with self.assertRaises(AccessError):
            self.Request.sudo(self.community_clerk.id).create({
                "name": "Pushed without admission",
                "department_id": self.department.id,
                "legal_basis": "None",
                "date_start": "2026-01-01",
            })
        with self.assertRaises(AccessError):
            self.survey.sudo(self.community_clerk.id).action_close()

    def test_leader_reads_the_street_and_changes_nothing(self):
        action = self.env.ref("community_base.community_admission_request_action")
        records = self.open_action(action, self.leader)
        self.assertIn(self.sign, records)
        self.assertIn(self.draft, records)
        with self.assertRaises(AccessError):
            self.draft.sudo(self.leader.id).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.draft.sudo(self.leader.id).unlink()

    def test_other_street_requests_hidden(self):
        request = self.Request.create({
            "name": "Other street survey",
            "department_id": self.department.id,
            "legal_basis": "Statistics Law",
            "company_id": self.other_street.id,
            "community_ids": [(6, 0, self.community_other.ids)],
            "date_start": "2026-01-01",
        })
        for user in (self.leader, self.street_clerk, self.community_clerk):
            found = self.Request.sudo(user.id).search([("id", "=", request.id)])
            self.assertFalse(found, user.login)

    def test_street_admin_opens_approver_configuration(self):
        action = self.env.ref("community_base.tier_definition_action")
        records = self.open_action(action, self.street_admin)
        self.assertIn(self.env.ref(
            "community_base.community_admission_request_tier_definition"),
            records)
        self.assertIn("community.admission.request",
                      self.env["tier.definition"]
                      ._get_tier_validation_model_names())

    def test_no_tier_street_admin_alone_approves(self):
        self.env.ref(
            "community_base.community_admission_request_tier_definition"
        ).active = False
        request = self._create_request()
        request.action_submit()
        self.assertFalse(request.review_ids)
        with self.assertRaises(AccessError):
            request.action_approve()
        self.assertEqual(request.state, "submitted")
        request.sudo(self.street_admin.id).action_approve()
        self.assertEqual(request.state, "approved")

    def test_work_admission_menus_visible_to_street_roles(self):
        menus = [self.env.ref("community_base.%s" % xmlid) for xmlid in (
            "work_admission_menu", "community_admission_request_menu",
            "community_admission_catalogue_menu", "community_seal_usage_menu")]
        for user in (self.leader, self.community_clerk, self.street_clerk):
            visible = self.visible_menus(user)
            for menu in menus:
                self.assertIn(menu, visible, (user.login, menu.name))
        for xmlid in ("community_seal_item_menu", "tier_definition_menu"):
            menu = self.env.ref("community_base.%s" % xmlid)
            self.assertIn(menu, self.visible_menus(self.street_admin))
            self.assertNotIn(menu, self.visible_menus(self.street_clerk))
