"""``python -m anninh_toandan`` and the ``anninh-toandan`` command.

With no arguments it shows, in Vietnamese, the figures of the source case
(the half-year review of Programme no. 06 in Bảo Lộc, 2022), the periods they
belong to and the units they were reported for, with what became of those
units in 2025.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence

from anninh_toandan import Calendar, Hierarchy, Level, Period, Quantity
from anninh_toandan.formatting import format_date, format_money, format_period, format_quantity, spell_money

_FIGURES: tuple[tuple[str, Quantity], ...] = (
    ("buổi tuyên truyền", Quantity.exact(72, "buổi")),
    ("quần chúng nhân dân được tuyên truyền", Quantity.more_than(13000, "lượt")),
    ("bản in ấn", Quantity.more_than(250, "bản")),
    ("phát thanh trên hệ thống loa truyền thanh", Quantity.exact(2700, "lượt")),
    ("bài viết trên zalo, facebook", Quantity.order_of(100, "bài viết")),
    ("mô hình xây dựng mới", Quantity.exact(3, "mô hình")),
    ("tin có giá trị", Quantity.exact(100, "tin")),
)


def demo() -> str:
    """The text the command prints with no arguments."""
    h = Hierarchy.bundled()
    city = h["673"]
    period = Period.half_year(2022, 1)
    reporting = Period.half_year(2022, 1, calendar=Calendar.REPORTING)
    meeting = dt.date(2022, 7, 12)
    reform = dt.date(2025, 7, 1)
    lines = [
        f"Sơ kết Chương trình phối hợp số 06 — {city.full_name}, {format_period(period)}",
        f"Hội nghị: {format_date(meeting)}",
        f"Kỳ thống kê: {format_period(reporting, with_dates=True)}",
        "",
        "Một số kết quả:",
    ]
    lines += [f"  - {label}: {format_quantity(q)}" for label, q in _FIGURES]
    fund = Quantity.vnd(437_000_000)
    lines += [
        f"  - ủng hộ Quỹ Vì người nghèo: {format_money(fund)} (bằng chữ: {spell_money(fund.value)})",
        f"  - phần quà: {format_quantity(Quantity.order_of(100, 'phần quà'))}, "
        f"trị giá {format_money(Quantity.order_of(100_000_000, 'đồng'))}",
        "",
        f"Đơn vị năm 2022: {city.full_name} gồm {len(h.children(city.code, on=meeting))} phường, xã.",
        f"Từ ngày {format_date(reform, style='short')}, sau sắp xếp đơn vị hành chính:",
    ]
    for unit in h.units_on(reform, level=Level.COMMUNE):
        *rest, last = (h[c].full_name for c in h.predecessors(unit.code))
        lines.append(f"  - {unit.full_name}: từ {', '.join(rest)} và {last}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(__doc__.strip() if __doc__ else "")
        return 0
    if args:
        print(f"anninh-toandan: unknown arguments: {' '.join(args)} (try --help)", file=sys.stderr)
        return 2
    print(demo())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
