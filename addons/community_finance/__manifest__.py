# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Street Office Quasi-Finance",
    "summary": "Finance officers, budgets and budgetary positions of the street",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "Street Office",
    "website": "https://github.com/street-office/street-erp",
    "author": "Street Office ERP",
    "maintainers": [],
    "license": "AGPL-3",
    "installable": True,
    "external_dependencies": {"python": []},
    "depends": ["community_base", "account", "account_budget", "analytic"],
    "data": [
        "security/community_finance_security.xml",
        "views/community_finance_menus.xml",
    ],
}
