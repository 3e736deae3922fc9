# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from lxml import etree

from odoo.exceptions import AccessError

from odoo.addons.community_base.tests.common import make_id_number

from .common import PartyCase


class TestMemberProtection(PartyCase):
    """Membership and political status are personal data, protected as ID
    numbers are: the party roles read the register's ID numbers, phones
    and birth dates, the leader the masks, and nobody may search, group or
    sort by a field they may not read; a resident's party fields are for
    the party roles and the leader only; the register is audited."""

    PROTECTED = ("id_number", "phone", "birth_date")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # who reads the register's trail: a street administrator (the audit
        # right) who is also a party affairs officer
        cls.party_auditor = cls._create_user(
            "party_auditor", "community_base.group_street_admin",
            "community_party.group_party_officer")
        cls._set_street(cls.party_auditor, cls.street_a)

    def _members(self, user):
        return self.env["party.member"].sudo(user)

    # -- the register's personal fields ------------------------------------

    def test_leader_reads_masks_not_the_phone_or_birth_date(self):
        member = self.member_a1.sudo(self.leader)
        self.assertEqual(member.phone_masked, "138****5678")
        for fname in self.PROTECTED:
            with self.assertRaises(AccessError, msg=fname):
                member.read([fname])

    def test_leader_may_not_search_group_or_sort_by_protected_fields(self):
        Member = self._members(self.leader)
        number = self.member_a1.id_number
        for fname, value in (("id_number", number),
                             ("phone", "13812345678"),
                             ("birth_date", "1949-12-31")):
            with self.assertRaises(AccessError, msg=fname):
                Member.search([(fname, "=", value)])
            with self.assertRaises(AccessError, msg=fname):
                Member.search_count([(fname, "!=", False)])
            with self.assertRaises(AccessError, msg=fname):
                Member.read_group([], [fname], [fname])
            with self.assertRaises(AccessError, msg=fname):
                Member.search([], order=fname)
        # the refusal is the same whether a member matches or not
        with self.assertRaises(AccessError):
            Member.search([("id_number", "=", "110101190001010000")])

    def test_party_roles_do_search_by_number(self):
        number = self.member_a1.id_number
        found = self._members(self.party_secretary).search(
            [("id_number", "=", number)])
        self.assertEqual(found, self.member_a1)
        groups = self._members(self.party_officer).read_group(
            [], ["phone"], ["phone"])
        self.assertIn("13812345678", [group["phone"] for group in groups])

    def test_name_search_lets_no_leader_probe_numbers(self):
        number = self.member_a1.id_number
        self.assertFalse(self._members(self.leader).name_search(number))
        self.assertFalse(self._members(self.leader).name_search(
            "13812345678"))
        self.assertEqual(
            [self.member_a1.id], [
                id_ for id_, _name in self._members(
                    self.party_secretary).name_search(number[:10])])
        with self.assertRaises(AccessError):
            self._members(self.leader).name_search(
                "Wang", args=[("id_number", "=like", number[:10] + "%")])

    def test_views_show_the_leader_masks_and_no_number_search(self):
        for user, clear in ((self.leader, False), (self.party_secretary, True)):
            Member = self._members(user)
            form = etree.fromstring(
                Member.fields_view_get(view_type="form")["arch"])
            self.assertEqual(bool(form.xpath("//field[@name='id_number']")),
                             clear)
            self.assertEqual(
                bool(form.xpath("//field[@name='id_number_masked']")),
                not clear)
            search = etree.fromstring(
                Member.fields_view_get(view_type="search")["arch"])
            self.assertEqual(
                bool(search.xpath("//field[@name='id_number']")), clear)
            self.assertEqual(bool(search.xpath("//field[@name='phone']")),
                             clear)

    def test_id_number_is_normalised_on_save(self):
        legacy = "110105491231002"  # 15 digits, born 1949-12-31
        member = self._members(self.party_secretary).create({
            "name": "Qian Hong", "organisation_id": self.branch_a1.id,
            "id_number": legacy, "date_joined": "1970-07-01",
            "date_full": "1971-07-01"})
        self.assertEqual(member.id_number, "11010519491231002X")
        member.write({"id_number": " 11010519491231002x "})
        self.assertEqual(member.id_number, "11010519491231002X")
        number = make_id_number("110105", "19600101", "011")
        member.write({"id_number": number[:6] + " " + number[6:]})
        self.assertEqual(member.id_number, number)

    # -- the residents' party fields ---------------------------------------

    def test_leader_and_party_roles_read_the_political_status(self):
        self.assertEqual(
            self.resident_a1.sudo(self.leader).party_status, "member")
        self.assertEqual(
            self.resident_a1.sudo(self.party_secretary).party_member_ids,
            self.member_a1)
        statuses = self.env["community.resident"].sudo(
            self.leader).read_group(
                [("party_status", "!=", False)], ["party_status"],
                ["party_status"])
        self.assertEqual(
            {group["party_status"]: group["party_status_count"]
             for group in statuses}, {"member": 2})

    def test_status_follows_the_register(self):
        self.member_a2.status = "probationary"
        self.assertEqual(self.resident_a2.party_status, "probationary")
        transfer = self.env["party.member.transfer"].create({
            "member_id": self.member_a2.id, "direction": "out",
            "to_text": "Elsewhere", "date": "2026-03-01"})
        transfer.action_done()
        self.assertFalse(self.resident_a2.party_status)
        self.assertFalse(self.env["community.resident"].search(
            [("party_status", "!=", False),
             ("id", "=", self.resident_a2.id)]))

    def test_other_roles_get_nothing_of_residents_party_fields(self):
        resident = self.resident_a1
        # (a street administrator is a leader: they read the status)
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer):
            Resident = self.env["community.resident"].sudo(user)
            self.assertNotIn("party_status", Resident.fields_get())
            self.assertNotIn("party_status", Resident.browse(
                resident.id).read()[0], user.login)
            for fname in ("party_status", "party_member_ids"):
                with self.assertRaises(AccessError, msg=user.login):
                    resident.sudo(user).read([fname])
            with self.assertRaises(AccessError, msg=user.login):
                Resident.search([("party_status", "=", "member")])
            with self.assertRaises(AccessError, msg=user.login):
                Resident.search([("party_member_ids.name", "ilike", "Wang")])
            with self.assertRaises(AccessError, msg=user.login):
                Resident.read_group([], ["party_status"], ["party_status"])
            with self.assertRaises(AccessError, msg=user.login):
                Resident.search([], order="party_status")
            form = etree.fromstring(
                Resident.fields_view_get(view_type="form")["arch"])
            self.assertFalse(form.xpath("//field[@name='party_status']"))
            search = etree.fromstring(
                Resident.fields_view_get(view_type="search")["arch"])
            self.assertFalse(search.xpath("//filter[@name='party_member']"))

    def test_no_search_through_a_link_to_the_resident(self):
        Household = self.env["community.household"].sudo(
            self.community_clerk)
        with self.assertRaises(AccessError):
            Household.search([("resident_ids.party_status", "=", "member")])

    def test_onchange_gives_no_status_to_other_roles(self):
        spec = {"party_status": "", "party_member_ids": "", "name": "1"}
        values = {"name": "New", "party_member_ids": [
            (6, 0, [self.member_a1.id])], "party_status": False}
        result = self.env["community.resident"].sudo(
            self.community_clerk).onchange(values, "name", spec)
        self.assertNotIn("party_status", result.get("value", {}))
        result = self.env["community.resident"].sudo(
            self.community_clerk).onchange(values, "party_member_ids", spec)
        self.assertEqual(result, {"value": {}})
        # the leader gets it computed
        result = self.env["community.resident"].sudo(self.leader).onchange(
            values, "party_member_ids", spec)
        self.assertEqual(result["value"].get("party_status"), "member")

    # -- the audit trail ---------------------------------------------------

    def _logs(self, member, user=None):
        Log = self.env["auditlog.log"]
        if user:
            Log = Log.sudo(user)
        return Log.search([("model_id.model", "=", "party.member"),
                           ("res_id", "=", member.id)])

    def test_register_changes_are_audited(self):
        rule = self.env.ref("community_party.auditlog_rule_party_member")
        self.assertEqual((rule.state, rule.log_type), ("subscribed", "full"))
        self.assertFalse(rule.log_read)
        number = make_id_number("110105", "19700505", "017")
        member = self._members(self.party_secretary).create({
            "name": "Zhou Min", "organisation_id": self.branch_a1.id,
            "id_number": number, "phone": "13300000000"})
        member.write({"phone": "13300000001"})
        logs = self._logs(member, self.party_auditor)
        self.assertEqual(sorted(logs.mapped("method")), ["create", "write"])
        self.assertEqual(logs.mapped("user_id"), self.party_secretary)
        self.assertEqual(logs.mapped("company_id"), self.street_a)
        write = logs.filtered(lambda log: log.method == "write")
        phone = write.line_ids.filtered(
            lambda line: line.field_name == "phone")
        self.assertEqual((phone.old_value_text, phone.new_value_text),
                         ("13300000000", "13300000001"))
        create = logs.filtered(lambda log: log.method == "create")
        self.assertIn(number, create.line_ids.mapped("new_value_text"))

    def test_register_trail_is_for_administrators_in_the_party_office(self):
        self.member_a1.write({"phone": "13800000002"})
        self.assertTrue(self._logs(self.member_a1, self.party_auditor))
        # the street administrator reads the residents' trail, not the
        # register's: its lines hold raw numbers of party members
        self.assertFalse(self._logs(self.member_a1, self.street_admin))
        self.assertFalse(self.env["auditlog.log.line"].sudo(
            self.street_admin).search([
                ("log_id.model_id.model", "=", "party.member")]))
        self.resident_a1.sudo(self.community_clerk).write(
            {"phone": "13800000003"})
        self.assertTrue(self.env["auditlog.log"].sudo(
            self.street_admin).search([
                ("model_id.model", "=", "community.resident"),
                ("res_id", "=", self.resident_a1.id)]))
        # the other roles read no audit trail at all
        for user in (self.leader, self.party_officer, self.party_secretary,
                     self.party_organiser):
            with self.assertRaises(AccessError, msg=user.login):
                self._logs(self.member_a1, user)

    def test_residents_trail_holds_no_membership(self):
        # a clerk creates a resident: auditlog reads the new record's
        # logged fields as its creator, which the party fields are not
        number = make_id_number("110105", "19900909", "023")
        resident = self.env["community.resident"].sudo(
            self.community_clerk).create({
                "name": "Wu Gang", "household_id": self.household_a1b.id,
                "id_number": number})
        self._create_member("Wu Gang", self.branch_a1,
                            resident_id=resident.id)
        resident.sudo(self.community_clerk).write({"phone": "13100000000"})
        logs = self.env["auditlog.log"].sudo(self.street_admin).search([
            ("model_id.model", "=", "community.resident"),
            ("res_id", "=", resident.id)])
        self.assertEqual(sorted(logs.mapped("method")), ["create", "write"])
        fnames = logs.mapped("line_ids.field_name")
        self.assertIn("id_number", fnames)
        self.assertFalse({"party_status", "party_member_ids"} & set(fnames))
        self.assertEqual(resident.sudo().party_status, "member")

    def test_history_button_is_the_register_auditors(self):
        action = self.env.ref("community_base.auditlog_log_action_record")
        button = "//button[@name='%d']" % action.id
        for user, shown in ((self.party_auditor, True),
                            (self.street_admin, False),
                            (self.party_officer, False),
                            (self.leader, False)):
            arch = etree.fromstring(self._members(user).fields_view_get(
                view_type="form")["arch"])
            # a button of other groups is left out, or made invisible
            visible = [node for node in arch.xpath(button)
                       if not json.loads(node.get("modifiers") or "{}").get(
                           "invisible")]
            self.assertEqual(bool(visible), shown, user.login)
