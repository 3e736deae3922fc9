/* Copyright 2026 Street Office ERP
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
odoo.define("community_base.web_client_zh", function (require) {
    "use strict";

    /* What the web client shows in English whatever the user's language.
     *
     * - Every error and warning dialog takes its title from the server's
     *   untranslatable message "Odoo Server Error" (odoo/http.py): a clerk
     *   saw it above every refusal. The known messages are translated here.
     * - On a phone, web_responsive gathers a form's header buttons into a
     *   dropdown labelled "Task" (translated in i18n_extra), shown even
     *   when the form has no button to offer: it is hidden then.
     */
    var core = require("web.core");
    var crashManager = require("web.CrashManager");
    var FormRenderer = require("web.FormRenderer");

    var _lt = core._lt;

    // the title of a refusal (UserError, ValidationError, AccessError ...)
    var WARNING_TITLES = {
        "Odoo Server Error": _lt("Message from the system"),
        "Odoo Session Invalid": _lt("Your session is no longer valid"),
        "Odoo Session Expired": _lt("Your session has expired"),
        "404: Not Found": _lt("Not found"),
    };
    // the title of an unexpected server error
    var ERROR_TITLES = _.extend({}, WARNING_TITLES, {
        "Odoo Server Error": _lt("System error"),
    });

    function translated(error, titles) {
        if (error && !error.type && titles[error.message]) {
            return _.extend({}, error, {message: String(titles[error.message])});
        }
        return error;
    }

    var showWarning = crashManager.show_warning;
    var showError = crashManager.show_error;
    crashManager.show_warning = function (error) {
        return showWarning.call(this, translated(error, WARNING_TITLES));
    };
    crashManager.show_error = function (error) {
        return showError.call(this, translated(error, ERROR_TITLES));
    };

    FormRenderer.include({
        /**
         * Hide web_responsive's phone dropdown of header buttons when none
         * of them is visible.
         *
         * @override
         */
        _renderHeaderButtons: function () {
            var $buttons = this._super.apply(this, arguments);
            var $dropdown = $buttons.find(".o_statusbar_buttons_dropdown");
            if ($dropdown.length) {
                var visible = $dropdown.find(".dropdown-menu button")
                    .not(".o_invisible_modifier").length;
                $dropdown.toggleClass("o_hidden", !visible);
            }
            return $buttons;
        },
    });
});
