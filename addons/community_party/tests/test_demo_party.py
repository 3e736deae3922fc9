# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The party building part of the demo street, on a small street built by
community_base's and community_grid's loaders."""
import datetime

from odoo import fields
from odoo.tests.common import SavepointCase

from odoo.addons.community_base.tools.demo_loader import load_demo
from odoo.addons.community_grid.tools import demo_grid

from ..tools import demo_loader

SCALE = 0.02
TODAY = datetime.date(2026, 6, 15)


class TestDemoParty(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        load_demo(cls.env, seed=1, scale=SCALE, today=TODAY)
        demo_grid.load(cls.env, seed=1, scale=SCALE, today=TODAY)
        cls.summary = demo_loader.load_demo(
            cls.env, seed=1, scale=SCALE, today=TODAY)
        district = cls.env.ref("community_base.district_demo")
        cls.streets = cls.env["res.company"].search(
            [("parent_id", "=", district.id)])
        cls.domain = [("company_id", "in", cls.streets.ids)]
        cls.communities = cls.env["community.community"].search(cls.domain)

    def _search(self, model, domain=(), **context):
        return self.env[model].with_context(
            active_test=False, **context).search(self.domain + list(domain))

    def test_organisations(self):
        Organisation = self.env["party.organisation"]
        for street in self.streets:
            committee = Organisation.search([
                ("company_id", "=", street.id),
                ("kind", "=", "street_committee")])
            self.assertEqual(len(committee), 1, street.name)
            self.assertEqual(Organisation.search_count([
                ("company_id", "=", street.id),
                ("is_establishment", "=", False),
                ("kind", "!=", "unit_branch")]), 2, street.name)
        for community in self.communities:
            tree = Organisation.search([("community_id", "=", community.id)])
            kinds = tree.mapped("kind")
            self.assertEqual(kinds.count("community_committee"), 1)
            self.assertIn(kinds.count("branch"), (2, 3))
            grids = self.env["grid.grid"].search(
                [("community_id", "=", community.id)])
            self.assertTrue(1 <= kinds.count("grid_branch") <= len(grids),
                            community.name)
        groups = self._search("party.organisation", [("kind", "=", "group")])
        self.assertTrue(groups)
        self.assertTrue(all(group.building_id for group in groups))
        units = self.env["res.partner"].search([
            ("organisation_type", "=", "resident_unit"),
            ("community_id", "in", self.communities.ids)])
        unit_branches = self._search(
            "party.organisation", [("kind", "=", "unit_branch")])
        self.assertEqual(unit_branches.mapped("unit_id"), units)
        # the coverage figures see them
        coverage = self.env["party.coverage.report"].search(self.domain)
        self.assertTrue(all(row.grid_branch_count for row in coverage))
        self.assertTrue(sum(coverage.mapped("building_group_count")))
        self.assertTrue(sum(coverage.mapped("unit_paired_count")))

    def test_members_are_residents(self):
        members = self._search("party.member")
        adults = self._search("community.resident", [
            ("state", "=", "living"), ("birth_date", "<=", "2008-06-15")])
        self.assertTrue(0.03 <= len(members) / len(adults) <= 0.08,
                        (len(members), len(adults)))
        for member in members:
            resident = member.resident_id
            self.assertTrue(resident, member.name)
            self.assertEqual((member.name, member.id_number),
                             (resident.name, resident.id_number))
            # the community is the organisation's, or where they live
            self.assertEqual(
                member.community_id,
                member.organisation_id.community_id or resident.community_id)
            self.assertEqual(member.company_id, resident.company_id)
            self.assertEqual(resident.party_status, "member"
                             if member.status == "full" else "probationary")
            if member.status == "full":
                self.assertLess(member.date_joined, member.date_full)
            self.assertLess(member.date_joined, "2026-06-15")
        categories = set(members.mapped("category"))
        self.assertGreaterEqual(len(categories), 4, categories)
        self.assertIn("in_service", categories)
        in_service = members.filtered(
            lambda member: member.category == "in_service")
        self.assertTrue(all(
            member.organisation_id.kind == "unit_branch"
            and member.work_unit_id == member.organisation_id.unit_id
            for member in in_service))

    def test_committees_in_office(self):
        elections = self._search("party.election")
        self.assertTrue(elections)
        self.assertEqual(set(elections.mapped("state")), {"approved"})
        for election in elections:
            organisation = election.organisation_id
            self.assertEqual(organisation.kind, "community_committee")
            self.assertTrue(organisation.secretary_id, organisation.name)
            self.assertIn(organisation.secretary_id,
                          election.line_ids.mapped("member_id"))
            self.assertLessEqual(election.date_approved, "2026-06-15")

    def test_inservice_reporting(self):
        registrations = self._search("party.inservice.registration")
        self.assertTrue(registrations)
        self.assertEqual(len(registrations),
                         len(registrations.mapped("member_id")))
        for registration in registrations:
            self.assertEqual(registration.community_id,
                             registration.member_id.resident_id.community_id)
            self.assertEqual(registration.unit_id,
                             registration.member_id.work_unit_id)
            self.assertTrue(registration.commitment_ids)
            self.assertLessEqual(registration.date_registered, "2026-06-15")
        service = registrations._service_of_year(2026)
        self.assertTrue(service)
        self.assertLess(len(service), len(registrations))
        # the residents' totals count the service
        resident = registrations.filtered(
            lambda registration: registration.id in service)[0].resident_id
        self.assertEqual(resident.volunteer_hours, sum(self.env[
            "community.volunteer.activity"].search(
                [("volunteer_id", "=", resident.id)]).mapped("hours")))

    def test_pairings_partly_fulfilled(self):
        pairings = self._search("party.pairing")
        active = pairings.filtered(lambda pairing: pairing.state == "active")
        self.assertTrue(active)
        self.assertEqual(len(pairings - active), len(self.streets))
        commitments = active.mapped("commitment_ids")
        done = commitments.filtered(lambda line: line.state == "done")
        self.assertTrue(0 < len(done) < len(commitments))
        self.assertTrue(all(line.date_done <= "2026-06-15" for line in done))
        self.assertEqual(len(self._search("party.instructor", [
            ("grid_id", "=", False)])), len(self.communities))

    def test_a_year_of_meetings(self):
        meetings = self._search("party.meeting")
        now = "2026-06-15 00:00:00"
        held = meetings.filtered(lambda meeting: meeting.state == "held")
        planned = meetings.filtered(
            lambda meeting: meeting.state == "planned")
        self.assertTrue(held and planned)
        self.assertTrue(all(meeting.date < now for meeting in held))
        self.assertTrue(all(meeting.date >= "2025-06-01" for meeting in
                            meetings))
        self.assertTrue(all(meeting.date < "2026-08-01" for meeting in
                            meetings))
        self.assertGreater(len(held), 3 * len(planned))
        self.assertEqual(
            set(meetings.mapped("kind")),
            {"congress", "committee", "group", "lecture", "joint_council"})
        # each month of the year has its committee meetings
        months = {meeting.date[:7] for meeting in meetings
                  if meeting.kind == "committee"}
        self.assertEqual(len(months), 14)
        attended = self._search("party.meeting.attendance")
        self.assertEqual(attended.mapped("meeting_id"), held.filtered(
            lambda meeting: meeting.attendance_count))
        self.assertTrue(all(0 < meeting.attendance_rate <= 100
                            for meeting in held if meeting.present_count))
        joint = held.filtered(lambda meeting: meeting.kind == "joint_council")
        self.assertTrue(joint)
        self.assertTrue(all(meeting.council_id and meeting.attendance_ids
                            and meeting.decision_ids for meeting in joint))
        decisions = self._search("party.meeting.decision")
        states = set(decisions.mapped("state"))
        self.assertEqual(states, {"open", "done"})
        self.assertEqual(set(decisions.mapped("meeting_id.state")), {"held"})
        self.assertTrue(decisions.filtered("case_id"))

    def test_demo_users(self):
        Users = self.env["res.users"]
        secretary = Users.search([("login", "=", "party_secretary")])
        organiser = Users.search([("login", "=", "party_organiser")])
        officer = Users.search([("login", "=", "party_officer")])
        self.assertTrue(secretary.has_group(
            "community_party.group_party_secretary"))
        self.assertTrue(secretary.has_group(
            "community_base.group_community_clerk"))
        self.assertEqual(len(secretary.community_ids), 1)
        self.assertTrue(organiser.party_organisation_ids)
        self.assertEqual(self.summary["logins"],
                         ["party_officer", "party_organiser",
                          "party_secretary"])
        # each reads their own part of the register
        community = secretary.community_ids
        members = self.env["party.member"].sudo(secretary).search([])
        self.assertTrue(members)
        self.assertEqual(members.mapped("community_id"), community)
        self.assertGreater(
            self.env["party.member"].sudo(officer).search_count([]),
            len(members))
        kept = self.env["party.member"].sudo(organiser).search([])
        self.assertLess(len(kept), len(members))
        # and the tiles compute
        tile = self.env.ref("community_party.community_kpi_party_members")
        self.assertEqual(tile.sudo(secretary).with_context(
            kpi_today=fields.Date.to_string(TODAY)).value, len(members))

    def test_second_run_writes_nothing(self):
        again = demo_loader.load_demo(self.env, seed=1, scale=SCALE)
        self.assertFalse(again["created"])
        self.assertEqual(again["counts"], self.summary["counts"])
