# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""community.validity.mixin on a model of the test's own (odoo-test-helper):
one version of a key in force on any day, and the version of a day."""

from odoo import fields, models
from odoo.exceptions import ValidationError

from .common import StreetRoleCase, fake_model_loader


class TestValidityMixin(StreetRoleCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = fake_model_loader(cls.env)

        class CommunityFakeRate(models.Model):
            _name = "community.fake.rate"
            _inherit = ["community.validity.mixin"]
            _description = "Rate valid over a period, for this test"
            _validity_key_fields = ("code", "company_id")

            name = fields.Char(required=True)
            code = fields.Char(required=True)
            company_id = fields.Many2one(comodel_name="res.company")
            active = fields.Boolean(default=True)

        cls.loader.update_registry((CommunityFakeRate,))
        cls.street = cls.env["res.company"].create({"name": "Rate Street"})
        cls.rate_2026 = cls._rate("Rate 2026", "2026-01-01", "2026-12-31")

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    @classmethod
    def _rate(cls, name, start, end=False, **vals):
        vals.update({"name": name, "code": vals.get("code", "R"),
                     "company_id": vals.get("company_id", cls.street.id),
                     "date_start": start, "date_end": end})
        return cls.env["community.fake.rate"].create(vals)

    def test_overlap_is_refused_naming_both_records_and_periods(self):
        with self.assertRaises(ValidationError) as refusal:
            self._rate("Rate 2026b", "2026-07-01")
        message = refusal.exception.name
        for part in ("Rate 2026b", "2026-07-01 onwards",
                     "Rate 2026", "2026-01-01 – 2026-12-31"):
            self.assertIn(part, message)

    def test_period_inside_another_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "Rate 2026"):
            self._rate("Spring", "2026-03-01", "2026-03-31")

    def test_period_starting_the_day_after_is_accepted(self):
        later = self._rate("Rate 2027", "2027-01-01")
        self.assertEqual(later.date_start, "2027-01-01")

    def test_period_ending_the_day_before_is_accepted(self):
        earlier = self._rate("Rate 2025", "2025-01-01", "2025-12-31")
        self.assertEqual(earlier.date_end, "2025-12-31")

    def test_other_key_may_overlap(self):
        other_code = self._rate("Other", "2026-01-01", code="S")
        other_street = self._rate(
            "District", "2026-01-01",
            company_id=self.env["res.company"].create({"name": "Other"}).id)
        self.assertTrue(other_code.active and other_street.active)

    def test_key_changed_into_an_overlap_is_refused(self):
        other = self._rate("Other", "2026-06-01", code="S")
        with self.assertRaisesRegex(ValidationError, "Other"):
            other.code = "R"

    def test_archived_version_does_not_count_until_restored(self):
        self.rate_2026.active = False
        replacement = self._rate("Rate 2026 new", "2026-01-01")
        with self.assertRaisesRegex(ValidationError, "Rate 2026 new"):
            self.rate_2026.active = True
        self.assertTrue(replacement.active)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "2025-12-31"):
            self.rate_2026.date_end = "2025-12-31"

    def test_valid_on_finds_the_version_of_the_day(self):
        later = self._rate("Rate 2027", "2027-01-01")
        Rate = self.env["community.fake.rate"]
        self.assertEqual(Rate._valid_on("2026-12-31"), self.rate_2026)
        self.assertEqual(Rate._valid_on("2027-01-01"), later)
        self.assertEqual(Rate._valid_on("2040-06-30"), later)
        self.assertFalse(Rate._valid_on("2025-12-31"))

    def test_valid_on_keeps_to_the_domain(self):
        other = self._rate("Other", "2026-01-01", code="S")
        Rate = self.env["community.fake.rate"]
        self.assertEqual(Rate._valid_on("2026-05-01"), self.rate_2026 | other)
        self.assertEqual(
            Rate._valid_on("2026-05-01", [("code", "=", "S")]), other)
        self.assertEqual(len(Rate._valid_on("2026-05-01", limit=1)), 1)
