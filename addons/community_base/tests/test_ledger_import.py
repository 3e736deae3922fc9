# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import shutil
import tempfile
from unittest import mock

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.community_base.models.community_ledger_import import (
    CommunityLedgerImport,
)
from odoo.addons.community_base.tools.ledger_workbook import build_template

from .common import CommunityCase
from .ledger_samples import good_rows, workbook_bytes


class LedgerImportCase(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.directory = tempfile.mkdtemp(prefix="ledger_import_test_")
        # the workbooks name care groups in Chinese; the zh_CN names of the
        # shipped groups may not be loaded in the test database
        cls.care_group = cls.env["community.care.group"].create({
            "name": "独居老人", "code": "test_elderly_alone"})

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory)
        super().tearDownClass()

    def new_import(self, data, user=None, community=None):
        user = user or self.community_clerk
        return self.env["community.ledger.import"].sudo(user.id).create({
            "community_id": (community or self.community_a1).id,
            "file": base64.b64encode(data),
            "filename": "ledger.xlsx",
        })

    def workbook(self, rows, **kwargs):
        return workbook_bytes(self.directory, rows, **kwargs)

    def register_counts(self, community=None):
        community = community or self.community_a1
        domain = [("community_id", "=", community.id)]
        return [self.env[model].search_count(domain) for model in (
            "community.compound", "community.building",
            "community.household", "community.resident")]

    def error_list(self, ledger_import):
        return [(error.sheet, error.row, error.code)
                for error in ledger_import.error_ids]


