"""The reader shared by the parser and the scanner (private).

:class:`Text` holds the caller's text, its normalised form and the map
between their positions; :func:`read_amount` reads "[qualifier] number
[scale words]" or "hàng ..." at a position, with the number in digits
("13.000", "1,2 tỷ") or in words ("hai mươi tư", "ba nghìn"): the inverse of
:func:`~anninh_toandan.formatting.spell_number` with all its variants. The
words come from :mod:`anninh_toandan._vocabulary`.

Every error is a :class:`~anninh_toandan.errors.ParseError` with the reason
in English and in Vietnamese.

>>> t = Text("hơn hai mươi tư tin", "a quantity")
>>> read_amount(t, 0, len(t.norm))
(<Qualifier.MORE_THAN: 'more_than'>, 24, 15)
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from anninh_toandan import _vocabulary as vocab
from anninh_toandan._checks import check_str
from anninh_toandan.errors import ParseError
from anninh_toandan.quantity import Qualifier

__all__ = [
    "DATES_IN_BRACKETS",
    "DATE_ANY",
    "MAX_DIGITS",
    "NUMBER_WORD",
    "PERIOD_FORMS",
    "Text",
    "read_amount",
    "read_number",
    "read_number_words",
    "skip",
]

#: The most digits a number may have. The state budget is about 2 × 10**15 đồng (16 digits); 21 digits
#: leave a wide margin, and keep every number short enough to print and to compute with.
MAX_DIGITS = 21
_LIMIT = 10**MAX_DIGITS

_TRANSLATE = str.maketrans({"\xa0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "’": "'", "‘": "'"})


class Text:
    """The caller's text, its normalised form (NFC, plain spaces), and the map between their positions."""

    __slots__ = ("expected", "norm", "original", "positions")

    def __init__(self, text: object, expected: str) -> None:
        check_str("text", text, allow_empty=True)
        assert isinstance(text, str)
        self.original = text
        self.expected = expected
        chars: list[str] = []
        positions: list[int] = []
        i, n = 0, len(text)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            cluster = unicodedata.normalize("NFC", text[i:j]).translate(_TRANSLATE)
            chars.append(cluster)
            positions.extend([i] * len(cluster))
            i = j
        positions.append(n)
        self.norm = "".join(chars)
        self.positions = positions

    def error(self, at: int, reason: str, reason_vi: str) -> ParseError:
        """A :class:`ParseError` at index *at* of the normalised text."""
        return ParseError(self.original, self.positions[at], reason, self.expected, reason_vi=reason_vi)

    def bounds(self) -> tuple[int, int]:
        """The normalised text's first and last-plus-one non-space indices."""
        start = len(self.norm) - len(self.norm.lstrip())
        end = len(self.norm.rstrip())
        if start >= end:
            raise self.error(0, "the text is empty", "chưa có nội dung")
        return start, end


