/* Copyright 2026 Street Office ERP
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
odoo.define("community_base.field_year", function (require) {
    "use strict";

    /**
     * A year kept in an Integer field, shown as "2026".
     *
     * The web client of Odoo 11 formats every integer with the language's
     * thousands separator ("2,026") and has no option to turn it off (the
     * later clients' options="{'format': false}"): the views of our year
     * fields use widget="year" instead. Input is parsed as any integer.
     */
    var basic_fields = require("web.basic_fields");
    var field_registry = require("web.field_registry");

    var FieldYear = basic_fields.FieldInteger.extend({
        className: "o_field_integer o_field_number o_field_year",

        /**
         * @override
         * @private
         * @param {integer|false} value
         * @returns {string}
         */
        _formatValue: function (value) {
            if (typeof value === "number") {
                return String(value);
            }
            return this._super.apply(this, arguments);
        },
    });

    field_registry.add("year", FieldYear);

    return FieldYear;
});
