"""Roll-ups where the data is: the database adds up, :class:`Rollup` finishes (private).

For every indicator, source unit and period asked for, the database checks
whether the unit reported the period completely and plainly: every month of
it, exact numbers, nothing for a coarser period inside it (for a stock: the
closing month, exact, and nothing irregular in the period), and the unit
existed throughout. Then it sends back one figure instead of the months: the
months' sum for a flow, the closing value for a stock. Everything else comes
back as the stored figures themselves. :class:`~anninh_toandan.aggregate.Rollup`
then rolls up this reduced set, which gives exactly the aggregates it gives on
the whole set (a complete, exact period is worth its sum, whether it arrives as
three months or as one quarter), while the bulk of the adding is done in SQL.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any, Protocol

from anninh_toandan.errors import PeriodError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.indicator import Indicator
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period, PeriodKind
from anninh_toandan.quantity import Quantity


class _Rows(Protocol):
    """What the reduction needs of a figure store (``FigureStore`` is one): its SQL for the current
    figures, a way to run it, and to turn a row into a figure. A protocol, so that this module does not
    import the store's (which imports it: no circle)."""

    def _current_sql(
        self,
        columns: str,
        *,
        indicators: Sequence[str] | None,
        units: Sequence[str] | None,
        start: _dt.date | None,
        end: _dt.date | None,
        as_of: _dt.datetime | None,
    ) -> tuple[str, list[Any]]: ...

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def _figure(self, row: Sequence[Any], quantities: dict[tuple[Any, ...], Quantity]) -> Figure: ...


__all__ = ["reduced_figures"]

_COLUMNS = (
    "indicator, unit, period_id, period_kind, calendar, period_start, period_end, status, value, qualifier, "
    "low, high, value_unit, reported_by, note"
)
_ROW = "indicator, unit, period_id, status, value, qualifier, low, high, value_unit, reported_by, note"
_PLAIN = "(period_kind = 'month' AND status = 'reported' AND qualifier = 'exact')"
_UNIT_FILTER_MAX = 50_000


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _date(d: _dt.date) -> str:
    return f"DATE '{d.isoformat()}'"


def _months(p: Period) -> tuple[Period, ...] | None:
    """The months of *p*, or ``None`` when it is not made of whole months."""
    try:
        months = p.months()
    except PeriodError:
        return None
    if not months or any(m.kind is not PeriodKind.MONTH for m in months):
        return None
    return months


def _wanted(units: Sequence[str], hierarchy: Hierarchy | None) -> list[str] | None:
    """The units whose figures a roll-up of *units* may read (``None``: too many to list)."""
    if hierarchy is None:
        return list(dict.fromkeys(units))
    out: dict[str, None] = dict.fromkeys(units)
    for code in units:
        if code in hierarchy:
            out.update(dict.fromkeys(u.code for u in hierarchy.descendants(code)))
    return list(out) if len(out) <= _UNIT_FILTER_MAX else None


def _not_throughout(wanted: Sequence[str] | None, hierarchy: Hierarchy | None, p: Period) -> list[str]:
    """The units that did not exist for the whole of *p*: Rollup counts their months one by one."""
    if hierarchy is None:
        return []
    units = hierarchy if wanted is None else [hierarchy[c] for c in wanted if c in hierarchy]
    return [
        u.code
        for u in units
        if (u.opened_on is not None and u.opened_on > p.start) or (u.closed_on is not None and u.closed_on <= p.end)
    ]


