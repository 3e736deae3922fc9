# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Results are final only when the campaign closes: before that, only the
street's clerks and administrators who run the campaign see them. The
rankings workbook already refused a scoring campaign (test_report_access);
these tests hold the same over plain RPC reads, and check that an upgraded
database gets the tightened (``noupdate``) rules too."""
import importlib.util

from odoo.modules.module import get_module_resource

from .common import EvalCase


def _migration():
    """The post-migration script of 11.0.1.2.0 (its folder name is no
    Python package name: loaded from its file, as Odoo does)."""
    path = get_module_resource(
        "community_eval", "migrations", "11.0.1.2.0", "post-migration.py")
    spec = importlib.util.spec_from_file_location("eval_migration", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestResultVisibility(EvalCase):

    def setUp(self):
        super().setUp()
        self.scheme.min_sample = 2
        self.campaign = self._scored_campaign()
        self.campaign.sudo(self.street_clerk.id).action_compute()

    def _visible(self, user):
        domain = [("campaign_id", "=", self.campaign.id)]
        return (self.env["eval.result"].sudo(user.id).search(domain),
                self.env["eval.result.line"].sudo(user.id).search(
                    [("result_id.campaign_id", "=", self.campaign.id)]))

    def test_scoring_campaign_results_are_for_its_clerks_only(self):
        for user in (self.leader, self.community_clerk, self.evaluator):
            results, lines = self._visible(user)
            self.assertFalse(results, user.login)
            self.assertFalse(lines, user.login)
        for user in (self.street_clerk, self.street_admin):
            results, lines = self._visible(user)
            self.assertEqual(results, self.campaign.result_ids, user.login)
            self.assertTrue(lines, user.login)

    def test_closed_campaign_results_are_read_in_each_scope(self):
        self.campaign.sudo(self.street_clerk.id).action_close()
        self.assertEqual(self._visible(self.leader)[0],
                         self.campaign.result_ids)
        clerk = self._visible(self.community_clerk)
        self.assertEqual(clerk[0], self.result_of(
            self.campaign, self.community_a1))
        self.assertEqual(clerk[1].mapped("result_id"), clerk[0])

    def test_upgrade_tightens_the_rules_of_older_databases(self):
        rules = [self.env.ref("community_eval.%s" % xmlid) for xmlid in (
            "eval_result_rule_leader", "eval_result_rule_community_clerk",
            "eval_result_line_rule_leader",
            "eval_result_line_rule_community_clerk")]
        shipped = [rule.domain_force for rule in rules]
        for rule in rules:   # the rules as the previous version shipped them
            rule.domain_force = rule.domain_force.replace(
                "('campaign_id.state', '=', 'closed'), ", "").replace(
                "('result_id.campaign_id.state', '=', 'closed'), ", "")
        self.assertTrue(self._visible(self.leader)[0])
        _migration().migrate(self.env.cr, "11.0.1.1.0")
        self.assertEqual([rule.domain_force for rule in rules], shipped)
        self.assertFalse(self._visible(self.leader)[0])
