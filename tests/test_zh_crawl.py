"""A zh_CN crawl as each role: no English, no traditional characters.

For a user of every role (the roles of ``access_fixtures``), in zh_CN, the
crawl of ``zh_crawl.Crawl`` reads server-side what the web client shows:
every menu name, every action's views as that user (labels, buttons,
placeholders, selections, filters, group-bys, toolbar entries), the
display names of shipped records (case categories, tiles, schemes ...),
the chatter of a case taken through its loop and of a budget through its
tier approval, the audit trail of a resident's change, and the web client's
own terms (dialog titles, the phone form's button menu). Any visible text
with a Latin word that is not on ``tests/zh_allowlist.txt``, or with a
traditional character of ``tests/zh_traditional.txt``, fails the test; the
message lists each text with the role and the place it was seen. The counts
per role are written to ``artifacts/zh_crawl_counts.json``.
"""
import json

from access_matrix import ROOT
from zh_crawl import Crawl, html_text
from zh_text import ZhText

from odoo.addons.community_base.tests.common import make_id_number
from odoo.addons.community_eval.tests.common import EvalCase
from odoo.addons.community_finance.tests.common import FinanceCase
from odoo.addons.community_grid.tests.common import GridCase

LANG = "zh_CN"
#: what the web client shows of its own (JavaScript and QWeb) terms on
#: every screen of a clerk: the title of every error and warning dialog
#: (the server's message, translated by community_base's crash manager),
#: the list/form "Action" menu entries and the phone form's button menu
WEB_CLIENT_TERMS = (
    "Message from the system", "System error", "Odoo Session Expired",
    "Odoo Warning",
    "Odoo Error", "Warning", "Validation Error", "Access Error",
    "Missing Record", "Access Denied", "Delete", "Archive", "Unarchive",
    "Export", "Duplicate", "Task", "More", "Print", "Action",
)


