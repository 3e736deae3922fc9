"""Patches applied to Odoo 11.0 modules (and PyYAML) right after import.

``POST_IMPORT_PATCHES`` maps a module name to the function that patches it;
:mod:`odoo11_compat.hooks` runs the function once the module has executed.
"""
import ast
import builtins
import functools
import os
import resource
import types
from opcode import opmap
from xml.etree import ElementTree

# --------------------------------------------------------------------------
# safe_eval: the 3.11 bytecode of what Odoo 11 already allows
# --------------------------------------------------------------------------

#: 3.11 opcodes that build or move *literal* values: what Odoo's
#: ``_CONST_OPCODES`` allowed, in the form Python 3.7-3.11 compiles it to.
CONST_OPCODES_311 = {
    # 3.11: first instruction of every code object, a no-op
    "RESUME": "entry of every code object (3.11)",
    "NOP": "no-op the 3.11 compiler emits for line bookkeeping",
    # 3.11 replaced DUP_TOP, DUP_TOP_TWO, ROT_TWO, ROT_THREE, ROT_FOUR
    "COPY": "DUP_TOP / DUP_TOP_TWO (3.11)",
    "SWAP": "ROT_TWO / ROT_THREE / ROT_FOUR (3.11)",
    # 3.9 builds list and set displays from a folded constant tuple
    "LIST_EXTEND": "BUILD_LIST of constants (3.9)",
    "SET_UPDATE": "BUILD_SET of constants (3.9)",
    # 3.9+ builds long displays incrementally instead of in one BUILD_*
    "LIST_APPEND": "BUILD_LIST of more than 30 items (3.9)",
    "SET_ADD": "BUILD_SET of more than 30 items (3.9)",
    "MAP_ADD": "BUILD_MAP of more than 15 items (3.9)",
    "DICT_UPDATE": "BUILD_MAP of more than 15 items (3.9)",
    "LIST_TO_TUPLE": "BUILD_TUPLE of more than 30 items (3.9)",
}

#: Operations on literal values (``_EXPR_OPCODES``) in their 3.11 form.
EXPR_OPCODES_311 = {
    "BINARY_OP": "all BINARY_* and INPLACE_* operators (3.11)",
    "CONTAINS_OP": "COMPARE_OP 'in' / 'not in' (3.9)",
    "IS_OP": "COMPARE_OP 'is' / 'is not' (3.9)",
    # 3.11 compiles "'%s' % (x,)" to the f-string instructions
    "FORMAT_VALUE": "BINARY_MODULO on a str constant (3.11)",
    "BUILD_STRING": "BINARY_MODULO on a str constant (3.11)",
}

#: Control flow and calls (``_SAFE_OPCODES``) in their 3.11 form.
SAFE_OPCODES_311 = {
    # calls: CALL_FUNCTION, CALL_FUNCTION_KW, CALL_METHOD became these
    "PRECALL": "CALL_FUNCTION / CALL_METHOD (3.11)",
    "CALL": "CALL_FUNCTION / CALL_METHOD (3.11)",
    "PUSH_NULL": "CALL_FUNCTION on a plain callable (3.11)",
    "KW_NAMES": "CALL_FUNCTION_KW (3.11)",
    # f(**kw) (3.9); f(k=1, **kw), which 3.6 compiled to the refused
    # BUILD_MAP_UNPACK_WITH_CALL, is refused by Py36UnpackingChecker
    "DICT_MERGE": "CALL_FUNCTION_EX with **kwargs (3.9)",
    # jumps: JUMP_ABSOLUTE and POP_JUMP_IF_* became relative
    "JUMP_BACKWARD": "JUMP_ABSOLUTE (3.11)",
    "JUMP_BACKWARD_NO_INTERRUPT": "JUMP_ABSOLUTE (3.11)",
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE (3.11)",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE (3.11)",
    "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE (3.11)",
    "POP_JUMP_FORWARD_IF_NONE": "COMPARE_OP 'is None' + POP_JUMP_IF (3.11)",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "COMPARE_OP 'is not None' + jump (3.11)",
    "POP_JUMP_BACKWARD_IF_NONE": "COMPARE_OP 'is None' + jump (3.11)",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "COMPARE_OP 'is not None' + jump (3.11)",
    # try/except: SETUP_EXCEPT, END_FINALLY and the exception-match compare
    "PUSH_EXC_INFO": "SETUP_EXCEPT (3.11 zero-cost exceptions)",
    "CHECK_EXC_MATCH": "COMPARE_OP exception match (3.11)",
    "RERAISE": "END_FINALLY (3.9)",
    # generator expressions start with it; YIELD_VALUE was already allowed
    "RETURN_GENERATOR": "generator code objects (3.11)",
    "LOAD_ASSERTION_ERROR": "LOAD_GLOBAL AssertionError in assert (3.9)",
}


