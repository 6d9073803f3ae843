"""Excel data-entry workbooks for ward and commune offices (optional extra ``excel``).

:func:`make_workbook` writes a form for one period: one row per unit, one
column per indicator, and for indicators that may be approximate a
"mức độ" (qualifier) column with a drop-down. :func:`read_workbook` reads it
back once an officer has filled it in, accepting numbers as officers write
them, and returns the figures with an :class:`ImportSummary` that names
every rejected cell by sheet, row and column.

The workbook has three sheets:

* ``Số liệu`` (:data:`DATA_SHEET`): row 1 the title, row 2 the headers
  ("Buổi tuyên truyền (buổi)", each with a comment on how to type values),
  data from row 3. Column A holds the unit codes, B the unit names; both and
  the header rows are locked (sheet protection without a password: it
  prevents accidents, not attacks). Value cells are formatted as text, so
  that Excel keeps "1.200" and "03" as typed instead of turning them into 1,2
  or 3 or into dates.
* ``Hướng dẫn`` (:data:`INSTRUCTIONS_SHEET`): instructions in Vietnamese.
* ``_meta`` (:data:`META_SHEET`, very hidden): the form's period id, its
  columns (letter, indicator code, role, header text) and its units (code,
  name). :func:`read_workbook` compares the data sheet with it, so moved,
  inserted or deleted columns and rows, and workbooks not made by
  :func:`make_workbook`, are errors instead of guesses.

What a value cell accepts (the unit may be typed or left out; for money the
scale words triệu and tỷ are allowed):

=========================  ======================================
typed                      figure
=========================  ======================================
(empty)                    not reported (missing is not zero)
``0``                      a reported zero
``1.200``, ``1200``        exactly 1200
``03``                     exactly 3
``hơn 1.200``              more than 1200
``gần 35 tỷ`` (money)      nearly 35 000 000 000 đồng
``khoảng 200``             about 200
``hàng trăm``              hundreds (100 to 999)
=========================  ======================================

The qualifier may instead be chosen in the "mức độ" column: ``chính xác``
(exact, the default when empty), ``hơn``, ``gần``, ``khoảng`` or ``hàng``
(with a power of ten as the number: ``100`` + ``hàng`` is "hàng trăm"). A
qualifier typed in the value cell and a different one chosen in the column
is a rejected cell, not a guess. An indicator without a qualifier column
takes exact numbers only.

Workbooks are untrusted input. Reading needs ``defusedxml`` (installed by the
extra; openpyxl then parses the XML safely) and refuses, before openpyxl
sees it, a file that unpacks to more than *max_size* bytes (64 MiB by
default), a member packed more than :data:`MAX_RATIO` to 1 (beyond 1 MiB),
or more than :data:`MAX_MEMBERS` members: a zip bomb gets an error, not the
memory.
"""

from __future__ import annotations

import datetime as _dt
import enum
import io
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from attrs import frozen

from anninh_toandan import _vocabulary as vocab
from anninh_toandan._files import atomic_write_bytes
from anninh_toandan.errors import AnninhError, FormatError, ParseError, QuantityError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
from anninh_toandan.formatting import format_period, format_quantity
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator
from anninh_toandan.io._tabular import MissingExtraError, check_indicators, require
from anninh_toandan.io.errors import FileFormatError, Problem
from anninh_toandan.orgunit import Hierarchy, OrgUnit
from anninh_toandan.parsing import parse_money, parse_quantity
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity

__all__ = [
    "DATA_SHEET",
    "INSTRUCTIONS_SHEET",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_SIZE",
    "META_SHEET",
    "PLAUSIBLE_LIMITS",
    "QUALIFIER_WORDS",
    "CellWarning",
    "ImportSummary",
    "RejectedCell",
    "RejectedCellsError",
    "WorkbookError",
    "WorkbookImport",
    "make_workbook",
    "read_workbook",
]

#: The sheet that holds the figures.
DATA_SHEET = "Số liệu"
#: The sheet with the instructions for officers.
INSTRUCTIONS_SHEET = "Hướng dẫn"
#: The very hidden sheet that describes the form.
META_SHEET = "_meta"
#: The largest total unpacked size of a workbook that :func:`read_workbook` opens by default (64 MiB).
MAX_SIZE = 64 * 1024 * 1024
#: The largest compression ratio allowed for a member of more than 1 MiB.
MAX_RATIO = 100
#: The largest number of members in a workbook's zip archive.
MAX_MEMBERS = 1000
_RATIO_FLOOR = 1024 * 1024

#: The words of the "mức độ" column and the qualifiers they mean.
QUALIFIER_WORDS: Mapping[str, Qualifier] = {
    "chính xác": Qualifier.EXACT,
    **{word: q for q, words in vocab.QUALIFIER_CHOICES.items() for word in words},
    vocab.ORDER_OF: Qualifier.ORDER_OF,
}
_WORD_OF = {q: words[0] for q, words in vocab.QUALIFIER_CHOICES.items()} | {Qualifier.ORDER_OF: vocab.ORDER_OF}
_DROPDOWN = ("chính xác", *(_WORD_OF[q] for q in (Qualifier.MORE_THAN, Qualifier.NEARLY, Qualifier.ABOUT)), "hàng")

#: The largest value one unit (a ward, a commune) plausibly reports, by the indicator's unit; a larger one is
#: imported with a warning (:attr:`ImportSummary.warnings`), not rejected. Other counts: :data:`_PLAUSIBLE_COUNT`.
PLAUSIBLE_LIMITS: Mapping[str, int] = {
    "đồng": 10**12,
    "lượt": 10**6,
    "lượt người": 10**6,
    "người": 10**6,
    "bản": 10**6,
    "tờ": 10**6,
}
_PLAUSIBLE_COUNT = 10**4
_NOTE = re.compile(r"(?P<value>.*?\S)\s*[(\[](?P<note>[^()\[\]]*)[)\]]\s*", re.DOTALL)
_ABBREVIATION = re.compile(rf"(?<=\d)\s*(?P<a>{vocab.alternation(vocab.ABBREVIATED_SCALES)})\.?(?!\w)", re.IGNORECASE)
_QUALIFIED_ZERO = re.compile(rf"\s*(?P<w>{vocab.alternation(vocab.QUALIFIERS)})\s+0+(?:\s.*)?", re.IGNORECASE)

