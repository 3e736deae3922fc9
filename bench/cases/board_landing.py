"""The dispatch board, the landing page of each role and the first login
(issue 16 item 10), against the plain Odoo way on the same data.

- **board column**: the dispatch board's largest column as the street
  clerk opens it, in-process: the kanban view's ``search_read`` of 40
  cards (the view's fields, the model's order) and the ``search_count``
  the web client adds for a full column, with the clerk's record rules;
  baseline: the same two calls as the superuser (plain Odoo: no record
  rules). The SQL queries of one column read are counted too, and again
  with the column's cases doubled (in a transaction rolled back): a read
  whose query count grows with the cases is an N+1.
- **landing**: each role over HTTP on a threaded server (as ``bin/run``
  serves), after its first login (caches warm): ``/web`` (the page and its
  menus), the home action, its views and its records; baseline: the same
  user landing where plain Odoo lands, Discuss (``/web`` and
  ``/mail/client_action``).
- **first login after an install or upgrade**: a fresh server whose asset
  bundles are not compiled yet: the login page, the login and ``/web``
  with every bundle they link; ours: after ``warm_assets`` (scripts/lib.sh,
  run by ``bin/run`` after an install or upgrade); baseline: cold, as plain
  Odoo leaves it to the first user.
"""
import contextlib
import http.client
import logging
import os
import re
import subprocess
import time

from .. import core
from . import _http_client
from .clerks_http import odoo_server

TITLE = "Dispatch board, landing pages and first login"

_logger = logging.getLogger(__name__)

PASSWORD = "Bench-Landing#2026"
LOGIN = "bench_landing_%s"
#: role: the group of roles.py naming it
ROLES = [("leader", "LEADER"), ("street_clerk", "STREET_CLERK"),
         ("community_clerk", "COMMUNITY_CLERK"),
         ("grid_officer", "GRID_OFFICER"),
         ("finance_officer", "FINANCE_OFFICER"),
         ("evaluator", "EVALUATOR")]
#: the fields of the dispatch board's kanban view (grid_case_view_kanban)
BOARD_VIEW = "community_grid.grid_case_view_kanban"
BOARD_LIMIT = 40
ASSET = re.compile(r'(?:href|src)="(/web/content/[^"]+)"')


def ensure_users(ctx):
    """One user per role in the administrator's street (all its
    communities), created once and committed; their landing page comes
    from their role. Returns {role: (login, uid)}."""
    from odoo.addons.community_base.tools import roles

    users = {}
    with ctx.environment(commit=True) as env:
        admin = env.ref("base.user_root")
        street = admin.company_id
        communities = env["community.community"].search(
            [("company_id", "=", street.id)])
        Users = env["res.users"].with_context(no_reset_password=True)
        for role, constant in ROLES:
            group = env.ref(getattr(roles, constant), raise_if_not_found=False)
            if not group:
                continue
            login = LOGIN % role
            user = Users.search([("login", "=", login)])
            if not user:
                user = Users.create({
                    "name": "压测%s" % role, "login": login,
                    "password": PASSWORD, "lang": "zh_CN",
                    "tz": "Asia/Shanghai",
                    "email": "%s@example.com" % login,
                    "company_id": street.id,
                    "company_ids": [(6, 0, street.ids)],
                    "community_ids": [(6, 0, communities.ids)],
                    "groups_id": [(6, 0, group.ids)]})
            users[role] = (login, user.id)
    return users


def _board_fields(env):
    view = env.ref(BOARD_VIEW)
    return sorted(env["grid.case"].fields_view_get(
        view.id, "kanban")["fields"])


def _column_read(case_model, domain, fields):
    rows = case_model.search_read(domain, fields, limit=BOARD_LIMIT)
    if len(rows) == BOARD_LIMIT:
        case_model.search_count(domain)
    return rows


