"""Period: kinds, both calendars, canonical ids, navigation, containment."""

from __future__ import annotations

import datetime as dt
import itertools

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import AnninhError, Calendar, Period, PeriodError, PeriodKind, ValidationTypeError
from tests.strategies import calendars, dates, periods, standard_periods, years

R = Calendar.REPORTING


# -- dates of each kind --------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "start", "end", "pid"),
    [
        (Period.month(2022, 7), (2022, 7, 1), (2022, 7, 31), "202207"),
        (Period.month(2024, 2), (2024, 2, 1), (2024, 2, 29), "202402"),
        (Period.quarter(2022, 1), (2022, 1, 1), (2022, 3, 31), "2022Q1"),
        (Period.half_year(2022, 1), (2022, 1, 1), (2022, 6, 30), "2022S1"),
        (Period.half_year(2022, 2), (2022, 7, 1), (2022, 12, 31), "2022S2"),
        (Period.nine_months(2022), (2022, 1, 1), (2022, 9, 30), "2022N9"),
        (Period.year(2022), (2022, 1, 1), (2022, 12, 31), "2022"),
        # Nghị định 09/2019: data cut off on the 14th.
        (Period.month(2022, 1, calendar=R), (2021, 12, 15), (2022, 1, 14), "R202201"),
        (Period.month(2022, 7, calendar=R), (2022, 6, 15), (2022, 7, 14), "R202207"),
        (Period.quarter(2022, 1, calendar=R), (2021, 12, 15), (2022, 3, 14), "R2022Q1"),
        (Period.quarter(2022, 2, calendar=R), (2022, 3, 15), (2022, 6, 14), "R2022Q2"),
        (Period.half_year(2022, 1, calendar=R), (2021, 12, 15), (2022, 6, 14), "R2022S1"),
        (Period.half_year(2022, 2, calendar=R), (2022, 6, 15), (2022, 12, 14), "R2022S2"),
        (Period.nine_months(2022, calendar=R), (2021, 12, 15), (2022, 9, 14), "R2022N9"),
        (Period.year(2022, calendar=R), (2021, 12, 15), (2022, 12, 14), "R2022"),
        (
            Period.between(dt.date(2022, 1, 1), dt.date(2022, 7, 12)),
            (2022, 1, 1),
            (2022, 7, 12),
            "2022-01-01/2022-07-12",
        ),
    ],
)
def test_dates_and_ids(period: Period, start: tuple[int, int, int], end: tuple[int, int, int], pid: str) -> None:
    assert period.start == pendulum.Date(*start)
    assert period.end == pendulum.Date(*end)
    assert isinstance(period.start, pendulum.Date) and isinstance(period.end, pendulum.Date)
    assert period.id == pid
    assert Period.parse(pid) == period
    assert repr(period) == f"Period.parse({pid!r})"


def test_year_is_a_constructor_on_the_class_and_a_number_on_instances() -> None:
    assert Period.year(2022).year == 2022
    assert Period.year(2022, calendar=R).calendar is R
    assert Period.half_year(2022, 1).year == 2022
    assert Period.between(dt.date(2022, 1, 1), dt.date(2022, 7, 12)).year is None


def test_between_normalises_to_a_standard_period() -> None:
    assert Period.between(dt.date(2022, 1, 1), dt.date(2022, 6, 30)) == Period.half_year(2022, 1)
    assert Period.between(dt.date(2022, 7, 1), dt.date(2022, 9, 30)) == Period.quarter(2022, 3)
    assert Period.between(dt.date(2021, 12, 15), dt.date(2022, 6, 14), calendar=R) == Period.half_year(
        2022, 1, calendar=R
    )
    custom = Period.between(dt.date(2021, 12, 15), dt.date(2022, 6, 14))
    assert custom.kind is PeriodKind.CUSTOM and custom.calendar is Calendar.CIVIL
    # Two months are not a standard kind.
    assert Period.between(dt.date(2022, 1, 1), dt.date(2022, 2, 28)).kind is PeriodKind.CUSTOM
    # Months 2-4 are not a quarter.
    assert Period.between(dt.date(2022, 2, 1), dt.date(2022, 4, 30)).kind is PeriodKind.CUSTOM


