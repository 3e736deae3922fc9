# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

#: the posts a community must have filled: a post among these without a
#: holder in force is vacant (staffing report)
KEY_POSTS = ("director", "party_secretary")


class CommunityWorkerPost(models.Model):
    """A post a community worker holds for a term (居委会主任, 副主任, 委员,
    书记...). The posts in force are the active ones: a term that has ended
    is archived, at once when entered so, else by a daily scheduled action,
    as the volunteer posts' terms are (``community.term.mixin``). A worker
    holding two posts in force at once holds concurrent posts (一肩挑,
    交叉任职)."""

    _name = "community.worker.post"
    _inherit = ["community.term.mixin", "community.scope.copy.mixin"]
    _description = "Community worker post"
    _order = "community_id, date_start desc, id"
    _scope_parent_field = "worker_id"

    worker_id = fields.Many2one(
        comodel_name="community.worker", string="Worker", required=True,
        index=True, ondelete="cascade")
    community_id = fields.Many2one(
        related="worker_id.community_id", store=True, readonly=True,
        index=True)
    company_id = fields.Many2one(
        related="worker_id.company_id", string="Street office", store=True,
        readonly=True, index=True)
    post = fields.Selection(
        selection=[
            ("director", "Residents' committee director"),
            ("deputy_director", "Residents' committee deputy director"),
            ("committee_member", "Residents' committee member"),
            ("party_secretary", "Community party secretary"),
            ("party_deputy_secretary", "Community party deputy secretary"),
            ("party_member", "Community party committee member"),
            ("other", "Other post"),
        ],
        required=True, default="committee_member", index=True)
    name = fields.Char(
        "Post title",
        help="The title as written in the appointment, when the post is "
        "'Other post' or more precise than its kind.")
    date_start = fields.Date(
        "Term start", required=True, index=True,
        default=fields.Date.context_today)
    date_end = fields.Date(
        "Term end", index=True,
        help="Last day of the term. Once it has passed the post is archived "
        "by a daily scheduled action.")
    election_id = fields.Many2one(
        comodel_name="community.committee.election", string="Election",
        index=True, ondelete="set null", readonly=True)
    active = fields.Boolean(default=True, index=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for line in self.sudo():
            if line.date_end and line.date_end < line.date_start:
                raise ValidationError(_(
                    "The term of %(worker)s as %(post)s cannot end "
                    "(%(end)s) before it starts (%(start)s).") % {
                        "worker": line.worker_id.name,
                        "post": line._post_label(), "end": line.date_end,
                        "start": line.date_start})

    @api.multi
    def _post_label(self):
        self.ensure_one()
        return self.name or dict(self._fields["post"]._description_selection(
            self.env))[self.post]

    @api.multi
    def name_get(self):
        return [(line.id, "%s %s" % (line.worker_id.name, line._post_label()))
                for line in self]

    @api.multi
    def _term_holder(self):
        self.ensure_one()
        return _("%(worker)s as %(post)s") % {
            "worker": self.worker_id.name, "post": self._post_label()}
