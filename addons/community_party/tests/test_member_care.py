# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from .common import PartyCase


def _day(offset):
    return fields.Date.to_string(
        datetime.date.today() + datetime.timedelta(days=offset))


class TestMemberCare(PartyCase):
    """Care follow-ups of members in difficulty and seniors: a follow-up is
    overdue when it is the member's latest and its next date has passed."""

    def _care(self, member, date, next_date=None, user=None, **vals):
        Care = self.env["party.member.care"]
        if user:
            Care = Care.sudo(user)
        vals.update(member_id=member.id, date=date, next_date=next_date,
                    description=vals.get("description", "Visit at home"))
        return Care.create(vals)

    def _overdue(self, user):
        return self.env["party.member.care"].sudo(user).search(
            [("is_overdue", "=", True)])

    def test_overdue_is_the_latest_follow_up_past_its_next_date(self):
        old = self._care(self.member_a1, _day(-90), _day(-30))
        waiting = self._care(self.member_a2, _day(-60), _day(-1),
                             kind="subsidy", amount=500)
        self._care(self.member_a1_probationary, _day(-10), _day(20))
        self.assertEqual(self._overdue(self.party_officer), old | waiting)
        # the next visit closes the previous follow-up
        later = self._care(self.member_a1, _day(-20), _day(40))
        self.assertEqual(self._overdue(self.party_officer), waiting)
        self.assertFalse(old.is_overdue)
        self.assertFalse(later.is_overdue)
        self.assertTrue(waiting.is_overdue)
        not_overdue = self.env["party.member.care"].search(
            [("is_overdue", "=", False)])
        self.assertIn(later, not_overdue)
        self.assertNotIn(waiting, not_overdue)

    def test_follow_ups_follow_the_members_rules(self):
        in_a1 = self._care(self.member_a1, _day(-5), _day(-1),
                           user=self.party_organiser)
        in_a2 = self._care(self.member_a2, _day(-5), _day(-1))
        self.assertEqual(in_a1.community_id, self.community_a1)
        self.assertEqual(self._overdue(self.party_secretary_a2), in_a2)
        self.assertEqual(self._overdue(self.party_organiser), in_a1)
        self.assertEqual(self._overdue(self.leader), in_a1 | in_a2)
        with self.assertRaises(AccessError):
            self._care(self.member_a2, _day(0), user=self.party_organiser)
        with self.assertRaises(AccessError):
            self._care(self.member_a1, _day(0), user=self.leader)
        with self.assertRaises(AccessError):
            in_a1.sudo(self.party_secretary).unlink()

    def test_amount_and_next_date_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "Wang Jianguo"):
            self._care(self.member_a1, _day(0), amount=-1)
        with self.assertRaisesRegex(ValidationError, "Wang Jianguo"):
            self._care(self.member_a1, _day(0), _day(-1))

    def test_member_form_has_the_follow_ups_and_transfers(self):
        for user in (self.leader, self.party_organiser):
            arch = etree.fromstring(self.env["party.member"].sudo(
                user).fields_view_get(view_type="form")["arch"])
            self.assertTrue(arch.xpath("//page[@name='care']"))
            self.assertTrue(arch.xpath("//page[@name='transfers']"))
        self._care(self.member_a1, _day(-3))
        self.assertEqual(len(self.member_a1.sudo(self.leader).care_ids), 1)
