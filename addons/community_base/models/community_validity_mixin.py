# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunityValidityMixin(models.AbstractModel):
    """A record valid over a period of days, of which only one version may
    be in force on any day: a funding standard, a subsidy standard.

    ``date_start`` is the first day, ``date_end`` the last one (both
    included; empty while the record is in force). Two active records that
    share the values of ``_validity_key_fields`` (say the code and the
    street) must not be valid on a common day, or whoever looks up the
    version of a day could not tell which one applies; ``_valid_on`` is
    that lookup.

    The key fields are a class attribute, which ``@api.constrains`` cannot
    name, so the check runs from ``_validate_fields`` whenever the dates,
    ``active`` or a key field are written.
    """

    _name = "community.validity.mixin"
    _description = "Valid over a period, without overlaps"
    _validity_key_fields = ()

    date_start = fields.Date(string="Valid from", required=True, index=True)
    date_end = fields.Date(
        string="Valid until", index=True,
        help="Last day of validity; leave empty while in force.")

    @api.model
    def _validity_domain(self, date):
        """The domain of the records valid on ``date``."""
        return [("date_start", "<=", date),
                "|", ("date_end", "=", False), ("date_end", ">=", date)]

    @api.model
    def _valid_on(self, date, domain=None, limit=None):
        """The records valid on ``date`` among those of ``domain``, as the
        user may read them."""
        return self.search(
            list(domain or []) + self._validity_domain(date), limit=limit,
            order="date_start desc, id desc")

    @api.multi
    def _validity_label(self):
        """The period as a clerk reads it: "2026-01-01 – 2026-12-31"."""
        self.ensure_one()
        if not self.date_end:
            return _("%s onwards") % self.date_start
        return "%s – %s" % (self.date_start, self.date_end)

    @api.multi
    def _validate_fields(self, field_names):
        result = super()._validate_fields(field_names)
        watched = {"date_start", "date_end", "active"}.union(
            self._validity_key_fields)
        if watched.intersection(field_names):
            self._check_validity()
        return result

    @api.multi
    def _check_validity(self):
        """Refuse a period that ends before it starts, and two active
        records of the same key valid on a common day."""
        # sudo: the check must see every record of the key, also those the
        #   user cannot read; it only raises
        for record in self.sudo():
            if record.date_end and record.date_end < record.date_start:
                raise ValidationError(_(
                    "\"%(record)s\" cannot end on %(end)s, before it starts "
                    "on %(start)s.") % {
                        "record": record.display_name,
                        "end": record.date_end, "start": record.date_start})
            if "active" in record._fields and not record.active:
                continue
            domain = [("id", "!=", record.id)] + [
                (name, "=", record._fields[name].convert_to_write(
                    record[name], record))
                for name in self._validity_key_fields]
            domain += [("date_start", "<=", record.date_end)
                       ] if record.date_end else []
            domain += ["|", ("date_end", "=", False),
                       ("date_end", ">=", record.date_start)]
            other = record.search(domain, order="date_start, id", limit=1)
            if other:
                raise ValidationError(_(
                    "\"%(record)s\" (%(period)s) and \"%(other)s\" "
                    "(%(other_period)s) would be valid on the same days: "
                    "end the earlier one before the later one starts.") % {
                        "record": record.display_name,
                        "period": record._validity_label(),
                        "other": other.display_name,
                        "other_period": other._validity_label()})
