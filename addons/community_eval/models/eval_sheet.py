# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tools import roles

from .eval_target_mixin import TARGET_FIELDS

#: what an evaluator may change on their own sheet and its lines: the
#: answers and the state, never the target, the campaign or whose it is
EVALUATOR_SHEET_FIELDS = {"state", "line_ids", "respondent"}
EVALUATOR_LINE_FIELDS = {"answer", "points"}


class EvalSheet(models.Model):
    """One evaluator's (or one paper form's) scores of one target in a
    campaign. Individual and private: evaluators see their own sheets only,
    targets never see sheets (they read ``eval.result``)."""

    _name = "eval.sheet"
    _inherit = ["eval.target.mixin", "community.scope.copy.mixin"]
    _description = "Score sheet"
    _order = "campaign_id, target_name, id"
    _rec_name = "target_name"
    _scope_parent_field = "campaign_id"
    _scope_fields = ("company_id",)

    campaign_id = fields.Many2one(
        comodel_name="eval.campaign", string="Campaign", required=True,
        index=True, ondelete="cascade")
    campaign_state = fields.Selection(related="campaign_id.state",
                                      readonly=True)
    target_type = fields.Selection(related="campaign_id.target_type",
                                   readonly=True)
    company_id = fields.Many2one(
        related="campaign_id.company_id", store=True, index=True,
        readonly=True)
    evaluator_user_id = fields.Many2one(
        comodel_name="res.users", string="Evaluator", index=True,
        ondelete="restrict",
        help="Whose sheet it is; empty for paper forms and imports.")
    respondent = fields.Char(
        help="Number of the paper form or of the survey company's "
             "questionnaire.")
    source = fields.Selection(
        selection=[("online", "Online"), ("paper", "Paper form"),
                   ("import", "Survey company import")],
        required=True, default="paper")
    state = fields.Selection(
        selection=[("draft", "Draft"), ("done", "Submitted")],
        required=True, default="draft", index=True)
    line_ids = fields.One2many(
        comodel_name="eval.sheet.line", inverse_name="sheet_id",
        string="Scores")
    setup_locked = fields.Boolean(
        string="Answers only", compute="_compute_setup_locked",
        help="The user only enters answers: the campaign, the target and "
             "the source of the sheet are read only for them.")

    def _compute_setup_locked(self):
        locked = not may_set_up_sheets(self.env)
        for sheet in self:
            sheet.setup_locked = locked

    @api.constrains("campaign_id", "target_community_id",
                    "target_partner_id", "target_user_id")
    def _check_target(self):
        for sheet in self:
            field = TARGET_FIELDS[sheet.campaign_id.target_type]
            if not sheet[field] or any(
                    sheet[other] for other in TARGET_FIELDS.values()
                    if other != field):
                raise ValidationError(_(
                    "Score sheet of campaign %s must name one target of "
                    "the kind the scheme evaluates.")
                    % sheet.campaign_id.name)

    @api.onchange("campaign_id")
    def _onchange_campaign_id(self):
        """A paper form shows the campaign's indicators to fill in."""
        if self.campaign_id and not self.line_ids:
            self.line_ids = [
                (0, 0, {"indicator_id": indicator.id})
                for indicator in self.campaign_id.scheme_id.indicator_ids
                if indicator.source == "entered"]

    @api.model
    def create(self, vals):
        if vals.get("campaign_id"):
            # a campaign the user may not read is neither named nor
            # described in an error: refused as such first
            readable = self.env["eval.campaign"].browse(vals["campaign_id"])
            readable.check_access_rights("read")
            readable.check_access_rule("read")
            # sudo: its scheme's indicators and street, for a clerk who
            # may not read every scheme of the street
            campaign = readable.sudo()
            campaign_check_scoring(campaign)
            if not vals.get("line_ids"):
                vals["line_ids"] = [
                    (0, 0, {"indicator_id": indicator.id})
                    for indicator in campaign.scheme_id.indicator_ids
                    if indicator.source == "entered"]
        return super().create(vals)

    @api.multi
    def write(self, vals):
        for sheet in self:
            # sudo: the state of the sheet's campaign (its name shows on
            # the sheet already)
            campaign_check_scoring(sheet.sudo().campaign_id)
        check_evaluator_fields(self, vals, EVALUATOR_SHEET_FIELDS)
        return super().write(vals)

    @api.multi
    def unlink(self):
        for sheet in self:
            # sudo: as in write
            campaign_check_scoring(sheet.sudo().campaign_id)
        return super().unlink()

    @api.multi
    def action_submit(self):
        for sheet in self:
            missing = sheet.line_ids.filtered(
                lambda line: line.indicator_id.scale == "satisfaction"
                and not line.answer)
            if missing:
                raise ValidationError(_(
                    "Score sheet %(sheet)s: answer %(indicators)s before "
                    "submitting.") % {
                        "sheet": sheet.target_name,
                        "indicators": ", ".join(
                            missing.mapped("indicator_id.name"))})
            sheet.state = "done"
        return True

    @api.multi
    def action_draft(self):
        self.write({"state": "draft"})
        return True


def campaign_check_scoring(campaign):
    """Scores change only while their campaign is scoring."""
    if campaign.state != "open":
        raise UserError(_(
            "Campaign %s is not scoring: its sheets cannot change.")
            % campaign.name)


def may_set_up_sheets(env):
    """Whether the user of ``env`` sets sheets up (campaign, target,
    source): the street's clerks and administrators, not the evaluators
    who only answer."""
    return env.uid == SUPERUSER_ID or env.user.has_group(roles.STREET_CLERK)


def check_evaluator_fields(records, vals, allowed):
    """Evaluators who are not clerks change only ``allowed`` fields; the
    refusal names the sheets and the fields by their labels."""
    env = records.env
    if may_set_up_sheets(env):
        return
    forbidden = set(vals) - allowed
    if forbidden:
        sheets = records.mapped("sheet_id") if (
            records._name == "eval.sheet.line") else records
        names = []
        for sheet in sheets:
            # sudo: the name of the sheet's campaign, shown on the sheet
            campaign = sheet.sudo().campaign_id
            names.append("%s (%s)" % (sheet.target_name, campaign.name))
        labels = sorted(
            records._fields[name]._description_string(env)
            if name in records._fields else name for name in forbidden)
        raise AccessError(_(
            "Score sheet %(records)s: an evaluator only enters the "
            "answers; %(fields)s are set by the clerks who run the "
            "campaign.") % {
                "records": ", ".join(names),
                "fields": ", ".join(labels)})
