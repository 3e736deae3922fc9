# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.community_base.tools import roles

#: who reads a resident's party membership: the party roles, and the
#: leader who reads every party record of their streets
PARTY_FIELD_GROUPS = roles.field_groups(roles.PARTY_DATA, roles.LEADER)


class CommunityResident(models.Model):
    """A resident's party membership (政治面貌), read from the member
    register.

    Membership is personal data: only the party roles and the leader read
    these fields (``groups``), and since the resident inherits
    ``community.private.fields.mixin`` nobody else may search, count,
    group or sort residents by them either (a search "party members of
    building 3" would name them as surely as a read). The onchange, which
    computes fields from values the caller sends, gives them back to the
    same roles only.
    """

    _inherit = "community.resident"

    party_member_ids = fields.One2many(
        comodel_name="party.member",
        inverse_name="resident_id",
        string="Party membership",
        readonly=True,
        groups=PARTY_FIELD_GROUPS,
    )
    # sudo: the status is read from the register whoever changes a member;
    #   the field itself is for the party roles and the leader (groups)
    party_status = fields.Selection(
        selection=[
            ("member", "Party member"),
            ("probationary", "Probationary party member"),
        ],
        string="Political status",
        compute="_compute_party_status",
        store=True,
        index=True,
        compute_sudo=True,
        groups=PARTY_FIELD_GROUPS,
        help="Member of the Communist Party of China (中共党员) or "
        "probationary member (中共预备党员), from the member register: "
        "members transferred out or deceased are not counted.",
    )

    @api.depends("party_member_ids.state", "party_member_ids.status",
                 "party_member_ids.active")
    def _compute_party_status(self):
        for resident in self:
            members = resident.party_member_ids.filtered(
                lambda member: member.active and member.state == "active")
            statuses = set(members.mapped("status"))
            if "full" in statuses:
                resident.party_status = "member"
            elif statuses:
                resident.party_status = "probationary"
            else:
                resident.party_status = False

    @api.multi
    def onchange(self, values, field_name, field_onchange):
        """Odoo 11 checks no field's ``groups`` in an onchange: a caller
        sending membership lines of its choice would get their status
        back. The party fields are dropped for the other roles."""
        if not self._may_read_party_fields():
            hidden = ("party_member_ids", "party_status")
            names = field_name if isinstance(field_name, list) \
                else [field_name]
            if any(name in hidden for name in names):
                return {"value": {}}
            values = {name: value for name, value in values.items()
                      if name not in hidden}
            field_onchange = {
                name: value for name, value in field_onchange.items()
                if name.split(".")[0] not in hidden}
        return super().onchange(values, field_name, field_onchange)

    @api.model
    def _may_read_party_fields(self):
        """Whether the user reads residents' party fields (their
        ``groups``); the superuser does."""
        return roles.may_read_party_data(self.env) or roles.has_any(
            self.env, roles.LEADER)