@contextlib.contextmanager
def _counting(cr):
    """Count the SQL queries run on ``cr`` inside the block."""
    counter = {"queries": 0}
    execute = cr.execute

    def counted(*args, **kwargs):
        counter["queries"] += 1
        return execute(*args, **kwargs)

    cr.execute = counted
    try:
        yield counter
    finally:
        del cr.execute


#: the indexes the board's queries are read from (grid_case.CASE_INDEXES):
#: its counts, its pages of cards
BOARD_INDEXES = ("grid_case_state_scope_index", "grid_case_state_list_index")
BOARD_INDEX = " and ".join(BOARD_INDEXES)


def _drop_board_indexes(cr):
    for index in BOARD_INDEXES:
        # sql: drops an index inside a savepoint the caller rolls back
        cr.execute('DROP INDEX IF EXISTS "%s"' % index)


def _plans(env, case_model, domain):
    """EXPLAIN ANALYZE of the board's queries as the user (the columns'
    read_group, a full column's count and its first page of cards), with
    and without the board's indexes (dropped in a savepoint rolled
    back)."""
    query = case_model._where_calc([])
    case_model._apply_ir_rules(query, "read")
    tables, where, params = query.get_sql()
    column = case_model._where_calc(domain)
    case_model._apply_ir_rules(column, "read")
    column_tables, column_where, column_params = column.get_sql()
    queries = [
        ("read_group by state", "SELECT min(grid_case.id), count(grid_case.id),"
         " grid_case.state FROM %s WHERE %s GROUP BY grid_case.state"
         % (tables, where or "TRUE"), params),
        ("count of the column", "SELECT count(1) FROM %s WHERE %s"
         % (column_tables, column_where), column_params),
        ("page of the column", "SELECT grid_case.id FROM %s WHERE %s %s "
         "LIMIT %d" % (column_tables, column_where,
                       case_model._generate_order_by(None, column),
                       BOARD_LIMIT), column_params),
    ]
    text = []
    for variant in ("with", "without"):
        # sql: drops the index inside a savepoint that is rolled back
        env.cr.execute("SAVEPOINT board_plans")
        if variant == "without":
            _drop_board_indexes(env.cr)
        for label, sql, sql_params in queries:
            # sql: the plan of the ORM's own query (rules included)
            env.cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, sql_params)
            text.append("-- %s, %s %s\n%s" % (
                label, variant, BOARD_INDEX,
                "\n".join(row[0] for row in env.cr.fetchall())))
        env.cr.execute("ROLLBACK TO SAVEPOINT board_plans")
    return "\n\n".join(text)


def measure_board(ctx, uid):
    """Ours and baseline Stats of the largest column, its size, the query
    counts at the column's size and at twice its cases, and the plans."""
    # a bulk-loaded table has no visibility map until autovacuum passes
    core.vacuum(ctx, "grid_case")
    with ctx.environment(context={"lang": "zh_CN"}) as env:
        fields = _board_fields(env)
        mine = env["grid.case"].sudo(uid)
        groups = mine.read_group([], ["state"], ["state"])
        group = max(groups, key=lambda item: item["state_count"])
        domain = group["__domain"]

        def ours():
            env.clear()
            return _column_read(mine, domain, fields)

        def plain():
            env.clear()
            return _column_read(env["grid.case"], domain, fields)

        def board():
            env.clear()
            for item in mine.read_group([], fields, ["state"], lazy=True):
                _column_read(mine, item["__domain"], fields)

        result = {
            "state": group["state"], "count": group["state_count"],
            "column": core.timed(ours, ctx.repeat, unit="ms"),
            "plain": core.timed(plain, ctx.repeat, unit="ms"),
            "board": core.timed(board, ctx.repeat, unit="ms"),
        }
        # sql: a savepoint rolled back: the board before its indexes
        env.cr.execute("SAVEPOINT board_before")
        _drop_board_indexes(env.cr)
        result["column_before"] = core.timed(ours, ctx.repeat, unit="ms")
        result["board_before"] = core.timed(board, ctx.repeat, unit="ms")
        env.cr.execute("ROLLBACK TO SAVEPOINT board_before")
        result["plans"] = _plans(env, mine, domain)
        env.clear()
        with _counting(env.cr) as before:
            _column_read(mine, domain, fields)
        # as many cases again in that column (rolled back at the end)
        # sql: copies the column's cases inside the benchmark's transaction
        env.cr.execute("""
            SELECT column_name FROM information_schema.columns
            WHERE table_name = 'grid_case' AND column_name <> 'id'""")
        names = [row[0] for row in env.cr.fetchall()]
        values = ["name || '-B'" if name == "name" else '"%s"' % name
                  for name in names]
        env.cr.execute(
            "INSERT INTO grid_case (%s) SELECT %s FROM grid_case "
            "WHERE state = %%s" % (", ".join('"%s"' % name for name in names),
                                   ", ".join(values)), [group["state"]])
        env.clear()
        with _counting(env.cr) as after:
            _column_read(mine, domain, fields)
    result.update(queries=before["queries"], doubled=after["queries"])
    return result


