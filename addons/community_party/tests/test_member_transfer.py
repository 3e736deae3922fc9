# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tests.common import make_id_number

from .common import PartyCase


class TestMemberTransfer(PartyCase):
    """Transfers of the organisational relationship (组织关系转接): the
    register keeps its members and their history through transfers out and
    back in; a transfer that cannot be done says which member and why."""

    def _transfer(self, member, direction, user=None, **vals):
        vals.update(direction=direction, date=vals.get("date", "2026-03-01"))
        if member:
            vals["member_id"] = member.id
        Transfer = self.env["party.member.transfer"]
        if user:
            Transfer = Transfer.sudo(user)
        return Transfer.create(vals)

    def test_out_and_back_keeps_every_line(self):
        secretary = self.party_secretary
        out = self._transfer(
            self.member_a1, "out", secretary, to_text="Haidian branch",
            letter_number="JX-2026-001", reason="Moved house")
        self.assertEqual(out.from_organisation_id, self.branch_a1)
        self.assertEqual(out.community_id, self.community_a1)
        out.action_done()
        member = self.member_a1.with_context(active_test=False)
        self.assertEqual(member.state, "transferred_out")
        self.assertFalse(member.active)
        # the record stays, out of the active register
        self.assertNotIn(self.member_a1, self.env["party.member"].sudo(
            secretary).search([]))
        self.assertIn(self.member_a1, self.env["party.member"].sudo(
            secretary).with_context(active_test=False).search([]))

        back = self._transfer(
            member, "in", secretary, date="2026-09-01",
            from_text="Haidian branch", to_organisation_id=self.org_a1.id,
            letter_number="JX-2026-077")
        back.action_done()
        self.assertEqual(member.state, "active")
        self.assertTrue(member.active)
        self.assertEqual(member.organisation_id, self.org_a1)
        history = member.sudo(secretary).transfer_ids
        self.assertEqual(history, out | back)
        self.assertEqual(history.mapped("state"), ["done", "done"])
        self.assertEqual(history.mapped("letter_number"),
                         ["JX-2026-077", "JX-2026-001"])

    def test_transfer_out_of_a_member_already_out_names_them(self):
        self._transfer(self.member_a1, "out", to_text="X").action_done()
        again = self._transfer(
            self.member_a1.with_context(active_test=False), "out",
            to_text="Y", from_organisation_id=self.branch_a1.id)
        with self.assertRaisesRegex(UserError, "Wang Jianguo.*already been "
                                    "transferred out"):
            again.action_done()
        self.assertEqual(again.state, "draft")

    def test_transfer_in_of_a_member_in_the_register_names_them(self):
        transfer = self._transfer(
            self.member_a2, "in", from_text="Chaoyang branch",
            to_organisation_id=self.org_a1.id)
        with self.assertRaisesRegex(UserError, "Zhang Wei is already in the "
                                    "register of Community A2"):
            transfer.action_done()
        self.assertEqual(self.member_a2.organisation_id, self.org_a2)

    def test_transfer_out_from_another_organisation_is_refused(self):
        transfer = self._transfer(self.member_a1, "out", to_text="X")
        self.member_a1.organisation_id = self.org_a1
        with self.assertRaisesRegex(UserError, "Wang Jianguo is held by"):
            transfer.action_done()

    def test_transfer_out_needs_a_destination(self):
        transfer = self._transfer(self.member_a1, "out")
        with self.assertRaisesRegex(UserError, "say where the member goes"):
            transfer.action_done()

    def test_transfer_inside_the_street_leaves_a_draft_to_confirm(self):
        out = self._transfer(self.member_a1, "out", self.party_officer,
                             to_organisation_id=self.org_a2.id,
                             letter_number="JX-9")
        out.action_done()
        receipt = out.counterpart_id
        self.assertEqual(receipt.direction, "in")
        self.assertEqual(receipt.state, "draft")
        self.assertEqual(receipt.community_id, self.community_a2)
        self.assertEqual(receipt.counterpart_id, out)
        # the receiving secretary finds and confirms it, though the member
        # was another community's until then
        Transfer = self.env["party.member.transfer"]
        mine = Transfer.sudo(self.party_secretary_a2).search(
            [("state", "=", "draft")])
        self.assertEqual(mine, receipt)
        self.assertIn("Wang Jianguo", mine.display_name)
        mine.action_done()
        member = self.member_a1.sudo(self.party_secretary_a2)
        self.assertEqual(member.organisation_id, self.org_a2)
        self.assertEqual(member.state, "active")
        self.assertEqual(self.member_a1.transfer_ids, out | receipt)
        # the sending secretary no longer reads the member
        self.assertFalse(self.env["party.member"].sudo(
            self.party_secretary).search([("id", "=", self.member_a1.id)]))

    def test_member_arriving_from_outside_is_created(self):
        number = make_id_number("110106", "19880412", "015")
        transfer = self._transfer(
            False, "in", self.party_secretary, member_name="Sun Li",
            from_text="Tongzhou branch", to_organisation_id=self.branch_a1.id,
            id_number=number[:6] + " " + number[6:],
            phone="13900001111", category="mobile", status="probationary",
            date_joined="2025-07-01")
        transfer.action_done()
        member = transfer.member_id
        self.assertEqual(member.name, "Sun Li")
        self.assertEqual(member.organisation_id, self.branch_a1)
        self.assertEqual(member.state, "active")
        self.assertEqual(member.id_number, number)
        self.assertEqual(member.status, "probationary")
        self.assertEqual(member.transfer_ids, transfer)
        # the member holds the personal data from now on
        self.assertFalse(transfer.sudo().id_number)

    def test_member_coming_back_from_outside_is_found_by_id_number(self):
        self._transfer(self.member_a2, "out", to_text="Abroad").action_done()
        transfer = self._transfer(
            False, "in", self.party_secretary, member_name="Zhang Wei",
            from_text="Shanghai branch", to_organisation_id=self.org_a1.id,
            id_number=self.resident_a2.id_number)
        transfer.action_done()
        self.assertEqual(transfer.member_id, self.member_a2)
        self.assertEqual(len(self.member_a2.transfer_ids), 2)
        self.assertEqual(self.member_a2.organisation_id, self.org_a1)

    def test_arriving_number_already_in_the_register_is_refused(self):
        transfer = self._transfer(
            False, "in", member_name="Someone", from_text="X",
            to_organisation_id=self.org_a1.id,
            id_number=self.member_a2.id_number)
        with self.assertRaisesRegex(UserError, "Someone .* is already in "
                                    "the register of this street"):
            transfer.action_done()

    def test_done_transfer_is_kept_as_recorded(self):
        transfer = self._transfer(self.member_a1, "out", to_text="X")
        transfer.action_done()
        officer = self.party_officer
        with self.assertRaises(UserError):
            transfer.sudo(officer).write({"reason": "Changed"})
        with self.assertRaises(UserError):
            transfer.sudo(officer).unlink()
        with self.assertRaises(UserError):
            transfer.action_done()

    def test_organisations_of_two_streets_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "different streets"):
            self._transfer(self.member_a1, "out",
                           to_organisation_id=self.org_b1.id)

    def test_leader_reads_but_does_not_confirm(self):
        transfer = self._transfer(self.member_a1, "out", to_text="X")
        as_leader = transfer.sudo(self.leader)
        self.assertEqual(as_leader.member_id, self.member_a1)
        with self.assertRaises(AccessError):
            as_leader.action_done()
        self.assertEqual(self.member_a1.state, "active")

    def test_secretary_of_another_community_cannot_confirm(self):
        transfer = self._transfer(self.member_a1, "out", to_text="X")
        with self.assertRaises(AccessError):
            transfer.sudo(self.party_secretary_a2).action_done()
        self.assertEqual(self.member_a1.state, "active")

    def test_organiser_transfers_the_members_kept_only(self):
        mine = self._transfer(self.member_a1, "out", self.party_organiser,
                              to_text="X")
        mine.action_done()
        self.assertEqual(self.member_a1.state, "transferred_out")
        with self.assertRaises(AccessError):
            self._transfer(self.member_a1_probationary, "out",
                           self.party_organiser, to_text="X")

    def test_other_roles_have_no_access(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            for model in ("party.member.transfer", "party.member.care"):
                with self.assertRaises(AccessError):
                    self.env[model].sudo(user).search([])
