"""Reading figures, amounts, dates and periods back from Vietnamese text.

The parsers read what Vietnamese reports write: "hơn 13.000 lượt",
"hàng trăm bài viết", "1,2 tỷ đồng", "03 vụ", "ngày 12 tháng 7 năm 2022",
"quý I/2022", "6 tháng đầu năm 2022". The whole text must be the phrase
(surrounding spaces aside). Input is normalised first (NFC, no-break and thin
spaces as spaces, ``’`` as ``'``), and errors still report the position in
the text as the caller gave it.

Malformed input raises :class:`ParseError` (a ``ValueError``) carrying the
text, the position and the reason; nothing is guessed.

>>> parse_quantity("hơn 13.000 lượt")
Quantity.more_than(13000, 'lượt')
>>> parse_money("1,2 tỷ đồng")
Quantity.exact(1200000000, 'đồng')
>>> parse_period("quý I/2022").id
'2022Q1'
>>> try:
...     parse_quantity("56.0000 người")
... except ParseError as exc:
...     print(exc.position, exc.reason)
3 malformed digit group '0000' (groups of thousands have 3 digits)
"""

from __future__ import annotations

import datetime as _dt
import re

import pendulum

from anninh_toandan import _vocabulary as vocab
from anninh_toandan._checks import to_date
from anninh_toandan._reader import DATES_IN_BRACKETS, MAX_DIGITS, PERIOD_FORMS, Text, read_amount, skip
from anninh_toandan.errors import ParseError, PeriodError, QuantityError, ValidationTypeError
from anninh_toandan.period import Calendar, Period, PeriodKind
from anninh_toandan.quantity import MONEY_UNIT, Qualifier, Quantity

__all__ = [
    "MAX_DIGITS",
    "MONEY_UNIT_ALIASES",
    "ParseError",
    "parse_date",
    "parse_money",
    "parse_period",
    "parse_quantity",
]

#: The ways reports write the money unit; :func:`parse_money` reads them all as "đồng".
MONEY_UNIT_ALIASES = vocab.MONEY_UNIT_ALIASES

_I = re.IGNORECASE
_Text = Text
_skip = skip
_amount = read_amount


def _unit(t: _Text, i: int, end: int) -> str:
    j = _skip(t, i)
    if j >= end:
        raise t.error(j, "the unit is missing", "thiếu đơn vị tính")
    if t.norm[j].isdigit() or t.norm[j] in ".,":
        raise t.error(
            j,
            "unexpected digits or separators after the number (groups are separated by '.')",
            "có chữ số hoặc dấu phân cách thừa sau con số (các nhóm hàng nghìn cách nhau bằng dấu chấm)",
        )
    return " ".join(t.norm[j:end].split())


def _quantity_vi(qualifier: Qualifier, value: int) -> str:
    """Why a qualifier and a value make no quantity, in Vietnamese."""
    word = {vocab.QUALIFIER_CHOICES[q][0]: q for q in vocab.QUALIFIER_CHOICES}
    said = next((w for w, q in word.items() if q is qualifier), "")
    if said and value == 0:
        return f"“{said} 0” không phải là một con số: số đi sau “{said}” phải lớn hơn 0"
    return f"không có số lượng {said} {value}".replace("  ", " ")


def _quantity(t: _Text, qualifier: Qualifier, value: int, unit: str) -> Quantity:
    try:
        return Quantity(value=value, unit=unit, qualifier=qualifier)
    except QuantityError as exc:
        raise t.error(t.bounds()[0], str(exc), _quantity_vi(qualifier, value)) from None


def parse_quantity(text: str) -> Quantity:
    """Read a count with its qualifier and unit.

    Qualifiers: "hơn"/"trên" (more than), "gần" (nearly), "khoảng"/"ước"
    (about), "hàng chục / trăm / nghìn / ngàn / chục nghìn / trăm nghìn /
    triệu / tỷ ..." (of the order of). Numbers group thousands with "." and
    take a decimal ","; they may have leading zeros ("03 vụ") or no
    separator ("1730"), and may be followed by scale words (nghìn, ngàn,
    triệu, tỷ, tỉ) as long as the result is whole. The unit is the rest of
    the text, as written.

    >>> parse_quantity("hơn 12,7 triệu lượt người")
    Quantity.more_than(12700000, 'lượt người')
    >>> parse_quantity("03 vụ")
    Quantity.exact(3, 'vụ')
    >>> parse_quantity("hàng trăm bài viết")
    Quantity.order_of(100, 'bài viết')
    >>> parse_quantity("nhiều vụ")
    Traceback (most recent call last):
    ...
    anninh_toandan.errors.ParseError: 'text' must be a quantity (got 'nhiều vụ'): 'nhiều' (many) states no number ...
    """
    t = _Text(text, "a quantity")
    start, end = t.bounds()
    qualifier, value, i = _amount(t, start, end)
    return _quantity(t, qualifier, value, _unit(t, i, end))


