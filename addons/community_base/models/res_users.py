# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from threading import current_thread

from odoo import SUPERUSER_ID, _, api, fields, models

from odoo.addons.password_security.exceptions import PassError

from ..tools import roles
from ..tools.client_address import client_address


def _sets_groups(vals):
    """Whether ``vals`` of a user change their roles: ``groups_id`` or the
    user form's one field per role (``in_group_<id>``,
    ``sel_groups_<ids>``)."""
    return any(name == "groups_id" or name.startswith(("in_group_",
                                                       "sel_groups_"))
               for name in vals)


class ResUsers(models.Model):
    """The communities a user works in scope what a community clerk sees."""

    _inherit = "res.users"

    community_ids = fields.Many2many(
        comodel_name="community.community",
        relation="community_community_res_users_rel",
        column1="user_id",
        column2="community_id",
        string="Communities",
        help="The communities this user works in: a community clerk reads and "
        "keeps the ledgers of these communities only.",
    )
    login_locked_until = fields.Datetime(
        compute="_compute_login_locked_until",
        string="Login Paused Until",
        groups=roles.SYSTEM,
        help="After repeated wrong passwords the login is refused, even with "
        "the right password, until this time; Unlock Login ends it now.",
    )

    @api.multi
    def _compute_login_locked_until(self):
        attempts = self.env["res.authentication.attempt"]
        for user in self:
            user.login_locked_until = attempts._login_locked_until(user.login)

    @api.model
    def create(self, vals):
        users = super().create(vals)
        if "community_ids" in vals:
            self.env["ir.rule"].clear_caches()
        if _sets_groups(vals):
            users._community_set_home_action()
        return users

    @api.multi
    def write(self, vals):
        res = super().write(vals)
        # record rules read user.community_ids; their domains are cached
        if "community_ids" in vals:
            self.env["ir.rule"].clear_caches()
        if _sets_groups(vals):
            self._community_set_home_action()
        return res

    # -- landing page ------------------------------------------------------------

    def _community_home_action(self):
        """The landing page of the user's highest role (``res.groups``'
        ``community_home_priority``), or no action."""
        self.ensure_one()
        roles_with_home = self.groups_id.filtered("community_home_action_id")
        if not roles_with_home:
            return self.env["ir.actions.actions"]
        return roles_with_home.sorted(
            lambda group: (-group.community_home_priority, group.id),
        )[0].community_home_action_id

    @api.multi
    def _community_set_home_action(self):
        """Land each user on the page of their highest role: a user without
        a home action, or whose home is the page of a role (theirs before a
        change of roles), gets their roles' page; a page chosen for the
        user by hand stays."""
        role_pages = self.env["res.groups"].search(
            [("community_home_action_id", "!=", False)],
        ).mapped("community_home_action_id")
        for user in self:
            home = user._community_home_action()
            if user.action_id == home or (
                    user.action_id and user.action_id not in role_pages):
                continue
            user.action_id = home

    @api.model
    def _community_fill_home_actions(self):
        """Called by each addon's data file once its roles name their
        landing pages: the users made before (or by an earlier addon) get
        theirs, on install and on every upgrade; pages chosen by hand
        stay."""
        self.with_context(active_test=False).search(
            [("share", "=", False)])._community_set_home_action()
        return True

    @api.multi
    def action_unlock_login(self):
        """End the lock-out of these users' logins now (logged)."""
        for user in self:
            self.env["res.authentication.attempt"]._unlock(login=user.login)
        return True

    # -- login lock-out (OCA auth_brute_force) -----------------------------------

    @classmethod
    def _auth_attempt_new(cls, login):
        """Store one authentication attempt, not knowing the result; as
        OCA's, but with the address ``X-Forwarded-For`` gives only when the
        request comes from a trusted proxy (tools/client_address.py), not
        the one ``proxy_mode`` takes from anybody."""
        environ = getattr(current_thread(), "environ", None)
        if not environ:
            return False
        # Its own cursor, as OCA's: the attempt stays when the login fails.
        with cls.pool.cursor() as cr:
            # sudo: nobody is logged in yet; the superuser records the attempt
            attempts = api.Environment(
                cr, SUPERUSER_ID, {})["res.authentication.attempt"]
            remote = client_address(environ, attempts._trusted_proxies())
            if not remote:
                return False
            return attempts.create({"login": login, "remote": remote}).id

    # -- password policy (OCA password_security) -------------------------------
    # password_security words its refusals in English lines without the
    # user's name and ships no Chinese; these say the same in strings of
    # this addon (translated in its zh_CN.po) and name the user.

    @api.multi
    def password_match_message(self):
        """The street's password policy as one sentence naming the user."""
        self.ensure_one()
        company = self.company_id
        rules = []
        if company.password_length:
            rules.append(_("at least %d characters") % company.password_length)
        if company.password_lower:
            rules.append(_("%d lowercase letter(s)") % company.password_lower)
        if company.password_upper:
            rules.append(_("%d uppercase letter(s)") % company.password_upper)
        if company.password_numeric:
            rules.append(_("%d digit(s)") % company.password_numeric)
        if company.password_special:
            rules.append(_("%d special character(s) such as # or !")
                         % company.password_special)
        if not rules:
            return ""
        return _("The password of %(user)s is too weak: it needs "
                 "%(rules)s.") % {"user": self.name, "rules": ", ".join(rules)}

    @api.multi
    def _check_password_history(self, password):
        for user in self:
            try:
                super(ResUsers, user)._check_password_history(password)
            except PassError:
                raise PassError(_(
                    "%(user)s used this password recently: choose one "
                    "that is not among the last %(count)d.") % {
                        "user": user.name,
                        "count": user.company_id.password_history})
        return True
