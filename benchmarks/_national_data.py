"""The synthetic country of ``benchmarks/national.py``: its size, its units, its periods, its two CSV files.

``benchmarks/national.py`` re-exports every name here (``SEED``, ``N_PROVINCES``,
``N_COMMUNES``, ``YEARS``, ``N_TIPS``, ``INDICATORS``, ``TIP_INDICATORS``,
``communes``, ``write_data``, ``peak_mib``, ``all_periods``), so other
benchmarks can keep importing them from there.

At full scale the country has 34 provinces, 3,321 communes, 24 months
(2023-2024), 12 standard indicators (one commune-month in 100 not reported,
one in 100 absent, one value in 50 written "hơn ...") in about 960,000 rows of
``figures.csv``, and one million tip records in ``tips.csv``. The environment
variable ``ANNINH_NATIONAL_SCALE`` (a number in (0, 1], default 1) shrinks the
communes and the tips together, for a quick try: ``0.05`` gives 166 communes
and 50,000 tips, with the same density of tips per commune and month.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import resource
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

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
SCALE_VARIABLE = "ANNINH_NATIONAL_SCALE"


def scale() -> float:
    """The scale asked for in ``ANNINH_NATIONAL_SCALE`` (1 when unset)."""
    text = os.environ.get(SCALE_VARIABLE, "").strip()
    if not text:
        return 1.0
    value = float(text)
    if not 0 < value <= 1:
        raise ValueError(f"{SCALE_VARIABLE} must be a number in (0, 1] (got {text!r})")
    return value


def n_communes() -> int:
    """How many communes the country has at the current scale (at least one per province)."""
    return max(N_PROVINCES, round(N_COMMUNES * scale()))


def n_tips() -> int:
    """How many tip records the country has at the current scale."""
    return round(N_TIPS * n_communes() / N_COMMUNES)


def communes() -> list[tuple[str, str]]:
    """(commune code, province code): 3,321 communes (at full scale) spread over 34 provinces."""
    n = n_communes()
    return [(f"C{i:05d}", f"P{i * N_PROVINCES // n + 1:02d}") for i in range(n)]


def write_data(folder: Path) -> None:
    """Write ``figures.csv`` and ``tips.csv`` into *folder* (deterministic for a given scale)."""
    rng = random.Random(SEED)
    units = communes()
    n_units = len(units)
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
            scale_ = 10**9 if code == "fund_contributions" else 100
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
                            value = rng.randrange(0, scale_)
                        qualifier = "more_than" if roll > 0.98 else "exact"
                        w.writerow([code, unit, period, "reported", qualifier, value])
    start = dt.date(YEARS[0], 1, 1).toordinal()
    days = dt.date(YEARS[-1], 12, 31).toordinal() - start + 1
    with (folder / "tips.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["received_on", "unit", "valuable", "case"])
        for i in range(n_tips()):
            unit = units[rng.randrange(n_units)][0]
            day = dt.date.fromordinal(start + rng.randrange(days)).isoformat()
            valuable = rng.random() < 0.35
            case = f"VV-{i // 3}" if valuable and rng.random() < 0.5 else ""
            w.writerow([day, unit, int(valuable), case])


def figure_records(
    rows: Iterator[list[str]], indicators: Mapping[str, Any], periods: Mapping[str, Any]
) -> Iterator[tuple[Any, str, Any, Any]]:
    """The rows of ``figures.csv`` as ``FigureSet.from_records`` takes them: the library's reading of the file.

    One ``Quantity`` per distinct exact value (they are immutable), "more than" for the others, and
    ``NOT_REPORTED`` where a commune sent nothing. The library is imported here, not at the top, so that
    the other sides' processes never load it.
    """
    from anninh_toandan.figures import FigureStatus
    from anninh_toandan.quantity import Qualifier, Quantity

    quantities: dict[tuple[str, int], Quantity] = {}
    for code, unit, pid, status, qualifier, value in rows:
        indicator, period = indicators[code], periods[pid]
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


def peak_mib() -> float:
    """The peak resident memory of this process so far, in MiB."""
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


def last_year(period_id: str) -> str:
    """The id of the same period a year earlier (``2024Q1`` → ``2023Q1``)."""
    return str(int(period_id[:4]) - 1) + period_id[4:]
