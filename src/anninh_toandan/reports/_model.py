"""The report model: what a review report says, already worded, ready to lay out.

A :class:`Report` is built from a review by
:func:`anninh_toandan.reports.build_report` (which does the wording in the
chosen locale) and laid out by the renderers (text, Markdown, HTML, Word).
Every string in it is final text; renderers only place it.

Custom templates receive the report as ``report`` and may also use its
``review`` and ``figures`` for anything the built-in sections do not say.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import pendulum
from attrs import field, frozen

__all__ = ["FigureRow", "FigureTable", "Heading", "Report", "Section", "Signature"]


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _sections(values: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(values)


def _rows(values: Iterable[FigureRow]) -> tuple[FigureRow, ...]:
    return tuple(values)


def _date(value: _dt.date | None) -> pendulum.Date | None:
    if value is None or isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)


@frozen(kw_only=True)
class Heading:
    """The heading block of an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

    parent_body: str
    """The body above the issuer, in capitals: "CÔNG AN TỈNH LÂM ĐỒNG" ("" for none)."""
    issuing_body: str
    """The issuing body, in capitals: "CÔNG AN THÀNH PHỐ BẢO LỘC"."""
    number: str
    """The document number line: "Số: 05/BC-CATP" (or with the number left blank)."""
    place_date: str
    """Place and date: "Bảo Lộc, ngày 12 tháng 7 năm 2022"."""
    title: str
    """The document's kind, in capitals: "BÁO CÁO"."""
    subject: str
    """The subject line under the title."""
    national_title: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    """The quốc hiệu."""
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    """The tiêu ngữ."""


@frozen(kw_only=True)
class Section:
    """A numbered section: "II. KẾT QUẢ THỰC HIỆN", "1. Công tác tuyên truyền", "a) ..."."""

    number: str
    """The number as shown, without its punctuation: "I", "1", "a"."""
    title: str
    """The title, as shown (level-1 titles in capitals)."""
    paragraphs: tuple[str, ...] = field(default=(), converter=_texts)
    """The body paragraphs."""
    subsections: tuple[Section, ...] = field(default=(), converter=_sections)
    """Sections under this one."""
    level: int = 1
    """1 for "I.", 2 for "1.", 3 for "a)"."""

    @property
    def label(self) -> str:
        """The number with its punctuation: "I.", "1.", "a)"."""
        return f"{self.number})" if self.level >= 3 else f"{self.number}."


@frozen(kw_only=True)
class FigureRow:
    """One line of the key-figures table."""

    label: str
    """What is counted, as a row label."""
    value: str
    """The current figure, worded: "hơn 13.000 lượt"."""
    previous: str | None = None
    """The figure of the comparison period, worded, if any."""
    change: str | None = None
    """The change against it, worded, if any."""
    code: str = ""
    """The indicator's code, for templates that pick rows."""
    completeness: str | None = None
    """Who reported, when not every unit did: "9/11 đơn vị báo cáo" (also in :attr:`value`)."""


@frozen(kw_only=True)
class FigureTable:
    """The table of key figures."""

    caption: str
    columns: tuple[str, ...] = field(converter=_texts)
    """Column headings: label, current value, and (with a comparison) previous value and change."""
    rows: tuple[FigureRow, ...] = field(converter=_rows)

    @property
    def has_comparison(self) -> bool:
        """Whether the table has the comparison columns."""
        return len(self.columns) > 2


@frozen(kw_only=True)
class Signature:
    """The signature block: "KT. TRƯỞNG CÔNG AN / PHÓ TRƯỞNG CÔNG AN / Đại tá Ngô Quốc Huy"."""

    authority: str
    """The authority line in capitals, with TM./KT. where it applies; "" for none."""
    title: str
    """The signer's post in capitals: "PHÓ TRƯỞNG CÔNG AN"."""
    name: str
    """The signer's name, with the rank where police put it: "Đại tá Ngô Quốc Huy"."""


@frozen(kw_only=True)
class Report:
    """A review report, worded in one locale, ready for any renderer."""

    locale: str
    """``"vi"`` or ``"en"``."""
    heading: Heading
    opening: tuple[str, ...] = field(converter=_texts)
    """The paragraphs before section I: basis and situation."""
    sections: tuple[Section, ...] = field(converter=_sections)
    table: FigureTable | None = None
    """The key figures, or ``None``."""
    recipients_title: str = "Nơi nhận:"
    recipients: tuple[str, ...] = field(default=(), converter=_texts)
    """The "Nơi nhận" lines, each with its final punctuation."""
    signature: Signature | None = None
    date: pendulum.Date | None = field(default=None, converter=_date)
    """The report's date."""
    chart_svg: str | None = None
    """An SVG chart of current against previous figures, where there is a comparison."""
    chart_png: bytes | None = field(default=None, repr=False)
    """The same chart as PNG, for Word."""
    review: Any = field(default=None, repr=False, eq=False)
    """The review the report was built from (for custom templates)."""
    figures: Any = field(default=None, repr=False, eq=False)
    """The figures it was built from (for custom templates)."""
    warnings: tuple[str, ...] = field(default=(), converter=_texts)
    """The drafter's notes, never laid out in the document: the review's records disagree with its
    figures, the comparison period has no figures, the review has no figures at all. They are also
    lines of :attr:`checklist`."""
    checklist: tuple[str, ...] = field(default=(), converter=_texts)
    """The drafter's checklist, never in the document unless asked for (``findings=True`` adds it as an
    appendix titled as the drafter's): every validation rule's result, worded with the rule's own
    Vietnamese or English name, the :attr:`warnings`, and what is left to the drafter (an empty
    "Kiến nghị, đề xuất"). :func:`~anninh_toandan.reports.render_checklist` lays it out as its own file."""
    vietnamese: tuple[str, ...] = field(default=(), converter=_texts)
    """The paragraphs of an English report that exist only in Vietnamese (marked "[In Vietnamese]");
    the HTML puts ``lang="vi"`` on them."""

    def walk(self) -> tuple[Section, ...]:
        """Every section, depth first."""
        out: list[Section] = []
        stack = list(reversed(self.sections))
        while stack:
            s = stack.pop()
            out.append(s)
            stack.extend(reversed(s.subsections))
        return tuple(out)
