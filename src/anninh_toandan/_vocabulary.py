"""The Vietnamese words the library reads and writes, in one place (private).

The parser (:mod:`anninh_toandan.parsing`), the scanner
(:mod:`anninh_toandan.scan`), the workbook reader
(:mod:`anninh_toandan.io.excel`) and the formatter
(:mod:`anninh_toandan.formatting`) all take their qualifier, scale and number
words from here, so that what one writes the others read back. The module
belongs to the language layer and imports nothing but the values.

Words are lower case and NFC; readers match them case-insensitively, with
any run of spaces between the syllables of a word.

>>> QUALIFIERS["trên"], QUALIFIERS["ước tính"]
(<Qualifier.MORE_THAN: 'more_than'>, <Qualifier.ABOUT: 'about'>)
>>> SCALES["ngàn"], SCALES["tỉ"]
(1000, 1000000000)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from anninh_toandan.quantity import Qualifier

__all__ = [
    "ABBREVIATED_SCALES",
    "CONTINUATIONS",
    "DIGITS",
    "DURATION_UNITS",
    "FIVE_AFTER_TENS",
    "FOUR",
    "HUNDRED",
    "MONEY_UNIT_ALIASES",
    "NEARLY",
    "ONE_AFTER_TENS",
    "ORDER_OF",
    "ORDER_SMALL",
    "PER_ITEM",
    "PLAN_WORDS",
    "QUALIFIERS",
    "QUALIFIER_CHOICES",
    "SCALES",
    "SCALE_ORDER",
    "TEN",
    "TENS",
    "UNQUANTIFIED",
    "ZERO_TENS",
    "alternation",
]


#: Qualifier words before a number, and the qualifier each states.
QUALIFIERS: Mapping[str, Qualifier] = MappingProxyType(
    {
        "hơn": Qualifier.MORE_THAN,
        "trên": Qualifier.MORE_THAN,
        "gần": Qualifier.NEARLY,
        "khoảng": Qualifier.ABOUT,
        "ước": Qualifier.ABOUT,
        "ước tính": Qualifier.ABOUT,
        "ước khoảng": Qualifier.ABOUT,
        "ước tính khoảng": Qualifier.ABOUT,
    }
)
#: The words a writer may choose for each qualifier; the first is the default.
QUALIFIER_CHOICES: Mapping[Qualifier, tuple[str, ...]] = MappingProxyType(
    {
        Qualifier.MORE_THAN: ("hơn", "trên"),
        Qualifier.NEARLY: ("gần",),
        Qualifier.ABOUT: ("khoảng", "ước"),
    }
)
#: "gần" (nearly), the one word of :data:`Qualifier.NEARLY`.
NEARLY = "gần"
#: The word of "of the order of": "hàng trăm", "hàng nghìn tỷ".
ORDER_OF = "hàng"
#: The small orders after "hàng": "hàng chục" (10), "hàng trăm" (100).
ORDER_SMALL: Mapping[str, int] = MappingProxyType({"chục": 10, "trăm": 100})
#: Scale words after a number and their values (ngàn/nghìn and tỉ/tỷ are variants).
SCALES: Mapping[str, int] = MappingProxyType({"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9})
#: The scale words a writer uses, by power of ten (1000 has the variants "nghìn" and "ngàn").
SCALE_ORDER: tuple[tuple[int, str], ...] = ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"))
#: Abbreviations officers type in forms and that mean one scale only: "120tr", "120 tr đồng".
ABBREVIATED_SCALES: Mapping[str, int] = MappingProxyType({"tr": 10**6})
#: The ways reports write the money unit; all read as "đồng".
MONEY_UNIT_ALIASES = ("đồng", "đ", "vnđ", "vnd")
#: Words that state a quantity without a number: "nhiều vụ", "một số mô hình".
UNQUANTIFIED = ("rất nhiều", "nhiều", "một số", "hàng loạt")

# -- number words (the inverse of spell_number) ----------------------------------

#: The digit words, 0 to 9.
DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
#: "mười": ten, the tens of 10 to 19.
TEN = "mười"
#: "mươi": the tens word after a digit (hai mươi = 20).
TENS = "mươi"
#: "trăm": hundred.
HUNDRED = "trăm"
#: The words of an empty tens place before a unit (một trăm linh năm); the first is the default.
ZERO_TENS = ("linh", "lẻ")
#: The words of a final 4 after "mươi" (hai mươi tư); the first is the default.
FOUR = ("tư", "bốn")
#: A final 1 after "mươi" (hai mươi mốt).
ONE_AFTER_TENS = "mốt"
#: The words of a final 5 after "mười"/"mươi" (mười lăm, hai mươi nhăm); the first is the default.
FIVE_AFTER_TENS = ("lăm", "nhăm")

# -- words that change what a figure is -------------------------------------------

#: Words that make a clause a plan, a target or a commitment, not a result ("kế hoạch" and
#: "chỉ tiêu" only where they do not name a document or a result reached: see the scanner).
PLAN_WORDS = ("dự kiến", "phấn đấu", "kế hoạch", "chỉ tiêu", "sẽ", "mục tiêu", "cam kết", "dự định")
#: Words that make an amount the price of one item: "mỗi suất trị giá 2 triệu đồng", "2 triệu đồng một suất".
PER_ITEM = ("mỗi", "một", "bình quân mỗi", "trung bình mỗi")
#: Words that open a sentence continuing the one before: its subject is the paragraph's.
CONTINUATIONS = ("trong đó", "trong số đó", "trong số này", "qua đó", "cụ thể", "riêng", "số này", "số đó")
#: Units of time that, with a number, state a duration ("Sau 10 năm thực hiện"), not a count.
DURATION_UNITS = ("năm", "tháng", "tuần", "ngày", "giờ", "phút", "quý")


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of *words*, longest first; a space matches any run of spaces.

    >>> alternation(["hơn", "ước tính"])
    'ước\\\\s+tính|hơn'
    >>> re.fullmatch(alternation(QUALIFIERS), "ước  tính  khoảng") is not None
    True
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)
