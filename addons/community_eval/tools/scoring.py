# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Scoring of evaluation campaigns, without the database.

Kept out of the ORM so that the arithmetic a superior checks by hand
(satisfaction rate, weighted score, rank) is tested on its own.
"""
import calendar
import datetime

ANSWERS = ("satisfied", "basic", "dissatisfied")


def satisfaction_rate(answers, basic_counts=True):
    """Percent of ``answers`` that are satisfied (and basically satisfied
    when ``basic_counts``); None without answers.

    >>> satisfaction_rate(["satisfied", "basic", "dissatisfied", "basic"])
    75.0
    >>> satisfaction_rate(["satisfied", "basic"], basic_counts=False)
    50.0
    >>> satisfaction_rate([]) is None
    True
    """
    answers = [answer for answer in answers if answer in ANSWERS]
    if not answers:
        return None
    counted = ("satisfied", "basic") if basic_counts else ("satisfied",)
    return 100.0 * sum(1 for a in answers if a in counted) / len(answers)


def answer_score(answer, points):
    """The 0-100 score of a satisfaction answer, from the scheme's points
    ``{"satisfied": 100, "basic": 80, "dissatisfied": 0}``.

    >>> answer_score("basic", {"satisfied": 100, "basic": 80})
    80.0
    """
    return float(points.get(answer) or 0.0)


def points_score(points, max_points):
    """A 0..max_points mark as a 0-100 score.

    >>> points_score(8, 10)
    80.0
    """
    if not max_points:
        return 0.0
    return 100.0 * points / max_points


def computed_score(value, target_value):
    """The score of a computed figure: value / target x 100, at most 100,
    or the value itself when there is no target.

    >>> computed_score(24, 30)
    80.0
    >>> computed_score(45, 30)
    100.0
    >>> computed_score(92.5, 0)
    92.5
    """
    if not target_value:
        return float(value)
    return min(100.0, 100.0 * value / target_value)


def weighted_score(scores, deduction=0.0):
    """Weighted average of ``scores`` (pairs of weight and score; None
    scores are left out), minus ``deduction``, not below 0; None when no
    indicator has a score.

    >>> weighted_score([(2, 90.0), (1, 60.0)])
    80.0
    >>> weighted_score([(1, 50.0), (1, None)], deduction=5)
    45.0
    >>> weighted_score([(1, None)]) is None
    True
    """
    pairs = [(w, s) for w, s in scores if s is not None and w > 0]
    total_weight = sum(w for w, _s in pairs)
    if not total_weight:
        return None
    score = sum(w * s for w, s in pairs) / total_weight
    return max(0.0, score - (deduction or 0.0))


def competition_rank(values):
    """Ranks of ``values`` (dict key -> score, higher is better) in
    "1224" order: equal scores share a rank, the next rank skips. Keys
    without a score (None) get no rank.

    >>> sorted(competition_rank({"a": 90, "b": 95, "c": 90, "d": 80,
    ...                          "e": None}).items())
    [('a', 2), ('b', 1), ('c', 2), ('d', 4)]
    """
    scored = sorted(((s, k) for k, s in values.items() if s is not None),
                    key=lambda pair: -pair[0])
    ranks = {}
    previous = None
    for index, (score, key) in enumerate(scored):
        if previous is None or round(score, 6) != round(previous[0], 6):
            previous = (score, index + 1)
        ranks[key] = previous[1]
    return ranks


def period_matches(period_type, date_start, date_end):
    """Whether the dates cover exactly one calendar month, quarter or year.

    >>> d = datetime.date
    >>> period_matches("month", d(2026, 2, 1), d(2026, 2, 28))
    True
    >>> period_matches("quarter", d(2026, 4, 1), d(2026, 6, 30))
    True
    >>> period_matches("quarter", d(2026, 2, 1), d(2026, 4, 30))
    False
    >>> period_matches("year", d(2026, 1, 1), d(2026, 12, 31))
    True
    """
    if date_start.day != 1:
        return False
    months = {"month": 1, "quarter": 3, "year": 12}[period_type]
    if period_type == "quarter" and (date_start.month - 1) % 3:
        return False
    if period_type == "year" and date_start.month != 1:
        return False
    last_month = date_start.month + months - 1
    year = date_start.year + (last_month - 1) // 12
    month = (last_month - 1) % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date_end == datetime.date(year, month, last_day)
