"""Run Odoo 11.0 on CPython 3.11.

Odoo 11.0 was written for Python 3.5/3.6. Python 3.7 to 3.11 removed or
changed some things it uses, and PyYAML 6 changed ``yaml.load``. This package
puts them back, without editing any file of Odoo: standard-library aliases
are restored as soon as the package is imported, and Odoo's own modules are
patched right after they are imported, through a post-import hook.

It is imported by every entry point before Odoo: the virtualenv carries an
``odoo11_compat.pth`` file (written by ``scripts/setup-venv.sh``) whose
``import`` line runs at interpreter start-up, so the server, the shell, Odoo's
test runner and pytest all get it.

Each patch is a small function in :mod:`odoo11_compat.stdlib` or
:mod:`odoo11_compat.odoo_patches`; its docstring says which Python version
removed what. Tests in ``compat/tests`` prove each one.
"""
import sys

from . import hooks, odoo_patches, stdlib

MIN_VERSION = (3, 11)

if sys.version_info[:2] != MIN_VERSION:  # pragma: no cover - guarded by setup
    raise ImportError(
        "odoo11_compat targets CPython %d.%d; this is %s"
        % (MIN_VERSION + (sys.version.split()[0],))
    )

stdlib.apply()
hooks.install(odoo_patches.POST_IMPORT_PATCHES)
