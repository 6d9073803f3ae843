"""Numbers and percentages with the locale's CLDR symbols (private).

The symbols are read from babel once per locale; the digits are then written
directly, which gives exactly babel's output many times faster.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from anninh_toandan._checks import check_int
from anninh_toandan.errors import FormatError, ValidationTypeError
from anninh_toandan.formatting._locale import _CACHE, NumberSymbols, check_locale, symbols

__all__ = ["Number", "format_number", "format_percent", "to_decimal"]

Number = int | Decimal | float

# Enough precision for any number a report holds (babel's default context has 28 digits).
_CONTEXT = decimal.Context(prec=200, rounding=ROUND_HALF_EVEN)


def to_decimal(name: str, value: object) -> Decimal:
    """*value* (an ``int``, a finite ``Decimal`` or ``float``) as a ``Decimal``.

    A ``float`` goes through ``str()``, as babel does, so ``0.1`` is ``Decimal("0.1")``.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        msg = f"{name!r} must be an int, Decimal or float (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not d.is_finite():
        msg = f"{name!r} must be a finite number (got {value!r})"
        raise FormatError(msg)
    return d


def _group_int(n: int, sym: NumberSymbols) -> str:
    """The non-negative int *n* with the group symbol."""
    if sym.simple_groups:
        grouped = f"{n:,}"
        return grouped if sym.group == "," else grouped.replace(",", sym.group)
    return _group(str(n), sym)


def _group(digits: str, sym: NumberSymbols) -> str:
    """Insert the group symbol into a string of digits."""
    size = sym.primary_group
    if len(digits) <= size:
        return digits
    if sym.simple_groups:
        return _group_int(int(digits), sym)
    out = ""
    while len(digits) > size:
        out = sym.group + digits[-size:] + out
        digits = digits[:-size]
        size = sym.secondary_group
    return digits + out


_QUANTA = [Decimal(1).scaleb(-n) for n in range(10)]


def format_int(value: int, sym: NumberSymbols) -> str:
    """An int with any locale's symbols (the general path of :func:`format_number`)."""
    if value < 0:
        return sym.neg_prefix + _group_int(-value, sym) + sym.neg_suffix
    return sym.pos_prefix + _group_int(value, sym) + sym.pos_suffix


def format_decimal(d: Decimal, sym: NumberSymbols, min_frac: int, max_frac: int) -> str:
    negative = d.is_signed()
    quantum = _QUANTA[max_frac] if max_frac < len(_QUANTA) else Decimal(1).scaleb(-max_frac)
    rounded = d.copy_abs().quantize(quantum, context=_CONTEXT)
    if sym.simple_groups:
        whole, _, frac = f"{rounded:,f}".partition(".")
        text = whole if sym.group == "," else whole.replace(",", sym.group)
    else:
        whole, _, frac = f"{rounded:f}".partition(".")
        text = _group(whole, sym)
    frac = frac.rstrip("0").ljust(min_frac, "0")
    if frac:
        text += sym.decimal + frac
    if negative:
        return sym.neg_prefix + text + sym.neg_suffix
    return sym.pos_prefix + text + sym.pos_suffix


def format_number(value: Number, *, locale: str = "vi", decimals: int | None = None) -> str:
    """Write *value* with the locale's group and decimal symbols.

    With ``decimals=None`` the result is exactly babel's
    ``format_decimal(value, locale=locale)``: at most three decimals, rounded
    half to even, trailing zeros dropped. With ``decimals=n`` exactly *n*
    decimals are written.

    >>> format_number(13000)
    '13.000'
    >>> format_number(Decimal("9528.3"))
    '9.528,3'
    >>> format_number(13000, locale="en")
    '13,000'
    >>> format_number(Decimal("36.5"), decimals=2)
    '36,50'
    """
    try:
        sym = _CACHE[locale]
    except (KeyError, TypeError):
        sym = symbols(locale)
    if type(value) is int and decimals is None:
        if sym.plain:
            if sym.group == ",":
                return f"{value:,}"
            return f"{value:,}".replace(",", sym.group)
        return format_int(value, sym)
    if type(value) is Decimal and decimals is None and sym.plain:
        # Python writes a finite Decimal with "," groups and "." decimals; when it has no more
        # decimals than the locale shows, nothing needs rounding and only the symbols differ.
        text = f"{value:,f}"
        dot = text.find(".")
        if dot == -1:
            if text[-1].isdigit():  # not NaN or Infinity
                return text if sym.group == "," else text.replace(",", sym.group)
        elif len(text) - dot <= sym.max_frac + 1:
            text = text.rstrip("0").removesuffix(".")
            if sym.group == "," and sym.decimal == ".":
                return text
            return text.replace(",", "\x00").replace(".", sym.decimal).replace("\x00", sym.group)
    if decimals is not None:
        check_int("decimals", decimals)
        if decimals < 0:
            msg = f"'decimals' must be >= 0 (got {decimals!r})"
            raise FormatError(msg)
    d = value if type(value) is Decimal and value.is_finite() else to_decimal("value", value)
    if decimals is None:
        return format_decimal(d, sym, sym.min_frac, sym.max_frac)
    return format_decimal(d, sym, decimals, decimals)


def percent_value(part: Number, whole: Number | None, decimals: int) -> Decimal:
    """``part / whole`` in percent (or *part* itself), rounded half up to *decimals*."""
    check_int("decimals", decimals)
    if decimals < 0:
        msg = f"'decimals' must be >= 0 (got {decimals!r})"
        raise FormatError(msg)
    p = to_decimal("part", part)
    if whole is None:
        pct = p
    else:
        w = to_decimal("whole", whole)
        if w == 0:
            msg = f"'whole' must not be zero (got {whole!r}): a share of nothing has no percentage"
            raise FormatError(msg)
        pct = _CONTEXT.divide(_CONTEXT.multiply(p, 100), w)
    rounded = pct.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_CONTEXT)
    return rounded if rounded != 0 else abs(rounded)


def format_percent(
    part: Number,
    whole: Number | None = None,
    *,
    locale: str = "vi",
    decimals: int = 1,
    signed: bool = False,
) -> str:
    """Write a percentage: ``part / whole`` (a share), or *part* itself when *whole* is omitted.

    The percentage is rounded half up (as reports computed in spreadsheets
    are) to *decimals* places, all of them written ("10,0%"); the sign
    follows the number with no space, as CLDR writes it for ``vi`` and ``en``.
    ``signed=True`` writes "+" before a positive percentage.

    >>> format_percent(100, 274)
    '36,5%'
    >>> format_percent(644, 707, decimals=2)
    '91,09%'
    >>> format_percent(Decimal("-3.63"), decimals=2)
    '-3,63%'
    >>> format_percent(100, 274, locale="en")
    '36.5%'
    >>> format_percent(4, 40, signed=True)
    '+10,0%'
    """
    loc = check_locale(locale)
    value = percent_value(part, whole, decimals)
    text = format_number(value, locale=loc, decimals=decimals)
    if signed and value > 0:
        text = "+" + text
    return text + symbols(loc).percent
