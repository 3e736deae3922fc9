# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading data on behalf of a user: the one way tiles, trends, statistics
and report sheets evaluate a user-typed domain and run an aggregate query.

Why: Odoo 11 checks a field's ``groups`` when a value is read, not when a
domain, a measure or a grouping uses it, and ``_where_calc`` (the query
builder under ``search``) applies no record rule. A count over
``[('id', '=', N), ('id_number', '=like', '3701%')]`` answers yes or no, so
about a hundred counts give a whole ID number back; a query without
``_apply_ir_rules`` counts the records of every street. And ``env.user`` is
a superuser record: a domain evaluated with ``user`` in its context reaches
``user.env[...]``, i.e. any model, read and write.

The three pieces:

``eval_domain(env, text)``
    ``safe_eval`` of a domain typed by a user, with a context of plain
    values only (``domain_context``): ``uid``, ``user_company_id``,
    ``user_company_ids``, ``user_community_ids`` (ints and lists of ints),
    ``today`` and ``context_today()`` (dates), ``datetime`` (the ``date``,
    ``datetime``, ``time`` and ``timedelta`` classes only: the module
    itself holds ``sys``) and ``relativedelta``. Never a recordset. The
    ids older domains read from the ``user`` record (``user.id``,
    ``user.company_id.id``, ``user.company_ids.ids``,
    ``user.community_ids.ids``) are rewritten to those names; any other use
    of ``user`` raises a ValidationError that says what to write instead.

``check_fields_readable(model, paths, order=None)``
    The one decision "may this user use field X" in a domain, a measure, a
    group-by or a sort order, for any model: every field of every dotted
    path (``partner_id.phone``), related fields followed to their source,
    must be readable by the user (its ``groups``), and every model a path
    passes through must be readable (access rights). Raises AccessError
    otherwise: a refusal, the same whether a record matches or not.
    ``community.private.fields.mixin`` delegates to it.

``user_query(model, domain, fnames=(), order=None)``
    The query of the records of ``domain`` the user may read: access rights
    checked, protected fields refused (the domain's and ``fnames``, the
    measures, dates and groupings the caller puts in its SQL), the record
    rules applied (``_apply_ir_rules(query, "read")``). Returns the Odoo
    ``Query``; ``query.get_sql()`` gives the FROM clause, the WHERE clause
    and its parameters for the caller's ``SELECT``. ``model`` must carry the
    user's environment (not ``sudo()``: the superuser passes every check).

Usage::

    domain = eval_domain(env, kpi.domain)
    query = user_query(env["community.resident"], domain, ["birth_date"])
    from_clause, where_clause, params = query.get_sql()
"""
import datetime
import re
import types

from dateutil.relativedelta import relativedelta

from odoo import _, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tools.safe_eval import safe_eval

from . import street_time

#: ``datetime`` as a domain sees it: the classes, not the module (whose
#: ``sys`` attribute would reach every loaded module)
SAFE_DATETIME = types.SimpleNamespace(
    date=datetime.date, datetime=datetime.datetime, time=datetime.time,
    timedelta=datetime.timedelta)


#: what the domains of older databases wrote with the ``user`` record, and
#: the plain value that replaces it (any other use of ``user`` is refused)
LEGACY_NAMES = (
    (re.compile(r"\buser\.company_ids\.ids\b"), "user_company_ids"),
    (re.compile(r"\buser\.community_ids\.ids\b"), "user_community_ids"),
    (re.compile(r"\buser\.company_id\.id\b"), "user_company_id"),
    (re.compile(r"\buser\.id\b"), "uid"),
)


def domain_context(env, today=None):
    """The names a user-typed domain may use: plain values, no record;
    ``today`` (a date) defaults to the day in the user's street."""
    # env.user is a superuser record in Odoo 11 anyway: only ints leave
    # sudo: the ids of the user's own streets and communities, as ints
    user = env["res.users"].sudo().browse(env.uid)
    if today is None:
        today = fields.Date.from_string(
            street_time.street_today(env, user.company_id))
    return {
        "uid": env.uid,
        "user_company_id": user.company_id.id,
        "user_company_ids": list(user.company_ids.ids),
        "user_community_ids": list(
            user.community_ids.ids if "community_ids" in user._fields
            else []),
        "today": today,
        "context_today": lambda: today,
        "datetime": SAFE_DATETIME,
        "relativedelta": relativedelta,
    }


