"""Figures: one indicator, for one unit, over one period.

A :class:`Figure` is the value of an :class:`~anninh_toandan.indicator.Indicator`
for an organisational unit (by its code) over a
:class:`~anninh_toandan.period.Period`. Its :class:`FigureStatus` says whether
a number was reported, whether the source names the fact without a number
("hỗ trợ sản xuất, tặng học bổng": ``MENTIONED``), or whether nothing was
reported (``NOT_REPORTED``: missing is not zero).

A :class:`FigureSet` holds figures, at most one per (indicator, unit, period),
and answers queries by any of the three. It is built for large sets: one dict
keyed by ``(indicator code, unit code, period)``, and secondary indexes made
only when a query needs them.

>>> from anninh_toandan.indicator import OUTREACH_SESSIONS, TIPS_RECEIVED
>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> h1 = Period.half_year(2022, 1)
>>> fs = FigureSet([
...     Figure.reported(OUTREACH_SESSIONS, "672", h1, Quantity.exact(72, "buổi"), reported_by=Reporter.JOINT),
...     Figure.not_reported(TIPS_RECEIVED, "672", h1),
... ])
>>> fs.get(OUTREACH_SESSIONS, "672", h1).value
Quantity.exact(72, 'buổi')
>>> fs.get("tips_received", "672", h1).status
<FigureStatus.NOT_REPORTED: 'not_reported'>
>>> len(fs.select(unit="672")), len(fs.select(indicator="gifts"))
(2, 0)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NoReturn, cast

from attrs import frozen

from anninh_toandan._checks import check_str
from anninh_toandan._columns import COLUMNAR_THRESHOLD, FigureColumns
from anninh_toandan._columns import numpy as load_numpy
from anninh_toandan.errors import AnninhError, ValidationTypeError
from anninh_toandan.indicator import Indicator
from anninh_toandan.period import Period
from anninh_toandan.quantity import MONEY_UNIT, Quantity, quantity_from_bounds

__all__ = [
    "Figure",
    "FigureConflictError",
    "FigureError",
    "FigureSet",
    "FigureStatus",
    "Finding",
    "Reporter",
]


class FigureError(AnninhError, ValueError):
    """A figure's status, value and indicator contradict each other."""


class FigureConflictError(FigureError):
    """Two different figures were given for the same indicator, unit and period."""

    def __init__(self, existing: Figure, new: Figure) -> None:
        self.existing = existing
        self.new = new
        msg = (
            f"conflicting figures for indicator {existing.indicator.code!r}, unit {existing.unit!r}, "
            f"period {existing.period.id!r}: {existing!r} and {new!r}"
        )
        super().__init__(msg)


class FigureStatus(enum.Enum):
    """What a figure says."""

    REPORTED = "reported"
    """A number was reported: :attr:`Figure.value` holds it."""
    MENTIONED = "mentioned"
    """The source names the fact without a number ("tặng học bổng", "nhiều mô hình")."""
    NOT_REPORTED = "not_reported"
    """Nothing was reported. Missing is not zero."""


class Reporter(enum.Enum):
    """Who reported a figure."""

    POLICE = "police"
    """The police (Công an)."""
    FATHERLAND_FRONT = "fatherland_front"
    """The Fatherland Front committee (Ủy ban MTTQ Việt Nam)."""
    MEMBER_ORGANISATION = "member_organisation"
    """A member organisation of the Front."""
    JOINT = "joint"
    """The police and the Front together ("phối hợp")."""


Key = tuple[str, str, Period]
"""The key of a figure: (indicator code, unit code, period)."""


