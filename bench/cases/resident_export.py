"""Case resident_export: the residents of a community exported to Excel,
at 65,000 rows (just under what Odoo 11's own .xls export can hold) and at
650,000 rows, against Odoo's own export path.

Ours: the product's ledger workbook (``report.community_base.ledger_xlsx``,
report_xlsx, xlsxwriter ``constant_memory``) of one community: its
households sheet and its residents sheet of 17 columns (the 15 data columns
below plus 序号 and 年龄), a title, frozen headers and totals. It runs as
``create_xlsx_report`` does, with the workbook written to a file instead of
a BytesIO (the finished file would otherwise sit in memory and make the
peak grow with the file, whatever the export does).

Baseline: what the web client's "Export" (``/web/export/xls``) does:
``export_data`` of the same 15 fields over the same residents and Odoo
11's xls writer (``ExcelExport().from_data``, xlwt), at 65,000 rows only
(.xls holds 65,536 rows).

Each export runs in a fresh child process (``python -m
bench.cases.resident_export --child ...``) that loads the registry, notes
its peak RSS (``ru_maxrss``) idle, exports, and notes its peak RSS again;
so 65,000 and 650,000 rows are compared on equal terms. Every file written
is read back (row count, header row).

The data: a bench-only street (res.company) with two communities whose
residents are copies of the demo street's (new ID numbers, valid check
digits), built once in SQL and kept (marker ``bench.resident_export``).
"""
import argparse
import json
import logging
import math
import os
import re
import resource
import subprocess
import sys
import time
import zipfile

from .. import core

_logger = logging.getLogger(__name__)

TITLE = ("Export residents with 15 columns to xlsx at 65,000 and 650,000 "
         "rows")
MARKER = "bench.resident_export"
STREET_NAME = "基准导出街道（bench）"

#: the 15 resident fields the baseline exports, as the export dialog names
#: them; the ledger's residents sheet has the same data columns
FIELDS = ["name", "sex", "birth_date", "id_number", "phone",
          "compound_id", "building_id", "household_id/unit",
          "household_id/room", "relation", "residence_type",
          "registered_address", "origin", "arrival_date", "care_group_ids"]
HEADERS = ["姓名", "性别", "出生日期", "身份证号", "电话", "小区名称",
           "楼栋号", "单元", "室", "与户主关系", "人口类型", "户籍地址",
           "来源地", "到达日期", "关爱类别"]
RESIDENTS_PER_HOUSEHOLD = 2.5
HOUSEHOLDS_PER_BUILDING = 100
BUILDINGS_PER_COMPOUND = 20
#: ID numbers of the copies: a region code of their own, then an offset
#: per community so that both fit in one street
REGION = "659002"
ID_WEIGHTS = "ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]"
#: peak RSS at 650,000 rows may exceed the one at 65,000 by this factor
PEAK_TOLERANCE = 1.1


# -- data ----------------------------------------------------------------------


def ensure_data(ctx, sizes):
    """The bench street and one community per size of ``sizes`` with that
    many living residents; built once, reused while the marker holds.
    Return {size: community id}."""
    with ctx.environment(commit=True) as env:
        params = env["ir.config_parameter"].sudo()
        marker = json.loads(params.get_param(MARKER) or "{}")
        company = env["res.company"].browse(marker.get("company_id") or [])
        if not company.exists():
            company = env["res.company"].create({"name": STREET_NAME})
            marker = {"company_id": company.id, "communities": {}}
        communities = marker.setdefault("communities", {})
        for index, size in enumerate(sizes):
            community_id = communities.get(str(size))
            if community_id and _living(env, community_id) == size:
                continue
            _logger.info("resident_export: building %s residents", size)
            communities[str(size)] = build_community(
                env, company, size, offset=1000000 * index)
            params.set_param(MARKER, json.dumps(marker))
            env.cr.commit()
        return {size: communities[str(size)] for size in sizes}


