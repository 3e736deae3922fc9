# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write many records of the register at once: the one batched write path
of the ledger import and the demo loader.

Why: Odoo 11's ``create`` takes one dict, and every created record queues
the recomputation of the stored related fields and counts above it; through
the ORM a resident costs about 20 ms (some ten queries), so 50,000 residents
take a quarter of an hour. Here rows are inserted with SQL
(``INSERT ... VALUES`` in pages of :data:`PAGE_SIZE` through
``psycopg2.extras.execute_values``, ids taken from the tables' sequences
beforehand), and the stored computed fields are computed by the fields' own
compute methods and written back in one ``UPDATE ... FROM (VALUES ...)`` per
page.

What it guarantees, for compounds, buildings, households and residents
written by :meth:`BulkRegister.insert_compounds` and its siblings: the
columns hold what the models' ``create`` would write:

- the scope columns (``compound_id``, ``building_id``, ``community_id``,
  ``company_id``) taken from the parent row, as the models' ``create`` does;
- ID numbers in their 18-character form (``community.resident.
  _normalize_vals``), birth date and sex derived from them
  (``_compute_from_id_number``, same helper :mod:`.id_number`);
- the defaults of the fields the rows leave out (``default_get``, without
  the caller's ``default_*`` context keys, which belong to the caller's
  form, not to these records);
- ``create_uid``/``write_uid`` (the user given, e.g. the importing clerk)
  and ``create_date``/``write_date``;
