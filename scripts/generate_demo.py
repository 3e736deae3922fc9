"""Load the demo street into a database and commit.

Run through Odoo's shell (which rolls back unless the script commits)::

    DEMO_SEED=1 DEMO_SCALE=0.05 bin/odoo-server shell -c CONF -d DB \\
        < scripts/generate_demo.py

``DEMO_SCALE=1.0`` makes a full street (about 20,000 households and 50,000
residents). Rerunning it writes nothing when the demo street exists.

The street is dated from the day it is built (the street's today): its
visits and cases run up to today, its budget is this year's. The seed makes
the same street relative to that day; ``DEMO_TODAY=YYYY-MM-DD`` dates it
from another day.

The other addons add their part of the street (grids, visits and cases;
budgets; evaluations; party organisations, members and meetings; the
service hall's catalogue, requests and duty roster) through
``odoo.addons.<addon>.tools.demo_loader``: a ``load_demo(env, seed, scale,
today)`` that is idempotent like community_base's and returns
``{"created": bool, "counts": {model: n}, "logins": [...]}`` (the logins
of the demo users it adds, if any).
"""
import importlib
import importlib.util
import os

from odoo.addons.community_base.tools.demo_loader import demo_today, load_demo

DEMO_ADDONS = ("community_grid", "community_finance", "community_eval",
               "community_party", "community_service")

seed = int(os.environ.get("DEMO_SEED", "1"))
scale = float(os.environ.get("DEMO_SCALE", "0.05"))
today = demo_today(env, os.environ.get("DEMO_TODAY"))  # noqa: F821
summary = load_demo(env, seed=seed, scale=scale, today=today)  # noqa: F821
env.cr.commit()  # noqa: F821
installed = set(
    env["ir.module.module"]  # noqa: F821
    .search([("name", "in", DEMO_ADDONS), ("state", "=", "installed")])
    .mapped("name")
)
for addon in DEMO_ADDONS:
    if addon not in installed:
        continue
    name = "odoo.addons.%s.tools.demo_loader" % addon
    if importlib.util.find_spec("odoo.addons.%s.tools" % addon) is None or (
        importlib.util.find_spec(name) is None
    ):
        continue  # this addon has no demo part (yet)
    loader = importlib.import_module(name)
    part = loader.load_demo(env, seed=seed, scale=scale, today=today)  # noqa: F821
    env.cr.commit()  # noqa: F821
    summary["counts"].update(part["counts"])
    summary["logins"] = sorted(set(summary["logins"]) | set(part.get("logins", ())))
print(
    "demo street %s: %s (%s), dated %s"
    % (
        "created" if summary["created"] else "already there, nothing written",
        ", ".join(summary["streets"]),
        summary["district"],
        today,
    )
)
for model, count in sorted(summary["counts"].items()):
    print("  %-32s %8d" % (model, count))
if summary.get("seconds") is not None:
    print("  loaded in %.1f s" % summary["seconds"])
print(
    "demo logins (password = login): admin, %s" % ", ".join(summary["logins"])
)
