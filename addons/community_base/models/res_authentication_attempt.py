# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import config

from ..tools import roles
from ..tools.client_address import parse_networks

_logger = logging.getLogger(__name__)

# ir.config_parameter keys and the defaults used when a key is missing or
# not a number; data/auth_brute_force_data.xml ships the same values.
SETTINGS = {
    "auth_brute_force.max_by_login": 5,
    "auth_brute_force.login_window_seconds": 86400,
    "auth_brute_force.login_backoff_seconds": 60,
    "auth_brute_force.login_backoff_max_seconds": 3600,
    "auth_brute_force.max_by_ip": 30,
    "auth_brute_force.ip_window_seconds": 900,
}
# 2 ** 30 seconds is decades: the cap is reached long before
MAX_DOUBLINGS = 30


class ResAuthenticationAttempt(models.Model):
    """A login attempt tracked by OCA ``auth_brute_force``, with the street's
    lock-out rules in place of the OCA ones.

    OCA bans a login only from the one address that failed, forever (until
    the attempts are deleted), and forgets an address's failures at its
    next success. Here a login is paused after ``max_by_login`` failures
    from any address, for a backoff that doubles with each further failure
    and ends by itself; an address is refused while it has ``max_by_ip``
    failures within ``ip_window_seconds``, whatever succeeded in between.
    An administrator's unlock is itself an attempt row (``unlocked``), so
    the list keeps who lifted which lock and the counts restart after it.

    Its form also looked the remote address up at ip-api.com, which would
    send the addresses of the street office's staff to a foreign service on
    every view (and hang on a server without internet); the attempts keep
    the address only."""

    _inherit = "res.authentication.attempt"

    result = fields.Selection(
        selection_add=[("unlocked", "Unlocked by an administrator")])

    @api.multi
    @api.depends("remote")
    def _compute_metadata(self):
        for attempt in self:
            attempt.remote_metadata = False

    # -- buttons ---------------------------------------------------------------

    @api.multi
    def action_unlock_login(self):
        """Lift the pause of these attempts' logins now (logged)."""
        for login in set(self.mapped("login")) - {False}:
            self._unlock(login=login)
        return True

    @api.multi
    def action_unlock_remote(self):
        """Lift the lock of these attempts' addresses now (logged)."""
        for remote in set(self.mapped("remote")) - {False}:
            self._unlock(remote=remote)
        return True

    # -- lock-out ----------------------------------------------------------------

    @api.model
    def _setting(self, key):
        # sudo: parameters are admin-only; the login being checked reads a number
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return int(value)
        except (TypeError, ValueError):
            return SETTINGS[key]

    @api.model
    def _window_start(self, key):
        """The start of the window of the setting ``key`` (seconds) before
        now, to the microsecond as ``create_date`` is stored: cut to the
        second, the window would last up to a second longer than set."""
        start = datetime.datetime.utcnow() - datetime.timedelta(
            seconds=self._setting(key))
        return start.strftime("%Y-%m-%d %H:%M:%S.%f")

    @api.model
    def _trusted_proxies(self):
        """The networks whose ``X-Forwarded-For`` names the client: the
        server's ``trusted_proxies`` option (the deployment knows its proxy:
        docker-compose.yml pins the network nginx talks to Odoo on) and the
        ``auth_brute_force.trusted_proxies`` system parameter."""
        # sudo: parameters are admin-only; read for the request being served
        parameter = self.env["ir.config_parameter"].sudo().get_param(
            "auth_brute_force.trusted_proxies", "")
        return parse_networks("%s %s" % (
            config.get("trusted_proxies") or "", parameter or ""))

    @api.model
    def _trusted(self, remote, login):
        """Replaces OCA's rules (per address+login, reset by any success,
        never expiring) by a per-login backoff and a per-address window.
        The password has not been checked yet: a locked login is refused
        whether it is right or not."""
        # Attempts outside HTTP (shell, cron) have no address and no limit.
        if not remote:
            return True
        if (remote not in self._whitelist_remotes()
                and self._remote_locked(remote)):
            _logger.warning("Login %r refused: address %s has too many "
                            "recent failures.", login, remote)
            return False
        until = self._login_locked_until(login)
        if until:
            _logger.warning("Login %r from %s refused: login paused until "
                            "%s UTC after repeated failures.",
                            login, remote, until)
            return False
        return True

    @api.model
    def _last_unlock_id(self, domain):
        # sudo: attempts are admin-only; the login being checked gets an id only
        last = self.sudo().search(domain + [("result", "=", "unlocked")],
                                  order="id desc", limit=1)
        return last.id or 0

    @api.model
    def _remote_locked(self, remote):
        """True while ``remote`` has ``max_by_ip`` failures within the
        window (since its last unlock); a success does not clear them, so
        an attacker cannot reset the count with an account of their own."""
        start = self._window_start("auth_brute_force.ip_window_seconds")
        since = self._last_unlock_id([("remote", "=", remote),
                                      ("login", "=", False)])
        # sudo: attempts are admin-only; the login being checked gets a count
        failures = self.sudo().search_count([
            ("remote", "=", remote), ("result", "=", "failed"),
            ("id", ">", since),
            ("create_date", ">=", start)])
        return failures >= self._setting("auth_brute_force.max_by_ip")

    @api.model
    def _login_locked_until(self, login):
        """When the pause of ``login`` ends (a UTC datetime), or False.

        The failures of the login from any address since its last success
        or unlock, within the login window, count; from the
        ``max_by_login``-th on, the login is paused for the backoff after
        the last failure, doubled for each failure beyond the limit and
        capped. Refusals during a pause are ``banned``, not failures: they
        do not lengthen it (the password was not even checked)."""
        if not login:
            return False
        now = datetime.datetime.utcnow()
        # sudo: attempts are admin-only; the login being checked gets a date
        attempts = self.sudo()
        last_ok = attempts.search([
            ("login", "=", login), ("result", "=", "successful")],
            order="id desc", limit=1)
        since = max(last_ok.id or 0, self._last_unlock_id(
            [("login", "=", login), ("remote", "=", False)]))
        start = self._window_start("auth_brute_force.login_window_seconds")
        domain = [("login", "=", login), ("result", "=", "failed"),
                  ("id", ">", since), ("create_date", ">=", start)]
        failures = attempts.search_count(domain)
        limit = self._setting("auth_brute_force.max_by_login")
        if failures < limit:
            return False
        last = attempts.search(domain, order="id desc", limit=1)
        doublings = min(failures - limit, MAX_DOUBLINGS)
        backoff = min(
            self._setting("auth_brute_force.login_backoff_seconds")
            * 2 ** doublings,
            self._setting("auth_brute_force.login_backoff_max_seconds"))
        until = (fields.Datetime.from_string(last.create_date)
                 + datetime.timedelta(seconds=backoff))
        return until if until > now else False

    @api.model
    def _unlock(self, login=False, remote=False):
        """Lift the lock of a login or of an address at once. Recorded as
        an attempt row of the administrator (create_uid) and in the log."""
        if not self.env.user.has_group(roles.SYSTEM):
            raise AccessError(_(
                "Only a settings administrator can lift the lock-out of %s: "
                "ask one, or wait until the lock-out ends.") % (login or remote))
        self.create({"login": login, "remote": remote, "result": "unlocked"})
        _logger.warning("User %s unlocked %s %r.", self.env.user.login,
                        "login" if login else "address", login or remote)
