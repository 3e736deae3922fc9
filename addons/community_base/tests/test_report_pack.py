# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import re
from unittest import mock

import openpyxl
import psycopg2

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CommunityCase

PACK = "odoo.addons.community_base.models.community_report_pack"
#: a word in Latin letters; units and codes such as "ID" may stay
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ALLOWED_WORDS = {"ID"}


class TestReportPack(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.resident_a2.residence_type = "floating"
        cls.resident_a1.care_group_ids = cls.env.ref(
            "community_base.care_group_elderly_alone")

    def new_pack(self, user=None, month="2026-11-17"):
        # English figures; the zh_CN sheet names come from the translations
        Pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US")
        if user:
            Pack = Pack.sudo(user)
        return Pack.create({"company_id": self.street_a.id, "month": month})

    def workbook(self, pack):
        return openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))

    def test_month_is_stored_as_its_first_day(self):
        pack = self.new_pack()
        self.assertEqual(pack.month, "2026-11-01")
        self.assertEqual(pack.name, "Test Street A report pack 2026-11")

    def test_street_clerk_builds_the_workbook(self):
        pack = self.new_pack(self.street_clerk)
        pack.action_generate()
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.progress, 100.0)
        book = self.workbook(pack)
        self.assertEqual(book.sheetnames[:2], ["Cover", "Population"])
        cover = book["Cover"]
        self.assertEqual(cover["B3"].value, "Test Street A")
        self.assertEqual(cover["B4"].value, "Test District")
        self.assertEqual(cover["B5"].value, "2026-11")
        self.assertEqual(cover["B6"].value, self.street_clerk.name)
        sheet = book["Population"]
        self.assertEqual(sheet["A1"].value, "Population by community")
        self.assertEqual(sheet["A2"].value, "Test Street A, 2026-11")
        self.assertEqual(sheet.freeze_panes, "B4")
        self.assertEqual(sheet.page_setup.orientation, "landscape")
        self.assertEqual(sheet.page_setup.paperSize, 9)
        rows = [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=4, max_row=6)]
        # community, compounds, buildings, households, residents,
        # registered, floating, in care groups, residents per household
        self.assertEqual(rows[0], ["Community A1", 1, 1, 2, 2, 2, 0, 1, 1])
        self.assertEqual(rows[1], ["Community A2", 1, 1, 1, 1, 0, 1, 0, 1])
        self.assertEqual(rows[2], ["Street total", 2, 2, 3, 3, 2, 1, 1, 1])
        self.assertIsNone(sheet.cell(row=7, column=1).value)

    def test_building_again_keeps_every_version(self):
        pack = self.new_pack(self.street_clerk)
        pack.action_generate()
        first = pack.attachment_id
        self.resident_a1_spouse.residence_type = "floating"
        pack.action_generate()
        self.assertNotEqual(pack.attachment_id, first)
        self.assertEqual(pack.attachment_ids, first | pack.attachment_id)
        population = self.workbook(pack)["Population"]
        self.assertEqual(population["G4"].value, 1)

    def test_one_pack_per_street_and_month(self):
        self.new_pack()
        with self.assertRaises(psycopg2.IntegrityError), \
                mute_logger("odoo.sql_db"):
            self.new_pack(month="2026-11-30")

    def test_failed_build_writes_nothing_and_can_run_again(self):
        pack = self.new_pack(self.street_clerk)
        with mock.patch(PACK + ".CommunityReportPack._sheet_population",
                        side_effect=ValueError("disk full")), \
                mute_logger(PACK):
            pack.action_generate()
        self.assertEqual(pack.state, "failed")
        self.assertIn("disk full", pack.error)
        self.assertFalse(pack.attachment_id)
        self.assertFalse(self.env["ir.attachment"].search([
            ("res_model", "=", pack._name), ("res_id", "=", pack.id)]))
        pack.action_generate()
        self.assertEqual(pack.state, "done")
        self.assertFalse(pack.error)

    def test_roles(self):
        pack = self.new_pack()
        pack.action_generate()
        # the leader reads, does not build
        self.assertEqual(pack.sudo(self.leader).state, "done")
        with self.assertRaises(AccessError):
            self.new_pack(self.leader, month="2026-10-01")
        # a community clerk has no pack, another street's clerk sees none
        with self.assertRaises(AccessError):
            pack.sudo(self.community_clerk).read(["name"])
        self.assertFalse(self.env["community.report.pack"].sudo(
            self.street_clerk_b).search([]))
        with self.assertRaises(AccessError):
            pack.sudo(self.street_clerk_b).read(["name"])

    def test_pack_is_written_in_the_language_of_its_requester(self):
        """Built by a zh_CN clerk, every sheet name, title and header is
        Chinese, also in the job, whose context carries the job runner's
        language (English), not the clerk's."""
        self.street_clerk.lang = "zh_CN"
        pack = self.new_pack(self.street_clerk)
        pack.with_context(lang="en_US").action_generate_job()
        self.assertEqual(pack.state, "done", pack.error)
        book = self.workbook(pack)
        self.assertIn("封面", book.sheetnames)
        texts = list(book.sheetnames)
        for sheet in book.worksheets:
            texts.append(sheet["A1"].value)
            if sheet.title == "封面":
                texts += [cell.value for cell in sheet["A"][2:]]
            else:
                texts += [cell.value for cell in sheet[3]]
                texts.append(sheet.cell(row=sheet.max_row, column=1).value)
        latin = [text for text in texts
                 if set(LATIN_WORD.findall(text or "")) - ALLOWED_WORDS]
        self.assertEqual(latin, [])
        self.assertIn("各社区人口统计", texts)
        self.assertIn("合计", texts)

    def test_pack_asked_in_english_is_written_in_english(self):
        self.street_clerk.lang = "zh_CN"
        pack = self.new_pack(self.street_clerk)
        pack.action_generate()
        self.assertEqual(self.workbook(pack).sheetnames[:2],
                         ["Cover", "Population"])
