"""What one simulated community clerk does, over HTTP, as the web client
would do it: the calls, their bodies and the fields they ask for come from
the views the server sends (``load_views``), so the benchmark follows the
product's list and form views as they change.

A clerk repeats, until told to stop, one action drawn by ``WEIGHTS`` and
then thinks for a random time (closed loop: a clerk waits for each answer
before the next click). Each action is one or more requests, recorded by
the client under the labels below.
"""
import random
import time

#: the clerk's actions and how often each is drawn (weights, in percent)
WEIGHTS = [
    ("search residents", 30),
    ("open a resident", 20),
    ("open a household", 10),
    ("open the case list", 15),
    ("create a case", 10),
    ("move a case", 15),
]

#: fragments a clerk types into the resident search: common surnames and
#: given-name characters of the demo street
FRAGMENTS = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
             "华", "明", "丽", "军", "伟", "芳", "强", "静"]

#: the x2many lines the web client shows at first (its default page size)
X2MANY_LIMIT = 40


def view_fields(view):
    """The field names a view of ``load_views``' answer reads."""
    return sorted(view["fields"])


class Clerk:
    """A community clerk's session and what they have on their screen."""

    def __init__(self, client, db, login, password, rng, think=(0.0, 0.0)):
        self.client = client
        self.db, self.login, self.password = db, login, password
        self.rng = rng
        self.think = think
        self.residents = []
        self.households = []
        self.cases = {}
        self.views = {}
        self.categories = []

    # session ---------------------------------------------------------

    def start(self):
        """Log in and load the views the clerk's menus open (the web
        client caches them for the session)."""
        client = self.client
        client.authenticate(self.db, self.login, self.password)
        for model, kinds in (("community.resident", ("list", "form",
                                                     "search")),
                             ("community.household", ("form",)),
                             ("grid.case", ("list", "form", "search"))):
            result = client.load_views("load_views", model, kinds)
            self.views[model] = result["fields_views"]
        categories = client.call_kw(
            "name_search", "grid.case.category", "name_search", [], {
                "name": "", "args": [], "operator": "ilike", "limit": 8})
        self.categories = [category[0] for category in categories]
        if not self.categories:
            raise RuntimeError("no case category visible to %s" % self.login)

    def run(self, stop_at):
        """Act until ``stop_at`` (time.time()); errors are recorded by the
        client and the clerk carries on, as a user would."""
        actions = {
            "search residents": self.search_residents,
            "open a resident": self.open_resident,
            "open a household": self.open_household,
            "open the case list": self.case_list,
            "create a case": self.create_case,
            "move a case": self.move_case,
        }
        names = [name for name, _weight in WEIGHTS]
        weights = [weight for _name, weight in WEIGHTS]
        while time.time() < stop_at:
            name = self.rng.choices(names, weights)[0]
            try:
                actions[name]()
            except Exception:  # pylint: disable=broad-except
                # recorded by the client; the next action starts afresh
                pass
            low, high = self.think
            if high:
                time.sleep(self.rng.uniform(low, high))

    # actions ---------------------------------------------------------

    def _read_form(self, label, model, record_id):
        """Open a record's form: read the form's fields, then the first
        lines of each x2many field with the fields of its embedded list."""
        form = self.views[model]["form"]
        record = self.client.call_kw(
            label + " read", model, "read", [[record_id], view_fields(form)])
        if not record:
            return {}
        record = record[0]
        for name, descriptor in sorted(form["fields"].items()):
            if descriptor.get("type") not in ("one2many", "many2many"):
                continue
            ids = (record.get(name) or [])[:X2MANY_LIMIT]
            if not ids:
                continue
            subviews = descriptor.get("views") or {}
            subview = subviews.get("tree") or subviews.get("kanban")
            fields = (view_fields(subview) if subview
                      else ["display_name"])
            self.client.call_kw("x2many read", descriptor["relation"],
                                "read", [ids, fields])
        return record

    def _list_tags(self, view, records):
        """The list's many2many tags: the web client reads their names
        (and colours) in one call per field."""
        for name, descriptor in sorted(view["fields"].items()):
            if descriptor.get("type") != "many2many":
                continue
            ids = sorted({tag for record in records
                          for tag in record.get(name) or []})
            if ids:
                self.client.call_kw("tags read", descriptor["relation"],
                                    "read", [ids, ["display_name"]])

    def search_residents(self):
        fragment = self.rng.choice(FRAGMENTS)
        view = self.views["community.resident"]["list"]
        result = self.client.search_read(
            "resident search", "community.resident", view_fields(view),
            [["name", "ilike", fragment]])
        self.residents = [record["id"] for record in result["records"]]
        self._list_tags(view, result["records"])

    def open_resident(self):
        if not self.residents:
            self.search_residents()
        if not self.residents:
            return
        record = self._read_form("resident", "community.resident",
                                 self.rng.choice(self.residents))
        household = record.get("household_id")
        if household:
            self.households = ([household[0]] + self.households)[:20]

    def open_household(self):
        if not self.households:
            result = self.client.search_read(
                "household search", "community.household", ["display_name"],
                [], limit=80)
            self.households = [record["id"] for record in result["records"]]
        if self.households:
            self._read_form("household", "community.household",
                            self.rng.choice(self.households))

    def case_list(self):
        view = self.views["grid.case"]["list"]
        result = self.client.search_read(
            "case list", "grid.case", view_fields(view), [])
        self._list_tags(view, result["records"])

    def create_case(self):
        client = self.client
        form = view_fields(self.views["grid.case"]["form"])
        client.call_kw("case default_get", "grid.case", "default_get",
                       [form])
        if not self.households:
            self.open_household()
        values = {
            "category_id": self.rng.choice(self.categories),
            "channel": "walk_in",
            "description": "<p>%s</p>" % "楼道堆放杂物，居民来访反映",
        }
        if self.households:
            values["household_id"] = self.rng.choice(self.households)
        case_id = client.call_kw("case create", "grid.case", "create",
                                 [values])
        self.cases[case_id] = "report"
        self._read_form("case", "grid.case", case_id)

    def move_case(self):
        """Dispatch a reported case to oneself, or feed back a dispatched
        one: save the form, click the button, reload the form."""
        if not self.cases:
            self.create_case()
            return
        case_id = self.rng.choice(sorted(self.cases))
        client = self.client
        if self.cases[case_id] == "report":
            client.call_kw("case write", "grid.case", "write", [
                [case_id], {"handler_user_id": client.uid}])
            client.call_button("case dispatch", "grid.case",
                               "action_dispatch", case_id)
            self.cases[case_id] = "dispatch"
        else:
            client.call_kw("case write", "grid.case", "write", [
                [case_id], {"handle_note": "已上门清理，居民满意"}])
            client.call_button("case handle", "grid.case", "action_handle",
                               case_id)
            del self.cases[case_id]
        self._read_form("case", "grid.case", case_id)


def make_rng(seed, index):
    return random.Random("%s-%s" % (seed, index))
