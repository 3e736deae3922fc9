# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bring records shipped ``noupdate`` (record rules, settings) up to date in
an upgraded database, from the very XML file that defines them.

Why: an upgrade never touches a ``noupdate`` record, so a record rule
tightened in the data file stays loose in every database made before the
change. A migration script names the records it tightens and calls
``reload_from_file``; the values come from the file, so the data file stays
the one place that says what a rule is.
"""
from lxml import etree

from odoo.modules.module import get_module_resource


def reload_from_file(env, module, path, xmlids, fields):
    """Write the ``fields`` (plain text values) of the records ``xmlids``
    (without the module prefix) as the data file ``path`` of ``module``
    defines them; records missing from the database are left alone.
    Returns the ids of the records written."""
    tree = etree.parse(get_module_resource(module, *path.split("/")))
    written = []
    for xmlid in xmlids:
        nodes = tree.xpath("//record[@id=$xmlid]", xmlid=xmlid)
        if not nodes:
            raise ValueError("%s: no record %s" % (path, xmlid))
        values = {}
        for fname in fields:
            field = nodes[0].find("field[@name='%s']" % fname)
            if field is not None:
                values[fname] = field.text
        record = env.ref("%s.%s" % (module, xmlid), raise_if_not_found=False)
        if record:
            record.write(values)
            written.append(record.id)
    return written
