# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rejecting, resetting to draft and the lock of submitted records, the
``community.tier.approval`` mixin's, on each of the four models that use it,
as the role that may and as a role that may not.

A refusal for want of rights is an ``AccessError``, a refusal by the
record's state or content a ``UserError``; neither changes the record nor
its reviews. The models of the other addons are checked when they are
installed (the test database has all four addons).
"""
from odoo.exceptions import AccessError, UserError

from .common import CommunityCase

#: per model: the roles (attributes of the test class) that approve, that
#: may change the record without approving it (and reset it to draft), that
#: deletes a draft; the buttons that reject and reset to draft; a content
#: change the lock refuses once submitted; a state rejecting is refused in
MODELS = {
    "community.admission.request": {
        "approver": "street_admin", "outsider": "street_clerk",
        "deleter": "street_clerk",
        "reject": "action_reject", "draft": "action_draft",
        "content": {"legal_basis": "Another law"},
        "unrejectable": "closed",
    },
    "grid.case.request": {
        "approver": "street_clerk", "outsider": "handler",
        "deleter": "handler",
        # no reset button: a handler asks again with a new request
        "reject": "action_reject", "draft": "_reset_to_draft",
        "content": {"reason": "Another reason"},
        "unrejectable": "approved",
    },
    "crossovered.budget": {
        "approver": "finance_officer", "outsider": "street_clerk",
        "deleter": "finance_officer",
        "reject": "action_budget_cancel", "draft": "action_budget_draft",
        "content": {"name": "Another budget"},
        "unrejectable": "done",
    },
    "finance.budget.adjustment": {
        "approver": "finance_officer", "outsider": "street_clerk",
        "deleter": "finance_officer",
        "reject": "action_reject", "draft": "action_draft",
        "content": {"reason": "Another reason"},
        "unrejectable": "approved",
    },
}


class TestTierApproval(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({
            "name": "Statistics Bureau"})
        cls.finance_officer = cls.handler = None
        if "crossovered.budget" in cls.env:
            cls.finance_officer = cls._create_user(
                "approval_finance_officer",
                "community_finance.group_finance_officer")
            cls._set_street(cls.finance_officer, cls.street_a)
        if "grid.case" in cls.env:
            cls.handler = cls._create_user(
                "approval_handler", "community_grid.group_case_handler")
            cls._set_street(cls.handler, cls.street_a)
            cls.category = cls.env["grid.case.category"].create({
                "name": "Approval litter", "code": "APPR-ENV",
                "level": "street"})

    # the records, as superuser, in street A

    def _new(self, model):
        """A draft of ``model`` in street A."""
        if model == "community.admission.request":
            return self.env[model].create({
                "name": "Economic census", "department_id": self.department.id,
                "task_type": "survey", "legal_basis": "Statistics Law",
                "community_ids": [(6, 0, self.community_a1.ids)],
                "date_start": "2026-03-01", "company_id": self.street_a.id})
        if model == "grid.case.request":
            case = self.env["grid.case"].create({
                "category_id": self.category.id,
                "household_id": self.household_a1.id,
                "description": "<p>Rubbish at the gate</p>",
                "handler_user_id": self.handler.id})
            case.action_dispatch()
            return self.env[model].create({
                "case_id": case.id, "request_type": "return",
                "target_unit": "Housing bureau", "reason": "Not ours",
                "user_id": self.handler.id})
        budget = self.env["crossovered.budget"].create({
            "name": "Approval budget", "date_from": "2026-01-01",
            "date_to": "2026-12-31", "company_id": self.street_a.id})
        if model == "crossovered.budget":
            return budget
        budget.write({"state": "validate"})
        return self.env[model].create({
            "budget_id": budget.id, "adjustment_type": "increase",
            "reason": "More work funds"})

    def _submitted(self, model):
        """A record of ``model`` waiting for its reviewers."""
        record = self._new(model)
        record.write({"state": record._state_from[0]})
        record.request_validation()
        self.assertEqual(record.review_ids.mapped("status"), ["pending"],
                         model)
        if "reject_reason" in record._fields:
            record.reject_reason = "Not needed this year"
        return record

    def _rejected(self, model):
        record = self._submitted(model)
        record._reject()
        self.assertEqual(record.state, record._cancel_state, model)
        return record

    def _as(self, record, role):
        return record.sudo(getattr(self, role).id)

    def _models(self):
        """The models installed, with their roles and buttons."""
        for model, spec in MODELS.items():
            if model in self.env:
                yield model, spec

    def _assert_unchanged(self, record, state, statuses):
        record.invalidate_cache()
        self.assertEqual(record.state, state, record._name)
        self.assertEqual(sorted(record.review_ids.mapped("status")),
                         sorted(statuses), record._name)

    def test_the_four_models_are_checked(self):
        """The loop below runs on every model of the installed addons that
        approves through the mixin: a new one is added to MODELS."""
        approving = set(
            self.env["community.tier.approval"]._inherit_children)
        self.assertEqual(approving, {model for model, spec in self._models()})

    def test_approver_rejects_and_their_review_says_so(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._submitted(model)
                getattr(self._as(record, spec["approver"]), spec["reject"])()
                record.invalidate_cache()
                self.assertEqual(record.state, record._cancel_state)
                self.assertEqual(record.review_ids.mapped("status"),
                                 ["rejected"])
                self.assertEqual(record.review_ids.done_by,
                                 getattr(self, spec["approver"]))

    def test_who_is_no_approver_cannot_reject(self):
        for model, spec in self._models():
            for role in (spec["outsider"], "leader"):
                with self.subTest(model=model, role=role):
                    record = self._submitted(model)
                    with self.assertRaisesRegex(
                            AccessError, "can reject it") as refusal:
                        getattr(self._as(record, role), spec["reject"])()
                    self.assertIn(record.display_name,
                                  refusal.exception.name)
                    self._assert_unchanged(
                        record, record._state_from[0], ["pending"])

    def test_who_is_no_approver_cannot_approve(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._submitted(model)
                approve = getattr(self._as(record, spec["outsider"]),
                                  record._approve_method)
                with self.assertRaisesRegex(AccessError, "still waits"):
                    approve()
                self._assert_unchanged(
                    record, record._state_from[0], ["pending"])

    def test_reject_refused_in_a_state_that_allows_none(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._new(model)
                record.write({"state": spec["unrejectable"]})
                with self.assertRaisesRegex(UserError, "cannot be rejected"):
                    getattr(self._as(record, spec["approver"]),
                            spec["reject"])()
                self._assert_unchanged(record, spec["unrejectable"], [])

    def test_reject_needs_the_reason_where_the_model_keeps_one(self):
        for model, spec in self._models():
            if "reject_reason" not in self.env[model]._fields:
                continue
            with self.subTest(model=model):
                record = self._submitted(model)
                record.reject_reason = " "
                with self.assertRaisesRegex(UserError, "reason"):
                    getattr(self._as(record, spec["approver"]),
                            spec["reject"])()
                self._assert_unchanged(
                    record, record._state_from[0], ["pending"])

    def test_rejected_record_reset_to_draft_without_its_reviews(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._rejected(model)
                # the proposer: may change the record, approves nothing
                getattr(self._as(record, spec["outsider"]), spec["draft"])()
                record.invalidate_cache()
                self.assertEqual(record.state, "draft")
                self.assertFalse(record.review_ids)
                # submitted again, every tier is asked again
                record.write({"state": record._state_from[0]})
                record.request_validation()
                self.assertEqual(record.review_ids.mapped("status"),
                                 ["pending"])

    def test_who_may_not_change_it_cannot_reset_it(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._rejected(model)
                with self.assertRaisesRegex(AccessError, "reset it to draft"):
                    getattr(self._as(record, "leader"), spec["draft"])()
                self._assert_unchanged(
                    record, record._cancel_state, ["rejected"])

    def test_only_a_rejected_record_is_reset(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._submitted(model)
                with self.assertRaisesRegex(UserError, "reset to draft"):
                    getattr(self._as(record, spec["outsider"]),
                            spec["draft"])()
                self._assert_unchanged(
                    record, record._state_from[0], ["pending"])

    def test_draft_content_changes_freely(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._new(model)
                self._as(record, spec["outsider"]).write(spec["content"])
                field, value = next(iter(spec["content"].items()))
                self.assertEqual(record[field], value)

    def test_submitted_content_locked(self):
        """What was submitted stays what the approvers approve: refused by
        the record's state (the content) or, for a budget, for want of the
        finance officer's right (clerks change drafts only)."""
        for model, spec in self._models():
            for step in ("submitted", "approved"):
                with self.subTest(model=model, step=step):
                    record = self._submitted(model)
                    if step == "approved":
                        record.sudo()._validate_tier(record.review_ids)
                        record.write({"state": record._state_to[0]})
                    state = record.state
                    field, value = next(iter(spec["content"].items()))
                    before = record[field]
                    refusal = AccessError if record._edit_group else UserError
                    with self.assertRaisesRegex(refusal, "draft"):
                        self._as(record, spec["outsider"]).write(
                            spec["content"])
                    record.invalidate_cache()
                    self.assertEqual(record[field], before)
                    self.assertEqual(record.state, state)

    def test_budget_finance_officer_still_changes_an_approved_budget(self):
        if "crossovered.budget" not in self.env:
            self.skipTest("community_finance is not installed")
        budget = self._new("crossovered.budget")
        budget.write({"state": "validate"})
        budget.sudo(self.finance_officer.id).write({"name": "Renamed"})
        self.assertEqual(budget.name, "Renamed")

    def test_submitted_record_kept(self):
        for model, spec in self._models():
            with self.subTest(model=model):
                record = self._submitted(model)
                with self.assertRaisesRegex(UserError, "cannot be deleted"):
                    self._as(record, spec["deleter"]).unlink()
                self.assertTrue(record.exists())
                draft = self._new(model)
                self._as(draft, spec["deleter"]).unlink()
                self.assertFalse(draft.exists())
