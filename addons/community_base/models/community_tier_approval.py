# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, models
from odoo.exceptions import UserError


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
    """

    _name = "community.tier.approval"
    _inherit = "tier.validation"
    _description = "Approval through tier validation"

    #: the method that approves a record of the model
    _approve_method = "action_approve"
    #: the group whose members approve a record no tier definition applies to
    _approval_group = "community_base.group_street_admin"

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
                    raise UserError(_(
                        "No approval tier applies to %(record)s: only a "
                        "member of \"%(group)s\" can approve it.") % {
                            "record": record._approval_label(),
                            "group": self.env.ref(
                                record._approval_group).full_name})
            elif not record.validated:
                pending = record.review_ids.filtered(
                    lambda review: review.status != "approved")
                raise UserError(_(
                    "%(record)s still waits for the approval of: "
                    "%(reviewers)s.") % {
                        "record": record._approval_label(),
                        "reviewers": ", ".join(
                            pending.mapped("reviewer_ids.name"))})

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
