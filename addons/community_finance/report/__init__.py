# isort: skip_file
# One import per line, in load order, so that the parts of community_finance
# add theirs without touching the others' lines.
# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import finance_subsidy_xlsx
from . import finance_final_accounts_xlsx