class _Browser(_http_client.OdooClient):
    """The client, with the plain GET of a page (its assets' URLs)."""

    def get(self, path):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(
                "%s=%s" % item for item in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port,
                                                timeout=self.timeout)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise _http_client.RpcError("GET %s: HTTP %s" % (
                path, response.status))
        return body.decode("utf-8", "replace")


def _login(host, port, db, login, assets=False):
    """Log in and open ``/web``; with ``assets``, as a browser that has
    none cached: the login page first and every bundle both pages link."""
    client = _Browser(host, port, _http_client.Recorder(), timeout=600)
    pages = []
    if assets:
        pages.append(client.get("/web/login"))
    client.authenticate(db, login, PASSWORD)
    pages.append(client.get("/web"))
    if assets:
        for url in sorted({url for page in pages
                           for url in ASSET.findall(page)}):
            client.get(url)
    return client


def _landing(client, uid):
    """The home action of the user, its views and its first records."""
    from odoo.tools.safe_eval import safe_eval

    user = client.call_kw("user", "res.users", "read", [[uid], ["action_id"]])
    action = client.rpc("action", "/web/action/load", {
        "action_id": user[0]["action_id"][0]})
    views = client.call_kw("views", action["res_model"], "load_views", [], {
        "views": action["views"], "options": {"load_filters": True,
                                              "toolbar": True}})
    kind = action["views"][0][1]
    fields = sorted(views["fields_views"][kind]["fields"])
    domain = action.get("domain") or []
    if isinstance(domain, str):
        domain = safe_eval(domain, {"uid": uid})
    client.search_read("records", action["res_model"], fields, domain,
                       limit=80)


def _discuss(client):
    """Where plain Odoo lands: the Discuss client action's data."""
    client.rpc("discuss", "/mail/client_action", {})


def measure_landing(ctx, users):
    log_path = ctx.work / "board_landing-landing.log"
    rows = {}
    with odoo_server(ctx, 0, log_path) as (host, port, _pid):
        for role, (login, uid) in users.items():
            _landing(_login(host, port, ctx.db, login), uid)  # warm up

            def ours():
                _landing(_login(host, port, ctx.db, login), uid)

            def plain():
                _discuss(_login(host, port, ctx.db, login))

            rows[role] = (core.timed(ours, ctx.repeat),
                          core.timed(plain, ctx.repeat))
    return rows


def _drop_bundles(ctx):
    with ctx.environment(commit=True) as env:
        env["ir.attachment"].search([
            ("res_model", "=", "ir.ui.view"),
            ("url", "=like", "/web/content/%")]).unlink()


def _warm_bundles(ctx):
    subprocess.run(
        ["bash", "-c", '. scripts/lib.sh && warm_assets "$0" "$1"',
         ctx.conf, ctx.db], cwd=str(core.ROOT), check=True,
        env=dict(os.environ, PATH="%s:%s" % (
            core.ROOT / ".venv" / "bin", os.environ.get("PATH", ""))),
        stdout=subprocess.DEVNULL)


