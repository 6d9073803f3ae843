"""Readers that build a columnar set from a table's columns give what the row reader gives.

The same figures (in the same order) for every generated set written and read
back, through CSV (pyarrow or Python's csv module), pandas, Arrow and
Parquet; and for every bad file, exactly the row reader's error.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, Reporter
from anninh_toandan.indicator import FUND_CONTRIBUTIONS, GIFTS, OUTREACH_REACH, OUTREACH_SESSIONS, TIPS_RECEIVED
from anninh_toandan.io import FileFormatError, frames
from anninh_toandan.io import csv as csv_module
from anninh_toandan.io._columnar import THRESHOLD, Fallback, coded_from_list
from anninh_toandan.io.csv import from_csv, read_csv, to_csv
from anninh_toandan.io.frames import from_arrow, from_frame, read_parquet, to_arrow, to_frame, write_parquet
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity
from tests import strategies as s

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

H1 = Period.half_year(2022, 1)
HEADER = "unit,period,indicator,value,qualifier,low,high,unit_noun,status,reporter,note"


@pytest.fixture
def no_pyarrow_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    """CSV read as without pyarrow: Python's csv module feeds the column builder."""
    monkeypatch.setitem(sys.modules, "pyarrow.csv", None)


def _same(got: FigureSet, want: FigureSet) -> None:
    assert got.is_columnar
    assert got == want and want == got
    assert list(got) == list(want)  # the same figures in the same order


def _error(read: Callable[..., FigureSet], *args: object, **kwargs: object) -> str:
    with pytest.raises(FileFormatError) as info:
        read(*args, **kwargs)
    return str(info.value)


# -- generated sets, written and read back both ways ------------------------------------


@settings(max_examples=60)
@given(s.exchange_figure_sets(), st.booleans())
def test_csv_read_by_columns_equals_the_row_reader(fs: FigureSet, bom: bool) -> None:
    text = to_csv(fs, bom=bom)
    cat = s.catalogue_for(fs)
    want = from_csv(text, indicators=cat, columnar=False)
    assert not want.is_columnar
    _same(from_csv(text, indicators=cat, columnar=True), want)
    _same(from_csv(text.encode("utf-8"), indicators=cat, columnar=True), want)


@settings(max_examples=40)
@given(s.exchange_figure_sets())
def test_csv_read_by_columns_without_pyarrow_equals_the_row_reader(fs: FigureSet) -> None:
    text = to_csv(fs)
    cat = s.catalogue_for(fs)
    saved = sys.modules.get("pyarrow.csv")
    sys.modules["pyarrow.csv"] = None  # type: ignore[assignment]
    try:
        got = from_csv(text, indicators=cat, columnar=True)
    finally:
        if saved is None:
            del sys.modules["pyarrow.csv"]
        else:
            sys.modules["pyarrow.csv"] = saved
    _same(got, from_csv(text, indicators=cat, columnar=False))


@settings(max_examples=40)
@given(s.exchange_figure_sets())
def test_frames_and_arrow_read_by_columns_equal_the_row_reader(fs: FigureSet) -> None:
    cat = s.catalogue_for(fs)
    df = to_frame(fs)
    _same(from_frame(df, indicators=cat, columnar=True), from_frame(df, indicators=cat, columnar=False))
    table = to_arrow(fs)
    _same(from_arrow(table, indicators=cat, columnar=True), from_arrow(table, indicators=cat, columnar=False))


# -- the columns are read without the row reader ---------------------------------------


