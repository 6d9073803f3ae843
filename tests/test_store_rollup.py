"""Roll-ups in the store equal :class:`Rollup` on the same figures, on DuckDB and on PostgreSQL."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anninh_toandan import FigureSet, Period, Quantity
from anninh_toandan.aggregate import Aggregate, Basis, Rollup
from anninh_toandan.errors import AnninhError
from anninh_toandan.figures import Figure
from anninh_toandan.indicator import SECURITY_MODELS_ACTIVE, TIPS_RECEIVED, Indicator
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.store import FigureStore
from tests.store_support import (
    BACKENDS,
    HIERARCHY,
    PATROLS,
    ROLLUP_INDICATORS,
    ROLLUP_PERIODS,
    TARGETS,
    fresh_store,
    rollup_figure_sets,
)


def _outcome(
    run: object, indicators: list[Indicator], units: list[str], periods: list[Period]
) -> tuple[Aggregate, ...] | str:
    try:
        return run(indicators, units, periods)  # type: ignore[operator, no-any-return]
    except AnninhError as exc:
        return f"{type(exc).__name__}: {exc}"


def _check_same(store: FigureStore, fs: FigureSet, hierarchy: Hierarchy | None) -> None:
    engine = Rollup(fs, hierarchy)
    indicators = list(ROLLUP_INDICATORS)

    def in_store(i: list[Indicator], u: list[str], p: list[Period]) -> tuple[Aggregate, ...]:
        return store.table(i, u, p, hierarchy=hierarchy)

    # One target at a time, all periods at once; period by period when a target did not exist in one of
    # them (then the whole table is refused, by both).
    for unit in (*TARGETS, "zz") if hierarchy is not None else ("w1", "c5", "zz"):
        want = _outcome(engine.table, indicators, [unit], list(ROLLUP_PERIODS))
        if isinstance(want, str):
            for period in ROLLUP_PERIODS:
                assert _outcome(in_store, indicators, [unit], [period]) == _outcome(
                    engine.table, indicators, [unit], [period]
                ), (unit, period.id)
        else:
            assert _outcome(in_store, indicators, [unit], list(ROLLUP_PERIODS)) == want, unit
    # And the bulk path: several units and periods at once.
    units = ["P", "D2", "c5"] if hierarchy is not None else ["w1", "c4", "zz"]
    periods = [p for p in ROLLUP_PERIODS if p.kind.value != "custom"]
    assert _outcome(in_store, indicators, units, periods) == _outcome(engine.table, indicators, units, periods)


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_store_rolls_up_exactly_as_rollup_does(backend: str) -> None:
    @settings(
        max_examples=25 if backend == "duckdb" else 20,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(fs=rollup_figure_sets(), with_hierarchy=st.booleans())
    def check(fs: FigureSet, with_hierarchy: bool) -> None:
        with tempfile.TemporaryDirectory() as tmp, fresh_store(backend, Path(tmp)) as store:
            store.define(PATROLS)
            if len(fs):
                store.add(fs, source="generated")
            assert store.figures() == fs
            _check_same(store, fs, HIERARCHY if with_hierarchy else None)

    check()


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_complete_year_is_summed_in_the_database_and_reads_the_same(backend: str, tmp_path: Path) -> None:
    figures = [
        Figure.reported(TIPS_RECEIVED, unit, Period.month(2022, m), Quantity.exact(m, "tin"))
        for unit in ("w1", "w2", "c4")
        for m in range(1, 13)
    ] + [
        Figure.reported(SECURITY_MODELS_ACTIVE, unit, Period.month(2022, m), Quantity.exact(10 + m, "mô hình"))
        for unit in ("w1", "w2")
        for m in range(1, 13)
    ]
    fs = FigureSet(figures)
    with fresh_store(backend, tmp_path) as store:
        store.add(fs, source="year")
        year = store.rollup(TIPS_RECEIVED, unit="P", period=Period.year(2022), hierarchy=HIERARCHY)
        assert year.value == Quantity.exact(3 * 78, "tin")
        assert year == Rollup(fs, HIERARCHY).aggregate(TIPS_RECEIVED, unit="P", period=Period.year(2022))
        stock = store.rollup(SECURITY_MODELS_ACTIVE, unit="D1", period=Period.half_year(2022, 1), hierarchy=HIERARCHY)
        assert stock.value == Quantity.exact(2 * 16, "mô hình")
        assert stock.completeness.missing_units == ("w3",)  # opened in May: expected at the half's end
        assert stock == Rollup(fs, HIERARCHY).aggregate(
            SECURITY_MODELS_ACTIVE, unit="D1", period=Period.half_year(2022, 1)
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_compare_gives_the_same_comparison_as_rollup(backend: str, tmp_path: Path) -> None:
    fs = FigureSet(
        Figure.reported(TIPS_RECEIVED, "w1", Period.month(y, m), Quantity.exact(n, "tin"))
        for y, n in ((2021, 4), (2022, 5))
        for m in range(1, 13)
    )
    with fresh_store(backend, tmp_path) as store:
        store.add(fs, source="two years")
        got = store.compare(TIPS_RECEIVED, unit="D1", period=Period.year(2022), hierarchy=HIERARCHY)
        want = Rollup(fs, HIERARCHY).compare(TIPS_RECEIVED, unit="D1", period=Period.year(2022))
        assert got == want
        assert (got.current.value, got.base.value) == (Quantity.exact(60, "tin"), Quantity.exact(48, "tin"))
        prev = store.compare(TIPS_RECEIVED, unit="w1", period=Period.year(2022), basis=Basis.PREVIOUS_PERIOD)
        assert prev.base.period == Period.year(2021)
        given_base = store.compare(TIPS_RECEIVED, unit="w1", period=Period.year(2022), basis=Period.month(2021, 1))
        assert given_base.base.value == Quantity.exact(4, "tin")
        with pytest.raises(TypeError, match="'basis'"):
            store.compare(TIPS_RECEIVED, unit="w1", period=Period.year(2022), basis="last year")  # type: ignore[arg-type]
