# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A year is the same thing in every model of ours: an Integer, never
summed in a grouped list, and shown as "2026" (widget="year"), not with the
thousands separator Odoo 11 puts into integers ("2,026")."""
from lxml import etree

from odoo.tests.common import SavepointCase

OURS = ("community_base", "community_grid", "community_finance",
        "community_eval")


class TestYearFields(SavepointCase):

    def _year_models(self):
        return {name: self.env[name]._fields["year"]
                for name in self.env.registry.models
                if "year" in self.env[name]._fields
                and self.env[name]._fields["year"]._module in OURS}

    def test_every_year_is_an_integer_not_summed(self):
        fields = self._year_models()
        self.assertIn("community.admission.request", fields)
        if "finance.allocation" in self.env:   # community_finance installed
            for expected in ("crossovered.budget", "finance.allocation",
                             "finance.subsidy.run",
                             "finance.allocation.wizard"):
                self.assertIn(expected, fields)
        for name, field in fields.items():
            self.assertEqual(field.type, "integer", name)
            self.assertFalse(field.group_operator, name)

    def test_views_show_years_with_the_year_widget(self):
        models = list(self._year_models())
        views = self.env["ir.ui.view"].search([
            ("model", "in", models), ("type", "in", ("form", "tree"))])
        shown = 0
        for view in views:
            arch = etree.fromstring(view.arch_db.encode())
            # the view's own fields, not those of an embedded sub-view
            for node in arch.xpath(
                    "//field[@name='year'][not(ancestor::field)]"):
                shown += 1
                self.assertEqual(node.get("widget"), "year", view.xml_id)
        self.assertTrue(shown)
