# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Results and result lines of a campaign still being scored are no longer
shown to the leader and the community clerks (only the street's clerks and
administrators, who run the campaign, see them before it closes). The
rules are shipped ``noupdate``: rewrite them from the data file."""
from odoo import SUPERUSER_ID, api

from odoo.addons.community_base.tools.noupdate_records import reload_from_file

RULES = ("eval_result_rule_leader", "eval_result_rule_community_clerk",
         "eval_result_line_rule_leader",
         "eval_result_line_rule_community_clerk")


def migrate(cr, version):
    # sudo: a migration runs at upgrade, not reachable by users
    env = api.Environment(cr, SUPERUSER_ID, {})
    reload_from_file(env, "community_eval", "security/community_eval_rules.xml",
                     RULES, ["name", "domain_force"])