_I = re.IGNORECASE
_SPACE = re.compile(r"\s*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALE = re.compile(rf"(?:{vocab.alternation(vocab.SCALES)})(?!\w)", _I)
_QUALIFIER = re.compile(rf"(?:{vocab.alternation([*vocab.QUALIFIERS, vocab.ORDER_OF])})(?!\w)", _I)
_VAGUE_GLOSS = {"nhiều": "many", "rất nhiều": "very many", "một số": "some", "hàng loạt": "a great many"}
_VAGUE = re.compile(rf"(?:{vocab.alternation(vocab.UNQUANTIFIED)})(?!\w)", _I)
_ORDER_SMALL = re.compile(rf"(?:{vocab.alternation(vocab.ORDER_SMALL)})(?!\w)", _I)

_WORD_VALUES: dict[str, int] = {w: d for d, w in enumerate(vocab.DIGITS)}
_LEXICON = (
    set(vocab.DIGITS)
    | {vocab.TEN, vocab.TENS, vocab.HUNDRED, vocab.ONE_AFTER_TENS}
    | set(vocab.ZERO_TENS)
    | set(vocab.FOUR)
    | set(vocab.FIVE_AFTER_TENS)
    | set(vocab.SCALES)
)
#: One number word (a digit, mười, mươi, trăm, linh, lẻ, tư, mốt, lăm, nhăm or a scale word).
NUMBER_WORD = rf"(?:{vocab.alternation(_LEXICON)})(?!\w)"
_WORD_RUN = re.compile(rf"{NUMBER_WORD}(?:\s+{NUMBER_WORD})*", _I)
_WORD = re.compile(r"\w+")


def skip(t: Text, i: int) -> int:
    """The index of the first non-space at or after *i*."""
    m = _SPACE.match(t.norm, i)
    assert m is not None
    return m.end()


def _too_long(t: Text, at: int) -> ParseError:
    return t.error(
        at,
        f"the number has more than {MAX_DIGITS} digits; no figure or amount of đồng is that large",
        f"con số dài quá {MAX_DIGITS} chữ số; không có số liệu hay số tiền nào lớn như vậy",
    )


def read_number(t: Text, i: int) -> tuple[Decimal, int]:
    """Read a number in digits with '.' groups and a ',' decimal at *i*: (value, end)."""
    m = _NUMBER.match(t.norm, i)
    if m is None:
        raise t.error(i, "expected a number", "cần một con số")
    token = m.group()
    whole, comma, frac = token.partition(",")
    if "," in frac:
        raise t.error(i + len(whole) + 1 + frac.index(","), "a second decimal comma", "có hai dấu phẩy thập phân")
    if "." in frac:
        at = i + len(whole) + 1 + frac.index(".")
        raise t.error(at, "a group separator after the decimal comma", "có dấu chấm phân cách sau dấu phẩy thập phân")
    groups = whole.split(".")
    if len(groups) > 1:
        if len(groups[0]) > 3 or groups[0].startswith("0"):
            raise t.error(
                i,
                f"malformed digit group {groups[0]!r} (a grouped number starts with 1 to 3 digits, not 0)",
                f"nhóm chữ số “{groups[0]}” sai (số có dấu chấm phân cách bắt đầu bằng 1 đến 3 chữ số, không phải 0)",
            )
        at = i + len(groups[0]) + 1
        for group in groups[1:]:
            if len(group) != 3:
                raise t.error(
                    at,
                    f"malformed digit group {group!r} (groups of thousands have 3 digits)",
                    f"nhóm chữ số “{group}” sai (mỗi nhóm hàng nghìn có 3 chữ số)",
                )
            at += 4
    digits = "".join(groups)
    if len(digits.lstrip("0")) > MAX_DIGITS or len(frac) > MAX_DIGITS:
        raise _too_long(t, i)
    return Decimal(digits + ("." + frac if comma else "")), m.end()


def read_amount(t: Text, i: int, end: int) -> tuple[Qualifier, int, int]:
    """Read [qualifier] number [scale words], or "hàng ...", at *i*: (qualifier, value, end).

    The number is in digits ("13.000", "1,2 tỷ") or in words ("hai mươi tư").
    """
    qualifier = Qualifier.EXACT
    vague = _VAGUE.match(t.norm, i, end)
    if vague is not None:
        word = " ".join(vague.group().split())
        gloss = _VAGUE_GLOSS.get(word.lower(), "vague")
        raise t.error(i, f"{word!r} ({gloss}) states no number", f"“{word}” không nêu con số cụ thể")
    m = _QUALIFIER.match(t.norm, i, end)
    after = ""
    if m is not None:
        word = " ".join(m.group().lower().split())
        if word == vocab.ORDER_OF:
            return _order_of(t, m.end(), end)
        qualifier = vocab.QUALIFIERS[word]
        i = skip(t, m.end())
        after = m.group()
    words = read_number_words(t, i, end) if i < end and not t.norm[i].isdigit() else None
    if words is not None:
        return qualifier, words[0], words[1]
    if i >= end or not t.norm[i].isdigit():
        if after:
            raise t.error(i, f"expected a number after {after!r}", f"cần một con số sau “{after}”")
        raise t.error(
            i,
            "expected a number or a qualifier (hơn, trên, gần, khoảng, ước, hàng ...)",
            "cần một con số hoặc một từ chỉ mức độ (hơn, trên, gần, khoảng, ước, hàng...)",
        )
    number_at = i
    value, i = read_number(t, i)
    while True:
        j = skip(t, i)
        s = _SCALE.match(t.norm, j, end)
        if s is None or j == i:
            break
        value *= vocab.SCALES[s.group().lower()]
        i = s.end()
    if value != value.to_integral_value():
        shown = f"{value.normalize():f}"
        raise t.error(
            number_at,
            f"the number is not whole ({shown}); counts and đồng are whole",
            f"số không nguyên ({shown.replace('.', ',')}); số đếm và số tiền (đồng) phải là số nguyên",
        )
    if value >= _LIMIT:
        raise _too_long(t, number_at)
    return qualifier, int(value), i


def _order_of(t: Text, i: int, end: int) -> tuple[Qualifier, int, int]:
    value = 1
    words = 0
    start = j = skip(t, i)
    m = _ORDER_SMALL.match(t.norm, j, end) if j > i else None
    if m is not None:
        value = vocab.ORDER_SMALL[m.group().lower()]
        i, words = m.end(), 1
    while True:
        j = skip(t, i)
        s = _SCALE.match(t.norm, j, end)
        if s is None or j == i:
            break
        value *= vocab.SCALES[s.group().lower()]
        i, words = s.end(), words + 1
    if not words:
        raise t.error(
            skip(t, i),
            "expected chục, trăm, nghìn, ngàn, triệu or tỷ after 'hàng'",
            "sau “hàng” cần chục, trăm, nghìn, ngàn, triệu hoặc tỷ",
        )
    if value >= _LIMIT:
        raise _too_long(t, start)
    return Qualifier.ORDER_OF, value, i


# -- numbers in words ---------------------------------------------------------------


class _Words:
    """The number words of a run, lower case, with their end positions."""

    def __init__(self, t: Text, i: int, end: int) -> None:
        run = _WORD_RUN.match(t.norm, i, end)
        self.tokens: list[str] = []
        self.ends: list[int] = []
        if run is not None:
            for w in _WORD.finditer(t.norm, run.start(), run.end()):
                self.tokens.append(w.group().lower())
                self.ends.append(w.end())

    def at(self, k: int) -> str:
        return self.tokens[k] if k < len(self.tokens) else ""

    def digit(self, k: int, low: int = 0) -> int | None:
        d = _WORD_VALUES.get(self.at(k))
        return d if d is not None and d >= low else None


def _units_after_tens(w: _Words, k: int, after_ten: bool) -> tuple[int, int]:
    """The final digit after "mười" (*after_ten*) or "<digit> mươi": (digit, next k); 0 if none.

    "năm" is not read there: "mười năm" and "hai mươi năm" are ten and twenty
    years (the number words write 15 and 25 with "lăm").
    """
    word = w.at(k)
    if word in vocab.FIVE_AFTER_TENS:
        return 5, k + 1
    if word == vocab.ONE_AFTER_TENS and not after_ten:
        return 1, k + 1
    if word == vocab.FOUR[0] and not after_ten:
        return 4, k + 1
    d = w.digit(k, 1)
    if d is not None and d != 5:
        return d, k + 1
    return 0, k


def _group(w: _Words, k: int) -> tuple[int, int] | None:
    """A number below 1000 in words at token *k*: (value, next k), or ``None``."""
    value, hundreds = 0, False
    d = w.digit(k)
    if d is not None and w.at(k + 1) == vocab.HUNDRED:
        value, hundreds, k = d * 100, True, k + 2
    word = w.at(k)
    if hundreds and word in vocab.ZERO_TENS:
        unit = w.digit(k + 1, 1)
        if unit is None and w.at(k + 1) == vocab.FOUR[0]:
            unit = 4
        return (value + unit, k + 2) if unit is not None else (value, k)
    if word == vocab.TEN:
        unit, k = _units_after_tens(w, k + 1, True)
        return value + 10 + unit, k
    d = w.digit(k, 2)
    if d is not None and w.at(k + 1) == vocab.TENS:
        unit, k = _units_after_tens(w, k + 2, False)
        return value + d * 10 + unit, k
    if hundreds:
        return value, k
    if d is not None or w.digit(k) is not None:
        return _WORD_VALUES[word], k + 1
    return None


def read_number_words(t: Text, i: int, end: int) -> tuple[int, int] | None:
    """Read a whole number written in words at *i* ("hai nghìn không trăm hai mươi tư"): (value, end).

    The longest run of words that reads as a number is taken: in "ba mươi năm"
    it is "ba mươi" (thirty years). ``None`` when no number word stands at *i*.
    """
    w = _Words(t, i, end)
    total = below = 0
    last_scale = _LIMIT
    k = used = 0
    while k < len(w.tokens):
        word = w.at(k)
        if word in ("tỷ", "tỉ") and used:
            total, below, last_scale = (total + below) * 10**9, 0, _LIMIT
            k = used = k + 1
            continue
        g = _group(w, k)
        if g is None:
            break
        value, k = g
        scale = vocab.SCALES.get(w.at(k))
        if scale == 10**9:
            total, below, last_scale = (total + below + value) * 10**9, 0, _LIMIT
            k += 1
        elif scale is not None and scale < last_scale:
            below, last_scale = below + value * scale, scale
            k += 1
        else:
            below += value
            used = k
            break
        used = k
    if not used:
        return None
    value = total + below
    if value >= _LIMIT:
        raise _too_long(t, i)
    return value, w.ends[used - 1]


# -- dates and periods ----------------------------------------------------------------

_DATE_ANY_PATTERN = (
    r"(?:ngày\s+)?\d{1,2}(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+tháng\s+\d{1,2}\s*(?:,\s*)?năm\s+\d{4})"
)
#: A date inside a longer phrase, in either written form.
DATE_ANY = _DATE_ANY_PATTERN
_YEAR = r"(?P<y>\d{4})"
#: The forms of a period's name, in the order they are tried.
PERIOD_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("month", re.compile(rf"tháng\s+(?P<i>\d{{1,2}})\s*(?:/|năm\s)\s*{_YEAR}", _I)),
    ("quarter", re.compile(rf"(?:quý|qúy|quí)\s+(?P<i>[ivxl]+|\d+)\s*(?:/|năm\s)\s*{_YEAR}", _I)),
    ("half", re.compile(rf"(?:6|sáu)\s+tháng\s+(?P<h>đầu|cuối)\s+năm\s+{_YEAR}", _I)),
    ("nine", re.compile(rf"(?:9|chín)\s+tháng\s+(?:đầu\s+)?năm\s+{_YEAR}", _I)),
    ("year", re.compile(rf"năm\s+{_YEAR}", _I)),
    ("years", re.compile(r"giai\s+đoạn\s+(?P<y>\d{4})\s*[-–]\s*(?P<y2>\d{4})", _I)),
    ("span", re.compile(rf"từ\s+(?P<s>{DATE_ANY})\s+đến\s+(?P<e>{DATE_ANY})", _I)),
    ("to_date", re.compile(r"từ\s+đầu\s+năm\s+đến\s+nay", _I)),
)
#: The dates of a period in brackets after its name: "(từ ngày 15/12/2021 đến ngày 14/6/2022)".
DATES_IN_BRACKETS = re.compile(rf"\s*\(\s*từ\s+(?P<s>{DATE_ANY})\s+đến\s+(?P<e>{DATE_ANY})\s*\)", _I)