def _opcodes(names):
    return {opmap[name] for name in names if name in opmap}


class Py36UnpackingChecker(ast.NodeVisitor):
    """Refuse the unpackings and f-strings Odoo 11 refused on Python 3.6.

    The opcodes that 3.9-3.11 use for plain displays and ``f(**kw)`` also
    compile forms that 3.6 compiled to opcodes Odoo never whitelisted:
    ``[*a]``, ``(*a,)``, ``{*a}`` (BUILD_*_UNPACK), ``{**a}``
    (BUILD_MAP_UNPACK), ``f(x, *a)``, ``f(*a, *b)``
    (BUILD_TUPLE_UNPACK_WITH_CALL), ``f(k=1, **a)``, ``f(**a, **b)``
    (BUILD_MAP_UNPACK_WITH_CALL) and f-strings (FORMAT_VALUE, which 3.11
    also uses for ``'%s' % (x,)``). Those are refused here from the source,
    with the 3.6 opcode named, so that the whitelist stays what it was.

    >>> Py36UnpackingChecker.check("f(*a, **kw) + [1, 2]", "eval")
    >>> Py36UnpackingChecker.check("[*a]", "eval")
    Traceback (most recent call last):
    ...
    ValueError: forbidden opcode(s) in '[*a]': BUILD_LIST_UNPACK
    """

    _DISPLAYS = {ast.List: "BUILD_LIST_UNPACK", ast.Tuple: "BUILD_TUPLE_UNPACK",
                 ast.Set: "BUILD_SET_UNPACK"}

    def __init__(self):
        self.refused = []

    def visit_List(self, node):
        if any(isinstance(elt, ast.Starred) for elt in node.elts) and (
                not isinstance(getattr(node, "ctx", ast.Load()), ast.Store)):
            self.refused.append(self._DISPLAYS[type(node)])
        self.generic_visit(node)

    visit_Tuple = visit_Set = visit_List

    def visit_Dict(self, node):
        if any(key is None for key in node.keys):
            self.refused.append("BUILD_MAP_UNPACK")
        self.generic_visit(node)

    def visit_Call(self, node):
        # 3.6 passes one tuple and one dict to CALL_FUNCTION_EX; more parts
        # had to be merged, with the refused *_UNPACK_WITH_CALL opcodes
        starred = [isinstance(arg, ast.Starred) for arg in node.args]
        if any(starred) and (len(node.args) > 1):
            self.refused.append("BUILD_TUPLE_UNPACK_WITH_CALL")
        if any(kw.arg is None for kw in node.keywords) and len(node.keywords) > 1:
            self.refused.append("BUILD_MAP_UNPACK_WITH_CALL")
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        self.refused.append("FORMAT_VALUE")
        self.generic_visit(node)

    @classmethod
    def check(cls, expr, mode):
        if not isinstance(expr, (str, bytes)):
            return
        refused = cls._refused(expr, mode)
        if refused:
            raise ValueError("forbidden opcode(s) in %r: %s" % (
                expr, ", ".join(refused)))

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def _refused(expr, mode):
        # safe_eval runs on every domain, context and attrs of every view:
        # the same few thousand strings, parsed once each here
        try:
            tree = ast.parse(expr.strip() if mode == "eval" else expr, mode=mode)
        except (SyntaxError, ValueError):
            return ()  # compile() in test_expr raises it with Odoo's message
        checker = Py36UnpackingChecker()
        checker.visit(tree)
        return tuple(sorted(set(checker.refused)))


def patch_safe_eval(module):
    """Teach safe_eval the bytecode Python 3.9-3.11 compiles to.

    Odoo 11 checks the opcodes of every expression against whitelists built
    from Python 3.6 opcode names; 3.9 and 3.11 renamed or replaced many of
    them, so plain domains and ``'%s' % x`` were refused. Only the 3.11
    equivalents of what a whitelist already allowed are added to it; imports,
    attribute writes, ``with`` and closures stay forbidden. The sets are
    updated in place because ``ir_qweb`` imports ``_SAFE_OPCODES`` by name.

    Some of those opcodes also compile forms that 3.6 compiled differently,
    to opcodes Odoo refused (starred displays, merged ``**`` calls,
    f-strings): ``test_expr`` refuses them from the source first, see
    :class:`Py36UnpackingChecker`.
    """
    const = _opcodes(CONST_OPCODES_311)
    expr = const | _opcodes(EXPR_OPCODES_311)
    safe = expr | _opcodes(SAFE_OPCODES_311)
    module._CONST_OPCODES.update(const)
    module._EXPR_OPCODES.update(expr)
    module._SAFE_OPCODES.update(safe)

    test_expr = module.test_expr
    if getattr(test_expr, "_odoo11_compat", False):
        return

    @functools.wraps(test_expr)
    def compat_test_expr(expr, allowed_codes, mode="eval"):
        Py36UnpackingChecker.check(expr, mode)
        return test_expr(expr, allowed_codes, mode=mode)

    compat_test_expr._odoo11_compat = True
    module.test_expr = compat_test_expr


