"""python -m bench: run the benchmark cases and write RESULTS.md.

Run through ``bench/run``, which prepares the runtime, builds the benchmark
database and sets BENCH_CONF and BENCH_DB. Full runs take a lock, so that
two runs on one machine do not measure each other; each case's result is
stored as JSON (bench/results/) and every stored result is rendered, so
``--case`` reruns one case and keeps the others.
"""
import argparse
import fcntl
import importlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from . import core, data, report
from .cases import CASES

FULL_RESULTS = core.ROOT / "bench" / "results"
FULL_MARKDOWN = core.ROOT / "bench" / "RESULTS.md"

HEADER = (
    "Written by `bench/run` (see bench/README.md). Every figure is the "
    "median of its runs with the minimum and maximum; ours and the "
    "baseline run one after the other on the same data in the same run. "
    "Ratios are the baseline's figure over ours (how many times faster), "
    "unless the row says otherwise.")


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    parser.add_argument("--case", default=",".join(CASES),
                        help="comma-separated cases (default: all): %s"
                        % ", ".join(CASES))
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes and one run each, results in --out")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per measure (default 3; smoke 1)")
    parser.add_argument("--cases-total", type=int, default=None,
                        help="grid cases in the database (default 1,000,000;"
                        " smoke 3,000)")
    parser.add_argument("--scale", default=None,
                        help="demo scale the database is built with "
                        "(read by bench/run)")
    parser.add_argument("--out", default=None,
                        help="results directory (default bench/results; "
                        "smoke var/bench/smoke)")
    parser.add_argument("--data-only", action="store_true",
                        help="only build the benchmark data")
    parser.add_argument("--render-only", action="store_true",
                        help="only render the stored results")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO,
                        format="[bench] %(asctime)s %(message)s")
    names = [name.strip() for name in args.case.split(",") if name.strip()]
    unknown = sorted(set(names) - set(CASES))
    if unknown:
        sys.exit("bench: unknown case(s) %s; known: %s" % (
            ", ".join(unknown), ", ".join(CASES)))
    conf, db = os.environ.get("BENCH_CONF"), os.environ.get("BENCH_DB")
    if not conf or not db:
        sys.exit("bench: run it with bench/run (BENCH_CONF/BENCH_DB unset)")
    repeat = args.repeat or (1 if args.smoke else 3)
    out = Path(args.out) if args.out else (
        core.WORK / "smoke" if args.smoke else FULL_RESULTS)
    markdown = out / "RESULTS.md" if (args.smoke or args.out) else FULL_MARKDOWN
    ctx = core.Context(conf, db, repeat=repeat, smoke=args.smoke)
    lock = None
    if not args.smoke:
        core.WORK.mkdir(parents=True, exist_ok=True)
        lock = open(core.WORK / "lock", "w")
        logging.info("waiting for the benchmark lock")
        fcntl.flock(lock, fcntl.LOCK_EX)
    try:
        if not args.render_only:
            total = args.cases_total or (3000 if args.smoke else 1000000)
            logging.info("cases in the database: %s", "{:,}".format(
                data.ensure_cases(ctx, total)))
            if args.data_only:
                return
            for name in names:
                module = importlib.import_module("bench.cases.%s" % name)
                logging.info("case %s: %s", name, module.TITLE)
                start = time.time()
                result = module.run(ctx)
                result["seconds"] = round(time.time() - start, 1)
                core.save_result(out, name, result, "bench/run " + " ".join(
                    sys.argv[1:] if argv is None else argv))
                logging.info("case %s done in %.0f s", name, result["seconds"])
        results = report.load_results(out)
        text = report.render(results, core.machine(ctx), core.data_sizes(ctx),
                             header=HEADER)
        markdown.parent.mkdir(parents=True, exist_ok=True)
        markdown.write_text(text)
        (out / "summary.json").write_text(json.dumps({
            name: [item["met"] for item in result["rows"]]
            for name, result in results.items()}))
        logging.info("wrote %s", markdown)
    finally:
        if lock:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()


if __name__ == "__main__":
    main()
