"""Numbers in words ("bằng chữ"), in Vietnamese and English (private).

The Vietnamese rules are those of CONVENTIONS.md: "mười" for 10–19, "<digit>
mươi" for 20–90; a final 1 after "mươi" is "mốt", a final 5 after
"mười"/"mươi" is "lăm", a final 4 after "mươi" is "tư" (or "bốn"); an empty
tens place before a non-zero unit is "linh" (or "lẻ"); every group after the
first keeps "không trăm"; an all-zero group is skipped; scales are nghìn (or
ngàn), triệu, tỷ, and above a tỷ the number of tỷ is read as a number
("một nghìn tỷ", "một tỷ tỷ").
"""

from __future__ import annotations

from decimal import Decimal

from anninh_toandan import _vocabulary as vocab
from anninh_toandan.errors import FormatError, ValidationTypeError
from anninh_toandan.formatting._locale import check_choice, check_locale

__all__ = ["spell_money", "spell_number"]

_VI_DIGITS = vocab.DIGITS
_BILLION = 10**9


class _ViOptions:
    __slots__ = ("four", "thousand", "zero_tens")

    def __init__(self, zero_tens: str, four: str, thousand: str) -> None:
        self.zero_tens = check_choice("zero_tens", zero_tens, vocab.ZERO_TENS)
        self.four = check_choice("four", four, vocab.FOUR)
        self.thousand = check_choice("thousand", thousand, ("nghìn", "ngàn"))