def test_year_to_date_serves_tu_dau_nam_den_nay() -> None:
    p = Period.year_to_date(dt.date(2022, 7, 12))
    assert (p.start, p.end) == (pendulum.Date(2022, 1, 1), pendulum.Date(2022, 7, 12))
    r = Period.year_to_date(dt.date(2022, 7, 12), calendar=R)
    assert r.start == pendulum.Date(2021, 12, 15)
    assert Period.year_to_date(dt.date(2022, 12, 31)) == Period.year(2022)


def test_of_finds_the_period_containing_a_day() -> None:
    d = dt.date(2022, 12, 20)
    assert Period.of(d) == Period.month(2022, 12)
    assert Period.of(d, calendar=R) == Period.month(2023, 1, calendar=R)
    assert Period.of(d, PeriodKind.QUARTER, calendar=R) == Period.quarter(2023, 1, calendar=R)
    assert Period.of(dt.date(2022, 6, 14), PeriodKind.HALF_YEAR, calendar=R) == Period.half_year(2022, 1, calendar=R)
    assert Period.of(dt.date(2022, 6, 15), PeriodKind.HALF_YEAR, calendar=R) == Period.half_year(2022, 2, calendar=R)
    assert Period.of(dt.date(2022, 3, 1), PeriodKind.NINE_MONTHS) == Period.nine_months(2022)
    with pytest.raises(PeriodError, match="no nine-month period"):
        Period.of(dt.date(2022, 10, 1), PeriodKind.NINE_MONTHS)
    with pytest.raises(PeriodError, match="standard PeriodKind"):
        Period.of(d, PeriodKind.CUSTOM)


# -- navigation ----------------------------------------------------------------


def test_previous_next_and_same_period_last_year() -> None:
    assert Period.month(2022, 1).previous() == Period.month(2021, 12)
    assert Period.month(2022, 12).next() == Period.month(2023, 1)
    assert Period.quarter(2022, 1).previous() == Period.quarter(2021, 4)
    assert Period.half_year(2022, 2).next() == Period.half_year(2023, 1)
    assert Period.year(2022).previous() == Period.year(2021)
    assert Period.nine_months(2022).previous() == Period.nine_months(2021)
    assert Period.half_year(2022, 1).same_period_last_year() == Period.half_year(2021, 1)
    assert Period.half_year(2022, 1, calendar=R).same_period_last_year() == Period.half_year(2021, 1, calendar=R)
    custom = Period.between(dt.date(2022, 1, 1), dt.date(2022, 7, 12))
    assert custom.same_period_last_year() == Period.between(dt.date(2021, 1, 1), dt.date(2021, 7, 12))
    assert custom.previous() == Period.between(dt.date(2021, 6, 22), dt.date(2021, 12, 31))
    assert custom.next().start == pendulum.Date(2022, 7, 13)
    assert custom.next().days == custom.days
    leap = Period.between(dt.date(2024, 2, 29), dt.date(2024, 3, 5))
    assert leap.same_period_last_year().start == pendulum.Date(2023, 2, 28)


def test_months_partition_standard_periods() -> None:
    assert [m.id for m in Period.quarter(2022, 3).months()] == ["202207", "202208", "202209"]
    assert len(Period.year(2022, calendar=R).months()) == 12
    assert Period.month(2022, 5).months() == (Period.month(2022, 5),)
    aligned = Period.between(dt.date(2022, 2, 1), dt.date(2022, 4, 30))
    assert [m.id for m in aligned.months()] == ["202202", "202203", "202204"]
    with pytest.raises(PeriodError, match="not made of whole months"):
        Period.between(dt.date(2022, 1, 1), dt.date(2022, 7, 12)).months()


