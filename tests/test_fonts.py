"""A Chinese font on the machine, and wkhtmltopdf printing Chinese text that
reads back (issue 16, item 11).

Without a CJK font every Chinese character of the web client, the browser
tests' screenshots and the PDF reports is drawn as a box, and nothing else
fails: this module fails bin/test instead. scripts/setup-venv.sh installs
what is missing (fonts-wqy-zenhei, wkhtmltopdf, poppler-utils).
"""
import shutil
import subprocess

#: the font the street's printouts name first
#: (community_base/report/community_report_layout.xml)
PRINT_FONT = "WenQuanYi Zen Hei"
SAMPLE = "街道办事处 打印日期 第 1 页 居民 户籍 人口 盖章处"


def _run(*args, **kwargs):
    return subprocess.run(args, capture_output=True, check=True, timeout=120,
                          **kwargs).stdout


def test_fontconfig_finds_a_chinese_font():
    assert shutil.which("fc-list"), "fontconfig (fc-list) is not installed"
    fonts = _run("fc-list", ":lang=zh", "family").decode().strip()
    assert fonts, "no font covers Chinese: every character would be a box"


def test_the_printouts_font_is_installed():
    match = _run("fc-match", "--format=%{family}", PRINT_FONT).decode()
    assert PRINT_FONT in match, "fc-match %s gives %s" % (PRINT_FONT, match)


def test_wkhtmltopdf_prints_chinese_that_reads_back(tmp_path):
    """The text of the PDF is the text printed, in the printouts' font: no
    boxes, and no radicals in place of 日 页 人 (what Noto CJK gives through
    wkhtmltopdf), so that a search in the PDF finds it."""
    for tool in ("wkhtmltopdf", "pdftotext"):
        assert shutil.which(tool), "%s is not installed" % tool
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"/></head>'
        '<body style="font-family: \'%s\'">%s</body></html>' % (
            PRINT_FONT, SAMPLE),
        encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    _run("wkhtmltopdf", "--quiet", str(page), str(pdf))
    fonts = _run("pdffonts", str(pdf)).decode()
    assert "WenQuanYi" in fonts, fonts
    text = _run("pdftotext", str(pdf), "-").decode()
    assert " ".join(text.split()) == SAMPLE
