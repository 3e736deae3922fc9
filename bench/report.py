"""Render the stored case results (JSON) into RESULTS.md."""
import json

from .cases import CASES


def fmt_value(value, unit):
    if value is None:
        return ""
    if abs(value) >= 1000:
        text = "{:,.0f}".format(value)
    elif abs(value) >= 100:
        text = "%.0f" % value
    elif abs(value) >= 10:
        text = "%.1f" % value
    elif abs(value) >= 1:
        text = "%.2f" % value
    else:
        text = "%.3f" % value
    return "%s %s" % (text, unit)


def fmt_stat(stat):
    """``median unit (min–max, n runs)``; one run shows its value alone."""
    if not stat:
        return "–"
    unit = stat["unit"]
    median = fmt_value(stat["median"], unit)
    if len(stat["runs"]) == 1:
        return "%s (1 run)" % median
    return "%s (%s–%s, %d runs)" % (
        median, fmt_value(stat["min"], "").strip(),
        fmt_value(stat["max"], "").strip(), len(stat["runs"]))


def fmt_met(met):
    return {True: "yes", False: "**no**", None: "–"}[met]


def render(results, machine, sizes, header=""):
    """RESULTS.md text from ``{case: result}`` in CASES order."""
    lines = ["# Benchmark results", ""]
    if header:
        lines += [header, ""]
    lines += ["## Machine", ""]
    lines += ["| | |", "|---|---|"]
    for key in ("cores", "cpu", "memory_gib", "postgresql",
                "shared_buffers", "python", "odoo", "os"):
        lines.append("| %s | %s |" % (key.replace("_", " "), machine.get(key)))
    lines += ["", "## Benchmark database", "", "| table | rows |",
              "|---|---:|"]
    for table, count in sizes.items():
        lines.append("| %s | %s |" % (table, "{:,}".format(count)))
    lines += ["", "## Summary", "",
              "| case | measure | ours | baseline | ratio | goal | met |",
              "|---|---|---|---|---:|---|---|"]
    for name in CASES:
        result = results.get(name)
        if not result:
            lines.append("| %s | *not run* | | | | | |" % name)
            continue
        for item in result["rows"]:
            ratio = ("%.1f×" % item["ratio"]) if item["ratio"] else ""
            lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                name, item["measure"], fmt_stat(item["ours"]),
                fmt_stat(item["baseline"]), ratio, item["goal"],
                fmt_met(item["met"])))
    for name in CASES:
        result = results.get(name)
        if not result:
            continue
        lines += ["", "## %s" % result["title"], "",
                  "Command: `%s` (revision %s, finished %s)." % (
                      result["command"], result.get("revision") or "?",
                      result["finished"]), ""]
        if result.get("sizes"):
            lines.append("Data: %s." % ", ".join(
                "%s %s" % ("{:,}".format(v) if isinstance(v, int) else v, k)
                for k, v in result["sizes"].items()))
            lines.append("")
        if result.get("baseline"):
            lines += ["Baseline: %s" % result["baseline"], ""]
        if result.get("limit"):
            lines += ["Limit: %s" % result["limit"], ""]
        lines += ["| measure | ours | baseline | ratio | limit | goal | met "
                  "| note |", "|---|---|---|---:|---|---|---|---|"]
        for item in result["rows"]:
            ratio = ("%.1f×" % item["ratio"]) if item["ratio"] else ""
            lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
                item["measure"], fmt_stat(item["ours"]),
                fmt_stat(item["baseline"]), ratio, fmt_stat(item["limit"]),
                item["goal"], fmt_met(item["met"]), item.get("note", "")))
        if result.get("notes"):
            lines += ["", result["notes"].strip()]
        for heading, text in result.get("details", {}).items():
            lines += ["", "### %s" % heading, "", "```", text.rstrip(), "```"]
    return "\n".join(lines) + "\n"


def load_results(directory):
    results = {}
    for name in CASES:
        path = directory / ("%s.json" % name)
        if path.exists():
            results[name] = json.loads(path.read_text())
    return results