def test_containment_and_overlap() -> None:
    h1 = Period.half_year(2022, 1)
    assert dt.date(2022, 6, 30) in h1 and dt.date(2022, 7, 1) not in h1
    assert pendulum.Date(2022, 1, 1) in h1
    assert Period.quarter(2022, 2) in h1 and Period.quarter(2022, 3) not in h1
    assert h1.overlaps(Period.between(dt.date(2022, 6, 1), dt.date(2022, 8, 1)))
    assert not h1.overlaps(Period.quarter(2022, 3))
    with pytest.raises(ValidationTypeError, match="must be a date or a Period"):
        _ = "2022-01-01" in h1
    with pytest.raises(ValidationTypeError, match="must be a date or a Period"):
        _ = dt.datetime(2022, 1, 1, 12, 0) in h1  # noqa: DTZ001


def test_ordering() -> None:
    ps = [Period.year(2022), Period.month(2022, 1), Period.quarter(2021, 4), Period.half_year(2022, 1)]
    assert [p.id for p in sorted(ps)] == ["2021Q4", "202201", "2022S1", "2022"]
    assert Period.month(2022, 1) < Period.month(2022, 2) <= Period.month(2022, 2)
    assert Period.month(2022, 3) > Period.month(2022, 2) >= Period.month(2022, 2)
    assert Period.month(2022, 1).__lt__(5) is NotImplemented
    assert Period.month(2022, 1).__le__(5) is NotImplemented
    assert Period.month(2022, 1).__gt__(5) is NotImplemented
    assert Period.month(2022, 1).__ge__(5) is NotImplemented
    assert Period.month(2022, 1) != Period.month(2022, 1, calendar=R)
    assert len({Period.month(2022, 1), Period.parse("202201")}) == 1


