"""Keep each addon's i18n/<addon>.pot and i18n/zh_CN.po true to its code.

    .venv/bin/python scripts/i18n.py update CONF DB ADDON [ADDON ...]

exports the template of each addon with Odoo's own exporter (so references
are exact) from database DB (where the addons are installed), writes it as
``i18n/<addon>.pot``, and writes ``i18n/zh_CN.po`` with the same entries,
each translated from the current ``zh_CN.po`` or from ``i18n/_pending_*.po``
(translations written beside new code, merged here and then removed).
Entries still untranslated are listed and make it exit 1.

The tests (tests/test_i18n.py) use the same functions to check that the
committed files match the code and that every entry is translated.
"""
import ast
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZH_HEADER_FIELDS = (
    ("Language", "zh_CN"),
    ("Plural-Forms", "nplurals=1; plural=0;"),
)


def _unquote(line):
    return ast.literal_eval(line.strip())


def _quote(text):
    return '"%s"' % (
        text.replace("\\", "\\\\").replace('"', '\\"')
        .replace("\n", "\\n").replace("\t", "\\t")
    )


def parse_po(text):
    """Entries of a PO file as dicts: comments (lines), msgid, msgstr.

    Only what Odoo writes is handled: ``#`` comment lines, then ``msgid`` and
    ``msgstr``, each possibly continued on quoted lines.
    """
    entries = []
    for block in re.split(r"\n\s*\n", text.strip()):
        comments, parts, current = [], {"msgid": [], "msgstr": []}, None
        for line in block.splitlines():
            if line.startswith("#"):
                comments.append(line)
            elif line.startswith("msgid "):
                current = "msgid"
                parts[current].append(_unquote(line[6:]))
            elif line.startswith("msgstr "):
                current = "msgstr"
                parts[current].append(_unquote(line[7:]))
            elif line.startswith('"') and current:
                parts[current].append(_unquote(line))
        if current:
            entries.append({
                "comments": comments,
                "msgid": "".join(parts["msgid"]),
                "msgstr": "".join(parts["msgstr"]),
            })
    return entries


def format_entry(entry):
    lines = list(entry["comments"])
    for key in ("msgid", "msgstr"):
        value = entry[key]
        if "\n" in value.rstrip("\n"):  # Odoo splits at line ends only
            lines.append('%s ""' % key)
            chunks = re.findall(r"[^\n]*\n|[^\n]+", value)
            lines.extend(_quote(chunk) for chunk in chunks)
        else:
            lines.append("%s %s" % (key, _quote(value)))
    return "\n".join(lines)


def translations(i18n_dir):
    """msgid -> Chinese, from zh_CN.po and the pending files (which win)."""
    known = {}
    files = [i18n_dir / "zh_CN.po"] + sorted(i18n_dir.glob("_pending_*.po"))
    for path in files:
        if path.exists():
            for entry in parse_po(path.read_text(encoding="utf-8")):
                if entry["msgid"] and entry["msgstr"]:
                    known[entry["msgid"]] = entry["msgstr"]
    return known


def export_template(conf, db, addon):
    """The addon's template as Odoo 11 exports it (empty msgstr)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / ("%s.po" % addon)
        subprocess.run(
            [sys.executable, str(ROOT / "bin" / "odoo-server"), "-c", conf,
             "-d", db, "--i18n-export=%s" % out, "--modules=%s" % addon,
             "--stop-after-init", "--log-level=warn"],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )
        return out.read_text(encoding="utf-8")


def is_foreign(comment, addon):
    """A reference to a record another module owns (``model:...:base.x``).

    Odoo's exporter lists only records whose xml id is the addon's own, but
    an addon may complete another module's record (community_base names the
    ``base.module_category_street_office`` category that Odoo creates from
    the manifests); the translation of that must stay in our files.
    """
    match = re.match(r"#: model:[^:]+:(\w+)\.", comment)
    return bool(match) and match.group(1) != addon


def keep_foreign_references(template_text, previous_text, addon):
    """The template with the foreign references of the previous template."""
    foreign = {}
    for entry in parse_po(previous_text):
        refs = [c for c in entry["comments"] if is_foreign(c, addon)]
        if entry["msgid"] and refs:
            foreign.setdefault(entry["msgid"], []).extend(refs)
    entries = parse_po(template_text)
    for entry in entries:
        for ref in foreign.pop(entry["msgid"], []):
            if ref not in entry["comments"]:
                entry["comments"].append(ref)
    for msgid, refs in foreign.items():
        entries.append({"comments": ["#. module: %s" % addon] + refs,
                        "msgid": msgid, "msgstr": ""})
    return "\n\n".join(format_entry(e) for e in entries) + "\n"


def zh_cn_catalogue(template_text, known):
    """zh_CN.po text for the template; and the msgids left untranslated."""
    entries = parse_po(template_text)
    missing = []
    for entry in entries:
        if not entry["msgid"]:
            header = entry["msgstr"]
            for name, value in ZH_HEADER_FIELDS:
                field = "%s: %s\n" % (name, value)
                if re.search(r"^%s: " % name, header, re.M):
                    header = re.sub(r"^%s: [^\n]*\n" % name, field, header,
                                    flags=re.M)
                else:
                    header += field
            entry["msgstr"] = header
            continue
        entry["msgstr"] = known.get(entry["msgid"], "")
        if not entry["msgstr"]:
            missing.append(entry["msgid"])
    return "\n\n".join(format_entry(e) for e in entries) + "\n", missing


def update(conf, db, addons):
    untranslated = {}
    for addon in addons:
        i18n_dir = ROOT / "addons" / addon / "i18n"
        i18n_dir.mkdir(exist_ok=True)
        pot = i18n_dir / ("%s.pot" % addon)
        previous = pot.read_text(encoding="utf-8") if pot.exists() else ""
        template = keep_foreign_references(
            export_template(conf, db, addon), previous, addon)
        pot.write_text(template, encoding="utf-8")
        text, missing = zh_cn_catalogue(template, translations(i18n_dir))
        (i18n_dir / "zh_CN.po").write_text(text, encoding="utf-8")
        for pending in i18n_dir.glob("_pending_*.po"):
            pending.unlink()
        if missing:
            untranslated[addon] = missing
    for addon, missing in untranslated.items():
        print("%s: %d untranslated:" % (addon, len(missing)))
        for msgid in missing:
            print("    %r" % msgid)
    return 1 if untranslated else 0


if __name__ == "__main__":
    if len(sys.argv) < 5 or sys.argv[1] != "update":
        sys.exit(__doc__)
    os.chdir(ROOT)
    sys.exit(update(sys.argv[2], sys.argv[3], sys.argv[4:]))
