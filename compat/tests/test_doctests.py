"""The examples in the compat layer's docstrings (STYLE: engines have doctests)."""
import doctest

import pytest

from odoo11_compat import hooks, odoo_patches, stdlib


@pytest.mark.parametrize("module", [stdlib, hooks, odoo_patches],
                         ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    if module is not hooks:
        assert result.attempted > 0
