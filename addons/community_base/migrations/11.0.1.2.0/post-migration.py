# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Since 11.0.1.2.0 the volunteer posts end their terms through
``community.term.mixin``, whose daily action is ``_archive_ended_terms``.
The scheduled action is shipped ``noupdate``, so an upgraded database gets
the new code here (only if it still runs the old one: an administrator's
own code is left alone)."""
from odoo import SUPERUSER_ID, api

OLD_CODE = "model._archive_ended_posts()"
NEW_CODE = "model._archive_ended_terms()"


def migrate(cr, version):
    # sudo: a migration runs at upgrade, not reachable by users
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("community_base.community_post_cron_archive_ended",
                   raise_if_not_found=False)
    if cron and cron.code.strip() == OLD_CODE:
        cron.code = NEW_CODE