- the other stored computed fields (the household's name...) computed by
  their compute methods (:meth:`BulkRegister.flush_computed`), and the
  stored counts recomputed bottom-up, household → building → compound →
  community, once per call of :meth:`BulkRegister.recompute_counts` (once
  per import, not once per record);
- with ``validate=True`` the models' Python constraints run on the new
  records; the SQL constraints always apply.

Nothing commits: every statement runs in the caller's cursor and
transaction, so an import stays all-or-nothing. The ORM cache is
invalidated after each write, since SQL bypasses it. Record rules and
access rights are the caller's business (the ledger import checks them
before writing).
"""
from psycopg2 import sql
from psycopg2.extras import execute_values

from odoo import fields

from . import id_number as idn

PAGE_SIZE = 2000
MAGIC_COLUMNS = ("id", "create_uid", "create_date", "write_uid", "write_date")

#: the levels whose stored counts roll up from the level below, bottom-up,
#: with the column that points at the parent level
COUNT_LEVELS = (
    ("community.household", "building_id"),
    ("community.building", "compound_id"),
    ("community.compound", "community_id"),
    ("community.community", None),
)

#: scope columns a level copies from its parent, as the models' ``create``
#: does: {model: (parent column, parent model, [copied columns])}
SCOPE = {
    "community.compound": ("community_id", "community.community",
                           ["company_id"]),
    "community.building": ("compound_id", "community.compound",
                           ["community_id", "company_id"]),
    "community.household": ("building_id", "community.building",
                            ["compound_id", "community_id", "company_id"]),
    "community.resident": ("household_id", "community.household",
                           ["building_id", "compound_id", "community_id",
                            "company_id"]),
}


class BulkRegister(object):
    """Batched inserts into ``env``'s database, credited to ``uid`` (by
    default ``env``'s user). ``env`` should be a superuser environment: the
    compute methods read across the street."""

    def __init__(self, env, uid=None, page_size=PAGE_SIZE):
        context = {key: value for key, value in env.context.items()
                   if not key.startswith("default_")}
        # the compute methods and constraints run on thousands of records
        # that nothing else reads: fetch the columns they read, not every
        # prefetchable column of the table (measured on 10,000 residents
        # in 4,000 households: a third of the write path's time)
        context["prefetch_fields"] = False
        self.env = env(context=context)
        self.uid = uid or env.uid
        self.page_size = page_size
        self.now = fields.Datetime.now()
        # (records, names of the fields their rows carried), to compute
        self._pending = []

    # -- generic ----------------------------------------------------------------

    def new_ids(self, model, count):
        if not count:
            return []
        # sql: reserves ids from the table's own sequence; no data read
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            (model._sequence, count))
        return [row[0] for row in self.env.cr.fetchall()]

    def insert(self, model_name, rows, validate=False):
        """Insert ``rows`` (dicts of field values in the ``write`` format;
        many2many values as lists of ids) in pages; fill the defaults of the
        fields the rows leave out. Return the new records, in the order of
        ``rows``. Their stored computed fields are computed by
        :meth:`flush_computed`; with ``validate`` the Python constraints
        run there too."""
        model = self.env[model_name]
        records = model.browse(self.new_ids(model, len(rows)))
        if not rows:
            return records
        # fields another part of the addon may not define (yet) are left out
        given = {name for name in set().union(*(row.keys() for row in rows))
                 if name in model._fields}
        m2m = [name for name in given
               if model._fields[name].type == "many2many"]
        stored = [name for name, field in model._fields.items()
                  if field.store and field.column_type and not field.compute
                  and name not in MAGIC_COLUMNS]
        defaults = model.default_get(
            [name for name in stored if name not in given])
        columns = sorted((given - set(m2m)) | set(defaults))
        query = sql.SQL(
            "INSERT INTO {} (id, create_uid, create_date, write_uid, "
            "write_date, {}) VALUES %s").format(
                sql.Identifier(model._table),
                sql.SQL(", ").join(map(sql.Identifier, columns)))
        values = []
        uid, now = self.uid, self.now
        for record, row in zip(records, rows):
            values.append([record.id, uid, now, uid, now] + [
                model._fields[name].convert_to_column(
                    row[name] if name in row else defaults.get(name), record)
                for name in columns])
        cr = self.env.cr
        # sql: bulk insert for the ledger import, which checked the user's rights on the
        #   import's community first
        execute_values(cr, query.as_string(cr._obj), values,
                       page_size=self.page_size)
        for name in m2m:
            field = model._fields[name]
            pairs = [(record.id, target)
                     for record, row in zip(records, rows)
                     for target in row.get(name) or ()]
            if pairs:
                rel_query = sql.SQL(
                    "INSERT INTO {} ({}, {}) VALUES %s").format(
                        sql.Identifier(field.relation),
                        sql.Identifier(field.column1),
                        sql.Identifier(field.column2))
                # sql: many2many rows of the records just inserted above
                execute_values(cr, rel_query.as_string(cr._obj), pairs,
                               page_size=self.page_size)
        self.env.cache.invalidate()
        self._pending.append((records, given, validate))
        return records

    def compute_stored(self, records, skip=(), extra=None):
        """Compute the stored computed fields of ``records`` (except
        ``skip``) with their compute methods and write them, with the
        columns of ``extra`` ({field name: {id: value}}), in one UPDATE per
        page: rewriting a row once instead of once per field keeps big
        tables (and their indexes) from bloating."""
        model = records.browse()
        extra = extra or {}
        fnames = [name for name, field in model._fields.items()
                  if field.store and field.compute and field.column_type
                  and name not in skip and name not in extra]
        fnames += sorted(extra)
        if not records or not fnames:
            return
        fields_ = [model._fields[name] for name in fnames]
        cr = self.env.cr
        query = sql.SQL(
            "UPDATE {table} SET {sets} FROM (VALUES %s) AS v(id, {cols}) "
            "WHERE {table}.id = v.id").format(
                table=sql.Identifier(model._table),
                sets=sql.SQL(", ").join(
                    sql.SQL("{0} = v.{0}").format(sql.Identifier(name))
                    for name in fnames),
                cols=sql.SQL(", ").join(map(sql.Identifier, fnames)))
        query = query.as_string(cr._obj)
        template = "(%s, " + ", ".join(
            "%s::" + _column_cast(field) for field in fields_) + ")"
        for start in range(0, len(records), 5000):
            batch = records[start:start + 5000]
            computed = set()
            for field in fields_:
                if field.name not in extra and field not in computed:
                    field.compute_value(batch)
                    computed.update(batch._field_computed.get(field, [field]))
            rows = []
            for record in batch:
                row = [record.id]
                for field in fields_:
                    if field.name in extra:
                        value = extra[field.name].get(record.id)
                    else:
                        value = field.convert_to_write(record[field.name],
                                                       record)
                    row.append(field.convert_to_column(value, record))
                rows.append(row)
            # sql: writes the stored computed fields of the records just inserted,
            #   computed by the ORM
            execute_values(cr, query, rows, template=template,
                           page_size=self.page_size)

    def flush_computed(self, extra=None):
        """Compute what the inserts left out, except the counts (see
        :meth:`recompute_counts`), and run the constraints of the inserts
        made with ``validate``. ``extra`` ({model: {field: {id: value}}})
        gives columns to write with them (e.g. the heads of households)."""
        extra = extra or {}
        pending, self._pending = self._pending, []
        for records, given, _validate in pending:
            self.compute_stored(records, skip=set(given) | {
                name for name, field in records._fields.items()
                if is_count(name, field)}, extra=extra.get(records._name))
            self.env.cache.invalidate()
        for records, given, validate in pending:
            if validate:
                records._validate_fields(list(records._fields))
        self.env.cache.invalidate()

    def recompute_counts(self, ids_by_model):
        """Recompute the stored counts of the records ``ids_by_model``
        ({model: ids}) and of every level above them, bottom-up: each level
        sums the stored counts of the one below, written just before."""
        cr = self.env.cr
        parents = set()
        for model_name, parent_column in COUNT_LEVELS:
            ids = parents | set(ids_by_model.get(model_name) or ())
            ids.discard(None)
            parents = set()
            if not ids:
                continue
            records = self.env[model_name].browse(sorted(ids))
            self.compute_stored(records, skip=non_count_fields(records))
            self.env.cache.invalidate()
            if parent_column:
                # sql: parents of the records just inserted, whose counts are recomputed
                cr.execute(sql.SQL(
                    "SELECT DISTINCT {} FROM {} WHERE id = ANY(%s)").format(
                        sql.Identifier(parent_column),
                        sql.Identifier(records._table)), (records.ids,))
                parents = {parent for parent, in cr.fetchall()}

    # -- the register -------------------------------------------------------------

    def _with_scope(self, model_name, rows):
        """``rows`` with the scope columns of their parents, as the models'
        ``create`` writes them (a value the row gives is overridden)."""
        parent_column, parent_model, columns = SCOPE[model_name]
        parent_ids = sorted({row[parent_column] for row in rows
                             if row.get(parent_column)})
        scope = {}
        if parent_ids:
            table = self.env[parent_model]._table
            # sql: scope fields of the parents the new rows name, copied onto them as
            #   the ORM's create would
            self.env.cr.execute(sql.SQL(
                "SELECT id, {} FROM {} WHERE id = ANY(%s)").format(
                    sql.SQL(", ").join(map(sql.Identifier, columns)),
                    sql.Identifier(table)), (parent_ids,))
            scope = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        result = []
        for row in rows:
            values = scope.get(row.get(parent_column))
            row = dict(row)
            if values is not None:
                row.update(zip(columns, (value or False for value in values)))
            result.append(row)
        return result

    def insert_compounds(self, rows, validate=False):
        return self.insert("community.compound",
                           self._with_scope("community.compound", rows),
                           validate=validate)

    def insert_buildings(self, rows, validate=False):
        return self.insert("community.building",
                           self._with_scope("community.building", rows),
                           validate=validate)

    def insert_households(self, rows, validate=False):
        return self.insert("community.household",
                           self._with_scope("community.household", rows),
                           validate=validate)

    def insert_residents(self, rows, validate=False):
        """Residents, with the ID number normalised and the birth date and
        sex derived from it, as ``community.resident`` does."""
        rows = self._with_scope("community.resident", rows)
        for row in rows:
            number = row.get("id_number")
            birth, sex = False, False
            if number:
                try:
                    number = idn.normalize(number)
                except idn.InvalidIdNumber:
                    number = number.strip()
                else:
                    # what idn.birth_date() and idn.sex() read from a
                    # normalised number, without normalising it twice more
                    birth = "%s-%s-%s" % (
                        number[6:10], number[10:12], number[12:14])
                    sex = "male" if int(number[16]) % 2 else "female"
                row["id_number"] = number
            row["birth_date"] = birth
            row["sex"] = sex
        return self.insert("community.resident", rows, validate=validate)


def _column_cast(field):
    """The SQL type of a column, for the VALUES list of an UPDATE (untyped
    NULLs would be text)."""
    return field.column_type[1].split("(")[0]


def is_count(name, field):
    """Stored counts roll up from the level below (``member_count``,
    ``household_count``...): they are computed bottom-up once everything
    is inserted, the other computed fields top-down."""
    return bool(field.store and field.compute and name.endswith("_count"))


def non_count_fields(records):
    return [name for name, field in records._fields.items()
            if not is_count(name, field)]
