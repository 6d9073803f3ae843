"""A whole country, the same work four ways: the library, pandas, polars and DuckDB.

Run with ``python benchmarks/national.py`` (``pip install -e '.[bench]'`` for
the three baselines; a side whose package is missing is skipped). Set
``ANNINH_NATIONAL_SCALE=0.05`` to try it small and ``ANNINH_NATIONAL_RUNS`` to
change the number of runs per side (default 3). The synthetic country (see
``benchmarks/_national_data.py``) is written once to a temporary directory as
``figures.csv`` (about 960,000 rows) and ``tips.csv`` (one million tips).

Every side does the same work, from the two files:

1. read both files; count the tips per commune and month into the three tip
   indicators (a case counts once per commune and month);
2. roll every indicator up to the 34 provinces and the nation for every
   month, quarter, half-year, nine months and year of 2023-2024 (40 periods):
   flows add up, the stock (``security_models_active``) takes the closing
   month; the bounds of the value ("hơn ..." has no upper bound), and the
   completeness: cells expected and reported, units and units reporting, and
   the list of missing cells;
3. compare each 2024 aggregate with the same period of 2023 (status and the
   bounds of the change);
4. run two of the standard rules on every commune and month with figures:
   ``tips_valuable_within_received`` and ``security_models_active_stock_identity``
   (which reads the previous month).

The library builds ``Tip`` objects and a ``FigureSet`` and uses ``Rollup``,
``Comparison`` and ``validate``; pandas, polars and DuckDB are used as their
users would: each aggregates the cells to province-months before joining the
months to the periods.

Each side runs in its own process (a fresh interpreter per side and per run,
so that its peak resident memory, ``resource.getrusage(...).ru_maxrss``, is its
own) and is timed in CPU seconds (``time.process_time``, which counts every
thread of the process), imports of the engine included. Each side is run
``ANNINH_NATIONAL_RUNS`` times, interleaved with the others, and the medians
are printed. Every side's results (every aggregate's bounds and completeness,
the nation's 2024 missing cells, every comparison, every rule outcome count and
every problem found) are checked equal to the library's before anything is
printed. The last line reads
``national: library/fastest CPU ratio R (fastest: NAME); memory ratio M``,
where the memory ratio is the library's peak over the leanest other side's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

try:  # run as a script (benchmarks/ on sys.path) or imported as benchmarks.national
    from _national_data import (
        INDICATORS,
        N_COMMUNES,
        N_PROVINCES,
        N_TIPS,
        SCALE_VARIABLE,
        SEED,
        TIP_INDICATORS,
        YEARS,
        all_periods,
        communes,
        figure_records,
        last_year,
        n_communes,
        n_tips,
        peak_mib,
        scale,
        write_data,
    )
except ImportError:  # pragma: no cover - depends on how the module is reached
    from benchmarks._national_data import (
        INDICATORS,
        N_COMMUNES,
        N_PROVINCES,
        N_TIPS,
        SCALE_VARIABLE,
        SEED,
        TIP_INDICATORS,
        YEARS,
        all_periods,
        communes,
        figure_records,
        last_year,
        n_communes,
        n_tips,
        peak_mib,
        scale,
        write_data,
    )

__all__ = [
    "INDICATORS",
    "N_COMMUNES",
    "N_PROVINCES",
    "N_TIPS",
    "SEED",
    "SIDES",
    "TIP_INDICATORS",
    "YEARS",
    "all_periods",
    "communes",
    "figure_records",
    "main",
    "peak_mib",
    "write_data",
]

ALL_CODES = (*INDICATORS, *TIP_INDICATORS)
STOCK = "security_models_active"
RULE_TIPS = "tips_valuable_within_received"
RULE_STOCK = "security_models_active_stock_identity"
OUTCOMES = ("satisfied", "possibly_violated", "violated", "not_evaluated")
PROBLEMS = ("violated", "possibly_violated")
N_MONTHS = 12 * len(YEARS)


def month_id(i: int) -> str:
    """The id of month *i* of the run (0 is January of the first year)."""
    return f"{YEARS[0] + i // 12}{i % 12 + 1:02d}"


def period_months() -> list[tuple[str, list[int]]]:
    """(period id, its months as indices 0..23) for the 40 periods."""
    index = {month_id(i): i for i in range(N_MONTHS)}
    return [(pid, [index[m] for m in months]) for pid, months in all_periods()]


class Clock:
    """CPU seconds (``time.process_time``) per stage."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._last = time.process_time()
        self._wall = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.process_time()
        self.times[name] = self.times.get(name, 0.0) + now - self._last
        self._last = now

    @property
    def wall(self) -> float:
        return time.perf_counter() - self._wall


# The results every side hands back, as plain lists, checked equal across sides:
# "aggregates": [indicator, unit, period, low, high, expected, reported, units, units_reporting]
#               (low and high None when nothing reported, high None when unbounded);
# "missing": [indicator, commune, period] behind the nation's 2024 aggregates (months for a flow,
#            the year for the stock, as the library lists them);
# "comparisons": [indicator, unit, period, status, change_low, change_high] for every 2024 aggregate;
# "rule_counts": {outcome: count} over both rules; "problems": [rule, unit, period, outcome].
Result = dict[str, Any]


def _i(x: Any) -> int | None:
    """A plain int, or None for a missing value (NaN, NA, None)."""
    if x is None:
        return None
    try:
        if x != x:  # NaN
            return None
    except TypeError:  # pandas.NA
        return None
    return int(x)


# -- the library ------------------------------------------------------------------


