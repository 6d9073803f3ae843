"""Formatting details pinned by mutation testing: exact strings, error messages, symbols read afresh.

Each test states what a reader of a report (or a caller who made a mistake) sees:
the exact Vietnamese or English text, or the exact message of the error. They
were written against the survivors of ``scripts/mutation.sh formatting/``
(see docs/testing.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest
from babel import numbers as babel_numbers

from anninh_toandan import AnninhError, Calendar, Period, Quantity
from anninh_toandan.aggregate import Aggregate, Basis, Comparison, Completeness, Share
from anninh_toandan.formatting import (
    Formatter,
    _locale,
    _phrases,
    format_aggregate,
    format_change,
    format_comparison,
    format_completeness,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_period,
    format_quantity,
    format_share,
)
from anninh_toandan.formatting._locale import NumberSymbols, symbols
from anninh_toandan.formatting._numbers import format_decimal, format_int
from anninh_toandan.indicator import TIPS_RECEIVED
from anninh_toandan.orgunit import Hierarchy

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


# -- the measures: completeness, aggregates, shares, changes -----------------------------------

H1_22 = Period.half_year(2022, 1)
H1_21 = Period.half_year(2021, 1)
Q4_21_REPORTING = Period.quarter(2021, 4, calendar=Calendar.REPORTING)
ALL_ELEVEN = Completeness(expected=11, reported=11, units=11, units_reporting=11)


def _nine_of_eleven(period: Period = H1_22) -> Completeness:
    return Completeness(
        expected=11, reported=9, units=11, units_reporting=9, missing=[("24817", period), ("24838", period)]
    )


def _aggregate(value: Quantity | None, period: Period, completeness: Completeness) -> Aggregate:
    return Aggregate(indicator=TIPS_RECEIVED, unit="673", period=period, value=value, completeness=completeness)


def _year_on_year(current: int, current_of: Completeness, base: int, base_of: Completeness) -> Comparison:
    return Comparison(
        current=_aggregate(Quantity.exact(current, "vụ"), H1_22, current_of),
        base=_aggregate(Quantity.exact(base, "vụ"), H1_21, base_of),
        basis=Basis.SAME_PERIOD_LAST_YEAR,
    )


def _missing(*pairs: tuple[str, Period]) -> list[tuple[str, Period]]:
    return list(pairs)


THREE_MISSING = _missing(("24817", H1_22), ("24838", H1_22), ("24823", H1_22))


@pytest.mark.parametrize(
    ("completeness", "options", "expected"),
    [
        (
            Completeness(expected=6, reported=4, units=1, units_reporting=1, missing=[("1", Period.month(2022, 2))]),
            {"short": True, "locale": "en"},
            "4 of 6 periods reported",
        ),
        (Completeness(expected=1, reported=1, units=1, units_reporting=1), {"locale": "en"}, "complete"),
        (
            Completeness(expected=12, reported=9, units=2, units_reporting=2, missing=[("24817", H1_22)]),
            {"short": True},
            "2/2 đơn vị báo cáo",
        ),
        # a reporting-calendar month is named without its dates
        (
            Completeness(
                expected=6,
                reported=4,
                units=1,
                units_reporting=1,
                missing=_missing(
                    ("1", Period.month(2022, 2, calendar=Calendar.REPORTING)),
                    ("1", Period.month(2022, 3, calendar=Calendar.REPORTING)),
                ),
            ),
            {},
            "chưa có số liệu tháng 2/2022 và tháng 3/2022",
        ),
        # every unit reported, two of them only in part
        (
            Completeness(
                expected=4,
                reported=2,
                units=2,
                units_reporting=2,
                missing=_missing(("24817", Period.month(2022, 2)), ("24838", Period.month(2022, 3))),
            ),
            {"units": {"24817": "P. Lộc Tiến"}},
            "theo báo cáo của 2/2 đơn vị; chưa đủ số liệu của P. Lộc Tiến, 24838",
        ),
        (
            Completeness(
                expected=4,
                reported=2,
                units=2,
                units_reporting=2,
                missing=_missing(("24817", Period.month(2022, 2)), ("24838", Period.month(2022, 3))),
            ),
            {"locale": "en"},
            "reported by 2 of 2 units; incomplete figures from Lộc Tiến ward and Lộc Nga commune",
        ),
        # three units missing, two of them silent: which two is not known
        (
            Completeness(expected=11, reported=8, units=11, units_reporting=9, missing=THREE_MISSING),
            {},
            "theo báo cáo của 9/11 đơn vị; chưa có hoặc chưa đủ số liệu của phường Lộc Tiến, xã Lộc Nga, phường 1",
        ),
        (
            Completeness(expected=11, reported=8, units=11, units_reporting=9, missing=THREE_MISSING),
            {"units": {"24817": "A"}},
            "theo báo cáo của 9/11 đơn vị; chưa có hoặc chưa đủ số liệu của A, 24838, 24823",
        ),
        (
            Completeness(expected=11, reported=8, units=11, units_reporting=9, missing=THREE_MISSING),
            {"locale": "en"},
            "reported by 9 of 11 units; no or incomplete figures from Lộc Tiến ward, Lộc Nga commune and Ward 1",
        ),
        (
            Completeness(expected=11, reported=8, units=11, units_reporting=8, missing=THREE_MISSING),
            {"locale": "en"},
            "reported by 8 of 11 units; no figures yet from Lộc Tiến ward, Lộc Nga commune and Ward 1",
        ),
    ],
)
def test_completeness_in_words(completeness: Completeness, options: dict[str, object], expected: str) -> None:
    assert format_completeness(completeness, **options) == expected  # type: ignore[arg-type]


def test_units_are_named_by_the_hierarchy_given() -> None:
    own = Hierarchy.from_dict(
        {
            "units": [
                {"code": "VN", "name": "Việt Nam", "level": "nation", "kind": "quốc gia"},
                {"code": "68", "name": "Lâm Đồng", "level": "province", "kind": "tỉnh", "parent": "VN"},
                {"code": "24817", "name": "Lộc Tiến", "level": "commune", "kind": "xã", "parent": "68"},
            ]
        }
    )
    c = Completeness(
        expected=11, reported=9, units=11, units_reporting=9, missing=[("24817", H1_22), ("24823-2025", H1_22)]
    )
    # the given hierarchy knows Lộc Tiến as a commune, and not the 2025 ward, which keeps its code
    assert (
        format_completeness(c, units=own) == "theo báo cáo của 9/11 đơn vị; chưa có số liệu của xã Lộc Tiến, 24823-2025"
    )
    # the bundled one: a ward whose name starts with its number is "Ward 1 Bảo Lộc" in English
    assert format_completeness(c, locale="en") == (
        "reported by 9 of 11 units; no figures yet from Lộc Tiến ward and Ward 1 Bảo Lộc"
    )


@pytest.mark.parametrize(
    ("aggregate", "options", "expected"),
    [
        (
            _aggregate(Quantity.exact(89, "tin"), H1_22, _nine_of_eleven()),
            {"locale": "en"},
            "89 tips (reported by 9 of 11 units; no figures yet from Lộc Tiến ward and Lộc Nga commune)",
        ),
        (
            _aggregate(Quantity.exact(89, "tin"), H1_22, _nine_of_eleven()),
            {"units": {"24817": "A", "24838": "B"}},
            "89 tin (theo báo cáo của 9/11 đơn vị; chưa có số liệu của A, B)",
        ),
        (
            _aggregate(None, H1_22, Completeness(expected=11, reported=0, units=11, units_reporting=0)),
            {"locale": "en"},
            "no figures yet (no unit has reported yet (0 of 11))",
        ),
        (
            _aggregate(None, H1_22, Completeness(expected=2, reported=0, units=2, units_reporting=0)),
            {},
            "chưa có số liệu (chưa có đơn vị nào báo cáo (0/2 đơn vị))",
        ),
    ],
)
def test_aggregates_in_words(aggregate: Aggregate, options: dict[str, object], expected: str) -> None:
    assert format_aggregate(aggregate, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("numerator", "denominator", "locale", "expected"),
    [
        (Quantity.more_than(100, "tin"), Quantity.exact(300, "tin"), "en", "more than 33.3%"),
        (Quantity.nearly(100, "tin"), Quantity.exact(300, "tin"), "en", "nearly 33.4%"),
        (Quantity.about(100, "tin"), Quantity.exact(274, "tin"), "vi", "khoảng 36,5%"),
        # 66.67 under "hơn" is rounded down, never up
        (Quantity.more_than(2, "tin"), Quantity.exact(3, "tin"), "vi", "hơn 66,6%"),
        # "more than 0" says nothing of a lower bound
        (Quantity.more_than(0, "tin"), Quantity.exact(300, "tin"), "vi", "khoảng 0,0%"),
        # a sum with both bounds (13.100 to 13.999) is an estimate
        (
            Quantity.exact(13000, "tin") + Quantity.order_of(100, "tin"),
            Quantity.exact(20000, "tin"),
            "vi",
            "khoảng 65,5%",
        ),
    ],
)
def test_shares_in_words(numerator: Quantity, denominator: Quantity, locale: str, expected: str) -> None:
    assert format_share(Share(numerator=numerator, denominator=denominator), locale=locale) == expected


FOUR_MORE = _year_on_year(44, ALL_ELEVEN, 40, ALL_ELEVEN)


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: format_change(FOUR_MORE, locale="en", signed_percent=True, reference=False), "up 4 cases (+10.0%)"),
        (lambda: format_change(FOUR_MORE, signed_percent=True), "tăng 4 vụ (+10,0%) so với cùng kỳ năm 2021"),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), Quantity.exact(4, "vụ"), basis="previous"),
            "tăng 1 vụ (25,0%) so với thời gian liền kề",
        ),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), Quantity.exact(4, "vụ"), basis="previous", locale="en"),
            "up 1 case (25.0%) from the previous period",
        ),
        (
            lambda: format_change(
                Quantity.exact(5, "vụ"), Quantity.exact(4, "vụ"), basis="previous", previous_period=Q4_21_REPORTING
            ),
            "tăng 1 vụ (25,0%) so với quý IV/2021",
        ),
        (
            lambda: format_change(
                Quantity.exact(5, "vụ"),
                Quantity.exact(4, "vụ"),
                previous_period=Period.between(Period.year(2021).start, Period.year(2022).end),
            ),
            "tăng 1 vụ (25,0%) so với cùng kỳ",
        ),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), Quantity.exact(4, "vụ"), locale="en"),
            "up 1 case (25.0%) from the same period last year",
        ),
        (
            lambda: format_change(Quantity.about(5, "vụ"), Quantity.about(4, "vụ"), locale="en"),
            "cannot tell whether up or down from the same period last year (estimated figures)",
        ),
        (
            lambda: format_change(Quantity.about(51, "tin"), Quantity.about(27, "tin"), reference=False),
            "chưa xác định được tăng hay giảm (số liệu ước tính)",
        ),
        (lambda: format_change(Quantity.more_than(40, "vụ"), Quantity.exact(40, "vụ")), "xấp xỉ cùng kỳ"),
        (
            lambda: format_change(Quantity.more_than(41, "vụ"), Quantity.exact(40, "vụ")),
            "tăng hơn 1 vụ (khoảng 2,5%) so với cùng kỳ",
        ),
    ],
)
def test_changes_in_words(call: Callable[[], str], expected: str) -> None:
    assert call() == expected


#: Two years against the two before: a custom span, with no "năm ..." to name.
TWO_YEARS = Comparison(
    current=_aggregate(
        Quantity.exact(44, "vụ"), Period.between(Period.year(2022).start, Period.year(2023).end), ALL_ELEVEN
    ),
    base=_aggregate(
        Quantity.exact(40, "vụ"), Period.between(Period.year(2020).start, Period.year(2021).end), ALL_ELEVEN
    ),
    basis=Basis.SAME_PERIOD_LAST_YEAR,
)


@pytest.mark.parametrize(
    ("comparison", "locale", "expected"),
    [
        # a custom span has no "năm ..." to name
        (
            TWO_YEARS,
            "vi",
            "tăng 4 vụ (10,0%) so với cùng kỳ",
        ),
        (
            TWO_YEARS,
            "en",
            "up 4 cases (10.0%) from the same period last year",
        ),
        (
            Comparison(
                current=_aggregate(
                    Quantity.exact(30, "vụ"), Period.quarter(2022, 1, calendar=Calendar.REPORTING), ALL_ELEVEN
                ),
                base=_aggregate(Quantity.exact(20, "vụ"), Q4_21_REPORTING, ALL_ELEVEN),
                basis=Basis.PREVIOUS_PERIOD,
            ),
            "en",
            "up 10 cases (50.0%) from Q4 2021",
        ),
        (
            _year_on_year(30, _nine_of_eleven(), 40, _nine_of_eleven(H1_21)),
            "en",
            "not yet comparable with the same period of 2021 (figures for both periods incomplete)",
        ),
        (
            _year_on_year(30, ALL_ELEVEN, 40, _nine_of_eleven(H1_21)),
            "en",
            "down more than 10 cases from the same period of 2021 (figures for the base period incomplete)",
        ),
        (
            _year_on_year(50, _nine_of_eleven(), 40, ALL_ELEVEN),
            "en",
            "up more than 10 cases from the same period of 2021 (figures for this period incomplete)",
        ),
        (
            Comparison(
                current=_aggregate(None, H1_22, Completeness(expected=11, reported=0, units=11, units_reporting=0)),
                base=_aggregate(Quantity.exact(5, "vụ"), H1_21, ALL_ELEVEN),
                basis=Basis.SAME_PERIOD_LAST_YEAR,
            ),
            "en",
            "not comparable with the same period of 2021 (no figure for this period)",
        ),
        # the smallest sure change is still a change; no change is not
        (
            _year_on_year(41, _nine_of_eleven(), 40, ALL_ELEVEN),
            "vi",
            "tăng hơn 1 vụ so với cùng kỳ năm 2021 (số liệu kỳ này chưa đầy đủ)",
        ),
        (
            _year_on_year(40, _nine_of_eleven(), 40, ALL_ELEVEN),
            "vi",
            "chưa so sánh được với cùng kỳ năm 2021 (số liệu kỳ này chưa đầy đủ)",
        ),
        (
            _year_on_year(39, ALL_ELEVEN, 40, _nine_of_eleven(H1_21)),
            "vi",
            "giảm hơn 1 vụ so với cùng kỳ năm 2021 (số liệu kỳ so sánh chưa đầy đủ)",
        ),
        (
            _year_on_year(40, ALL_ELEVEN, 40, _nine_of_eleven(H1_21)),
            "vi",
            "chưa so sánh được với cùng kỳ năm 2021 (số liệu kỳ so sánh chưa đầy đủ)",
        ),
        # nine wards reported no case, and last year there was none: the two silent wards may add some
        (
            _year_on_year(0, _nine_of_eleven(), 0, ALL_ELEVEN),
            "vi",
            "chưa so sánh được với cùng kỳ năm 2021 (số liệu kỳ này chưa đầy đủ)",
        ),
    ],
)
def test_comparisons_in_words(comparison: Comparison, locale: str, expected: str) -> None:
    assert format_comparison(comparison, locale=locale) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: format_change(FOUR_MORE, basis="previous"),
            "with a Comparison, 'previous', 'previous_period' and 'basis' must be left out (it knows its base)",
        ),
        (
            lambda: format_change(FOUR_MORE, previous_period=H1_21),
            "with a Comparison, 'previous', 'previous_period' and 'basis' must be left out (it knows its base)",
        ),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), Quantity.exact(4, "vụ"), basis="last"),
            "'basis' must be one of 'same_period', 'previous' (got 'last')",
        ),
        (
            lambda: format_change(5, Quantity.exact(4, "vụ")),  # type: ignore[arg-type]
            "'current' must be a Quantity (got 5 of type int)",
        ),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), 4),  # type: ignore[arg-type]
            "'previous' must be a Quantity (got 4 of type int)",
        ),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), Quantity.exact(4, "vụ"), previous_period="2021"),  # type: ignore[arg-type]
            "'previous_period' must be a Period (got '2021' of type str)",
        ),
        (
            lambda: format_change(Quantity.exact(5, "vụ"), Quantity.exact(4, "tin")),
            "cannot compare quantities of different units: 'vụ' and 'tin'",
        ),
        (lambda: format_comparison(5), "'comparison' must be a Comparison (got 5 of type int)"),  # type: ignore[arg-type]
        (lambda: format_aggregate(5), "'aggregate' must be an Aggregate (got 5 of type int)"),  # type: ignore[arg-type]
        (lambda: format_share(0.3), "'share' must be a Share (got 0.3 of type float)"),  # type: ignore[arg-type]
        (
            lambda: format_share(Share(numerator=Quantity.about(1, "tin"), denominator=Quantity.exact(0, "tin"))),
            "a share of a zero denominator has no percentage (got Quantity.exact(0, 'tin'))",
        ),
        (
            lambda: format_completeness("9/11"),  # type: ignore[arg-type]
            "'completeness' must be a Completeness (got '9/11' of type str)",
        ),
        (
            lambda: format_completeness(_nine_of_eleven(), units=["24817"]),  # type: ignore[arg-type]
            "'units' must be a Hierarchy, a mapping of unit codes to names, or None (got list)",
        ),
    ],
)
def test_measure_errors_name_the_argument_and_value(call: Callable[[], object], message: str) -> None:
    with pytest.raises(AnninhError) as info:
        call()
    assert str(info.value) == message


# -- dates and periods --------------------------------------------------------------------------


def test_each_date_style_keeps_its_own_form() -> None:
    assert format_date(date(2022, 7, 5)) == "ngày 5 tháng 7 năm 2022"  # long: no leading zero
    assert format_date(date(2022, 7, 5), style="document") == "ngày 05 tháng 7 năm 2022"
    assert format_date(date(2014, 3, 6), style="numeric_document") == "06/3/2014"
    assert format_date(date(2020, 1, 5), style="numeric_document") == "05/01/2020"


def test_a_span_of_whole_years_must_end_on_the_last_of_december() -> None:
    assert format_period(Period.between(date(2021, 1, 1), date(2022, 6, 30))) == "từ ngày 1/1/2021 đến ngày 30/6/2022"
    assert format_period(Period.between(date(2021, 1, 1), date(2022, 12, 31))) == "giai đoạn 2021-2022"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: format_date(date(2022, 7, 5), style="iso"),
            "'style' must be one of 'short', 'long', 'document', 'numeric_document' (got 'iso')",
        ),
        (
            lambda: format_date("2022-07-05"),  # type: ignore[arg-type]
            "'day' must be a date (datetime.date or pendulum.Date) (got '2022-07-05' of type str)",
        ),
        (
            lambda: format_period(Period.year(2022), quarter_style="x"),
            "'quarter_style' must be one of 'slash', 'year' (got 'x')",
        ),
        (lambda: format_period("2022"), "'period' must be a Period (got '2022' of type str)"),  # type: ignore[arg-type]
    ],
)
def test_date_errors_name_the_argument_and_value(call: Callable[[], object], message: str) -> None:
    with pytest.raises(AnninhError) as info:
        call()
    assert str(info.value) == message


# -- the bound formatter ------------------------------------------------------------------------


def test_the_formatter_passes_its_locale_and_every_option_on() -> None:
    vi, en = Formatter(), Formatter(locale="en")
    assert en.number(1234.5, decimals=2) == "1,234.50"
    assert vi.quantity(Quantity.more_than(200, "người"), more_than="trên") == "trên 200 người"
    assert en.money(2_661_694_000, rounding="down") == "more than VND 2.6 billion"
    assert vi.money(2_661_694_000, rounding="down") == "hơn 2,6 tỷ đồng"
    assert vi.percent(1, 3, decimals=2) == "33,33%"
    assert en.date(date(2022, 7, 5)) == "5 July 2022"
    assert vi.period(Period.quarter(2022, 1), quarter_style="year") == "quý I năm 2022"
    assert en.change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ")) == (
        "up 4 cases (10.0%) from the same period last year"
    )
    assert vi.change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), reference=False) == "tăng 4 vụ (10,0%)"
    share = Share(numerator=Quantity.exact(1, "tin"), denominator=Quantity.exact(3, "tin"))
    assert vi.share(share, decimals=2) == "33,33%"
    incomplete = _aggregate(Quantity.exact(89, "tin"), H1_22, _nine_of_eleven())
    assert vi.aggregate(incomplete, units={"24817": "A", "24838": "B"}) == (
        "89 tin (theo báo cáo của 9/11 đơn vị; chưa có số liệu của A, B)"
    )
    assert en.spell_number(21) == "twenty-one"
    assert vi.spell_money(24_000, four="bốn") == "Hai mươi bốn nghìn đồng"
