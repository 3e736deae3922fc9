# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Report headers and footers on every page with a wkhtmltopdf built
without the wkhtmltopdf patches of Qt, such as Debian's 0.12.6.

Odoo 11 prints a report's header and footer (``div.header`` and
``div.footer`` of the layout) with ``--header-html``/``--footer-html``: the
patched wkhtmltopdf draws them in the margins of every page and fills in
the page numbers through a script. An unpatched build ignores both switches
("not supported using unpatched qt") and prints the body only: no street
name, no title, no page numbers.

Here the same header (or footer) page Odoo prepared is printed as *strips*
instead: one page per page of the body, as wide as the body's pages and as
high as their top (bottom) margin, each with its document's header and its
page numbers written in; each strip is then laid onto the margin of its
page (PyPDF2). The body is printed one document at a time so that the page
numbers count the pages of each document, as Odoo's ``page``/``topage``
do. No ORM here: the hook is ``ir.actions.report._run_wkhtmltopdf``
(``models/ir_actions_report.py``); the functions are tested without a
database in ``tests/test_pdf_pages.py``.
"""
import contextlib
import copy
import functools
import io
import os
import subprocess
import tempfile

import lxml.html
from PyPDF2 import PdfReader, PdfWriter, Transformation
from PyPDF2.generic import RectangleObject

#: points per millimetre (PDF page sizes are in points)
POINTS_PER_MM = 72 / 25.4
#: wkhtmltopdf options that size or place the page, replaced for a strip
PAGE_OPTIONS = {"--page-size", "--page-width", "--page-height", "--margin-top",
                "--margin-bottom", "--orientation", "--header-spacing"}
PAGE_FLAGS = {"--header-line"}
#: the containers of Odoo's ``web.minimal_layout`` holding one header
#: (footer) per document
CONTAINERS = {"header": "minimal_layout_report_headers",
              "footer": "minimal_layout_report_footers"}
#: room left above a header strip's content, in millimetres
STRIP_TOP_MARGIN = 5


class StripMismatch(Exception):
    """The strips did not come out one per page (a header taller than the
    margin it is printed in)."""


@functools.lru_cache(maxsize=4)
def has_patched_qt(binary):
    """Whether the wkhtmltopdf ``binary`` prints headers and footers itself:
    the patched builds say "with patched qt" in their version."""
    try:
        out = subprocess.run([binary, "--version"], capture_output=True,
                             timeout=60, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return b"patched qt" in out.lower()


def _container(document, position):
    found = document.xpath('//*[@id="%s"]' % CONTAINERS[position])
    return found[0] if found else None


def has_content(page, position):
    """Whether Odoo's header (footer) ``page`` (bytes or str) holds one
    with some text for at least one document."""
    if not page:
        return False
    container = _container(lxml.html.document_fromstring(page), position)
    return container is not None and bool(
        "".join(container.itertext()).strip())


def strip_page(page, position, numbers):
    """The HTML of the strips: Odoo's header (footer) ``page``, with one
    sheet per ``numbers`` entry ``(document index, page, pages)`` holding
    that document's header with its page numbers written in (the classes
    ``page`` and ``topage``, as Odoo's script fills them), each sheet on a
    page of its own. Returns bytes."""
    document = lxml.html.document_fromstring(page)
    for script in document.xpath("//script"):
        script.getparent().remove(script)
    body = document.find("body")
    body.attrib.pop("onload", None)
    document.attrib.pop("style", None)  # Odoo's height: 0
    container = _container(document, position)
    originals = list(container)
    for child in originals:
        container.remove(child)
    container.text = None
    for number, (index, page_number, pages) in enumerate(numbers):
        sheet = lxml.html.Element("div")
        sheet.set("class", "o_report_strip")
        if number < len(numbers) - 1:
            sheet.set("style", "page-break-after: always;")
        if index < len(originals):
            content = copy.deepcopy(originals[index])
            content.tail = None
            for node in content.xpath(
                    './/*[contains(concat(" ", normalize-space(@class), " "),'
                    ' " page ")]'):
                node.text = str(page_number)
            for node in content.xpath(
                    './/*[contains(concat(" ", normalize-space(@class), " "),'
                    ' " topage ")]'):
                node.text = str(pages)
            sheet.append(content)
        container.append(sheet)
    return lxml.html.tostring(document, encoding="utf-8",
                              doctype="<!DOCTYPE html>")


def strip_args(args, width_mm, height_mm, top_mm=0):
    """wkhtmltopdf's arguments ``args`` for the body, made to print strips
    ``width_mm`` × ``height_mm`` with ``top_mm`` left above the content:
    the page size, vertical margins and orientation replaced, the rest
    (horizontal margins, dpi, cookie, ...) kept so that the strip's text is
    laid out as the body's."""
    result = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in PAGE_OPTIONS:
            skip = True
            continue
        if arg in PAGE_FLAGS:
            continue
        result.append(arg)
    return result + [
        "--page-width", "%.2fmm" % width_mm,
        "--page-height", "%.2fmm" % height_mm,
        "--margin-top", "%.2fmm" % top_mm, "--margin-bottom", "0mm",
        "--orientation", "Portrait", "--disable-smart-shrinking",
    ]