class TestLedgerImport(LedgerImportCase):

    def test_good_workbook_is_imported_with_its_counts(self):
        before = self.register_counts()
        ledger_import = self.new_import(self.workbook(good_rows(residents=4)))
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        self.assertEqual(
            [ledger_import.compound_created, ledger_import.building_created,
             ledger_import.household_created, ledger_import.resident_created],
            [1, 2, 2, 4])
        self.assertEqual(
            [after - old for after, old in zip(self.register_counts(),
                                               before)], [1, 2, 2, 4])
        self.assertEqual(ledger_import.rows_total, 9)
        self.assertEqual(ledger_import.progress, 100.0)
        self.assertFalse(ledger_import.error_ids)

    def test_imported_residents_carry_the_workbook_values(self):
        rows = good_rows(residents=2)
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        resident = self.env["community.resident"].search([
            ("id_number", "=", rows["居民"][0][1])])
        self.assertEqual(resident.community_id, self.community_a1)
        self.assertEqual(resident.relation, "head")
        self.assertEqual(resident.residence_type, "floating")
        self.assertEqual(resident.arrival_date, "2024-01-05")
        self.assertEqual(len(resident.care_group_ids), 1)
        self.assertIn(resident.care_group_ids, self.care_group | self.env.ref(
            "community_base.care_group_elderly_alone"))
        household = resident.household_id
        self.assertEqual(household.head_id, resident)
        self.assertEqual(household.member_count, 2)
        self.assertTrue(household.is_party_member)
        self.assertEqual(self.community_a1.resident_count, 4)

    def test_rows_may_refer_to_existing_compounds_and_buildings(self):
        household = ["Sunshine Garden", "Building 1", "2", "201", "租住户",
                     "否", "是"]
        resident = ["新居民", good_rows(1)["居民"][0][1], "",
                    "Sunshine Garden", "Building 1", "2", "201", "户主", "",
                    "户籍", "", "", ""]
        rows = {"户": [household], "居民": [resident]}
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        self.assertEqual(ledger_import.household_created, 1)
        self.assertEqual(self.building_a1.household_count, 3)

    def test_validate_checks_and_writes_nothing(self):
        before = self.register_counts()
        ledger_import = self.new_import(self.workbook(good_rows()))
        ledger_import.action_validate()
        self.assertEqual(ledger_import.state, "ready")
        self.assertEqual(self.register_counts(), before)

    def test_large_file_runs_as_a_job(self):
        ledger_import = self.new_import(self.workbook(good_rows(residents=6)))
        with mute_logger("odoo.addons.queue_job.models.base"):
            ledger_import.with_context(
                test_queue_job_no_delay=True,
                ledger_import_sync_row_limit=0).action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        self.assertEqual(ledger_import.resident_created, 6)

    def test_validated_large_file_goes_straight_to_the_job(self):
        ledger_import = self.new_import(self.workbook(good_rows(residents=2)))
        ledger_import.action_validate()
        with mute_logger("odoo.addons.queue_job.models.base"):
            ledger_import.with_context(
                test_queue_job_no_delay=True,
                ledger_import_sync_row_limit=1).action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)

    def test_new_file_resets_the_findings(self):
        rows = good_rows(residents=2)
        rows["居民"][0][0] = ""
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_validate()
        self.assertEqual(ledger_import.state, "error")
        ledger_import.write({"file": base64.b64encode(
            self.workbook(good_rows(residents=2)))})
        self.assertEqual(ledger_import.state, "draft")
        self.assertFalse(ledger_import.error_ids)
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)

    def test_job_of_an_import_not_started_does_nothing(self):
        ledger_import = self.new_import(self.workbook(good_rows()))
        before = self.register_counts()
        ledger_import.action_import_job()
        self.assertEqual(ledger_import.state, "draft")
        self.assertEqual(self.register_counts(), before)

    def test_failed_import_writes_nothing_and_can_be_retried(self):
        before = self.register_counts()
        ledger_import = self.new_import(self.workbook(good_rows(residents=4)))
        original = CommunityLedgerImport._set_heads

        def failing(self, *args):
            original(self, *args)
            # a test-only failure, not a message users see
            # pylint: disable=translation-required
            raise ValidationError("disk on fire")

        with mock.patch.object(CommunityLedgerImport, "_set_heads", failing):
            ledger_import.action_import()
        self.assertEqual(ledger_import.state, "failed")
        self.assertIn("disk on fire", ledger_import.failure)
        self.assertEqual(self.register_counts(), before)
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        self.assertFalse(ledger_import.failure)
        self.assertEqual(ledger_import.resident_created, 4)

    def test_template_is_offered_for_download(self):
        ledger_import = self.new_import(self.workbook(good_rows()))
        action = ledger_import.action_download_template()
        self.assertIn("template_file", action["url"])

        # the bytes carry the time the workbook was written: compare cells
        def cells(data):
            book = openpyxl.load_workbook(io.BytesIO(data))
            return {sheet.title: list(sheet.iter_rows(values_only=True))
                    for sheet in book.worksheets}

        self.assertEqual(cells(base64.b64decode(ledger_import.template_file)),
                         cells(build_template()))

    def test_progress_of_a_running_job_is_shown(self):
        ledger_import = self.new_import(self.workbook(good_rows(residents=4)))
        ledger_import.action_validate()
        ledger_import.sudo().write({"state": "importing"})
        self.env["community.job.progress"].create({
            "res_model": ledger_import._name, "res_id": ledger_import.id,
            "done": 3, "total": ledger_import.rows_total})
        ledger_import.invalidate_cache()
        self.assertEqual(ledger_import.rows_done, 3)
        self.assertAlmostEqual(ledger_import.progress, 100.0 * 3 / 9)

    def test_clerk_opens_the_import_menu(self):
        ledger_import = self.new_import(self.workbook(good_rows()))
        action = self.env.ref("community_base.community_ledger_import_action")
        self.assertEqual(self.open_action(action, self.community_clerk),
                         ledger_import)
        self.assertFalse(self.open_action(action, self.community_clerk_a2))

    def test_street_clerk_imports_into_any_community_of_the_street(self):
        ledger_import = self.new_import(
            self.workbook(good_rows()), user=self.street_clerk,
            community=self.community_a2)
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)


