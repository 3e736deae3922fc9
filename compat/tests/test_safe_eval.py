"""safe_eval on Python 3.11: what Odoo 11 allows works, the rest is refused."""
import importlib.util
import sys

import pytest

from odoo.tools.safe_eval import const_eval, expr_eval, safe_eval
from odoo.tools.safe_eval import test_expr as check_expr

from odoo11_compat import odoo_patches

safe_eval_module = sys.modules["odoo.tools.safe_eval"]

LONG_LIST = "[%s]" % ", ".join(str(i) for i in range(40))
LONG_TUPLE = "(%s)" % ", ".join(str(i) for i in range(40))
LONG_SET = "{%s}" % ", ".join(str(i) for i in range(40))
LONG_DICT = "{%s}" % ", ".join("'k%d': %d" % (i, i) for i in range(40))
LONG_NESTED = "[%s]" % ", ".join("('f%d', '=', [%d, 'x'])" % (i, i) for i in range(40))


@pytest.fixture(scope="module")
def pristine_safe_eval():
    """odoo.tools.safe_eval executed again under another name: unpatched."""
    path = safe_eval_module.__file__
    name = "odoo.tools._compat_pristine_safe_eval"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(name, None)


# --- what Odoo 11 evaluates every day ---------------------------------------

EXPRESSIONS = [
    ("[('state', 'in', ['draft', 'open']), ('id', 'not in', ids)]", {"ids": [1]},
     [("state", "in", ["draft", "open"]), ("id", "not in", [1])]),
    ("'a' in x and 'z' not in x", {"x": "abc"}, True),
    ("x is None", {"x": None}, True),
    ("x is not None", {"x": None}, False),
    ("x is not None and x or False", {"x": 3}, 3),
    ("'%s' % x", {"x": 4}, "4"),
    ("'%s-%s' % (a, b)", {"a": "A", "b": 2}, "A-2"),
    ("'%d%%' % x", {"x": 5}, "5%"),
    ("'%(a)s' % d", {"d": {"a": 1}}, "1"),
    ("[y * 2 for y in x if y]", {"x": [0, 1, 2]}, [2, 4]),
    ("{k: v for k, v in d.items()}", {"d": {1: 2}}, {1: 2}),
    ("{y for y in x}", {"x": [1, 1]}, {1}),
    ("any(y > 1 for y in x)", {"x": [1, 2]}, True),
    ("sum(y for y in x)", {"x": [1, 2, 3]}, 6),
    ("(lambda z, w=1: z + w)(2)", {}, 3),
    ("max(x, key=lambda r: -r)", {"x": [1, 3, 2]}, 1),
    ("f(**a)", {"f": dict, "a": {"k": 1}}, {"k": 1}),
    ("f(*b, **a)", {"f": lambda *a, **k: (a, k), "a": {"k": 1}, "b": [1]},
     ((1,), {"k": 1})),
    ("f(1, k=2)", {"f": lambda *a, **k: (a, k)}, ((1,), {"k": 2})),
    ("x.get('k', 2)", {"x": {}}, 2),
    ("x[1:2] + x[-1:]", {"x": [1, 2, 3]}, [2, 3]),
    ("1 < x <= 3", {"x": 2}, True),
    ("not x and -y", {"x": 0, "y": 1}, -1),
    ("a if x else b", {"x": 0, "a": 1, "b": 2}, 2),
    ("x // 2 + x % 3 - x ** 2 * 1.0 / 4", {"x": 4}, 2 + 1 - 4.0),
    ("(1, {'a': 9 * 2}, (True, False, None))", {}, (1, {"a": 18}, (True, False, None))),
    (LONG_LIST, {}, list(range(40))),
    (LONG_TUPLE, {}, tuple(range(40))),
    (LONG_SET, {}, set(range(40))),
    (LONG_DICT, {}, {"k%d" % i: i for i in range(40)}),
    ("[%s]" % ", ".join(["x"] * 40), {"x": 1}, [1] * 40),
    ("(%s)" % ", ".join(["x"] * 40), {"x": 1}, (1,) * 40),
    ("{%s}" % ", ".join("x + %d" % i for i in range(40)), {"x": 0}, set(range(40))),
    ("{%s}" % ", ".join("'k%d': x" % i for i in range(40)), {"x": 1},
     {"k%d" % i: 1 for i in range(40)}),
]


