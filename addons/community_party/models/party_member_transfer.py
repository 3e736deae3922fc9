# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tools import id_number as idn
from odoo.addons.community_base.tools import roles


class PartyMemberTransfer(models.Model):
    """A transfer of a member's organisational relationship (组织关系转接),
    out of one of the street's party organisations or into one, with the
    letter of introduction (介绍信) that carries it.

    The register keeps its members: a transfer out marks the member
    ``transferred_out`` and archives them from the active register, a
    transfer in puts them back in (``active``, with the receiving
    organisation), and every transfer stays as a line of the member's
    history. A member who leaves and comes back keeps one record with both
    lines. The other side is an organisation of the street (then the
    transfer out leaves a draft transfer in for it to confirm) or, outside
    the street, its name as text.

    A transfer in from outside may name a member the register does not
    hold yet: its name, ID number and phone are typed on the transfer, and
    confirming it finds the member by ID number (someone who left the
    street and comes back) or creates them. Those personal fields are
    protected like the member's own (``roles.PARTY_DATA``, no search,
    grouping or sorting by them for the other roles) and cleared once the
    member holds them.
    """

    _name = "party.member.transfer"
    _inherit = ["community.private.fields.mixin"]
    _description = "Party membership transfer"
    _order = "date desc, id desc"

    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Party member",
        index=True,
        ondelete="restrict",
        help="Empty on a transfer in of someone the register does not hold "
        "yet: they are found by ID number or created when it is "
        "confirmed.",
    )
    direction = fields.Selection(
        selection=[("out", "Transfer out"), ("in", "Transfer in")],
        required=True,
        default="out",
        index=True,
    )
    date = fields.Date(
        required=True, index=True, default=fields.Date.context_today)
    from_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="From organisation",
        index=True,
        ondelete="restrict",
        help="The organisation of the street the member leaves: on a "
        "transfer out, the one holding them.",
    )
    from_text = fields.Char(
        string="From (outside the street)",
        help="The sending organisation's name when it is not one of the "
        "street's.")
    to_organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="To organisation",
        index=True,
        ondelete="restrict",
        help="The organisation of the street the member joins: on a "
        "transfer in, the receiving one.",
    )
    to_text = fields.Char(
        string="To (outside the street)",
        help="The receiving organisation's name when it is not one of the "
        "street's.")
    # sudo: as company_id below: computed while the new transfer's scope
    #   is not stored yet, when the record rules would hide it
    organisation_id = fields.Many2one(
        comodel_name="party.organisation",
        string="Party organisation",
        compute="_compute_organisation_id",
        store=True,
        index=True,
        compute_sudo=True,
        help="The street's organisation that records the transfer: the "
        "sending one of a transfer out, the receiving one of a transfer "
        "in.",
    )
    # sudo: the transfer's street and community follow its organisation and
    #   member before the record rules, which read them, check the transfer
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        compute="_compute_scope",
        store=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: see company_id
    community_id = fields.Many2one(
        comodel_name="community.community",
        string="Community",
        compute="_compute_scope",
        store=True,
        index=True,
        compute_sudo=True,
    )
    letter_number = fields.Char(
        string="Letter number",
        help="Number of the letter of introduction (介绍信编号).")
    reason = fields.Text()
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Done")],
        required=True,
        default="draft",
        readonly=True,
        index=True,
        copy=False,
    )
    counterpart_id = fields.Many2one(
        comodel_name="party.member.transfer",
        string="Matching transfer",
        readonly=True,
        ondelete="set null",
        copy=False,
        help="The transfer in that the transfer out to an organisation of "
        "the street left for it to confirm, or the transfer out it comes "
        "from.",
    )
    # the member arriving from outside, before the register holds them
    member_name = fields.Char(string="Name of the arriving member")
    gender = fields.Selection(
        selection=[("male", "Male"), ("female", "Female")])
    id_number = fields.Char(
        string="ID number", groups=roles.PARTY_DATA, copy=False)
    phone = fields.Char(groups=roles.PARTY_DATA, copy=False)
    category = fields.Selection(
        selection=lambda self: self.env["party.member"]._fields[
            "category"]._description_selection(self.env),
        default="retired")
    status = fields.Selection(
        selection=[("probationary", "Probationary"), ("full", "Full")],
        default="full")
    date_joined = fields.Date(string="Joined the party on")

    @api.depends("direction", "from_organisation_id", "to_organisation_id")
    def _compute_organisation_id(self):
        for transfer in self:
            transfer.organisation_id = (
                transfer.from_organisation_id if transfer.direction == "out"
                else transfer.to_organisation_id)

    @api.depends("organisation_id.company_id", "organisation_id.community_id",
                 "member_id.community_id")
    def _compute_scope(self):
        for transfer in self:
            organisation = transfer.organisation_id
            transfer.company_id = (organisation.company_id
                                   or transfer.member_id.company_id)
            transfer.community_id = (organisation.community_id
                                     or transfer.member_id.community_id)

    @api.multi
    def name_get(self):
        directions = dict(self._fields["direction"]._description_selection(
            self.env))
        return [(transfer.id, "%s: %s %s" % (
            transfer._member_label(), directions[transfer.direction],
            transfer.date)) for transfer in self]

    @api.constrains("direction", "member_id", "member_name",
                    "from_organisation_id", "to_organisation_id")
    def _check_sides(self):
        # sudo: constraints run before the new transfer's scope is stored,
        #   when the record rules would hide it from its creator
        for transfer in self.sudo():
            name = transfer._member_label()
            if transfer.direction == "out" and not transfer.member_id:
                raise ValidationError(_(
                    "A transfer out names the party member who leaves."))
            if transfer.direction == "in" and not (
                    transfer.member_id or transfer.member_name):
                raise ValidationError(_(
                    "A transfer in names the party member who arrives: "
                    "choose them in the register or type the name of a "
                    "member coming from outside."))
            if transfer.direction == "out" \
                    and not transfer.from_organisation_id:
                raise ValidationError(_(
                    "Transfer out of %s: choose the organisation the member "
                    "leaves.") % name)
            if transfer.direction == "in" and not transfer.to_organisation_id:
                raise ValidationError(_(
                    "Transfer in of %s: choose the receiving organisation.")
                    % name)
            if transfer.from_organisation_id \
                    and transfer.from_organisation_id \
                    == transfer.to_organisation_id:
                raise ValidationError(_(
                    "Transfer of %(name)s: %(organisation)s cannot be both "
                    "the sending and the receiving organisation.") % {
                        "name": name,
                        "organisation": transfer.from_organisation_id.name})
            sides = transfer.from_organisation_id | transfer.to_organisation_id
            if len(sides.mapped("company_id")) > 1:
                raise ValidationError(_(
                    "Transfer of %s: the two organisations are in different "
                    "streets. Type the name of an organisation outside the "
                    "street instead of choosing it.") % name)

    @api.constrains("id_number")
    def _check_id_number(self):
        # sudo: checks the number the user typed, whatever they may read
        for transfer in self.sudo():
            if not transfer.id_number:
                continue
            try:
                idn.normalize(transfer.id_number)
            except idn.InvalidIdNumber as error:
                raise ValidationError(_(
                    "Transfer in of %(name)s: ID number %(number)s is not "
                    "valid (%(reason)s).") % {
                        "name": transfer._member_label(),
                        "number": transfer.id_number,
                        "reason": self.env["community.resident"]
                        ._id_number_reason(error.reason)})

    @api.onchange("member_id", "direction")
    def _onchange_member_id(self):
        if self.member_id and self.direction == "out":
            self.from_organisation_id = self.member_id.organisation_id
        if self.member_id and self.direction == "in":
            self.member_name = False

    @api.model
    def create(self, vals):
        vals = self._normalize_vals(dict(vals))
        if vals.get("member_id") and vals.get("direction", "out") == "out" \
                and not vals.get("from_organisation_id"):
            member = self.env["party.member"].browse(vals["member_id"])
            vals["from_organisation_id"] = member.organisation_id.id
        return super().create(vals)

    @api.multi
    def write(self, vals):
        done = self.filtered(lambda transfer: transfer.state == "done")
        if done:
            raise UserError(_(
                "The transfer %s is done: it stays in the member's history "
                "as recorded. Record a new transfer instead.")
                % done[0].display_name)
        return super().write(self._normalize_vals(dict(vals)))

    @api.multi
    def unlink(self):
        done = self.filtered(lambda transfer: transfer.state == "done")
        if done:
            raise UserError(_(
                "The transfer %s is done: it stays in the member's history "
                "and cannot be deleted.") % done[0].display_name)
        return super().unlink()

    @api.multi
    def action_done(self):
        """Confirm the transfers: a transfer out takes the member out of
        the register, a transfer in puts them (back) in with the receiving
        organisation. Refused as a whole when one of them cannot be
        confirmed; the error names the member."""
        self.check_access_rights("write")
        self.check_access_rule("write")
        for transfer in self.sorted(lambda record: (record.date, record.id)):
            if transfer.state == "done":
                raise UserError(_(
                    "The transfer %s is already done.")
                    % transfer.display_name)
            if transfer.direction == "out":
                transfer._confirm_out()
            else:
                transfer._confirm_in()
        return True

    @api.multi
    def _confirm_out(self):
        self.ensure_one()
        member = self.member_id
        if member.state == "transferred_out":
            raise UserError(_(
                "Party member %s has already been transferred out: record "
                "their transfer in before another transfer out.")
                % member.name)
        if member.state == "deceased":
            raise UserError(_(
                "Party member %s is recorded as deceased: there is nothing "
                "to transfer.") % member.name)
        if member.organisation_id != self.from_organisation_id:
            raise UserError(_(
                "Party member %(name)s is held by %(current)s, not by "
                "%(organisation)s: correct the organisation the member "
                "leaves.") % {
                    "name": member.name,
                    "current": member.organisation_id.name,
                    "organisation": self.from_organisation_id.name})
        if not (self.to_organisation_id or self.to_text):
            raise UserError(_(
                "Transfer out of %s: say where the member goes (an "
                "organisation of the street, or the name of one outside).")
                % member.name)
        member.write({"state": "transferred_out", "active": False})
        self._write_confirmed({"state": "done"})
        if self.to_organisation_id:
            # sudo: the receiving organisation's draft transfer in, which it
            #   confirms itself; the sending side may not create records of
            #   another community
            receipt = self.sudo().create({
                "direction": "in",
                "member_id": member.id,
                "date": self.date,
                "from_organisation_id": self.from_organisation_id.id,
                "to_organisation_id": self.to_organisation_id.id,
                "letter_number": self.letter_number,
                "reason": self.reason,
                "counterpart_id": self.id,
            })
            self._write_confirmed({"counterpart_id": receipt.id})

    @api.multi
    def _confirm_in(self):
        self.ensure_one()
        values = {"organisation_id": self.to_organisation_id.id,
                  "state": "active", "active": True}
        member = self.member_id or self._known_member()
        if member:
            # sudo: the state of the member arriving, whom the receiving
            #   organisation may not read yet (they come back from another
            #   community); its messages name the member as the transfer does
            known = member.sudo()
            if known.state == "active" and not self.member_id:
                # found by the number typed: its holder is not shown
                raise UserError(_(
                    "Party member %(name)s (ID number %(number)s) is "
                    "already in the register of this street: record their "
                    "transfer out before a transfer in.") % {
                        "name": self.member_name,
                        "number": known.id_number})
            if known.state == "active":
                raise UserError(_(
                    "Party member %(name)s is already in the register of "
                    "%(organisation)s: record their transfer out before a "
                    "transfer in.") % {
                        "name": self.member_name or known.name,
                        "organisation": known.organisation_id.name})
            if known.state == "deceased":
                raise UserError(_(
                    "Party member %s is recorded as deceased: they cannot be "
                    "transferred in.") % (self.member_name or known.name))
            try:
                member.check_access_rule("write")
            except AccessError:
                # sudo: a member coming back keeps their one record and
                #   history, whoever held them before; the receiving
                #   organisation is the user's (the transfer's write rule
                #   was checked)
                member = member.sudo()
            member.write(values)
        else:
            # sudo: the personal fields typed on this transfer
            typed = self.sudo()
            member = self.env["party.member"].create(dict(
                values, name=self.member_name, gender=self.gender,
                id_number=typed.id_number, phone=typed.phone,
                category=self.category or "retired",
                status=self.status or "full", date_joined=self.date_joined))
        # the member holds the personal data typed here from now on
        self._write_confirmed({"state": "done", "member_id": member.id,
                               "id_number": False, "phone": False})

    @api.multi
    def _known_member(self):
        """The street's record of the member a transfer in from outside
        names by ID number: someone who left and comes back keeps their
        record and its history. Empty when the register never held them."""
        self.ensure_one()
        # sudo: the number typed on this transfer
        number = self.sudo().id_number
        if not number:
            return self.env["party.member"]
        # sudo: whether the street's register holds this number (its unique
        #   key), whoever keeps that record; the caller uses its state and
        #   shows the name typed on the transfer
        return self.env["party.member"].sudo().with_context(
            active_test=False).search([
                ("id_number", "=", number),
                ("company_id", "=", self.to_organisation_id.company_id.id),
            ], limit=1).with_env(self.env)

    @api.multi
    def _write_confirmed(self, vals):
        """Write what confirming a transfer records: past the refusal of
        changes to done transfers, which is for users."""
        return super(PartyMemberTransfer, self).write(vals)

    @api.multi
    def _member_label(self):
        """The member's name for a message, also before they are chosen."""
        self.ensure_one()
        # sudo: the member's name, as the transfer's many2one shows it to
        #   a receiving organisation that may not read the member yet
        return self.member_id.sudo().name or self.member_name or "-"

    @api.model
    def _normalize_vals(self, vals):
        """The ID number in its 18-character form, as the residents' and
        members' (the register's one normalisation)."""
        return self.env["community.resident"]._normalize_vals(vals)
