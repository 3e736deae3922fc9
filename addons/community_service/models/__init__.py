# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
from . import service_item
from . import service_item_document
from . import service_duty
from . import service_request
from . import service_request_document
from . import grid_case
# the SQL view comes after the columns it reads
from . import service_window_report
