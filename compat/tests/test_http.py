"""Odoo 11's first request no longer imports every addon while the server
loads its registry (``patch_http``): that import, in the request's thread,
raced the registry's own and broke it ("inherits from non-existing
model")."""
import os
import subprocess
import sys
from pathlib import Path

import odoo

REPO = Path(__file__).resolve().parents[2]

#: what the first request does, in an interpreter of the virtualenv (the
#: layer loaded by its .pth file): which addons did it import?
FIRST_REQUEST = """
import sys
import odoo
from odoo import http
odoo.tools.config.parse_config(["--addons-path", %r])
odoo.modules.module.initialize_sys_path()
http.Root().load_addons()
print("odoo.addons.portal" in sys.modules,
      "odoo.addons.community_base" in sys.modules)
"""


def first_request_imports(**env):
    addons = "%s,%s" % (REPO / "addons", Path(odoo.__file__).parent / "addons")
    environ = {key: value for key, value in os.environ.items()
               if key != "ODOO_PRELOAD_ADDONS"}
    environ.update(env)
    result = subprocess.run([sys.executable, "-c", FIRST_REQUEST % addons],
                            check=True, capture_output=True, text=True,
                            env=environ, timeout=120)
    return result.stdout.split()


def test_first_request_imports_no_addon():
    assert first_request_imports() == ["False", "False"]


def test_an_explicit_preload_is_kept():
    # the check above can fail: Odoo's own default imports them all
    assert first_request_imports(ODOO_PRELOAD_ADDONS="yes") == \
        ["True", "True"]


def test_the_server_module_sets_the_default():
    from odoo import http  # noqa: F401  (patched on import)

    assert os.environ.get("ODOO_PRELOAD_ADDONS") in ("no", "yes")
