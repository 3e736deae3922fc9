# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

#: The register: what record rules scope to a user's street, communities or
#: grids. A reference to one of these is a door to it (a case shows its
#: household, an onchange fills in the household's building and grid).
REGISTER_MODELS = frozenset([
    "community.community", "community.compound", "community.building",
    "community.household", "community.resident", "grid.grid",
])


class Base(models.AbstractModel):
    """No user reaches a register record outside their scope by naming it.

    Odoo 11 does not check that a many2one or many2many value given to
    ``create``, ``write`` or ``onchange`` is a record the user may read: a
    grid officer who creates a case for a household of another grid, with
    themselves as the handler, then reads the case and so the household
    and its residents (issue 14, finding 6). Every model gets the check
    here, so that none can forget it: a value that points into
    ``REGISTER_MODELS`` must pass the record rules of the calling user
    (``read``). ``sudo()`` (the scheduled actions, escalations, reports by
    residents) is the superuser and passes, as do the values a record
    already holds (a case whose reporter lives in another grid stays
    editable). ``create`` and ``write`` refuse; ``onchange`` drops the value,
    so that nothing computed from it comes back.
    """

    _inherit = "base"

    @api.model
    @api.returns("self", lambda value: value.id)
    def create(self, vals):
        self._check_register_references(vals)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_register_references(vals)
        return super().write(vals)

    @api.multi
    def onchange(self, values, field_name, field_onchange):
        if self.env.uid != SUPERUSER_ID:
            values = self._without_unreadable_references(values)
        return super().onchange(values, field_name, field_onchange)

    @api.multi
    def _check_register_references(self, vals):
        """Refuse ``vals`` if it points to a register record the user may
        not read (and ``self`` does not already point to)."""
        if self.env.uid == SUPERUSER_ID:
            return
        for name, ids in self._register_references(vals):
            unreadable = self._unreadable_register_ids(name, ids)
            if unreadable:
                field = self._fields[name]
                raise AccessError(_(
                    "%(model)s: the \"%(field)s\" you chose is outside the "
                    "records you may see. Choose one you can open.") % {
                        "model": self.env["ir.model"]._get(self._name).name,
                        "field": field._description_string(self.env)})

    @api.multi
    def _without_unreadable_references(self, values):
        """``values`` (of an onchange) without the register references the
        user may not read, in lines too (one2many commands)."""
        values = dict(values)
        for name, ids in self._register_references(values):
            unreadable = self._unreadable_register_ids(name, ids)
            if unreadable:
                values[name] = _drop_ids(
                    self._fields[name].type, values[name], unreadable)
        for name, value in values.items():
            field = self._fields.get(name)
            if not (field and field.type == "one2many"
                    and isinstance(value, (list, tuple))):
                continue
            lines = self.env[field.comodel_name]
            values[name] = [
                _with_vals(command, lines.browse(
                    command[1] if command[0] == 1 else [])
                    ._without_unreadable_references(command[2]))
                if _carries_vals(command) else command
                for command in value]
        return values

    @api.model
    def _register_references(self, vals):
        """(field name, ids) of the register records ``vals`` points to."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if (field and field.type in ("many2one", "many2many")
                    and field.comodel_name in REGISTER_MODELS and value):
                ids = _referenced_ids(field.type, value)
                if ids:
                    yield name, ids

    @api.multi
    def _unreadable_register_ids(self, name, ids):
        """The ``ids`` of field ``name`` that neither pass the user's record
        rules nor are already referenced by every record of ``self`` the
        user may read."""
        held = None
        # which of self the user may read is decided by the record rules
        mine_ids = self._readable_ids(self._name, [
            id_ for id_ in self.ids if isinstance(id_, int)])
        # sudo: the references those readable records already hold
        mine = self.sudo().browse(mine_ids)
        for record in mine:
            current = set(record[name].ids)
            held = current if held is None else held & current
        wanted = set(ids) - (held or set())
        if not wanted:
            return set()
        comodel = self._fields[name].comodel_name
        unreadable = wanted - set(self._readable_ids(comodel, list(wanted)))
        # a nonexistent id is the database's to refuse (foreign key)
        # sudo: which of the ids exist, not what they hold
        return set(self.env[comodel].sudo().browse(
            list(unreadable)).exists().ids)

    @api.model
    def _readable_ids(self, model, ids):
        """The ``ids`` of ``model`` the user's record rules let them read
        (archived ones included; the access rights are not asked: they
        decide whether a model is read at all, not which record)."""
        if not ids:
            return []
        records = self.env[model].with_context(active_test=False)
        return records._search([("id", "in", list(ids))],
                               access_rights_uid=SUPERUSER_ID)


def _referenced_ids(field_type, value):
    """The ids a many2one value or a list of many2many commands links."""
    if isinstance(value, models.BaseModel):
        return value.ids
    if field_type == "many2one":
        if isinstance(value, (list, tuple)):  # (id, display name)
            value = value[0] if value else False
        return [value] if isinstance(value, int) and value else []
    ids = []
    for command in value if isinstance(value, (list, tuple)) else []:
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == 6 and len(command) > 2:
                ids.extend(command[2] or [])
            elif command[0] == 4 and len(command) > 1:
                ids.append(command[1])
    return [id_ for id_ in ids if isinstance(id_, int)]


def _drop_ids(field_type, value, dropped):
    """``value`` without the links to ``dropped``."""
    if field_type == "many2one":
        return False
    kept = []
    for command in value:
        if isinstance(command, int):
            if command not in dropped:
                kept.append(command)
        elif command[0] == 6 and len(command) > 2:
            kept.append((6, 0, [id_ for id_ in command[2] or []
                                if id_ not in dropped]))
        elif command[0] == 4 and command[1] in dropped:
            continue
        else:
            kept.append(command)
    return kept


def _carries_vals(command):
    return (isinstance(command, (list, tuple)) and len(command) > 2
            and command[0] in (0, 1) and isinstance(command[2], dict))


def _with_vals(command, vals):
    return (command[0], command[1], vals) + tuple(command[3:])
