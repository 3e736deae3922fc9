"""The access matrix of docs/access.md: parse it, and derive it from a database.

docs/access.md is the contract: one markdown table per addon whose rows are
``| model | role | C | R | W | D | scope |``. ``tests/test_access_matrix.py``
parses it and checks every cell against real users; ``derive`` computes the
same rows from ir.model.access and ir.rule as installed, which is how the
first version of the document was written and how a new model's rows are
drafted::

    .venv/bin/python tests/access_matrix.py var/odoo-matrix_test.conf matrix_test

prints the derived tables (and the differences from docs/access.md).
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "access.md"

ADDONS = ("community_base", "community_grid", "community_finance", "community_eval",
          "community_party", "community_service")

# role key of the table -> the group a user of that role holds
ROLES = {
    "internal": "base.group_user",
    "leader": "community_base.group_leader",
    "community_clerk": "community_base.group_community_clerk",
    "street_clerk": "community_base.group_street_clerk",
    "street_admin": "community_base.group_street_admin",
    "grid_officer": "community_grid.group_grid_officer",
    "case_handler": "community_grid.group_case_handler",
    "finance_officer": "community_finance.group_finance_officer",
    "evaluator": "community_eval.group_evaluator",
    "party_organiser": "community_party.group_party_organiser",
    "party_secretary": "community_party.group_party_secretary",
    "party_officer": "community_party.group_party_officer",
}

OPERATIONS = ("create", "read", "write", "unlink")
COLUMNS = ("C", "R", "W", "D")

ROW = re.compile(
    r"^\|\s*`?(?P<model>[a-z_.]+)`?\s*\|\s*(?P<role>[a-z_]+)\s*\|"
    r"\s*(?P<c>[xo-])\s*\|\s*(?P<r>[xo-])\s*\|\s*(?P<w>[xo-])\s*\|\s*(?P<d>[xo-])\s*\|"
    r"\s*(?P<scope>[^|]*?)\s*\|\s*$"
)
# x: allowed; -: refused (no access right); o: the access right is granted
# but the record rules allow it only on the user's own records (core
# models: an employee's own leaves), so on the street's records it is refused
CELL = {"x": True, "-": False, "o": "own"}
SECTION = re.compile(r"^##+\s+`?(?P<section>[a-z_]+)`?")


def parse(text=None):
    """Rows of the document: {(model, role): {"section", "create", "read",
    "write", "unlink", "scope"}}. A model×role given twice is an error."""
    if text is None:
        text = DOC.read_text(encoding="utf-8")
    rows = {}
    section = None
    for number, line in enumerate(text.splitlines(), 1):
        match = SECTION.match(line)
        if match:
            section = match.group("section")
            continue
        match = ROW.match(line)
        if not match:
            continue
        key = (match.group("model"), match.group("role"))
        if key in rows:
            raise ValueError("docs/access.md line %d: %s × %s given twice" % (
                (number,) + key))
        if key[1] not in ROLES:
            raise ValueError("docs/access.md line %d: unknown role %s" % (
                number, key[1]))
        rows[key] = {
            "section": section,
            "create": CELL[match.group("c")],
            "read": CELL[match.group("r")],
            "write": CELL[match.group("w")],
            "unlink": CELL[match.group("d")],
            "scope": match.group("scope").strip("` "),
        }
    return rows


def scope_label(domain):
    """What one record rule's domain restricts to, in the document's words."""
    text = domain or "[]"
    labels = []
    if "(0, '=', 1)" in text or "(0,'=',1)" in text:
        return {"none"}
    if "(1, '=', 1)" in text or text.strip() in ("[]", ""):
        return {"all"}
    if "grid_id.officer_id" in text or "grid_ids.officer_id" in text or (
            "officer_id" in text and "deputy_ids" in text):
        labels.append("grid")
    if "handler_user_id" in text:
        labels.append("handler")
    if "party_organisation_ids" in text:
        labels.append("organisation")
    if "evaluator" in text:
        labels.append("evaluator")
    if re.search(r"[('.]user_id', '=', user\.id\)", text):
        labels.append("own")
    if "user.community_ids" in text:
        labels.append("community")
    if "user.company_ids" in text or "user.company_id" in text:
        labels.append("street")
    if "'type', '!=', 'private'" in text or "('resource_id', '=', False)" in text:
        labels.append("all")
    if "groups_id" in text:
        labels.append("roles")
    return set(labels) or {"other"}


SCOPE_ORDER = ("all", "street", "community", "grid", "handler", "evaluator",
               "organisation", "own", "roles", "other", "none")


def join_scope(labels):
    """One role's labels (from OR-ed group rules) as the widest words:
    street covers community, all covers everything."""
    labels = set(labels)
    if "all" in labels:
        return "all"
    if not labels:
        return ""
    if "street" in labels:
        labels -= {"community", "organisation", "own", "none"}
    if "community" in labels:
        labels -= {"organisation", "own", "none"}
    if len(labels) > 1:
        labels.discard("none")
    return "+".join(label for label in SCOPE_ORDER if label in labels)


def role_groups(env, role):
    group = env.ref(ROLES[role])
    return group | group.trans_implied_ids


def documented_models(env):
    """The models the document must list: every non-abstract model that one
    of the four addons defines, and every other model on which they grant
    access rights or set record rules. Returns {model: (addon, kind)} with
    kind ``model``, ``report`` (SQL view), ``wizard`` (transient) or
    ``core`` (defined elsewhere, access granted here)."""
    IrModelData = env["ir.model.data"].sudo()
    result = {}
    for name in env.registry.models:
        Model = env[name]
        addon = defining_module(Model)
        if addon not in ADDONS or Model._abstract:
            continue
        if Model._transient:
            kind = "wizard"
        elif not Model._auto:
            kind = "report"
        else:
            kind = "model"
        result[name] = (addon, kind)
    for xml_model in ("ir.model.access", "ir.rule"):
        for record in IrModelData.search([("module", "in", ADDONS),
                                          ("model", "=", xml_model)]):
            target = env[xml_model].sudo().browse(record.res_id)
            name = target.model_id.model
            if name and name not in result:
                result[name] = (record.module, "core")
    return result


def defining_module(Model):
    """The addon whose class first declared the model (not one that only
    extends it)."""
    for cls in reversed(type(Model).__mro__):
        if getattr(cls, "_name", None) != Model._name:
            continue
        inherit = getattr(cls, "_inherit", None) or []
        if isinstance(inherit, str):
            inherit = [inherit]
        if Model._name not in inherit and getattr(cls, "_module", None):
            return cls._module
    return None


def _rule_labels(rules, groups):
    """The scope words of the rules that apply to ``groups``, per operation,
    and those of the global rules (read)."""
    labels = {operation: set() for operation in OPERATIONS}
    global_labels = set()
    for rule in rules:
        if rule.groups and not (rule.groups & groups):
            continue
        for operation in OPERATIONS:
            if not getattr(rule, "perm_" + operation):
                continue
            if rule.groups:
                labels[operation] |= scope_label(rule.domain_force)
            elif operation == "read":
                global_labels |= scope_label(rule.domain_force)
    return labels, global_labels


def derive(env, models=None):
    """The rows as the database grants them."""
    models = models or documented_models(env)
    Access = env["ir.model.access"].sudo()
    Rule = env["ir.rule"].sudo()
    rows = {}
    for name, (addon, kind) in models.items():
        accesses = Access.search([("model_id.model", "=", name)])
        rules = Rule.search([("model_id.model", "=", name)])
        for role in ROLES:
            groups = role_groups(env, role)
            granted = {}
            for operation in OPERATIONS:
                granted[operation] = any(
                    getattr(access, "perm_" + operation)
                    for access in accesses
                    if not access.group_id or access.group_id in groups)
            if kind == "wizard":
                # Odoo 11 gives every user the rights on transient records
                # and limits them to the records one created
                granted = dict.fromkeys(OPERATIONS, True)
            labels, global_labels = _rule_labels(rules, groups)
            if kind == "wizard":
                scope = "own"
            elif not granted["read"]:
                scope = "-"
            else:
                scope = join_scope(labels["read"]) or "all"
                if scope == "all" and "street" in global_labels:
                    scope = "street"  # Odoo's multi-company rule
            if kind != "wizard":
                for operation in ("create", "write", "unlink"):
                    if granted[operation] and labels[operation] == {"own"} \
                            and scope != "own":
                        granted[operation] = "own"
            rows[(name, role)] = dict(
                section=addon, scope=scope, kind=kind, **granted)
    return rows


def render(rows, models):
    """The tables of the document, one per addon, models in name order."""
    out = []
    for addon in ADDONS:
        for kinds, title in ((("model", "core", "report"), addon),
                             (("wizard",), addon + "_wizards")):
            names = sorted(n for n, (a, k) in models.items()
                           if a == addon and k in kinds)
            if not names:
                continue
            out.append("### %s\n" % title)
            out.append("| model | role | C | R | W | D | scope |")
            out.append("|---|---|---|---|---|---|---|")
            for name in names:
                for role in ROLES:
                    row = rows[(name, role)]
                    out.append("| %s | %s | %s | %s | %s | %s | %s |" % (
                        name, role,
                        *({True: "x", False: "-", "own": "o"}[row[op]]
                          for op in OPERATIONS),
                        row["scope"]))
            out.append("")
    return "\n".join(out)


def main(conf, database):
    import odoo

    odoo.tools.config.parse_config(["-c", conf, "-d", database])
    registry = odoo.registry(database)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        models = documented_models(env)
        rows = derive(env, models)
        print(render(rows, models))
        if DOC.exists():
            documented = parse()
            for key in sorted(set(rows) | set(documented)):
                got, want = rows.get(key), documented.get(key)
                if not got or not want:
                    print("MISSING", key, "in code" if not got else "in doc",
                          file=sys.stderr)
                    continue
                diff = [op for op in OPERATIONS + ("scope",) if got[op] != want[op]]
                if diff:
                    print("DIFF", key, {op: (want[op], got[op]) for op in diff},
                          file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
