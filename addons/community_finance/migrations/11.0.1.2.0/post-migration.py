# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Since 11.0.1.2.0 the finance set-up gives the shipped expense
categories (``noupdate`` data, which an update leaves alone) an expense
account in each street's chart, drafts the transfers that admission
requests approved before the set-up could not, and ships the office-fund
standard banded by residents. A database set up before gets the same:
each street whose finance is set up has its categories completed and its
waiting transfers drafted (a finance officer posts them), and an office-fund
standard still carrying the old shipped bands by households, untouched,
gets the bands by residents.

The menus "Budget execution" (the budget lines) and "Allocate funds" (the
wizard) were renamed, each the double of another menu's Chinese name: an
update keeps a record's old translation, so theirs are dropped here and
the translations loaded after this script give the new names."""
from odoo import SUPERUSER_ID, api

from odoo.addons.community_finance.models.res_company import OFFICE_FUND_BANDS

#: the renamed records whose translated names are dropped: (model, field,
#: xml id)
RENAMED = [
    ("ir.ui.menu", "name", "community_finance.crossovered_budget_lines_menu"),
    ("ir.ui.menu", "name",
     "community_finance.finance_allocation_wizard_menu"),
    ("ir.actions.act_window", "name",
     "community_finance.crossovered_budget_lines_action"),
]
#: the bands the set-up shipped before 11.0.1.2.0 (households)
OLD_OFFICE_FUND_BANDS = [(0, 1000, 8000.0), (1001, 3000, 9000.0),
                         (3001, 0, 10000.0)]


def migrate(cr, version):
    # sudo: a migration runs at upgrade, not reachable by users
    env = api.Environment(cr, SUPERUSER_ID, {})
    streets = env["res.company"].search([
        ("finance_expense_account_id", "!=", False)])
    for street in streets:
        street._finance_category_accounts()
        street._finance_draft_waiting_transfers()
    update_office_fund_standards(env, streets)
    drop_renamed_translations(env)


def drop_renamed_translations(env):
    """Drop the translations of the renamed menus and action (``RENAMED``),
    so that the module's translations, loaded after the migration without
    overwriting, give them their new names. Returns the rows dropped."""
    dropped = 0
    for model, field, xmlid in RENAMED:
        record = env.ref(xmlid, raise_if_not_found=False)
        if not record:
            continue
        # sql: removes the stale translations of one shipped record
        env.cr.execute("""
            DELETE FROM ir_translation
             WHERE type = 'model' AND name = %s AND res_id = %s""",
                       ("%s,%s" % (model, field), record.id))
        dropped += env.cr.rowcount
    return dropped


def update_office_fund_standards(env, streets):
    """The shipped office-fund standards (code OFF) whose bands are still
    the old shipped ones: banded by residents as the set-up now ships
    them. Returns the standards changed."""
    standards = env["finance.fund.standard"].with_context(
        active_test=False).search([
            ("company_id", "in", streets.ids), ("code", "=", "OFF"),
            ("method", "=", "fixed"), ("band_basis", "=", "households")])
    changed = standards.browse()
    for standard in standards:
        bands = sorted((band.households_from, band.households_to, band.amount)
                       for band in standard.band_ids)
        if bands != OLD_OFFICE_FUND_BANDS:
            continue
        standard.write({
            "band_basis": "residents",
            "band_ids": [(5, 0, 0)] + [
                (0, 0, {"households_from": low, "households_to": high,
                        "amount": amount})
                for low, high, amount in OFFICE_FUND_BANDS]})
        changed |= standard
    return changed
