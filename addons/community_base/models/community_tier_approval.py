# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from ..tools import roles


class CommunityTierApproval(models.AbstractModel):
    """Approval through OCA tier validation, the one way of the four addons
    (admission requests, case returns and extensions, budgets and budget
    adjustments).

    ``tier.validation`` records the reviews; it does not approve the record
    when the last review is given. Here the last approving reviewer's click
    approves it: a record waiting in ``_state_from`` whose tiers are all
    validated goes through ``_approve_method``, which applies what the
    approval means for that model (a case's new deadline, a budget's frozen
    amounts) and checks who may approve.

    Rejecting (``_reject``), resetting a rejected record to draft
    (``_reset_to_draft``) and the lock of what was submitted (``write``,
    ``unlink``) are the mixin's too; the models' buttons call them. A
    refusal for want of rights (not an approver, not in the group, not
    allowed to change the record) is an ``AccessError``; a refusal by the
    record's state or content is a ``UserError``; both name the record.
    """

    _name = "community.tier.approval"
    _inherit = "tier.validation"
    _description = "Approval through tier validation"

    #: the method that approves a record of the model
    _approve_method = "action_approve"
    #: the group whose members approve a record no tier definition applies
    #: to, and reject any record of the model besides its reviewers
    _approval_group = roles.STREET_ADMIN
    #: the states a record may be rejected (or cancelled) in; None: those
    #: waiting for approval (``_state_from``). A rejected record goes to
    #: ``_cancel_state``, the only state reset to draft.
    _reject_states = None
    #: what the approvers approve: the fields no one changes once the record
    #: left the draft state (a rejected record is reset to draft first)
    _locked_fields = frozenset()
    #: the group whose members alone change a record at all once it left
    #: the draft state; None: anyone with write access, but for
    #: ``_locked_fields``
    _edit_group = None
    #: the states a record may be deleted in: the others are kept as the
    #: record of the approval
    _deletable_states = ("draft",)

    @api.multi
    def validate_tier(self):
        result = super().validate_tier()
        self.invalidate_cache()
        ready = self.filtered(
            lambda record: record.state in record._state_from
            and record.validated)
        if ready:
            getattr(ready, self._approve_method)()
        return result

    @api.model
    def _get_under_validation_exceptions(self):
        """The reviewer writes the reason of a rejection while the record is
        under validation."""
        result = super()._get_under_validation_exceptions()
        if "reject_reason" in self._fields:
            result = result + ["reject_reason"]
        return result

    @api.multi
    def write(self, vals):
        self._check_unlocked(vals)
        return super().write(vals)

    @api.multi
    def unlink(self):
        for record in self:
            if record.state not in record._deletable_states:
                raise record._state_refusal(_(
                    "%(record)s cannot be deleted: it is \"%(state)s\" and "
                    "kept as the record of its approval."))
        self._check_edit_rights()
        return super().unlink()

    @api.multi
    def _submit_for_approval(self, values=None):
        """Submit drafts to their approvers: check them
        (``_check_submission``), write the state waiting for approval with
        ``values``, and create at once the reviews of every tier definition
        that applies. The submitter needs write access: the write is theirs.
        """
        self._check_submission()
        self.write(dict(values or {}, state=self._state_from[0]))
        self.request_validation()

    @api.multi
    def _check_submission(self):
        """Refuse, in words, unless every record is a draft ready to be
        submitted (``_check_submittable``)."""
        for record in self:
            if record.state != "draft":
                raise record._state_refusal(_(
                    "%(record)s cannot be submitted: it is \"%(state)s\", "
                    "not a draft."))
            record._check_submittable()

    @api.multi
    def _check_approval(self):
        """Refuse, in words, unless the caller may approve every record now.

        Called first by ``_approve_method``, which then writes the approval
        as superuser: permission comes from being a reviewer (or, with no
        tier definition, from ``_approval_group``), not from write access on
        the record. The caller's approve click validates the tiers waiting
        for them first; on a record submitted before any tier applied, it
        requests the validation, which only who may change the record does
        (reviewers click once the reviews exist).
        """
        for record in self:
            if record.state not in record._state_from:
                raise record._state_refusal(_(
                    "%(record)s cannot be approved: it is \"%(state)s\", not "
                    "waiting for approval."))
            record._check_approvable()
            if record.need_validation:
                # requesting the validation writes the reviews: only who may
                # change the record does it (reviewers click once they exist)
                record.check_access_rights("write")
                record.check_access_rule("write")
                record._validate_tier(record.request_validation())
            elif record.can_review:
                record._validate_tier()
            record.invalidate_cache()
            if not record.review_ids:
                if not self.env.user.has_group(record._approval_group):
                    raise AccessError(_(
                        "No approval tier applies to %(record)s: only a "
                        "member of \"%(group)s\" can approve it.") % {
                            "record": record._approval_label(),
                            "group": record._approval_group_name()})
            elif not record.validated:
                pending = record.review_ids.filtered(
                    lambda review: review.status != "approved")
                values = {
                    "record": record._approval_label(),
                    "reviewers": ", ".join(
                        pending.mapped("reviewer_ids.name"))}
                if not record._is_reviewer():
                    raise AccessError(_(
                        "%(record)s still waits for the approval of: "
                        "%(reviewers)s; you are not one of its approvers.")
                        % values)
                raise UserError(_(
                    "%(record)s still waits for the approval of: "
                    "%(reviewers)s.") % values)

    @api.multi
    def _reject(self):
        """Reject (or cancel) the records: check who rejects what first
        (``_check_rejection``), mark the caller's own reviews rejected, then
        write ``_cancel_state`` as superuser: the right to reject comes from
        being an approver (a reviewer, or a member of ``_approval_group``),
        not from write access on the record."""
        self._check_rejection()
        self.filtered(
            lambda record: record.state in record._state_from).reject_tier()
        # sudo: who may reject each record, and in which state, was checked
        #   above; reviewers need no write access on the record
        self.sudo().write({"state": self._cancel_state})

    @api.multi
    def _check_rejection(self):
        """Refuse, in words, unless the caller may reject every record now:
        an approver of it (``AccessError`` otherwise), in one of
        ``_reject_states`` and complete (``_check_rejectable``; both
        ``UserError``)."""
        for record in self:
            if not (record._is_reviewer() or self.env.user.has_group(
                    record._approval_group)):
                raise AccessError(_(
                    "Only an approver of %(record)s or a member of "
                    "\"%(group)s\" can reject it.") % {
                        "record": record._approval_label(),
                        "group": record._approval_group_name()})
            if record.state not in (
                    record._reject_states or record._state_from):
                raise record._state_refusal(_(
                    "%(record)s cannot be rejected: it is \"%(state)s\"."))
            record._check_rejectable()

    @api.multi
    def _reset_to_draft(self):
        """Send rejected records back to draft, to be corrected and
        submitted again; the old reviews are dropped, so that the next
        submission asks every tier again (``restart_validation`` does this
        only in ``_state_from``). Whoever may change the records does it:
        the caller's write access is checked, then the state is written as
        superuser (a user outside ``_edit_group`` changes drafts only)."""
        for record in self:
            if not record._may_write():
                raise AccessError(_(
                    "You may not change %(record)s, so you cannot reset it "
                    "to draft.") % {"record": record._approval_label()})
            if record.state != record._cancel_state:
                raise record._state_refusal(_(
                    "%(record)s cannot be reset to draft: it is "
                    "\"%(state)s\"; only a rejected one can."))
        # sudo: the reviews of these records only, once the caller's write
        #   access to each record was checked above
        self.mapped("review_ids").sudo().unlink()
        # sudo: the caller's write access was checked above; writes the
        #   state only
        self.sudo().write({"state": "draft"})

    @api.multi
    def _check_unlocked(self, vals):
        """Refuse, in words, to change what was submitted for approval: the
        ``_locked_fields`` of a record that left the draft state, for
        everyone (``UserError``), and anything of it for a user outside
        ``_edit_group`` (``AccessError``)."""
        if self._locked_fields.intersection(vals):
            for record in self:
                if record.state != "draft":
                    raise record._state_refusal(_(
                        "%(record)s is \"%(state)s\": what was submitted "
                        "for approval cannot be changed any more. Reset a "
                        "rejected one to draft to correct it."))
        self._check_edit_rights()

    @api.multi
    def _check_edit_rights(self):
        """Refuse a user outside ``_edit_group`` any change of a record that
        left the draft state (the clerks propose, the group decides)."""
        if not self._edit_group or self.env.user.has_group(self._edit_group):
            return
        for record in self:
            if record.state != "draft":
                raise AccessError(_(
                    "%(record)s is no longer a draft: only a member of "
                    "\"%(group)s\" can change it.") % {
                        "record": record._approval_label(),
                        "group": self.env.ref(record._edit_group).full_name})

    @api.multi
    def _check_rejectable(self):
        """Hook: refuse a record that cannot be rejected for reasons of its
        own model. By default, a model with a ``reject_reason`` field
        needs the reason written first."""
        self.ensure_one()
        if "reject_reason" in self._fields and not (
                self.reject_reason or "").strip():
            raise UserError(_(
                "Write the reason for rejecting %(record)s first.") % {
                    "record": self._approval_label()})

    @api.multi
    def _is_reviewer(self):
        """Whether the caller is a reviewer of one of the record's tiers,
        whatever the status of the review."""
        self.ensure_one()
        return self.env.user in self.review_ids.mapped("reviewer_ids")

    @api.multi
    def _may_write(self):
        """Whether the caller may change the record: Odoo's write access
        and record rules."""
        self.ensure_one()
        try:
            self.check_access_rights("write")
            self.check_access_rule("write")
        except AccessError:
            return False
        return True

    @api.model
    def _approval_group_name(self):
        """The name of ``_approval_group`` as the messages give it."""
        return self.env.ref(self._approval_group).full_name

    @api.multi
    def _check_submittable(self):
        """Hook: refuse a draft that is not complete enough to be submitted
        for reasons of its own model (no lines, no communities)."""
        self.ensure_one()

    @api.multi
    def _check_approvable(self):
        """Hook: refuse a record that can no longer be approved for reasons
        of its own model (a case that moved on), before any tier is touched.
        """
        self.ensure_one()

    @api.multi
    def _approval_label(self):
        """How the approval messages name the record: its model and name."""
        self.ensure_one()
        return _('%(model)s "%(name)s"') % {
            "model": self.env["ir.model"]._get(self._name).name,
            "name": self.display_name}

    @api.multi
    def _state_refusal(self, message):
        """The refusal of a step the record's state does not allow, with
        ``message`` naming ``%(record)s`` and ``%(state)s`` as the user reads
        them."""
        self.ensure_one()
        states = dict(self._fields["state"]._description_selection(self.env))
        return UserError(message % {
            "record": self._approval_label(),
            "state": states.get(self.state, self.state)})
