# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# isort: skip_file
# One import per line, so that the parts of the addon add theirs
# without touching the others' lines.
from . import models
from . import report
from . import wizards
