# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html_escape

#: the category of a case made from a decision that names none
DEFAULT_CASE_CATEGORY = "community_grid.grid_case_category_other"


class GridCaseSourceMixin(models.AbstractModel):
    """A meeting's decision that becomes a case of the community's case
    loop in one click: a party meeting's decision
    (``party.meeting.decision``), a residents' deliberation decision
    (``community.selfgov.decision``).

    The case is created as the user, with the user's rights on cases (a
    user who may not report cases, or not in that community, is told so
    naming the decision), once the meeting is held; it keeps the link to
    the decision and the meeting's thread says so. The model inherits
    ``community.decision.mixin`` (name, description, owner, the checks
    before a follow-up, ``_check_followable``) and has a
    ``community_id``.
    """

    _name = "grid.case.source.mixin"
    _description = "Decision that becomes a case"

    category_id = fields.Many2one(
        comodel_name="grid.case.category",
        string="Case category",
        ondelete="restrict",
        help="The category of the case made from the decision; \"Other "
        "cases\" when none is chosen.")
    grid_id = fields.Many2one(
        comodel_name="grid.grid",
        string="Grid",
        ondelete="restrict",
        help="Where the case made from the decision is, when it concerns "
        "one grid.")
    case_id = fields.Many2one(
        comodel_name="grid.case",
        string="Case",
        readonly=True,
        copy=False,
        index=True,
        ondelete="set null",
    )

    def _case_vals(self, community, category):
        """The values of the case made from the decision."""
        description = "<p>%s</p>" % html_escape(self.name)
        if self.description:
            description += "".join(
                "<p>%s</p>" % html_escape(line)
                for line in self.description.splitlines() if line.strip())
        description += "<p>%s</p>" % html_escape(self._source_text())
        return {
            "category_id": category.id,
            "community_id": community.id,
            "grid_id": self.grid_id.id,
            "channel": "referral",
            "reporter_name": self.owner_id.name or self.env.user.name,
            "description": description,
        }

    @api.multi
    def action_create_case(self):
        """Turn the decision into a case of the community's case loop (as
        the user: a user who may not report cases is told so), link it and
        open it."""
        self.ensure_one()
        self._check_followable("grid.case", _(
            "The decision \"%s\" cannot be turned into a case: you may not "
            "report cases. Ask a community clerk to do it."))
        if self.case_id:
            raise UserError(_(
                "The decision \"%(decision)s\" is already followed by the case "
                "%(case)s.") % {"decision": self.name,
                                "case": self.case_id.display_name})
        Case = self.env["grid.case"]
        community = self.grid_id.community_id or self.community_id
        if not community:
            raise UserError(_(
                "The decision \"%s\" has no community (its meeting is not "
                "held in one): choose the grid the case concerns.")
                % self.name)
        if not self.grid_id and Case._location_required():
            raise UserError(_(
                "The decision \"%s\" has no grid: you report cases in your "
                "own grids, so choose the grid the case concerns.")
                % self.name)
        category = self.category_id or self.env.ref(
            DEFAULT_CASE_CATEGORY, raise_if_not_found=False)
        if not category:
            raise UserError(_(
                "The decision \"%s\" has no case category: choose one.")
                % self.name)
        try:
            with self.env.cr.savepoint():
                case = Case.create(self._case_vals(community, category))
        except AccessError as error:
            raise AccessError(_(
                "The decision \"%(decision)s\" cannot be turned into a case "
                "of %(community)s: you do not report cases there.") % {
                    "decision": self.name, "community": community.name}
            ) from error
        self.write({"case_id": case.id})
        self.meeting_id.message_post(body=_(
            "Decision \"%(decision)s\" turned into the case %(case)s.") % {
                "decision": html_escape(self.name),
                "case": html_escape(case.name)})
        return {
            "type": "ir.actions.act_window",
            "name": case.name,
            "res_model": "grid.case",
            "res_id": case.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
