# Copyright 2026 Street Office ERP
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The report header and footer of tools/pdf_pages.py, laid onto the pages
of a wkhtmltopdf without patched Qt, without a database. The PDFs are drawn
with reportlab; pdftoppm (poppler-utils, installed by
scripts/setup-venv.sh --test) shows what a reader sees."""
import io
import os
import re
import stat
import subprocess
import tempfile
import unittest

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from ..tools import pdf_pages

A4 = (210 * mm, 297 * mm)
HEADER_PAGE = b"""<base href=http://127.0.0.1:8069>
<!DOCTYPE html>
<html style="height: 0;">
<head><meta charset="utf-8"/><script>function subst() {}</script></head>
<body class="container" onload="subst()">
<div id="minimal_layout_report_headers"><div class="header">Street A
<span class="page"></span>/<span class="topage"></span></div><div
class="header">Street B <span class="page"></span>/<span
class="topage"></span></div></div>
</body></html>"""
EMPTY_FOOTER_PAGE = b"""<!DOCTYPE html><html><head></head><body>
<div id="minimal_layout_report_footers"> </div></body></html>"""


def _pdf(pages, size=A4, band=None):
    """A PDF of ``pages`` texts; ``band`` (height in points) fills a black
    band of that height at the bottom of each page."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=size)
    for text in pages:
        if band:
            drawing.rect(0, 0, size[0], band, stroke=0, fill=1)
        drawing.drawString(20, size[1] / 2, text)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def _gray_rows(pdf, page):
    """The rows of pixels (0 black … 255 white) of ``page`` rendered at 20
    dpi."""
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "in.pdf")
        with open(source, "wb") as stream:
            stream.write(pdf)
        subprocess.run(["pdftoppm", "-r", "20", "-gray", "-f", str(page),
                        "-l", str(page), "-singlefile", source,
                        os.path.join(tmp, "page")],
                       capture_output=True, check=True)
        with open(os.path.join(tmp, "page.pgm"), "rb") as stream:
            image = stream.read()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", image)
    width, height = int(header.group(1)), int(header.group(2))
    data = image[header.end():]
    return [data[row * width:(row + 1) * width] for row in range(height)]


def _text(pdf):
    return subprocess.run(["pdftotext", "-", "-"], input=pdf,
                          capture_output=True, check=True).stdout.decode()


