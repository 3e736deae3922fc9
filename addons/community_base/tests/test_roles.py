# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles named once (``tools/roles.py``) and the one decision "may this
user read ID numbers, phones and birth dates": which role it answers yes
for, and that every place showing personal data agrees with it."""
import ast
import io
import re
import unittest
from pathlib import Path

import openpyxl

from odoo import SUPERUSER_ID

from ..tools import roles
from .common import CommunityCase

#: the answer of ``may_read_personal_data`` for a user holding only the role
PERSONAL_DATA_BY_ROLE = {
    roles.COMMUNITY_CLERK: True,
    roles.STREET_CLERK: True,
    roles.STREET_ADMIN: True,
    roles.LEADER: False,
    roles.GRID_OFFICER: False,
    roles.CASE_HANDLER: False,
    roles.FINANCE_OFFICER: False,
    roles.EVALUATOR: False,
    # the party roles read party members' numbers (may_read_party_data),
    # residents' only through a clerk role of their own
    roles.PARTY_ORGANISER: False,
    roles.PARTY_SECRETARY: False,
    roles.PARTY_OFFICER: False,
}
#: the answer of ``may_read_party_data`` for a user holding only the role
PARTY_DATA_BY_ROLE = dict(
    dict.fromkeys(PERSONAL_DATA_BY_ROLE, False),
    **{roles.PARTY_ORGANISER: True, roles.PARTY_SECRETARY: True,
       roles.PARTY_OFFICER: True})
#: (model, field) of party members' personal data, readable exactly by
#: those for whom ``may_read_party_data`` says yes
PARTY_FIELDS = [
    ("party.member", "id_number"),
    ("party.member", "phone"),
    ("party.member", "birth_date"),
]
#: (model, field) holding personal data, readable exactly by those for
#: whom ``may_read_personal_data`` says yes (models of uninstalled addons
#: are left out)
PERSONAL_FIELDS = [
    ("community.resident", "id_number"),
    ("community.resident", "phone"),
    ("community.resident", "birth_date"),
    ("community.ledger.import", "file"),
    ("community.ledger.import", "failure"),
    ("community.ledger.import.error", "reason"),
    ("grid.case", "reporter_phone"),
]


class TestRoles(CommunityCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the roles of the other addons, when they are installed
        cls.role_users = {
            roles.COMMUNITY_CLERK: cls.community_clerk,
            roles.STREET_CLERK: cls.street_clerk,
            roles.STREET_ADMIN: cls.street_admin,
            roles.LEADER: cls.leader,
        }
        for role in (roles.GRID_OFFICER, roles.CASE_HANDLER,
                     roles.FINANCE_OFFICER, roles.EVALUATOR,
                     roles.PARTY_ORGANISER, roles.PARTY_SECRETARY,
                     roles.PARTY_OFFICER):
            if cls.env.ref(role, raise_if_not_found=False):
                user = cls._create_user("roles_" + role.split(".")[1], role)
                cls._set_street(user, cls.street_a)
                cls.role_users[role] = user

    def may_read(self, user):
        return roles.may_read_personal_data(self.env(user=user.id))

    def readers_of_the_register(self):
        """The users of the roles that read resident A1 (the grid officer
        once a grid of A1 holds the resident's building)."""
        users = [self.leader, self.community_clerk, self.street_clerk,
                 self.street_admin]
        officer = self.role_users.get(roles.GRID_OFFICER)
        if officer and "grid.grid" in self.env:
            grid = self.env["grid.grid"].create({
                "name": "Grid roles", "code": "A1-GR",
                "community_id": self.community_a1.id,
                "officer_id": officer.id})
            self.building_a1.grid_id = grid
            self.assertEqual(self.household_a1.grid_id, grid)
            users.append(officer)
        return users

    def test_personal_data_for_the_clerk_and_admin_roles_only(self):
        self.assertEqual(len(self.role_users), len(PERSONAL_DATA_BY_ROLE),
                         "a role's addon is not installed")
        for role, expected in PERSONAL_DATA_BY_ROLE.items():
            with self.subTest(role=role):
                self.assertEqual(self.may_read(self.role_users[role]),
                                 expected)
        self.assertFalse(self.may_read(self.internal_user))
        self.assertFalse(self.may_read(self.portal_user))
        # code reading as superuser decides itself what it shows
        self.assertTrue(roles.may_read_personal_data(
            self.env(user=SUPERUSER_ID)))

    def test_personal_fields_readable_exactly_by_the_decision(self):
        """Odoo's own field access (``groups=roles.PERSONAL_DATA``): the
        fields are in a user's ``fields_get`` when the decision says yes."""
        checked = 0
        for model, fname in PERSONAL_FIELDS:
            if model not in self.env:
                continue
            self.assertIn(fname, self.env[model]._fields, model)
            for user in self.role_users.values():
                with self.subTest(model=model, field=fname, user=user.login):
                    visible = self.env[model].sudo(user.id).fields_get(
                        [fname])
                    self.assertEqual(fname in visible, self.may_read(user))
                    checked += 1
        self.assertGreaterEqual(checked, 6 * len(self.role_users))

    def test_party_data_for_the_party_roles_only(self):
        self.assertEqual(len(self.role_users), len(PARTY_DATA_BY_ROLE),
                         "a role's addon is not installed")
        for role, expected in PARTY_DATA_BY_ROLE.items():
            with self.subTest(role=role):
                self.assertEqual(roles.may_read_party_data(
                    self.env(user=self.role_users[role].id)), expected)
        self.assertFalse(roles.may_read_party_data(
            self.env(user=self.internal_user.id)))
        checked = 0
        for model, fname in PARTY_FIELDS:
            if model not in self.env:
                continue
            for role, user in self.role_users.items():
                with self.subTest(model=model, field=fname, role=role):
                    visible = self.env[model].sudo(user.id).fields_get(
                        [fname])
                    self.assertEqual(fname in visible,
                                     PARTY_DATA_BY_ROLE[role])
                    checked += 1
        self.assertGreaterEqual(checked, 3 * len(self.role_users))

    def test_ledger_export_masks_what_the_decision_hides(self):
        resident = self.resident_a1.sudo()
        report = self.env.ref("community_base.community_community_ledger_xlsx")
        for user in (self.leader, self.community_clerk, self.street_clerk,
                     self.street_admin):
            with self.subTest(user=user.login):
                content, dummy = report.sudo(user.id).render_xlsx(
                    self.community_a1.ids, {})
                sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[1]
                row = list(next(sheet.iter_rows(
                    min_row=3, max_row=3, values_only=True)))
                self.assertEqual(row[1], resident.name)
                if self.may_read(user):
                    self.assertEqual(row[5], resident.id_number)
                    self.assertEqual(row[6], resident.phone)
                    self.assertEqual(row[3].date().isoformat(), "1949-12-31")
                else:
                    self.assertEqual(row[5], resident.id_number_masked)
                    self.assertNotEqual(row[5], resident.id_number)
                    self.assertEqual(row[6], resident.phone_masked)
                    self.assertIsNone(row[3])

    def test_resident_name_search_by_id_number_follows_the_decision(self):
        number = self.resident_a1.sudo().id_number
        for user in self.readers_of_the_register():
            with self.subTest(user=user.login):
                Resident = self.env["community.resident"].sudo(user.id)
                # the resident is in the user's scope: found by name
                self.assertIn(self.resident_a1.id, [
                    rid for rid, dummy in Resident.name_search("Wang Jianguo")])
                found = [rid for rid, dummy in Resident.name_search(number)]
                self.assertEqual(self.resident_a1.id in found,
                                 self.may_read(user))
                by_text = Resident.search([("search_text", "ilike", number)])
                self.assertEqual(self.resident_a1 in by_text,
                                 self.may_read(user))

    def test_case_reporter_phone_onchange_follows_the_decision(self):
        if "grid.case" not in self.env:
            self.skipTest("community_grid is not installed")
        for user in self.readers_of_the_register():
            with self.subTest(user=user.login):
                case = self.env["grid.case"].sudo(user.id).new(
                    {"reporter_resident_id": self.resident_a1.id})
                case._onchange_reporter_resident_id()
                self.assertEqual(case.reporter_name, "Wang Jianguo")
                self.assertEqual(
                    case.reporter_phone,
                    "13812345678" if self.may_read(user) else False)


#: a group's xml id inside a string: ``"community_grid.group_grid_officer"``,
#: ``"base.group_system"``, or one of a comma-joined ``groups=`` string
GROUP_XMLID = re.compile(r"\b(?:community_\w+|base)\.group_\w+")
ADDONS = Path(__file__).resolve().parents[2]
ROLES_MODULE = ADDONS / "community_base" / "tools" / "roles.py"


def group_literals(source, filename="<source>"):
    """(line, text) of each string literal of ``source`` naming a group
    (docstrings left out: they may tell which group a role is)."""
    tree = ast.parse(source, filename)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                             ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(
                    first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and GROUP_XMLID.search(node.value)]


class TestRolesNamedOnce(unittest.TestCase):
    """Outside ``tools/roles.py`` (and the tests), the code of the addons
    names a group through the constants of ``roles``, never as a string."""

    def test_the_check_finds_group_names_in_strings(self):
        source = (
            '"""See community_base.group_leader."""\n'
            'A = "community_grid.group_grid_officer"\n'
            'B = env.ref("base.group_system")\n'
            'C = fields.Char(groups="community_base.group_leader,"\n'
            '                "community_base.group_community_clerk")\n'
            'D = "community_care_group_resident_rel"\n'
            'E = roles.LEADER\n')
        self.assertEqual([line for line, dummy in group_literals(source)],
                         [2, 3, 4])

    def test_no_group_name_outside_roles(self):
        files = [path for path in sorted(ADDONS.glob("*/**/*.py"))
                 if "tests" not in path.relative_to(ADDONS).parts
                 and path != ROLES_MODULE]
        self.assertGreater(len(files), 100)
        found = [
            "%s:%s: %s" % (path.relative_to(ADDONS), line, text)
            for path in files
            for line, text in group_literals(
                path.read_text(encoding="utf-8"), str(path))]
        self.assertEqual(found, [], "use the constants of "
                         "community_base/tools/roles.py")
