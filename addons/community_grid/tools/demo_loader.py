# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The grid part of the demo street (``scripts/generate_demo.py``).

Two steps on top of community_base's demo street: :mod:`.demo_grid` draws
the grids over every household and writes a year of visits;
:mod:`.demo_cases` writes a year of cases on them. Each step is idempotent
(it writes nothing when its XML id marker exists) and returns its counts.
"""
from odoo import SUPERUSER_ID, api

from . import demo_cases, demo_grid


def load_demo(env, seed=1, scale=0.05, today=None):
    """Write the grids, visits and cases of the demo street (as superuser;
    the caller commits). Returns ``{"created": bool, "counts": {...}}``."""
    # sudo: the demo loader is run from the command line by the operator, not reachable
    #   by users
    env = api.Environment(env.cr, SUPERUSER_ID, dict(
        env.context, tracking_disable=True, mail_create_nolog=True,
        mail_notrack=True, active_test=False))
    created = False
    counts = {}
    for step in (demo_grid, demo_cases):
        part = step.load(env, seed=seed, scale=scale, today=today)
        created = created or part["created"]
        counts.update(part["counts"])
    return {"created": created, "counts": counts}
