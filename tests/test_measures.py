"""The measures layer as a user meets it: completeness by unit, restructures, named groups, one validation API."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import attrs
import pytest

from anninh_toandan.aggregate import Comparability, Rollup, map_to_successors
from anninh_toandan.cli import main
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.indicator import SECURITY_MODELS_ACTIVE, TIPS_RECEIVED
from anninh_toandan.io.json import dump
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity
from anninh_toandan.reports._findings import describe_result, describe_results
from anninh_toandan.restructure import Members, UnitGroup
from anninh_toandan.results import AggregationError
from anninh_toandan.rules import (
    COMPARISON_HAS_BASE,
    FIGURES_WITHIN_REVIEW_PERIOD,
    REVIEW_HAS_FIGURES,
    Outcome,
    Rule,
    constant,
    value,
)

H = Hierarchy.bundled()
MERGE = dt.date(2025, 7, 1)
S2_2024 = Period.half_year(2024, 2)
S2_2025 = Period.half_year(2025, 2)
#: Bảo Lộc city's eleven wards and communes before the 2025 merge.
WARDS = [u.code for u in H.children("673", on=dt.date(2024, 12, 31))]
LOC_TIEN, LOC_NGA, LOC_TAN = "24817", "24838", "25078"


def tips(unit: str, period: Period, n: int) -> Figure:
    return Figure.reported(TIPS_RECEIVED, unit, period, Quantity.exact(n, "tin"))


def monthly(units: list[str], year: int, half: int, n: int = 2) -> list[Figure]:
    months = Period.half_year(year, half).months()
    return [tips(u, m, n) for u in units for m in months]


# -- completeness names the units -----------------------------------------------------------


def test_a_city_of_eleven_wards_with_two_silent_names_them() -> None:
    figures = FigureSet(monthly([w for w in WARDS if w not in (LOC_TIEN, LOC_NGA)], 2024, 2))
    a = Rollup(figures, H).aggregate(TIPS_RECEIVED, unit="673", period=S2_2024)
    c = a.completeness
    assert (c.units, c.units_reporting) == (11, 9)
    assert c.expected_units == tuple(WARDS) and len(c.reporting_units) == 9
    assert c.silent_units == (LOC_TIEN, LOC_NGA) and c.missing_units == (LOC_TIEN, LOC_NGA)
    assert a.value == Quantity.exact(9 * 6 * 2, "tin") and not a.is_complete


def test_units_that_missed_some_months_report_but_are_missing() -> None:
    figs = monthly(WARDS, 2024, 2)
    figs = [f for f in figs if not (f.unit == LOC_NGA and f.period == Period.month(2024, 12))]
    c = Rollup(FigureSet(figs), H).aggregate(TIPS_RECEIVED, unit="673", period=S2_2024).completeness
    assert c.silent_units == () and c.missing_units == (LOC_NGA,) and c.units_reporting == 11


@pytest.mark.parametrize("silent", [(), (LOC_TIEN,), (LOC_TIEN, LOC_NGA)])
def test_the_bulk_table_names_the_same_units_as_one_aggregate(silent: tuple[str, ...]) -> None:
    figures = FigureSet(monthly([w for w in WARDS if w not in silent], 2024, 2))
    periods = [S2_2024, Period.quarter(2024, 4), Period.month(2024, 12)]
    table = Rollup(figures, H).table([TIPS_RECEIVED, SECURITY_MODELS_ACTIVE], ["673"], periods)
    for a in table:
        one = Rollup(figures, H).aggregate(a.indicator, unit="673", period=a.period)
        assert a == one
        expected = silent if a.indicator is TIPS_RECEIVED else tuple(WARDS)  # no model figures at all
        assert a.completeness.silent_units == expected


# -- completeness survives restructures ------------------------------------------------------


def _merged_series() -> FigureSet:
    """2024 second-half tips of the eleven wards on the 2025 wards, with 2025 figures of the new wards."""
    old = FigureSet(tips(w, S2_2024, 10) for w in WARDS)
    mapped = map_to_successors(old, H, on=MERGE)
    new = [tips(u, S2_2025, 25) for u in ("24823-2025", "24820-2025", "24841-2025", "24829-2025")]
    return mapped.figures | FigureSet(new)


def test_a_partial_base_after_a_merge_is_incomplete_and_not_comparable() -> None:
    series = _merged_series()
    partial = series.get(TIPS_RECEIVED, "24820-2025", S2_2024)
    assert partial is not None and partial.missing_units == (LOC_TAN,)
    engine = Rollup(series, H, on=MERGE)
    base = engine.aggregate(TIPS_RECEIVED, unit="24820-2025", period=S2_2024)
    assert not base.is_complete
    assert base.completeness.missing_units == (LOC_TAN,) and base.completeness.silent_units == (LOC_TAN,)
    assert base.completeness.expected_units == ("24820-2025", LOC_TAN)
    assert (base.completeness.expected, base.completeness.reported) == (12, 6)
    c = engine.compare(TIPS_RECEIVED, unit="24820-2025", period=S2_2025)
    assert c.status is Comparability.INCOMPLETE and not c.is_comparable and c.percent_change is None
    # Phường 1 took over three whole wards: its base is complete and comparable.
    whole = engine.compare(TIPS_RECEIVED, unit="24823-2025", period=S2_2025)
    assert whole.status is Comparability.COMPARABLE and whole.change == 25 - 30


def test_a_partial_figure_stays_partial_in_the_bulk_path_and_through_a_second_mapping() -> None:
    months = [tips(w, m, 1) for w in WARDS for m in S2_2024.months()]
    mapped = map_to_successors(FigureSet(months), H, on=MERGE).figures
    engine = Rollup(mapped, H, on=MERGE)
    (bulk,) = engine.table([TIPS_RECEIVED], ["24820-2025"], [S2_2024])
    assert bulk == Rollup(mapped, H, on=MERGE).aggregate(TIPS_RECEIVED, unit="24820-2025", period=S2_2024)
    assert bulk.completeness.silent_units == (LOC_TAN,)
    assert len(bulk.completeness.missing) == 6  # Lộc Tân's six months
    again = map_to_successors(mapped, H, on=MERGE)
    assert again.figures.get(TIPS_RECEIVED, "24820-2025", Period.month(2024, 7)).missing_units == (LOC_TAN,)  # type: ignore[union-attr]


def test_a_partial_stock_is_incomplete() -> None:
    stocks = FigureSet(Figure.reported(SECURITY_MODELS_ACTIVE, w, S2_2024, Quantity.exact(2, "mô hình")) for w in WARDS)
    mapped = map_to_successors(stocks, H, on=MERGE).figures
    a = Rollup(mapped, H, on=MERGE).aggregate(SECURITY_MODELS_ACTIVE, unit="24820-2025", period=S2_2024)
    assert a.completeness.missing == ((LOC_TAN, S2_2024),) and a.total == Quantity.more_than(4, "mô hình")


# -- a named grouping of units ------------------------------------------------------------------


def test_the_former_city_rolls_up_and_compares_across_the_merge() -> None:
    group = UnitGroup.former(H, "673", name="thành phố Bảo Lộc cũ")
    assert group.code == "673-former" and group.members_for(S2_2024) == tuple(WARDS)
    figures = FigureSet(
        [tips(w, S2_2024, 10) for w in WARDS]
        + [tips(u, S2_2025, 30) for u in ("24823-2025", "24820-2025", "24841-2025", "24829-2025")]
    )
    engine = Rollup(figures, H)
    before = engine.aggregate(TIPS_RECEIVED, unit=group, period=S2_2024)
    assert before.unit == "673-former" and before.value == Quantity.exact(110, "tin") and before.is_complete
    c = engine.compare(TIPS_RECEIVED, unit=group, period=S2_2025)
    assert c.current.value == Quantity.exact(120, "tin") and c.status is Comparability.COMPARABLE and c.change == 10
    silent = Rollup(figures.select(unit=[w for w in WARDS if w != LOC_NGA] + ["24823-2025"]), H)
    partial = silent.aggregate(TIPS_RECEIVED, unit=group, period=S2_2024)
    assert partial.completeness.silent_units == (LOC_NGA,) and partial.completeness.expected_units == tuple(WARDS)


def test_a_group_by_date_ranges_and_its_errors() -> None:
    group = UnitGroup(
        code="two",
        name="hai phường",
        members=[Members(units=["24823", "24814"], end=MERGE), Members(units=("24823-2025",), start=MERGE)],
    )
    fs = FigureSet([tips("24823", S2_2024, 3), tips("24814", S2_2024, 4), tips("24823-2025", S2_2025, 5)])
    assert Rollup(fs, H).aggregate(TIPS_RECEIVED, unit=group, period=S2_2024).value == Quantity.exact(7, "tin")
    with pytest.raises(AggregationError, match="group 'two' \\(hai phường\\) has no members for the whole of '2025'"):
        Rollup(fs, H).aggregate(TIPS_RECEIVED, unit=group, period=Period.year(2025))
    with pytest.raises(AggregationError, match="must not overlap in time"):
        UnitGroup(code="x", name="x", members=[Members(units=["a"]), Members(units=["b"], start=MERGE)])
    with pytest.raises(AggregationError, match="'end' must be after 'start'"):
        Members(units=["a"], start=MERGE, end=MERGE)
    with pytest.raises(AggregationError, match="'units' must name at least one unit"):
        Members(units=[])
    with pytest.raises(AggregationError, match="'members' must not be empty"):
        UnitGroup(code="x", name="x", members=[])
    with pytest.raises(AggregationError, match="which was never dissolved"):
        UnitGroup.former(H, "68")
    with pytest.raises(AggregationError, match="which is not in the hierarchy"):
        UnitGroup.former(H, "nowhere")


# -- one validation API ------------------------------------------------------------------------


def test_a_custom_rule_is_worded_in_vietnamese() -> None:
    review = bao_loc_2022_h1()
    rule = Rule(
        code="reach_big",
        left=value("outreach_reach"),
        operator=">=",
        right=constant(1000),
        message="reach at least 1000",
        name_vi="số lượt người nghe từ 1.000 trở lên",
        name_en="at least 1,000 people reached",
    )
    (result,) = review.validate([rule], consistency=False)
    assert describe_result(result) == "Đạt: Số lượt người nghe từ 1.000 trở lên (ít nhất 13.000; 1.000)."
    assert describe_result(result, locale="en").startswith("Satisfied: At least 1,000 people reached")


def test_the_ambiguity_comes_first_and_once() -> None:
    lines = describe_results(bao_loc_2022_h1().validate())
    assert lines[0].startswith("Chưa rõ tổng số 19 mô hình là số sau hay trước khi thanh loại 8 mô hình")
    assert sum("Chưa rõ" in line for line in lines) == 1
    assert not any("Hội nghị có số liệu" in line for line in lines)  # consistency lines only when they fail


def test_a_review_whose_period_disagrees_with_its_figures_is_reported() -> None:
    review = bao_loc_2022_h1()
    moved = attrs.evolve(review, period=Period.half_year(2024, 1), held_on=dt.date(2024, 7, 10))
    results = {r.rule.code: r for r in moved.validate()}
    assert results[REVIEW_HAS_FIGURES.code].outcome is Outcome.VIOLATED
    outside = results[FIGURES_WITHIN_REVIEW_PERIOD.code]
    assert outside.outcome is Outcome.VIOLATED and len(outside.figures) == len(review.figures)
    lines = describe_results(moved.validate())
    assert "Sai: Hội nghị có số liệu của kỳ báo cáo (không có số liệu)." in lines
    assert f"Sai: Mọi số liệu thuộc kỳ báo cáo ({len(review.figures)} số liệu ngoài kỳ: 6 tháng đầu năm 2022)." in lines


def test_a_review_with_no_figures_and_no_records_is_reported() -> None:
    empty = attrs.evolve(
        bao_loc_2022_h1(),
        figures=[],
        activities=(),
        security_models=(),
        tips=(),
        funds=(),
        support=(),
        shared_amounts=(),
    )
    (result,) = [r for r in empty.validate() if r.rule is REVIEW_HAS_FIGURES]
    assert result.outcome is Outcome.VIOLATED
    with_records = attrs.evolve(bao_loc_2022_h1(), figures=[])
    assert [r.outcome for r in with_records.validate() if r.rule is REVIEW_HAS_FIGURES] == [Outcome.SATISFIED]


def test_a_comparison_with_no_base_figures_is_reported() -> None:
    review = bao_loc_2022_h1()
    wrong = FigureSet([tips(review.unit, Period.half_year(2020, 1), 5)])
    right = FigureSet([tips(review.unit, Period.half_year(2021, 1), 5)])
    assert [r.outcome for r in review.validate(compare=wrong) if r.rule is COMPARISON_HAS_BASE] == [Outcome.VIOLATED]
    assert [r.outcome for r in review.validate(compare=right) if r.rule is COMPARISON_HAS_BASE] == [Outcome.SATISFIED]
    as_review = attrs.evolve(review, period=Period.half_year(2021, 1), figures=right)
    assert [r.outcome for r in review.validate(compare=as_review) if r.rule is COMPARISON_HAS_BASE] == [
        Outcome.SATISFIED
    ]
    other = review.validate(compare=right, compare_period=Period.half_year(2020, 1))
    assert [r.outcome for r in other if r.rule is COMPARISON_HAS_BASE] == [Outcome.VIOLATED]
    with pytest.raises(Exception, match="'compare' must be a FigureSet, a Review or None"):
        review.validate(compare=[])  # type: ignore[arg-type]


def run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue()


def test_validate_command_fails_on_an_inconsistent_review(tmp_path: Path) -> None:
    review = bao_loc_2022_h1()
    moved = tmp_path / "moved.json"
    dump(attrs.evolve(review, period=Period.half_year(2024, 1), held_on=dt.date(2024, 7, 10)), moved)
    code, out = run("validate", str(moved))
    assert code == 1 and "Sai: Hội nghị có số liệu của kỳ báo cáo (không có số liệu)." in out
    good = tmp_path / "good.json"
    dump(review, good)
    base = tmp_path / "base.json"
    dump(FigureSet([tips(review.unit, Period.half_year(2020, 1), 5)]), base)
    code, out = run("validate", str(good), "--compare", str(base))
    assert code == 1 and "Sai: Có số liệu của kỳ so sánh (không có số liệu)." in out
    code, out = run("validate", str(good), "--compare", str(base), "--locale", "en")
    assert code == 1 and "Violated: The period compared with has figures (no figures)." in out
    assert run("validate", str(good))[0] == 0


def test_readings_only_for_a_stock_identity_short_of_its_opening() -> None:
    from anninh_toandan.indicator import SECURITY_MODELS_DISSOLVED, SECURITY_MODELS_ESTABLISHED
    from anninh_toandan.reports._findings import describe_readings
    from anninh_toandan.rules import MODELS_STOCK_IDENTITY, StockFlow, StockReadings

    h1 = Period.half_year(2022, 1)

    def models(indicator: object, n: int | Quantity, period: Period = h1) -> Figure:
        q = n if isinstance(n, Quantity) else Quantity.exact(n, "mô hình")
        return Figure.reported(indicator, "1", period, q)  # type: ignore[arg-type]

    flows = [models(SECURITY_MODELS_ESTABLISHED, 3), models(SECURITY_MODELS_DISSOLVED, 8)]
    no_closing = FigureSet([*flows, models(SECURITY_MODELS_ACTIVE, 24, h1.previous())])
    result = MODELS_STOCK_IDENTITY.evaluate(no_closing, unit="1", period=h1)
    assert result.outcome is Outcome.NOT_EVALUATED and result.readings is None and not result.is_ambiguous
    rough = FigureSet([*flows, models(SECURITY_MODELS_ACTIVE, Quantity.more_than(19, "mô hình"))])
    readings = MODELS_STOCK_IDENTITY.evaluate(rough, unit="1", period=h1).readings
    assert isinstance(readings, StockReadings) and not readings.is_exact
    assert (readings.opening_if_after, readings.opening_if_before, readings.remaining_if_before) == (None, None, None)
    assert describe_readings(MODELS_STOCK_IDENTITY.evaluate(rough, unit="1", period=h1)) is None
    # a rule that names a stock flow its terms do not read has no readings
    odd = attrs.evolve(
        MODELS_STOCK_IDENTITY, stock_flow=StockFlow(stock="security_models_active", inflow="gifts", outflow="x")
    )
    exact = FigureSet([*flows, models(SECURITY_MODELS_ACTIVE, 19)])
    assert odd.evaluate(exact, unit="1", period=h1).readings is None
    assert MODELS_STOCK_IDENTITY.evaluate(exact, unit="1", period=h1).readings is not None


def test_rule_names_and_their_checks() -> None:
    from anninh_toandan.errors import EmptyValueError, ValidationTypeError

    plain = Rule(code="p", left=value("gifts"), operator=">=", right=constant(0), message="gifts are counted")
    assert plain.name("vi") == plain.name("en") == "gifts are counted"
    english = attrs.evolve(plain, name_en="Gifts are counted")
    assert english.name("vi") == "Gifts are counted"
    with pytest.raises(EmptyValueError, match="'name_vi' must not be empty"):
        attrs.evolve(plain, name_vi=" ")
    with pytest.raises(ValidationTypeError, match="'stock_flow' must be a StockFlow or None"):
        attrs.evolve(plain, stock_flow="gifts")  # type: ignore[arg-type]


def test_figures_outside_the_period_are_listed_in_english() -> None:
    review = bao_loc_2022_h1()
    stray = review.with_figures([tips(review.unit, Period.half_year(2020, 1), 3)])
    lines = describe_results(stray.validate(), locale="en")
    assert "Violated: Every figure belongs to the period reviewed (1 outside it: first half of 2020)." in lines


def test_a_former_unit_needs_units_below_it() -> None:
    from anninh_toandan.orgunit import Level, OrgUnit, UnitKind

    h = Hierarchy(
        [
            OrgUnit(code="P", name="P", level=Level.PROVINCE, kind=UnitKind.PROVINCE),
            OrgUnit(code="c", name="c", level=Level.COMMUNE, kind=UnitKind.COMMUNE, parent="P", closed_on=MERGE),
        ]
    )
    with pytest.raises(AggregationError, match="has no units below it on 2025-06-30"):
        UnitGroup.former(h, "c")


def test_a_partial_figure_keeps_its_missing_units_in_a_json_file(tmp_path: Path) -> None:
    from anninh_toandan.io.json import load

    series = _merged_series()
    path = tmp_path / "series.json"
    dump(series, path)
    again = load(path, FigureSet)
    assert again == series
    partial = again.get(TIPS_RECEIVED, "24820-2025", S2_2024)
    assert partial is not None and partial.missing_units == (LOC_TAN,)
