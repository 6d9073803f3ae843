"""pandas, Arrow and Parquet: tidy columns, dtypes without floats, lossless round trips."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from anninh_toandan.errors import FormatError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.indicator import FUND_CONTRIBUTIONS, GIFTS, OUTREACH_REACH
from anninh_toandan.io import FileFormatError
from anninh_toandan.io._tabular import MissingExtraError
from anninh_toandan.io.frames import from_arrow, from_frame, read_parquet, to_arrow, to_frame, write_parquet
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity
from tests import strategies as s

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

H1 = Period.half_year(2022, 1)


def _sample() -> FigureSet:
    return FigureSet(
        [
            Figure.reported(OUTREACH_REACH, "673", H1, Quantity.more_than(13000, "lượt")),
            Figure.reported(FUND_CONTRIBUTIONS, "673", H1, Quantity.nearly(35_000_000_000, "đồng")),
            Figure.not_reported(GIFTS, "673", H1),
        ]
    )


def _messages(df: object, **kwargs: object) -> list[str]:
    with pytest.raises(FileFormatError) as info:
        from_frame(df, **kwargs)  # type: ignore[arg-type]
    return [f"{p.path}: {p.message}" for p in info.value.problems]


# -- round trips -----------------------------------------------------------------------


@given(s.exchange_figure_sets())
def test_frame_round_trip_is_lossless(fs: FigureSet) -> None:
    assert from_frame(to_frame(fs), indicators=s.catalogue_for(fs)) == fs


@given(s.exchange_figure_sets())
def test_arrow_round_trip_is_lossless(fs: FigureSet) -> None:
    assert from_arrow(to_arrow(fs), indicators=s.catalogue_for(fs)) == fs


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(s.exchange_figure_sets())
def test_parquet_round_trip_is_lossless(tmp_path: Path, fs: FigureSet) -> None:
    path = write_parquet(fs, tmp_path / "figures.parquet")
    assert read_parquet(path, indicators=s.catalogue_for(fs)) == fs


def test_dtypes_have_no_floats() -> None:
    df = to_frame(_sample())
    assert ",".join(df.columns) == "unit,period,indicator,value,qualifier,low,high,unit_noun,status,reporter,note"
    assert {c: str(t) for c, t in df.dtypes.items() if str(t) != "string"} == {
        "value": "Int64",
        "low": "Int64",
        "high": "Int64",
    }
    assert df.loc[1, "value"] == 35_000_000_000 and df.loc[1, "low"] is pd.NA
    table = to_arrow(_sample())
    assert [str(t) for t in table.schema.types] == ["string"] * 3 + ["int64", "string", "int64", "int64"] + [
        "string"
    ] * 4


def test_an_empty_set_has_the_columns() -> None:
    assert list(to_frame(FigureSet()).columns)[:3] == ["unit", "period", "indicator"]
    assert from_frame(to_frame(FigureSet())) == FigureSet()
    assert from_arrow(to_arrow(FigureSet())) == FigureSet()


def test_numbers_beyond_64_bits_are_refused_on_export() -> None:
    fs = FigureSet([Figure.reported(FUND_CONTRIBUTIONS, "673", H1, Quantity.vnd(2**63))])
    with pytest.raises(FormatError, match=r"'value' of the figure for indicator 'fund_contributions'.*64-bit"):
        to_frame(fs)
    with pytest.raises(FormatError, match="64-bit"):
        to_arrow(fs)


def test_a_hand_built_frame_with_object_columns_reads() -> None:
    df = pd.DataFrame(
        {
            "indicator": ["gifts", "outreach_reach"],
            "unit": ["673", "673"],
            "period": ["2022S1", "2022S1"],
            "value": [None, 13000],
            "qualifier": [None, "more_than"],
        },
    )
    df["value"] = df["value"].astype("Int64")
    fs = from_frame(df)
    assert fs.value(OUTREACH_REACH, "673", H1) == Quantity.more_than(13000, "lượt")
    gifts = fs.get(GIFTS, "673", H1)
    assert gifts is not None and gifts.status is FigureStatus.NOT_REPORTED


# -- errors -----------------------------------------------------------------------------


def test_floats_and_bad_cells_are_named_by_row_and_column() -> None:
    df = pd.DataFrame(
        {
            "unit": ["673", 673, "673"],
            "period": ["2022S1", "2022S1", "2022X"],
            "indicator": ["gifts", "gifts", "nope"],
            "value": [3.0, float("nan"), 1.5],
        }
    )
    assert _messages(df) == [
        "row 0, column 'value': must be a whole number >= 0, got 3.0 (a float: use a whole-number column such as "
        "pandas 'Int64')",
        "row 1, column 'unit': must be text, got 673",
        "row 2, column 'period': must be a period id such as '202207', '2022Q1', '2022S1', 'R2022S1', '2022', "
        "got '2022X'",
        "row 2, column 'indicator': must be a known indicator code (pass indicators= for custom ones), got 'nope'",
        "row 2, column 'value': must be a whole number >= 0, got 1.5 (a float: use a whole-number column such as "
        "pandas 'Int64')",
    ]


def test_columns_and_types_are_checked() -> None:
    assert _messages(pd.DataFrame({"unit": ["673"], "period": ["2022S1"], "amount": [1]})) == [
        "column 'amount': must be one of the columns unit, period, indicator, value, qualifier, low, high, "
        "unit_noun, status, reporter, note, got 'amount'",
        "column 'indicator': is required but missing",
    ]
    assert _messages([1, 2]) == ["$: must be a pandas DataFrame, got list"]
    with pytest.raises(FileFormatError, match="must be a pyarrow Table, got DataFrame"):
        from_arrow(to_frame(_sample()))


def test_unit_codes_are_checked_against_a_hierarchy() -> None:
    df = to_frame(FigureSet([Figure.not_reported(GIFTS, "nowhere", H1)]))
    assert _messages(df, hierarchy=Hierarchy.bundled()) == [
        "row 0, column 'unit': must be the code of a unit in the hierarchy, got 'nowhere'"
    ]


def test_arrow_doubles_are_refused() -> None:
    table = pa.table({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": pa.array([2.0])})
    with pytest.raises(FileFormatError, match=r"row 0, column 'value': must be a whole number >= 0, got 2.0"):
        from_arrow(table)


def test_a_file_that_is_not_parquet_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    path.write_bytes(b"unit,period\n")
    with pytest.raises(FileFormatError, match="must be a Parquet file") as info:
        read_parquet(path)
    assert info.value.source == str(path)


def test_writing_parquet_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "figures.parquet"
    write_parquet(_sample(), path)
    before = path.read_bytes()
    bad = FigureSet([Figure.reported(FUND_CONTRIBUTIONS, "673", H1, Quantity.vnd(2**64))])
    with pytest.raises(FormatError):
        write_parquet(bad, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figures.parquet"]


# -- optional extras ----------------------------------------------------------------------


def test_a_missing_extra_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError) as info:
        to_frame(_sample())
    assert "pip install 'anninh-toandan[pandas]'" in str(info.value)
    assert isinstance(info.value, ImportError) and info.value.extra == "pandas"
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r"anninh-toandan\[arrow\]"):
        write_parquet(_sample(), "never.parquet")


def test_importing_the_exchange_layer_loads_no_optional_package() -> None:
    code = (
        "import sys, anninh_toandan.io, anninh_toandan.io.csv, anninh_toandan.io.excel, anninh_toandan.io.frames\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'openpyxl') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
