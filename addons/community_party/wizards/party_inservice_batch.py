# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.community_base.tools import street_time


class PartyInserviceBatch(models.TransientModel):
    """A unit's party branch registers several of its in-service members
    with a community at once (单位党组织集中报到).

    All or nothing: every row is checked before any registration is made,
    and a batch with a bad row registers nobody and names every bad row
    and its member, so that the unit's list is corrected once and sent
    again. A member without a resident record is registered with a warning
    (their service is not counted until they are linked to one).
    """

    _name = "party.inservice.batch"
    _description = "Batch registration of in-service party members"

    unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Work unit",
        required=True,
        domain=[("is_company", "=", True)],
    )
    unit_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Unit's party organisation",
        domain=[("kind", "=", "unit_branch")],
        help="The unit's party organisation sending the list; its "
        "in-service members can be loaded in one click.",
    )
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        required=True,
        default=lambda self: self._default_community_id(),
        help="The community the members report to.",
    )
    date_registered = fields.Date(
        string="Registered on",
        required=True,
        default=lambda self: street_time.street_today(self.env),
    )
    line_ids = fields.One2many(
        comodel_name="party.inservice.batch.line",
        inverse_name="batch_id",
        string="Members",
    )

    @api.model
    def _default_community_id(self):
        communities = self.env.user.community_ids
        return communities if len(communities) == 1 else communities.browse()

    @api.onchange("unit_organisation_id")
    def _onchange_unit_organisation_id(self):
        unit = self.unit_organisation_id.unit_id
        if unit and not self.unit_id:
            self.unit_id = unit

    @api.multi
    def action_load_members(self):
        """Add the in-service members of the unit's party organisation (and
        of those below it) or working in the unit, as the user reads them,
        who have no open registration and no row yet."""
        self.ensure_one()
        self._check_reach()
        if not (self.unit_organisation_id or self.unit_id):
            raise UserError(_(
                "Choose the unit or its party organisation to load its "
                "members."))
        domain = [("category", "=", "in_service"), ("state", "=", "active")]
        if self.unit_organisation_id:
            # sudo: the unit's organisation and those below it, which a
            #   community's secretary may not read; the members are then
            #   searched as the user
            organisations = self.env["party.organisation"].sudo().search(
                [("id", "child_of", self.unit_organisation_id.id)])
            domain.append(("organisation_id", "in", organisations.ids))
        else:
            domain.append(("work_unit_id", "=", self.unit_id.id))
        members = self.env["party.member"].search(domain)
        registered = self.env["party.inservice.registration"].search([
            ("member_id", "in", members.ids), ("state", "=", "registered")])
        members -= registered.mapped("member_id")
        members -= self.line_ids.mapped("member_id")
        if members:
            self.write({"line_ids": [(0, 0, {"member_id": member.id})
                                     for member in members]})
        return self._reopen()

    @api.multi
    def action_register(self):
        """Register every row, or nobody: the rows are all checked first,
        and every bad row is named in one error."""
        self.ensure_one()
        self._check_reach()
        errors = self._row_errors()
        if errors:
            raise UserError(_(
                "Nobody was registered: correct these rows and register "
                "again.\n%s") % "\n".join(errors))
        Registration = self.env["party.inservice.registration"]
        registrations = Registration.browse()
        for line in self.line_ids:
            registrations |= Registration.create(line._registration_vals())
        action = self.env.ref(
            "community_party.party_inservice_registration_action").read()[0]
        action["domain"] = [("id", "in", registrations.ids)]
        action["context"] = {}
        return action

    @api.multi
    def _check_reach(self):
        """Refuse, before anything is written, a batch for a community or
        members out of the user's reach: the registrations' own rules would
        refuse them only after their insert."""
        self.env["party.inservice.registration"].check_access_rights("create")
        self.community_id.check_access_rule("read")
        self.line_ids.mapped("member_id").check_access_rule("read")

    @api.multi
    def _row_errors(self):
        """One message per bad row, naming its number and member."""
        self.ensure_one()
        if not self.line_ids:
            return [_("Add the members to register.")]
        Registration = self.env["party.inservice.registration"]
        errors = []
        seen = {}
        for index, line in enumerate(self.line_ids, 1):
            # sudo: the member's name and work unit, named in the errors
            member = line.member_id.sudo()
            problems = []
            if member.id in seen:
                problems.append(_(
                    "Party member %(member)s is also on row %(row)s.") % {
                        "member": member.name, "row": seen[member.id]})
            seen.setdefault(member.id, index)
            if member.work_unit_id and member.work_unit_id != self.unit_id:
                problems.append(_(
                    "Party member %(member)s works at %(unit)s, not at "
                    "%(batch_unit)s.") % {
                        "member": member.name,
                        "unit": member.work_unit_id.name,
                        "batch_unit": self.unit_id.name})
            problems += Registration._registration_errors(
                line.member_id, self.community_id, self.date_registered)
            problems += line._commitment_errors()
            errors += [_("Row %(row)s: %(problem)s") % {
                "row": index, "problem": problem} for problem in problems]
        return errors

    @api.multi
    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "context": self.env.context,
        }
