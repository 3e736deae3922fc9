"""``concat_xml`` of the web client on Python 3.9+ (``patch_web_controllers``)."""
import sys
from xml.etree import ElementTree

import pytest

from odoo.addons.web.controllers import main as web_main

from odoo11_compat.odoo_patches import CompatElement


def test_python311_element_has_no_getchildren():
    assert not hasattr(ElementTree.Element, "getchildren")
    assert sys.version_info >= (3, 9)


def test_patch_leaves_the_global_elementtree_alone():
    assert ElementTree.Element is not CompatElement
    assert web_main.ElementTree is not ElementTree
    assert web_main.ElementTree.Element is CompatElement
    assert web_main.ElementTree.tostring is ElementTree.tostring


def test_compat_parse_builds_elements_with_getchildren(tmp_path):
    path = tmp_path / "a.xml"
    path.write_text("<templates><t t-name='a'/><t t-name='b'/></templates>")
    root = web_main.ElementTree.parse(str(path)).getroot()
    assert [c.get("t-name") for c in root.getchildren()] == ["a", "b"]
    assert root.getchildren() == list(root)


def test_concat_xml_merges_templates(tmp_path):
    first = tmp_path / "first.xml"
    second = tmp_path / "second.xml"
    first.write_text('<templates id="t"><t t-name="a"><b>1</b></t></templates>')
    second.write_text('<templates><t t-name="b"/><t t-name="c">é</t></templates>')
    xml, checksum = web_main.concat_xml([str(first), str(second)])
    root = ElementTree.fromstring(xml)
    assert root.tag == "templates"
    assert [c.get("t-name") for c in root] == ["a", "b", "c"]
    assert root.find("t/b").text == "1"
    assert root[2].text == "é"
    assert len(checksum) == 40


def test_concat_xml_of_nothing():
    assert web_main.concat_xml([])[0] == ""


def test_concat_xml_reports_parse_errors(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<templates><t></templates>")
    with pytest.raises(ElementTree.ParseError):
        web_main.concat_xml([str(broken)])
