"""Rules on the columns of a columnar figure set (internal).

:func:`anninh_toandan.rules.validate` asks this module, for a rule whose
sides are sums of indicator values and a constant, the outcome at every place
(unit, period) of a columnar set at once: each term's value is found by a
``searchsorted`` on the folded keys of the rows, its bounds are added up as
int64 arrays and the two sides compared, all with NumPy. It knows nothing of
``Rule`` objects: it takes the terms as plain data and gives outcome codes;
the rules module decides what it can hand over (no dates, no sums that could
pass 64 bits, periods that can be shifted) and makes the results.

Outcome codes: :data:`SATISFIED`, :data:`POSSIBLY_VIOLATED`,
:data:`VIOLATED`, :data:`NOT_EVALUATED`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from anninh_toandan._columns import INT64_MAX, FigureColumns, in_first_seen_order, numpy

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

__all__ = [
    "NOT_EVALUATED",
    "POSSIBLY_VIOLATED",
    "SATISFIED",
    "VIOLATED",
    "ColumnTerm",
    "Lookup",
    "fits",
    "outcomes",
    "places",
]

SATISFIED, POSSIBLY_VIOLATED, VIOLATED, NOT_EVALUATED = 0, 1, 2, 3

#: A term as this module takes it: the indicator code, the coefficient, and for each period of the columns'
#: vocabulary the code of the period the term reads there (-1 where that period has no rows).
ColumnTerm = tuple[str, int, "IntArray"]


def places(cols: FigureColumns) -> tuple[IntArray, IntArray]:
    """The (unit code, period code) of every place that has a row, in the order of its first row."""
    np = numpy()
    n_units = max(len(cols.units), 1)
    if not len(cols):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    key = cols.period.astype(np.int64) * n_units + cols.unit
    ordered, _ = in_first_seen_order(key, n_units * max(len(cols.periods), 1))
    return ordered % n_units, ordered // n_units


class Lookup:
    """The rows of some indicator codes, sorted by their folded key, to find a term's row at every place."""

    __slots__ = ("_cols", "_first", "_keys", "_rows", "largest")

    def __init__(self, cols: FigureColumns, codes: Iterable[str]) -> None:
        np = numpy()
        self._cols = cols
        first: dict[str, int] = {}
        for n, ind in enumerate(cols.indicators):
            first.setdefault(ind.code, n)
        self._first = first
        code_of = cols.code_of()
        wanted = np.array(sorted({first[c] for c in codes if c in first}), dtype=np.int64)
        row_code = code_of[cols.ind]
        rows = np.flatnonzero(np.isin(row_code, wanted))
        keys = (row_code[rows] * max(len(cols.periods), 1) + cols.period[rows]) * max(len(cols.units), 1)
        keys += cols.unit[rows]
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._rows = rows[order]
        self.largest = 0
        """The largest value or bound (in absolute value) of the rows with a number: what a sum is bounded by."""
        valued = rows[cols.qualifier[rows] >= 0]
        if len(valued):
            largest = [cols.value[valued], cols.low[valued][cols.low_known[valued]]]
            largest.append(cols.high[valued][cols.high_known[valued]])
            self.largest = max(max(abs(int(a.max())), abs(int(a.min()))) for a in largest if len(a))

    def find(self, code: str, period: IntArray, unit: IntArray) -> IntArray:
        """The row of *code* at each (*unit*, *period*) code pair, -1 where there is none (or *period* is -1)."""
        np = numpy()
        at_code = self._first.get(code)
        if at_code is None or not len(self._keys):
            return np.full(len(unit), -1, dtype=np.int64)  # type: ignore[no-any-return]
        cols = self._cols
        key = (at_code * max(len(cols.periods), 1) + period.astype(np.int64)) * max(len(cols.units), 1) + unit
        at = np.minimum(np.searchsorted(self._keys, key), len(self._keys) - 1)
        hit = (period >= 0) & (self._keys[at] == key)
        return np.where(hit, self._rows[at], -1)  # type: ignore[no-any-return]


