# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
from . import party_inservice_feedback_xlsx
from . import party_inservice_ledger_xlsx
from . import party_member_xlsx
