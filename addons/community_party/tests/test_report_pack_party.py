# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The party building sheets of the monthly report pack, read back with
openpyxl: a summary row per community and one sheet per community."""
import base64
import io

import openpyxl

from odoo import fields

from .figures_common import FiguresCase


class TestReportPackParty(FiguresCase):

    def build(self, user, month=None):
        pack = self.env["community.report.pack"].with_context(
            test_queue_job_no_delay=True, lang="en_US").sudo(user.id).create(
                {"company_id": self.street_a.id,
                 "month": month or fields.Date.to_string(self.month)})
        pack.action_generate()
        self.assertEqual(pack.state, "done", pack.error)
        return openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(pack.attachment_id.datas)))

    @staticmethod
    def rows(sheet, first_row):
        return [[cell.value for cell in row]
                for row in sheet.iter_rows(min_row=first_row)]

    @staticmethod
    def figures(sheet):
        """{figure: (number, out of, rate)} of a community's sheet."""
        return {row[0].value: tuple(cell.value for cell in row[1:4])
                for row in sheet.iter_rows(min_row=4) if row[0].value}

    def test_no_party_sheet_for_a_clerk(self):
        book = self.build(self.street_clerk)
        self.assertNotIn("Party building", book.sheetnames)
        self.assertFalse([name for name in book.sheetnames
                          if name.endswith(" Party")])

    def test_summary_by_community(self):
        book = self.build(self.street_admin)
        self.assertIn("Party building", book.sheetnames)
        sheet = book["Party building"]
        # title, subtitle, group headers, headers
        self.assertEqual(sheet["B3"].value, "Party members in the register")
        self.assertEqual(sheet["B4"].value, "Members in the register")
        self.assertEqual(sheet["D4"].value, "In-service member")
        rows = self.rows(sheet, 5)
        self.assertEqual([row[0] for row in rows],
                         ["Community A1", "Community A2",
                          "Street organisations", "Street total"])
        a1, a2, street, total = rows
        # members, probationary, in-service, mobile, in difficulty,
        # senior and retired, directly managed
        self.assertEqual(a1[1:8], [7, 1, 6, 0, 0, 1, 0])
        self.assertEqual(a2[1:8], [2, 0, 1, 1, 0, 0, 0])
        # Unit U's member without a resident record, the direct member
        self.assertEqual(street[1:8], [2, 0, 1, 0, 0, 0, 1])
        self.assertEqual(total[1:8], [11, 1, 8, 1, 0, 1, 1])
        # in-service: reporting, active this year, rate, hours
        self.assertEqual(a1[8:10], [3, 2])
        self.assertAlmostEqual(a1[10], 2 / 3.0)
        self.assertAlmostEqual(a1[11], 9.5)
        self.assertEqual(a2[8:12], [1, 1, 1, 1.5])
        self.assertEqual(total[8:10], [4, 3])
        self.assertAlmostEqual(total[11], 11.0)
        # pairing: units paired, commitments, fulfilled, rate (the ended
        # pairing's commitment is not counted)
        self.assertEqual(a1[12:15], [1, 3, 1])
        self.assertAlmostEqual(a1[15], 1 / 3.0)
        self.assertEqual(total[12:16], [2, 4, 2, 0.5])
        # meetings of the year: planned (not cancelled), held, rate
        self.assertEqual(a1[16:18], [3, 2])
        self.assertEqual(a2[16:19], [1, 1, 1])
        self.assertEqual(total[16:18], [4, 3])
        self.assertAlmostEqual(total[18], 0.75)

    def test_one_sheet_per_community(self):
        book = self.build(self.street_admin)
        self.assertIn("Community A1 Party", book.sheetnames)
        self.assertIn("Community A2 Party", book.sheetnames)
        # street B's community is not in street A's pack
        self.assertNotIn("Community B1 Party", book.sheetnames)
        sheet = book["Community A1 Party"]
        self.assertEqual(sheet["A1"].value,
                         "Party building of Community A1")
        figures = self.figures(sheet)
        self.assertEqual(figures["Members in the register"][0], 7)
        self.assertEqual(figures["Probationary members"][:2], (1, 7))
        self.assertEqual(figures["Retired member"][:2], (1, 7))
        self.assertEqual(figures["Mobile member"], (0, 7, 0))
        self.assertEqual(figures["Members reporting"][0], 3)
        # registered on 1 March of last year
        self.assertEqual(figures["Registered this year"][0], 0)
        self.assertEqual(figures["Active this year"][:2], (2, 3))
        self.assertEqual(figures["Service hours this year"][0], 9.5)
        self.assertEqual(figures["Units of the members reporting"][0], 1)
        self.assertEqual(figures["Commitments fulfilled"][:2], (1, 3))
        self.assertEqual(figures["Commitments fulfilled this month"][0], 1)
        self.assertEqual(figures["Meetings held this month"][:2], (2, 3))
        self.assertEqual(figures["Meetings held this year"][:2], (2, 3))
        self.assertEqual(figures["Decisions of the year carried out"],
                         (1, 2, 0.5))
        grids = self.env["grid.grid"].search_count(
            [("community_id", "=", self.community_a1.id)])
        self.assertEqual(figures["Grids with a party branch"], (
            1, grids, 1.0 / grids))
        self.assertEqual(figures["Buildings with a party group"][:2], (0, 1))
        self.assertEqual(figures["Resident units in a pairing"][0], 0)
        a2 = self.figures(book["Community A2 Party"])
        self.assertEqual(a2["Registered this year"][0], 1)

    def test_an_earlier_month(self):
        """Last December's pack: nothing of this year; the registrations of
        March last year were in force, with last year's service (Sun Hao's
        6 hours and Zhao Lei's 1), and the meeting of last December."""
        book = self.build(self.street_admin, "%s-12-01" % (
            self.today.year - 1))
        a1 = self.figures(book["Community A1 Party"])
        self.assertEqual(a1["Members reporting"][0], 3)
        self.assertEqual(a1["Registered this year"][0], 3)
        self.assertEqual(a1["Active this year"][:2], (2, 3))
        self.assertEqual(a1["Service hours this year"][0], 7.0)
        self.assertEqual(a1["Meetings held this month"][:2], (1, 1))
        a2 = self.figures(book["Community A2 Party"])
        self.assertEqual(a2["Members reporting"][0], 0)

    def test_the_authors_rules_apply(self):
        """A street clerk who is party secretary of A1 only: the pack
        counts the members and meetings of A1 and none of A2's."""
        self.clerk_officer.write({"groups_id": [(3, self.env.ref(
            "community_party.group_party_officer").id), (4, self.env.ref(
                "community_party.group_party_secretary").id)],
            "community_ids": [(6, 0, self.community_a1.ids)]})
        rows = self.rows(self.build(self.clerk_officer)["Party building"], 5)
        self.assertEqual([row[0] for row in rows],
                         ["Community A1", "Community A2", "Street total"])
        self.assertEqual([row[1] for row in rows], [7, 0, 7])
        self.assertEqual([row[16] for row in rows], [3, 0, 3])
