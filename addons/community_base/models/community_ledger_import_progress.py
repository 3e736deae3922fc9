# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CommunityLedgerImportProgress(models.Model):
    """How far a background ledger import has come.

    An import runs in one transaction (all or nothing), so what it writes
    is invisible until it ends. The job reports its progress through a
    second cursor that commits at once, into this row and not into the
    import itself: the import transaction updates the import at its end,
    and PostgreSQL's repeatable-read isolation would refuse that update if
    another transaction had changed the same row meanwhile.
    """

    _name = "community.ledger.import.progress"
    _description = "Ledger import progress"

    import_id = fields.Many2one(
        comodel_name="community.ledger.import",
        string="Import",
        required=True,
        index=True,
        ondelete="cascade",
    )
    rows_done = fields.Integer()
    rows_total = fields.Integer()

    _sql_constraints = [
        ("import_uniq", "unique(import_id)",
         "An import has one progress record."),
    ]

    @api.model
    def report(self, ledger_import, rows_done, rows_total):
        """Record the progress of ``ledger_import`` in a committed side
        transaction, when running as a job (the import itself must have
        been committed before, as the job's record is)."""
        if not self.env.context.get("job_uuid"):
            return
        try:
            with self.pool.cursor() as cr:
                cr.execute("""
                    INSERT INTO community_ledger_import_progress
                        (import_id, rows_done, rows_total, create_uid,
                         write_uid, create_date, write_date)
                    VALUES (%(import)s, %(done)s, %(total)s, %(uid)s, %(uid)s,
                            now() at time zone 'UTC',
                            now() at time zone 'UTC')
                    ON CONFLICT (import_id) DO UPDATE
                    SET rows_done = EXCLUDED.rows_done,
                        rows_total = EXCLUDED.rows_total,
                        write_date = EXCLUDED.write_date
                """, {"import": ledger_import.id, "done": rows_done,
                      "total": rows_total, "uid": self.env.uid})
        except Exception:  # progress is a courtesy: never fail the import
            _logger.warning("could not record the progress of ledger import "
                            "%s", ledger_import.id, exc_info=True)