class TestLedgerImportRefusals(LedgerImportCase):

    def test_bad_rows_are_reported_and_nothing_is_written(self):
        before = self.register_counts()
        rows = good_rows(residents=6)
        good_id = rows["居民"][0][1]
        rows["居民"][0][1] = good_id[:17] + ("1" if good_id[17] != "1" else "2")
        rows["居民"][3][1] = rows["居民"][1][1]
        rows["居民"][4][11] = "2024-02-30"
        rows["居民"][5][0] = ""
        rows["户"].append(["幸福小区", "7", "1", "701", "户籍户", "否", "否"])
        rows["楼栋"].append(["不存在小区", "1", "", 1, 1])
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "error")
        self.assertEqual(self.error_list(ledger_import), [
            ("居民", 2, "bad_id_checksum"),
            ("居民", 6, "bad_date"),
            ("居民", 7, "required"),
            ("楼栋", 4, "unknown_compound"),
            ("户", 5, "unknown_building"),
            ("居民", 5, "duplicate_id"),
        ])
        reasons = ledger_import.error_ids.mapped("reason")
        self.assertIn("GB 11643", reasons[0])
        self.assertIn("2024-02-30", reasons[1])
        self.assertEqual(ledger_import.error_ids[0].column, "身份证号 (B)")
        self.assertEqual(self.register_counts(), before)

    def test_id_number_already_in_the_street_is_refused(self):
        rows = good_rows(residents=2)
        rows["居民"][1][1] = self.resident_a2.sudo().id_number
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        self.assertEqual(self.error_list(ledger_import),
                         [("居民", 3, "id_exists")])

    def test_id_number_of_another_street_is_accepted(self):
        rows = good_rows(residents=2)
        rows["居民"][1][1] = self.resident_b1.sudo().id_number
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)

    def test_not_a_workbook_is_refused(self):
        ledger_import = self.new_import(b"PK\x03\x04 this is not a workbook")
        ledger_import.action_import()
        self.assertEqual(self.error_list(ledger_import),
                         [(False, 0, "not_xlsx")])
        self.assertIn(".xlsx", ledger_import.error_ids.reason)

    def test_wrong_sheets_and_missing_headers_are_refused(self):
        ledger_import = self.new_import(self.workbook(
            good_rows(), sheet_names=["小区", "楼栋", "户"]))
        ledger_import.action_validate()
        self.assertEqual(self.error_list(ledger_import),
                         [("居民", 0, "missing_sheet")])
        ledger_import = self.new_import(self.workbook(
            {}, headers={"户": ["小区名称", "楼栋号", "单元", "户类型"]}))
        ledger_import.action_validate()
        self.assertEqual(self.error_list(ledger_import),
                         [("户", 1, "missing_header")])
        self.assertIn("室", ledger_import.error_ids.reason)

    def test_ten_thousand_character_cell_is_refused(self):
        rows = good_rows(residents=1)
        rows["楼栋"][0][2] = "路" * 10000
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        self.assertEqual(self.error_list(ledger_import),
                         [("楼栋", 2, "too_long")])

    def test_duplicate_rows_are_refused(self):
        rows = good_rows(residents=2)
        rows["居民"].append(list(rows["居民"][0]))
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_import()
        self.assertEqual(self.error_list(ledger_import), [
            ("居民", 4, "duplicate_id"), ("居民", 4, "two_heads")])

    def test_empty_workbook_is_refused(self):
        ledger_import = self.new_import(build_template())
        ledger_import.action_import()
        self.assertEqual(self.error_list(ledger_import),
                         [(False, 0, "empty")])

    def test_finished_import_cannot_run_again(self):
        ledger_import = self.new_import(self.workbook(good_rows()))
        ledger_import.action_import()
        with self.assertRaises(UserError):
            ledger_import.action_import()

    def test_community_clerk_cannot_import_into_another_community(self):
        with self.assertRaises(AccessError):
            self.new_import(self.workbook(good_rows()),
                            community=self.community_a2)
        other = self.new_import(self.workbook(good_rows()),
                                user=self.street_clerk,
                                community=self.community_a2)
        with self.assertRaises(AccessError):
            other.sudo(self.community_clerk.id).action_import()
        self.assertEqual(other.state, "draft")

    def test_street_clerk_cannot_import_into_another_street(self):
        with self.assertRaises(AccessError):
            self.new_import(self.workbook(good_rows()),
                            user=self.street_clerk,
                            community=self.community_b1)

    def test_leader_cannot_import(self):
        with self.assertRaises(AccessError):
            self.new_import(self.workbook(good_rows()), user=self.leader)
