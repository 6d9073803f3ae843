"""Which column engine for a columnar ``FigureSet``? The national roll-up on integer-coded columns.

Run with ``python benchmarks/columnar.py`` (``pip install -e '.[bench]'``;
``ANNINH_NATIONAL_SCALE`` and ``ANNINH_NATIONAL_RUNS`` as in
``benchmarks/national.py``). A study for issue 14, not a part of the library.

The national data (``benchmarks/_national_data.py``) is read once with
pyarrow and coded as integers, as a columnar ``FigureSet`` would hold it: one
row per reported cell with ``indicator`` (index into the catalogue), ``unit``
(index of the commune), ``province`` (index of its province), ``month``
(0..23), ``value`` (int64) and ``more`` (the "hơn ..." flag: no upper bound);
the tips are counted per commune and month into the three tip indicators on
the way (NumPy, one ``unique`` for the distinct cases). That stage is timed
too, in its own process (``code``). The coded columns are written to an Arrow
IPC file.

Then each engine, in its own process, loads the IPC file and rolls every
indicator up to the 34 provinces and the nation for the 40 periods: the sum
of the values (the lower bound), the count of "hơn" values (no upper bound
when above 0), the cells reported, the units reporting (a unit counts when it
reported a month of the period; for the stock, the closing month), and the
number of missing cells:

* ``numpy``: ``bincount`` to (indicator, province, month), a months-to-periods
  0/1 matrix product (the stock through a closing-month matrix), bit masks of
  the months each commune reported for the units reporting;
* ``pyarrow``: ``Table.group_by`` to province-months, ``Table.join`` with the
  months-to-periods table, ``group_by`` again;
* ``polars``: the same with polars' ``group_by`` and ``join``;
* ``duckdb``: the same in SQL, over the Arrow table without a copy;
* ``python``: the same with dicts over the columns as Python lists, the
  reference the others are checked against.

pyarrow's ``Table.group_by`` and ``to_numpy`` and DuckDB's ``register``
import pandas on first use when it is installed (about 0.4 s of CPU, in the
first roll-up); the NumPy engine reads the Arrow buffers directly to avoid it.

CPU seconds (``time.process_time``, every thread counted) and peak resident
memory, median of the runs; the roll-up is timed twice in the same process,
the first time (with the engine's lazy start-up: kernels, thread pools) and
again (warm); every engine's result is checked equal to the
reference.
"""

from __future__ import annotations

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

try:  # run as a script (benchmarks/ on sys.path) or imported as benchmarks.columnar
    from _national_data import INDICATORS, TIP_INDICATORS, YEARS, all_periods, communes, peak_mib, write_data
except ImportError:  # pragma: no cover - depends on how the module is reached
    from benchmarks._national_data import (
        INDICATORS,
        TIP_INDICATORS,
        YEARS,
        all_periods,
        communes,
        peak_mib,
        write_data,
    )

CODES = (*INDICATORS, *TIP_INDICATORS)
STOCK = CODES.index("security_models_active")
N_MONTHS = 12 * len(YEARS)


def periods() -> list[tuple[str, list[int]]]:
    """(period id, month indices) for the 40 periods."""
    index = {f"{YEARS[0] + i // 12}{i % 12 + 1:02d}": i for i in range(N_MONTHS)}
    return [(pid, [index[m] for m in months]) for pid, months in all_periods()]