_C = TypeVar("_C", "RejectedCell", "CellWarning")
_FORMAT = "anninh_toandan.workbook"
_VERSION = 1
_HEADER_ROW = 2
_FIRST_ROW = 3
_FIRST_COLUMN = 3
_CODE_HEADER = "Mã đơn vị"
_NAME_HEADER = "Tên đơn vị"
_EXTRA = "excel"
_MAX_EXACT_FLOAT = 2**53


class WorkbookError(FileFormatError):
    """A workbook that cannot be read as a form: not an .xlsx file, too large for its data, not made by
    :func:`make_workbook`, or changed in its layout. :attr:`problems` names each place."""


class RejectedCellsError(WorkbookError):
    """Cells were rejected in a strict :func:`read_workbook`; :attr:`result` holds the summary (no figures)."""

    def __init__(self, result: WorkbookImport, source: str | None) -> None:
        self.result = result
        super().__init__([cell.problem() for cell in result.summary.rejected], source)


@frozen(kw_only=True)
class _Cell:
    """A cell of the form and what is wrong with it."""

    sheet: str
    row: int
    column: str
    """The column letter, as Excel shows it."""
    value: object
    """The value as openpyxl read it (text, number, date, formula text)."""
    reason: str
    """What is wrong, in English: ``must be a whole number ...``."""
    unit: str
    """The code of the unit of the row."""
    indicator: str
    """The code of the indicator of the column."""
    reason_vi: str = ""
    """The same, in Vietnamese, for the officer who fills the form in."""
    indicator_name: str = ""
    """The indicator's Vietnamese name ("Buổi tuyên truyền"), as the column header shows it."""
    indicator_name_en: str = ""
    """The indicator's English name."""
    unit_name: str = ""
    """The name of the unit of the row, as column B shows it ("Phường Lộc Phát")."""

    def describe(self, *, locale: str = "vi") -> str:
        """The cell, the indicator and the unit, the value and what to do, for the person who typed it.

        ``Trang “Số liệu”, dòng 5, cột C — Buổi tuyên truyền, Phường Lộc Phát (đã nhập “1,5”): số buổi phải là số
        nguyên.``
        """
        if locale == "vi" and self.reason_vi:
            shown = _shown_vi(self.value)
            what = f" — {self.indicator_name}, {self.unit_name}" if self.indicator_name else ""
            return (
                f"Trang “{self.sheet}”, dòng {self.row}, cột {self.column}{what} (đã nhập “{shown}”): {self.reason_vi}."
            )
        what = f" ({self.indicator_name_en}, {self.unit_name})" if self.indicator_name_en else ""
        return f"{self.where}{what}: {self.reason} (got {self.value!r})"

    @property
    def where(self) -> str:
        """``sheet 'Số liệu', row 5, column D``."""
        return _at(self.sheet, self.row, self.column)

    def problem(self) -> Problem:
        """The cell as a :class:`~anninh_toandan.io.errors.Problem`."""
        return Problem(path=self.where, message=f"{self.reason} (got {self.value!r})", value=self.value)


@frozen(kw_only=True)
class RejectedCell(_Cell):
    """A cell whose value was not imported, and why (the fields: sheet, row, column, value, reason, unit,
    indicator, reason_vi, indicator_name, indicator_name_en, unit_name)."""


@frozen(kw_only=True)
class CellWarning(_Cell):
    """A cell that was imported but looks wrong (a value implausible for one unit), with the fields of
    :class:`RejectedCell`; :attr:`ImportSummary.warnings` lists it."""


@frozen(kw_only=True)
class ImportSummary:
    """What :func:`read_workbook` did with the cells of the form."""

    imported: int
    """Cells with a number, imported as reported figures."""
    empty: int
    """Empty cells: not reported figures."""
    rejected: tuple[RejectedCell, ...] = ()
    """Cells that could not be read, in sheet order."""
    warnings: tuple[CellWarning, ...] = ()
    """Cells imported with a warning (a value implausible for one unit), in sheet order."""

    @property
    def ok(self) -> bool:
        """Whether no cell was rejected."""
        return not self.rejected

    def describe(self, *, locale: str = "en") -> str:
        """A short account, one line per rejected cell, in English or (``locale="vi"``) Vietnamese.

        >>> print(ImportSummary(imported=30, empty=3).describe())
        30 imported, 3 empty (not reported), 0 rejected
        >>> print(ImportSummary(imported=30, empty=3).describe(locale="vi"))
        30 ô đã nhập, 3 ô để trống (chưa báo cáo), 0 ô bị từ chối
        """
        if locale == "vi":
            head = (
                f"{self.imported} ô đã nhập, {self.empty} ô để trống (chưa báo cáo), {len(self.rejected)} ô bị từ chối"
            )
            if self.warnings:
                head += f", {len(self.warnings)} ô cần xem lại"
        else:
            head = f"{self.imported} imported, {self.empty} empty (not reported), {len(self.rejected)} rejected"
            if self.warnings:
                head += f", {len(self.warnings)} to check"
        cells = [*self.rejected, *self.warnings]
        return "\n".join([head, *(f"  {c.describe(locale=locale)}" for c in cells)])


@frozen(kw_only=True)
class WorkbookImport:
    """The result of :func:`read_workbook`."""

    period: Period
    units: tuple[str, ...]
    """The unit codes of the form, in row order."""
    indicators: tuple[Indicator, ...]
    """The indicators of the form, in column order."""
    figures: FigureSet | None
    """The figures read (``None`` in a dry run): reported for numbers, not reported for empty cells."""
    summary: ImportSummary
    findings: tuple[object, ...] = ()
    """What the ``check`` callable returned for the figures (also in a dry run)."""


