"""Every user-facing string is in the addon's .pot and translated in zh_CN.po.

The template is exported from the test database with Odoo's own exporter and
compared with the committed files, so a string added to code or views
without running ``scripts/i18n.py update`` fails here.
"""
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import i18n  # noqa: E402

ADDONS = sorted(m.parent.name for m in (ROOT / "addons").glob("*/__manifest__.py"))


def _stable(ref):
    """A reference that is the same in every database.

    A code term's line number moves with every edit above it; Odoo matches
    code terms by their text, so the file is what matters. And when two
    fields would get the same XML id (``grid.case``'s ``category_id`` and
    ``grid.case.category``'s ``id`` both make ``field_grid_case_category_id``)
    Odoo adds the field's database id to the second, which differs from one
    database to the next.
    """
    ref = re.sub(r"^(#: code:\S+):\d+$", r"\1", ref)
    return re.sub(r"^(#: model:ir\.model\.fields,\S+\.field_\w+?)_\d+$",
                  r"\1", ref)


def _terms(text, addon):
    """(msgid, own references) of each entry that has own references."""
    terms = set()
    for entry in i18n.parse_po(text):
        refs = tuple(sorted(
            _stable(c) for c in entry["comments"]
            if c.startswith("#:") and not i18n.is_foreign(c, addon)))
        if entry["msgid"] and refs:
            terms.add((entry["msgid"], refs))
    return terms


@pytest.fixture(scope="module", params=ADDONS)
def exported(request, odoo_conf):
    conf_path, options = odoo_conf
    addon = request.param
    return addon, i18n.export_template(conf_path, options["db_name"], addon)


def test_pot_matches_the_code(exported):
    addon, template = exported
    pot = ROOT / "addons" / addon / "i18n" / ("%s.pot" % addon)
    assert pot.exists(), "%s has no %s" % (addon, pot.name)
    committed = _terms(pot.read_text(encoding="utf-8"), addon)
    current = _terms(template, addon)
    assert current - committed == set(), (
        "terms missing from %s: run scripts/i18n.py update" % pot)
    assert committed - current == set(), "stale terms in %s" % pot


def test_every_term_translated_in_zh_cn(exported):
    addon, template = exported
    i18n_dir = ROOT / "addons" / addon / "i18n"
    assert not list(i18n_dir.glob("_pending_*.po")), "unmerged pending files"
    zh = {e["msgid"]: e["msgstr"] for e in i18n.parse_po(
        (i18n_dir / "zh_CN.po").read_text(encoding="utf-8"))}
    untranslated = [e["msgid"] for e in i18n.parse_po(template)
                    if e["msgid"] and not zh.get(e["msgid"])]
    assert untranslated == []


def test_po_round_trip_keeps_entries():
    text = (
        '#. module: x\n#: model:ir.ui.menu,name:x.menu\nmsgid "Street Office"\n'
        'msgstr ""\n\n#: code:addons/x/a.py:3\nmsgid ""\n"two\\n"\n"lines"\n'
        'msgstr "两\\n行"\n'
    )
    entries = i18n.parse_po(text)
    assert [e["msgid"] for e in entries] == ["Street Office", "two\nlines"]
    assert entries[1]["msgstr"] == "两\n行"
    again = i18n.parse_po("\n\n".join(i18n.format_entry(e) for e in entries))
    assert again == entries