def _living(env, community_id):
    env.cr.execute("SELECT count(*) FROM community_resident WHERE "
                   "community_id = %s AND state = 'living' AND active",
                   (community_id,))
    return env.cr.fetchone()[0]


def build_community(env, company, size, offset=0):
    """A community of ``size`` residents copied from the demo street's
    living residents (names, phones, addresses, relations, care groups),
    with new ID numbers and birth dates and sexes to match, in households
    of two or three, through the register's batched path
    (``tools.bulk_register``) for the hierarchy and SQL for the
    residents."""
    from odoo.addons.community_base.tools import bulk_register

    cr = env.cr
    community = env["community.community"].create({
        "name": "基准导出社区 %s" % "{:,}".format(size),
        "code": "BENCH-EXPORT-%d" % size,
        "company_id": company.id})
    households = math.ceil(size / RESIDENTS_PER_HOUSEHOLD)
    buildings = math.ceil(households / HOUSEHOLDS_PER_BUILDING)
    compounds = math.ceil(buildings / BUILDINGS_PER_COMPOUND)
    bulk = bulk_register.BulkRegister(env)
    compound_ids = bulk.insert_compounds([{
        "name": "导出小区%02d" % (index + 1), "kind": "estate",
        "code": "EX%02d" % (index + 1), "community_id": community.id}
        for index in range(compounds)]).ids
    building_ids = bulk.insert_buildings([{
        "compound_id": compound_ids[index // BUILDINGS_PER_COMPOUND],
        "name": "%d" % (index % BUILDINGS_PER_COMPOUND + 1),
        "unit_count": 4, "floor_count": 6} for index in range(buildings)]).ids
    household_ids = []
    for start in range(0, households, 50000):
        household_ids += bulk.insert_households([{
            "building_id": building_ids[index // HOUSEHOLDS_PER_BUILDING],
            "unit": "%d" % (1 + index % HOUSEHOLDS_PER_BUILDING // 25),
            "room": "%d%02d" % (1 + index % 25 // 4, 1 + index % 4),
            "household_type": "registered"}
            for index in range(start, min(households, start + 50000))]).ids
        bulk.flush_computed()
    cr.execute("CREATE TEMP TABLE bench_hh (pos int, id int) ON COMMIT DROP")
    cr.execute("INSERT INTO bench_hh SELECT pos - 1, id FROM "
               "unnest(%s::int[]) WITH ORDINALITY AS u(id, pos)",
               (household_ids,))
    demo = env["community.community"].search(
        [("company_id", "!=", company.id)], order="id", limit=1)
    cr.execute("""
        CREATE TEMP TABLE bench_gen ON COMMIT DROP AS
        WITH src AS (
            SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn
            FROM community_resident
            WHERE company_id = %(demo)s AND state = 'living' AND active)
        SELECT nextval('community_resident_id_seq') AS new_id, g.n,
               g.n::bigint * %(households)s / %(size)s AS pos,
               src.id AS src_id,
               %(region)s || to_char(date '1930-01-01'
                   + (%(offset)s + g.n) / 1000, 'YYYYMMDD')
                   || lpad(((%(offset)s + g.n) %% 1000)::text, 3, '0')
                   AS f17,
               date '1930-01-01' + (%(offset)s + g.n) / 1000 AS birth,
               CASE WHEN (%(offset)s + g.n) %% 2 = 1 THEN 'male'
                    ELSE 'female' END AS sex
        FROM generate_series(0, %(size)s - 1) AS g(n)
        JOIN src ON src.rn = g.n %% (SELECT count(*) FROM src)
    """, {"demo": demo.company_id.id, "households": households,
          "size": size, "region": REGION, "offset": offset})
    cr.execute("""
        SELECT column_name FROM information_schema.columns
        WHERE table_name = 'community_resident' ORDER BY ordinal_position""")
    columns = [name for name, in cr.fetchall()]
    overrides = {
        "id": "g.new_id",
        "id_number": "g.f17 || substr('10X98765432', (SELECT sum(substr("
        "g.f17, i, 1)::int * (%s)[i]) FROM generate_series(1, 17) i)::int "
        "%% 11 + 1, 1)" % ID_WEIGHTS,
        "birth_date": "g.birth", "sex": "g.sex",
        "household_id": "h.id", "building_id": "hh.building_id",
        "compound_id": "hh.compound_id", "community_id": "hh.community_id",
        "company_id": "hh.company_id", "state": "'living'", "active": "true",
        "relation": "CASE WHEN g.n = 0 OR (g.n - 1)::bigint * %d / %d "
        "<> g.pos THEN 'head' WHEN s.relation = 'head' THEN 'spouse' "
        "ELSE s.relation END" % (households, size),
        "name": "s.name",
    }
    select = [overrides.get(name, "s.%s" % name) for name in columns]
    cr.execute("""
        INSERT INTO community_resident (%s)
        SELECT %s FROM bench_gen g
        JOIN community_resident s ON s.id = g.src_id
        JOIN bench_hh h ON h.pos = g.pos
        JOIN community_household hh ON hh.id = h.id
    """ % (", ".join('"%s"' % name for name in columns), ", ".join(select)))
    cr.execute("""
        INSERT INTO community_care_group_resident_rel
            (resident_id, care_group_id)
        SELECT g.new_id, rel.care_group_id FROM bench_gen g
        JOIN community_care_group_resident_rel rel
            ON rel.resident_id = g.src_id""")
    cr.execute("""
        UPDATE community_household h SET member_count = c.members
        FROM (SELECT household_id, count(*) AS members
              FROM community_resident WHERE community_id = %(c)s
              AND state = 'living' GROUP BY household_id) c
        WHERE h.id = c.household_id;
        UPDATE community_household h SET head_id = r.id
        FROM (SELECT DISTINCT ON (household_id) household_id, id
              FROM community_resident
              WHERE community_id = %(c)s AND relation = 'head'
              ORDER BY household_id, id) r
        WHERE h.id = r.household_id
    """, {"c": community.id})
    env.cache.invalidate()
    bulk.recompute_counts({"community.building": building_ids})
    cr.execute("ANALYZE community_resident; ANALYZE community_household")
    return community.id


# -- the child process: one export, its time and peak memory --------------------


def child(argv):
    """``python -m bench.cases.resident_export --child MODE ...``: load the
    registry, export, print a JSON line with seconds and peak RSS."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", required=True,
                        choices=["ours", "baseline", "idle"])
    parser.add_argument("--conf", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--community", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    ctx = core.Context(args.conf, args.db, repeat=1)
    with ctx.environment(context={"lang": "zh_CN"}) as env:
        community = env["community.community"].browse(args.community)
        community.name  # pylint: disable=pointless-statement
        report = env["report.community_base.ledger_xlsx"]
        idle = _peak_kib()
        cpu = _cpu_seconds()
        start = time.perf_counter()
        if args.child == "ours":
            export_ours(report, community, args.out)
        elif args.child == "baseline":
            export_baseline(env, community, args.out)
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu
        peak = _peak_kib()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "idle_kib": idle,
                      "peak_kib": peak}))


def _peak_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def export_ours(report, community, path):
    """``create_xlsx_report`` of the community's ledger, into a file."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path, report.get_workbook_options())
    report.generate_xlsx_report(workbook, {}, community)
    workbook.close()


def export_baseline(env, community, path):
    """The web client's export: ``export_data`` of the 15 fields, then
    ``ExcelExport.from_data`` (xlwt); the living residents in the
    register's order."""
    from odoo.addons.web.controllers.main import ExcelExport

    residents = env["community.resident"].search([
        ("community_id", "=", community.id), ("state", "=", "living")])
    rows = residents.export_data(FIELDS).get("datas", [])
    data = ExcelExport().from_data(HEADERS, rows)
    with open(path, "wb") as output:
        output.write(data)


def run_child(ctx, mode, community_id, path):
    command = [sys.executable, "-m", "bench.cases.resident_export",
               "--child", mode, "--conf", ctx.conf, "--db", ctx.db,
               "--community", str(community_id), "--out", str(path)]
    output = subprocess.run(command, cwd=str(core.ROOT), check=True,
                            stdout=subprocess.PIPE, text=True).stdout
    result = json.loads(output.strip().splitlines()[-1])
    _logger.info("resident_export %s %s: %.1f s, peak %.0f MiB (idle %.0f)",
                 mode, community_id, result["seconds"],
                 result["peak_kib"] / 1024, result["idle_kib"] / 1024)
    return result


# -- reading the files back --------------------------------------------------


def check_xlsx(path, residents):
    """The ledger workbook holds a residents sheet with the header row and
    one row per resident (plus title, header and totals rows); its totals
    row counts them. Rows are counted in the sheet's XML (openpyxl reads
    the header and the totals)."""
    import openpyxl

    workbook = openpyxl.load_workbook(str(path), read_only=True)
    try:
        names = workbook.sheetnames
        sheet_name = [name for name in names if name.endswith("居民")]
        if len(sheet_name) != 1:
            raise AssertionError("no residents sheet in %s" % names)
        index = names.index(sheet_name[0])
        header = next(workbook[sheet_name[0]].iter_rows(
            min_row=2, max_row=2, values_only=True))
    finally:
        workbook.close()
    expected = ["序号", "姓名", "性别", "出生日期", "年龄"]
    if list(header[:5]) != expected or "身份证号" not in header:
        raise AssertionError("header row of %s: %s" % (path, header))
    rows, total = _count_rows(
        path, "xl/worksheets/sheet%d.xml" % (index + 1))
    if rows != residents + 3:
        raise AssertionError("%s: %s rows, expected %s residents + 3" % (
            path, rows, residents))
    if total != "%s人" % residents:
        raise AssertionError("%s: totals row says %r" % (path, total))
    return rows


def _count_rows(path, member):
    """Count the <row> elements of a worksheet, streaming; return the count
    and the text of the last row's second cell (the totals row's count)."""
    count, tail = 0, b""
    with zipfile.ZipFile(str(path)) as archive:
        with archive.open(member) as stream:
            while True:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                # "<row " cannot straddle two chunks unseen: the tail of
                # the previous chunk is searched with the new one
                data = tail + chunk
                count += data.count(b"<row ") - tail.count(b"<row ")
                tail = data[-8000:]
    last_row = tail[tail.rfind(b"<row "):].decode("utf-8", "replace")
    match = re.search(r'<c r="B\d+"([^>]*)>(.*?)</c>', last_row)
    if not match:
        return count, None
    if 't="s"' in match.group(1):
        index = int(re.search(r"<v>(\d+)</v>", match.group(2)).group(1))
        return count, _shared_string(path, index)
    text = re.search(r"<t[^>]*>(.*?)</t>", match.group(2))
    return count, text.group(1) if text else None


def _shared_string(path, index):
    import openpyxl.reader.strings as strings

    with zipfile.ZipFile(str(path)) as archive:
        with archive.open("xl/sharedStrings.xml") as stream:
            table = strings.read_string_table(stream)
    return table[index] if index < len(table) else None


def check_xls(path, residents):
    """The baseline's .xls: the header row and one named row per
    resident."""
    import xlrd

    book = xlrd.open_workbook(str(path), on_demand=True)
    sheet = book.sheet_by_index(0)
    if sheet.row_values(0) != HEADERS:
        raise AssertionError("header row of %s: %s" % (
            path, sheet.row_values(0)))
    # export_data writes the second and further care groups of a resident
    # on lines of their own, with the other cells empty
    named = sum(1 for value in sheet.col_values(0, start_rowx=1) if value)
    if named != residents:
        raise AssertionError("%s: %s residents, expected %s" % (
            path, named, residents))
    return sheet.nrows


# -- the case ------------------------------------------------------------------


def run(ctx):
    small = ctx.size(65000, 300)
    large = ctx.size(650000, 3000)
    communities = ensure_data(ctx, [small, large])
    directory = ctx.work / "resident_export"
    directory.mkdir(parents=True, exist_ok=True)

    def measure(mode, size, suffix):
        runs = []
        for index in range(ctx.repeat):
            path = directory / ("%s_%d_%d.%s" % (mode, size, index, suffix))
            if path.exists():
                path.unlink()
            result = run_child(ctx, mode, communities[size], path)
            if mode == "ours":
                check_xlsx(path, size)
            else:
                check_xls(path, size)
            result["bytes"] = path.stat().st_size
            runs.append(result)
            path.unlink()
        return runs

    # the registry alone, for reference (one run: it does not vary)
    idle = [run_child(ctx, "idle", communities[small],
                      directory / "idle.none")]
    ours_small = measure("ours", small, "xlsx")
    ours_large = measure("ours", large, "xlsx")
    baseline = measure("baseline", small, "xls")

    def stat(runs, key="seconds", unit="s", factor=1.0):
        return core.Stat([run[key] * factor for run in runs], unit)

    mib = 1.0 / 1024
    t_small, t_large = stat(ours_small), stat(ours_large)
    t_base = stat(baseline)
    peak_small = stat(ours_small, "peak_kib", "MiB", mib)
    peak_large = stat(ours_large, "peak_kib", "MiB", mib)
    peak_base = stat(baseline, "peak_kib", "MiB", mib)
    peak_idle = stat(idle, "peak_kib", "MiB", mib)
    delta_small = core.Stat([
        (run["peak_kib"] - run["idle_kib"]) * mib for run in ours_small],
        "MiB")
    delta_large = core.Stat([
        (run["peak_kib"] - run["idle_kib"]) * mib for run in ours_large],
        "MiB")
    ratio = t_base.median / t_small.median
    peak_ratio = peak_large.median / peak_small.median
    rows = [
        core.row("export %s residents: time" % "{:,}".format(small),
                 t_small, baseline=t_base, ratio=ratio,
                 goal="≥ 5× faster", met=ratio >= 5,
                 note="ours: households + residents sheets (17 columns); "
                 "baseline: export_data of 15 fields + xlwt"),
        core.row("export %s residents: CPU time of the exporting process"
                 % "{:,}".format(small),
                 stat(ours_small, "cpu"), baseline=stat(baseline, "cpu"),
                 ratio=stat(baseline, "cpu").median / max(
                     stat(ours_small, "cpu").median, 1e-6),
                 note="Python's share of the work (PostgreSQL's is left "
                 "out): the ratio a busy machine does not blur"),
        core.row("export %s residents: time" % "{:,}".format(large),
                 t_large, note="the baseline cannot: .xls stops at 65,536 "
                 "rows; %.0f rows/s against %.0f at %s" % (
                     large / t_large.median, small / t_small.median,
                     "{:,}".format(small))),
        core.row("peak RSS at %s rows (over %s)" % (
            "{:,}".format(large), "{:,}".format(small)),
            peak_large, baseline=peak_small, ratio=peak_ratio,
            goal="≤ %.1f× the peak at %s" % (
                PEAK_TOLERANCE, "{:,}".format(small)),
            met=peak_ratio <= PEAK_TOLERANCE,
            note="ratio here is peak(%s) / peak(%s); baseline column: "
            "ours at %s" % ("{:,}".format(large), "{:,}".format(small),
                            "{:,}".format(small))),
        core.row("peak RSS over an idle child (registry loaded)",
                 delta_large, baseline=delta_small,
                 ratio=(delta_large.median / delta_small.median
                        if delta_small.median else None),
                 note="ours at %s (ours column) and at %s (baseline "
                 "column); ratio = the first over the second; idle child "
                 "%.0f MiB" % ("{:,}".format(large), "{:,}".format(small),
                               peak_idle.median)),
        core.row("peak RSS at %s rows, ours vs Odoo's export" %
                 "{:,}".format(small), peak_small, baseline=peak_base,
                 ratio=peak_base.median / peak_small.median,
                 note="ratio = baseline peak / ours"),
    ]
    return core.case_result(
        TITLE, rows,
        sizes={"residents (small)": small, "residents (large)": large,
               "xlsx bytes (small)": ours_small[0]["bytes"],
               "xlsx bytes (large)": ours_large[0]["bytes"],
               "xls bytes (baseline)": baseline[0]["bytes"]},
        baseline="Odoo 11's own export path, as `/web/export/xls` runs it: "
        "`export_data` of the same 15 fields (%s) over the same living "
        "residents, then `ExcelExport().from_data` (xlwt), at %s rows "
        "only (.xls holds 65,536 rows)." % (", ".join(FIELDS),
                                            "{:,}".format(small)),
        limit="",
        notes=NOTES % {"peak_small": peak_small.median,
                       "peak_large": peak_large.median,
                       "idle": peak_idle.median,
                       "tolerance": PEAK_TOLERANCE},
        details={})


NOTES = """\
Ours is the community ledger workbook (`report.community_base.ledger_xlsx`,
the 台账 export of a community): a households sheet and a residents sheet
of 17 columns (序号, 姓名, 性别, 出生日期, 年龄, 身份证号, 电话, 小区名称,
楼栋号, 单元, 室, 与户主关系, 人口类型, 户籍地址, 来源地, 到达日期, 关爱类别:
the baseline's 15 fields plus the row number and the age), written with
xlsxwriter in `constant_memory` mode, as an administrator (ID numbers and
phones in full). It runs as report_xlsx's `create_xlsx_report` does, into a
file rather than a BytesIO, so that the peak measures the export and not
the finished file held in memory for the download.

Profiled with pyinstrument (3,000 residents in 1,200 households on the
development database): the ledger read every resident through the ORM,
first `read(["household_id", "relation"])` of all of them (with the
households' names) to sort them, then each record's fields, and each
household's, every prefetchable column each time: 10.8 s on a busy
machine (2.3 s of CPU), of which the households sheet 6.5 s; the
residents sheet kept all the residents' values in memory at once. Now
(community_base `report/community_ledger_xlsx.py`) each sheet is one
query (the ORM's own queries, with the record rules applied and the
households' ORDER BY as a `row_number()`), read through a server-side
cursor 1,000 rows at a time: 1.1 s (0.9 s of CPU), most of it xlsxwriter
writing the cells (about 6.5 µs a cell: escaping and writing each inline
string's XML). A first version kept the households' ids in Python and
peaked at 168 MiB at 650,000 rows against 127 MiB at 65,000; with the ids
left in PostgreSQL both stay at the idle child's peak.

Ours writes more than the baseline: the households sheet and two more
columns (序号, 年龄), about 1.36 million cells at 65,000 residents against
0.98 million; the ratio is of the whole exports.

Each export runs in its own child process; the peak RSS is `ru_maxrss`
of that child, which includes the Odoo registry (an idle child, registry
loaded, peaks at %(idle).0f MiB). Goal: the peak at the large size at most
%(tolerance).1f× the peak at the small one (here %(peak_large).0f MiB
against %(peak_small).0f MiB). Every file is read back: the header row
with openpyxl, the rows counted in the sheet's XML (one per resident plus
the title, header and totals rows), the totals row's count; the
baseline's .xls with xlrd.
"""


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    child(sys.argv[1:])
    sys.stdout.flush()
    # skip the interpreter's teardown of the registry: it is not measured
    os._exit(0)
