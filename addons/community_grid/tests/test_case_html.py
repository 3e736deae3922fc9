# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .case_common import CaseLoopCase

PAYLOAD = ("<p>Water leaking</p><script>window.__xss = 1; alert(1)</script>"
           "<img src=x onerror=\"window.__xss = 2; alert(2)\">"
           "<a href=\"javascript:alert(3)\">link</a>")
ADDONS = ("community_base", "community_grid", "community_finance",
          "community_eval")


class TestCaseHtml(CaseLoopCase):
    """What residents and officers type into a case is stored sanitised:
    no script, event handler or javascript: link reaches a browser (the
    browser side is tests/test_browser_xss.py)."""

    def assert_harmless(self, html):
        lowered = (html or "").lower()
        for needle in ("<script", "onerror", "javascript:", "alert("):
            self.assertNotIn(needle, lowered)

    def test_description_is_sanitised_on_create(self):
        case = self._create_case(user=self.grid_officer, description=PAYLOAD)
        self.assert_harmless(case.description)
        # the officer's text itself is kept
        self.assertIn("<p>Water leaking</p>", case.description)

    def test_description_is_sanitised_on_write(self):
        case = self._create_case(user=self.grid_officer)
        case.sudo(self.street_clerk.id).write({"description": PAYLOAD})
        stored = case.read(["description"])[0]["description"]
        self.assert_harmless(stored)
        self.assertIn("Water leaking", stored)

    def test_send_back_reason_reaches_chatter_sanitised(self):
        case = self._create_case()
        self._move_to(case, "handle")
        case.sudo(self.street_clerk.id).action_send_back(reason=PAYLOAD)
        body = case.message_ids[0].body
        self.assertIn("Water leaking", body)
        self.assert_harmless(body)

    def test_every_stored_html_field_of_the_addons_is_sanitised(self):
        """A new Html field stored without sanitising fails here; computed
        ones must escape what they embed (the budget summary does, with
        html_escape, and is not stored)."""
        unsafe, checked = [], []
        for model in self.env.values():
            for name, field in model._fields.items():
                if field.type != "html" or getattr(
                        field, "_module", None) not in ADDONS:
                    continue
                checked.append("%s.%s" % (model._name, name))
                if field.store and not field.sanitize:
                    unsafe.append("%s.%s" % (model._name, name))
        self.assertIn("grid.case.description", checked)
        self.assertEqual(unsafe, [])
