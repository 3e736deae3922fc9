"""Server-side view of the clerks' requests: the same ORM calls the
HTTP requests make, run in the benchmark's process as one bench clerk
(record rules, zh_CN context), timed, profiled with pyinstrument, and the
SQL of the two list searches explained. Everything is rolled back.

This is what "profile before optimising" looked at: it separates the
server's own time per request type from the queueing the load adds.
"""
import statistics
import time

#: list searches the web client sends, by request label
LIST_SEARCHES = {
    "resident search": ("community.resident", [["name", "ilike", "王"]]),
    "case list": ("grid.case", []),
}


def _view_fields(model, kind):
    view = model.fields_view_get(view_type=kind)
    return sorted(view["fields"])


def _search_read(model, domain, fields):
    """What /web/dataset/search_read does (DataSet.do_search_read)."""
    records = model.search_read(domain, fields, limit=80)
    if len(records) == 80:
        model.search_count(domain)
    return records


def _operations(env):
    """(label, callable) of the clerk's requests on this database."""
    residents = env["community.resident"]
    cases = env["grid.case"]
    resident_list = _view_fields(residents, "tree")
    resident_form = _view_fields(residents, "form")
    case_list = _view_fields(cases, "tree")
    case_form = _view_fields(cases, "form")
    household_form = _view_fields(env["community.household"], "form")
    some_residents = residents.search([], limit=50).ids
    some_cases = cases.search([], limit=50).ids
    households = env["community.household"].search([], limit=50)
    categories = env["grid.case.category"].search([], limit=5).ids
    state = {"index": 0}

    def pick(ids):
        state["index"] += 1
        return ids[state["index"] % len(ids)]

    def create_and_move():
        case = cases.create({
            "category_id": pick(categories), "channel": "walk_in",
            "household_id": pick(households.ids),
            "description": "<p>楼道堆放杂物</p>"})
        case.read(case_form)
        case.write({"handler_user_id": env.uid})
        case.action_dispatch()
        case.write({"handle_note": "已上门清理"})
        case.action_handle()

    operations = [
        ("resident search", lambda: _search_read(
            residents, LIST_SEARCHES["resident search"][1], resident_list)),
        ("resident read", lambda: residents.browse(
            pick(some_residents)).read(resident_form)),
        ("household read", lambda: households.browse(
            pick(households.ids)).read(household_form)),
        ("case list", lambda: _search_read(cases, [], case_list)),
        ("case read", lambda: cases.browse(pick(some_cases)).read(
            case_form)),
    ]
    if categories and households:
        operations.append(("case create, dispatch, handle",
                           create_and_move))
    return operations


def server_times(ctx, uid, context, repeat=5):
    """Median in-process milliseconds per operation (wall clock, and the
    Python CPU time of the thread: the wall clock also holds PostgreSQL's
    time and whatever else runs on the machine), and the pyinstrument text
    of all of them (None when pyinstrument is missing)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        Profiler = None
    times = {}
    with ctx.environment(uid=uid, context=context) as env:
        operations = _operations(env)
        for label, operation in operations:
            operation()  # warm the caches, as a warmed-up worker has them
            env.cache.invalidate()
            runs, cpu = [], []
            for _index in range(repeat):
                start, thread = time.perf_counter(), time.thread_time()
                operation()
                runs.append((time.perf_counter() - start) * 1000)
                cpu.append((time.thread_time() - thread) * 1000)
                env.cache.invalidate()
            times[label] = (statistics.median(runs), statistics.median(cpu))
        profile = None
        if Profiler is not None:
            profiler = Profiler(interval=0.001)
            profiler.start()
            for _index in range(repeat):
                for _label, operation in operations:
                    operation()
                    env.cache.invalidate()
            profiler.stop()
            profile = profiler.output_text(unicode=False, color=False)
            profile = "\n".join(profile.splitlines()[:60])
    return times, profile


def explain_lists(ctx, uid, context):
    """EXPLAIN ANALYZE of the clerk's two list searches (record rules
    applied, the model's order, limit 80) and of their counts."""
    plans = {}
    with ctx.environment(uid=uid, context=context) as env:
        for label, (model_name, domain) in sorted(LIST_SEARCHES.items()):
            model = env[model_name]
            query = model._where_calc(domain)
            model._apply_ir_rules(query, "read")
            order_by = model._generate_order_by(None, query)
            from_clause, where_clause, params = query.get_sql()
            where = (" WHERE %s" % where_clause) if where_clause else ""
            for kind, sql in (
                    ("search", 'SELECT "%s".id FROM %s%s%s LIMIT 80' % (
                        model._table, from_clause, where, order_by)),
                    ("count", "SELECT count(1) FROM %s%s" % (
                        from_clause, where))):
                env.cr.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                plans["%s (%s)" % (label, kind)] = "\n".join(
                    [env.cr.mogrify(sql, params).decode()] + [
                        row[0] for row in env.cr.fetchall()])
    return plans
