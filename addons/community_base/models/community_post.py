# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CommunityPost(models.Model):
    """Who holds which volunteer post (楼栋长, 单元长, 党小组长, 片长...) where.

    The place follows the level of the post type: a building head sits on a
    building, a party group leader on a compound. Clerks pick the lowest
    place; the compound and the community are filled from it, so the record
    rules (community, street) always apply. A term that has ended archives
    the post (``community.term.mixin``): only held posts count in the
    coverage figures.
    """

    _name = "community.post"
    _inherit = ["community.term.mixin", "community.scoped.mixin"]
    _description = "Volunteer post"
    _rec_name = "type_id"
    _order = "community_id, type_id, date_start desc, id desc"

    type_id = fields.Many2one(
        comodel_name="community.post.type",
        string="Post type",
        required=True,
        index=True,
        ondelete="restrict",
    )
    level = fields.Selection(
        related="type_id.level",
        store=True,
        readonly=True,
    )
    resident_id = fields.Many2one(
        comodel_name="community.resident",
        string="Holder",
        index=True,
        ondelete="restrict",
        help="The resident holding the post.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Holder (non-resident)",
        index=True,
        ondelete="restrict",
        help="For a holder who is not in the resident register.",
    )
    holder_name = fields.Char(compute="_compute_holder_name")
    building_id = fields.Many2one(
        comodel_name="community.building",
        string="Building",
        index=True,
        ondelete="restrict",
    )
    compound_id = fields.Many2one(
        comodel_name="community.compound",
        string="Compound",
        index=True,
        ondelete="restrict",
    )
    date_start = fields.Date(
        string="Term start",
        required=True,
        default=fields.Date.context_today,
        index=True,
    )
    date_end = fields.Date(
        string="Term end",
        index=True,
        help="Last day of the term. Once it has passed the post is archived "
             "by a daily scheduled action.",
    )
    selection_method = fields.Selection(
        selection=[
            ("elected", "Elected by all residents"),
            ("appointed", "Appointed"),
        ],
        required=True,
        default="appointed",
        help="Building heads may be elected by all residents of the "
             "building (海选) or appointed.",
    )
    vote_count = fields.Integer(
        string="Votes",
        help="Votes received in the election.",
    )
    active = fields.Boolean(default=True, index=True)
    note = fields.Text()

    @api.depends("resident_id.name", "partner_id.name")
    def _compute_holder_name(self):
        for post in self:
            post.holder_name = post.resident_id.name or post.partner_id.name

    # The constraints read as superuser: they check the data, not the user's
    # access (a clerk's create is refused by the record rules right after).
    @api.constrains("resident_id", "partner_id")
    def _check_holder(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for post in self.sudo():
            if not post.resident_id and not post.partner_id:
                raise ValidationError(_(
                    "The post %s needs a holder: a resident or a contact."
                ) % post.type_id.name)

    @api.constrains("type_id", "building_id", "compound_id", "community_id")
    def _check_place(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for post in self.sudo():
            level = post.type_id.level
            if level == "building" and not post.building_id:
                raise ValidationError(_(
                    "The post %s is held on a building: choose the building."
                ) % post.type_id.name)
            if level == "compound" and not post.compound_id:
                raise ValidationError(_(
                    "The post %s is held on a compound: choose the compound."
                ) % post.type_id.name)
            if post.building_id and post.building_id.compound_id != \
                    post.compound_id:
                raise ValidationError(_(
                    "The building %(building)s of the post %(post)s is not in "
                    "the compound %(compound)s."
                ) % {"building": post.building_id.display_name,
                     "post": post.type_id.name,
                     "compound": post.compound_id.display_name})
            if post.compound_id and post.compound_id.community_id != \
                    post.community_id:
                raise ValidationError(_(
                    "The compound %(compound)s of the post %(post)s is not in "
                    "the community %(community)s."
                ) % {"compound": post.compound_id.display_name,
                     "post": post.type_id.name,
                     "community": post.community_id.display_name})

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for post in self.sudo():
            if post.date_end and post.date_end < post.date_start:
                raise ValidationError(_(
                    "The term of the post %(post)s cannot end (%(end)s) "
                    "before it starts (%(start)s)."
                ) % {"post": post.type_id.name, "end": post.date_end,
                     "start": post.date_start})

    @api.constrains("selection_method", "vote_count")
    def _check_vote_count(self):
        # sudo: the constraint reads the record being written; the record rules then
        #   refuse it with a clear AccessError if out of scope
        for post in self.sudo():
            if post.vote_count < 0:
                raise ValidationError(_(
                    "The number of votes of the post %s cannot be negative."
                ) % post.type_id.name)
            if post.selection_method == "elected" and post.vote_count <= 0:
                raise ValidationError(_(
                    "The post %s was elected by the residents: enter the "
                    "number of votes received (more than 0)."
                ) % post.type_id.name)

    @api.onchange("type_id")
    def _onchange_type_id(self):
        """Drop the places a post of this level does not sit on."""
        level = self.type_id.level
        if level in ("compound", "community"):
            self.building_id = False
        if level == "community":
            self.compound_id = False

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.compound_id = self.building_id.compound_id
            self.community_id = self.building_id.compound_id.community_id

    @api.onchange("compound_id")
    def _onchange_compound_id(self):
        if self.compound_id:
            self.community_id = self.compound_id.community_id

    @api.model
    def create(self, vals):
        return super().create(self._place_vals(vals))

    @api.multi
    def write(self, vals):
        return super().write(self._place_vals(vals))

    @api.multi
    def name_get(self):
        result = []
        for post in self:
            place = post.building_id or post.compound_id or post.community_id
            name = "%s %s" % (place.display_name or "", post.type_id.name)
            if post.holder_name:
                name = "%s (%s)" % (name, post.holder_name)
            result.append((post.id, name.strip()))
        return result

    @api.model
    def _place_vals(self, vals):
        """Fill the compound and community from the building (and the
        community from the compound): the place a clerk picks decides them,
        so the record rules never see a post in the wrong community."""
        vals = dict(vals)
        if vals.get("building_id"):
            building = self.env["community.building"].browse(
                vals["building_id"])
            vals["compound_id"] = building.compound_id.id
            vals["community_id"] = building.compound_id.community_id.id
        elif vals.get("compound_id"):
            compound = self.env["community.compound"].browse(
                vals["compound_id"])
            vals["community_id"] = compound.community_id.id
        return vals
