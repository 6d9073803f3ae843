"""Two years of ward forms in a figure store, one corrected, the city compared with last year.

The police of Bảo Lộc city collect a form from each of its wards and communes
every month. Each form is imported into the city's store (an embedded DuckDB
file: nothing to install or start) as a batch with its provenance. A ward
then sends a corrected form: the store keeps both versions. The city's first
half of 2022 is rolled up in the store and compared with the first half of
2021, straight from the store, with how many units reported.

Run with ``python examples/store_year_on_year.py`` (needs the extra
``store``: ``pip install 'anninh-toandan[store]'``). It works in a temporary
folder and removes it.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from anninh_toandan import Figure, FigureSet, Hierarchy, Period, Quantity
from anninh_toandan.aggregate import Comparison
from anninh_toandan.formatting import format_change, format_period, format_quantity
from anninh_toandan.indicator import OUTREACH_SESSIONS, SECURITY_MODELS_ACTIVE, TIPS_RECEIVED
from anninh_toandan.store import open_store

CITY = "673"  # Bảo Lộc city
INDICATORS = (OUTREACH_SESSIONS, TIPS_RECEIVED, SECURITY_MODELS_ACTIVE)


def ward_form(ward: str, year: int, month: int, rng: random.Random) -> FigureSet:
    """One ward's monthly form: sessions, tips, and the security models active at the month's end."""
    p = Period.month(year, month)
    return FigureSet(
        [
            Figure.reported(OUTREACH_SESSIONS, ward, p, Quantity.exact(rng.randrange(2, 9), "buổi")),
            Figure.reported(TIPS_RECEIVED, ward, p, Quantity.exact(rng.randrange(0, 6), "tin")),
            Figure.reported(SECURITY_MODELS_ACTIVE, ward, p, Quantity.exact(rng.randrange(1, 4), "mô hình")),
        ]
    )


def line(c: Comparison) -> str:
    """One line of the report: the value, the change against last year, and who reported."""
    now = c.current
    done = now.completeness
    value = "chưa có số liệu" if now.total is None else format_quantity(now.total)
    change = format_change(now.total, c.base.total, previous_period=c.base.period) if now.total else ""
    if now.is_complete:
        told = f"đủ báo cáo của {done.units} đơn vị"
    else:
        told = "thiếu số liệu của " + ", ".join(f"{u} {format_period(p)}" for u, p in done.missing)
    return f"- {now.indicator.name_vi}: {value}, {change} ({told})"


def main() -> None:
    hierarchy = Hierarchy.bundled()
    wards = [u.code for u in hierarchy.children(CITY)]
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bao_loc.duckdb") as store:
        # Two years of forms, January to June; one ward did not send its June 2022 form.
        for year in (2021, 2022):
            for month in range(1, 7):
                for ward in wards:
                    if (ward, year, month) == (wards[-1], 2022, 6):
                        continue
                    form = ward_form(ward, year, month, rng)
                    store.add(form, source=f"{ward}-{year}{month:02d}.xlsx", reported_by=f"Công an {ward}")
        print(f"{len(store.batches())} forms imported for {len(wards)} wards and communes")

        # A ward corrects its March 2022 form: the first version is kept, with its batch.
        march = Period.month(2022, 3)
        fixed = store.figures(units=[wards[0]], within=march)
        fixed = FigureSet(
            Figure.reported(f.indicator, f.unit, f.period, f.value + Quantity.exact(2, f.value.unit))  # type: ignore[operator]
            if f.indicator is TIPS_RECEIVED
            else f
            for f in fixed
        )
        store.add(fixed, source=f"{wards[0]}-202203-bo-sung.xlsx", reported_by=f"Công an {wards[0]}")
        for v in store.history(TIPS_RECEIVED, wards[0], march):
            state = "hiện hành" if v.current else "đã được thay"
            print(f"  {wards[0]} tháng 3/2022, lô {v.batch.id} ({v.batch.source}): {v.figure.value.value} tin, {state}")  # type: ignore[union-attr]

        # The city's first half of 2022 against the first half of 2021, rolled up in the store.
        h1 = Period.half_year(2022, 1)
        print(f"\nTP Bảo Lộc, {format_period(h1)} so với cùng kỳ:")
        for ind in INDICATORS:
            print(line(store.compare(ind, unit=CITY, period=h1, hierarchy=hierarchy)))


if __name__ == "__main__":
    main()
