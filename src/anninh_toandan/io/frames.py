"""pandas DataFrames, Arrow tables and Parquet files of figures (optional extras ``pandas`` and ``arrow``).

The tidy columns are those of the CSV long format: ``unit``, ``period``,
``indicator``, ``value``, ``qualifier``, ``low``, ``high``, ``unit_noun``,
``status``, ``reporter``, ``note``. Text columns are pandas ``string``
(Arrow ``string``); ``value``, ``low`` and ``high`` are nullable 64-bit
integers (pandas ``Int64``, Arrow ``int64``), never floats: counts and đồng
are whole, and a missing bound is ``<NA>``, not NaN. Round trips are
lossless: ``from_frame(to_frame(fs)) == fs`` and
``from_arrow(to_arrow(fs)) == fs``.

>>> from anninh_toandan.figures import Figure, FigureSet
>>> from anninh_toandan.indicator import OUTREACH_REACH, GIFTS
>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> h1 = Period.half_year(2022, 1)
>>> fs = FigureSet([
...     Figure.reported(OUTREACH_REACH, "673", h1, Quantity.more_than(13000, "lượt")),
...     Figure.not_reported(GIFTS, "673", h1),
... ])
>>> df = to_frame(fs)
>>> df[["indicator", "value", "qualifier", "low", "high", "status"]]
        indicator  value  qualifier    low  high        status
0  outreach_reach  13000  more_than  13000  <NA>      reported
1           gifts   <NA>       <NA>   <NA>  <NA>  not_reported
>>> str(df["value"].dtype), str(df["unit"].dtype)
('Int64', 'string')
>>> from_frame(df) == fs
True
>>> to_arrow(fs).schema.field("high").type
DataType(int64)

Numbers beyond the 64-bit range raise
:class:`~anninh_toandan.errors.FormatError` on export. :func:`from_frame`
and :func:`from_arrow` check every cell and raise one
:class:`~anninh_toandan.io.errors.FileFormatError` naming each problem by
row (0-based position) and column; a float in a number column is refused
even when it is whole.
"""

from __future__ import annotations

import io
import math
import numbers
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from anninh_toandan._files import atomic_write_bytes
from anninh_toandan.figures import FigureSet
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator
from anninh_toandan.io._columnar import Column, Fallback, build, column_from_arrow, column_from_pandas, wanted
from anninh_toandan.io._tabular import (
    COLUMNS,
    INTEGER_COLUMNS,
    RowReader,
    check_columns,
    check_indicators,
    figure_rows,
    require,
)
from anninh_toandan.io.errors import FileFormatError, Problem
from anninh_toandan.orgunit import Hierarchy

__all__ = ["from_arrow", "from_frame", "read_parquet", "to_arrow", "to_frame", "write_parquet"]


def _pandas() -> Any:
    return require("pandas", "pandas", "Converting figures to and from DataFrames")


def _arrow() -> Any:
    return require("pyarrow", "arrow", "Converting figures to and from Arrow")


def _parquet() -> Any:
    return require("pyarrow.parquet", "arrow", "Reading and writing Parquet")


def to_frame(figures: FigureSet) -> Any:
    """A pandas DataFrame with one row per figure and the tidy columns, in the set's order."""
    pd = _pandas()
    rows = figure_rows(figures, int64=True)
    data = {
        name: pd.array([row[name] for row in rows], dtype="Int64" if name in INTEGER_COLUMNS else "string")
        for name in COLUMNS
    }
    return pd.DataFrame(data, columns=list(COLUMNS))


def _schema(pa: Any) -> Any:
    return pa.schema([(name, pa.int64() if name in INTEGER_COLUMNS else pa.string()) for name in COLUMNS])


def to_arrow(figures: FigureSet) -> Any:
    """A :class:`pyarrow.Table` with one row per figure and the tidy columns (no pandas needed)."""
    pa = _arrow()
    rows = figure_rows(figures, int64=True)
    return pa.Table.from_pylist(rows, schema=_schema(pa))


def write_parquet(figures: FigureSet, path: str | os.PathLike[str]) -> Path:
    """Write :func:`to_arrow` of *figures* as a Parquet file (for DuckDB, Spark, pandas) atomically."""
    pq = _parquet()
    sink = io.BytesIO()
    pq.write_table(to_arrow(figures), sink)
    return atomic_write_bytes(path, sink.getvalue())