# -- bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda: Period.month(2022, 13), PeriodError, "'month' must be between 1 and 12 (got 13)"),
        (lambda: Period.month(2022, 0), PeriodError, "'month' must be between 1 and 12 (got 0)"),
        (lambda: Period.quarter(2022, 5), PeriodError, "'quarter' must be between 1 and 4 (got 5)"),
        (lambda: Period.half_year(2022, 3), PeriodError, "'half' must be between 1 and 2 (got 3)"),
        (lambda: Period.month(2022, 1.0), ValidationTypeError, "'month' must be an int"),
        (lambda: Period.year("2022"), ValidationTypeError, "'year' must be an int (got '2022'"),
        (lambda: Period.year(99), PeriodError, "'year' must be between"),
        (lambda: Period.month(2022, 1, calendar="civil"), ValidationTypeError, "'calendar' must be a Calendar"),
        (
            lambda: Period.between(dt.date(2022, 7, 1), dt.date(2022, 6, 30)),
            PeriodError,
            "'start' must not be after 'end' (got start=2022-07-01, end=2022-06-30)",
        ),
        (lambda: Period.between("2022-01-01", dt.date(2022, 6, 30)), ValidationTypeError, "'start' must be a date"),
        (
            lambda: Period.between(dt.datetime(2022, 1, 1), dt.date(2022, 6, 30)),  # noqa: DTZ001
            ValidationTypeError,
            "'start' must be a date",
        ),
        (lambda: Period.parse("2022Q5"), PeriodError, "'quarter' must be between 1 and 4 (got 5)"),
        (lambda: Period.parse("202213"), PeriodError, "'month' must be between 1 and 12 (got 13)"),
        (lambda: Period.parse("2022S3"), PeriodError, "'half' must be between 1 and 2 (got 3)"),
        (lambda: Period.parse("22Q1"), PeriodError, "must be a period id such as"),
        (lambda: Period.parse("2022-Q1"), PeriodError, "(got '2022-Q1')"),
        (lambda: Period.parse(""), PeriodError, "(got '')"),
        (lambda: Period.parse(2022), ValidationTypeError, "'id' must be a str"),
        (lambda: Period.parse("2022-02-30/2022-03-01"), PeriodError, "impossible date"),
        (lambda: Period.parse("2022-01-01/2022-03-31"), PeriodError, "must be canonical: '2022-01-01/2022-03-31'"),
        (lambda: Period.parse("2022-05-01/2022-04-01"), PeriodError, "'start' must not be after 'end'"),
        (
            lambda: Period(
                kind=PeriodKind.MONTH, year=2022, index=1, start=dt.date(2022, 1, 2), end=dt.date(2022, 1, 31)
            ),
            PeriodError,
            "are 2022-01-01 to 2022-01-31",
        ),
        (
            lambda: Period(
                kind=PeriodKind.YEAR, year=2022, index=1, start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31)
            ),
            PeriodError,
            "has no 'index'",
        ),
        (
            lambda: Period(kind=PeriodKind.CUSTOM, year=2022, start=dt.date(2022, 1, 1), end=dt.date(2022, 1, 5)),
            PeriodError,
            "has no 'year' or 'index'",
        ),
        (
            lambda: Period(kind="month", year=2022, index=1, start=dt.date(2022, 1, 1), end=dt.date(2022, 1, 31)),
            ValidationTypeError,
            "'kind' must be a PeriodKind",
        ),
        (
            lambda: Period(kind=PeriodKind.CUSTOM, start=dt.date(1, 1, 1), end=dt.date(1, 1, 5)),
            PeriodError,
            "'start' must be in the years",
        ),
        (lambda: Period.year(9998).next(), PeriodError, "'year' must be between"),
    ],
)
def test_bad_input_gets_clear_errors(call: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert fragment in str(info.value)
    assert isinstance(info.value, AnninhError)


def test_standard_periods_are_built_once_and_bad_arguments_are_still_refused() -> None:
    # Repeated periods are the same object (memory, and dict lookups by identity); equality is unchanged.
    assert Period.parse("R2022Q1") is Period.quarter(2022, 1, calendar=R) is Period.parse("R2022Q1")
    assert Period.month(2022, 3).previous() is Period.month(2022, 2)
    assert Period.quarter(2022, 1).months()[0] is Period.parse("202201")
    # Arguments are checked before the cache sees them: unhashable or look-alike ones get the usual errors.
    with pytest.raises(ValidationTypeError, match="'year' must be an int"):
        Period.month([2022], 1)  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'month' must be an int"):
        Period.month(2022, True)
    with pytest.raises(ValidationTypeError, match="'id' must be a str"):
        Period.parse(["2022"])  # type: ignore[arg-type]

    class MyPeriod(Period):
        pass

    mine = MyPeriod.quarter(2022, 1)
    assert type(mine) is MyPeriod and type(MyPeriod.parse("2022Q1")) is MyPeriod and mine.id == "2022Q1"


def test_shifting_a_custom_span_out_of_range_is_an_error() -> None:
    p = Period.between(dt.date(9998, 12, 1), dt.date(9998, 12, 5))
    with pytest.raises(PeriodError, match="out of range"):
        p._shift_years(5)


# -- properties ----------------------------------------------------------------


@given(periods())
def test_parse_of_id_is_identity(p: Period) -> None:
    assert Period.parse(p.id) == p


@given(standard_periods.filter(lambda p: p.kind is not PeriodKind.MONTH))
def test_months_partition_every_standard_period(p: Period) -> None:
    months = p.months()
    assert months[0].start == p.start and months[-1].end == p.end
    for a, b in itertools.pairwise(months):
        assert b.start == a.end.add(days=1)
    assert sum(m.days for m in months) == p.days
    assert all(m.kind is PeriodKind.MONTH and m.calendar is p.calendar for m in months)


@given(years, calendars)
def test_quarters_halves_and_years_nest(y: int, cal: Calendar) -> None:
    year = Period.year(y, calendar=cal)
    quarters = [Period.quarter(y, q, calendar=cal) for q in range(1, 5)]
    halves = [Period.half_year(y, h, calendar=cal) for h in (1, 2)]
    assert [m for q in quarters for m in q.months()] == list(year.months())
    assert [m for h in halves for m in h.months()] == list(year.months())
    assert Period.nine_months(y, calendar=cal).months() == year.months()[:9]
    assert all(q in year for q in quarters)


@given(dates, calendars)
def test_every_date_lies_in_exactly_one_month(d: dt.date, cal: Calendar) -> None:
    month = Period.of(d, calendar=cal)
    assert d in month
    assert d not in month.previous() and d not in month.next()


@given(standard_periods)
def test_previous_and_next_are_inverse_and_adjacent(p: Period) -> None:
    assert p.next().previous() == p
    if p.kind not in (PeriodKind.NINE_MONTHS,):
        assert p.next().start == p.end.add(days=1)


@given(st.builds(lambda p: p, periods()))
def test_same_period_last_year_is_one_year_back(p: Period) -> None:
    last = p.same_period_last_year()
    assert last.kind is p.kind and last.calendar is p.calendar
    assert last.start.year == p.start.year - 1


# -- found by mutation testing: each test below fails on a change a user would see ----------------


@pytest.mark.parametrize("calendar", list(Calendar))
@pytest.mark.parametrize("year", [1001, 2022, 2024, 9998])
def test_a_span_with_the_dates_of_a_standard_period_is_that_period(calendar: Calendar, year: int) -> None:
    """Every month, quarter, half, the nine months and the year are recognised from their dates."""
    standard = [
        *(Period.month(year, m, calendar=calendar) for m in range(1, 13)),
        *(Period.quarter(year, q, calendar=calendar) for q in range(1, 5)),
        *(Period.half_year(year, h, calendar=calendar) for h in (1, 2)),
        Period.nine_months(year, calendar=calendar),
        Period.year(year, calendar=calendar),
    ]
    for p in standard:
        found = Period.between(p.start, p.end, calendar=calendar)
        assert (found.id, found.kind, found.index) == (p.id, p.kind, p.index)


def test_january_to_september_is_nine_months() -> None:
    assert Period.between(dt.date(2022, 1, 1), dt.date(2022, 9, 30)).id == "2022N9"
    assert Period.between(dt.date(2021, 12, 15), dt.date(2022, 9, 14), calendar=R).id == "R2022N9"


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ((2022, 2, 1), (2022, 4, 30)),  # three months, but no quarter
        ((2022, 4, 1), (2022, 9, 30)),  # six months, but no half
        ((2022, 2, 1), (2022, 10, 31)),  # nine months, not from January
        ((2022, 1, 1), (2022, 8, 31)),
        ((2022, 1, 2), (2022, 3, 31)),  # a day short of a quarter
        ((2022, 1, 1), (2022, 3, 30)),
        ((2022, 7, 1), (2023, 6, 30)),  # twelve months across two years
        ((1000, 1, 1), (1000, 12, 31)),  # a year before the supported years: a custom span
    ],
)
def test_other_spans_are_custom(start: tuple[int, int, int], end: tuple[int, int, int]) -> None:
    p = Period.between(dt.date(*start), dt.date(*end))
    assert p.kind is PeriodKind.CUSTOM
    assert (p.start, p.end) == (dt.date(*start), dt.date(*end))


