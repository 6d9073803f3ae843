"""Helpers for the store's tests: the two databases, a small hierarchy, and strategies of figure sets.

PostgreSQL is the server named by ``ANNINH_TEST_POSTGRES`` (default
``postgresql://127.0.0.1:5432/test``). When it does not answer, its tests skip
and say why, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from hypothesis import strategies as st

from anninh_toandan import Calendar, Figure, FigureSet, Hierarchy, OrgUnit, Period, Quantity
from anninh_toandan.figures import FigureStatus, Reporter
from anninh_toandan.indicator import (
    FUND_CONTRIBUTIONS,
    ONLINE_POSTS,
    SECURITY_MODELS_ACTIVE,
    TIPS_RECEIVED,
    Indicator,
    TimeAggregation,
)
from anninh_toandan.orgunit import Level, UnitKind
from anninh_toandan.store import FigureStore, open_store
from tests.strategies import bounded_quantities, texts

PG_URL = os.environ.get("ANNINH_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")
BACKENDS = ("duckdb", "postgresql")


@cache
def postgres_problem() -> str | None:
    """Why the test server cannot be used, or ``None`` when it answers."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'anninh-toandan[postgres]')"
    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as con:
            con.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"no PostgreSQL server answers at {PG_URL} (set ANNINH_TEST_POSTGRES): {str(exc).strip()}"
    return None


def need_postgres() -> None:
    """Skip the calling test without a server; fail it under CI=true."""
    problem = postgres_problem()
    if problem is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true needs a PostgreSQL server: {problem}")
    pytest.skip(problem)


def drop_schema(schema: str) -> None:
    import psycopg

    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@contextmanager