@pytest.mark.parametrize("expr, context, expected", EXPRESSIONS,
                         ids=[e[0][:40] for e in EXPRESSIONS])
def test_safe_eval_typical_expressions(expr, context, expected):
    assert safe_eval(expr, dict(context)) == expected


@pytest.mark.parametrize("expr", [
    "[('state', 'in', ['draft', 'open'])]",
    "[('partner_id', '!=', False), ('id', 'not in', [1, 2])]",
    "'%s' % x",
    "'%s-%s' % (a, b)",
    "x is not None",
    "any(y for y in x)",
    "f(**a)",
    "(lambda z: z)(1)",
    "try:\n    x = 1\nexcept Exception:\n    x = 2",
])
def test_patch_is_needed_pristine_whitelist_refuses(pristine_safe_eval, expr):
    mode = "exec" if "\n" in expr else "eval"
    with pytest.raises(ValueError, match="forbidden opcode"):
        pristine_safe_eval.test_expr(expr, pristine_safe_eval._SAFE_OPCODES, mode)
    check_expr(expr, safe_eval_module._SAFE_OPCODES, mode)


EXEC_STATEMENTS = [
    ("try:\n    x = 1 / 0\nexcept Exception as e:\n    x = str(e)\nresult = x",
     "division by zero"),
    ("try:\n    x = 1\nexcept Exception:\n    x = 2\nelse:\n    x = 3\n"
     "finally:\n    y = 4\nresult = (x, y)", (3, 4)),
    ("try:\n    raise Exception('w')\nexcept (Exception, Exception) as e:\n"
     "    result = 'caught'", "caught"),
    ("assert x == 1, 'x must be 1'\nresult = 'ok'", "ok"),
    ("result = 0\nfor i in range(5):\n    if i == 1:\n        continue\n"
     "    if i == 3:\n        break\n    result += i", 2),
    ("i = 0\nwhile i < 3:\n    i += 1\nresult = i", 3),
    ("def f(a, b=2, *c, **d):\n    return a + b + len(c) + len(d)\n"
     "result = f(1, 2, 3, k=4)", 5),
    ("l = [1]\nl[0] = 2\nl += [3]\nresult = l", [2, 3]),
    ("a, b = 1, 2\na, b = b, a\nresult = (a, b)", (2, 1)),
    ("d = {}\nd['a'] = 1\nresult = d", {"a": 1}),
    ("del x\ntry:\n    x\nexcept Exception:\n    result = 'deleted'", "deleted"),
]


@pytest.mark.parametrize("code, expected", EXEC_STATEMENTS,
                         ids=[c[0].split("\n")[0][:30] for c in EXEC_STATEMENTS])
def test_safe_eval_exec_mode(code, expected):
    context = {"x": 1}
    safe_eval(code, context, mode="exec", nocopy=True)
    assert context["result"] == expected


def test_failed_assert_raises_in_exec_mode():
    with pytest.raises(ValueError, match="x must be 1"):
        safe_eval("assert x == 1, 'x must be 1'", {"x": 2}, mode="exec")


# --- what stays forbidden -----------------------------------------------------

