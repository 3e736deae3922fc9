# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import openpyxl

from odoo.exceptions import AccessError

from .common import PartyCase


class TestMemberRoster(PartyCase):
    """The member roster workbook: clear ID numbers and phones for the
    party roles, the masks for the leader, nothing for the other roles."""

    def _rows(self, user, members):
        report = self.env.ref(
            "community_party.party_member_roster_xlsx").sudo(user)
        content, file_type = report.render_xlsx(members.ids, {})
        self.assertEqual(file_type, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book.worksheets[0]
        rows = [row for row in sheet.iter_rows(values_only=True)]
        header = rows.index(next(row for row in rows if row[0] == "序号"))
        return rows[header], {row[1]: dict(zip(rows[header], row))
                              for row in rows[header + 1:]
                              if isinstance(row[0], int)}

    def test_party_secretary_gets_numbers_and_phones_in_clear(self):
        members = self.member_a1 | self.member_a1_probationary
        header, rows = self._rows(self.party_secretary, members)
        wang = rows["Wang Jianguo"]
        self.assertEqual(wang["身份证号码"], self.member_a1.id_number)
        self.assertEqual(wang["联系电话"], "13812345678")
        self.assertEqual(wang["出生日期"].date().isoformat(), "1949-12-31")
        self.assertEqual(wang["党员类别"], "离退休党员")
        self.assertEqual(wang["党籍状态"], "正式党员")
        self.assertEqual(wang["党组织"], "A1 first branch")
        self.assertEqual(rows["Chen Jing"]["党籍状态"], "预备党员")
        self.assertEqual(len(rows), 2)

    def test_leader_gets_masks_and_no_birth_date(self):
        members = self.member_a1 | self.member_a2
        header, rows = self._rows(self.leader, members)
        number = self.member_a1.id_number
        wang = rows["Wang Jianguo"]
        self.assertEqual(wang["身份证号码"], number[:6] + "*" * 8 + number[-4:])
        self.assertEqual(wang["联系电话"], "138****5678")
        self.assertIsNone(wang["出生日期"])
        self.assertEqual(rows["Zhang Wei"]["联系电话"], "137****5678")

    def test_leader_who_is_a_clerk_still_gets_masks(self):
        self.leader.groups_id |= self.env.ref(
            "community_base.group_community_clerk")
        header, rows = self._rows(self.leader, self.member_a1)
        self.assertNotEqual(rows["Wang Jianguo"]["身份证号码"],
                            self.member_a1.id_number)
        self.assertEqual(rows["Wang Jianguo"]["联系电话"], "138****5678")

    def test_other_roles_and_other_communities_are_refused(self):
        for user in (self.community_clerk, self.street_clerk,
                     self.grid_officer, self.internal_user):
            with self.assertRaises(AccessError, msg=user.login):
                self._rows(user, self.member_a1)
        with self.assertRaises(AccessError):
            self._rows(self.party_secretary_a2, self.member_a1)
