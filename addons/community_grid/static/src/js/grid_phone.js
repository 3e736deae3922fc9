/* Copyright 2026 Street Office ERP
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
odoo.define("community_grid.grid_phone", function (require) {
    "use strict";

    /* What a grid officer's phone needs of the web client.
     *
     * - many2many_binary_thumbnails: a case's photos as thumbnails that
     *   open the full image, where many2many_binary lists file names.
     * - On the dispatch board a phone shows one step at a time: an empty
     *   step says what waits there, instead of a blank screen.
     * - A list column with class="o_phone_hidden" is left out on a phone,
     *   so that the list keeps to the screen.
     */
    var config = require("web.config");
    var core = require("web.core");
    var fieldRegistry = require("web.field_registry");
    var KanbanColumn = require("web.KanbanColumn");
    var ListRenderer = require("web.ListRenderer");
    var relationalFields = require("web.relational_fields");

    var _t = core._t;
    var _lt = core._lt;
    var qweb = core.qweb;

    var IMAGE_TYPES = /^image\/(gif|jpe?g|png|bmp|webp)$/;

    var FieldMany2ManyBinaryThumbnails =
        relationalFields.FieldMany2ManyBinaryMultiFiles.extend({
            /**
             * The full image, shown by the browser, not downloaded.
             *
             * @override
             */
            _getFileUrl: function (attachment) {
                if (IMAGE_TYPES.test(attachment.mimetype || "")) {
                    return "/web/image/" + attachment.id;
                }
                return this._super.apply(this, arguments);
            },
            /**
             * @override
             */
            _render: function () {
                this._generatedMetadata();
                this.$(".oe_placeholder_files, .oe_attachments").replaceWith(
                    $(qweb.render("community_grid.AttachmentThumbnails", {
                        widget: this,
                        isImage: function (file) {
                            return IMAGE_TYPES.test(file.data.mimetype || "");
                        },
                    })));
                this.$(".oe_fileupload").show();
            },
        });
    fieldRegistry.add("many2many_binary_thumbnails",
        FieldMany2ManyBinaryThumbnails);

    // what waits at each step of a case, shown when none does
    var CASE_STEP_HINTS = {
        report: _lt("Cases reported on a visit, by phone or at the office wait here to be dispatched."),
        dispatch: _lt("Dispatched cases wait here for their handler's feedback."),
        handle: _lt("Handled cases wait here to be verified."),
        verify: _lt("Verified cases wait here to be closed."),
        close: _lt("Closed cases wait here for their evaluation."),
        evaluate: _lt("Evaluated cases end here."),
    };

    function caseStep(domain) {
        var leaf = _.find(domain || [], function (term) {
            return _.isArray(term) && term[0] === "state" && term[1] === "=";
        });
        return leaf && leaf[2];
    }

    KanbanColumn.include({
        /**
         * A column of the dispatch board with no case says so.
         *
         * @override
         */
        start: function () {
            var result = this._super.apply(this, arguments);
            if (this.modelName === "grid.case" && this.data.count === 0) {
                var hint = CASE_STEP_HINTS[caseStep(this.data.domain)];
                $(qweb.render("community_grid.KanbanEmptyColumn", {
                    hint: hint ? String(hint) : "",
                    nothing: _t("No case at this step now."),
                })).appendTo(this.$el);
            }
            return result;
        },
    });

    ListRenderer.include({
        /**
         * @override
         */
        _processColumns: function () {
            this._super.apply(this, arguments);
            if (config.device.isMobile) {
                this.columns = _.reject(this.columns, function (node) {
                    return /(^|\s)o_phone_hidden(\s|$)/.test(
                        node.attrs.class || "");
                });
            }
        },
    });

    return {
        FieldMany2ManyBinaryThumbnails: FieldMany2ManyBinaryThumbnails,
    };
});
