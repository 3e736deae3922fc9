# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
from . import res_users
from . import party_organisation
from . import party_member
from . import community_report_pack
from . import party_inservice_registration
from . import party_inservice_commitment
from . import party_pairing
from . import party_pairing_commitment
from . import party_instructor
from . import party_meeting
from . import party_meeting_attendance
from . import party_meeting_decision
from . import party_member_meeting
from . import party_organisation_meeting
from . import party_committee_member
from . import party_election
from . import party_member_transfer
from . import party_member_care
from . import community_resident
from . import auditlog_rule
# the SQL views come after the columns they read (a fresh install creates
# the tables model by model, in this order)
from . import party_coverage_report
from . import party_inservice_unit_report
