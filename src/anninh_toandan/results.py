"""The results of roll-ups: aggregates, their completeness, shares, comparisons, targets.

These are values: the roll-up engine (:mod:`anninh_toandan.rollup`) makes
them, the report layer words them. An :class:`Aggregate` is an indicator's
value for a unit over a period with its :class:`Completeness` (which units
and cells were expected, which reported, which did not); a :class:`Share`
keeps numerator and denominator; a :class:`Comparison` knows when it is not
comparable (:class:`Comparability`); an :class:`Achievement` is progress
towards a :class:`Target`.

>>> from anninh_toandan.indicator import TIPS_RECEIVED
>>> from anninh_toandan.quantity import Quantity
>>> c = Completeness(expected=2, reported=1, units=2, units_reporting=1, missing=[("2", Period.year(2022))])
>>> a = Aggregate(indicator=TIPS_RECEIVED, unit="1", period=Period.year(2022), value=Quantity.exact(40, "tin"),
...               completeness=c)
>>> a.is_complete, a.total
(False, Quantity.more_than(40, 'tin'))
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from attrs import field, frozen

from anninh_toandan._checks import check_str
from anninh_toandan.errors import AnninhError, ValidationTypeError
from anninh_toandan.figures import Figure
from anninh_toandan.indicator import Indicator
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity, quantity_from_bounds

__all__ = [
    "Achievement",
    "Aggregate",
    "AggregationError",
    "Basis",
    "Cell",
    "Comparability",
    "Comparison",
    "Completeness",
    "Share",
    "Target",
    "base_of",
]


class AggregationError(AnninhError, ValueError):
    """A roll-up, comparison or mapping was asked for something it cannot honestly give."""


Cell = tuple[str, Period]
"""One expected report: ``(unit code, period)``."""


# -- results -------------------------------------------------------------------


def _cells(value: Iterable[Cell]) -> tuple[Cell, ...]:
    return tuple(value)


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Completeness:
    """Who was expected to report, who did, and who did not.

    A *cell* is one unit over one base period: for a flow, every month of the
    period (or the period itself when it is not made of whole months) for
    every source unit that existed then; for a stock, the period's end for
    every source unit that existed on that day. A figure for a coarser period
    (a half-year) covers all its months.

    By unit: :attr:`expected_units` were expected to report,
    :attr:`reporting_units` gave at least one number, :attr:`silent_units`
    gave none ("chưa có số liệu của phường Lộc Tiến, xã Lộc Nga") and
    :attr:`missing_units` lack at least one cell. The roll-up engine fills
    them in; a completeness built by hand may leave the unit lists empty.

    >>> c = Completeness(expected=4, reported=3, units=2, units_reporting=2,
    ...                  missing=[("24823", Period.month(2022, 2))])
    >>> c.is_complete, c.missing_units, [p.id for p in c.missing_periods]
    (False, ('24823',), ['202202'])
    """

    expected: int
    """Cells expected."""
    reported: int
    """Cells with a reported number."""
    units: int
    """Source units expected to report."""
    units_reporting: int
    """Source units with at least one reported cell."""
    missing: tuple[Cell, ...] = field(default=(), converter=_cells)
    """The cells without a number (absent, not reported, or mentioned without a number)."""
    mentioned: tuple[Cell, ...] = field(default=(), converter=_cells)
    """Cells (or coarser periods) the source names without a number; a subset of the facts behind :attr:`missing`."""
    expected_units: tuple[str, ...] = field(default=(), converter=_codes)
    """The codes of the source units expected to report, in the hierarchy's order (``units`` of them).

    A unit that a partial figure lacks (see
    :attr:`~anninh_toandan.figures.Figure.missing_units`) is expected too.
    """
    reporting_units: tuple[str, ...] = field(default=(), converter=_codes)
    """The codes of the source units with at least one reported cell (``units_reporting`` of them)."""

    @property
    def is_complete(self) -> bool:
        """Whether every expected cell reported a number."""
        return self.reported == self.expected and not self.missing

    @property
    def missing_units(self) -> tuple[str, ...]:
        """The units with at least one missing cell, in first-seen order."""
        return tuple(dict.fromkeys(u for u, _ in self.missing))

    @property
    def silent_units(self) -> tuple[str, ...]:
        """The expected units that reported no number at all, in the order of :attr:`expected_units`.

        A unit that reported some months and not others is in :attr:`missing_units`, not here.

        >>> c = Completeness(expected=3, reported=1, units=3, units_reporting=1,
        ...                  missing=[("2", Period.year(2022)), ("3", Period.year(2022))],
        ...                  expected_units=["1", "2", "3"], reporting_units=["1"])
        >>> c.silent_units
        ('2', '3')
        """
        reporting = set(self.reporting_units)
        return tuple(u for u in self.expected_units if u not in reporting)

    @property
    def missing_periods(self) -> tuple[Period, ...]:
        """The periods with at least one missing cell, sorted."""
        return tuple(sorted({p for _, p in self.missing}))


@frozen(kw_only=True)
class Aggregate:
    """The value of an indicator for a unit over a period, rolled up, with its completeness.

    :attr:`value` is over the reported cells only (``None`` when none
    reported); :attr:`total` is what can honestly be said of the whole: the
    value when complete, otherwise "at least" the reported part (quantities
    are never negative).
    """

    indicator: Indicator
    unit: str
    period: Period
    value: Quantity | None
    """The sum (or, for a stock, the sum of the closing values) over the reported cells."""
    completeness: Completeness

    @property
    def is_complete(self) -> bool:
        """Whether every expected cell reported."""
        return self.completeness.is_complete

    @property
    def total(self) -> Quantity | None:
        """The honest value of the whole: :attr:`value` when complete, else a lower bound.

        With cells missing and no lower bound above 0 in the reported part (an
        estimate, a "gần" figure, or 0), the whole has no value worth stating:
        ``None``.

        >>> from anninh_toandan.indicator import TIPS_RECEIVED
        >>> c = Completeness(expected=2, reported=1, units=2, units_reporting=1, missing=[("2", Period.year(2022))])
        >>> Aggregate(indicator=TIPS_RECEIVED, unit="1", period=Period.year(2022),
        ...           value=Quantity.exact(40, "tin"), completeness=c).total
        Quantity.more_than(40, 'tin')
        """
        if self.value is None or self.is_complete:
            return self.value
        if not self.value.low:
            # The reported part states no lower bound above 0 (an estimate, "gần ...", or 0): with
            # cells missing, nothing true and useful can be said of the whole ("hơn 0" would mislead).
            return None
        return quantity_from_bounds(self.value.low, None, self.value.unit)

    def to_figure(self) -> Figure:
        """This aggregate as a figure: reported with :attr:`total`, or not reported when nothing was.

        An incomplete total becomes a lower bound with a note saying how many
        cells reported, so it cannot pass for a complete one.
        """
        c = self.completeness
        total = self.total
        if total is None:
            note = (
                f"no cell of {c.expected} reported"
                if self.value is None
                else f"{c.reported} of {c.expected} cells reported, which give no lower bound for the whole"
            )
            return Figure.not_reported(self.indicator, self.unit, self.period, note=note)
        partial = None if self.is_complete else f"{c.reported} of {c.expected} cells reported"
        return Figure.reported(self.indicator, self.unit, self.period, total, note=partial)


def _pct(n: int, d: int) -> Decimal:
    return Decimal(n) * 100 / Decimal(d)


@frozen(kw_only=True)
class Share:
    """A part of a whole, kept as numerator and denominator; divided only when read.

    The percentages are :class:`~decimal.Decimal` (unrounded). For approximate
    quantities :attr:`percent` is ``None`` and :attr:`percent_low` /
    :attr:`percent_high` bound the true share (``None`` where unbounded);
    :attr:`estimate` divides the written values. The language layer
    (``anninh_toandan.formatting.format_percent``) writes them.

    >>> s = Share(numerator=Quantity.exact(100, "tin"), denominator=Quantity.exact(274, "tin"))
    >>> round(s.percent, 1), s.fraction
    (Decimal('36.5'), Fraction(50, 137))
    >>> a = Share(numerator=Quantity.more_than(100, "tin"), denominator=Quantity.exact(200, "tin"))
    >>> a.percent, a.percent_low, a.percent_high
    (None, Decimal('50'), None)
    """

    numerator: Quantity
    denominator: Quantity

    @property
    def is_exact(self) -> bool:
        """Whether both terms are exact."""
        return self.numerator.is_exact and self.denominator.is_exact

    @property
    def fraction(self) -> Fraction | None:
        """The exact share as a fraction, or ``None`` (approximate terms or a zero denominator)."""
        if not self.is_exact or self.denominator.value == 0:
            return None
        return Fraction(self.numerator.value, self.denominator.value)

    @property
    def percent(self) -> Decimal | None:
        """The exact share in percent, or ``None`` (approximate terms or a zero denominator)."""
        if not self.is_exact or self.denominator.value == 0:
            return None
        return _pct(self.numerator.value, self.denominator.value)

    @property
    def percent_low(self) -> Decimal | None:
        """The smallest share the bounds allow, in percent (``None`` if the denominator may be 0 only)."""
        n, d = self.numerator.low or 0, self.denominator.high
        if d is None:
            return Decimal(0)
        if d == 0:
            return None
        return _pct(n, d)

    @property
    def percent_high(self) -> Decimal | None:
        """The largest share the bounds allow, in percent (``None`` when unbounded)."""
        n, d = self.numerator.high, self.denominator.low
        if n is None or not d:
            return None
        return _pct(n, d)

    @property
    def estimate(self) -> Decimal | None:
        """The written values divided, in percent (``None`` for a zero denominator)."""
        if self.denominator.value == 0:
            return None
        return _pct(self.numerator.value, self.denominator.value)


@frozen(kw_only=True)
class Target:
    """A plan ("kế hoạch", "chỉ tiêu"): the value an indicator should reach for a unit over a period."""

    indicator: Indicator
    unit: str = field(validator=lambda _i, _a, v: check_str("unit", v))
    period: Period
    value: Quantity


@frozen(kw_only=True)
class Achievement:
    """How far a unit got towards its :class:`Target` ("đạt 9,31% kế hoạch")."""

    target: Target
    actual: Aggregate

    @property
    def share(self) -> Share | None:
        """Actual over target, or ``None`` when nothing was reported."""
        if self.actual.value is None:
            return None
        return Share(numerator=self.actual.value, denominator=self.target.value)

    @property
    def is_complete(self) -> bool:
        """Whether the actual value is complete (otherwise the achievement is at least :attr:`share`)."""
        return self.actual.is_complete


# -- comparisons -----------------------------------------------------------------


class Basis(enum.Enum):
    """What a period is compared with."""

    SAME_PERIOD_LAST_YEAR = "same_period_last_year"
    """The same period of the previous year ("so với cùng kỳ")."""
    PREVIOUS_PERIOD = "previous_period"
    """The period just before ("so với thời gian liền kề")."""


def base_of(period: Period, basis: Basis | Period) -> tuple[Period, Basis | None]:
    """The period *period* is compared with, and the :class:`Basis` when it is a named one.

    >>> base_of(Period.half_year(2022, 1), Basis.SAME_PERIOD_LAST_YEAR)[0].id
    '2021S1'
    >>> base_of(Period.half_year(2022, 1), Period.year(2020))
    (Period.parse('2020'), None)
    """
    if isinstance(basis, Period):
        return basis, None
    if basis is Basis.SAME_PERIOD_LAST_YEAR:
        return period.same_period_last_year(), basis
    if basis is Basis.PREVIOUS_PERIOD:
        return period.previous(), basis
    msg = f"'basis' must be a Basis or a Period (got {basis!r})"
    raise ValidationTypeError(msg)


class Comparability(enum.Enum):
    """Whether a :class:`Comparison` can be read, and why not."""

    COMPARABLE = "comparable"
    """Both sides complete and the base not zero: absolute and relative change."""
    BASE_ZERO = "base_zero"
    """The base is zero: the absolute change only (no percentage)."""
    BASE_MISSING = "base_missing"
    """The base has no reported value: not comparable."""
    CURRENT_MISSING = "current_missing"
    """The current period has no reported value: not comparable."""
    INCOMPLETE = "incomplete"
    """A side is incomplete: the changes are over what was reported, not like for like."""


@frozen(kw_only=True)
class Comparison:
    """A period's aggregate next to its base, with the change between them.

    :attr:`change_low` and :attr:`change_high` bound the absolute change
    (``None`` where unbounded or not computable); the relative change is in
    percent of the base.
    """

    current: Aggregate
    base: Aggregate
    basis: Basis | None

    @property
    def status(self) -> Comparability:
        """Whether, and how far, the two can be compared."""
        cur, base = self.current.value, self.base.value
        if base is None:
            return Comparability.BASE_MISSING
        if cur is None:
            return Comparability.CURRENT_MISSING
        if not (self.current.is_complete and self.base.is_complete):
            return Comparability.INCOMPLETE
        if base.high == 0:
            return Comparability.BASE_ZERO
        return Comparability.COMPARABLE

    @property
    def is_comparable(self) -> bool:
        """Whether the relative change can be read."""
        return self.status is Comparability.COMPARABLE

    def _bounds(self) -> tuple[int | None, int | None]:
        cur, base = self.current.value, self.base.value
        if cur is None or base is None:
            return None, None
        low = None if base.high is None else (cur.low or 0) - base.high
        high = None if cur.high is None else cur.high - (base.low or 0)
        return low, high

    @property
    def change_low(self) -> int | None:
        """The smallest possible change (negative for a fall)."""
        return self._bounds()[0]

    @property
    def change_high(self) -> int | None:
        """The largest possible change."""
        return self._bounds()[1]

    @property
    def change(self) -> int | None:
        """The exact change, when both sides are exact ("tăng 4 vụ")."""
        low, high = self._bounds()
        return low if low is not None and low == high else None

    @property
    def ratio(self) -> Share | None:
        """Current over base ("bằng 94,5% so với cùng kỳ"), when the base is reported and not zero."""
        if self.status in (Comparability.BASE_MISSING, Comparability.CURRENT_MISSING, Comparability.BASE_ZERO):
            return None
        assert self.current.value is not None and self.base.value is not None
        return Share(numerator=self.current.value, denominator=self.base.value)

    @property
    def percent_change(self) -> Decimal | None:
        """The exact relative change in percent ("tăng 10,0%"), when comparable and exact."""
        if not self.is_comparable:
            return None
        r = self.ratio
        assert r is not None
        return None if r.percent is None else r.percent - 100
