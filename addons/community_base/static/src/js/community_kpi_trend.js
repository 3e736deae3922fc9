/* Copyright 2026 Street Office ERP
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
odoo.define("community_base.community_kpi_trend", function (require) {
    "use strict";

    /**
     * A dashboard tile's trend: one bar per period, its name under it and
     * "period: figure" on hover.
     *
     * The field holds the periods as JSON (community.kpi.trend_points,
     * computed on the server in the reader's language): label (in full),
     * tick (short, under the bar), value (null for a period without a
     * figure: an empty slot, still named) and display (the figure as the
     * tile writes it). A text sparkline said neither which months its bars
     * were nor their figures. Texts are set as text, never as HTML.
     */
    var AbstractField = require("web.AbstractField");
    var field_registry = require("web.field_registry");

    /** height of the tallest bar, in pixels */
    var BAR_HEIGHT = 36;

    var KpiTrend = AbstractField.extend({
        className: "o_community_kpi_trend_chart",
        supportedFieldTypes: ["char"],

        /**
         * @private
         * @returns {Object[]} the periods, oldest first
         */
        _points: function () {
            try {
                return JSON.parse(this.value || "[]") || [];
            } catch (error) {
                return [];
            }
        },

        /**
         * @override
         * @private
         */
        _render: function () {
            var points = this._points();
            this.$el.empty();
            var known = _.filter(_.pluck(points, "value"), function (value) {
                return value !== null;
            });
            if (known.length < 2) {
                return;
            }
            var low = Math.min(0, _.min(known));
            var span = (Math.max(0, _.max(known)) - low) || 1;
            var $bars = $("<div/>", {"class": "o_community_kpi_trend_bars"})
                .css({display: "flex", alignItems: "flex-end",
                      height: BAR_HEIGHT + "px"});
            var $ticks = $("<div/>", {"class": "o_community_kpi_trend_ticks"})
                .css({display: "flex"});
            _.each(points, function (point) {
                var title = point.label + ": " + point.display;
                var empty = point.value === null;
                var height = empty ? 0 : Math.max(
                    2, Math.round((point.value - low) / span * BAR_HEIGHT));
                var $slot = $("<div/>", {
                    "class": "o_community_kpi_trend_point",
                    title: title,
                }).css({flex: "1 1 0", margin: "0 2px", height: "100%",
                        display: "flex", alignItems: "flex-end"});
                $slot.append($("<div/>", {
                    "class": "o_community_kpi_trend_bar" +
                        (empty ? " o_community_kpi_trend_empty" : ""),
                }).css({width: "100%", height: height + "px",
                        background: "#7C7BAD"}));
                $bars.append($slot);
                $ticks.append($("<div/>", {
                    "class": "o_community_kpi_trend_tick",
                    title: title,
                    text: point.tick,
                }).css({flex: "1 1 0", margin: "0 2px", textAlign: "center",
                        fontSize: "10px", color: "#888", overflow: "hidden",
                        whiteSpace: "nowrap"}));
            });
            this.$el.append($bars, $ticks);
        },
    });

    field_registry.add("community_kpi_trend", KpiTrend);

    return KpiTrend;
});
