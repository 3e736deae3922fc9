"""Finish the demo database: Chinese for the administrator and new users,
and none of Odoo's sample records in the street's pickers.

Run by bin/run through ``odoo-server shell`` (which rolls back unless the
script commits). zh_CN is already loaded by ``--load-language``. The addons
are installed without Odoo's and OCA's demo data (``create_demo_db`` in
``scripts/lib.sh``); what their plain data still brings that a street has
no use for goes here: the departments "Administration" and "Sales" of
``hr`` (the street's departments are the district's offices of the
generated street). The database's own company becomes the first street
when the street is generated (``community_base/tools/demo_loader.py``).
"""
#: records of Odoo's data that mean nothing in a street office, removed
#: when nothing refers to them
UPSTREAM_RECORDS = ("hr.dep_administration", "hr.dep_sales")

env["res.lang"].search([("code", "=", "zh_CN")]).ensure_one()  # noqa: F821
admin = env.ref("base.user_root")  # noqa: F821
admin.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})
# the administrator's name in the street's language, as the demo users'
admin.partner_id.name = "系统管理员"
env["ir.default"].set("res.partner", "lang", "zh_CN")  # noqa: F821
for xmlid in UPSTREAM_RECORDS:
    record = env.ref(xmlid, raise_if_not_found=False)  # noqa: F821
    if record is None:
        continue
    record = record.with_context(active_test=False)
    if "member_ids" in record._fields and record.member_ids:
        continue
    record.unlink()
env.cr.commit()  # noqa: F821
