# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .eval_target_mixin import TARGET_FIELDS


class EvalTitle(models.Model):
    """An honorary title (荣誉称号, e.g. 和谐社区) held while the target
    scores at least ``threshold`` in each of the last ``campaign_count``
    closed campaigns of the scheme: awarded and revoked when a campaign
    closes, never held for good."""

    _name = "eval.title"
    _description = "Evaluation title"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    scheme_id = fields.Many2one(
        comodel_name="eval.scheme", string="Scheme", required=True,
        index=True, ondelete="cascade")
    company_id = fields.Many2one(related="scheme_id.company_id", store=True,
                                 index=True, readonly=True)
    threshold = fields.Float(string="Minimum score", default=90.0)
    campaign_count = fields.Integer(
        string="Campaigns", default=1,
        help="The minimum score must be reached in each of this many "
             "last closed campaigns.")
    award_ids = fields.One2many(
        comodel_name="eval.title.award", inverse_name="title_id",
        string="Awards")
    description = fields.Text(translate=True)

    @api.constrains("threshold", "campaign_count")
    def _check_rule(self):
        for title in self:
            if title.campaign_count < 1:
                raise ValidationError(_(
                    "Title %s: count at least one campaign.") % title.name)
            if not 0 <= title.threshold <= 100:
                raise ValidationError(_(
                    "Title %s: the minimum score is between 0 and 100.")
                    % title.name)

    def _update_awards(self, campaign):
        """Award the title to the targets of ``campaign`` that qualify and
        revoke it from holders that no longer do. Private: it writes as
        superuser, for the campaign's close button, which checked who
        closes."""
        self.ensure_one()
        # sudo: awards are read-only for every role but the administrator
        Award = self.env["eval.title.award"].sudo()
        target_field = TARGET_FIELDS[campaign.target_type]
        today = fields.Date.context_today(self)
        # sudo: the previous campaigns and results of the scheme, whoever
        # closes this one
        campaigns = self.env["eval.campaign"].sudo().search([
            ("scheme_id", "=", self.scheme_id.id),
            ("company_id", "=", campaign.company_id.id),
            ("state", "=", "closed"),
            ("date_start", "<=", campaign.date_start),
        ], order="date_start desc, id desc", limit=self.campaign_count)
        # sudo: as above
        results = self.env["eval.result"].sudo().search(
            [("campaign_id", "in", campaigns.ids)])
        # sudo: as above
        for result in campaign.sudo().result_ids:
            target = result[target_field]
            scores = results.filtered(
                lambda other: other[target_field] == target).mapped(
                    "weighted_score")
            qualifies = len(campaigns) == self.campaign_count and len(
                scores) == self.campaign_count and all(
                    score >= self.threshold for score in scores)
            held = Award.search([("title_id", "=", self.id),
                                 (target_field, "=", target.id),
                                 ("state", "=", "awarded")])
            if qualifies and not held:
                Award.create({
                    "title_id": self.id, target_field: target.id,
                    "campaign_id": campaign.id, "date_awarded": today,
                    "score": result.weighted_score,
                })
            elif held and not qualifies:
                held.write({"state": "revoked", "date_revoked": today,
                            "revoke_campaign_id": campaign.id,
                            "revoke_score": result.weighted_score})
