"""Finish the demo database: Chinese for the administrator and new users.

Run by bin/run through ``odoo-server shell`` (which rolls back unless the
script commits). zh_CN is already loaded by ``--load-language``.
"""
env["res.lang"].search([("code", "=", "zh_CN")]).ensure_one()  # noqa: F821
env.ref("base.user_root").write({"lang": "zh_CN", "tz": "Asia/Shanghai"})  # noqa: F821
env["ir.default"].set("res.partner", "lang", "zh_CN")  # noqa: F821
env.cr.commit()  # noqa: F821
