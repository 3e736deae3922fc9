"""Compile the login page's and the web client's asset bundles now.

Run by ``odoo shell`` (``warm_assets`` in scripts/lib.sh, which bin/run
calls after an install or upgrade; ``warm-assets`` of the production
image's entrypoint). The first request after an install or upgrade would
otherwise compile them (lessc, concatenation) while the first user waits to
log in. The bundle's list of modules is the one a request computes
(``module_boot``), so that the request finds the same checksum and serves
these attachments instead of compiling again (tests/test_warm_assets.py).
"""
import odoo

from odoo.addons.base.ir.ir_qweb import ir_qweb
from odoo.addons.web.controllers import main as web_main

# ``env`` is the shell's environment on the database being warmed
db_name = env.cr.dbname  # noqa: F821
odoo.http.root.load_addons()
boot, request = web_main.module_boot, ir_qweb.request
web_main.module_boot = lambda db=None: boot(db or db_name)
ir_qweb.request = True
try:
    for bundle in ("web.assets_common", "web.assets_frontend",
                   "web.assets_backend", "web_editor.summernote",
                   "web_editor.assets_editor"):
        env["ir.qweb"]._get_asset_nodes(  # noqa: F821
            bundle, {}, css=True, js=True)
finally:
    web_main.module_boot, ir_qweb.request = boot, request
env.cr.commit()  # noqa: F821
