# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""tools.user_query: the one way a figure is read on behalf of a user."""
import datetime

from odoo import models
from odoo.exceptions import AccessError, ValidationError

from ..tools import user_query
from .common import CommunityCase


class TestUserQuery(CommunityCase):

    def test_domain_context_holds_plain_values_only(self):
        context = user_query.domain_context(
            self.env(user=self.community_clerk.id))
        for name, value in context.items():
            self.assertNotIsInstance(value, models.BaseModel, name)
        self.assertEqual(context["user_community_ids"],
                         self.community_clerk.community_ids.ids)
        self.assertIsInstance(context["context_today"](), datetime.date)
        self.assertFalse(hasattr(context["datetime"], "sys"))

    def test_eval_domain_refuses_records_and_modules(self):
        env = self.env(user=self.leader.id)
        for text in ("[('login', '=', user.login)]",
                     "[('id', '=', datetime.sys.maxsize)]",
                     "[('id', '=', env.uid)]", "'no domain'"):
            with self.assertRaises(ValidationError, msg=text):
                user_query.eval_domain(env, text)
        self.assertEqual(
            user_query.eval_domain(
                env, "[('create_uid', '=', uid), ('date', '>=', "
                "(context_today() - relativedelta(days=1)).isoformat())]",
            )[0], ("create_uid", "=", self.leader.id))

    def test_protected_fields_refused_along_paths_groupings_orders(self):
        """Any model (a move is no private-fields model), a path through a
        relation, a group-by spec and a sort order all count."""
        check = user_query.check_fields_readable
        moves = self.env["community.resident.move"]
        residents = self.env["community.resident"]
        for paths, order in ((["resident_id.birth_date"], None),
                             (["resident_id.household_id",
                               "resident_id.phone"], None),
                             (["date"], "resident_id.id_number desc")):
            with self.assertRaises(AccessError, msg=paths):
                check(moves.sudo(self.leader), paths, order)
            check(moves.sudo(self.community_clerk), paths, order)
        with self.assertRaises(AccessError):
            check(residents.sudo(self.leader), ["birth_date:month"])
        with self.assertRaises(AccessError):
            check(residents.sudo(self.leader), [], "phone desc, id")
        check(moves.sudo(self.leader), ["date", "resident_id.name"], "id")
        # the superuser passes
        check(moves, ["resident_id.id_number"])

    def test_user_query_applies_the_record_rules(self):
        for user, expected in ((self.community_clerk, 2),
                               (self.community_clerk_a2, 1),
                               (self.street_clerk, 3)):
            Resident = self.env["community.resident"].sudo(user)
            query = user_query.user_query(
                Resident, [("state", "=", "living")], ["arrival_date"])
            from_clause, where_clause, params = query.get_sql()
            # sql: the test reads the count the query's callers would
            self.env.cr.execute("SELECT count(*) FROM %s WHERE %s" % (
                from_clause, where_clause or "TRUE"), params)
            self.assertEqual(self.env.cr.fetchone()[0], expected, user.login)
        with self.assertRaises(AccessError):
            user_query.user_query(
                self.env["community.resident"].sudo(self.leader),
                [("state", "=", "living")], ["birth_date"])
        with self.assertRaises(AccessError):
            user_query.user_query(
                self.env["community.resident"].sudo(self.portal_user), [])
