"""Long-format tables read column by column into a columnar ``FigureSet`` (private).

The row reader (:class:`~anninh_toandan.io._tabular.RowReader`) makes a
``Figure`` per row. For a large table, :func:`build` makes the set's columns
directly instead: each column is coded as integers into its distinct values
(:class:`Coded`), or held as whole numbers (:class:`Whole`); every distinct
value is read once, by the row reader's own cell checks
(:func:`~anninh_toandan.io._tabular.read_cell`), and the checks that need the
whole row (status against the quantity columns, the rules of a
``Quantity``, money against the indicator's unit, conflicting repeats) run
on the arrays.

This path never reports problems itself: anything it does not read exactly
as the row reader does (a bad cell, a conflict, a float column, a value
beyond 64 bits, a CSV with quotes when read by pyarrow) raises
:class:`Fallback`, and the caller runs the row reader, which returns the
same figures or raises today's error with every problem in its place.
"""

from __future__ import annotations

import csv
import importlib
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from anninh_toandan._columns import (
    COLUMNAR_THRESHOLD,
    INT64_MAX,
    QUALIFIERS,
    FigureColumns,
    arrow_factorize,
    arrow_flat,
    arrow_nulls,
    arrow_numbers,
    factorize,
)
from anninh_toandan._columns import numpy as load_numpy
from anninh_toandan.errors import AnninhError, ValidationTypeError
from anninh_toandan.figures import FigureConflictError, FigureSet, FigureStatus, Reporter
from anninh_toandan.indicator import Indicator
from anninh_toandan.io._tabular import COLUMNS, CellProblem, read_cell
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import MONEY_UNIT, Qualifier

__all__ = [
    "THRESHOLD",
    "Coded",
    "Fallback",
    "Whole",
    "build",
    "coded_from_arrow",
    "coded_from_list",
    "column_from_arrow",
    "column_from_pandas",
    "csv_columns_arrow",
    "csv_columns_python",
    "wanted",
]

#: From this many rows on, readers build a columnar set when NumPy is installed.
THRESHOLD = COLUMNAR_THRESHOLD

_STATUS_CODE = {FigureStatus.REPORTED: 0, FigureStatus.MENTIONED: 1, FigureStatus.NOT_REPORTED: 2}
_REPORTER_CODE = {r: i for i, r in enumerate(Reporter)}
_QUALIFIER_CODE = {q: i for i, q in enumerate(QUALIFIERS)}
_EXACT, _MORE_THAN, _ABOUT, _NEARLY, _ORDER_OF = (
    _QUALIFIER_CODE[q]
    for q in (Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.ABOUT, Qualifier.NEARLY, Qualifier.ORDER_OF)
)


class Fallback(Exception):
    """The columns cannot be read here exactly as the row reader reads them: the caller must use it."""


class Coded:
    """A column as codes (int64, -1 for a missing cell) into its distinct values."""

    __slots__ = ("codes", "values")

    def __init__(self, codes: Any, values: Sequence[object]) -> None:
        self.codes = codes
        self.values = values


class Whole:
    """A column of whole numbers: int64 values, and where a cell is empty."""

    __slots__ = ("missing", "values")

    def __init__(self, values: Any, missing: Any) -> None:
        self.values = values
        self.missing = missing


Column = Coded | Whole


def wanted(columnar: bool | None, rows: int) -> bool:
    """Whether to read columns: when forced, or for *rows* >= :data:`THRESHOLD` when NumPy is installed."""
    if columnar is None:
        if rows < THRESHOLD:
            return False
        try:
            load_numpy()
        except ImportError:  # pragma: no cover - numpy comes with the test extra
            return False
        return True
    if not isinstance(columnar, bool):
        msg = f"'columnar' must be True, False or None (got {columnar!r} of type {type(columnar).__name__})"
        raise ValidationTypeError(msg)
    if columnar:
        load_numpy()  # ImportError naming the extra when forced without NumPy
    return columnar


# -- columns from the sources ----------------------------------------------------------


def _module(name: str) -> Any:
    """An optional package the caller has already loaded (pyarrow, pandas)."""
    return importlib.import_module(name)


def coded_from_list(cells: Sequence[object], n: int) -> Coded:
    """The column of the Python values *cells* (*n* of them), coded by a dict."""
    try:
        return Coded(*factorize(cells, n))
    except TypeError:  # an unhashable cell
        raise Fallback from None