def run_library(folder: Path, clock: Clock) -> Result:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from anninh_toandan import STANDARD_INDICATORS, Hierarchy, Level, OrgUnit, Period
    from anninh_toandan.aggregate import Basis, Comparison, Rollup
    from anninh_toandan.io.csv import read_csv
    from anninh_toandan.orgunit import UnitKind
    from anninh_toandan.rules import MODELS_STOCK_IDENTITY, TIPS_VALUABLE_WITHIN_RECEIVED, validate
    from anninh_toandan.tip import tip_figures_from_columns

    clock.lap("import")
    units = communes()
    provinces = sorted({p for _, p in units})
    hierarchy = Hierarchy(
        [
            OrgUnit(code="VN", name="Việt Nam", level=Level.NATION, kind=UnitKind.COUNTRY),
            *(OrgUnit(code=p, name=p, level=Level.PROVINCE, kind=UnitKind.PROVINCE, parent="VN") for p in provinces),
            *(OrgUnit(code=c, name=c, level=Level.COMMUNE, kind=UnitKind.COMMUNE, parent=p) for c, p in units),
        ]
    )
    periods = {pid: Period.parse(pid) for pid, _ in all_periods()}

    # The tip records are a table already: read as columns (pyarrow, the library's `arrow` extra; unit codes and
    # case ids as dictionaries, each distinct text once) and counted into figures from the Arrow columns, without
    # a Tip object (or a Python value) per record.
    codes = pa.dictionary(pa.int32(), pa.string())
    table = pacsv.read_csv(
        folder / "tips.csv",
        convert_options=pacsv.ConvertOptions(
            column_types={"unit": codes, "valuable": "bool", "case": codes}, true_values=["1"], false_values=["0"]
        ),
    )
    tip_set = tip_figures_from_columns(
        table.column("received_on"), table.column("unit"), table.column("valuable"), table.column("case")
    )
    clock.lap("read the tips")

    ind = {code: STANDARD_INDICATORS[code] for code in ALL_CODES}
    fs = read_csv(folder / "figures.csv") | tip_set  # the long format: a columnar set, checked as row by row
    clock.lap("read the figures, build the set")

    targets = [*provinces, "VN"]
    plist = list(periods.values())
    table = Rollup(fs, hierarchy).table(list(ind.values()), targets, plist)
    clock.lap("roll up, with completeness")

    by_key = {(a.indicator.code, a.unit, a.period): a for a in table}
    before = {p: p.same_period_last_year() for p in plist}
    comparisons = [
        Comparison(
            current=a, base=by_key[(a.indicator.code, a.unit, before[a.period])], basis=Basis.SAME_PERIOD_LAST_YEAR
        )
        for a in table
        if a.period.year == YEARS[-1]
    ]
    changes = [(c, c.status, c.change_low, c.change_high) for c in comparisons]
    clock.lap("compare with last year")

    checked = validate(fs, [TIPS_VALUABLE_WITHIN_RECEIVED, MODELS_STOCK_IDENTITY])
    clock.lap("two rules")

    final = str(YEARS[-1])
    return {
        "figures": len(fs),
        "aggregates": [
            [
                a.indicator.code,
                a.unit,
                a.period.id,
                None if a.value is None else a.value.low,
                None if a.value is None else a.value.high,
                a.completeness.expected,
                a.completeness.reported,
                a.completeness.units,
                a.completeness.units_reporting,
            ]
            for a in table
        ],
        "missing": [
            [a.indicator.code, u, p.id]
            for a in table
            if a.unit == "VN" and a.period.id == final
            for u, p in a.completeness.missing
        ],
        "comparisons": [
            [c.current.indicator.code, c.current.unit, c.current.period.id, s.value, lo, hi] for c, s, lo, hi in changes
        ],
        "rule_counts": {o.value: n for o, n in checked.counts.items() if n},
        "problems": [[r.rule.code, r.unit, r.period.id, r.outcome.value] for r in checked.problems],
    }


# -- pandas -----------------------------------------------------------------------


