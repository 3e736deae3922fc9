# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# the states a resident may be in for each kind of move
ALLOWED_STATES = {
    "move_in": ("moved_out",),
    "move_out": ("living",),
    "transfer": ("living",),
    "death": ("living", "moved_out"),
}
STATE_AFTER = {
    "move_in": "living",
    "move_out": "moved_out",
    "transfer": "living",
    "death": "deceased",
}


class CommunityResidentMove(models.Model):
    """The history of a resident (迁入迁出记录): each move in, move out,
    transfer between households and death is one record. Creating a record
    is what the resident's buttons do, and it changes the resident's state
    and household; clerks cannot change or delete the history."""

    _name = "community.resident.move"
    _description = "Resident move"
    _order = "date desc, id desc"

    resident_id = fields.Many2one(
        comodel_name="community.resident",
        string="Resident",
        required=True,
        index=True,
        ondelete="cascade",
    )
    move_type = fields.Selection(
        selection=[
            ("move_in", "Move in"),
            ("move_out", "Move out"),
            ("transfer", "Transfer"),
            ("death", "Death"),
        ],
        string="Type",
        required=True,
        index=True,
    )
    date = fields.Date(
        required=True, index=True, default=fields.Date.context_today)
    from_household_id = fields.Many2one(
        comodel_name="community.household",
        string="From household",
        index=True,
        ondelete="set null",
    )
    to_household_id = fields.Many2one(
        comodel_name="community.household",
        string="To household",
        index=True,
        ondelete="set null",
    )
    # Where the move happened, kept as it was on the day: both communities of
    # a transfer see it, even after the households are reorganised.
    from_community_id = fields.Many2one(
        comodel_name="community.community",
        string="From community",
        index=True,
        readonly=True,
    )
    to_community_id = fields.Many2one(
        comodel_name="community.community",
        string="To community",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Street office",
        index=True,
        readonly=True,
    )
    note = fields.Text()
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded by",
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )

    @api.model
    def create(self, vals):
        # the buttons pass the resident and the type as defaults
        vals = self._add_missing_default_values(dict(vals))
        resident = self.env["community.resident"].browse(vals["resident_id"])
        move_type = vals.get("move_type")
        if resident.state not in ALLOWED_STATES.get(move_type, ()):
            raise UserError(_(
                "%(resident)s cannot be recorded as \"%(move)s\": the resident "
                "is %(state)s.") % {
                    "resident": resident.name,
                    "move": dict(self._fields["move_type"]._description_selection(
                        self.env)).get(move_type, move_type),
                    "state": dict(resident._fields["state"]._description_selection(
                        self.env))[resident.state],
                })
        from_household = resident.household_id
        to_household = self.env["community.household"].browse(
            vals.get("to_household_id") or [])
        if move_type == "transfer" and (
                not to_household or to_household == from_household):
            raise UserError(_(
                "Choose the household %s is transferred to.") % resident.name)
        if move_type in ("move_out", "death"):
            to_household = to_household.browse()
        if to_household:
            try:
                to_household.check_access_rights("write")
                to_household.check_access_rule("write")
            except AccessError:
                # the household is not named: its address is another
                # community's data
                raise AccessError(_(
                    "You cannot move %s into the chosen household: it is "
                    "outside your communities. Choose a household of your "
                    "own communities.") % resident.name)
        # the resident must be one the user may change
        resident.check_access_rights("write")
        resident.check_access_rule("write")
        vals.update({
            "from_household_id": from_household.id,
            "to_household_id": to_household.id,
            "from_community_id": from_household.community_id.id,
            "to_community_id": to_household.community_id.id,
            "company_id": (to_household or from_household).company_id.id,
        })
        move = super().create(vals)
        move._apply()
        return move

    @api.multi
    def _apply(self):
        """Change the resident's state and household as the move says."""
        for move in self:
            resident = move.resident_id
            household = resident.household_id
            resident_vals = {"state": STATE_AFTER[move.move_type]}
            if move.to_household_id:
                resident_vals["household_id"] = move.to_household_id.id
            leaves = move.move_type != "move_in" and (
                move.to_household_id != household)
            if leaves and household.head_id == resident:
                household.head_id = False
            if move.move_type == "transfer" and resident.relation == "head":
                resident_vals["relation"] = "other"
            resident.write(resident_vals)

    @api.multi
    def name_get(self):
        labels = dict(self._fields["move_type"]._description_selection(self.env))
        return [
            (move.id, "%s %s %s" % (
                move.resident_id.name, labels[move.move_type], move.date))
            for move in self
        ]