@frozen(kw_only=True)
class Figure:
    """The value of an indicator for a unit over a period, or why there is none.

    Build one with :meth:`reported`, :meth:`mentioned` or :meth:`not_reported`.
    A reported figure has a :class:`~anninh_toandan.quantity.Quantity` whose
    unit is money exactly when the indicator's is; the unit noun is kept as
    written ("bài viết" for an indicator counted in "bài").

    >>> from anninh_toandan.indicator import SCHOLARSHIPS
    >>> from anninh_toandan.period import Period
    >>> f = Figure.mentioned(SCHOLARSHIPS, "672", Period.half_year(2022, 1), note="tặng học bổng")
    >>> f.value is None, f.key[0]
    (True, 'scholarships')
    """

    indicator: Indicator
    """What is counted."""
    unit: str
    """The code of the organisational unit."""
    period: Period
    """The period the figure covers (for a stock: its value at the period's end)."""
    status: FigureStatus = FigureStatus.REPORTED
    """Reported, mentioned without a number, or not reported."""
    value: Quantity | None = None
    """The reported quantity; ``None`` unless :attr:`status` is ``REPORTED``."""
    reported_by: Reporter | None = None
    """Who reported it; ``None`` where the source does not say."""
    note: str | None = None
    """A remark kept with the figure (the source's wording, a caveat)."""
    missing_units: tuple[str, ...] = ()
    """The codes of units this figure stands for that gave no number.

    A figure put together from several units' figures
    (:func:`~anninh_toandan.restructure.map_to_successors` adds up the
    figures of the wards a new ward took over) names here the units that did
    not report; its value is then a lower bound over the others, and a
    roll-up counts those units' cells as missing, so the aggregate is
    incomplete and names them.
    """

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.indicator, Indicator):
            _type_error("indicator", "an Indicator", self.indicator)
        if not isinstance(self.unit, str) or not self.unit.strip():
            check_str("unit", self.unit)
        if not isinstance(self.period, Period):
            _type_error("period", "a Period", self.period)
        if not isinstance(self.status, FigureStatus):
            _type_error("status", "a FigureStatus", self.status)
        if self.reported_by is not None and not isinstance(self.reported_by, Reporter):
            _type_error("reported_by", "a Reporter or None", self.reported_by)
        if self.note is not None:
            check_str("note", self.note)
        if not isinstance(self.missing_units, tuple):
            _type_error("missing_units", "a tuple of unit codes", self.missing_units)
        for i, code in enumerate(self.missing_units):
            check_str(f"missing_units[{i}]", code)
        value = self.value
        if self.status is FigureStatus.REPORTED:
            if not isinstance(value, Quantity):
                _type_error("value", "a Quantity for a reported figure", value)
            if value.is_money != self.indicator.is_money:
                msg = (
                    f"'value' must be in {self.indicator.unit!r} for indicator {self.indicator.code!r}"
                    if self.indicator.is_money
                    else f"'value' must not be money for indicator {self.indicator.code!r}"
                ) + f" (got {value!r})"
                raise FigureError(msg)
        elif value is not None:
            msg = f"'value' must be None for a {self.status.value} figure (got {value!r})"
            raise FigureError(msg)

    # -- constructors -------------------------------------------------------

    @classmethod
    def _unchecked(
        cls,
        indicator: Indicator,
        unit: str,
        period: Period,
        status: FigureStatus,
        value: Quantity | None,
        reported_by: Reporter | None,
        note: str | None,
    ) -> Figure:
        """A figure whose fields are known to pass the checks (bulk builders check them their own way)."""
        f = object.__new__(cls)
        _set = object.__setattr__
        _set(f, "indicator", indicator)
        _set(f, "unit", unit)
        _set(f, "period", period)
        _set(f, "status", status)
        _set(f, "value", value)
        _set(f, "reported_by", reported_by)
        _set(f, "note", note)
        _set(f, "missing_units", ())
        return f

    @classmethod
    def reported(
        cls,
        indicator: Indicator,
        unit: str,
        period: Period,
        value: Quantity,
        *,
        reported_by: Reporter | None = None,
        note: str | None = None,
        missing_units: tuple[str, ...] = (),
    ) -> Figure:
        """A reported number (over all the units it stands for but *missing_units*)."""
        return cls(
            indicator=indicator,
            unit=unit,
            period=period,
            status=FigureStatus.REPORTED,
            value=value,
            reported_by=reported_by,
            note=note,
            missing_units=missing_units,
        )

    @classmethod
    def mentioned(
        cls,
        indicator: Indicator,
        unit: str,
        period: Period,
        *,
        reported_by: Reporter | None = None,
        note: str | None = None,
    ) -> Figure:
        """A fact the source names without a number ("hỗ trợ sản xuất")."""
        return cls(
            indicator=indicator,
            unit=unit,
            period=period,
            status=FigureStatus.MENTIONED,
            reported_by=reported_by,
            note=note,
        )

    @classmethod
    def not_reported(
        cls,
        indicator: Indicator,
        unit: str,
        period: Period,
        *,
        reported_by: Reporter | None = None,
        note: str | None = None,
    ) -> Figure:
        """No value was reported: missing, which is not zero."""
        return cls(
            indicator=indicator,
            unit=unit,
            period=period,
            status=FigureStatus.NOT_REPORTED,
            reported_by=reported_by,
            note=note,
        )

    @classmethod
    def from_parts(
        cls,
        indicator: Indicator,
        unit: str,
        period: Period,
        parts: Sequence[Quantity | None],
        *,
        reported_by: Reporter | None = None,
        note: str | None = None,
        at_least: int = 1,
    ) -> Figure:
        """The figure that totals *parts*, where ``None`` is a part known to exist without a number.

        With no number at all the figure is ``MENTIONED``; otherwise the parts
        are added by interval arithmetic and each part without a number adds
        at least *at_least* (1 for counts, 0 for amounts) and no upper bound,
        so the total becomes a lower bound.

        >>> from anninh_toandan.indicator import SCHOLARSHIPS
        >>> from anninh_toandan.period import Period
        >>> p = Period.half_year(2022, 1)
        >>> Figure.from_parts(SCHOLARSHIPS, "672", p, [Quantity.exact(5, "suất"), None]).value
        Quantity.more_than(6, 'suất')
        >>> Figure.from_parts(SCHOLARSHIPS, "672", p, [None]).status
        <FigureStatus.MENTIONED: 'mentioned'>
        """
        known = [q for q in parts if q is not None]
        if not known:
            return cls.mentioned(indicator, unit, period, reported_by=reported_by, note=note)
        total: Quantity = sum(known[1:], known[0])
        unknown = len(parts) - len(known)
        if unknown:
            total = quantity_from_bounds((total.low or 0) + unknown * at_least, None, total.unit)
        return cls.reported(indicator, unit, period, total, reported_by=reported_by, note=note)

    # -- properties ---------------------------------------------------------

    @property
    def key(self) -> Key:
        """``(indicator code, unit code, period)``: at most one figure per key in a :class:`FigureSet`."""
        return (self.indicator.code, self.unit, self.period)

    @property
    def is_reported(self) -> bool:
        """Whether a number was reported."""
        return self.status is FigureStatus.REPORTED


