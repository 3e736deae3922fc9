# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import zlib

from odoo import _, api, fields, models

from odoo.addons.queue_job.job import Job

_logger = logging.getLogger(__name__)


class CommunityJobProgress(models.Model):
    """How far a background job (a ledger import, a monthly report pack)
    has come: the one way the long work of the four addons shows progress.

    A job runs in one transaction (all or nothing), so what it writes is
    invisible until it ends. The job reports its progress through a second
    cursor that commits at once, into this row and not into the record the
    job works on: the job's transaction updates that record at its end, and
    PostgreSQL's repeatable-read isolation would refuse the update if
    another transaction had changed the same row meanwhile.
    """

    _name = "community.job.progress"
    _description = "Background job progress"

    res_model = fields.Char("Model", required=True, index=True)
    res_id = fields.Integer("Record", required=True, index=True)
    done = fields.Integer()
    total = fields.Integer()
    message = fields.Char()

    _sql_constraints = [
        ("record_uniq", "unique(res_model, res_id)",
         "A record has one progress row."),
    ]

    @api.model
    def report(self, record, done, total, message=None):
        """Record the progress of the job working on ``record`` in a
        committed side transaction, when running as a job (the record
        itself must have been committed before, as the job's record is).
        Outside a job (tests, small work done at once) there is nobody to
        show it to, and nothing is written."""
        if not self.env.context.get("job_uuid"):
            return
        try:
            with self.pool.cursor() as cr:
                # sql: progress is written in a side transaction so that the user sees
                #   it while the job runs; rows name only the job's record
                cr.execute("""
                    INSERT INTO community_job_progress
                        (res_model, res_id, done, total, message, create_uid,
                         write_uid, create_date, write_date)
                    VALUES (%(model)s, %(id)s, %(done)s, %(total)s,
                            %(message)s, %(uid)s, %(uid)s,
                            now() at time zone 'UTC',
                            now() at time zone 'UTC')
                    ON CONFLICT (res_model, res_id) DO UPDATE
                    SET done = EXCLUDED.done, total = EXCLUDED.total,
                        message = EXCLUDED.message,
                        write_date = EXCLUDED.write_date
                """, {"model": record._name, "id": record.id, "done": done,
                      "total": total, "message": message,
                      "uid": self.env.uid})
        except Exception:  # progress is a courtesy: never fail the job
            _logger.warning("could not record the progress of %s",
                            record, exc_info=True)

    # The long work of the addons: model -> (field of the job's uuid, field of
    # the state, the state that means "a job is working on it").
    JOB_RECORDS = {
        "community.ledger.import": ("job_uuid", "state", "importing"),
        "community.report.pack": ("job_uuid", "state", "queued"),
    }

    @api.model
    def _lock_key(self, record):
        # pg_try_advisory_xact_lock(int4, int4): the model, then the id
        return zlib.crc32(record._name.encode()) & 0x7FFFFFFF, record.id

    @api.model
    def claim(self, record):
        """Take the lock that says "a job works on ``record``" for the rest
        of this transaction; False when another transaction holds it. The
        lock dies with the job's database connection, so a server killed
        in the middle leaves nothing held (see ``is_running``)."""
        # sql: a transaction-level advisory lock on the job's record; no data read
        self.env.cr.execute(
            "SELECT pg_try_advisory_xact_lock(%s, %s)",
            self._lock_key(record))
        return self.env.cr.fetchone()[0]

    @api.model
    def is_running(self, record):
        """Whether a job's transaction works on ``record`` right now,
        asked in a side transaction that takes the lock and lets it go."""
        with self.pool.cursor() as cr:
            # sql: tests the job's advisory lock in a side transaction; no data read
            cr.execute("SELECT pg_try_advisory_xact_lock(%s, %s)",
                       self._lock_key(record))
            free = cr.fetchone()[0]
        return not free

    @api.model
    def _requeue_interrupted(self):
        """Put back to pending the jobs of ``JOB_RECORDS`` that queue_job
        marks started but no transaction works on: their server was killed
        in the middle. Their transaction was rolled back with the
        connection, so they start again from the beginning. queue_job 11.0
        would leave them started forever, holding a place of their
        channel. Called when the registry loads (a restarted server)."""
        requeued = []
        for model, (uuid_field, state_field, running) in \
                self.JOB_RECORDS.items():
            if model not in self.env:
                continue
            # sudo: run by the cron at start-up to requeue jobs a killed server left
            #   running; nothing is shown
            records = self.env[model].sudo().search([
                (state_field, "=", running), (uuid_field, "!=", False)])
            for record in records:
                uuid = record[uuid_field]
                # sql: queue_job has no ORM access for clerks; reads the state of the
                #   job's own uuid
                self.env.cr.execute(
                    "SELECT state FROM queue_job WHERE uuid = %s", (uuid,))
                row = self.env.cr.fetchone()
                if not row or row[0] != "started" or self.is_running(record):
                    continue
                job = Job.load(self.env, uuid)
                job.set_pending(result=_(
                    "Interrupted (the server stopped while it ran): "
                    "queued again."), reset_retry=False)
                job.store()
                requeued.append(record)
                _logger.warning("requeued the interrupted job %s of %s",
                                uuid, record)
        return requeued

    @api.model_cr
    def _register_hook(self):
        super()._register_hook()
        if "queue.job" in self.env:
            self._requeue_interrupted()

    @api.model
    def of(self, records):
        """The progress rows of ``records`` by record id (new records,
        without a database id, have none)."""
        ids = [record.id for record in records if isinstance(record.id, int)]
        # sudo: progress rows of the records passed in, which the caller reads; rows
        #   hold counts and a message only
        rows = self.sudo().search([
            ("res_model", "=", records._name), ("res_id", "in", ids)])
        return {row.res_id: row for row in rows}
