"""The benchmark cases, in the order they run and appear in RESULTS.md.

Each is a module of this package with a ``TITLE`` and a ``run(ctx)`` that
measures our way and the plain-Odoo baseline on the same data and returns a
result dict (see :func:`bench.core.case_result`).
"""
CASES = ["ledger_import", "resident_export", "dashboard", "recompute",
         "clerks_http", "board_landing"]
