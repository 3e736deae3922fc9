# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Schema changes an upgrade cannot make by itself, for the migration
scripts (``migrations/<version>/pre-migration.py``), run before the new
code creates its columns.

Why: Odoo sees a renamed field as a new, empty column beside the old one,
and a Char column that became an Integer is moved aside as ``<name>_moved0``
and recreated empty: the values are lost either way. Each function here
changes the column in place, does nothing when the database has it already
(a script may run on a database half upgraded, or twice), and returns
whether it changed something.
"""
from psycopg2 import sql


def column_type(cr, table, column):
    """The data type of ``table.column`` (``information_schema`` spelling,
    e.g. ``character varying``), or None when there is no such column."""
    # sql: reads the catalogue of the database being upgraded
    cr.execute("""
        SELECT data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = %s
          AND column_name = %s
    """, (table, column))
    row = cr.fetchone()
    return row[0] if row else None


def rename_field(cr, model, old, new):
    """Rename the field ``old`` of ``model`` to ``new`` keeping its values:
    the column, its index, and the field's ``ir.model.fields`` record with
    its XML id, so that what refers to the field (a dashboard tile's date
    field, a saved export) follows it."""
    table = model.replace(".", "_")
    if not column_type(cr, table, old) or column_type(cr, table, new):
        return False
    # sql: renames the column in place, values kept
    cr.execute(sql.SQL("ALTER TABLE {} RENAME COLUMN {} TO {}").format(
        sql.Identifier(table), sql.Identifier(old), sql.Identifier(new)))
    # sql: the index Odoo named after the column (index=True) follows it
    cr.execute(sql.SQL("ALTER INDEX IF EXISTS {} RENAME TO {}").format(
        sql.Identifier("%s_%s_index" % (table, old)),
        sql.Identifier("%s_%s_index" % (table, new))))
    # sql: the field's record keeps its id under the new name
    cr.execute("""
        UPDATE ir_model_fields SET name = %s
        WHERE model = %s AND name = %s AND NOT EXISTS (
            SELECT 1 FROM ir_model_fields WHERE model = %s AND name = %s)
    """, (new, model, old, model, new))
    # sql: and its XML id, named after the table and the field
    cr.execute("""
        UPDATE ir_model_data SET name = %s
        WHERE model = 'ir.model.fields' AND name = %s AND NOT EXISTS (
            SELECT 1 FROM ir_model_data
            WHERE model = 'ir.model.fields' AND name = %s)
    """, ("field_%s_%s" % (table, new), "field_%s_%s" % (table, old),
          "field_%s_%s" % (table, new)))
    return True


def char_to_integer(cr, table, column):
    """Turn the text column ``table.column`` (years such as '2026') into an
    integer column with the same numbers. A value that is no number
    (empty, or typed wrong in a wizard) becomes NULL; the NOT NULL
    constraint is dropped first and the upgrade puts it back on a required
    field, filling such rows with the field's default."""
    if column_type(cr, table, column) not in ("character varying", "text"):
        return False
    # sql: lets the unreadable values become NULL during the conversion
    cr.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} DROP NOT NULL").format(
        sql.Identifier(table), sql.Identifier(column)))
    # sql: converts the column in place: '2026' -> 2026, anything else NULL
    cr.execute(sql.SQL("""
        ALTER TABLE {table} ALTER COLUMN {column} TYPE integer
        USING CASE WHEN btrim({column}) ~ '^[0-9]{{1,9}}$'
                   THEN btrim({column})::integer END
    """).format(table=sql.Identifier(table), column=sql.Identifier(column)))
    return True


def align_field_xmlids(env, model_names):
    """Give the fields of ``model_names`` the XML ids a new database gives
    them: under the module whose class defines the field last (a field a
    model now takes from a mixin of community_base is
    ``community_base.field_<table>_<name>``). Odoo names a field's XML id
    once, when it creates the field's record, so an upgraded database
    keeps the old module, and the translations of the label, looked up by
    XML id, would miss it. Returns the number of XML ids moved."""
    moved = 0
    for model_name in model_names:
        model = env[model_name]
        for name, field in model._fields.items():
            if not field._module:
                continue
            xmlid = "field_%s_%s" % (model._table, name)
            # sql: moves the XML id of the field's record to its module
            env.cr.execute("""
                UPDATE ir_model_data SET module = %s
                WHERE model = 'ir.model.fields' AND name = %s
                  AND module != %s AND NOT EXISTS (
                    SELECT 1 FROM ir_model_data
                    WHERE module = %s AND name = %s)
            """, (field._module, xmlid, field._module, field._module, xmlid))
            moved += env.cr.rowcount
    return moved
