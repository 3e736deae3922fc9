# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Batches of a scheduled action, each committed on its own.

A job over a street's million rows (overdue flags, recomputed deadlines)
must not hold them all in one long transaction: a clerk moving one record
meanwhile would wait for the whole run, and the run would lose everything
on a conflict at its end. ``run_batch`` runs one batch on a cursor of its
own, committed when the batch is done, and runs it again on a fresh
snapshot when it meets a user's concurrent change (as Odoo retries a
request). ``id_ranges`` cuts a table's ids into consecutive ranges, so
that each batch reads one range of the primary key.

Usage in a scheduled action::

    auto_commit = batch.auto_commit() if auto_commit is None else auto_commit
    for start, stop in batch.id_ranges(first, last, batch_size):
        changed += batch.run_batch(
            self.env, auto_commit, lambda cr: work(cr, start, stop))

In tests (``auto_commit()`` is false) every batch runs on the caller's
cursor, which the test rolls back.
"""
import logging
import random
import threading
import time

from psycopg2 import OperationalError

from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_ERRORS_TO_RETRY,
)

_logger = logging.getLogger(__name__)

#: consecutive ids per batch (and per transaction) of a scheduled action
BATCH_SIZE = 50000


def auto_commit():
    """Whether a scheduled action commits its batches: always, except in
    tests, whose transactions are rolled back (as Odoo's mail queue
    decides)."""
    return not getattr(threading.current_thread(), "testing", False)


def run_batch(env, commit, work):
    """Run ``work(cursor)`` as one batch and return its result.

    With ``commit``, on a cursor of its own, committed when the batch is
    done; a batch that meets a concurrent change of one of its rows
    (serialization failure, deadlock, lock not available) is rolled back
    and run again, up to Odoo's number of tries. Without ``commit``, on
    ``env``'s cursor."""
    if not commit:
        return work(env.cr)
    for attempt in range(1, MAX_TRIES_ON_CONCURRENCY_FAILURE + 1):
        try:
            with env.registry.cursor() as cr:
                return work(cr)
        except OperationalError as error:
            if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY or \
                    attempt == MAX_TRIES_ON_CONCURRENCY_FAILURE:
                raise
            _logger.info("batch met a concurrent update (%s), retry %s",
                         error.pgcode, attempt)
            time.sleep(random.uniform(0.0, 0.1 * 2 ** attempt))


def id_ranges(first, last, batch_size=BATCH_SIZE):
    """The ranges ``(start, stop)`` (both included) of ``batch_size``
    consecutive ids from ``first`` to ``last``; none when ``first`` is
    None (an empty table)."""
    start = first or 0
    while first and start <= last:
        yield start, start + batch_size - 1
        start += batch_size
