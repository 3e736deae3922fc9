# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape


class PartyMeetingDecision(models.Model):
    """A decision of a meeting, followed up by its owner until done.

    Joint councils decide what the units and the community will do
    together; branch meetings decide their own tasks. Each decision has an
    owner and a deadline, and an open decision past its deadline is
    overdue (``community.decision.mixin``). A decision that is a matter for
    the community's case loop (something to fix in a building, a dispute)
    becomes a ``grid.case`` in one click (``grid.case.source.mixin``), and
    one that pushes work down to communities becomes an admission request:
    both are created as the user, with the user's rights on cases and
    requests, and keep the link to the decision.
    """

    _name = "party.meeting.decision"
    _inherit = ["community.decision.mixin", "grid.case.source.mixin",
                "community.scope.copy.mixin"]
    _description = "Meeting decision"
    _order = "date_deadline, id"

    _scope_parent_field = "meeting_id"
    _scope_fields = ("company_id", "community_id", "organisation_id")

    meeting_id = fields.Many2one(
        comodel_name="party.meeting",
        string="Meeting",
        required=True,
        index=True,
        ondelete="cascade",
    )
    # sudo: the scope follows the meeting before the record rules, which
    #   read it, check the new decision
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        related="meeting_id.company_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        related="meeting_id.community_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        related="meeting_id.organisation_id",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    meeting_date = fields.Datetime(
        related="meeting_id.date",
        string="Meeting date",
        store=True,
        readonly=True,
        compute_sudo=True,
    )
    department_id = fields.Many2one(
        comodel_name="hr.department",
        string="Requesting department",
        ondelete="restrict",
        help="The department that applies for the admission request made "
        "from the decision.")
    admission_request_id = fields.Many2one(
        comodel_name="community.admission.request",
        string="Admission request",
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
    )

    @api.multi
    def action_create_admission_request(self):
        """Turn the decision into a work admission request of its
        community (as the user: only those who apply for admission may),
        link it and open it."""
        self.ensure_one()
        self._check_followable("community.admission.request", _(
            "The decision \"%s\" cannot be turned into an admission "
            "request: you may not apply for admission. Ask a street clerk to "
            "do it."))
        if self.admission_request_id:
            raise UserError(_(
                "The decision \"%(decision)s\" is already followed by the "
                "admission request %(request)s.") % {
                    "decision": self.name,
                    "request": self.admission_request_id.display_name})
        if not self.department_id:
            raise UserError(_(
                "The decision \"%s\" has no requesting department: choose "
                "the department that applies for admission.") % self.name)
        if not self.community_id:
            raise UserError(_(
                "The decision \"%s\" has no community (its meeting is not "
                "held in one): an admission request names the communities "
                "it concerns.") % self.name)
        today = fields.Date.context_today(self)
        vals = {
            "name": self.name,
            "department_id": self.department_id.id,
            "task_type": "task",
            "legal_basis": self._source_text(),
            "description": self.description or self.name,
            "community_ids": [(6, 0, self.community_id.ids)],
            "company_id": self.company_id.id,
            "date_start": today,
            "date_end": self.date_deadline if self.date_deadline
            and self.date_deadline >= today else False,
        }
        try:
            with self.env.cr.savepoint():
                request = self.env["community.admission.request"].create(vals)
        except AccessError as error:
            raise AccessError(_(
                "The decision \"%(decision)s\" cannot be turned into an "
                "admission request of %(street)s: you do not apply for "
                "admission there.") % {
                    "decision": self.name, "street": self.company_id.name}
            ) from error
        self.write({"admission_request_id": request.id})
        self.meeting_id.message_post(body=_(
            "Decision \"%(decision)s\" turned into the admission request "
            "%(request)s.") % {
                "decision": html_escape(self.name),
                "request": html_escape(request.display_name)})
        return {
            "type": "ir.actions.act_window",
            "name": request.display_name,
            "res_model": "community.admission.request",
            "res_id": request.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
