# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Errors a clerk can act on: a resident's ID number checked while it is
typed (birth date and sex filled from it), no button on an unsaved member
that can only fail, the ledger template downloaded without saving an
import, and a word when a ledger passes its check."""
import json

from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import make_id_number
from .test_ledger_import import LedgerImportCase, good_rows

VALID = make_id_number("110105", "19491231", "002")  # a woman
BAD_CHECK = VALID[:17] + ("0" if VALID[17] != "0" else "1")
BAD_DATE = make_id_number("110105", "19491331", "003")[:17] + "0"


def evaluate(domain, record):
    """Whether ``record`` (a dict) matches the client-side ``domain`` of a
    view modifier (a list in prefix notation, or a boolean)."""
    if isinstance(domain, bool):
        return domain
    stack = []
    for item in reversed(domain):
        if item in ("|", "&"):
            first, second = stack.pop(), stack.pop()
            stack.append(first or second if item == "|" else first and second)
        elif item == "!":
            stack.append(not stack.pop())
        else:
            name, operator, value = item
            field = record.get(name)
            stack.append({
                "=": lambda: field == value,
                "!=": lambda: field != value,
                "in": lambda: field in value,
                "not in": lambda: field not in value,
            }[operator]())
    return all(stack)


class TestResidentIdNumberOnchange(LedgerImportCase):
    """The ID number typed into a resident's form (on its own or in the
    household's member list) is checked and read at once."""

    def onchange(self, user, number):
        Resident = self.env["community.resident"].sudo(user.id)
        view = Resident.fields_view_get(view_type="form")
        spec = Resident._onchange_spec(view_info=view)
        # what a caller outside the form could ask for as well
        spec.setdefault("id_number", "1")
        spec.setdefault("birth_date", "")
        spec.setdefault("sex", "")
        # as the web client sends them: every field of the form
        values = {name: [] if Resident._fields[name].type in (
            "one2many", "many2many") else False
                  for name in spec if "." not in name}
        values.update({
            "name": "Li Lei", "household_id": self.household_a1.id,
            "id_number": number, "relation": "child",
            "residence_type": "registered", "state": "living"})
        return Resident.onchange(values, "id_number", spec)

    def test_valid_number_fills_birth_date_and_sex(self):
        result = self.onchange(self.community_clerk, VALID)
        self.assertEqual(result["value"].get("birth_date"), "1949-12-31")
        self.assertEqual(result["value"].get("sex"), "female")
        self.assertGreaterEqual(result["value"].get("age"), 76)
        self.assertFalse(result.get("warning"))

    def test_legacy_number_is_shown_in_its_18_characters(self):
        legacy = VALID[:6] + VALID[8:17]
        result = self.onchange(self.community_clerk, legacy)
        self.assertEqual(result["value"].get("id_number"), VALID)
        self.assertEqual(result["value"].get("birth_date"), "1949-12-31")

    def test_wrong_check_character_is_named_at_once(self):
        result = self.onchange(self.community_clerk, BAD_CHECK)
        warning = result.get("warning") or {}
        self.assertIn(BAD_CHECK, warning.get("message", ""))
        self.assertIn("wrong check character", warning["message"])
        self.assertFalse(result["value"].get("birth_date"))

    def test_impossible_birth_date_is_named_at_once(self):
        result = self.onchange(self.community_clerk, BAD_DATE)
        warning = result.get("warning") or {}
        self.assertIn(BAD_DATE, warning.get("message", ""))
        self.assertIn("invalid birth date", warning["message"])

    def test_other_roles_learn_nothing_from_the_onchange(self):
        for user in (self.leader,):
            result = self.onchange(user, VALID)
            self.assertNotIn("birth_date", result["value"], user.login)
            self.assertFalse(result.get("warning"), user.login)
            result = self.onchange(user, BAD_CHECK)
            self.assertFalse(result.get("warning"), user.login)
            self.assertNotIn(BAD_CHECK, str(result), user.login)


