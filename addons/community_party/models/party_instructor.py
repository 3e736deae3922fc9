# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.community_base.tools import street_time


class PartyInstructor(models.Model):
    """A party-building instructor (党建指导员) the street appoints to a
    community, or to one of its grids, for a term.

    The instructor is often a cadre of the street office or of a paired
    unit: a user of the system, a member of the register, or only a name.
    The street's party building office appoints them; the community's
    party secretary reads who instructs their community.
    """

    _name = "party.instructor"
    _inherit = ["mail.thread", "community.scoped.mixin"]
    _description = "Party-building instructor"
    _order = "date_appointed desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="User",
        index=True,
        ondelete="restrict",
        domain=[("share", "=", False)],
        help="The instructor's user, when they work in the system.")
    member_id = fields.Many2one(
        comodel_name="party.member",
        string="Party member",
        index=True,
        ondelete="restrict",
        help="The instructor's record in the member register, when the "
        "street holds their organisational relationship.")
    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        index=True,
        ondelete="restrict",
        help="The grid the instructor is appointed to; empty for the whole "
        "community.")
    work_unit = fields.Char(
        string="Works at",
        help="The instructor's office or unit (the street office, a paired "
        "unit...).")
    date_appointed = fields.Date(
        string="Appointed on", required=True, index=True,
        default=fields.Date.context_today, track_visibility="onchange")
    date_end = fields.Date(
        string="Term ends on", index=True, track_visibility="onchange")
    appointment_reference = fields.Char(
        string="Appointment document",
        help="The number of the street's appointment document (任命文号).")
    is_current = fields.Boolean(
        string="In office", compute="_compute_is_current",
        search="_search_is_current")
    active = fields.Boolean(default=True)
    note = fields.Text()

    def _today(self):
        return street_time.street_today(self.env)

    @api.depends("date_appointed", "date_end")
    def _compute_is_current(self):
        today = self._today()
        for instructor in self:
            instructor.is_current = (
                instructor.date_appointed <= today
                and (not instructor.date_end or instructor.date_end >= today))

    def _search_is_current(self, operator, value):
        today = self._today()
        current = ["&", ("date_appointed", "<=", today),
                   "|", ("date_end", "=", False), ("date_end", ">=", today)]
        if (operator == "=") == bool(value):
            return current
        return ["|", ("date_appointed", ">", today), ("date_end", "<", today)]

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id and not self.name:
            self.name = self.user_id.name

    @api.onchange("member_id")
    def _onchange_member_id(self):
        if self.member_id and not self.name:
            self.name = self.member_id.name

    @api.onchange("grid_id")
    def _onchange_grid_id(self):
        if self.grid_id:
            self.community_id = self.grid_id.community_id

    @api.constrains("grid_id", "community_id")
    def _check_grid(self):
        # sudo: checks the places the user chose, whatever they may read
        for instructor in self.sudo():
            grid = instructor.grid_id
            if grid and grid.community_id != instructor.community_id:
                raise ValidationError(_(
                    "Party-building instructor %(name)s: grid %(grid)s is "
                    "not in community %(community)s.") % {
                        "name": instructor.name, "grid": grid.display_name,
                        "community": instructor.community_id.name})

    @api.constrains("date_appointed", "date_end")
    def _check_dates(self):
        # sudo: checks the appointment the user wrote before the record
        #   rules check it
        for instructor in self.sudo():
            if instructor.date_end \
                    and instructor.date_end < instructor.date_appointed:
                raise ValidationError(_(
                    "Party-building instructor %s: the term cannot end "
                    "before the appointment.") % instructor.name)
