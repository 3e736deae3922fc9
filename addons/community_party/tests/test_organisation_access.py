# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from .test_organisation_election import CommitteeCase

MODELS = ("party.committee.member", "party.election", "party.coverage.report")


class TestOrganisationAccess(CommitteeCase):
    """Who reads which committee, election and coverage row.

    Committees of ``org_a1`` (in office, see CommitteeCase), of ``org_a2``
    (``member_a2`` secretary) and of ``branch_a1`` (``member_a1``
    secretary); a draft election of each of ``org_a1`` and ``org_a2``.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line_a2 = cls._create_line(
            cls.org_a2, cls.member_a2, "secretary", cls.term_start)
        cls.line_branch_a1 = cls._create_line(
            cls.branch_a1, cls.member_a1, "secretary", cls.term_start)
        cls.election_a1 = cls._create_election(cls.org_a1, [
            (cls.member_a1_4, "secretary", 40, True)])
        cls.election_a2 = cls._create_election(cls.org_a2, [
            (cls.member_a2, "secretary", 40, True)])

    def _search(self, model, user, **context):
        return self.env[model].sudo(user).with_context(**context).search([])

    def _coverage(self, user):
        return self._search("party.coverage.report", user).filtered(
            lambda row: row.community_id in (
                self.community_a1 | self.community_a2 | self.community_b1)
        ).mapped("community_id")

    def test_the_secretary_of_a1_reads_a1_only(self):
        user = self.party_secretary
        self.assertEqual(
            self._search("party.committee.member", user),
            self.old_secretary | self.old_organisation | self.line_branch_a1)
        self.assertEqual(self._search("party.election", user), self.election_a1)
        self.assertEqual(self._coverage(user), self.community_a1)
        with self.assert_refused(AccessError):
            self.line_a2.sudo(user).read(["member_id"])
        with self.assert_refused(AccessError):
            self.election_a2.sudo(user).read(["voters"])
        row_a2 = self.env["party.coverage.report"].search(
            [("community_id", "=", self.community_a2.id)])
        with self.assert_refused(AccessError):
            row_a2.sudo(user).read(["grid_rate"])

    def test_the_secretary_of_a2_reads_a2_only(self):
        user = self.party_secretary_a2
        self.assertEqual(self._search("party.committee.member", user),
                         self.line_a2)
        self.assertEqual(self._coverage(user), self.community_a2)

    def test_the_secretary_records_the_committee_of_own_community_only(self):
        Line = self.env["party.committee.member"].sudo(self.party_secretary)
        line = Line.create({"organisation_id": self.org_a1.id,
                            "member_id": self.member_a1_4.id,
                            "post": "member"})
        self.assertEqual(line.community_id, self.community_a1)
        member_a2b = self._create_member("Qian Hong", self.org_a2)
        with self.assert_refused(AccessError):
            Line.create({"organisation_id": self.org_a2.id,
                         "member_id": member_a2b.id, "post": "member"})

    def test_the_officer_reads_the_street(self):
        user = self.party_officer
        self.assertEqual(
            self._search("party.committee.member", user),
            self.old_secretary | self.old_organisation | self.line_branch_a1
            | self.line_a2)
        self.assertEqual(self._coverage(user),
                         self.community_a1 | self.community_a2)

    def test_the_organiser_reads_the_committee_kept_and_no_coverage(self):
        user = self.party_organiser
        self.assertEqual(self._search("party.committee.member", user),
                         self.line_branch_a1)
        self.assertFalse(self._search("party.election", user))
        with self.assert_refused(AccessError):
            self.line_branch_a1.sudo(user).write({"note": "x"})
        with self.assert_refused(AccessError):
            self._search("party.coverage.report", user)

    def test_the_leader_reads_the_street_without_writing(self):
        user = self.leader
        self.assertEqual(self._coverage(user),
                         self.community_a1 | self.community_a2)
        self.assertEqual(self._search("party.election", user),
                         self.election_a1 | self.election_a2)
        with self.assert_refused(AccessError):
            self.old_secretary.sudo(user).write({"note": "x"})
        with self.assert_refused(AccessError):
            self.election_a1.sudo(user).action_approve()

    def test_clerks_and_other_roles_read_nothing(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            for model in MODELS:
                with self.assertRaises(AccessError, msg="%s %s" % (
                        user.login, model)):
                    self._search(model, user)

    def test_the_menus_open_for_the_secretary_and_the_leader(self):
        for xmlid in ("party_committee_member_action", "party_election_action",
                      "party_coverage_report_action"):
            action = self.env.ref("community_party.%s" % xmlid)
            for user in (self.party_secretary, self.leader):
                self.assertTrue(self.open_action(action, user), xmlid)
        # the organisation's form with its committee and elections buttons
        self.env["party.organisation"].sudo(self.party_secretary).load_views(
            [(False, "form")])
