"""Excel data-entry workbooks: made, filled in the way an officer does, read back; bad workbooks refused."""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anninh_toandan.errors import FormatError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
from anninh_toandan.indicator import (
    FUND_CONTRIBUTIONS,
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    STANDARD_INDICATORS,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
    IndicatorError,
)
from anninh_toandan.io import FileFormatError
from anninh_toandan.io._tabular import MissingExtraError
from anninh_toandan.io.excel import (
    DATA_SHEET,
    INSTRUCTIONS_SHEET,
    META_SHEET,
    ImportSummary,
    RejectedCellsError,
    WorkbookError,
    make_workbook,
    read_workbook,
)
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Calendar, Period
from anninh_toandan.quantity import Quantity
from anninh_toandan.rules import Outcome, part_of_whole_rule
from tests import strategies as s

openpyxl = pytest.importorskip("openpyxl")

H1 = Period.half_year(2022, 1)
ON = dt.date(2022, 7, 12)
WARDS = Hierarchy.bundled().children("673", on=ON)
INDICATORS = [OUTREACH_SESSIONS, OUTREACH_REACH, FUND_CONTRIBUTIONS]


def _form(**kwargs: Any) -> bytes:
    units = kwargs.pop("units", WARDS[:3])
    indicators = kwargs.pop("indicators", INDICATORS)
    kwargs.setdefault("approximate", [OUTREACH_REACH])
    return make_workbook(units, kwargs.pop("period", H1), indicators, **kwargs)


def _edit(data: bytes, change: Callable[[Any], object]) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _type(cells: dict[str, object], data: bytes | None = None) -> bytes:
    """Type *cells* ("D3": "hơn 1.200") into the data sheet, as an officer does."""

    def change(wb: Any) -> None:
        ws = wb[DATA_SHEET]
        for ref, value in cells.items():
            ws[ref] = value

    return _edit(data if data is not None else _form(), change)


def _problems(data: bytes, **kwargs: Any) -> list[str]:
    with pytest.raises(WorkbookError) as info:
        read_workbook(data, **kwargs)
    return [f"{p.path}: {p.message}" for p in info.value.problems]


def _rezip(data: bytes, extra: dict[str, bytes], drop: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in drop and info.filename not in extra:
                dst.writestr(info, src.read(info.filename))
        for name, content in extra.items():
            dst.writestr(name, content)
    return out.getvalue()


# -- the workbook as made ---------------------------------------------------------


def test_the_form_has_its_sheets_headers_dropdowns_and_protection() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(make_workbook(WARDS, H1, INDICATORS, approximate=[OUTREACH_REACH])))
    assert wb.sheetnames == [DATA_SHEET, INSTRUCTIONS_SHEET, META_SHEET]
    ws = wb[DATA_SHEET]
    assert [c.value for c in ws[2]] == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Buổi tuyên truyền (buổi)",
        "Lượt quần chúng nhân dân được tuyên truyền (lượt)",
        "Lượt quần chúng nhân dân được tuyên truyền: mức độ",
        "Ủng hộ Quỹ Vì người nghèo (đồng)",
    ]
    assert ws["A1"].value == "SỐ LIỆU PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC: 6 tháng đầu năm 2022"
    assert [ws.cell(row=r, column=2).value for r in (3, 13)] == ["Phường 1", "Xã Đại Lào"]
    assert ws.protection.sheet and ws["C2"].protection.locked and ws["A3"].protection.locked
    assert not ws["C3"].protection.locked and ws["C3"].number_format == "@"
    assert "hơn 1.200" in ws["D2"].comment.text and "chỉ nhận số chính xác" in ws["C2"].comment.text
    assert "437 triệu" in ws["F2"].comment.text
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"chính xác,hơn,gần,khoảng,hàng"' and str(dv.sqref) == "E3:E13"
    assert ws.freeze_panes == "C3"
    assert wb[META_SHEET].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    guide = "\n".join(str(c.value) for c in wb[INSTRUCTIONS_SHEET]["A"] if c.value)
    assert "Để TRỐNG ô nếu đơn vị chưa có số liệu" in guide and "Cột E: Lượt" in guide


def test_make_workbook_writes_the_file_atomically(tmp_path: Path) -> None:
    path = tmp_path / "phuong.xlsx"
    data = make_workbook(["24823"], H1, ["outreach_sessions"], path)
    assert path.read_bytes() == data
    assert read_workbook(path).figures == FigureSet([Figure.not_reported(OUTREACH_SESSIONS, "24823", H1)])


