"""The benchmarks at tiny sizes, so that bench/ cannot rot.

``bench/run --smoke`` on a copy of the fresh test database (bin/test keeps
one as ``<db>_template``): every case runs once at tiny sizes and must store
a result whose figures are real measurements. Nothing here is timed: speed
goals live in bench/RESULTS.md, not in tests.
"""
import json
import os
import re
import subprocess

import pytest
from server_process import ROOT, copied_database

from bench.cases import CASES


@pytest.fixture()
def bench_db(odoo_conf):
    _path, options = odoo_conf
    with copied_database(options, "bench") as name:
        yield name
    subprocess.run(["rm", "-rf", str(ROOT / "var" / "data" / "filestore" / name)],
                   check=False)


def _assert_met_follows_goal(name, item):
    """``met`` is a verdict on the row's goal: a bool exactly when the row
    has a goal it can be judged on (a goal that is only "reported" has
    none), and for a goal on the ratio ("≥ 5×", "≤ 1.1×") the verdict is
    the comparison of that ratio with the goal's figure."""
    goal = item["goal"] or ""
    if item["met"] is None:
        assert not goal or "reported" in goal, (name, item)
        return
    assert isinstance(item["met"], bool) and goal, (name, item)
    if item["ratio"] is not None:
        assert item["ratio"] > 0, (name, item)
        bound = re.match(r"([≥≤]) ([0-9.]+)×", goal)
        if bound:
            figure = float(bound.group(2))
            expected = (item["ratio"] >= figure if bound.group(1) == "≥"
                        else item["ratio"] <= figure)
            assert item["met"] == expected, (name, item)


def test_bench_smoke_run_measures_every_case(bench_db, tmp_path):
    env = dict(os.environ, BENCH_DB=bench_db)
    proc = subprocess.run(
        [str(ROOT / "bench" / "run"), "--smoke", "--out", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-8000:]
    markdown = (tmp_path / "RESULTS.md").read_text()
    for name in CASES:
        result = json.loads((tmp_path / ("%s.json" % name)).read_text())
        assert result["rows"], name
        assert result["title"] in markdown
        for item in result["rows"]:
            figures = [item[key] for key in ("ours", "baseline", "limit")
                       if item[key]]
            assert figures, (name, item["measure"])
            for figure in figures:
                assert figure["runs"] and all(
                    value >= 0 for value in figure["runs"]), (name, item)
            _assert_met_follows_goal(name, item)
        assert any(item["ours"] and item["ours"]["median"] > 0
                   for item in result["rows"]), name
