# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from psycopg2 import sql
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.community_base.tools import roles

from ..tools import scoring
from .eval_target_mixin import TARGET_FIELDS

PAGE_SIZE = 1000


class EvalCampaign(models.Model):
    """A scheme run for one period over its targets (考核活动): it generates
    the score sheets, collects scores (online, from paper, from a survey
    company's workbook), computes the results and, on closing, checks the
    sample and awards or revokes titles."""

    _name = "eval.campaign"
    _inherit = ["mail.thread"]
    _description = "Evaluation campaign"
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, track_visibility="onchange")
    scheme_id = fields.Many2one(
        comodel_name="eval.scheme", string="Scheme", required=True,
        index=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]})
    target_type = fields.Selection(related="scheme_id.target_type",
                                   readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street", required=True,
        index=True, default=lambda self: self.env.user.company_id)
    period_type = fields.Selection(related="scheme_id.period_type",
                                   readonly=True)
    date_range_id = fields.Many2one(
        comodel_name="date.range", string="Period", required=True,
        index=True, ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]},
        # the picker offers what _check_period accepts: ranges covering
        # one calendar period of the scheme's kind, shared or the street's
        domain="[('eval_period_type', '=', period_type), "
               "'|', ('company_id', '=', False), "
               "('company_id', '=', company_id)]")
    date_start = fields.Date(related="date_range_id.date_start", store=True,
                             readonly=True, index=True)
    date_end = fields.Date(related="date_range_id.date_end", store=True,
                           readonly=True, index=True)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("open", "Scoring"),
                   ("closed", "Closed")],
        default="draft", required=True, readonly=True, index=True,
        track_visibility="onchange")
    evaluator_ids = fields.Many2many(
        comodel_name="res.users", relation="eval_campaign_evaluator_rel",
        column1="campaign_id", column2="user_id", string="Evaluators",
        # who scores is for those who run the campaign and the evaluators,
        # not for the targets' clerks nor the leader (who read results)
        groups=roles.field_groups(roles.STREET_CLERK, roles.EVALUATOR),
        domain=lambda self: self._evaluator_domain(),
        help="People who score with their own login: each gets a sheet "
             "per target.")
    community_ids = fields.Many2many(
        comodel_name="community.community",
        relation="eval_campaign_community_rel", column1="campaign_id",
        column2="community_id", string="Communities",
        help="Empty: every community of the street.")
    department_ids = fields.Many2many(
        comodel_name="res.partner", relation="eval_campaign_department_rel",
        column1="campaign_id", column2="partner_id", string="Departments",
        domain=[("organisation_type", "=", "department")],
        help="Empty: every functional department.")
    staff_ids = fields.Many2many(
        comodel_name="res.users", relation="eval_campaign_staff_rel",
        column1="campaign_id", column2="user_id", string="Staff members",
        # the street's own staff, not every login of the database
        domain="[('share', '=', False), ('company_ids', 'in', [company_id])]")
    worker_ids = fields.Many2many(
        comodel_name="community.worker", relation="eval_campaign_worker_rel",
        column1="campaign_id", column2="worker_id",
        string="Community workers",
        domain="[('company_id', '=', company_id)]",
        help="Empty: every active community worker of the street.")
    building_head_ids = fields.Many2many(
        comodel_name="community.post", relation="eval_campaign_post_rel",
        column1="campaign_id", column2="post_id", string="Building heads",
        domain="[('company_id', '=', company_id), "
               "('type_id.code', '=', 'building_head')]",
        help="Empty: every building head of the street in office.")
    section_ids = fields.Many2many(
        comodel_name="hr.department", relation="eval_campaign_section_rel",
        column1="campaign_id", column2="department_id",
        string="Street sections",
        domain="[('company_id', '=', company_id)]",
        help="Empty: every section of the street office.")
    sheet_ids = fields.One2many(
        comodel_name="eval.sheet", inverse_name="campaign_id",
        string="Score sheets")
    result_ids = fields.One2many(
        comodel_name="eval.result", inverse_name="campaign_id",
        string="Results")
    sheet_count = fields.Integer(compute="_compute_counts")
    response_count = fields.Integer(
        string="Answered sheets", compute="_compute_counts")
    note = fields.Text()

    def _evaluator_domain(self):
        """Who may be chosen to score: users holding the evaluator role in
        the campaign's street (a client-side domain: the street is the
        form's)."""
        group = self.env.ref(roles.EVALUATOR, raise_if_not_found=False)
        return ("[('groups_id', 'in', [%d]), "
                "('company_ids', 'in', [company_id])]" % (group.id if group else 0))

    @api.depends("sheet_ids.state")
    def _compute_counts(self):
        """Counted by the database in one grouped query for the whole
        list, not by loading every sheet of every campaign."""
        counts = {}
        campaign_ids = [campaign_id for campaign_id in self.ids
                        if isinstance(campaign_id, int)]
        if campaign_ids:
            # sudo: counts only, of sheets a leader may not read
            groups = self.env["eval.sheet"].sudo().read_group(
                [("campaign_id", "in", campaign_ids)],
                ["campaign_id", "state"], ["campaign_id", "state"],
                lazy=False)
            for group in groups:
                key = (group["campaign_id"][0], group["state"])
                counts[key] = group["__count"]
        for campaign in self:
            done = counts.get((campaign.id, "done"), 0)
            campaign.sheet_count = done + counts.get(
                (campaign.id, "draft"), 0)
            campaign.response_count = done

    @api.constrains("scheme_id", "date_range_id", "company_id")
    def _check_period(self):
        for campaign in self:
            start = fields.Date.from_string(campaign.date_range_id.date_start)
            end = fields.Date.from_string(campaign.date_range_id.date_end)
            period = campaign.scheme_id.period_type
            if not scoring.period_matches(period, start, end):
                labels = dict(self.env["eval.scheme"]._fields[
                    "period_type"]._description_selection(self.env))
                raise ValidationError(_(
                    "Campaign %(campaign)s: the period %(range)s is not one "
                    "%(period)s, as scheme %(scheme)s requires.") % {
                        "campaign": campaign.name,
                        "range": campaign.date_range_id.display_name,
                        "period": labels[period],
                        "scheme": campaign.scheme_id.name})
            scheme_street = campaign.scheme_id.company_id
            if scheme_street and scheme_street != campaign.company_id:
                raise ValidationError(_(
                    "Campaign %(campaign)s: scheme %(scheme)s belongs to "
                    "another street.") % {
                        "campaign": campaign.name,
                        "scheme": campaign.scheme_id.name})

    @api.multi
    def unlink(self):
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(_(
                    "Campaign %s has started: it cannot be deleted.")
                    % campaign.name)
        return super().unlink()

    # -- buttons ----------------------------------------------------------

    def _check_manager(self):
        """The buttons that change scores and results write as superuser
        (sheets and results the clerk may not read): only who may write
        the campaign (the street's clerks and administrators) runs them.
        Checked before anything else, so that the errors name no campaign
        the caller may not read."""
        self.check_access_rights("write")
        self.check_access_rule("write")

    @api.multi
    def action_open(self):
        """Generate a sheet per evaluator and target (with a line per
        entered indicator) and an empty result per target."""
        self._check_manager()
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(_("Campaign %s is not a draft.")
                                % campaign.name)
            targets = campaign.targets()
            if not targets:
                raise UserError(_("Campaign %s has no target to evaluate.")
                                % campaign.name)
            target_field = TARGET_FIELDS[campaign.target_type]
            indicators = campaign.scheme_id.indicator_ids.filtered(
                lambda indicator: indicator.source == "entered")
            campaign.state = "open"
            # sudo: a clerk who starts a campaign rating the staff may be
            # rated in it, and may not see the sheets about them
            Sheet = self.env["eval.sheet"].sudo()
            for evaluator in campaign.evaluator_ids:
                for target in targets:
                    Sheet.create({
                        "campaign_id": campaign.id,
                        target_field: target.id,
                        "evaluator_user_id": evaluator.id,
                        "source": "online",
                        "line_ids": [(0, 0, {"indicator_id": indicator.id})
                                     for indicator in indicators],
                    })
            campaign._ensure_results(targets)
        return True

    @api.multi
    def action_compute(self):
        self._check_manager()
        for campaign in self:
            if campaign.state != "open":
                raise UserError(_(
                    "Campaign %s is not scoring: its results are final or "
                    "not started.") % campaign.name)
            campaign._compute_results()
        return True

    @api.multi
    def action_close(self):
        """Compute, refuse below the scheme's minimum sample, close, then
        award and revoke the scheme's titles."""
        self._check_manager()
        for campaign in self:
            if campaign.state != "open":
                raise UserError(_("Campaign %s is not scoring.")
                                % campaign.name)
            campaign._compute_results()
            minimum = campaign.scheme_id.min_sample
            short = campaign.result_ids.filtered(
                lambda result: result.response_count < minimum)
            if short:
                raise ValidationError(_(
                    "Campaign %(campaign)s cannot close: the minimum sample "
                    "is %(minimum)s answered sheets per target, and "
                    "%(targets)s have fewer.") % {
                        "campaign": campaign.name, "minimum": minimum,
                        "targets": ", ".join(
                            "%s (%s)" % (result.target_name,
                                         result.response_count)
                            for result in short)})
            campaign.state = "closed"
            for title in campaign.scheme_id.title_ids:
                title._update_awards(campaign)
        return True

    @api.multi
    def action_reopen(self):
        if not self.env.user.has_group(roles.STREET_ADMIN):
            raise AccessError(_(
                "Only a street administrator reopens a closed campaign."))
        self._check_manager()
        for campaign in self:
            if campaign.state != "closed":
                raise UserError(_("Campaign %s is not closed.")
                                % campaign.name)
            campaign.state = "open"
        return True

    @api.multi
    def action_view_sheets(self):
        self.ensure_one()
        action = self.env.ref("community_eval.eval_sheet_action").read()[0]
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {"default_campaign_id": self.id}
        return action

    @api.multi
    def action_view_results(self):
        self.ensure_one()
        action = self.env.ref("community_eval.eval_result_action").read()[0]
        action["domain"] = [("campaign_id", "=", self.id)]
        return action

    # -- reports ----------------------------------------------------------

    def _is_manager(self):
        """Whether the user runs these campaigns (may write them): they
        see rankings and results while scoring goes on."""
        if not self.check_access_rights("write", raise_exception=False):
            return False
        try:
            self.check_access_rule("write")
        except AccessError:
            return False
        return True

    def _check_report_visible(self, report):
        """Rankings are published when a campaign closes: before, only
        the clerks who run it print them (checked by every report through
        ``ir.actions.report._check_report_access``)."""
        scoring = self.filtered(lambda campaign: campaign.state != "closed")
        if scoring and not scoring._is_manager():
            raise AccessError(_(
                "%(report)s of campaign %(campaign)s are published when it "
                "closes; it is still being scored.") % {
                    "report": report.name,
                    "campaign": ", ".join(scoring.mapped("name"))})

    # -- business ---------------------------------------------------------

    def targets(self):
        """The evaluated records: those chosen, or all of the street."""
        self.ensure_one()
        if self.target_type == "community":
            return self.community_ids or self.env[
                "community.community"].search(
                    [("company_id", "=", self.company_id.id)])
        if self.target_type == "department":
            return self.department_ids or self.env["res.partner"].search(
                [("organisation_type", "=", "department")])
        street = [("company_id", "=", self.company_id.id)]
        if self.target_type == "worker":
            return self.worker_ids or self.env["community.worker"].search(
                street)
        if self.target_type == "building_head":
            return self.building_head_ids or self.env["community.post"].search(
                street + [("type_id.code", "=", "building_head")])
        if self.target_type == "section":
            return self.section_ids or self.env["hr.department"].search(
                street)
        return self.staff_ids

    def _ensure_results(self, targets):
        target_field = TARGET_FIELDS[self.target_type]
        # sudo: called by the buttons once they checked the caller; a clerk
        # rated in the campaign may not write results
        Result = self.env["eval.result"].sudo()
        # sudo: as above, the results there are
        existing = set(self.sudo().result_ids.mapped(target_field).ids)
        for target in targets:
            if target.id not in existing:
                Result.create({"campaign_id": self.id, target_field: target.id})

    def _compute_results(self):
        """Per target: answered sheets, satisfaction rate, indicator scores,
        weighted score after deductions, and the rank among targets."""
        self.ensure_one()
        # sudo: the clerk who computes (checked by the buttons) may not read
        # every result or sheet line (record rules): the figures are the
        # campaign's, computed as such
        campaign = self.sudo()
        scheme = campaign.scheme_id
        target_field = TARGET_FIELDS[campaign.target_type]
        targets = campaign.targets() | campaign.sheet_ids.mapped(target_field)
        campaign._ensure_results(targets)
        points = scheme.answer_points()
        answers = defaultdict(list)
        entered = defaultdict(list)
        responses = defaultdict(int)
        for sheet in campaign.sheet_ids.filtered(
                lambda sheet: sheet.state == "done"):
            target_id = sheet[target_field].id
            responses[target_id] += 1
            for line in sheet.line_ids:
                indicator = line.indicator_id
                if indicator.scale == "satisfaction" and line.answer:
                    answers[target_id].append(line.answer)
                    entered[target_id, indicator.id].append(
                        scoring.answer_score(line.answer, points))
                elif indicator.scale == "points":
                    entered[target_id, indicator.id].append(
                        scoring.points_score(line.points,
                                             indicator.max_points))
        computed = {}
        for indicator in scheme.indicator_ids.filtered(
                lambda indicator: indicator.source == "computed"):
            computed[indicator.id] = indicator.rule_id._evaluate(
                campaign.date_start, campaign.date_end, campaign.company_id,
                targets.ids)
        scores = {}
        for result in campaign.result_ids:
            target_id = result[target_field].id
            lines = []
            weighted = []
            deduction = 0.0
            for indicator in scheme.indicator_ids:
                if indicator.source == "entered":
                    marks = entered.get((target_id, indicator.id))
                    value = sum(marks) / len(marks) if marks else None
                    score = value
                else:
                    value = computed[indicator.id].get(target_id)
                    score = None if value is None else (
                        scoring.computed_score(value, indicator.target_value))
                if indicator.kind == "deduction":
                    score = (value or 0.0) * indicator.points_per_unit
                    deduction += score
                else:
                    weighted.append((indicator.weight, score))
                lines.append((0, 0, {
                    "indicator_id": indicator.id,
                    "value": value or 0.0,
                    "score": score or 0.0,
                    "has_value": value is not None,
                }))
            score = scoring.weighted_score(weighted, deduction)
            scores[result.id] = score
            rate = scoring.satisfaction_rate(
                answers.get(target_id, []), scheme.basic_counts_satisfied)
            result.write({
                "response_count": responses.get(target_id, 0),
                "satisfaction_rate": rate or 0.0,
                "has_satisfaction": rate is not None,
                "weighted_score": score or 0.0,
                "deduction": deduction,
                "line_ids": [(5, 0, 0)] + lines,
            })
        ranks = scoring.competition_rank(scores)
        for result in campaign.result_ids:
            result.rank = ranks.get(result.id, 0)

    def _insert_done_sheets(self, rows, source="import"):
        """Insert submitted sheets and their lines with SQL, a page at a
        time, for the survey company's import and the demo loader: rows
        ``(target_id, respondent, [(indicator_id, answer, points,
        score)])``, already checked by the caller. Return the number of
        sheets.

        Private: it writes whatever it is given, as superuser; its callers
        check who asks (the import wizard: write access on the campaign)."""
        self.ensure_one()
        # sudo: the caller checked write access; the clerk may not read
        # every target (a staff campaign rating them)
        campaign = self.sudo()
        if campaign.state != "open":
            raise UserError(_(
                "Campaign %s is not scoring: its sheets cannot change.")
                % campaign.name)
        target_column = TARGET_FIELDS[campaign.target_type]
        target_names = {
            target.id: target.display_name for target in campaign.targets()}
        sequences = {indicator.id: indicator.sequence
                     for indicator in campaign.scheme_id.indicator_ids}
        cr = self.env.cr
        uid = self.env.uid
        company_id = campaign.company_id.id
        sheet_query = sql.SQL(
            "INSERT INTO eval_sheet (campaign_id, company_id, {}, "
            "target_name, respondent, source, state, create_uid, write_uid, "
            "create_date, write_date) VALUES %s RETURNING id").format(
                sql.Identifier(target_column)).as_string(cr._obj)
        now = "(now() at time zone 'UTC'), (now() at time zone 'UTC'))"
        for start in range(0, len(rows), PAGE_SIZE):
            page = rows[start:start + PAGE_SIZE]
            # sql: thousands of checked questionnaires, a page per query
            sheet_ids = execute_values(
                cr, sheet_query,
                [(campaign.id, company_id, target_id,
                  target_names.get(target_id), respondent, source, "done",
                  uid, uid) for target_id, respondent, _lines in page],
                template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, " + now,
                page_size=PAGE_SIZE, fetch=True)
            line_values = []
            for (sheet_id,), (_target, _respondent, lines) in zip(
                    sheet_ids, page):
                for indicator_id, answer, points, score in lines:
                    line_values.append((
                        sheet_id, company_id, indicator_id,
                        sequences.get(indicator_id), answer, points, score,
                        uid, uid))
            # sql: the lines of the page's sheets, as above
            execute_values(
                cr,
                "INSERT INTO eval_sheet_line (sheet_id, company_id, "
                "indicator_id, sequence, answer, points, score, create_uid, "
                "write_uid, create_date, write_date) VALUES %s",
                line_values,
                template="(%s, %s, %s, %s, %s, %s, %s, %s, %s, " + now,
                page_size=PAGE_SIZE * 10)
        # SQL bypasses the cache
        self.env["eval.sheet"].invalidate_cache()
        self.env["eval.sheet.line"].invalidate_cache()
        self.invalidate_cache()
        return len(rows)
