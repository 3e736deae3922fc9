# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.community_base.tools import street_time


class PartyCommitteeMember(models.Model):
    """A seat on the committee of a party organisation for one term: who
    holds which post (书记, 副书记, 组织委员...) from when to when.

    The lines in office are the active ones. A line comes from an election
    (``election_id``: while the election is a draft its lines are the
    candidates, archived; approving it puts the elected ones in office) or
    is entered directly to record a committee already in place. A term that
    has ended archives its lines (at once when entered so, else by a daily
    scheduled action: ``community.term.mixin``), and the secretary line in office is the
    organisation's ``secretary_id``. The same member holds one line of a
    committee at a time (``community.validity.mixin``) and a committee has
    one secretary at a time.
    """

    _name = "party.committee.member"
    _inherit = ["community.term.mixin", "community.validity.mixin",
                "community.scope.copy.mixin"]
    _description = "Party committee member"
    _order = "organisation_id, date_start desc, post_sequence, id"
    _scope_parent_field = "organisation_id"
    _validity_key_fields = ("organisation_id", "member_id")

    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="organisation_id.company_id",
        string="Street office",
        store=True,
        readonly=True,
        index=True,
    )
    community_id = fields.Many2one(
        related="organisation_id.community_id",
        store=True,
        readonly=True,
        index=True,
    )
    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
    )
    post = fields.Selection(
        selection=[
            ("secretary", "Secretary"),
            ("deputy_secretary", "Deputy secretary"),
            ("organisation", "Organisation committee member"),
            ("publicity", "Publicity committee member"),
            ("discipline", "Discipline inspection committee member"),
            ("member", "Committee member"),
        ],
        required=True,
        default="member",
        index=True,
    )
    post_sequence = fields.Integer(
        compute="_compute_post_sequence", store=True,
        help="Orders the posts as a committee lists them: the secretary "
        "first.")
    date_start = fields.Date(
        string="Term start", default=fields.Date.context_today)
    date_end = fields.Date(
        string="Term end",
        help="Last day of the term. Once it has passed the line is "
        "archived by a daily scheduled action.")
    election_id = fields.Many2one(
        comodel_name="party.election",
        string="Election",
        index=True,
        ondelete="cascade",
    )
    votes = fields.Integer(help="Votes received in the election.")
    elected = fields.Boolean(
        help="Elected in the election: approving the election puts the "
        "elected candidates in office.")
    state = fields.Selection(
        selection=[
            ("candidate", "Candidate"),
            ("in_office", "In office"),
            ("not_elected", "Not elected"),
            ("ended", "Term ended"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
    )
    active = fields.Boolean(default=True, index=True)
    note = fields.Text()

    @api.depends("post")
    def _compute_post_sequence(self):
        order = [key for key, _label in self._fields["post"].selection]
        for line in self:
            line.post_sequence = order.index(line.post) if line.post else 99

    @api.depends("active", "elected", "election_id.state")
    def _compute_state(self):
        for line in self:
            if line.active:
                line.state = "in_office"
            elif line.election_id.state == "draft":
                line.state = "candidate"
            elif line.election_id and not line.elected:
                line.state = "not_elected"
            else:
                line.state = "ended"

    @api.constrains("member_id", "organisation_id")
    def _check_member_register(self):
        # sudo: the member and the organisations are read to tell the clerk
        #   why the line is refused, whatever they may read of them
        for line in self.sudo():
            organisation = line.organisation_id
            member = line.member_id
            within = organisation.with_context(active_test=False).search([
                ("id", "child_of", organisation.id)])
            if member.organisation_id not in within:
                raise ValidationError(_(
                    "Committee of %(organisation)s: %(member)s is in the "
                    "register of %(other)s, not of this organisation or of "
                    "one below it.") % {
                        "organisation": organisation.display_name,
                        "member": member.name,
                        "other": member.organisation_id.display_name})
            if member.state != "active":
                raise ValidationError(_(
                    "Committee of %(organisation)s: %(member)s is no longer "
                    "in the register (%(state)s).") % {
                        "organisation": organisation.display_name,
                        "member": member.name,
                        "state": dict(member._fields["state"]._description_selection(
                            self.env))[member.state]})

    @api.constrains("election_id", "organisation_id", "votes")
    def _check_election(self):
        # sudo: reads the election of the line being written, for the check
        for line in self.sudo():
            if line.votes < 0:
                raise ValidationError(_(
                    "Committee of %(organisation)s: the votes of %(member)s "
                    "cannot be negative.") % {
                        "organisation": line.organisation_id.display_name,
                        "member": line.member_id.name})
            election = line.election_id
            if not election:
                continue
            if election.organisation_id != line.organisation_id:
                raise ValidationError(_(
                    "%(election)s: %(member)s is a candidate for the committee "
                    "of %(organisation)s, not of the organisation holding the "
                    "election.") % {
                        "election": election.display_name,
                        "member": line.member_id.name,
                        "organisation": line.organisation_id.display_name})
            ballots = election.votes_cast or election.voters
            if line.votes > ballots:
                raise ValidationError(_(
                    "%(election)s: %(member)s cannot receive %(votes)s votes, "
                    "more than the %(ballots)s ballots cast.") % {
                        "election": election.display_name,
                        "member": line.member_id.name,
                        "votes": line.votes, "ballots": ballots})

    @api.multi
    def _check_validity(self):
        """The validity mixin refuses a term ending before it starts and the
        same member on two lines of a committee at once; a committee also
        has one secretary at a time."""
        # the lines of an election's form come with active_test=False (see
        # party.election.line_ids): in office means active
        lines = self.with_context(active_test=True)
        result = super(PartyCommitteeMember, lines)._check_validity()
        # sudo: the other secretary may sit in a line the user cannot read;
        #   the check only raises
        for line in lines.sudo().filtered(
                lambda line: line.active and line.post == "secretary"):
            domain = [
                ("id", "!=", line.id),
                ("organisation_id", "=", line.organisation_id.id),
                ("post", "=", "secretary"),
                "|", ("date_end", "=", False),
                ("date_end", ">=", line.date_start),
            ]
            if line.date_end:
                domain.append(("date_start", "<=", line.date_end))
            other = line.search(domain, order="date_start, id", limit=1)
            if other:
                raise ValidationError(_(
                    "Committee of %(organisation)s: %(other)s is secretary "
                    "(%(period)s) in the same term; a committee has one "
                    "secretary at a time: end that term before %(member)s "
                    "takes the post.") % {
                        "organisation": line.organisation_id.display_name,
                        "other": other.member_id.name,
                        "period": other._validity_label(),
                        "member": line.member_id.name})
        return result

    @api.onchange("election_id")
    def _onchange_election_id(self):
        if self.election_id:
            self.organisation_id = self.election_id.organisation_id
            self.date_start = self.election_id.date
            self.date_end = self.election_id.date_term_end

    @api.model
    def create(self, vals):
        vals = self._election_vals(vals)
        line = super().create(vals)
        line._sync_secretary()
        return line

    @api.multi
    def write(self, vals):
        before = self.filtered(lambda line: line.post == "secretary")
        result = super().write(vals)
        if {"active", "post", "member_id", "date_start", "date_end",
                "organisation_id"}.intersection(vals):
            (before | self)._sync_secretary()
        return result

    @api.multi
    def unlink(self):
        for line in self:
            if line.election_id.state == "approved":
                raise UserError(_(
                    "%(election)s is approved: the line of %(member)s is the "
                    "record of its vote and cannot be deleted; end the term "
                    "instead.") % {
                        "election": line.election_id.display_name,
                        "member": line.member_id.name})
        secretaries = self.filtered(lambda line: line.post == "secretary")
        organisations = secretaries.mapped("organisation_id")
        members = secretaries.mapped("member_id")
        result = super().unlink()
        self._sync_secretaries(organisations, members)
        return result

    @api.multi
    def name_get(self):
        posts = dict(self._fields["post"]._description_selection(self.env))
        return [(line.id, "%s (%s, %s)" % (
            line.member_id.name, posts.get(line.post, ""),
            line.organisation_id.name)) for line in self]

    @api.model
    def _election_vals(self, vals):
        """A line of an election is a candidate (archived) for the
        committee of the election's organisation, for the election's term;
        approving the election puts it in office if elected."""
        if not vals.get("election_id"):
            return vals
        election = self.env["party.election"].browse(vals["election_id"])
        if election.state != "draft":
            raise UserError(_(
                "%s is approved: its candidates can no longer change.")
                % election.display_name)
        return dict(vals, organisation_id=election.organisation_id.id,
                    date_start=election.date,
                    date_end=election.date_term_end, active=False)

    @api.multi
    def _term_holder(self):
        self.ensure_one()
        return _("%(member)s on the committee of %(organisation)s") % {
            "member": self.member_id.name,
            "organisation": self.organisation_id.display_name}

    @api.multi
    def _sync_secretary(self):
        secretaries = self.filtered(lambda line: line.post == "secretary")
        self._sync_secretaries(secretaries.mapped("organisation_id"),
                               secretaries.mapped("member_id"))

    @api.model
    def _sync_secretaries(self, organisations, members):
        """The secretary of each organisation is the member of its
        secretary line in office today; when ``members`` (the secretaries
        of lines just changed) leave office and no line replaces them, the
        organisation has no secretary until the next one is recorded. A
        secretary entered by hand on an organisation without committee
        lines is left as it is."""
        Line = self.with_context(active_test=True)
        for organisation in organisations.exists():
            today = street_time.street_today(
                self.env, organisation.company_id)
            current = Line.search([
                ("organisation_id", "=", organisation.id),
                ("post", "=", "secretary"),
            ] + self._validity_domain(today), limit=1,
                order="date_start desc, id desc")
            if current:
                if organisation.secretary_id != current.member_id:
                    organisation.secretary_id = current.member_id
            elif organisation.secretary_id & members:
                organisation.secretary_id = False