def coded_from_arrow(array: Any) -> Coded:
    """The column of an Arrow string array (or chunked array), coded by Arrow's dictionary encoding."""
    return Coded(*arrow_factorize(array))


def column_from_arrow(array: Any) -> Column:
    """A column of an Arrow table: text coded, integers as they are; :class:`Fallback` for other types."""
    pa = _module("pyarrow")
    np = load_numpy()
    kind = array.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return coded_from_arrow(array)
    n = len(array)
    if pa.types.is_null(kind):
        return Whole(np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.bool_))
    if pa.types.is_integer(kind):
        flat = arrow_flat(array)
        missing = arrow_nulls(flat)
        values = arrow_numbers(flat, np.dtype(kind.to_pandas_dtype()))
        if pa.types.is_uint64(kind) and (values[~missing] > INT64_MAX).any():
            raise Fallback
        return Whole(np.where(missing, 0, values).astype(np.int64), missing)
    raise Fallback


def column_from_pandas(series: Any) -> Column:
    """A column of a DataFrame: text coded, integers as they are; :class:`Fallback` for other types."""
    pd = _module("pandas")

    np = load_numpy()
    types = pd.api.types
    dtype = series.dtype
    n = len(series)
    if types.is_bool_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
        raise Fallback
    if types.is_integer_dtype(dtype):
        missing = series.isna().to_numpy(dtype=np.bool_)
        if types.is_unsigned_integer_dtype(dtype) and n and series.max() > INT64_MAX:
            raise Fallback
        values = series.to_numpy(dtype=np.int64, na_value=0)
        return Whole(values, missing)
    if types.is_float_dtype(dtype):
        if series.isna().all():
            return Whole(np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.bool_))
        raise Fallback
    if types.is_string_dtype(dtype) or types.is_object_dtype(dtype):
        inferred = types.infer_dtype(series, skipna=True)
        if inferred == "empty" and series.isna().all():
            return Whole(np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.bool_))
        if inferred != "string":
            raise Fallback
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        return Coded(np.asarray(codes, dtype=np.int64), list(uniques))
    raise Fallback


