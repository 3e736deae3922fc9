# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import CommunityCase, make_id_number


class TestAudit(CommunityCase):
    """Changes to residents, households and moves are audited (OCA
    auditlog): who, when, old and new value; the logs hold raw ID numbers
    and phones, so only the street administrators of the street read them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.street_admin_b = cls._create_user(
            "street_admin_b", "community_base.group_street_admin")
        cls._set_street(cls.street_admin_b, cls.street_b)

    def logs(self, record, method=None, user=None):
        """The audit logs of ``record`` that ``user`` (default: superuser)
        reads."""
        domain = [("model_id.model", "=", record._name),
                  ("res_id", "=", record.id)]
        if method:
            domain.append(("method", "=", method))
        Log = self.env["auditlog.log"]
        if user:
            Log = Log.sudo(user.id)
        return Log.search(domain)

    def line(self, log, fname):
        return log.line_ids.filtered(lambda line: line.field_name == fname)

    def test_rules_are_subscribed_with_full_logs(self):
        for xmlid in ("auditlog_rule_community_resident",
                      "auditlog_rule_community_household",
                      "auditlog_rule_community_resident_move",
                      "auditlog_rule_community_worker"):
            rule = self.env.ref("community_base.%s" % xmlid)
            self.assertEqual(rule.state, "subscribed", xmlid)
            self.assertEqual(rule.log_type, "full", xmlid)
            self.assertTrue(rule.log_create and rule.log_write
                            and rule.log_unlink, xmlid)
            model = self.env[rule.model_id.model]
            self.assertTrue(getattr(model, "auditlog_ruled_write", False),
                            xmlid)

    def test_clerk_phone_change_shows_who_when_old_and_new(self):
        resident = self.resident_a1.sudo(self.community_clerk.id)
        resident.write({"phone": "13800000001"})
        log = self.logs(self.resident_a1, "write", self.street_admin)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.community_clerk)
        self.assertEqual(log.operation, "write")
        self.assertTrue(log.create_date)
        self.assertEqual(log.name, "Wang Jianguo")
        phone = self.line(log, "phone")
        self.assertEqual(phone.old_value_text, "13812345678")
        self.assertEqual(phone.new_value_text, "13800000001")
        self.assertEqual(log.company_id, self.street_a)
        self.assertEqual(log.community_id, self.community_a1)

    def test_id_number_change_is_logged_with_derived_birth_date(self):
        old_number = self.resident_a2.id_number
        new_number = make_id_number("110106", "19860101", "013")
        self.resident_a2.sudo(self.street_clerk.id).write(
            {"id_number": new_number})
        log = self.logs(self.resident_a2, "write", self.street_admin)
        self.assertEqual(log.user_id, self.street_clerk)
        line = self.line(log, "id_number")
        self.assertEqual(line.old_value_text, old_number)
        self.assertEqual(line.new_value_text, new_number)
        # full logs: the computed birth date changed with the number
        self.assertEqual(self.line(log, "birth_date").new_value_text,
                         "1986-01-01")

    def test_unchanged_write_logs_no_field(self):
        self.resident_a1.sudo(self.community_clerk.id).write(
            {"phone": "13812345678"})
        log = self.logs(self.resident_a1, "write")
        self.assertEqual(len(log), 1)
        self.assertFalse(log.line_ids)

    def test_creation_is_logged_with_the_id_number(self):
        number = make_id_number("110105", "20000202", "031")
        resident = self._create_resident(
            "Qian Lu", self.household_a1b, number, phone="13500000000")
        log = self.logs(resident, "create", self.street_admin)
        self.assertEqual(len(log), 1)
        self.assertEqual(self.line(log, "id_number").new_value_text, number)
        self.assertEqual(self.line(log, "phone").new_value_text,
                         "13500000000")
        self.assertEqual(log.community_id, self.community_a1)

    def test_deletion_is_logged_with_its_street(self):
        resident = self._create_resident(
            "Sun Bo", self.household_a1b,
            make_id_number("110105", "20010303", "041"))
        resident_id = resident.id
        resident.sudo(self.street_admin.id).unlink()
        log = self.env["auditlog.log"].sudo(self.street_admin.id).search([
            ("model_id.model", "=", "community.resident"),
            ("res_id", "=", resident_id), ("method", "=", "unlink")])
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.street_admin)
        self.assertEqual(log.company_id, self.street_a)

    def test_household_and_move_are_logged(self):
        self.household_a1b.sudo(self.community_clerk.id).write(
            {"room": "105"})
        log = self.logs(self.household_a1b, "write", self.street_admin)
        self.assertEqual(self.line(log, "room").old_value_text, "102")
        self.assertEqual(self.line(log, "room").new_value_text, "105")
        move = self.env["community.resident.move"].sudo(
            self.community_clerk.id).create({
                "resident_id": self.resident_a1_spouse.id,
                "move_type": "move_out",
            })
        log = self.logs(move, "create", self.street_admin)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.community_clerk)
        self.assertEqual(log.company_id, self.street_a)

    def test_street_admin_reads_only_own_streets_logs(self):
        self.resident_b1.sudo(self.street_clerk_b.id).write(
            {"phone": "13600000002"})
        self.resident_a1.sudo(self.street_clerk.id).write(
            {"phone": "13800000003"})
        self.assertFalse(self.logs(self.resident_b1, user=self.street_admin))
        self.assertTrue(self.logs(self.resident_b1, user=self.street_admin_b))
        self.assertFalse(self.logs(self.resident_a1,
                                   user=self.street_admin_b))
        lines = self.env["auditlog.log.line"].sudo(
            self.street_admin.id).search([("new_value_text", "=",
                                           "13600000002")])
        self.assertFalse(lines)

    @mute_logger("odoo.models")
    def test_street_roles_without_audit_right_cannot_read_logs(self):
        """Every role of the street office except the administrator: the
        leader, the clerks and the other addons' roles (grid officer, case
        handler, finance officer, evaluator when installed)."""
        self.resident_a1.sudo(self.community_clerk.id).write(
            {"phone": "13800000004"})
        admin_group = self.env.ref("community_base.group_street_admin")
        category = self.env.ref("base.module_category_street_office")
        groups = self.env["res.groups"].search(
            [("category_id", "=", category.id)]).filtered(
                lambda group: admin_group not in group.trans_implied_ids
                and group != admin_group)
        self.assertIn(self.env.ref("community_base.group_leader"), groups)
        self.assertIn(self.env.ref("community_base.group_street_clerk"),
                      groups)
        users = [self.community_clerk, self.street_clerk, self.leader,
                 self.internal_user]
        for group in groups:
            user = self._create_user("audit_%s" % group.id)
            user.write({"groups_id": [(6, 0, group.ids)]})
            self._set_street(user, self.street_a)
            users.append(user)
        for user in users:
            for model in ("auditlog.log", "auditlog.log.line"):
                with self.assertRaises(AccessError, msg=(user.name, model)):
                    self.env[model].sudo(user.id).search([])
            with self.assertRaises(AccessError, msg=user.name):
                self.logs(self.resident_a1).sudo(user.id).read(["name"])

    @mute_logger("odoo.models")
    def test_nobody_changes_or_deletes_a_log(self):
        self.resident_a1.sudo(self.community_clerk.id).write(
            {"phone": "13800000005"})
        log = self.logs(self.resident_a1, "write", self.street_admin)
        with self.assertRaises(AccessError):
            log.write({"user_id": self.street_admin.id})
        with self.assertRaises(AccessError):
            log.line_ids.write({"new_value_text": "13800000009"})
        with self.assertRaises(AccessError):
            log.unlink()

    def test_form_button_opens_the_records_history(self):
        self.resident_a1.sudo(self.community_clerk.id).write(
            {"phone": "13800000006"})
        action = self.env.ref("community_base.auditlog_log_action_record")
        domain = safe_eval(action.domain, {
            "active_model": "community.resident",
            "active_id": self.resident_a1.id})
        logs = self.env["auditlog.log"].sudo(self.street_admin.id).search(
            domain)
        self.assertEqual(logs, self.logs(self.resident_a1))
        records = self.open_action(
            self.env.ref("community_base.auditlog_log_action"),
            self.street_admin)
        self.assertTrue(logs)
        self.assertFalse(logs - records)

    def test_history_button_and_menu_only_for_street_admin(self):
        action = self.env.ref("community_base.auditlog_log_action_record")
        button = "//button[@name='%d']" % action.id
        Resident = self.env["community.resident"]
        for user, shown in ((self.street_admin, True),
                            (self.street_clerk, False),
                            (self.community_clerk, False),
                            (self.leader, False)):
            arch = etree.fromstring(Resident.sudo(user.id).fields_view_get(
                view_type="form")["arch"])
            self.assertEqual(bool(arch.xpath(button)), shown, user.name)
        menu = self.env.ref("community_base.auditlog_log_menu")
        self.assertIn(menu, self.visible_menus(self.street_admin))
        self.assertNotIn(menu, self.visible_menus(self.street_clerk))
        self.assertNotIn(menu, self.visible_menus(self.leader))
