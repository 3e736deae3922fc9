# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, ValidationError

from ..tools import demo_workers, street_time
from .common import CommunityCase, make_id_number


class WorkerCase(CommunityCase):
    """Street A: community A1 with 700 households and 2 full-time workers
    (one a committee member who is also party secretary), A2 with 3
    households and none; street B: B1 with one worker. The community clerk
    works in A1, ``community_clerk_a2`` in A2."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        # the terms end on the street's days (Asia/Shanghai), not the server's
        cls.today = fields.Date.from_string(
            street_time.street_today(cls.env, cls.street_a))
        Worker = cls.env["community.worker"]
        cls.worker_a1 = Worker.create({
            "name": "Zhao Min", "community_id": cls.community_a1.id,
            "category": "committee",
            "id_number": make_id_number("110105", "19800315", "012"),
            "phone": "13911112222", "monthly_pay": 5200.0,
            "qualification": "social_worker",
            "user_id": cls.community_clerk.id})
        cls.worker_a1_hired = Worker.create({
            "name": "Qian Hong", "community_id": cls.community_a1.id,
            "category": "hired", "phone": "13933334444"})
        cls.worker_a1_grid = Worker.create({
            "name": "Sun Gang", "community_id": cls.community_a1.id,
            "category": "grid_officer"})
        cls.worker_b1 = Worker.create({
            "name": "Zhou Li", "community_id": cls.community_b1.id,
            "category": "hired",
            "id_number": make_id_number("110108", "19750101", "021"),
            "phone": "13755556666"})

    @classmethod
    def _day(cls, offset):
        return fields.Date.to_string(cls.today + timedelta(days=offset))


class TestWorkerRoster(WorkerCase):

    def test_id_number_fills_birth_date_and_gender(self):
        self.assertEqual(self.worker_a1.birth_date, "1980-03-15")
        # the 17th digit (2) is even: a woman
        self.assertEqual(self.worker_a1.gender, "female")

    def test_invalid_id_number_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["community.worker"].create({
                "name": "Wrong", "community_id": self.community_a1.id,
                "id_number": "110105198003150000"})

    def test_concurrent_posts_flag_and_filter(self):
        Post = self.env["community.worker.post"]
        Post.create({"worker_id": self.worker_a1.id, "post": "director",
                     "date_start": self._day(-100)})
        self.assertFalse(self.worker_a1.holds_concurrent_posts)
        secretary = Post.create({
            "worker_id": self.worker_a1.id, "post": "party_secretary",
            "date_start": self._day(-100)})
        self.assertTrue(self.worker_a1.holds_concurrent_posts)
        found = self.env["community.worker"].search(
            [("holds_concurrent_posts", "=", True)])
        self.assertEqual(found, self.worker_a1)
        secretary.action_end_term()
        self.assertFalse(secretary.active)
        self.assertFalse(self.worker_a1.holds_concurrent_posts)

    def test_cron_archives_ended_terms(self):
        Post = self.env["community.worker.post"]
        ending = Post.create({
            "worker_id": self.worker_a1_hired.id, "post": "committee_member",
            "date_start": self._day(-400), "date_end": self._day(0)})
        running = Post.create({
            "worker_id": self.worker_a1.id, "post": "director",
            "date_start": self._day(-400), "date_end": self._day(30)})
        self.assertTrue(ending.active)
        # tomorrow the term of ``ending`` has passed
        archived = Post._archive_ended_terms(today=self._day(1))
        self.assertEqual(archived, ending)
        self.assertFalse(ending.active)
        self.assertTrue(running.active)

    def test_post_entered_with_ended_term_is_archived(self):
        post = self.env["community.worker.post"].create({
            "worker_id": self.worker_a1.id, "post": "deputy_director",
            "date_start": self._day(-800), "date_end": self._day(-1)})
        self.assertFalse(post.active)
        with self.assertRaises(ValidationError):
            post.write({"active": True})

    def test_training_hours_this_year(self):
        Training = self.env["community.worker.training"]
        today = self.today
        for day, hours in ((today.replace(month=1, day=2), 6.0),
                           (today, 2.5),
                           (today.replace(year=today.year - 1), 40.0)):
            Training.create({"worker_id": self.worker_a1.id,
                             "date": fields.Date.to_string(day),
                             "subject": "Case work", "hours": hours})
        self.assertEqual(self.worker_a1.training_hours_year, 8.5)
        with self.assertRaises(ValidationError):
            Training.create({"worker_id": self.worker_a1.id,
                             "subject": "Nothing", "hours": 0})


class TestWorkerStaffing(WorkerCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 700 households in A1 (2 already), 3 in A2 (1 already)
        Household = cls.env["community.household"]
        for index in range(698):
            Household.create({"building_id": cls.building_a1.id,
                              "unit": "9", "room": "%04d" % index})
        for index in range(2):
            Household.create({"building_id": cls.building_a2.id,
                              "unit": "8", "room": "%04d" % index})

    def _row(self, community):
        # the view's rows are computed by the database: forget the cache
        self.env["community.staffing.report"].invalidate_cache()
        return self.env["community.staffing.report"].search(
            [("community_id", "=", community.id)])

    def test_households_per_worker_on_known_numbers(self):
        row = self._row(self.community_a1)
        self.assertEqual(row.household_count, 700)
        # the committee member and the hired worker; not the grid officer
        self.assertEqual(row.worker_count, 2)
        self.assertEqual(row.households_per_worker, 350.0)
        self.assertEqual(row.norm, 300)
        self.assertEqual(row.workers_needed, 3)
        self.assertTrue(row.below_norm)
        # a third worker meets the norm of 300
        self.env["community.worker"].create({
            "name": "Wu Jing", "community_id": self.community_a1.id,
            "category": "party_committee"})
        row = self._row(self.community_a1)
        self.assertEqual(row.worker_count, 3)
        self.assertAlmostEqual(row.households_per_worker, 233.3, places=1)
        self.assertFalse(row.below_norm)
        # a stricter norm of 250 households per worker asks for a fourth
        self.street_a.worker_households_norm = 250
        row = self._row(self.community_a1)
        self.assertEqual(row.workers_needed, 3)
        self.street_a.worker_households_norm = 200
        row = self._row(self.community_a1)
        self.assertEqual(row.workers_needed, 4)
        self.assertTrue(row.below_norm)

    def test_community_without_worker_is_below_the_norm(self):
        row = self._row(self.community_a2)
        self.assertEqual(row.household_count, 3)
        self.assertEqual(row.worker_count, 0)
        self.assertEqual(row.households_per_worker, 3.0)
        self.assertTrue(row.below_norm)

    def test_norm_must_be_positive(self):
        with self.assertRaises(ValidationError):
            self.street_a.worker_households_norm = 0

    def test_vacant_key_posts(self):
        self.assertEqual(self._row(self.community_a1).vacant_post_count, 2)
        self.env["community.worker.post"].create({
            "worker_id": self.worker_a1.id, "post": "director",
            "date_start": self._day(-10)})
        self.assertEqual(self._row(self.community_a1).vacant_post_count, 1)
        # a post starting next month is not held yet
        self.env["community.worker.post"].create({
            "worker_id": self.worker_a1_hired.id, "post": "party_secretary",
            "date_start": self._day(30)})
        self.assertEqual(self._row(self.community_a1).vacant_post_count, 1)

    def test_monthly_pack_sheet(self):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(
                self.street_clerk).create({
                    "company_id": self.street_a.id, "month": "2026-11-01"})
        pack.action_generate()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))
        sheet = book["Staffing"]
        self.assertEqual(sheet["A1"].value,
                         "Community workers against the staffing norm")
        rows = [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=4, max_row=6)]
        # A1: 700 households, 2 workers, 350 per worker, norm 300, 3
        # needed, 1 missing, both key posts vacant; then A2, then totals
        self.assertEqual(rows[0], ["Community A1", 700, 2, 350.0, 300, 3, 1,
                                   2])
        self.assertEqual(rows[1], ["Community A2", 3, 0, None, 300, 1, 1, 2])
        self.assertEqual(rows[2][1:4], [703, 2, 351.5])
        self.assertEqual(rows[2][6:], [2, 4])

    def test_clerk_reads_own_communities_rows_only(self):
        rows = self.env["community.staffing.report"].sudo(
            self.community_clerk).search([])
        self.assertEqual(rows.mapped("community_id"), self.community_a1)


class TestWorkerAccess(WorkerCase):

    def test_clerk_of_another_community_cannot_read(self):
        Worker = self.env["community.worker"].sudo(self.community_clerk_a2)
        self.assertFalse(Worker.search([("name", "=", "Zhao Min")]))
        with self.assertRaises(AccessError):
            self.worker_a1.sudo(self.community_clerk_a2).read(["name"])

    def test_clerk_reads_and_writes_own_with_personal_data(self):
        worker = self.worker_a1.sudo(self.community_clerk)
        self.assertEqual(worker.phone, "13911112222")
        self.assertEqual(worker.monthly_pay, 5200.0)
        worker.write({"phone": "13911110000"})
        self.assertEqual(worker.phone, "13911110000")
        self.assertEqual(
            worker.search([("phone", "=", "13911110000")]), worker)

    def test_clerk_cannot_create_in_another_community(self):
        with self.assertRaises(AccessError):
            self.env["community.worker"].sudo(self.community_clerk).create({
                "name": "Elsewhere", "community_id": self.community_a2.id})

    def test_street_clerk_reads_own_street_only(self):
        workers = self.env["community.worker"].sudo(self.street_clerk).search(
            [])
        self.assertIn(self.worker_a1, workers)
        self.assertNotIn(self.worker_b1, workers)

    def test_leader_reads_masks_and_cannot_write(self):
        worker = self.worker_a1.sudo(self.leader)
        values = worker.read(["name", "id_number_masked", "phone_masked"])[0]
        self.assertEqual(values["name"], "Zhao Min")
        self.assertEqual(values["id_number_masked"], "110105********0127"[
            :6] + "*" * 8 + self.worker_a1.id_number[-4:])
        self.assertNotIn("13911112222", values["phone_masked"])
        self.assertTrue(values["phone_masked"].endswith("2222"))
        for fname in ("id_number", "phone", "birth_date", "monthly_pay"):
            with self.assertRaises(AccessError):
                worker.read([fname])
        with self.assertRaises(AccessError):
            worker.write({"name": "Renamed"})

    def test_leader_cannot_search_group_or_sort_by_personal_data(self):
        Worker = self.env["community.worker"].sudo(self.leader)
        with self.assertRaises(AccessError):
            Worker.search([("id_number", "=", self.worker_a1.id_number)])
        with self.assertRaises(AccessError):
            Worker.search_count([("phone", "like", "139")])
        with self.assertRaises(AccessError):
            Worker.read_group([], ["monthly_pay"], ["phone"])
        with self.assertRaises(AccessError):
            Worker.search([], order="birth_date")
        with self.assertRaises(AccessError):
            Worker.search([("monthly_pay", ">", 5000)])
        # nor sum the pay of a community of one worker
        with self.assertRaises(AccessError):
            Worker.read_group([], ["community_id", "monthly_pay"],
                              ["community_id"])

    def test_leader_groups_the_list_by_community(self):
        """What the web client asks when the leader groups the roster."""
        Worker = self.env["community.worker"].sudo(self.leader)
        fnames = list(Worker.load_views([[False, "list"]])["fields_views"][
            "list"]["fields"])
        self.assertNotIn("id_number", fnames)
        groups = Worker.read_group([], fnames, ["community_id"])
        counts = {group["community_id"][0]: group["community_id_count"]
                  for group in groups}
        self.assertEqual(counts[self.community_a1.id], 3)
        self.assertNotIn(self.community_b1.id, counts)

    def test_leader_views_show_masks(self):
        Worker = self.env["community.worker"]
        arch = Worker.sudo(self.leader).fields_view_get(
            view_type="form")["arch"]
        self.assertIn("id_number_masked", arch)
        self.assertNotIn('name="id_number"', arch)
        arch = Worker.sudo(self.community_clerk).fields_view_get(
            view_type="form")["arch"]
        self.assertNotIn("id_number_masked", arch)
        self.assertIn('name="id_number"', arch)

    def test_roles_without_access_read_nothing(self):
        for user in (self.internal_user,):
            with self.assertRaises(AccessError):
                self.env["community.worker"].sudo(user).search([])
            with self.assertRaises(AccessError):
                self.env["community.worker.post"].sudo(user).search([])

    def test_chatter_does_not_track_personal_data(self):
        self.worker_a1.with_context(tracking_disable=False).write(
            {"phone": "13900001111", "category": "hired"})
        values = self.env["mail.tracking.value"].search([
            ("mail_message_id.res_id", "=", self.worker_a1.id),
            ("mail_message_id.model", "=", "community.worker")])
        self.assertEqual(values.mapped("field"), ["category"])

    def test_clerk_changes_are_audited_for_the_street_admin(self):
        """A worker's ID number and phone are audited like a resident's:
        the street administrator reads who changed what, old and new; the
        clerk who made the change reads no log."""
        self.worker_a1.sudo(self.community_clerk.id).write(
            {"phone": "13900002222"})
        domain = [("model_id.model", "=", "community.worker"),
                  ("res_id", "=", self.worker_a1.id), ("method", "=", "write")]
        log = self.env["auditlog.log"].sudo(self.street_admin.id).search(
            domain)
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.community_clerk)
        self.assertEqual(log.community_id, self.community_a1)
        line = log.line_ids.filtered(lambda line: line.field_name == "phone")
        self.assertEqual(line.old_value_text, "13911112222")
        self.assertEqual(line.new_value_text, "13900002222")
        with self.assertRaises(AccessError):
            self.env["auditlog.log"].sudo(self.community_clerk.id).search(
                domain)

    def test_user_and_resident_links(self):
        self.assertEqual(self.worker_a1.user_id, self.community_clerk)
        self.worker_a1_hired.resident_id = self.resident_a1
        self.assertEqual(self.worker_a1_hired.resident_id.name, "Wang Jianguo")


class TestWorkerDemo(CommunityCase):
    """The demo roster on the communities of street A, dated from a fixed
    day."""

    def test_demo_roster(self):
        today = fields.Date.from_string("2026-06-30")
        communities = self.community_a1 | self.community_a2
        first = demo_workers.load_workers_demo(
            self.env, demo_workers.rng(1), today, communities,
            users=self.community_clerk)
        self.assertEqual(set(first.mapped("community_id")), set(communities))
        # at least 3 full-time workers, grid officers and seconded staff
        for community in communities:
            mine = first.filtered(lambda w: w.community_id == community)
            self.assertGreaterEqual(len(mine.filtered(
                lambda w: w.category in ("committee", "party_committee",
                                         "hired"))), 3)
            self.assertTrue(mine.filtered(
                lambda w: w.category == "grid_officer"))
        elections = self.env["community.committee.election"].search(
            [("community_id", "in", communities.ids)])
        self.assertEqual(elections.mapped("state"), ["approved"] * 2)
        # the elected directors are in office, their term not ended
        directors = self.env["community.worker.post"].search([
            ("community_id", "in", communities.ids),
            ("post", "=", "director")])
        self.assertEqual(len(directors), 2)
        self.assertTrue(all(post.date_end > "2026-06-30"
                            for post in directors))
        self.assertEqual(first.filtered("user_id").user_id,
                         self.community_clerk)
        self.assertTrue(all(first.mapped("id_number")))
