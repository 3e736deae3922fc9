# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles of a street office, named once for the four addons.

Every ``has_group`` check and every field's ``groups=`` names a role
through these constants, so "the clerk" means one group everywhere
(``COMMUNITY_CLERK`` keeps the ledgers of its communities,
``STREET_CLERK`` works for the whole street). The groups themselves are
defined in each addon's ``security/*_groups.xml``; ``docs/access.md`` says
what each role may do.

The protected-field decision, "may this user read residents' ID numbers,
phones and birth dates?", is :func:`may_read_personal_data`: the resident
model (fields, search, masks), the ledger export and the case reporter's
phone all ask it, and the fields carry ``groups=PERSONAL_DATA`` so that
Odoo's own field access agrees with it.
"""
from odoo import SUPERUSER_ID

#: Odoo's settings administrator (technical configuration)
SYSTEM = "base.group_system"
#: the street's administrator: configures, approves, deletes
STREET_ADMIN = "community_base.group_street_admin"
#: street office staff: the whole street's ledgers and cases
STREET_CLERK = "community_base.group_street_clerk"
#: a community's clerk: the ledgers of the user's communities
COMMUNITY_CLERK = "community_base.group_community_clerk"
#: the street's leaders: read everything, personal data masked
LEADER = "community_base.group_leader"
#: grid officers: their grids' households, visits and cases
GRID_OFFICER = "community_grid.group_grid_officer"
#: staff of a unit that handles dispatched cases
CASE_HANDLER = "community_grid.group_case_handler"
#: finance officers: budgets, funds, subsidies, tax sources
FINANCE_OFFICER = "community_finance.group_finance_officer"
#: evaluators: fill the score sheets given to them
EVALUATOR = "community_eval.group_evaluator"
#: party affairs workers of the party organisations assigned to them
PARTY_ORGANISER = "community_party.group_party_organiser"
#: community party secretaries: the party records of their communities
PARTY_SECRETARY = "community_party.group_party_secretary"
#: the street's party building office: the whole street's party records
PARTY_OFFICER = "community_party.group_party_officer"

#: the group whose members read residents' ID numbers, phones and birth
#: dates in clear (every clerk and administrator role implies it)
PERSONAL_DATA = COMMUNITY_CLERK
#: the group whose members read party members' ID numbers, phones, birth
#: dates and political status in clear (every party role implies it)
PARTY_DATA = PARTY_ORGANISER


def may_read_personal_data(env):
    """Whether the user of ``env`` reads residents' ID numbers, phones and
    birth dates in clear; the others see them masked or not at all.

    The superuser (``sudo()``) does: code that reads as superuser decides
    itself what it shows.
    """
    return env.uid == SUPERUSER_ID or env.user.has_group(PERSONAL_DATA)


def may_read_party_data(env):
    """Whether the user of ``env`` reads party members' ID numbers, phones,
    birth dates and who is a party member in clear: the party roles do;
    the leader reads the register with masks, the other roles nothing.
    """
    return env.uid == SUPERUSER_ID or env.user.has_group(PARTY_DATA)


def has_any(env, *groups):
    """Whether the user of ``env`` belongs to one of ``groups``."""
    return any(env.user.has_group(group) for group in groups)


def field_groups(*groups):
    """The ``groups=`` of a field readable by any of ``groups``: Odoo
    wants their xml ids in one comma-separated string."""
    return ",".join(groups)
