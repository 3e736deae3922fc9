# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import fields

from odoo.addons.password_security.exceptions import PassError

from .common import CommunityCase

STRONG = "Jiedao#2026a"


class TestPasswordPolicy(CommunityCase):
    """The street's password policy (OCA password_security) and login
    lock-out settings (OCA auth_brute_force); the lock-out itself is tested
    over HTTP in tests/test_login_lockout.py."""

    def test_new_street_gets_the_policy(self):
        street = self.env["res.company"].create({
            "name": "Test Street C", "parent_id": self.district.id,
            "is_street_office": True})
        self.assertEqual(
            (street.password_length, street.password_lower,
             street.password_upper, street.password_numeric,
             street.password_special, street.password_expiration,
             street.password_history),
            (10, 1, 1, 1, 1, 90, 5))

    def test_installed_street_gets_the_policy(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.password_length, 10)
        self.assertEqual(company.password_expiration, 90)
        self.assertEqual(company.password_history, 5)

    def test_lockout_limits_are_set(self):
        get_param = self.env["ir.config_parameter"].sudo().get_param
        self.assertEqual(get_param("auth_brute_force.max_by_login"), "5")
        self.assertEqual(get_param("auth_brute_force.max_by_ip"), "30")
        self.assertEqual(
            get_param("auth_brute_force.login_backoff_seconds"), "60")

    def test_weak_passwords_are_refused_naming_the_user(self):
        user = self.community_clerk
        for weak in ("street_test_community_clerk",  # login as password
                     "Jd#2026a",                      # too short
                     "jiedao#2026a",                  # no uppercase
                     "JIEDAO#2026A",                  # no lowercase
                     "Jiedao#abcde",                  # no digit
                     "Jiedao20261a"):                 # no special character
            with self.assertRaises(PassError, msg=weak) as caught:
                user.write({"password": weak})
            message = caught.exception.name
            self.assertIn(user.name, message)
            self.assertIn("at least 10 characters", message)
            self.assertIn("1 special character(s)", message)

    def test_strong_password_is_accepted_and_dated(self):
        user = self.community_clerk
        user.password_write_date = "2020-01-01 00:00:00"
        user.write({"password": STRONG})
        self.assertGreater(user.password_write_date, "2020-01-01 00:00:00")
        self.assertTrue(user.password_history_ids)

    def test_administrator_setting_a_password_is_held_to_the_policy(self):
        """Settings > Users > Change password (the wizard writes the
        password like the user's own dialog does)."""
        wizard = self.env["change.password.wizard"].create({
            "user_ids": [(0, 0, {
                "user_id": self.street_clerk.id,
                "user_login": self.street_clerk.login,
                "new_passwd": "street123"})]})
        with self.assertRaises(PassError) as caught:
            wizard.user_ids.change_password_button()
        self.assertIn(self.street_clerk.name, caught.exception.name)
        wizard.user_ids.new_passwd = STRONG
        wizard.user_ids.change_password_button()
        self.assertTrue(self.street_clerk.password_history_ids)

    def test_recent_password_cannot_be_reused(self):
        user = self.community_clerk
        user.write({"password": STRONG})
        user.write({"password": "Jiedao#2026b"})
        with self.assertRaises(PassError) as caught:
            user.write({"password": STRONG})
        self.assertIn(user.name, caught.exception.name)
        self.assertIn("last 5", caught.exception.name)

    def test_password_expires_after_ninety_days(self):
        user = self.community_clerk
        now = datetime.datetime.now()
        user.password_write_date = fields.Datetime.to_string(
            now - datetime.timedelta(days=89))
        self.assertFalse(user._password_has_expired())
        user.password_write_date = fields.Datetime.to_string(
            now - datetime.timedelta(days=91))
        self.assertTrue(user._password_has_expired())

    def test_users_created_with_a_password_keep_it(self):
        """Creating a user does not check the policy (password_security
        checks writes), so the demo users and test fixtures with password =
        login keep working; the policy applies to every later change."""
        user = self.env["res.users"].create({
            "name": "Demo Leader", "login": "street_test_demo_leader",
            "password": "street_test_demo_leader",
            "company_id": self.street_a.id,
            "company_ids": [(6, 0, self.street_a.ids)]})
        self.assertEqual(
            self.env["res.users"].sudo(user.id).check_credentials(
                "street_test_demo_leader"), None)
        self.assertFalse(user._password_has_expired())
