"""A whole country: roll-ups, comparisons and rules next to the same roll-up in pandas.

Run with ``python benchmarks/national.py`` (pandas is needed for the
baseline only; without it the library side still runs). It writes a synthetic
country to a temporary directory as two CSV files:

* ``figures.csv``: 34 provinces, 3,321 communes, 24 months (2023-2024), 12
  standard indicators (one commune-month in 100 not reported, one in 100
  absent, one value in 50 written "hơn ..."), about 960,000 rows;
* ``tips.csv``: one million tip records (day, commune, valuable, cases),
  which become the three tip indicators, for about 1.2 million figures.

Then each side runs in its own process, from the files, so that the peak
resident memory (``resource.getrusage``, ``ru_maxrss``) of each is its own:

* the library: read both files, build the ``Tip`` records and the
  ``FigureSet`` (``FigureSet.from_records`` for the figures,
  ``tip_figures_by_period`` for the tips); roll up to the 34 provinces and
  the nation for every month, quarter, half-year, nine months and year (40
  periods) with ``Rollup.table``; compare 2024 with 2023 for each; run the
  standard rules over every commune and month;
* pandas: read both files, group the tips by commune and month, map communes
  to provinces and months to every period, group and sum, pivot.

Times are ``time.perf_counter`` wall-clock seconds of one run. Both sides
produce the same province totals; the script checks that before printing.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from anninh_toandan import Indicator, Period, Quantity
    from anninh_toandan.figures import FigureStatus

SEED = 2024
N_PROVINCES = 34
N_COMMUNES = 3321
YEARS = (2023, 2024)
N_TIPS = 1_000_000
INDICATORS = (
    "outreach_sessions",
    "outreach_reach",
    "printed_copies",
    "loudspeaker_broadcasts",
    "online_posts",
    "security_models_established",
    "security_models_dissolved",
    "security_models_active",
    "fund_contributions",
    "houses_new",
    "houses_repaired",
    "gifts",
)
TIP_INDICATORS = ("tips_received", "tips_valuable", "cases_clarified")


def communes() -> list[tuple[str, str]]:
    """(commune code, province code): 3,321 communes spread over 34 provinces."""
    out = []
    for i in range(N_COMMUNES):
        out.append((f"C{i:05d}", f"P{i * N_PROVINCES // N_COMMUNES + 1:02d}"))
    return out


def write_data(folder: Path) -> None:
    rng = random.Random(SEED)
    units = communes()
    # Models per commune and month, coherent: active(end) = active(start) + established - dissolved.
    models: dict[tuple[str, int], tuple[int, int, int]] = {}
    for unit, _ in units:
        stock = rng.randrange(5, 40)
        for i in range(len(YEARS) * 12):
            established = rng.randrange(0, 3)
            dissolved = rng.randrange(0, min(2, stock) + 1)
            stock = stock + established - dissolved
            models[(unit, i)] = (established, dissolved, stock)
    which = {"security_models_established": 0, "security_models_dissolved": 1, "security_models_active": 2}
    with (folder / "figures.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["indicator", "unit", "period", "status", "qualifier", "value"])
        for code in INDICATORS:
            scale = 10**9 if code == "fund_contributions" else 100
            for unit, _ in units:
                for y in YEARS:
                    for m in range(1, 13):
                        roll = rng.random()
                        if roll < 0.01:
                            continue  # absent
                        period = f"{y}{m:02d}"
                        if roll < 0.02:
                            w.writerow([code, unit, period, "not_reported", "", ""])
                            continue
                        if code in which:
                            value = models[(unit, (y - YEARS[0]) * 12 + m - 1)][which[code]]
                        else:
                            value = rng.randrange(0, scale)
                        qualifier = "more_than" if roll > 0.98 else "exact"
                        w.writerow([code, unit, period, "reported", qualifier, value])
    start = dt.date(YEARS[0], 1, 1).toordinal()
    days = dt.date(YEARS[-1], 12, 31).toordinal() - start + 1
    with (folder / "tips.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["received_on", "unit", "valuable", "case"])
        for i in range(N_TIPS):
            unit = units[rng.randrange(N_COMMUNES)][0]
            day = dt.date.fromordinal(start + rng.randrange(days)).isoformat()
            valuable = rng.random() < 0.35
            case = f"VV-{i // 3}" if valuable and rng.random() < 0.5 else ""
            w.writerow([day, unit, int(valuable), case])


def peak_mib() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def all_periods() -> list[tuple[str, list[str]]]:
    """(period id, its months as ids) for every month, quarter, half, nine months and year."""
    out: list[tuple[str, list[str]]] = []
    for y in YEARS:
        months = [f"{y}{m:02d}" for m in range(1, 13)]
        out += [(mid, [mid]) for mid in months]
        out += [(f"{y}Q{q}", months[3 * q - 3 : 3 * q]) for q in range(1, 5)]
        out += [(f"{y}S{h}", months[6 * h - 6 : 6 * h]) for h in (1, 2)]
        out += [(f"{y}N9", months[:9]), (str(y), months)]
    return out


# -- the library ------------------------------------------------------------------


def run_library(folder: Path) -> dict[str, object]:
    import pendulum

    from anninh_toandan import STANDARD_INDICATORS, FigureSet, Hierarchy, Level, OrgUnit, Period, Quantity
    from anninh_toandan.aggregate import Basis, Comparison, Rollup
    from anninh_toandan.figures import FigureStatus
    from anninh_toandan.orgunit import UnitKind
    from anninh_toandan.quantity import Qualifier
    from anninh_toandan.rules import validate
    from anninh_toandan.tip import Tip, tip_figures_by_period

    base = peak_mib()
    times: dict[str, float] = {}
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

    # What a careful user does with a big file: each distinct day is parsed once and each distinct unit
    # code is kept as one string (a million tips name 731 days and 3,321 communes).
    t0 = time.perf_counter()
    tips: list[Tip] = []
    days: dict[str, pendulum.Date] = {}
    codes: dict[str, str] = {}
    with (folder / "tips.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        for day, unit, valuable, case in rows:
            received_on = days.get(day)
            if received_on is None:
                received_on = days[day] = pendulum.Date.fromisoformat(day)
            tips.append(
                Tip(
                    received_on=received_on,
                    unit=codes.setdefault(unit, unit),
                    valuable=valuable == "1",
                    case_ids=(case,) if case else (),
                )
            )
    times["read 1,000,000 tip records (Tip objects)"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    ind = {code: STANDARD_INDICATORS[code] for code in (*INDICATORS, *TIP_INDICATORS)}
    quantities: dict[tuple[str, int], Quantity] = {}

    def records(rows: csv.Reader) -> Iterator[tuple[Indicator, str, Period, Quantity | FigureStatus]]:
        for code, unit, pid, status, qualifier, value in rows:
            indicator, period = ind[code], periods[pid]
            if status == "not_reported":
                yield indicator, unit, period, FigureStatus.NOT_REPORTED
            elif qualifier == "exact":
                key = (indicator.unit, int(value))
                q = quantities.get(key)
                if q is None:
                    q = quantities[key] = Quantity.exact(key[1], key[0])
                yield indicator, unit, period, q
            else:
                yield (
                    indicator,
                    unit,
                    period,
                    Quantity(value=int(value), unit=indicator.unit, qualifier=Qualifier.MORE_THAN),
                )

    with (folder / "figures.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        fs = FigureSet.from_records(records(rows))
    # Tips to figures: one pass, counted per commune and month (a case counts once).
    fs = fs.with_figures(tip_figures_by_period(tips))
    times[f"build the FigureSet ({len(fs):,} figures, tips included)"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    targets = [*provinces, "VN"]
    plist = list(periods.values())
    engine = Rollup(fs, hierarchy)
    table = engine.table(list(ind.values()), targets, plist)
    times[f"roll up to provinces and nation ({len(table):,} aggregates, 40 periods)"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    by_key = {(a.indicator.code, a.unit, a.period): a for a in table}
    last_year = {p: p.same_period_last_year() for p in plist}
    comparisons = [
        Comparison(
            current=a, base=by_key[(a.indicator.code, a.unit, last_year[a.period])], basis=Basis.SAME_PERIOD_LAST_YEAR
        )
        for a in table
        if a.period.year == YEARS[-1]
    ]
    statuses = Counter(c.status.name for c in comparisons)
    changes = sum(1 for c in comparisons if c.change_low is not None)
    times[f"compare 2024 with 2023 ({len(comparisons):,} comparisons)"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    checked = validate(fs)
    times["run the standard rules on every commune and month"] = time.perf_counter() - t0

    totals = {
        (a.indicator.code, a.unit, a.period.id): a.value.low
        for a in table
        if a.value is not None and a.indicator.code in ("outreach_sessions", "tips_received")
    }
    missing = sum(len(a.completeness.missing) for a in table if a.unit == "VN" and a.period.id == "2024")
    return {
        "times": times,
        "peak_mib": peak_mib(),
        "base_mib": base,
        "figures": len(fs),
        "aggregates": len(table),
        "statuses": dict(statuses),
        "changes": changes,
        "rule_counts": {k.value: v for k, v in checked.counts.items()},
        "missing_cells_2024_nation": missing,
        "totals": {"|".join(k): v for k, v in totals.items()},
    }


# -- pandas -----------------------------------------------------------------------


def run_pandas(folder: Path) -> dict[str, object]:
    import pandas as pd

    base = peak_mib()
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    tips = pd.read_csv(folder / "tips.csv", dtype={"unit": "category", "case": "string"})
    times["read the tip records"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    df = pd.read_csv(
        folder / "figures.csv",
        dtype={"indicator": "category", "unit": "category", "period": "string", "status": "category"},
    )
    df = df[df["status"] == "reported"]
    tips["period"] = tips["received_on"].str.slice(0, 4) + tips["received_on"].str.slice(5, 7)
    grouped = tips.groupby(["unit", "period"], observed=True)
    tip_frame = pd.concat(
        [
            grouped.size().rename("tips_received"),
            grouped["valuable"].sum().rename("tips_valuable"),
            grouped["case"].nunique().rename("cases_clarified"),
        ],
        axis=1,
    ).reset_index()
    tip_long = tip_frame.melt(id_vars=["unit", "period"], var_name="indicator", value_name="value")
    df = pd.concat([df[["indicator", "unit", "period", "value"]], tip_long], ignore_index=True)
    times["read the figures and count the tips"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    province = dict(communes())
    df["province"] = df["unit"].map(province).astype("category")
    rows = [(pid, m) for pid, months in all_periods() for m in months]
    period_map = pd.DataFrame(rows, columns=["target", "period"])
    flows = df[df["indicator"] != "security_models_active"].merge(period_map, on="period")
    flow_sum = flows.groupby(["indicator", "province", "target"], observed=True)["value"].sum()
    last_month = {pid: months[-1] for pid, months in all_periods()}
    stock_rows = pd.DataFrame(list(last_month.items()), columns=["target", "period"])
    stocks = df[df["indicator"] == "security_models_active"].merge(stock_rows, on="period")
    stock_sum = stocks.groupby(["indicator", "province", "target"], observed=True)["value"].sum()
    by_province = pd.concat([flow_sum, stock_sum])
    nation = by_province.groupby(level=["indicator", "target"], observed=True).sum()
    table = by_province.unstack("target")
    times["group, sum and pivot to provinces and nation"] = time.perf_counter() - t0

    totals = {
        f"{i}|{p}|{t}": int(v) for (i, p, t), v in by_province.items() if i in ("outreach_sessions", "tips_received")
    }
    totals.update(
        {f"{i}|VN|{t}": int(v) for (i, t), v in nation.items() if i in ("outreach_sessions", "tips_received")}
    )
    return {"times": times, "peak_mib": peak_mib(), "base_mib": base, "cells": int(table.size), "totals": totals}


# -- driver -----------------------------------------------------------------------


def child(side: str, folder: Path) -> None:
    result = run_library(folder) if side == "library" else run_pandas(folder)
    print(json.dumps(result))


def main() -> None:
    if len(sys.argv) == 3:
        child(sys.argv[1], Path(sys.argv[2]))
        return
    try:
        import pandas  # noqa: F401
    except ImportError:
        have_pandas = False
        print("pandas is not installed: the baseline is skipped (pip install pandas to run it).")
    else:
        have_pandas = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        write_data(folder)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
        print(f"synthetic country written in {time.perf_counter() - t0:.1f} s ({size:.0f} MiB of CSV)")
        results = {}
        for side in ("library", "pandas") if have_pandas else ("library",):
            env = {**os.environ, "PYTHONHASHSEED": "0"}
            out = subprocess.run(
                [sys.executable, __file__, side, str(folder)], capture_output=True, text=True, check=True, env=env
            )
            results[side] = json.loads(out.stdout)
    lib = results["library"]
    print(f"\nlibrary: {lib['figures']:,} figures, {lib['aggregates']:,} aggregates")
    print(f"  comparisons 2024/2023: {lib['statuses']}; with a computable change: {lib['changes']:,}")
    print(f"  rules: {lib['rule_counts']}")
    print(f"  missing cells behind the nation's 2024 totals: {lib['missing_cells_2024_nation']:,}")
    for name, secs in lib["times"].items():
        print(f"  {name:<72}{secs:>8.2f} s")
    lib_total = sum(lib["times"].values())
    print(f"  {'total':<72}{lib_total:>8.2f} s")
    print(f"  peak RSS {lib['peak_mib']:.0f} MiB (interpreter and imports: {lib['base_mib']:.0f} MiB)")
    if not have_pandas:
        return
    pd_res = results["pandas"]
    print(f"\npandas: {pd_res['cells']:,} province × period cells")
    for name, secs in pd_res["times"].items():
        print(f"  {name:<72}{secs:>8.2f} s")
    pd_total = sum(pd_res["times"].values())
    print(f"  {'total':<72}{pd_total:>8.2f} s")
    print(f"  peak RSS {pd_res['peak_mib']:.0f} MiB (interpreter and imports: {pd_res['base_mib']:.0f} MiB)")
    same = {k: v for k, v in lib["totals"].items() if k in pd_res["totals"]}
    agree = all(pd_res["totals"][k] == v for k, v in same.items())
    assert agree and len(same) == len(pd_res["totals"]), "the library and pandas disagree on the province totals"
    print(f"\nthe two agree on {len(same):,} province and nation totals (sessions and tips)")
    lib_rollup = [v for k, v in lib["times"].items() if k.startswith(("read", "build", "roll"))]
    print("ratios (library / pandas):")
    print(f"  read, build and roll up: {sum(lib_rollup) / pd_total:.1f}x the time")
    print(f"  everything the library did (with comparisons and rules): {lib_total / pd_total:.1f}x the time")
    print(f"  peak memory: {lib['peak_mib'] / pd_res['peak_mib']:.1f}x")


if __name__ == "__main__":
    main()
