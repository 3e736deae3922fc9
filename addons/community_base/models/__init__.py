# isort: skip_file
# One import per line, in load order, so that the parts of community_base
# add theirs without touching the others' lines.
from . import res_company
from . import community_community
from . import community_compound
from . import community_building
from . import community_household
from . import community_care_group
from . import community_private_fields_mixin
from . import community_resident
from . import community_resident_move
from . import community_job_progress
from . import community_kpi
from . import report_xlsx_abstract
from . import community_report_pack
from . import community_ledger_import
from . import community_ledger_import_error
from . import res_users
from . import community_post_type
from . import community_post
from . import community_council
from . import res_partner
from . import community_volunteer_activity
from . import community_resident_volunteer
from . import community_community_coverage
from . import community_tier_approval
from . import community_admission_request
from . import community_seal_item
from . import community_seal_usage
from . import tier_definition
from . import ir_attachment
from . import auditlog_log
from . import res_authentication_attempt
