"""Standard-library names Odoo 11.0 uses that newer Pythons removed.

Each function restores one removed name, only where it is missing, with the
behaviour the old name had. They are applied once, at import of the package,
before Odoo is imported.
"""
import base64
import collections
import collections.abc
import inspect
import threading

#: ABC aliases that lived in ``collections`` until Python 3.10 removed them
#: (deprecated since 3.3). Odoo 11 imports e.g. ``collections.Mapping``.
COLLECTIONS_ABC_ALIASES = (
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator",
    "AsyncGenerator", "Hashable", "Iterable", "Iterator", "Generator",
    "Reversible", "Sized", "Container", "Callable", "Collection", "Set",
    "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
    "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString",
)


def restore_collections_abc_aliases():
    """Python 3.10 removed the ABC aliases from ``collections``."""
    for name in COLLECTIONS_ABC_ALIASES:
        if not hasattr(collections, name) and hasattr(collections.abc, name):
            setattr(collections, name, getattr(collections.abc, name))


ArgSpec = collections.namedtuple("ArgSpec", "args varargs keywords defaults")


def getargspec(func):
    """``inspect.getargspec`` as it was before Python 3.11 removed it.

    Odoo's ``api`` and ``http`` modules call it on every model method and
    route. Like the original, it refuses functions with keyword-only
    arguments or annotations, which ``getfullargspec`` must be used for:

    >>> def method(self, a, b=1, *args, **kw):
    ...     pass
    >>> getargspec(method)
    ArgSpec(args=['self', 'a', 'b'], varargs='args', keywords='kw', defaults=(1,))
    >>> def kwonly(self, *, a):
    ...     pass
    >>> getargspec(kwonly)
    Traceback (most recent call last):
    ...
    ValueError: Function has keyword-only parameters or annotations, use \
inspect.signature() API which can support them
    """
    spec = inspect.getfullargspec(func)
    if spec.kwonlyargs or spec.annotations:
        raise ValueError(
            "Function has keyword-only parameters or annotations, use "
            "inspect.signature() API which can support them"
        )
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None,
                  kwonlyargs=(), kwonlydefaults=None, annotations=None,
                  formatarg=str,
                  formatvarargs=lambda name: "*" + name,
                  formatvarkw=lambda name: "**" + name,
                  formatvalue=lambda value: "=" + repr(value),
                  formatreturns=lambda text: " -> " + text,
                  formatannotation=inspect.formatannotation):
    """``inspect.formatargspec`` as it was before Python 3.11 removed it.

    Odoo's ``ormcache`` builds the source of its key functions with it, so it
    renders exactly what Python 3.6's rendered (same signature, same
    formatters):

    >>> formatargspec(*getargspec(lambda self, a, b=1, *args, **kw: None))
    '(self, a, b=1, *args, **kw)'
    >>> formatargspec(['a'], None, None, ('x',), ['k'], {'k': None})
    "(a='x', *, k=None)"
    >>> formatargspec(['a'], 'b', annotations={'a': int, 'b': str,
    ...                                        'return': list})
    '(a: int, *b: str) -> list'
    """
    annotations = annotations or {}
    kwonlydefaults = kwonlydefaults or {}

    def formatargandannotation(arg):
        result = formatarg(arg)
        if arg in annotations:
            result += ": " + formatannotation(annotations[arg])
        return result

    specs = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for i, arg in enumerate(args):
        spec = formatargandannotation(arg)
        if defaults and i >= first_default:
            spec += formatvalue(defaults[i - first_default])
        specs.append(spec)
    if varargs is not None:
        specs.append(formatvarargs(formatargandannotation(varargs)))
    elif kwonlyargs:
        specs.append("*")
    for kwonlyarg in kwonlyargs or ():
        spec = formatargandannotation(kwonlyarg)
        if kwonlyarg in kwonlydefaults:
            spec += formatvalue(kwonlydefaults[kwonlyarg])
        specs.append(spec)
    if varkw is not None:
        specs.append(formatvarkw(formatargandannotation(varkw)))
    result = "(" + ", ".join(specs) + ")"
    if "return" in annotations:
        result += formatreturns(formatannotation(annotations["return"]))
    return result


def restore_inspect_argspec():
    """Python 3.11 removed ``inspect.getargspec`` and ``inspect.formatargspec``."""
    if not hasattr(inspect, "getargspec"):
        inspect.getargspec = getargspec
        inspect.ArgSpec = ArgSpec
    if not hasattr(inspect, "formatargspec"):
        inspect.formatargspec = formatargspec


def restore_base64_string_aliases():
    """Python 3.9 removed ``base64.encodestring`` and ``base64.decodestring``.

    They were deprecated aliases of ``encodebytes``/``decodebytes``.
    """
    if not hasattr(base64, "encodestring"):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, "decodestring"):
        base64.decodestring = base64.decodebytes


def restore_thread_isalive():
    """Python 3.9 removed ``Thread.isAlive``; Odoo's server loop calls it."""
    if not hasattr(threading.Thread, "isAlive"):
        threading.Thread.isAlive = threading.Thread.is_alive


PATCHES = (
    restore_collections_abc_aliases,
    restore_inspect_argspec,
    restore_base64_string_aliases,
    restore_thread_isalive,
)


def apply():
    for patch in PATCHES:
        patch()
