"""Word (.docx) in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (private).

Needs the optional extra ``docx`` (python-docx). The layout:

* A4; margins top and bottom 20 mm, left 30 mm, right 15 mm;
* Times New Roman, black; body 14 pt, justified, first-line indent 1,27 cm,
  6 pt after each paragraph;
* page numbers (13 pt) centred in the top margin from the second page on:
  the first page has its own, empty header (``w:titlePg``), the others a
  ``PAGE`` field;
* a two-column heading block without borders: the parent body (capitals,
  12 pt) and the issuing body (bold capitals, 12 pt) with a rule beneath of a
  third to a half of its length, on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
  NAM" (bold capitals, 12 pt) and "Độc lập - Tự do - Hạnh phúc" (bold, 13 pt)
  with a rule beneath as long as it, on the right; then "Số: ..." (13 pt) on
  the left and the place and date in italics on the right;
* "BÁO CÁO" (bold, 14 pt) and the subject line (bold, 14 pt), centred, with a
  rule beneath of 0.4 of the subject's (longest) line;
* sections "I." in bold capitals, "1." in bold, "a)" in bold italics; every
  heading is kept with the paragraph that follows it;
* the key-figures table with borders, its header row repeated on each page
  and no row split across pages;
* "Nơi nhận:" (bold italics, 12 pt) with its list (11 pt) on the left and the
  signature block (bold capitals, name in bold) on the right, in one row that
  does not split across pages;
* the file's properties: author the issuing body, created and modified the
  moment it is written, language ``vi-VN`` (``en-GB`` for English) on every
  style and in the core properties, so that Word's spell-checker uses the
  right dictionary.

Rule lengths come from the text's width, measured with the metrics of Times
(:func:`text_width_pt`), the font that Times New Roman and Liberation Serif
share their widths with.
"""

from __future__ import annotations

import datetime as _dt
import io
import unicodedata
from typing import TYPE_CHECKING, Any

from anninh_toandan.reports._model import Report, Section

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document as DocumentType
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

__all__ = ["FONT", "render_docx", "text_width_pt"]

FONT = "Times New Roman"
BODY_PT = 14
HEADING_PT = 12
MOTTO_PT = 13
NUMBER_PT = 13
PAGE_NUMBER_PT = 13

#: The width of the page's text (A4 minus the 30 mm and 15 mm margins), in cm.
TEXT_WIDTH_CM = 16.5
#: Word's default left and right cell margins (0.08 inch each), in cm.
CELL_MARGINS_CM = 2 * 0.19
#: The heading block's columns, in cm.
HEADING_COLUMNS_CM = (7.1, 9.4)
#: The share of a line's length that its rule takes where Nghị định 30 allows a third to a half.
RULE_SHARE = 0.4
#: The language of the text, for Word's proofing tools.
LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}

# Advance widths of Times-Roman and Times-Bold (Adobe's core font metrics, in 1/1000 em), the
# widths that Times New Roman and Liberation Serif share. Letters with diacritics take their
# base letter's width ("ộ" as "o", "Đ" as "D").
_TIMES = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,.-:/()",
    # regular
    [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944,
     722, 722, 611, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278,
     500, 500, 722, 500, 500, 444, *([500] * 10), 250, 250, 250, 333, 278, 278, 333, 333],
    # bold
    [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000,
     722, 722, 667, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333,
     556, 500, 722, 500, 500, 444, *([500] * 10), 250, 250, 250, 333, 333, 278, 333, 333],
)  # fmt: skip
_WIDTHS = {
    False: dict(zip(_TIMES[0], _TIMES[1], strict=True)),
    True: dict(zip(_TIMES[0], _TIMES[2], strict=True)),
}


def text_width_pt(text: str, size: float, *, bold: bool = False) -> float:
    """The width of *text* set in Times at *size* points, in points.

    >>> round(text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, bold=True), 1)
    158.6
    """
    widths = _WIDTHS[bold]
    total = 0
    for ch in text:
        base = "D" if ch == "Đ" else "d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0]
        total += widths.get(base, 500)
    return total * size / 1000


def _docx() -> Any:
    try:
        import docx
    except ImportError:
        from anninh_toandan.reports._errors import MissingExtraError

        msg = "writing Word files needs the optional extra 'docx': pip install 'anninh-toandan[docx]'"
        raise MissingExtraError(msg) from None
    return docx