def code(folder: Path) -> dict[str, Any]:
    """Read the CSV files with pyarrow, code them as integers, write ``cells.arrow``."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pcsv
    import pyarrow.ipc as ipc

    units = communes()
    unit_index = pa.array([c for c, _ in units])
    provinces = sorted({p for _, p in units})
    province_of = np.array([provinces.index(p) for _, p in units], dtype=np.int8)

    tips = pcsv.read_csv(
        folder / "tips.csv",
        convert_options=pcsv.ConvertOptions(
            column_types={"received_on": pa.date32(), "unit": pa.string(), "valuable": pa.int8(), "case": pa.string()}
        ),
    )
    day = tips["received_on"]
    month = ((to_numpy(pc.year(day)) - YEARS[0]) * 12 + to_numpy(pc.month(day)) - 1).astype(np.int64)
    unit = to_numpy(pc.index_in(tips["unit"], value_set=unit_index)).astype(np.int64)
    valuable = to_numpy(tips["valuable"]).astype(bool)
    cell = unit * N_MONTHS + month
    n_cells = len(units) * N_MONTHS
    received = np.bincount(cell, minlength=n_cells)
    valued = np.bincount(cell[valuable], minlength=n_cells)
    case = pc.dictionary_encode(tips["case"]).combine_chunks()
    has_case = valuable & to_numpy(pc.is_valid(case))
    case_code = to_numpy(pc.fill_null(case.indices, 0))
    pairs = np.unique(cell[has_case] * (len(case.dictionary) + 1) + case_code[has_case])
    cases = np.bincount(pairs // (len(case.dictionary) + 1), minlength=n_cells)
    tipped = np.flatnonzero(received)

    fig = pcsv.read_csv(
        folder / "figures.csv",
        convert_options=pcsv.ConvertOptions(
            column_types={"period": pa.int32(), "value": pa.int64()}, strings_can_be_null=True
        ),
    )
    fig = fig.filter(pc.equal(fig["status"], "reported"))
    period = to_numpy(fig["period"])
    parts = {
        "indicator": [to_numpy(pc.index_in(fig["indicator"], value_set=pa.array(CODES))).astype(np.int8)],
        "unit": [to_numpy(pc.index_in(fig["unit"], value_set=unit_index)).astype(np.int32)],
        "month": [((period // 100 - YEARS[0]) * 12 + period % 100 - 1).astype(np.int8)],
        "value": [to_numpy(fig["value"])],
        "more": [to_numpy(pc.equal(fig["qualifier"], "more_than"))],
    }
    for i, counts in enumerate((received, valued, cases)):
        parts["indicator"].append(np.full(len(tipped), CODES.index(TIP_INDICATORS[i]), dtype=np.int8))
        parts["unit"].append((tipped // N_MONTHS).astype(np.int32))
        parts["month"].append((tipped % N_MONTHS).astype(np.int8))
        parts["value"].append(counts[tipped].astype(np.int64))
        parts["more"].append(np.zeros(len(tipped), dtype=bool))
    columns = {k: np.concatenate(v) for k, v in parts.items()}
    columns["province"] = province_of[columns["unit"]]
    table = pa.table(columns)
    with ipc.new_file(folder / "cells.arrow", table.schema) as out:
        out.write_table(table)
    return {"rows": table.num_rows, "nbytes": table.nbytes, "units": len(units), "provinces": len(provinces)}


# Each engine computes the roll-up in its own structures and returns a function that lists it as rows
# [indicator, target, period, low, more, reported, units_reporting] (target -1 for the nation); the
# listing is not timed.
Rows = Callable[[], list[list[int]]]


def numpy_column(table: Any, name: str) -> Any:
    """A column without nulls as a NumPy array, straight from its Arrow buffers."""
    return to_numpy(table[name])


def to_numpy(array: Any) -> Any:
    """An Arrow array without nulls as a NumPy array, from its buffers.

    (pyarrow's own ``to_numpy`` imports pandas on first use when it is installed: 0.4 s of CPU.)
    """
    import numpy as np
    import pyarrow as pa

    arr = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    data = arr.buffers()[1]
    if pa.types.is_boolean(arr.type):
        bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8), bitorder="little")
        return bits[arr.offset : arr.offset + len(arr)].astype(bool)
    return np.frombuffer(data, dtype=arr.type.to_pandas_dtype())[arr.offset : arr.offset + len(arr)]


def run_numpy(table: Any, n_units: int, n_prov: int) -> Rows:
    import numpy as np

    ind = numpy_column(table, "indicator").astype(np.int64)
    prov = numpy_column(table, "province").astype(np.int64)
    month = numpy_column(table, "month").astype(np.int64)
    unit = numpy_column(table, "unit").astype(np.int64)
    value = numpy_column(table, "value")
    more = numpy_column(table, "more")
    n_ind = len(CODES)
    key = (ind * n_prov + prov) * N_MONTHS + month
    size = n_ind * n_prov * N_MONTHS
    # Integer sums: bincount adds in float64, exact below 2**53; split the values to stay exact anyway.
    high_part, low_part = np.divmod(value, 1 << 26)
    low = (np.bincount(key, weights=high_part, minlength=size).astype(np.int64) << 26) + np.bincount(
        key, weights=low_part, minlength=size
    ).astype(np.int64)
    n_more = np.bincount(key, weights=more, minlength=size).astype(np.int64)
    reported = np.bincount(key, minlength=size).astype(np.int64)
    pm = periods()
    flow = np.zeros((N_MONTHS, len(pm)), dtype=np.int64)
    stock = np.zeros((N_MONTHS, len(pm)), dtype=np.int64)
    for j, (_, months) in enumerate(pm):
        flow[months, j] = 1
        stock[months[-1], j] = 1
    out = {}
    for name, monthly in (("low", low), ("more", n_more), ("reported", reported)):
        cube = monthly.reshape(n_ind, n_prov, N_MONTHS)
        by_period = cube @ flow
        by_period[STOCK] = cube[STOCK] @ stock
        out[name] = np.concatenate([by_period, by_period.sum(axis=1, keepdims=True)], axis=1)
    # Units reporting: the months of each (indicator, commune) as bits, against each period's months.
    ukey = ind * n_units + unit
    mask = np.bincount(ukey, weights=np.left_shift(1, month), minlength=n_ind * n_units).astype(np.int64)
    pmask = np.array([sum(1 << m for m in months) for _, months in pm], dtype=np.int64)
    smask = np.array([1 << months[-1] for _, months in pm], dtype=np.int64)
    masks = mask.reshape(n_ind, n_units)
    hit = (masks[:, :, None] & pmask[None, None, :]) != 0
    hit[STOCK] = (masks[STOCK][:, None] & smask[None, :]) != 0
    province_of = np.zeros(n_units, dtype=np.int64)
    province_of[unit] = prov
    n_p = len(pm)
    where = (np.arange(n_ind)[:, None, None] * n_prov + province_of[None, :, None]) * n_p + np.arange(n_p)
    urep = np.bincount(where.ravel(), weights=hit.ravel(), minlength=n_ind * n_prov * n_p).astype(np.int64)
    urep = urep.reshape(n_ind, n_prov, n_p)
    out["units"] = np.concatenate([urep, urep.sum(axis=1, keepdims=True)], axis=1)

    def rows() -> list[list[int]]:
        return [
            [i, t if t < n_prov else -1, j, *(int(out[k][i, t, j]) for k in ("low", "more", "reported", "units"))]
            for i in range(n_ind)
            for t in range(n_prov + 1)
            for j in range(n_p)
        ]

    return rows


def _period_table() -> tuple[list[int], list[int], list[int]]:
    """The months-to-periods map as columns (indicator kind 0 flow, 1 stock; month; period index)."""
    kind, month, period = [], [], []
    for j, (_, months) in enumerate(periods()):
        for m in months:
            kind.append(0)
            month.append(m)
            period.append(j)
        kind.append(1)
        month.append(months[-1])
        period.append(j)
    return kind, month, period


def _masks() -> tuple[list[int], list[int], list[int]]:
    kind, period, pmask = [], [], []
    for j, (_, months) in enumerate(periods()):
        kind += [0, 1]
        period += [j, j]
        pmask += [sum(1 << m for m in months), 1 << months[-1]]
    return kind, period, pmask


def run_pyarrow(table: Any, n_units: int, n_prov: int) -> Rows:
    import pyarrow as pa
    import pyarrow.compute as pc

    t = table.append_column("kind", pc.cast(pc.equal(table["indicator"], STOCK), pa.int8()))
    t = t.append_column("one", pc.cast(t["more"], pa.int64()))
    monthly = t.group_by(["indicator", "kind", "province", "month"]).aggregate(
        [("value", "sum"), ("one", "sum"), ("value", "count")]
    )
    kind, month, period = _period_table()
    pmap = pa.table(
        {"kind": pa.array(kind, pa.int8()), "month": pa.array(month, pa.int8()), "period": pa.array(period, pa.int16())}
    )
    joined = monthly.join(pmap, keys=["kind", "month"])
    prov = joined.group_by(["indicator", "province", "period"]).aggregate(
        [("value_sum", "sum"), ("one_sum", "sum"), ("value_count", "sum")]
    )
    nation = prov.group_by(["indicator", "period"]).aggregate(
        [("value_sum_sum", "sum"), ("one_sum_sum", "sum"), ("value_count_sum", "sum")]
    )
    # Units reporting: bit masks per (indicator, commune).
    bits = pc.shift_left(pa.scalar(1, pa.int64()), pc.cast(t["month"], pa.int64()))
    u = pa.table(
        {"indicator": t["indicator"], "kind": t["kind"], "unit": t["unit"], "province": t["province"], "bit": bits}
    )
    masks = u.group_by(["indicator", "kind", "unit", "province"]).aggregate([("bit", "sum")])
    mk, mp, mm = _masks()
    ptab = pa.table({"kind": pa.array(mk, pa.int8()), "period": pa.array(mp, pa.int16()), "pmask": mm})
    crossed = masks.join(ptab, keys=["kind"])  # every period of the indicator's kind
    hit = pc.not_equal(pc.bit_wise_and(crossed["bit_sum"], crossed["pmask"]), 0)
    crossed = crossed.append_column("hit", pc.cast(hit, pa.int64()))
    urep = crossed.group_by(["indicator", "province", "period"]).aggregate([("hit", "sum")])
    urep_n = urep.group_by(["indicator", "period"]).aggregate([("hit_sum", "sum")])

    def rows() -> list[list[int]]:
        got: dict[tuple[int, int, int], list[int]] = {}
        for r in prov.to_pylist():
            got[(r["indicator"], r["province"], r["period"])] = [
                r["value_sum_sum"],
                r["one_sum_sum"],
                r["value_count_sum"],
                0,
            ]
        for r in nation.to_pylist():
            key = (r["indicator"], -1, r["period"])
            got[key] = [r["value_sum_sum_sum"], r["one_sum_sum_sum"], r["value_count_sum_sum"], 0]
        for r in urep.to_pylist():
            got[(r["indicator"], r["province"], r["period"])][3] = r["hit_sum"]
        for r in urep_n.to_pylist():
            got[(r["indicator"], -1, r["period"])][3] = r["hit_sum_sum"]
        return [[*k, *v] for k, v in got.items()]

    return rows


def run_polars(table: Any, n_units: int, n_prov: int) -> Rows:
    import polars as pl

    t = pl.from_arrow(table).with_columns(kind=(pl.col("indicator") == STOCK).cast(pl.Int8))
    assert isinstance(t, pl.DataFrame)
    kind, month, period = _period_table()
    pmap = pl.DataFrame(
        {"kind": kind, "month": month, "period": period}, schema={"kind": pl.Int8, "month": pl.Int8, "period": pl.Int16}
    )
    monthly = t.group_by("indicator", "kind", "province", "month").agg(
        low=pl.col("value").sum(), more=pl.col("more").sum().cast(pl.Int64), reported=pl.len().cast(pl.Int64)
    )
    prov = (
        monthly.join(pmap, on=["kind", "month"])
        .group_by("indicator", "province", "period")
        .agg(pl.col("low").sum(), pl.col("more").sum(), pl.col("reported").sum())
    )
    mk, mp, mm = _masks()
    ptab = pl.DataFrame(
        {"kind": mk, "period": mp, "pmask": mm}, schema={"kind": pl.Int8, "period": pl.Int16, "pmask": pl.Int64}
    )
    urep = (
        t.group_by("indicator", "kind", "unit", "province")
        .agg(mask=pl.lit(2, pl.Int64).pow(pl.col("month").cast(pl.Int64)).sum())
        .join(ptab, on="kind")
        .group_by("indicator", "province", "period")
        .agg(units=((pl.col("mask") & pl.col("pmask")) != 0).sum().cast(pl.Int64))
    )
    prov = prov.join(urep, on=["indicator", "province", "period"], how="left").with_columns(
        pl.col("province").cast(pl.Int64)
    )
    nation = (
        prov.group_by("indicator", "period")
        .agg(pl.col("low").sum(), pl.col("more").sum(), pl.col("reported").sum(), pl.col("units").sum())
        .with_columns(province=pl.lit(-1, pl.Int64))
    )
    both = pl.concat([prov, nation.select(prov.columns)])
    return lambda: [
        list(r) for r in both.select("indicator", "province", "period", "low", "more", "reported", "units").rows()
    ]


def run_duckdb(table: Any, n_units: int, n_prov: int) -> Rows:
    import duckdb
    import pyarrow as pa

    kind, month, period = _period_table()
    pmap = pa.table({"kind": kind, "month": month, "period": period})
    mk, mp, mm = _masks()
    ptab = pa.table({"kind": mk, "period": mp, "pmask": mm})
    db = duckdb.connect()
    db.register("cells", table)
    db.register("pmap", pmap)
    db.register("ptab", ptab)
    db.execute(
        f"""
        CREATE TABLE result AS
        WITH c AS (SELECT *, (indicator = {STOCK})::INTEGER AS kind FROM cells),
        monthly AS (
            SELECT indicator, kind, province, month, sum(value) AS low, count(*) FILTER (more) AS more,
                   count(*) AS reported
            FROM c GROUP BY ALL
        ), prov AS (
            SELECT indicator, province, period, sum(low) AS low, sum(more) AS more, sum(reported) AS reported
            FROM monthly JOIN pmap USING (kind, month) GROUP BY ALL
        ), urep AS (
            SELECT indicator, province, period, count(*) FILTER ((mask & pmask) <> 0) AS units
            FROM (SELECT indicator, kind, unit, province, sum(1::BIGINT << month) AS mask FROM c GROUP BY ALL)
            JOIN ptab USING (kind) GROUP BY ALL
        ), p AS (SELECT * FROM prov JOIN urep USING (indicator, province, period))
        SELECT indicator, province::INTEGER, period, low::BIGINT, more, reported, units FROM p
        UNION ALL
        SELECT indicator, -1, period, sum(low)::BIGINT, sum(more)::BIGINT, sum(reported)::BIGINT, sum(units)::BIGINT
        FROM p GROUP BY ALL
        """
    )
    return lambda: [list(r) for r in db.execute("SELECT * FROM result").fetchall()]


def run_python(table: Any, n_units: int, n_prov: int) -> Rows:
    cols = {name: table[name].to_pylist() for name in ("indicator", "unit", "province", "month", "value", "more")}
    monthly: dict[tuple[int, int, int], list[int]] = {}
    masks: dict[tuple[int, int], list[int]] = {}
    for i, u, p, m, v, more in zip(*cols.values(), strict=True):
        got = monthly.get((i, p, m))
        if got is None:
            got = monthly[(i, p, m)] = [0, 0, 0]
        got[0] += v
        got[1] += more
        got[2] += 1
        mk = masks.get((i, u))
        if mk is None:
            mk = masks[(i, u)] = [p, 0]
        mk[1] |= 1 << m
    out: dict[tuple[int, int, int], list[int]] = {}
    pm = periods()
    for (i, p, m), (low, more, rep) in monthly.items():
        for j, (_, months) in enumerate(pm):
            if (months[-1] == m) if i == STOCK else (m in months):
                for t in (p, -1):
                    acc = out.setdefault((i, t, j), [0, 0, 0, 0])
                    acc[0] += low
                    acc[1] += more
                    acc[2] += rep
    for (i, _u), (p, mask) in masks.items():
        for j, (_, months) in enumerate(pm):
            if mask & (1 << months[-1] if i == STOCK else sum(1 << m for m in months)):
                out[(i, p, j)][3] += 1
                out[(i, -1, j)][3] += 1
    return lambda: [[*k, *v] for k, v in out.items()]


ENGINES = {
    "numpy": run_numpy,
    "pyarrow": run_pyarrow,
    "polars": run_polars,
    "duckdb": run_duckdb,
    "python": run_python,
}


def child(engine: str, folder: Path, info: dict[str, Any]) -> dict[str, Any]:
    t0 = time.process_time()
    if engine == "code":
        got = code(folder)
        return {"cpu": {"read and code": time.process_time() - t0}, "peak_mib": peak_mib(), **got}
    import importlib

    importlib.import_module(engine if engine != "python" else "json")
    import pyarrow.ipc as ipc

    t1 = time.process_time()
    table = ipc.open_file(folder / "cells.arrow").read_all()
    t2 = time.process_time()
    listing = ENGINES[engine](table, info["units"], info["provinces"])
    t3 = time.process_time()
    ENGINES[engine](table, info["units"], info["provinces"])  # again, warm: what a second roll-up costs
    t4 = time.process_time()
    rows = [[int(x) for x in r] for r in listing() if r[5] or r[6]]
    return {
        "cpu": {"import": t1 - t0, "load": t2 - t1, "roll up": t3 - t2, "again": t4 - t3},
        "peak_mib": peak_mib(),
        "rows": sorted(rows),
    }


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--engine":
        info = json.loads(sys.argv[4])
        print(json.dumps(child(sys.argv[2], Path(sys.argv[3]), info)))
        return
    import importlib.util

    runs = int(os.environ.get("ANNINH_NATIONAL_RUNS", "3"))
    engines = [e for e in ENGINES if e == "python" or importlib.util.find_spec(e) is not None]
    results: dict[str, list[dict[str, Any]]] = {e: [] for e in ("code", *engines)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_data(folder)

        def run(engine: str, info: dict[str, Any]) -> dict[str, Any]:
            cmd = [sys.executable, __file__, "--engine", engine, str(folder), json.dumps(info)]
            return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)

        info: dict[str, Any] = {}
        for _ in range(runs):
            got = run("code", {})
            results["code"].append(got)
            info = {"units": got["units"], "provinces": got["provinces"]}
            for engine in engines:
                results[engine].append(run(engine, info))
    reference = results["python"][0]["rows"]
    for engine, rs in results.items():
        for r in rs:
            assert engine == "code" or r["rows"] == reference, f"{engine} disagrees with the reference"
    coded = results["code"][0]
    print(
        f"{coded['rows']:,} reported cells as integer columns: {coded['nbytes'] / 2**20:.1f} MiB; "
        f"{len(reference):,} aggregates, all engines agree"
    )
    med = statistics.median
    code_cpu = med(r["cpu"]["read and code"] for r in results["code"])
    code_mem = med(r["peak_mib"] for r in results["code"])
    print(
        f"read both CSV files with pyarrow and code them (tips counted with NumPy): {code_cpu:.2f} s CPU, "
        f"peak {code_mem:.0f} MiB"
    )
    print(f"\nCPU seconds, median of {runs} runs, each engine in its own process:")
    print(f"  {'engine':<20}{'import':>10}{'load':>10}{'roll up':>10}{'again':>10}{'peak MiB':>10}")
    for engine, rs in results.items():
        if engine == "code":
            continue
        print(
            f"  {engine:<20}"
            + "".join(f"{med(r['cpu'][k] for r in rs):>10.3f}" for k in ("import", "load", "roll up", "again"))
            + f"{med(r['peak_mib'] for r in rs):>10.0f}"
        )


if __name__ == "__main__":
    main()