# --------------------------------------------------------------------------
# QWeb: hand-built ASTs that Python 3.8+ rejects
# --------------------------------------------------------------------------

_NAME_CONSTANTS = {"None": None, "True": True, "False": False}


class QWebAstFixer(ast.NodeTransformer):
    """Turn a Python 3.6 style AST into one that 3.11's compiler accepts.

    * ``ast.Name(id='None'|'True'|'False')`` must be ``ast.Constant`` (3.8);
    * ``ast.arguments`` needs ``posonlyargs`` (3.8) and ``ast.Module`` needs
      ``type_ignores`` (3.8);
    * QWeb mixes nodes parsed from template expressions (with positions)
      and built nodes (positions copied from their parent), which gives
      ranges that end before they start; 3.11 refuses them ("AST node line
      range is not valid"). Generated code has no meaningful lines, so every
      node is put on line 1.

    >>> none = ast.Expression(body=ast.Name(id="None", ctx=ast.Load()))
    >>> compile(ast.fix_missing_locations(none), "<qweb>", "eval")
    Traceback (most recent call last):
    ...
    ValueError: identifier field can't represent 'None' constant
    >>> eval(compile(QWebAstFixer.fix(none), "<qweb>", "eval")) is None
    True
    """

    def visit_Name(self, node):
        if node.id in _NAME_CONSTANTS and isinstance(node.ctx, ast.Load):
            return ast.Constant(value=_NAME_CONSTANTS[node.id])
        return node

    def visit_arguments(self, node):
        self.generic_visit(node)
        for field in ("posonlyargs", "kwonlyargs", "kw_defaults", "defaults"):
            if getattr(node, field, None) is None:
                setattr(node, field, [])
        return node

    def visit_Module(self, node):
        self.generic_visit(node)
        if getattr(node, "type_ignores", None) is None:
            node.type_ignores = []
        return node

    @classmethod
    def fix(cls, tree):
        tree = cls().visit(tree)
        for node in ast.walk(tree):
            if "lineno" in node._attributes:
                node.lineno = node.end_lineno = 1
                node.col_offset = node.end_col_offset = 0
        return tree


@functools.wraps(builtins.compile)
def compile_qweb(source, filename, mode, *args, **kwargs):
    """``compile`` for QWeb's module: fix hand-built ASTs first."""
    if isinstance(source, ast.AST):
        source = QWebAstFixer.fix(source)
    return builtins.compile(source, filename, mode, *args, **kwargs)


def patch_qweb(module):
    """QWeb compiles templates from hand-built ASTs: fix them on compile.

    Shadowing ``compile`` in the qweb module's globals reaches both the
    template compiler and ``ir_qweb._compile_expr`` (which compiles parsed,
    valid ASTs: the fixer leaves those unchanged but for positions).
    """
    module.compile = compile_qweb


def patch_ir_qweb(module):
    """``IrQWeb._compile_expr`` calls ``compile`` in its own module."""
    module.compile = compile_qweb


# --------------------------------------------------------------------------
# web client: ElementTree.Element.getchildren (removed in Python 3.9)
# --------------------------------------------------------------------------


class CompatElement(ElementTree.Element):
    """C ``Element`` with the ``getchildren`` Python 3.9 removed."""

    def getchildren(self):
        return list(self)


def _compat_parse(source, parser=None):
    if parser is None:
        parser = ElementTree.XMLParser(
            target=ElementTree.TreeBuilder(element_factory=CompatElement))
    return ElementTree.parse(source, parser)


def _compat_elementtree():
    shim = types.ModuleType("xml.etree.ElementTree")
    shim.__dict__.update(
        {k: v for k, v in vars(ElementTree).items() if not k.startswith("__")})
    shim.Element = CompatElement
    shim.parse = _compat_parse
    return shim


def patch_web_controllers(module):
    """``concat_xml`` (serving /web/webclient/qweb) calls ``getchildren()``.

    The C Element type cannot get attributes back, so the controller's
    module gets an ElementTree whose parser builds a subclass that has it.
    """
    module.ElementTree = _compat_elementtree()


# --------------------------------------------------------------------------
# PyYAML 6: yaml.load() without a Loader
# --------------------------------------------------------------------------


