"""The results of the validation rules, worded for people (private).

Every check is a :class:`~anninh_toandan.rules.RuleResult` (of
:meth:`~anninh_toandan.review.Review.validate`); each rule carries what it
checks in Vietnamese and English (:meth:`~anninh_toandan.rules.Rule.name`).
This module words the outcome of each, with the figures involved, and the two
readings of a stock (:attr:`~anninh_toandan.rules.RuleResult.readings`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from anninh_toandan.formatting import format_date, format_number, format_period, format_quantity
from anninh_toandan.indicator import STANDARD_INDICATORS, IndicatorCatalogue
from anninh_toandan.quantity import Quantity
from anninh_toandan.rules import REVIEW_RULES, Interval, Outcome, RuleResult

__all__ = ["describe_readings", "describe_result", "describe_results"]

_OUTCOME = {
    "vi": {
        Outcome.SATISFIED: "Đạt",
        Outcome.POSSIBLY_VIOLATED: "Có thể sai",
        Outcome.VIOLATED: "Sai",
        Outcome.NOT_EVALUATED: "Chưa kiểm tra được",
    },
    "en": {
        Outcome.SATISFIED: "Satisfied",
        Outcome.POSSIBLY_VIOLATED: "Possibly violated",
        Outcome.VIOLATED: "Violated",
        Outcome.NOT_EVALUATED: "Not evaluated",
    },
}


def _side(side: Interval | _dt.date | None, locale: str) -> str:
    """A side of a rule as text: "100", "ít nhất 13.000", "nhiều nhất 5", "từ 100 đến 999", "không rõ"."""
    if side is None:
        return "?"
    if isinstance(side, _dt.date):
        return format_date(side, locale=locale, style="short")
    vi = locale == "vi"
    low, high = side.low or 0, side.high
    if low == high:
        return format_number(low, locale=locale)
    if high is None:  # no upper bound: a lower bound, if there is one worth saying
        if not low:
            return "không rõ" if vi else "unknown"
        return f"{'ít nhất' if vi else 'at least'} {format_number(low, locale=locale)}"
    if not low:
        return f"{'nhiều nhất' if vi else 'at most'} {format_number(high, locale=locale)}"
    a, b = format_number(low, locale=locale), format_number(high, locale=locale)
    return f"từ {a} đến {b}" if vi else f"from {a} to {b}"


def describe_result(
    result: RuleResult,
    *,
    locale: str = "vi",
    catalogue: IndicatorCatalogue | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """One line for a rule's result: "Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)."."""
    vi = locale == "vi"
    names = catalogue if catalogue is not None else STANDARD_INDICATORS
    what = result.rule.name("vi" if vi else "en")
    head = f"{_OUTCOME['vi' if vi else 'en'][result.outcome]}: {what[:1].upper()}{what[1:]}"
    if result.outcome is Outcome.NOT_EVALUATED:
        lacking = []
        for code, period in result.missing_keys:
            indicator = names.get(code)
            label = (labels or {}).get(code) or (
                (indicator.name_vi if vi else indicator.name_en) if indicator is not None else code
            )
            # The indicator by its name, quoted, as the report's table writes it: in lower case
            # "nhà đại đoàn kết xây mới và sửa chữa" read as if the houses reported above were missing.
            label = f"“{label}”"
            if period is not None:
                label += f" ({format_period(period, locale=locale, with_dates=False)})"
            lacking.append(label)
        if vi:
            line = f"{head} (báo cáo không có chỉ tiêu {'; '.join(lacking)})"
            if result.required is not None and len(lacking) == 1:
                line += f"; chỉ đúng nếu số liệu này là {format_number(result.required, locale=locale)}"
        else:
            line = f"{head} (the report has no figure for {'; '.join(lacking)})"
            if result.required is not None and len(lacking) == 1:
                line += f"; it holds only if that figure is {format_number(result.required, locale=locale)}"
        return line + "."
    if result.rule in REVIEW_RULES and result.is_problem:
        if result.figures:  # the figures outside the period reviewed
            periods = "; ".join(
                dict.fromkeys(format_period(f.period, locale=locale, with_dates=False) for f in result.figures)
            )
            n = len(result.figures)
            return f"{head} ({n} số liệu ngoài kỳ: {periods})." if vi else f"{head} ({n} outside it: {periods})."
        return f"{head} (không có số liệu)." if vi else f"{head} (no figures)."
    return f"{head} ({_side(result.left, locale)}; {_side(result.right, locale)})."


def describe_readings(result: RuleResult, *, locale: str = "vi") -> str | None:
    """The two readings of a stock whose opening figure is missing, or ``None`` when the result has none."""
    readings = result.readings
    if readings is None or not readings.is_exact:
        return None
    stock, outflow, unit = readings.closing, readings.outflow, readings.closing.unit
    after, before, left = readings.opening_if_after, readings.opening_if_before, readings.remaining_if_before
    assert after is not None and before is not None and left is not None

    def q(n: int) -> str:
        return format_quantity(Quantity.exact(n, unit), locale=locale)

    if locale == "en":
        return (
            f"It is not clear whether the total of {format_quantity(stock, locale='en')} counts the "
            f"{format_quantity(outflow, locale='en')} dissolved: if it is the total after them, there were "
            f"{q(after)} at the start; if before, there were {q(before)} at the start and {q(left)} remain. "
            "The figure at the start is needed to check it."
        )
    return (
        f"Chưa rõ tổng số {format_quantity(stock)} là số sau hay trước khi thanh loại "
        f"{format_quantity(outflow)}: nếu là số sau khi thanh loại, đầu kỳ có {q(after)}; nếu là số trước "
        f"khi thanh loại, đầu kỳ có {q(before)} và sau khi thanh loại còn {q(left)}. "
        "Cần số liệu đầu kỳ để kiểm tra."
    )


def describe_results(
    results: Iterable[RuleResult],
    *,
    locale: str = "vi",
    catalogue: IndicatorCatalogue | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[str]:
    """The lines of a "checks on the figures" section.

    The two readings of an ambiguous stock first, then problems, the
    unchecked and the rest; the consistency of the review
    (:data:`~anninh_toandan.rules.REVIEW_RULES`) only where it flags something.
    """
    order = {Outcome.VIOLATED: 0, Outcome.POSSIBLY_VIOLATED: 1, Outcome.NOT_EVALUATED: 2, Outcome.SATISFIED: 3}
    shown = [r for r in results if r.rule not in REVIEW_RULES or r.is_problem]
    ranked = sorted(shown, key=lambda r: order[r.outcome])
    lines = [line for r in shown if (line := describe_readings(r, locale=locale)) is not None]
    lines += [describe_result(r, locale=locale, catalogue=catalogue, labels=labels) for r in ranked]
    return lines
