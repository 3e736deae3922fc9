"""Standard-library names restored by ``odoo11_compat.stdlib``."""
import base64
import collections
import collections.abc
import inspect
import sys
import threading

import pytest

from odoo11_compat import stdlib


def test_layer_loaded_by_pth_before_any_test():
    assert "odoo11_compat" in sys.modules
    assert sys.version_info[:2] == (3, 11)


# --- collections ABC aliases (removed in 3.10) -----------------------------


def test_collections_aliases_are_the_abc_classes():
    assert collections.Mapping is collections.abc.Mapping
    assert collections.MutableMapping is collections.abc.MutableMapping
    assert collections.Sized is collections.abc.Sized
    for name in stdlib.COLLECTIONS_ABC_ALIASES:
        assert getattr(collections, name) is getattr(collections.abc, name)


def test_collections_aliases_absent_without_the_layer(pristine):
    assert pristine(
        "import collections; print(hasattr(collections, 'Mapping'))") == "False"


def test_odoo_imports_collections_mapping():
    # qweb.py: "from collections import OrderedDict, Sized, Mapping"
    from odoo.addons.base.ir.ir_qweb import qweb

    assert qweb.Mapping is collections.abc.Mapping


# --- inspect.getargspec / formatargspec (removed in 3.11) ------------------


def _method(self, a, b=1, *args, **kw):
    pass


def test_getargspec_of_function_with_defaults_and_varargs():
    assert inspect.getargspec(_method) == (["self", "a", "b"], "args", "kw", (1,))
    spec = inspect.getargspec(lambda x: x)
    assert (spec.args, spec.varargs, spec.keywords, spec.defaults) == (
        ["x"], None, None, None)


@pytest.mark.parametrize("source", [
    "def f(a, *, b): pass",
    "def f(a: int): pass",
    "def f(a) -> int: pass",
])
def test_getargspec_refuses_kwonly_args_and_annotations(source):
    namespace = {}
    exec(source, namespace)
    with pytest.raises(ValueError, match="keyword-only parameters or annotations"):
        inspect.getargspec(namespace["f"])


def test_inspect_argspec_absent_without_the_layer(pristine):
    assert pristine(
        "import inspect; print(hasattr(inspect, 'getargspec'),"
        " hasattr(inspect, 'formatargspec'))") == "False False"


@pytest.mark.parametrize("args, expected", [
    # rendered by Python 3.6's inspect.formatargspec
    ((["self", "a", "b"], "args", "kw", (1,)), "(self, a, b=1, *args, **kw)"),
    ((["self"], None, None, None), "(self)"),
    (([], None, None, None), "()"),
    ((["self", "ids", "context"], None, None, (None,)),
     "(self, ids, context=None)"),
    ((["a", "b"], None, None, ("x", 2.5)), "(a='x', b=2.5)"),
    ((["a"], None, "kw", None), "(a, **kw)"),
    (([], "args", None, None), "(*args)"),
    ((["a"], None, None, None, ["k"], {"k": 1}), "(a, *, k=1)"),
    ((["a"], "v", None, None, ["k"], None), "(a, *v, k)"),
    ((["a"], None, None, None, (), None, {"a": int, "return": str}),
     "(a: int) -> str"),
])
def test_formatargspec_renders_like_python36(args, expected):
    assert inspect.formatargspec(*args) == expected


def test_formatargspec_custom_formatters():
    assert inspect.formatargspec(
        ["a"], None, None, (1,), formatvalue=lambda v: "=<%s>" % v) == "(a=<1>)"


def test_ormcache_on_a_method_hits_the_cache_on_second_call():
    from odoo.tools.cache import STAT, ormcache

    class Pool:
        db_name = "compat_nodb"
        cache = {}

    class Model:
        _name = "compat.model"
        pool = Pool()
        calls = 0

        @ormcache("a", "b")
        def compute(self, a, b=1, *args, **kw):
            Model.calls += 1
            return a + b

    record = Model()
    assert record.compute(1, b=2) == 3
    assert record.compute(1, b=2) == 3
    assert record.compute(2) == 3
    assert Model.calls == 2
    counter = STAT[("compat_nodb", "compat.model", Model.compute.__wrapped__)]
    assert (counter.hit, counter.miss) == (1, 2)
    # the decorated method keeps its signature: odoo.api.guess() relies on it
    assert inspect.getargspec(Model.compute).args == ["self", "a", "b"]


# --- base64.encodestring / decodestring (removed in 3.9) -------------------


def test_base64_string_aliases_roundtrip():
    data = bytes(range(256)) * 3
    encoded = base64.encodestring(data)
    assert encoded == base64.encodebytes(data)
    assert encoded.count(b"\n") > 1  # MIME lines of 76 characters, like 3.6
    assert base64.decodestring(encoded) == data


def test_base64_string_aliases_absent_without_the_layer(pristine):
    assert pristine(
        "import base64; print(hasattr(base64, 'encodestring'),"
        " hasattr(base64, 'decodestring'))") == "False False"


# --- threading.Thread.isAlive (removed in 3.9) -----------------------------


def test_thread_isalive():
    event = threading.Event()
    thread = threading.Thread(target=event.wait)
    assert thread.isAlive() is False
    thread.start()
    try:
        assert thread.isAlive() is True
    finally:
        event.set()
        thread.join()
    assert thread.isAlive() is False


def test_thread_isalive_absent_without_the_layer(pristine):
    assert pristine(
        "import threading; print(hasattr(threading.Thread, 'isAlive'))") == "False"


# --- apply() ----------------------------------------------------------------


def test_patches_do_not_replace_existing_names(monkeypatch):
    sentinel = object()
    monkeypatch.setattr(base64, "encodestring", sentinel)
    stdlib.apply()
    assert base64.encodestring is sentinel
