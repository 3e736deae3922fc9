# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunitySealUsage(models.Model):
    """One use of a community's seal (盖章登记).

    The log is an audit trail: clerks create lines and never change or
    delete them (access rights); a street administrator corrects mistakes.
    Only items of the street's active catalogue may be sealed.
    """

    _name = "community.seal.usage"
    _inherit = ["community.scope.copy.mixin"]
    _description = "Seal usage"
    _order = "date desc, id desc"
    _rec_name = "document"
    _scope_parent_field = "community_id"
    _scope_fields = ("company_id",)

    def _default_community_id(self):
        communities = self.env.user.community_ids
        return communities[:1] if len(communities) == 1 else False

    item_id = fields.Many2one(
        comodel_name="community.seal.item", string="Seal item",
        required=True, index=True, ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        help="Only the active items of the street's seal catalogue.")
    date = fields.Datetime(
        required=True, index=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        comodel_name="res.users", string="Sealed by", required=True,
        index=True, readonly=True, ondelete="restrict",
        default=lambda self: self.env.user)
    applicant = fields.Char(
        required=True,
        help="Person or organisation the seal is given for.")
    resident_id = fields.Many2one(
        comodel_name="community.resident", string="Resident", index=True,
        ondelete="restrict",
        help="The applicant, when a resident of the register.")
    document = fields.Char(
        required=True, help="Document sealed, and what it is for.")
    attachment = fields.Binary(attachment=True)
    attachment_filename = fields.Char()
    community_id = fields.Many2one(
        comodel_name="community.community", string="Community",
        required=True, index=True, ondelete="restrict",
        default=_default_community_id)
    # A copy of the community's street (community.scope.copy.mixin writes
    # it on create and write) rather than a stored related field: the
    # street of a line of the log does not change afterwards.
    company_id = fields.Many2one(
        comodel_name="res.company", string="Street office", required=True,
        index=True, readonly=True, ondelete="restrict",
        default=lambda self: self.env.user.company_id)

    @api.constrains("item_id", "community_id")
    def _check_item_in_catalogue(self):
        # As superuser, and through the community: the stored related
        # company_id is only computed after the constraints of a create run.
        # sudo: the constraint reads the record being written, before its stored street
        #   exists for the record rules
        for usage in self.sudo():
            item = usage.item_id
            street = usage.community_id.company_id
            if not item.active or item.company_id != street:
                raise ValidationError(_(
                    "The seal item \"%(item)s\" is not in the seal catalogue "
                    "of %(street)s: a community seals only the active items "
                    "of its street's catalogue.") % {
                        "item": item.name, "street": street.name})

    @api.onchange("community_id")
    def _onchange_community_id(self):
        if self.community_id:
            self.company_id = self.community_id.company_id

    @api.onchange("resident_id")
    def _onchange_resident_id(self):
        if self.resident_id:
            self.applicant = self.resident_id.name
            if self.resident_id.community_id:
                self.community_id = self.resident_id.community_id
