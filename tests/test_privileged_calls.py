"""Every way around Odoo's access layer in the addons is listed and explained.

``sudo()`` (and its relatives: an environment built on SUPERUSER_ID, a field
computed with ``compute_sudo=True``) skips record rules and access rights;
raw SQL (``cr.execute``, ``execute_values``, ``copy_expert``...) skips the ORM
altogether. Each such call is a place where a user could read or write beyond
their rights, so each one must say why it is safe, and the list of them is a
file reviewed like code (tests/privileged_calls.txt):

- the call carries a one-line reason, ``# sudo: <why>`` or ``# sql: <why>``,
  on its own line, on the line(s) just before it or just before its statement;
- the allow-list holds one line per (file, function, kind, reason) with the
  number of such calls, e.g.
  ``addons/x/models/y.py::Y._compute_z sudo x1: reads the public name only``.

A new call, a changed count or reason, and a line that no longer matches the
code all fail with the line to add or remove. The test never writes the file;
``python tests/test_privileged_calls.py --print`` prints the current list, to
copy from after reviewing it.
"""
import ast
import io
import re
import sys
import tokenize
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
ALLOW_LIST = Path(__file__).resolve().parent / "privileged_calls.txt"

# cursor methods that send SQL, and the receivers that are cursors
SQL_METHODS = {
    "execute", "executemany", "copy_expert", "copy_from", "copy_to", "mogrify",
}
CURSOR_NAMES = {"cr", "_cr", "cursor", "cur", "new_cr"}
# psycopg2.extras helpers, called with the cursor as first argument
SQL_FUNCTIONS = {"execute_values", "execute_batch"}
REASON_RE = re.compile(r"#\s*(sudo|sql):\s*(\S.*?)\s*$")
ENTRY_RE = re.compile(r"^(\S+)::(\S+) (sudo|sql) x(\d+): (.+)$")