def test_text_that_looks_like_a_formula_is_written_as_text() -> None:
    odd = Indicator(code="odd", name_vi="=HYPERLINK(1)", name_en="Odd", unit="lượt")
    wb = openpyxl.load_workbook(io.BytesIO(make_workbook(["=A1"], H1, [odd], approximate=False)))
    ws = wb[DATA_SHEET]
    assert (ws["A3"].data_type, ws["C2"].data_type) == ("s", "s")
    result = read_workbook(_type({"C3": "5"}, make_workbook(["=A1"], H1, [odd], approximate=False)),
                           indicators=STANDARD_INDICATORS.extend([odd]))  # fmt: skip
    assert result.figures is not None and result.figures.value("odd", "=A1", H1) == Quantity.exact(5, "lượt")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: make_workbook([], H1, INDICATORS), FormatError, "'units' must name at least one unit"),
        (lambda: make_workbook(["1", "1"], H1, INDICATORS), FormatError, "must not name a unit twice"),
        (lambda: make_workbook([1], H1, INDICATORS), ValidationTypeError, "OrgUnit objects or unit codes"),
        (lambda: make_workbook(["1"], H1, []), FormatError, "at least one indicator"),
        (lambda: make_workbook(["1"], H1, ["gifts", "gifts"]), FormatError, "must not name an indicator twice"),
        (lambda: make_workbook(["1"], H1, ["nope"]), IndicatorError, "known indicator code"),
        (lambda: make_workbook(["1"], "2022S1", ["gifts"]), ValidationTypeError, "'period' must be a Period"),
    ],
)
def test_make_workbook_checks_its_arguments(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        (Figure.not_reported(OUTREACH_SESSIONS, "24823", Period.year(2022)), "for the workbook's period"),
        (Figure.not_reported(OUTREACH_SESSIONS, "99", H1), "for the workbook's period, units and indicators"),
        (Figure.mentioned(OUTREACH_SESSIONS, "24823", H1), "reported or not reported"),
        (Figure.not_reported(OUTREACH_SESSIONS, "24823", H1, note="x"), "without note or reporter"),
        (
            Figure.reported(OUTREACH_REACH, "24823", H1, Quantity.nearly(200, "lượt") + Quantity.exact(5, "lượt")),
            "with the bounds its qualifier states",
        ),
        (Figure.reported(OUTREACH_REACH, "24823", H1, Quantity.exact(5, "người")), "must be in 'lượt'"),
        (Figure.reported(OUTREACH_SESSIONS, "24823", H1, Quantity.about(5, "buổi")), "its column takes no qualifier"),
    ],
)
def test_prefilled_figures_must_fit_the_form(figure: Figure, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        _form(figures=FigureSet([figure]), approximate=[OUTREACH_REACH])


# -- round trips ------------------------------------------------------------------------


@settings(max_examples=30)
@given(st.data())
def test_a_prefilled_workbook_reads_back_the_same_figures(data: st.DataObject) -> None:
    period = data.draw(s.standard_periods)
    units, indicators, fs = data.draw(s.workbook_grids(period))
    book = make_workbook(units, period, indicators, figures=fs)
    result = read_workbook(book)
    assert result.figures == fs
    assert result.summary.imported == sum(f.is_reported for f in fs)
    assert result.summary.empty == len(fs) - result.summary.imported
    assert (result.period, result.units, result.indicators) == (period, tuple(units), tuple(indicators))


def test_an_officer_fills_the_form_and_gets_the_figures() -> None:
    book = make_workbook(WARDS, H1, INDICATORS, approximate=[OUTREACH_REACH, FUND_CONTRIBUTIONS])
    # Columns: C sessions, D reach, E reach qualifier, F money, G money qualifier; rows 3-13 the wards.
    typed: dict[str, object] = {
        "C3": "72",
        "D3": "hơn 1.200",
        "F3": "437.000.000",
        "C4": "03",
        "D4": "1.200",
        "E4": "Hơn",
        "F4": "gần 35 tỷ",
        "C5": "1200",
        "D5": "hàng trăm",
        "F5": "1,2 tỷ đồng",
        "C6": "0",
        "D6": "100",
        "E6": "hàng",
        "F6": "437 triệu",
        "C7": 15,  # pasted as a number
        "D7": "khoảng  200",
        "F7": "   ",
        "C8": "1.200 buổi",
        "D8": "200",
        "E8": "chính xác",
        "C9": 1200.0,  # pasted as a whole float
    }
    result = read_workbook(_type(typed, book), reported_by=Reporter.JOINT)
    w = [u.code for u in WARDS]

    def reported(ind: Indicator, unit: str, q: Quantity) -> Figure:
        return Figure.reported(ind, unit, H1, q, reported_by=Reporter.JOINT)

    expected = [
        reported(OUTREACH_SESSIONS, w[0], Quantity.exact(72, "buổi")),
        reported(OUTREACH_REACH, w[0], Quantity.more_than(1200, "lượt")),
        reported(FUND_CONTRIBUTIONS, w[0], Quantity.vnd(437_000_000)),
        reported(OUTREACH_SESSIONS, w[1], Quantity.exact(3, "buổi")),
        reported(OUTREACH_REACH, w[1], Quantity.more_than(1200, "lượt")),
        reported(FUND_CONTRIBUTIONS, w[1], Quantity.nearly(35_000_000_000, "đồng")),
        reported(OUTREACH_SESSIONS, w[2], Quantity.exact(1200, "buổi")),
        reported(OUTREACH_REACH, w[2], Quantity.order_of(100, "lượt")),
        reported(FUND_CONTRIBUTIONS, w[2], Quantity.vnd(1_200_000_000)),
        reported(OUTREACH_SESSIONS, w[3], Quantity.exact(0, "buổi")),
        reported(OUTREACH_REACH, w[3], Quantity.order_of(100, "lượt")),
        reported(FUND_CONTRIBUTIONS, w[3], Quantity.vnd(437_000_000)),
        reported(OUTREACH_SESSIONS, w[4], Quantity.exact(15, "buổi")),
        reported(OUTREACH_REACH, w[4], Quantity.about(200, "lượt")),
        reported(OUTREACH_SESSIONS, w[5], Quantity.exact(1200, "buổi")),
        reported(OUTREACH_REACH, w[5], Quantity.exact(200, "lượt")),
        reported(OUTREACH_SESSIONS, w[6], Quantity.exact(1200, "buổi")),
    ]
    filled = {f.key for f in expected}
    missing = [
        Figure.not_reported(ind, u, H1, reported_by=Reporter.JOINT)
        for u in w
        for ind in INDICATORS
        if (ind.code, u, H1) not in filled
    ]
    assert result.figures == FigureSet(expected + missing)
    assert result.summary == ImportSummary(imported=17, empty=33 - 17)
    assert result.summary.ok
    zero = result.figures.get(OUTREACH_SESSIONS, w[3], H1)
    blank = result.figures.get(FUND_CONTRIBUTIONS, w[4], H1)
    assert zero is not None and zero.status is FigureStatus.REPORTED
    assert blank is not None and blank.status is FigureStatus.NOT_REPORTED


def test_sorted_rows_are_read_by_unit_code() -> None:
    book = _type({"C3": "1", "C5": "3"})

    def swap(wb: Any) -> None:
        ws = wb[DATA_SHEET]
        for col in "ABC":
            ws[f"{col}3"].value, ws[f"{col}5"].value = ws[f"{col}5"].value, ws[f"{col}3"].value

    result = read_workbook(_edit(book, swap))
    assert result.figures is not None
    assert result.figures.value(OUTREACH_SESSIONS, "24823", H1) == Quantity.exact(1, "buổi")
    assert result.figures.value(OUTREACH_SESSIONS, "24814", H1) == Quantity.exact(3, "buổi")


def test_reporting_calendar_periods_survive() -> None:
    period = Period.quarter(2022, 2, calendar=Calendar.REPORTING)
    assert read_workbook(_form(period=period)).period == period


# -- rejected cells ---------------------------------------------------------------------------


REJECTED = [
    ("C3", "=1+2", "C", "must be typed in, not a formula: type the number itself"),
    ("C3", dt.date(2022, 3, 1), "C", "must be a number, not a date or time: Excel turns entries such as 1/3"),
    ("C3", 1.2, "C", "must be a whole number: if you typed 1.200 and Excel read it as 1,2"),
    ("C3", -4, "C", "must be a number >= 0"),
    ("C3", True, "C", "must be a number, not TRUE or FALSE"),
    ("C3", "1,5", "C", "must be a number such as 1.200, 1200 or hơn 1.200: the number is not whole (1.5)"),
    ("C3", "56.0000", "C", "malformed digit group '0000'"),
    ("C3", "-", "C", "must be a number such as 1.200, 1200 or hơn 1.200: expected a number or a qualifier"),
    ("C3", "nhiều", "C", "'nhiều' (many) states no number"),
    ("C3", "12 người", "C", "must be in the column's unit 'buổi', not 'người'"),
    ("C3", 2.0**60, "C", "must be typed as text: an Excel number this large is not exact"),
    ("C3", dt.time(10, 30), "C", "must be a number, not a date or time"),
    ("E3", "nhiều", "E", "must be one of chính xác, hơn, gần, khoảng, hàng (or empty for an exact number)"),
    ("E3", 5, "E", "must be one of chính xác, hơn, gần, khoảng, hàng"),
    ("E3", "=D3", "E", "must be typed in, not a formula"),
]


@pytest.mark.parametrize(("ref", "value", "column", "reason"), REJECTED)
def test_unreadable_cells_are_rejected_by_sheet_row_and_column(
    ref: str, value: object, column: str, reason: str
) -> None:
    book = _type({ref: value, "D4": "50"})
    with pytest.raises(RejectedCellsError) as info:
        read_workbook(book)
    (cell,) = info.value.result.summary.rejected
    assert (cell.sheet, cell.row, cell.column) == (DATA_SHEET, 3, column)
    assert cell.reason.startswith(reason) or reason in cell.reason
    # The officer who typed it gets the same in Vietnamese, with the place and what was typed.
    assert cell.reason_vi and not cell.reason_vi.startswith("must")
    # ... and the indicator and the unit of the cell, by name
    assert cell.indicator_name and cell.unit_name == "Phường 1"
    what = f"{cell.indicator_name}, {cell.unit_name}"
    assert cell.describe().startswith(f"Trang “{DATA_SHEET}”, dòng 3, cột {column} — {what} (đã nhập “")
    assert cell.describe(locale="en") == (
        f"sheet 'Số liệu', row 3, column {column} ({cell.indicator_name_en}, {cell.unit_name}): {cell.reason} "
        f"(got {cell.value!r})"
    )
    assert info.value.result.figures is None
    assert str(info.value).startswith(f"1 problem in the file:\n  sheet 'Số liệu', row 3, column {column}: ")
    assert isinstance(info.value, FileFormatError) and isinstance(info.value, ValueError)


def test_rejected_cells_in_vietnamese() -> None:
    def described(cells: dict[str, object]) -> list[str]:
        result = read_workbook(_type(cells), strict=False)
        return [c.describe() for c in result.summary.rejected]

    assert described({"C3": 1.2, "C4": "12 người", "C5": dt.datetime(2022, 3, 1, 10, 30)}) == [  # noqa: DTZ001
        "Trang “Số liệu”, dòng 3, cột C — Buổi tuyên truyền, Phường 1 "
        "(đã nhập “1,2”): phải là số nguyên: nếu đã gõ 1.200 mà Excel hiểu "
        "thành 1,2 thì hãy định dạng ô là Văn bản (Text) rồi gõ lại.",
        "Trang “Số liệu”, dòng 4, cột C — Buổi tuyên truyền, Phường 2 "
        "(đã nhập “12 người”): phải tính theo đơn vị của cột (buổi), không phải người.",
        "Trang “Số liệu”, dòng 5, cột C — Buổi tuyên truyền, Phường Lộc Phát "
        "(đã nhập “1/3/2022 10:30”): phải là một số, không phải ngày tháng: Excel tự "
        "đổi những gì gõ như 1/3 hoặc 1-3 thành ngày; hãy định dạng ô là Văn bản (Text) rồi gõ lại số.",
    ]
    assert described({"C3": dt.time(9, 5), "C4": 3.0e20, "C5": True}) == [
        "Trang “Số liệu”, dòng 3, cột C — Buổi tuyên truyền, Phường 1 "
        "(đã nhập “09:05”): phải là một số, không phải ngày tháng: Excel tự "
        "đổi những gì gõ như 1/3 hoặc 1-3 thành ngày; hãy định dạng ô là Văn bản (Text) rồi gõ lại số.",
        "Trang “Số liệu”, dòng 4, cột C — Buổi tuyên truyền, Phường 2 "
        "(đã nhập “300000000000000000000”): phải gõ dưới dạng văn bản: Excel "
        "không lưu chính xác số lớn như vậy.",
        "Trang “Số liệu”, dòng 5, cột C — Buổi tuyên truyền, Phường Lộc Phát "
        "(đã nhập “TRUE”): phải là một số, không phải TRUE hoặc FALSE.",
    ]


def test_qualifiers_must_agree_with_the_number() -> None:
    book = _type(
        {
            "D3": "hơn 1.200",
            "E3": "gần",
            "D4": "150",
            "E4": "hàng",
            "D5": "0",
            "E5": "gần",
            "E6": "hơn",
            "D7": "hơn 5",
            "E7": "hơn",
        },
        _form(
            indicators=[OUTREACH_SESSIONS, OUTREACH_REACH], approximate=[OUTREACH_REACH], units=[u.code for u in WARDS]
        ),
    )
    book = _type({"C8": "hơn 5"}, book)
    result = read_workbook(book, strict=False)
    assert [(c.row, c.column, c.reason) for c in result.summary.rejected] == [
        (3, "E", "must agree with the number, which says 'hơn'"),
        (4, "D", "must be 10, 100, 1.000, ... with 'hàng' (100 + hàng = hàng trăm)"),
        (5, "D", "must be more than 0 with 'gần'"),
        (6, "E", "must be empty when the number is empty (a qualifier without a number)"),
        (8, "C", "must be an exact number: this column takes no hơn, gần, khoảng or hàng"),
    ]
    assert result.figures is not None
    assert result.figures.value(OUTREACH_REACH, WARDS[4].code, H1) == Quantity.more_than(5, "lượt")
    assert result.figures.get(OUTREACH_REACH, WARDS[0].code, H1) is None  # rejected: no figure at all


def test_a_merged_title_is_allowed() -> None:
    book = _edit(_type({"C3": "4"}), lambda wb: wb[DATA_SHEET].merge_cells("A1:F1"))
    assert read_workbook(book).summary.imported == 1


def test_cell_values_of_every_python_type() -> None:
    from decimal import Decimal
    from types import SimpleNamespace

    from anninh_toandan.io import excel

    with pytest.raises(excel._Reject, match="must be a number, not a Decimal"):
        excel._value(SimpleNamespace(value=Decimal(1), data_type="n"), OUTREACH_SESSIONS, 3)
    # A whole float (as Excel stores "1E+3") is the whole number it is.
    assert excel._value(SimpleNamespace(value=1e3, data_type="n"), OUTREACH_SESSIONS, 3) == Quantity.exact(1000, "buổi")


def test_an_excel_error_value_is_rejected() -> None:
    def error(wb: Any) -> None:
        cell = wb[DATA_SHEET]["C3"]
        cell.value = "#DIV/0!"
        cell.data_type = "e"

    result = read_workbook(_edit(_form(), error), strict=False)
    assert [c.reason for c in result.summary.rejected] == ["must be a number, not an Excel error value"]


def test_a_dry_run_reports_without_data_and_runs_the_check() -> None:
    book = _type({"C3": "abc", "C4": "5", "D4": "5"})
    seen: list[FigureSet] = []

    def check(fs: FigureSet) -> list[str]:
        seen.append(fs)
        return ["looked"]

    result = read_workbook(book, dry_run=True, check=check)
    assert result.figures is None and result.findings == ("looked",)
    assert not result.summary.ok
    assert (result.summary.imported, result.summary.empty, len(result.summary.rejected)) == (2, 6, 1)
    assert len(seen[0]) == 8  # the rejected cell has no figure
    assert result.summary.describe().splitlines() == [
        "2 imported, 6 empty (not reported), 1 rejected",
        "  sheet 'Số liệu', row 3, column C (Outreach sessions, Phường 1): must be a number such as 1.200, 1200 or "
        "hơn 1.200: expected a number "
        "or a qualifier (hơn, trên, gần, khoảng, ước, hàng ...) (got 'abc')",
    ]


def test_checks_on_import_use_the_figure_checks() -> None:
    book = make_workbook(["24823"], H1, [TIPS_RECEIVED, TIPS_VALUABLE], approximate=False)
    book = _type({"C3": "5", "D3": "9"}, book)

    def check(fs: FigureSet) -> list[object]:
        result = part_of_whole_rule(TIPS_VALUABLE, TIPS_RECEIVED).evaluate(fs, unit="24823", period=H1)
        return [result] if result.outcome is Outcome.VIOLATED else []

    (finding,) = read_workbook(book, check=check).findings
    assert getattr(finding, "rule", None) == part_of_whole_rule(TIPS_VALUABLE, TIPS_RECEIVED)


# -- bad workbooks --------------------------------------------------------------------------


def _swap_columns(wb: Any) -> None:
    ws = wb[DATA_SHEET]
    for row in range(1, 6):
        ws[f"C{row}"].value, ws[f"D{row}"].value = ws[f"D{row}"].value, ws[f"C{row}"].value


def _insert_column(wb: Any) -> None:
    wb[DATA_SHEET].insert_cols(3)
    wb[DATA_SHEET]["C2"] = "Ghi chú"
    wb[DATA_SHEET]["C3"] = "x"


def _rename(wb: Any) -> None:
    wb[DATA_SHEET].title = "Sheet1"


def _merge(wb: Any) -> None:
    wb[DATA_SHEET].merge_cells("C3:D3")


def _add_row(wb: Any) -> None:
    ws = wb[DATA_SHEET]
    ws["A6"], ws["B6"], ws["C6"] = "24826", "Phường B'Lao", "5"


def _row_without_code(wb: Any) -> None:
    wb[DATA_SHEET]["C7"] = "5"


def _delete_row(wb: Any) -> None:
    wb[DATA_SHEET].delete_rows(4)


def _rename_unit(wb: Any) -> None:
    wb[DATA_SHEET]["B3"] = "Phường 9"


def _duplicate_unit(wb: Any) -> None:
    wb[DATA_SHEET]["A4"] = "24823"


def _meta_period(wb: Any) -> None:
    wb[META_SHEET]["B2"] = "2022H1"


def _meta_format(wb: Any) -> None:
    wb[META_SHEET]["B1"] = "someone.else"


def _meta_extra_line(wb: Any) -> None:
    wb[META_SHEET]["A40"] = "password"


def _meta_column(wb: Any) -> None:
    wb[META_SHEET]["B3"] = "Z"


def _meta_unit(wb: Any) -> None:
    wb[META_SHEET].append(["unit", 24999, None])


def _meta_empty(wb: Any) -> None:
    wb[META_SHEET].delete_rows(2, 100)


def _meta_blank(wb: Any) -> None:
    wb[META_SHEET].delete_rows(1, 100)


def _drop_meta(wb: Any) -> None:
    del wb[META_SHEET]


BAD_WORKBOOKS: list[tuple[str, Callable[[Any], object], list[str]]] = [
    (
        "moved columns",
        _swap_columns,
        [
            "sheet 'Số liệu', row 2, column C: must be the header 'Buổi tuyên truyền (buổi)': columns were moved, "
            "inserted or deleted, got 'Lượt quần chúng nhân dân được tuyên truyền (lượt)'",
            "sheet 'Số liệu', row 2, column D: must be the header 'Lượt quần chúng nhân dân được tuyên truyền "
            "(lượt)': columns were moved, inserted or deleted, got 'Buổi tuyên truyền (buổi)'",
        ],
    ),
    (
        "inserted column",
        _insert_column,
        [
            "sheet 'Số liệu', row 2, column C: must be the header 'Buổi tuyên truyền (buổi)': columns were moved, "
            "inserted or deleted, got 'Ghi chú'",
            "sheet 'Số liệu', row 2, column D: must be the header 'Lượt quần chúng nhân dân được tuyên truyền "
            "(lượt)': columns were moved, inserted or deleted, got 'Buổi tuyên truyền (buổi)'",
            "sheet 'Số liệu', row 2, column E: must be the header 'Lượt quần chúng nhân dân được tuyên truyền: mức "
            "độ': columns were moved, inserted or deleted, got 'Lượt quần chúng nhân dân được tuyên truyền (lượt)'",
            "sheet 'Số liệu', row 2, column F: must be the header 'Ủng hộ Quỹ Vì người nghèo (đồng)': columns were "
            "moved, inserted or deleted, got 'Lượt quần chúng nhân dân được tuyên truyền: mức độ'",
            "sheet 'Số liệu', row 2, column G: must be empty: the form has no such column (a column was inserted or "
            "typed into), got 'Ủng hộ Quỹ Vì người nghèo (đồng)'",
        ],
    ),
    (
        "renamed sheet",
        _rename,
        [
            "sheet 'Số liệu': must be present in a workbook made by make_workbook, got the sheets "
            "['Sheet1', 'Hướng dẫn', '_meta'] (sheets must not be renamed or the form copied into another workbook)"
        ],
    ),
    ("merged cells", _merge, ["sheet 'Số liệu': must have no merged cells in the form, got C3:D3"]),
    (
        "added unit row",
        _add_row,
        [
            "sheet 'Số liệu', row 6, column A: must be one of the form's unit codes (rows cannot be added or "
            "renamed), got '24826'"
        ],
    ),
    (
        "row without a unit code",
        _row_without_code,
        ["sheet 'Số liệu', row 7, column A: must hold a unit code: a row was added to the form"],
    ),
    (
        "deleted unit row",
        _delete_row,
        ["sheet 'Số liệu': must have a row for unit '24820' (Phường 2): rows were deleted or changed"],
    ),
    (
        "renamed unit",
        _rename_unit,
        ["sheet 'Số liệu', row 3, column B: must be the name of unit '24823', 'Phường 1', got 'Phường 9'"],
    ),
    (
        "repeated unit",
        _duplicate_unit,
        [
            "sheet 'Số liệu', row 4, column A: must not repeat unit '24823', already on row 3",
            "sheet 'Số liệu': must have a row for unit '24820' (Phường 2): rows were deleted or changed",
        ],
    ),
    ("tampered period", _meta_period, ["sheet '_meta', row 2: must hold a period id such as '2022S1', got '2022H1'"]),
    (
        "foreign description",
        _meta_format,
        ["sheet '_meta', row 1: must be the form 'anninh_toandan.workbook' version 1, got ['someone.else', 1]"],
    ),
    (
        "extra description line",
        _meta_extra_line,
        ["sheet '_meta', row 40: must be a line of the form's description, got ['password']"],
    ),
    (
        "tampered column",
        _meta_column,
        [
            "sheet '_meta', row 3: must describe column C, got ['Z', 'outreach_sessions', 'value', "
            "'Buổi tuyên truyền (buổi)']"
        ],
    ),
    ("tampered unit", _meta_unit, ["sheet '_meta', row 10: must hold a unit code and name, got [24999, None]"]),
    (
        "emptied description",
        _meta_empty,
        ["sheet '_meta', row 1: must describe the form's period, columns and units, got an incomplete description"],
    ),
    (
        "blank description",
        _meta_blank,
        ["sheet '_meta', row 1: must describe a form made by make_workbook, got no format line"],
    ),
    (
        "deleted description",
        _drop_meta,
        [
            "sheet '_meta': must be present in a workbook made by make_workbook, got the sheets ['Số liệu', "
            "'Hướng dẫn'] (sheets must not be renamed or the form copied into another workbook)"
        ],
    ),
]


@pytest.mark.parametrize(("change", "messages"), [b[1:] for b in BAD_WORKBOOKS], ids=[b[0] for b in BAD_WORKBOOKS])
def test_tampered_workbooks_get_clear_errors(change: Callable[[Any], object], messages: list[str]) -> None:
    assert _problems(_edit(_form(), change)) == messages


def test_a_foreign_workbook_is_refused() -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Số liệu quý I"
    out = io.BytesIO()
    wb.save(out)
    assert _problems(out.getvalue()) == [
        "sheet 'Số liệu': must be present in a workbook made by make_workbook, got the sheets ['Sheet'] (sheets must "
        "not be renamed or the form copied into another workbook)",
        "sheet '_meta': must be present in a workbook made by make_workbook, got the sheets ['Sheet'] (sheets must "
        "not be renamed or the form copied into another workbook)",
    ]


def test_unknown_indicators_and_units_are_refused() -> None:
    patrols = Indicator(code="patrols", name_vi="Lượt tuần tra", name_en="Patrols", unit="lượt")
    book = make_workbook(["24823", "nowhere"], H1, [patrols])
    assert _problems(book) == [
        "sheet '_meta', row 3: must name a known indicator (pass indicators= for custom ones), got 'patrols'",
        "sheet '_meta', row 4: must name a known indicator (pass indicators= for custom ones), got 'patrols'",
    ]
    assert _problems(book, indicators=STANDARD_INDICATORS.extend([patrols]), hierarchy=Hierarchy.bundled()) == [
        "sheet 'Số liệu': must name units of the hierarchy, got the unknown unit 'nowhere' (nowhere)"
    ]


def test_a_value_typed_outside_the_form_is_refused() -> None:
    assert _problems(_type({"Z9": "5"})) == [
        "sheet 'Số liệu', row 9, column Z: must be empty: the form has no such column (a column was inserted or "
        "typed into), got '5'"
    ]


# -- unsafe and broken files ------------------------------------------------------------------


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "so_lieu.xlsx"
    path.write_bytes(b"unit,period\n673,2022S1\n")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert str(info.value) == (
        f"1 problem in {path}:\n  $: must be an Excel workbook (.xlsx, a zip archive); this file is not one "
        "(an old .xls, a CSV, damaged?)"
    )


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    assert _problems(out.getvalue()) == ["$: must be an Excel workbook (.xlsx): the zip archive has no xl/workbook.xml"]


def test_a_zip_bomb_is_refused_before_parsing() -> None:
    bomb = _rezip(_form(), {"xl/media/image1.png": bytes(8 * 1024 * 1024)})
    (message,) = _problems(bomb)
    assert message.startswith("$: must not hold a part compressed more than 100 to 1, got 'xl/media/image1.png' (")
    assert message.endswith("bytes unpacking to 8388608): refused as a possible zip bomb")


def test_a_workbook_larger_than_the_limit_is_refused() -> None:
    book = _form()
    (message,) = _problems(book, max_size=1000)
    assert message.startswith("$: must unpack to at most 1000 bytes (max_size), got ")
    assert message.endswith(f"bytes from a {len(book)}-byte file: refused as a possible zip bomb")


def test_a_workbook_of_too_many_parts_is_refused() -> None:
    many = _rezip(_form(), {f"xl/junk/{i}.xml": b"" for i in range(1001)})
    (message,) = _problems(many)
    assert message.startswith("$: must have at most 1000 parts, got 10")


def test_xml_entity_expansion_is_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        b'<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    assert _problems(_rezip(_form(), {"xl/worksheets/sheet1.xml": laughs})) == [
        "$: must be a readable .xlsx workbook (EntitiesForbidden: EntitiesForbidden(name='lol', system_id=None, "
        "public_id=None))"
    ]


