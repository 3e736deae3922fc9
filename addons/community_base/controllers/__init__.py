from . import ledger_template
