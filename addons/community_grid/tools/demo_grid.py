# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The grids and visits of the demo street.

Grids are drawn community by community over whole buildings, about 350
households each (the middle of the default band; a small demo community
gets one smaller grid), so that every household belongs to a grid. The
demo user ``grid_officer`` holds the first grid; the others get generated
grid officers, with the community clerks of the community as deputies.

Then a year of visits up to ``today``: each officer visits distinct
households of their grid every month, most near the street's monthly quota,
one in five well below it. Visits are written in pages through
community_base's :class:`BulkRegister` (plain SQL), not one ORM create per
visit; the households' last visit dates are set in one UPDATE.
"""
import calendar
import datetime
import random

from odoo import fields

from odoo.addons.community_base.tools import roles
from odoo.addons.community_base.tools.bulk_register import BulkRegister
from odoo.addons.community_base.tools.demo_loader import demo_today

MODULE = "community_grid"
MARKER = "grid_1_demo"
GRID_SIZE = 350

PURPOSES = [("routine", 60), ("care", 15), ("collect", 12), ("dispute", 6),
            ("policy", 7)]
FINDINGS = [
    "家中情况正常，无特殊诉求。",
    "老人独居，身体状况尚可，已提醒注意防寒。",
    "反映楼道灯损坏，已记录并上报物业。",
    "新增租户一名，已登记信息。",
    "邻里因噪音有矛盾，已初步调解。",
    "咨询养老补贴政策，已现场解答。",
    "反映下水道堵塞，已联系物业处理。",
    "家中无人，已留联系卡。",
]
FOLLOW_UPS = ["下月回访。", "请物业跟进处理。", "", "", ""]


def load(env, seed=1, scale=0.05, today=None):
    """Draw the demo grids and write their visits of the year up to
    ``today`` (default: the street's today; ``env`` is a superuser
    environment; the caller commits). Writes nothing when the grids are
    there or when the demo street is not."""
    today = demo_today(env, today)
    district = env.ref("community_base.district_demo", raise_if_not_found=False)
    if not district:
        return {"created": False, "counts": {}}
    streets = env["res.company"].search([("parent_id", "=", district.id)])
    if env.ref("%s.%s" % (MODULE, MARKER), raise_if_not_found=False):
        return {"created": False, "counts": _counts(env, streets)}
    rng = random.Random("grid-%s-%s" % (seed, scale))
    grids = _grids(env, rng, streets)
    _visits(env, rng, grids, today)
    return {"created": True, "counts": _counts(env, streets)}


def _counts(env, streets):
    return {
        model: env[model].with_context(active_test=False).search_count(
            [("company_id", "in", streets.ids)])
        for model in ("grid.grid", "grid.visit")}


def _split(buildings, count):
    """Cut the ordered ``buildings`` ([(id, households)]) into ``count``
    runs of whole buildings of about equal households."""
    total = sum(size for _id, size in buildings)
    runs, run, filled = [], [], 0
    for building_id, size in buildings:
        run.append(building_id)
        filled += size
        if len(runs) < count - 1 and filled >= total * (len(runs) + 1) / count:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def _grids(env, rng, streets):
    cr = env.cr
    officer_group = env.ref(roles.GRID_OFFICER)
    clerk_group = env.ref(roles.COMMUNITY_CLERK)
    street_clerk_group = env.ref(roles.STREET_CLERK)
    demo_officer = env["res.users"].search([("login", "=", "grid_officer")])
    communities = env["community.community"].search(
        [("company_id", "in", streets.ids)], order="company_id, code, id")
    lang = "zh_CN" if env["res.lang"].search(
        [("code", "=", "zh_CN")]) else "en_US"
    grids = env["grid.grid"]
    number = 0
    for community in communities:
        # sql: the demo loader is run from the command line by the operator; bulk reads
        #   for speed
        cr.execute("""
            SELECT b.id, count(h.id)
              FROM community_building b
              JOIN community_household h ON h.building_id = b.id
             WHERE b.community_id = %s
             GROUP BY b.id, b.compound_id
             ORDER BY b.compound_id, b.id""", (community.id,))
        buildings = cr.fetchall()
        if not buildings:
            continue
        total = sum(size for _id, size in buildings)
        count = max(1, int(round(total / float(GRID_SIZE))))
        clerks = community.user_ids.filtered(
            lambda user: clerk_group in user.groups_id
            and street_clerk_group not in user.groups_id)
        for index, run in enumerate(_split(buildings, count)):
            number += 1
            if number == 1 and demo_officer:
                officer = demo_officer
                officer.write({"community_ids": [(4, community.id)]})
            else:
                login = "grid_officer_%d" % number
                officer = env["res.users"].search([("login", "=", login)])
                if not officer:
                    officer = env["res.users"].with_context(
                        no_reset_password=True).create({
                            "name": "网格员%d" % number, "login": login,
                            "password": login,
                            "email": "%s@example.com" % login,
                            "lang": lang, "tz": "Asia/Shanghai",
                            "company_id": community.company_id.id,
                            "company_ids": [(6, 0, community.company_id.ids)],
                            "groups_id": [(6, 0, officer_group.ids)],
                        })
            grid = env["grid.grid"].create({
                "name": "%s第%d网格" % (community.name, index + 1),
                "code": "%s-%02d" % (community.code or community.id, index + 1),
                "community_id": community.id,
                "officer_id": officer.id,
                "deputy_ids": [(6, 0, clerks[:1].ids)],
                "boundary": "%d栋楼" % len(run),
            })
            if number == 1:
                env["ir.model.data"].create({
                    "module": MODULE, "name": MARKER, "model": "grid.grid",
                    "res_id": grid.id, "noupdate": True})
            # sql: the demo loader is run from the command line by the operator; bulk
            #   writes for speed
            cr.execute(
                "UPDATE community_building SET grid_id = %s "
                "WHERE id = ANY(%s)", (grid.id, run))
            # sql: the demo loader is run from the command line by the operator; bulk
            #   writes for speed
            cr.execute(
                "UPDATE community_household SET grid_id = %s "
                "WHERE building_id = ANY(%s)", (grid.id, run))
            grids |= grid
    # the households joined their grids in SQL: have the ORM recompute the
    # grids' stored counts (a few dozen grids, one query each)
    env.cache.invalidate()
    for name in ("household_count", "resident_count", "size_state"):
        env.add_todo(grids._fields[name], grids)
    grids.recompute()
    return grids


def _months(today):
    """(first day, last day) of the twelve months before ``today``'s month
    and of ``today``'s month up to ``today``."""
    first = today.replace(day=1)
    months = []
    for back in range(12, -1, -1):
        year, month = first.year, first.month - back
        while month < 1:
            month += 12
            year -= 1
        start = datetime.date(year, month, 1)
        end = start.replace(day=calendar.monthrange(year, month)[1])
        months.append((start, min(end, today)))
    return months


