# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 14, finding 1 as the evaluator of the report: the dashboard tile's
onchange ran a domain with ``user`` a superuser record; and the domains of
computed rules reach no record either."""
import datetime

from odoo.exceptions import AccessError, ValidationError

from .common import EvalCase


class TestKpiSecurity(EvalCase):

    def _onchange(self, user, domain):
        values = {
            "name": "Probe", "aggregate": "count", "domain": domain,
            "model_id": self.env.ref("base.model_res_partner").id,
            "ratio_domain": "[]", "period": "all", "field_id": False,
            "ratio_field_id": False, "date_field_id": False, "target": 0,
            "warning_threshold": 0, "higher_is_better": True,
            "unit": False, "digits": 0, "group_ids": [],
        }
        spec = {"domain": "1", "value": "1", "state": "1",
                "value_display": "1"}
        return self.env["community.kpi"].sudo(user).onchange(
            values, "domain", spec)

    def test_evaluator_cannot_read_or_write_through_a_tile(self):
        resident = self.resident_a1
        community = self.community_a1
        name = community.name
        # one character of the ID number per call, as reported
        read = ("[('id', '=', 0 if user.env['community.resident'].browse(%d)"
                ".id_number[0] == '1' else -1)]" % resident.id)
        write = ("[('id', '!=', user.env['community.community'].browse(%d)"
                 ".write({'name': 'Owned'}))]" % community.id)
        for domain in (read, write):
            with self.assertRaises(AccessError):
                self._onchange(self.evaluator, domain)
        community.invalidate_cache()
        self.assertEqual(community.name, name)

    def _rule(self, domain):
        fields = self.env["ir.model.fields"]
        return self.env["eval.rule"].create({
            "name": "Probe rule",
            "model_id": self.env["ir.model"]._get("eval.staff.check").id,
            "target_field_id": fields.search([
                ("model", "=", "eval.staff.check"),
                ("name", "=", "user_id")]).id,
            "domain": domain,
        })

    def test_rule_domain_reaches_no_record(self):
        for domain in ("[('user_id', '=', user.partner_id.id)]",
                       "[('user_id', 'in', user.env['res.users'].search([]).ids)]",
                       "[('note', '=', datetime.sys.modules['os'].getcwd())]"):
            with self.assertRaises(ValidationError, msg=domain):
                self._rule(domain)
        rule = self._rule("[('user_id', '=', uid), ('date', '<=', today)]")
        domain = rule._domain("2026-01-01", "2026-12-31", None, None)
        self.assertEqual(domain[0], ("user_id", "=", self.env.uid))
        self.assertIsInstance(domain[1][2], datetime.date)

    def test_rule_uses_only_fields_its_author_reads(self):
        rule = self.env["eval.rule"].create({
            "name": "Born before 1950",
            "model_id": self.env["ir.model"]._get("community.resident").id,
            "target_field_id": self.env["ir.model.fields"].search([
                ("model", "=", "community.resident"),
                ("name", "=", "community_id")]).id,
            "domain": "[('birth_date', '<', '1950-01-01')]",
        })
        with self.assertRaises(AccessError):
            rule.sudo(self.leader)._check_rule()
        rule.sudo(self.street_admin)._check_rule()
