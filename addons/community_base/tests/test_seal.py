# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .test_admission import AdmissionCase


class TestSeal(AdmissionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Item = cls.env["community.seal.item"]
        cls.item = Item.create({
            "name": "Proof of volunteer service", "code": "T-SEAL-1",
            "company_id": cls.street.id})
        cls.archived_item = Item.create({
            "name": "Proof of residence", "code": "T-SEAL-2",
            "company_id": cls.street.id, "active": False})
        cls.other_street_item = Item.create({
            "name": "Other street's proof", "code": "T-SEAL-3",
            "company_id": cls.other_street.id})
        cls.Usage = cls.env["community.seal.usage"]
        cls.usage_b = cls.Usage.sudo(cls.street_clerk.id).create({
            "item_id": cls.item.id,
            "community_id": cls.community_b.id,
            "applicant": "Li Hua",
            "document": "Volunteer hours for a school",
            "date": "2026-02-10 09:00:00",
        })

    def _log(self, user, **values):
        vals = {
            "item_id": self.item.id,
            "community_id": self.community_a.id,
            "applicant": "Wang Fang",
            "document": "Volunteer service certificate for an employer",
        }
        vals.update(values)
        return self.Usage.sudo(user.id).create(vals)

    def test_shipped_catalogue_items_can_be_logged(self):
        """The catalogue shipped with the addon is usable as it is: a clerk
        of a community of the main company logs a use of each item."""
        company = self.env.ref("base.main_company")
        self.assertEqual(self.community_a.company_id, company)
        items = self.env["community.seal.item"].search([
            ("company_id", "=", company.id), ("code", "like", "SEAL0")])
        self.assertTrue(items)
        for item in items:
            usage = self._log(self.community_clerk, item_id=item.id,
                              document=item.name)
            self.assertEqual(usage.item_id, item, item.code)

    def test_community_clerk_logs_a_catalogue_item(self):
        usage = self._log(
            self.community_clerk,
            attachment=base64.b64encode(b"%PDF-1.4 sealed copy"),
            attachment_filename="certificate.pdf")
        self.assertEqual(usage.user_id, self.community_clerk)
        self.assertEqual(usage.company_id, self.street)
        self.assertTrue(usage.date)
        self.assertTrue(usage.attachment)

    def test_default_community_is_the_clerks_only_community(self):
        defaults = self.Usage.sudo(self.community_clerk.id).default_get(
            ["community_id", "user_id"])
        self.assertEqual(defaults["community_id"], self.community_a.id)
        self.assertEqual(defaults["user_id"], self.community_clerk.id)

    def test_archived_item_refused_with_its_name(self):
        with self.assertRaises(ValidationError) as error:
            self._log(self.community_clerk, item_id=self.archived_item.id)
        self.assertIn("Proof of residence", error.exception.name)

    def test_other_street_item_refused_with_its_name(self):
        with self.assertRaises(ValidationError) as error:
            self._log(self.street_clerk, item_id=self.other_street_item.id)
        self.assertIn("Other street's proof", error.exception.name)

    def test_item_picker_offers_the_streets_active_catalogue(self):
        """What the form's picker offers: the field's domain evaluated on
        a new usage of the clerk's community, searched as the clerk."""
        Usage = self.Usage.sudo(self.community_clerk.id)
        usage = Usage.new(dict(Usage.default_get(["company_id"]),
                               community_id=self.community_a.id))
        usage._onchange_community_id()
        domain = safe_eval(self.Usage._fields["item_id"].domain,
                           {"company_id": usage.company_id.id})
        items = self.env["community.seal.item"].sudo(
            self.community_clerk.id).search(domain)
        self.assertIn(self.item, items)
        self.assertNotIn(self.archived_item, items)
        self.assertNotIn(self.other_street_item, items)
        self.assertEqual(items.mapped("company_id"), self.street)

    def test_archiving_an_item_keeps_its_usages(self):
        usage = self._log(self.community_clerk)
        self.item.active = False
        self.assertEqual(usage.item_id, self.item)
        with self.assertRaises(ValidationError):
            self._log(self.community_clerk)

    def test_clerks_cannot_change_or_delete_the_log(self):
        usage = self._log(self.community_clerk)
        for user in (self.community_clerk, self.street_clerk):
            with self.assertRaises(AccessError):
                usage.sudo(user.id).write({"applicant": "Someone else"})
            with self.assertRaises(AccessError):
                usage.sudo(user.id).unlink()
        self.assertEqual(usage.applicant, "Wang Fang")

    def test_street_admin_corrects_the_log(self):
        usage = self._log(self.community_clerk)
        usage.sudo(self.street_admin.id).write({"applicant": "Wang Fang (2)"})
        self.assertEqual(usage.applicant, "Wang Fang (2)")
        usage.sudo(self.street_admin.id).unlink()
        self.assertFalse(usage.exists())

    def test_community_clerk_of_a_does_not_see_b(self):
        usage_a = self._log(self.community_clerk)
        found = self.Usage.sudo(self.community_clerk.id).search([])
        self.assertIn(usage_a, found)
        self.assertNotIn(self.usage_b, found)
        with self.assertRaises(AccessError):
            self.usage_b.sudo(self.community_clerk.id).read(["document"])

    def test_community_clerk_cannot_log_for_another_community(self):
        with self.assertRaises(AccessError):
            self._log(self.community_clerk, community_id=self.community_b.id)

    def test_leader_reads_the_street_log_only(self):
        action = self.env.ref("community_base.community_seal_usage_action")
        records = self.open_action(action, self.leader)
        self.assertIn(self.usage_b, records)
        with self.assertRaises(AccessError):
            self._log(self.leader)
        with self.assertRaises(AccessError):
            self.usage_b.sudo(self.leader.id).write({"applicant": "X"})

    def test_counts_per_item_and_month(self):
        self._log(self.street_clerk, date="2026-02-20 10:00:00")
        self._log(self.street_clerk, date="2026-03-02 10:00:00")
        groups = self.Usage.sudo(self.leader.id).read_group(
            [("item_id", "=", self.item.id)], ["item_id", "date"],
            ["item_id", "date:month"], lazy=False)
        counts = sorted(group["__count"] for group in groups)
        self.assertEqual(counts, [1, 2])
        # the register's pivot and graph views show these very counts: by
        # item and by month of the date
        action = self.env.ref("community_base.community_seal_usage_action")
        for view_type in ("pivot", "graph"):
            self.assertIn(view_type, action.view_mode.split(","))
            arch = etree.fromstring(self.Usage.sudo(self.leader.id)
                                    .fields_view_get(view_type=view_type)["arch"])
            axes = {node.get("name"): node.get("interval")
                    for node in arch.iter("field")}
            self.assertEqual(axes, {"item_id": None, "date": "month"},
                             view_type)

    def test_only_street_admin_keeps_the_catalogue(self):
        Item = self.env["community.seal.item"]
        with self.assertRaises(AccessError):
            Item.sudo(self.street_clerk.id).create({
                "name": "Invented proof", "code": "X1"})
        with self.assertRaises(AccessError):
            self.item.sudo(self.community_clerk.id).write({"active": False})
        item = Item.sudo(self.street_admin.id).create({
            "name": "New item", "code": "T-SEAL-9"})
        self.assertEqual(item.company_id, self.street)

    def test_other_street_catalogue_hidden(self):
        items = self.env["community.seal.item"].sudo(self.leader.id).search([])
        self.assertNotIn(self.other_street_item, items)

    @mute_logger("odoo.sql_db")
    def test_item_code_unique_per_street(self):
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["community.seal.item"].create({
                "name": "Duplicate", "code": "T-SEAL-1",
                "company_id": self.street.id})

    def test_street_admin_opens_the_seal_catalogue(self):
        action = self.env.ref("community_base.community_seal_item_action")
        self.assertIn(self.item, self.open_action(action, self.street_admin))
