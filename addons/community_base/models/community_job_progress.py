# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models

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

    @api.model
    def of(self, records):
        """The progress rows of ``records`` by record id (new records,
        without a database id, have none)."""
        ids = [record.id for record in records if isinstance(record.id, int)]
        rows = self.sudo().search([
            ("res_model", "=", records._name), ("res_id", "in", ids)])
        return {row.res_id: row for row in rows}
