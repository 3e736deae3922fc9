# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import id_number as idn
from ..tools import roles, street_time

#: the categories counted as full-time community workers (社区专职工作者
#: in the broad sense of the staffing norm: committee members, party
#: committee members and hired workers); grid officers and seconded staff
#: are counted apart
FULL_TIME_CATEGORIES = ("committee", "party_committee", "hired")


class CommunityWorker(models.Model):
    """A person working in a community (社区工作者): committee member,
    party committee member, hired community worker, grid officer or staff
    seconded by a department, with the posts they hold and their training.

    Their ID number, phone, birth date and monthly pay are personal data,
    protected as the residents' are: only the roles of ``roles.PERSONAL_DATA``
    read them (the others read masks), and the private fields mixin refuses
    a search, grouping or sort by them to the others.
    """

    _name = "community.worker"
    _inherit = ["mail.thread", "community.scoped.mixin",
                "community.identity.mixin", "community.private.fields.mixin"]
    _description = "Community worker"
    _order = "community_id, name, id"
    _default_user_community = True

    name = fields.Char("Full name", required=True, index=True,
                       track_visibility="onchange")
    gender = fields.Selection(
        selection=[("male", "Male"), ("female", "Female")])
    # personal data, never tracked: the chatter is read by every role that
    # reads the record
    id_number = fields.Char(
        "ID number", size=18, index=True, groups=roles.PERSONAL_DATA)
    id_number_masked = fields.Char(
        "ID number (masked)", compute="_compute_masked")
    phone = fields.Char(groups=roles.PERSONAL_DATA)
    phone_masked = fields.Char("Phone (masked)", compute="_compute_masked")
    birth_date = fields.Date(groups=roles.PERSONAL_DATA)
    monthly_pay = fields.Float(
        "Monthly pay", digits=(16, 2), groups=roles.PERSONAL_DATA,
        help="Salary and allowances paid each month (personal data).")
    user_id = fields.Many2one(
        comodel_name="res.users", string="Login", index=True,
        ondelete="set null",
        help="The worker's user, when they work in the system.")
    resident_id = fields.Many2one(
        comodel_name="community.resident", string="Resident record",
        index=True, ondelete="set null",
        help="The worker's record in the resident register, when they live "
        "in the street.")
    category = fields.Selection(
        selection=[
            ("committee", "Residents' committee member"),
            ("party_committee", "Community party committee member"),
            ("hired", "Hired community worker"),
            ("grid_officer", "Grid officer"),
            ("seconded", "Seconded staff"),
            ("other", "Other"),
        ],
        required=True, default="hired", index=True,
        track_visibility="onchange")
    hire_date = fields.Date("Hire date", track_visibility="onchange")
    qualification = fields.Selection(
        selection=[
            ("none", "None"),
            ("assistant", "Assistant social worker"),
            ("social_worker", "Social worker"),
            ("senior", "Senior social worker"),
        ],
        string="Social work qualification", required=True, default="none",
        track_visibility="onchange")
    seconding_body = fields.Char(
        "Seconding body",
        help="The department that seconded the worker (派驻单位).")
    post_ids = fields.One2many(
        comodel_name="community.worker.post", inverse_name="worker_id",
        string="Posts held")
    post_history_ids = fields.One2many(
        comodel_name="community.worker.post", inverse_name="worker_id",
        string="Posts (history)", context={"active_test": False},
        domain=[("active", "=", False)])
    holds_concurrent_posts = fields.Boolean(
        "Holds concurrent posts", compute="_compute_holds_concurrent_posts",
        store=True, index=True,
        help="The worker holds two posts or more at once (一肩挑, 交叉任职).")
    training_ids = fields.One2many(
        comodel_name="community.worker.training", inverse_name="worker_id",
        string="Training")
    training_hours_year = fields.Float(
        "Training hours this year", compute="_compute_training_hours_year")
    active = fields.Boolean(default=True, track_visibility="onchange")
    note = fields.Text()

    _sql_constraints = [
        ("id_number_company_uniq", "unique(id_number, company_id)",
         "This ID number is already registered for a worker of this street "
         "office."),
    ]

    @api.depends("post_ids", "post_ids.active")
    def _compute_holds_concurrent_posts(self):
        for worker in self:
            worker.holds_concurrent_posts = len(
                worker.post_ids.filtered("active")) > 1

    @api.depends("training_ids.date", "training_ids.hours")
    def _compute_training_hours_year(self):
        for worker in self:
            year = street_time.street_today(self.env, worker.company_id)[:4]
            worker.training_hours_year = sum(
                line.hours for line in worker.training_ids
                if line.date and line.date[:4] == year)

    @api.constrains("id_number")
    def _check_id_number(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for worker in self.sudo():
            if not worker.id_number:
                continue
            try:
                number = idn.normalize(worker.id_number)
            except idn.InvalidIdNumber as error:
                raise ValidationError(_(
                    "The ID number %(number)s of the worker %(worker)s is "
                    "invalid: %(reason)s.") % {
                        "number": worker.id_number, "worker": worker.name,
                        "reason": self.env[
                            "community.resident"]._id_number_reason(
                                error.reason)})
            if number != worker.id_number:
                raise ValidationError(_(
                    "The ID number %(number)s of the worker %(worker)s must "
                    "be saved in its 18-character form %(normalized)s.") % {
                        "number": worker.id_number, "worker": worker.name,
                        "normalized": number})

    @api.model
    def _normalize_vals(self, vals):
        """The ID number in its 18-character form (the identity mixin),
        and the birth date and gender it encodes when not given."""
        vals = super()._normalize_vals(vals)
        number = vals.get("id_number")
        if number and idn.is_valid(number):
            vals.setdefault("birth_date", fields.Date.to_string(
                idn.birth_date(number)))
            vals.setdefault("gender", idn.sex(number))
        return vals
