"""Roll-ups, comparisons, shares, targets and restructure mapping (anninh_toandan.aggregate)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import Figure, FigureSet, Hierarchy, Indicator, Level, OrgUnit, Period, Quantity, UnitKind
from anninh_toandan.aggregate import (
    CASES_PER_VALUABLE_TIP,
    STANDARD_RATIOS,
    VALUABLE_TIP_RATE,
    Aggregate,
    AggregationError,
    Basis,
    Comparability,
    Comparison,
    Completeness,
    Rollup,
    Share,
    Target,
    map_to_successors,
    rollup,
)
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import FigureStatus
from anninh_toandan.indicator import (
    GIFTS,
    ONLINE_POSTS,
    PRINTED_COPIES,
    SECURITY_MODELS_ACTIVE,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    IndicatorError,
    TimeAggregation,
    UnitAggregation,
)
from anninh_toandan.orgunit import Restructure, RestructureKind
from anninh_toandan.period import Calendar
from tests.strategies import bounded_quantities, month_grids

Y22 = Period.year(2022)
MONTHS = Y22.months()
JULY = dt.date(2022, 7, 1)


def _unit(code: str, level: Level, parent: str | None = None, **kw: object) -> OrgUnit:
    kind = {Level.NATION: UnitKind.COUNTRY, Level.PROVINCE: UnitKind.PROVINCE, Level.DISTRICT: UnitKind.DISTRICT}
    return OrgUnit(code=code, name=code, level=level, kind=kind.get(level, UnitKind.COMMUNE), parent=parent, **kw)


def small_country() -> Hierarchy:
    """N > P1 (a, b), P2 (c closes 1/7/2022 into d; s splits 1/1/2023 into s1, s2)."""
    units = [
        _unit("N", Level.NATION),
        _unit("P1", Level.PROVINCE, "N"),
        _unit("P2", Level.PROVINCE, "N"),
        _unit("a", Level.COMMUNE, "P1"),
        _unit("b", Level.COMMUNE, "P1"),
        _unit("c", Level.COMMUNE, "P2", closed_on=JULY),
        _unit("d", Level.COMMUNE, "P2", opened_on=JULY),
        _unit("s", Level.COMMUNE, "P2", closed_on=dt.date(2023, 1, 1)),
        _unit("s1", Level.COMMUNE, "P2", opened_on=dt.date(2023, 1, 1)),
        _unit("s2", Level.COMMUNE, "P2", opened_on=dt.date(2023, 1, 1)),
    ]
    restructures = [
        Restructure(kind=RestructureKind.RENAME, on=JULY, sources=["c"], targets=["d"]),
        Restructure(kind=RestructureKind.SPLIT, on=dt.date(2023, 1, 1), sources=["s"], targets=["s1", "s2"]),
    ]
    return Hierarchy(units, restructures)


def tips(unit: str, period: Period, n: int) -> Figure:
    return Figure.reported(TIPS_RECEIVED, unit, period, Quantity.exact(n, "tin"))


def models(unit: str, period: Period, n: int) -> Figure:
    return Figure.reported(SECURITY_MODELS_ACTIVE, unit, period, Quantity.exact(n, "mô hình"))


# -- properties --------------------------------------------------------------------------------


@given(month_grids())
def test_a_flow_rollup_is_the_sum_of_its_parts_and_counts_exactly(grid: dict[tuple[str, int], int | None]) -> None:
    units = sorted({u for u, _ in grid})
    h = Hierarchy([_unit("P", Level.PROVINCE), *(_unit(u, Level.COMMUNE, "P") for u in units)])
    fs = FigureSet(tips(u, MONTHS[m - 1], n) for (u, m), n in grid.items() if n is not None)
    agg = rollup(fs, TIPS_RECEIVED, unit="P", period=Y22, hierarchy=h)
    reported = {k: n for k, n in grid.items() if n is not None}
    c = agg.completeness
    assert c.expected == 12 * len(units)
    assert c.reported == len(reported)
    assert c.units == len(units) and c.units_reporting == len({u for u, _ in reported})
    expected_missing = {(u, MONTHS[m - 1]) for u in units for m in range(1, 13) if (u, m) not in reported}
    assert set(c.missing) == expected_missing and len(c.missing) == len(expected_missing)
    assert c.is_complete is (not expected_missing)
    if reported:
        assert agg.value == Quantity.exact(sum(reported.values()), "tin")
    else:
        assert agg.value is None and agg.total is None


@given(month_grids())
def test_a_stock_rollup_is_the_last_value(grid: dict[tuple[str, int], int | None]) -> None:
    units = sorted({u for u, _ in grid})
    h = Hierarchy([_unit("P", Level.PROVINCE), *(_unit(u, Level.COMMUNE, "P") for u in units)])
    fs = FigureSet(models(u, MONTHS[m - 1], n) for (u, m), n in grid.items() if n is not None)
    for period in (Y22, Period.quarter(2022, 2), Period.half_year(2022, 1), Period.nine_months(2022)):
        last = period.months()[-1].index
        agg = rollup(fs, SECURITY_MODELS_ACTIVE, unit="P", period=period, hierarchy=h)
        closing = {u: grid.get((u, last)) for u in units}
        known = [n for n in closing.values() if n is not None]
        assert agg.completeness.expected == len(units) and agg.completeness.reported == len(known)
        assert set(agg.completeness.missing) == {(u, period) for u, n in closing.items() if n is None}
        assert agg.value == (Quantity.exact(sum(known), "mô hình") if known else None)


@given(st.lists(bounded_quantities(unit="bản"), min_size=12, max_size=12))
def test_months_to_quarters_to_year_equals_months_to_year(values: list[Quantity]) -> None:
    fs = FigureSet(Figure.reported(PRINTED_COPIES, "1", m, q) for m, q in zip(MONTHS, values, strict=True))
    direct = rollup(fs, PRINTED_COPIES, unit="1", period=Y22)
    quarters = FigureSet(
        rollup(fs, PRINTED_COPIES, unit="1", period=Period.quarter(2022, i)).to_figure() for i in range(1, 5)
    )
    via = rollup(quarters, PRINTED_COPIES, unit="1", period=Y22)
    assert direct.value is not None and via.value is not None
    assert (direct.value.low, direct.value.high) == (via.value.low, via.value.high)
    assert direct.value.value == via.value.value or not direct.value.is_exact
    assert direct.completeness.expected == via.completeness.expected == 12
    # The interval contains every sum of true values the months allow.
    lows = sum(q.low or 0 for q in values)
    assert direct.value.low in (None, lows) or direct.value.low == 0


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), min_size=1, max_size=6))
def test_shares_of_aggregates_are_aggregate_numerators_over_denominators(pairs: list[tuple[int, int]]) -> None:
    units = [f"u{i}" for i in range(len(pairs))]
    h = Hierarchy([_unit("P", Level.PROVINCE), *(_unit(u, Level.COMMUNE, "P") for u in units)])
    figs = []
    for u, (valuable, extra) in zip(units, pairs, strict=True):
        figs.append(tips(u, Y22, valuable + extra))
        figs.append(Figure.reported(TIPS_VALUABLE, u, Y22, Quantity.exact(valuable, "tin")))
    r = Rollup(FigureSet(figs), h)
    v = r.ratio(VALUABLE_TIP_RATE, unit="P", period=Y22)
    num, den = sum(p[0] for p in pairs), sum(sum(p) for p in pairs)
    assert v.share == Share(numerator=Quantity.exact(num, "tin"), denominator=Quantity.exact(den, "tin"))
    assert v.share.fraction == (Fraction(num, den) if den else None)
    assert v.share.percent == (Decimal(num) * 100 / Decimal(den) if den else None)
    assert v.is_complete


_CHOICES = (
    "absent",
    "not_reported",
    "mentioned",
    "exact",
    "exact",
    "exact",
    "more_than",
    "nearly",
    "about",
    "order_of",
)
_DATES = (None, None, None, dt.date(2021, 6, 1), JULY, dt.date(2023, 1, 1))


def _month_figure(ind: Indicator, unit: str, period: Period, how: str, n: int, noun: str) -> Figure | None:
    if how == "absent":
        return None
    if how == "not_reported":
        return Figure.not_reported(ind, unit, period)
    if how == "mentioned":
        return Figure.mentioned(ind, unit, period)
    if how == "order_of":
        return Figure.reported(ind, unit, period, Quantity.order_of(10 ** (1 + n % 2), noun))
    make = {
        "exact": Quantity.exact,
        "more_than": Quantity.more_than,
        "nearly": Quantity.nearly,
        "about": Quantity.about,
    }
    return Figure.reported(ind, unit, period, make[how](n + 1 if how == "nearly" else n, noun))


@st.composite
def countries(draw: st.DrawFn) -> tuple[Hierarchy, FigureSet]:
    """N > P1 (communes), P2 (district D with communes, and a commune e); random dates, grains and qualifiers."""
    units = [_unit("N", Level.NATION), _unit("P1", Level.PROVINCE, "N"), _unit("P2", Level.PROVINCE, "N")]
    units.append(_unit("D", Level.DISTRICT, "P2"))
    sources = ["a1"]
    units.append(_unit("a1", Level.COMMUNE, "P1"))
    for code, parent in (
        [(f"a{i}", "P1") for i in range(2, draw(st.integers(2, 5)))]
        + [(f"d{i}", "D") for i in range(draw(st.integers(1, 4)))]
        + [("e", "P2")] * draw(st.integers(0, 1))
    ):
        opened = draw(st.sampled_from(_DATES))
        closed = draw(st.sampled_from(_DATES))
        if opened is not None and closed is not None and closed <= opened:
            closed = None
        units.append(_unit(code, Level.COMMUNE, parent, opened_on=opened, closed_on=closed))
        sources.append(code)
    figs: list[Figure] = []
    for ind, noun in ((ONLINE_POSTS, "bài"), (ONLINE_POSTS, "bài viết"), (SECURITY_MODELS_ACTIVE, "mô hình")):
        for u in sources:
            for m in MONTHS:
                how = draw(st.sampled_from(_CHOICES))
                f = _month_figure(ind, u, m, how, draw(st.integers(0, 30)), noun)
                if f is not None:
                    figs.append(f)
            if draw(st.integers(0, 9)) == 0:  # now and then a source reports a coarser period, or a reporting month
                p = draw(
                    st.sampled_from([Period.quarter(2022, 2), Y22, Period.month(2022, 3, calendar=Calendar.REPORTING)])
                )
                how = draw(st.sampled_from(_CHOICES))
                f = _month_figure(ind, u, p, how, draw(st.integers(0, 30)), noun)
                if f is not None:
                    figs.append(f)
    by_key = {f.key: f for f in figs}
    return Hierarchy(units), FigureSet(by_key.values())


@given(countries(), st.booleans(), st.sampled_from([None, dt.date(2022, 8, 1), "district"]))
def test_the_bulk_table_equals_the_aggregates_one_by_one(
    country: tuple[Hierarchy, FigureSet], odd_periods: bool, mode: dt.date | str | None
) -> None:
    h, fs = country
    kw: dict[str, object] = {"source_level": Level.DISTRICT} if mode == "district" else {"on": mode}
    periods = [*MONTHS, *(Period.quarter(2022, q) for q in range(1, 5)), Period.half_year(2022, 1)]
    periods += [Period.half_year(2022, 2), Period.nine_months(2022), Y22]
    periods.append(Period.between(dt.date(2022, 2, 1), dt.date(2022, 5, 31)))
    if odd_periods:  # not whole months, and another calendar
        periods += [
            Period.between(dt.date(2022, 2, 3), dt.date(2022, 5, 31)),
            Period.year(2022, calendar=Calendar.REPORTING),
        ]
    targets = ["P1", "P2", "N", "D", "a1"]
    indicators = [ONLINE_POSTS, SECURITY_MODELS_ACTIVE]
    table = Rollup(fs, h, **kw).table(indicators, targets, periods)  # type: ignore[arg-type]
    one = [Rollup(fs, h, **kw).aggregate(i, unit=u, period=p) for i in indicators for u in targets for p in periods]  # type: ignore[arg-type]
    assert table == tuple(one)


# -- roll-ups --------------------------------------------------------------------------------------


def test_approximate_values_propagate_and_unit_nouns_follow_the_indicator() -> None:
    q1, q2 = Period.quarter(2022, 1), Period.quarter(2022, 2)
    fs = FigureSet(
        [
            Figure.reported(ONLINE_POSTS, "1", q1, Quantity.order_of(100, "bài viết")),
            Figure.reported(ONLINE_POSTS, "1", q2, Quantity.exact(5, "bài")),
            Figure.reported(ONLINE_POSTS, "2", q1, Quantity.about(30, "bài viết")),
        ]
    )
    h1 = Period.half_year(2022, 1)
    assert rollup(fs, "online_posts", unit="1", period=h1).value == Quantity(
        value=105, unit="bài", qualifier=Quantity.order_of(100, "bài").qualifier.MORE_THAN, high=1004
    )
    assert rollup(fs, ONLINE_POSTS, unit="2", period=q1).value == Quantity.about(30, "bài")


def test_mixed_grains_and_mentions() -> None:
    h1, h2 = Period.half_year(2022, 1), Period.half_year(2022, 2)
    fs = FigureSet(
        [
            tips("1", h1, 60),  # a half-year figure covers six months
            *(tips("1", m, 1) for m in h2.months()[:5]),
            Figure.mentioned(TIPS_RECEIVED, "1", Period.month(2022, 12), note="nhiều tin"),
            Figure.not_reported(TIPS_RECEIVED, "2", Y22),
            Figure.mentioned(TIPS_RECEIVED, "3", Y22),
        ]
    )
    r = Rollup(fs)
    a = r.aggregate(TIPS_RECEIVED, unit="1", period=Y22)
    assert a.value == Quantity.exact(65, "tin")
    assert (a.completeness.expected, a.completeness.reported) == (12, 11)
    assert a.completeness.missing == (("1", Period.month(2022, 12)),)
    assert a.completeness.mentioned == (("1", Period.month(2022, 12)),)
    assert a.completeness.missing_units == ("1",) and a.completeness.missing_periods == (Period.month(2022, 12),)
    assert a.total == Quantity.more_than(65, "tin")
    fig = a.to_figure()
    assert fig.value == Quantity.more_than(65, "tin") and fig.note == "11 of 12 cells reported"
    none = r.aggregate(TIPS_RECEIVED, unit="2", period=Y22)
    assert none.value is None and none.to_figure().status is FigureStatus.NOT_REPORTED
    assert none.completeness.units_reporting == 0 and len(none.completeness.missing) == 12
    assert r.aggregate(TIPS_RECEIVED, unit="3", period=Y22).completeness.mentioned == (("3", Y22),)
    complete = r.aggregate(TIPS_RECEIVED, unit="1", period=h1)
    assert complete.is_complete and complete.to_figure().note is None and complete.total == complete.value


def test_stocks_take_the_closing_value_through_finer_periods() -> None:
    fs = FigureSet(
        [
            models("1", Period.quarter(2022, 4), 20),
            Figure.mentioned(SECURITY_MODELS_ACTIVE, "2", Period.month(2022, 12)),
            models("3", Y22, 7),
        ]
    )
    r = Rollup(fs)
    assert r.aggregate(SECURITY_MODELS_ACTIVE, unit="1", period=Y22).value == Quantity.exact(20, "mô hình")
    assert r.aggregate(SECURITY_MODELS_ACTIVE, unit="3", period=Y22).value == Quantity.exact(7, "mô hình")
    two = r.aggregate(SECURITY_MODELS_ACTIVE, unit="2", period=Y22)
    assert two.value is None and two.completeness.mentioned == (("2", Y22),)
    # A stock is not a flow: the year is not the sum of the quarters.
    fs2 = FigureSet(models("1", Period.quarter(2022, q), 10 + q) for q in range(1, 5))
    assert rollup(fs2, SECURITY_MODELS_ACTIVE, unit="1", period=Y22).value == Quantity.exact(14, "mô hình")
    approx = FigureSet([Figure.reported(SECURITY_MODELS_ACTIVE, "1", Y22, Quantity.more_than(5, "mô hình"))])
    assert rollup(approx, SECURITY_MODELS_ACTIVE, unit="1", period=Y22).value == Quantity.more_than(5, "mô hình")


def test_units_count_on_the_period_dates() -> None:
    h = small_country()
    fs = FigureSet(
        [
            *(tips(u, m, 1) for u in ("a", "b", "s") for m in MONTHS),
            *(tips("c", m, 2) for m in MONTHS[:6]),
            *(tips("d", m, 3) for m in MONTHS[6:]),
            *(models(u, Period.month(2022, 12), 5) for u in ("a", "b", "d", "s")),
        ]
    )
    r = Rollup(fs, h)
    nation = r.aggregate(TIPS_RECEIVED, unit="N", period=Y22)
    # c counts only for January-June, d only for July-December.
    assert nation.value == Quantity.exact(36 + 12 + 18, "tin") and nation.is_complete
    assert nation.completeness.expected == 48 and nation.completeness.units == 5
    assert r.aggregate(SECURITY_MODELS_ACTIVE, unit="N", period=Y22).completeness.units == 4
    assert r.aggregate(TIPS_RECEIVED, unit="P2", period=Period.quarter(2022, 1)).value == Quantity.exact(9, "tin")
    by_province = r.table([TIPS_RECEIVED, "security_models_active"], ["P1", "P2", "N"], [Y22, *MONTHS[:2]])
    assert len(by_province) == 18
    assert by_province[6] == r.aggregate(TIPS_RECEIVED, unit="N", period=Y22)
    assert by_province[9 + 6].value == Quantity.exact(20, "mô hình")
    with pytest.raises(AggregationError, match="'unit' must exist during 2023"):
        r.aggregate(TIPS_RECEIVED, unit="c", period=Period.year(2023))
    with pytest.raises(AggregationError, match="'unit' must exist during"):
        r.table([TIPS_RECEIVED], ["c"], [Period.year(2023)])
    # Districts as sources: a source level stops the descent.
    by_level = Rollup(fs, h, source_level=Level.PROVINCE)
    assert by_level.aggregate(TIPS_RECEIVED, unit="N", period=Y22).completeness.missing_units == ("P1", "P2")


def test_rollup_on_a_single_day_and_source_units_without_a_hierarchy_entry() -> None:
    h = small_country()
    fs = FigureSet([tips("d", Period.month(2022, 1), 4), tips("zz", Y22, 1)])
    on = Rollup(fs, h, on=dt.date(2022, 8, 1))
    a = on.aggregate(TIPS_RECEIVED, unit="d", period=Period.quarter(2022, 1))
    assert a.value == Quantity.exact(4, "tin") and a.completeness.expected == 3
    with pytest.raises(AggregationError, match="on 2022-08-01"):
        on.aggregate(TIPS_RECEIVED, unit="c", period=Y22)
    assert on.aggregate(TIPS_RECEIVED, unit="zz", period=Y22).value == Quantity.exact(1, "tin")


def test_periods_that_are_not_whole_months_and_reporting_periods() -> None:
    span = Period.between(dt.date(2022, 1, 10), dt.date(2022, 2, 20))
    fs = FigureSet([tips("1", span, 3)])
    assert rollup(fs, TIPS_RECEIVED, unit="1", period=span).completeness.expected == 1
    other = Period.between(dt.date(2022, 1, 11), dt.date(2022, 2, 20))
    assert rollup(fs, TIPS_RECEIVED, unit="1", period=other).completeness.missing == (("1", other),)
    r_months = [Period.month(2022, m, calendar=Calendar.REPORTING) for m in range(1, 7)]
    rfs = FigureSet(tips("1", m, 1) for m in r_months)
    rh1 = Period.half_year(2022, 1, calendar=Calendar.REPORTING)
    assert rollup(rfs, TIPS_RECEIVED, unit="1", period=rh1).value == Quantity.exact(6, "tin")


def test_indicators_that_cannot_be_summed_over_units() -> None:
    rate = Indicator(
        code="coverage_rate", name_vi="Tỷ lệ", name_en="Rate", unit="%", unit_aggregation=UnitAggregation.NONE
    )
    h = small_country()
    fs = FigureSet([Figure.reported(rate, "a", Y22, Quantity.exact(80, "%"))])
    with pytest.raises(AggregationError, match="cannot be summed over units"):
        rollup(fs, rate, unit="P1", period=Y22, hierarchy=h)
    assert rollup(fs, "coverage_rate", unit="a", period=Y22, hierarchy=h).value == Quantity.exact(80, "%")
    last = Indicator(code="x", name_vi="x", name_en="x", unit="x", time_aggregation=TimeAggregation.LAST)
    assert rollup(FigureSet(), last, unit="a", period=Y22).value is None


def test_bad_arguments() -> None:
    fs = FigureSet()
    with pytest.raises(ValidationTypeError, match="'figures' must be a FigureSet"):
        Rollup([])  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'hierarchy' must be a Hierarchy"):
        Rollup(fs, "h")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'source_level' must be a Level"):
        Rollup(fs, source_level="commune")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'indicator' must be an Indicator or a code"):
        Rollup(fs).aggregate(3, unit="1", period=Y22)  # type: ignore[arg-type]
    with pytest.raises(IndicatorError, match="'indicator' must be a known indicator code"):
        Rollup(fs).aggregate("nope", unit="1", period=Y22)
    with pytest.raises(ValidationTypeError, match="'period' must be a Period"):
        Rollup(fs).aggregate(TIPS_RECEIVED, unit="1", period="2022")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'basis' must be a Basis or a Period"):
        Rollup(fs).compare(TIPS_RECEIVED, unit="1", period=Y22, basis="last year")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'ratio' must be a Ratio"):
        Rollup(fs).ratio("valuable_tip_rate", unit="1", period=Y22)  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'target' must be a Target"):
        Rollup(fs).achievement("plan")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'period' must be a Period"):
        Rollup(fs).cumulative(TIPS_RECEIVED, unit="1", start=dt.date(2022, 1, 1), period="2022")  # type: ignore[arg-type]
    with pytest.raises(AggregationError, match="'start' must not be after the end"):
        Rollup(fs).cumulative(TIPS_RECEIVED, unit="1", start=dt.date(2023, 1, 1), period=Y22)
    assert Rollup(fs).figures is fs


# -- comparisons, shares, targets, cumulative ------------------------------------------------


def test_comparisons() -> None:
    y21, y23 = Period.year(2021), Period.year(2023)
    fs = FigureSet(
        [
            tips("1", y21, 40),
            tips("1", Y22, 44),
            tips("2", y21, 0),
            tips("2", Y22, 5),
            Figure.reported(TIPS_RECEIVED, "3", y21, Quantity.more_than(10, "tin")),
            Figure.reported(TIPS_RECEIVED, "3", Y22, Quantity.nearly(30, "tin")),
            tips("4", y23, 3),
            *(tips("5", m, 1) for m in MONTHS[:3]),
            tips("5", y21, 2),
        ]
    )
    r = Rollup(fs)
    ok = r.compare(TIPS_RECEIVED, unit="1", period=Y22)
    assert ok.status is Comparability.COMPARABLE and ok.is_comparable
    assert (ok.change, ok.percent_change, ok.basis) == (4, Decimal(10), Basis.SAME_PERIOD_LAST_YEAR)
    assert ok.ratio is not None and ok.ratio.percent == Decimal(110)
    zero = r.compare(TIPS_RECEIVED, unit="2", period=Y22)
    assert zero.status is Comparability.BASE_ZERO and zero.change == 5 and zero.ratio is None
    assert zero.percent_change is None
    approx = r.compare(TIPS_RECEIVED, unit="3", period=Y22)
    assert approx.status is Comparability.COMPARABLE and approx.change is None
    assert (approx.change_low, approx.change_high) == (None, 20) and approx.percent_change is None
    assert r.compare(TIPS_RECEIVED, unit="4", period=y23).status is Comparability.BASE_MISSING
    missing_now = r.compare(TIPS_RECEIVED, unit="1", period=y21, basis=Basis.PREVIOUS_PERIOD)
    assert missing_now.status is Comparability.BASE_MISSING and missing_now.change is None
    current_missing = r.compare(TIPS_RECEIVED, unit="4", period=y23, basis=Y22)
    assert current_missing.status is Comparability.BASE_MISSING and current_missing.basis is None
    back = r.compare(TIPS_RECEIVED, unit="1", period=y21, basis=Y22)
    assert back.status is Comparability.COMPARABLE and back.change == -4
    gone = r.compare(TIPS_RECEIVED, unit="4", period=Y22, basis=y23)
    assert gone.status is Comparability.CURRENT_MISSING and gone.ratio is None
    partial = r.compare(TIPS_RECEIVED, unit="5", period=Y22)
    assert partial.status is Comparability.INCOMPLETE and partial.change == 1 and partial.percent_change is None
    assert partial.ratio == Share(numerator=Quantity.exact(3, "tin"), denominator=Quantity.exact(2, "tin"))
    assert isinstance(ok, Comparison)


def test_share_bounds() -> None:
    t = "tin"
    exact = Share(numerator=Quantity.exact(1, t), denominator=Quantity.exact(0, t))
    assert exact.percent is None and exact.fraction is None and exact.estimate is None
    assert exact.percent_low is None and exact.percent_high is None
    about = Share(numerator=Quantity.about(50, t), denominator=Quantity.about(200, t))
    assert about.percent is None and about.estimate == Decimal(25)
    assert (about.percent_low, about.percent_high) == (Decimal(0), None)
    nearly = Share(numerator=Quantity.nearly(50, t), denominator=Quantity.order_of(100, t))
    assert nearly.percent_low == Decimal(0) and nearly.percent_high == Decimal(50)
    assert not nearly.is_exact


def test_derived_indicators_targets_and_cumulative() -> None:
    from anninh_toandan.datasets import bao_loc_2022_h1

    review = bao_loc_2022_h1()
    r = Rollup(review.figures)
    cases = r.ratio(CASES_PER_VALUABLE_TIP, unit=review.unit, period=review.period)
    assert cases.share is not None and cases.share.fraction == Fraction(44, 100)
    reach = r.ratio(STANDARD_RATIOS[2], unit=review.unit, period=review.period)
    assert (
        reach.share is not None and reach.share.percent is None and reach.share.percent_low == Decimal(13000) * 100 / 72
    )
    assert r.ratio(VALUABLE_TIP_RATE, unit="999", period=review.period).share is None
    plan = Target(indicator=TIPS_RECEIVED, unit=review.unit, period=review.period, value=Quantity.exact(400, "tin"))
    got = r.achievement(plan)
    assert got.share is not None and got.share.percent == Decimal(274) * 100 / 400 and got.is_complete
    none = Rollup(FigureSet()).achievement(plan)
    assert none.share is None and not none.is_complete
    fs = FigureSet(tips("1", m, 10) for m in MONTHS[:7])
    lk = Rollup(fs).cumulative(TIPS_RECEIVED, unit="1", start=dt.date(2022, 1, 1), period=Period.quarter(2022, 3))
    assert lk.period == Period.nine_months(2022) and lk.value == Quantity.exact(70, "tin") and not lk.is_complete
    stock = FigureSet([models("1", Period.month(2022, 3), 9)])
    s = Rollup(stock).cumulative(SECURITY_MODELS_ACTIVE, unit="1", start=dt.date(2021, 1, 1), period=MONTHS[2])
    assert s.value == Quantity.exact(9, "mô hình")


def test_completeness_and_aggregate_values() -> None:
    c = Completeness(expected=0, reported=0, units=0, units_reporting=0)
    assert c.is_complete and c.missing_units == () and c.missing_periods == ()
    a = Aggregate(indicator=GIFTS, unit="1", period=Y22, value=None, completeness=c)
    assert a.total is None and a.to_figure().note == "no cell of 0 reported"


# -- restructures ---------------------------------------------------------------------------


def test_merges_move_wholly_and_say_what_is_missing() -> None:
    h = Hierarchy.bundled()
    wards = [u.code for u in h.children("673", on=JULY)]
    figs = [tips(w, Y22, 10) for w in wards]
    figs += [tips("673", Y22, 110), Figure.mentioned(GIFTS, "24823", Y22), Figure.not_reported(GIFTS, "24814", Y22)]
    figs += [tips("nowhere", Y22, 1), tips("68", Y22, 500)]
    m = map_to_successors(FigureSet(figs), h, on=dt.date(2025, 7, 1))
    got = {f.unit: f.value for f in m.figures.select(indicator=TIPS_RECEIVED)}
    assert got["24823-2025"] == Quantity.exact(30, "tin")
    assert got["24820-2025"] == Quantity.more_than(20, "tin")  # Lộc Tân (Bảo Lâm) did not report
    # Lâm Đồng continues and absorbed Đắk Nông and Bình Thuận: their 2022 numbers are missing.
    assert got["68"] == Quantity.more_than(500, "tin")
    assert {p.figure.unit: p.missing_units for p in m.partial} == {"24820-2025": ("25078",), "68": ("67", "60")}
    reasons = sorted(u.reason for u in m.unmapped)
    assert reasons == [
        "unit '673' (Thành phố Bảo Lộc) has no successor on 2025-07-01",
        "unit 'nowhere' is not in the hierarchy",
    ]
    gifts = m.figures.get(GIFTS, "24823-2025", Y22)
    assert gifts is not None and gifts.status is FigureStatus.MENTIONED and gifts.note == "mapped from 24814, 24823"
    series = Rollup(m.figures, h, on=dt.date(2025, 7, 1)).aggregate(TIPS_RECEIVED, unit="24820-2025", period=Y22)
    assert series.total == Quantity.more_than(20, "tin")
    # Without a restructure a unit keeps its figure as it is.
    kept = map_to_successors(FigureSet([tips("a", Y22, 3)]), small_country(), on=dt.date(2023, 1, 1))
    assert list(kept.figures) == [tips("a", Y22, 3)]


def test_splits_need_weights_and_give_estimates() -> None:
    h = small_country()
    on = dt.date(2023, 1, 1)
    fs = FigureSet([tips("s", Y22, 7), Figure.not_reported(GIFTS, "s", Y22), models("c", Period.month(2022, 6), 4)])
    bare = map_to_successors(fs, h, on=on)
    assert len(bare.unmapped) == 2 and "was split into s1, s2: pass weights" in bare.unmapped[0].reason
    assert bare.figures.get(SECURITY_MODELS_ACTIVE, "d", Period.month(2022, 6)) is not None
    weighted = map_to_successors(fs, h, on=on, weights={"s": {"s1": 3, "s2": 2}})
    parts = {f.unit: f.value for f in weighted.figures.select(indicator=TIPS_RECEIVED)}
    assert parts == {"s1": Quantity.about(4, "tin"), "s2": Quantity.about(3, "tin")}
    assert weighted.figures.get(GIFTS, "s2", Y22).status is FigureStatus.NOT_REPORTED  # type: ignore[union-attr]
    exact = map_to_successors(
        FigureSet([tips("s", Y22, 10)]), h, on=on, weights={"s": {"s1": 3, "s2": 2}}, exact_weights=True
    )
    assert {f.unit: f.value for f in exact.figures} == {"s1": Quantity.exact(6, "tin"), "s2": Quantity.exact(4, "tin")}
    odd = map_to_successors(
        FigureSet([tips("s", Y22, 7)]), h, on=on, weights={"s": {"s1": 1, "s2": 1}}, exact_weights=True
    )
    assert sorted(f.value.value for f in odd.figures) == [3, 4]  # type: ignore[union-attr]
    assert all(not f.value.is_exact for f in odd.figures)  # type: ignore[union-attr]
    with pytest.raises(AggregationError, match="must name exactly the successors of 's'"):
        map_to_successors(fs, h, on=on, weights={"s": {"s1": 1}})
    with pytest.raises(AggregationError, match="must be >= 0"):
        map_to_successors(fs, h, on=on, weights={"s": {"s1": 1, "s2": -1}})
    with pytest.raises(AggregationError, match="must not all be 0"):
        map_to_successors(fs, h, on=on, weights={"s": {"s1": 0, "s2": 0}})
    with pytest.raises(ValidationTypeError, match="'figures' must be a FigureSet"):
        map_to_successors([], h, on=on)  # type: ignore[arg-type]


def test_values_that_cannot_be_summed_are_mapped_one_to_one_only() -> None:
    rate = Indicator(code="rate", name_vi="Tỷ lệ", name_en="Rate", unit="%", unit_aggregation=UnitAggregation.NONE)
    h = Hierarchy.bundled()
    one = FigureSet([Figure.reported(rate, "24823", Y22, Quantity.exact(5, "%"))])
    m = map_to_successors(one, h, on=dt.date(2025, 7, 1))
    assert [f.value for f in m.figures] == [Quantity.exact(5, "%")] and [p.missing_units for p in m.partial] == [
        ("24814", "24835")
    ]
    two = one.with_figures([Figure.reported(rate, "24814", Y22, Quantity.exact(6, "%"))])
    m2 = map_to_successors(two, h, on=dt.date(2025, 7, 1))
    assert len(m2.figures) == 0 and {u.reason for u in m2.unmapped} == {"indicator 'rate' cannot be summed over units"}


def test_an_incomplete_total_without_a_lower_bound_is_not_stated() -> None:
    from anninh_toandan.aggregate import Aggregate, Completeness

    c = Completeness(expected=2, reported=1, units=2, units_reporting=1, missing=[("2", Period.year(2022))])
    for value in (Quantity.about(40, "tin"), Quantity.nearly(40, "tin"), Quantity.exact(0, "tin")):
        agg = Aggregate(indicator=TIPS_RECEIVED, unit="1", period=Period.year(2022), value=value, completeness=c)
        assert agg.total is None
        figure = agg.to_figure()
        assert not figure.is_reported
        assert figure.note == "1 of 2 cells reported, which give no lower bound for the whole"
    agg = Aggregate(
        indicator=TIPS_RECEIVED, unit="1", period=Period.year(2022), value=Quantity.exact(40, "tin"), completeness=c
    )
    assert agg.total == Quantity.more_than(40, "tin")