def parse_money(text: str) -> Quantity:
    """Read an amount of money: a quantity whose unit is "đồng" (also written "đ", "VNĐ", "VND").

    >>> parse_money("437 triệu đồng")
    Quantity.exact(437000000, 'đồng')
    >>> parse_money("1.052 tỷ đồng").value
    1052000000000
    >>> parse_money("gần 35 tỷ đồng")
    Quantity.nearly(35000000000, 'đồng')
    >>> parse_money("hàng trăm triệu đồng")
    Quantity.order_of(100000000, 'đồng')
    """
    t = _Text(text, "an amount of money")
    start, end = t.bounds()
    qualifier, value, i = _amount(t, start, end)
    unit_at = _skip(t, i)
    unit = _unit(t, i, end)
    if unit.lower() not in MONEY_UNIT_ALIASES:
        raise t.error(
            unit_at,
            f"the unit {unit!r} is not money (đồng, đ, VNĐ, VND)",
            f"đơn vị “{unit}” không phải tiền (đồng, đ, VNĐ, VND)",
        )
    return _quantity(t, qualifier, value, MONEY_UNIT)


# -- dates --------------------------------------------------------------------

_DATE_SHORT = r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})"
_DATE_LONG = r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y>\d{4})"
_DATE_FORMS = (
    re.compile(rf"(?:ngày\s+)?{_DATE_SHORT}", _I),
    re.compile(rf"(?:ngày\s+)?{_DATE_LONG}", _I),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", _I),
)


def _date_at(t: _Text, start: int, end: int) -> pendulum.Date:
    """Read the date that fills ``t.norm[start:end]``."""
    for form in _DATE_FORMS:
        m = form.fullmatch(t.norm, start, end)
        if m is not None:
            break
    else:
        raise t.error(
            start,
            "expected a date such as 12/7/2022 or ngày 12 tháng 7 năm 2022",
            "cần một ngày, ví dụ 12/7/2022 hoặc ngày 12 tháng 7 năm 2022",
        )
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not 1 <= month <= 12:
        raise t.error(m.start("m"), f"there is no month {month}", f"không có tháng {month}")
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        raise t.error(
            m.start("d"),
            f"there is no day {day} in month {month} of {year}",
            f"tháng {month} năm {year} không có ngày {day}",
        ) from None


def parse_date(text: str) -> pendulum.Date:
    """Read a date: "12/7/2022", "12-7-2022", "12.7.2022", "ngày 12/7/2022",
    "ngày 12 tháng 7 năm 2022", "ngày 05 tháng 01 năm 2020", or ISO "2022-07-12".

    Day first, always; an impossible date is an error, never guessed.

    >>> parse_date("ngày 05 tháng 01 năm 2020")
    Date(2020, 1, 5)
    >>> parse_date("12.7.2022")
    Date(2022, 7, 12)
    >>> parse_date("ngày 31/2/2022")
    Traceback (most recent call last):
    ...
    anninh_toandan.errors.ParseError: 'text' must be a date (got 'ngày 31/2/2022'): there is no day 31 ...
    """
    t = _Text(text, "a date")
    start, end = t.bounds()
    return _date_at(t, start, end)


# -- periods ------------------------------------------------------------------

_PERIOD_FORMS = PERIOD_FORMS
_DATES_IN_BRACKETS = DATES_IN_BRACKETS
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_WHAT_VI = {"month": "tháng", "quarter": "quý"}
_CALENDAR_VI = {Calendar.CIVIL: "dương lịch thông thường", Calendar.REPORTING: "kỳ báo cáo thống kê"}


def _index(t: _Text, m: re.Match[str], top: int, what: str) -> int:
    token = m["i"]
    value = int(token) if token.isdigit() else _ROMAN.get(token.lower(), 0)
    if not 1 <= value <= top:
        raise t.error(m.start("i"), f"there is no {what} {token}", f"không có {_WHAT_VI[what]} {token}")
    return value


def _standard(t: _Text, kind: str, m: re.Match[str], calendar: Calendar) -> Period:
    year = int(m["y"])
    if kind == "month":
        return Period.month(year, _index(t, m, 12, "month"), calendar=calendar)
    if kind == "quarter":
        return Period.quarter(year, _index(t, m, 4, "quarter"), calendar=calendar)
    if kind == "half":
        return Period.half_year(year, 1 if m["h"].lower() == "đầu" else 2, calendar=calendar)
    if kind == "nine":
        return Period.nine_months(year, calendar=calendar)
    return Period.year(year, calendar=calendar)


def _check_calendar(value: object) -> Calendar | None:
    if value is not None and not isinstance(value, Calendar):
        msg = f"'calendar' must be a Calendar or None (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    return value


