# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The street's day, whatever the user's time zone: a clerk in London at
17:30 on Saturday 28 February 2026 is at 01:30 on Sunday 1 March in the
street (Asia/Shanghai). The case's deadline, its overdue flag, the
statistics and the workbooks all count Sunday 1 March."""
import datetime
import io
from unittest import mock

import openpyxl

from odoo import fields
from odoo.exceptions import ValidationError

from odoo.addons.community_base.tools import street_time

from .case_common import CaseLoopCase

#: Saturday 28 February 17:30 in London, Sunday 1 March 01:30 in Beijing
NOW = "2026-02-28 17:30:00"
STREET_DAY = "2026-03-01"


class TestStreetTime(CaseLoopCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.street_clerk.tz = "Europe/London"

    def setUp(self):
        super().setUp()
        patcher = mock.patch.object(fields.Datetime, "now",
                                    staticmethod(lambda: NOW))
        patcher.start()
        self.addCleanup(patcher.stop)
        self.clerk = self.street_clerk.with_context(tz="Europe/London")

    def test_helper_counts_the_street_day(self):
        env = self.env(user=self.street_clerk.id,
                       context=dict(self.env.context, tz="Europe/London"))
        self.assertEqual(street_time.street_today(env), STREET_DAY)
        self.assertEqual(street_time.street_date(env, NOW), STREET_DAY)
        self.assertEqual(street_time.street_day_bounds(
            env, STREET_DAY, STREET_DAY),
            ["2026-02-28 16:00:00", "2026-03-01 16:00:00"])
        # a street elsewhere sets the time zone on its address
        self.street_b.partner_id.tz = "Europe/London"
        self.assertEqual(street_time.street_today(env, self.street_b),
                         "2026-02-28")

    def test_deadline_statistics_and_workbook_agree_on_the_street_day(self):
        case = self._create_case(user=self.street_clerk,
                                 date_reported=NOW)
        # the deadline counts from Sunday 1 March, as for a case reported
        # at 10:00 that Sunday in Beijing
        reference = self._create_case(date_reported="2026-03-01 02:00:00")
        self.assertEqual(case.date_deadline, reference.date_deadline)
        self.assertEqual(case._street_today(), STREET_DAY)
        # the statistics of the street's 1 March count both cases, those of
        # the London 28 February none
        Statistics = self.env["grid.case.statistics"].sudo(
            self.street_clerk.id).with_context(tz="Europe/London")
        on_the_day = Statistics.compute(
            STREET_DAY, STREET_DAY, "community", self.street_a.ids)
        self.assertEqual(on_the_day["total"]["received"], 2)
        before = Statistics.compute(
            "2026-02-28", "2026-02-28", "community", self.street_a.ids)
        self.assertEqual(before["total"]["received"], 0)
        # the case list: exported on the street's day, reported at 01:30
        report = self.env.ref("community_grid.grid_case_list_xlsx").sudo(
            self.street_clerk.id).with_context(tz="Europe/London")
        content, _kind = report.render_xlsx(case.ids, {})
        sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertIn("导出日期：%s" % STREET_DAY, rows[0][0])
        self.assertIn(datetime.datetime(2026, 3, 1, 1, 30), rows[2])
        # the statistics wizard proposes the street's last month
        wizard = self.env["grid.case.statistics.wizard"].sudo(
            self.street_clerk.id).with_context(tz="Europe/London").create(
                {"company_id": self.street_a.id})
        self.assertEqual(wizard.date_start, "2026-02-01")
        self.assertEqual(wizard.date_end, "2026-02-28")

    def test_scheduled_action_flags_on_each_street_day(self):
        # street B is in London: 28 February is not over there yet
        self.street_b.partner_id.tz = "Europe/London"
        case_a = self._create_case(date_reported="2026-02-20 02:00:00")
        case_b = self._create_case(date_reported="2026-02-20 02:00:00",
                                   household_id=self.household_b1.id)
        cases = case_a | case_b
        self.env.cr.execute(
            "UPDATE grid_case SET date_deadline = '2026-02-28', "
            "is_overdue = FALSE WHERE id IN %s", (tuple(cases.ids),))
        cases.invalidate_cache()
        changed = self.env["grid.case"]._cron_refresh_overdue()
        self.assertEqual(changed, case_a.ids)
        self.assertTrue(case_a.is_overdue)
        self.assertFalse(case_b.is_overdue)

    def test_visit_on_the_street_day_is_not_in_the_future(self):
        # the officer's phone is on London time, still 28 February there
        officer = self.grid_officer
        officer.tz = "Europe/London"
        visit = self.env["grid.visit"].sudo(officer.id).with_context(
            tz="Europe/London").create({
                "officer_id": officer.id,
                "household_id": self.household_a1.id})
        self.assertEqual(visit.date, STREET_DAY)
        with self.assertRaisesRegex(ValidationError, "future"):
            with self.cr.savepoint():
                self._create_visit(officer, self.household_a1, "2026-03-02")
