"""CSV in the long format: lossless round trips, formula neutralisation, errors with line and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
from anninh_toandan.indicator import FUND_CONTRIBUTIONS, OUTREACH_REACH, OUTREACH_SESSIONS, SCHOLARSHIPS, Indicator
from anninh_toandan.io import FileFormatError
from anninh_toandan.io.csv import FORMULA_CHARACTERS, from_csv, neutralise, read_csv, restore, to_csv, write_csv
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Calendar, Period
from anninh_toandan.quantity import Quantity
from tests import strategies as s

H1 = Period.half_year(2022, 1)
HEADER = "unit,period,indicator,value,qualifier,low,high,unit_noun,status,reporter,note"


def _messages(text: str, **kwargs: object) -> list[str]:
    with pytest.raises(FileFormatError) as info:
        from_csv(text, **kwargs)  # type: ignore[arg-type]
    return [f"{p.path}: {p.message}" for p in info.value.problems]


# -- round trips -------------------------------------------------------------------


@given(s.exchange_figure_sets(), st.booleans())
def test_round_trip_is_lossless(fs: FigureSet, bom: bool) -> None:
    text = to_csv(fs, bom=bom)
    assert from_csv(text, indicators=s.catalogue_for(fs)) == fs
    assert from_csv(text.encode("utf-8"), indicators=s.catalogue_for(fs)) == fs


@given(s.exchange_figure_sets())
def test_no_written_cell_starts_like_a_formula(fs: FigureSet) -> None:
    rows = list(csv.reader(io.StringIO(to_csv(fs), newline="")))
    assert all(not cell or cell[0] not in FORMULA_CHARACTERS for row in rows for cell in row)


@given(st.text())
def test_restore_undoes_neutralise(text: str) -> None:
    safe = neutralise(text)
    assert restore(safe) == text
    assert not safe or safe[0] not in FORMULA_CHARACTERS


@given(st.text())
def test_text_that_needs_no_escape_is_read_as_written(text: str) -> None:
    if neutralise(text) == text:
        assert restore(text) == text


def test_sums_with_extra_bounds_keep_them() -> None:
    q = Quantity.nearly(200, "lượt") + Quantity.exact(50, "lượt")
    assert q.high is not None and q.low is not None
    fs = FigureSet([Figure.reported(OUTREACH_REACH, "673", H1, q)])
    assert from_csv(to_csv(fs)).value(OUTREACH_REACH, "673", H1) == q
    assert f"673,2022S1,outreach_reach,{q.value},{q.qualifier.value},{q.low},{q.high},lượt" in to_csv(fs)


def test_mentioned_and_not_reported_round_trip_with_reporter_and_note() -> None:
    fs = FigureSet(
        [
            Figure.mentioned(SCHOLARSHIPS, "673", H1, reported_by=Reporter.FATHERLAND_FRONT, note="tặng học bổng"),
            Figure.not_reported(OUTREACH_SESSIONS, "24823", Period.quarter(2022, 1, calendar=Calendar.REPORTING)),
            Figure.reported(FUND_CONTRIBUTIONS, "673", H1, Quantity.vnd(437_000_000), reported_by=Reporter.JOINT),
        ]
    )
    text = to_csv(fs)
    assert "673,2022S1,scholarships,,,,,,mentioned,fatherland_front,tặng học bổng\r\n" in text
    assert "24823,R2022Q1,outreach_sessions,,,,,,not_reported,,\r\n" in text
    assert from_csv(text) == fs


def test_a_zero_is_reported_and_an_empty_value_is_not() -> None:
    fs = from_csv("unit,period,indicator,value\n673,2022S1,outreach_sessions,0\n673,2022S1,gifts,\n")
    zero = fs.get(OUTREACH_SESSIONS, "673", H1)
    missing = fs.get("gifts", "673", H1)
    assert zero is not None and zero.value == Quantity.exact(0, "buổi")
    assert missing is not None and missing.status is FigureStatus.NOT_REPORTED


def test_hand_written_rows_take_defaults_for_empty_cells() -> None:
    text = "indicator,unit,period,value,qualifier\noutreach_reach,673,2022S1,13000,more_than\n"
    assert from_csv(text).value(OUTREACH_REACH, "673", H1) == Quantity.more_than(13000, "lượt")


def test_bom_is_written_on_request_and_read_either_way(tmp_path: Path) -> None:
    fs = FigureSet([Figure.reported(OUTREACH_SESSIONS, "673", H1, Quantity.exact(72, "buổi"))])
    path = write_csv(fs, tmp_path / "figures.csv", bom=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfunit,")
    assert read_csv(path) == fs
    write_csv(fs, path)
    assert path.read_bytes().startswith(b"unit,")
    assert read_csv(path) == fs


def test_custom_indicators_need_the_catalogue() -> None:
    patrols = Indicator(code="patrols", name_vi="Lượt tuần tra", name_en="Patrols", unit="lượt")
    fs = FigureSet([Figure.reported(patrols, "673", H1, Quantity.exact(12, "lượt"))])
    text = to_csv(fs)
    assert _messages(text) == [
        "line 2, column 'indicator': must be a known indicator code (pass indicators= for custom ones), got 'patrols'"
    ]
    from anninh_toandan.indicator import STANDARD_INDICATORS

    assert from_csv(text, indicators=STANDARD_INDICATORS.extend([patrols])) == fs


def test_unit_codes_are_checked_against_a_hierarchy() -> None:
    text = "unit,period,indicator,value\n24823,2022S1,gifts,1\n99999,2022S1,gifts,1\n"
    assert _messages(text, hierarchy=Hierarchy.bundled()) == [
        "line 3, column 'unit': must be the code of a unit in the hierarchy, got '99999'"
    ]


# -- errors --------------------------------------------------------------------------


def test_every_problem_is_reported_with_line_column_and_value() -> None:
    text = "\n".join(
        [
            HEADER,
            "673,2022S1,outreach_sessions,1.5,,,,,reported,,",
            "673,2022S1,outreach_sessions,-3,,,,,,,",
            "673,2022S1,gifts,5,more,,,,,police man,",
            "673,2022S1,gifts,,,,,,reported,,",
            "673,2022S1,houses_new,5,,,,,mentioned,,",
            ",2022S1,houses_new,5,,,,,,,",
            "673,2022S1,fund_contributions,5,,,,bài,,,",
            "673,2022S1,tips_received,5,exact,4,,,,,",
            "673,2022S1,tips_received",
            "673,2022S1,tips_valuable,5,,,,,oops,,   ",
        ]
    )
    assert _messages(text) == [
        "line 2, column 'value': must be a whole number >= 0, got '1.5'",
        "line 3, column 'value': must be a whole number >= 0, got '-3'",
        "line 4, column 'reporter': must be one of 'police', 'fatherland_front', 'member_organisation', 'joint', "
        "got 'police man'",
        "line 4, column 'qualifier': must be one of 'exact', 'more_than', 'about', 'nearly', 'order_of', got 'more'",
        "line 5, column 'value': is required for a reported figure",
        "line 6, column 'value': must be empty for a mentioned figure, got '5'",
        "line 7, column 'unit': is required",
        "line 8, column 'unit_noun': 'value' must be in 'đồng' for indicator 'fund_contributions' "
        "(got Quantity.exact(5, 'bài'))",
        "line 9, column 'value': bounds of a EXACT quantity must satisfy low == high == value "
        "(got value=5, low=4, high=5)",
        "line 10: must have 11 fields like the header, got 3",
        "line 11, column 'status': must be one of 'reported', 'mentioned', 'not_reported', got 'oops'",
        "line 11, column 'note': must not be blank, got '   '",
    ]


def test_the_header_must_name_known_columns_once_and_the_required_ones() -> None:
    assert _messages("unit,unit,indicator,amount\n") == [
        "line 1, column 'unit': must not appear twice",
        "line 1, column 'amount': must be one of the columns unit, period, indicator, value, qualifier, low, "
        "high, unit_noun, status, reporter, note, got 'amount'",
        "line 1, column 'period': is required but missing",
    ]
    assert _messages("") == [
        "line 1, column 'unit': is required but missing",
        "line 1, column 'period': is required but missing",
        "line 1, column 'indicator': is required but missing",
    ]


def test_conflicting_rows_are_named_and_identical_rows_are_one() -> None:
    row = "673,2022S1,gifts,5"
    assert len(from_csv(f"unit,period,indicator,value\n{row}\n{row}\n")) == 1
    assert _messages(f"unit,period,indicator,value\n{row}\n\n673,2022S1,gifts,6\n") == [
        "line 4: must not conflict with line 2, which has the same unit, period and indicator"
    ]


def test_line_numbers_count_lines_inside_quoted_cells() -> None:
    text = 'unit,period,indicator,value,note\n673,2022S1,gifts,5,"hai\ndòng"\n673,2022S1,houses_new,x,\n'
    assert _messages(text) == ["line 4, column 'value': must be a whole number >= 0, got 'x'"]


def test_malformed_csv_and_bad_encoding_are_errors() -> None:
    assert _messages('unit,period,indicator\n673,"2022S1"x,gifts\n') == [
        "line 2: must be valid CSV: ',' expected after '\"'"
    ]
    with pytest.raises(FileFormatError) as info:
        from_csv(b"unit,period,indicator\n673,2022S1,gi\xff\n", source="x.csv")
    assert str(info.value) == "1 problem in x.csv:\n  byte 35: must be UTF-8 text: invalid start byte"


def test_a_formula_cell_is_read_as_the_text_it_was() -> None:
    fs = FigureSet([Figure.mentioned(SCHOLARSHIPS, "673", H1, note='=HYPERLINK("http://x","y")')])
    text = to_csv(fs)
    assert "'=HYPERLINK" in text
    f = from_csv(text).get(SCHOLARSHIPS, "673", H1)
    assert f is not None and f.note == '=HYPERLINK("http://x","y")'


def test_long_values_are_shortened_in_messages() -> None:
    long = "x" * 100
    assert _messages(f"unit,period,indicator\n673,{long},gifts\n") == [
        "line 2, column 'period': must be a period id such as '202207', '2022Q1', '2022S1', 'R2022S1', '2022', "
        f"got '{'x' * 56}..."
    ]


def test_read_csv_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("unit,period,indicator,value\n673,2022S1,gifts,many\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        read_csv(path)
    assert info.value.source == str(path)
    assert info.value.problems[0].value == "many"


def test_writing_fails_cleanly_for_non_figure_sets(tmp_path: Path) -> None:
    from anninh_toandan.errors import FormatError

    path = tmp_path / "keep.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(FormatError, match="'figures' must be a FigureSet"):
        write_csv([], path)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == "old"
