"""Hypothesis strategies for the language layer (formatting and parsing)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from anninh_toandan import Calendar, Period, Qualifier, Quantity
from anninh_toandan.formatting import UNIT_NAMES

#: Units as reports write them: the common counter words and a few the library does not know.
count_units = st.sampled_from([*sorted(u for u in UNIT_NAMES if u != "đồng"), "chốt", "hòa giải viên", "camera"])

qualifiers = st.sampled_from(list(Qualifier))

#: Dates whose year has four digits (as every written date does).
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))

#: Amounts of money: any int, and round amounts that take the scale words.
amounts = st.one_of(
    st.integers(min_value=0, max_value=10**19),
    st.builds(
        lambda a, e: a * 10**e,
        st.integers(min_value=0, max_value=999_999),
        st.integers(min_value=0, max_value=15),
    ),
)


@st.composite
def constructed_quantities(draw: st.DrawFn, unit: st.SearchStrategy[str] = count_units) -> Quantity:
    """A quantity from a named constructor: what text can express."""
    u = draw(unit)
    qualifier = draw(qualifiers)
    if qualifier is Qualifier.ORDER_OF:
        return Quantity.order_of(10 ** draw(st.integers(min_value=1, max_value=18)), u)
    value = draw(amounts)
    if qualifier is Qualifier.NEARLY:
        return Quantity.nearly(max(value, 1), u)
    return Quantity(value=value, unit=u, qualifier=qualifier)


money_quantities = constructed_quantities(st.just("đồng"))

_years = st.integers(min_value=1002, max_value=9997)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Periods of every kind on both calendars, and custom spans."""
    cal = draw(st.sampled_from(list(Calendar)))
    year = draw(_years)
    kind = draw(st.sampled_from(["month", "quarter", "half", "nine", "year", "custom", "years"]))
    if kind == "month":
        return Period.month(year, draw(st.integers(1, 12)), calendar=cal)
    if kind == "quarter":
        return Period.quarter(year, draw(st.integers(1, 4)), calendar=cal)
    if kind == "half":
        return Period.half_year(year, draw(st.integers(1, 2)), calendar=cal)
    if kind == "nine":
        return Period.nine_months(year, calendar=cal)
    if kind == "year":
        return Period.year(year, calendar=cal)
    if kind == "years":
        last = draw(st.integers(min_value=year + 1, max_value=9998))
        return Period.between(dt.date(year, 1, 1), dt.date(last, 12, 31))
    start = draw(st.dates(min_value=dt.date(1001, 1, 1), max_value=dt.date(9998, 12, 31)))
    days = draw(st.integers(min_value=0, max_value=800))
    end = dt.date.fromordinal(min(start.toordinal() + days, dt.date(9998, 12, 31).toordinal()))
    return Period.between(start, end, calendar=cal)


#: Numbers for the babel comparison: within babel's 28-digit decimal context.
babel_numbers = st.one_of(
    st.integers(min_value=-(10**24), max_value=10**24),
    st.decimals(
        min_value=Decimal(-(10**20)), max_value=Decimal(10**20), allow_nan=False, allow_infinity=False, places=6
    ),
    st.decimals(min_value=Decimal(-1000), max_value=Decimal(1000), allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False),
)
