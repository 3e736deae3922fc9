# isort: skip_file
# One import per line, in load order, so that new parts add theirs
# without touching the others' lines.
from . import models
from . import report
from . import tools
from . import wizards