def parse_period(text: str, *, calendar: Calendar | None = None, today: _dt.date | None = None) -> Period:
    """Read a period as reports name it.

    Standard periods: "tháng 7/2022" (or "tháng 7 năm 2022"), "quý I/2022"
    (or "quý I năm 2022", "quý 1/2022"), "6 tháng đầu năm 2022", "6 tháng
    cuối năm 2022", "9 tháng (đầu) năm 2022", "năm 2022"; spans "từ ngày
    1/1/2022 đến ngày 12/7/2022" and "giai đoạn 2013-2023"; and "từ đầu năm
    đến nay", which needs *today*.

    A standard period may be followed by its dates in brackets, as
    :func:`~anninh_toandan.formatting.format_period` writes reporting-calendar
    periods; the dates then tell the calendar. Otherwise the calendar is
    *calendar*, or the civil one when that is ``None``. Dates that belong to
    neither calendar, or that contradict *calendar*, are an error.

    >>> parse_period("6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/6/2022)").id
    'R2022S1'
    >>> parse_period("quý I năm 2022").id
    '2022Q1'
    >>> parse_period("từ ngày 01/01/2022 đến ngày 12/7/2022").id
    '2022-01-01/2022-07-12'
    >>> parse_period("quý V/2022")
    Traceback (most recent call last):
    ...
    anninh_toandan.errors.ParseError: 'text' must be a period (got 'quý V/2022'): there is no quarter V at position 4
    """
    t = _Text(text, "a period")
    start, end = t.bounds()
    wanted = _check_calendar(calendar)
    cal = wanted or Calendar.CIVIL
    kind, m = _match_period(t, start, end)
    try:
        if kind == "span":
            period = Period.between(
                _date_at(t, m.start("s"), m.end("s")), _date_at(t, m.start("e"), m.end("e")), calendar=cal
            )
        elif kind == "years":
            first, last = Period.year(int(m["y"]), calendar=cal), Period.year(int(m["y2"]), calendar=cal)
            if last.start <= first.start:
                raise t.error(
                    m.start("y2"),
                    f"the last year {m['y2']} must be after the first year {m['y']}",
                    f"năm cuối {m['y2']} phải sau năm đầu {m['y']}",
                )
            period = Period.between(first.start, last.end, calendar=cal)
        elif kind == "to_date":
            if today is None:
                raise t.error(
                    start,
                    "'từ đầu năm đến nay' needs the argument 'today'",
                    "“từ đầu năm đến nay” cần biết hôm nay là ngày nào (tham số 'today')",
                )
            period = Period.year_to_date(to_date("today", today), calendar=cal)
        else:
            period = _standard(t, kind, m, cal)
    except PeriodError as exc:
        raise t.error(start, str(exc), f"kỳ không hợp lệ: {exc.reason_vi or exc}") from None
    i = m.end()
    if i < end and kind not in ("span", "to_date"):
        b = _DATES_IN_BRACKETS.match(t.norm, i, end)
        if b is not None:
            period = _with_dates(t, b, period, wanted)
            i = b.end()
    if _skip(t, i) < end:
        raise t.error(_skip(t, i), "unexpected text after the period", "có chữ thừa sau tên kỳ")
    return period


def _match_period(t: _Text, start: int, end: int) -> tuple[str, re.Match[str]]:
    for kind, form in _PERIOD_FORMS:
        m = form.match(t.norm, start, end)
        if m is not None:
            return kind, m
    raise t.error(
        start,
        "expected a period such as tháng 7/2022, quý I/2022, 6 tháng đầu năm 2022 or năm 2022",
        "cần một kỳ, ví dụ tháng 7/2022, quý I/2022, 6 tháng đầu năm 2022 hoặc năm 2022",
    )


def _with_dates(t: _Text, b: re.Match[str], period: Period, wanted: Calendar | None) -> Period:
    s = _date_at(t, b.start("s"), b.end("s"))
    e = _date_at(t, b.start("e"), b.end("e"))
    for cal in (Calendar.CIVIL, Calendar.REPORTING):
        if wanted not in (None, cal):
            continue
        candidate = _same_on(period, cal)
        if (candidate.start, candidate.end) == (s, e):
            return candidate
    on = "" if wanted is None else f" on the {wanted.value} calendar"
    on_vi = "" if wanted is None else f" theo lịch {_CALENDAR_VI[wanted]}"
    raise t.error(
        b.start("s"),
        f"the dates {s} to {e} are not those of the period{on}",
        f"từ ngày {s.day}/{s.month}/{s.year} đến ngày {e.day}/{e.month}/{e.year} không phải là thời gian của kỳ{on_vi}",
    )


def _same_on(period: Period, cal: Calendar) -> Period:
    if period.kind is PeriodKind.CUSTOM:
        return Period.between(period.start, period.end, calendar=cal)
    return Period.parse(("R" if cal is Calendar.REPORTING else "") + period.id.removeprefix("R"))
