# isort: skip_file
# One import per line, in load order, so that new parts add theirs
# without touching the others' lines.
from . import eval_target_mixin
from . import date_range
from . import eval_rule
from . import eval_scheme
from . import eval_indicator
from . import eval_campaign
from . import eval_sheet
from . import eval_sheet_line
from . import eval_result
from . import eval_result_line
from . import eval_title
from . import eval_title_award
from . import eval_staff_check
from . import community_report_pack
