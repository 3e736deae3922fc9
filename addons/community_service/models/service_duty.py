# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_grid.models.grid_case import OPEN_STATES as CASE_OPEN_STATES

#: a request still with the duty cadre: not decided, or accepted and
#: neither done nor forwarded to a section
REQUEST_UNSETTLED_STATES = ("received", "accepted", "in_progress")


class ServiceDuty(models.Model):
    """A day of the community's duty roster (值班): the duty cadre of the
    day receives and settles what comes up (社情民意每日随访调处).

    What the cadre could not settle that day is handed over to the next
    day's duty cadre, listed one by one: the requests they received (or
    were handed) still undecided or at the hall, neither done, rejected nor
    forwarded to a section, and the cases they received still at the
    report step or handled by the cadre themselves. Once handed over, the
    day is closed.
    """

    _name = "service.duty"
    _inherit = ["mail.thread", "community.scoped.mixin"]
    _description = "Duty roster day"
    _order = "date desc, community_id"
    _default_user_community = True
    _mail_post_access = "read"

    date = fields.Date(required=True, index=True,
                       default=fields.Date.context_today)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Duty cadre", index=True,
        ondelete="restrict", domain=[("share", "=", False)],
        track_visibility="onchange")
    worker_id = fields.Many2one(
        comodel_name="community.worker", string="Duty cadre (worker)",
        index=True, ondelete="restrict",
        help="The community worker on duty, when they have no login.")
    note = fields.Text(help="What the duty cadre did and saw that day.")
    state = fields.Selection(
        selection=[("open", "On duty"), ("handed_over", "Handed over")],
        default="open", required=True, readonly=True, copy=False,
        index=True, track_visibility="onchange")
    request_ids = fields.One2many(
        comodel_name="service.request", inverse_name="duty_id",
        string="Requests received", readonly=True)
    case_ids = fields.One2many(
        comodel_name="grid.case", inverse_name="duty_id",
        string="Cases received", readonly=True)
    handed_in_request_ids = fields.Many2many(
        comodel_name="service.request",
        relation="service_duty_handed_in_request_rel", column1="duty_id",
        column2="request_id", string="Requests taken over", readonly=True,
        copy=False)
    handed_in_case_ids = fields.Many2many(
        comodel_name="grid.case", relation="service_duty_handed_in_case_rel",
        column1="duty_id", column2="case_id", string="Cases taken over",
        readonly=True, copy=False)
    handover_request_ids = fields.Many2many(
        comodel_name="service.request",
        relation="service_duty_handover_request_rel", column1="duty_id",
        column2="request_id", string="Requests handed over", readonly=True,
        copy=False)
    handover_case_ids = fields.Many2many(
        comodel_name="grid.case", relation="service_duty_handover_case_rel",
        column1="duty_id", column2="case_id", string="Cases handed over",
        readonly=True, copy=False)
    next_duty_id = fields.Many2one(
        comodel_name="service.duty", string="Handed to", readonly=True,
        copy=False, ondelete="set null")

    _sql_constraints = [
        ("community_date_unique", "unique(community_id, date)",
         "A community has one duty cadre a day."),
    ]

    @api.multi
    def name_get(self):
        return [(duty.id, "%s %s" % (duty.community_id.name, duty.date))
                for duty in self]

    @api.constrains("community_id", "date", "user_id", "worker_id")
    def _check_cadre(self):
        for duty in self:
            if not duty.user_id and not duty.worker_id:
                raise ValidationError(_(
                    "Choose the duty cadre of %(community)s on %(date)s.") % {
                        "community": duty.community_id.name,
                        "date": duty.date})

    @api.multi
    def action_hand_over(self):
        """Hand what the duty cadre did not settle to the next day's duty
        of the community, listed in the handover and posted to them."""
        for duty in self:
            if duty.state != "open":
                raise UserError(_(
                    "The duty of %(community)s on %(date)s is already handed "
                    "over.") % {"community": duty.community_id.name,
                                "date": duty.date})
            following = self.search([
                ("community_id", "=", duty.community_id.id),
                ("date", ">", duty.date)], order="date", limit=1)
            if not following:
                raise UserError(_(
                    "No duty cadre of %(community)s is on the roster after "
                    "%(date)s: add the next day's duty first.") % {
                        "community": duty.community_id.name,
                        "date": duty.date})
            requests, cases = duty._unsettled()
            duty.write({
                "state": "handed_over",
                "handover_request_ids": [(6, 0, requests.ids)],
                "handover_case_ids": [(6, 0, cases.ids)],
                "next_duty_id": following.id})
            following.write({
                "handed_in_request_ids": [(4, record.id)
                                          for record in requests],
                "handed_in_case_ids": [(4, record.id) for record in cases]})
            following._post_handover(duty, requests, cases)
        return True

    @api.multi
    def _unsettled(self):
        """(requests, cases) the duty received or took over that are still
        with the duty cadre."""
        self.ensure_one()
        requests = (self.request_ids | self.handed_in_request_ids).filtered(
            lambda request: request.state in REQUEST_UNSETTLED_STATES
            and not request.department_id and not request.case_id)
        cases = (self.case_ids | self.handed_in_case_ids).filtered(
            lambda case: case.state == "report" or (
                case.state in CASE_OPEN_STATES
                and self.user_id and case.handler_user_id == self.user_id))
        return requests, cases

    @api.multi
    def _post_handover(self, previous, requests, cases):
        """Tell the next duty cadre what they take over."""
        self.ensure_one()
        items = [request.name + " " + request.item_id.name
                 for request in requests] + [
            case.name + " " + case.category_id.name for case in cases]
        body = _("Handed over by the duty of %(date)s: %(items)s") % {
            "date": previous.date,
            "items": ", ".join(items) if items else _("nothing open")}
        self.message_post(
            body=body,
            partner_ids=self.user_id.partner_id.ids)
