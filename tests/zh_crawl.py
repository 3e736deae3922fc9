"""A zh_CN user's view of the interface, read server-side as that user.

``Crawl(env).role(name, user)`` collects what the web client would show the
user in zh_CN: the names of the menus they see; for every window action of
those menus (and every window action of our addons they may open, such as
wizards and buttons' actions) the action's name and help, and of each of its
views (``load_views`` as the user, with the toolbar) the labels, button
texts, placeholders, confirmations, texts between tags, filter and group-by
names, the labels of the fields' selections, and the Print and Action
entries of the toolbar; the display names of the records shipped as data
(our addons' records and the translatable names of upstream ones) that the
lists show. ``messages`` adds the chatter of given records as the client
formats it. Each text is kept with where it was seen; ``problems`` checks
them with ``zh_text.ZhText``.
"""
import json
from collections import namedtuple

from lxml import etree, html
from zh_text import ZhText

from odoo.tools.safe_eval import safe_eval

OUR_ADDONS = ("community_base", "community_grid", "community_finance",
              "community_eval", "community_party", "community_service")
# attributes of view nodes that the user reads (help/title are tooltips)
TEXT_ATTRIBUTES = ("string", "placeholder", "confirm", "sum", "avg")
# views whose <field> nodes show the field's label (a kanban card shows
# values, a calendar or diagram its records); a form shows it only for a
# field in a <group>, or through a <label for=...>
LABELLED_VIEWS = ("tree", "search", "pivot", "graph")

# the texts of shipped records that are prose whatever their field's
# definition says (a code or a domain is not)
PROSE_FIELDS = ("description", "note", "comment", "summary", "purpose")

Seen = namedtuple("Seen", "role where text")


def html_text(value):
    """The text a reader sees of an HTML value."""
    if not value or not value.strip():
        return ""
    try:
        return " ".join(html.fromstring(value).text_content().split())
    except (etree.ParserError, ValueError):
        return value