def run_wkhtmltopdf(binary, args, pages):
    """Print the HTML ``pages`` (bytes each) into one PDF with ``binary``
    and ``args``; return its bytes. wkhtmltopdf's exit code 1 (a resource
    it could not load) is tolerated, as Odoo does."""
    paths = []
    try:
        for page in pages:
            handle, path = tempfile.mkstemp(suffix=".html",
                                            prefix="report.strip.tmp.")
            paths.append(path)
            with os.fdopen(handle, "wb") as stream:
                stream.write(page)
        handle, output = tempfile.mkstemp(suffix=".pdf",
                                          prefix="report.strip.tmp.")
        os.close(handle)
        paths.append(output)
        process = subprocess.run([binary] + list(args) + paths[:-1] + [output],
                                 capture_output=True, check=False)
        if process.returncode not in (0, 1):
            raise OSError("wkhtmltopdf failed (%s): %s" % (
                process.returncode, process.stderr[-1000:].decode(
                    "utf-8", "replace")))
        with open(output, "rb") as stream:
            return stream.read()
    finally:
        for path in paths:
            with contextlib.suppress(OSError):
                os.unlink(path)


def page_count(pdf):
    """The number of pages of the PDF ``pdf`` (bytes)."""
    return len(PdfReader(io.BytesIO(pdf)).pages)


def page_size_mm(pdf):
    """(width, height) of the first page of ``pdf`` in millimetres."""
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return (float(box.width) / POINTS_PER_MM,
            float(box.height) / POINTS_PER_MM)


def numbering(documents):
    """``(document index, page, pages)`` of every page of the PDFs
    ``documents`` (bytes each) laid one after the other."""
    numbers = []
    for index, pdf in enumerate(documents):
        pages = page_count(pdf)
        numbers += [(index, page, pages) for page in range(1, pages + 1)]
    return numbers


def _move(page, offset):
    """Move ``page``'s content and box up by ``offset`` points: merge_page
    clips the merged page to its box."""
    page.add_transformation(Transformation().translate(0, offset))
    box = page.mediabox
    moved = RectangleObject([float(box.left), float(box.bottom) + offset,
                             float(box.right), float(box.top) + offset])
    page.mediabox = moved
    page.trimbox = moved
    page.cropbox = moved


def stamp(documents, header=None, footer=None):
    """One PDF of the ``documents`` (bytes each) one after the other, with
    the header strip ``i`` laid at the top of page ``i`` and the footer
    strip ``i`` at its bottom. Raises StripMismatch when a strip PDF has not
    one page per page of the documents."""
    pages = [page for pdf in documents
             for page in PdfReader(io.BytesIO(pdf)).pages]
    strips = {}
    for position, pdf in (("header", header), ("footer", footer)):
        if pdf:
            strips[position] = PdfReader(io.BytesIO(pdf)).pages
            if len(strips[position]) != len(pages):
                raise StripMismatch("%s: %d strips for %d pages" % (
                    position, len(strips[position]), len(pages)))
    writer = PdfWriter()
    for number, page in enumerate(pages):
        if "header" in strips:
            strip = strips["header"][number]
            _move(strip, float(page.mediabox.top) - float(strip.mediabox.top))
            page.merge_page(strip)
        if "footer" in strips:
            page.merge_page(strips["footer"][number])
        writer.add_page(page)
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()
