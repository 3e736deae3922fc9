# isort: skip_file
# One import per line, in load order, so that the parts of community_finance
# add theirs without touching the others' lines.
from . import models
from . import wizards
from . import report
