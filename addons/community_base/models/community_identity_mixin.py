# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import api, models
from odoo.osv import expression

from ..tools import id_number as idn
from ..tools import roles

#: the masked columns a reader of the clear numbers does not need
MASKED_FIELDS = ("id_number_masked", "phone_masked")


class CommunityIdentityMixin(models.AbstractModel):
    """A person of a register known by an ID number and a phone that some
    roles read in clear and the others as masks: the residents, the party
    members and whoever a register adds next.

    One way for all of them to find a person by number and to show each
    reader the right column. The model declares ``id_number`` and
    ``phone`` with ``groups`` (Odoo drops them from the views of the other
    readers) and the computed ``id_number_masked`` and ``phone_masked``;
    ``_may_read_identity`` says who reads the clear ones (by default the
    roles of ``roles.may_read_personal_data``). ID numbers are stored in
    their 18-character form whoever writes them. Searching, grouping and
    sorting by the numbers is refused by ``community.private.fields.mixin``,
    which such a model inherits too.
    """

    _name = "community.identity.mixin"
    _description = "Person known by a protected ID number and phone"

    @api.depends("id_number", "phone")
    def _compute_masked(self):
        """The masked ID number and phone (``id_number_masked``,
        ``phone_masked``, defined by the model with its labels). Only these
        two columns are read: touching one would otherwise read every column
        of the whole page (prefetch), which made most of a resident search's
        time (bench/RESULTS.md, clerks_http)."""
        # sudo: the masks are what the roles without the numbers see of the ID
        #   number and phone; only these two columns are read
        for record, raw in zip(self, self.sudo().with_context(
                prefetch_fields=False)):
            record.id_number_masked = idn.mask(raw.id_number)
            record.phone_masked = idn.mask_phone(raw.phone)

    @api.model
    def _may_read_identity(self):
        """Whether the user reads the ID numbers and phones in clear."""
        return roles.may_read_personal_data(self.env)

    @api.model
    def _normalize_vals(self, vals):
        """Store ID numbers in their 18-character form: upper-case X,
        15-digit legacy numbers converted. Invalid numbers are kept as
        typed so that the model's constraint names them."""
        number = vals.get("id_number")
        if number:
            try:
                vals["id_number"] = idn.normalize(number)
            except idn.InvalidIdNumber:
                vals["id_number"] = number.strip()
        return vals

    @api.model
    def create(self, vals):
        return super().create(self._normalize_vals(dict(vals)))

    @api.multi
    def write(self, vals):
        return super().write(self._normalize_vals(dict(vals)))

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """Find a person by name, and, for the readers of the numbers, by
        ID number or phone too; the others, who read masks, by name only."""
        if not name or operator not in (
                "ilike", "=", "=like", "=ilike", "like"):
            return super().name_search(name, args, operator, limit)
        domain = [("name", operator, name)]
        if self._may_read_identity():
            domain = expression.OR([
                domain,
                [("id_number", "=ilike", name.strip() + "%")],
                [("phone", "ilike", name.strip())],
            ])
        records = self.search(
            expression.AND([domain, args or []]), limit=limit)
        return records.name_get()

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False,
                        submenu=False):
        """The readers of the numbers see the real ID number and phone, the
        others the masks: drop the masked columns for the readers (the real
        ones carry ``groups`` and Odoo drops them for the others)."""
        res = super().fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar,
            submenu=submenu)
        if view_type in ("tree", "form") and self._may_read_identity():
            arch = etree.fromstring(res["arch"])
            for fname in MASKED_FIELDS:
                for node in arch.xpath("//field[@name='%s']" % fname):
                    node.getparent().remove(node)
            res["arch"] = etree.tostring(arch, encoding="unicode")
        return res
