"""Add up the reports of the test groups that bin/test runs at once.

    pytest_totals.py REPORT EXIT_CODE [REPORT EXIT_CODE ...]

Each REPORT is a pytest output saved by bin/test, EXIT_CODE that pytest's
exit status. Prints the counts of all groups on one line ("total: N passed,
N failed, N skipped"; errors count as failed) and exits with the first
non-zero status, or 1 when a report has no closing line (a group that died
before it finished has not passed).
"""
import re
import sys

# pytest's closing line: "==== 2 failed, 1957 passed, 3 skipped in 1.2s ===="
CLOSING = re.compile(r"^=+ (.*) in [0-9.]+s(?: \([0-9:]+\))? =+$")
COUNT = re.compile(r"(\d+) (\w+)")


def closing_counts(text):
    """The counts of the last closing line of ``text`` ({word: n}), or None."""
    for line in reversed(text.splitlines()):
        match = CLOSING.match(line.strip())
        if match:
            return {word: int(n) for n, word in COUNT.findall(match.group(1))}
    return None


def main(argv):
    pairs = list(zip(argv[0::2], argv[1::2]))
    if not pairs or len(argv) % 2:
        sys.exit(__doc__)
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    status = 0
    for path, code in pairs:
        with open(path, encoding="utf-8", errors="replace") as report:
            counts = closing_counts(report.read())
        if counts is None:
            print("[test] %s has no pytest closing line: that group did not "
                  "finish" % path)
            status = status or int(code) or 1
            continue
        totals["passed"] += counts.get("passed", 0)
        totals["failed"] += counts.get("failed", 0) + counts.get("error", 0) \
            + counts.get("errors", 0)
        totals["skipped"] += counts.get("skipped", 0)
        status = status or int(code)
    print("total: %(passed)d passed, %(failed)d failed, %(skipped)d skipped"
          % totals)
    if totals["failed"] and not status:
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
