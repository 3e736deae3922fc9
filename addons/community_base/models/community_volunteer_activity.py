# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunityVolunteerActivity(models.Model):
    """Hours a registered volunteer served with a volunteer team.

    One line per volunteer and service; the totals on the resident and on
    the team, and the hours per team and month, are sums of these lines.
    The line belongs to the volunteer's community, so community clerks keep
    the service records of their own residents.
    """

    _name = "community.volunteer.activity"
    _description = "Volunteer service record"
    _order = "date desc, id desc"

    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    team_id = fields.Many2one(
        comodel_name="res.partner",
        string="Volunteer team",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("organisation_type", "=", "volunteer_team")],
    )
    volunteer_id = fields.Many2one(
        comodel_name="community.resident",
        string="Volunteer",
        required=True,
        index=True,
        ondelete="restrict",
    )
    hours = fields.Float(required=True, digits=(16, 1))
    description = fields.Text(required=True)
    # Recomputed as superuser: a clerk's new line gets its community in the
    # same create, before the record rules (which read it) check the line.
    # sudo: a clerk's new line gets its community before the record rules, which read
    #   it, check the line
    community_id = fields.Many2one(
        related="volunteer_id.community_id",
        string="Community",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )
    # sudo: a clerk's new line gets its street before the record rules, which read it,
    #   check the line
    company_id = fields.Many2one(
        related="volunteer_id.company_id",
        string="Street",
        store=True,
        readonly=True,
        index=True,
        compute_sudo=True,
    )

    # The constraints read as superuser: they check the data, not the user's
    # access, and run before the stored community of a new line is computed
    # (so before the record rules can find it).
    @api.constrains("hours")
    def _check_hours(self):
        # sudo: the constraint reads the record being written, before its stored
        #   community exists for the record rules
        for activity in self.sudo():
            if activity.hours <= 0:
                raise ValidationError(_(
                    "The service of %(volunteer)s on %(date)s must last more "
                    "than 0 hours."
                ) % {"volunteer": activity.volunteer_id.name,
                     "date": activity.date})

    @api.constrains("team_id")
    def _check_team(self):
        # sudo: the constraint reads the record being written, before its stored
        #   community exists for the record rules
        for activity in self.sudo():
            if activity.team_id.organisation_type != "volunteer_team":
                raise ValidationError(_(
                    "%s is not a volunteer team: choose an organisation of "
                    "type volunteer team."
                ) % activity.team_id.display_name)

    @api.multi
    def name_get(self):
        return [(activity.id, "%s %s" % (activity.date,
                                         activity.volunteer_id.name or ""))
                for activity in self]

    @api.model
    def _hours_by(self, field_name, ids):
        """Total hours per ``field_name`` (volunteer or team) among ``ids``.

        Summed as superuser: a clerk may see only the activities of their own
        communities, but a volunteer's or a team's total counts them all.
        """
        if not ids:
            return {}
        # sudo: sums hours per volunteer or team across communities; only totals for
        #   records the caller reads
        groups = self.sudo().read_group(
            [(field_name, "in", list(ids))], [field_name, "hours"], [field_name])
        return {group[field_name][0]: group["hours"] for group in groups}