def test_a_damaged_workbook_is_refused() -> None:
    (message,) = _problems(_rezip(_form(), {"xl/workbook.xml": b"<not-xml"}))
    assert message.startswith("$: must be a readable .xlsx workbook (")


# -- optional extra -----------------------------------------------------------------------------


def test_a_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError) as info:
        make_workbook(["1"], H1, ["gifts"])
    assert str(info.value) == (
        "Writing workbooks needs the optional package 'openpyxl', which is not installed: "
        "pip install 'anninh-toandan[excel]'"
    )
    with pytest.raises(ImportError, match=r"anninh-toandan\[excel\]"):
        read_workbook(b"")


def test_reading_without_defusedxml_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    book = _form()
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(MissingExtraError, match=r"Reading workbooks safely needs the optional package 'defusedxml'"):
        read_workbook(book)


# -- the workbook speaks to the officer (issue 16) ----------------------------------------------------


def test_a_rejected_cell_names_the_indicator_and_the_ward_with_the_same_reason_in_both_languages() -> None:
    result = read_workbook(_type({"C5": "1,5"}), strict=False)
    (cell,) = result.summary.rejected
    assert cell.describe() == (
        "Trang “Số liệu”, dòng 5, cột C — Buổi tuyên truyền, Phường Lộc Phát (đã nhập “1,5”): "
        "số buổi phải là số nguyên."
    )
    assert "not whole" in cell.describe(locale="en")
    assert "(Outreach sessions, Phường Lộc Phát)" in cell.describe(locale="en")
    (money,) = read_workbook(_type({"F3": "1,5 đồng"}), strict=False).summary.rejected
    assert money.reason_vi == "số tiền phải là số nguyên (tính bằng đồng)"
    (other,) = read_workbook(_type({"C3": "56.0000"}), strict=False).summary.rejected
    assert other.reason_vi == (
        "số buổi phải là một con số, ví dụ 1.200, 1200 hoặc hơn 1.200: "
        "nhóm chữ số “0000” sai (mỗi nhóm hàng nghìn có 3 chữ số)"
    )