def reduced_figures(
    store: _Rows,
    indicators: Sequence[Indicator],
    units: Sequence[str],
    periods: Sequence[Period],
    hierarchy: Hierarchy | None,
    as_of: _dt.datetime | None,
) -> FigureSet:
    """The figures :class:`Rollup` needs for the table, with complete plain periods summed in SQL."""
    codes = list(dict.fromkeys(i.code for i in indicators))
    by_code = {i.code: i for i in indicators}
    stocks = [c for c in codes if by_code[c].is_stock]
    plist = list(dict.fromkeys(periods))
    wanted = _wanted(units, hierarchy)
    start = min(p.start for p in plist)
    end = max(p.end for p in plist)
    quantities: dict[tuple[Any, ...], Quantity] = {}
    every_month = [_months(p) for p in plist]
    if all(ms is not None for ms in every_month) and {m for ms in every_month for m in ms or ()} <= set(plist):
        # Every month is asked for by itself: its figures are the answer, and sums in SQL would only add rows.
        sql, params = store._current_sql(_ROW, indicators=codes, units=wanted, start=start, end=end, as_of=as_of)
        return FigureSet(store._figure(r, quantities) for r in store._run(sql, params))
    cur, params = store._current_sql(_COLUMNS, indicators=codes, units=wanted, start=start, end=end, as_of=as_of)

    aggs: list[str] = []
    oks: list[str] = []
    raw: list[str] = []
    synth: list[str] = []
    is_stock = f"indicator IN ({', '.join(_lit(c) for c in stocks)})" if stocks else "FALSE"
    for i, p in enumerate(plist):
        inside = f"period_start >= {_date(p.start)} AND period_end <= {_date(p.end)}"
        raw.append(f"(NOT f.ok{i} AND c.period_start >= {_date(p.start)} AND c.period_end <= {_date(p.end)})")
        months = _months(p)
        if months is None or len(months) == 1:  # a month's own figure is its sum: no row saved
            oks.append(f"FALSE AS ok{i}, NULL AS t{i}")
            continue
        last = months[-1].id
        aggs.append(
            f"count(*) FILTER (WHERE {inside} AND NOT {_PLAIN}) AS b{i}, "
            f"count(*) FILTER (WHERE {inside} AND period_kind = 'month' AND calendar = {_lit(p.calendar.value)}) "
            f"AS n{i}, "
            f"sum(value) FILTER (WHERE {inside} AND period_kind = 'month' AND calendar = {_lit(p.calendar.value)}) "
            f"AS s{i}, "
            f"count(*) FILTER (WHERE period_id = {_lit(last)}) AS m{i}, "
            f"max(value) FILTER (WHERE period_id = {_lit(last)}) AS v{i}"
        )
        away = _not_throughout(wanted, hierarchy, p)
        gone = f" AND unit NOT IN ({', '.join(_lit(u) for u in away)})" if away else ""
        oks.append(
            f"(b{i} = 0{gone} AND CASE WHEN {is_stock} THEN m{i} = 1 ELSE n{i} = {len(months)} END) AS ok{i}, "
            f"CAST(CASE WHEN {is_stock} THEN v{i} ELSE s{i} END AS BIGINT) AS t{i}"
        )
        synth.append(
            f"SELECT 'S', indicator, unit, {_lit(p.id)}, 'reported', t{i}, 'exact', t{i}, t{i}, NULL, NULL, NULL "
            f"FROM flags WHERE ok{i}"
        )
    agg_cols = ", ".join(aggs) if aggs else "count(*) AS n"
    sql = (
        f"WITH cur AS MATERIALIZED ({cur}), "
        f"agg AS (SELECT indicator, unit, {agg_cols} FROM cur GROUP BY indicator, unit), "
        f"flags AS MATERIALIZED (SELECT indicator, unit, {', '.join(oks)} FROM agg) "
        f"SELECT 'R', {', '.join('c.' + c.strip() for c in _ROW.split(','))} FROM cur c "
        "JOIN flags f ON f.indicator = c.indicator AND f.unit = c.unit "
        f"WHERE {' OR '.join(raw)}"
    )
    for s in synth:
        sql += " UNION ALL " + s
    rows = store._run(sql, params)

    out: dict[tuple[str, str, Period], Figure] = {}
    sums: list[tuple[str, str, str, int]] = []
    for row in rows:
        if row[0] == "R":
            f = store._figure(row[1:], quantities)
            out[f.key] = f
        else:
            sums.append((row[1], row[2], row[3], int(row[5])))
    periods_by_id = {p.id: p for p in plist}
    for code, unit, pid, total in sums:
        ind = by_code[code]
        period = periods_by_id[pid]
        out[(code, unit, period)] = Figure(
            indicator=ind,
            unit=unit,
            period=period,
            status=FigureStatus.REPORTED,
            value=Quantity.exact(total, ind.unit),
        )
    return FigureSet(out.values())
