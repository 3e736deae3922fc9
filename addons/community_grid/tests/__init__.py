# isort: skip_file
from . import test_grid_officer
from . import test_grid
from . import test_visit
from . import test_grid_access
from . import test_grid_demo
from . import test_case_statistics
from . import test_case_xlsx
from . import test_case_demo
from . import test_working_days
from . import test_case_deadline
from . import test_case_loop
from . import test_case_escalation
from . import test_case_request
from . import test_case_access
from . import test_grid_report_pack