FORBIDDEN = [
    ("__import__('os')", "eval", NameError, "forbidden name '__import__'"),
    ("import os", "exec", ValueError, "IMPORT_NAME"),
    ("from os import path", "exec", ValueError, "IMPORT_NAME"),
    ("().__class__.__bases__", "eval", NameError, "forbidden name '__class__'"),
    ("x.__class__", "eval", NameError, "__class__"),
    ("x.gi_frame", "eval", NameError, "gi_frame"),
    ("(y for y in x).gi_frame.f_globals", "eval", NameError, "gi_frame"),
    ("open('/etc/passwd')", "eval", ValueError, "name 'open' is not defined"),
    ("exec('1')", "eval", ValueError, "name 'exec' is not defined"),
    ("eval('1')", "eval", ValueError, "name 'eval' is not defined"),
    ("getattr(x, 'a')", "eval", ValueError, "name 'getattr' is not defined"),
    ("a.b = 1", "exec", ValueError, "STORE_ATTR"),
    ("del a.b", "exec", ValueError, "DELETE_ATTR"),
    ("with x:\n    pass", "exec", ValueError, "BEFORE_WITH"),
    ("global y\ny = 1", "exec", ValueError, "STORE_GLOBAL"),
    ("def f():\n    global x\n    del x\nf()", "exec", ValueError, "DELETE_GLOBAL"),
    ("def f():\n    y = 1\n    return lambda: y\nr = f()", "exec", ValueError,
     "LOAD_CLOSURE"),
    ("(lambda a: lambda: a)(1)()", "eval", ValueError, "LOAD_CLOSURE"),
    ("class A:\n    pass", "exec", ValueError, "LOAD_BUILD_CLASS"),
    ("a, *b = [1, 2]", "exec", ValueError, "UNPACK_EX"),
    ("del x[0]", "exec", ValueError, "DELETE_SUBSCR"),
    # 3.11 compiles these with opcodes whitelisted for plain displays and
    # f(**kw); 3.6 compiled them to opcodes Odoo 11 never allowed
    ("[*x]", "eval", ValueError, "BUILD_LIST_UNPACK"),
    ("(*x,)", "eval", ValueError, "BUILD_TUPLE_UNPACK"),
    ("{*x}", "eval", ValueError, "BUILD_SET_UNPACK"),
    ("{**d}", "eval", ValueError, "BUILD_MAP_UNPACK"),
    ("f(1, *x)", "eval", ValueError, "BUILD_TUPLE_UNPACK_WITH_CALL"),
    ("f(*x, *x)", "eval", ValueError, "BUILD_TUPLE_UNPACK_WITH_CALL"),
    ("f(k=1, **d)", "eval", ValueError, "BUILD_MAP_UNPACK_WITH_CALL"),
    ("f(**d, **d)", "eval", ValueError, "BUILD_MAP_UNPACK_WITH_CALL"),
    ("f'{x}'", "eval", ValueError, "FORMAT_VALUE"),
    ("y = [*x]", "exec", ValueError, "BUILD_LIST_UNPACK"),
    ("lambda: {**d}", "eval", ValueError, "BUILD_MAP_UNPACK"),
]


@pytest.mark.parametrize("expr, mode, error, message", FORBIDDEN,
                         ids=[f[0].split("\n")[0][:30] for f in FORBIDDEN])
