"""Figures held as columns: the storage of a columnar :class:`~anninh_toandan.figures.FigureSet` (internal).

A :class:`FigureColumns` holds *n* figures as NumPy arrays, one per field,
with the indicators, units, periods and unit nouns coded as integers into
small tuples (the *vocabularies*). It knows nothing of ``Figure`` objects:
:mod:`anninh_toandan.figures` makes one from a row when a user reads it, and
raises the errors; this module only moves integers.

Codes (the order of the enums, fixed here so that the columns never depend on
an enum's iteration order):

* ``status``: 0 reported, 1 mentioned, 2 not reported (:data:`STATUS_VALUES`);
* ``qualifier``: the index in :data:`QUALIFIERS`, -1 without a value;
* ``reporter``: the index in the reporters tuple the set passes, -1 for none;
* ``noun``: the index in ``nouns``, -1 without a value;
* ``low`` and ``high``: int64, with ``low_known``/``high_known`` false where
  the bound is ``None``.

A row's key is ``(indicator, unit, period)``, folded into one int64
(:attr:`FigureColumns.keys`) for sorting, look-ups and duplicate checks.
NumPy is imported when columns are made, never by ``import anninh_toandan``;
it is the ``columnar`` extra.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from anninh_toandan.indicator import Indicator
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]
    SmallArray = npt.NDArray[np.int8]
    CodeArray = npt.NDArray[np.int32]
    BoolArray = npt.NDArray[np.bool_]

__all__ = [
    "COLUMNAR_THRESHOLD",
    "INT64_MAX",
    "MENTIONED",
    "NOT_REPORTED",
    "QUALIFIERS",
    "REPORTED",
    "STATUS_VALUES",
    "FigureColumns",
    "arrow_bits",
    "arrow_factorize",
    "arrow_flat",
    "arrow_nulls",
    "arrow_numbers",
    "factorize",
    "in_first_seen_order",
    "is_arrow",
    "numpy",
]

#: The statuses by code (the values of ``FigureStatus``).
STATUS_VALUES = ("reported", "mentioned", "not_reported")
#: The qualifiers by code.
QUALIFIERS = (Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.ABOUT, Qualifier.NEARLY, Qualifier.ORDER_OF)
_QUALIFIER_CODE = {q: i for i, q in enumerate(QUALIFIERS)}
INT64_MAX = 2**63 - 1

REPORTED, MENTIONED, NOT_REPORTED = 0, 1, 2

#: From how many figures the bulk builders (readers, ``FigureSet.from_records``, the store) make columns.
COLUMNAR_THRESHOLD = 10_000


def numpy() -> Any:
    """NumPy, or :class:`ImportError` naming the extra that installs it."""
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - numpy comes with the test extra
        msg = "columnar figures need the optional package 'numpy': pip install 'anninh-toandan[columnar]'"
        raise ImportError(msg) from exc
    return np


# -- columns from Python values and from Arrow arrays ------------------------------------------


def factorize(values: Iterable[Any], n: int) -> tuple[IntArray, list[Any]]:
    """Codes (int64) of the *n* values into their distinct values, in the order first seen.

    Raises :class:`TypeError` for an unhashable value (the caller says which).
    """
    np = numpy()
    seen = values if isinstance(values, list | tuple) else list(values)
    distinct = list(dict.fromkeys(seen))
    index = {v: i for i, v in enumerate(distinct)}
    return np.fromiter(map(index.__getitem__, seen), dtype=np.int64, count=n), distinct


def is_arrow(value: object) -> bool:
    """Whether *value* is a pyarrow array or chunked array (pyarrow itself is not imported to ask)."""
    return type(value).__module__.split(".")[0] == "pyarrow" and hasattr(value, "type")


def arrow_flat(array: Any) -> Any:
    """One Arrow array from an array or a chunked array."""
    pa = importlib.import_module("pyarrow")  # the caller holds Arrow arrays: pyarrow is loaded already

    if isinstance(array, pa.ChunkedArray):
        return array.combine_chunks() if array.num_chunks else pa.nulls(0, type=array.type)
    return array


def arrow_numbers(array: Any, dtype: Any) -> Any:
    """The values buffer of a flat Arrow array of fixed-width numbers, as NumPy (Arrow's ``to_numpy`` loads pandas)."""
    np = numpy()
    n = len(array)
    if not n:
        return np.zeros(0, dtype=dtype)
    return np.frombuffer(array.buffers()[1], dtype=dtype, count=n, offset=array.offset * np.dtype(dtype).itemsize)


def _bitmap(buffer: Any, offset: int, n: int) -> BoolArray:
    np = numpy()
    bits = np.unpackbits(np.frombuffer(buffer, dtype=np.uint8), bitorder="little")
    return bits[offset : offset + n].astype(np.bool_)  # type: ignore[no-any-return]


def arrow_nulls(array: Any) -> BoolArray:
    """Where a flat Arrow array is null, from its validity bitmap."""
    np = numpy()
    n = len(array)
    bitmap = array.buffers()[0]
    if bitmap is None or not array.null_count:
        return np.zeros(n, dtype=np.bool_)  # type: ignore[no-any-return]
    return ~_bitmap(bitmap, array.offset, n)


def arrow_bits(array: Any) -> BoolArray:
    """The values of a flat Arrow boolean array (bit-packed) as a NumPy bool array, nulls as False."""
    np = numpy()
    n = len(array)
    if not n:
        return np.zeros(0, dtype=np.bool_)  # type: ignore[no-any-return]
    return _bitmap(array.buffers()[1], array.offset, n)


def arrow_factorize(array: Any) -> tuple[IntArray, list[Any]]:
    """:func:`factorize` of an Arrow array (or chunked array) by Arrow's dictionary encoding; a null is ``None``.

    An array that is dictionary-encoded already (a CSV column read as a dictionary) is used as it is.
    """
    np = numpy()
    pa = importlib.import_module("pyarrow")
    if pa.types.is_dictionary(array.type):
        if isinstance(array, pa.ChunkedArray) and array.num_chunks > 1:
            array = array.unify_dictionaries()  # one dictionary: the chunks' values in the order first seen
        flat = arrow_flat(array)
        codes = arrow_numbers(flat.indices, np.dtype(flat.indices.type.to_pandas_dtype())).astype(np.int64)
        values = flat.dictionary.to_pylist()
        nulls = arrow_nulls(flat.indices)
        if nulls.any():
            codes[nulls] = len(values)
            values.append(None)
        return codes, values
    encoded = arrow_flat(array).dictionary_encode(null_encoding="encode")
    return arrow_numbers(encoded.indices, np.int32).astype(np.int64), encoded.dictionary.to_pylist()


def in_first_seen_order(keys: Any, size: int) -> tuple[IntArray, IntArray]:
    """The distinct values of *keys* (each in ``range(size)``) in the order first seen, and each row's rank in them.

    Without sorting when *size* is not much larger than the number of rows: a table of *size* entries.
    """
    np = numpy()
    pair = np.asarray(keys, dtype=np.int64)
    n = len(pair)
    if size > 4 * n + 1024:  # a sparse table would cost more than a sort
        distinct, first, inverse = np.unique(pair, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        return distinct[order], rank[inverse.reshape(-1)]
    first = np.full(size, n, dtype=np.int64)
    np.minimum.at(first, pair, np.arange(n, dtype=np.int64))  # each pair's first row
    seen = np.flatnonzero(first < n)
    ordered = seen[np.argsort(first[seen], kind="stable")]  # the distinct pairs by first row
    rank = np.empty(size, dtype=np.int64)
    rank[ordered] = np.arange(len(ordered), dtype=np.int64)
    return ordered, rank[pair]


class FigureColumns:
    """*n* figures as columns; see the module's documentation for the codes."""

    __slots__ = (
        "_index",
        "_order",
        "_sorted",
        "high",
        "high_known",
        "ind",
        "indicators",
        "low",
        "low_known",
        "missing",
        "notes",
        "noun",
        "nouns",
        "period",
        "periods",
        "qualifier",
        "reporter",
        "status",
        "unit",
        "units",
        "value",
    )

    def __init__(
        self,
        *,
        indicators: tuple[Indicator, ...],
        units: tuple[str, ...],
        periods: tuple[Period, ...],
        nouns: tuple[str, ...],
        ind: CodeArray,
        unit: CodeArray,
        period: CodeArray,
        status: SmallArray,
        qualifier: SmallArray,
        value: IntArray,
        low: IntArray,
        high: IntArray,
        low_known: BoolArray,
        high_known: BoolArray,
        noun: CodeArray,
        reporter: SmallArray,
        notes: dict[int, str] | None = None,
        missing: dict[int, tuple[str, ...]] | None = None,
    ) -> None:
        self.indicators = indicators
        self.units = units
        self.periods = periods
        self.nouns = nouns
        self.ind = ind
        self.unit = unit
        self.period = period
        self.status = status
        self.qualifier = qualifier
        self.value = value
        self.low = low
        self.high = high
        self.low_known = low_known
        self.high_known = high_known
        self.noun = noun
        self.reporter = reporter
        self.notes: dict[int, str] = notes or {}
        self.missing: dict[int, tuple[str, ...]] = missing or {}
        self._order: IntArray | None = None
        self._sorted: IntArray | None = None
        self._index: tuple[dict[str, int], dict[str, int], dict[Period, int]] | None = None

    def __len__(self) -> int:
        return len(self.ind)

    # -- building ----------------------------------------------------------------

    @classmethod
    def from_rows(
        cls,
        rows: Iterable[tuple[Indicator, str, Period, int, Any, str | None, int, tuple[str, ...]]],
    ) -> FigureColumns:
        """Columns from ``(indicator, unit, period, status, quantity, note, reporter, missing units)`` rows.

        *status* and *reporter* are codes; the quantity is a
        :class:`~anninh_toandan.quantity.Quantity` or ``None``. The caller
        has checked the figures (they come from ``Figure`` objects).
        """
        np = numpy()
        ind_codes: dict[Indicator, int] = {}
        unit_codes: dict[str, int] = {}
        period_codes: dict[Period, int] = {}
        noun_codes: dict[str, int] = {}
        cols: list[list[int]] = [[] for _ in range(12)]
        (c_ind, c_unit, c_period, c_status, c_qual, c_value, c_low, c_high, c_lk, c_hk, c_noun, c_rep) = cols
        notes: dict[int, str] = {}
        missing: dict[int, tuple[str, ...]] = {}
        for i, (indicator, unit, period, status, q, note, reporter, lacking) in enumerate(rows):
            c_ind.append(ind_codes.setdefault(indicator, len(ind_codes)))
            c_unit.append(unit_codes.setdefault(unit, len(unit_codes)))
            c_period.append(period_codes.setdefault(period, len(period_codes)))
            c_status.append(status)
            c_rep.append(reporter)
            if q is None:
                c_qual.append(-1)
                c_value.append(0)
                c_low.append(0)
                c_high.append(0)
                c_lk.append(0)
                c_hk.append(0)
                c_noun.append(-1)
            else:
                c_qual.append(_QUALIFIER_CODE[q.qualifier])
                c_value.append(q.value)
                c_low.append(0 if q.low is None else q.low)
                c_high.append(0 if q.high is None else q.high)
                c_lk.append(q.low is not None)
                c_hk.append(q.high is not None)
                c_noun.append(noun_codes.setdefault(q.unit, len(noun_codes)))
            if note is not None:
                notes[i] = note
            if lacking:
                missing[i] = lacking
        for big in (c_value, c_low, c_high):
            if big and max(big) > INT64_MAX:
                msg = "a value does not fit in 64 bits"
                raise OverflowError(msg)
        return cls(
            indicators=tuple(ind_codes),
            units=tuple(unit_codes),
            periods=tuple(period_codes),
            nouns=tuple(noun_codes),
            ind=np.array(c_ind, dtype=np.int32),
            unit=np.array(c_unit, dtype=np.int32),
            period=np.array(c_period, dtype=np.int32),
            status=np.array(c_status, dtype=np.int8),
            qualifier=np.array(c_qual, dtype=np.int8),
            value=np.array(c_value, dtype=np.int64),
            low=np.array(c_low, dtype=np.int64),
            high=np.array(c_high, dtype=np.int64),
            low_known=np.array(c_lk, dtype=np.bool_),
            high_known=np.array(c_hk, dtype=np.bool_),
            noun=np.array(c_noun, dtype=np.int32),
            reporter=np.array(c_rep, dtype=np.int8),
            notes=notes,
            missing=missing,
        )

    def take(self, rows: Any) -> FigureColumns:
        """The rows *rows* (an index array or a boolean mask), in that order; the vocabularies are kept."""
        np = numpy()
        idx = np.flatnonzero(rows) if getattr(rows, "dtype", None) == np.bool_ else np.asarray(rows, dtype=np.int64)
        notes: dict[int, str] = {}
        missing: dict[int, tuple[str, ...]] = {}
        if self.notes or self.missing:
            for new, old in enumerate(idx.tolist()):
                if old in self.notes:
                    notes[new] = self.notes[old]
                if old in self.missing:
                    missing[new] = self.missing[old]
        return FigureColumns(
            indicators=self.indicators,
            units=self.units,
            periods=self.periods,
            nouns=self.nouns,
            ind=self.ind[idx],
            unit=self.unit[idx],
            period=self.period[idx],
            status=self.status[idx],
            qualifier=self.qualifier[idx],
            value=self.value[idx],
            low=self.low[idx],
            high=self.high[idx],
            low_known=self.low_known[idx],
            high_known=self.high_known[idx],
            noun=self.noun[idx],
            reporter=self.reporter[idx],
            notes=notes,
            missing=missing,
        )

    def concat(self, other: FigureColumns) -> FigureColumns:
        """These rows, then *other*'s, with *other*'s codes moved into the merged vocabularies."""
        np = numpy()
        indicators, ind_map = _merge(self.indicators, other.indicators)
        units, unit_map = _merge(self.units, other.units)
        periods, period_map = _merge(self.periods, other.periods)
        nouns, noun_map = _merge(self.nouns, other.nouns)
        n = len(self)
        moved = np.concatenate([noun_map, [-1]]).astype(np.int64)  # -1 (no value) stays -1
        other_noun = moved[other.noun]
        return FigureColumns(
            indicators=indicators,
            units=units,
            periods=periods,
            nouns=nouns,
            ind=np.concatenate([self.ind, ind_map[other.ind]]).astype(np.int32),
            unit=np.concatenate([self.unit, unit_map[other.unit]]).astype(np.int32),
            period=np.concatenate([self.period, period_map[other.period]]).astype(np.int32),
            status=np.concatenate([self.status, other.status]),
            qualifier=np.concatenate([self.qualifier, other.qualifier]),
            value=np.concatenate([self.value, other.value]),
            low=np.concatenate([self.low, other.low]),
            high=np.concatenate([self.high, other.high]),
            low_known=np.concatenate([self.low_known, other.low_known]),
            high_known=np.concatenate([self.high_known, other.high_known]),
            noun=np.concatenate([self.noun, other_noun]).astype(np.int32),
            reporter=np.concatenate([self.reporter, other.reporter]),
            notes={**self.notes, **{n + i: v for i, v in other.notes.items()}},
            missing={**self.missing, **{n + i: v for i, v in other.missing.items()}},
        )

    # -- reading -----------------------------------------------------------------

    def quantities(self, rows: Any = None) -> list[Quantity | None]:
        """The quantity of each row of *rows* (an index array; every row for ``None``), ``None`` without a value.

        Equal quantities are made once.
        """

        def take(column: Any) -> list[Any]:
            return column.tolist() if rows is None else column[rows].tolist()  # type: ignore[no-any-return]

        nouns, qualifiers, make = self.nouns, QUALIFIERS, Quantity._unchecked
        cache: dict[tuple[int, int, int, int, bool, bool, int], Quantity] = {}
        out: list[Quantity | None] = []
        for q, v, lo, hi, lk, hk, nn in zip(
            take(self.qualifier),
            take(self.value),
            take(self.low),
            take(self.high),
            take(self.low_known),
            take(self.high_known),
            take(self.noun),
            strict=True,
        ):
            if q < 0:
                out.append(None)
                continue
            key = (q, v, lo, hi, lk, hk, nn)
            got = cache.get(key)
            if got is None:
                got = cache[key] = make(v, nouns[nn], qualifiers[q], lo if lk else None, hi if hk else None)
            out.append(got)
        return out

    # -- keys --------------------------------------------------------------------

    @property
    def keys(self) -> IntArray:
        """Each row's ``(indicator code, period, unit)`` folded into one int64."""
        n_units = max(len(self.units), 1)
        n_periods = max(len(self.periods), 1)
        return (self.code_of()[self.ind] * n_periods + self.period) * n_units + self.unit

    def code_of(self) -> IntArray:
        """For each indicator of the vocabulary, the position of the first one with its code (keys are by code)."""
        np = numpy()
        first: dict[str, int] = {}
        return np.array(  # type: ignore[no-any-return]
            [first.setdefault(i.code, n) for n, i in enumerate(self.indicators)] + [0], dtype=np.int64
        )

    def _sort(self) -> tuple[IntArray, IntArray]:
        if self._order is None or self._sorted is None:
            np = numpy()
            keys = self.keys
            self._order = np.argsort(keys, kind="stable")
            self._sorted = keys[self._order]
        return self._order, self._sorted

    def duplicates(self) -> tuple[IntArray, IntArray]:
        """For each row whose key an earlier row has: ``(first row of the key, this row)``, in row order."""
        np = numpy()
        order, keys = self._sort()
        if len(keys) < 2:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        same = np.flatnonzero(keys[1:] == keys[:-1]) + 1  # positions (in sorted order) of repeated keys
        if not len(same):
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
        group_start = starts[np.searchsorted(starts, same, side="right") - 1]
        first, later = order[group_start], order[same]
        by_row = np.argsort(later, kind="stable")
        return first[by_row], later[by_row]

    def same_rows(self, a: IntArray, b: IntArray) -> BoolArray:
        """Whether rows *a* and rows *b* (pairwise) hold the same figure."""
        np = numpy()
        eq = (
            (self.ind[a] == self.ind[b])
            & (self.status[a] == self.status[b])
            & (self.qualifier[a] == self.qualifier[b])
            & (self.value[a] == self.value[b])
            & (self.low_known[a] == self.low_known[b])
            & (self.high_known[a] == self.high_known[b])
            & (~self.low_known[a] | (self.low[a] == self.low[b]))
            & (~self.high_known[a] | (self.high[a] == self.high[b]))
            & (self.noun[a] == self.noun[b])
            & (self.reporter[a] == self.reporter[b])
        )
        if self.notes or self.missing:
            extra = np.array(
                [
                    self.notes.get(x) == self.notes.get(y) and self.missing.get(x, ()) == self.missing.get(y, ())
                    for x, y in zip(a.tolist(), b.tolist(), strict=True)
                ],
                dtype=np.bool_,
            )
            eq &= extra
        return eq  # type: ignore[no-any-return]

    def row(self, indicator: str, unit: str, period: Period) -> int:
        """The row of the key, or -1."""
        if self._index is None:
            first: dict[str, int] = {}
            for n, ind in enumerate(self.indicators):
                first.setdefault(ind.code, n)
            self._index = (
                first,
                {u: i for i, u in enumerate(self.units)},
                {p: i for i, p in enumerate(self.periods)},
            )
        by_ind, by_unit, by_period = self._index
        i, u, p = by_ind.get(indicator), by_unit.get(unit), by_period.get(period)
        if i is None or u is None or p is None:
            return -1
        order, keys = self._sort()
        key = (i * max(len(self.periods), 1) + p) * max(len(self.units), 1) + u
        at = int(keys.searchsorted(key))
        if at < len(keys) and int(keys[at]) == key:
            return int(order[at])
        return -1

    def rows_where(self, dimension: str, wanted: Sequence[object]) -> Any:
        """A boolean mask of the rows whose *dimension* (``indicator``, ``unit``, ``period``) is in *wanted*."""
        np = numpy()
        if dimension == "indicator":
            vocab: Sequence[object] = [i.code for i in self.indicators]
            column = self.ind
        elif dimension == "unit":
            vocab, column = self.units, self.unit
        else:
            vocab, column = self.periods, self.period
        want = set(wanted)
        hit = np.array([v in want for v in vocab], dtype=np.bool_)
        if not len(hit):
            return np.zeros(len(self), dtype=np.bool_)
        return hit[column]

    def first_seen(self, dimension: str) -> list[int]:
        """The codes of *dimension* that have rows, in the order of their first row."""
        np = numpy()
        column = {"indicator": self.ind, "unit": self.unit, "period": self.period}[dimension]
        if not len(column):
            return []
        if dimension == "indicator":  # by code: the indicator of the code's first row
            _, first = np.unique(self.code_of()[column], return_index=True)
            return [int(self.ind[f]) for f in np.sort(first)]
        codes, first = np.unique(column, return_index=True)
        return [int(c) for c in codes[np.argsort(first, kind="stable")]]

    def equals(self, other: FigureColumns) -> bool:
        """Whether both hold the same figures, in any order (each without duplicate keys)."""
        np = numpy()
        if len(self) != len(other):
            return False
        if not len(self):
            return True
        # Code both by the same vocabularies, then compare row by row in key order.
        joined = self.concat(other)
        n = len(self)
        keys = joined.keys
        a = np.argsort(keys[:n], kind="stable")
        b = np.argsort(keys[n:], kind="stable") + n
        if not np.array_equal(keys[a], keys[b]):
            return False
        return bool(joined.same_rows(a, b).all())


def _merge(a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[tuple[Any, ...], Any]:
    """The vocabulary *a* extended by *b*'s new entries, and where each of *b*'s entries went."""
    np = numpy()
    where = {v: i for i, v in enumerate(a)}
    merged = list(a)
    moved = []
    for v in b:
        i = where.get(v)
        if i is None:
            i = where[v] = len(merged)
            merged.append(v)
        moved.append(i)
    return tuple(merged), np.array(moved, dtype=np.int64)
