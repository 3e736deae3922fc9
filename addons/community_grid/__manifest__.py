# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Street Office Grid Management",
    "summary": "Grid officers and the grid management menu of the street",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "Street Office",
    "website": "https://github.com/street-office/street-erp",
    "author": "Street Office ERP",
    "maintainers": [],
    "license": "AGPL-3",
    "installable": True,
    "external_dependencies": {"python": []},
    "depends": ["community_base"],
    "data": [
        "security/community_grid_security.xml",
        "views/community_grid_menus.xml",
        "views/res_users_views.xml",
    ],
}
