# isort: skip_file
# One import per line, in load order, so that new parts add theirs
# without touching the others' lines.
from . import test_evaluator
from . import test_scoring
from . import test_campaign
from . import test_access
from . import test_rule
from . import test_title
from . import test_score_import
from . import test_score_import_malformed
from . import test_report
from . import test_demo_loader
from . import test_default_data
from . import test_eval_report_pack
from . import test_campaign_rights
from . import test_report_access
from . import test_kpi_security
from . import test_evaluator_privacy
from . import test_result_visibility
from . import test_title_award_street
from . import test_eval_setup
from . import test_eval_indicator_inbound
from . import test_eval_targets_workers