class TestPdfPages(unittest.TestCase):

    def test_strip_args_replace_page_size_and_vertical_margins(self):
        args = ["--disable-local-file-access", "--quiet", "--page-size", "A4",
                "--margin-top", "26", "--dpi", "90", "--header-spacing", "18",
                "--margin-left", "12", "--margin-bottom", "12",
                "--margin-right", "12", "--orientation", "Landscape",
                "--header-line"]
        result = pdf_pages.strip_args(args, 210, 26, 5)
        self.assertEqual(result[:8], [
            "--disable-local-file-access", "--quiet", "--dpi", "90",
            "--margin-left", "12", "--margin-right", "12"])
        self.assertEqual(result[8:], [
            "--page-width", "210.00mm", "--page-height", "26.00mm",
            "--margin-top", "5.00mm", "--margin-bottom", "0mm",
            "--orientation", "Portrait", "--disable-smart-shrinking"])

    def test_strip_page_gives_each_page_its_documents_header_and_numbers(self):
        numbers = [(0, 1, 2), (0, 2, 2), (1, 1, 1)]
        page = pdf_pages.strip_page(HEADER_PAGE, "header", numbers)
        self.assertNotIn(b"<script", page)
        self.assertNotIn(b"onload", page)
        self.assertIn(b'href="http://127.0.0.1:8069"', page)
        sheets = page.split(b'class="o_report_strip"')[1:]
        self.assertEqual(len(sheets), 3)
        texts = [b" ".join(_text_of(sheet.split(b">", 1)[1]).split())
                 for sheet in sheets]
        self.assertEqual(texts, [b"Street A 1/2", b"Street A 2/2",
                                 b"Street B 1/1"])
        # a page break after every sheet but the last: one strip per page
        self.assertEqual(page.count(b"page-break-after: always"), 2)

    def test_has_content_only_with_text_for_some_document(self):
        self.assertTrue(pdf_pages.has_content(HEADER_PAGE, "header"))
        self.assertFalse(pdf_pages.has_content(EMPTY_FOOTER_PAGE, "footer"))
        self.assertFalse(pdf_pages.has_content(HEADER_PAGE, "footer"))
        self.assertFalse(pdf_pages.has_content(b"", "header"))

    def test_numbering_counts_the_pages_of_each_document(self):
        documents = [_pdf(["a1", "a2"]), _pdf(["b1"])]
        self.assertEqual(pdf_pages.numbering(documents),
                         [(0, 1, 2), (0, 2, 2), (1, 1, 1)])

    def test_stamp_lays_header_and_footer_strips_on_their_pages(self):
        documents = [_pdf(["body one", "body two"]), _pdf(["body three"])]
        header = _pdf(["head 1", "head 2", "head 3"], size=(A4[0], 26 * mm))
        footer = _pdf(["foot 1", "foot 2", "foot 3"], size=(A4[0], 12 * mm))
        pdf = pdf_pages.stamp(documents, header=header, footer=footer)
        self.assertEqual(pdf_pages.page_count(pdf), 3)
        pages = _text(pdf).split("\f")
        for number, body in enumerate(["body one", "body two", "body three"]):
            self.assertIn(body, pages[number])
            self.assertIn("head %d" % (number + 1), pages[number])
            self.assertIn("foot %d" % (number + 1), pages[number])

    def test_stamp_draws_the_header_in_the_top_margin(self):
        """What a reader sees, not only the text: merge_page clips the
        merged page to its box, so the strip's box moves with it."""
        documents = [_pdf(["body one", "body two"])]
        # a black band at the bottom of each 26 mm strip: 21-26 mm from
        # the top of the page once laid onto it
        header = _pdf(["", ""], size=(A4[0], 26 * mm), band=5 * mm)
        pdf = pdf_pages.stamp(documents, header=header)
        rows = _gray_rows(pdf, 2)
        darkest = [min(row) for row in rows]
        top = int(len(rows) * 27 / 297)
        self.assertLess(min(darkest[:top]), 64,
                        "the header is not drawn at the top of the page")
        self.assertGreater(min(darkest[len(rows) * 2 // 3:]), 192,
                           "the header is drawn at the bottom of the page")

    def test_stamp_refuses_strips_not_one_per_page(self):
        documents = [_pdf(["a1", "a2"])]
        header = _pdf(["only one"], size=(A4[0], 26 * mm))
        with self.assertRaises(pdf_pages.StripMismatch):
            pdf_pages.stamp(documents, header=header)
        self.assertEqual(pdf_pages.page_count(pdf_pages.stamp(documents)), 2)

    def test_page_size_in_millimetres(self):
        width, height = pdf_pages.page_size_mm(_pdf(["x"], size=(A4[1], A4[0])))
        self.assertAlmostEqual(width, 297, places=0)
        self.assertAlmostEqual(height, 210, places=0)

    def test_patched_qt_is_read_from_the_version(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name, version, patched in (
                    ("debian", "wkhtmltopdf 0.12.6", False),
                    ("wkhtmltox", "wkhtmltopdf 0.12.6.1 (with patched qt)",
                     True)):
                path = os.path.join(tmp, name)
                with open(path, "w") as script:
                    script.write("#!/bin/sh\necho '%s'\n" % version)
                os.chmod(path, stat.S_IRWXU)
                self.assertEqual(pdf_pages.has_patched_qt(path), patched)
            self.assertFalse(pdf_pages.has_patched_qt(
                os.path.join(tmp, "missing")))


def _text_of(fragment):
    """The text of an HTML fragment (tags dropped)."""
    out, inside = [], False
    for char in fragment.decode():
        if char == "<":
            inside = True
        elif char == ">":
            inside = False
        elif not inside:
            out.append(char)
    return "".join(out).encode()