class TestZhCrawl(GridCase, FinanceCase, EvalCase):
    """The users of every role, working in zh_CN, on a street with a case
    taken through its loop, an approved budget and an audited resident."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case_handler = cls._create_user(
            "case_handler", "community_grid.group_case_handler")
        cls._set_street(cls.case_handler, cls.street_a)
        cls.role_users = {
            "internal": cls.internal_user,
            "leader": cls.leader,
            "community_clerk": cls.community_clerk,
            "street_clerk": cls.street_clerk,
            "street_admin": cls.street_admin,
            "grid_officer": cls.grid_officer,
            "case_handler": cls.case_handler,
            "finance_officer": cls.finance_officer,
            "evaluator": cls.evaluator,
        }
        for role in ("party_organiser", "party_secretary", "party_officer"):
            user = cls._create_user(
                role, "community_party.group_%s" % role)
            cls._set_street(user, cls.street_a)
            cls.role_users[role] = user
        cls.role_users["party_secretary"].community_ids = cls.community_a1
        # users and places as a Chinese street names them: the crawl
        # fails on the interface's English, not on the test data's
        for number, (role, user) in enumerate(sorted(cls.role_users.items())):
            user.write({"lang": LANG, "name": "用户%s号" % (number + 1)})
        for record, name in (
                (cls.district, "朝阳区"), (cls.street_a, "阳光街道"),
                (cls.street_b, "和平街道"), (cls.community_a1, "第一社区"),
                (cls.community_a2, "第二社区"), (cls.community_b1, "东风社区"),
                (cls.compound_a1, "阳光花园"), (cls.compound_a2, "和平里"),
                (cls.compound_b1, "东风院"), (cls.building_a1, "1号楼"),
                (cls.building_a2, "2号楼"), (cls.building_b1, "3号楼"),
                (cls.grid_a1, "第一网格"), (cls.grid_a2, "第二网格"),
                (cls.grid_b1, "东风网格")):
            record.name = name
        # the flows run as their users do: in zh_CN, with tracking
        cls.zh_env = cls.env(context=dict(
            cls.env.context, lang=LANG, tracking_disable=False))
        cls.case = cls._case_through_its_loop()
        cls.budget = cls._approved_budget()
        cls.resident = cls._audited_resident()

    @classmethod
    def _as(cls, user, record):
        return record.with_env(cls.zh_env(user=user.id))

    @classmethod
    def _case_through_its_loop(cls):
        category = cls.env.ref("community_grid.grid_case_category_noise")
        case = cls._as(cls.grid_officer, cls.zh_env["grid.case"]).create({
            "category_id": category.id,
            "household_id": cls.household_a1.id,
            "description": "<p>夜间施工噪音</p>",
            "channel": "visit",
        })
        case.sudo().handler_user_id = cls.case_handler
        clerk = cls._as(cls.street_clerk, case)
        clerk.action_dispatch()
        handler = cls._as(cls.case_handler, case)
        handler.handle_note = "已劝停施工"
        handler.action_handle()
        clerk.action_send_back(reason="缺少现场照片")
        handler.action_handle()
        clerk.action_verify()
        clerk.action_close()
        clerk.satisfaction = "satisfied"
        clerk.action_evaluate()
        return case

    @classmethod
    def _approved_budget(cls):
        budget = cls.zh_env["crossovered.budget"].create({
            "name": "2026年社区经费预算", "date_from": "2026-01-01",
            "date_to": "2026-12-31", "company_id": cls.street_a.id})
        cls._create_budget_line(budget, cls.community_a1, 10000.0)
        cls._as(cls.street_clerk, budget).action_budget_confirm()
        cls._as(cls.finance_officer, budget).action_budget_validate()
        return budget

    @classmethod
    def _audited_resident(cls):
        Resident = cls._as(cls.street_clerk, cls.zh_env["community.resident"])
        resident = Resident.create({
            "name": "张秀兰", "household_id": cls.household_a1.id,
            "id_number": make_id_number("110105", "19450302", "022"),
            "relation": "other"})
        # a selection, a link, a flag and a many2many of the audited fields
        care = cls.env.ref("community_base.care_group_elderly_alone")
        values = {"name": "张秀英", "residence_type": "floating",
                  "arrival_date": "2026-01-05",
                  "household_id": cls.household_a1b.id,
                  "care_group_ids": [(4, care.id)]}
        resident.write(values)
        resident.write({"active": False})
        return resident

    def _crawl(self):
        return Crawl(self.env(context=dict(self.env.context, lang=LANG)))

    def _assert_clean(self, crawl, what):
        problems = crawl.problems()
        artifacts = ROOT / "artifacts"
        artifacts.mkdir(exist_ok=True)
        (artifacts / ("zh_crawl_%s.txt" % what.replace(" ", "_"))).write_text(
            crawl.report(limit=100000))
        if problems:
            self.fail("%s: %d texts in English or traditional characters "
                      "(text [problem] seen by, e.g. at):\n%s"
                      % (what, len(problems), crawl.report()))

    def test_every_role_reads_menus_and_views_in_chinese(self):
        crawl = self._crawl()
        for role, user in sorted(self.role_users.items()):
            crawl.role(role, user)
        counts = crawl.counts_by_role()
        artifacts = ROOT / "artifacts"
        artifacts.mkdir(exist_ok=True)
        (artifacts / "zh_crawl_counts.json").write_text(
            json.dumps(counts, indent=2, sort_keys=True))
        print("zh crawl, offending texts per role: %s" % counts)
        self.assertGreater(len(crawl.seen), 1000, "the crawl read too little")
        self._assert_clean(crawl, "menus and views")

    def test_chatter_of_the_flows_in_chinese(self):
        crawl = self._crawl()
        for role in ("street_clerk", "leader", "grid_officer"):
            crawl.messages(role, self.role_users[role], self.case,
                           "case loop")
        for role in ("finance_officer", "street_clerk"):
            crawl.messages(role, self.role_users[role], self.budget,
                           "budget approval")
            budget = self._as(self.role_users[role], self.budget)
            for review in budget.review_ids:
                crawl.add(role, "budget review status",
                          dict(review._fields["status"]._description_selection(
                              review.env))[review.status])
        self.assertGreater(len(crawl.seen), 5, "the flows wrote no chatter")
        self._assert_clean(crawl, "chatter")

    def test_audit_trail_shows_labels_in_chinese(self):
        crawl = self._crawl()
        admin = self.role_users["street_admin"]
        env = crawl.user_env(admin)
        logs = env["auditlog.log"].search([
            ("model_id.model", "=", "community.resident"),
            ("res_id", "=", self.resident.id)])
        self.assertTrue(logs, "the resident's change was not audited")
        view = env["auditlog.log"].fields_view_get(
            view_id=self.env.ref("community_base.auditlog_log_view_form").id,
            view_type="form")
        line_fields = view["fields"]["line_ids"]["views"]
        for line in logs.mapped("line_ids"):
            for view_type in line_fields:
                names = line_fields[view_type]["fields"]
                for name, value in line.read(list(names))[0].items():
                    if isinstance(value, str) and name != "field_name":
                        crawl.add("street_admin", "audit line %s of %s" % (
                            name, line.field_id.name), value)
        self.assertTrue(any("audit line" in seen.where for seen in crawl.seen))
        self._assert_clean(crawl, "audit trail")

    def test_web_client_terms_in_chinese(self):
        """The terms the web client itself shows, as
        /web/webclient/translations serves them for zh_CN (later modules
        win, as in the client's translation database)."""
        installed = self.env["ir.module.module"].search([
            ("state", "=", "installed")]).mapped("name")
        served = self.env["ir.translation"].search_read([
            ("module", "in", installed), ("lang", "=", LANG),
            ("comments", "like", "openerp-web"), ("value", "!=", False),
            ("value", "!=", "")], ["module", "src", "value"], order="module")
        database = {}
        modules = sorted({row["module"] for row in served})
        if "web" in modules:
            modules = ["web"] + [m for m in modules if m != "web"]
        for module in modules:
            for row in served:
                if row["module"] == module:
                    database[row["src"]] = row["value"]
        checker = ZhText()
        problems = []
        for term in WEB_CLIENT_TERMS:
            value = database.get(term)
            if not value:
                problems.append("%r has no zh_CN translation" % term)
            elif checker.problems(value):
                problems.append("%r -> %r: %s" % (
                    term, value, checker.problems(value)))
        for src, value in sorted(database.items()):
            issues = checker.problems(html_text(value))
            if [issue for issue in issues if issue.startswith("traditional")]:
                problems.append("%r -> %r: %s" % (src, value, issues))
        self.assertFalse(problems, "\n".join(problems))
