"""When: reporting periods with canonical ids and explicit dates.

A :class:`Period` is a month, quarter, half-year, nine months, year or a custom
span, on one of two calendars:

* :attr:`Calendar.CIVIL`: periods follow the civil calendar (the first half of
  2022 runs from 1 January to 30 June);
* :attr:`Calendar.REPORTING`: the government's periodic-reporting regime
  (Nghị định 09/2019/NĐ-CP) cuts data off on the 14th, so a month runs from the
  15th of the previous month to the 14th, and the first half of 2022 runs from
  15 December 2021 to 14 June 2022.

Start and end are :class:`pendulum.Date`, the end inclusive.

>>> p = Period.half_year(2022, 1)
>>> p.id, p.start, p.end
('2022S1', Date(2022, 1, 1), Date(2022, 6, 30))
>>> r = Period.half_year(2022, 1, calendar=Calendar.REPORTING)
>>> r.id, r.start, r.end
('R2022S1', Date(2021, 12, 15), Date(2022, 6, 14))
>>> Period.parse("2022Q1") == Period.quarter(2022, 1)
True
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import enum
import functools
import re
from functools import partial
from typing import Any, Protocol, overload

import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_instance, check_int, to_date
from anninh_toandan.errors import PeriodError, ValidationTypeError

__all__ = ["Calendar", "Period", "PeriodKind"]

_MIN_YEAR = 1001
_MAX_YEAR = 9998
_CUTOFF_DAY = 14  # the reporting calendar's last day of a month


class Calendar(enum.Enum):
    """Which calendar a period's dates follow."""

    CIVIL = "civil"
    """The civil calendar: a month runs from its 1st to its last day."""
    REPORTING = "reporting"
    """Nghị định 09/2019: a month runs from the 15th of the previous month to the 14th."""


