# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models

#: the posts of the residents' committee, which an election renews
COMMITTEE_POSTS = ("director", "deputy_director", "committee_member")


class CommunityCommitteeElection(models.Model):
    """The election of a community's residents' committee (换届选举): the
    method, the electorate and voters, the candidates and their votes.

    As for the party committees (``party.election``, the same
    ``community.election.mixin``), approving the election puts the elected
    candidates in office: each gets a ``community.worker.post`` line for the
    term, and the residents' committee posts of the previous term still in
    force end the day before the vote. The rules of the vote are those of
    the Organic Law of Urban Residents' Committees: it is valid when more
    than half of the electorate vote, and a candidate is elected with more
    than half of the voters' votes.
    """

    _name = "community.committee.election"
    _inherit = ["mail.thread", "community.election.mixin",
                "community.scoped.mixin"]
    _description = "Residents' committee election"
    _order = "date desc, id desc"
    _quorum = (1, 2)
    _head_post = "director"
    _election_frozen_fields = ("community_id",)

    method = fields.Selection(
        selection=[
            ("direct", "Direct election"),
            ("household", "Election by household representatives"),
            ("representative", "Election by residents' representatives"),
            ("two_recommendations", "Two recommendations, one election"),
        ],
        required=True, default="direct", track_visibility="onchange")
    candidate_ids = fields.One2many(
        comodel_name="community.committee.candidate",
        inverse_name="election_id", string="Candidates")
    post_ids = fields.One2many(
        comodel_name="community.worker.post", inverse_name="election_id",
        string="Posts filled", readonly=True, context={"active_test": False})
    term_years = fields.Integer(
        help="Residents' committees serve five years.")
    electorate = fields.Integer(help="Voters entitled to vote (应到).")
    voters = fields.Integer(help="Voters who took part (实到).")

    @api.multi
    def name_get(self):
        return [(election.id, _("Election of %(community)s on %(date)s") % {
            "community": election.community_id.name,
            "date": election.date}) for election in self]

    @api.multi
    def _candidates(self):
        return self.candidate_ids

    @api.model
    def _candidate_name(self, candidate):
        return candidate.worker_id.name

    @api.multi
    def action_approve(self):
        """Record the result: the residents' committee posts of the previous
        term end the day before the vote, the elected candidates take
        office for the new term (already archived if that term has
        ended)."""
        for election in self:
            election._check_vote()
        Post = self.env["community.worker.post"]
        for election in self:
            election._end_previous_terms(Post.search([
                ("community_id", "=", election.community_id.id),
                ("post", "in", COMMITTEE_POSTS),
                ("date_start", "<", election.date),
            ]))
            for candidate in election.candidate_ids.filtered("elected"):
                Post.create({
                    "worker_id": candidate.worker_id.id,
                    "post": candidate.post,
                    "date_start": election.date,
                    "date_end": election.date_term_end,
                    "election_id": election.id,
                })
            election.state = "approved"
        return True
