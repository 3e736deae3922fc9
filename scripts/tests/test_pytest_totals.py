"""bin/test runs its two groups of tests at once and adds up their reports
with scripts/pytest_totals.py: the closing line CI reads must count every
test of both, and a failed or unfinished group must fail the run."""
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TOTALS = REPO / "scripts" / "pytest_totals.py"

PASSED = """tests/test_a.py ....
============ slowest 25 durations ============
1.00s call tests/test_a.py::test_one
========== 4 passed, 2 warnings in 12.34s ==========
"""
FAILED = """addons/x/tests/test_b.py .F.sE
FAILED addons/x/tests/test_b.py::test_two - AssertionError
=== 1 failed, 2 passed, 1 skipped, 1 error in 1396.62s (0:23:16) ===
"""
DIED = """addons/x/tests/test_b.py ....
Killed
"""


def run_totals(tmp_path, *reports):
    args = []
    for index, (text, code) in enumerate(reports):
        path = tmp_path / ("report%d.txt" % index)
        path.write_text(text)
        args += [str(path), str(code)]
    return subprocess.run([sys.executable, str(TOTALS), *args],
                          capture_output=True, text=True, timeout=60)


def test_two_passed_groups_add_up_and_pass(tmp_path):
    result = run_totals(tmp_path, (PASSED, 0), (PASSED, 0))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == \
        "total: 8 passed, 0 failed, 0 skipped"


def test_a_failed_group_fails_the_run_and_errors_count_as_failed(tmp_path):
    result = run_totals(tmp_path, (PASSED, 0), (FAILED, 1))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == \
        "total: 6 passed, 2 failed, 1 skipped"


def test_a_group_without_closing_line_fails_the_run(tmp_path):
    # a group killed half-way printed no closing line and exited non-zero
    result = run_totals(tmp_path, (PASSED, 0), (DIED, -9 % 256))
    assert result.returncode == 247
    assert "report1.txt has no pytest closing line" in result.stdout
    # even when its exit status said nothing of it
    result = run_totals(tmp_path, (DIED, 0), (PASSED, 0))
    assert result.returncode == 1
