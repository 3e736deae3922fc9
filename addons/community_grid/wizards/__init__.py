# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
# One import per line, so that the parts of the addon add theirs
# without touching the others' lines.
from . import grid_case_escalate_wizard
from . import grid_case_send_back_wizard
from . import grid_case_statistics_wizard
from . import grid_reply_phone_wizard
