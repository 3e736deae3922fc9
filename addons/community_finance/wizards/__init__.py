# isort: skip_file
# One import per line, in load order, so that the parts of community_finance
# add theirs without touching the others' lines.
from . import finance_allocation_wizard
from . import finance_allocation_wizard_line
from . import finance_tax_import_wizard
