"""Hypothesis strategies for the library's values.

Core strategies (quantities, periods, units) come first; strategies for the
measures and domain layers build on them further down.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from anninh_toandan import Calendar, Period, Qualifier, Quantity

UNITS = ("lượt", "buổi", "bản", "bài viết", "tin", "vụ việc", "mô hình", "nhà", "phần quà", "đồng")

calendars = st.sampled_from(list(Calendar))
years = st.integers(min_value=1990, max_value=2100)


@st.composite
def quantities(draw: st.DrawFn, unit: str | None = None, max_value: int = 10**12) -> Quantity:
    """A quantity built by one of the named constructors."""
    u = unit if unit is not None else draw(st.sampled_from(UNITS))
    q = draw(st.sampled_from(list(Qualifier)))
    if q is Qualifier.ORDER_OF:
        exponent = draw(st.integers(min_value=1, max_value=len(str(max_value)) - 1))
        return Quantity.order_of(10**exponent, u)
    if q is Qualifier.NEARLY:
        return Quantity.nearly(draw(st.integers(min_value=1, max_value=max_value)), u)
    n = draw(st.integers(min_value=0, max_value=max_value))
    return {
        Qualifier.EXACT: Quantity.exact,
        Qualifier.MORE_THAN: Quantity.more_than,
        Qualifier.ABOUT: Quantity.about,
    }[q](n, u)


@st.composite
def bounded_quantities(draw: st.DrawFn, unit: str = "lượt") -> Quantity:
    """A quantity from constructors or from sums of them (which may carry extra bounds)."""
    parts = draw(st.lists(quantities(unit=unit, max_value=10**6), min_size=1, max_size=4))
    return sum(parts[1:], parts[0])


@st.composite
def true_value(draw: st.DrawFn, q: Quantity) -> int:
    """A true value that *q*'s bounds allow."""
    low = q.low if q.low is not None else 0
    high = q.high if q.high is not None else low + 10**7
    return draw(st.integers(min_value=low, max_value=high))


@st.composite
def periods(draw: st.DrawFn, calendar: Calendar | None = None) -> Period:
    """A period of any kind, on either calendar."""
    cal = calendar if calendar is not None else draw(calendars)
    y = draw(years)
    kind = draw(st.sampled_from(["month", "quarter", "half", "nine", "year", "custom"]))
    if kind == "month":
        return Period.month(y, draw(st.integers(1, 12)), calendar=cal)
    if kind == "quarter":
        return Period.quarter(y, draw(st.integers(1, 4)), calendar=cal)
    if kind == "half":
        return Period.half_year(y, draw(st.integers(1, 2)), calendar=cal)
    if kind == "nine":
        return Period.nine_months(y, calendar=cal)
    if kind == "year":
        return Period.year(y, calendar=cal)
    start = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=800))
    return Period.between(start, start + dt.timedelta(days=length), calendar=cal)


standard_periods = periods().filter(lambda p: p.kind.value != "custom")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
