# isort: skip_file
# One import per line, in load order, so that new parts add theirs
# without touching the others' lines.
from . import eval_campaign_xlsx
from . import eval_result_xlsx
