# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register's batched write path, through the ledger import: what it
writes equals what the ORM computes, its queries do not grow with the rows,
and a failure half-way leaves nothing."""
from unittest import mock

from odoo.exceptions import ValidationError

from ..tools import bulk_register
from .ledger_samples import good_rows, make_id_number
from .test_ledger_import import LedgerImportCase

#: stored fields the bulk path writes instead of the models' create
CHECKED_FIELDS = {
    "community.compound": ["company_id", "building_count", "household_count",
                           "resident_count"],
    "community.building": ["community_id", "company_id", "household_count",
                           "resident_count"],
    "community.household": ["name", "compound_id", "community_id",
                            "company_id", "member_count", "head_id"],
    "community.resident": ["building_id", "compound_id", "community_id",
                           "company_id", "birth_date", "sex", "state",
                           "active", "care_group_ids"],
    "community.community": ["compound_count", "building_count",
                            "household_count", "resident_count"],
}


def rows_of(residents, prefix="", birth="19800101"):
    """``good_rows`` whose ID numbers are told apart by ``birth`` too, so
    that several imports fit in one street."""
    rows = good_rows(residents=residents, prefix=prefix)
    for index, row in enumerate(rows["居民"]):
        row[1] = make_id_number(index + 1, birth=birth)
    return rows


class TestBulkRegister(LedgerImportCase):

    def imported(self, residents, prefix="", birth="19800101"):
        ledger_import = self.new_import(self.workbook(
            rows_of(residents, prefix=prefix, birth=birth)))
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        return ledger_import

    def queries_of_an_import(self, residents, prefix, birth):
        ledger_import = self.new_import(self.workbook(
            rows_of(residents, prefix=prefix, birth=birth)))
        before = self.env.cr.sql_log_count
        ledger_import.action_import()
        self.assertEqual(ledger_import.state, "done", ledger_import.failure)
        return self.env.cr.sql_log_count - before

    def records_of(self, model):
        return self.env[model].with_context(active_test=False).search(
            [("community_id", "=", self.community_a1.id)])

    def snapshot(self):
        self.env.cache.invalidate()
        snapshot = {}
        for model, fnames in CHECKED_FIELDS.items():
            records = (self.community_a1 if model == "community.community"
                       else self.records_of(model))
            snapshot[model] = records.read(fnames)
        return snapshot

    def test_queries_do_not_grow_with_the_residents(self):
        few = self.queries_of_an_import(20, "A", "19700101")
        many = self.queries_of_an_import(300, "B", "19900101")
        # the ORM path issued about ten queries per record
        self.assertLess(many - few, 30, (few, many))
        self.assertLess(many, 200)

    def test_written_columns_equal_what_the_orm_computes(self):
        self.imported(10, prefix="A", birth="19700101")
        self.imported(300, prefix="B", birth="19900101")
        written = self.snapshot()
        for model, fnames in CHECKED_FIELDS.items():
            records = (self.community_a1 if model == "community.community"
                       else self.records_of(model))
            for fname in fnames:
                field = records._fields[fname]
                if field.compute and field.store:
                    self.env.add_todo(field, records)
        # else the values just read are written back from the cache
        self.env.cache.invalidate()
        # lower levels first: each count sums the one below
        for model in ("community.resident", "community.household",
                      "community.building", "community.compound",
                      "community.community"):
            self.env[model].recompute()
        self.assertEqual(self.snapshot(), written)
        community = self.community_a1
        self.assertEqual(community.resident_count, self.env[
            "community.resident"].search_count(
                [("community_id", "=", community.id),
                 ("state", "=", "living")]))

    def test_residents_get_birth_date_and_sex_from_their_id_number(self):
        self.imported(6)
        resident = self.env["community.resident"].search([
            ("id_number", "=", good_rows(6)["居民"][1][1])])
        self.assertEqual(resident.birth_date, "1980-01-01")
        # make_id_number(2): an even sequence is a woman
        self.assertEqual(resident.sex, "female")
        self.assertEqual(resident.building_id.name, "1")
        self.assertEqual(resident.company_id, self.community_a1.company_id)

    def test_records_are_credited_to_the_importing_user(self):
        self.imported(4)
        for model in ("community.compound", "community.building",
                      "community.household", "community.resident"):
            records = self.records_of(model).filtered(
                lambda record: record.create_date and record.create_uid
                == self.community_clerk)
            self.assertTrue(records, model)
        resident = self.env["community.resident"].search([
            ("id_number", "=", good_rows(4)["居民"][0][1])])
        self.assertEqual(resident.create_uid, self.community_clerk)
        self.assertEqual(resident.write_uid, self.community_clerk)
        self.assertEqual(resident.household_id.write_uid,
                         self.community_clerk)

    def test_failure_after_some_pages_leaves_nothing(self):
        before = self.register_counts()
        ledger_import = self.new_import(self.workbook(good_rows(residents=8)))
        original = bulk_register.BulkRegister.insert_residents
        calls = []

        def failing(bulk, rows, validate=False):
            calls.append(len(rows))
            if len(calls) == 2:
                # a test-only failure, not a message users see
                # pylint: disable=translation-required
                raise ValidationError("disk on fire")
            return original(bulk, rows, validate=validate)

        with mock.patch.object(type(ledger_import), "BATCH_SIZE", 3), \
                mock.patch.object(bulk_register.BulkRegister,
                                  "insert_residents", failing):
            ledger_import.action_import()
        self.assertEqual(calls, [3, 3])
        self.assertEqual(ledger_import.state, "failed")
        self.assertEqual(self.register_counts(), before)
        self.assertEqual(self.community_a1.resident_count,
                         self.env["community.resident"].search_count(
                             [("community_id", "=", self.community_a1.id),
                              ("state", "=", "living")]))
