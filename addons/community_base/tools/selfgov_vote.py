# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The count of a vote on a residents' proposal, without the ORM.

A proposal is adopted when more than half of the votes cast are for it;
abstentions are cast votes (they count in the half but not for), as the
residents' councils' rules of procedure count them.

>>> is_adopted(5, 3, 1)
True
>>> is_adopted(4, 3, 1)
False
>>> is_adopted(0, 0, 0)
False
"""


def check_counts(votes_for, votes_against, votes_abstain, present=None):
    """The reason the counts are impossible, or ``None``: no negative
    count, no more votes cast than attendees present (when known)."""
    if min(votes_for, votes_against, votes_abstain) < 0:
        return "negative"
    if present is not None and \
            votes_for + votes_against + votes_abstain > present:
        return "more_than_present"
    return None


def is_adopted(votes_for, votes_against, votes_abstain):
    """More than half of the votes cast are for."""
    cast = votes_for + votes_against + votes_abstain
    return bool(cast) and votes_for * 2 > cast
