# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import street_time


class CommunityPublicationMixin(models.AbstractModel):
    """Something the community or the street publishes to residents
    (居务公开): a deliberation's decision (``community.selfgov.decision``),
    a budget's execution (``crossovered.budget``), a title awarded to a
    community (``eval.title.award``).

    A record is marked "to publish" with the day it is (or was) put up;
    the monthly report pack lists what was published in its month across
    every model that inherits this mixin (``_published_in``), each row as
    the model describes it (``_publication_row``). The model defines
    ``company_id``.
    """

    _name = "community.publication.mixin"
    _description = "Published to residents"

    to_publish = fields.Boolean(
        string="To publish", index=True, copy=False,
        help="Put up on the community's public notice board (居务公开).")
    date_published = fields.Date(
        string="Publication date", index=True, copy=False,
        help="The day it is put up; the monthly report pack lists it in "
        "that month.")

    @api.constrains("to_publish", "date_published")
    def _check_publication_date(self):
        # sudo: checks the record being written; the record rules then
        #   check it as usual
        for record in self.sudo():
            if record.to_publish and not record.date_published:
                raise ValidationError(_(
                    "%s is marked to publish: give its publication date.")
                    % record.display_name)

    @api.onchange("to_publish")
    def _onchange_to_publish(self):
        if self.to_publish and not self.date_published:
            self.date_published = street_time.street_today(self.env)

    @api.multi
    def action_publish(self):
        """Mark to publish today (in the street), unless a date is set."""
        for record in self:
            record.write({
                "to_publish": True,
                "date_published": record.date_published
                or street_time.street_today(self.env, record.company_id)})
        return True

    @api.multi
    def action_unpublish(self):
        """Withdraw: no longer to publish."""
        self.write({"to_publish": False, "date_published": False})
        return True

    @api.multi
    def _publication_row(self):
        """(kind, title, community name) of the record in the list of
        what was published."""
        self.ensure_one()
        community = self["community_id"] if "community_id" in self._fields \
            else False
        # sudo: the model's label (ir.model), in the reader's language
        kind = self.env["ir.model"].sudo()._get(self._name).name
        return (kind, self.display_name,
                community.name if community else "")

    @api.model
    def _publication_models(self):
        """The models that publish: those inheriting this mixin."""
        mixin = self.env.registry[self._name]
        return sorted(
            name for name, model in self.env.registry.items()
            if not model._abstract and not model._transient
            and issubclass(model, mixin))

    @api.model
    def _published_in(self, company, date_from, date_to):
        """The records of every publishing model published in
        [``date_from``, ``date_to``) in ``company``, as the user may read
        them: a list of recordsets, a model the user may not read left
        out."""
        published = []
        for name in self._publication_models():
            Model = self.env[name]
            if not Model.check_access_rights("read", raise_exception=False):
                continue
            records = Model.search([
                ("company_id", "=", company.id), ("to_publish", "=", True),
                ("date_published", ">=", date_from),
                ("date_published", "<", date_to)],
                order="date_published, id")
            if records:
                published.append(records)
        return published
