"""Numbers in words, against a hand-checked table (CONVENTIONS.md, "Bằng chữ")."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import AnninhError
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.formatting import FormatError, spell_money, spell_number

# Every rule of CONVENTIONS.md is in here: mười / mươi, mốt, lăm (not after linh), tư (not after mười
# or linh), linh before a unit after an empty tens place, "không trăm" in later groups, all-zero
# groups skipped, nghìn / triệu / tỷ, and "nghìn tỷ", "triệu tỷ", "tỷ tỷ" above.
VI_TABLE: list[tuple[int | Decimal, str]] = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (30, "ba mươi"),
    (44, "bốn mươi tư"),
    (55, "năm mươi lăm"),
    (71, "bảy mươi mốt"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (205, "hai trăm linh năm"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1100, "một nghìn một trăm"),
    (1234, "một nghìn hai trăm ba mươi tư"),
    (2024, "hai nghìn không trăm hai mươi tư"),
    (10_000, "mười nghìn"),
    (10_500, "mười nghìn năm trăm"),
    (13_000, "mười ba nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (105_000, "một trăm linh năm nghìn"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_000_015, "một triệu không trăm mười lăm"),
    (1_001_000, "một triệu không trăm linh một nghìn"),
    (1_234_567, "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"),
    (25_000_000, "hai mươi lăm triệu"),
    (437_000_000, "bốn trăm ba mươi bảy triệu"),
    (999_999_999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_200_000_000, "một tỷ hai trăm triệu"),
    (2_000_050_000, "hai tỷ không trăm năm mươi nghìn"),
    (2_661_694_000, "hai tỷ sáu trăm sáu mươi mốt triệu sáu trăm chín mươi tư nghìn"),
    (35_000_000_000, "ba mươi lăm tỷ"),
    (10**12, "một nghìn tỷ"),
    (10**12 + 1, "một nghìn tỷ không trăm linh một"),
    (1_001_000_000_000, "một nghìn không trăm linh một tỷ"),
    (1_052_000_000_000, "một nghìn không trăm năm mươi hai tỷ"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (10**18 + 1, "một tỷ tỷ không trăm linh một"),
    (-5, "âm năm"),
    (-2024, "âm hai nghìn không trăm hai mươi tư"),
    (Decimal("36.5"), "ba mươi sáu phẩy năm"),
    (Decimal("9528.3"), "chín nghìn năm trăm hai mươi tám phẩy ba"),
    (Decimal("0.05"), "không phẩy không năm"),
    (Decimal("3.14"), "ba phẩy mười bốn"),
    (Decimal("1.50"), "một phẩy năm"),
    (Decimal("-0.5"), "âm không phẩy năm"),
    (Decimal("12.00"), "mười hai"),
]


@pytest.mark.parametrize(("value", "words"), VI_TABLE)
def test_vietnamese_table(value: int | Decimal, words: str) -> None:
    assert spell_number(value) == words


def test_table_is_large_enough() -> None:
    assert len(VI_TABLE) >= 60


@pytest.mark.parametrize(
    ("value", "options", "words"),
    [
        (105, {"zero_tens": "lẻ"}, "một trăm lẻ năm"),
        (1001, {"zero_tens": "lẻ"}, "một nghìn không trăm lẻ một"),
        (2024, {"four": "bốn"}, "hai nghìn không trăm hai mươi bốn"),
        (34, {"four": "bốn"}, "ba mươi bốn"),
        (14, {"four": "tư"}, "mười bốn"),
        (104, {"four": "tư"}, "một trăm linh bốn"),
        (1001, {"thousand": "ngàn"}, "một ngàn không trăm linh một"),
        (Decimal("3.14"), {"fraction": "digits"}, "ba phẩy một bốn"),
        (Decimal("0.05"), {"fraction": "digits"}, "không phẩy không năm"),
    ],
)
def test_vietnamese_options(value: int | Decimal, options: dict[str, str], words: str) -> None:
    assert spell_number(value, **options) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "zero"),
        (13, "thirteen"),
        (21, "twenty-one"),
        (105, "one hundred five"),
        (2024, "two thousand twenty-four"),
        (437_000_000, "four hundred thirty-seven million"),
        (10**18, "one quintillion"),
        (-5, "minus five"),
        (Decimal("3.14"), "three point one four"),
    ],
)
def test_english(value: int | Decimal, words: str) -> None:
    assert spell_number(value, locale="en") == words


@pytest.mark.parametrize(
    ("amount", "options", "words"),
    [
        (437_000_000, {}, "Bốn trăm ba mươi bảy triệu đồng"),
        (2_661_694_000, {}, "Hai tỷ sáu trăm sáu mươi mốt triệu sáu trăm chín mươi tư nghìn đồng"),
        (0, {}, "Không đồng"),
        (1, {}, "Một đồng"),
        (15_000, {"thousand": "ngàn"}, "Mười lăm ngàn đồng"),
        (190_000_000, {"locale": "en"}, "One hundred ninety million dong"),
    ],
)
def test_spell_money(amount: int, options: dict[str, str], words: str) -> None:
    assert spell_money(amount, **options) == words


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: spell_number(1.5), ValidationTypeError),  # type: ignore[arg-type]
        (lambda: spell_number(True), ValidationTypeError),
        (lambda: spell_number(Decimal("NaN")), FormatError),
        (lambda: spell_number(5, zero_tens="lẽ"), FormatError),
        (lambda: spell_number(5, fraction="words"), FormatError),
        (lambda: spell_number(5, locale="fr"), FormatError),
        (lambda: spell_number(10**36, locale="en"), FormatError),
        (lambda: spell_money(-1), FormatError),
        (lambda: spell_money(Decimal(5)), ValidationTypeError),  # type: ignore[arg-type]
    ],
)
def test_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, AnninhError)
    assert "must be" in str(info.value)


_VOCABULARY = {
    *("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"),
    *("mười", "mươi", "mốt", "tư", "lăm", "linh", "trăm", "nghìn", "triệu", "tỷ", "âm"),
}


@given(st.integers(min_value=-(10**21), max_value=10**21))
def test_words_follow_the_rules(n: int) -> None:
    words = spell_number(n).split()
    assert set(words) <= _VOCABULARY
    pairs = list(itertools.pairwise(words))
    # "mốt" only after "mươi"; "lăm" only after "mười"/"mươi"; "tư" only after "mươi".
    for before, after in pairs:
        if after == "mốt":
            assert before == "mươi"
        if after == "lăm":
            assert before in ("mười", "mươi")
        if after == "tư":
            assert before == "mươi"
        assert (before, after) not in {("mươi", "một"), ("mươi", "năm"), ("mươi", "bốn")}
    assert spell_number(n).startswith("âm ") == (n < 0)
    # Each group of three digits is read: the number of "trăm" is the number of groups after the
    # first non-zero group that are not all zeros, plus one if the first group has hundreds.
    digits = str(abs(n))
    groups = [int(digits[max(0, i - 3) : i]) for i in range(len(digits), 0, -3)][::-1]
    expected = sum(1 for g in groups[1:] if g) + (1 if groups[0] >= 100 else 0)
    assert words.count("trăm") == expected


# -- reading the words back: every word must carry its value (found by mutation testing) ------------

_VI_VALUES = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5}
_VI_VALUES |= {"sáu": 6, "bảy": 7, "tám": 8, "chín": 9}


def _read_vi(text: str) -> int | Decimal:
    """The number that Vietnamese words say: a reader written from CONVENTIONS.md, not from the code."""
    words = text.split()
    sign = -1 if words[:1] == ["âm"] else 1
    words = words[1:] if sign < 0 else words
    if "phẩy" in words:
        i = words.index("phẩy")
        whole, frac = words[:i], words[i + 1 :]
        digits = "".join(str(_VI_VALUES[w]) for w in frac)  # digit by digit (fraction="digits")
        return sign * (Decimal(_read_vi(" ".join(whole))) + Decimal(f"0.{digits}"))
    big = small = group = last = 0
    for w in words:
        if w in _VI_VALUES:
            last = _VI_VALUES[w]
            group += last
        elif w == "mười":
            group += 10
        elif w == "mươi":
            group += last * 9
        elif w == "trăm":
            group += last * 99
        elif w in ("linh", "lẻ"):
            continue
        elif w in ("nghìn", "ngàn"):
            small, group = small + group * 1000, 0
        elif w == "triệu":
            small, group = small + group * 10**6, 0
        elif w == "tỷ":
            big, small, group = (big + small + group) * 10**9, 0, 0
        else:
            raise AssertionError(f"not a Vietnamese number word: {w!r}")
        if w not in _VI_VALUES:
            last = 0
    return sign * (big + small + group)


_EN_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
_EN_VALUES = {w: i for i, w in enumerate([*_EN_WORDS.split(), "sixteen", "seventeen", "eighteen", "nineteen"])}
_EN_TENS = {
    w: 10 * i
    for i, w in enumerate(["-", "-", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_EN_SCALE_WORDS = [
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
]


def _read_en(text: str) -> int | Decimal:
    words = text.split()
    sign = -1 if words[:1] == ["minus"] else 1
    words = words[1:] if sign < 0 else words
    if "point" in words:
        i = words.index("point")
        digits = "".join(str(_EN_VALUES[w]) for w in words[i + 1 :])
        return sign * (Decimal(_read_en(" ".join(words[:i]))) + Decimal(f"0.{digits}"))
    total = group = 0
    for w in words:
        if w in _EN_VALUES:
            group += _EN_VALUES[w]
        elif "-" in w:
            tens, ones = w.split("-")
            assert ones != "zero"
            group += _EN_TENS[tens] + _EN_VALUES[ones]
        elif w in _EN_TENS:
            group += _EN_TENS[w]
        elif w == "hundred":
            group *= 100
        else:
            total, group = total + group * 1000 ** (_EN_SCALE_WORDS.index(w) + 1), 0
    return sign * (total + group)


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_vietnamese_words_say_the_number(n: int) -> None:
    assert _read_vi(spell_number(n)) == n
    assert _read_vi(spell_number(n, zero_tens="lẻ", four="bốn", thousand="ngàn")) == n


@given(st.integers(min_value=-(10**36) + 1, max_value=10**36 - 1))
def test_english_words_say_the_number(n: int) -> None:
    words = spell_number(n, locale="en")
    assert _read_en(words) == n
    assert words.islower() and "  " not in words and not words.endswith(" ")


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_decimals_in_words_say_the_number(d: Decimal) -> None:
    assert _read_vi(spell_number(d, fraction="digits")) == d
    assert _read_en(spell_number(d, locale="en")) == d


@pytest.mark.parametrize(
    ("value", "words"),
    [
        *((i, w) for w, i in _EN_VALUES.items()),
        (20, "twenty"),
        (30, "thirty"),
        (40, "forty"),
        (50, "fifty"),
        (60, "sixty"),
        (70, "seventy"),
        (80, "eighty"),
        (99, "ninety-nine"),
        (100, "one hundred"),
        (110, "one hundred ten"),
        (1_000_001, "one million one"),
        (1_002_000, "one million two thousand"),
        (10**9, "one billion"),
        (10**12, "one trillion"),
        (10**15, "one quadrillion"),
        (10**21, "one sextillion"),
        (10**24, "one septillion"),
        (10**27, "one octillion"),
        (10**30, "one nonillion"),
        (10**33, "one decillion"),
        (10**36 - 1, "(every scale: see below)"),
        (Decimal("0.05"), "zero point zero five"),
        (Decimal("-0.5"), "minus zero point five"),
        (Decimal("12.50"), "twelve point five"),
        (Decimal("7.000"), "seven"),
    ],
)
def test_english_table(value: int | Decimal, words: str) -> None:
    if value == 10**36 - 1:
        scales = list(reversed(_EN_SCALE_WORDS))
        words = " ".join(f"nine hundred ninety-nine {s}" for s in scales) + " nine hundred ninety-nine"
    assert spell_number(value, locale="en") == words


def test_english_is_spelt_up_to_the_decillions() -> None:
    with pytest.raises(FormatError, match=r"^'value' must be below 10\*\*36 to be spelt in English \(got"):
        spell_number(10**36, locale="en")
    with pytest.raises(FormatError, match="10\\*\\*36"):
        spell_number(-(10**36), locale="en")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: spell_number(1.5), r"^'value' must be an int or a Decimal \(got 1\.5 of type float\)$"),
        (lambda: spell_number(Decimal("Infinity")), r"^'value' must be a finite number \(got Decimal\('Infinity'\)\)$"),
        (lambda: spell_money(-1), r"^'amount' must be >= 0 \(got -1\)$"),
        (lambda: spell_money(1.0), r"^'amount' must be an int \(whole đồng\) \(got 1\.0 of type float\)$"),
        (lambda: spell_money(True), "'amount' must be an int"),
    ],
)
def test_error_messages_name_the_argument_and_value(call: Callable[[], object], message: str) -> None:
    with pytest.raises(AnninhError, match=message):
        call()


def test_money_words_in_both_languages_start_with_a_capital() -> None:
    assert spell_money(0, locale="en") == "Zero dong"
    assert spell_money(21, locale="en") == "Twenty-one dong"
    assert spell_money(1_000_000, thousand="ngàn") == "Một triệu đồng"
    assert spell_money(1_001_000, thousand="ngàn", zero_tens="lẻ") == "Một triệu không trăm lẻ một ngàn đồng"
    assert spell_money(24, four="bốn") == "Hai mươi bốn đồng"


@pytest.mark.parametrize("option", ["zero_tens", "four", "thousand", "fraction"])
def test_a_wrong_option_is_named(option: str) -> None:
    with pytest.raises(FormatError, match=f"^'{option}' must be"):
        spell_number(105, **{option: "sai"})
