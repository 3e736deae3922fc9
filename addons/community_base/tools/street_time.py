# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The street's day: one answer to "what day is it in this street".

A deadline, an overdue flag, a statistics period and the dates of a
workbook all count the days of the street's calendar, not those of the
user reading them (a clerk on a trip abroad, a browser set to another
zone) nor the server's. The street's time zone is the time zone of its
company's address (``res.company.partner_id.tz``), Asia/Shanghai when none
is set: every street of the project is in China today, and a street
elsewhere only sets the time zone on its address.
"""
import datetime

import pytz

from odoo import fields

#: the time zone of a street whose address has none
DEFAULT_TZ = "Asia/Shanghai"


def street_tz_name(env, company=None):
    """The name of the time zone of ``company`` (by default the user's
    current street)."""
    company = company or env.user.company_id
    # sudo: the time zone of the street's address, needed by every role that
    #   counts the street's days; nothing else is read
    return company.sudo().partner_id.tz or DEFAULT_TZ


def street_tz(env, company=None):
    """The pytz time zone of ``company`` (by default the user's street)."""
    return pytz.timezone(street_tz_name(env, company))


def street_today(env, company=None):
    """Today in the street, as a date string: the same for every user and
    for the scheduled actions."""
    return street_date(env, fields.Datetime.now(), company)


def street_date(env, value, company=None):
    """The street's calendar day of a UTC datetime (or its string), as a
    date string."""
    if isinstance(value, str):
        value = fields.Datetime.from_string(value)
    utc = pytz.utc.localize(value)
    return fields.Date.to_string(utc.astimezone(street_tz(env, company)).date())


def street_datetime(env, value, company=None):
    """A UTC datetime (or its string) as the street's naive local time, as
    a workbook shows it."""
    if isinstance(value, str):
        value = fields.Datetime.from_string(value)
    local = pytz.utc.localize(value).astimezone(street_tz(env, company))
    return local.replace(tzinfo=None)


def street_day_bounds(env, date_from, date_to, company=None):
    """The UTC datetimes (stored strings) bounding the street's days
    ``date_from`` to ``date_to``, both included: ``[start, stop)``."""
    tz = street_tz(env, company)
    start = fields.Date.from_string(date_from)
    stop = fields.Date.from_string(date_to) + datetime.timedelta(days=1)
    bounds = []
    for day in (start, stop):
        local = tz.localize(datetime.datetime.combine(day, datetime.time()))
        bounds.append(fields.Datetime.to_string(
            local.astimezone(pytz.utc).replace(tzinfo=None)))
    return bounds


def companies_by_tz(env, company_ids):
    """``{time zone name: [company ids]}`` of the streets ``company_ids``,
    for the batch jobs that work on many streets at once."""
    groups = {}
    for company in env["res.company"].browse(company_ids):
        groups.setdefault(street_tz_name(env, company), []).append(company.id)
    return groups
