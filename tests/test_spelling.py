"""Numbers in words, against a hand-checked table (CONVENTIONS.md, "Bằng chữ")."""

from __future__ import annotations

import itertools
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
