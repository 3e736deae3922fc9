# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The lock-out windows end when they are set to end: a failure just older
than the window no longer counts (the window's start was cut to the whole
second, so a failure up to a second older still locked the address or
login; tests/test_login_lockout.py saw it now and then)."""
import datetime

from psycopg2 import sql

from odoo.tests.common import SavepointCase


class TestAuthenticationWindow(SavepointCase):

    def _failure(self, seconds_ago, **vals):
        attempt = self.env["res.authentication.attempt"].create(dict(
            vals, result="failed"))
        when = datetime.datetime.utcnow() - datetime.timedelta(
            seconds=seconds_ago)
        # sql: create_date is the ORM's own column; the test dates it
        self.env.cr.execute(sql.SQL(
            "UPDATE res_authentication_attempt SET create_date = %s "
            "WHERE id = %s"), (when, attempt.id))
        return attempt

    def _set(self, **values):
        for name, value in values.items():
            self.env["ir.config_parameter"].set_param(
                "auth_brute_force." + name, str(value))

    def test_address_failure_just_out_of_the_window_does_not_count(self):
        self._set(max_by_ip=1, ip_window_seconds=60)
        attempts = self.env["res.authentication.attempt"]
        self._failure(60.02, login="window_ghost", remote="192.0.2.77")
        self.assertFalse(attempts._remote_locked("192.0.2.77"))
        self._failure(59.5, login="window_ghost", remote="192.0.2.77")
        self.assertTrue(attempts._remote_locked("192.0.2.77"))

    def test_login_failure_just_out_of_the_window_does_not_count(self):
        self._set(max_by_login=1, login_window_seconds=60,
                  login_backoff_seconds=600)
        attempts = self.env["res.authentication.attempt"]
        self._failure(60.02, login="window_user", remote="192.0.2.78")
        self.assertFalse(attempts._login_locked_until("window_user"))
        self._failure(59.5, login="window_user", remote="192.0.2.78")
        self.assertTrue(attempts._login_locked_until("window_user"))