def measure_first_login(ctx, login):
    """Seconds of the first login on a fresh server, bundles warmed by
    ``warm_assets`` or not compiled (plain Odoo)."""
    runs = {"ours": [], "plain": []}
    for index in range(ctx.repeat):
        for variant in ("ours", "plain"):
            _drop_bundles(ctx)
            if variant == "ours":
                _warm_bundles(ctx)
            log_path = ctx.work / ("board_landing-first-%s.log" % variant)
            with odoo_server(ctx, 0, log_path) as (host, port, _pid):
                start = time.perf_counter()
                _login(host, port, ctx.db, login, assets=True)
                runs[variant].append(time.perf_counter() - start)
    # leave the database with its bundles, as bin/run does
    _drop_bundles(ctx)
    _warm_bundles(ctx)
    return core.Stat(runs["ours"]), core.Stat(runs["plain"])


def run(ctx):
    users = ensure_users(ctx)
    rows = []
    notes = []
    uid = users["street_clerk"][1]
    board = measure_board(ctx, uid)
    column = "board column %s (%s cases) as the street clerk: 40 cards + " \
        "count" % (board["state"], "{:,}".format(board["count"]))
    rows.append(core.row(
        column, board["column"], baseline=board["plain"],
        ratio=board["plain"].median / board["column"].median,
        goal="≥ 0.5×",
        met=board["plain"].median / board["column"].median >= 0.5,
        note="baseline: the superuser, no record rules"))
    rows.append(core.row(
        "%s, without %s (before)" % (column, BOARD_INDEX), board["column"],
        baseline=board["column_before"],
        ratio=board["column_before"].median / board["column"].median,
        goal="reported",
        note="baseline: the same read with the indexes dropped"))
    rows.append(core.row(
        "whole board as the street clerk: read_group by step + every "
        "column's cards and count, without %s (before)" % BOARD_INDEX,
        board["board"], baseline=board["board_before"],
        ratio=board["board_before"].median / board["board"].median,
        goal="reported",
        note="baseline: the same reads with the indexes dropped"))
    rows.append(core.row(
        "SQL queries of that column read, at its cases and at twice as many",
        core.Stat([board["queries"]], "queries"),
        baseline=core.Stat([board["doubled"]], "queries"),
        goal="no more queries", met=board["doubled"] <= board["queries"],
        note="baseline column: the same read with the cases doubled"))
    plans = board["plans"]
    for role, (ours, plain) in measure_landing(ctx, users).items():
        rows.append(core.row(
            "landing of %s: /web, home action, views, records" % role,
            ours, baseline=plain, ratio=plain.median / ours.median,
            goal="reported",
            note="baseline: the same user landing on Discuss"))
    ours, plain = measure_first_login(ctx, users["leader"][0])
    rows.append(core.row(
        "first login on a fresh server after an install/upgrade: login page, "
        "login, /web and their bundles", ours, baseline=plain,
        ratio=plain.median / ours.median, goal="≥ 1.5×",
        met=plain.median / ours.median >= 1.5,
        note="ours: bundles compiled by warm_assets (bin/run); baseline: "
             "compiled by the first request"))
    notes.append(
        "Landing calls are timed over HTTP on the threaded server, without "
        "the browser's own work (JavaScript, menu icons); the home action's "
        "search_default filters are not applied. Each landing is a new "
        "login of a user who logged in before on that server (its menus "
        "are cached per user and process).")
    with ctx.environment() as env:
        cases = env["grid.case"].search_count([])
    return core.case_result(
        TITLE, rows, sizes={"grid cases": cases, "role users": len(users)},
        baseline="plain Odoo on the same data: the superuser's read of the "
                 "column, the Discuss landing, bundles compiled on the first "
                 "request",
        notes="\n\n".join(notes),
        details={"plans of the board's counts as the street clerk": plans})
