# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class GridRatioReport(models.AbstractModel):
    """The statistics views of grids and visits, whose rates are ratios of
    sums: grouped by community or month, a visit rate or a coverage is the
    sum of the numerators over the sum of the denominators, never the mean
    of the rows' rates (which would weigh a grid of 50 households like one
    of 400). ``_ratios`` maps each rate field to (numerator, denominator,
    factor); ``read_group`` recomputes those the caller asks for."""

    _name = "grid.ratio.report"
    _description = "Statistics with rates of sums"

    #: rate field -> (numerator field, denominator field, factor)
    _ratios = {}

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        wanted = {name.split(":")[0] for name in fields}
        ratios = {name: spec for name, spec in self._ratios.items()
                  if name in wanted}
        extra = sorted({name for numerator, denominator, _factor
                        in ratios.values()
                        for name in (numerator, denominator)} - wanted)
        groups = super().read_group(
            domain, list(fields) + extra, groupby, offset=offset,
            limit=limit, orderby=orderby, lazy=lazy)
        for group in groups:
            for name, (numerator, denominator, factor) in ratios.items():
                whole = group.get(denominator) or 0
                group[name] = (factor * (group.get(numerator) or 0) / whole
                               if whole else 0.0)
        return groups