def eval_domain(env, text, context=None):
    """The domain ``text`` typed by a user, evaluated with
    ``domain_context(env)`` (or ``context``, which must hold plain values
    only). The ids older tiles read from the ``user`` record
    (``user.company_ids.ids``, ``user.id``...) are read as the plain names
    of ``LEGACY_NAMES``; any other use of ``user`` is refused with a
    message naming the replacements."""
    values = dict(context if context is not None else domain_context(env))
    source = text or "[]"
    for pattern, name in LEGACY_NAMES:
        source = pattern.sub(name, source)
    try:
        domain = safe_eval(source, values)
    except (NameError, SyntaxError, ValueError) as error:
        # safe_eval reports a NameError or AttributeError as a ValueError
        raise ValidationError(_(
            "The domain %(domain)s cannot be evaluated (%(error)s). A "
            "domain may use uid, user_company_id, user_company_ids, "
            "user_community_ids, today, context_today(), datetime and "
            "relativedelta, never user: write e.g. user_company_ids "
            "instead of user.company_ids.ids.") % {
                "domain": text, "error": error})
    if not isinstance(domain, (list, tuple)):
        raise ValidationError(
            _("The domain %s is not a list of conditions.") % text)
    return list(domain)


def domain_fields(domain):
    """The field paths the leaves of ``domain`` test."""
    return [str(leaf[0]) for leaf in domain or []
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3]


def _denied_fields(model, path, seen, check_rights=True):
    """The labels of the fields of ``path`` (dotted, from ``model``) the
    user may not read; raises AccessError when a model on the way is not
    readable (``check_rights``; a related field reads its source as
    superuser, so only the groups of its path count)."""
    denied = []
    names = [name.strip() for name in path.split(".")]
    for index, name in enumerate(names):
        field = model._fields.get(name)
        if field is None:
            # not a field (1 = 1, a typo): the query builder refuses it
            break
        if field.groups and not model.user_has_groups(field.groups):
            denied.append("%s (%s)" % (field.string, model._description))
        key = (model._name, name)
        if field.related and key not in seen:
            # a related field reads its source: the source's groups count
            seen.add(key)
            related = field.related
            denied += _denied_fields(
                model, related if isinstance(related, str)
                else ".".join(related), seen, check_rights=False)
        if index + 1 < len(names) and field.relational:
            model = model.env[field.comodel_name]
            if check_rights:
                model.check_access_rights("read")
        else:
            break
    return denied


def check_fields_readable(model, paths, order=None):
    """Raise AccessError when the user of ``model``'s environment may not
    read one of the fields of ``paths`` (dotted paths, group-by specs such
    as ``date:month``) or of the ``order`` specification."""
    if model.env.user._is_superuser():
        return
    used = [str(path).split(":")[0].strip() for path in paths or []]
    for part in (order or "").split(","):
        used.append(part.strip().split(" ")[0].split(":")[0])
    denied, seen = [], set()
    for path in used:
        if path:
            for label in _denied_fields(model, path, seen):
                if label not in denied:
                    denied.append(label)
    if denied:
        raise AccessError(_(
            "You may not search, count, group or sort %(model)s by "
            "%(fields)s: only the roles that read these fields may.") % {
                "model": model._description, "fields": ", ".join(denied)})


def user_query(model, domain, fnames=(), order=None):
    """The ``Query`` of the records of ``domain`` the user of ``model``'s
    environment may read, after the checks of the module docstring;
    ``fnames`` are the fields the caller reads in its own SQL."""
    model.check_access_rights("read")
    check_fields_readable(
        model, domain_fields(domain) + list(fnames or ()), order)
    query = model._where_calc(domain)
    model._apply_ir_rules(query, "read")
    return query