@pytest.mark.parametrize("month", range(1, 13))
def test_of_finds_the_quarter_and_half_of_every_month(month: int) -> None:
    day = dt.date(2022, month, 10)
    assert Period.of(day, PeriodKind.QUARTER).index == (month - 1) // 3 + 1
    assert Period.of(day, PeriodKind.HALF_YEAR).index == (1 if month <= 6 else 2)
    assert day in Period.of(day, PeriodKind.QUARTER) and day in Period.of(day, PeriodKind.HALF_YEAR)
    if month <= 9:
        assert Period.of(day, PeriodKind.NINE_MONTHS).id == "2022N9"
    else:
        with pytest.raises(PeriodError, match="lies in no nine-month period"):
            Period.of(day, PeriodKind.NINE_MONTHS)


@pytest.mark.parametrize(
    ("day", "month_id"),
    [((2022, 7, 14), "R202207"), ((2022, 7, 15), "R202208"), ((2022, 12, 14), "R202212"), ((2022, 12, 15), "R202301")],
)
def test_the_reporting_month_turns_on_the_15th(day: tuple[int, int, int], month_id: str) -> None:
    assert Period.of(dt.date(*day), calendar=R).id == month_id


def test_supported_years_are_1001_to_9998() -> None:
    assert Period.year(1001).start == dt.date(1001, 1, 1)
    assert Period.year(9998).end == dt.date(9998, 12, 31)
    for year in (1000, 9999):
        with pytest.raises(PeriodError, match=r"^'year' must be between 1001 and 9998 \(got"):
            Period.year(year)
    # custom spans may start in 1000 (a reporting year 1001 starts on 15 December 1000)
    assert Period.between(dt.date(1000, 12, 15), dt.date(1001, 1, 14), calendar=R).id == "R100101"
    assert Period.between(dt.date(1000, 3, 1), dt.date(1000, 3, 5)).start.year == 1000
    assert Period.between(dt.date(9998, 3, 1), dt.date(9998, 3, 5)).end.year == 9998
    for start, end in (((999, 12, 1), (1000, 1, 5)), ((9998, 12, 1), (9999, 1, 5))):
        with pytest.raises(PeriodError, match=r"must be in the years 1000 to 9998 \(got"):
            Period.between(dt.date(*start), dt.date(*end))


