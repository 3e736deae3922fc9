# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from odoo.exceptions import AccessError

from .common import CommunityCase, make_id_number
from .leak_checks import LeakChecks, refused, workbook_text

LEDGER = "community_base.community_community_ledger_xlsx"


class TestLeaks(LeakChecks, CommunityCase):
    """No channel gives a community clerk the residents of another
    community, and none gives a non-clerk the raw ID numbers, phones or
    birth dates (the masked number and the birth date together would be the
    whole number)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._create_resident(
            "Secretleak Zhou A2", cls.household_a2,
            make_id_number("110106", "19770707", "571"),
            relation="child", phone="13755500071",
            actual_address="Secret Alley 7")
        cls.secret_b = cls._create_resident(
            "Secretleak Qian B1", cls.household_b1,
            make_id_number("110108", "19660606", "582"),
            relation="child", phone="13755500082")
        cls.secrets = [cls.secret.name, cls.secret.id_number,
                       cls.secret.phone, cls.secret_b.name,
                       cls.secret_b.id_number, cls.secret_b.phone]
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "secret-scan.txt", "datas_fname": "secret-scan.txt",
            "res_model": "community.resident", "res_id": cls.secret.id,
            "datas": base64.b64encode(
                ("ID card of %s" % cls.secret.name).encode()),
        })
        cls.message = cls.env["mail.message"].create({
            "model": "community.resident", "res_id": cls.secret.id,
            "message_type": "comment",
            "body": "<p>Called %s on %s</p>" % (
                cls.secret.name, cls.secret.phone),
        })
        cls.secret.record_move("move_out", date="2026-11-01")
        cls.secret_import = cls.env["community.ledger.import"].create({
            "community_id": cls.community_a2.id})
        cls.env["community.ledger.import.error"].create({
            "import_id": cls.secret_import.id, "sheet": "居民", "row": 3,
            "column": "身份证号", "code": "id_exists",
            "reason": "A resident with ID number %s is already registered "
                      "in this street." % cls.secret.id_number,
        })

    # -- another community's residents --------------------------------------

    def test_community_clerk_orm_channels_on_residents(self):
        for secret in (self.secret, self.secret_b):
            self.resident_channels(self.community_clerk, secret, self.secrets)

    def test_community_clerk_households_do_not_reach_other_residents(self):
        Household = self.env["community.household"].sudo(
            self.community_clerk.id)
        self.assertFalse(Household.search(
            [("resident_ids.name", "=", self.secret.name)]))
        self.assertFalse(Household.search(
            [("resident_ids.id_number", "=", self.secret.id_number)]))
        households = Household.search([])
        self.assertNotIn(self.household_a2, households)
        self.assertNoSecret(
            households.read(), self.secrets, "household read")
        self.assertNoSecret(
            households.export_data(
                ["name", "resident_ids/name", "resident_ids/id_number",
                 "head_id/name"])["datas"], self.secrets, "household export")
        self.assertNoSecret(
            households.mapped("resident_ids").read(
                ["name", "id_number", "phone", "household_id"]),
            self.secrets, "household.resident_ids")
        for groupby in ("community_id", "building_id"):
            self.assertNoSecret(
                Household.read_group([], [groupby], [groupby]),
                self.secrets, "household read_group")
        with self.assertRaises(AccessError):
            Household.browse(self.household_a2.id).read(["resident_ids"])

    def test_community_clerk_hierarchy_does_not_reach_other_residents(self):
        for model in ("community.community", "community.compound",
                      "community.building"):
            records = self.env[model].sudo(self.community_clerk.id).search([])
            self.assertTrue(records, model)
            self.assertNoSecret(records.read(), self.secrets, model)

    def test_community_clerk_move_history_of_other_residents(self):
        Move = self.env["community.resident.move"].sudo(
            self.community_clerk.id)
        self.assertNoSecret(
            Move.search_read([], ["resident_id", "note", "household_id"]),
            self.secrets, "resident moves")
        self.assertFalse(Move.search(
            [("resident_id.name", "=", self.secret.name)]))

    def test_community_clerk_volunteer_records_of_other_residents(self):
        team = self.env["res.partner"].create({
            "name": "Secretleak Team A2", "is_company": True,
            "organisation_type": "volunteer_team",
            "community_id": self.community_a2.id})
        self.env["community.volunteer.activity"].create({
            "team_id": team.id, "volunteer_id": self.secret.id,
            "hours": 2.0, "date": "2026-03-05",
            "description": "Helped %s" % self.secret.name})
        Activity = self.env["community.volunteer.activity"].sudo(
            self.community_clerk.id)
        self.assertNoSecret(
            Activity.search_read([], ["volunteer_id", "description"]),
            self.secrets, "volunteer records")
        self.assertNoSecret(
            Activity.read_group([], ["volunteer_id"], ["volunteer_id"]),
            self.secrets, "volunteer read_group")
        self.assertFalse(Activity.search(
            [("volunteer_id.name", "=", self.secret.name)]))

    def test_community_clerk_ledger_xlsx(self):
        report = self.env.ref(LEDGER).sudo(self.community_clerk.id)
        with self.assertRaises(AccessError):
            report.render_xlsx(self.community_a2.ids, {})
        with self.assertRaises(AccessError):
            self.env.ref(
                "community_base.community_household_ledger_xlsx").sudo(
                self.community_clerk.id).render_xlsx(
                    self.household_a2.ids, {})
        content, _kind = report.render_xlsx(self.community_a1.ids, {})
        text = workbook_text(content)
        self.assertIn(self.resident_a1.name, text)
        self.assertNoSecret(text, self.secrets, "ledger xlsx")

    def test_street_clerk_of_other_street_ledger_xlsx(self):
        report = self.env.ref(LEDGER).sudo(self.street_clerk_b.id)
        with self.assertRaises(AccessError):
            report.render_xlsx(self.community_a2.ids, {})
        content, _kind = report.render_xlsx(self.community_b1.ids, {})
        self.assertNotIn(self.secret.name, workbook_text(content))
        self.assertIn(self.secret_b.name, workbook_text(content))

    def test_community_clerk_attachments_of_other_residents(self):
        Attachment = self.env["ir.attachment"].sudo(self.community_clerk.id)
        for domain in ([("res_model", "=", "community.resident")],
                       [("res_id", "=", self.secret.id)],
                       [("name", "=", "secret-scan.txt")]):
            self.assertNotIn(self.attachment, Attachment.search(domain))
        with self.assertRaises(AccessError):
            Attachment.browse(self.attachment.id).read(["datas", "name"])

    def test_community_clerk_chatter_of_other_residents(self):
        Message = self.env["mail.message"].sudo(self.community_clerk.id)
        self.assertNotIn(self.message, Message.search(
            [("model", "=", "community.resident")]))
        self.assertNoSecret(
            Message.search_read([], ["body", "record_name"]),
            self.secrets, "mail.message search_read")
        with self.assertRaises(AccessError):
            Message.browse(self.message.id).read(["body"])
        with self.assertRaises(AccessError):
            Message.browse(self.message.id).message_format()

    def test_community_clerk_import_errors_of_other_community(self):
        Error = self.env["community.ledger.import.error"].sudo(
            self.community_clerk.id)
        self.assertNoSecret(
            Error.search_read([], ["reason", "import_id"]),
            self.secrets, "import errors")
        with self.assertRaises(AccessError):
            self.env["community.ledger.import"].sudo(
                self.community_clerk.id).browse(
                    self.secret_import.id).read(["name"])

    def test_community_clerk_dashboard_figures_and_drill_down(self):
        kpi = self.env["community.kpi"].create({
            "name": "Test residents (leaks)",
            "model_id": self.env.ref(
                "community_base.model_community_resident").id,
            "domain": "[]",
        })
        residents = self.env["community.resident"].sudo(
            self.community_clerk.id).search([])
        as_clerk = kpi.sudo(self.community_clerk.id)
        self.assertEqual(as_clerk.read(["value"])[0]["value"],
                         float(len(residents)))
        action = as_clerk.action_open_records()
        found = self.env[action["res_model"]].sudo(
            self.community_clerk.id).search(action["domain"])
        self.assertEqual(found, residents)
        self.assertNotIn(self.secret, found)

    def test_report_pack_of_another_street(self):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True).create(
                {"company_id": self.street_a.id, "month": "2026-11-01"})
        pack.action_generate()
        self.assertEqual(pack.state, "done")
        attachments = pack.attachment_ids | pack.attachment_id
        self.assertTrue(attachments)
        for user in (self.street_clerk_b, self.community_clerk):
            Pack = self.env["community.report.pack"].sudo(user.id)
            self.assertNotIn(pack, refused(Pack.search, []) or Pack)
            with self.assertRaises(AccessError):
                Pack.browse(pack.id).read(["datas"])
            with self.assertRaises(AccessError):
                attachments.sudo(user.id).read(["datas"])
        # and what the street's own readers get holds no resident at all
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(
            pack.attachment_id.datas)))
        text = "\n".join(str(cell) for sheet in book.worksheets
                         for row in sheet.iter_rows(values_only=True)
                         for cell in row if cell is not None)
        self.assertNoSecret(text, self.secrets, "report pack")

    # -- personal data of the residents a non-clerk may see -----------------

    def test_leader_never_gets_raw_personal_data(self):
        self.personal_data_hidden(self.leader, self.resident_a1)

    def test_clerks_keep_the_raw_personal_data(self):
        Resident = self.env["community.resident"].sudo(
            self.community_clerk.id)
        values = Resident.browse(self.resident_a1.id).read(
            ["id_number", "phone", "birth_date"])[0]
        self.assertEqual(values["id_number"], self.resident_a1.id_number)
        self.assertEqual(values["birth_date"], "1949-12-31")
        self.assertEqual(Resident.search(
            [("id_number", "=", self.resident_a1.id_number)]),
            self.resident_a1)
        groups = Resident.read_group(
            [], ["birth_date"], ["birth_date:year"])
        self.assertEqual(len(groups), 2)

    def test_leader_groups_by_age_fields_refused_with_a_reason(self):
        Resident = self.env["community.resident"].sudo(self.leader.id)
        with self.assertRaisesRegex(AccessError, "only the roles"):
            Resident.read_group([], ["birth_date"], ["birth_date:year"])
        with self.assertRaisesRegex(AccessError, "only the roles"):
            Resident.read_group(
                [("id_number", "like", "110105")], ["community_id"],
                ["community_id"])
        # the age stays for every role, searchable too
        record = Resident.browse(self.resident_a1.id)
        self.assertGreaterEqual(record.age, 76)
        self.assertIn(record, Resident.search([("age", ">=", 70)]))

    def test_leader_ledger_xlsx_has_masks_and_no_birth_dates(self):
        report = self.env.ref(LEDGER).sudo(self.leader.id)
        content, _kind = report.render_xlsx(self.community_a1.ids, {})
        text = workbook_text(content)
        raw = self.resident_a1
        self.assertIn(raw.id_number_masked, text)
        self.assertNoSecret(
            text, [raw.id_number, raw.phone, "1949-12-31"], "leader ledger")
        rows = list(openpyxl.load_workbook(io.BytesIO(content)).worksheets[
            1].iter_rows(values_only=True))
        header = rows[1]
        for row in rows[2:-1]:
            self.assertIsNone(row[3], "birth date column: %s" % (header,))
            if row[1] == raw.name:
                self.assertGreaterEqual(row[4], 76)

    def test_ledger_import_file_errors_and_failure_are_for_clerks(self):
        ledger_import = self.env["community.ledger.import"].create({
            "community_id": self.community_a1.id,
            "file": base64.b64encode(b"PK workbook with 11010519491231"),
            "filename": "ledger.xlsx",
        })
        ledger_import.write({"failure": "Key (id_number)=(%s) exists" % (
            self.resident_a1.id_number)})
        self.env["community.ledger.import.error"].create({
            "import_id": ledger_import.id, "sheet": "居民", "row": 2,
            "column": "身份证号", "code": "id_exists",
            "reason": "ID number %s" % self.resident_a1.id_number,
        })
        file_attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "community.ledger.import"),
            ("res_id", "=", ledger_import.id), ("res_field", "=", "file")])
        self.assertTrue(file_attachment)
        leader_import = ledger_import.sudo(self.leader.id)
        values = leader_import.read()[0]
        self.assertNotIn("file", values)
        self.assertNotIn("failure", values)
        self.assertNoSecret(values, [self.resident_a1.id_number],
                            "import read")
        for fname in ("file", "failure"):
            with self.assertRaises(AccessError):
                leader_import.read([fname])
        with self.assertRaises(AccessError):
            leader_import.error_ids.read(["reason"])
        self.assertEqual(leader_import.error_ids.read(["row"])[0]["row"], 2)
        # nor may the leader probe the reasons by a search
        with self.assertRaises(AccessError):
            self.env["community.ledger.import.error"].sudo(
                self.leader.id).search(
                    [("reason", "ilike", self.resident_a1.id_number)])
        # the file's attachment follows the field, not only the record
        with self.assertRaises(AccessError):
            file_attachment.sudo(self.leader.id).read(["datas"])
        # the clerk who imports keeps all three
        clerk_import = ledger_import.sudo(self.community_clerk.id)
        self.assertTrue(clerk_import.read(["file", "failure"])[0]["file"])
        self.assertTrue(file_attachment.sudo(self.community_clerk.id).read(
            ["datas"])[0]["datas"])
        self.assertIn(self.resident_a1.id_number,
                      clerk_import.error_ids.read(["reason"])[0]["reason"])
        # and the leader's form shows neither the file nor the reasons
        view = leader_import.fields_view_get(view_type="form")
        self.assertNotIn("file", view["fields"])
        self.assertNotIn("failure", view["fields"])

    def test_every_private_field_is_guarded_and_untracked(self):
        """Each stored field of the community_* addons that only some roles
        read belongs to a model that refuses searches, groupings and sorts
        by it, and is not tracked: a tracking value would copy the raw value
        into the chatter, readable by every follower."""
        prefixes = ("community.", "grid.", "finance.", "eval.")
        checked = []
        for name in self.env.registry:
            model = self.env[name]
            if not name.startswith(prefixes) or model._abstract:
                continue
            ancestors = [cls._name for cls in type(model).__mro__
                         if getattr(cls, "_name", None)]
            for spec in model._fields.values():
                if not spec.groups or not spec.store or spec.type in (
                        "binary", "one2many", "many2many"):
                    continue
                label = "%s.%s" % (name, spec.name)
                checked.append(label)
                self.assertIn("community.private.fields.mixin", ancestors,
                              label)
                self.assertFalse(
                    getattr(spec, "track_visibility", None), label)
        self.assertIn("community.resident.id_number", checked)
        self.assertIn("community.resident.phone", checked)
        self.assertIn("community.resident.birth_date", checked)
