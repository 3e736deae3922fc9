# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the tests of the migration scripts share: loading a script as Odoo
does, and putting a column back into the shape of the previous version
inside the test's transaction (which the test case rolls back)."""
import importlib.util

from psycopg2 import sql

from odoo.modules.module import get_module_resource


def load_script(module, version, stage):
    """The ``<stage>-migration.py`` of ``module`` for ``version``: its
    folder name is no Python package name, so it is loaded from its file,
    as Odoo does."""
    path = get_module_resource(
        module, "migrations", version, "%s-migration.py" % stage)
    spec = importlib.util.spec_from_file_location(
        "%s_%s_%s" % (module, version.replace(".", "_"), stage), path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def integer_to_text(cr, table, column, size=None):
    """The integer ``table.column`` back to the text column it was."""
    # sql: puts the column of the test's transaction back to the old type
    cr.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} TYPE {} USING {}::text")
               .format(sql.Identifier(table), sql.Identifier(column),
                       sql.SQL("varchar(%d)" % size if size else "varchar"),
                       sql.Identifier(column)))


def column_values(cr, table, ids, *columns):
    """{id: (values of ``columns``)} of the rows ``ids``, read from the
    table (the ORM's fields do not match the old shape)."""
    # sql: reads back the test's own rows
    cr.execute(sql.SQL("SELECT id, {} FROM {} WHERE id IN %s").format(
        sql.SQL(", ").join(map(sql.Identifier, columns)),
        sql.Identifier(table)), (tuple(ids),))
    return {row[0]: tuple(row[1:]) for row in cr.fetchall()}
