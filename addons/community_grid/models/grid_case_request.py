# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import roles

# What the approvers approved: changing it once submitted would change the
# request behind their back.
CONTENT_FIELDS = frozenset([
    "case_id", "request_type", "reason", "target_unit", "new_deadline"])


class GridCaseRequest(models.Model):
    """A handler's request to return a case (退单: not ours, and which unit
    it should go to) or to extend its deadline (延期, to a new date).

    Neither is the handler's own decision: the request goes through the tier
    approval of OCA ``base_tier_validation`` (approvers configured without
    code), and only an approved request changes the case. An extension
    moves the deadline but keeps the original one for scoring; a return
    sends the case back to dispatching without a handler.
    """

    _name = "grid.case.request"
    _inherit = ["mail.thread", "community.tier.approval",
                "community.scope.copy.mixin"]
    _description = "Case return or extension request"
    _order = "id desc"
    # Reviewers may lack write access on requests; reading is enough to
    # leave the review trail in the chatter.
    _mail_post_access = "read"
    _scope_parent_field = "case_id"

    _state_from = ["pending"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _locked_fields = CONTENT_FIELDS
    _approval_group = roles.STREET_CLERK

    name = fields.Char(compute="_compute_name", store=True)
    case_id = fields.Many2one(
        comodel_name="grid.case", string="Case", required=True, index=True,
        ondelete="cascade")
    community_id = fields.Many2one(
        related="case_id.community_id", store=True, index=True,
        readonly=True)
    company_id = fields.Many2one(
        related="case_id.company_id", store=True, index=True, readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Requested by", index=True,
        readonly=True, ondelete="set null",
        default=lambda self: self.env.user)
    request_type = fields.Selection(
        selection=[("return", "Return"), ("extension", "Extension")],
        string="Type", required=True, default="extension", index=True)
    reason = fields.Text(required=True, track_visibility="onchange")
    target_unit = fields.Char(
        string="Unit it should go to",
        help="For a return: the section or department the case belongs to.")
    current_deadline = fields.Date(
        related="case_id.date_deadline", readonly=True)
    new_deadline = fields.Date(
        help="For an extension: the deadline asked for.")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("pending", "Pending approval"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")
    reject_reason = fields.Text(
        string="Reason for rejection", copy=False,
        track_visibility="onchange")

    @api.depends("case_id.name", "request_type")
    def _compute_name(self):
        labels = dict(self._fields["request_type"]._description_selection(
            self.env))
        for request in self:
            request.name = "%s %s" % (
                request.case_id.name or "", labels.get(request.request_type,
                                                       ""))

    @api.constrains("request_type", "target_unit", "new_deadline", "reason")
    def _check_request_content(self):
        for request in self:
            if not (request.reason or "").strip():
                raise ValidationError(_(
                    "Give the reason of the request on the case %s.")
                    % request.case_id.name)
            if request.request_type == "return" and not (
                    request.target_unit or "").strip():
                raise ValidationError(_(
                    "Name the unit the case %s should go to: a case is "
                    "returned only with its right handler.")
                    % request.case_id.name)
            if request.request_type == "extension":
                if not request.new_deadline:
                    raise ValidationError(_(
                        "Give the new deadline asked for the case %s.")
                        % request.case_id.name)
                # sudo: compares with the case's current deadline, which the requester
                #   may no longer read
                current = request.sudo().case_id.date_deadline
                if request.state in ("draft", "pending") and current and (
                        request.new_deadline <= current):
                    raise ValidationError(_(
                        "The new deadline %(new)s of the case %(case)s must "
                        "come after its current deadline %(current)s.") % {
                            "new": request.new_deadline,
                            "case": request.case_id.name,
                            "current": current})

    @api.model
    def create(self, vals):
        case = self.env["grid.case"].browse(vals.get("case_id"))
        case.check_access_rule("read")
        case._check_step(("dispatch",), _(
            "No return or extension can be asked for the case %(case)s: it "
            "is at the step \"%(step)s\"; only a dispatched case is at its "
            "handler."))
        return super().create(vals)

    @api.multi
    def action_submit(self):
        """Send the request to its approvers."""
        self._submit_for_approval({"reject_reason": False})
        for request in self:
            request.case_id.message_post(
                body=_("%(request)s asked: %(reason)s") % {
                    "request": request.name, "reason": request.reason},
                subtype="mail.mt_note")
        return True

    @api.multi
    def action_approve(self):
        """Approve once every tier validated it (see
        ``community.tier.approval._check_approval``), then apply it to the
        case; without any tier, only a street clerk approves."""
        self._check_approval()
        # sudo: approval checked above (tiers or street clerk); approvers need no write
        #   access on requests
        self.sudo().write({"state": "approved"})
        for request in self:
            request._apply()
        return True

    @api.multi
    def action_reject(self):
        """Refuse the request, with the reason written on it: a street
        clerk or an approver of the request does it (see
        ``community.tier.approval._reject``); the case's chatter says so."""
        self._reject()
        for request in self:
            # sudo: logs the rejection on the request's case, which the approver may not
            #   write
            request.case_id.sudo().message_post(
                body=_("%(request)s rejected by %(user)s: %(reason)s") % {
                    "request": request.name, "user": self.env.user.name,
                    "reason": request.reject_reason},
                subtype="mail.mt_comment")
        return True

    @api.multi
    def _check_submittable(self):
        """A request is for a case at its handler, one of a type at a time."""
        result = super()._check_submittable()
        if self.case_id.state != "dispatch":
            raise UserError(_(
                "The case %s is no longer at its handler: the request "
                "cannot be submitted.") % self.case_id.name)
        pending = self.search([
            ("case_id", "=", self.case_id.id),
            ("request_type", "=", self.request_type),
            ("state", "=", "pending"), ("id", "!=", self.id)])
        if pending:
            raise UserError(_(
                "The case %s already has a request of this type waiting "
                "for approval.") % self.case_id.name)
        return result

    @api.multi
    def _check_approvable(self):
        """A request applies only to a case still at its handler."""
        result = super()._check_approvable()
        # sudo: the case may be outside the approver's scope; its state decides
        #   whether the request can still apply
        if self.sudo().case_id.state != "dispatch":
            raise UserError(_(
                "The case %s is no longer at its handler: the request "
                "cannot be approved; reject it.") % self.case_id.name)
        return result

    @api.multi
    def _apply(self):
        """Change the case as approved. Written as superuser: the approver's
        right is the approval, not write access on cases; the chatter names
        the approver."""
        self.ensure_one()
        # sudo: the approval is the approver's right to change the case, not write
        #   access on cases; the chatter names the approver
        case = self.case_id.sudo()
        approver = self.env.user.name
        if self.request_type == "extension":
            case._transition({
                "date_deadline": self.new_deadline,
                "extension_count": case.extension_count + 1,
                "status_notes": self.reason,
            })
            body = _("Extension to %(date)s approved by %(user)s: "
                     "%(reason)s") % {
                         "date": self.new_deadline, "user": approver,
                         "reason": self.reason}
        else:
            case._finish_activities()
            case._transition({
                "state": "report",
                "date_dispatched": False,
                "handler_user_id": False,
                "handler_department_id": False,
                "handler_partner_id": False,
                "return_count": case.return_count + 1,
                "status_notes": _("Returned, to go to %s") % self.target_unit,
            })
            body = _("Return approved by %(user)s, the case should go to "
                     "%(unit)s: %(reason)s") % {
                         "user": approver, "unit": self.target_unit,
                         "reason": self.reason}
        case.message_post(body=body, subtype="mail.mt_comment")
