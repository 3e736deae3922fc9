# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A known month of cases (October 2026) whose statistics are worked out
by hand in the tests: the fixture of the statistics and workbook tests."""
from odoo.addons.community_base.tests.common import CommunityCase

#: (key, community, category, unit, reported (UTC), closed (UTC) or None,
#: days to close, on time, evaluated (UTC) or None, satisfaction, returns,
#: extensions, reopenings, state). Beijing time is UTC+8: 02:00 UTC is
#: 10:00 in the street.
CASES = [
    ("c1", "a1", "c1", "d1", "2026-10-05 02:00:00", "2026-10-07 02:00:00",
     2, True, "2026-10-08 02:00:00", "satisfied", 1, 0, 0, "evaluate"),
    ("c2", "a1", "c1", "d1", "2026-10-10 02:00:00", "2026-10-20 02:00:00",
     6, False, "2026-10-21 02:00:00", "dissatisfied", 0, 1, 0, "evaluate"),
    ("c3", "a1", "c1", "d2", "2026-10-12 02:00:00", None,
     0, False, None, False, 0, 0, 0, "handle"),
    ("c4", "a1", "c2", "p1", "2026-10-15 02:00:00", "2026-10-16 02:00:00",
     1, True, "2026-10-17 02:00:00", "basic", 0, 0, 1, "evaluate"),
    ("c5", "a2", "c1", "d1", "2026-10-20 02:00:00", "2026-10-22 02:00:00",
     2, True, "2026-10-23 02:00:00", "satisfied", 0, 0, 0, "evaluate"),
    # reported in September: closed and evaluated in October count, its
    # return does not (returns count on the month's received cases)
    ("c6", "a2", "c1", "d1", "2026-09-28 02:00:00", "2026-10-02 02:00:00",
     3, True, "2026-10-03 02:00:00", "satisfied", 1, 0, 0, "evaluate"),
    # street B: outside street A's figures
    ("c7", "b1", "c1", "d1", "2026-10-06 02:00:00", "2026-10-08 02:00:00",
     2, True, None, False, 0, 0, 0, "close"),
    # November
    ("c8", "a1", "c1", "d1", "2026-11-02 02:00:00", None,
     0, False, None, False, 0, 0, 0, "dispatch"),
    # 1 November 01:00 in Beijing, still 31 October in UTC: November
    ("c9", "a2", "c2", None, "2026-10-31 17:00:00", None,
     0, False, None, False, 0, 0, 0, "report"),
    # 1 October 01:00 in Beijing, 30 September in UTC: October
    ("c10", "a2", "c2", None, "2026-09-30 17:00:00", None,
     0, False, None, False, 0, 0, 0, "report"),
]


class CaseStatisticsCase(CommunityCase):
    """CommunityCase (grids play no part in the figures) with two
    categories, three handling units and the cases of :data:`CASES`; the
    users work in Beijing time."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "Asia/Shanghai"
        for user in (cls.leader, cls.community_clerk, cls.street_clerk,
                     cls.street_clerk_b):
            user.tz = "Asia/Shanghai"
        Department = cls.env["hr.department"]
        cls.units = {
            "d1": Department.create({"name": "Urban management section"}),
            "d2": Department.create({"name": "Civil affairs section"}),
            "p1": cls.env["res.partner"].create({
                "name": "District water bureau", "is_company": True,
                "organisation_type": "department"}),
        }
        Category = cls.env["grid.case.category"]
        cls.categories = {
            "c1": Category.create({
                "name": "Stat environment", "code": "STAT-ENV",
                "level": "street", "sla_days": 2}),
            "c2": Category.create({
                "name": "Stat water", "code": "STAT-WATER",
                "level": "department", "sla_days": 2}),
        }
        communities = {"a1": cls.community_a1, "a2": cls.community_a2,
                       "b1": cls.community_b1}
        households = {"a1": cls.household_a1, "a2": cls.household_a2,
                      "b1": cls.household_b1}
        cls.cases = {}
        for (key, community, category, unit, reported, closed, days,
             on_time, evaluated, satisfaction, returns, extensions, reopens,
             state) in CASES:
            case = cls.env["grid.case"].create({
                "category_id": cls.categories[category].id,
                "community_id": communities[community].id,
                "household_id": households[community].id,
                "channel": "hotline",
                "reporter_name": "Reporter %s" % key,
                "reporter_phone": "1380000%04d" % len(cls.cases),
                "description": "<p>Case %s</p>" % key,
            })
            # the figures of the loop are set as the loop leaves them: the
            # statistics read the stored columns, whatever wrote them
            cls.env.cr.execute("""
                UPDATE grid_case SET state = %s, date_reported = %s,
                    date_dispatched = %s, date_closed = %s,
                    date_evaluated = %s, days_to_close = %s,
                    closed_on_time = %s, satisfaction = %s,
                    return_count = %s, extension_count = %s,
                    reopen_count = %s, handler_department_id = %s,
                    handler_partner_id = %s
                WHERE id = %s""", (
                state, reported, reported if state != "report" else None,
                closed, evaluated, days, on_time, satisfaction or None,
                returns, extensions, reopens,
                cls.units[unit].id if unit in ("d1", "d2") else None,
                cls.units[unit].id if unit == "p1" else None, case.id))
            cls.cases[key] = case
        cls.env["grid.case"].invalidate_cache()

    def statistics(self, grouping, user=None, date_start="2026-10-01",
                   date_end="2026-10-31", company_ids=None):
        user = user or self.leader
        if company_ids is None:
            company_ids = self.street_a.ids
        return self.env["grid.case.statistics"].sudo(user.id).compute(
            date_start, date_end, grouping, company_ids=company_ids)