def test_a_qualified_zero_is_explained_in_words() -> None:
    result = read_workbook(_type({"D3": "gần 0", "D4": "0", "E4": "gần"}), strict=False)
    typed, chosen = result.summary.rejected
    assert typed.reason_vi == "“gần 0” không phải là một con số: sau “gần” phải là số lớn hơn 0 (nếu không có thì gõ 0)"
    assert typed.reason == (
        "must be a number: 'gần 0' states no amount, as 'gần' needs a number above 0 (type 0 if there was none)"
    )
    assert "NEARLY" not in typed.reason and "low" not in typed.reason
    assert chosen.reason_vi.startswith("“gần 0” không phải là một con số: khi chọn “gần”, số phải lớn hơn 0")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("120tr", 120_000_000), ("120 tr đồng", 120_000_000), ("1,5tr", 1_500_000), ("120 Tr.", 120_000_000)],
)
def test_money_typed_with_tr_is_read(typed: str, amount: int) -> None:
    result = read_workbook(_type({"F3": typed}))
    assert result.figures is not None
    assert result.figures.value(FUND_CONTRIBUTIONS, WARDS[0].code, H1) == Quantity.vnd(amount)


def test_tr_is_money_only() -> None:
    (cell,) = read_workbook(_type({"C3": "120tr"}), strict=False).summary.rejected
    assert cell.column == "C"