def _checked_record(i: int, indicator: Any, unit: Any, period: Any, value: Any, reported_by: Reporter | None) -> Figure:
    """Record *i* of :meth:`FigureSet.from_records` built by the checked constructor (which says what is wrong)."""
    status, quantity = (FigureStatus.REPORTED, value) if isinstance(value, Quantity) else (value, None)
    try:
        return Figure(
            indicator=indicator, unit=unit, period=period, status=status, value=quantity, reported_by=reported_by
        )
    except AnninhError as exc:
        exc.add_note(f"in records[{i}] of FigureSet.from_records")
        raise


def _type_error(name: str, what: str, value: object) -> NoReturn:
    msg = f"{name!r} must be {what} (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


_DIMENSIONS = ("indicator", "unit", "period")


def _code(indicator: Indicator | str) -> str:
    return indicator.code if isinstance(indicator, Indicator) else indicator


def _as_collection(value: object) -> Iterable[object]:
    if isinstance(value, str | Indicator | Period):
        return (value,)
    return value  # type: ignore[return-value]


class FigureSet:
    """An immutable collection of figures, at most one per (indicator, unit, period).

    ``FigureSet(figures)`` takes any iterable; a second figure for the same
    key is dropped when it is identical and raises :class:`FigureConflictError`
    otherwise. Figures iterate in the order they were given. Two sets are
    equal when they hold the same figures, in any order.

    Lookups by key are one dict access; :meth:`select` by indicator, unit or
    period uses secondary indexes built on first use, so a set of a million
    figures pays only for the queries it answers.

    >>> from anninh_toandan.indicator import GIFTS
    >>> from anninh_toandan.period import Period
    >>> f = Figure.reported(GIFTS, "672", Period.year(2022), Quantity.order_of(100, "phần quà"))
    >>> len(FigureSet([f, f]))
    1
    >>> FigureSet([f, Figure.not_reported(GIFTS, "672", Period.year(2022))])
    Traceback (most recent call last):
    ...
    anninh_toandan.figures.FigureConflictError: conflicting figures for indicator 'gifts', unit '672', ...
    """

    __slots__ = ("_by_indicator", "_by_key_", "_by_period", "_by_unit", "_cols", "_hash")

    def __init__(self, figures: Iterable[Figure] = ()) -> None:
        by_key: dict[Key, Figure] = {}
        add = by_key.setdefault
        for f in figures:
            if not isinstance(f, Figure):
                _type_error("figures", "Figure objects", f)
            old = add((f.indicator.code, f.unit, f.period), f)
            if old is not f and old != f:
                raise FigureConflictError(old, f)
        self._set(by_key)

    def _set(self, by_key: dict[Key, Figure] | None, cols: FigureColumns | None = None) -> None:
        self._by_key_ = by_key
        self._cols = cols
        self._by_indicator: dict[str, list[Figure]] | None = None
        self._by_unit: dict[str, list[Figure]] | None = None
        self._by_period: dict[Period, list[Figure]] | None = None
        self._hash: int | None = None

    @property
    def _by_key(self) -> dict[Key, Figure]:
        """The figures by key; a columnar set makes its figures here, once, when something needs them all."""
        by_key = self._by_key_
        if by_key is None:
            cols = self._cols
            assert cols is not None
            by_key = self._by_key_ = {f.key: f for f in _figures_at(cols, None)}
        return by_key

    # -- columns ------------------------------------------------------------

    @property
    def is_columnar(self) -> bool:
        """Whether the set holds its figures as columns (see :meth:`columnar`)."""
        return self._cols is not None

    @property
    def columns(self) -> FigureColumns | None:
        """The columns of a columnar set, for the library's bulk readers (their layout is internal), else ``None``."""
        return self._cols

    def columnar(self) -> FigureSet:
        """The same figures held as columns: for large sets (needs NumPy, the ``columnar`` extra).

        A columnar set holds each field of its figures as a NumPy array,
        with indicators, units, periods and unit nouns coded as integers,
        and makes a :class:`Figure` only when one is read (by :meth:`get`,
        iteration, :meth:`select` ...). It equals the set it was made from,
        answers every query the same way and is refused or accepted by the
        same checks; :class:`~anninh_toandan.rollup.Rollup` and the
        standard rules read its columns directly. A set with a value that
        does not fit in 64 bits (over about 9.2 x 10**18) stays as it is.

        >>> from anninh_toandan.indicator import GIFTS
        >>> f = Figure.reported(GIFTS, "672", Period.year(2022), Quantity.exact(5, "phần quà"))
        >>> fs = FigureSet([f]).columnar()
        >>> fs.is_columnar, fs == FigureSet([f]), fs.get(GIFTS, "672", Period.year(2022)) == f
        (True, True, True)
        """
        if self._cols is not None:
            return self
        try:
            cols = FigureColumns.from_rows(_figure_row(f) for f in self._by_key.values())
        except OverflowError:
            return self
        return FigureSet._trusted_columns(cols)

    @classmethod
    def from_columns(cls, columns: FigureColumns) -> FigureSet:
        """A columnar set from *columns* (for the library's bulk readers: the columns' layout is internal).

        A later row with the key of an earlier one is dropped when it holds
        the same figure and raises :class:`FigureConflictError` otherwise,
        as ``FigureSet(figures)`` does in order.
        """
        if not isinstance(columns, FigureColumns):
            _type_error("columns", "FigureColumns", columns)
        first, later = columns.duplicates()
        if len(later):
            differ = ~columns.same_rows(first, later)
            if differ.any():
                at = int(differ.argmax())
                old, new = _figures_at(columns, [int(first[at]), int(later[at])])
                raise FigureConflictError(old, new)
            np = load_numpy()
            keep = np.ones(len(columns), dtype=np.bool_)
            keep[later] = False
            columns = columns.take(keep)
        return cls._trusted_columns(columns)

    @classmethod
    def _trusted_columns(cls, cols: FigureColumns) -> FigureSet:
        out = cls.__new__(cls)
        out._set(None, cols)
        return out

    def _row_figure(self, key: tuple[str, str, Period]) -> Figure | None:
        cols = self._cols
        assert cols is not None
        i = cols.row(*key)
        return None if i < 0 else _figures_at(cols, [i])[0]

    @classmethod
    def from_iterable(cls, figures: Iterable[Figure]) -> FigureSet:
        """The same as ``FigureSet(figures)``."""
        return cls(figures)

    @classmethod
    def from_records(
        cls,
        records: Iterable[tuple[Indicator, str, Period, Quantity | FigureStatus]],
        *,
        reported_by: Reporter | None = None,
        columnar: bool | None = None,
    ) -> FigureSet:
        """A set from ``(indicator, unit code, period, value)`` records: the bulk way to build one.

        *value* is the reported :class:`~anninh_toandan.quantity.Quantity`, or
        ``FigureStatus.NOT_REPORTED`` or ``FigureStatus.MENTIONED``; every
        figure gets *reported_by*. The result equals ``FigureSet`` of the
        same figures built one by one, with the same checks and the same
        errors (each with a note naming the record); it costs less because
        repeated unit codes are checked once (and kept as one string) and no
        keyword arguments are passed per figure.

        From the 10,000th record on, when NumPy is installed, the set is
        columnar (see :meth:`columnar`): the records go straight into columns,
        without a :class:`Figure` per record. *columnar* forces it (``True``)
        or a set of objects (``False``).

        >>> from anninh_toandan.indicator import GIFTS
        >>> y = Period.year(2022)
        >>> fs = FigureSet.from_records([(GIFTS, "672", y, Quantity.exact(5, "phần quà")),
        ...                              (GIFTS, "673", y, FigureStatus.NOT_REPORTED)])
        >>> fs == FigureSet([Figure.reported(GIFTS, "672", y, Quantity.exact(5, "phần quà")),
        ...                  Figure.not_reported(GIFTS, "673", y)])
        True
        >>> FigureSet.from_records([(GIFTS, "672", y, FigureStatus.MENTIONED)], columnar=True).is_columnar
        True
        """
        if reported_by is not None and not isinstance(reported_by, Reporter):
            _type_error("reported_by", "a Reporter or None", reported_by)
        if columnar is not None and not isinstance(columnar, bool):
            _type_error("columnar", "True, False or None", columnar)
        if columnar is None:
            try:
                load_numpy()
            except ImportError:  # pragma: no cover - numpy comes with the test extra
                columnar = False
        by_key: dict[Key, Figure] = {}
        add = by_key.setdefault
        units: dict[str, str] = {}  # unit codes checked, each kept once
        make = Figure._unchecked
        reported = FigureStatus.REPORTED
        rows: _RecordRows | None = _RecordRows(reported_by) if columnar else None
        for i, record in enumerate(records):
            if rows is None and columnar is None and i == _COLUMNAR_RECORDS:  # a large set: columns from here on
                rows = _RecordRows(reported_by)
                rows.extend(by_key.values())
                by_key = {}
            try:
                indicator, unit, period, value = record
            except (TypeError, ValueError):
                msg = f"'records[{i}]' must be a tuple (indicator, unit, period, value) (got {record!r})"
                if rows is not None:
                    rows.check()  # a conflict before this record is the error the one-by-one path gives
                raise ValidationTypeError(msg) from None
            code = units.get(unit, "") if type(unit) is str else ""
            if not code and type(unit) is str and unit.strip():
                code = units[unit] = unit
            ok = False
            if code and isinstance(indicator, Indicator) and isinstance(period, Period):
                if isinstance(value, Quantity):
                    ok = (value.unit == MONEY_UNIT) == (indicator.unit == MONEY_UNIT)
                elif isinstance(value, FigureStatus) and value is not reported:
                    ok = True
            if rows is not None:
                if ok:
                    rows.add(indicator, code, period, value)
                else:
                    rows.extend((rows.checked(i, indicator, unit, period, value, reported_by),))
                continue
            if ok:
                f = (
                    make(indicator, code, period, reported, value, reported_by, None)
                    if isinstance(value, Quantity)
                    else make(indicator, code, period, value, None, reported_by, None)
                )
                old = add((indicator.code, code, period), f)
            else:  # something is wrong: the checked constructor says what
                f = _checked_record(i, indicator, unit, period, value, reported_by)
                old = add(f.key, f)
            if old is not f and old != f:
                raise FigureConflictError(old, f)
        if rows is None:
            return cls._trusted(by_key)
        return rows.figure_set()

    @classmethod
    def _trusted(cls, by_key: dict[Key, Figure]) -> FigureSet:
        out = cls.__new__(cls)
        out._set(by_key)
        return out

    # -- collection protocol ------------------------------------------------

    def __len__(self) -> int:
        if self._by_key_ is None and self._cols is not None:
            return len(self._cols)
        return len(self._by_key)

    def __iter__(self) -> Iterator[Figure]:
        if self._by_key_ is None and self._cols is not None:
            return _iter_figures(self._cols)
        return iter(self._by_key.values())

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Figure):
            return self.get(item.indicator, item.unit, item.period) == item
        return False

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FigureSet):
            return NotImplemented
        if self._cols is not None and other._cols is not None:
            return self._cols.equals(other._cols)
        return self._by_key == other._by_key

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._by_key.values()))
        return self._hash

    def __repr__(self) -> str:
        return f"FigureSet({list(self._by_key.values())!r})"

    def __or__(self, other: FigureSet) -> FigureSet:
        if not isinstance(other, FigureSet):
            return NotImplemented
        return self.with_figures(other)

    # -- queries ------------------------------------------------------------

    def get(self, indicator: Indicator | str, unit: str, period: Period) -> Figure | None:
        """The figure for *indicator* (or its code), *unit* and *period*, or ``None``."""
        if self._by_key_ is None and self._cols is not None:
            return self._row_figure((_code(indicator), unit, period))
        return self._by_key.get((_code(indicator), unit, period))

    def __getitem__(self, key: tuple[Indicator | str, str, Period]) -> Figure:
        indicator, unit, period = key
        found = self.get(indicator, unit, period)
        if found is None:
            raise KeyError(key)
        return found

    def mapping(self) -> Mapping[Key, Figure]:
        """A read-only view of the figures by key ``(indicator code, unit code, period)``.

        For bulk readers (roll-ups): one dict lookup per key, no copy.

        >>> from anninh_toandan.indicator import GIFTS
        >>> f = Figure.not_reported(GIFTS, "672", Period.year(2022))
        >>> FigureSet([f]).mapping()[("gifts", "672", Period.year(2022))] is f
        True
        """
        return MappingProxyType(self._by_key)

    def getter(self) -> Callable[[Key], Figure | None]:
        """The ``get`` of the figures by key: the fastest lookup, for bulk readers (roll-ups, rules).

        A read-only view (:meth:`mapping`) costs more per lookup.

        >>> from anninh_toandan.indicator import GIFTS
        >>> f = Figure.not_reported(GIFTS, "672", Period.year(2022))
        >>> FigureSet([f]).getter()(("gifts", "672", Period.year(2022))) is f
        True
        """
        if self._by_key_ is None and self._cols is not None:
            return self._row_figure
        return self._by_key.get

    def value(self, indicator: Indicator | str, unit: str, period: Period) -> Quantity | None:
        """The reported quantity for the key, or ``None`` if absent, mentioned or not reported."""
        f = self.get(indicator, unit, period)
        return None if f is None else f.value

    def _index(self, which: str) -> dict[object, list[Figure]]:
        cached = getattr(self, "_by_" + which)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        index: dict[object, list[Figure]] = {}
        pos = _DIMENSIONS.index(which)
        for key, f in self._by_key.items():
            k = key[pos]
            bucket = index.get(k)
            if bucket is None:
                index[k] = [f]
            else:
                bucket.append(f)
        setattr(self, "_by_" + which, index)
        return index

    def of_indicator(self, code: str) -> Sequence[Figure]:
        """The figures of the indicator *code*, for bulk readers (roll-ups): no copy, no new set.

        >>> from anninh_toandan.indicator import GIFTS
        >>> f = Figure.not_reported(GIFTS, "672", Period.year(2022))
        >>> list(FigureSet([f]).of_indicator("gifts")) == [f], list(FigureSet([f]).of_indicator("x"))
        (True, [])
        """
        if self._by_key_ is None and self._cols is not None:
            cols = self._cols
            return list(_figures_at(cols, cols.rows_where("indicator", (code,)).nonzero()[0].tolist()))
        return cast("dict[str, list[Figure]]", self._index("indicator")).get(code, [])

    def select(
        self,
        *,
        indicator: Indicator | str | Iterable[Indicator | str] | None = None,
        unit: str | Iterable[str] | None = None,
        period: Period | Iterable[Period] | None = None,
    ) -> FigureSet:
        """The figures that match every criterion given (each one value or several).

        With one value per criterion the result keeps the set's order; with
        several values, figures come grouped by value.

        >>> from anninh_toandan.indicator import GIFTS, HOUSES_NEW
        >>> from anninh_toandan.period import Period
        >>> y = Period.year(2022)
        >>> fs = FigureSet([
        ...     Figure.reported(GIFTS, "672", y, Quantity.exact(5, "phần quà")),
        ...     Figure.reported(HOUSES_NEW, "672", y, Quantity.exact(3, "nhà")),
        ...     Figure.reported(HOUSES_NEW, "673", y, Quantity.exact(1, "nhà")),
        ... ])
        >>> [f.unit for f in fs.select(indicator=HOUSES_NEW)]
        ['672', '673']
        >>> sorted(f.indicator.code for f in fs.select(unit="672", indicator=["gifts", "houses_new"]))
        ['gifts', 'houses_new']
        """
        criteria: list[tuple[int, dict[object, None]]] = []
        if indicator is not None:
            criteria.append((0, dict.fromkeys(_code(i) for i in _as_collection(indicator))))  # type: ignore[arg-type]
        if unit is not None:
            criteria.append((1, dict.fromkeys(_as_collection(unit))))
        if period is not None:
            criteria.append((2, dict.fromkeys(_as_collection(period))))
        if not criteria:
            return self
        if self._by_key_ is None and self._cols is not None:
            return self._select_columns(criteria)
        # Start from the smallest candidate list, then filter by the other criteria.
        best: list[Figure] | None = None
        best_pos = -1
        for pos, wanted in criteria:
            index = self._index(_DIMENSIONS[pos])
            candidates = [f for w in wanted for f in index.get(w, ())]
            if best is None or len(candidates) < len(best):
                best, best_pos = candidates, pos
        assert best is not None
        rest = [(pos, wanted) for pos, wanted in criteria if pos != best_pos]
        out: dict[Key, Figure] = {}
        for f in best:
            key = f.key
            if all(key[pos] in wanted for pos, wanted in rest):
                out[key] = f
        return FigureSet._trusted(out)

    def _select_columns(self, criteria: list[tuple[int, dict[object, None]]]) -> FigureSet:
        """:meth:`select` on the columns, in the order the object path gives."""
        cols = self._cols
        assert cols is not None
        np = load_numpy()
        masks = [cols.rows_where(_DIMENSIONS[pos], list(wanted)) for pos, wanted in criteria]
        best = min(range(len(criteria)), key=lambda c: (int(masks[c].sum()), c))
        keep = np.logical_and.reduce(masks) if len(masks) > 1 else masks[0]
        pos, wanted = criteria[best]
        if len(wanted) == 1:
            rows = np.flatnonzero(keep)
        else:  # grouped by the wanted values, in their order
            parts = [np.flatnonzero(keep & cols.rows_where(_DIMENSIONS[pos], [w])) for w in wanted]
            rows = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        return FigureSet._trusted_columns(cols.take(rows))

    def within(self, period: Period) -> FigureSet:
        """The figures whose period lies inside *period* (``2022Q1`` is within ``2022S1``)."""
        if self._by_key_ is None and self._cols is not None:
            cols = self._cols
            return FigureSet._trusted_columns(
                cols.take(cols.rows_where("period", [p for p in cols.periods if p in period]))
            )
        return FigureSet._trusted({k: f for k, f in self._by_key.items() if k[2] in period})

    def indicators(self) -> tuple[Indicator, ...]:
        """The indicators that have figures, in first-seen order."""
        if self._by_key_ is None and self._cols is not None:
            return tuple(self._cols.indicators[i] for i in self._cols.first_seen("indicator"))
        return tuple(bucket[0].indicator for bucket in self._index("indicator").values())

    def units(self) -> tuple[str, ...]:
        """The unit codes that have figures, in first-seen order."""
        if self._by_key_ is None and self._cols is not None:
            return tuple(self._cols.units[i] for i in self._cols.first_seen("unit"))
        return tuple(cast("dict[str, list[Figure]]", self._index("unit")))

    def periods(self) -> tuple[Period, ...]:
        """The periods that have figures, sorted."""
        if self._by_key_ is None and self._cols is not None:
            return tuple(sorted(self._cols.periods[i] for i in self._cols.first_seen("period")))
        return tuple(sorted(cast("dict[Period, list[Figure]]", self._index("period"))))

    # -- building new sets --------------------------------------------------

    def with_figures(self, figures: Iterable[Figure]) -> FigureSet:
        """A new set with *figures* added (same rules as the constructor).

        A columnar set stays columnar.
        """
        if self._cols is not None:
            if isinstance(figures, FigureSet) and figures._cols is not None:
                return FigureSet.from_columns(self._cols.concat(figures._cols))
            given = list(figures)
            for f in given:
                if not isinstance(f, Figure):
                    _type_error("figures", "Figure objects", f)
            try:
                more = FigureColumns.from_rows(_figure_row(f) for f in given)
            except OverflowError:
                return FigureSet(self).with_figures(given)
            return FigureSet.from_columns(self._cols.concat(more))
        out = FigureSet.__new__(FigureSet)
        by_key = dict(self._by_key)
        for f in figures:
            if not isinstance(f, Figure):
                _type_error("figures", "Figure objects", f)
            old = by_key.get(f.key)
            if old is None:
                by_key[f.key] = f
            elif old != f:
                raise FigureConflictError(old, f)
        out._set(by_key)
        return out


