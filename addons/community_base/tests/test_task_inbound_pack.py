# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from .test_task_inbound import InboundCase


class TestTaskInboundPack(InboundCase):
    """The inbound work sheet of the monthly report pack: a row per
    requesting department with what it sent in the month."""

    def _sheet(self, user):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(user).create({
                "company_id": self.street_a.id, "month": "2026-04-01"})
        pack.action_generate()
        self.assertEqual(pack.state, "done", pack.error)
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))
        self.assertIn("Inbound work", book.sheetnames)
        sheet = book["Inbound work"]
        return [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=4, max_row=sheet.max_row)]

    def test_rows_per_department_of_the_month(self):
        self._inbound()                                     # admitted
        refused = self._inbound(kind="meeting")
        refused.write({"refuse_reason": "Not admitted"})
        refused.action_refuse()
        self._inbound(community_id=self.community_a2.id)    # not admitted
        self._inbound(department_id=self.department_2.id, kind="sign")
        self._inbound(date_received="2026-05-02")           # next month
        self._inbound(community_id=self.community_b1.id)    # other street
        rows = self._sheet(self.street_clerk)
        # department, sent, admitted, not admitted, accepted, protest,
        # refused, share not admitted
        self.assertEqual(rows, [
            ["Test Statistics Bureau", 3, 1, 2, 0, 0, 1, 2 / 3],
            ["Test Urban Management Bureau", 1, 0, 1, 0, 0, 0, 1.0],
            ["Street total", 4, 1, 3, 0, 0, 1, 0.75],
        ])