def csv_columns_arrow(data: bytes, restore: Callable[[str], str]) -> tuple[list[str], dict[str, Column], int]:
    """The header, the columns and the number of rows of CSV *data*, parsed by pyarrow.

    Only a file without quotes and NUL characters is read here (where
    pyarrow and Python's ``csv`` module read the same fields); any other, or
    a row whose number of fields is not the header's, raises
    :class:`Fallback`.
    """
    pa = _module("pyarrow")
    pacsv = _module("pyarrow.csv")

    if b'"' in data or b"\x00" in data:
        raise Fallback
    end = len(data)
    for mark in (b"\n", b"\r"):
        at = data.find(mark)
        if 0 <= at < end:
            end = at
    try:
        raw = next(csv.reader(io.StringIO(data[:end].decode("utf-8"), newline=""), strict=True), [])
    except (csv.Error, UnicodeDecodeError):  # pragma: no cover - the text was decoded before
        raise Fallback from None
    if len(set(raw)) != len(raw) or not raw:
        raise Fallback
    try:
        table = pacsv.read_csv(
            pa.BufferReader(data),
            read_options=pacsv.ReadOptions(use_threads=False),
            parse_options=pacsv.ParseOptions(quote_char=False, ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(
                # Each column as a dictionary: its distinct texts once, and a small code per row.
                column_types={name: pa.dictionary(pa.int32(), pa.string()) for name in raw},
                strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        raise Fallback from None
    if table.column_names != raw:  # pragma: no cover - pyarrow reads the header as csv does
        raise Fallback
    header = [restore(name) for name in raw]
    columns: dict[str, Column] = {}
    for name, raw_name in zip(header, raw, strict=True):
        coded = coded_from_arrow(table.column(raw_name))
        coded.values = [restore(v) if v and v[0] == "'" else v for v in coded.values]  # type: ignore[index, arg-type]
        columns[name] = coded
    return header, columns, table.num_rows


def csv_columns_python(text: str, restore: Callable[[str], str]) -> tuple[list[str], dict[str, Column], int]:
    """The header, the columns and the number of rows of the CSV *text*, parsed by Python's ``csv`` module."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [restore(name) for name in next(reader, [])]
        records = list(filter(None, reader))  # blank lines skipped, as the row reader does; widths checked below
    except csv.Error:
        raise Fallback from None
    if set(map(len, records)) - {len(header)}:
        raise Fallback
    n = len(records)
    columns: dict[str, Column] = {}
    cells = list(zip(*records, strict=False)) if records else [() for _ in header]
    for name, column in zip(header, cells, strict=True):
        coded = coded_from_list(column, n)
        coded.values = [restore(v) if v and v[0] == "'" else v for v in coded.values]  # type: ignore[index, arg-type]
        columns[name] = coded
    return header, columns, n


# -- the figures from the columns --------------------------------------------------------


def _read_values(column: str, values: Sequence[object], read: Callable[[object], object]) -> list[object]:
    """Each distinct value read once: ``None`` where empty; :class:`Fallback` if the row reader would complain."""
    out: list[object] = []
    for v in values:
        try:
            cell = read_cell(column, v)
            out.append(None if cell is None else read(cell))
        except (CellProblem, AnninhError, KeyError):
            raise Fallback from None
    return out


def _coded(
    column: Column | None, name: str, n: int, read: Callable[[object], object] = lambda v: v
) -> tuple[Any, tuple[Any, ...]]:
    """Codes (-1 where empty) into the distinct values read, equal values merged."""
    np = load_numpy()
    if column is None:
        return np.broadcast_to(np.int64(-1), (n,)), ()  # no column: every row empty, without n cells of memory
    if isinstance(column, Whole):
        if not column.missing.all():
            raise Fallback  # numbers in a text column: the row reader says what is wrong
        return np.broadcast_to(np.int64(-1), (n,)), ()
    values = _read_values(name, column.values, read)
    vocab: dict[object, int] = {}
    remap = [-1 if v is None else vocab.setdefault(v, len(vocab)) for v in values]
    remap.append(-1)  # code -1 (missing) stays -1
    codes = np.asarray(remap, dtype=np.int64)[column.codes]
    return codes, tuple(vocab)


def _whole(column: Column | None, name: str, n: int) -> tuple[Any, Any]:
    """The numbers of an integer column and where it is empty."""
    np = load_numpy()
    if column is None:
        return np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.bool_)
    if isinstance(column, Whole):
        if (column.values[~column.missing] < 0).any():
            raise Fallback
        return column.values, column.missing
    values: list[object]
    if all(
        v is None or (type(v) is str and (v == "" or (v.isascii() and v.isdigit()))) or (type(v) is int and v >= 0)
        for v in column.values
    ):
        # Empty, digits 0-9 only, or an int >= 0: what the row reader reads as a whole number.
        values = [None if v is None or v == "" else int(v) for v in column.values]  # type: ignore[call-overload]
    else:
        values = _read_values(name, column.values, lambda v: v)
    if any(v is not None and v > INT64_MAX for v in values):  # type: ignore[operator]
        raise Fallback
    table = np.asarray([0 if v is None else v for v in values] + [0], dtype=np.int64)
    empty = np.asarray([v is None for v in values] + [True], dtype=np.bool_)
    return table[column.codes], empty[column.codes]


def build(
    columns: Mapping[str, Column],
    n: int,
    *,
    indicators: Mapping[str, Indicator],
    hierarchy: Hierarchy | None,
) -> FigureSet:
    """The columnar set of the *n* rows of *columns*, as the row reader would read them.

    Raises :class:`Fallback` wherever the row reader would record a problem,
    and for anything this path does not read exactly (then the caller runs
    the row reader, for the figures or for the error).
    """
    np = load_numpy()
    for name in columns:
        if name not in COLUMNS:
            raise Fallback
    periods: dict[str, Period] = {}

    def unit_of(code: object) -> object:
        if hierarchy is not None and code not in hierarchy:
            raise Fallback
        return code

    def period_of(text: object) -> object:
        assert isinstance(text, str)
        got = periods.get(text)
        if got is None:
            got = periods[text] = Period.parse(text)
        return got

    unit, units = _coded(columns.get("unit"), "unit", n, unit_of)
    period, period_vocab = _coded(columns.get("period"), "period", n, period_of)
    ind, inds = _coded(columns.get("indicator"), "indicator", n, lambda c: indicators[c])  # type: ignore[index]
    for required in (unit, period, ind):
        if (required < 0).any():
            raise Fallback
    for i in inds:
        if not isinstance(i, Indicator):
            raise Fallback
    status_c, statuses = _coded(columns.get("status"), "status", n)
    reporter_c, reporters = _coded(columns.get("reporter"), "reporter", n)
    note_c, notes_vocab = _coded(columns.get("note"), "note", n)
    qual_c, quals = _coded(columns.get("qualifier"), "qualifier", n)
    noun_c, nouns_given = _coded(columns.get("unit_noun"), "unit_noun", n)
    value, value_empty = _whole(columns.get("value"), "value", n)
    low, low_empty = _whole(columns.get("low"), "low", n)
    high, high_empty = _whole(columns.get("high"), "high", n)

    # Status: as given, else reported exactly where there is a value.
    status_map = np.asarray([_STATUS_CODE[s] for s in statuses] + [0], dtype=np.int8)
    status = status_map[status_c]
    unstated = status_c < 0
    status[unstated & value_empty] = 2
    reported = status == 0
    others = ~reported
    quantity_cells = (~value_empty) | (qual_c >= 0) | (~low_empty) | (~high_empty) | (noun_c >= 0)
    if (others & quantity_cells).any() or (reported & value_empty).any():
        raise Fallback

    # The quantity: qualifier (exact by default), bounds (stated, or the qualifier's), the rules of Quantity.
    qual_map = np.asarray([_QUALIFIER_CODE[q] for q in quals] + [_EXACT], dtype=np.int8)
    qualifier = qual_map[qual_c]
    v = value
    low_default = (qualifier == _EXACT) | (qualifier == _MORE_THAN) | (qualifier == _ORDER_OF)
    high_default = (qualifier == _EXACT) | (qualifier == _NEARLY) | (qualifier == _ORDER_OF)
    order_of = reported & (qualifier == _ORDER_OF)
    powers = np.asarray([10**k for k in range(1, 18)], dtype=np.int64)
    if (order_of & ~np.isin(v, powers)).any():
        raise Fallback  # not a power of ten, or 10**18 whose upper bound leaves 64 bits
    low_known = ~low_empty | low_default
    high_known = ~high_empty | high_default
    lo = np.where(low_empty, v, low)
    hi = np.where(high_empty, np.where(qualifier == _ORDER_OF, v * 10 - 1, v), high)
    ok = np.select(
        [qualifier == _EXACT, qualifier == _MORE_THAN, qualifier == _NEARLY, qualifier == _ORDER_OF],
        [
            low_known & high_known & (lo == v) & (hi == v),
            low_known & (lo == v) & (~high_known | (hi > v)),
            (v > 0) & high_known & (hi == v) & (~low_known | ((lo > 0) & (lo < v))),
            low_known & (lo == v) & high_known & (hi == v * 10 - 1),
        ],
        default=~low_known & ~high_known,
    )
    if (reported & ~ok).any():
        raise Fallback

    # The unit noun: as given, else the indicator's; money exactly for money indicators.
    noun_vocab: dict[str, int] = {}
    given_map = [noun_vocab.setdefault(u, len(noun_vocab)) for u in nouns_given]
    ind_map = [noun_vocab.setdefault(i.unit, len(noun_vocab)) for i in inds]
    noun = np.where(
        noun_c >= 0,
        np.asarray([*given_map, -1], dtype=np.int64)[noun_c],
        np.asarray([*ind_map, -1], dtype=np.int64)[ind],
    )
    nouns = tuple(noun_vocab)
    noun_money = np.asarray([u == MONEY_UNIT for u in nouns] + [False], dtype=np.bool_)
    ind_money = np.asarray([i.unit == MONEY_UNIT for i in inds] + [False], dtype=np.bool_)
    if (reported & (noun_money[noun] != ind_money[ind])).any():
        raise Fallback

    reporter_map = np.asarray([_REPORTER_CODE[r] for r in reporters] + [-1], dtype=np.int8)
    has_note = np.flatnonzero(note_c >= 0)
    notes = dict(zip(has_note.tolist(), [notes_vocab[c] for c in note_c[has_note].tolist()], strict=True))
    cols = FigureColumns(
        indicators=inds,
        units=units,
        periods=period_vocab,
        nouns=nouns,
        ind=ind.astype(np.int32),
        unit=unit.astype(np.int32),
        period=period.astype(np.int32),
        status=status,
        qualifier=np.where(reported, qualifier, -1).astype(np.int8),
        value=np.where(reported, v, 0),
        low=np.where(reported & low_known, lo, 0),
        high=np.where(reported & high_known, hi, 0),
        low_known=reported & low_known,
        high_known=reported & high_known,
        noun=np.where(reported, noun, -1).astype(np.int32),
        reporter=reporter_map[reporter_c],
        notes=notes,
    )
    try:
        return FigureSet.from_columns(cols)
    except FigureConflictError:
        raise Fallback from None
