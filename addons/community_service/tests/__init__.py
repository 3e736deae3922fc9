# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
from . import test_service_item
from . import test_service_request
from . import test_service_duty
from . import test_service_window_report
from . import test_demo_loader
