"""Benchmarks of the street office ERP against plain Odoo, in the same run.

``bench/run`` (bash) prepares the runtime and the benchmark database, then
runs ``python -m bench``: see :mod:`bench.__main__` for the options and
:mod:`bench.core` for what a case is.
"""
