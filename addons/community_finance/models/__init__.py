# isort: skip_file
# One import per line, in load order, so that the parts of community_finance
# add theirs without touching the others' lines.
from . import res_company
from . import community_community
from . import crossovered_budget
from . import crossovered_budget_lines
from . import finance_commitment
from . import finance_budget_adjustment
from . import finance_budget_adjustment_line
from . import finance_fund_standard
from . import finance_fund_standard_band
from . import finance_allocation
from . import tier_definition
from . import finance_expense_category
from . import finance_fund
from . import account_move
from . import account_move_line
from . import account_invoice
from . import community_admission_request
from . import finance_subsidy_standard
from . import finance_subsidy_holder
from . import finance_subsidy_run
from . import finance_tax_source
from . import finance_tax_record
from . import finance_tax_task
from . import finance_service_project
from . import finance_service_milestone
from . import community_report_pack
from . import finance_budget_execution_report
from . import community_worker_post
from . import community_selfgov_decision