class Crawl:

    def __init__(self, env, lang="zh_CN"):
        """``env``: a superuser environment of the database to crawl."""
        self.env = env
        self.lang = lang
        self.seen = []
        self.checker = ZhText()
        self._shipped = self._shipped_records()

    # what was found

    def add(self, role, where, text):
        text = " ".join(str(text or "").split())
        if text:
            self.seen.append(Seen(role, where, text))

    def problems(self):
        """{text: (problems, [where seen])}; the roles in ``where``."""
        found = {}
        for seen in self.seen:
            issues = self.checker.problems(seen.text)
            if issues:
                entry = found.setdefault(seen.text, (issues, []))
                entry[1].append("%s: %s" % (seen.role, seen.where))
        return found

    def counts_by_role(self):
        """Distinct offending texts each role met."""
        counts = {}
        for seen in self.seen:
            counts.setdefault(seen.role, set())
            if self.checker.problems(seen.text):
                counts[seen.role].add(seen.text)
        return {role: len(texts) for role, texts in sorted(counts.items())}

    def report(self, limit=400):
        lines = []
        for text, (issues, wheres) in sorted(self.problems().items()):
            roles = sorted({where.split(":", 1)[0] for where in wheres})
            lines.append("%r [%s] seen by %s, e.g. at %s" % (
                text[:200], "; ".join(issues), ", ".join(roles), wheres[0]))
        if len(lines) > limit:
            lines = lines[:limit] + ["... and %d more" % (len(lines) - limit)]
        return "\n".join(lines)

    # the crawl

    def user_env(self, user):
        return self.env(user=user.id, context=dict(
            self.env.context, lang=self.lang, tz="Asia/Shanghai"))

    def role(self, role, user):
        """Everything ``user`` reads through the menus and our actions."""
        env = self.user_env(user)
        menus = env["ir.ui.menu"]
        if not menus.check_access_rights("read", raise_exception=False):
            return
        visible_ids = menus._visible_menu_ids()
        actions = {}
        for menu in menus.browse(visible_ids):
            # the client shows a menu under visible parents only
            parent = menu.parent_id
            while parent and parent.id in visible_ids:
                parent = parent.parent_id
            if parent:
                continue
            path = menu.complete_name
            self.add(role, "menu %s" % path, menu.name)
            action = menu.action
            if action and action._name == "ir.actions.act_window":
                actions.setdefault(action.id, path)
        ours = self.env["ir.model.data"].search([
            ("module", "in", OUR_ADDONS),
            ("model", "=", "ir.actions.act_window")])
        for data in ours:
            actions.setdefault(data.res_id, "action %s.%s" % (
                data.module, data.name))
        for action_id, where in sorted(actions.items()):
            action = env["ir.actions.act_window"].browse(action_id)
            self.action(role, env, action, where)

    def action(self, role, env, action, where):
        model_name = action.res_model
        if model_name not in env:
            return
        model = env[model_name]
        if not model.check_access_rights("read", raise_exception=False):
            return
        where = "%s (%s)" % (where, model_name)
        self.add(role, "%s: action name" % where, action.name)
        self.add(role, "%s: action help" % where, html_text(action.help))
        try:
            context = safe_eval(action.context or "{}", {
                "uid": env.uid, "user": env.user, "active_id": False,
                "active_ids": [], "context_today": lambda: None})
        except Exception:  # a context that needs the client's values
            context = {}
        context = {key: value for key, value in context.items()
                   if not key.startswith("default_")}
        model = model.with_context(**context)
        views = [[view.view_id.id, view.view_mode] for view in
                 action.view_ids]
        modes = [mode.strip() for mode in (action.view_mode or "").split(",")]
        for mode in modes:
            if mode and mode not in [v[1] for v in views]:
                views.append([False, mode])
        views = [[vid, "tree" if mode == "list" else mode]
                 for vid, mode in views]
        if action.view_id and action.view_id.type in modes:
            views = [[action.view_id.id if mode == action.view_id.type
                      else vid, mode] for vid, mode in views]
        views.append([action.search_view_id.id, "search"])
        columns, shown = [], set()
        for view_id, mode in views:
            try:
                fields_view = model.fields_view_get(
                    view_id, mode, toolbar=mode != "search")
            except Exception as error:  # noqa: B902 - reported as seen text
                self.add(role, "%s: %s view" % (where, mode),
                         "view fails: %s" % error)
                continue
            self.view(role, "%s: %s view" % (where, mode), fields_view, mode)
            if mode in ("tree", "kanban"):
                columns += list(fields_view.get("fields") or ())
            shown.update(fields_view.get("fields") or ())
        self.records(role, env, model, action, where, columns, shown)

    def view(self, role, where, fields_view, mode):
        for kind, entries in (fields_view.get("toolbar") or {}).items():
            for entry in entries:
                self.add(role, "%s: toolbar %s" % (where, kind),
                         entry.get("name"))
        arch = etree.fromstring(fields_view["arch"].encode()
                                if isinstance(fields_view["arch"], str)
                                else fields_view["arch"])
        self.arch(role, where, arch, fields_view.get("fields") or {}, mode)

    def arch(self, role, where, node, fields, mode, root=True, parent=None):
        if not isinstance(node.tag, str):  # comments
            return
        if self._invisible(node):
            return
        tag = node.tag
        if tag == "field":
            name = node.get("name")
            field = fields.get(name) or {}
            label = node.get("string") or field.get("string")
            labelled = mode in LABELLED_VIEWS or (
                mode == "form" and parent == "group")
            if labelled and not node.get("nolabel") and \
                    node.get("widget") not in ("handle", "image"):
                self.add(role, "%s: field %s" % (where, name), label)
            # a read-only selection shows its value only, no choices
            if not self._modifier(node, "readonly"):
                for _key, value in field.get("selection") or ():
                    self.add(role, "%s: field %s selection" % (where, name),
                             value)
            for sub_mode, sub_view in (field.get("views") or {}).items():
                sub_arch = etree.fromstring(sub_view["arch"].encode())
                self.arch(role, "%s: field %s %s" % (where, name, sub_mode),
                          sub_arch, sub_view.get("fields") or {}, sub_mode)
        if tag == "label" and node.get("for") and not node.get("string"):
            field = fields.get(node.get("for")) or {}
            self.add(role, "%s: label for %s" % (where, node.get("for")),
                     field.get("string"))
        for attribute in TEXT_ATTRIBUTES:
            # the client shows neither a field's nor a view's own string
            if attribute == "string" and (tag == "field" or root):
                continue
            value = node.get(attribute)
            if value and not (attribute in ("sum", "avg") and value in (
                    "1", "True")):
                self.add(role, "%s: %s %s" % (where, tag, attribute), value)
        if tag != "field" and node.text:
            self.add(role, "%s: text in %s" % (where, tag), node.text)
        for child in node:
            self.arch(role, where, child, fields, mode, root=False,
                      parent=tag)
            if child.tail and child.tail.strip():
                self.add(role, "%s: text after %s" % (where, child.tag),
                         child.tail)

    @classmethod
    def _invisible(cls, node):
        if node.get("invisible") in ("1", "True", "true"):
            return True
        return cls._modifier(node, "invisible") or \
            cls._modifier(node, "column_invisible")

    @staticmethod
    def _modifier(node, name):
        """Whether the node's modifier ``name`` is always on."""
        modifiers = json.loads(node.get("modifiers") or "{}")
        return modifiers.get(name) is True

    # data

    def _shipped_records(self):
        """{model: {res_id}} of the records shipped as data whose names a
        zh_CN user must read in Chinese: every record of our addons, and
        upstream records whose name is translatable."""
        rows = self.env["ir.model.data"].search_read(
            [("module", "not in", ("__export__", "")), ("res_id", "!=", 0)],
            ["model", "res_id", "module"])
        shipped = {}
        for row in rows:
            model, res_id, module = row["model"], row["res_id"], row["module"]
            if model not in self.env:
                continue
            Model = self.env[model]
            rec_name = Model._fields.get(Model._rec_name or "name")
            if module in OUR_ADDONS or (rec_name and rec_name.translate):
                shipped.setdefault(model, set()).add(res_id)
        return shipped

    def records(self, role, env, model, action, where, columns, shown,
                limit=40):
        """Display names and translatable texts (names, descriptions) of
        the shipped records the views show, and the display names of the
        shipped records the list's many2one columns name."""
        try:
            domain = safe_eval(action.domain or "[]", {
                "uid": env.uid, "user": env.user, "context_today": None,
                "active_id": False, "active_ids": []})
            records = model.search(domain, limit=limit)
        except Exception:  # noqa: B902 - a domain that needs the client
            records = model.search([], limit=limit)
        shipped = records.filtered(
            lambda r: r.id in self._shipped.get(model._name, set()))
        for record_id, name in shipped.name_get():
            self.add(role, "%s: record %s,%s" % (where, model._name, record_id),
                     name)
        self._translated_texts(role, shipped, where, shown)
        for name in sorted(set(columns)):
            field = model._fields.get(name)
            if field and field.type in ("many2one", "many2many") and \
                    field.comodel_name in self._shipped:
                for display in self._shipped_names(env, records, field):
                    self.add(role, "%s: column %s" % (where, name), display)

    def _translated_texts(self, role, records, where, shown):
        """The texts of ``records`` among the fields ``shown`` that a
        reader reads: the translatable ones, and descriptions and notes
        (shipped in English, they must be translatable)."""
        fields = records._fields
        texts = sorted(name for name in shown if name in fields and (
            fields[name].translate or name in PROSE_FIELDS) and
            fields[name].type in ("char", "text", "html"))
        for values in (records.read(texts) if texts and records else ()):
            for name in texts:
                value = values[name]
                if fields[name].type == "html":
                    value = html_text(value)
                self.add(role, "%s: record %s,%s %s" % (
                    where, records._name, values["id"], name), value)

    def _shipped_names(self, env, records, field):
        """Display names of the shipped records ``field`` of ``records``
        names, as the user reads them."""
        try:
            values = records.read([field.name])
        except Exception:  # noqa: B902 - a field the user may not read
            return []
        names = {}
        for value in values:
            if field.type == "many2one" and value[field.name]:
                names[value[field.name][0]] = value[field.name][1]
            elif field.type == "many2many":
                names.update(dict.fromkeys(value[field.name]))
        wanted = sorted(set(names) & self._shipped[field.comodel_name])
        missing = [i for i in wanted if names[i] is None]
        if missing:
            try:
                names.update(env[field.comodel_name].browse(missing).name_get())
            except Exception:  # noqa: B902 - the user may not read them
                return []
        return [names[target] for target in wanted]

    def messages(self, role, user, records, where):
        """The chatter of ``records`` as ``user`` reads it."""
        env = self.user_env(user)
        for record in records:
            record = env[record._name].browse(record.id)
            messages = env["mail.message"].search([
                ("model", "=", record._name), ("res_id", "=", record.id)])
            for message in messages.message_format():
                at = "%s chatter of %s,%s" % (where, record._name, record.id)
                self.add(role, at + ": body", html_text(message["body"]))
                self.add(role, at + ": subtype",
                         message.get("subtype_description"))
                for tracking in message.get("tracking_value_ids") or ():
                    self.add(role, at + ": tracked field",
                             tracking.get("changed_field"))
                    for key in ("old_value", "new_value"):
                        value = tracking.get(key)
                        if isinstance(value, str):
                            self.add(role, at + ": tracked value", value)
            for activity in record.activity_ids if "activity_ids" in \
                    record._fields else ():
                self.add(role, "%s activity" % where, activity.summary)
                self.add(role, "%s activity type" % where,
                         activity.activity_type_id.name)
