# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The leader and the street's staff see the awards of their street's
campaigns since 11.0.1.3.0 (the shipped scheme has no street of its own, so
the rules filtering on the title's street hid every award from them). The
rules are shipped ``noupdate``: rewrite them from the data file."""
from odoo import SUPERUSER_ID, api

from odoo.addons.community_base.tools.noupdate_records import reload_from_file

RULES = ("eval_title_award_rule_leader", "eval_title_award_rule_street_clerk",
         "eval_title_award_rule_street_admin")


def migrate(cr, version):
    # sudo: a migration runs at upgrade, not reachable by users
    env = api.Environment(cr, SUPERUSER_ID, {})
    reload_from_file(env, "community_eval", "security/community_eval_rules.xml",
                     RULES, ["domain_force"])
