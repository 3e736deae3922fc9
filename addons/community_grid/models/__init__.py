# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
from . import res_company
from . import grid_grid
from . import grid_visit
from . import community_building
from . import community_community
from . import community_household
# the SQL views come after the columns they read (a fresh install creates
# the tables model by model, in this order)
from . import grid_ratio_report
from . import grid_visit_report
from . import grid_visit_grid_report
from . import grid_coverage_report
from . import grid_calendar_change_mixin
from . import grid_workday
from . import resource_calendar
from . import resource_calendar_leaves
from . import resource_calendar_attendance
from . import grid_case_category
from . import grid_reply_promise_mixin
from . import grid_case
from . import grid_case_cron
from . import grid_case_escalation
from . import grid_case_request
from . import grid_case_reply
from . import tier_definition
from . import community_report_pack
from . import grid_case_source_mixin
from . import community_selfgov_decision
