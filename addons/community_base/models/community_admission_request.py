# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

# Once a request leaves the draft state these fields are what the street
# approved: changing them afterwards would change the catalogue behind the
# approvers' back.
CONTENT_FIELDS = frozenset([
    "name", "department_id", "task_type", "legal_basis", "description",
    "community_ids", "workload", "funding_amount", "currency_id",
    "date_start", "date_end", "company_id",
])


class CommunityAdmissionRequest(models.Model):
    """A department's application to push work down to communities.

    Reform rule "no admission, no task" (准入): a task, survey, sign board or
    campaign reaches a community only through an approved request, and the
    money follows the task (费随事转). The approved requests of a year are the
    admission catalogue (准入目录). Who approves is configured without code
    as tier definitions of OCA ``base_tier_validation``.
    """

    _name = "community.admission.request"
    _inherit = ["mail.thread", "community.tier.approval"]
    _description = "Work admission request"
    _order = "date_start desc, id desc"
    # Reviewers (for instance a leader) may lack write access on requests;
    # reading is enough to leave the review trail in the chatter.
    _mail_post_access = "read"

    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _locked_fields = CONTENT_FIELDS

    name = fields.Char(
        string="Subject", required=True, track_visibility="onchange")
    reference = fields.Char(
        readonly=True, copy=False, index=True, default="/",
        help="Number given when the request is created.")
    department_id = fields.Many2one(
        comodel_name="hr.department", string="Requesting department",
        required=True, index=True, ondelete="restrict",
        track_visibility="onchange")
    task_type = fields.Selection(
        selection=[
            ("task", "Task"),
            ("survey", "Statistics survey"),
            ("sign", "Sign board"),
            ("campaign", "Creation campaign"),
        ],
        string="Type", required=True, default="task", index=True)
    legal_basis = fields.Text(
        required=True,
        help="Law, regulation or decision that makes this work a duty of "
             "the communities.")
    description = fields.Text(string="Content of the work")
    community_ids = fields.Many2many(
        comodel_name="community.community",
        relation="community_admission_request_community_rel",
        column1="request_id", column2="community_id",
        string="Communities",
        help="Communities the work is pushed down to.")
    workload = fields.Text(
        help="Expected workload for a community: hours, visits, forms...")
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        comodel_name="res.currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id)
    funding_amount = fields.Monetary(
        string="Attached funding", currency_field="currency_id",
        track_visibility="onchange",
        help="Money that follows the task to the communities (费随事转).")
    date_start = fields.Date(
        string="Start date", required=True, index=True,
        default=fields.Date.context_today)
    date_end = fields.Date(
        string="End date", index=True,
        help="Leave empty for work without an end, such as a sign board.")
    # group_operator: a year is a label, not summed in the rows of a
    # grouped list (as every year field of ours)
    year = fields.Integer(
        compute="_compute_year", store=True, index=True, group_operator=False,
        help="Year of the start date: the catalogue is kept per year.")
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("closed", "Closed"),
        ],
        default="draft", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")
    reject_reason = fields.Text(
        string="Reason for rejection", copy=False,
        track_visibility="onchange")
    approval_date = fields.Date(readonly=True, copy=False)

    @api.depends("date_start")
    def _compute_year(self):
        for request in self:
            request.year = fields.Date.from_string(
                request.date_start).year if request.date_start else 0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for request in self:
            if request.date_end and request.date_end < request.date_start:
                raise ValidationError(_(
                    "The end date of the admission request \"%s\" is before "
                    "its start date.") % request.name)

    @api.constrains("funding_amount")
    def _check_funding_amount(self):
        for request in self:
            if request.funding_amount < 0:
                raise ValidationError(_(
                    "The attached funding of the admission request \"%s\" "
                    "cannot be negative.") % request.name)

    @api.model
    def create(self, vals):
        if vals.get("reference", "/") == "/":
            vals["reference"] = self.env["ir.sequence"].next_by_code(
                "community.admission.request") or "/"
        return super().create(vals)

    @api.multi
    def name_get(self):
        return [(request.id, "[%s] %s" % (request.reference, request.name)
                 if request.reference and request.reference != "/"
                 else request.name)
                for request in self]

    @api.multi
    def action_submit(self):
        """Send the request to its approvers: the reviews of every tier
        definition that applies are created at once."""
        self._submit_for_approval({"reject_reason": False})
        return True

    @api.multi
    def action_approve(self):
        """Approve once every tier has validated the request (see
        ``community.tier.approval._check_approval``); when no tier
        definition applies, only a street administrator approves."""
        self._check_approval()
        # sudo: approval checked above (tiers or street administrator); reviewers need
        #   no write access on requests
        self.sudo().write({
            "state": "approved",
            "approval_date": fields.Date.context_today(self),
        })
        return True

    @api.multi
    def action_reject(self):
        """Refuse the request, with the reason written on it: a street
        administrator or an approver of the request does it (see
        ``community.tier.approval._reject``)."""
        self._reject()
        return True

    @api.multi
    def action_draft(self):
        """Let the department correct a rejected request and submit it
        again (see ``community.tier.approval._reset_to_draft``)."""
        self._reset_to_draft()
        return True

    @api.multi
    def action_close(self):
        """Take finished work out of the catalogue."""
        for request in self:
            if request.state != "approved":
                raise UserError(_(
                    "Only approved admission requests can be closed; \"%s\" "
                    "is not approved.") % request.display_name)
        self.write({"state": "closed"})
        return True

    @api.multi
    def _check_submittable(self):
        """The approvers decide for the communities the work is pushed to."""
        result = super()._check_submittable()
        if not self.community_ids:
            raise UserError(_(
                "Choose the communities the admission request \"%s\" "
                "concerns before submitting it.") % self.display_name)
        return result

    @api.model
    def _is_admitted(self, task_type, community, date=None):
        """Return the approved requests that admit work of ``task_type`` in
        ``community`` (a ``community.community`` record or id) on ``date``
        (default: today); an empty recordset means the work is not admitted.

        Other addons flag work pushed down without admission with two
        fields on their own model, for instance on a task or a survey::

            admission_request_id = fields.Many2one(
                "community.admission.request", index=True,
                domain=[("state", "=", "approved")])
            admitted = fields.Boolean(compute=..., store=True)

        computed as ``bool(Request._is_admitted(rec.task_type,
        rec.community_id, rec.date))``, and filtered on ``admitted = False``.
        The search ignores record rules so that the flag is the same for
        every user; read the result with ``sudo()`` if the caller's role
        cannot read requests.
        """
        community_id = community.id if isinstance(
            community, models.BaseModel) else community
        date = date or fields.Date.context_today(self)
        # sudo: answers yes or no for a community and a task type; roles that cannot
        #   read requests need the answer
        requests = self.sudo().search([
            ("state", "=", "approved"),
            ("task_type", "=", task_type),
            ("community_ids", "in", [community_id]),
            ("date_start", "<=", date),
            "|", ("date_end", "=", False), ("date_end", ">=", date),
        ])
        return self.browse(requests.ids)