# -- figures and columns --------------------------------------------------------

#: From how many records :meth:`FigureSet.from_records` builds columns (when NumPy is installed).
_COLUMNAR_RECORDS = COLUMNAR_THRESHOLD


class _RecordRows:
    """The records of :meth:`FigureSet.from_records` gathered as rows, then made columns."""

    __slots__ = ("reporter", "rows")

    def __init__(self, reported_by: Reporter | None) -> None:
        self.reporter = -1 if reported_by is None else _REPORTER_CODE[reported_by]
        self.rows: list[tuple[Indicator, str, Period, int, Quantity | None, str | None, int, tuple[str, ...]]] = []

    def add(self, indicator: Indicator, unit: str, period: Period, value: Quantity | FigureStatus) -> None:
        """A record known to be good (no note, no missing units)."""
        if isinstance(value, Quantity):
            self.rows.append((indicator, unit, period, 0, value, None, self.reporter, ()))
        else:
            self.rows.append((indicator, unit, period, _STATUS_CODE[value], None, None, self.reporter, ()))

    def extend(self, figures: Iterable[Figure]) -> None:
        """Figures made already (those of the records before the switch to columns, a checked record)."""
        self.rows.extend(_figure_row(f) for f in figures)

    def check(self) -> None:
        """Raise the first conflict among the records so far, as the one-by-one path would have."""
        self.figure_set()

    def checked(
        self, i: int, indicator: Any, unit: Any, period: Any, value: Any, reported_by: Reporter | None
    ) -> Figure:
        """Record *i* by the checked constructor; if it raises, a conflict before it is raised first."""
        try:
            return _checked_record(i, indicator, unit, period, value, reported_by)
        except AnninhError:
            self.check()
            raise

    def figure_set(self) -> FigureSet:
        """The set of the records: columns (a conflict refused as the one-by-one path does); past 64 bits, objects."""
        try:
            return FigureSet.from_columns(FigureColumns.from_rows(self.rows))
        except OverflowError:
            return FigureSet(
                Figure._unchecked(i, u, p, _STATUSES[st], q, None if r < 0 else _REPORTERS[r], None)
                for i, u, p, st, q, _, r, _ in self.rows
            )


