# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request

from ..models.community_ledger_import import TEMPLATE_FILENAME
from ..tools import ledger_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class LedgerTemplateController(http.Controller):
    """The empty ledger workbook at an address of its own: the import form
    links to it, so that downloading the template saves no import (a
    button of the form would save the new import first)."""

    @http.route("/community_base/ledger_template", type="http", auth="user",
                methods=["GET"])
    def ledger_template(self):
        """For the users who may start a ledger import (the clerks); the
        others are refused, as they could do nothing with it."""
        imports = request.env["community.ledger.import"]
        if not imports.check_access_rights("create", raise_exception=False):
            raise Forbidden()
        data = ledger_workbook.build_template()
        return request.make_response(data, headers=[
            ("Content-Type", XLSX),
            ("Content-Length", len(data)),
            ("Content-Disposition",
             http.content_disposition(TEMPLATE_FILENAME)),
        ])
