"""Formatting details pinned by mutation testing: exact strings, error messages, symbols read afresh.

Each test states what a reader of a report (or a caller who made a mistake) sees:
the exact Vietnamese or English text, or the exact message of the error. They
were written against the survivors of ``scripts/mutation.sh formatting/``
(see docs/testing.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from babel import numbers as babel_numbers

from anninh_toandan import AnninhError, Quantity
from anninh_toandan.formatting import _locale, _phrases, format_money, format_number, format_percent, format_quantity
from anninh_toandan.formatting._locale import NumberSymbols, symbols
from anninh_toandan.formatting._numbers import format_decimal, format_int

# -- the locales' symbols, read from babel ---------------------------------------------------------


@pytest.fixture
def fresh_symbols() -> Iterator[None]:
    """Empty the caches of symbols and money plans, so that babel is read again (and after)."""
    _locale._CACHE.clear()
    _phrases._MONEY_PLANS.clear()
    yield
    _locale._CACHE.clear()
    _phrases._MONEY_PLANS.clear()


@pytest.mark.usefixtures("fresh_symbols")
def test_the_symbols_of_vi_and_en_are_cldr_s() -> None:
    common = {
        "percent": "%",
        "pos_prefix": "",
        "neg_prefix": "-",
        "pos_suffix": "",
        "neg_suffix": "",
        "primary_group": 3,
        "secondary_group": 3,
        "min_frac": 0,
        "max_frac": 3,
        "simple_groups": True,
        "plain": True,
    }
    assert symbols("vi") == NumberSymbols(decimal=",", group=".", **common)  # type: ignore[arg-type]
    assert symbols("en") == NumberSymbols(decimal=".", group=",", **common)  # type: ignore[arg-type]
    # read once: the second call gives the same symbols
    assert symbols("vi") is symbols("vi")


@pytest.mark.usefixtures("fresh_symbols")
@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: format_number(Decimal("-1234567.125")), "-1.234.567,125"),
        (lambda: format_number(-1234567, locale="en"), "-1,234,567"),
        (lambda: format_percent(100, 274), "36,5%"),
        (lambda: format_percent(100, 274, locale="en"), "36.5%"),
        (lambda: format_money(1_200_000_000), "1,2 tỷ đồng"),
        (lambda: format_money(4_218_000, locale="en"), "VND 4,218,000"),
        (lambda: format_money(2_661_694_000, rounding="down"), "hơn 2,6 tỷ đồng"),
    ],
)
def test_the_first_number_written_in_a_process_has_the_locale_s_symbols(call: Callable[[], str], expected: str) -> None:
    assert call() == expected
    assert call() == expected  # and so has the next one, from the cache


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: format_number(5, locale=None), "'locale' must be a str (got None of type NoneType)"),  # type: ignore[arg-type]
        (lambda: format_number(5, locale="fr"), "'locale' must be one of 'vi', 'en' (got 'fr')"),
        (lambda: format_percent(5, locale="fr"), "'locale' must be one of 'vi', 'en' (got 'fr')"),
        (lambda: format_money(5, rounding="x"), "'rounding' must be one of 'down', 'up', 'nearest' (got 'x')"),
        (lambda: format_money(5, about="chừng"), "'about' must be one of 'khoảng', 'ước' (got 'chừng')"),
        (lambda: format_number("5"), "'value' must be an int, Decimal or float (got '5' of type str)"),  # type: ignore[arg-type]
        (lambda: format_number(float("nan")), "'value' must be a finite number (got nan)"),
        (lambda: format_number(5, decimals=1.0), "'decimals' must be an int (got 1.0 of type float)"),  # type: ignore[arg-type]
        (lambda: format_number(5, decimals=-1), "'decimals' must be >= 0 (got -1)"),
        (lambda: format_percent(1, 2, decimals=1.0), "'decimals' must be an int (got 1.0 of type float)"),  # type: ignore[arg-type]
        (lambda: format_percent(1, 2, decimals=-1), "'decimals' must be >= 0 (got -1)"),
        (lambda: format_percent("1", 2), "'part' must be an int, Decimal or float (got '1' of type str)"),  # type: ignore[arg-type]
        (lambda: format_percent(1, "2"), "'whole' must be an int, Decimal or float (got '2' of type str)"),  # type: ignore[arg-type]
        (
            lambda: format_percent(1, 0),
            "'whole' must not be zero (got 0): a share of nothing has no percentage",
        ),
    ],
)
def test_number_errors_name_the_argument_and_value(call: Callable[[], object], message: str) -> None:
    with pytest.raises(AnninhError) as info:
        call()
    assert str(info.value) == message


# -- numbers and percentages ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (Decimal("13000"), "13.000", "13,000"),
        (Decimal("13.000"), "13", "13"),
        (Decimal("13.500"), "13,5", "13.5"),
        (Decimal("0.5"), "0,5", "0.5"),
        (Decimal("1234.5"), "1.234,5", "1,234.5"),
        (Decimal("-0.125"), "-0,125", "-0.125"),
        (Decimal("1234.5678"), "1.234,568", "1,234.568"),
    ],
)
def test_decimals_as_reports_write_them(value: Decimal, vi: str, en: str) -> None:
    assert format_number(value) == vi
    assert format_number(value, locale="en") == en


def test_any_number_of_decimals_may_be_asked_for() -> None:
    assert format_number(Decimal("1.5"), decimals=9) == "1,500000000"
    assert format_number(Decimal("1.5"), decimals=10) == "1,5000000000"
    assert format_number(Decimal("1.5"), decimals=11) == "1,50000000000"


def test_numbers_longer_than_28_digits_keep_every_digit() -> None:
    # babel's default decimal context has 28 digits; a report's number is never cut short
    big = Decimal("12345678901234567890123456789.12345")
    assert format_number(big, locale="en") == "12,345,678,901,234,567,890,123,456,789.123"
    assert format_percent(10**30, 3, locale="en") == "33,333,333,333,333,333,333,333,333,333,333.3%"


def test_a_signed_percentage_marks_every_rise() -> None:
    assert format_percent(1, 100, signed=True) == "+1,0%"
    assert format_percent(Decimal("0.5"), signed=True) == "+0,5%"
    assert format_percent(Decimal("-0.5"), signed=True) == "-0,5%"
    assert format_percent(0, 100, signed=True) == "0,0%"


# The general path serves CLDR patterns that vi and en do not use: Hindi groups by 3 then 2.
HINDI = NumberSymbols(
    decimal=".",
    group=",",
    percent="%",
    neg_prefix="-",
    neg_suffix="",
    pos_prefix="",
    pos_suffix="",
    primary_group=3,
    secondary_group=2,
    max_frac=3,
    min_frac=0,
    simple_groups=False,
    plain=False,
)


@pytest.mark.parametrize("value", [0, 5, 999, 1000, 12345, -1, -1234, 123456789, -(10**15)])
def test_the_general_path_writes_ints_as_babel(value: int) -> None:
    assert format_int(value, HINDI) == babel_numbers.format_decimal(value, locale="hi")


@pytest.mark.parametrize("value", ["0", "0.5", "999.999", "1000", "-1234.5", "12345.6789", "123456789.125", "-0.0001"])
def test_the_general_path_writes_decimals_as_babel(value: str) -> None:
    d = Decimal(value)
    assert format_decimal(d, HINDI, 0, 3) == babel_numbers.format_decimal(d, locale="hi")
    assert format_decimal(d, HINDI, 0, 0) == babel_numbers.format_decimal(d, locale="hi", format="#,##,##0")


# -- quantities and money -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: format_quantity(5), "'quantity' must be a Quantity (got 5 of type int)"),  # type: ignore[arg-type]
        (
            lambda: format_quantity(Quantity.exact(5, "vụ"), more_than="over"),
            "'more_than' must be one of 'hơn', 'trên' (got 'over')",
        ),
        (
            lambda: format_quantity(Quantity.exact(5, "vụ"), about="chừng"),
            "'about' must be one of 'khoảng', 'ước' (got 'chừng')",
        ),
        (lambda: format_money(5, more_than="over"), "'more_than' must be one of 'hơn', 'trên' (got 'over')"),
        (
            lambda: format_money("5"),  # type: ignore[arg-type]
            "'amount' must be an int (whole đồng) or a Quantity (got '5' of type str)",
        ),
        (lambda: format_money(5, decimals=2.0), "'decimals' must be an int (got 2.0 of type float)"),  # type: ignore[arg-type]
        (lambda: format_money(5, decimals=4), "'decimals' must be between 0 and 3 (got 4)"),
        (lambda: format_money(-5), "'amount' must be >= 0 (got -5)"),
        (lambda: format_money(Quantity.exact(5, "vụ")), "'amount' must be in 'đồng' (got unit 'vụ')"),
    ],
)
def test_quantity_and_money_errors_name_the_argument_and_value(call: Callable[[], object], message: str) -> None:
    with pytest.raises(AnninhError) as info:
        call()
    assert str(info.value) == message


def test_money_given_as_a_quantity_keeps_the_chosen_words() -> None:
    assert format_quantity(Quantity.more_than(5_000_000, "đồng"), more_than="trên") == "trên 5 triệu đồng"
    assert format_quantity(Quantity.about(5_000_000, "đồng"), about="ước") == "ước 5 triệu đồng"
    assert format_quantity(Quantity.order_of(10**12, "đồng"), thousand="ngàn") == "hàng ngàn tỷ đồng"
    assert format_money(Quantity.order_of(10**12, "đồng"), thousand="ngàn") == "hàng ngàn tỷ đồng"
    assert format_money(Quantity.about(5_000_000, "đồng")) == "khoảng 5 triệu đồng"
    assert format_money(Quantity.more_than(5_000_000, "đồng"), locale="en") == "more than VND 5 million"
    assert format_money(Quantity.nearly(5_000_000, "đồng"), locale="en") == "nearly VND 5 million"
    assert format_money(Quantity.more_than(1_200_000_000, "đồng"), scale=False) == "hơn 1.200.000.000 đồng"


def test_rounding_a_trillion_uses_each_language_s_largest_scale() -> None:
    # Vietnamese offices write "nghìn tỷ" amounts in tỷ; English has the trillion
    assert format_money(1_234_567_000_000, rounding="down") == "hơn 1.234,5 tỷ đồng"
    assert format_money(1_234_567_000_000, rounding="down", locale="en") == "more than VND 1.2 trillion"


def test_rounded_money_without_scale_words_writes_every_digit() -> None:
    assert format_money(2_661_694_000, rounding="down", scale=False) == "hơn 2.600.000.000 đồng"
    assert format_money(2_661_694_000, rounding="down", scale=False, locale="en") == "more than VND 2,600,000,000"
