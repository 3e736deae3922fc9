from . import test_finance_officer
