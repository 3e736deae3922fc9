# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import shutil
import subprocess
import tempfile
from unittest import mock

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import config

from .common import CommunityCase


class InboundCase(CommunityCase):
    """Street A's communities A1 and A2, street B's B1; the statistics
    bureau's survey admitted in A1 for March to June 2026 (approved), a
    second department without anything admitted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({
            "name": "Test Statistics Bureau"})
        cls.department_2 = cls.env["hr.department"].create({
            "name": "Test Urban Management Bureau"})
        cls.request = cls.env["community.admission.request"].create({
            "name": "Economic census", "department_id": cls.department.id,
            "task_type": "survey", "legal_basis": "Statistics Law",
            "community_ids": [(6, 0, cls.community_a1.ids)],
            "company_id": cls.street_a.id,
            "date_start": "2026-03-01", "date_end": "2026-06-30"})
        cls.request.write({"state": "approved"})
        cls.Inbound = cls.env["community.task.inbound"]

    @classmethod
    def _inbound(cls, user=None, **values):
        vals = {"name": "Census forms", "kind": "form",
                "department_id": cls.department.id,
                "community_id": cls.community_a1.id,
                "date_received": "2026-04-10", "deadline": "2026-04-30",
                "effort_hours": 6.0}
        vals.update(values)
        if "date_received" in values and "deadline" not in values:
            vals["deadline"] = False
        Inbound = cls.Inbound.sudo(user.id) if user else cls.Inbound
        return Inbound.create(vals)


class TestTaskInbound(InboundCase):

    def test_admitted_when_the_catalogue_admits_it(self):
        item = self._inbound(self.community_clerk)
        self.assertEqual(item.task_type, "survey")
        self.assertTrue(item.admitted)
        self.assertEqual(item.admission_request_id, self.request)

    def test_not_admitted_in_another_year_community_or_type(self):
        for values in ({"date_received": "2025-04-10"},
                       {"date_received": "2026-07-01"},
                       {"community_id": self.community_a2.id},
                       {"kind": "meeting"},
                       # another department's admission does not count
                       {"department_id": self.department_2.id}):
            item = self._inbound(**values)
            self.assertFalse(item.admitted, values)
            self.assertFalse(item.admission_request_id, values)

    def test_a_rejected_or_draft_request_admits_nothing(self):
        self.request.write({"state": "rejected"})
        self.assertFalse(self._inbound().admitted)

    def test_check_again_after_an_approval(self):
        item = self._inbound(community_id=self.community_a2.id)
        self.assertFalse(item.admitted)
        request = self.request.copy({
            "community_ids": [(6, 0, self.community_a2.ids)]})
        request.write({"state": "approved"})
        item.sudo(self.community_clerk_a2.id).action_check_admission()
        self.assertTrue(item.admitted)

    def test_refusal_needs_a_reason(self):
        item = self._inbound(self.community_clerk,
                             community_id=self.community_a1.id, kind="meeting")
        with self.assertRaisesRegex(UserError, "Census forms"):
            item.action_refuse()
        self.assertEqual(item.state, "received")
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            item.write({"state": "refused", "refuse_reason": " "})
        item.invalidate_cache()
        item.refuse_reason = "Not in the admission catalogue"
        item.action_refuse()
        self.assertEqual(item.state, "refused")
        self.assertTrue(item.date_decided)

    def test_refusing_an_admitted_item_needs_a_reason_too(self):
        item = self._inbound(self.community_clerk)
        self.assertTrue(item.admitted)
        with self.assertRaises(UserError):
            item.action_refuse()
        item.write({"refuse_reason": "No staff left this month"})
        item.action_refuse()
        self.assertEqual(item.state, "refused")

    def test_accept_under_protest_keeps_the_objection(self):
        item = self._inbound(self.community_clerk, kind="sign")
        with self.assertRaisesRegex(UserError, "objection"):
            item.action_accept_protest()
        item.protest_note = "A sign board outside the catalogue"
        item.action_accept_protest()
        self.assertEqual(item.state, "protest")
        with self.assertRaises(UserError):
            item.action_refuse()
        item.action_reset()
        item.action_accept()
        self.assertEqual(item.state, "accepted")

    def test_deadline_before_reception_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "deadline"):
            self._inbound(deadline="2026-04-01")


class TestTaskInboundRules(InboundCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.item_a1 = cls._inbound(name="A1 item")
        cls.item_a2 = cls._inbound(name="A2 item",
                                   community_id=cls.community_a2.id)
        cls.item_b1 = cls._inbound(name="B1 item",
                                   community_id=cls.community_b1.id)
        cls.items = cls.item_a1 | cls.item_a2 | cls.item_b1

    def _visible(self, user):
        return self.Inbound.sudo(user.id).search(
            [("id", "in", self.items.ids)])

    def test_community_clerk_keeps_own_communities_only(self):
        clerk = self.community_clerk
        self.assertEqual(self._visible(clerk), self.item_a1)
        with self.assertRaises(AccessError):
            self.item_a2.sudo(clerk.id).read(["name"])
        with self.assertRaises(AccessError):
            self.item_a2.sudo(clerk.id).write({"name": "changed"})
        with self.assertRaises(AccessError):
            self._inbound(clerk, community_id=self.community_a2.id)
        self.item_a1.sudo(clerk.id).write({"deadline": "2026-05-10"})
        with self.assertRaises(AccessError):
            self.item_a1.sudo(clerk.id).unlink()

    def test_street_roles_see_the_street(self):
        for user in (self.street_clerk, self.street_admin, self.leader):
            self.assertEqual(self._visible(user),
                             self.item_a1 | self.item_a2, user.login)
        self.assertEqual(self._visible(self.street_clerk_b), self.item_b1)

    def test_leader_reads_only(self):
        with self.assertRaises(AccessError):
            self.item_a1.sudo(self.leader.id).write({"name": "changed"})
        with self.assertRaises(AccessError):
            self._inbound(self.leader)

    def test_other_roles_see_nothing(self):
        users = [self.internal_user]
        for login, group in (("inb_grid", "community_grid.group_grid_officer"),
                             ("inb_handler", "community_grid.group_case_handler"),
                             ("inb_finance",
                              "community_finance.group_finance_officer"),
                             ("inb_eval", "community_eval.group_evaluator"),
                             ("inb_party",
                              "community_party.group_party_officer")):
            if self.env.ref(group, raise_if_not_found=False):
                user = self._create_user(login, group)
                self._set_street(user, self.street_a)
                users.append(user)
        for user in users:
            with self.assertRaises(AccessError, msg=user.login):
                self.Inbound.sudo(user.id).search([])
            with self.assertRaises(AccessError, msg=user.login):
                self.env["community.task.inbound.report"].sudo(
                    user.id).search([])

    def test_report_rows_follow_the_reader_scope(self):
        Report = self.env["community.task.inbound.report"]
        clerk_rows = Report.sudo(self.community_clerk.id).search([])
        self.assertEqual(set(clerk_rows.mapped("community_id").ids),
                         {self.community_a1.id})
        street_rows = Report.sudo(self.street_clerk.id).search([])
        self.assertEqual(set(street_rows.mapped("community_id").ids),
                         {self.community_a1.id, self.community_a2.id})


class TestTaskInboundFigures(InboundCase):

    def _figures(self, user, department):
        groups = self.env["community.task.inbound.report"].sudo(
            user.id).read_group(
                [("department_id", "=", department.id), ("year", "=", 2026)],
                ["department_id", "item_count", "admitted_count",
                 "not_admitted_count",
                 "refused_count", "protest_count", "not_admitted_share"],
                ["department_id"])
        return groups[0] if groups else {}

    def test_items_sent_admitted_and_refused_per_department(self):
        self._inbound()                                  # admitted
        self._inbound(date_received="2026-05-02")        # admitted
        refused = self._inbound(kind="meeting")          # not admitted
        refused.write({"refuse_reason": "Not admitted"})
        refused.action_refuse()
        protest = self._inbound(community_id=self.community_a2.id)
        protest.write({"protest_note": "Not admitted in A2"})
        protest.action_accept_protest()
        self._inbound(department_id=self.department_2.id, kind="campaign")
        self._inbound(community_id=self.community_b1.id, kind="meeting")
        figures = self._figures(self.street_clerk, self.department)
        self.assertEqual(figures["item_count"], 4)
        self.assertEqual(figures["admitted_count"], 2)
        self.assertEqual(figures["not_admitted_count"], 2)
        self.assertEqual(figures["refused_count"], 1)
        self.assertEqual(figures["protest_count"], 1)
        self.assertAlmostEqual(figures["not_admitted_share"], 50.0)
        other = self._figures(self.street_clerk, self.department_2)
        self.assertEqual((other["item_count"], other["not_admitted_count"]),
                         (1, 1))
        # the clerk of A1 counts A1's items only
        clerk = self._figures(self.community_clerk, self.department)
        self.assertEqual((clerk["item_count"], clerk["refused_count"]),
                         (3, 1))
        self.assertAlmostEqual(clerk["not_admitted_share"], 100.0 / 3)

    def test_dashboard_tile_counts_this_month_not_admitted(self):
        tile = self.env.ref(
            "community_base.community_kpi_inbound_not_admitted_month")
        today = fields.Date.to_string(tile._today())
        self._inbound(kind="meeting", date_received=today, deadline=False)
        self._inbound(kind="meeting", date_received=today, deadline=False,
                      community_id=self.community_a2.id)
        self._inbound(kind="meeting", date_received="2020-01-05",
                      deadline=False)
        tile = tile.sudo(self.community_clerk.id)
        day = tile._today()
        before = tile._figure_on(day)
        self._inbound(kind="meeting", date_received=today, deadline=False)
        tile.invalidate_cache()
        self.assertEqual(tile._figure_on(day), before + 1)
        self.assertEqual(before, 1.0)


class TestTaskInboundRefusalNote(InboundCase):

    def _refused(self):
        item = self._inbound(self.community_clerk, kind="meeting",
                             name="Weekly safety meeting")
        item.write({"refuse_reason": "Outside the catalogue RSN4711"})
        item.action_refuse()
        return item

    def test_only_refused_items_are_printed(self):
        item = self._inbound(self.community_clerk, kind="meeting")
        with self.assertRaisesRegex(UserError, "refused"):
            item.action_print_refusal()
        report = self.env.ref(
            "community_base.community_task_inbound_refusal_pdf").sudo(
                self.community_clerk.id)
        with self.assertRaises(UserError):
            report.render_qweb_html(item.ids)
        action = self._refused().sudo(
            self.community_clerk.id).action_print_refusal()
        self.assertEqual(action["report_name"],
                         "community_base.report_task_inbound_refusal")

    def test_other_community_cannot_print(self):
        item = self._refused()
        report = self.env.ref(
            "community_base.community_task_inbound_refusal_pdf").sudo(
                self.community_clerk_a2.id)
        with self.assertRaises(AccessError):
            report.render_qweb_html(item.ids)

    def test_note_names_item_department_and_reason(self):
        item = self._refused()
        report = self.env.ref(
            "community_base.community_task_inbound_refusal_pdf").sudo(
                self.community_clerk.id)
        html = report.render_qweb_html(item.ids)[0].decode()
        for text in ("Weekly safety meeting", "RSN4711",
                     "Test Statistics Bureau", "Community A1"):
            self.assertIn(text, html)
        # Odoo 11 renders HTML instead of a PDF under test unless a report
        # directory is configured
        with tempfile.TemporaryDirectory() as directory, mock.patch.dict(
                config.options, {"test_report_directory": directory}):
            pdf = report.render_qweb_pdf(item.ids)[0]
        self.assertEqual(pdf[:4], b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", "-", "-"], input=pdf, capture_output=True,
                check=True).stdout.decode()
            self.assertIn("RSN4711", text)
