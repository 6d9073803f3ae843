"""Formatting: DESIGN.md's table, CONVENTIONS.md's examples, babel equality, options and errors."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import date, datetime
from decimal import Decimal

import pytest
from babel import numbers as babel_numbers
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import AnninhError, Calendar, Period, Qualifier, Quantity, UnitMismatchError
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.formatting import (
    FormatError,
    Formatter,
    english_unit,
    format_change,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_period,
    format_quantity,
    order_of_words,
    spell_money,
    spell_number,
)
from tests._lang_strategies import babel_numbers as numbers_for_babel
from tests._lang_strategies import constructed_quantities, dates, periods

# -- DESIGN.md: "Exact strings the formatting must produce" ------------------

DESIGN_TABLE = [
    (lambda: format_number(13000), "13.000"),
    (lambda: format_quantity(Quantity.more_than(13000, "lượt")), "hơn 13.000 lượt"),
    (lambda: format_quantity(Quantity.order_of(100, "bài viết")), "hàng trăm bài viết"),
    (lambda: format_money(437_000_000), "437 triệu đồng"),
    (lambda: format_money(1_200_000_000), "1,2 tỷ đồng"),
    (lambda: format_money(Quantity.order_of(100_000_000, "đồng")), "hàng trăm triệu đồng"),
    (lambda: format_percent(100, 274), "36,5%"),
    (lambda: format_date(date(2022, 7, 12)), "ngày 12 tháng 7 năm 2022"),
    (lambda: format_date(date(2014, 3, 6), style="short"), "6/3/2014"),
    (lambda: format_date(date(2020, 1, 5), style="document"), "ngày 05 tháng 01 năm 2020"),
    (lambda: format_period(Period.half_year(2022, 1)), "6 tháng đầu năm 2022"),
    (lambda: format_period(Period.quarter(2022, 1)), "quý I/2022"),
    (lambda: spell_number(2024), "hai nghìn không trăm hai mươi tư"),
    (lambda: spell_money(437_000_000), "Bốn trăm ba mươi bảy triệu đồng"),
    # DESIGN.md's prose under the table
    (lambda: format_money(1_234_000_000), "1,234 tỷ đồng"),
    (lambda: format_money(1_234_567_000), "1.234.567.000 đồng"),
]


@pytest.mark.parametrize(("call", "expected"), DESIGN_TABLE)
def test_design_table(call: object, expected: str) -> None:
    result = call()  # type: ignore[operator]
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


# -- CONVENTIONS.md examples -------------------------------------------------

CONVENTIONS = [
    (lambda: format_number(Decimal("36.5")), "36,5"),
    (lambda: format_number(Decimal("9528.3")), "9.528,3"),
    (lambda: format_money(33_500_000), "33,5 triệu đồng"),
    (lambda: format_money(Quantity.vnd(35_000_000_000, qualifier=Qualifier.NEARLY)), "gần 35 tỷ đồng"),
    (lambda: format_money(2_661_694_000), "2.661.694.000 đồng"),
    (lambda: format_money(2_661_694_000, rounding="down"), "hơn 2,6 tỷ đồng"),
    (lambda: format_money(1_052_000_000_000), "1.052 tỷ đồng"),
    # "4,218 triệu" is read as 4.218.000 (CONVENTIONS.md); offices write the amount in full (DESIGN.md).
    (lambda: format_money(4_218_000), "4.218.000 đồng"),
    (lambda: format_money(4_218_000, rounding="down"), "hơn 4,2 triệu đồng"),
    (lambda: format_money(190_000_000), "190 triệu đồng"),
    (lambda: format_percent(644, 707, decimals=2), "91,09%"),
    (lambda: format_percent(Decimal("-3.63"), decimals=2), "-3,63%"),
    (lambda: format_quantity(Quantity.more_than(4000, "tin")), "hơn 4.000 tin"),
    (lambda: format_quantity(Quantity.order_of(100, "phần quà")), "hàng trăm phần quà"),
    (lambda: format_quantity(Quantity.exact(72, "buổi")), "72 buổi"),
    (lambda: format_quantity(Quantity.exact(2700, "lượt")), "2.700 lượt"),
    (
        lambda: format_change(
            Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), previous_period=Period.half_year(2021, 1)
        ),
        "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021",
    ),
    (
        lambda: format_change(Quantity.exact(6000, "vụ"), Quantity.exact(6226, "vụ"), decimals=2),
        "giảm 226 vụ (-3,63%) so với cùng kỳ",
    ),
    (lambda: format_date(date(2014, 3, 6), style="document"), "ngày 06 tháng 3 năm 2014"),
    (lambda: format_date(date(2022, 7, 12), style="short"), "12/7/2022"),
    (lambda: format_period(Period.month(2022, 7)), "tháng 7/2022"),
    (lambda: format_period(Period.half_year(2022, 2)), "6 tháng cuối năm 2022"),
    (lambda: format_period(Period.nine_months(2022)), "9 tháng đầu năm 2022"),
    (lambda: format_period(Period.year(2022)), "năm 2022"),
    (lambda: format_period(Period.between(date(2013, 1, 1), date(2023, 12, 31))), "giai đoạn 2013-2023"),
    (
        lambda: format_period(Period.year(2022, calendar=Calendar.REPORTING)),
        "năm 2022 (từ ngày 15/12/2021 đến ngày 14/12/2022)",
    ),
]


@pytest.mark.parametrize(("call", "expected"), CONVENTIONS)
def test_conventions_examples(call: object, expected: str) -> None:
    assert call() == expected  # type: ignore[operator]


# -- numbers: babel equality -------------------------------------------------


@given(numbers_for_babel, st.sampled_from(["vi", "en"]))
def test_format_number_is_babel(value: int | Decimal | float, locale: str) -> None:
    assert format_number(value, locale=locale) == babel_numbers.format_decimal(value, locale=locale)


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False, places=4),
    st.sampled_from(["vi", "en"]),
    st.integers(min_value=0, max_value=3),
)
def test_format_number_decimals_is_babel(value: Decimal, locale: str, decimals: int) -> None:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    assert format_number(value, locale=locale, decimals=decimals) == babel_numbers.format_decimal(
        value, format=pattern, locale=locale
    )


@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(["vi", "en"]))
def test_format_money_digits_are_babel(amount: int, locale: str) -> None:
    text = format_money(amount, locale=locale, scale=False)
    digits = text.removesuffix(" đồng").removeprefix("VND ")
    assert digits == babel_numbers.format_decimal(amount, locale=locale)


def test_number_details() -> None:
    assert format_number(-1234567) == "-1.234.567"
    assert format_number(0) == "0"
    assert format_number(Decimal("1234.5678")) == "1.234,568"
    assert format_number(1730, locale="en") == "1,730"
    assert format_number(13000, decimals=2) == "13.000,00"
    assert format_number(0.1) == "0,1"
    # no no-break or thin spaces in numbers or percentages
    for text in (format_number(10**12), format_percent(1, 3), format_money(2_661_694_000)):
        assert "\xa0" not in text
        assert "\u2009" not in text


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: format_number("5"), ValidationTypeError),
        (lambda: format_number(True), ValidationTypeError),
        (lambda: format_number(float("inf")), FormatError),
        (lambda: format_number(5, decimals=-1), FormatError),
        (lambda: format_number(5, decimals=1.0), ValidationTypeError),
        (lambda: format_number(5, locale="fr"), FormatError),
        (lambda: format_number(5, locale=None), ValidationTypeError),
        (lambda: format_percent(1, 0), FormatError),
        (lambda: format_percent(1, 2, decimals=-1), FormatError),
    ],
)
def test_number_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, AnninhError)
    assert "must" in str(info.value)


def test_percent() -> None:
    assert format_percent(Decimal("36.5")) == "36,5%"
    assert format_percent(1, 2) == "50,0%"
    assert format_percent(1, 8, decimals=1) == "12,5%"  # 12.5 exactly
    assert format_percent(1, 16, decimals=1) == "6,3%"  # 6.25 rounds half up
    assert format_percent(0, 5, signed=True) == "0,0%"
    assert format_percent(-1, 10000, decimals=1) == "0,0%"  # no "-0,0%"
    assert format_percent(100, 274, decimals=0) == "36%"


# -- quantities ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("quantity", "vi", "en"),
    [
        (Quantity.exact(72, "buổi"), "72 buổi", "72 sessions"),
        (Quantity.exact(1, "buổi"), "1 buổi", "1 session"),
        (Quantity.more_than(250, "bản"), "hơn 250 bản", "more than 250 copies"),
        (Quantity.exact(2700, "lượt phát thanh"), "2.700 lượt phát thanh", "2,700 broadcasts"),
        (Quantity.order_of(100, "bài viết"), "hàng trăm bài viết", "hundreds of posts"),
        (Quantity.exact(274, "tin"), "274 tin", "274 tips"),
        (Quantity.exact(44, "vụ việc"), "44 vụ việc", "44 cases"),
        (Quantity.exact(19, "mô hình"), "19 mô hình", "19 models"),
        (Quantity.exact(3, "nhà"), "3 nhà", "3 houses"),
        (Quantity.order_of(100, "phần quà"), "hàng trăm phần quà", "hundreds of gifts"),
        (Quantity.exact(5, "suất học bổng"), "5 suất học bổng", "5 scholarships"),
        (Quantity.nearly(35, "loại mô hình"), "gần 35 loại mô hình", "nearly 35 types of model"),
        (Quantity.about(200, "người"), "khoảng 200 người", "about 200 people"),
        (Quantity.exact(7, "chốt"), "7 chốt", "7 chốt"),
        (Quantity.order_of(10, "vụ"), "hàng chục vụ", "tens of cases"),
        (Quantity.order_of(1000, "lượt"), "hàng nghìn lượt", "thousands of attendances"),
        (Quantity.order_of(10_000, "lượt"), "hàng chục nghìn lượt", "tens of thousands of attendances"),
        (Quantity.order_of(100_000, "lượt"), "hàng trăm nghìn lượt", "hundreds of thousands of attendances"),
        (Quantity.order_of(10**6, "lượt"), "hàng triệu lượt", "millions of attendances"),
        (Quantity.order_of(10**7, "đồng"), "hàng chục triệu đồng", "tens of millions of VND"),
        (Quantity.order_of(10**9, "đồng"), "hàng tỷ đồng", "billions of VND"),
        (Quantity.vnd(437_000_000), "437 triệu đồng", "VND 437 million"),
    ],
)
def test_quantities(quantity: Quantity, vi: str, en: str) -> None:
    assert format_quantity(quantity) == vi
    assert format_quantity(quantity, locale="en") == en
    assert Formatter(locale="en").quantity(quantity) == en


def test_quantity_variants() -> None:
    assert format_quantity(Quantity.more_than(200, "người"), more_than="trên") == "trên 200 người"
    assert format_quantity(Quantity.about(200, "người"), about="ước") == "ước 200 người"
    assert format_quantity(Quantity.order_of(1000, "lượt"), thousand="ngàn") == "hàng ngàn lượt"
    assert order_of_words(10**12) == "hàng nghìn tỷ"
    assert order_of_words(10**18) == "hàng tỷ tỷ"
    assert order_of_words(10**14, locale="en") == "hundreds of trillions of"
    assert english_unit("đồng", plural=True) == "VND"


def test_summed_quantities_keep_their_qualifier() -> None:
    # MORE_THAN with an upper bound, NEARLY with a lower bound: worded by qualifier and value
    total = Quantity.exact(13000, "lượt") + Quantity.order_of(100, "lượt")
    assert total.high is not None
    assert format_quantity(total) == "hơn 13.100 lượt"
    nearly = Quantity.nearly(35, "vụ") + Quantity.exact(5, "vụ")
    assert format_quantity(nearly) == "gần 40 vụ"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: format_quantity(5), ValidationTypeError),
        (lambda: format_quantity(Quantity.exact(5, "vụ"), more_than="over"), FormatError),
        (lambda: format_quantity(Quantity.exact(5, "vụ"), about="chừng"), FormatError),
        (lambda: order_of_words(50), FormatError),
        (lambda: order_of_words(10**40, locale="en"), FormatError),
        (lambda: order_of_words(100, thousand="k"), FormatError),
    ],
)
def test_quantity_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


@given(constructed_quantities(), st.sampled_from(["vi", "en"]))
def test_qualifier_never_dropped(q: Quantity, locale: str) -> None:
    text = format_quantity(q, locale=locale)
    assert unicodedata.is_normalized("NFC", text)
    words = {
        "vi": {"more_than": "hơn ", "nearly": "gần ", "about": "khoảng ", "order_of": "hàng ", "exact": ""},
        "en": {"more_than": "more than ", "nearly": "nearly ", "about": "about ", "order_of": "", "exact": ""},
    }[locale]
    assert text.startswith(words[q.qualifier.value])
    if q.is_exact:
        assert text[0].isdigit() or text.startswith("VND")


# -- money ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "options", "expected"),
    [
        (0, {}, "0 đồng"),
        (500_000, {}, "500.000 đồng"),
        (999_999, {"rounding": "down"}, "999.999 đồng"),
        (1_000_000, {}, "1 triệu đồng"),
        (1_000_500, {}, "1.000.500 đồng"),
        (437_000_000, {"scale": False}, "437.000.000 đồng"),
        (2_661_694_000, {"rounding": "up"}, "gần 2,7 tỷ đồng"),
        (2_661_694_000, {"rounding": "nearest"}, "khoảng 2,7 tỷ đồng"),
        (2_661_694_000, {"rounding": "down", "decimals": 2}, "hơn 2,66 tỷ đồng"),
        (2_661_694_000, {"rounding": "down", "decimals": 0}, "hơn 2 tỷ đồng"),
        (2_600_000_000, {"rounding": "down"}, "2,6 tỷ đồng"),  # lossless: nothing earned
        (999_990_000, {"rounding": "up", "decimals": 0}, "gần 1 tỷ đồng"),
        (10**18, {}, "1.000.000.000 tỷ đồng"),
        (1_200_000_000, {"locale": "en"}, "VND 1.2 billion"),
        (1_052_000_000_000, {"locale": "en"}, "VND 1.052 trillion"),
        (2_661_694_000, {"locale": "en"}, "VND 2,661,694,000"),
        (2_661_694_000, {"locale": "en", "rounding": "down"}, "more than VND 2.6 billion"),
        (Quantity.vnd(13_000_000, Qualifier.MORE_THAN), {"more_than": "trên"}, "trên 13 triệu đồng"),
        (Quantity.about(2_661_694_000, "đồng"), {"rounding": "nearest"}, "khoảng 2,7 tỷ đồng"),
        (Quantity.more_than(2_661_694_000, "đồng"), {"rounding": "down"}, "hơn 2,6 tỷ đồng"),
        (Quantity.order_of(100_000_000, "đồng"), {"locale": "en"}, "hundreds of millions of VND"),
    ],
)
def test_money(amount: int | Quantity, options: dict[str, object], expected: str) -> None:
    assert format_money(amount, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: format_money(-1), FormatError),
        (lambda: format_money(1.5), ValidationTypeError),
        (lambda: format_money(Quantity.exact(5, "vụ")), FormatError),
        (lambda: format_money(5, rounding="sideways"), FormatError),
        (lambda: format_money(5, decimals=4), FormatError),
        (lambda: format_money(Quantity.more_than(2_661_694_000, "đồng"), rounding="up"), FormatError),
        (lambda: format_money(Quantity.nearly(2_661_694_000, "đồng"), rounding="down"), FormatError),
    ],
)
def test_money_errors(call: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert "must" in str(info.value)


@given(st.integers(min_value=0, max_value=10**18), st.sampled_from(["down", "up", "nearest"]), st.integers(0, 3))
def test_rounding_earns_an_honest_qualifier(amount: int, rounding: str, decimals: int) -> None:
    from anninh_toandan.parsing import parse_money

    result = parse_money(format_money(amount, rounding=rounding, decimals=decimals))
    if result.is_exact:
        assert result.value == amount
    else:
        assert result.qualifier.value == {"down": "more_than", "up": "nearly", "nearest": "about"}[rounding]
        if rounding != "nearest":
            assert result.contains(amount)


# -- dates and periods ----------------------------------------------------------


def test_dates() -> None:
    d = date(2022, 12, 1)
    assert format_date(d, style="document") == "ngày 01 tháng 12 năm 2022"
    assert format_date(date(2022, 2, 28), style="document") == "ngày 28 tháng 02 năm 2022"
    assert format_date(d, locale="en", style="short") == "2022-12-01"
    assert format_date(d, locale="en", style="document") == "1 December 2022"
    with pytest.raises(FormatError):
        format_date(d, style="full")
    with pytest.raises(ValidationTypeError):
        format_date(datetime(2022, 7, 12))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (Period.month(2022, 7), "tháng 7/2022", "July 2022"),
        (Period.quarter(2022, 1), "quý I/2022", "Q1 2022"),
        (Period.quarter(2022, 4), "quý IV/2022", "Q4 2022"),
        (Period.half_year(2022, 1), "6 tháng đầu năm 2022", "first half of 2022"),
        (Period.half_year(2022, 2), "6 tháng cuối năm 2022", "second half of 2022"),
        (Period.nine_months(2022), "9 tháng đầu năm 2022", "first nine months of 2022"),
        (Period.year(2022), "năm 2022", "the year 2022"),
        (
            Period.between(date(2022, 1, 1), date(2022, 7, 12)),
            "từ ngày 1/1/2022 đến ngày 12/7/2022",
            "from 1 January 2022 to 12 July 2022",
        ),
        (Period.between(date(2013, 1, 1), date(2023, 12, 31)), "giai đoạn 2013-2023", "2013–2023"),
        (
            Period.half_year(2022, 1, calendar=Calendar.REPORTING),
            "6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/6/2022)",
            "first half of 2022 (15 December 2021 to 14 June 2022)",
        ),
        (
            Period.between(date(2022, 1, 1), date(2022, 7, 12), calendar=Calendar.REPORTING),
            "từ ngày 1/1/2022 đến ngày 12/7/2022",
            "from 1 January 2022 to 12 July 2022",
        ),
    ],
)
def test_periods(period: Period, vi: str, en: str) -> None:
    assert format_period(period) == vi
    assert format_period(period, locale="en") == en


def test_period_options() -> None:
    r = Period.quarter(2022, 1, calendar=Calendar.REPORTING)
    assert format_period(r, with_dates=False) == "quý I/2022"
    assert format_period(Period.quarter(2022, 1), quarter_style="year") == "quý I năm 2022"
    assert format_period(Period.month(2022, 7), with_dates=True) == "tháng 7/2022 (từ ngày 1/7/2022 đến ngày 31/7/2022)"
    with pytest.raises(ValidationTypeError):
        format_period("2022Q1")  # type: ignore[arg-type]
    with pytest.raises(FormatError):
        format_period(r, quarter_style="roman")


# -- changes ----------------------------------------------------------------------

H1_2021 = Period.half_year(2021, 1)


@pytest.mark.parametrize(
    ("current", "previous", "options", "vi", "en"),
    [
        (
            Quantity.exact(44, "vụ"),
            Quantity.exact(40, "vụ"),
            {"previous_period": H1_2021},
            "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021",
            "up 4 cases (10.0%) from the same period of 2021",
        ),
        (
            Quantity.exact(6000, "vụ"),
            Quantity.exact(6226, "vụ"),
            {"previous_period": H1_2021},
            "giảm 226 vụ (-3,6%) so với cùng kỳ năm 2021",
            "down 226 cases (-3.6%) from the same period of 2021",
        ),
        (
            Quantity.exact(40, "vụ"),
            Quantity.exact(40, "vụ"),
            {"previous_period": H1_2021},
            "bằng cùng kỳ năm 2021",
            "unchanged from the same period of 2021",
        ),
        (
            Quantity.exact(40, "vụ"),
            None,
            {"previous_period": H1_2021},
            "không so sánh được với cùng kỳ năm 2021 (không có số liệu)",
            "not comparable with the same period of 2021 (no figure)",
        ),
        (
            Quantity.exact(5, "vụ"),
            Quantity.exact(0, "vụ"),
            {},
            "tăng 5 vụ so với cùng kỳ (kỳ so sánh bằng 0, không tính được tỷ lệ)",
            "up 5 cases from the same period last year (the base is zero: no percentage)",
        ),
        (
            Quantity.exact(0, "vụ"),
            Quantity.exact(0, "vụ"),
            {},
            "bằng cùng kỳ",
            "unchanged from the same period last year",
        ),
        (
            Quantity.exact(30, "mô hình"),
            Quantity.exact(20, "mô hình"),
            {"basis": "previous", "previous_period": Period.quarter(2021, 4)},
            "tăng 10 mô hình (50,0%) so với quý IV/2021",
            "up 10 models (50.0%) from Q4 2021",
        ),
        (
            Quantity.exact(30, "mô hình"),
            Quantity.exact(20, "mô hình"),
            {"basis": "previous"},
            "tăng 10 mô hình (50,0%) so với thời gian liền kề",
            "up 10 models (50.0%) from the previous period",
        ),
        (
            Quantity.more_than(13000, "lượt"),
            Quantity.exact(12000, "lượt"),
            {},
            "tăng hơn 1.000 lượt (khoảng 8,3%) so với cùng kỳ",
            "up more than 1,000 attendances (about 8.3%) from the same period last year",
        ),
        (
            Quantity.exact(13000, "lượt"),
            Quantity.about(12000, "lượt"),
            {},
            "chưa xác định được tăng hay giảm so với cùng kỳ (số liệu ước tính)",
            "cannot tell whether up or down from the same period last year (estimated figures)",
        ),
        (
            Quantity.nearly(100, "vụ"),
            Quantity.exact(120, "vụ"),
            {},
            "giảm hơn 20 vụ (khoảng -16,7%) so với cùng kỳ",
            "down more than 20 cases (about -16.7%) from the same period last year",
        ),
        (
            Quantity.more_than(100, "vụ"),
            Quantity.exact(120, "vụ"),
            {},
            "chưa xác định được tăng hay giảm so với cùng kỳ (số liệu là số gần đúng)",
            "cannot tell whether up or down from the same period last year (approximate figures)",
        ),
        (
            Quantity.about(120, "vụ"),
            Quantity.exact(120, "vụ"),
            {},
            "xấp xỉ cùng kỳ",
            "about the same as the same period last year",
        ),
        (
            Quantity.vnd(437_000_000),
            Quantity.vnd(400_000_000),
            {"previous_period": Period.between(date(2021, 1, 1), date(2021, 7, 12))},
            "tăng 37 triệu đồng (9,3%) so với cùng kỳ năm 2021",
            "up VND 37 million (9.3%) from the same period of 2021",
        ),
    ],
)
def test_changes(current: Quantity, previous: Quantity | None, options: dict[str, object], vi: str, en: str) -> None:
    assert format_change(current, previous, **options) == vi  # type: ignore[arg-type]
    assert format_change(current, previous, locale="en", **options) == en  # type: ignore[arg-type]


def test_change_details() -> None:
    q = Quantity.exact(44, "vụ")
    assert format_change(q, Quantity.exact(40, "vụ"), signed_percent=True) == "tăng 4 vụ (+10,0%) so với cùng kỳ"
    assert format_change(Quantity.exact(36, "vụ"), Quantity.exact(40, "vụ"), signed_percent=False) == (
        "giảm 4 vụ (10,0%) so với cùng kỳ"
    )
    assert format_change(Quantity.exact(36, "vụ"), Quantity.exact(40, "vụ"), signed_percent=True) == (
        "giảm 4 vụ (-10,0%) so với cùng kỳ"
    )
    assert format_change(q, Quantity.exact(40, "vụ"), decimals=0) == "tăng 4 vụ (10%) so với cùng kỳ"
    across = Period.between(date(2020, 7, 2), date(2021, 6, 30))
    assert format_change(q, Quantity.exact(40, "vụ"), previous_period=across).endswith("so với cùng kỳ")
    with pytest.raises(UnitMismatchError):
        format_change(q, Quantity.exact(40, "bị can"))
    with pytest.raises(ValidationTypeError):
        format_change(q, 40)  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError):
        format_change(q, q, previous_period="2021S1")  # type: ignore[arg-type]
    with pytest.raises(FormatError):
        format_change(q, q, basis="target")
    with pytest.raises(FormatError):
        format_change(q, q, decimals=-1)


@given(constructed_quantities(), constructed_quantities(), st.sampled_from(["vi", "en"]))
def test_change_never_divides_by_zero(a: Quantity, b: Quantity, locale: str) -> None:
    b = Quantity(value=b.value, unit=a.unit, qualifier=b.qualifier)
    text = format_change(a, b, locale=locale)
    assert "inf" not in text.lower()
    assert "∞" not in text
    assert "nan" not in text.lower().split()


# -- the bound formatter and the layering -------------------------------------------


def test_formatter() -> None:
    vi, en = Formatter(), Formatter(locale="en")
    assert vi.number(13000) == "13.000"
    assert vi.money(437_000_000) == "437 triệu đồng"
    assert en.percent(100, 274) == "36.5%"
    assert vi.date(date(2022, 7, 12), style="short") == "12/7/2022"
    assert en.period(Period.quarter(2022, 1)) == "Q1 2022"
    assert vi.change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ")) == "tăng 4 vụ (10,0%) so với cùng kỳ"
    assert vi.spell_number(2024, four="bốn") == "hai nghìn không trăm hai mươi bốn"
    assert en.spell_money(5) == "Five dong"
    with pytest.raises(FormatError):
        Formatter(locale="fr")


def test_importing_the_package_does_not_load_babel() -> None:
    code = (
        "import sys, anninh_toandan.formatting, anninh_toandan.parsing; "
        "print('babel' in sys.modules); "
        "anninh_toandan.formatting.format_number(1); print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


@given(dates)
def test_dates_are_nfc(d: date) -> None:
    for style in ("short", "long", "document"):
        assert unicodedata.is_normalized("NFC", format_date(d, style=style))


@given(periods())
def test_periods_are_nfc(p: Period) -> None:
    assert unicodedata.is_normalized("NFC", format_period(p))


def test_general_number_path() -> None:
    # vi and en group by threes with no affixes; the general path serves any other CLDR pattern.
    import attrs

    from anninh_toandan.formatting._numbers import format_decimal, format_int
    from tests.test_formatting_mutants import HINDI

    indian = attrs.evolve(HINDI, neg_prefix="(", neg_suffix=")")  # negatives in brackets
    assert format_int(123456789, indian) == "12,34,56,789"
    assert format_int(-1234, indian) == "(1,234)"
    assert format_int(12, indian) == "12"
    assert format_decimal(Decimal("-1234567.5"), indian, 0, 3) == "(12,34,567.5)"
    assert format_number(Decimal("1.5"), decimals=12) == "1,500000000000"


def test_format_change_without_reference() -> None:
    assert format_change(Quantity.exact(36, "vụ"), Quantity.exact(40, "vụ"), reference=False) == "giảm 4 vụ (-10,0%)"
    assert format_change(Quantity.exact(40, "vụ"), Quantity.exact(40, "vụ"), reference=False) == "không đổi"
    assert format_change(Quantity.exact(40, "vụ"), None, reference=False) == "không so sánh được (không có số liệu)"
    assert format_change(Quantity.about(40, "vụ"), Quantity.exact(40, "vụ"), reference=False) == "xấp xỉ"
    assert format_change(Quantity.exact(4, "vụ"), Quantity.exact(0, "vụ"), reference=False) == (
        "tăng 4 vụ (kỳ so sánh bằng 0, không tính được tỷ lệ)"
    )
    assert format_change(Quantity.exact(36, "vụ"), None, locale="en", reference=False) == "not comparable (no figure)"
    assert (
        format_change(Quantity.exact(40, "vụ"), Quantity.exact(40, "vụ"), locale="en", reference=False) == "unchanged"
    )
    assert format_change(Quantity.about(40, "vụ"), Quantity.exact(40, "vụ"), locale="en", reference=False) == (
        "about the same"
    )


# -- found by mutation testing -------------------------------------------------------------------


def test_order_of_words_up_to_the_decillions() -> None:
    assert order_of_words(10**33, locale="en") == "decillions of"
    assert order_of_words(10**35, locale="en") == "hundreds of decillions of"
    with pytest.raises(FormatError) as info:
        order_of_words(10**36, locale="en")
    assert str(info.value) == f"'value' must be below 10**36 to be worded in English (got {10**36!r})"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: order_of_words(150), r"^'value' must be a power of ten >= 10 \(got 150\)$"),
        (lambda: order_of_words(1), r"^'value' must be a power of ten >= 10 \(got 1\)$"),
        (lambda: order_of_words("100"), r"^'value' must be an int"),
        (lambda: order_of_words(100, thousand="ngan"), r"^'thousand' must be"),
    ],
)
def test_order_of_words_errors_name_the_argument(call: object, message: str) -> None:
    with pytest.raises(AnninhError, match=message):
        call()  # type: ignore[operator]
