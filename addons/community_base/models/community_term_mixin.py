# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import _, api, models
from odoo.exceptions import ValidationError

from ..tools import street_time


class CommunityTermMixin(models.AbstractModel):
    """A post held for a term: a volunteer post (``community.post``), a
    community worker's post (``community.worker.post``), a seat on a party
    committee (``party.committee.member``).

    The posts held are the active ones. A term ends by date, not by a
    clerk's click: a post entered with a term already over is archived at
    once, the others by a daily scheduled action (``_archive_ended_terms``)
    on the street's day, and one whose holder leaves today by "End term".
    Restoring a post whose term is over is refused until the term is
    extended, or the archive would say someone holds a post they do not.

    The model defines ``date_start``, ``date_end``, ``active`` and
    ``company_id`` (their labels differ from model to model) and may name
    the post and its holder in messages (``_term_holder``).
    """

    _name = "community.term.mixin"
    _description = "Held for a term"

    @api.multi
    def _today(self):
        """Today in the post's street."""
        self.ensure_one()
        return street_time.street_today(self.env, self.company_id)

    @api.multi
    def _term_holder(self):
        """The post and its holder, as a message names them."""
        self.ensure_one()
        return self.display_name

    @api.multi
    def _archive_if_ended(self):
        ended = self.filtered(
            lambda line: line.active and line.date_end
            and line.date_end < line._today())
        if ended:
            ended.write({"active": False})
        return ended

    @api.multi
    def _check_can_restore(self, vals):
        """Refuse to put back in force a post whose term is over (with the
        term end ``vals`` may bring)."""
        for line in self:
            date_end = vals.get("date_end", line.date_end)
            if date_end and date_end < line._today():
                raise ValidationError(_(
                    "The term of %(holder)s ended on %(end)s: extend the "
                    "term before restoring it.") % {
                        "holder": line._term_holder(), "end": date_end})

    @api.model
    def create(self, vals):
        line = super().create(vals)
        line._archive_if_ended()
        return line

    @api.multi
    def write(self, vals):
        if vals.get("active"):
            self._check_can_restore(vals)
        result = super().write(vals)
        if not vals.get("active") and {"date_start", "date_end"}.intersection(
                vals):
            self._archive_if_ended()
        return result

    @api.multi
    def action_end_term(self):
        """The holder leaves today: end the term and archive the post at
        once instead of waiting for the next day's scheduled action."""
        for line in self:
            line.write({"date_end": max(line.date_start, line._today()),
                        "active": False})
        return True

    @api.model
    def _archive_ended_terms(self, today=None):
        """Daily scheduled action: the posts whose term ended before today
        (in their street, or ``today`` if given) are no longer held.
        Return the posts archived."""
        lines = self.with_context(active_test=True).search(
            [("date_end", "!=", False)])
        by_company = defaultdict(self.browse)
        for line in lines:
            by_company[line.company_id] |= line
        ended = self.browse()
        for company, company_lines in by_company.items():
            day = today or street_time.street_today(self.env, company)
            ended |= company_lines.filtered(lambda line: line.date_end < day)
        if ended:
            ended.write({"active": False})
        return ended