def fits(constant: int, coefficients: Sequence[int], largest: int) -> bool:
    """Whether every product and partial sum of a side stays within int64: ``|constant| + sum |c| x largest`` does,
    and every coefficient fits (a huge one times 0 is still refused by NumPy)."""
    if any(abs(c) > INT64_MAX for c in coefficients):
        return False
    return abs(constant) + sum(abs(c) for c in coefficients) * largest <= INT64_MAX


def _side(
    cols: FigureColumns,
    lookup: Lookup,
    unit: IntArray,
    period: IntArray,
    constant: int,
    terms: Sequence[ColumnTerm],
    counted: list[Any],
) -> tuple[Any, Any, Any, Any]:
    """The bounds of a side at every place: (low, low known, high, high known); a missing value is [0, unbounded].

    *counted* holds the numbers of values found and missing at each place, and is added to.
    """
    np = numpy()
    n = len(unit)
    low = np.full(n, constant, dtype=np.int64)
    high = low.copy()
    low_known = np.ones(n, dtype=np.bool_)
    high_known = low_known.copy()
    for code, c, shifted in terms:
        rows = lookup.find(code, shifted[period], unit)
        at = np.maximum(rows, 0)
        has = (rows >= 0) & (cols.qualifier[at] >= 0)
        counted[0] += has
        counted[1] += ~has
        lo = np.where(has & cols.low_known[at], cols.low[at], 0)  # ``q.low or 0``; missing: at least 0
        hi_known = has & cols.high_known[at]
        hi = np.where(hi_known, cols.high[at], 0)
        lo_known = np.ones(n, dtype=np.bool_)
        if c < 0:
            lo, hi, lo_known, hi_known = c * hi, c * lo, hi_known, lo_known
        else:
            lo, hi = c * lo, c * hi
        low += lo
        high += hi
        low_known &= lo_known
        high_known &= hi_known
    return low, low_known, high, high_known


def outcomes(
    cols: FigureColumns,
    lookup: Lookup,
    unit: IntArray,
    period: IntArray,
    left: tuple[int, Sequence[ColumnTerm]],
    operator: str,
    right: tuple[int, Sequence[ColumnTerm]],
    missing: str,
) -> Any:
    """The outcome code (int8) at every place of a rule ``left operator right`` of indicator terms and constants.

    *operator* is ``<=``, ``<``, ``>=``, ``>`` or ``==``; *missing* is the
    value of the rule's ``MissingStrategy``. The caller has checked that the
    sums fit in int64 (:func:`fits`) and that every shifted period exists.
    """
    np = numpy()
    n = len(unit)
    counted = [np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)]
    ll, llk, lh, lhk = _side(cols, lookup, unit, period, left[0], left[1], counted)
    rl, rlk, rh, rhk = _side(cols, lookup, unit, period, right[0], right[1], counted)
    if operator in (">=", ">"):
        (ll, llk, lh, lhk), (rl, rlk, rh, rhk) = (rl, rlk, rh, rhk), (ll, llk, lh, lhk)
        operator = "<=" if operator == ">=" else "<"
    out = np.full(n, POSSIBLY_VIOLATED, dtype=np.int8)
    if operator == "==":
        always = llk & lhk & rlk & rhk & (ll == lh) & (lh == rl) & (rl == rh)
        never = (llk & rhk & (ll > rh)) | (lhk & rlk & (lh < rl))
    elif operator == "<=":
        always = lhk & rlk & (lh <= rl)
        never = llk & rhk & (ll > rh)
    else:
        always = lhk & rlk & (lh < rl)
        never = llk & rhk & (ll >= rh)
    out[never] = VIOLATED
    out[always] = SATISFIED
    found, lacking = counted
    if missing == "skip_if_any_missing":
        out[lacking > 0] = NOT_EVALUATED
    elif missing == "skip_if_all_missing":
        out[(lacking > 0) & (found == 0)] = NOT_EVALUATED
    return out
