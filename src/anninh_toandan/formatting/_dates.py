"""Dates and periods in words (private)."""

from __future__ import annotations

import datetime as _dt

from anninh_toandan._checks import to_date
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.formatting._locale import check_choice, check_locale
from anninh_toandan.period import Calendar, Period, PeriodKind

__all__ = ["ROMAN", "format_date", "format_period"]

ROMAN = ("", "I", "II", "III", "IV")
_EN_MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_STYLES = ("short", "long", "document", "numeric_document")


def format_date(day: _dt.date, *, locale: str = "vi", style: str = "long") -> str:
    """Write a date.

    Vietnamese styles: ``"short"`` as running text writes it ("6/3/2014"),
    ``"long"`` (the default) "ngày 12 tháng 7 năm 2022", and ``"document"``
    as Nghị định 30/2020/NĐ-CP requires in official documents: days below 10
    and the months 1 and 2 take a leading zero ("ngày 06 tháng 3 năm 2014");
    ``"numeric_document"`` is the same rule in figures, as a document cites
    another by its date ("Chương trình phối hợp số 06 ngày 06/3/2014").
    English: ``"short"`` is ISO 8601 ("2014-03-06", unambiguous for every
    reader); ``"long"``, ``"document"`` and ``"numeric_document"`` are "12 July 2022".

    >>> from datetime import date
    >>> format_date(date(2022, 7, 12))
    'ngày 12 tháng 7 năm 2022'
    >>> format_date(date(2014, 3, 6), style="short")
    '6/3/2014'
    >>> format_date(date(2020, 1, 5), style="document")
    'ngày 05 tháng 01 năm 2020'
    >>> format_date(date(2014, 3, 6), style="numeric_document"), format_date(date(2020, 1, 5), style="numeric_document")
    ('06/3/2014', '05/01/2020')
    >>> format_date(date(2022, 7, 12), locale="en")
    '12 July 2022'
    """
    loc = check_locale(locale)
    check_choice("style", style, _STYLES)
    d = to_date("day", day)
    if loc == "en":
        if style == "short":
            return d.isoformat()
        return f"{d.day} {_EN_MONTHS[d.month]} {d.year}"
    if style == "short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"ngày {d.day} tháng {d.month} năm {d.year}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    if style == "numeric_document":
        return f"{d.day:02d}/{month}/{d.year}"
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def _span(period: Period, loc: str) -> str:
    if loc == "en":
        return f"{format_date(period.start, locale='en')} to {format_date(period.end, locale='en')}"
    start = format_date(period.start, style="short")
    end = format_date(period.end, style="short")
    return f"từ ngày {start} đến ngày {end}"


def _is_whole_years(period: Period) -> bool:
    return (
        period.calendar is Calendar.CIVIL
        and (period.start.month, period.start.day) == (1, 1)
        and (period.end.month, period.end.day) == (12, 31)
        and period.end.year > period.start.year
    )


def _standard_words(period: Period, loc: str, quarter_style: str) -> str:
    k, y, i = period.kind, period.year, period.index
    if loc == "en":
        if k is PeriodKind.MONTH:
            assert i is not None
            return f"{_EN_MONTHS[i]} {y}"
        if k is PeriodKind.QUARTER:
            return f"Q{i} {y}"
        if k is PeriodKind.HALF_YEAR:
            return f"{'first' if i == 1 else 'second'} half of {y}"
        if k is PeriodKind.NINE_MONTHS:
            return f"first nine months of {y}"
        return f"the year {y}"
    if k is PeriodKind.MONTH:
        return f"tháng {i}/{y}"
    if k is PeriodKind.QUARTER:
        assert i is not None
        sep = "/" if quarter_style == "slash" else " năm "
        return f"quý {ROMAN[i]}{sep}{y}"
    if k is PeriodKind.HALF_YEAR:
        return f"6 tháng {'đầu' if i == 1 else 'cuối'} năm {y}"
    if k is PeriodKind.NINE_MONTHS:
        return f"9 tháng đầu năm {y}"
    return f"năm {y}"


def format_period(
    period: Period,
    *,
    locale: str = "vi",
    with_dates: bool | None = None,
    quarter_style: str = "slash",
) -> str:
    """Write a period as reports name it.

    Standard periods: "tháng 7/2022", "quý I/2022" (``quarter_style="year"``:
    "quý I năm 2022"), "6 tháng đầu năm 2022", "6 tháng cuối năm 2022",
    "9 tháng đầu năm 2022", "năm 2022". A custom span is "từ ngày 1/1/2022
    đến ngày 12/7/2022", or "giai đoạn 2013-2023" when it is made of whole
    civil years.

    ``with_dates`` appends the dates in brackets. By default (``None``) it
    is on for the reporting calendar, whose periods do not start on the 1st
    ("6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/6/2022)"), and
    off for the civil calendar.

    >>> format_period(Period.half_year(2022, 1))
    '6 tháng đầu năm 2022'
    >>> format_period(Period.quarter(2022, 1))
    'quý I/2022'
    >>> format_period(Period.half_year(2022, 1, calendar=Calendar.REPORTING))
    '6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/6/2022)'
    >>> format_period(Period.quarter(2022, 1), locale="en")
    'Q1 2022'
    """
    loc = check_locale(locale)
    check_choice("quarter_style", quarter_style, ("slash", "year"))
    if not isinstance(period, Period):
        msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
        raise ValidationTypeError(msg)
    if with_dates is None:
        with_dates = period.calendar is Calendar.REPORTING
    if period.kind is PeriodKind.CUSTOM:
        if _is_whole_years(period):
            y1, y2 = period.start.year, period.end.year
            text = f"giai đoạn {y1}-{y2}" if loc == "vi" else f"{y1}–{y2}"
        else:
            return _span(period, loc) if loc == "vi" else f"from {_span(period, loc)}"
    else:
        text = _standard_words(period, loc, quarter_style)
    if with_dates:
        text += f" ({_span(period, loc)})"
    return text
