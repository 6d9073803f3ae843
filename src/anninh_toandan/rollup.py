"""The roll-up engine: figures of source units added up over units and time.

A provincial office sums its wards' figures into city and province totals, by
month, quarter, half-year and year, compares each with the same period of the
previous year, computes shares ("100/274 tin có giá trị") and checks progress
against the plan. :class:`Rollup` does all of it without breaking the rules
that real monitoring systems broke:

* **stock is not flow**: flows (``TimeAggregation.SUM``) add up over time;
  stocks (``LAST``) take the value at the period's end; both add up over
  units (``UnitAggregation.SUM``), and ``NONE`` indicators refuse to;
* **missing is not zero**: every :class:`~anninh_toandan.results.Aggregate`
  carries a :class:`~anninh_toandan.results.Completeness` that counts the
  expected and reported cells (unit × period), names the units expected and
  reporting, and lists the missing cells; its ``value`` is over the reported
  cells only, and :attr:`~anninh_toandan.results.Aggregate.total` is the
  honest bound of the whole;
* **approximate figures stay approximate**: values add by interval
  arithmetic ("hơn 250" + 100 is "hơn 350");
* **shares are aggregated as numerator and denominator**, then divided, and
  a comparison against a missing or zero base is "not comparable", never
  "+inf%".

>>> from anninh_toandan.figures import Figure, FigureSet
>>> from anninh_toandan.indicator import PRINTED_COPIES
>>> from anninh_toandan.quantity import Quantity
>>> fs = FigureSet([
...     Figure.reported(PRINTED_COPIES, "673", Period.quarter(2022, 1), Quantity.more_than(250, "bản")),
...     Figure.reported(PRINTED_COPIES, "673", Period.quarter(2022, 2), Quantity.exact(100, "bản")),
... ])
>>> a = rollup(fs, PRINTED_COPIES, unit="673", period=Period.half_year(2022, 1))
>>> a.value, a.is_complete
(Quantity.more_than(350, 'bản'), True)
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from anninh_toandan._checks import check_str, to_date
from anninh_toandan._columns import INT64_MAX, MENTIONED, QUALIFIERS, FigureColumns
from anninh_toandan._columns import numpy as load_numpy
from anninh_toandan._validity import overlaps as _overlaps
from anninh_toandan._validity import valid_on as _valid_on
from anninh_toandan.errors import PeriodError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator, TimeAggregation, UnitAggregation
from anninh_toandan.orgunit import Hierarchy, Level, OrgUnit
from anninh_toandan.period import Period, PeriodKind
from anninh_toandan.quantity import Qualifier, Quantity, quantity_from_bounds
from anninh_toandan.ratios import Ratio, RatioValue
from anninh_toandan.restructure import UnitGroup
from anninh_toandan.results import (
    Achievement,
    Aggregate,
    AggregationError,
    Basis,
    Cell,
    Comparison,
    Completeness,
    Target,
    base_of,
)

__all__ = ["Rollup", "rollup"]


# -- roll-up engine ----------------------------------------------------------------

# A partial result: (exact sum, approximate sum or None, expected cells, reported cells,
# units expected, units reporting, missing cells, mentioned cells). Within one source's time combination
# (:meth:`Rollup._flow`) the units expected are the extra units of partial figures (their missing units).
_Part = tuple[int, Quantity | None, int, int, tuple[str, ...], tuple[str, ...], tuple[Cell, ...], tuple[Cell, ...]]


@functools.lru_cache(maxsize=8192)
def _time_children(p: Period) -> tuple[Period, ...]:
    """The periods that partition *p* one step down: year → halves → quarters → months."""
    k, cal = p.kind, p.calendar
    if k is PeriodKind.MONTH:
        return ()
    if k is PeriodKind.QUARTER:
        return p.months()
    y = p.year
    if k is PeriodKind.YEAR:
        assert y is not None
        return (Period.half_year(y, 1, calendar=cal), Period.half_year(y, 2, calendar=cal))
    if k is PeriodKind.HALF_YEAR:
        assert y is not None and p.index is not None
        return (Period.quarter(y, 2 * p.index - 1, calendar=cal), Period.quarter(y, 2 * p.index, calendar=cal))
    if k is PeriodKind.NINE_MONTHS:
        assert y is not None
        return (Period.half_year(y, 1, calendar=cal), Period.quarter(y, 3, calendar=cal))
    try:
        months = p.months()
    except PeriodError:
        return ()
    return months


@functools.lru_cache(maxsize=8192)
def _leaves(p: Period) -> tuple[Period, ...]:
    """The base periods of *p*: its months, or *p* itself."""
    try:
        return p.months()
    except PeriodError:
        return (p,)


def _combine(parts: Iterable[_Part]) -> _Part:
    exact = expected = reported = 0
    approx: Quantity | None = None
    units: list[str] = []
    reporting: list[str] = []
    missing: list[Cell] = []
    mentioned: list[Cell] = []
    for e, a, x, r, n, nr, m, mm in parts:
        exact += e
        if a is not None:
            approx = a if approx is None else approx + a
        expected += x
        reported += r
        if n:
            units.extend(n)
        if nr:
            reporting.extend(nr)
        if m:
            missing.extend(m)
        if mm:
            mentioned.extend(mm)
    return (exact, approx, expected, reported, tuple(units), tuple(reporting), tuple(missing), tuple(mentioned))


def _partial(part: _Part, figure: Figure, periods: Sequence[Period]) -> _Part:
    """*part* (one source's reported *figure*) with the cells of the units it lacks, over *periods*, as missing."""
    lacking = figure.missing_units
    cells = tuple((m, p) for m in lacking for p in periods)
    e, a, x, r, n, nr, m, mm = part
    return (e, a, x + len(cells), r, (*n, *lacking), nr, (*m, *cells), mm)


def _add_up(values: Iterable[Quantity | None]) -> Quantity | None:
    """The interval sum of the quantities given, left to right, ``None`` skipped (as :func:`_combine` adds)."""
    total: Quantity | None = None
    for a in values:
        if a is not None:
            total = a if total is None else total + a
    return total


def _approx_over(p: Period, found: Mapping[Period, Quantity], memo: dict[Period, Quantity | None]) -> Quantity | None:
    """The approximate months *found* of one source, added over *p* in the order :meth:`Rollup._flow` adds them."""
    if p in memo:
        return memo[p]
    if p.kind is PeriodKind.MONTH:
        out = found.get(p)
    else:
        out = _add_up(_approx_over(k, found, memo) for k in _time_children(p))
    memo[p] = out
    return out


# One source's approximate months: their bits, the quantities by month, and the sums over periods so far.
_Rough = tuple[int, dict[Period, Quantity], dict[Period, Quantity | None]]


def _approx_within(p: Period, mask: int, row: _Rough, months: Sequence[Period]) -> Quantity | None:
    """The approximate part of one source over *p* (whose months are the bits of *mask*)."""
    bits, found, memo = row
    hit = bits & mask
    if not hit:
        return None
    if not hit & (hit - 1):  # a single approximate month: nothing to add up
        return found[months[hit.bit_length() - 1]]
    return _approx_over(p, found, memo)


def _tree(p: Period, out: set[Period]) -> None:
    """Add *p* and the periods below it that :meth:`Rollup._flow` may read, months excepted."""
    if p.kind is not PeriodKind.MONTH and p not in out:
        out.add(p)
        for k in _time_children(p):
            _tree(k, out)


def _cells_in(rows: Iterable[tuple[str, int]], mask: int, months: Sequence[Period]) -> tuple[Cell, ...]:
    """``(unit, month)`` for every month set in a row's mask and in *mask*, unit by unit, in time order."""
    out: list[Cell] = []
    append = out.append
    for code, m in rows:
        hit = m & mask
        while hit:  # the set bits, lowest (earliest month) first
            low = hit & -hit
            append((code, months[low.bit_length() - 1]))
            hit ^= low
    return tuple(out)


def _by_month(masks: Iterable[int]) -> dict[int, list[int]]:
    """For each month (bit), the positions of the masks that have it, in order."""
    out: dict[int, list[int]] = {}
    for j, m in enumerate(masks):
        while m:
            low = m & -m
            i = low.bit_length() - 1
            got = out.get(i)
            if got is None:
                out[i] = [j]
            else:
                got.append(j)
            m ^= low
    return out


def _positions(at: dict[int, list[int]], bits: Sequence[int]) -> list[int]:
    """The positions listed under any of *bits* in *at*, each once, in order."""
    if len(bits) == 1:
        return at.get(bits[0], [])
    found = [at[i] for i in bits if i in at]
    if len(found) == 1:
        return found[0]
    return sorted({j for js in found for j in js})


class _Layout:
    """What :meth:`Rollup.table` needs to read a plan in bulk.

    A *group* is a unit whose children are all source units, the same for
    every period asked for, and counted for every month of them: its value
    for every period is computed from its children's monthly figures in one
    pass over the indicator's figures, bit masks of months standing for the
    cells reported. ``months`` are the base months of the periods in time
    order (bit *i* is ``months[i]``); ``nodes`` are the coarser periods a
    source's own figure could cover, which send its group to the general path.
    ``sources`` are the source units outside groups (targets that are sources,
    children of units with children of both kinds): the general path too.
    """

    __slots__ = ("bits", "group_of", "groups", "months", "nodes", "slot", "sources")

    def __init__(
        self, groups: list[tuple[str, tuple[str, ...]]], sources: list[str], periods: Sequence[Period]
    ) -> None:
        self.groups = groups
        self.group_of = {k: g for g, (_, kids) in enumerate(groups) for k in kids}
        self.sources = sources
        self.months = sorted({m for p in periods for m in _leaves(p)}, key=lambda m: m.start)
        self.slot = {m: i for i, m in enumerate(self.months)}
        self.bits: dict[Period, tuple[tuple[int, ...], int]] = {}
        for p in periods:
            bits = tuple(self.slot[m] for m in _leaves(p))
            self.bits[p] = (bits, sum(1 << i for i in bits))
        self.nodes: set[Period] = set()
        for p in periods:
            _tree(p, self.nodes)


# What a scan of one indicator's figures gives :meth:`Rollup._fill_groups`: exact sums by group and month, the
# months each unit reported and mentioned (bit masks), the approximate values by unit and month, and the groups
# that need the general path.
_Scan = tuple[
    list[list[int]], dict[str, int], dict[str, int], dict[str, dict[Period, Quantity]], set[int], "_Open | None"
]
# When every approximate value of an indicator is "hơn N" with no upper bound, their sum over any cells is
# "hơn" the sum of the numbers, in any order: the sums and counts of those values by group and month.
_Open = tuple[list[list[int]], list[list[int]]]


def _masks(np: Any, units: Sequence[str], unit: Any, slot: Any, n_months: int) -> dict[str, int]:
    """``{unit code: bit mask of its months}`` from the unit and month slot of each row (at most one per pair)."""
    if not len(unit):
        return {}
    if n_months <= 62:
        masks = np.zeros(len(units), dtype=np.int64)
        np.add.at(masks, unit, np.left_shift(np.int64(1), slot.astype(np.int64)))  # one row per (unit, month)
        hit = np.flatnonzero(masks)
        return {units[u]: m for u, m in zip(hit.tolist(), masks[hit].tolist(), strict=True)}
    out: dict[str, int] = {}
    for u, i in zip(unit.tolist(), slot.tolist(), strict=True):
        code = units[u]
        out[code] = out.get(code, 0) | 1 << i
    return out


def _check_indicator_arg(value: object) -> None:
    if not isinstance(value, Indicator | str):
        msg = f"'indicator' must be an Indicator or a code (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)


class Rollup:
    """A roll-up engine over one :class:`~anninh_toandan.figures.FigureSet` (and a hierarchy).

    Without a hierarchy, a unit's aggregate is over its own figures. With one,
    it is over its *source units*: the units below it with no children of
    their own (or those at ``source_level``), on the dates of the period
    (a unit counts only for the months it existed; a stock only if the unit
    exists at the period's end), or on the single day *on* (for a series
    mapped onto today's units, see :func:`map_to_successors`).

    Over time, a source unit's value for a period is its own figure for that
    period when it reported one; otherwise the combination of the next finer
    periods (year → halves → quarters → months; nine months → first half +
    third quarter; a custom span → its months): flows add up, stocks take the
    last. Every missing month (or, for a stock, the missing closing value) is
    listed in the :class:`Completeness`.

    Results for one indicator are cached while the engine works on it, so
    asking for months, quarters, halves and years in turn costs one pass.

    >>> from anninh_toandan.figures import Figure, FigureSet
    >>> from anninh_toandan.indicator import TIPS_RECEIVED
    >>> from anninh_toandan.orgunit import Hierarchy
    >>> fs = FigureSet([Figure.reported(TIPS_RECEIVED, "24823", Period.month(2022, m), Quantity.exact(m, "tin"))
    ...                 for m in range(1, 13)])
    >>> r = Rollup(fs, Hierarchy.bundled())
    >>> a = r.aggregate(TIPS_RECEIVED, unit="673", period=Period.quarter(2022, 1))
    >>> a.value, a.completeness.expected, a.completeness.reported, a.completeness.units_reporting
    (Quantity.exact(6, 'tin'), 33, 3, 1)
    """

    __slots__ = (
        "_by_code",
        "_children_cache",
        "_figures",
        "_get",
        "_hierarchy",
        "_layouts",
        "_lists",
        "_memo",
        "_memo_code",
        "_noun",
        "_on",
        "_parents",
        "_plans",
        "_source_level",
        "_timeless",
    )

    def __init__(
        self,
        figures: FigureSet,
        hierarchy: Hierarchy | None = None,
        *,
        source_level: Level | None = None,
        on: _dt.date | None = None,
    ) -> None:
        if not isinstance(figures, FigureSet):
            msg = f"'figures' must be a FigureSet (got {figures!r} of type {type(figures).__name__})"
            raise ValidationTypeError(msg)
        if hierarchy is not None and not isinstance(hierarchy, Hierarchy):
            msg = f"'hierarchy' must be a Hierarchy or None (got {hierarchy!r} of type {type(hierarchy).__name__})"
            raise ValidationTypeError(msg)
        if source_level is not None and not isinstance(source_level, Level):
            msg = f"'source_level' must be a Level or None (got {source_level!r})"
            raise ValidationTypeError(msg)
        self._figures = figures
        self._get = figures.getter()
        self._hierarchy = hierarchy
        self._parents = frozenset() if hierarchy is None else frozenset(u.parent for u in hierarchy if u.parent)
        self._source_level = source_level
        self._on = None if on is None else to_date("on", on)
        self._by_code: dict[str, Indicator] = {}
        self._children_cache: dict[tuple[str, Period, bool], tuple[OrgUnit, ...] | None] = {}
        self._memo: dict[tuple[str, Period], _Part] = {}
        self._memo_code = ""
        self._noun = ""
        self._plans: dict[tuple[tuple[str, ...], tuple[Period, ...], bool], dict[str, list[Period]]] = {}
        self._layouts: dict[tuple[tuple[str, ...], tuple[Period, ...], bool], _Layout | None] = {}
        self._lists: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._timeless: dict[str, bool] = {}

    @property
    def figures(self) -> FigureSet:
        """The figures rolled up."""
        return self._figures

    def _indicator(self, indicator: Indicator | str) -> Indicator:
        _check_indicator_arg(indicator)
        if isinstance(indicator, Indicator):
            return indicator
        if not self._by_code:
            self._by_code = {i.code: i for i in self._figures.indicators()}
        found = self._by_code.get(indicator)
        if found is None:
            found = STANDARD_INDICATORS.lookup(indicator)
        return found

    # -- units -------------------------------------------------------------------

    def _unit(self, code: str) -> OrgUnit | None:
        return None if self._hierarchy is None else self._hierarchy.get(code)

    def _source_children(self, code: str, period: Period, stock: bool) -> tuple[OrgUnit, ...] | None:
        """The children to sum for *code*, or ``None`` when *code* is a source unit itself."""
        if code not in self._parents:
            return None  # a unit with no children at all is always a source
        key = (code, period, stock)
        if key in self._children_cache:
            return self._children_cache[key]
        h = self._hierarchy
        out: tuple[OrgUnit, ...] | None = None
        unit = None if h is None else h.get(code)
        if h is not None and unit is not None:
            level = self._source_level
            if level is None or unit.level.rank < level.rank:
                children = h.children(code)
                timeless = self._timeless.get(code)
                if timeless is None:  # children that never open or close exist in every period
                    timeless = self._timeless[code] = all(k.opened_on is None and k.closed_on is None for k in children)
                kids = tuple(children) if timeless else tuple(k for k in children if self._exists(k, period, stock))
                if kids:
                    out = kids
        self._children_cache[key] = out
        return out

    def _exists(self, unit: OrgUnit | None, period: Period, stock: bool) -> bool:
        if self._on is not None:
            return _valid_on(unit, self._on)
        if stock:
            return _valid_on(unit, period.end)
        return _overlaps(unit, period)

    # -- time --------------------------------------------------------------------

    def _flow(self, code: str, u: str, unit: OrgUnit | None, p: Period, memo: dict[Period, _Part]) -> _Part:
        got = memo.get(p)
        if got is not None:
            return got
        f = self._get((code, u, p))
        if f is not None and f.value is not None:
            if p.kind is PeriodKind.MONTH:
                n = 1
            elif unit is None:
                n = len(_leaves(p))
            else:
                n = sum(1 for m in _leaves(p) if _overlaps(unit, m))
            q = f.value
            part: _Part = (
                (q.value, None, n, n, (), (), (), ())
                if q.qualifier is Qualifier.EXACT
                else (0, self._approx(q), n, n, (), (), (), ())
            )
            if f.missing_units:
                part = _partial(part, f, (p,) if p.kind is PeriodKind.MONTH else _leaves(p))
        else:
            kids = () if p.kind is PeriodKind.MONTH else [k for k in _time_children(p) if _overlaps(unit, k)]
            if kids:
                part = _combine(self._flow(code, u, unit, k, memo) for k in kids)
            else:
                part = (0, None, 1, 0, (), (), ((u, p),), ())
            if f is not None and f.status is FigureStatus.MENTIONED and part[3] == 0:
                part = (*part[:7], (*part[7], (u, p)))
        memo[p] = part
        return part

    def _stock_figure(self, code: str, u: str, p: Period) -> tuple[Figure | None, bool]:
        """The closing figure of *p* for *u* (its own, else its last sub-period's), and whether one was mentioned."""
        mentioned = False
        while True:
            f = self._get((code, u, p))
            if f is not None:
                if f.value is not None:
                    return f, mentioned
                mentioned = mentioned or f.status is FigureStatus.MENTIONED
            kids = _time_children(p)
            if not kids:
                return None, mentioned
            p = kids[-1]

    def _source(self, ind: Indicator, u: str, unit: OrgUnit | None, p: Period, memo: dict[Period, _Part]) -> _Part:
        if ind.time_aggregation is TimeAggregation.SUM:
            e, a, x, r, extra, _, m, mm = self._flow(ind.code, u, unit, p, memo)
            units = (u,) if not extra else (u, *dict.fromkeys(extra))
            return (e, a, x, r, units, (u,) if r else (), m, mm)
        f, mentioned = self._stock_figure(ind.code, u, p)
        if f is None:
            return (0, None, 1, 0, (u,), (), ((u, p),), ((u, p),) if mentioned else ())
        q = f.value
        assert q is not None
        if q.qualifier is Qualifier.EXACT:
            part: _Part = (q.value, None, 1, 1, (u,), (u,), (), ())
        else:
            part = (0, self._approx(q), 1, 1, (u,), (u,), (), ())
        return part if not f.missing_units else _partial(part, f, (p,))

    def _node(self, ind: Indicator, u: str, p: Period) -> _Part:
        key = (u, p)
        got = self._memo.get(key)
        if got is not None:
            return got
        kids = self._source_children(u, p, ind.is_stock)
        if kids is None:  # pragma: no cover - sources are computed by _warm first
            self._warm(ind, (u,), (p,))
            return self._memo[key]
        part = _combine(self._node(ind, k.code, p) for k in kids)
        self._memo[key] = part
        return part

    def _start(self, ind: Indicator) -> None:
        if self._memo_code != ind.code:
            self._memo = {}
            self._memo_code = ind.code
            self._noun = ind.unit

    def _approx(self, q: Quantity) -> Quantity:
        # The unit noun may be written differently ("bài viết" for "bài"): sums use the indicator's.
        return q if q.unit == self._noun else attrs.evolve(q, unit=self._noun)

    def _plan(self, units: Sequence[str], periods: Sequence[Period], stock: bool) -> dict[str, list[Period]]:
        """The source units under *units* and the periods each is needed for (the same for every indicator)."""
        key = (tuple(units), tuple(periods), stock)
        cached = self._plans.get(key)
        if cached is not None:
            return cached
        sources: dict[str, list[Period]] = {}
        for p in periods:
            seen: set[str] = set()
            stack = list(units)
            while stack:
                code = stack.pop()
                if code in seen:
                    continue
                seen.add(code)
                kids = self._source_children(code, p, stock)
                if kids is None:
                    sources.setdefault(code, []).append(p)
                else:
                    stack.extend(k.code for k in kids)
        self._plans[key] = sources
        return sources

    def _warm(self, ind: Indicator, units: Sequence[str], periods: Sequence[Period]) -> None:
        """Compute every source unit under *units* for all *periods*."""
        self._compute(ind, self._plan(units, periods, ind.is_stock).items())

    def _compute(self, ind: Indicator, sources: Iterable[tuple[str, Sequence[Period]]]) -> None:
        """Compute source units for the periods given with each, one unit at a time."""
        memo_all = self._memo
        for code, ps in sources:
            unit = self._unit(code) if self._on is None else None
            if unit is not None and unit.opened_on is None and unit.closed_on is None:
                unit = None  # always valid: no month to leave out
            memo: dict[Period, _Part] = {}
            for p in ps:
                if (code, p) not in memo_all:
                    memo_all[(code, p)] = self._source(ind, code, unit, p, memo)

    # -- bulk ----------------------------------------------------------------------

    def _layout(self, units: Sequence[str], periods: Sequence[Period], stock: bool) -> _Layout | None:
        """The groups under *units* that can be read in bulk (``None`` when the plan does not allow it)."""
        key = (tuple(units), tuple(periods), stock)
        if key not in self._layouts:
            self._layouts[key] = self._make_layout(units, periods, stock)
        return self._layouts[key]

    def _make_layout(self, units: Sequence[str], periods: Sequence[Period], stock: bool) -> _Layout | None:
        if self._hierarchy is None or not periods:
            return None
        if any(m.kind is not PeriodKind.MONTH for p in periods for m in _leaves(p)):
            return None  # a period that is no whole months: its own cell
        months = {m for p in periods for m in _leaves(p)}
        groups: list[tuple[str, tuple[str, ...]]] = []
        sources: list[str] = []
        seen: set[str] = set()
        stack = list(units)
        while stack:
            code = stack.pop()
            if code in seen:
                continue
            seen.add(code)
            first, *rest = [self._source_children(code, p, stock) for p in periods]
            if any(kids != first for kids in rest):
                return None  # units that open or close within the periods: the general path
            if first is None:
                sources.append(code)  # a target, or a child of a unit with children of both kinds
                continue
            parents = self._parents
            if all(
                k.code not in parents or all(self._source_children(k.code, p, stock) is None for p in periods)
                for k in first
            ) and (
                stock
                or self._on is not None
                or all(
                    (k.opened_on is None and k.closed_on is None) or all(_overlaps(k, m) for m in months) for k in first
                )
            ):
                groups.append((code, tuple(k.code for k in first)))
            else:
                stack.extend(k.code for k in first)
        return _Layout(groups, sources, periods) if groups else None

    def _fill_groups(self, ind: Indicator, layout: _Layout, periods: Sequence[Period]) -> list[str]:
        """Compute the groups of *layout* for *ind* from their children's monthly figures.

        Returns the children of the groups that need the general path (a figure for a coarser period).
        """
        slot, months = layout.slot, layout.months
        cols = self._figures.columns
        scan = self._scan_figures(ind, layout) if cols is None else self._scan_columns(ind, layout, cols)
        sums, reported, mentioned, approx, irregular, open_ = scan
        full = (1 << len(months)) - 1
        general: list[str] = []
        for g, (parent, kids) in enumerate(layout.groups):
            if g in irregular:
                general.extend(kids)
                continue
            gap_rows = [(k, full & ~got) for k in kids if (got := reported.get(k, 0)) != full]
            said = [(k, m) for k in kids if (m := mentioned.get(k, 0))]
            rough_rows: list[_Rough] = [
                (sum(1 << slot[m] for m in approx[k]), approx[k], {}) for k in kids if k in approx
            ]
            gaps = (gap_rows, _by_month(m for _, m in gap_rows))
            rough = (rough_rows, _by_month(m for m, _, _ in rough_rows))
            fast = None if open_ is None else (open_[0][g], open_[1][g])
            for p in periods:
                self._memo[(parent, p)] = self._group_part(
                    ind.is_stock, p, layout, sums[g], kids, gaps, said, rough, fast
                )
        return general

    def _scan_figures(self, ind: Indicator, layout: _Layout) -> _Scan:
        """What :meth:`_fill_groups` needs of the figures of *ind*, read one figure at a time."""
        slot, nodes, group_of, months = layout.slot, layout.nodes, layout.group_of, layout.months
        sums = [[0] * len(months) for _ in layout.groups]
        reported: dict[str, int] = {}
        mentioned: dict[str, int] = {}
        approx: dict[str, dict[Period, Quantity]] = {}
        irregular: set[int] = set()
        for f in self._figures.of_indicator(ind.code):
            u = f.unit
            g = group_of.get(u)
            if g is None:
                continue
            p = f.period
            i = slot.get(p)
            if i is None:
                if p in nodes:
                    irregular.add(g)  # a figure for a quarter, a half-year...: the general path
                continue
            q = f.value
            if q is not None:
                if f.missing_units:
                    irregular.add(g)  # a figure that lacks some units it stands for: the general path
                reported[u] = reported.get(u, 0) | 1 << i
                if q.qualifier is Qualifier.EXACT:
                    sums[g][i] += q.value
                else:
                    approx.setdefault(u, {})[p] = self._approx(q)
            elif f.status is FigureStatus.MENTIONED:
                mentioned[u] = mentioned.get(u, 0) | 1 << i
        return sums, reported, mentioned, approx, irregular, None

    def _scan_columns(self, ind: Indicator, layout: _Layout, cols: FigureColumns) -> _Scan:
        """:meth:`_scan_figures` over the columns of a columnar set: the same result, without a figure per row."""
        np = load_numpy()
        slot, months, n_groups = layout.slot, layout.months, len(layout.groups)
        reported: dict[str, int] = {}
        mentioned: dict[str, int] = {}
        approx: dict[str, dict[Period, Quantity]] = {}
        irregular: set[int] = set()
        rows = np.flatnonzero(cols.rows_where("indicator", (ind.code,)))
        group_of = np.array([layout.group_of.get(u, -1) for u in cols.units] + [-1], dtype=np.int64)
        slot_of = np.array([slot.get(p, -1) for p in cols.periods] + [-1], dtype=np.int64)
        node = np.array([p in layout.nodes for p in cols.periods] + [False], dtype=np.bool_)
        g = group_of[cols.unit[rows]]
        rows, g = rows[g >= 0], g[g >= 0]
        per = cols.period[rows]
        i = slot_of[per]
        irregular.update(np.unique(g[(i < 0) & node[per]]).tolist())  # a figure for a quarter...: general path
        at = i >= 0
        rows, g, i, per = rows[at], g[at], i[at], per[at]
        unit = cols.unit[rows]
        has = cols.qualifier[rows] >= 0
        if cols.missing:  # figures that lack some units they stand for: the general path
            lacking = np.isin(rows, np.fromiter(cols.missing, dtype=np.int64, count=len(cols.missing)))
            irregular.update(np.unique(g[has & lacking]).tolist())
        said = ~has & (cols.status[rows] == MENTIONED)
        for into, pick in ((reported, has), (mentioned, said)):
            into.update(_masks(np, cols.units, unit[pick], i[pick], len(months)))
        exact = has & (cols.qualifier[rows] == QUALIFIERS.index(Qualifier.EXACT))
        values = cols.value[rows[exact]]
        if len(values) and int(values.max()) * len(values) > INT64_MAX:  # pragma: no cover - sums past 2**63
            sums = [[0] * len(months) for _ in layout.groups]
            for gg, ii, v in zip(g[exact].tolist(), i[exact].tolist(), values.tolist(), strict=True):
                sums[gg][ii] += v
        else:
            grid = np.zeros(n_groups * len(months), dtype=np.int64)
            np.add.at(grid, g[exact] * len(months) + i[exact], values)
            sums = grid.reshape(n_groups, len(months)).tolist()
        rough = has & ~exact
        open_: _Open | None = None
        if rough.any():
            more = rough & (cols.qualifier[rows] == QUALIFIERS.index(Qualifier.MORE_THAN)) & ~cols.high_known[rows]
            numbers = cols.value[rows[more]]
            if (more == rough).all() and int(numbers.max()) * len(numbers) <= INT64_MAX:  # only "hơn N": added as N
                at = g[more] * len(months) + i[more]
                grid = np.zeros(n_groups * len(months), dtype=np.int64)
                np.add.at(grid, at, numbers)
                counts = np.bincount(at, minlength=n_groups * len(months))
                open_ = (grid.reshape(n_groups, -1).tolist(), counts.reshape(n_groups, -1).tolist())
            else:
                for u, p, q in zip(
                    unit[rough].tolist(), per[rough].tolist(), cols.quantities(rows[rough]), strict=True
                ):
                    assert q is not None
                    approx.setdefault(cols.units[u], {})[cols.periods[p]] = self._approx(q)
        return sums, reported, mentioned, approx, irregular, open_

    def _group_part(
        self,
        stock: bool,
        p: Period,
        layout: _Layout,
        sums: list[int],
        kids: tuple[str, ...],
        gaps: tuple[list[tuple[str, int]], dict[int, list[int]]],
        said: list[tuple[str, int]],
        rough: tuple[list[_Rough], dict[int, list[int]]],
        fast: tuple[list[int], list[int]] | None = None,
    ) -> _Part:
        """The part of one group over *p*: what :func:`_combine` gives over its children's :meth:`_source` parts.

        *gaps* are the children that did not report every month, with their unreported months (a bit mask),
        and for each month the positions of the children that did not report it; *rough* the same for the
        children with approximate values; *fast*, when every approximate value is "hơn N" with no upper bound,
        their sum and count by month instead.
        """
        bits, mask = layout.bits[p]
        months = layout.months
        gap_rows, gap_at = gaps
        rough_rows, rough_at = rough
        n = len(kids)
        if stock:  # the closing month
            i = bits[-1]
            silent = [gap_rows[j][0] for j in gap_at.get(i, ())]
            missing = tuple((k, p) for k in silent)
            named = tuple((k, p) for k, m in said if m >> i & 1)
            if fast is None:
                a = _add_up(rough_rows[j][1][months[i]] for j in rough_at.get(i, ()))
            else:
                a = quantity_from_bounds(fast[0][i], None, self._noun) if fast[1][i] else None
            reporting = kids if not silent else tuple(k for k in kids if k not in set(silent))
            return (sums[i], a, n, n - len(missing), kids, reporting, missing, named)
        exact = sum(sums[i] for i in bits)
        chosen = [gap_rows[j] for j in _positions(gap_at, bits)]
        missing = _cells_in(chosen, mask, months)
        named = _cells_in(said, mask, months) if said else ()
        if fast is None:
            a = _add_up(_approx_within(p, mask, rough_rows[j], months) for j in _positions(rough_at, bits))
        else:
            a = (
                quantity_from_bounds(sum(fast[0][i] for i in bits), None, self._noun)
                if any(fast[1][i] for i in bits)
                else None
            )
        quiet = {k for k, m in chosen if m & mask == mask}  # no month of the period reported
        reporting = kids if not quiet else tuple(k for k in kids if k not in quiet)
        return (exact, a, n * len(bits), n * len(bits) - len(missing), kids, reporting, missing, named)

    def _check_target(self, ind: Indicator, unit: str, period: Period) -> None:
        check_str("unit", unit)
        if not isinstance(period, Period):
            msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
            raise ValidationTypeError(msg)
        target = self._unit(unit)
        if target is not None and not self._exists(target, period, ind.is_stock):
            when = f"on {self._on}" if self._on is not None else f"during {period.id}"
            msg = f"'unit' must exist {when} in the hierarchy (got {unit!r}, {target.full_name})"
            raise AggregationError(msg)
        if ind.unit_aggregation is UnitAggregation.NONE and self._source_children(unit, period, ind.is_stock):
            msg = (
                f"indicator {ind.code!r} cannot be summed over units (unit_aggregation NONE); "
                f"unit {unit!r} has units below it"
            )
            raise AggregationError(msg)

    def _finish(self, ind: Indicator, unit: str, period: Period, part: _Part) -> Aggregate:
        exact, approx, expected, reported, units, reporting, missing, mentioned = part
        # The same lists of units recur for every indicator and period of a table: keep one copy of each.
        units = self._lists.setdefault(units, units)
        reporting = units if reporting == units else self._lists.setdefault(reporting, reporting)
        value: Quantity | None = None
        if reported:
            value = Quantity.exact(exact, ind.unit)
            if approx is not None:
                value = approx if exact == 0 else approx + value
        completeness = Completeness(
            expected=expected,
            reported=reported,
            units=len(units),
            units_reporting=len(reporting),
            expected_units=units,
            reporting_units=reporting,
            missing=missing,
            mentioned=mentioned,
        )
        return Aggregate(indicator=ind, unit=unit, period=period, value=value, completeness=completeness)

    # -- public ----------------------------------------------------------------------

    def aggregate(self, indicator: Indicator | str, *, unit: str | UnitGroup, period: Period) -> Aggregate:
        """The aggregate of *indicator* for *unit* over *period*.

        *unit* may be a :class:`~anninh_toandan.restructure.UnitGroup`: its
        members for *period* are added up (each with its completeness), and
        the aggregate carries the group's code as its unit.
        """
        ind = self._indicator(indicator)
        if isinstance(unit, UnitGroup):
            return self._group(ind, unit, period)
        self._check_target(ind, unit, period)
        self._start(ind)
        self._warm(ind, (unit,), (period,))
        return self._finish(ind, unit, period, self._node(ind, unit, period))

    def _group(self, ind: Indicator, group: UnitGroup, period: Period) -> Aggregate:
        members = group.members_for(period)
        for m in members:
            self._check_target(ind, m, period)
        self._start(ind)
        self._warm(ind, members, (period,))
        part = _combine(self._node(ind, m, period) for m in members)
        return self._finish(ind, group.code, period, part)

    def table(
        self,
        indicators: Iterable[Indicator | str],
        units: Iterable[str],
        periods: Iterable[Period],
    ) -> tuple[Aggregate, ...]:
        """Aggregates for every indicator, unit and period, indicator by indicator.

        This is the bulk path: each source unit's figures are visited once
        per indicator for all the periods asked for.
        """
        unit_list = [check_str("units[]", u) for u in units]
        period_list = list(periods)
        out: list[Aggregate] = []
        for item in indicators:
            ind = self._indicator(item)
            for u in unit_list:
                for p in period_list:
                    self._check_target(ind, u, p)
            self._start(ind)
            layout = self._layout(unit_list, period_list, ind.is_stock)
            if layout is None:
                self._warm(ind, unit_list, period_list)
            else:
                general = [*layout.sources, *self._fill_groups(ind, layout, period_list)]
                self._compute(ind, [(code, period_list) for code in general])
            out.extend(self._finish(ind, u, p, self._node(ind, u, p)) for u in unit_list for p in period_list)
        return tuple(out)

    def compare(
        self,
        indicator: Indicator | str,
        *,
        unit: str | UnitGroup,
        period: Period,
        basis: Basis | Period = Basis.SAME_PERIOD_LAST_YEAR,
    ) -> Comparison:
        """*period* against its base: the same period last year, the previous period, or a given period.

        >>> from anninh_toandan.figures import Figure, FigureSet
        >>> from anninh_toandan.indicator import TIPS_RECEIVED
        >>> fs = FigureSet([Figure.reported(TIPS_RECEIVED, "1", Period.year(y), Quantity.exact(n, "tin"))
        ...                 for y, n in ((2021, 40), (2022, 44))])
        >>> c = Rollup(fs).compare(TIPS_RECEIVED, unit="1", period=Period.year(2022))
        >>> c.status.name, c.change, c.percent_change
        ('COMPARABLE', 4, Decimal('10'))
        >>> Rollup(fs).compare(TIPS_RECEIVED, unit="1", period=Period.year(2021)).status.name
        'BASE_MISSING'
        """
        base_period, kind = base_of(period, basis)
        current = self.aggregate(indicator, unit=unit, period=period)
        base = self.aggregate(indicator, unit=unit, period=base_period)
        return Comparison(current=current, base=base, basis=kind)

    def ratio(self, ratio: Ratio, *, unit: str | UnitGroup, period: Period) -> RatioValue:
        """A derived indicator: numerator and denominator rolled up, then divided.

        >>> from anninh_toandan.datasets import bao_loc_2022_h1
        >>> from anninh_toandan.ratios import VALUABLE_TIP_RATE
        >>> r = bao_loc_2022_h1()
        >>> v = Rollup(r.figures).ratio(VALUABLE_TIP_RATE, unit=r.unit, period=r.period)
        >>> round(v.share.percent, 1)
        Decimal('36.5')
        """
        if not isinstance(ratio, Ratio):
            msg = f"'ratio' must be a Ratio (got {ratio!r} of type {type(ratio).__name__})"
            raise ValidationTypeError(msg)
        return RatioValue(
            ratio=ratio,
            numerator=self.aggregate(ratio.numerator, unit=unit, period=period),
            denominator=self.aggregate(ratio.denominator, unit=unit, period=period),
        )

    def achievement(self, target: Target) -> Achievement:
        """The actual value against *target* ("đạt ...% kế hoạch")."""
        if not isinstance(target, Target):
            msg = f"'target' must be a Target (got {target!r} of type {type(target).__name__})"
            raise ValidationTypeError(msg)
        actual = self.aggregate(target.indicator, unit=target.unit, period=target.period)
        return Achievement(target=target, actual=actual)

    def cumulative(
        self, indicator: Indicator | str, *, unit: str | UnitGroup, start: _dt.date, period: Period
    ) -> Aggregate:
        """The cumulative ("lũy kế") value from *start* to the end of *period*.

        For a flow, the sum over every month from *start*; for a stock, the
        value at the end (a stock does not accumulate).

        >>> from datetime import date
        >>> from anninh_toandan.figures import Figure, FigureSet
        >>> from anninh_toandan.indicator import TIPS_RECEIVED
        >>> fs = FigureSet([Figure.reported(TIPS_RECEIVED, "1", Period.month(2022, m), Quantity.exact(10, "tin"))
        ...                 for m in range(1, 8)])
        >>> a = Rollup(fs).cumulative(TIPS_RECEIVED, unit="1", start=date(2022, 1, 1), period=Period.month(2022, 7))
        >>> a.period.id, a.value
        ('2022-01-01/2022-07-31', Quantity.exact(70, 'tin'))
        """
        s = to_date("start", start)
        if not isinstance(period, Period):
            msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
            raise ValidationTypeError(msg)
        if s > period.end:
            msg = f"'start' must not be after the end of the period {period.id!r} (got {s})"
            raise AggregationError(msg)
        span = Period.between(s, period.end, calendar=period.calendar)
        return self.aggregate(indicator, unit=unit, period=span)


def rollup(
    figures: FigureSet,
    indicator: Indicator | str,
    *,
    unit: str | UnitGroup,
    period: Period,
    hierarchy: Hierarchy | None = None,
    source_level: Level | None = None,
    on: _dt.date | None = None,
) -> Aggregate:
    """The aggregate of *indicator* for *unit* over *period*; see :class:`Rollup`.

    >>> from anninh_toandan.figures import Figure, FigureSet
    >>> from anninh_toandan.indicator import SECURITY_MODELS_ACTIVE as A
    >>> fs = FigureSet([Figure.reported(A, "1", Period.quarter(2022, q), Quantity.exact(10 + q, "mô hình"))
    ...                 for q in (1, 2, 3)])
    >>> y = rollup(fs, A, unit="1", period=Period.year(2022))      # a stock: the value at the end
    >>> y.value, [(u, p.id) for u, p in y.completeness.missing]
    (None, [('1', '2022')])
    >>> rollup(fs, A, unit="1", period=Period.nine_months(2022)).value
    Quantity.exact(13, 'mô hình')
    """
    return Rollup(figures, hierarchy, source_level=source_level, on=on).aggregate(indicator, unit=unit, period=period)
