"""Quantities and money in words (private); changes are in ``_measures``."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from anninh_toandan import _vocabulary as vocab
from anninh_toandan._checks import check_int
from anninh_toandan.errors import FormatError, ValidationTypeError
from anninh_toandan.formatting._locale import LOCALES, check_choice, check_locale, symbols
from anninh_toandan.formatting._numbers import format_number
from anninh_toandan.formatting._units import english_unit
from anninh_toandan.quantity import MONEY_UNIT, Qualifier, Quantity

__all__ = ["check_quantity", "format_money", "format_quantity", "order_of_words"]

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


_VI_WORD_OF_SCALE = dict(vocab.SCALE_ORDER)
_VI_SMALL_ORDERS = ["", *sorted(vocab.ORDER_SMALL, key=vocab.ORDER_SMALL.__getitem__)]
_MORE_THAN_WORDS = vocab.QUALIFIER_CHOICES[Qualifier.MORE_THAN]
_ABOUT_WORDS = vocab.QUALIFIER_CHOICES[Qualifier.ABOUT]


def _vi_scale(exponent: int, thousand: str) -> list[str]:
    """Scale words for 10**exponent, exponent a multiple of 3."""
    if exponent >= 9:
        return [*_vi_scale(exponent - 9, thousand), _VI_WORD_OF_SCALE[10**9]]
    return {0: [], 3: [thousand], 6: [_VI_WORD_OF_SCALE[10**6]]}[exponent]


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
        words = [_VI_SMALL_ORDERS[small], *_vi_scale(big, thousand)]
        return f"{vocab.ORDER_OF} " + " ".join(w for w in words if w)
    if big // 3 > len(_EN_SCALE_NAMES):
        msg = f"'value' must be below 10**{3 * len(_EN_SCALE_NAMES) + 3} to be worded in English (got {value!r})"
        raise FormatError(msg)
    parts = [["", "tens", "hundreds"][small], _EN_SCALE_NAMES[big // 3 - 1] if big else ""]
    return " of ".join(p for p in parts if p) + " of"


def _qualifier_word(q: Qualifier, loc: str, more_than: str, about: str) -> str:
    if loc == "en":
        return {Qualifier.MORE_THAN: "more than ", Qualifier.NEARLY: "nearly ", Qualifier.ABOUT: "about "}.get(q, "")
    return {
        Qualifier.MORE_THAN: f"{more_than} ",
        Qualifier.NEARLY: f"{vocab.NEARLY} ",
        Qualifier.ABOUT: f"{about} ",
    }.get(q, "")


def check_quantity(name: str, value: object) -> Quantity:
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
    q = check_quantity("quantity", quantity)
    loc = check_locale(locale)
    check_choice("more_than", more_than, _MORE_THAN_WORDS)
    check_choice("about", about, _ABOUT_WORDS)
    if q.is_money:
        return format_money(q, locale=loc, more_than=more_than, about=about, thousand=thousand)
    plural = not (q.is_exact and q.value == 1)
    unit = english_unit(q.unit, plural=plural) if loc == "en" else q.unit
    if q.qualifier is Qualifier.ORDER_OF:
        return f"{order_of_words(q.value, locale=loc, thousand=thousand)} {unit}"
    word = _qualifier_word(q.qualifier, loc, more_than, about)
    return f"{word}{format_number(q.value, locale=loc)} {unit}"


# (threshold, name) from the largest: the scale word of an amount's own magnitude.
_VI_MONEY_SCALES = tuple((size, word) for size, word in vocab.SCALE_ORDER if size >= 10**6)
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
    check_choice("more_than", more_than, _MORE_THAN_WORDS)
    check_choice("about", about, _ABOUT_WORDS)
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
