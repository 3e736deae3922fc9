"""``yaml.load`` without a Loader (PyYAML 6, ``patch_yaml``)."""
import pytest
import yaml

from odoo.tools import yaml_tag

from odoo11_compat import odoo_patches


def test_pyyaml_6_requires_a_loader():
    assert int(yaml.__version__.split(".")[0]) >= 6
    with pytest.raises(TypeError, match="Loader"):
        yaml.load.__wrapped__("a: 1")


def test_load_without_loader():
    assert yaml.load("a: 1\nb: [x, 2]") == {"a": 1, "b": ["x", 2]}


def test_load_with_an_explicit_loader_still_uses_it():
    assert yaml.load("a: 1", Loader=yaml.SafeLoader) == {"a": 1}
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("!record {model: res.partner}", Loader=yaml.SafeLoader)


def test_full_loader_refuses_arbitrary_python_objects():
    # PyYAML < 5.1 would have called os.system here
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("!!python/object/apply:os.system ['true']")


def test_odoo_tags_are_registered_on_the_default_loader():
    node = yaml.load("!record {model: res.partner, id: partner_demo}")
    assert isinstance(node, yaml_tag.Record)
    assert (node.model, node.id) == ("res.partner", "partner_demo")
    ref = yaml.load("!ref {id: base.main_company}")
    assert isinstance(ref, yaml_tag.Ref)
    assert isinstance(yaml.load("!eval 'time.strftime(\"%Y\")'"), yaml_tag.Eval)


def test_odoo_yaml_test_file_shape():
    records = yaml.load(
        "-\n"
        "  !record {model: res.partner, id: p1}:\n"
        "    name: Test\n"
        "-\n"
        "  !python {model: res.partner}: |\n"
        "    assert True\n")
    assert isinstance(next(iter(records[0])), yaml_tag.Record)
    assert isinstance(next(iter(records[1])), yaml_tag.Python)


def test_patch_is_idempotent():
    load = yaml.load
    odoo_patches.patch_yaml(yaml)
    assert yaml.load is load
