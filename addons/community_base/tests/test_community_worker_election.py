# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .test_community_worker import WorkerCase


class TestCommitteeElection(WorkerCase):
    """A residents' committee election of A1: 1000 voters entitled, 820
    voted; Zhao Min stands for director, Qian Hong for member."""

    def _election(self, **vals):
        values = {
            "community_id": self.community_a1.id,
            "date": self._day(-30), "method": "household",
            "electorate": 1000, "voters": 820,
            "candidate_ids": [
                (0, 0, {"worker_id": self.worker_a1.id, "post": "director",
                        "votes": 700, "elected": True}),
                (0, 0, {"worker_id": self.worker_a1_hired.id,
                        "post": "committee_member", "votes": 500,
                        "elected": True}),
                (0, 0, {"worker_id": self.worker_a1_grid.id,
                        "post": "committee_member", "votes": 100}),
            ]}
        values.update(vals)
        return self.env["community.committee.election"].create(values)

    def test_turnout_and_term_end(self):
        election = self._election(date="2026-03-15")
        self.assertAlmostEqual(election.turnout, 82.0)
        self.assertEqual(election.date_term_end, "2031-03-14")

    def test_approval_creates_the_posts_and_ends_the_previous_term(self):
        previous = self.env["community.worker.post"].create({
            "worker_id": self.worker_a1_grid.id,
            "post": "director", "date_start": self._day(-2000)})
        election = self._election()
        election.action_approve()
        self.assertEqual(election.state, "approved")
        posts = election.post_ids
        self.assertEqual(len(posts), 2)
        director = posts.filtered(lambda post: post.post == "director")
        self.assertEqual(director.worker_id, self.worker_a1)
        self.assertEqual(director.date_start, election.date)
        self.assertEqual(director.date_end, election.date_term_end)
        self.assertTrue(director.active)
        # the previous director's term ended the day before the vote
        self.assertEqual(previous.date_end, self._day(-31))
        self.assertFalse(previous.active)
        with self.assertRaises(UserError):
            election.candidate_ids[0].votes = 1
        with self.assertRaises(UserError):
            election.unlink()

    def test_election_of_an_ended_term_archives_its_posts(self):
        election = self._election(date=self._day(-2000), term_years=5)
        election.action_approve()
        self.assertTrue(election.post_ids)
        self.assertFalse(any(election.post_ids.mapped("active")))

    def test_elected_term_ends_and_cron_archives(self):
        election = self._election(date=self._day(-365), term_years=1)
        election.action_approve()
        self.assertEqual(election.date_term_end, self._day(-1))
        # entered after the end of the term: archived at once
        self.assertFalse(any(election.post_ids.mapped("active")))
        election = self._election(date=self._day(-364), term_years=1)
        election.action_approve()
        self.assertTrue(all(election.post_ids.mapped("active")))
        Post = self.env["community.worker.post"]
        archived = Post._archive_ended_terms(today=self._day(1))
        self.assertEqual(archived, election.post_ids)

    def test_vote_rules(self):
        with self.assertRaises(ValidationError):
            self._election(voters=500).action_approve()
        election = self._election()
        election.candidate_ids.filtered(
            lambda candidate: candidate.worker_id == self.worker_a1_grid
        ).elected = True
        with self.assertRaises(ValidationError):
            election.action_approve()
        with self.assertRaises(ValidationError):
            self._election(voters=1200)

    def test_candidate_of_another_community_is_refused(self):
        with self.assertRaises(ValidationError):
            self._election(candidate_ids=[(0, 0, {
                "worker_id": self.worker_b1.id, "post": "director",
                "votes": 600, "elected": True})])

    def test_rules(self):
        election = self._election()
        Election = self.env["community.committee.election"]
        self.assertFalse(Election.sudo(self.community_clerk_a2).search(
            [("id", "=", election.id)]))
        self.assertEqual(Election.sudo(self.community_clerk).search(
            [("id", "=", election.id)]), election)
        self.assertEqual(Election.sudo(self.leader).search(
            [("id", "=", election.id)]), election)
        with self.assertRaises(AccessError):
            election.sudo(self.leader).write({"note": "x"})
        with self.assertRaises(AccessError):
            election.sudo(self.leader).action_approve()
        election.sudo(self.community_clerk).action_approve()
        self.assertEqual(election.state, "approved")
