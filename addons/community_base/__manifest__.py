# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Street Office Base",
    "summary": "Roles, menus and base ledgers of a street office and its communities",
    "version": "11.0.1.0.0",
    "development_status": "Alpha",
    "category": "Street Office",
    "website": "https://github.com/street-office/street-erp",
    "author": "Street Office ERP",
    "maintainers": [],
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "external_dependencies": {"python": []},
    "depends": ["base", "mail", "contacts", "hr"],
    "data": [
        "security/community_base_security.xml",
        "views/community_base_menus.xml",
        "views/res_company_views.xml",
        "views/hr_department_views.xml",
        "views/res_groups_views.xml",
        "views/res_users_views.xml",
    ],
}