_STATUS_CODE = {FigureStatus.REPORTED: 0, FigureStatus.MENTIONED: 1, FigureStatus.NOT_REPORTED: 2}
_STATUSES = (FigureStatus.REPORTED, FigureStatus.MENTIONED, FigureStatus.NOT_REPORTED)
_REPORTERS = tuple(Reporter)
_REPORTER_CODE = {r: i for i, r in enumerate(_REPORTERS)}


def _figure_row(
    f: Figure,
) -> tuple[Indicator, str, Period, int, Quantity | None, str | None, int, tuple[str, ...]]:
    """What :meth:`~anninh_toandan.FigureColumns.from_rows` takes of *f*."""
    rep = -1 if f.reported_by is None else _REPORTER_CODE[f.reported_by]
    return (f.indicator, f.unit, f.period, _STATUS_CODE[f.status], f.value, f.note, rep, f.missing_units)


def _figures_at(cols: FigureColumns, rows: Sequence[int] | None) -> list[Figure]:
    """The figures of *rows* (every row for ``None``), made from the columns."""
    if rows is None:
        return list(_iter_figures(cols))
    np = load_numpy()
    return list(_iter_figures(cols, np.asarray(rows, dtype=np.int64)))


def _iter_figures(cols: FigureColumns, rows: Any = None) -> Iterator[Figure]:
    """The figures of the columns (of *rows*, an index array, when given), in row order."""

    def take(column: Any) -> list[Any]:
        return column.tolist() if rows is None else column[rows].tolist()  # type: ignore[no-any-return]

    indicators, units, periods = cols.indicators, cols.units, cols.periods
    make = Figure._unchecked
    positions = range(len(cols)) if rows is None else rows.tolist()
    notes, missing = cols.notes, cols.missing
    for pos, i, u, p, st, rep, quantity in zip(
        positions,
        take(cols.ind),
        take(cols.unit),
        take(cols.period),
        take(cols.status),
        take(cols.reporter),
        cols.quantities(rows),
        strict=True,
    ):
        f = make(
            indicators[i],
            units[u],
            periods[p],
            _STATUSES[st],
            quantity,
            None if rep < 0 else _REPORTERS[rep],
            notes.get(pos),
        )
        lacking = missing.get(pos)
        if lacking:
            object.__setattr__(f, "missing_units", lacking)
        yield f


# -- the deprecated consistency findings ---------------------------------------


@frozen(kw_only=True)
class Finding:
    """Something the deprecated consistency checks flagged: a contradiction or an ambiguity.

    Deprecated: :meth:`anninh_toandan.review.Review.validate` and
    :mod:`anninh_toandan.rules` give every check as a
    :class:`~anninh_toandan.rules.RuleResult` (the stock/flow ambiguity as a
    result with :attr:`~anninh_toandan.rules.RuleResult.readings`). Only the
    deprecated ``Review.check()``, ``rules.check_stock_flow`` and
    ``rules.check_part_of_whole`` still make findings.

    :attr:`code` is stable (``"stock_flow_ambiguous"``, ``"stock_flow_mismatch"``,
    ``"part_exceeds_whole"``); :attr:`message` explains it in English.
    """

    code: str
    message: str
    figures: tuple[Figure, ...] = ()
