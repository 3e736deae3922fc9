"""The post-import hook of ``odoo11_compat.hooks``."""
import importlib
import sys

import pytest

import odoo11_compat
from odoo11_compat import hooks, odoo_patches

MODULE = "compat_hook_throwaway"


def _mark(module):
    module.patched = getattr(module, "patched", 0) + 1


@pytest.fixture
def throwaway(tmp_path, monkeypatch):
    """A module on a temporary path, never imported yet, forgotten afterwards."""
    (tmp_path / (MODULE + ".py")).write_text(
        "import sys\n"
        "executed = True\n"
        "patched_when_executed = getattr(\n"
        "    sys.modules[__name__], 'patched', 0)\n"
        "def fail():\n"
        "    raise RuntimeError('line 6')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    sys.modules.pop(MODULE, None)
    yield MODULE
    sys.modules.pop(MODULE, None)


@pytest.fixture
def finder():
    """A fresh finder watching the throwaway module, first on sys.meta_path."""
    finder = hooks.PostImportFinder({MODULE: _mark})
    sys.meta_path.insert(0, finder)
    yield finder
    sys.meta_path.remove(finder)


def test_watched_module_is_patched_after_it_executed(throwaway, finder):
    module = importlib.import_module(throwaway)
    assert module.executed
    assert module.patched_when_executed == 0
    assert module.patched == 1
    assert isinstance(module.__spec__.loader, hooks.PatchingLoader)


def test_watched_module_is_patched_once(throwaway, finder):
    importlib.import_module(throwaway)
    module = importlib.import_module(throwaway)
    assert module.patched == 1


def test_unwatched_module_is_left_to_the_other_finders(throwaway):
    finder = hooks.PostImportFinder({"some.other.module": _mark})
    assert finder.find_spec(throwaway) is None
    sys.meta_path.insert(0, finder)
    try:
        module = importlib.import_module(throwaway)
    finally:
        sys.meta_path.remove(finder)
    assert not hasattr(module, "patched")


def test_missing_module_still_raises(finder):
    finder.patches["compat_hook_missing"] = _mark
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("compat_hook_missing")


def test_wrapped_loader_keeps_source_for_tracebacks(throwaway, finder):
    import linecache
    import traceback

    module = importlib.import_module(throwaway)
    assert "line 6" in module.__spec__.loader.get_source(throwaway)
    linecache.clearcache()
    with pytest.raises(RuntimeError) as info:
        module.fail()
    assert "raise RuntimeError('line 6')" in "".join(
        traceback.format_tb(info.value.__traceback__))


@pytest.fixture
def no_finder(monkeypatch):
    """sys.meta_path without the layer's finder (restored afterwards)."""
    monkeypatch.setattr(sys, "meta_path", [
        f for f in sys.meta_path if not isinstance(f, hooks.PostImportFinder)])


def test_install_patches_modules_already_imported(throwaway, no_finder):
    module = importlib.import_module(throwaway)
    assert not hasattr(module, "patched")
    hooks.install({throwaway: _mark})
    assert module.patched == 1
    assert isinstance(sys.meta_path[0], hooks.PostImportFinder)


def test_install_is_idempotent(throwaway, no_finder):
    module = importlib.import_module(throwaway)
    hooks.install({throwaway: _mark})
    hooks.install({throwaway: _mark})
    assert module.patched == 1
    assert sum(isinstance(f, hooks.PostImportFinder) for f in sys.meta_path) == 1


def test_layer_finder_is_installed_with_the_odoo_patches():
    finders = [f for f in sys.meta_path if isinstance(f, hooks.PostImportFinder)]
    assert len(finders) == 1
    assert finders[0].patches == odoo_patches.POST_IMPORT_PATCHES
    assert odoo11_compat.MIN_VERSION == sys.version_info[:2]


@pytest.mark.parametrize("name", sorted(odoo_patches.POST_IMPORT_PATCHES))
def test_every_watched_module_was_imported_through_the_hook(name):
    module = importlib.import_module(name)
    # yaml may be imported before the hook (then patched by install())
    if name != "yaml":
        assert isinstance(module.__spec__.loader, hooks.PatchingLoader)
