# isort: skip_file
# One import per line, in load order, so that the parts of community_finance
# add theirs without touching the others' lines.
from . import test_finance_officer
from . import test_budget
from . import test_commitment
from . import test_adjustment
from . import test_allocation
from . import test_finance_access
from . import test_final_accounts_xlsx
from . import test_fund
from . import test_admission_funding
from . import test_subsidy
from . import test_tax_source
from . import test_tax_source_import_malformed
from . import test_service_project
from . import test_fund_access
from . import test_demo_loader
from . import test_finance_report_pack
from . import test_budget_execution_tile
from . import test_budget_actual_definition
from . import test_migration
from . import test_dashboard_finance_officer
from . import test_finance_first_hour
from . import test_subsidy_worker
