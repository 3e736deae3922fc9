"""Load the demo street into a database and commit.

Run through Odoo's shell (which rolls back unless the script commits)::

    DEMO_SEED=1 DEMO_SCALE=0.05 bin/odoo-server shell -c CONF -d DB \\
        < scripts/generate_demo.py

``DEMO_SCALE=1.0`` makes a full street (about 20,000 households and 50,000
residents). Rerunning it writes nothing when the demo street exists.
"""
import os

from odoo.addons.community_base.tools.demo_loader import load_demo

summary = load_demo(
    env,  # noqa: F821
    seed=int(os.environ.get("DEMO_SEED", "1")),
    scale=float(os.environ.get("DEMO_SCALE", "0.05")),
)
env.cr.commit()  # noqa: F821
print(
    "demo street %s: %s (%s)"
    % (
        "created" if summary["created"] else "already there, nothing written",
        ", ".join(summary["streets"]),
        summary["district"],
    )
)
for model, count in sorted(summary["counts"].items()):
    print("  %-32s %8d" % (model, count))
if summary.get("seconds") is not None:
    print("  loaded in %.1f s" % summary["seconds"])
print(
    "demo logins (password = login): admin, %s" % ", ".join(summary["logins"])
)