def run_pandas(folder: Path, clock: Clock) -> Result:
    import numpy as np
    import pandas as pd

    clock.lap("import")
    units = communes()
    unit_type = pd.CategoricalDtype([c for c, _ in units])
    ind_type = pd.CategoricalDtype(list(ALL_CODES))
    province_of = dict(units)

    tips = pd.read_csv(
        folder / "tips.csv",
        dtype={"received_on": "category", "unit": unit_type, "valuable": "int8", "case": "category"},
    )
    days = tips["received_on"].cat.categories
    month_of_day = (days.str.slice(0, 4).astype(int) - YEARS[0]) * 12 + days.str.slice(5, 7).astype(int) - 1
    tips["m"] = np.asarray(month_of_day, dtype="int8")[tips["received_on"].cat.codes]
    tips["case"] = tips["case"].where(tips["valuable"] == 1)
    counted = (
        tips.groupby(["unit", "m"], observed=True)
        .agg(
            tips_received=("valuable", "size"),
            tips_valuable=("valuable", "sum"),
            cases_clarified=("case", "nunique"),
        )
        .reset_index()
    )
    tip_cells = counted.melt(id_vars=["unit", "m"], var_name="indicator", value_name="value")
    tip_cells["indicator"] = tip_cells["indicator"].astype(ind_type)
    tip_cells["more"] = False
    del tips
    clock.lap("read the tips")

    fig = pd.read_csv(
        folder / "figures.csv",
        dtype={
            "indicator": ind_type,
            "unit": unit_type,
            "period": "int32",
            "status": "category",
            "qualifier": "category",
        },
    )
    fig["m"] = ((fig["period"] // 100 - YEARS[0]) * 12 + fig["period"] % 100 - 1).astype("int8")
    reported = fig[fig["status"] == "reported"]
    cells = pd.concat(
        [
            pd.DataFrame(
                {
                    "indicator": reported["indicator"],
                    "unit": reported["unit"],
                    "m": reported["m"],
                    "value": reported["value"].astype("int64"),
                    "more": reported["qualifier"] == "more_than",
                }
            ),
            tip_cells[["indicator", "unit", "m", "value", "more"]].astype({"value": "int64"}),
        ],
        ignore_index=True,
    )
    cells["province"] = cells["unit"].map(province_of)
    # Every (unit, month) with a figure of any kind: where the rules run.
    places = pd.concat([fig[["unit", "m"]], counted[["unit", "m"]]]).drop_duplicates()
    clock.lap("read the figures, build the set")

    # Roll up: province-months first, then months to periods.
    monthly = (
        cells.groupby(["indicator", "province", "m"], observed=True)
        .agg(low=("value", "sum"), more=("more", "sum"), reported=("value", "size"))
        .reset_index()
    )
    pm = period_months()
    flow_map = pd.DataFrame([(pid, m) for pid, months in pm for m in months], columns=["period", "m"])
    stock_map = pd.DataFrame([(pid, months[-1]) for pid, months in pm], columns=["period", "m"])
    is_stock = monthly["indicator"] == STOCK
    by_period = pd.concat([monthly[~is_stock].merge(flow_map, on="m"), monthly[is_stock].merge(stock_map, on="m")])
    prov = by_period.groupby(["indicator", "province", "period"], observed=True)[["low", "more", "reported"]].sum()
    nation = prov.groupby(level=["indicator", "period"], observed=True).sum()
    nation = pd.concat({"VN": nation}, names=["province"]).reorder_levels(["indicator", "province", "period"])
    # Units reporting: each commune's months as bits, against each period's months.
    cells["bit"] = np.left_shift(np.int64(1), cells["m"].to_numpy(dtype="int64"))
    masks = cells.groupby(["indicator", "unit"], observed=True)["bit"].sum().reset_index(name="mask")
    masks["province"] = masks["unit"].map(province_of)
    masks = masks[["indicator", "province", "mask"]]
    flow_bits = pd.DataFrame([(pid, sum(1 << m for m in months)) for pid, months in pm], columns=["period", "pmask"])
    stock_bits = pd.DataFrame([(pid, 1 << months[-1]) for pid, months in pm], columns=["period", "pmask"])
    m_stock = masks["indicator"] == STOCK
    hits = pd.concat([masks[~m_stock].merge(flow_bits, how="cross"), masks[m_stock].merge(stock_bits, how="cross")])
    hits["hit"] = (hits["mask"] & hits["pmask"]) != 0
    urep = hits.groupby(["indicator", "province", "period"], observed=True)["hit"].sum()
    urep_vn = pd.concat({"VN": urep.groupby(level=["indicator", "period"], observed=True).sum()}, names=["province"])
    urep = pd.concat([urep, urep_vn.reorder_levels(["indicator", "province", "period"])])
    # The whole grid of aggregates, with what was expected.
    provinces = sorted(set(province_of.values()))
    size = pd.Series(province_of).value_counts()
    size["VN"] = len(units)
    grid = pd.MultiIndex.from_product(
        [list(ALL_CODES), [*provinces, "VN"], [pid for pid, _ in pm]], names=["indicator", "province", "period"]
    )
    table = pd.concat([prov, nation]).reindex(grid)
    table["units_reporting"] = urep.reindex(grid).fillna(0).astype("int64")
    table = table.reset_index()
    table["reported"] = table["reported"].fillna(0).astype("int64")
    table["units"] = table["province"].map(size).astype("int64")
    n_months = pd.Series({pid: len(months) for pid, months in pm})
    table["expected"] = table["units"] * np.where(table["indicator"] == STOCK, 1, table["period"].map(n_months))
    table["low"] = table["low"].astype("Int64")
    table["high"] = table["low"].where(table["more"] == 0)
    # Completeness: every missing (indicator, commune, month) cell.
    full = pd.MultiIndex.from_product([list(ALL_CODES), unit_type.categories, range(N_MONTHS)])
    have = pd.MultiIndex.from_arrays([cells["indicator"].astype(str), cells["unit"].astype(str), cells["m"]])
    missing = full.difference(have).to_frame(index=False, name=["indicator", "unit", "m"])
    clock.lap("roll up, with completeness")

    final = [pid for pid, _ in pm if pid.startswith(str(YEARS[-1]))]
    cur = table[table["period"].isin(final)].copy()
    cur["base"] = cur["period"].map(last_year)
    both = cur.merge(
        table[["indicator", "province", "period", "low", "high", "expected", "reported"]],
        left_on=["indicator", "province", "base"],
        right_on=["indicator", "province", "period"],
        suffixes=("", "_b"),
    )
    complete = (both["reported"] == both["expected"]) & (both["reported_b"] == both["expected_b"])
    both["status"] = np.select(
        [both["reported_b"] == 0, both["reported"] == 0, ~complete, both["high_b"].fillna(-1) == 0],
        ["base_missing", "current_missing", "incomplete", "base_zero"],
        "comparable",
    )
    valued = (both["reported"] > 0) & (both["reported_b"] > 0)
    both["change_low"] = (both["low"] - both["high_b"]).where(valued)
    both["change_high"] = (both["high"] - both["low_b"]).where(valued)
    clock.lap("compare with last year")

    # The two rules, on the five indicators they read, one row per place.
    five = ["tips_received", "tips_valuable", STOCK, "security_models_established", "security_models_dissolved"]
    need = cells[cells["indicator"].isin(five)]
    low = need.pivot_table(index=["unit", "m"], columns="indicator", values="value", observed=True, aggfunc="first")
    high = low.where(need.pivot_table(index=["unit", "m"], columns="indicator", values="more", observed=True) == 0)
    idx = pd.MultiIndex.from_frame(places)
    lo, hi = low.reindex(idx).astype("float64"), high.reindex(idx).astype("float64")
    prev = pd.MultiIndex.from_arrays([places["unit"], places["m"] - 1])
    p_lo = low[STOCK].reindex(prev).to_numpy(dtype="float64")
    p_hi = high[STOCK].reindex(prev).to_numpy(dtype="float64")

    def outcome(evaluated: Any, satisfied: Any, violated: Any) -> Any:
        return np.select(
            [~evaluated, satisfied, violated], ["not_evaluated", "satisfied", "violated"], "possibly_violated"
        )

    # tips_valuable <= tips_received
    v_lo, v_hi, r_lo, r_hi = (
        lo["tips_valuable"].to_numpy(),
        hi["tips_valuable"].to_numpy(),
        lo["tips_received"].to_numpy(),
        hi["tips_received"].to_numpy(),
    )
    tips_rule = outcome(~np.isnan(v_lo) & ~np.isnan(r_lo), v_hi <= r_lo, v_lo > r_hi)
    # active == active[previous] + established - dissolved
    a_lo, a_hi = lo[STOCK].to_numpy(), hi[STOCK].to_numpy()
    e_lo, e_hi = lo["security_models_established"].to_numpy(), hi["security_models_established"].to_numpy()
    d_lo, d_hi = lo["security_models_dissolved"].to_numpy(), hi["security_models_dissolved"].to_numpy()
    rl, rh = p_lo + e_lo - d_hi, p_hi + e_hi - d_lo
    known = ~(np.isnan(a_lo) | np.isnan(p_lo) | np.isnan(e_lo) | np.isnan(d_lo))
    stock_rule = outcome(known, (a_lo == a_hi) & (a_hi == rl) & (rl == rh), (a_lo > rh) | (a_hi < rl))
    rules = pd.concat(
        [
            places.assign(rule=RULE_TIPS, outcome=tips_rule),
            places.assign(rule=RULE_STOCK, outcome=stock_rule),
        ],
        ignore_index=True,
    )
    rule_counts = rules["outcome"].value_counts()
    problems = rules[rules["outcome"].isin(PROBLEMS)]
    clock.lap("two rules")

    return {
        "figures": len(cells) + int((fig["status"] != "reported").sum()),
        "aggregates": [
            [
                r.indicator,
                r.province,
                r.period,
                _i(r.low),
                _i(r.high),
                r.expected,
                r.reported,
                r.units,
                r.units_reporting,
            ]
            for r in table.itertuples(index=False)
        ],
        "missing": [
            [r.indicator, r.unit, month_id(r.m) if r.indicator != STOCK else str(YEARS[-1])]
            for r in missing.itertuples(index=False)
            if r.m >= N_MONTHS - 12 and (r.indicator != STOCK or r.m == N_MONTHS - 1)
        ],
        "comparisons": [
            [r.indicator, r.province, r.period, r.status, _i(r.change_low), _i(r.change_high)]
            for r in both.itertuples(index=False)
        ],
        "rule_counts": {str(k): int(v) for k, v in rule_counts.items()},
        "problems": [[r.rule, r.unit, month_id(r.m), r.outcome] for r in problems.itertuples(index=False)],
    }


# -- polars -----------------------------------------------------------------------


def run_polars(folder: Path, clock: Clock) -> Result:
    import polars as pl

    clock.lap("import")
    units = communes()
    y0 = YEARS[0]
    province_of = pl.DataFrame({"unit": [c for c, _ in units], "province": [p for _, p in units]})
    pm = period_months()

    tips = pl.scan_csv(folder / "tips.csv", schema_overrides={"received_on": pl.Utf8, "case": pl.Utf8})
    counted = (
        tips.with_columns(
            m=(
                (pl.col("received_on").str.slice(0, 4).cast(pl.Int32) - y0) * 12
                + pl.col("received_on").str.slice(5, 2).cast(pl.Int32)
                - 1
            ),
            case=pl.when(pl.col("valuable") == 1).then(pl.col("case")),
        )
        .group_by("unit", "m")
        .agg(
            tips_received=pl.len().cast(pl.Int64),
            tips_valuable=pl.col("valuable").sum().cast(pl.Int64),
            cases_clarified=pl.col("case").drop_nulls().n_unique().cast(pl.Int64),
        )
        .collect()
    )
    tip_cells = counted.unpivot(index=["unit", "m"], variable_name="indicator", value_name="value").with_columns(
        more=pl.lit(False)
    )
    clock.lap("read the tips")

    fig = (
        pl.scan_csv(folder / "figures.csv", schema_overrides={"period": pl.Int32, "value": pl.Int64})
        .with_columns(m=(pl.col("period") // 100 - y0) * 12 + pl.col("period") % 100 - 1)
        .collect()
    )
    cells = pl.concat(
        [
            fig.filter(pl.col("status") == "reported").select(
                "unit", "m", "indicator", "value", more=pl.col("qualifier") == "more_than"
            ),
            tip_cells.select("unit", "m", "indicator", "value", "more"),
        ]
    ).join(province_of, on="unit")
    places = pl.concat([fig.select("unit", "m"), counted.select("unit", "m")]).unique()
    clock.lap("read the figures, build the set")

    flow_map = pl.DataFrame(
        [(pid, m, sum(1 << k for k in months)) for pid, months in pm for m in months],
        schema={"period": pl.Utf8, "m": pl.Int32, "pmask": pl.Int64},
        orient="row",
    )
    stock_map = pl.DataFrame(
        [(pid, months[-1], 1 << months[-1]) for pid, months in pm],
        schema={"period": pl.Utf8, "m": pl.Int32, "pmask": pl.Int64},
        orient="row",
    )
    is_stock = pl.col("indicator") == STOCK
    monthly = cells.group_by("indicator", "province", "m").agg(
        low=pl.col("value").sum(), more=pl.col("more").sum(), reported=pl.len()
    )
    by_period = pl.concat(
        [
            monthly.filter(~is_stock).join(flow_map.drop("pmask"), on="m"),
            monthly.filter(is_stock).join(stock_map.drop("pmask"), on="m"),
        ]
    )
    prov = by_period.group_by("indicator", "province", "period").agg(
        pl.col("low").sum(), pl.col("more").sum(), pl.col("reported").sum()
    )
    masks = cells.group_by("indicator", "unit", "province").agg(
        mask=pl.lit(2, pl.Int64).pow(pl.col("m").cast(pl.Int64)).sum()
    )
    masks = masks.select("indicator", "province", "mask")
    bits = pl.concat(
        [
            masks.filter(~is_stock).join(flow_map.select("period", "pmask").unique(), how="cross"),
            masks.filter(is_stock).join(stock_map.select("period", "pmask"), how="cross"),
        ]
    )
    urep = bits.group_by("indicator", "province", "period").agg(
        units_reporting=((pl.col("mask") & pl.col("pmask")) != 0).sum()
    )
    prov = prov.join(urep, on=["indicator", "province", "period"], how="full", coalesce=True)
    nation = (
        prov.group_by("indicator", "period")
        .agg(pl.col("low").sum(), pl.col("more").sum(), pl.col("reported").sum(), pl.col("units_reporting").sum())
        .with_columns(province=pl.lit("VN"))
    )
    size = (
        province_of.group_by("province")
        .agg(units=pl.len())
        .vstack(
            pl.DataFrame({"province": ["VN"], "units": [len(units)]}, schema={"province": pl.Utf8, "units": pl.UInt32})
        )
    )
    grid = (
        pl.DataFrame({"indicator": list(ALL_CODES)})
        .join(size, how="cross")
        .join(pl.DataFrame({"period": [pid for pid, _ in pm], "n": [len(ms) for _, ms in pm]}), how="cross")
    )
    table = (
        grid.join(pl.concat([prov, nation.select(prov.columns)]), on=["indicator", "province", "period"], how="left")
        .with_columns(
            pl.col("reported").fill_null(0).cast(pl.Int64),
            pl.col("units_reporting").fill_null(0).cast(pl.Int64),
            units=pl.col("units").cast(pl.Int64),
            expected=(pl.col("units") * pl.when(is_stock).then(1).otherwise(pl.col("n"))).cast(pl.Int64),
            high=pl.when(pl.col("more") == 0).then(pl.col("low")),
        )
        .with_columns(low=pl.when(pl.col("reported") > 0).then(pl.col("low")))
    )
    full = (
        pl.DataFrame({"indicator": list(ALL_CODES)})
        .join(province_of.select("unit"), how="cross")
        .join(pl.DataFrame({"m": list(range(N_MONTHS))}, schema={"m": pl.Int32}), how="cross")
    )
    missing = full.join(
        cells.select("indicator", "unit", pl.col("m").cast(pl.Int32)), on=["indicator", "unit", "m"], how="anti"
    )
    clock.lap("roll up, with completeness")

    final = str(YEARS[-1])
    cols = ["indicator", "province", "period", "low", "high", "expected", "reported"]
    both = (
        table.filter(pl.col("period").str.starts_with(final))
        .with_columns(base=final_to_base(pl))
        .join(table.select(cols).rename({"period": "base"}), on=["indicator", "province", "base"], suffix="_b")
    )
    complete = (pl.col("reported") == pl.col("expected")) & (pl.col("reported_b") == pl.col("expected_b"))
    valued = (pl.col("reported") > 0) & (pl.col("reported_b") > 0)
    both = both.with_columns(
        status=pl.when(pl.col("reported_b") == 0)
        .then(pl.lit("base_missing"))
        .when(pl.col("reported") == 0)
        .then(pl.lit("current_missing"))
        .when(~complete)
        .then(pl.lit("incomplete"))
        .when(pl.col("high_b") == 0)
        .then(pl.lit("base_zero"))
        .otherwise(pl.lit("comparable")),
        change_low=pl.when(valued).then(pl.col("low") - pl.col("high_b")),
        change_high=pl.when(valued).then(pl.col("high") - pl.col("low_b")),
    )
    clock.lap("compare with last year")

    five = ["tips_received", "tips_valuable", STOCK, "security_models_established", "security_models_dissolved"]
    need = cells.filter(pl.col("indicator").is_in(five)).select(
        "unit", "m", "indicator", lo="value", hi=pl.when(~pl.col("more")).then(pl.col("value"))
    )
    wide = need.pivot(on="indicator", index=["unit", "m"], values=["lo", "hi"])
    for code in five:  # an indicator with no figure at all still gets its columns
        for side in ("lo", "hi"):
            if f"{side}_{code}" not in wide.columns:
                wide = wide.with_columns(pl.lit(None, pl.Int64).alias(f"{side}_{code}"))
    prev = wide.select("unit", (pl.col("m") + 1).alias("m"), p_lo=f"lo_{STOCK}", p_hi=f"hi_{STOCK}")
    at = places.join(wide, on=["unit", "m"], how="left").join(prev, on=["unit", "m"], how="left")

    def outcome(evaluated: pl.Expr, satisfied: pl.Expr, violated: pl.Expr) -> pl.Expr:
        return (
            pl.when(~evaluated)
            .then(pl.lit("not_evaluated"))
            .when(satisfied.fill_null(False))
            .then(pl.lit("satisfied"))
            .when(violated.fill_null(False))
            .then(pl.lit("violated"))
            .otherwise(pl.lit("possibly_violated"))
        )

    c = pl.col
    rl = c("p_lo") + c("lo_security_models_established") - c("hi_security_models_dissolved")
    rh = c("p_hi") + c("hi_security_models_established") - c("lo_security_models_dissolved")
    known = pl.all_horizontal(
        c(n).is_not_null()
        for n in (f"lo_{STOCK}", "p_lo", "lo_security_models_established", "lo_security_models_dissolved")
    )
    rules = at.select(
        "unit",
        "m",
        tips=outcome(
            c("lo_tips_valuable").is_not_null() & c("lo_tips_received").is_not_null(),
            c("hi_tips_valuable") <= c("lo_tips_received"),
            c("lo_tips_valuable") > c("hi_tips_received"),
        ),
        stock=outcome(
            known,
            (c(f"lo_{STOCK}") == c(f"hi_{STOCK}")) & (c(f"hi_{STOCK}") == rl) & (rl == rh),
            (c(f"lo_{STOCK}") > rh) | (c(f"hi_{STOCK}") < rl),
        ),
    ).unpivot(index=["unit", "m"], variable_name="rule", value_name="outcome")
    rule_counts = rules.group_by("outcome").len()
    problems = rules.filter(pl.col("outcome").is_in(PROBLEMS))
    clock.lap("two rules")

    names = {"tips": RULE_TIPS, "stock": RULE_STOCK}
    return {
        "figures": len(cells) + fig.filter(pl.col("status") != "reported").height,
        "aggregates": table.select(
            "indicator", "province", "period", "low", "high", "expected", "reported", "units", "units_reporting"
        ).rows(),
        "missing": [
            [i, u, month_id(m) if i != STOCK else final]
            for i, u, m in missing.rows()
            if m >= N_MONTHS - 12 and (i != STOCK or m == N_MONTHS - 1)
        ],
        "comparisons": both.select("indicator", "province", "period", "status", "change_low", "change_high").rows(),
        "rule_counts": dict(rule_counts.rows()),
        "problems": [[names[r], u, month_id(m), o] for u, m, r, o in problems.rows()],
    }


def final_to_base(pl: Any) -> Any:
    """The polars expression for the same period a year earlier."""
    return (pl.col("period").str.slice(0, 4).cast(pl.Int32) - 1).cast(pl.Utf8) + pl.col("period").str.slice(4)


# -- DuckDB -----------------------------------------------------------------------


def run_duckdb(folder: Path, clock: Clock) -> Result:
    import duckdb

    clock.lap("import")
    units = communes()
    pm = period_months()
    y0 = YEARS[0]
    db = duckdb.connect()
    rows = ", ".join(f"('{c}', '{p}')" for c, p in units)  # codes of letters and digits only
    db.execute(f"CREATE TABLE province_of AS SELECT * FROM (VALUES {rows}) t(unit, province)")
    db.execute("CREATE TABLE flow_map (period VARCHAR, m INTEGER, pmask BIGINT)")
    db.executemany(
        "INSERT INTO flow_map VALUES (?, ?, ?)",
        [(pid, m, sum(1 << k for k in months)) for pid, months in pm for m in months],
    )
    db.execute("CREATE TABLE stock_map (period VARCHAR, m INTEGER, pmask BIGINT, n INTEGER)")
    db.executemany("INSERT INTO stock_map VALUES (?, ?, ?, ?)", [(pid, ms[-1], 1 << ms[-1], len(ms)) for pid, ms in pm])
    db.execute("CREATE TABLE codes (indicator VARCHAR)")
    db.executemany("INSERT INTO codes VALUES (?)", [(c,) for c in ALL_CODES])

    db.execute(
        f"""CREATE TABLE tip_counts AS
        SELECT unit, (year(received_on) - {y0}) * 12 + month(received_on) - 1 AS m,
               count(*) AS tips_received, sum(valuable)::BIGINT AS tips_valuable,
               count(DISTINCT CASE WHEN valuable = 1 THEN "case" END) AS cases_clarified
        FROM read_csv(?, header = true,
                      columns = {{'received_on': 'DATE', 'unit': 'VARCHAR', 'valuable': 'INTEGER', 'case': 'VARCHAR'}})
        GROUP BY ALL""",
        [str(folder / "tips.csv")],
    )
    clock.lap("read the tips")

    db.execute(
        f"""CREATE TABLE fig AS
        SELECT indicator, unit, (period // 100 - {y0}) * 12 + period % 100 - 1 AS m, status,
               qualifier = 'more_than' AS more, value
        FROM read_csv(?, header = true,
                      columns = {{'indicator': 'VARCHAR', 'unit': 'VARCHAR', 'period': 'INTEGER',
                                  'status': 'VARCHAR', 'qualifier': 'VARCHAR', 'value': 'BIGINT'}})""",
        [str(folder / "figures.csv")],
    )
    db.execute(
        """CREATE TABLE cells AS
        WITH c AS (
            SELECT indicator, unit, m, value, more FROM fig WHERE status = 'reported'
            UNION ALL
            SELECT indicator, unit, m, value, false
            FROM (UNPIVOT tip_counts ON tips_received, tips_valuable, cases_clarified
                  INTO NAME indicator VALUE value)
        )
        SELECT c.*, p.province FROM c JOIN province_of p USING (unit)"""
    )
    db.execute(
        "CREATE TABLE places AS SELECT DISTINCT unit, m FROM (SELECT unit, m FROM fig UNION ALL "
        "SELECT unit, m FROM tip_counts)"
    )
    clock.lap("read the figures, build the set")

    db.execute(
        f"""CREATE TABLE agg AS
        WITH monthly AS (
            SELECT indicator, province, m, sum(value) AS low, count(*) FILTER (more) AS more, count(*) AS reported
            FROM cells GROUP BY ALL
        ), prov AS (
            SELECT indicator, province, period, sum(low) AS low, sum(more) AS more, sum(reported) AS reported
            FROM (SELECT * FROM monthly JOIN flow_map USING (m) WHERE indicator <> '{STOCK}'
                  UNION ALL BY NAME
                  SELECT * FROM monthly JOIN stock_map USING (m) WHERE indicator = '{STOCK}')
            GROUP BY ALL
        ), masks AS (
            SELECT indicator, unit, province, sum(1::BIGINT << m) AS mask FROM cells GROUP BY ALL
        ), urep AS (
            SELECT indicator, province, period, count(*) FILTER ((mask & pmask) <> 0) AS units_reporting
            FROM (SELECT * FROM masks, (SELECT DISTINCT period, pmask FROM flow_map) WHERE indicator <> '{STOCK}'
                  UNION ALL BY NAME
                  SELECT * FROM masks, stock_map WHERE indicator = '{STOCK}')
            GROUP BY ALL
        ), both_ AS (
            SELECT indicator, province, period, p.low, p.more, p.reported, u.units_reporting
            FROM prov p FULL JOIN urep u USING (indicator, province, period)
        ), everything AS (
            SELECT * FROM both_
            UNION ALL
            SELECT indicator, 'VN', period, sum(low), sum(more), sum(reported), sum(units_reporting)
            FROM both_ GROUP BY indicator, period
        ), size AS (
            SELECT province, count(*) AS units FROM province_of GROUP BY ALL
            UNION ALL SELECT 'VN', count(*) FROM province_of
        )
        SELECT g.indicator, size.province, s.period,
               CASE WHEN coalesce(e.reported, 0) > 0 THEN e.low END::BIGINT AS low,
               CASE WHEN coalesce(e.reported, 0) > 0 AND e.more = 0 THEN e.low END::BIGINT AS high,
               (size.units * CASE WHEN g.indicator = '{STOCK}' THEN 1 ELSE s.n END)::BIGINT AS expected,
               coalesce(e.reported, 0)::BIGINT AS reported, size.units::BIGINT AS units,
               coalesce(e.units_reporting, 0)::BIGINT AS units_reporting
        FROM codes g, size, stock_map s
        LEFT JOIN everything e ON e.indicator = g.indicator AND e.province = size.province AND e.period = s.period"""
    )
    db.execute(
        f"""CREATE TABLE missing AS
        SELECT g.indicator, p.unit, m FROM codes g, province_of p, range({N_MONTHS}) t(m)
        ANTI JOIN cells c ON c.indicator = g.indicator AND c.unit = p.unit AND c.m = t.m"""
    )
    clock.lap("roll up, with completeness")

    db.execute(
        f"""CREATE TABLE comparisons AS
        SELECT c.indicator, c.province, c.period,
               CASE WHEN b.reported = 0 THEN 'base_missing'
                    WHEN c.reported = 0 THEN 'current_missing'
                    WHEN c.reported <> c.expected OR b.reported <> b.expected THEN 'incomplete'
                    WHEN b.high = 0 THEN 'base_zero'
                    ELSE 'comparable' END AS status,
               c.low - b.high AS change_low, c.high - b.low AS change_high
        FROM agg c JOIN agg b
          ON b.indicator = c.indicator AND b.province = c.province
         AND b.period = (CAST(left(c.period, 4) AS INTEGER) - 1)::VARCHAR || substr(c.period, 5)
        WHERE c.period LIKE '{YEARS[-1]}%'"""
    )
    clock.lap("compare with last year")

    def outcome(evaluated: str, satisfied: str, violated: str) -> str:
        return (
            f"CASE WHEN NOT ({evaluated}) THEN 'not_evaluated' WHEN coalesce({satisfied}, false) THEN 'satisfied' "
            f"WHEN coalesce({violated}, false) THEN 'violated' ELSE 'possibly_violated' END"
        )

    def lo_hi(code: str, name: str) -> str:
        return (
            f"max(value) FILTER (indicator = '{code}') AS {name}_lo, "
            f"max(CASE WHEN NOT more THEN value END) FILTER (indicator = '{code}') AS {name}_hi, "
            f"count(*) FILTER (indicator = '{code}') > 0 AS {name}_known"
        )

    rl, rh = "(p_lo + e_lo - d_hi)", "(p_hi + e_hi - d_lo)"
    db.execute(
        f"""CREATE TABLE rules AS
        WITH wide AS (
            SELECT unit, m, {lo_hi("tips_received", "r")}, {lo_hi("tips_valuable", "v")}, {lo_hi(STOCK, "a")},
                   {lo_hi("security_models_established", "e")}, {lo_hi("security_models_dissolved", "d")}
            FROM cells
            WHERE indicator IN ('tips_received', 'tips_valuable', '{STOCK}', 'security_models_established',
                                'security_models_dissolved')
            GROUP BY ALL
        ), spots AS (
            SELECT pl.unit, pl.m, w.*, p.a_lo AS p_lo, p.a_hi AS p_hi, coalesce(p.a_known, false) AS p_known
            FROM places pl
            LEFT JOIN wide w ON w.unit = pl.unit AND w.m = pl.m
            LEFT JOIN wide p ON p.unit = pl.unit AND p.m = pl.m - 1
        )
        SELECT unit, m, '{RULE_TIPS}' AS rule,
               {outcome("coalesce(v_known AND r_known, false)", "v_hi <= r_lo", "v_lo > r_hi")} AS outcome
        FROM spots
        UNION ALL
        SELECT unit, m, '{RULE_STOCK}',
               {
            outcome(
                "coalesce(a_known AND p_known AND e_known AND d_known, false)",
                f"a_lo = a_hi AND a_hi = {rl} AND {rl} = {rh}",
                f"a_lo > {rh} OR a_hi < {rl}",
            )
        }
        FROM spots"""
    )
    rule_counts = db.execute("SELECT outcome, count(*) FROM rules GROUP BY ALL").fetchall()
    problems = db.execute(
        "SELECT rule, unit, m, outcome FROM rules WHERE outcome IN ('violated', 'possibly_violated')"
    ).fetchall()
    clock.lap("two rules")

    final = str(YEARS[-1])
    n_figures = db.execute(
        "SELECT (SELECT count(*) FROM cells) + (SELECT count(*) FROM fig WHERE status <> 'reported')"
    )
    return {
        "figures": n_figures.fetchone()[0],  # type: ignore[index]
        "aggregates": db.execute("SELECT * FROM agg").fetchall(),
        "missing": [
            [i, u, month_id(m) if i != STOCK else final]
            for i, u, m in db.execute(
                f"SELECT * FROM missing WHERE m >= {N_MONTHS - 12} AND (indicator <> '{STOCK}' OR m = {N_MONTHS - 1})"
            ).fetchall()
        ],
        "comparisons": db.execute("SELECT * FROM comparisons").fetchall(),
        "rule_counts": dict(rule_counts),
        "problems": [[r, u, month_id(m), o] for r, u, m, o in problems],
    }


# -- driver -----------------------------------------------------------------------

SIDES: dict[str, tuple[str, Callable[[Path, Clock], Result]]] = {
    "library": ("anninh_toandan", run_library),
    "pandas": ("pandas", run_pandas),
    "polars": ("polars", run_polars),
    "duckdb": ("duckdb", run_duckdb),
}


def child(side: str, folder: Path, out: Path) -> None:
    """Run one side in this (fresh) process and write its results and measures to *out*."""
    clock = Clock()
    result = SIDES[side][1](folder, clock)
    result["cpu"] = clock.times
    result["wall"] = clock.wall
    result["peak_mib"] = peak_mib()
    out.write_text(json.dumps(result), encoding="utf-8")


def canonical(result: Result) -> dict[str, Any]:
    """The parts of a side's results that must equal the library's, in one order."""
    return {
        key: sorted(result[key], key=json.dumps) for key in ("aggregates", "missing", "comparisons", "problems")
    } | {"rule_counts": dict(sorted(result["rule_counts"].items()))}


def check_equal(name: str, got: dict[str, Any], want: dict[str, Any]) -> None:
    for key, rows in want.items():
        if got[key] == rows:
            continue
        if isinstance(rows, dict):
            raise SystemExit(f"{name} disagrees with the library on {key}: {got[key]} != {rows}")
        theirs, ours = {json.dumps(r) for r in got[key]}, {json.dumps(r) for r in rows}
        extra, lacking = sorted(theirs - ours)[:5], sorted(ours - theirs)[:5]
        raise SystemExit(
            f"{name} disagrees with the library on {key} ({len(got[key]):,} rows against {len(rows):,}):\n"
            f"  {name} only: {extra}\n  library only: {lacking}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", choices=sorted(SIDES), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("ANNINH_NATIONAL_RUNS", "3")))
    parser.add_argument("--sides", default=",".join(SIDES), help="comma-separated sides to run")
    parser.add_argument("--scale", type=float, help=f"the size of the country in (0, 1] (or {SCALE_VARIABLE})")
    args = parser.parse_args(argv)
    if args.scale is not None:
        os.environ[SCALE_VARIABLE] = str(args.scale)  # the children read it too
        scale()  # checks it
    if args.side:
        child(args.side, args.folder, args.out)
        return
    import importlib.util

    sides = []
    for side in args.sides.split(","):
        if importlib.util.find_spec(SIDES[side][0]) is None:
            print(f"{side}: {SIDES[side][0]} is not installed, skipped (pip install -e '.[bench]').")
        else:
            sides.append(side)
    runs: dict[str, list[Result]] = {side: [] for side in sides}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        write_data(folder)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
        print(
            f"scale {scale():g}: {n_communes():,} communes, {n_tips():,} tips; "
            f"written in {time.perf_counter() - t0:.1f} s ({size:.0f} MiB of CSV)"
        )
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        for run in range(args.runs):
            for side in sides:
                out = folder / f"{side}-{run}.json"
                cmd = [sys.executable, __file__, "--side", side, "--folder", str(folder), "--out", str(out)]
                subprocess.run(cmd, check=True, env=env)
                runs[side].append(json.loads(out.read_text(encoding="utf-8")))
                out.unlink()
    want = canonical(runs["library"][0])
    for side, results in runs.items():
        for i, result in enumerate(results):
            if side != "library" or i:
                check_equal(f"{side} (run {i + 1})", canonical(result), want)
    counts = want["rule_counts"]
    print(
        f"all sides agree on {len(want['aggregates']):,} aggregates, {len(want['missing']):,} missing cells "
        f"behind the nation's {YEARS[-1]}, {len(want['comparisons']):,} comparisons, rule outcomes {counts} "
        f"and {len(want['problems']):,} problems"
    )
    print(f"\nCPU seconds (time.process_time), median of {args.runs} runs, each side in its own process:")
    medians: dict[str, tuple[float, float]] = {}
    stages = list(runs["library"][0]["cpu"])
    print(f"  {'':<34}" + "".join(f"{side:>10}" for side in sides))
    for stage in stages:
        cells = [statistics.median(r["cpu"].get(stage, 0.0) for r in runs[side]) for side in sides]
        print(f"  {stage:<34}" + "".join(f"{c:>10.2f}" for c in cells))
    for side in sides:
        medians[side] = (
            statistics.median(sum(r["cpu"].values()) for r in runs[side]),
            statistics.median(r["peak_mib"] for r in runs[side]),
        )
    print(f"  {'total CPU':<34}" + "".join(f"{medians[s][0]:>10.2f}" for s in sides))
    walls = [statistics.median(r["wall"] for r in runs[s]) for s in sides]
    print(f"  {'(wall-clock)':<34}" + "".join(f"{w:>10.2f}" for w in walls))
    print(f"  {'peak memory, MiB':<34}" + "".join(f"{medians[s][1]:>10.0f}" for s in sides))
    others = [s for s in sides if s != "library"]
    if not others:
        return
    fastest = min(others, key=lambda s: medians[s][0])
    leanest = min(others, key=lambda s: medians[s][1])
    cpu_ratio = medians["library"][0] / medians[fastest][0]
    mem_ratio = medians["library"][1] / medians[leanest][1]
    print(f"national: library/fastest CPU ratio {cpu_ratio:.2f} (fastest: {fastest}); memory ratio {mem_ratio:.2f}")


if __name__ == "__main__":
    main()