def fresh_target(backend: str, folder: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A new, empty store's target and the keyword arguments of ``open_store``, removed afterwards.

    On PostgreSQL each store gets a schema of its own, so that tests running at the
    same time (pytest -n, two checkouts) never meet.
    """
    if backend == "duckdb":
        yield str(folder / f"store-{uuid.uuid4().hex[:8]}.duckdb"), {}
        return
    need_postgres()
    schema = f"anninh_test_{uuid.uuid4().hex[:12]}"
    try:
        yield PG_URL, {"schema": schema}
    finally:
        drop_schema(schema)


@contextmanager
def fresh_store(backend: str, folder: Path) -> Iterator[FigureStore]:
    with fresh_target(backend, folder) as (target, kw), open_store(target, **kw) as store:
        yield store


# -- a small hierarchy and figure sets over it ---------------------------------------------

#: A province, two districts (one with a ward that opened in May 2022), and a commune
#: directly under the province.
HIERARCHY = Hierarchy(
    [
        OrgUnit(code="P", name="P", level=Level.PROVINCE, kind=UnitKind.PROVINCE),
        OrgUnit(code="D1", name="D1", level=Level.DISTRICT, kind=UnitKind.CITY, parent="P"),
        OrgUnit(code="D2", name="D2", level=Level.DISTRICT, kind=UnitKind.DISTRICT, parent="P"),
        OrgUnit(code="w1", name="w1", level=Level.COMMUNE, kind=UnitKind.WARD, parent="D1"),
        OrgUnit(code="w2", name="w2", level=Level.COMMUNE, kind=UnitKind.WARD, parent="D1"),
        OrgUnit(
            code="w3", name="w3", level=Level.COMMUNE, kind=UnitKind.WARD, parent="D1", opened_on=dt.date(2022, 5, 1)
        ),
        OrgUnit(code="c4", name="c4", level=Level.COMMUNE, kind=UnitKind.COMMUNE, parent="D2"),
        OrgUnit(code="c5", name="c5", level=Level.COMMUNE, kind=UnitKind.COMMUNE, parent="P"),
    ]
)
SOURCES = ("w1", "w2", "w3", "c4", "c5")
TARGETS = ("P", "D1", "D2", "w1", "w3", "c5")

#: A custom indicator, so that the store's own catalogue is exercised.
PATROLS = Indicator(
    code="patrols", name_vi="Lượt tuần tra", name_en="Patrols", unit="lượt", time_aggregation=TimeAggregation.SUM
)
ROLLUP_INDICATORS = (TIPS_RECEIVED, SECURITY_MODELS_ACTIVE, FUND_CONTRIBUTIONS, ONLINE_POSTS, PATROLS)

#: Periods asked for in the roll-up property: every kind, both calendars, custom spans.
ROLLUP_PERIODS = (
    Period.year(2022),
    Period.half_year(2022, 1),
    Period.quarter(2022, 2),
    Period.month(2022, 5),
    Period.nine_months(2022),
    Period.between(dt.date(2022, 2, 1), dt.date(2022, 4, 30)),
    Period.between(dt.date(2022, 2, 10), dt.date(2022, 3, 5)),
    Period.quarter(2022, 1, calendar=Calendar.REPORTING),
    Period.year(2021),
)

#: Periods a figure may have: mostly months, some coarser, some on the other calendar or a year earlier.
_FIGURE_PERIODS = st.one_of(
    st.builds(Period.month, st.just(2022), st.integers(1, 12)),
    st.builds(Period.month, st.just(2022), st.integers(1, 12)),
    st.builds(Period.month, st.just(2022), st.integers(1, 12)),
    st.builds(Period.quarter, st.just(2022), st.integers(1, 4)),
    st.builds(Period.half_year, st.just(2022), st.integers(1, 2)),
    st.just(Period.year(2022)),
    st.builds(lambda m: Period.month(2022, m, calendar=Calendar.REPORTING), st.integers(1, 4)),
    st.builds(Period.month, st.just(2021), st.integers(1, 12)),
    st.just(Period.between(dt.date(2022, 2, 10), dt.date(2022, 3, 5))),
)


@st.composite
def store_figures(draw: st.DrawFn, indicator: Indicator, unit: str, period: Period) -> Figure:
    """A figure of any status; a reported one mostly exact, sometimes approximate, its noun sometimes varied."""
    status = draw(st.sampled_from([FigureStatus.REPORTED] * 6 + [FigureStatus.MENTIONED, FigureStatus.NOT_REPORTED]))
    value = None
    if status is FigureStatus.REPORTED:
        noun = "đồng" if indicator.is_money else draw(st.sampled_from([indicator.unit, indicator.unit, "bài viết"]))
        if draw(st.integers(0, 3)):
            value = Quantity.exact(draw(st.integers(0, 10**6)), noun)
        else:
            value = draw(bounded_quantities(unit=noun))
    return Figure(
        indicator=indicator,
        unit=unit,
        period=period,
        status=status,
        value=value,
        reported_by=draw(st.none() | st.sampled_from(list(Reporter))),
        note=draw(st.none() | texts.filter(lambda t: "\x00" not in t)),  # no database keeps NUL
    )


@st.composite
def rollup_figure_sets(draw: st.DrawFn, max_size: int = 40) -> FigureSet:
    """Figure sets over :data:`HIERARCHY`'s units (and one unknown unit), often with whole years of months."""
    out: dict[tuple[str, str, Period], Figure] = {}
    # Whole years of exact months for some units: what the database sums up.
    for unit in draw(st.lists(st.sampled_from(SOURCES), max_size=3, unique=True)):
        ind = draw(st.sampled_from(ROLLUP_INDICATORS))
        noun = "đồng" if ind.is_money else ind.unit
        for m in range(1, 13):
            f = Figure.reported(ind, unit, Period.month(2022, m), Quantity.exact(draw(st.integers(0, 1000)), noun))
            out[f.key] = f
    keys = st.tuples(st.sampled_from(ROLLUP_INDICATORS), st.sampled_from((*SOURCES, "D1", "zz")), _FIGURE_PERIODS)
    for ind, unit, period in draw(st.lists(keys, max_size=max_size)):
        f = draw(store_figures(ind, unit, period))
        out.setdefault(f.key, f)
    return FigureSet(out.values())