class PeriodKind(enum.Enum):
    """The kind of a :class:`Period`."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    CUSTOM = "custom"


# For each standard kind: how many indices a year has, and the months
# (first, last) that index i covers.
_INDEX_FIELD = {
    PeriodKind.MONTH: ("month", 12),
    PeriodKind.QUARTER: ("quarter", 4),
    PeriodKind.HALF_YEAR: ("half", 2),
}


def _month_span(kind: PeriodKind, index: int | None) -> tuple[int, int]:
    if kind is PeriodKind.MONTH:
        assert index is not None
        return index, index
    if kind is PeriodKind.QUARTER:
        assert index is not None
        return 3 * index - 2, 3 * index
    if kind is PeriodKind.HALF_YEAR:
        assert index is not None
        return 6 * index - 5, 6 * index
    if kind is PeriodKind.NINE_MONTHS:
        return 1, 9
    return 1, 12


def _month_start(year: int, month: int, cal: Calendar) -> pendulum.Date:
    if cal is Calendar.CIVIL:
        return pendulum.Date(year, month, 1)
    if month == 1:
        return pendulum.Date(year - 1, 12, _CUTOFF_DAY + 1)
    return pendulum.Date(year, month - 1, _CUTOFF_DAY + 1)


def _month_end(year: int, month: int, cal: Calendar) -> pendulum.Date:
    if cal is Calendar.CIVIL:
        return pendulum.Date(year, month, _calendar.monthrange(year, month)[1])
    return pendulum.Date(year, month, _CUTOFF_DAY)


def _month_of(d: _dt.date, cal: Calendar) -> tuple[int, int]:
    """The (year, month) of *cal* that contains *d*."""
    if cal is Calendar.CIVIL or d.day <= _CUTOFF_DAY:
        return d.year, d.month
    if d.month == 12:
        return d.year + 1, 1
    return d.year, d.month + 1


def _check_year(year: object) -> int:
    check_int("year", year)
    assert isinstance(year, int)
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        msg = f"'year' must be between {_MIN_YEAR} and {_MAX_YEAR} (got {year!r})"
        raise PeriodError(msg)
    return year


def _check_index(name: str, value: object, top: int) -> int:
    check_int(name, value)
    assert isinstance(value, int)
    if not 1 <= value <= top:
        msg = f"{name!r} must be between 1 and {top} (got {value!r})"
        raise PeriodError(msg)
    return value


def _check_calendar(value: object) -> Calendar:
    return check_instance("calendar", value, Calendar)


_ID_RE = re.compile(
    r"""
    ^(?P<r>R)?
    (?:
        (?P<span>(?P<s>\d{4}-\d{2}-\d{2})/(?P<e>\d{4}-\d{2}-\d{2}))
      | (?P<year>\d{4})
        (?:
            (?P<month>\d{2})
          | Q(?P<quarter>\d)
          | S(?P<half>\d)
          | (?P<nine>N9)
        )?
    )$
    """,
    re.VERBOSE,
)


def _to_start(value: Any) -> pendulum.Date:
    return to_date("start", value)


def _to_end(value: Any) -> pendulum.Date:
    return to_date("end", value)


class _YearConstructor(Protocol):
    def __call__(self, year: int, *, calendar: Calendar = Calendar.CIVIL) -> Period: ...


class _YearAccessor:
    """``Period.year(2022)`` builds a year; ``period.year`` reads its year.

    On the class it is the constructor of the year *y*; on an instance it is
    the year the period belongs to (``None`` for a custom span; on the
    reporting calendar, the year the period ends in).
    """

    @overload
    def __get__(self, obj: None, owner: type[Period]) -> _YearConstructor: ...

    @overload
    def __get__(self, obj: Period, owner: type[Period]) -> int | None: ...

    def __get__(self, obj: Period | None, owner: type[Period]) -> _YearConstructor | int | None:
        if obj is None:
            return partial(_year_constructor, owner)
        return obj._year


def _year_constructor(cls: type[Period], year: int, *, calendar: Calendar = Calendar.CIVIL) -> Period:
    """The year *year*: "năm 2022"."""
    return cls._standard(PeriodKind.YEAR, year, None, calendar)


@frozen(kw_only=True, order=False, cache_hash=True)
class Period:
    """A reporting period: kind, calendar, and inclusive start and end dates.

    Build one with :meth:`month`, :meth:`quarter`, :meth:`half_year`,
    :meth:`nine_months`, :meth:`year`, :meth:`between`, :meth:`of` or
    :meth:`parse`; the constructor checks that the fields agree.

    Periods compare by ``(start, end)``; ``date in period`` and
    ``period in period`` test containment.

    >>> from datetime import date
    >>> date(2022, 7, 12) in Period.year(2022)
    True
    >>> Period.quarter(2022, 1) in Period.half_year(2022, 1)
    True
    >>> [m.id for m in Period.quarter(2022, 3).months()]
    ['202207', '202208', '202209']
    """

    kind: PeriodKind
    """What kind of period this is."""
    calendar: Calendar = Calendar.CIVIL
    """Which calendar its dates follow."""
    _year: int | None = field(default=None, alias="year")
    index: int | None = None
    """The month (1–12), quarter (1–4) or half (1–2); ``None`` otherwise."""
    start: pendulum.Date = field(converter=_to_start)
    """The first day."""
    end: pendulum.Date = field(converter=_to_end)
    """The last day (inclusive)."""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.kind, PeriodKind):
            msg = f"'kind' must be a PeriodKind (got {self.kind!r})"
            raise ValidationTypeError(msg)
        _check_calendar(self.calendar)
        if self.start > self.end:
            msg = f"'start' must not be after 'end' (got start={self.start}, end={self.end})"
            raise PeriodError(msg)
        if self.kind is PeriodKind.CUSTOM:
            if self._year is not None or self.index is not None:
                msg = f"a custom period has no 'year' or 'index' (got year={self._year!r}, index={self.index!r})"
                raise PeriodError(msg)
            for name, d in (("start", self.start), ("end", self.end)):
                if not _MIN_YEAR - 1 <= d.year <= _MAX_YEAR:
                    msg = f"{name!r} must be in the years {_MIN_YEAR - 1} to {_MAX_YEAR} (got {d})"
                    raise PeriodError(msg)
            return
        year = _check_year(self._year)
        if self.kind in _INDEX_FIELD:
            name, top = _INDEX_FIELD[self.kind]
            _check_index(name, self.index, top)
        elif self.index is not None:
            msg = f"a {self.kind.value} period has no 'index' (got {self.index!r})"
            raise PeriodError(msg)
        first, last = _month_span(self.kind, self.index)
        start = _month_start(year, first, self.calendar)
        end = _month_end(year, last, self.calendar)
        if (self.start, self.end) != (start, end):
            msg = (
                f"the dates of {self.kind.value} {self.index or ''}/{year} on the "
                f"{self.calendar.value} calendar are {start} to {end} "
                f"(got start={self.start}, end={self.end})"
            )
            raise PeriodError(msg)

    # -- constructors -------------------------------------------------------

    @classmethod
    def _standard(cls, kind: PeriodKind, year: int, index: int | None, calendar: Calendar) -> Period:
        _check_year(year)
        _check_calendar(calendar)
        if kind in _INDEX_FIELD:
            name, top = _INDEX_FIELD[kind]
            _check_index(name, index, top)
        if cls is Period:
            return _standard_period(kind, year, index, calendar)
        return cls._build(kind, year, index, calendar)

    @classmethod
    def _build(cls, kind: PeriodKind, year: int, index: int | None, calendar: Calendar) -> Period:
        first, last = _month_span(kind, index)
        return cls(
            kind=kind,
            calendar=calendar,
            year=year,
            index=index,
            start=_month_start(year, first, calendar),
            end=_month_end(year, last, calendar),
        )

    @classmethod
    def month(cls, year: int, month: int, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """Month *month* (1–12) of *year*: "tháng 7/2022".

        >>> Period.month(2022, 7, calendar=Calendar.REPORTING).start
        Date(2022, 6, 15)
        """
        return cls._standard(PeriodKind.MONTH, year, month, calendar)

    @classmethod
    def quarter(cls, year: int, quarter: int, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """Quarter *quarter* (1–4) of *year*: "quý I/2022"."""
        return cls._standard(PeriodKind.QUARTER, year, quarter, calendar)

    @classmethod
    def half_year(cls, year: int, half: int, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """Half *half* (1 or 2) of *year*: "6 tháng đầu năm 2022"."""
        return cls._standard(PeriodKind.HALF_YEAR, year, half, calendar)

    @classmethod
    def nine_months(cls, year: int, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """The first nine months of *year*: "9 tháng đầu năm 2022"."""
        return cls._standard(PeriodKind.NINE_MONTHS, year, None, calendar)

    year = _YearAccessor()

    @classmethod
    def between(cls, start: _dt.date, end: _dt.date, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """The period from *start* to *end*, both inclusive.

        If the dates are exactly those of a standard period of *calendar*, that
        period is returned; otherwise a custom one. "Từ đầu năm đến nay" is
        ``Period.between(date(2022, 1, 1), today)``.

        >>> from datetime import date
        >>> Period.between(date(2022, 1, 1), date(2022, 3, 31)).id
        '2022Q1'
        >>> Period.between(date(2022, 1, 1), date(2022, 7, 12)).id
        '2022-01-01/2022-07-12'
        """
        s = to_date("start", start)
        e = to_date("end", end)
        _check_calendar(calendar)
        if s > e:
            msg = f"'start' must not be after 'end' (got start={s}, end={e})"
            raise PeriodError(msg)
        standard = _match_standard(s, e, calendar)
        if standard is not None:
            return standard
        return cls(kind=PeriodKind.CUSTOM, calendar=calendar, start=s, end=e)

    @classmethod
    def of(cls, day: _dt.date, kind: PeriodKind = PeriodKind.MONTH, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """The period of *kind* on *calendar* that contains *day*.

        >>> from datetime import date
        >>> Period.of(date(2022, 12, 20), PeriodKind.YEAR, calendar=Calendar.REPORTING).id
        'R2023'
        """
        d = to_date("day", day)
        _check_calendar(calendar)
        if not isinstance(kind, PeriodKind) or kind is PeriodKind.CUSTOM:
            msg = f"'kind' must be a standard PeriodKind (got {kind!r})"
            raise PeriodError(msg)
        year, month = _month_of(d, calendar)
        if kind is PeriodKind.MONTH:
            return cls.month(year, month, calendar=calendar)
        if kind is PeriodKind.QUARTER:
            return cls.quarter(year, (month + 2) // 3, calendar=calendar)
        if kind is PeriodKind.HALF_YEAR:
            return cls.half_year(year, (month + 5) // 6, calendar=calendar)
        if kind is PeriodKind.NINE_MONTHS:
            if month > 9:
                msg = f"{d} lies in no nine-month period of the {calendar.value} calendar (month {month} of {year})"
                raise PeriodError(msg)
            return cls.nine_months(year, calendar=calendar)
        return cls._standard(PeriodKind.YEAR, year, None, calendar)

    @classmethod
    def year_to_date(cls, day: _dt.date, *, calendar: Calendar = Calendar.CIVIL) -> Period:
        """From the first day of *day*'s year on *calendar* to *day*: "từ đầu năm đến nay".

        >>> from datetime import date
        >>> Period.year_to_date(date(2022, 7, 12)).id
        '2022-01-01/2022-07-12'
        """
        d = to_date("day", day)
        return cls.between(cls.of(d, PeriodKind.YEAR, calendar=calendar).start, d, calendar=calendar)

    @classmethod
    def parse(cls, text: str) -> Period:
        """The period whose canonical :attr:`id` is *text*.

        >>> Period.parse("R2022S1").start
        Date(2021, 12, 15)
        >>> Period.parse("2022-01-01/2022-07-12").end
        Date(2022, 7, 12)
        """
        if not isinstance(text, str):
            msg = f"'id' must be a str (got {text!r} of type {type(text).__name__})"
            raise ValidationTypeError(msg)
        return _parse_id(text) if cls is Period else cls._from_id(text)

    @classmethod
    def _from_id(cls, text: str) -> Period:
        m = _ID_RE.match(text)
        if m is None:
            msg = (
                "'id' must be a period id such as '202207', '2022Q1', '2022S1', "
                f"'2022N9', '2022', '2022-01-01/2022-07-12', optionally prefixed by 'R' (got {text!r})"
            )
            raise PeriodError(msg)
        cal = Calendar.REPORTING if m["r"] else Calendar.CIVIL
        if m["span"]:
            try:
                s = pendulum.Date.fromisoformat(m["s"])
                e = pendulum.Date.fromisoformat(m["e"])
            except ValueError as exc:
                msg = f"'id' holds an impossible date (got {text!r}): {exc}"
                raise PeriodError(msg) from None
            p = cls.between(s, e, calendar=cal)
            if p.kind is not PeriodKind.CUSTOM:
                msg = f"'id' must be canonical: {text!r} is the period {p.id!r}"
                raise PeriodError(msg)
            return p
        year = int(m["year"])
        if m["month"]:
            return cls.month(year, int(m["month"]), calendar=cal)
        if m["quarter"]:
            return cls.quarter(year, int(m["quarter"]), calendar=cal)
        if m["half"]:
            return cls.half_year(year, int(m["half"]), calendar=cal)
        if m["nine"]:
            return cls.nine_months(year, calendar=cal)
        return cls._standard(PeriodKind.YEAR, year, None, cal)

    # -- identity -----------------------------------------------------------

    @property
    def id(self) -> str:
        """The canonical id: DHIS2 style for civil periods (``202207``,
        ``2022Q1``, ``2022S1``, ``2022``), ``2022N9`` for nine months,
        ``start/end`` in ISO 8601 for custom spans, and an ``R`` prefix on the
        reporting calendar (``R2022S1``)."""
        prefix = "R" if self.calendar is Calendar.REPORTING else ""
        k = self.kind
        if k is PeriodKind.CUSTOM:
            return f"{prefix}{self.start.isoformat()}/{self.end.isoformat()}"
        if k is PeriodKind.MONTH:
            return f"{prefix}{self._year}{self.index:02d}"
        if k is PeriodKind.QUARTER:
            return f"{prefix}{self._year}Q{self.index}"
        if k is PeriodKind.HALF_YEAR:
            return f"{prefix}{self._year}S{self.index}"
        if k is PeriodKind.NINE_MONTHS:
            return f"{prefix}{self._year}N9"
        return f"{prefix}{self._year}"

    def __repr__(self) -> str:
        return f"Period.parse({self.id!r})"

    @property
    def days(self) -> int:
        """The number of days, both ends included."""
        return (self.end - self.start).days + 1

    # -- navigation ---------------------------------------------------------

    def _shift_years(self, years: int) -> Period:
        if self.kind is PeriodKind.CUSTOM:
            try:
                start = self.start.add(years=years)
                end = self.end.add(years=years)
            except ValueError as exc:
                msg = f"{self.id!r} shifted by {years} years is out of range: {exc}"
                raise PeriodError(msg) from None
            return Period.between(start, end, calendar=self.calendar)
        assert self._year is not None
        return Period._standard(self.kind, self._year + years, self.index, self.calendar)

    def same_period_last_year(self) -> Period:
        """The same period one year earlier ("cùng kỳ năm trước").

        >>> Period.half_year(2022, 1).same_period_last_year().id
        '2021S1'
        """
        return self._shift_years(-1)

    def _step(self, step: int) -> Period:
        k = self.kind
        if k is PeriodKind.CUSTOM:
            length = self.days
            if step < 0:
                return Period.between(
                    self.start.subtract(days=length), self.start.subtract(days=1), calendar=self.calendar
                )
            return Period.between(self.end.add(days=1), self.end.add(days=length), calendar=self.calendar)
        if k in _INDEX_FIELD:
            assert self._year is not None and self.index is not None
            top = _INDEX_FIELD[k][1]
            pos = self._year * top + (self.index - 1) + step
            return Period._standard(k, pos // top, pos % top + 1, self.calendar)
        return self._shift_years(step)

    def previous(self) -> Period:
        """The period of the same kind just before this one ("thời gian liền kề").

        For nine months, the previous year's nine months; for a custom span,
        the span of the same number of days that ends the day before it.

        >>> Period.quarter(2022, 1).previous().id
        '2021Q4'
        """
        return self._step(-1)

    def next(self) -> Period:
        """The period of the same kind just after this one.

        >>> Period.month(2022, 12).next().id
        '202301'
        """
        return self._step(1)

    def months(self) -> tuple[Period, ...]:
        """The months of this period's calendar that partition it.

        A custom span must begin on a month's first day and end on a month's
        last day.

        >>> [m.id for m in Period.half_year(2022, 1, calendar=Calendar.REPORTING).months()][:2]
        ['R202201', 'R202202']
        """
        first = Period.of(self.start, PeriodKind.MONTH, calendar=self.calendar)
        last = Period.of(self.end, PeriodKind.MONTH, calendar=self.calendar)
        if first.start != self.start or last.end != self.end:
            msg = (
                f"{self.id!r} is not made of whole months of the {self.calendar.value} calendar "
                f"(it starts {self.start} and ends {self.end})"
            )
            raise PeriodError(msg)
        out = [first]
        while out[-1] != last:
            out.append(out[-1].next())
        return tuple(out)

    # -- containment and order ----------------------------------------------

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Period):
            return self.start <= item.start and item.end <= self.end
        if isinstance(item, _dt.datetime) or not isinstance(item, _dt.date):
            msg = f"'item' must be a date or a Period (got {item!r} of type {type(item).__name__})"
            raise ValidationTypeError(msg)
        return self.start <= item <= self.end

    def overlaps(self, other: Period) -> bool:
        """Whether this period and *other* share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def _key(self) -> tuple[pendulum.Date, pendulum.Date, str, str]:
        return (self.start, self.end, self.calendar.value, self.kind.value)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() >= other._key()


