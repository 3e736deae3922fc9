# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import logging

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import job

from ..tools import report_sheet, street_time

_logger = logging.getLogger(__name__)


class CommunityReportPack(models.Model):
    """The monthly report pack (月度报表): one workbook for the superiors
    with a sheet per subject (population, grids and visits, cases, budget
    execution, evaluation results).

    The sheets are contributed by the addons: ``_pack_sheets`` lists the
    methods that write them, and each community_* addon extends the list
    with its own. A pack is built in a background job with progress, reads
    the street's data with the rights of the user who asked for it, is
    written in that user's language (the job's own context has the job
    runner's), and keeps every workbook it made as an attachment:
    regenerating a month adds a version and does not lose the one already
    sent.
    """

    _name = "community.report.pack"
    _description = "Monthly report pack"
    _order = "month desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        required=True,
        index=True,
        default=lambda self: self.env.user.company_id,
        domain=[("is_street_office", "=", True)],
    )
    month = fields.Date(
        required=True,
        index=True,
        default=lambda self: fields.Date.to_string(
            fields.Date.from_string(street_time.street_today(self.env)).replace(
                day=1)),
        help="Any day of the month; stored as its first day.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Author",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Not built"),
            ("queued", "Waiting"),
            ("done", "Built"),
            ("failed", "Failed"),
        ],
        required=True,
        default="draft",
        readonly=True,
        index=True,
    )
    progress = fields.Float(compute="_compute_progress")
    progress_message = fields.Char("Step", compute="_compute_progress")
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment",
        string="Workbook",
        readonly=True,
        ondelete="set null",
    )
    datas = fields.Binary(
        related="attachment_id.datas", string="Latest workbook",
        readonly=True)
    datas_fname = fields.Char(
        related="attachment_id.datas_fname", readonly=True)
    attachment_ids = fields.One2many(
        comodel_name="ir.attachment",
        inverse_name="res_id",
        domain=[("res_model", "=", "community.report.pack")],
        string="Versions",
        readonly=True,
    )
    date_done = fields.Datetime("Built on", readonly=True)
    error = fields.Text(readonly=True)
    job_uuid = fields.Char("Job", readonly=True, copy=False)

    _sql_constraints = [
        ("month_uniq", "unique(company_id, month)",
         "A street has one report pack per month; build it again to "
         "refresh it."),
    ]

    @api.depends("company_id.name", "month")
    def _compute_name(self):
        for pack in self:
            if not pack.month:
                pack.name = False
                continue
            month = fields.Date.from_string(pack.month)
            pack.name = _("%(street)s report pack %(year)s-%(month)02d") % {
                "street": pack.company_id.name or "", "year": month.year,
                "month": month.month}

    @api.depends("state")
    def _compute_progress(self):
        progress = self.env["community.job.progress"].of(self)
        for pack in self:
            row = progress.get(pack.id)
            if pack.state == "done":
                pack.progress, pack.progress_message = 100.0, False
            elif pack.state == "queued" and row and row.total:
                pack.progress = 100.0 * row.done / row.total
                pack.progress_message = row.message
            else:
                pack.progress, pack.progress_message = 0.0, False

    @api.model
    def create(self, vals):
        vals = self._first_of_month(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        return super().write(self._first_of_month(vals))

    def _first_of_month(self, vals):
        if vals.get("month"):
            vals = dict(vals, month=fields.Date.to_string(
                fields.Date.from_string(vals["month"]).replace(day=1)))
        return vals

    # -- building -------------------------------------------------------------

    @api.multi
    def action_generate(self):
        """Build the workbook in a background job (at once when jobs are
        disabled, as in tests)."""
        for pack in self:
            if pack.state == "queued":
                raise UserError(_(
                    "%s is being built already; wait for it to finish.")
                    % pack.name)
            pack.write({"state": "queued", "error": False})
            delayed = pack.with_delay(
                description=_("Build %s") % pack.name).action_generate_job(
                    lang=self.env.lang or self.env.user.lang)
            if hasattr(delayed, "uuid"):
                pack.job_uuid = delayed.uuid
        return True

    @job(default_channel="root.community_report")
    @api.multi
    def action_generate_job(self, lang=None):
        """Write the workbook in ``lang``, the language of the user who
        asked for it (by default the job user's); a failure leaves no
        partial attachment, marks the pack failed with the reason, and can
        be run again."""
        self.ensure_one()
        if not self.env["community.job.progress"].claim(self):
            return False  # another job builds this pack right now
        lang = (lang or self.env.user.lang
                or self.company_id.partner_id.lang or self.env.lang)
        try:
            with self.env.cr.savepoint():
                content = self.with_context(lang=lang)._build_workbook()
                self._attach(content)
        except Exception as error:  # the reason is shown on the pack
            _logger.exception("report pack %s failed", self.id)
            self.write({"state": "failed", "error": str(error)})
            return False
        return True

    def _pack_sheets(self):
        """The sheets of the pack, in order: (sequence, method name). Each
        method takes the workbook's ``report_sheet.Book`` and writes one
        or more sheets, every text through ``_()``; the addons add theirs
        by extending this list."""
        return [(10, "_sheet_cover"), (20, "_sheet_population"),
                (55, "_sheet_inbound"), (45, "_sheet_staffing"),
                (80, "_sheet_publications")]

    def _build_workbook(self):
        buffer = io.BytesIO()
        workbook = report_sheet.new_workbook(buffer, in_memory=True)
        book = report_sheet.Book(workbook, self.env)
        sheets = sorted(self._pack_sheets())
        progress = self.env["community.job.progress"]
        for index, (_sequence, method) in enumerate(sheets):
            progress.report(self, index, len(sheets), method)
            getattr(self, method)(book)
        progress.report(self, len(sheets), len(sheets), False)
        workbook.close()
        return buffer.getvalue()

    def _attach(self, content):
        month = fields.Date.from_string(self.month)
        attachment = self.env["ir.attachment"].create({
            "name": "%s.xlsx" % self.name,
            "datas_fname": "%s-%s.xlsx" % (
                self.company_id.name, month.strftime("%Y-%m")),
            "datas": base64.b64encode(content),
            "res_model": self._name,
            "res_id": self.id,
            "mimetype": "application/vnd.openxmlformats-officedocument."
                        "spreadsheetml.sheet",
        })
        self.write({"state": "done", "attachment_id": attachment.id,
                    "date_done": fields.Datetime.now()})

    # -- what the sheets read ---------------------------------------------------

    def _month_bounds(self):
        """First day of the pack's month and of the next month (dates)."""
        start = fields.Date.from_string(self.month)
        return start, start + relativedelta(months=1)

    def _report_contents(self):
        """The sheets of the latest workbook, in order, for the printed
        cover page: what was sent, whichever addons wrote it; empty before
        the first build."""
        self.ensure_one()
        if not self.attachment_id:
            return []
        workbook = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(self.datas)), read_only=True)
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()

    def _subtitle(self):
        start = self._month_bounds()[0]
        return _("%(street)s, %(year)s-%(month)02d") % {
            "street": self.company_id.name, "year": start.year,
            "month": start.month}

    def _communities(self):
        """The street's communities the author may read, by code."""
        return self.env["community.community"].search(
            [("company_id", "=", self.company_id.id)], order="code, name")

    def _total_label(self):
        """The label of a totals row (合计): a term of its own, as "Total"
        is also the web client's (总计) and Odoo 11's ``_()`` takes any
        module's translation of a term."""
        return _("Street total")

    def _write_table(self, book, name, title, columns, rows, totals):
        """A sheet ``name`` of the pack: ``title``, the street and month as
        subtitle, ``columns`` ((header, kind, width)), ``rows`` and the
        ``totals`` row."""
        table = book.table(name, columns, title, subtitle=self._subtitle())
        for row in rows:
            table.write_row(row)
        table.write_totals(totals)
        return table

    # -- the sheets of community_base -------------------------------------------

    def _sheet_cover(self, book):
        styles = book.styles
        sheet = book.add_sheet(_("Cover"))
        sheet.set_column(0, 0, 18)
        sheet.set_column(1, 1, 50)
        start = self._month_bounds()[0]
        sheet.merge_range(0, 0, 0, 1, _("Monthly report of the street office"),
                          styles.title)
        sheet.set_row(0, 36)
        rows = [
            (_("Street office"), self.company_id.name),
            # sudo: the district is above the clerk's company: its name only
            (_("District"), self.company_id.sudo().parent_id.name or ""),
            (_("Report month"), "%s-%02d" % (start.year, start.month)),
            (_("Prepared by"), self.user_id.name),
            (_("Prepared on"),
             street_time.street_today(self.env, self.company_id)),
        ]
        for offset, (label, value) in enumerate(rows):
            sheet.write_string(2 + offset, 0, label, styles.label)
            if value:
                sheet.write_string(2 + offset, 1, value, styles.cell())
            else:
                sheet.write_blank(2 + offset, 1, None, styles.cell())

    def _sheet_inbound(self, book):
        """Inbound work per requesting department
        (``community.task.inbound.report._pack_sheet``)."""
        Report = self.env["community.task.inbound.report"]
        if Report.check_access_rights("read", raise_exception=False):
            Report._pack_sheet(self, book)

    def _sheet_population(self, book):
        communities = self._communities()
        Resident = self.env["community.resident"]
        living = [("company_id", "=", self.company_id.id),
                  ("state", "=", "living")]
        residents = {}
        for group in Resident.read_group(
                living, ["community_id", "residence_type"],
                ["community_id", "residence_type"], lazy=False):
            key = (group["community_id"] and group["community_id"][0],
                   group["residence_type"])
            residents[key] = group["__count"]
        cared = {}
        for group in Resident.read_group(
                living + [("care_group_ids", "!=", False)], ["community_id"],
                ["community_id"]):
            cared[group["community_id"][0]] = group["community_id_count"]
        households = {}
        for group in self.env["community.household"].read_group(
                [("company_id", "=", self.company_id.id)], ["community_id"],
                ["community_id"]):
            households[group["community_id"][0]] = group["community_id_count"]
        columns = [
            (_("Community"), "text", 18), (_("Compounds"), "int", 9),
            (_("Buildings"), "int", 9), (_("Households"), "int", 10),
            (_("Residents"), "int", 10), (_("Registered"), "int", 10),
            (_("Floating"), "int", 10), (_("Care group residents"), "int", 12),
            (_("Residents per household"), "float", 12),
        ]
        rows = []
        sums = [0] * 7
        for community in communities:
            registered = residents.get((community.id, "registered"), 0)
            floating = residents.get((community.id, "floating"), 0)
            figures = [
                community.compound_count, community.building_count,
                households.get(community.id, 0), registered + floating,
                registered, floating, cared.get(community.id, 0)]
            sums = [total + figure for total, figure in zip(sums, figures)]
            rows.append([community.name] + figures + [
                report_sheet.ratio(figures[3], figures[2])])
        totals = [self._total_label()] + sums + [
            report_sheet.ratio(sums[3], sums[2])]
        self._write_table(book, _("Population"), _("Population by community"),
                          columns, rows, totals)

    def _sheet_staffing(self, book):
        """The staffing check of each community (``community.staffing.report``)
        as it stands: households per full-time worker against the street's
        norm, the workers the norm asks for, the vacant key posts. Left out
        when the author may not read the check."""
        Report = self.env["community.staffing.report"]
        if not Report.check_access_rights("read", raise_exception=False):
            return
        rows_by_community = {row.community_id.id: row for row in Report.search(
            [("company_id", "=", self.company_id.id)])}
        columns = [
            (_("Community"), "text", 18), (_("Households"), "int", 10),
            (_("Full-time workers"), "int", 10),
            (_("Households per worker"), "float", 12),
            (_("Norm (households per worker)"), "int", 12),
            (_("Workers needed"), "int", 10),
            (_("Workers missing"), "int", 10),
            (_("Vacant key posts"), "int", 10),
        ]
        rows = []
        sums = [0] * 4
        for community in self._communities():
            row = rows_by_community.get(community.id)
            if not row:
                continue
            missing = max(row.workers_needed - row.worker_count, 0)
            sums = [sums[0] + row.household_count, sums[1] + row.worker_count,
                    sums[2] + missing, sums[3] + row.vacant_post_count]
            rows.append([
                community.name, row.household_count, row.worker_count,
                report_sheet.ratio(row.household_count, row.worker_count),
                row.norm, row.workers_needed, missing,
                row.vacant_post_count])
        totals = [self._total_label(), sums[0], sums[1],
                  report_sheet.ratio(sums[0], sums[1]),
                  self.company_id.worker_households_norm, None, sums[2],
                  sums[3]]
        self._write_table(book, _("Staffing"),
                          _("Community workers against the staffing norm"),
                          columns, rows, totals)

    def _publication_rows(self):
        """[(date, kind, title, community)] of what was published in the
        pack's month in its street (``community.publication.mixin``), as
        the author may read it, by date."""
        start, end = (fields.Date.to_string(day)
                      for day in self._month_bounds())
        rows = []
        for records in self.env["community.publication.mixin"]._published_in(
                self.company_id, start, end):
            for record in records:
                rows.append((fields.Date.from_string(record.date_published),)
                            + tuple(record._publication_row()))
        return sorted(rows, key=lambda row: (row[0], row[1], row[2]))

    def _sheet_publications(self, book):
        """Public disclosure (居务公开): what the communities and the street
        published to residents in the month, whatever addon publishes it;
        a month with nothing published adds no sheet."""
        rows = self._publication_rows()
        if not rows:
            return
        columns = [
            (_("Published on"), "date", 12), (_("Kind"), "text", 18),
            (_("Published item"), "text", 40), (_("Community"), "text", 16),
        ]
        self._write_table(
            book, _("Public disclosure"),
            _("Published to residents in the month"), columns,
            [list(row) for row in rows],
            [self._total_label(), len(rows)])
