# isort: skip_file
# One import per line, so that the parts of community_base add theirs
# without touching the others' lines.
from . import test_street_roles
from . import test_ledger_workbook
from . import test_ledger_import
from . import test_ledger_export
from . import test_admission
from . import test_seal
from . import test_post
from . import test_organisation
from . import test_volunteer
from . import test_demo_data
from . import test_demo_loader
from . import test_id_number
from . import test_id_number_properties
from . import test_ledger_import_malformed
from . import test_hierarchy
from . import test_resident
from . import test_access
from . import test_bulk_register
from . import test_dashboard
from . import test_dashboard_trend_query
from . import test_report_pack
from . import test_audit
from . import test_password_policy
from . import test_client_address
from . import test_xlsx_formula_injection
from . import test_mail_leaks
from . import test_privileged_calls
from . import test_register_references
from . import test_kpi_security
from . import test_user_query