def test_a_note_in_brackets_is_kept_on_the_figure() -> None:
    result = read_workbook(_type({"C3": "15 (tạm tính)", "D3": "hơn 1.200 [ước]", "F3": "120tr (chưa đủ)"}))
    assert result.figures is not None
    sessions = result.figures.get(OUTREACH_SESSIONS, WARDS[0].code, H1)
    assert sessions is not None and sessions.value == Quantity.exact(15, "buổi") and sessions.note == "tạm tính"
    reach = result.figures.get(OUTREACH_REACH, WARDS[0].code, H1)
    assert reach is not None and reach.value == Quantity.more_than(1200, "lượt") and reach.note == "ước"
    money = result.figures.get(FUND_CONTRIBUTIONS, WARDS[0].code, H1)
    assert money is not None and money.value == Quantity.vnd(120_000_000) and money.note == "chưa đủ"
    (bad,) = read_workbook(_type({"C3": "(tạm tính)"}), strict=False).summary.rejected
    assert bad.column == "C"


def test_implausible_values_are_imported_with_a_warning() -> None:
    result = read_workbook(_type({"C5": "1,2 triệu", "D3": "5.000", "F3": "2.000 tỷ"}))
    assert result.summary.ok and result.summary.imported == 3
    assert result.figures is not None
    assert result.figures.value(OUTREACH_SESSIONS, WARDS[2].code, H1) == Quantity.exact(1_200_000, "buổi")
    assert [(w.row, w.column) for w in result.summary.warnings] == [(3, "F"), (5, "C")]
    assert result.summary.describe(locale="vi").splitlines() == [
        "3 ô đã nhập, 6 ô để trống (chưa báo cáo), 0 ô bị từ chối, 2 ô cần xem lại",
        "  Trang “Số liệu”, dòng 3, cột F — Ủng hộ Quỹ Vì người nghèo, Phường 1 (đã nhập “2.000 tỷ”): "
        "2.000 tỷ đồng là quá lớn đối với một đơn vị (trên 1.000 tỷ đồng); đã nhập, xin kiểm tra lại.",
        "  Trang “Số liệu”, dòng 5, cột C — Buổi tuyên truyền, Phường Lộc Phát (đã nhập “1,2 triệu”): "
        "1.200.000 buổi là quá lớn đối với một đơn vị (trên 10.000 buổi); đã nhập, xin kiểm tra lại.",
    ]
    assert "2 to check" in result.summary.describe(locale="en")
    assert "is implausibly large for one unit: 1,200,000 sessions (more than 10,000 sessions)" in (
        result.summary.describe(locale="en")
    )


def test_numbers_in_words_are_read_in_a_cell() -> None:
    result = read_workbook(_type({"C3": "hai mươi tư", "D3": "hơn ba nghìn", "F3": "năm mươi triệu"}))
    assert result.figures is not None
    assert result.figures.value(OUTREACH_SESSIONS, WARDS[0].code, H1) == Quantity.exact(24, "buổi")
    assert result.figures.value(OUTREACH_REACH, WARDS[0].code, H1) == Quantity.more_than(3000, "lượt")
    assert result.figures.value(FUND_CONTRIBUTIONS, WARDS[0].code, H1) == Quantity.vnd(50_000_000)