def _name(node):
    """The last name of a Name or Attribute node (``self.env.cr`` -> cr)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _kind(call):
    """'sudo', 'sql' or None for an ast.Call."""
    func = call.func
    name = _name(func)
    if isinstance(func, ast.Attribute):
        if name == "sudo":
            return "sudo"
        if name in SQL_METHODS and _name(func.value) in CURSOR_NAMES:
            return "sql"
    if name in SQL_FUNCTIONS:
        return "sql"
    if name == "Environment" and len(call.args) >= 2:
        uid = call.args[1]
        if _name(uid) == "SUPERUSER_ID" or (
            isinstance(uid, ast.Constant) and uid.value == 1
        ):
            return "sudo"
    for keyword in call.keywords:
        if keyword.arg == "compute_sudo" and (
            isinstance(keyword.value, ast.Constant) and keyword.value.value
        ):
            return "sudo"
    return None


def _comments(source):
    """{line number: comment text} of every comment in the source."""
    found = {}
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            found[tok.start[0]] = tok.string
    return found


class _Finder(ast.NodeVisitor):
    """Collect (qualname, kind, call line, statement line) of every call."""

    def __init__(self):
        self.scope = []
        self.in_class = [False]
        self.statement = None
        self.found = []

    def _scoped(self, node):
        self.scope.append(node.name)
        self.in_class.append(isinstance(node, ast.ClassDef))
        self.generic_visit(node)
        self.in_class.pop()
        self.scope.pop()

    visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _scoped

    def generic_visit(self, node):
        if isinstance(node, ast.stmt):
            outer, self.statement = self.statement, node
            super().generic_visit(node)
            self.statement = outer
        else:
            super().generic_visit(node)

    def visit_Call(self, node):
        kind = _kind(node)
        if kind:
            qualname = ".".join(self.scope) or "<module>"
            statement = self.statement
            # a field at class level is named after its attribute
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = _name(statement.targets[0])
                if target and self.in_class[-1]:
                    qualname = "%s.%s" % (qualname, target)
            self.found.append((qualname, kind, node.lineno, statement.lineno))
        self.generic_visit(node)


def _reason(comments, lines, kind, call_line, statement_line):
    """The reason given for a call, or None.

    Looked for on the call's line, then in the block of comment lines just
    above the call, then just above its statement. A reason too long for one
    line goes on in the comment lines that follow it, up to the code.
    """
    for anchor in (call_line, statement_line):
        match = REASON_RE.search(comments.get(anchor, ""))
        if match and match.group(1) == kind:
            return match.group(2)
        line = anchor - 1
        while line >= 1 and lines[line - 1].strip().startswith("#"):
            match = REASON_RE.search(comments.get(line, ""))
            if match and match.group(1) == kind:
                words = [match.group(2)] + [
                    lines[follow - 1].strip().lstrip("#").strip()
                    for follow in range(line + 1, anchor)]
                return " ".join(word for word in words if word)
            line -= 1
    return None


def scan(root=ADDONS):
    """(Counter of allow-list entries, list of calls without a reason)."""
    entries = Counter()
    unexplained = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent)
        if "tests" in relative.parts:
            continue
        source = path.read_text(encoding="utf-8")
        finder = _Finder()
        finder.visit(ast.parse(source, str(path)))
        if not finder.found:
            continue
        comments = _comments(source)
        lines = source.splitlines()
        for qualname, kind, call_line, statement_line in finder.found:
            reason = _reason(comments, lines, kind, call_line, statement_line)
            if reason is None:
                unexplained.append(
                    "%s:%d: %s in %s has no '# %s: <reason>' comment"
                    % (relative, call_line, kind, qualname, kind)
                )
                reason = "?"
            entries[(relative.as_posix(), qualname, kind, reason)] += 1
    return entries, unexplained


def format_entry(key, count):
    path, qualname, kind, reason = key
    return "%s::%s %s x%d: %s" % (path, qualname, kind, count, reason)


def read_allow_list(path=ALLOW_LIST):
    """(Counter of entries, list of malformed, duplicate or unsorted lines).

    The lines keep the order of ``--print`` (file, function, kind, reason),
    so that a change shows where it belongs in a diff."""
    entries = Counter()
    errors = []
    previous = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = ENTRY_RE.match(line)
        if not match:
            errors.append("%s:%d: malformed line: %s" % (path.name, number, line))
            continue
        path_, qualname, kind, count, reason = match.groups()
        key = (path_, qualname, kind, reason)
        if key in entries:
            errors.append("%s:%d: duplicate entry: %s" % (path.name, number, line))
        elif previous is not None and key < previous:
            errors.append("%s:%d: out of order: %s" % (path.name, number, line))
        previous = key
        entries[key] = int(count)
    return entries, errors


HEADER = """\
# Every sudo() and raw SQL call in the addons (tests/test_privileged_calls.py).
# One line per file::function, kind, number of calls and the reason given in
# the code's '# sudo: ...' / '# sql: ...' comment. Review changes to this file
# like code: each line is a place that goes around Odoo's access layer.
# Print the current list: python tests/test_privileged_calls.py --print
"""


def _current_list():
    entries, _unexplained = scan()
    return [format_entry(key, entries[key]) for key in sorted(entries)]


# ---------------------------------------------------------------- the tests


def test_every_privileged_call_gives_its_reason():
    _entries, unexplained = scan()
    assert not unexplained, (
        "Each sudo() and raw SQL call says on the line(s) before it why it "
        "is safe:\n" + "\n".join(unexplained)
    )


def test_allow_list_is_well_formed():
    _entries, errors = read_allow_list()
    assert not errors, "\n".join(errors)


def test_allow_list_matches_the_code():
    in_code, _unexplained = scan()
    listed, _errors = read_allow_list()
    missing = [
        format_entry(key, count)
        for key, count in sorted(in_code.items())
        if listed.get(key) != count
    ]
    stale = [
        format_entry(key, count)
        for key, count in sorted(listed.items())
        if in_code.get(key) != count
    ]
    message = []
    if missing:
        message.append(
            "New or changed privileged calls: review them, then add these "
            "lines to tests/privileged_calls.txt:\n" + "\n".join(missing)
        )
    if stale:
        message.append(
            "Lines of tests/privileged_calls.txt that no longer match the "
            "code (remove them):\n" + "\n".join(stale)
        )
    assert not message, "\n\n".join(message)


def test_the_scanner_finds_every_kind_of_call(tmp_path):
    """The scanner itself: a test that cannot fail is a defect."""
    addon = tmp_path / "addons" / "demo" / "models"
    addon.mkdir(parents=True)
    (tmp_path / "addons" / "demo" / "tests").mkdir()
    (tmp_path / "addons" / "demo" / "tests" / "test_x.py").write_text(
        "x.sudo()\n"
    )
    (addon / "thing.py").write_text(
        "from odoo import SUPERUSER_ID, api, fields, models\n"
        "\n"
        "\n"
        "class Thing(models.Model):\n"
        "    # sudo: the name of any partner is public\n"
        "    name = fields.Char(compute='_c', compute_sudo=True)\n"
        "\n"
        "    def read_all(self):\n"
        "        # sudo: reads counts\n"
        "        #   only\n"
        "        records = self.sudo().search([])\n"
        "        self.env.cr.execute('SELECT 1')  # sql: constant query\n"
        "        self.sudo().write(\n"
        "            {'a': self.sudo().b})\n"
        "        env = api.Environment(self.env.cr, SUPERUSER_ID, {})\n"
        "        self.wizard.execute()\n"
        "        return records\n"
        "\n"
        "    def nested(self):\n"
        "        def inner(cr):\n"
        "            # sql: ids come from the ORM\n"
        "            execute_values(cr, 'q', [])\n"
        "        return inner\n"
    )
    entries, unexplained = scan(tmp_path / "addons")
    assert {format_entry(key, count) for key, count in entries.items()} == {
        "addons/demo/models/thing.py::Thing.name sudo x1: "
        "the name of any partner is public",
        "addons/demo/models/thing.py::Thing.read_all sudo x1: reads counts only",
        "addons/demo/models/thing.py::Thing.read_all sql x1: constant query",
        "addons/demo/models/thing.py::Thing.read_all sudo x3: ?",
        "addons/demo/models/thing.py::Thing.nested.inner sql x1: "
        "ids come from the ORM",
    }
    assert [line.split(":")[1] for line in unexplained] == ["13", "14", "15"]


def test_allow_list_parser_reports_bad_lines(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(
        "# comment\n"
        "\n"
        "addons/b.py::B.g sql x1: why not\n"
        "addons/a.py::A.f sudo x2: why\n"
        "addons/a.py::A.f sudo x1: why\n"
        "addons/a.py A.f sudo: no count\n"
    )
    entries, errors = read_allow_list(path)
    assert entries == Counter({
        ("addons/a.py", "A.f", "sudo", "why"): 1,
        ("addons/b.py", "B.g", "sql", "why not"): 1,
    })
    assert [error.split(":")[2].strip() for error in errors] == [
        "out of order", "duplicate entry", "malformed line",
    ]


if __name__ == "__main__":
    if sys.argv[1:] != ["--print"]:
        sys.exit("usage: python tests/test_privileged_calls.py --print")
    print(HEADER + "\n".join(_current_list()))