def patch_yaml(module):
    """PyYAML 6.0 made ``Loader`` mandatory in ``yaml.load``.

    Odoo 11 loads its ``.yml`` data and test files with ``yaml.load(s)``.
    Without a Loader, use ``FullLoader`` as PyYAML 5.1-5.4 did (Odoo's custom
    tags are registered on it by ``yaml.add_constructor``).
    """
    load = module.load
    if getattr(load, "_odoo11_compat", False):
        return

    @functools.wraps(load)
    def compat_load(stream, Loader=None):
        return load(stream, Loader or module.FullLoader)

    compat_load._odoo11_compat = True
    module.load = compat_load


# --------------------------------------------------------------------------
# prefork server: resource.setrlimit() with a float (refused since 3.10)
# --------------------------------------------------------------------------


def _setrlimit_truncating(which, limits):
    """``setrlimit`` taking floats as Python <= 3.9 did (truncated to int)."""
    return resource.setrlimit(which, tuple(int(limit) for limit in limits))


def patch_server(module):
    """Python 3.10 stopped converting floats to C ints through ``__int__``.

    A prefork worker sets its CPU limit to ``getrusage()`` seconds (a float)
    plus ``limit_time_cpu``, so every worker died at start with "'float'
    object cannot be interpreted as an integer" and was respawned forever.
    The server module gets a ``resource`` whose ``setrlimit`` truncates, as
    the conversion did before 3.10; the real module is left alone.
    """
    real = getattr(module, "resource", None)
    if real is None:  # pragma: no cover - Windows has no resource module
        return
    shim = types.ModuleType("resource")
    shim.__dict__.update(
        {k: v for k, v in vars(resource).items() if not k.startswith("__")})
    shim.setrlimit = _setrlimit_truncating
    module.resource = shim


# --------------------------------------------------------------------------
# RPC: a retried call must not inherit the failed try's environments
# --------------------------------------------------------------------------


def _reset_environments_first(execute_cr):
    @functools.wraps(execute_cr)
    def compat_execute_cr(cr, uid, obj, method, *args, **kw):
        from odoo.api import Environment

        if hasattr(Environment._local, "environments"):
            Environment.reset()
        return execute_cr(cr, uid, obj, method, *args, **kw)

    compat_execute_cr._odoo11_compat = True
    return compat_execute_cr


def patch_service_model(module):
    """XML-RPC retries a serialization failure on a fresh cursor, but in
    the environments of the failed try.

    ``check`` (``odoo.service.model``) runs ``execute`` again on a new
    cursor when PostgreSQL reports a serialization failure, a deadlock or a
    lock not available. The thread's set of environments
    (``api.Environment.manage()`` around the whole request) is not renewed:
    its ``todo`` still holds the records the failed try had left to
    recompute, bound to the closed cursor, and the retry's first recompute
    dies with "Unable to use a closed cursor". (The web client's
    ``/web/dataset/call_kw`` retries through the same ``check`` but clears
    its environment first, in ``WebRequest._call_function``.) Odoo 12 fixed
    it with ``Environment.reset()`` at the start of ``execute_cr``; this is
    that fix. Outside ``Environment.manage()`` (no set to renew) nothing is
    reset, so that no set outlives its caller.
    """
    execute_cr = module.execute_cr
    if getattr(execute_cr, "_odoo11_compat", False):
        return
    module.execute_cr = _reset_environments_first(execute_cr)


# --------------------------------------------------------------------------
# HTTP: no addon imported by a request while the registry loads
# --------------------------------------------------------------------------


def patch_http(module):
    """Python 3's import locks let a request that arrives while the server
    loads its registry break that load.

    On its first request, Odoo 11's ``Root.load_addons`` imports every addon
    of the addons path that has a ``static`` folder, in the request's
    thread. The server listens before ``preload_registries`` has finished,
    so that import runs beside the registry's own imports of the same
    addons; when the two threads import packages that import each other,
    Python's deadlock avoidance hands one of them a module still being
    executed, whose models were not all defined yet, and the load fails
    with "Model 'account.invoice' inherits from non-existing model
    'portal.mixin'" (or another pair), after which the server resets the
    modules' states and serves nothing. Odoo 11 documents the race at that
    import and gives ``ODOO_PRELOAD_ADDONS=no`` to skip it; later versions
    never import there. That is the default here: the registry imports the
    installed addons (and so their controllers) itself, the static files
    are still found. An explicit ``ODOO_PRELOAD_ADDONS=yes`` is kept.
    """
    os.environ.setdefault("ODOO_PRELOAD_ADDONS", "no")


POST_IMPORT_PATCHES = {
    "odoo.http": patch_http,
    "odoo.service.model": patch_service_model,
    "odoo.service.server": patch_server,
    "odoo.tools.safe_eval": patch_safe_eval,
    "odoo.addons.base.ir.ir_qweb.qweb": patch_qweb,
    "odoo.addons.base.ir.ir_qweb.ir_qweb": patch_ir_qweb,
    "odoo.addons.web.controllers.main": patch_web_controllers,
    "yaml": patch_yaml,
}
