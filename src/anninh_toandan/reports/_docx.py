"""Word (.docx) in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (private).

Needs the optional extra ``docx`` (python-docx). The layout:

* A4; margins top and bottom 20 mm, left 30 mm, right 15 mm;
* Times New Roman, black; body 14 pt, justified, first-line indent 1,27 cm,
  6 pt after each paragraph;
* a two-column heading block without borders: the parent body (capitals,
  12 pt) and the issuing body (bold capitals, 12 pt) with a short rule beneath
  on the left; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (bold capitals, 12 pt) and
  "Độc lập - Tự do - Hạnh phúc" (bold, 13 pt) with a rule beneath on the
  right; then "Số: ..." on the left and the place and date in italics on the
  right;
* "BÁO CÁO" (bold, 14 pt) and the subject line (bold, 14 pt), centred;
* sections "I." in bold capitals, "1." in bold, "a)" in bold italics;
* the key-figures table with borders;
* "Nơi nhận:" (bold italics, 12 pt) with its list (11 pt) on the left and the
  signature block (bold capitals, name in bold) on the right.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from anninh_toandan.reports._model import Report, Section

if TYPE_CHECKING:  # pragma: no cover
    from docx.document import Document as DocumentType
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

__all__ = ["FONT", "render_docx"]

FONT = "Times New Roman"
BODY_PT = 14
HEADING_PT = 12
MOTTO_PT = 13


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


def _heading_block(doc: DocumentType, report: Report) -> None:
    h = report.heading
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _set_widths(table, (7.1, 9.4))
    left, right = table.rows[0].cells
    lines: list[tuple[str, dict[str, Any]]] = []
    if h.parent_body:
        lines.append((h.parent_body, {"size": HEADING_PT}))
    lines.append((h.issuing_body, {"size": HEADING_PT, "bold": True}))
    _cell_text(left, lines)
    _rule(left, indent_cm=2.2)
    _cell_text(
        right,
        [(h.national_title, {"size": HEADING_PT, "bold": True}), (h.motto, {"size": MOTTO_PT, "bold": True})],
    )
    _rule(right, indent_cm=2.3)
    num_cell, date_cell = table.rows[1].cells
    from docx.shared import Pt

    for p in _cell_text(num_cell, [(h.number, {"size": HEADING_PT})]):
        p.paragraph_format.space_before = Pt(6)
    for p in _cell_text(date_cell, [(h.place_date, {"size": 14, "italic": True})]):
        p.paragraph_format.space_before = Pt(6)
    _para(doc, h.title, bold=True, align="center", before=18, after=0)
    _para(doc, h.subject, bold=True, align="center", after=0)
    _rule(doc, indent_cm=6.5, after=12)


def _section(doc: DocumentType, section: Section) -> None:
    if section.level == 1:
        _para(doc, f"{section.label} {section.title}", bold=True, indent=True, before=6)
    elif section.level == 2:
        _para(doc, f"{section.label} {section.title}", bold=True, indent=True)
    else:
        _para(doc, f"{section.label} {section.title}", bold=True, italic=True, indent=True)
    for text in section.paragraphs:
        _para(doc, text, indent=True)
    for sub in section.subsections:
        _section(doc, sub)


def _figure_table(doc: DocumentType, report: Report) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    assert report.table is not None
    t = report.table
    _para(doc, t.caption, bold=True, align="center", before=6)
    table = doc.add_table(rows=1 + len(t.rows), cols=len(t.columns))
    table.style = "Table Grid"
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


def _closing(doc: DocumentType, report: Report) -> None:
    from docx.shared import Pt

    _para(doc, "", after=0)
    table = doc.add_table(rows=1, cols=2)
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


def render_docx(report: Report) -> bytes:
    """The report as the bytes of a .docx file in the Nghị định 30 layout."""
    docx = _docx()
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Mm, Pt

    doc = docx.Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    from docx.oxml.ns import qn

    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    core = doc.core_properties
    core.title = report.heading.subject
    core.author = report.heading.issuing_body
    core.language = report.locale

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
