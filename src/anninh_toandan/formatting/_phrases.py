"""Quantities, money and changes in words (private)."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from anninh_toandan._checks import check_int
from anninh_toandan.errors import FormatError, UnitMismatchError, ValidationTypeError
from anninh_toandan.formatting._dates import format_period
from anninh_toandan.formatting._locale import LOCALES, check_choice, check_locale, symbols
from anninh_toandan.formatting._numbers import format_number, format_percent, percent_value
from anninh_toandan.formatting._units import english_unit
from anninh_toandan.period import Period, PeriodKind
from anninh_toandan.quantity import MONEY_UNIT, Qualifier, Quantity, quantity_from_bounds

__all__ = ["format_change", "format_money", "format_quantity", "order_of_words"]

_EN_SCALE_NAMES = (
    "thousands",
    "millions",
    "billions",
    "trillions",
    "quadrillions",
    "quintillions",
    "sextillions",
    "septillions",
    "octillions",
    "nonillions",
    "decillions",
)


def _vi_scale(exponent: int, thousand: str) -> list[str]:
    """Scale words for 10**exponent, exponent a multiple of 3."""
    if exponent >= 9:
        return [*_vi_scale(exponent - 9, thousand), "tỷ"]
    return {0: [], 3: [thousand], 6: ["triệu"]}[exponent]


def order_of_words(value: int, *, locale: str = "vi", thousand: str = "nghìn") -> str:
    """The words for "of the order of *value*" (a power of ten >= 10), without the unit.

    >>> order_of_words(100), order_of_words(10_000), order_of_words(10**12)
    ('hàng trăm', 'hàng chục nghìn', 'hàng nghìn tỷ')
    >>> order_of_words(100_000_000, locale="en")
    'hundreds of millions of'
    """
    loc = check_locale(locale)
    check_choice("thousand", thousand, ("nghìn", "ngàn"))
    check_int("value", value)
    exponent = len(str(value)) - 1
    if value < 10 or value != 10**exponent:
        msg = f"'value' must be a power of ten >= 10 (got {value!r})"
        raise FormatError(msg)
    small, big = exponent % 3, exponent - exponent % 3
    if loc == "vi":
        words = [["", "chục", "trăm"][small], *_vi_scale(big, thousand)]
        return "hàng " + " ".join(w for w in words if w)
    if big // 3 > len(_EN_SCALE_NAMES):
        msg = f"'value' must be below 10**{3 * len(_EN_SCALE_NAMES) + 3} to be worded in English (got {value!r})"
        raise FormatError(msg)
    parts = [["", "tens", "hundreds"][small], _EN_SCALE_NAMES[big // 3 - 1] if big else ""]
    return " of ".join(p for p in parts if p) + " of"


def _qualifier_word(q: Qualifier, loc: str, more_than: str, about: str) -> str:
    if loc == "en":
        return {Qualifier.MORE_THAN: "more than ", Qualifier.NEARLY: "nearly ", Qualifier.ABOUT: "about "}.get(q, "")
    return {Qualifier.MORE_THAN: f"{more_than} ", Qualifier.NEARLY: "gần ", Qualifier.ABOUT: f"{about} "}.get(q, "")


def _check_quantity(name: str, value: object) -> Quantity:
    if not isinstance(value, Quantity):
        msg = f"{name!r} must be a Quantity (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    return value


def format_quantity(
    quantity: Quantity,
    *,
    locale: str = "vi",
    more_than: str = "hơn",
    about: str = "khoảng",
    thousand: str = "nghìn",
) -> str:
    """Write a quantity with its qualifier and unit: "hơn 13.000 lượt".

    The qualifier is never dropped: "hơn" (or ``more_than="trên"``), "gần",
    "khoảng" (or ``about="ước"``), "hàng chục / hàng trăm / hàng nghìn (or
    ``thousand="ngàn"``) ...". The number is written in full digits with a
    plain space before the unit. Money (unit "đồng") is written by
    :func:`format_money`. A quantity that carries an extra bound from
    addition is worded by its qualifier and value.

    In English the common counter words are translated ("72 sessions");
    an unknown unit is kept as written.

    >>> format_quantity(Quantity.more_than(13000, "lượt"))
    'hơn 13.000 lượt'
    >>> format_quantity(Quantity.order_of(100, "bài viết"))
    'hàng trăm bài viết'
    >>> format_quantity(Quantity.more_than(13000, "lượt"), locale="en")
    'more than 13,000 attendances'
    >>> format_quantity(Quantity.exact(1, "vụ"), locale="en")
    '1 case'
    """
    q = _check_quantity("quantity", quantity)
    loc = check_locale(locale)
    check_choice("more_than", more_than, ("hơn", "trên"))
    check_choice("about", about, ("khoảng", "ước"))
    if q.is_money:
        return format_money(q, locale=loc, more_than=more_than, about=about, thousand=thousand)
    plural = not (q.is_exact and q.value == 1)
    unit = english_unit(q.unit, plural=plural) if loc == "en" else q.unit
    if q.qualifier is Qualifier.ORDER_OF:
        return f"{order_of_words(q.value, locale=loc, thousand=thousand)} {unit}"
    word = _qualifier_word(q.qualifier, loc, more_than, about)
    return f"{word}{format_number(q.value, locale=loc)} {unit}"


# (threshold, name) from the largest: the scale word of an amount's own magnitude.
_VI_MONEY_SCALES = ((10**9, "tỷ"), (10**6, "triệu"))
_EN_MONEY_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
_ROUNDINGS = {"down": ROUND_FLOOR, "up": ROUND_CEILING, "nearest": ROUND_HALF_UP}
_EARNED = {"down": Qualifier.MORE_THAN, "up": Qualifier.NEARLY, "nearest": Qualifier.ABOUT}


def _money_scale(amount: int, loc: str) -> tuple[int, str]:
    for threshold, name in _VI_MONEY_SCALES if loc == "vi" else _EN_MONEY_SCALES:
        if amount >= threshold:
            return threshold, name
    return 1, ""


#: The most decimals of each scale word that read as offices write money: "33,5 triệu đồng" but
#: "4.218.000 đồng" (not "4,218 triệu"); "1,234 tỷ đồng" as the press writes it. See docs/formatting.md.
_NATURAL_DECIMALS = {"triệu": 1, "million": 1, "tỷ": 3, "billion": 3, "trillion": 3}

_MoneyPlan = tuple[str, str, tuple[tuple[int, str, int], ...], str, str]
_MONEY_PLANS: dict[str, _MoneyPlan] = {}


def _money_plan(loc: str) -> _MoneyPlan:
    """The symbols, scales and unit of *loc*, read once: the data of :func:`format_money`'s hot path.

    Each scale is (size, name, natural decimals): from a million đồng up an
    amount takes the scale word of its own magnitude where the natural number
    of decimals of it is exact.
    """
    sym = symbols(loc)
    scales = tuple(
        (size, name, _NATURAL_DECIMALS[name]) for size, name in (_VI_MONEY_SCALES if loc == "vi" else _EN_MONEY_SCALES)
    )
    plan = (sym.group, sym.decimal, scales, "" if loc == "vi" else "VND ", " đồng" if loc == "vi" else "")
    _MONEY_PLANS[loc] = plan
    return plan


def _scaled_money(amount: int, plan: _MoneyPlan, decimals: int | None) -> str:
    """*amount* (from a million up) with its scale word where that is exact, else in full digits.

    *decimals*, when given (a rounded amount), allows that many decimals of
    the scale word besides the natural ones.
    """
    group, decimal_sign, scales, prefix, suffix = plan
    for size, name, natural in scales:
        if amount >= size:
            places = natural if decimals is None else max(natural, decimals)
            step = size // 10**places
            if not amount % step:
                whole, rest = divmod(amount, size)
                text = f"{whole:,}".replace(",", group)
                if rest:
                    text += decimal_sign + f"{rest // step:0{places}d}".rstrip("0")
                return f"{prefix}{text} {name}{suffix}"
            break
    return f"{prefix}{amount:,}{suffix}".replace(",", group)


def _round_money(amount: int, rounding: str, decimals: int, loc: str) -> int:
    size, _ = _money_scale(amount, loc)
    if size == 1:
        return amount
    step: int = size // pow(10, decimals)
    units = (Decimal(amount) / step).quantize(Decimal(1), rounding=_ROUNDINGS[rounding])
    return int(units) * step


def format_money(
    amount: int | Quantity,
    *,
    locale: str = "vi",
    rounding: str | None = None,
    decimals: int = 1,
    scale: bool = True,
    more_than: str = "hơn",
    about: str = "khoảng",
    thousand: str = "nghìn",
) -> str:
    """Write an amount of đồng (an ``int`` or a money :class:`Quantity`).

    From a million đồng up, the amount takes the scale word of its own
    magnitude (triệu, tỷ; in English million, billion, trillion) only where
    that loses nothing and reads as offices write it: at most one decimal of
    triệu ("33,5 triệu đồng"), at most three of tỷ ("1,234 tỷ đồng");
    otherwise every digit is written ("4.218.000 đồng", not "4,218 triệu
    đồng"). ``scale=False`` always writes every digit.

    ``rounding="down"``, ``"up"`` or ``"nearest"`` rounds to *decimals*
    (0–3) decimals of that scale word, and the result carries the qualifier
    the rounding earned: "hơn" (down), "gần" (up), "khoảng" (nearest). An
    amount that is already approximate may only be rounded in the direction
    of its own qualifier. Below a million đồng nothing is rounded.

    >>> format_money(437_000_000)
    '437 triệu đồng'
    >>> format_money(1_200_000_000)
    '1,2 tỷ đồng'
    >>> format_money(2_661_694_000)
    '2.661.694.000 đồng'
    >>> format_money(2_661_694_000, rounding="down")
    'hơn 2,6 tỷ đồng'
    >>> format_money(4_218_000), format_money(4_218_000, rounding="down")
    ('4.218.000 đồng', 'hơn 4,2 triệu đồng')
    >>> format_money(1_234_000_000), format_money(4_218_000, locale="en")
    ('1,234 tỷ đồng', 'VND 4,218,000')
    >>> format_money(Quantity.order_of(100_000_000, "đồng"))
    'hàng trăm triệu đồng'
    >>> format_money(1_200_000_000, locale="en")
    'VND 1.2 billion'
    """
    if type(amount) is int and rounding is None:
        # The hot path: an exact amount, written directly with the locale's plan (read once).
        plan = _MONEY_PLANS.get(locale) or (_money_plan(locale) if locale in LOCALES else None)
        if plan is not None and decimals == 1 and more_than == "hơn" and about == "khoảng" and amount >= 0:
            if scale and amount >= 1_000_000:
                return _scaled_money(amount, plan, None)
            group, _, _, prefix, suffix = plan
            return f"{prefix}{amount:,}{suffix}".replace(",", group)
    loc = check_locale(locale)
    check_choice("more_than", more_than, ("hơn", "trên"))
    check_choice("about", about, ("khoảng", "ước"))
    if isinstance(amount, Quantity):
        if not amount.is_money:
            msg = f"'amount' must be in {MONEY_UNIT!r} (got unit {amount.unit!r})"
            raise FormatError(msg)
        value, qualifier = amount.value, amount.qualifier
    else:
        if isinstance(amount, bool) or not isinstance(amount, int):
            msg = f"'amount' must be an int (whole đồng) or a Quantity (got {amount!r} of type {type(amount).__name__})"
            raise ValidationTypeError(msg)
        if amount < 0:
            msg = f"'amount' must be >= 0 (got {amount!r})"
            raise FormatError(msg)
        value, qualifier = amount, Qualifier.EXACT
    check_int("decimals", decimals)
    if not 0 <= decimals <= 3:
        msg = f"'decimals' must be between 0 and 3 (got {decimals!r})"
        raise FormatError(msg)
    if qualifier is Qualifier.ORDER_OF:
        unit = "đồng" if loc == "vi" else "VND"
        return f"{order_of_words(value, locale=loc, thousand=thousand)} {unit}"
    if rounding is not None:
        check_choice("rounding", rounding, tuple(_ROUNDINGS))
        rounded = _round_money(value, rounding, decimals, loc)
        if rounded != value:
            earned = _EARNED[rounding]
            if qualifier not in (Qualifier.EXACT, earned):
                msg = (
                    f"'rounding' must agree with the amount's qualifier {qualifier.name} "
                    f"(got {rounding!r}, which would make it {earned.name})"
                )
                raise FormatError(msg)
            value, qualifier = rounded, earned
            word = _qualifier_word(qualifier, loc, more_than, about)
            plan = _MONEY_PLANS.get(loc) or _money_plan(loc)
            if scale and value >= 1_000_000:
                return word + _scaled_money(value, plan, decimals)
            return word + format_money(value, locale=loc, scale=scale)
    word = _qualifier_word(qualifier, loc, more_than, about)
    return word + format_money(value, locale=loc, scale=scale)


_BASES = ("same_period", "previous")


def _period_year(period: Period) -> int | None:
    if period.kind is not PeriodKind.CUSTOM:
        return period.year
    return period.start.year if period.start.year == period.end.year else None


def _reference(period: Period | None, basis: str, loc: str) -> str:
    if basis == "same_period":
        year = None if period is None else _period_year(period)
        if loc == "vi":
            return "cùng kỳ" if year is None else f"cùng kỳ năm {year}"
        return "the same period last year" if year is None else f"the same period of {year}"
    if period is None:
        return "thời gian liền kề" if loc == "vi" else "the previous period"
    return format_period(period, locale=loc, with_dates=False)


def format_change(
    current: Quantity,
    previous: Quantity | None,
    *,
    locale: str = "vi",
    previous_period: Period | None = None,
    basis: str = "same_period",
    decimals: int = 1,
    signed_percent: bool | None = None,
    reference: bool = True,
) -> str:
    """Compare *current* with *previous*: "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021".

    ``basis="same_period"`` (the default) compares with the same period of
    the previous year ("cùng kỳ", with the year of *previous_period* when it
    is given); ``basis="previous"`` with the period just before
    ("thời gian liền kề", or *previous_period* by name).

    The percentage is written as CONVENTIONS.md's examples write it: without
    a sign for an increase, with "-" for a decrease ("tăng 4 vụ (10,0%)",
    "giảm 226 vụ (-3,63%)"); ``signed_percent=True`` adds "+" to increases,
    ``signed_percent=False`` writes no sign at all (the verb carries the
    direction). ``reference=False`` leaves out "so với ..." (for a table
    column that already names the comparison).
    It has *decimals* decimals (default 1), rounded half up. Equal figures
    give "bằng cùng kỳ năm 2021". A missing base (``None``) gives "không so
    sánh được ..." and a zero base gives the change without a percentage;
    neither ever divides by zero.

    With approximate operands the change is worded by the bounds it is sure
    of ("tăng hơn 1.000 lượt"), or as an estimate ("tăng khoảng 500 lượt")
    when the direction itself is uncertain, and the percentage is "khoảng".

    >>> from anninh_toandan import Period
    >>> format_change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), previous_period=Period.half_year(2021, 1))
    'tăng 4 vụ (10,0%) so với cùng kỳ năm 2021'
    >>> format_change(Quantity.exact(6000, "vụ"), Quantity.exact(6226, "vụ"), decimals=2)
    'giảm 226 vụ (-3,63%) so với cùng kỳ'
    >>> format_change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), reference=False)
    'tăng 4 vụ (10,0%)'
    >>> format_change(Quantity.exact(5, "vụ"), None)
    'không so sánh được với cùng kỳ (không có số liệu)'
    >>> format_change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), locale="en")
    'up 4 cases (10.0%) from the same period last year'
    """
    loc = check_locale(locale)
    check_choice("basis", basis, _BASES)
    cur = _check_quantity("current", current)
    if previous_period is not None and not isinstance(previous_period, Period):
        msg = f"'previous_period' must be a Period (got {previous_period!r} of type {type(previous_period).__name__})"
        raise ValidationTypeError(msg)
    ref = _reference(previous_period, basis, loc)
    vi = loc == "vi"
    if previous is None:
        if not reference:
            return "không so sánh được (không có số liệu)" if vi else "not comparable (no figure)"
        return f"không so sánh được với {ref} (không có số liệu)" if vi else f"not comparable with {ref} (no figure)"
    prev = _check_quantity("previous", previous)
    if prev.unit != cur.unit:
        msg = f"cannot compare quantities of different units: {cur.unit!r} and {prev.unit!r}"
        raise UnitMismatchError(msg)
    percent_value(0, 1, decimals)  # checks decimals
    diff = cur.value - prev.value
    estimate = Qualifier.ABOUT in (cur.qualifier, prev.qualifier)
    lo = None if prev.high is None else (cur.low or 0) - prev.high
    hi = None if cur.high is None else cur.high - (prev.low or 0)
    if estimate or not ((lo is not None and lo > 0) or (hi is not None and hi < 0) or lo == hi == 0):
        # Nothing sure about the direction: an estimate from the values.
        if diff == 0:
            if not reference:
                return "xấp xỉ" if vi else "about the same"
            return f"xấp xỉ {ref}" if vi else f"about the same as {ref}"
        magnitude = Quantity.about(abs(diff), cur.unit)
    elif lo == hi == 0:
        if not reference:
            return "không đổi" if vi else "unchanged"
        return f"bằng {ref}" if vi else f"unchanged from {ref}"
    elif lo is not None and lo > 0:
        magnitude = quantity_from_bounds(lo, hi, cur.unit)
    else:
        assert hi is not None
        magnitude = quantity_from_bounds(-hi, None if lo is None else -lo, cur.unit)
    verb = ("tăng", "giảm") if vi else ("up", "down")
    amount = format_quantity(magnitude, locale=loc)
    tail = (" so với " if vi else " from ") + ref if reference else ""
    if prev.value == 0:
        note = "kỳ so sánh bằng 0, không tính được tỷ lệ" if vi else "the base is zero: no percentage"
        return f"{verb[diff < 0]} {amount}{tail} ({note})"
    signed = signed_percent is True or (signed_percent is None and diff < 0)
    pct = format_percent(diff if signed else abs(diff), prev.value, locale=loc, decimals=decimals, signed=signed)
    if not (cur.is_exact and prev.is_exact):
        pct = ("khoảng " if vi else "about ") + pct
    return f"{verb[diff < 0]} {amount} ({pct}){tail}"
