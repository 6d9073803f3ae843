"""The Word report as a văn thư checks it (Nghị định 30/2020/NĐ-CP, Phụ lục I).

The ``.docx`` is read with python-docx and its XML; the PDF that LibreOffice
makes of it is read with poppler's ``pdftotext`` (its text and the boxes of
its words), so that lengths on the page are checked against the page itself.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.reports import build_report
from anninh_toandan.reports._docx import render_docx, text_width_pt

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WRITTEN = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
EMU_PER_CM = 360_000
TWIPS_PER_CM = 1440 / 2.54


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render_docx(build_report(bao_loc_2022_h1()), now=WRITTEN)


@pytest.fixture(scope="module")
def document(docx_bytes: bytes) -> Any:
    import io

    return docx.Document(io.BytesIO(docx_bytes))


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    x1: float
    y0: float


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory, docx_bytes: bytes) -> Path:
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and poppler-utils (pdftotext) are needed to read the Word file as a PDF")
    folder = tmp_path_factory.mktemp("pdf")
    source = folder / "bao_loc.docx"
    source.write_bytes(docx_bytes)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "pdf", source.name],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=240,
    )
    return folder / "bao_loc.pdf"


@pytest.fixture(scope="module")
def words(pdf: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    body = out[out.index("<doc>") : out.index("</doc>") + len("</doc>")]
    found: list[Word] = []
    for page_no, page in enumerate(ET.fromstring(body), start=1):
        for w in page:
            found.append(
                Word(w.text or "", page_no, float(w.get("xMin", 0)), float(w.get("xMax", 0)), float(w.get("yMin", 0)))
            )
    return found


def _pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")


def _line_width_cm(words: list[Word], first: str, last: str, *, page: int = 1) -> float:
    """The width on the page of the words from *first* to *last* (on one line), in cm."""
    on_page = [w for w in words if w.page == page]
    start = next(i for i, w in enumerate(on_page) if w.text == first)
    end = next(i for i in range(start, len(on_page)) if on_page[i].text == last)
    return (on_page[end].x1 - on_page[start].x0) / 72 * 2.54


def _rule_length_cm(paragraph: Any, width_cm: float) -> float:
    """The length of a rule drawn as the bottom border of an indented paragraph, in cm."""
    p_pr = paragraph._p.pPr
    assert p_pr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None
    fmt = paragraph.paragraph_format
    left = (fmt.left_indent or 0) / EMU_PER_CM
    right = (fmt.right_indent or 0) / EMU_PER_CM
    return float(width_cm - left - right)


def _cell_width_cm(cell: Any) -> float:
    return float(cell.width / EMU_PER_CM - 2 * 0.19)


def _ruled(cell: Any) -> Any:
    (rule,) = [p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    return rule


# -- page numbers --------------------------------------------------------------------


def test_page_numbers_are_a_field_in_the_header_and_page_one_has_its_own_empty_header(document: Any) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header
    instructions = [el.text for el in header._element.iter(qn("w:instrText"))]
    assert [i.strip() for i in instructions] == ["PAGE"]
    (p,) = header.paragraphs
    assert p.alignment == 1  # centred
    assert all(r.font.size == Pt(13) for r in p.runs if r.text)
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert "".join(p.text for p in first.paragraphs) == ""
    assert list(first._element.iter(qn("w:instrText"))) == []


def test_the_pdf_has_page_numbers_from_page_two_only(pdf: Path) -> None:
    pages = [p for p in _pages_text(pdf) if p.strip()]
    assert len(pages) >= 3
    assert pages[0].strip().splitlines()[0].split()[0] != "1"
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].strip() == str(number), page[:80]


# -- headings, the figures table, the closing ---------------------------------------------


def _headings(document: Any) -> list[Any]:
    return [
        p
        for p in document.paragraphs
        if re.match(r"^([IVX]+|\d+)\. \S", p.text) and p.runs and p.runs[0].bold and not p.text.startswith("- ")
    ]


def test_every_heading_is_kept_with_the_paragraph_after_it(document: Any) -> None:
    headings = _headings(document)
    assert len(headings) >= 8
    for p in headings:
        assert p.paragraph_format.keep_with_next, p.text
    title = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert title.paragraph_format.keep_with_next


def test_no_page_ends_on_a_heading(pdf: Path, document: Any) -> None:
    headings = {p.text.strip() for p in _headings(document)}
    for page in _pages_text(pdf):
        lines = [line.strip() for line in page.strip().splitlines() if line.strip()]
        if lines:
            assert lines[-1] not in headings, lines[-1]


def test_the_figures_table_repeats_its_header_row_and_keeps_rows_whole(document: Any) -> None:
    figures = document.tables[1]
    header = figures.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    for row in figures.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for row in figures.rows[1:]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is None


def test_recipients_and_signature_stay_on_one_page(document: Any) -> None:
    closing = document.tables[2]
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_the_number_line_is_13_pt(document: Any) -> None:
    cell = document.tables[0].rows[1].cells[0]
    (run,) = [r for p in cell.paragraphs for r in p.runs if r.text]
    assert run.text.startswith("Số:") and run.font.size == Pt(13)


# -- rules ------------------------------------------------------------------------------


def test_the_rule_under_the_motto_is_as_long_as_the_motto(document: Any, words: list[Word]) -> None:
    right = document.tables[0].rows[0].cells[1]
    rule = _rule_length_cm(_ruled(right), _cell_width_cm(right))
    motto = _line_width_cm(words, "Độc", "phúc")
    assert abs(rule - motto) / motto < 0.05, (rule, motto)


def test_the_rule_under_the_subject_is_a_third_to_a_half_of_it(document: Any, words: list[Word]) -> None:
    paragraphs = document.paragraphs
    i = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Sơ kết 6 tháng"))
    rule = _rule_length_cm(paragraphs[i + 1], 16.5)
    subject_lines: dict[float, list[Word]] = {}
    page_one = [w for w in words if w.page == 1]
    start = next(k for k, w in enumerate(page_one) if w.text == "Sơ")
    stop = next(k for k in range(start, len(page_one)) if page_one[k].text == "Thực")
    for w in page_one[start:stop]:
        subject_lines.setdefault(round(w.y0), []).append(w)
    longest = max((max(w.x1 for w in ws) - min(w.x0 for w in ws)) / 72 * 2.54 for ws in subject_lines.values())
    assert len(subject_lines) >= 2
    assert longest / 3 <= rule <= longest / 2, (rule, longest)


def test_the_rule_under_the_issuing_body_is_a_third_to_a_half_of_it(document: Any, words: list[Word]) -> None:
    left = document.tables[0].rows[0].cells[0]
    rule = _rule_length_cm(_ruled(left), _cell_width_cm(left))
    on_page = [w for w in words if w.page == 1]
    line = [w for w in on_page if abs(w.y0 - next(x.y0 for x in on_page if x.text == "THÀNH")) < 1 and w.x1 < 280]
    body = (max(w.x1 for w in line) - min(w.x0 for w in line)) / 72 * 2.54
    assert body / 3 <= rule <= body / 2, (rule, body)


def test_text_widths_follow_the_fonts_metrics() -> None:
    assert text_width_pt("Đ", 10) == text_width_pt("D", 10) == 7.22
    assert text_width_pt("ộ", 10, bold=True) == text_width_pt("o", 10, bold=True)
    assert text_width_pt("A B", 12) > text_width_pt("AB", 12)


# -- file properties and language ---------------------------------------------------------


def test_core_properties_name_the_issuer_the_day_and_the_language(document: Any) -> None:
    core = document.core_properties
    assert core.author == core.last_modified_by == "CÔNG AN THÀNH PHỐ BẢO LỘC"
    assert core.created == core.modified == WRITTEN
    assert core.language == "vi-VN"
    assert core.title.startswith("Sơ kết 6 tháng đầu năm 2022")


def test_without_a_given_time_the_file_is_dated_when_it_is_written() -> None:
    import io

    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    doc = docx.Document(io.BytesIO(render_docx(build_report(bao_loc_2022_h1()))))
    assert doc.core_properties.created >= before
    assert doc.core_properties.created.year != 2013


def _langs(document: Any) -> Iterator[tuple[str, str | None]]:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    yield "docDefaults", defaults.find(qn("w:lang")).get(qn("w:val"))
    for style in styles.findall(qn("w:style")):
        lang = style.find(qn("w:rPr")).find(qn("w:lang"))
        yield style.get(qn("w:styleId")), lang.get(qn("w:val"))


def test_every_style_is_in_vietnamese(document: Any) -> None:
    langs = dict(_langs(document))
    assert len(langs) > 10
    assert set(langs.values()) == {"vi-VN"}, {k: v for k, v in langs.items() if v != "vi-VN"}
    assert b"en-US" not in _styles_xml(document)


def test_an_english_report_is_marked_english() -> None:
    import io

    doc = docx.Document(io.BytesIO(render_docx(build_report(bao_loc_2022_h1(), locale="en"), now=WRITTEN)))
    assert set(dict(_langs(doc)).values()) == {"en-GB"} and doc.core_properties.language == "en-GB"


def _styles_xml(document: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(document.styles.element))
