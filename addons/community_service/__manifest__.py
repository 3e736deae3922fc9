# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Street Office Service Hall",
    "summary": "The one-stop service hall: service catalogue, reception "
               "ledger with receipts and the \"123\" reply promise, window "
               "statistics and the daily duty roster with handover",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "Street Office",
    "website": "https://github.com/street-office/street-erp",
    "author": "Street Office ERP",
    "maintainers": [],
    "license": "AGPL-3",
    "installable": True,
    "external_dependencies": {"python": []},
    "depends": ["community_base", "community_grid", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/service_rules.xml",
        "data/service_request_sequence_data.xml",
        "data/service_cron_data.xml",
        "data/service_kpi_data.xml",
        "views/community_service_menus.xml",
        "views/service_item_views.xml",
        "views/service_request_views.xml",
        "views/service_window_report_views.xml",
        "views/service_duty_views.xml",
        "views/grid_case_views.xml",
        "wizards/service_request_reject_wizard_views.xml",
        "report/service_request_receipt_templates.xml",
    ],
}
