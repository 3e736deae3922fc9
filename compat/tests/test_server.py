"""Odoo's prefork server: resource limits given as floats (refused by 3.10+)."""
import resource

import pytest

from odoo11_compat import odoo_patches


def test_pristine_setrlimit_refuses_a_float(pristine):
    out = pristine(
        "import resource\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_CPU)\n"
        "try:\n"
        "    resource.setrlimit(resource.RLIMIT_CPU, (float(hard), hard))\n"
        "except TypeError as exc:\n"
        "    print('refused')\n"
    )
    assert out == "refused"


def test_server_module_gets_a_truncating_setrlimit():
    from odoo.service import server

    assert server.resource is not resource
    assert server.resource.setrlimit is odoo_patches._setrlimit_truncating
    # everything else is the real module's
    assert server.resource.RLIMIT_CPU == resource.RLIMIT_CPU
    assert server.resource.getrusage is resource.getrusage


def test_worker_cpu_limit_with_float_seconds_is_applied():
    """What Worker.process_limit does: getrusage() seconds + limit_time_cpu."""
    from odoo.service import server

    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    r = resource.getrusage(resource.RUSAGE_SELF)
    cpu_time = r.ru_utime + r.ru_stime
    assert isinstance(cpu_time, float)
    try:
        server.resource.setrlimit(resource.RLIMIT_CPU, (cpu_time + 3600, hard))
        assert resource.getrlimit(resource.RLIMIT_CPU)[0] == int(cpu_time + 3600)
    finally:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def test_real_resource_module_is_untouched():
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    with pytest.raises(TypeError):
        resource.setrlimit(resource.RLIMIT_CPU, (float(hard), hard))
