"""QWeb's hand-built ASTs on Python 3.11 (``patch_qweb``, ``patch_ir_qweb``)."""
import ast
import re
import sys

import pytest

from odoo.addons.base.ir.ir_qweb import qweb as qweb_module
from odoo.addons.base.ir.ir_qweb.qweb import QWeb, QWebException

from odoo11_compat.odoo_patches import QWebAstFixer, compile_qweb


def _py36_expression():
    """``x if x is not None else None``, built the way QWeb 11 builds ASTs."""
    return ast.Expression(body=ast.IfExp(
        test=ast.Compare(left=ast.Name(id="x", ctx=ast.Load()),
                         ops=[ast.IsNot()],
                         comparators=[ast.Name(id="None", ctx=ast.Load())]),
        body=ast.Name(id="x", ctx=ast.Load()),
        orelse=ast.Name(id="None", ctx=ast.Load())))


def test_python311_refuses_python36_asts():
    tree = ast.fix_missing_locations(_py36_expression())
    with pytest.raises(ValueError, match="None"):
        compile(tree, "<py36>", "eval")


def test_fixer_turns_name_constants_into_constants():
    tree = QWebAstFixer.fix(_py36_expression())
    constants = [n for n in ast.walk(tree) if isinstance(n, ast.Constant)]
    assert [c.value for c in constants] == [None, None]
    assert not [n for n in ast.walk(tree)
                if isinstance(n, ast.Name) and n.id in ("None", "True", "False")]
    code = compile(tree, "<fixed>", "eval")
    assert eval(code, {"x": 0}) == 0
    assert eval(code, {"x": None}) is None


def test_fixer_leaves_stored_names_alone():
    # only loads are constants; a Store of "True" is a syntax error anyway
    node = ast.Name(id="True", ctx=ast.Store())
    assert QWebAstFixer().visit(node) is node


def test_fixer_adds_posonlyargs_and_type_ignores():
    # a Python 3.6 FunctionDef: arguments without posonlyargs, Module
    # without type_ignores
    args = ast.arguments(args=[ast.arg(arg="self", annotation=None)],
                         vararg=None, kwarg=None)
    for field in ("posonlyargs", "kwonlyargs", "kw_defaults", "defaults"):
        if hasattr(args, field):
            delattr(args, field)
    func = ast.FunctionDef(name="f", args=args, body=[
        ast.Return(value=ast.Name(id="True", ctx=ast.Load()))],
        decorator_list=[], returns=None)
    module = ast.Module(body=[func])
    assert not hasattr(module, "type_ignores")
    fixed = QWebAstFixer.fix(module)
    assert fixed.type_ignores == []
    assert fixed.body[0].args.posonlyargs == []
    assert fixed.body[0].args.kwonlyargs == []
    namespace = {}
    exec(compile(fixed, "<fixed>", "exec"), namespace)
    assert namespace["f"](None) is True


def test_fixer_puts_every_node_on_line_one():
    tree = ast.parse("a +\\\n b", mode="eval")
    tree.body.left.lineno = 5  # a range that ends before it starts
    fixed = QWebAstFixer.fix(tree)
    assert {n.lineno for n in ast.walk(fixed) if hasattr(n, "lineno")} == {1}
    assert eval(compile(fixed, "<x>", "eval"), {"a": 1, "b": 2}) == 3


def test_compile_qweb_passes_source_strings_through():
    assert eval(compile_qweb("1 + 1", "<str>", "eval")) == 2


def test_qweb_modules_compile_with_the_fixer():
    ir_qweb = sys.modules["odoo.addons.base.ir.ir_qweb.ir_qweb"]
    assert qweb_module.compile is compile_qweb
    assert ir_qweb.compile is compile_qweb


TEMPLATES = """<templates>
  <t t-name="item"><li t-att-class="cls" t-att-data-n="item_index" t-esc="item"/></t>
  <t t-name="list">
    <ul t-if="items" t-attf-id="list-{{ name }}">
      <t t-foreach="items" t-as="item">
        <t t-call="item"><t t-set="cls" t-value="'odd' if item_odd else None"/></t>
      </t>
    </ul>
    <p t-elif="name is not None">empty <t t-esc="name"/></p>
    <p t-else="">nothing</p>
    <t t-raw="0"/>
  </t>
</templates>"""


def render(name, values):
    result = QWeb().render(name, values, load=lambda template, options: TEMPLATES)
    return re.sub(rb">\s+<", b"><", result.strip())


def test_render_template_with_if_foreach_esc_att_call():
    assert render("list", {"items": ["a", "<b>"], "name": "n"}) == (
        # falsy attribute values (None, 0) are left out
        b'<ul id="list-n"><li>a</li>'
        b'<li class="odd" data-n="1">&lt;b&gt;</li></ul>')


def test_render_template_else_branches():
    assert render("list", {"items": [], "name": "x"}) == b"<p>empty x</p>"
    assert render("list", {"items": [], "name": None}) == b"<p>nothing</p>"


def test_render_error_is_reported_as_qweb_exception():
    with pytest.raises(QWebException):
        render("list", {"items": object(), "name": "n"})