def _plain(value: object) -> object:
    """A cell as a plain Python value: ``None`` for every kind of missing, ``int`` for integer scalars."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    return value


def _read(
    columns: list[object],
    records: Callable[[], Iterable[Iterable[object]]],
    *,
    indicators: Mapping[str, Indicator],
    hierarchy: Hierarchy | None,
    source: str | None,
    as_columns: bool = False,
    column: Callable[[int], Column] | None = None,
    rows: int = 0,
) -> FigureSet:
    check_indicators(indicators)
    problems = check_columns(columns, lambda col: f"column {col!r}")
    if problems:
        raise FileFormatError(problems, source)
    if as_columns:
        assert column is not None
        try:
            return build(
                {str(name): column(i) for i, name in enumerate(columns)},
                rows,
                indicators=indicators,
                hierarchy=hierarchy,
            )
        except Fallback:
            pass
        return _read_rows(columns, records(), indicators=indicators, hierarchy=hierarchy, source=source).columnar()
    return _read_rows(columns, records(), indicators=indicators, hierarchy=hierarchy, source=source)


def _read_rows(
    columns: list[object],
    records: Iterable[Iterable[object]],
    *,
    indicators: Mapping[str, Indicator],
    hierarchy: Hierarchy | None,
    source: str | None,
) -> FigureSet:
    names = [str(c) for c in columns]
    reader = RowReader(
        indicators=indicators,
        hierarchy=hierarchy,
        where=lambda n, col: f"row {n}" if col is None else f"row {n}, column {col!r}",
    )
    for number, record in enumerate(records):
        reader.add(number, {name: _plain(cell) for name, cell in zip(names, record, strict=True)})
    return reader.figures(source)


def from_frame(
    frame: Any,
    *,
    indicators: Mapping[str, Indicator] = STANDARD_INDICATORS,
    hierarchy: Hierarchy | None = None,
    columnar: bool | None = None,
) -> FigureSet:
    """The figures in a DataFrame with the tidy columns (any order; ``unit``, ``period``, ``indicator`` required).

    Cells are read as in :func:`~anninh_toandan.io.csv.from_csv`: missing
    values (``<NA>``, ``None``, NaN) are empty cells, text must be text and
    numbers whole; *indicators*, *hierarchy* and *columnar* work the same
    way (a frame of 10,000 rows or more gives a columnar set, built from
    its columns).
    """
    pd = _pandas()
    if not isinstance(frame, pd.DataFrame):
        problem = Problem(path="$", message=f"must be a pandas DataFrame, got {type(frame).__name__}", value=None)
        raise FileFormatError([problem])
    return _read(
        list(frame.columns),
        lambda: frame.itertuples(index=False, name=None),
        indicators=indicators,
        hierarchy=hierarchy,
        source=None,
        as_columns=wanted(columnar, len(frame)),
        column=lambda i: column_from_pandas(frame.iloc[:, i]),
        rows=len(frame),
    )


def from_arrow(
    table: Any,
    *,
    indicators: Mapping[str, Indicator] = STANDARD_INDICATORS,
    hierarchy: Hierarchy | None = None,
    source: str | None = None,
    columnar: bool | None = None,
) -> FigureSet:
    """The figures in a :class:`pyarrow.Table` with the tidy columns (see :func:`from_frame`)."""
    pa = _arrow()
    if not isinstance(table, pa.Table):
        problem = Problem(path="$", message=f"must be a pyarrow Table, got {type(table).__name__}", value=None)
        raise FileFormatError([problem], source)

    def records() -> Iterable[Iterable[object]]:
        columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
        return zip(*columns, strict=True) if columns else iter(())

    return _read(
        list(table.column_names),
        records,
        indicators=indicators,
        hierarchy=hierarchy,
        source=source,
        as_columns=wanted(columnar, table.num_rows),
        column=lambda i: column_from_arrow(table.column(i)),
        rows=table.num_rows,
    )


def read_parquet(
    path: str | os.PathLike[str],
    *,
    indicators: Mapping[str, Indicator] = STANDARD_INDICATORS,
    hierarchy: Hierarchy | None = None,
    columnar: bool | None = None,
) -> FigureSet:
    """The figures in the Parquet file at *path* (see :func:`from_arrow`)."""
    pa = _arrow()
    pq = _parquet()
    data = Path(path).read_bytes()
    try:
        table = pq.read_table(pa.BufferReader(data))
    except pa.ArrowException as exc:
        problem = Problem(path="$", message=f"must be a Parquet file: {exc}", value=None)
        raise FileFormatError([problem], str(path)) from None
    return from_arrow(table, indicators=indicators, hierarchy=hierarchy, source=str(path), columnar=columnar)