@functools.lru_cache(maxsize=8192)
def _standard_period(kind: PeriodKind, year: int, index: int | None, calendar: Calendar) -> Period:
    """The standard period of checked arguments, built once.

    Periods repeat (a million figures share two dozen months): equal standard
    periods are then mostly the same object, which keeps memory down and
    makes dict lookups by period an identity check.
    """
    return Period._build(kind, year, index, calendar)


@functools.lru_cache(maxsize=8192)
def _parse_id(text: str) -> Period:
    """:meth:`Period.parse` of a ``str``, once per distinct id."""
    return Period._from_id(text)


def _match_standard(s: pendulum.Date, e: pendulum.Date, cal: Calendar) -> Period | None:
    """The standard period of *cal* from *s* to *e*, if there is one."""
    y1, m1 = _month_of(s, cal)
    y2, m2 = _month_of(e, cal)
    if y1 != y2 or not _MIN_YEAR <= y1 <= _MAX_YEAR:
        return None
    if _month_start(y1, m1, cal) != s or _month_end(y2, m2, cal) != e:
        return None
    span = (m1, m2)
    if m1 == m2:
        return Period._standard(PeriodKind.MONTH, y1, m1, cal)
    if span == (1, 12):
        return Period._standard(PeriodKind.YEAR, y1, None, cal)
    if span == (1, 9):
        return Period._standard(PeriodKind.NINE_MONTHS, y1, None, cal)
    if m1 % 3 == 1 and m2 == m1 + 2:
        return Period._standard(PeriodKind.QUARTER, y1, (m1 + 2) // 3, cal)
    if m1 % 6 == 1 and m2 == m1 + 5:
        return Period._standard(PeriodKind.HALF_YEAR, y1, (m1 + 5) // 6, cal)
    return None