def _set_font(run: Any, *, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    r_pr = run._element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size is not None:
        run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic


def _para(
    container: Any,
    text: str = "",
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    align: str = "justify",
    indent: bool = False,
    after: float = 6,
    before: float = 0,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p: Paragraph = container.add_paragraph()
    p.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    fmt = p.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        _set_font(p.add_run(text), size=size, bold=bold, italic=italic)
    return p


def _rule_of(container: Any, *, length_cm: float, width_cm: float, after: float = 0) -> None:
    """Add a rule *length_cm* long, centred in a space *width_cm* wide."""
    _rule(container, indent_cm=max(0.0, (width_cm - length_cm) / 2), after=after)


def _rule(container: Any, *, indent_cm: float, after: float = 0) -> None:
    """Add a short horizontal rule: an empty, narrowed paragraph with a bottom border."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    p: Paragraph = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = Pt(2)
    fmt.left_indent = Cm(indent_cm)
    fmt.right_indent = Cm(indent_cm)
    p_pr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    borders.append(bottom)
    p_pr.append(borders)


def _first_para(cell: _Cell) -> Any:
    return cell.paragraphs[0]


def _cell_text(
    cell: _Cell,
    lines: list[tuple[str, dict[str, Any]]],
) -> list[Paragraph]:
    out = []
    first = True
    for text, style in lines:
        p = _first_para(cell) if first else cell.add_paragraph()
        first = False
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        if text:
            _set_font(
                p.add_run(text),
                size=style.get("size", HEADING_PT),
                bold=style.get("bold", False),
                italic=style.get("italic", False),
            )
        out.append(p)
    return out


def _no_borders(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _set_widths(table: Any, widths_cm: tuple[float, ...]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for column, w in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)


def _lines_width_cm(text: str, size: float, *, bold: bool, width_cm: float) -> float:
    """The width of the longest line of *text* when it wraps in *width_cm* (an estimate by whole words)."""
    space = text_width_pt(" ", size, bold=bold)
    limit = width_cm / 2.54 * 72
    longest = line = 0.0
    for word in text.split():
        w = text_width_pt(word, size, bold=bold)
        candidate = line + space + w if line else w
        if candidate > limit and line:
            longest = max(longest, line)
            line = w
        else:
            line = candidate
    return min(max(longest, line), limit) * 2.54 / 72


def _heading_block(doc: DocumentType, report: Report) -> None:
    h = report.heading
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _set_widths(table, HEADING_COLUMNS_CM)
    left_w, right_w = (w - CELL_MARGINS_CM for w in HEADING_COLUMNS_CM)
    left, right = table.rows[0].cells
    lines: list[tuple[str, dict[str, Any]]] = []
    if h.parent_body:
        lines.append((h.parent_body, {"size": HEADING_PT}))
    lines.append((h.issuing_body, {"size": HEADING_PT, "bold": True}))
    _cell_text(left, lines)
    body_cm = _lines_width_cm(h.issuing_body, HEADING_PT, bold=True, width_cm=left_w)
    _rule_of(left, length_cm=RULE_SHARE * body_cm, width_cm=left_w)
    _cell_text(
        right,
        [(h.national_title, {"size": HEADING_PT, "bold": True}), (h.motto, {"size": MOTTO_PT, "bold": True})],
    )
    motto_cm = _lines_width_cm(h.motto, MOTTO_PT, bold=True, width_cm=right_w)
    _rule_of(right, length_cm=motto_cm, width_cm=right_w)
    num_cell, date_cell = table.rows[1].cells
    from docx.shared import Pt

    for p in _cell_text(num_cell, [(h.number, {"size": NUMBER_PT})]):
        p.paragraph_format.space_before = Pt(6)
    for p in _cell_text(date_cell, [(h.place_date, {"size": 14, "italic": True})]):
        p.paragraph_format.space_before = Pt(6)
    title = _para(doc, h.title, bold=True, align="center", before=18, after=0)
    title.paragraph_format.keep_with_next = True
    subject = _para(doc, h.subject, bold=True, align="center", after=0)
    subject.paragraph_format.keep_with_next = True
    subject_cm = _lines_width_cm(h.subject, BODY_PT, bold=True, width_cm=TEXT_WIDTH_CM)
    _rule_of(doc, length_cm=RULE_SHARE * subject_cm, width_cm=TEXT_WIDTH_CM, after=12)


def _section(doc: DocumentType, section: Section) -> None:
    if section.level == 1:
        heading = _para(doc, f"{section.label} {section.title}", bold=True, indent=True, before=6)
    elif section.level == 2:
        heading = _para(doc, f"{section.label} {section.title}", bold=True, indent=True)
    else:
        heading = _para(doc, f"{section.label} {section.title}", bold=True, italic=True, indent=True)
    heading.paragraph_format.keep_with_next = True
    for text in section.paragraphs:
        _para(doc, text, indent=True)
    for sub in section.subsections:
        _section(doc, sub)


def _figure_table(doc: DocumentType, report: Report) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    assert report.table is not None
    t = report.table
    caption = _para(doc, t.caption, bold=True, align="center", before=6)
    caption.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.columns))
    table.style = "Table Grid"
    _row_flags(table.rows[0], header=True)
    for row in table.rows[1:]:
        _row_flags(row)
    widths = (10.5, 6.0) if not t.has_comparison else (6.1, 3.6, 3.6, 3.2)
    _set_widths(table, widths)
    for cell, text in zip(table.rows[0].cells, t.columns, strict=True):
        p = _first_para(cell)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_font(p.add_run(text), size=12, bold=True)
    for row, fr in zip(table.rows[1:], t.rows, strict=True):
        values = [fr.label, fr.value]
        if t.has_comparison:
            values += [fr.previous or "", fr.change or ""]
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            p = _first_para(cell)
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            _set_font(p.add_run(text), size=12)


def _row_flags(row: Any, *, header: bool = False) -> None:
    """Keep *row* whole on one page (``w:cantSplit``); a *header* row repeats on each page (``w:tblHeader``)."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _closing(doc: DocumentType, report: Report) -> None:
    from docx.shared import Pt

    spacer = _para(doc, "", after=0)
    spacer.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=1, cols=2)
    _row_flags(table.rows[0])
    _no_borders(table)
    _set_widths(table, (7.5, 9.0))
    left, right = table.rows[0].cells
    p = _first_para(left)
    p.paragraph_format.space_after = Pt(0)
    _set_font(p.add_run(report.recipients_title), size=12, bold=True, italic=True)
    for line in report.recipients:
        q = left.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        _set_font(q.add_run(line), size=11)
    if report.signature is not None:
        s = report.signature
        lines: list[tuple[str, dict[str, Any]]] = []
        if s.authority:
            lines.append((s.authority, {"size": 14, "bold": True}))
        lines += [
            (s.title, {"size": 14, "bold": True}),
            ("", {}),
            ("", {}),
            ("", {}),
            (s.name, {"size": 14, "bold": True}),
        ]
        _cell_text(right, lines)


def _field(paragraph: Any, instruction: str, size: float) -> None:
    """Add a Word field (``PAGE``) to *paragraph*, with a placeholder result."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        _set_font(run, size=size)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    _set_font(paragraph.add_run("2"), size=size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_numbers(section: Any) -> None:
    """Page numbers centred in the top margin from page 2; page 1 has its own, empty header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    section.different_first_page_header_footer = True
    section.header_distance = Mm(10)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(p, "PAGE", PAGE_NUMBER_PT)


def _languages(doc: DocumentType, language: str) -> None:
    """Set the proofing language of the document defaults and of every style to *language*."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    targets = [*styles.findall(qn("w:docDefaults") + "/" + qn("w:rPrDefault")), *styles.findall(qn("w:style"))]
    for el in targets:
        r_pr = el.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = OxmlElement("w:rPr")
            if el.tag == qn("w:style"):
                el.append(r_pr)
            else:
                el.insert(0, r_pr)
        lang = r_pr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            r_pr.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), language)


def render_docx(report: Report, *, now: _dt.datetime | None = None) -> bytes:
    """The report as the bytes of a .docx file in the Nghị định 30 layout.

    *now* is the moment recorded as the file's creation (default: the
    current time, in UTC).
    """
    docx = _docx()
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_numbers(section)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    from docx.oxml.ns import qn

    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    language = LANGUAGES.get(report.locale, report.locale)
    _languages(doc, language)
    written = (now or _dt.datetime.now(_dt.UTC)).replace(microsecond=0)
    core = doc.core_properties
    core.title = report.heading.subject
    core.subject = report.heading.title
    core.author = report.heading.issuing_body
    core.last_modified_by = report.heading.issuing_body
    core.language = language
    core.created = core.modified = written
    core.revision = 1
    core.comments = ""

    _heading_block(doc, report)
    for text in report.opening:
        _para(doc, text, indent=True)
    for s in report.sections:
        _section(doc, s)
    if report.table is not None:
        _figure_table(doc, report)
    if report.chart_png is not None:
        doc.add_picture(io.BytesIO(report.chart_png), width=Cm(15))
    _closing(doc, report)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
