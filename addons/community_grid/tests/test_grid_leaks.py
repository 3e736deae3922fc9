# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError

from odoo.addons.community_base.tests.common import make_id_number
from odoo.addons.community_base.tests.leak_checks import (
    LeakChecks,
    refused,
    workbook_text,
)

from .case_common import MONDAY, CaseLoopCase


class TestGridLeaks(LeakChecks, CaseLoopCase):
    """A grid officer reaches the residents of their own grids only, through
    every channel of the grid addon (grids, visits, cases, their chatter and
    attachments, the case and visit workbooks); neither the officer nor a
    case handler ever gets a raw phone or ID number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls._create_resident(
            "Secretgrid Sun A2", cls.household_a2,
            make_id_number("110106", "19880808", "593"),
            relation="child", phone="13755500093")
        cls.secret_b = cls._create_resident(
            "Secretgrid Wu B1", cls.household_b1,
            make_id_number("110108", "19550505", "604"),
            relation="child", phone="13755500104")
        cls.secrets = [cls.secret.name, cls.secret.id_number,
                       cls.secret.phone, cls.secret_b.name,
                       cls.secret_b.id_number, cls.secret_b.phone]
        cls.secret_case = cls._create_case(
            household_id=cls.household_a2.id,
            reporter_resident_id=cls.secret.id,
            reporter_name=cls.secret.name,
            reporter_phone=cls.secret.phone,
            description="<p>%s reports a leak</p>" % cls.secret.name)
        cls.secret_case.handler_user_id = cls.handler_2
        cls.secret_message = cls.secret_case.message_post(
            body="Called %s on %s" % (cls.secret.name, cls.secret.phone),
            message_type="comment", subtype="mail.mt_comment")
        cls.secret_attachment = cls.env["ir.attachment"].create({
            "name": "secret-photo.txt", "datas_fname": "secret-photo.txt",
            "res_model": "grid.case", "res_id": cls.secret_case.id,
            "datas": base64.b64encode(cls.secret.name.encode()),
        })
        cls.secret_visit = cls._create_visit(
            cls.grid_officer_2, cls.household_a2, "2026-03-02",
            resident_ids=[(6, 0, cls.secret.ids)],
            findings="Met %s" % cls.secret.name)
        # what the officer of grid A1 and the handler may see
        cls.own_case = cls._create_case(
            reporter_resident_id=cls.resident_a1.id,
            reporter_name=cls.resident_a1.name,
            reporter_phone=cls.resident_a1.phone)
        cls.own_case.handler_user_id = cls.handler
        cls.own_visit = cls._create_visit(
            cls.grid_officer, cls.household_a1, "2026-03-02",
            resident_ids=[(6, 0, cls.resident_a1.ids)])

    # -- residents of other grids --------------------------------------------

    def test_grid_officer_orm_channels_on_residents(self):
        for secret in (self.secret, self.secret_b):
            self.resident_channels(self.grid_officer, secret, self.secrets)

    def test_grid_officer_grids_reach_own_residents_only(self):
        Grid = self.env["grid.grid"].sudo(self.grid_officer.id)
        grids = Grid.search([])
        self.assertEqual(grids, self.grid_a1)
        self.assertNoSecret(grids.read(), self.secrets, "grid read")
        self.assertNoSecret(
            grids.export_data(["name", "household_ids/name",
                               "household_ids/resident_ids/name"])["datas"],
            self.secrets, "grid export")
        self.assertNoSecret(
            Grid.read_group([], ["community_id", "resident_count"],
                            ["community_id"]),
            self.secrets, "grid read_group")
        with self.assertRaises(AccessError):
            Grid.browse(self.grid_a2.id).read(["household_ids"])
        Household = self.env["community.household"].sudo(self.grid_officer.id)
        self.assertEqual(Household.search([]),
                         self.household_a1 | self.household_a1b)
        self.assertFalse(Household.search(
            [("resident_ids.name", "=", self.secret.name)]))

    def test_grid_officer_cases_of_other_grids(self):
        Case = self.env["grid.case"].sudo(self.grid_officer.id)
        cases = Case.search([])
        self.assertIn(self.own_case, cases)
        self.assertNotIn(self.secret_case, cases)
        self.assertNoSecret(cases.read(), self.secrets, "case read")
        self.assertNoSecret(
            Case.name_search(self.secret.name), self.secrets,
            "case name_search")
        self.assertFalse(Case.search(
            [("reporter_resident_id.name", "=", self.secret.name)]))
        self.assertFalse(Case.search(
            [("reporter_name", "=", self.secret.name)]))
        for groupby in (["reporter_resident_id"], ["household_id"],
                        ["reporter_name"], ["grid_id", "household_id"]):
            for lazy in (True, False):
                self.assertNoSecret(
                    Case.read_group([], groupby, groupby, lazy=lazy),
                    self.secrets, "case read_group %s" % groupby)
        self.assertNoSecret(
            cases.export_data(["name", "reporter_name",
                               "reporter_resident_id/name",
                               "household_id/name"])["datas"],
            self.secrets, "case export")
        with self.assertRaises(AccessError):
            Case.browse(self.secret_case.id).read(["reporter_name"])

    def test_grid_officer_visits_of_other_grids(self):
        Visit = self.env["grid.visit"].sudo(self.grid_officer.id)
        self.assertNoSecret(
            Visit.search_read([], ["findings", "resident_ids",
                                   "household_id"]),
            self.secrets, "visit search_read")
        self.assertNoSecret(
            Visit.read_group([], ["household_id"], ["household_id"]),
            self.secrets, "visit read_group")
        self.assertFalse(Visit.search(
            [("resident_ids.name", "=", self.secret.name)]))
        with self.assertRaises(AccessError):
            Visit.browse(self.secret_visit.id).read(["findings"])

    def test_grid_officer_chatter_and_attachments_of_other_grids(self):
        for user in (self.grid_officer, self.handler):
            Message = self.env["mail.message"].sudo(user.id)
            self.assertNotIn(self.secret_message, Message.search(
                [("model", "=", "grid.case")]))
            self.assertNoSecret(
                Message.search_read([("model", "=", "grid.case")],
                                    ["body", "record_name"]),
                self.secrets, "case chatter")
            with self.assertRaises(AccessError):
                self.secret_message.sudo(user.id).message_format()
            Follower = self.env["mail.followers"].sudo(user.id)
            self.assertNoSecret(
                refused(Follower.search_read,
                        [("res_model", "=", "grid.case")],
                        ["res_id", "partner_id"]) or [],
                [self.secret.name], "case followers")
            Attachment = self.env["ir.attachment"].sudo(user.id)
            self.assertNotIn(self.secret_attachment, Attachment.search(
                [("res_model", "=", "grid.case")]))
            with self.assertRaises(AccessError):
                self.secret_attachment.sudo(user.id).read(["datas"])

    def test_grid_officer_case_and_visit_workbooks(self):
        report = self.env.ref("community_grid.grid_case_list_xlsx").sudo(
            self.grid_officer.id)
        with self.assertRaises(AccessError):
            report.render_xlsx(self.secret_case.ids, {})
        cases = self.env["grid.case"].sudo(self.grid_officer.id).search([])
        content, _kind = report.render_xlsx(cases.ids, {})
        text = workbook_text(content)
        self.assertNoSecret(
            text, self.secrets + [self.resident_a1.phone], "case list xlsx")
        self.assertIn(self.own_case.name, text)
        rows = self.env["grid.visit.report"].sudo(
            self.grid_officer.id).search([])
        if rows:
            content, _kind = self.env.ref(
                "community_grid.grid_visit_statistics_xlsx").sudo(
                self.grid_officer.id).render_xlsx(rows.ids, {})
            self.assertNoSecret(workbook_text(content), self.secrets,
                                "visit xlsx")

    # -- the personal data of the residents they may see ----------------------

    def test_grid_officer_never_gets_raw_personal_data(self):
        self.personal_data_hidden(self.grid_officer, self.resident_a1)

    def test_reporter_phone_hidden_from_officer_and_handler(self):
        phone = self.resident_a1.phone
        for user in (self.grid_officer, self.handler):
            Case = self.env["grid.case"].sudo(user.id)
            case = Case.browse(self.own_case.id)
            with self.assertRaises(AccessError, msg=user.login):
                case.read(["reporter_phone"])
            values = case.read()[0]
            self.assertNotIn("reporter_phone", values)
            self.assertNoSecret(values, [phone], "case read")
            self.assertEqual(values["reporter_phone_masked"], "138****5678")
            with self.assertRaises(AccessError, msg=user.login):
                Case.search([("reporter_phone", "=", phone)])
            with self.assertRaises(AccessError, msg=user.login):
                Case.search([], order="reporter_phone")
            with self.assertRaises(AccessError, msg=user.login):
                Case.read_group([], ["reporter_phone"], ["reporter_phone"])
            with self.assertRaises(AccessError, msg=user.login):
                Case.read_group([("reporter_phone", "like", "138")],
                                ["state"], ["state"])
            with self.assertRaises(AccessError, msg=user.login):
                case.export_data(["reporter_phone"])
            view = Case.fields_view_get(view_type="form")
            self.assertNotIn("reporter_phone", view["fields"])

    def test_case_handler_reads_no_resident(self):
        Resident = self.env["community.resident"].sudo(self.handler.id)
        self.assertIsNone(refused(Resident.search, []))
        with self.assertRaises(AccessError):
            Resident.browse(self.resident_a1.id).read(["name"])
        # the case names its reporter, nothing more
        values = self.own_case.sudo(self.handler.id).read(
            ["reporter_resident_id", "reporter_phone_masked"])[0]
        self.assertEqual(values["reporter_resident_id"][1],
                         self.resident_a1.name)
        self.assertNoSecret(values, [self.resident_a1.id_number,
                                     self.resident_a1.phone], "handler")

    def test_clerk_changing_the_phone_writes_no_raw_value_in_chatter(self):
        case = self.own_case.with_context(tracking_disable=False).sudo(
            self.street_clerk.id)
        case.write({"reporter_phone": "13900000001",
                    "reporter_name": "Wang (tracked)",
                    "date_reported": MONDAY})
        tracked = self.env["mail.tracking.value"].search(
            [("mail_message_id.res_id", "=", case.id),
             ("mail_message_id.model", "=", "grid.case")])
        self.assertNoSecret(
            tracked.read(["old_value_char", "new_value_char"]),
            ["13900000001", self.resident_a1.phone], "tracking values")