def _big(n: int = THRESHOLD) -> FigureSet:
    figs = []
    for k in range(n):
        period = Period.month(2022, k % 12 + 1)
        unit = f"u{k // 48}"
        ind = (OUTREACH_SESSIONS, OUTREACH_REACH, FUND_CONTRIBUTIONS, GIFTS)[(k // 12) % 4]
        if k % 11 == 0:
            figs.append(Figure.not_reported(ind, unit, period, reported_by=Reporter.POLICE))
        elif k % 13 == 0:
            figs.append(Figure.mentioned(ind, unit, period, note="+ nhiều tin khác"))
        elif ind is FUND_CONTRIBUTIONS:
            figs.append(Figure.reported(ind, unit, period, Quantity.nearly(10**9 + k, "đồng")))
        elif k % 5 == 0:
            figs.append(Figure.reported(ind, unit, period, Quantity.order_of(100, "bài viết" if k % 2 else ind.unit)))
        elif k % 7 == 0:
            q = Quantity.more_than(k, ind.unit) + Quantity.nearly(50, ind.unit)
            figs.append(Figure.reported(ind, unit, period, q, reported_by=Reporter.JOINT))
        else:
            figs.append(Figure.reported(ind, unit, period, Quantity.exact(k % 97, ind.unit)))
    return FigureSet(figs)


@pytest.fixture
def rows_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The row readers fail: what passes was read by columns alone."""

    def refuse(*_args: object, **_kwargs: object) -> FigureSet:
        raise AssertionError("the row reader ran")

    monkeypatch.setattr(csv_module, "_rows", refuse)
    monkeypatch.setattr(frames, "_read_rows", refuse)


@pytest.mark.parametrize("pyarrow_csv", [True, False])
def test_a_large_file_is_read_by_columns_alone(
    pyarrow_csv: bool, rows_refused: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fs = _big()
    if not pyarrow_csv:
        monkeypatch.setitem(sys.modules, "pyarrow.csv", None)
    path = csv_module.write_csv(fs, tmp_path / "figures.csv", bom=True)
    _same(read_csv(path), fs)  # large: columnar by default
    _same(from_frame(to_frame(fs)), fs)
    _same(from_arrow(to_arrow(fs)), fs)
    _same(read_parquet(write_parquet(fs, tmp_path / "figures.parquet")), fs)


def test_a_small_table_is_read_row_by_row_unless_asked(tmp_path: Path) -> None:
    fs = _big(50)
    text = to_csv(fs)
    assert not from_csv(text).is_columnar
    _same(from_csv(text, columnar=True), fs)
    big = _big()
    assert not from_csv(to_csv(big), columnar=False).is_columnar
    assert not from_frame(to_frame(big), columnar=False).is_columnar
    _same(read_parquet(write_parquet(fs, tmp_path / "f.parquet"), columnar=True), fs)


def test_columnar_must_be_a_bool_or_none() -> None:
    with pytest.raises(ValidationTypeError, match=r"'columnar' must be True, False or None \(got 1 of type int\)"):
        from_csv(f"{HEADER}\n", columnar=1)  # type: ignore[arg-type]


def test_an_empty_table_forced_to_columns_is_an_empty_columnar_set() -> None:
    got = from_csv(f"{HEADER}\r\n", columnar=True)
    assert got.is_columnar and len(got) == 0 and got == FigureSet()
    got = from_frame(to_frame(FigureSet()), columnar=True)
    assert got.is_columnar and len(got) == 0


def test_identical_repeated_rows_are_one_and_hand_written_rows_take_defaults() -> None:
    text = (
        "indicator,unit,period,value,qualifier\n"
        "outreach_reach,673,2022S1,1200,more_than\n"
        "outreach_reach,673,2022S1,1200,more_than\n"
        "gifts,673,2022S1,,\n"
        "gifts,674,2022S1,100,order_of\n"
    )
    want = from_csv(text, columnar=False)
    _same(from_csv(text, columnar=True), want)
    assert len(want) == 3


def test_values_beyond_64_bits_and_unusual_columns_are_read_by_the_row_reader() -> None:
    huge = FigureSet([Figure.reported(FUND_CONTRIBUTIONS, "673", H1, Quantity.vnd(2**64))])
    got = from_csv(to_csv(huge), columnar=True)
    assert got == huge  # read row by row; such a set cannot be held as columns
    frame = pd.DataFrame({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": [5.0]})
    assert "a float: use a whole-number column" in _error(from_frame, frame, columnar=True)
    big = pa.array([2**63], pa.uint64())
    unsigned = pa.table({"unit": ["673"], "period": ["2022S1"], "indicator": ["fund_contributions"], "value": big})
    assert from_arrow(unsigned, columnar=True).value(FUND_CONTRIBUTIONS, "673", H1) == Quantity.vnd(2**63)
    empty = pd.DataFrame({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "note": [float("nan")]})
    _same(from_frame(empty, columnar=True), from_frame(empty, columnar=False))
    nulls = pa.table({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "note": pa.nulls(1)})
    _same(from_arrow(nulls, columnar=True), from_arrow(nulls, columnar=False))


def test_period_ids_that_name_the_same_period_are_one_period() -> None:
    text = f"{HEADER}\n673,2022,gifts,,,,,,not_reported,,\n673,2022,tips_received,3,,,,,,,\n"
    _same(from_csv(text, columnar=True), from_csv(text, columnar=False))


def test_hierarchy_is_checked_by_columns_too() -> None:
    h = Hierarchy.bundled()
    text = f"{HEADER}\n24823,2022S1,gifts,5,,,,,,,\n"
    _same(from_csv(text, hierarchy=h, columnar=True), from_csv(text, hierarchy=h, columnar=False))


def test_an_unhashable_cell_falls_back() -> None:
    with pytest.raises(Fallback):
        coded_from_list([["x"]], 1)


# -- bad files: exactly the row reader's error ------------------------------------------

BAD_CELLS: dict[str, list[str]] = {
    "unit": ["", " ", "=x"],
    "period": ["", "2022X", "2022S3"],
    "indicator": ["", "patrols", " "],
    "value": ["1.5", "-3", "x", "99999999999999999999999"],
    "qualifier": ["roughly", "order_of", "nearly", "about"],
    "low": ["7", "x", "0"],
    "high": ["7", "1", "x"],
    "unit_noun": ["đồng", " ", "người"],
    "status": ["done", "mentioned", "not_reported", " "],
    "reporter": ["army", " "],
    "note": [" "],
}


def _valid_rows() -> list[list[str]]:
    fs = _big(40)
    return list(csv.reader(io.StringIO(to_csv(fs))))


@settings(max_examples=80)
@given(st.data())
def test_a_bad_file_gives_exactly_the_row_readers_error(data: st.DataObject) -> None:
    rows = _valid_rows()
    header, body = rows[0], rows[1:]
    for _ in range(data.draw(st.integers(1, 3))):
        row = data.draw(st.integers(0, len(body) - 1))
        column = data.draw(st.sampled_from(sorted(BAD_CELLS)))
        body[row][header.index(column)] = data.draw(st.sampled_from(BAD_CELLS[column]))
    if data.draw(st.booleans()):  # a conflicting repeat of a row
        copy = list(body[data.draw(st.integers(0, len(body) - 1))])
        copy[header.index("reporter")] = "joint"
        body.append(copy)
    out = io.StringIO()
    csv.writer(out).writerows([header, *body])
    text = out.getvalue()
    try:
        want = from_csv(text, columnar=False)
    except FileFormatError as exc:
        assert _error(from_csv, text, columnar=True) == str(exc)
        assert _error(from_csv, text, columnar=True, source="f.csv") == str(FileFormatError(exc.problems, "f.csv"))
        frame = pd.DataFrame(body, columns=header).replace("", None)
        assert _error(from_frame, frame, columnar=True) == _error(from_frame, frame, columnar=False)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        assert _error(from_arrow, table, columnar=True) == _error(from_arrow, table, columnar=False)
    else:
        _same(from_csv(text, columnar=True), want)


def test_bad_csv_shapes_give_the_row_readers_error(no_pyarrow_csv: None) -> None:
    for text in (
        f"{HEADER}\n673,2022S1,gifts\n",
        f"{HEADER}\n673,2022S1,gifts,5,,,,,,,,extra\n",
        'unit,period,indicator,value\n673,2022S1,gifts,"5"x\n',
        "unit,period,indicator,value,value\n673,2022S1,gifts,5,5\n",
        "unit,period,value\n673,2022S1,5\n",
    ):
        assert _error(from_csv, text, columnar=True) == _error(from_csv, text, columnar=False)


def test_bad_csv_shapes_give_the_row_readers_error_with_pyarrow() -> None:
    for text in (
        f"{HEADER}\n673,2022S1,gifts\n",
        f"{HEADER}\n673,2022S1,gifts,5,,,,,,,,extra\n",
        'unit,period,indicator,value\n673,2022S1,gifts,"5"x\n',
        "unit,period,indicator,value,value\n673,2022S1,gifts,5,5\n",
        "unit,period,indicator,value,colour\n673,2022S1,gifts,5,red\n",
        "unit,period,indicator,value\n673,2022S1,gifts,5\x00\n",
    ):
        assert _error(from_csv, text, columnar=True) == _error(from_csv, text, columnar=False)


def test_numbers_in_a_text_column_and_text_types_are_the_row_readers_errors() -> None:
    frame = pd.DataFrame({"unit": [673], "period": ["2022S1"], "indicator": ["gifts"], "value": [5]})
    assert "column 'unit': must be text" in _error(from_frame, frame, columnar=True)
    assert _error(from_frame, frame, columnar=True) == _error(from_frame, frame, columnar=False)
    bools = pd.DataFrame({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": [True]})
    assert _error(from_frame, bools, columnar=True) == _error(from_frame, bools, columnar=False)
    mixed: Any = pd.DataFrame({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": [[5]]})
    assert _error(from_frame, mixed, columnar=True) == _error(from_frame, mixed, columnar=False)
    table = pa.table({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": [1.0]})
    assert _error(from_arrow, table, columnar=True) == _error(from_arrow, table, columnar=False)
    negative = pa.table({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": [-1]})
    assert "must be a whole number >= 0, got -1" in _error(from_arrow, negative, columnar=True)


def test_tips_indicator_rows_from_a_frame_with_string_numbers() -> None:
    frame = pd.DataFrame(
        {"unit": ["673", "674"], "period": ["2022S1"] * 2, "indicator": [TIPS_RECEIVED.code] * 2, "value": ["3", "04"]}
    )
    _same(from_frame(frame, columnar=True), from_frame(frame, columnar=False))


def test_arrow_chunks_slices_nulls_and_narrow_integers_are_read_by_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    table = to_arrow(_big(300))
    parts = pa.concat_tables([table.slice(3, 100), table.slice(150)])  # chunked, with offsets
    narrow = parts.cast(pa.schema([(f.name, pa.int32() if f.name == "value" else f.type) for f in parts.schema]))
    narrow = narrow.drop_columns(["low", "high"])
    unsigned = narrow.cast(pa.schema([(f.name, pa.uint64() if f.name == "value" else f.type) for f in narrow.schema]))
    tables = [parts, narrow, unsigned]
    wants = [from_arrow(t, columnar=False) for t in tables]

    def refuse(*_args: object, **_kwargs: object) -> FigureSet:
        raise AssertionError("the row reader ran")

    monkeypatch.setattr(frames, "_read_rows", refuse)
    for t, want in zip(tables, wants, strict=True):
        _same(from_arrow(t, columnar=True), want)


# -- the figure store gives its figures as columns --------------------------------------


@settings(max_examples=25)
@given(s.figure_sets(max_size=15))
def test_the_store_gives_the_same_figures_as_columns(fs: FigureSet) -> None:
    pytest.importorskip("duckdb")
    from anninh_toandan.store import StoreInputError, open_store

    with open_store(":memory:") as store:
        try:
            store.define(*fs.indicators())
            store.add(fs, source="generated")
        except StoreInputError:  # a NUL character, which no database keeps
            return
        want = store.figures(columnar=False)
        assert not want.is_columnar
        _same(store.figures(columnar=True), want)
        assert want == fs


@pytest.mark.parametrize("arrow", [True, False])
def test_a_large_store_read_is_columnar_and_damaged_rows_are_read_one_by_one(
    arrow: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("duckdb")
    from anninh_toandan.store import open_store

    fs = _big()
    with open_store(str(tmp_path / "figures.duckdb")) as store:
        if not arrow:  # rows, as from PostgreSQL
            monkeypatch.setattr(store._db, "execute_arrow", lambda *_args: None)
        store.add(fs, source="generated")
        want = store.figures(columnar=False)
        assert want == fs
        _same(store.figures(), want)  # in the store's order
        assert not store.figures(units=["u0"]).is_columnar  # small
        # A row only a damaged store holds: an exact value without its bounds; read as before (an error).
        store._run("UPDATE figure_versions SET low = NULL WHERE unit = 'u1' AND qualifier = 'exact'")
        with pytest.raises(Exception, match="bounds of a EXACT quantity") as columns:
            store.figures(columnar=True)
        with pytest.raises(Exception, match="bounds of a EXACT quantity") as rows:
            store.figures(columnar=False)
        assert str(columns.value) == str(rows.value)


@pytest.mark.parametrize("ends", [("\r", "\r"), ("\n", "\n"), ("\r\n", "\r\n"), ("\r\n", "\r"), ("\n", "\r\n")])
@pytest.mark.parametrize("pyarrow_csv", [True, False])
def test_line_ends_and_blank_lines_are_read_alike(
    ends: tuple[str, str], pyarrow_csv: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["unit,period,indicator,value", "673,2022S1,gifts,5", "", "674,2022S1,gifts,", "675,2022S1,gifts,7"]
    text = ends[0].join(lines[:2]) + ends[1] + ends[1].join(lines[2:]) + ends[0] * 2
    want = from_csv(text, columnar=False)
    if not pyarrow_csv:
        monkeypatch.setitem(sys.modules, "pyarrow.csv", None)
    monkeypatch.setattr(csv_module, "_rows", lambda *_a, **_k: pytest.fail("the row reader ran"))
    _same(from_csv(text, columnar=True), want)
    assert len(want) == 3


ROWS = [
    "673,2022S1,gifts,150,order_of,,,,,,",
    f"673,2022S1,fund_contributions,{10**18},order_of,,,,,,",  # fine, but its upper bound leaves 64 bits
    "673,2022S1,gifts,100,order_of,100,999,,,,",
    "673,2022S1,gifts,5,exact,3,,,,,",
    "673,2022S1,gifts,5,more_than,,3,,,,",
    "673,2022S1,gifts,5,more_than,5,9,,,,",
    "673,2022S1,gifts,0,nearly,,,,,,",
    "673,2022S1,gifts,5,nearly,7,,,,,",
    "673,2022S1,gifts,5,nearly,2,,,,,",
    "673,2022S1,gifts,5,about,1,,,,,",
    "673,2022S1,gifts,5,about,,,,,,",
    "673,2022S1,gifts,5,,,,đồng,,,",
    "673,2022S1,fund_contributions,5,,,,phần quà,,,",
    "673,2022S1,fund_contributions,5,,,,,,,",
    "673,2022S1,gifts,5,,,,,mentioned,,",
    "673,2022S1,gifts,,,,,,reported,,",
    "673,2022S1,gifts,,exact,,,,,,",
    "673,2022S1,gifts,,,,,,,joint,tặng quà",
    "673,2022X,gifts,5,,,,,,,",
    "673,R2022S1,gifts,5,,,,,,police,",
    "nowhere,2022S1,gifts,5,,,,,,,",
    f"673,2022S1,gifts,{2**63},,,,,,,",
]


@pytest.mark.parametrize("row", ROWS)
@pytest.mark.parametrize("repeat", ["", "same", "other"])
def test_each_rule_of_a_row_is_the_row_readers(row: str, repeat: str) -> None:
    other = "673,2022S1,gifts,6,,,,,,,"
    text = f"{HEADER}\n{row}\n" + {"": "", "same": f"{row}\n", "other": f"{other}\n"}[repeat]
    h = Hierarchy.bundled() if row.startswith("nowhere") else None
    try:
        want = from_csv(text, hierarchy=h, columnar=False)
    except FileFormatError as exc:
        assert _error(from_csv, text, hierarchy=h, columnar=True) == str(exc)
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).replace("", None)
        assert _error(from_frame, frame, hierarchy=h, columnar=True) == _error(from_frame, frame, hierarchy=h)
        return
    got = from_csv(text, hierarchy=h, columnar=True)
    assert got == want and list(got) == list(want)
    assert got.is_columnar == (str(10**18) not in row and str(2**63) not in row)  # else too large for columns


def test_a_damaged_store_is_read_one_by_one(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    from anninh_toandan.store import open_store

    for n, damage in enumerate(
        (
            "UPDATE figure_versions SET note = '' WHERE unit = 'u0'",
            "UPDATE figure_versions SET qualifier = 'roughly' WHERE unit = 'u0'",
            "UPDATE figure_versions SET value_unit = NULL WHERE unit = 'u0' AND value IS NOT NULL",
        )
    ):
        with open_store(str(tmp_path / f"figures{n}.duckdb")) as store:
            store.add(_big(100), source="generated")
            store._run(damage)
            with pytest.raises(Exception) as rows:
                store.figures(columnar=False)
            with pytest.raises(type(rows.value)) as columns:
                store.figures(columnar=True)
            assert str(columns.value) == str(rows.value)
    with pytest.raises(Exception, match="the figure store is closed"):
        store.figures()