def _visits(env, rng, grids, today):
    cr = env.cr
    bulk = BulkRegister(env)
    rows = []
    purposes = [key for key, _weight in PURPOSES]
    weights = [weight for _key, weight in PURPOSES]
    for grid in grids:
        target = grid.company_id.visit_monthly_target or 30
        # sql: the demo loader is run from the command line by the operator; bulk reads
        #   for speed
        cr.execute("SELECT id FROM community_household WHERE grid_id = %s "
                   "ORDER BY id", (grid.id,))
        households = [row[0] for row in cr.fetchall()]
        # one officer in five stays well below the quota
        diligence = 0.45 if rng.random() < 0.2 else 1.0
        for start, end in _months(today):
            days = (end - start).days + 1
            full = calendar.monthrange(start.year, start.month)[1]
            wanted = int(round(target * diligence * days / full
                               * rng.uniform(0.85, 1.12)))
            visited = rng.sample(households, min(wanted, len(households)))
            for household_id in visited:
                findings = rng.choice(FINDINGS)
                rows.append({
                    "officer_id": grid.officer_id.id,
                    "household_id": household_id,
                    "grid_id": grid.id,
                    "community_id": grid.community_id.id,
                    "company_id": grid.company_id.id,
                    "date": fields.Date.to_string(
                        start + datetime.timedelta(rng.randrange(days))),
                    "purpose": rng.choices(purposes, weights)[0],
                    "findings": findings,
                    "follow_up": rng.choice(FOLLOW_UPS) or False,
                })
    bulk.insert("grid.visit", rows)
    bulk.flush_computed()
    # sql: the demo loader is run from the command line by the operator; bulk writes for
    #   speed
    cr.execute("""
        UPDATE community_household h
           SET last_visit_date = v.last
          FROM (SELECT household_id, max(date) AS last
                  FROM grid_visit GROUP BY household_id) v
         WHERE h.id = v.household_id AND h.grid_id = ANY(%s)""", (grids.ids,))
    env.cache.invalidate()