class TestUnsavedMemberButtons(LedgerImportCase):
    """The member list of a household opens the resident form on lines not
    saved yet, where the move buttons could only fail."""

    BUTTONS = ("action_move_in", "action_transfer", "action_move_out",
               "action_death", "toggle_active", "change_history")

    def button_modifiers(self, user):
        """{button: [invisible domains of the button and its parents]}"""
        view = self.env["community.resident"].sudo(user.id).fields_view_get(
            view_type="form")
        arch = etree.fromstring(view["arch"])
        self.assertIn("id", view["fields"])
        history = str(self.env.ref(
            "community_base.auditlog_log_action_record").id)
        modifiers = {}
        for button in arch.iter("button"):
            name = button.get("name")
            name = "change_history" if name == history else name
            if name in self.BUTTONS:
                modifiers[name] = [
                    json.loads(node.get("modifiers") or "{}").get(
                        "invisible", False)
                    for node in [button] + list(button.iterancestors())]
        return modifiers

    def shown(self, domains, record):
        return not any(evaluate(domain, record) for domain in domains)

    def test_move_buttons_hidden_on_unsaved_member(self):
        modifiers = self.button_modifiers(self.street_admin)
        self.assertEqual(sorted(modifiers), sorted(self.BUTTONS))
        for name, domains in modifiers.items():
            for state in ("living", "moved_out", "deceased"):
                self.assertFalse(
                    self.shown(domains, {"id": False, "state": state}),
                    "%s shown on an unsaved %s member" % (name, state))

    def test_move_buttons_shown_on_saved_member(self):
        modifiers = self.button_modifiers(self.street_admin)
        shown = {state: sorted(
            name for name, domains in modifiers.items()
            if self.shown(domains, {"id": 7, "state": state}))
            for state in ("living", "moved_out", "deceased")}
        always = ["change_history", "toggle_active"]
        self.assertEqual(shown, {
            "living": sorted(always + [
                "action_death", "action_move_out", "action_transfer"]),
            "moved_out": sorted(always + ["action_death", "action_move_in"]),
            "deceased": always,
        })


class TestMemberOfNewHousehold(LedgerImportCase):
    """A member added to a household not saved yet: the household has no
    id for the member's household field, so the member's form opened from
    the list must not ask for it (it is set when the household is saved)."""

    def household_field(self, context):
        view = self.env["community.resident"].sudo(
            self.community_clerk.id).with_context(**context).fields_view_get(
                view_type="form")
        node = etree.fromstring(view["arch"]).xpath(
            "//field[@name='household_id']")[0]
        return json.loads(node.get("modifiers") or "{}")

    def test_member_form_from_the_list_leaves_the_household_to_it(self):
        household_form = self.env["community.household"].sudo(
            self.community_clerk.id).fields_view_get(view_type="form")
        members = etree.fromstring(household_form["arch"]).xpath(
            "//field[@name='resident_ids']")[0]
        context = safe_eval(members.get("context"), {"active_id": False})
        modifiers = self.household_field(context)
        self.assertTrue(modifiers.get("readonly"))
        self.assertTrue(modifiers.get("invisible"))
        self.assertFalse(modifiers.get("required"))

    def test_resident_form_still_asks_for_the_household(self):
        modifiers = self.household_field({})
        self.assertTrue(modifiers.get("required"))
        self.assertFalse(modifiers.get("readonly"))

    def test_new_household_saved_with_its_new_member(self):
        household = self.env["community.household"].sudo(
            self.community_clerk.id).create({
                "building_id": self.building_a1.id, "unit": "3",
                "room": "303",
                "resident_ids": [(0, 0, {
                    "name": "Han Meimei", "id_number": VALID,
                    "relation": "head"})]})
        self.assertEqual(household.resident_ids.mapped("name"),
                         ["Han Meimei"])
        self.assertEqual(household.resident_ids.sex, "female")


class TestLedgerImportNotices(LedgerImportCase):

    def form_arch(self):
        view = self.env["community.ledger.import"].sudo(
            self.community_clerk.id).fields_view_get(view_type="form")
        return etree.fromstring(view["arch"])

    def test_template_download_saves_no_import(self):
        """The form offers the template as a link to the template's own
        address, not as a button (every button saves the record first)."""
        arch = self.form_arch()
        self.assertFalse(arch.xpath(
            "//button[@name='action_download_template']"))
        links = arch.xpath("//a[@href='/community_base/ledger_template']")
        self.assertEqual(len(links), 1)
        self.assertIn("Download template", "".join(links[0].itertext()))

    def test_validated_workbook_says_it_can_be_imported(self):
        ledger_import = self.new_import(self.workbook(good_rows(residents=4)))
        self.assertFalse(ledger_import.validation_message)
        ledger_import.action_validate()
        self.assertEqual(ledger_import.state, "ready")
        self.assertIn("9 rows", ledger_import.validation_message)
        self.assertIn("can be imported", ledger_import.validation_message)
        notices = self.form_arch().xpath(
            "//div[.//field[@name='validation_message']]")
        self.assertEqual(len(notices), 1)
        modifiers = json.loads(notices[0].get("modifiers"))
        self.assertFalse(evaluate(modifiers["invisible"], {"state": "ready"}))
        self.assertTrue(evaluate(modifiers["invisible"], {"state": "error"}))

    def test_workbook_with_errors_says_nothing_of_importing(self):
        rows = good_rows(residents=4)
        rows["居民"][0][1] = BAD_CHECK
        ledger_import = self.new_import(self.workbook(rows))
        ledger_import.action_validate()
        self.assertEqual(ledger_import.state, "error")
        self.assertFalse(ledger_import.validation_message)