def test_a_period_is_not_greater_or_less_than_itself() -> None:
    p, q = Period.quarter(2022, 1), Period.quarter(2022, 2)
    assert not p > p and not p < p and p >= p and p <= p
    assert q > p and q >= p and p < q and p <= q
    assert not p > q and not p >= q and not q < p and not q <= p


def test_ordering_with_other_types_is_refused() -> None:
    p = Period.quarter(2022, 1)
    for op in (lambda: p < 1, lambda: p <= 1, lambda: p > 1, lambda: p >= 1):
        with pytest.raises(TypeError):
            op()


def test_periods_sharing_one_day_overlap() -> None:
    a = Period.between(dt.date(2022, 1, 1), dt.date(2022, 3, 31))
    b = Period.between(dt.date(2022, 3, 31), dt.date(2022, 4, 30))
    c = Period.month(2022, 4)
    assert a.overlaps(b) and b.overlaps(a)
    assert not a.overlaps(c) and not c.overlaps(a)
    assert b.overlaps(c) and a.overlaps(a)


def test_containment_includes_both_ends() -> None:
    q = Period.quarter(2022, 1)
    assert dt.date(2022, 1, 1) in q and dt.date(2022, 3, 31) in q
    assert dt.date(2021, 12, 31) not in q and dt.date(2022, 4, 1) not in q
    assert Period.month(2022, 1) in q and Period.month(2022, 3) in q and Period.month(2022, 4) not in q
    assert q in q and Period.half_year(2022, 1) not in q


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Period(kind=PeriodKind.CUSTOM, start="2022-01-01", end=dt.date(2022, 1, 2)),
            r"^'start' must be a date",
        ),
        (
            lambda: Period(kind=PeriodKind.CUSTOM, start=dt.date(2022, 1, 1), end="2022-01-02"),
            r"^'end' must be a date",
        ),
        (lambda: Period.between(dt.date(2022, 1, 1), "2022-01-02"), r"^'end' must be a date"),
        (lambda: Period.between("2022-01-01", dt.date(2022, 1, 2)), r"^'start' must be a date"),
        (lambda: Period.year_to_date("2022-07-12"), r"^'day' must be a date"),
        (lambda: Period.of("2022-07-12"), r"^'day' must be a date"),
        (
            lambda: Period(kind=PeriodKind.CUSTOM, start=dt.date(2022, 1, 2), end=dt.date(2022, 1, 1)),
            r"^'start' must not be after 'end' \(got start=2022-01-02, end=2022-01-01\)$",
        ),
        (
            lambda: Period.between(dt.date(999, 12, 1), dt.date(1000, 1, 5)),
            r"^'start' must be in the years 1000 to 9998 \(got 0999-12-01\)$",
        ),
        (
            lambda: Period.between(dt.date(9998, 12, 1), dt.date(9999, 1, 5)),
            r"^'end' must be in the years 1000 to 9998 \(got 9999-01-05\)$",
        ),
        (
            lambda: Period(
                kind=PeriodKind.MONTH, year=2022, index=13, start=dt.date(2022, 1, 1), end=dt.date(2022, 1, 31)
            ),
            r"^'month' must be between 1 and 12 \(got 13\)$",
        ),
        (
            lambda: Period(
                kind=PeriodKind.QUARTER, year=2022, index=2, start=dt.date(2022, 1, 1), end=dt.date(2022, 3, 31)
            ),
            r"^the dates of quarter 2/2022 on the civil calendar are 2022-04-01 to 2022-06-30 \(got start=2022-01-01",
        ),
        (
            lambda: Period(kind=PeriodKind.YEAR, year=2022, start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 30)),
            r"^the dates of year /2022 on the civil calendar are 2022-01-01 to 2022-12-31",
        ),
    ],
)
def test_period_errors_name_the_field_and_value(build: object, message: str) -> None:
    with pytest.raises(AnninhError, match=message):
        build()  # type: ignore[operator]


