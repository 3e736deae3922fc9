# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.community_base.tools import user_query

NUMERIC_TYPES = ("integer", "float", "monetary")
DATE_TYPES = ("date", "datetime")


class EvalRule(models.Model):
    """A figure computed from the data of any model: a domain, an
    aggregate (count, sum or average of a field), grouped by the field that
    links a record to the target, within a period; optionally divided by a
    second rule (a ratio, e.g. cases closed on time / cases closed).

    Why a configured rule: the figures a street scores (visit rates, cases
    closed on time, budget execution) live in other addons, which this one
    must not require; an administrator names the model and fields instead
    of a developer importing them.
    """

    _name = "eval.rule"
    _description = "Computed evaluation rule"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street", index=True,
        help="Leave empty to share the rule between streets.")
    model_id = fields.Many2one(
        comodel_name="ir.model", string="Model", required=True,
        ondelete="cascade", index=True)
    model_name = fields.Char(related="model_id.model", readonly=True)
    domain = fields.Char(
        default="[]", required=True,
        help="Odoo domain on the model, e.g. [('closed_on_time', '=', True)].")
    aggregate = fields.Selection(
        selection=[("count", "Count"), ("sum", "Sum"), ("avg", "Average")],
        required=True, default="count")
    field_id = fields.Many2one(
        comodel_name="ir.model.fields", string="Field", ondelete="cascade",
        domain="[('model_id', '=', model_id), "
               "('ttype', 'in', ('integer', 'float', 'monetary'))]",
        help="Numeric field summed or averaged.")
    target_field_id = fields.Many2one(
        comodel_name="ir.model.fields", string="Target field",
        required=True, ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', '=', 'many2one')]",
        help="The field that links a record to the evaluated target, "
             "e.g. community_id, officer_id or handler_user_id.")
    date_field_id = fields.Many2one(
        comodel_name="ir.model.fields", string="Date field",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), "
               "('ttype', 'in', ('date', 'datetime'))]",
        help="Places a record in the campaign's period; empty: all records.")
    denominator_rule_id = fields.Many2one(
        comodel_name="eval.rule", string="Divided by", ondelete="restrict",
        help="Makes the figure a ratio: this rule's value divided by that "
             "rule's value, times the factor.")
    factor = fields.Float(
        default=100.0, help="Multiplies a ratio, e.g. 100 for a percent.")

    @api.constrains("model_id", "aggregate", "field_id", "target_field_id",
                    "date_field_id", "domain", "denominator_rule_id")
    def _check_rule(self):
        for rule in self:
            model = rule.model_id
            for field, types in ((rule.field_id, NUMERIC_TYPES),
                                 (rule.target_field_id, ("many2one",)),
                                 (rule.date_field_id, DATE_TYPES)):
                if field and (field.model_id != model
                              or field.ttype not in types):
                    raise ValidationError(_(
                        "Rule %(rule)s: field %(field)s does not fit "
                        "(model %(model)s, expected type %(types)s).") % {
                            "rule": rule.name, "field": field.name,
                            "model": model.model,
                            "types": ", ".join(types)})
            if rule.aggregate in ("sum", "avg") and not rule.field_id:
                raise ValidationError(_(
                    "Rule %s: a sum or an average needs a numeric field.")
                    % rule.name)
            try:
                # plain values only (no record): see tools.user_query
                domain = user_query.eval_domain(self.env, rule.domain)
                # sudo: only checks the domain parses; nothing is returned
                self.env[model.model].sudo().search(domain, limit=1)
            except Exception as error:
                raise ValidationError(_(
                    "Rule %(rule)s: the domain %(domain)s is not valid on "
                    "%(model)s: %(error)s") % {
                        "rule": rule.name, "domain": rule.domain,
                        "model": model.model, "error": error})
            # the campaign reads the rule as superuser: its author may use
            # only the fields they may read (no ID number by bisection)
            user_query.check_fields_readable(
                self.env[model.model], user_query.domain_fields(domain) + [
                    field.name for field in (
                        rule.field_id, rule.target_field_id,
                        rule.date_field_id) if field])
            seen = rule
            denominator = rule.denominator_rule_id
            while denominator:
                if denominator in seen:
                    raise ValidationError(_(
                        "Rule %s divides by itself through its "
                        "denominators.") % rule.name)
                seen |= denominator
                denominator = denominator.denominator_rule_id

    def _evaluate(self, date_start, date_end, company=None, target_ids=None):
        """Value per target id ``{id: float}`` over the period, with one
        ``read_group`` (and one more for a ratio). Counts and sums are 0
        for targets without records; averages and ratios are left out
        (no value) when nothing was counted.

        Private: it reads any model as superuser (a rule may count any
        street's records), for the campaign's computation only."""
        self.ensure_one()
        values = self._aggregate(date_start, date_end, company, target_ids)
        if self.denominator_rule_id:
            denominators = self.denominator_rule_id._evaluate(
                date_start, date_end, company, target_ids)
            return {
                key: self.factor * values.get(key, 0.0) / denominator
                for key, denominator in denominators.items() if denominator}
        if target_ids is not None and self.aggregate != "avg":
            for target_id in target_ids:
                values.setdefault(target_id, 0.0)
        return values

    def _domain(self, date_start, date_end, company, target_ids):
        model = self.env[self.model_id.model]
        target_field = self.target_field_id.name
        domain = user_query.eval_domain(self.env, self.domain)
        domain.append((target_field, "!=", False))
        if target_ids is not None:
            domain.append((target_field, "in", list(target_ids)))
        if self.date_field_id:
            date_field = self.date_field_id.name
            start = fields.Date.to_string(fields.Date.from_string(date_start))
            end = fields.Date.from_string(date_end)
            if self.date_field_id.ttype == "datetime":
                after = fields.Date.to_string(end + datetime.timedelta(days=1))
                domain += [(date_field, ">=", start + " 00:00:00"),
                           (date_field, "<", after + " 00:00:00")]
            else:
                domain += [(date_field, ">=", start),
                           (date_field, "<=", fields.Date.to_string(end))]
        if company and "company_id" in model._fields:
            domain.append(("company_id", "=", company.id))
        return domain

    def _aggregate(self, date_start, date_end, company, target_ids):
        # sudo: the rule reads figures of the whole street (e.g. every
        # officer's visits) for whoever computes the campaign
        model = self.env[self.model_id.model].sudo()
        target_field = self.target_field_id.name
        read_fields = [target_field]
        if self.aggregate in ("sum", "avg"):
            read_fields.append(self.field_id.name)
        groups = model.read_group(
            self._domain(date_start, date_end, company, target_ids),
            read_fields, [target_field], lazy=False)
        values = {}
        for group in groups:
            key = group[target_field][0]
            count = group["__count"]
            if self.aggregate == "count":
                values[key] = float(count)
            else:
                total = group[self.field_id.name] or 0.0
                values[key] = float(total) if self.aggregate == "sum" else (
                    float(total) / count if count else 0.0)
        return values
