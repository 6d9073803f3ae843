"""The results of the validation rules, worded for people (private).

The rules (:mod:`anninh_toandan.rules`) carry their messages in English, as
data; this module says what each standard rule checks in Vietnamese, and the
outcome of each check in Vietnamese or English, with the figures involved.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from anninh_toandan.figures import Finding
from anninh_toandan.formatting import format_date, format_number, format_period, format_quantity
from anninh_toandan.indicator import STANDARD_INDICATORS, IndicatorCatalogue
from anninh_toandan.quantity import Quantity
from anninh_toandan.rules import Interval, Outcome, RuleResult

__all__ = ["describe_finding", "describe_result", "describe_results"]

#: What each standard rule checks, in Vietnamese.
RULES_VI = {
    "tips_valuable_within_received": "Số tin có giá trị không vượt quá số tin tiếp nhận",
    "models_dissolved_within_available": (
        "Số mô hình thanh loại không vượt quá số mô hình hiện có đầu kỳ cộng số mô hình xây dựng mới"
    ),
    "houses_within_total": "Số nhà đại đoàn kết xây mới và sửa chữa không vượt quá tổng số nhà",
    "models_opening_not_negative": "Số mô hình đầu kỳ suy ra từ số liệu (tổng số − xây mới + thanh loại) không âm",
    "meeting_after_period_start": "Hội nghị được tổ chức sau ngày bắt đầu kỳ báo cáo",
    "security_models_active_stock_identity": (
        "Tổng số mô hình cuối kỳ bằng số đầu kỳ cộng số xây dựng mới trừ số thanh loại"
    ),
}

#: What each standard rule checks, in English.
RULES_EN = {
    "tips_valuable_within_received": "Valuable tips do not exceed the tips received",
    "models_dissolved_within_available": (
        "Models dissolved do not exceed the models active at the start plus those established"
    ),
    "houses_within_total": "Houses built and repaired do not exceed the houses in total",
    "models_opening_not_negative": "The models active at the start implied by the figures "
    "(total - established + dissolved) are not negative",
    "meeting_after_period_start": "The meeting is held after the start of the period it reviews",
    "security_models_active_stock_identity": (
        "The models at the end equal those at the start plus those established minus those dissolved"
    ),
}

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


def describe_result(result: RuleResult, *, locale: str = "vi", catalogue: IndicatorCatalogue | None = None) -> str:
    """One line for a rule's result: "Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)."."""
    vi = locale == "vi"
    names = catalogue if catalogue is not None else STANDARD_INDICATORS
    what = (RULES_VI if vi else RULES_EN).get(result.rule.code, result.rule.message)
    head = f"{_OUTCOME['vi' if vi else 'en'][result.outcome]}: {what[:1].upper()}{what[1:]}"
    if result.outcome is Outcome.NOT_EVALUATED:
        lacking = []
        for code, period in result.missing_keys:
            indicator = names.get(code)
            label = (indicator.name_vi if vi else indicator.name_en) if indicator is not None else code
            if period is not None:
                label += f"{' ' if vi else ', '}{format_period(period, locale=locale, with_dates=False)}"
            lacking.append(label.lower() if vi else label)
        if vi:
            line = f"{head} (thiếu số liệu: {'; '.join(lacking)})"
            if result.required is not None and len(lacking) == 1:
                line += f"; chỉ đúng nếu số liệu này là {format_number(result.required, locale=locale)}"
        else:
            line = f"{head} (no figure for: {'; '.join(lacking)})"
            if result.required is not None and len(lacking) == 1:
                line += f"; it holds only if that figure is {format_number(result.required, locale=locale)}"
        return line + "."
    return f"{head} ({_side(result.left, locale)}; {_side(result.right, locale)})."


def describe_finding(finding: Finding, *, locale: str = "vi") -> str:
    """One line for a consistency finding of :meth:`~anninh_toandan.review.Review.check`."""
    if finding.code == "stock_flow_ambiguous" and len(finding.figures) == 3:
        stock, inflow, outflow = (f.value for f in finding.figures)
        if stock is not None and inflow is not None and outflow is not None:
            unit = stock.unit
            after = stock.value - inflow.value + outflow.value
            before = stock.value - inflow.value
            left = stock.value - outflow.value
            if locale == "en":

                def q(n: int) -> str:
                    return format_quantity(Quantity.exact(n, unit), locale="en")

                return (
                    f"It is not clear whether the total of {format_quantity(stock, locale='en')} counts the "
                    f"{format_quantity(outflow, locale='en')} dissolved: if it is the total after them, there were "
                    f"{q(after)} at the start; if before, there were {q(before)} at the start and {q(left)} remain. "
                    "The figure at the start is needed to check it."
                )
            return (
                f"Chưa rõ tổng số {format_quantity(stock)} là số sau hay trước khi thanh loại "
                f"{format_quantity(outflow)}: nếu là số sau khi thanh loại, đầu kỳ có "
                f"{format_quantity(Quantity.exact(after, unit))}; nếu là số trước khi thanh loại, "
                f"đầu kỳ có {format_quantity(Quantity.exact(before, unit))} và sau khi thanh loại còn "
                f"{format_quantity(Quantity.exact(left, unit))}. Cần số liệu đầu kỳ để kiểm tra."
            )
    return finding.message if finding.message.endswith(".") else finding.message + "."


def describe_results(
    results: Iterable[RuleResult],
    findings: Sequence[Finding] = (),
    *,
    locale: str = "vi",
    catalogue: IndicatorCatalogue | None = None,
) -> list[str]:
    """The lines of a "checks on the figures" section: problems first, then the unchecked, then the rest."""
    order = {Outcome.VIOLATED: 0, Outcome.POSSIBLY_VIOLATED: 1, Outcome.NOT_EVALUATED: 2, Outcome.SATISFIED: 3}
    ranked = sorted(results, key=lambda r: order[r.outcome])
    lines = [describe_finding(f, locale=locale) for f in findings if f.code.endswith("ambiguous")]
    lines += [describe_result(r, locale=locale, catalogue=catalogue) for r in ranked]
    return lines
