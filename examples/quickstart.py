"""Quantities, periods and units in a few lines, worded in Vietnamese and English.

Run it with ``python examples/quickstart.py``.
"""

from __future__ import annotations

from datetime import date

from anninh_toandan import Calendar, Hierarchy, Period, Quantity
from anninh_toandan.formatting import format_date, format_period, format_quantity

# How much: approximate figures keep their qualifier through arithmetic.
reach = Quantity.more_than(13000, "lượt") + Quantity.exact(500, "lượt")
posts = Quantity.order_of(100, "bài viết")
for locale in ("vi", "en"):
    print(format_quantity(reach, locale=locale), "|", format_quantity(posts, locale=locale))

# When: the same half-year on the civil and on the reporting calendar.
for calendar in Calendar:
    half = Period.half_year(2022, 1, calendar=calendar)
    print(half.id, "=", format_period(half, with_dates=True))
print("cùng kỳ:", format_period(Period.half_year(2022, 1).same_period_last_year()))
print(format_date(date(2022, 7, 12)), "/", format_date(date(2014, 3, 6), style="document"))

# Where: units with a history.
units = Hierarchy.bundled()
dam_bri = units.find("Xã Đam B’ri")[0]
print(dam_bri.full_name, "→", ", ".join(units[c].full_name for c in units.successors(dam_bri.code)))