# -- helpers ---------------------------------------------------------------------


def _openpyxl(purpose: str) -> Any:
    return require("openpyxl", _EXTRA, purpose)


def _shown_vi(value: object) -> str:
    """A cell's value as Excel shows it to a Vietnamese officer: 1,2 for 1.2, 1/3/2022 for a date."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")
    if isinstance(value, _dt.datetime):
        return f"{value.day}/{value.month}/{value.year}" + (f" {value:%H:%M}" if value.time() != _dt.time() else "")
    if isinstance(value, _dt.date):
        return f"{value.day}/{value.month}/{value.year}"
    if isinstance(value, _dt.time):
        return f"{value:%H:%M}"
    return str(value)


def _at(sheet: str, row: int | None = None, column: str | None = None) -> str:
    place = f"sheet {sheet!r}"
    if row is not None:
        place += f", row {row}"
    if column is not None:
        place += f", column {column}"
    return place


def _letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _group(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split()).casefold()


class _Role(enum.Enum):
    VALUE = "value"
    QUALIFIER = "qualifier"


@frozen
class _Column:
    index: int
    code: str
    role: _Role
    header: str


def _units(units: Iterable[OrgUnit | str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for u in units:
        if isinstance(u, OrgUnit):
            code, name = u.code, u.full_name
        elif isinstance(u, str) and u.strip():
            code, name = u, u
        else:
            msg = f"'units' must hold OrgUnit objects or unit codes (got {u!r} of type {type(u).__name__})"
            raise ValidationTypeError(msg)
        if code in seen:
            msg = f"'units' must not name a unit twice (got {code!r} again)"
            raise FormatError(msg)
        seen.add(code)
        out.append((code, name))
    if not out:
        msg = "'units' must name at least one unit (got none)"
        raise FormatError(msg)
    return out


def _indicators(indicators: Iterable[Indicator | str]) -> list[Indicator]:
    out: list[Indicator] = []
    for i in indicators:
        ind = i if isinstance(i, Indicator) else STANDARD_INDICATORS.lookup(i)
        if any(o.code == ind.code for o in out):
            msg = f"'indicators' must not name an indicator twice (got {ind.code!r} again)"
            raise FormatError(msg)
        out.append(ind)
    if not out:
        msg = "'indicators' must name at least one indicator (got none)"
        raise FormatError(msg)
    return out


def _layout(indicators: Sequence[Indicator], approximate: bool | Iterable[Indicator | str]) -> list[_Column]:
    if isinstance(approximate, bool):
        with_qualifier = {i.code for i in indicators} if approximate else set()
    else:
        with_qualifier = {a.code if isinstance(a, Indicator) else a for a in approximate}
    columns: list[_Column] = []
    index = _FIRST_COLUMN
    for ind in indicators:
        columns.append(_Column(index, ind.code, _Role.VALUE, f"{ind.name_vi} ({ind.unit})"))
        index += 1
        if ind.code in with_qualifier:
            columns.append(_Column(index, ind.code, _Role.QUALIFIER, f"{ind.name_vi}: mức độ"))
            index += 1
    return columns


def _prefill(
    figures: FigureSet | None,
    period: Period,
    units: Sequence[tuple[str, str]],
    indicators: Sequence[Indicator],
    columns: Sequence[_Column],
) -> dict[tuple[str, str], tuple[str, str | None]]:
    """The (value text, qualifier word) of each (unit, indicator) cell to fill in."""
    out: dict[tuple[str, str], tuple[str, str | None]] = {}
    if figures is None:
        return out
    unit_codes = {code for code, _ in units}
    by_code = {i.code: i for i in indicators}
    with_qualifier = {c.code for c in columns if c.role is _Role.QUALIFIER}
    for f in figures:
        where = f"the figure for indicator {f.indicator.code!r}, unit {f.unit!r}, period {f.period.id!r}"
        if f.period != period or f.unit not in unit_codes or by_code.get(f.indicator.code) != f.indicator:
            msg = f"{where} must be for the workbook's period, units and indicators"
            raise FormatError(msg)
        if f.status is FigureStatus.MENTIONED or f.note is not None or f.reported_by is not None:
            msg = f"{where} must be reported or not reported, without note or reporter, to go into a workbook"
            raise FormatError(msg)
        q = f.value
        if q is None:
            continue
        default = Quantity(value=q.value, unit=q.unit, qualifier=q.qualifier)
        if q != default or q.unit != f.indicator.unit:
            msg = f"{where} must be in {f.indicator.unit!r} with the bounds its qualifier states (got {q!r})"
            raise FormatError(msg)
        if not q.is_exact and f.indicator.code not in with_qualifier:
            msg = f"{where} must be exact: its column takes no qualifier (got {q!r})"
            raise FormatError(msg)
        out[(f.unit, f.indicator.code)] = (_group(q.value), _WORD_OF.get(q.qualifier))
    return out


_INSTRUCTIONS = (
    "HƯỚNG DẪN NHẬP SỐ LIỆU",
    "",
    "Kỳ báo cáo: {period} (mã kỳ {period_id}).",
    "1. Trang 'Số liệu': mỗi dòng là một đơn vị, mỗi cột là một chỉ tiêu; đơn vị tính ghi trong ngoặc ở tiêu đề cột.",
    "2. Gõ số như thường viết: 1.200 hoặc 1200 (dấu chấm phân cách hàng nghìn); 03 được hiểu là 3.",
    "3. Để TRỐNG ô nếu đơn vị chưa có số liệu. Ô trống là 'chưa báo cáo', không phải số 0; có số 0 thì gõ 0.",
    "4. Số ước lượng: chọn ở cột 'mức độ' (chính xác, hơn, gần, khoảng, hàng) hoặc gõ thẳng vào ô số liệu, "
    "ví dụ: hơn 1.200; gần 35 tỷ; khoảng 200; hàng trăm. Với 'hàng', số phải là 10, 100, 1.000...",
    "5. Số tiền tính bằng đồng: 437.000.000, 437000000 hoặc 437 triệu; 1,2 tỷ.",
    "6. Không dùng công thức, không gộp ô, không đổi tên trang, không chèn, xóa hay di chuyển cột, dòng.",
    "7. Không gõ ngày tháng vào ô số liệu. Ô số liệu đã định dạng văn bản (Text); xin giữ nguyên định dạng.",
    "8. Trang ẩn '_meta' mô tả biểu mẫu; chương trình dùng nó để kiểm tra khi nhập, xin không sửa.",
    "",
    "CÁC CỘT",
)


def _write_data_sheet(
    ws: Any,
    title: str,
    units: Sequence[tuple[str, str]],
    indicators: Sequence[Indicator],
    columns: Sequence[_Column],
    prefill: Mapping[tuple[str, str], tuple[str, str | None]],
) -> None:
    styles = require("openpyxl.styles", _EXTRA, "Writing workbooks")
    comments = require("openpyxl.comments", _EXTRA, "Writing workbooks")
    validation = require("openpyxl.worksheet.datavalidation", _EXTRA, "Writing workbooks")
    bold = styles.Font(bold=True)
    header_fill = styles.PatternFill("solid", fgColor="DDEBF7")
    wrap = styles.Alignment(wrap_text=True, vertical="top")
    unlocked = styles.Protection(locked=False)

    def text(row: int, col: int, value: str) -> Any:
        cell = ws.cell(row=row, column=col, value=value)
        cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell

    text(1, 1, title).font = styles.Font(bold=True, size=13)
    for col, header in [(1, _CODE_HEADER), (2, _NAME_HEADER)] + [(c.index, c.header) for c in columns]:
        cell = text(_HEADER_ROW, col, header)
        cell.font, cell.fill, cell.alignment = bold, header_fill, wrap
    ws.row_dimensions[_HEADER_ROW].height = 75
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 24
    by_code = {i.code: i for i in indicators}
    for c in columns:
        ws.column_dimensions[_letter(c.index)].width = 18 if c.role is _Role.VALUE else 12
        if c.role is _Role.VALUE:
            ind = by_code[c.code]
            hint = "Gõ số như 1.200 hoặc 1200; để trống nếu chưa có số liệu; 0 là số không."
            if any(o.code == c.code and o.role is _Role.QUALIFIER for o in columns):
                hint += " Số ước lượng: chọn mức độ ở cột bên phải, hoặc gõ 'hơn 1.200', 'gần 50', 'hàng trăm'."
            else:
                hint += " Cột này chỉ nhận số chính xác."
            if ind.is_money:
                hint += " Số tiền tính bằng đồng; có thể gõ '437 triệu', '1,2 tỷ'."
            ws.cell(row=_HEADER_ROW, column=c.index).comment = comments.Comment(hint, "anninh_toandan")
    dropdown = validation.DataValidation(
        type="list",
        formula1='"' + ",".join(_DROPDOWN) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Mức độ",
        error="Chọn một trong: " + ", ".join(_DROPDOWN) + " (hoặc để trống nếu là số chính xác).",
    )
    ws.add_data_validation(dropdown)
    for offset, (code, name) in enumerate(units):
        row = _FIRST_ROW + offset
        text(row, 1, code)
        text(row, 2, name)
        for c in columns:
            value, word = prefill.get((code, c.code), ("", None))
            content = value if c.role is _Role.VALUE else (word or "")
            cell = text(row, c.index, content) if content else ws.cell(row=row, column=c.index)
            cell.protection = unlocked
            cell.number_format = "@"
    last_row = _FIRST_ROW + len(units) - 1
    for c in columns:
        if c.role is _Role.QUALIFIER:
            dropdown.add(f"{_letter(c.index)}{_FIRST_ROW}:{_letter(c.index)}{last_row}")
    ws.freeze_panes = ws.cell(row=_FIRST_ROW, column=_FIRST_COLUMN).coordinate
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.enable()


def make_workbook(
    units: Iterable[OrgUnit | str],
    period: Period,
    indicators: Iterable[Indicator | str],
    path: str | os.PathLike[str] | None = None,
    *,
    figures: FigureSet | None = None,
    approximate: bool | Iterable[Indicator | str] = True,
    title: str | None = None,
) -> bytes:
    """A data-entry workbook (.xlsx) for *units* and *indicators* over *period*; returns its bytes.

    *units* are :class:`~anninh_toandan.orgunit.OrgUnit` objects (the sheet
    shows their full names) or unit codes; *indicators* are
    :class:`~anninh_toandan.indicator.Indicator` objects or standard codes.
    *approximate* says which indicators get a "mức độ" (qualifier) column:
    all (``True``, the default), none (``False``) or those listed. *figures*
    pre-fills the form (each must be reported or not reported, without note
    or reporter, in the indicator's unit with its qualifier's bounds);
    *title* replaces the default title row. With *path*, the workbook is also
    written there through a temporary file and a rename.

    >>> from anninh_toandan.period import Period
    >>> data = make_workbook(["24823", "24820"], Period.half_year(2022, 1), ["outreach_sessions", "tips_received"])
    >>> data[:2]
    b'PK'
    """
    opx = _openpyxl("Writing workbooks")
    protection = require("openpyxl.workbook.protection", _EXTRA, "Writing workbooks")
    if not isinstance(period, Period):
        msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
        raise ValidationTypeError(msg)
    unit_rows = _units(units)
    inds = _indicators(indicators)
    columns = _layout(inds, approximate)
    prefill = _prefill(figures, period, unit_rows, inds, columns)
    period_text = format_period(period)
    heading = title or f"SỐ LIỆU PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC: {period_text}"

    wb = opx.Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    _write_data_sheet(ws, heading, unit_rows, inds, columns, prefill)

    guide = wb.create_sheet(INSTRUCTIONS_SHEET)
    lines = [line.format(period=period_text, period_id=period.id) for line in _INSTRUCTIONS]
    lines += [f"Cột {_letter(c.index)}: {c.header} (mã {c.code})" for c in columns]
    for row, line in enumerate(lines, start=1):
        cell = guide.cell(row=row, column=1, value=line)
        cell.data_type = "s"
    guide.column_dimensions["A"].width = 120
    guide.protection.enable()

    meta = wb.create_sheet(META_SHEET)
    meta_rows: list[list[object]] = [["format", _FORMAT, _VERSION], ["period", period.id]]
    meta_rows += [["column", _letter(c.index), c.code, c.role.value, c.header] for c in columns]
    meta_rows += [["unit", code, name] for code, name in unit_rows]
    for r, values in enumerate(meta_rows, start=1):
        for col, value in enumerate(values, start=1):
            cell = meta.cell(row=r, column=col, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    meta.sheet_state = "veryHidden"
    meta.protection.enable()
    wb.security = protection.WorkbookProtection(lockStructure=True)
    wb.active = 0

    out = io.BytesIO()
    wb.save(out)
    data = out.getvalue()
    if path is not None:
        atomic_write_bytes(path, data)
    return data


# -- reading ---------------------------------------------------------------------------


class _Reject(Exception):
    def __init__(self, column: int, reason: str, reason_vi: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.reason_vi = reason_vi
        self.column = column


def _guard(data: bytes, source: str | None, max_size: int) -> None:
    """Refuse what is not an .xlsx zip archive, or unpacks far beyond its size, before openpyxl reads it."""

    def refuse(message: str) -> WorkbookError:
        return WorkbookError([Problem(path="$", message=message)], source)

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        msg = "must be an Excel workbook (.xlsx, a zip archive); this file is not one (an old .xls, a CSV, damaged?)"
        raise refuse(msg) from None
    except NotImplementedError as exc:  # a part says it needs a zip version or method Python cannot read
        msg = f"must be a zip archive Excel writes; this one uses a feature that cannot be read ({exc})"
        raise refuse(msg) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            msg = f"must have at most {MAX_MEMBERS} parts, got {len(infos)}: refused as a possible zip bomb"
            raise refuse(msg)
        total = sum(i.file_size for i in infos)
        if total > max_size:
            msg = (
                f"must unpack to at most {max_size} bytes (max_size), got {total} bytes from a "
                f"{len(data)}-byte file: refused as a possible zip bomb"
            )
            raise refuse(msg)
        for info in infos:
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                msg = (
                    f"must not hold a part compressed more than {MAX_RATIO} to 1, got {info.filename!r} "
                    f"({info.compress_size} bytes unpacking to {info.file_size}): refused as a possible zip bomb"
                )
                raise refuse(msg)
        if "xl/workbook.xml" not in archive.namelist():
            msg = "must be an Excel workbook (.xlsx): the zip archive has no xl/workbook.xml"
            raise refuse(msg)


def _load(opx: Any, data: bytes, source: str | None) -> Any:
    with warnings.catch_warnings():
        # openpyxl warns when it drops Excel features it does not model (data-validation
        # extensions, conditional formats, slicers, ...). They never change the cell values
        # read here, and the form's own checks below look at every cell, so the warnings carry
        # nothing for the caller; other warnings still surface.
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")
        try:
            return opx.load_workbook(io.BytesIO(data), data_only=False, keep_links=False, rich_text=False)
        except Exception as exc:  # untrusted input: whatever the parser chokes on is the file's fault
            root: BaseException = exc
            while root.__cause__ is not None or root.__context__ is not None:
                root = root.__cause__ or root.__context__  # type: ignore[assignment]
            reason = " ".join(str(root).split())
            problem = Problem(path="$", message=f"must be a readable .xlsx workbook ({type(root).__name__}: {reason})")
            raise WorkbookError([problem], source) from None


@frozen
class _Form:
    period: Period
    columns: tuple[_Column, ...]
    units: tuple[tuple[str, str], ...]


#: The columns of a line of the ``_meta`` sheet: a key and up to four values.
_META_COLUMNS = 5


def _rows_present(ws: Any, width: int) -> Iterator[tuple[int, list[Any]]]:
    """Each row of *ws* that has a cell in the file, with its values: columns 1 to *width*, then any further ones.

    Only the cells stored in the file are visited, never the used rectangle:
    a single cell at ``XFD1048576`` costs one step, not seventeen billion.
    """
    by_row: dict[int, dict[int, Any]] = {}
    for (r, c), cell in ws._cells.items():
        by_row.setdefault(r, {})[c] = cell.value
    for r in sorted(by_row):
        cells = by_row[r]
        values = [cells.get(c) for c in range(1, width + 1)]
        # a value further right is shown with its column: "XFD: 'x'"
        values += [f"{_letter(c)}: {cells[c]!r}" for c in sorted(cells) if c > width and cells[c] is not None]
        yield r, values


def _read_meta(ws: Any, indicators: Mapping[str, Indicator], problems: list[Problem]) -> _Form | None:
    period: Period | None = None
    fmt_ok = False
    columns: list[_Column] = []
    units: list[tuple[str, str]] = []
    seen_columns = 0
    before = len(problems)

    def bad(row: int, message: str, value: object) -> None:
        problems.append(Problem(path=_at(META_SHEET, row), message=message, value=value))

    for r, values in _rows_present(ws, _META_COLUMNS):
        key, *rest = values[:_META_COLUMNS]
        if key == "format":
            fmt_ok = rest[:2] == [_FORMAT, _VERSION]
            if not fmt_ok:
                bad(r, f"must be the form {_FORMAT!r} version {_VERSION}, got {rest[:2]!r}", rest[:2])
        elif key == "period":
            try:
                period = Period.parse(rest[0])
            except AnninhError:
                bad(r, f"must hold a period id such as '2022S1', got {rest[0]!r}", rest[0])
        elif key == "column":
            letter, code, role, header = rest
            index = _FIRST_COLUMN + seen_columns
            seen_columns += 1
            if letter != _letter(index) or role not in ("value", "qualifier") or not isinstance(header, str):
                bad(r, f"must describe column {_letter(index)}, got {rest!r}", rest)
            elif code not in indicators:
                msg = f"must name a known indicator (pass indicators= for custom ones), got {code!r}"
                bad(r, msg, code)
            else:
                columns.append(_Column(index, code, _Role(role), header))
        elif key == "unit":
            code, name = rest[:2]
            if not isinstance(code, str) or not isinstance(name, str):
                bad(r, f"must hold a unit code and name, got {rest[:2]!r}", rest[:2])
            else:
                units.append((code, name))
        elif any(v is not None for v in values):
            shown = list(values)
            while shown[-1] is None:  # values holds at least one value
                shown.pop()
            bad(r, f"must be a line of the form's description, got {shown!r}", shown)
    if not fmt_ok and len(problems) == before:
        bad(1, "must describe a form made by make_workbook, got no format line", None)
    if period is not None and fmt_ok and columns and units and len(problems) == before:
        return _Form(period, tuple(columns), tuple(units))
    if len(problems) == before:
        bad(1, "must describe the form's period, columns and units, got an incomplete description", None)
    return None


def _check_layout(ws: Any, form: _Form, hierarchy: Hierarchy | None, problems: list[Problem]) -> dict[str, int]:
    """Check the data sheet against the form; return the row of each unit code."""

    def bad(row: int | None, column: str | None, message: str, value: object) -> None:
        problems.append(Problem(path=_at(DATA_SHEET, row, column), message=message, value=value))

    expected_headers = {1: _CODE_HEADER, 2: _NAME_HEADER} | {c.index: c.header for c in form.columns}
    for col, header in expected_headers.items():
        found = ws.cell(row=_HEADER_ROW, column=col).value
        if found != header:
            message = f"must be the header {header!r}: columns were moved, inserted or deleted, got {found!r}"
            bad(_HEADER_ROW, _letter(col), message, found)
    for merged in ws.merged_cells.ranges:
        if merged.max_row >= _HEADER_ROW:
            bad(None, None, f"must have no merged cells in the form, got {merged.coord}", merged.coord)
    last = max(expected_headers)
    names = dict(form.units)
    rows: dict[str, int] = {}
    # Only the cells present in the file (not the whole used rectangle, which a single far cell can make huge).
    present = sorted(ws._cells)
    for r, c in present:
        value = ws._cells[(r, c)].value
        if r >= _HEADER_ROW and c > last and value is not None:
            message = "must be empty: the form has no such column (a column was inserted or typed into)"
            bad(r, _letter(c), f"{message}, got {value!r}", value)
    for r in sorted({r for r, _ in present if r >= _FIRST_ROW}):
        code = ws.cell(row=r, column=1).value
        name = ws.cell(row=r, column=2).value
        if code is None:
            cells = [ws._cells[(r, c)].value for c in range(2, last + 1) if (r, c) in ws._cells]
            if any(v is not None for v in cells):
                bad(r, "A", "must hold a unit code: a row was added to the form", None)
        elif code not in names:
            bad(r, "A", f"must be one of the form's unit codes (rows cannot be added or renamed), got {code!r}", code)
        elif code in rows:
            bad(r, "A", f"must not repeat unit {code!r}, already on row {rows[code]}", code)
        else:
            rows[code] = r
            if name != names[code]:
                bad(r, "B", f"must be the name of unit {code!r}, {names[code]!r}, got {name!r}", name)
    for code, name in form.units:
        if code not in rows:
            bad(None, None, f"must have a row for unit {code!r} ({name}): rows were deleted or changed", code)
        if hierarchy is not None and code not in hierarchy:
            bad(None, None, f"must name units of the hierarchy, got the unknown unit {code!r} ({name})", code)
    return rows


_DATE_TYPES = (_dt.datetime, _dt.date, _dt.time, _dt.timedelta)


def _split_note(text: str) -> tuple[str, str | None]:
    """The value and the note of "15 (tạm tính)": ("15", "tạm tính"); a text without a note is kept whole."""
    m = _NOTE.fullmatch(text)
    if m is None:
        return text, None
    return m["value"], " ".join(m["note"].split()) or None


def _parse_text(text: str, indicator: Indicator, column: int) -> Quantity:
    """Read a typed value: a number as officers write it, a trailing note in brackets set aside, and for
    money the abbreviation "tr" (triệu: "120tr", "120 tr đồng")."""
    parse: Callable[[str], Quantity] = parse_money if indicator.is_money else parse_quantity
    unit = indicator.unit
    text, _note = _split_note(unicodedata.normalize("NFC", text).strip())
    if indicator.is_money:
        text = _ABBREVIATION.sub(lambda m: " " + _SCALE_WORD[vocab.ABBREVIATED_SCALES[m["a"].lower()]], text)
    first: ParseError | None = None
    try:
        q = parse(f"{text} {unit}")
        if q.unit == unit:
            return q
    except ParseError as exc:
        first = exc
    try:
        q = parse(text)
    except ParseError as exc:
        raise _unreadable(text, first or exc, indicator, column) from None
    if _norm(q.unit) != _norm(unit):
        raise _Reject(
            column,
            f"must be in the column's unit {unit!r}, not {q.unit!r}",
            f"phải tính theo đơn vị của cột ({unit}), không phải {q.unit}",
        )
    return Quantity(value=q.value, unit=unit, qualifier=q.qualifier)


_SCALE_WORD = {size: word for size, word in vocab.SCALE_ORDER}


def _unreadable(text: str, exc: ParseError, indicator: Indicator, column: int) -> _Reject:
    """Why a typed value cannot be read, the same reason in English and Vietnamese."""
    zero = _QUALIFIED_ZERO.fullmatch(text)
    if zero is not None:
        word = " ".join(zero["w"].split())
        return _Reject(
            column,
            f"must be a number: '{word} 0' states no amount, as {word!r} needs a number above 0 "
            "(type 0 if there was none)",
            f"“{word} 0” không phải là một con số: sau “{word}” phải là số lớn hơn 0 (nếu không có thì gõ 0)",
        )
    what = "số tiền" if indicator.is_money else f"số {indicator.unit}"
    if "not whole" in exc.reason:
        return _Reject(
            column,
            f"must be a number such as 1.200, 1200 or hơn 1.200: {exc.reason}",
            f"{what} phải là số nguyên" + (" (tính bằng đồng)" if indicator.is_money else ""),
        )
    reason_vi = exc.reason_vi or "không đọc được"
    return _Reject(
        column,
        f"must be a number such as 1.200, 1200 or hơn 1.200: {exc.reason}",
        f"{what} phải là một con số, ví dụ 1.200, 1200 hoặc hơn 1.200: {reason_vi}",
    )


def _value(cell: Any, indicator: Indicator, column: int) -> Quantity | None:
    raw = cell.value
    if raw is None:
        return None
    if cell.data_type == "e":
        raise _Reject(
            column, "must be a number, not an Excel error value", "phải là một số, không phải giá trị lỗi của Excel"
        )
    if isinstance(raw, bool):
        raise _Reject(column, "must be a number, not TRUE or FALSE", "phải là một số, không phải TRUE hoặc FALSE")
    if isinstance(raw, _DATE_TYPES):
        raise _Reject(
            column,
            "must be a number, not a date or time: Excel turns entries such as 1/3 or 1-3 into dates; "
            "format the cell as Text and type the number again",
            "phải là một số, không phải ngày tháng: Excel tự đổi những gì gõ như 1/3 hoặc 1-3 thành ngày; "
            "hãy định dạng ô là Văn bản (Text) rồi gõ lại số",
        )
    if isinstance(raw, float):
        if not raw.is_integer():
            raise _Reject(
                column,
                "must be a whole number: if you typed 1.200 and Excel read it as 1,2, "
                "format the cell as Text and type it again",
                "phải là số nguyên: nếu đã gõ 1.200 mà Excel hiểu thành 1,2 thì hãy định dạng ô là "
                "Văn bản (Text) rồi gõ lại",
            )
        if abs(raw) > _MAX_EXACT_FLOAT:
            raise _Reject(
                column,
                "must be typed as text: an Excel number this large is not exact",
                "phải gõ dưới dạng văn bản: Excel không lưu chính xác số lớn như vậy",
            )
        raw = int(raw)
    if isinstance(raw, int):
        if raw < 0:
            raise _Reject(column, "must be a number >= 0", "không được là số âm")
        return Quantity.exact(raw, indicator.unit)
    if isinstance(raw, str):
        if not raw.strip():
            return None
        return _parse_text(raw, indicator, column)
    raise _Reject(column, f"must be a number, not a {type(raw).__name__}", "phải là một số")


def _qualifier(cell: Any, column: int) -> Qualifier | None:
    raw = cell.value
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    word = _norm(raw) if isinstance(raw, str) else ""
    if word not in QUALIFIER_WORDS:
        raise _Reject(
            column,
            "must be one of " + ", ".join(_DROPDOWN) + " (or empty for an exact number)",
            "phải là một trong " + ", ".join(_DROPDOWN) + " (hoặc để trống nếu số là chính xác)",
        )
    return QUALIFIER_WORDS[word]


def _read_cell(ws: Any, row: int, indicator: Indicator, value_col: int, qualifier_col: int | None) -> Quantity | None:
    vcell = ws.cell(row=row, column=value_col)
    qcell = ws.cell(row=row, column=qualifier_col) if qualifier_col is not None else None
    for cell, col in ((vcell, value_col), (qcell, qualifier_col)):
        if cell is not None and col is not None and cell.data_type == "f":
            raise _Reject(
                col,
                "must be typed in, not a formula: type the number itself",
                "phải gõ trực tiếp, không dùng công thức: hãy gõ chính con số",
            )
    chosen = _qualifier(qcell, qualifier_col) if qcell is not None and qualifier_col is not None else None
    q = _value(vcell, indicator, value_col)
    if q is None:
        if chosen is not None:
            assert qualifier_col is not None
            raise _Reject(
                qualifier_col,
                "must be empty when the number is empty (a qualifier without a number)",
                "phải để trống khi ô số liệu để trống (có mức độ mà không có số)",
            )
        return None
    if qualifier_col is None and not q.is_exact:
        raise _Reject(
            value_col,
            "must be an exact number: this column takes no hơn, gần, khoảng or hàng",
            "phải là số chính xác: cột này không nhận hơn, gần, khoảng hoặc hàng",
        )
    if chosen is None or chosen is q.qualifier:
        return q
    if not q.is_exact:
        word = _WORD_OF[q.qualifier]
        assert qualifier_col is not None
        raise _Reject(
            qualifier_col,
            f"must agree with the number, which says {word!r}",
            f"phải khớp với ô số liệu, nơi đã ghi “{word}”",
        )
    try:
        return Quantity(value=q.value, unit=q.unit, qualifier=chosen)
    except QuantityError:
        if chosen is Qualifier.ORDER_OF:
            raise _Reject(
                value_col,
                "must be 10, 100, 1.000, ... with 'hàng' (100 + hàng = hàng trăm)",
                "phải là 10, 100, 1.000, ... khi chọn “hàng” (100 + hàng = hàng trăm)",
            ) from None
        raise _Reject(
            value_col,
            f"must be more than 0 with {_WORD_OF[chosen]!r}",
            f"“{_WORD_OF[chosen]} 0” không phải là một con số: khi chọn “{_WORD_OF[chosen]}”, số phải lớn hơn 0 "
            "(nếu không có thì gõ 0 và để trống cột mức độ)",
        ) from None


def _note(raw: object) -> str | None:
    """The note in brackets after a typed number ("15 (tạm tính)"), kept on the figure."""
    return _split_note(unicodedata.normalize("NFC", raw).strip())[1] if isinstance(raw, str) else None


def _implausible(q: Quantity, indicator: Indicator, column: int) -> _Reject | None:
    """A warning when *q* is larger than one unit plausibly reports (:data:`PLAUSIBLE_LIMITS`)."""
    limit = PLAUSIBLE_LIMITS.get(indicator.unit, _PLAUSIBLE_COUNT)
    if q.value <= limit:
        return None
    top = Quantity.exact(limit, indicator.unit)
    shown, most = format_quantity(q), format_quantity(top)
    shown_en, most_en = format_quantity(q, locale="en"), format_quantity(top, locale="en")
    return _Reject(
        column,
        f"is implausibly large for one unit: {shown_en} (more than {most_en}); imported, please check it",
        f"{shown} là quá lớn đối với một đơn vị (trên {most}); đã nhập, xin kiểm tra lại",
    )


def _flag(kind: type[_C], ws: Any, row: int, why: _Reject, unit: str, unit_name: str, indicator: Indicator) -> _C:
    return kind(
        sheet=DATA_SHEET,
        row=row,
        column=_letter(why.column),
        value=ws.cell(row=row, column=why.column).value,
        reason=why.reason,
        reason_vi=why.reason_vi,
        unit=unit,
        indicator=indicator.code,
        indicator_name=indicator.name_vi,
        indicator_name_en=indicator.name_en,
        unit_name=unit_name,
    )


def _source(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        return source, None
    return Path(source).read_bytes(), str(source)


def read_workbook(
    source: str | os.PathLike[str] | bytes,
    *,
    indicators: Mapping[str, Indicator] = STANDARD_INDICATORS,
    hierarchy: Hierarchy | None = None,
    reported_by: Reporter | None = None,
    strict: bool = True,
    dry_run: bool = False,
    check: Callable[[FigureSet], Iterable[object]] | None = None,
    max_size: int = MAX_SIZE,
) -> WorkbookImport:
    """Read a workbook made by :func:`make_workbook` and filled in (a path or the file's bytes).

    Every cell of the form becomes a figure for its unit, indicator and the
    form's period: reported for a number, not reported for an empty cell;
    each figure gets *reported_by*. *indicators* must know the form's
    indicator codes (pass ``STANDARD_INDICATORS.extend([...])`` for custom
    ones); with *hierarchy*, the form's units must be in it.

    A workbook that is not such a form, is unsafe, or has a changed layout
    raises :class:`WorkbookError` listing every problem. Cells that cannot be
    read are rejected: with *strict* (the default) the import raises
    :class:`RejectedCellsError` naming them all; otherwise they are left out
    of the figures and listed in the summary. A *dry_run* reports the summary
    and never raises for rejected cells, and returns no figures.

    *check*, if given, is called with the figures read (rejected cells left
    out) and what it returns is kept as :attr:`WorkbookImport.findings`: pass
    the validation rules (:func:`anninh_toandan.rules.check_rules` for one
    unit and period, or :func:`anninh_toandan.rules.validate` for all).
    """
    check_indicators(indicators)
    opx = _openpyxl("Reading workbooks")
    if opx.DEFUSEDXML is not True:
        raise MissingExtraError(package="defusedxml", extra=_EXTRA, purpose="Reading workbooks safely")
    data, name = _source(source)
    _guard(data, name, max_size)
    wb = _load(opx, data, name)
    problems: list[Problem] = []
    for sheet in (DATA_SHEET, META_SHEET):
        if sheet not in wb.sheetnames:
            message = (
                f"must be present in a workbook made by make_workbook, got the sheets {wb.sheetnames!r} "
                "(sheets must not be renamed or the form copied into another workbook)"
            )
            problems.append(Problem(path=_at(sheet), message=message, value=None))
    if problems:
        raise WorkbookError(problems, name)
    form = _read_meta(wb[META_SHEET], indicators, problems)
    if form is None:
        raise WorkbookError(problems, name)
    ws = wb[DATA_SHEET]
    rows = _check_layout(ws, form, hierarchy, problems)
    if problems:
        raise WorkbookError(problems, name)

    qualifier_of = {c.code: c.index for c in form.columns if c.role is _Role.QUALIFIER}
    figures: list[Figure] = []
    rejected: list[RejectedCell] = []
    warned: list[CellWarning] = []
    names = dict(form.units)
    imported = empty = 0
    inds = tuple(indicators[c.code] for c in form.columns if c.role is _Role.VALUE)
    for code, _ in form.units:
        row = rows[code]
        for c in form.columns:
            if c.role is not _Role.VALUE:
                continue
            ind = indicators[c.code]
            qcol = qualifier_of.get(c.code)
            try:
                q = _read_cell(ws, row, ind, c.index, qcol)
            except _Reject as exc:
                rejected.append(_flag(RejectedCell, ws, row, exc, code, names[code], ind))
                continue
            if q is None:
                empty += 1
                figures.append(Figure.not_reported(ind, code, form.period, reported_by=reported_by))
            else:
                imported += 1
                note = _note(ws.cell(row=row, column=c.index).value)
                figures.append(Figure.reported(ind, code, form.period, q, reported_by=reported_by, note=note))
                doubt = _implausible(q, ind, c.index)
                if doubt is not None:
                    warned.append(_flag(CellWarning, ws, row, doubt, code, names[code], ind))
    rejected.sort(key=lambda cell: (cell.row, len(cell.column), cell.column))
    summary = ImportSummary(imported=imported, empty=empty, rejected=tuple(rejected), warnings=tuple(warned))
    fs = FigureSet(figures)
    findings = tuple(check(fs)) if check is not None else ()
    result = WorkbookImport(
        period=form.period,
        units=tuple(code for code, _ in form.units),
        indicators=inds,
        figures=None if dry_run else fs,
        summary=summary,
        findings=findings,
    )
    if rejected and strict and not dry_run:
        raise RejectedCellsError(
            WorkbookImport(
                period=result.period,
                units=result.units,
                indicators=inds,
                figures=None,
                summary=summary,
                findings=findings,
            ),
            name,
        )
    return result
