# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.community_base.tests.common import StreetRoleCase


class EvalRoleCase(StreetRoleCase):
    """The street roles plus an evaluator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.evaluator = cls._create_user(
            "evaluator", "community_eval.group_evaluator")