def _vi_group(n: int, full: bool, opt: _ViOptions) -> list[str]:
    """Words for 0 < n < 1000; *full*: the group follows another, so it keeps "không trăm"."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_VI_DIGITS[hundreds], vocab.HUNDRED]
    if tens == 0:
        if units:
            if words:
                words.append(opt.zero_tens)
            words.append(_VI_DIGITS[units])
    elif tens == 1:
        words.append(vocab.TEN)
        if units:
            words.append(vocab.FIVE_AFTER_TENS[0] if units == 5 else _VI_DIGITS[units])
    else:
        words += [_VI_DIGITS[tens], vocab.TENS]
        if units == 1:
            words.append(vocab.ONE_AFTER_TENS)
        elif units == 4:
            words.append(opt.four)
        elif units == 5:
            words.append(vocab.FIVE_AFTER_TENS[0])
        elif units:
            words.append(_VI_DIGITS[units])
    return words


def _vi_below_billion(n: int, full: bool, opt: _ViOptions) -> list[str]:
    words: list[str] = []
    for scale, name in ((10**6, "triệu"), (1000, opt.thousand), (1, "")):
        group, n = divmod(n, scale)
        if group:
            words += _vi_group(group, full, opt)
            if name:
                words.append(name)
            full = True
    return words


def _vi_int(n: int, full: bool, opt: _ViOptions) -> list[str]:
    """Words for n > 0."""
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        words = [*_vi_int(high, full, opt), "tỷ"]
        if low:
            words += _vi_below_billion(low, True, opt)
        return words
    return _vi_below_billion(n, full, opt)


_EN_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["-", "-", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_SCALES = (
    "",
    "thousand",
    "million",
    "billion",
    "trillion",
    "quadrillion",
    "quintillion",
    "sextillion",
    "septillion",
    "octillion",
    "nonillion",
    "decillion",
)


def _en_group(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds:
        words += [_EN_ONES[hundreds], "hundred"]
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_EN_TENS[tens] + (f"-{_EN_ONES[units]}" if units else ""))
    elif rest:
        words.append(_EN_ONES[rest])
    return words


def _en_int(n: int) -> list[str]:
    if n >= 1000 ** len(_EN_SCALES):
        msg = f"'value' must be below 10**{3 * len(_EN_SCALES)} to be spelt in English (got {n!r})"
        raise FormatError(msg)
    words: list[str] = []
    for power in range(len(_EN_SCALES) - 1, -1, -1):
        group, n = divmod(n, 1000**power)
        if group:
            words += _en_group(group)
            if _EN_SCALES[power]:
                words.append(_EN_SCALES[power])
    return words


def _check_number(value: object) -> Decimal | int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        msg = f"'value' must be an int or a Decimal (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    if isinstance(value, Decimal):
        if not value.is_finite():
            msg = f"'value' must be a finite number (got {value!r})"
            raise FormatError(msg)
        if value == value.to_integral_value():
            return int(value)
    return value


def spell_number(
    value: int | Decimal,
    *,
    locale: str = "vi",
    zero_tens: str = "linh",
    four: str = "tư",
    thousand: str = "nghìn",
    fraction: str = "number",
) -> str:
    """The number *value* in words, lower case.

    Vietnamese options: ``zero_tens`` "linh" or "lẻ" (105), ``four`` "tư" or
    "bốn" (after "mươi": 24), ``thousand`` "nghìn" or "ngàn". A negative
    number starts with "âm" ("minus"); the decimals of a ``Decimal`` follow
    "phẩy" ("point"). In Vietnamese the decimals are read as a number, each
    leading zero as "không" (``fraction="number"``: 3,14 is "ba phẩy mười
    bốn") or digit by digit (``fraction="digits"``: "ba phẩy một bốn");
    English always reads them digit by digit. Trailing zeros of a
    ``Decimal`` are not read.

    >>> spell_number(2024)
    'hai nghìn không trăm hai mươi tư'
    >>> spell_number(105, zero_tens="lẻ")
    'một trăm lẻ năm'
    >>> spell_number(Decimal("-36.5"))
    'âm ba mươi sáu phẩy năm'
    >>> spell_number(2024, locale="en")
    'two thousand twenty-four'
    """
    loc = check_locale(locale)
    check_choice("fraction", fraction, ("number", "digits"))
    opt = _ViOptions(zero_tens, four, thousand)
    checked = _check_number(value)
    negative = checked < 0
    if isinstance(checked, int):
        whole, frac = abs(checked), ""
    else:
        whole_text, _, frac = f"{abs(checked).normalize():f}".partition(".")
        whole = int(whole_text)
    if loc == "en":
        words = _en_int(whole) if whole else ["zero"]
        if frac:
            words += ["point", *(_EN_ONES[int(c)] for c in frac)]
        return " ".join((["minus"] if negative else []) + words)
    words = _vi_int(whole, False, opt) if whole else ["không"]
    if frac:
        words.append("phẩy")
        if fraction == "digits":
            words += [_VI_DIGITS[int(c)] for c in frac]
        else:
            stripped = frac.lstrip("0")
            words += ["không"] * (len(frac) - len(stripped))
            words += _vi_int(int(stripped), False, opt)
    return " ".join((["âm"] if negative else []) + words)


def spell_money(
    amount: int,
    *,
    locale: str = "vi",
    zero_tens: str = "linh",
    four: str = "tư",
    thousand: str = "nghìn",
) -> str:
    """An amount of đồng in words, as financial papers write it ("Bằng chữ").

    It starts with a capital and ends with "đồng" ("dong" in English).

    >>> spell_money(437_000_000)
    'Bốn trăm ba mươi bảy triệu đồng'
    >>> spell_money(437_000_000, locale="en")
    'Four hundred thirty-seven million dong'
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        msg = f"'amount' must be an int (whole đồng) (got {amount!r} of type {type(amount).__name__})"
        raise ValidationTypeError(msg)
    if amount < 0:
        msg = f"'amount' must be >= 0 (got {amount!r})"
        raise FormatError(msg)
    loc = check_locale(locale)
    words = spell_number(amount, locale=loc, zero_tens=zero_tens, four=four, thousand=thousand)
    return words[0].upper() + words[1:] + (" đồng" if loc == "vi" else " dong")