def test_a_custom_span_keeps_its_calendar() -> None:
    p = Period.between(dt.date(2022, 1, 3), dt.date(2022, 1, 20), calendar=R)
    assert p.calendar is R and p.id == "R2022-01-03/2022-01-20"


def test_year_to_date_on_the_reporting_calendar() -> None:
    p = Period.year_to_date(dt.date(2022, 7, 12), calendar=R)
    assert (p.calendar, p.start, p.end) == (R, dt.date(2021, 12, 15), dt.date(2022, 7, 12))
    assert Period.year_to_date(dt.date(2022, 12, 14), calendar=R).id == "R2022"


def test_parse_names_what_it_got() -> None:
    with pytest.raises(ValidationTypeError, match=r"^'id' must be a str \(got 2022 of type int\)$"):
        Period.parse(2022)  # type: ignore[arg-type]


def test_the_next_and_previous_custom_span_keep_the_calendar() -> None:
    p = Period.between(dt.date(2022, 1, 3), dt.date(2022, 1, 20), calendar=R)
    assert p.next().calendar is R and p.previous().calendar is R
    assert (p.next().start, p.next().end) == (dt.date(2022, 1, 21), dt.date(2022, 2, 7))
    assert (p.previous().start, p.previous().end) == (dt.date(2021, 12, 16), dt.date(2022, 1, 2))


def test_bad_ids_and_items_are_named() -> None:
    with pytest.raises(PeriodError) as info:
        Period.parse("2022H1")
    assert str(info.value) == (
        "'id' must be a period id such as '202207', '2022Q1', '2022S1', '2022N9', '2022', "
        "'2022-01-01/2022-07-12', optionally prefixed by 'R' (got '2022H1')"
    )
    with pytest.raises(ValidationTypeError, match=r"^'item' must be a date or a Period \(got '2022' of type str\)$"):
        "2022" in Period.year(2022)  # noqa: B015


def test_of_finds_the_nine_months_of_the_reporting_calendar() -> None:
    assert Period.of(dt.date(2022, 3, 1), PeriodKind.NINE_MONTHS, calendar=R).id == "R2022N9"
    assert Period.of(dt.date(2021, 12, 20), PeriodKind.NINE_MONTHS, calendar=R).id == "R2022N9"
