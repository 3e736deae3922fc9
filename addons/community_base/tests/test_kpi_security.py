# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dashboard tiles as an attack channel (issue 14, findings 1 and 2): a
domain typed in a tile must reach no record (``user`` was a superuser
record), only tile managers may try a domain out (``onchange``), and no
figure may be computed over a field the reader may not read."""
from odoo.exceptions import AccessError, ValidationError

from .common import CommunityCase


class TestKpiSecurity(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_model = cls.env.ref(
            "community_base.model_community_resident")
        cls.arrival = cls.env.ref(
            "community_base.field_community_resident_arrival_date")
        cls.birth = cls.env.ref(
            "community_base.field_community_resident_birth_date")
        cls.resident_a1.arrival_date = "2026-11-02"
        cls.prefix = cls.resident_a1.id_number[:10]

    def _tile(self, domain, date_field=None, period="all", **vals):
        vals.update({
            "name": "Probe", "model_id": self.resident_model.id,
            "domain": domain,
            "date_field_id": date_field and date_field.id,
            "period": period,
        })
        return self.env["community.kpi"].create(vals)

    def _figure(self, kpi, user):
        return kpi.sudo(user).with_context(kpi_today="2026-11-25").read(
            ["value", "value_display", "state", "trend_display"])[0]

    def _onchange_values(self, domain):
        return {
            "name": "Probe", "model_id": self.env.ref(
                "base.model_res_partner").id,
            "domain": domain, "aggregate": "count", "ratio_domain": "[]",
            "period": "all", "field_id": False, "ratio_field_id": False,
            "date_field_id": False, "target": 0, "warning_threshold": 0,
            "higher_is_better": True, "unit": False, "digits": 0,
            "group_ids": [],
        }

    def test_onchange_is_for_tile_managers_only(self):
        """Finding 1: any internal user evaluated a domain through the
        form's onchange, with ``user`` a superuser record."""
        community = self.community_a1
        name = community.name
        attack = ("[('id', '!=', user.env['community.community'].browse(%d)"
                  ".write({'name': 'Owned'}))]" % community.id)
        spec = {name: "1" for name in (
            "name", "model_id", "domain", "aggregate", "value",
            "value_display", "state", "trend", "trend_display")}
        for user in (self.internal_user, self.leader, self.community_clerk):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["community.kpi"].sudo(user).onchange(
                    self._onchange_values(attack), "domain", spec)
            # and create and write, by the access control list
            with self.assertRaises(AccessError, msg=user.login):
                self.env["community.kpi"].sudo(user).create(
                    {"name": "Probe", "model_id": self.resident_model.id})
            with self.assertRaises(AccessError, msg=user.login):
                self.env.ref("community_base.community_kpi_residents").sudo(
                    user).write({"domain": attack})
        community.invalidate_cache()
        self.assertEqual(community.name, name)

    def test_onchange_of_a_manager_reaches_no_record(self):
        community = self.community_b1
        name = community.name
        spec = {"domain": "1", "value": "1", "state": "1"}
        attack = ("[('id', '!=', user.env['community.community'].browse(%d)"
                  ".write({'name': 'Owned'}))]" % community.id)
        result = self.env["community.kpi"].sudo(self.street_admin).onchange(
            self._onchange_values(attack), "domain", spec)
        self.assertIn(result["value"].get("state", "denied"), ["denied"])
        community.invalidate_cache()
        self.assertEqual(community.name, name)

    def test_unsaved_tiles_compute_for_managers_only(self):
        values = dict(self._onchange_values(
            "[('state', '=', 'living'), ('company_id', 'in', "
            "user_company_ids)]"), model_id=self.resident_model.id)
        del values["group_ids"]
        Kpi = self.env["community.kpi"]
        self.assertEqual(Kpi.sudo(self.street_admin).new(values).value, 3.0)
        for user in (self.leader, self.community_clerk):
            tile = Kpi.sudo(user).new(values)
            self.assertEqual((tile.state, tile.value), ("denied", 0.0))

    def test_domains_name_plain_values_only(self):
        kpi = self.env["community.kpi"].sudo(self.street_admin)
        for text in ("[('name', '=', user.name)]",
                     "[('id', 'in', user.env['res.users'].search([]).ids)]",
                     "[('name', '=', datetime.sys.modules['os'].getcwd())]"):
            with self.assertRaises(ValidationError, msg=text):
                kpi.create({"name": "Probe", "model_id": self.resident_model.id,
                            "domain": text})
        context = kpi._eval_context()
        for name, value in context.items():
            self.assertNotIsInstance(value, type(self.env["res.users"]), name)
        self.assertNotIn("user", context)

    def test_new_names_select_the_users_own_records(self):
        mine = self._tile("[('community_id', 'in', user_community_ids)]")
        self.assertEqual(
            self._figure(mine, self.community_clerk)["value"], 2.0)
        self.assertEqual(
            self._figure(mine, self.community_clerk_a2)["value"], 1.0)
        street = self._tile("[('company_id', 'in', user_company_ids), "
                            "('create_uid', '!=', uid)]")
        self.assertEqual(
            self._figure(street, self.street_clerk)["value"], 3.0)

    def test_tiles_of_older_databases_keep_their_ids(self):
        """A tile typed with ``user.company_ids.ids`` before the change
        reads the same ids, as plain values."""
        tile = self._tile("[('company_id', 'in', user.company_ids.ids), "
                          "('community_id', 'in', user.community_ids.ids), "
                          "('create_uid', '!=', user.id)]")
        self.assertEqual(
            self._figure(tile, self.community_clerk)["value"], 2.0)

    def test_bisection_through_the_trend_is_refused(self):
        """Finding 2: the trend query skipped the private-fields check."""
        resident = self.resident_a1
        probes = [
            self._tile("[('id', '=', %d), ('id_number', '=like', '%s%%')]"
                       % (resident.id, self.prefix), self.arrival, "month"),
            self._tile("[('id', '=', %d), ('phone', '=like', '138%%')]"
                       % resident.id, self.arrival, "month"),
            # the birth date as the trend's axis: the month of birth
            self._tile("[('id', '=', %d)]" % resident.id, self.birth, "month"),
            self._tile("[('id', '=', %d), ('birth_date', '<', '1950-01-01')]"
                       % resident.id),
            self._tile("[('id', '=', %d)]" % resident.id, aggregate="ratio",
                       ratio_domain="[('id_number', '=like', '%s%%')]"
                       % self.prefix),
        ]
        for user in (self.leader, self.internal_user):
            for kpi in probes:
                figure = self._figure(kpi, user)
                self.assertEqual(figure["state"], "denied",
                                 (user.login, kpi.domain))
                self.assertEqual(figure["value"], 0.0)
                self.assertEqual(figure["trend_display"], "")

    def test_a_clerk_still_counts_by_protected_fields(self):
        resident = self.resident_a1
        tile = self._tile(
            "[('id', '=', %d), ('id_number', '=like', '%s%%')]"
            % (resident.id, self.prefix), self.arrival, "month")
        figure = self._figure(tile, self.community_clerk)
        self.assertEqual(figure["value"], 1.0)
        self.assertEqual(figure["state"], "none")
        born = self._tile("[('birth_date', '<', '1950-01-01')]")
        self.assertEqual(self._figure(born, self.community_clerk)["value"], 1.0)
        self.assertEqual(self._figure(born, self.street_clerk)["value"], 1.0)
