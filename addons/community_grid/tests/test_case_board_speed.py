# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib

from .case_common import CaseLoopCase

#: the cards of a dispatch board column the web client reads at once
PAGE = 40


class TestCaseBoardSpeed(CaseLoopCase):
    """A column of the dispatch board costs the same number of SQL queries
    whatever the number of cases in it (issue 16 item 10): the web client
    reads one page of cards with the kanban view's fields (their category,
    community and handler names), then counts the column. A compute or a
    record rule run per card would add queries with every card; timings
    are in bench/RESULTS.md (board_landing), never in tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fields = sorted(cls.env["grid.case"].fields_view_get(
            cls.env.ref("community_grid.grid_case_view_kanban").id,
            "kanban")["fields"])
        cls.cases = cls.env["grid.case"]
        cls._add_cases(PAGE + 1)

    @classmethod
    def _add_cases(cls, count):
        """``count`` more reported cases in grid A1 of community A1, of
        alternating categories, handlers and deadlines."""
        quiet = cls.env["grid.case"].with_context(
            tracking_disable=True, mail_create_nolog=True,
            mail_notrack=True)
        categories = cls.category_street | cls.category_multi
        handlers = cls.handler | cls.handler_2 | cls.grid_officer
        for index in range(count):
            cls.cases |= quiet.create({
                "category_id": categories[index % 2].id,
                "description": "<p>Board case %d</p>" % index,
                "household_id": cls.household_a1.id,
                "handler_user_id": handlers[index % 3].id,
                "channel": "visit",
                "date_reported": "2026-03-%02d 02:00:00" % (1 + index % 28),
            })

    def _column_queries(self, user):
        """The SQL queries of the board's "reported" column as ``user``:
        its first page of cards and its count."""
        Case = self.env["grid.case"].sudo(user.id).with_context(lang="zh_CN")
        domain = [("state", "=", "report")]
        Case.search_read(domain, self.fields, limit=PAGE)  # caches of rules
        Case.invalidate_cache()
        with self._counting() as counter:
            cards = Case.search_read(domain, self.fields, limit=PAGE)
            total = Case.search_count(domain)
        Case.invalidate_cache()
        return len(cards), total, counter["queries"]

    @contextlib.contextmanager
    def _counting(self):
        counter = {"queries": 0}
        cr = self.env.cr
        execute = cr.execute

        def counted(*args, **kwargs):
            counter["queries"] += 1
            return execute(*args, **kwargs)

        cr.execute = counted
        try:
            yield counter
        finally:
            del cr.execute

    def test_column_queries_do_not_grow_with_the_cases(self):
        for user in (self.street_clerk, self.community_clerk,
                     self.grid_officer):
            with self.subTest(user=user.login):
                cards, total, queries = self._column_queries(user)
                self.assertEqual(cards, PAGE)
                self._add_cases(2 * PAGE)
                more_cards, more_total, more_queries = \
                    self._column_queries(user)
                self.assertEqual(more_cards, PAGE)
                self.assertEqual(more_total, total + 2 * PAGE)
                self.assertLessEqual(more_queries, queries)

    def test_column_reads_a_fixed_number_of_queries(self):
        """A page of 40 cards of 40 cases is read in a handful of queries
        (the cases, the names of their categories, communities and
        handlers, the count), not one or more per card."""
        cards, total, queries = self._column_queries(self.street_clerk)
        self.assertEqual(cards, PAGE)
        self.assertLess(queries, PAGE // 2)