def test_safe_eval_still_refuses(expr, mode, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        safe_eval(expr, {"x": [1], "a": object(), "d": {}, "f": dict}, mode=mode)


@pytest.mark.parametrize("expr", [
    "f(*x)", "f(**d)", "f(*x, **d)", "f(*x, k=1)", "f(1, k=2)", "[1, 2]",
    "a, b = x", "{'a': 1, 'b': x}", "'%s' % (1,)",
])
def test_unpacking_checker_lets_python36_forms_through(expr):
    mode = "exec" if "=" in expr and "'" not in expr else "eval"
    odoo_patches.Py36UnpackingChecker.check(expr, mode)


def test_unpacking_checker_is_called_by_test_expr_users():
    # mis_builder and ir_actions import test_expr by name, after the patch
    assert getattr(safe_eval_module.test_expr, "_odoo11_compat", False)
    with pytest.raises(ValueError, match="BUILD_LIST_UNPACK"):
        const_eval("[*'ab']")
    with pytest.raises(ValueError, match="FORMAT_VALUE"):
        expr_eval(b"f'{1}'")


def test_refused_opcodes_were_refused_before_too(pristine_safe_eval):
    from opcode import opmap

    added = safe_eval_module._SAFE_OPCODES - pristine_safe_eval._SAFE_OPCODES
    names = {name for name, code in opmap.items() if code in added}
    assert names <= set(odoo_patches.CONST_OPCODES_311) | set(
        odoo_patches.EXPR_OPCODES_311) | set(odoo_patches.SAFE_OPCODES_311)
    for dangerous in ("IMPORT_NAME", "IMPORT_FROM", "STORE_ATTR", "DELETE_ATTR",
                      "STORE_GLOBAL", "DELETE_GLOBAL", "BEFORE_WITH",
                      "LOAD_CLOSURE", "LOAD_DEREF", "STORE_DEREF", "MAKE_CELL",
                      "COPY_FREE_VARS", "LOAD_BUILD_CLASS", "IMPORT_STAR",
                      "SETUP_ANNOTATIONS", "GET_AWAITABLE", "SEND",
                      "LOAD_CLASSDEREF", "UNPACK_EX", "LIST_TO_TUPLE"):
        if dangerous in opmap and dangerous != "LIST_TO_TUPLE":
            assert opmap[dangerous] not in safe_eval_module._SAFE_OPCODES, dangerous


# --- const_eval / expr_eval ---------------------------------------------------


@pytest.mark.parametrize("expr, expected", [
    ("10", 10),
    ("[1,2, (3,4), {'foo':'bar'}]", [1, 2, (3, 4), {"foo": "bar"}]),
    ('(1, {"a": {2.5}}, [None, u"foo"])', (1, {"a": {2.5}}, [None, "foo"])),
    ("-1", -1),
    (LONG_LIST, list(range(40))),
    (LONG_TUPLE, tuple(range(40))),
    (LONG_SET, set(range(40))),
    (LONG_DICT, {"k%d" % i: i for i in range(40)}),
    (LONG_NESTED, [("f%d" % i, "=", [i, "x"]) for i in range(40)]),
])
def test_const_eval_literals(expr, expected):
    assert const_eval(expr) == expected
    assert expr_eval(expr) == expected


def test_const_eval_test_const_of_odoo_base_tests(pristine_safe_eval):
    # odoo/addons/base/tests/test_base.py TestSafeEval.test_const
    expr = '(1, {"a": {2.5}}, [None, u"foo"])'
    with pytest.raises(ValueError, match="forbidden opcode"):
        pristine_safe_eval.const_eval(expr)
    assert const_eval(expr) == (1, {"a": {2.5}}, [None, "foo"])


@pytest.mark.parametrize("expr", [LONG_LIST, LONG_DICT, LONG_SET, LONG_NESTED])
def test_long_literals_need_the_patch(pristine_safe_eval, expr):
    with pytest.raises(ValueError, match="forbidden opcode"):
        pristine_safe_eval.const_eval(expr)


@pytest.mark.parametrize("expr", [
    "a", "x + 1", "[1][0]", "f()", "[x for x in (1, 2)]", "(lambda: 1)",
    "__import__('sys').modules", "{}.keys()",
])
def test_const_eval_refuses_code(expr):
    with pytest.raises((ValueError, NameError)):
        const_eval(expr)


def test_const_eval_folds_constant_arithmetic_like_python36():
    """Odoo's docstring says ``const_eval("1+2")`` raises: not since 3.x.

    CPython folds ``1+2`` into the constant 3 at compile time (the peephole
    optimizer of 3.6 did already, the AST optimizer of 3.7+ does now), so
    there is no BINARY_ADD left to refuse, on 3.6 as on 3.11. An operation
    that is not folded is refused, as the docstring means.
    """
    assert const_eval("1+2") == 3
    with pytest.raises(ValueError, match="BINARY_OP"):
        const_eval("[1] + x")


@pytest.mark.parametrize("expr, expected", [
    ("1+2", 3), ("[1,2]*2", [1, 2, 1, 2]), ("[1][0]", 1), ("3 in (1, 2)", False),
    ("'%s' % 1", "1"), ("(1, 2) is not None", True),
])
def test_expr_eval_operations(expr, expected):
    assert expr_eval(expr) == expected


@pytest.mark.parametrize("expr", [
    "a", "__import__('sys').modules", "f(1)", "len([])", "[x for x in (1, 2)]",
])
def test_expr_eval_refuses_names_and_calls(expr):
    with pytest.raises((ValueError, NameError)):
        expr_eval(expr)


def test_expr_eval_docstring_example_refused_with_3_11_message():
    # Odoo's docstring: ValueError: opcode LOAD_NAME not allowed
    with pytest.raises(ValueError, match="LOAD_NAME"):
        expr_eval("a")
