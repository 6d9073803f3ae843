"""The figure store at national scale: DuckDB and PostgreSQL next to the in-memory Rollup and pandas.

Run with ``python benchmarks/store.py`` (the whole country: 1.2 million
figures, 24 months) or ``python benchmarks/store.py --scale 0.05`` (5 % of the
communes and tips: a few minutes on a small machine; ``ANNINH_NATIONAL_SCALE``
sets the default). PostgreSQL is the server
named by ``ANNINH_TEST_POSTGRES`` (default
``postgresql://127.0.0.1:5432/test``; its side is skipped when none answers);
each run works in a schema of its own, dropped afterwards.

The data are those of ``benchmarks/national.py`` (its generator is imported,
not copied): 34 provinces, 3,321 communes, 12 indicators over 24 months plus
three tip indicators counted from a million tip records. Each side runs in its
own process and does the same four things, three times each; the script
prints the median CPU time of each (``time.process_time``: every thread of the
process; for PostgreSQL the server process that served the connection is
added, read from ``/proc``):

* **import**: the store adds the figures as one batch (the in-memory side
  builds its ``FigureSet`` from the files; pandas reads the files into one
  long frame);
* **current figures**: the store gives back the whole current ``FigureSet``
  (the other sides hold theirs already);
* **national roll-up**: 15 indicators for the 34 provinces and the nation over
  every month, quarter, half-year, nine months and year (40 periods): the
  store's ``table``, ``Rollup.table``, a pandas group-by;
* **year on year**: 2024's quarters, halves, nine months and year against
  2023's, for the same targets, with ``Comparison`` objects (pandas: a merge
  and a difference).

The sides must agree on the province and nation totals of two indicators; the
script checks that before printing.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import national

if TYPE_CHECKING:
    from anninh_toandan import FigureSet, Hierarchy, Period

PG_URL = os.environ.get("ANNINH_TEST_POSTGRES", "postgresql://127.0.0.1:5432/test")
RUNS = 3
SIDES = ("memory", "duckdb", "postgresql", "pandas")
CHECKED = ("outreach_sessions", "tips_received")


def scale_generator(scale: float) -> None:
    """Make the national generator write *scale* of the communes and tips (provinces stay 34).

    Both ways the generator has been scaled are set: its module constants, and the
    ``ANNINH_NATIONAL_SCALE`` variable that newer versions of it read (inherited by the sides).
    """
    os.environ["ANNINH_NATIONAL_SCALE"] = repr(scale)
    national.N_COMMUNES = max(national.N_PROVINCES, round(3321 * scale))
    national.N_TIPS = round(1_000_000 * scale)


def build_figures(folder: Path) -> FigureSet:
    """The figure set of the files, as ``national.py`` builds it (figures, then the tips counted by month)."""
    import pendulum

    from anninh_toandan import STANDARD_INDICATORS, FigureSet, Period
    from anninh_toandan.tip import Tip, tip_figures_by_period

    periods = {pid: Period.parse(pid) for pid, _ in national.all_periods()}
    ind = {code: STANDARD_INDICATORS[code] for code in (*national.INDICATORS, *national.TIP_INDICATORS)}
    with (folder / "figures.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        fs = FigureSet.from_records(national.figure_records(rows, ind, periods))
    days: dict[str, pendulum.Date] = {}
    tips = []
    with (folder / "tips.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        for day, unit, valuable, case in rows:
            d = days.get(day) or days.setdefault(day, pendulum.Date.fromisoformat(day))
            tips.append(Tip(received_on=d, unit=unit, valuable=valuable == "1", case_ids=(case,) if case else ()))
    return fs.with_figures(tip_figures_by_period(tips))


def hierarchy() -> Hierarchy:
    from anninh_toandan import Hierarchy, Level, OrgUnit
    from anninh_toandan.orgunit import UnitKind

    units = national.communes()
    provinces = sorted({p for _, p in units})
    return Hierarchy(
        [
            OrgUnit(code="VN", name="Việt Nam", level=Level.NATION, kind=UnitKind.COUNTRY),
            *(OrgUnit(code=p, name=p, level=Level.PROVINCE, kind=UnitKind.PROVINCE, parent="VN") for p in provinces),
            *(OrgUnit(code=c, name=c, level=Level.COMMUNE, kind=UnitKind.COMMUNE, parent=p) for c, p in units),
        ]
    )


def targets() -> list[str]:
    return [*sorted({p for _, p in national.communes()}), "VN"]


class Clock:
    """CPU seconds of this process, plus those of a PostgreSQL server process when one is named."""

    def __init__(self, server_pid: int | None = None) -> None:
        self.server_pid = server_pid

    def _server(self) -> float:
        if self.server_pid is None:
            return 0.0
        fields = Path(f"/proc/{self.server_pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def now(self) -> float:
        return time.process_time() + self._server()


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


# -- the library's sides ---------------------------------------------------------------


def run_library(side: str, folder: Path) -> dict[str, Any]:
    from anninh_toandan import Period
    from anninh_toandan.aggregate import Basis, Comparison, Rollup
    from anninh_toandan.indicator import STANDARD_INDICATORS

    h = hierarchy()
    tg = targets()
    periods = [Period.parse(pid) for pid, _ in national.all_periods()]
    inds = [STANDARD_INDICATORS[c] for c in (*national.INDICATORS, *national.TIP_INDICATORS)]
    # What reviews compare: 2024's quarters, halves, nine months and year against 2023's.
    this_year = [p for p in periods if p.year == national.YEARS[-1] and p.kind.value != "month"]
    times: dict[str, list[float]] = {"import": [], "current figures": [], "national roll-up": [], "year on year": []}
    table: tuple[Any, ...] = ()
    comparisons: list[Comparison] = []

    def yoy(run: Callable[[list[Period]], tuple[Any, ...]]) -> list[Comparison]:
        current = run(this_year)
        base = {(a.indicator.code, a.unit, a.period): a for a in run([p.same_period_last_year() for p in this_year])}
        return [
            Comparison(
                current=a,
                base=base[(a.indicator.code, a.unit, a.period.same_period_last_year())],
                basis=Basis.SAME_PERIOD_LAST_YEAR,
            )
            for a in current
        ]

    if side == "memory":
        for _ in range(RUNS):
            clock = Clock()
            t0 = clock.now()
            fs = build_figures(folder)
            times["import"].append(clock.now() - t0)
            t0 = clock.now()
            table = Rollup(fs, h).table(inds, tg, periods)
            times["national roll-up"].append(clock.now() - t0)
            t0 = clock.now()
            engine = Rollup(fs, h)
            comparisons = yoy(lambda ps, engine=engine: engine.table(inds, tg, ps))  # type: ignore[misc]
            times["year on year"].append(clock.now() - t0)
        figures = len(fs)
    else:
        from anninh_toandan.store import open_store

        fs = build_figures(folder)
        figures = len(fs)
        for run in range(RUNS):
            if side == "duckdb":
                store = open_store(folder / f"store-{run}.duckdb")
                clock = Clock()
                schema = None
            else:
                schema = f"anninh_bench_{uuid.uuid4().hex[:10]}"
                store = open_store(PG_URL, schema=schema)
                clock = Clock(int(store._run("SELECT pg_backend_pid()")[0][0]))
            try:
                t0 = clock.now()
                store.add(fs, source="national")
                times["import"].append(clock.now() - t0)
                t0 = clock.now()
                back = store.figures()
                times["current figures"].append(clock.now() - t0)
                assert len(back) == figures
                del back
                t0 = clock.now()
                table = store.table(inds, tg, periods, hierarchy=h)
                times["national roll-up"].append(clock.now() - t0)
                t0 = clock.now()
                comparisons = yoy(lambda ps, store=store: store.table(inds, tg, ps, hierarchy=h))  # type: ignore[misc]
                times["year on year"].append(clock.now() - t0)
            finally:
                if schema is not None:
                    store._run(f"DROP SCHEMA {schema} CASCADE")
                store.close()
    totals = {
        f"{a.indicator.code}|{a.unit}|{a.period.id}": a.value.low
        for a in table
        if a.value is not None and a.indicator.code in CHECKED
    }
    return {
        "times": {k: _median(v) for k, v in times.items() if v},
        "figures": figures,
        "aggregates": len(table),
        "comparisons": len(comparisons),
        "totals": totals,
    }


# -- pandas --------------------------------------------------------------------------------


def run_pandas(folder: Path) -> dict[str, Any]:
    import pandas as pd

    times: dict[str, list[float]] = {"import": [], "national roll-up": [], "year on year": []}
    province = dict(national.communes())
    rows = [(pid, m) for pid, months in national.all_periods() for m in months]
    period_map = pd.DataFrame(rows, columns=["target", "period"])
    last_month = pd.DataFrame(
        [(pid, months[-1]) for pid, months in national.all_periods()], columns=["target", "period"]
    )
    table = pd.Series(dtype="int64")
    for _ in range(RUNS):
        t0 = time.process_time()
        df = pd.read_csv(
            folder / "figures.csv",
            dtype={"indicator": "category", "unit": "category", "period": "string", "status": "category"},
        )
        df = df[df["status"] == "reported"]
        tips = pd.read_csv(folder / "tips.csv", dtype={"unit": "category", "case": "string"})
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
        times["import"].append(time.process_time() - t0)

        t0 = time.process_time()
        df["province"] = df["unit"].map(province).astype("category")
        flows = df[df["indicator"] != "security_models_active"].merge(period_map, on="period")
        flow_sum = flows.groupby(["indicator", "province", "target"], observed=True)["value"].sum()
        stocks = df[df["indicator"] == "security_models_active"].merge(last_month, on="period")
        stock_sum = stocks.groupby(["indicator", "province", "target"], observed=True)["value"].sum()
        by_province = pd.concat([flow_sum, stock_sum])
        nation = by_province.groupby(level=["indicator", "target"], observed=True).sum()
        nation.index = pd.MultiIndex.from_tuples([(i, "VN", t) for i, t in nation.index], names=by_province.index.names)
        table = pd.concat([by_province, nation])
        times["national roll-up"].append(time.process_time() - t0)

        t0 = time.process_time()
        frame = table.rename("value").reset_index()
        frame["year"] = frame["target"].str.slice(0, 4)
        frame["rest"] = frame["target"].str.slice(4)
        frame = frame[frame["rest"].str.len() != 2]  # months aside, as on the library's side
        now = frame[frame["year"] == str(national.YEARS[-1])]
        before = frame[frame["year"] == str(national.YEARS[0])]
        both = now.merge(before, on=["indicator", "province", "rest"], suffixes=("", "_base"))
        both["change"] = both["value"] - both["value_base"]
        times["year on year"].append(time.process_time() - t0)
    totals = {f"{i}|{p}|{t}": int(v) for (i, p, t), v in table.items() if i in CHECKED}
    return {"times": {k: _median(v) for k, v in times.items()}, "totals": totals, "comparisons": len(both)}


# -- driver --------------------------------------------------------------------------------


def postgres_answers() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_URL, connect_timeout=3).close()
    except Exception:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=float(os.environ.get("ANNINH_NATIONAL_SCALE") or "1"))
    parser.add_argument("--side", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    scale_generator(args.scale)
    if args.side:
        folder = Path(args.folder)
        result = run_pandas(folder) if args.side == "pandas" else run_library(args.side, folder)
        print(json.dumps(result))
        return
    sides = [s for s in SIDES if s != "postgresql" or postgres_answers()]
    if "postgresql" not in sides:
        print(f"no PostgreSQL server answers at {PG_URL}: its side is skipped")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        national.write_data(folder)
        results = {}
        for side in sides:
            out = subprocess.run(
                [sys.executable, __file__, "--scale", str(args.scale), "--side", side, "--folder", str(folder)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": "0"},
            )
            results[side] = json.loads(out.stdout)
    mem = results["memory"]
    print(
        f"scale {args.scale:g}: {len(national.communes()):,} communes, {mem['figures']:,} figures; "
        f"{mem['aggregates']:,} aggregates per roll-up, {mem['comparisons']:,} comparisons year on year"
    )
    for side, res in results.items():
        if side != "memory":
            same = {k: v for k, v in res["totals"].items() if k in mem["totals"]}
            assert same and all(mem["totals"][k] == v for k, v in same.items()), f"{side} disagrees with Rollup"
            assert len(same) == len(res["totals"]), f"{side} has totals Rollup lacks"
    steps = ("import", "current figures", "national roll-up", "year on year")
    print(f"\nCPU seconds, median of {RUNS} runs, each side in its own process")
    print(f"{'':<20}" + "".join(f"{s:>14}" for s in results))
    for step in steps:
        cells = [res["times"].get(step) for res in results.values()]
        print(f"{step:<20}" + "".join(f"{'—' if c is None else f'{c:.2f}':>14}" for c in cells))
    print("\nratios to the in-memory Rollup (import: to building the FigureSet from the files)")
    for side, res in results.items():
        if side == "memory":
            continue
        parts = [
            f"{step} {res['times'][step] / mem['times'][step]:.2f}x"
            for step in steps
            if step in res["times"] and step in mem["times"] and mem["times"][step]
        ]
        print(f"  {side:<12}" + ", ".join(parts))


if __name__ == "__main__":
    main()
