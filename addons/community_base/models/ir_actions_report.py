# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.http import request
from odoo.tools import config

from odoo.addons.base.ir.ir_actions_report import _get_wkhtmltopdf_bin

from ..tools import pdf_pages, roles, street_time

_logger = logging.getLogger(__name__)

#: the addons whose reports are checked before they render (the standard
#: reports of Odoo keep their own behaviour)
STREET_MODULES = ("community_base", "community_grid", "community_finance",
                  "community_eval", "community_service")


class IrActionsReport(models.Model):
    """One check before any report of the four addons renders, whatever
    the channel (``/report/<type>/...``, ``/report/download``, a JSON-RPC or
    XML-RPC call of ``render_*`` or of the report model itself).

    Odoo 11 hides a report whose ``groups_id`` the user lacks from the Print
    menu only: its URL rendered for anybody, and the reports read their
    records as they pleased. Here the user must hold one of the report's
    groups, read the records (access rights and record rules), and pass the
    model's own rule for printing them (``_check_report_visible`` where
    the model defines one, e.g. rankings only once a campaign closed).

    PDFs: the pages wkhtmltopdf prints fetch their stylesheets from this
    server itself (``_prepare_html``), and with a wkhtmltopdf built without
    patched Qt (Debian's) the header and footer are laid onto every page
    afterwards (``_run_wkhtmltopdf``, ``tools/pdf_pages.py``). The street's
    layout is ``community_base.external_layout_street``
    (``report/community_report_layout.xml``).
    """

    _inherit = "ir.actions.report"

    def _check_report_access(self, docs):
        """Raise AccessError unless the user may print ``docs`` with this
        report. The superuser (internal jobs, ``sudo()``) passes."""
        self.ensure_one()
        if self.env.user._is_superuser():
            return
        docs = docs.with_env(self.env)
        if docs._name != self.model:
            raise AccessError(_(
                "The report %s prints other records.") % self.name)
        # sudo: the groups of the action, which a user may not read
        groups = self.sudo().groups_id
        if groups and not groups & self.env.user.groups_id:
            raise AccessError(_(
                "You may not print %s: it is for other roles.") % self.name)
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        if hasattr(docs, "_check_report_visible"):
            docs._check_report_visible(self)

    def _is_street_report(self):
        """Whether this report is one of the four addons'."""
        # sudo: where the action comes from, not what it prints
        return bool(self.env["ir.model.data"].sudo().search_count([
            ("model", "=", self._name), ("res_id", "=", self.id),
            ("module", "in", STREET_MODULES)]))

    def _check_street_report_access(self, docids):
        for report in self.filtered(lambda report: report._is_street_report()):
            report._check_report_access(
                self.env[report.model].browse(docids or []))

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        # checked here too: a PDF kept as an attachment skips the html
        self._check_street_report_access(res_ids)
        return super().render_qweb_pdf(res_ids=res_ids, data=data)

    @api.model
    def render_qweb_html(self, docids, data=None):
        self._check_street_report_access(docids)
        return super().render_qweb_html(docids, data=data)

    # -- what the street's printouts show ----------------------------------

    @api.model
    def _street_print_date(self, company):
        """The day a street's printout is made, in the street's calendar
        (the header's "printed on")."""
        return street_time.street_today(self.env, company or None)

    @api.model
    def _street_personal_data(self):
        """Whether the printout shows residents' ID numbers, phones and
        birth dates in clear (``roles.may_read_personal_data``); the
        templates print the masks otherwise."""
        return roles.may_read_personal_data(self.env)

    @api.model
    def _street_names(self, record, field_names):
        """{field: name} of the many2one fields ``field_names`` of
        ``record`` as its form shows them (Odoo's ``read`` names a linked
        record the reader may not open, e.g. the household of a case for
        its handler, or a resident's former household in another community
        for the clerk of the new one); '' when empty."""
        values = record.read(field_names)[0]
        return {name: values[name][1] if values[name] else ""
                for name in field_names}

    # -- wkhtmltopdf ---------------------------------------------------------

    @api.model
    def _report_server_url(self):
        """The address at which this server reaches itself, for wkhtmltopdf
        to fetch the report's stylesheets: ``report.url`` when set;
        otherwise, while serving a request, this very server (its HTTP
        interface and port); else None (Odoo's ``web.base.url``).

        ``web.base.url`` is the address users browse, which the server may
        not reach (a proxy's public name) or which is another server (a
        test server on a random port, a second ``bin/run`` on another
        ``HTTP_PORT``): the pages then printed unstyled or with another
        database's styles."""
        # sudo: a system parameter, which only administrators read
        if self.env["ir.config_parameter"].sudo().get_param("report.url"):
            return None
        if not request:
            return None
        host = config.get("http_interface") or "127.0.0.1"
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1"
        elif ":" in host:
            host = "[%s]" % host
        return "http://%s:%s" % (host, config["http_port"])

    @api.multi
    def _prepare_html(self, html):
        """Point the pages at ``_report_server_url`` (Odoo's
        ``web.minimal_layout`` writes ``<base href=...>`` first)."""
        result = super()._prepare_html(html)
        own_url = self._report_server_url()
        if not result or not own_url:
            return result
        # sudo: a system parameter, which only administrators read
        configured = self.env["ir.config_parameter"].sudo().get_param(
            "web.base.url") or ""
        old = ("<base href=%s>" % configured).encode()
        new = ("<base href=%s>" % own_url).encode()

        def repoint(page):
            if isinstance(page, str):
                return page.replace(old.decode(), new.decode(), 1)
            return page.replace(old, new, 1)

        bodies, res_ids, header, footer, paperformat_args = result
        return ([repoint(body) for body in bodies], res_ids, repoint(header),
                repoint(footer), paperformat_args)

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None,
                         landscape=False, specific_paperformat_args=None,
                         set_viewport_size=False):
        """With a wkhtmltopdf that prints no header and footer (built
        without patched Qt), print each document's body alone and lay the
        header and footer onto its pages (``tools/pdf_pages.py``)."""
        binary = _get_wkhtmltopdf_bin()
        margins = {position: pdf_pages.has_content(page, position)
                   for position, page in (("header", header),
                                          ("footer", footer))}
        if pdf_pages.has_patched_qt(binary) or not any(margins.values()):
            return super()._run_wkhtmltopdf(
                bodies, header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size)
        documents = [super(IrActionsReport, self)._run_wkhtmltopdf(
            [body], landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size) for body in bodies]
        numbers = pdf_pages.numbering(documents)
        paperformat = (self.paperformat_id
                       or self.env.user.company_id.paperformat_id)
        args = self._build_wkhtmltopdf_args(
            paperformat, landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size)
        width, _height = pdf_pages.page_size_mm(documents[0])
        heights = {
            "header": float((specific_paperformat_args or {}).get(
                "data-report-margin-top") or paperformat.margin_top or 0),
            "footer": float(paperformat.margin_bottom or 0)}
        strips = {}
        for position, page in (("header", header), ("footer", footer)):
            if not margins[position] or heights[position] <= 0:
                continue
            top = min(pdf_pages.STRIP_TOP_MARGIN, heights[position] / 4) \
                if position == "header" else 0
            strips[position] = pdf_pages.run_wkhtmltopdf(
                binary,
                pdf_pages.strip_args(args, width, heights[position], top),
                [pdf_pages.strip_page(page, position, numbers)])
        try:
            return pdf_pages.stamp(documents, **strips)
        except pdf_pages.StripMismatch as error:
            # the body is what counts: printed without its margins' text
            _logger.warning("report %s printed without header/footer: %s",
                            self.report_name, error)
            return pdf_pages.stamp(documents)
