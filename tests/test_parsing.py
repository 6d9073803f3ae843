"""Parsing figures, amounts, dates and periods back from Vietnamese text."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import AnninhError, Calendar, Period, PeriodKind, Quantity
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.formatting import (
    format_date,
    format_money,
    format_period,
    format_quantity,
    spell_money,
    spell_number,
)
from anninh_toandan.parsing import MAX_DIGITS, ParseError, parse_date, parse_money, parse_period, parse_quantity
from tests._lang_strategies import amounts, constructed_quantities, dates, money_quantities, periods

# -- quantities -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hơn 13.000 lượt", Quantity.more_than(13000, "lượt")),
        ("trên 200 người", Quantity.more_than(200, "người")),
        ("gần 35 vụ", Quantity.nearly(35, "vụ")),
        ("khoảng 200 người", Quantity.about(200, "người")),
        ("ước 200 người", Quantity.about(200, "người")),
        ("ước tính khoảng 200 người", Quantity.about(200, "người")),
        ("hàng chục vụ", Quantity.order_of(10, "vụ")),
        ("hàng trăm bài viết", Quantity.order_of(100, "bài viết")),
        ("hàng nghìn lượt", Quantity.order_of(1000, "lượt")),
        ("hàng ngàn lượt", Quantity.order_of(1000, "lượt")),
        ("hàng chục nghìn lượt", Quantity.order_of(10_000, "lượt")),
        ("hàng trăm nghìn lượt", Quantity.order_of(100_000, "lượt")),
        ("hàng triệu lượt", Quantity.order_of(10**6, "lượt")),
        ("hàng chục triệu lượt", Quantity.order_of(10**7, "lượt")),
        ("hàng tỷ lượt", Quantity.order_of(10**9, "lượt")),
        ("hơn 12,7 triệu lượt người", Quantity.more_than(12_700_000, "lượt người")),
        ("03 vụ", Quantity.exact(3, "vụ")),
        ("05 mô hình", Quantity.exact(5, "mô hình")),
        ("1730 lượt", Quantity.exact(1730, "lượt")),
        ("72 buổi", Quantity.exact(72, "buổi")),
        ("2.700 lượt", Quantity.exact(2700, "lượt")),
        ("4,218 triệu đồng", Quantity.exact(4_218_000, "đồng")),
        ("1.052 tỷ đồng", Quantity.exact(1_052_000_000_000, "đồng")),
        ("2,1 nghìn tỷ đồng", Quantity.exact(2_100_000_000_000, "đồng")),
        ("5 tỉ đồng", Quantity.exact(5_000_000_000, "đồng")),
        ("  Hơn\xa013.000   lượt  ", Quantity.more_than(13000, "lượt")),
        ("19 mô hình", Quantity.exact(19, "mô hình")),
        ("8 loại mô hình", Quantity.exact(8, "loại mô hình")),
        # NFD input (as from PDFs and macOS) reads the same
        (unicodedata.normalize("NFD", "hơn 13.000 lượt"), Quantity.more_than(13000, "lượt")),
    ],
)
def test_quantities(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("56.0000 người", 3, "malformed digit group '0000'"),
        ("1.5 triệu đồng", 2, "malformed digit group '5'"),
        ("0.500 người", 0, "malformed digit group '0'"),
        ("1234.567 người", 0, "malformed digit group '1234'"),
        ("hơn lượt", 4, "expected a number after 'hơn'"),
        ("nhiều vụ", 0, "'nhiều' (many) states no number"),
        ("hàng lượt", 5, "expected chục, trăm"),
        ("13 000 lượt", 3, "unexpected digits"),
        ("1,2,3 vụ", 3, "a second decimal comma"),
        ("1,234.5 vụ", 5, "a group separator after the decimal comma"),
        ("1,5 vụ", 0, "not whole"),
        ("hơn 12,7505 nghìn lượt", 4, "not whole"),
        ("72", 2, "the unit is missing"),
        ("", 0, "empty"),
        ("   ", 0, "empty"),
        ("vụ", 0, "expected a number or a qualifier"),
        ("gần 0 vụ", 0, "NEARLY"),
        # positions are in the caller's text, even when it is NFD
        (unicodedata.normalize("NFD", "gần lượt"), 6, "expected a number after 'gần'"),
    ],
)
def test_quantity_errors(text: str, position: int, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, AnninhError)
    assert error.text == text
    assert error.position == position
    assert reason in error.reason
    assert repr(text) in str(error)


def test_wrong_type() -> None:
    with pytest.raises(ValidationTypeError):
        parse_quantity(13000)  # type: ignore[arg-type]


# -- money ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("437 triệu đồng", Quantity.vnd(437_000_000)),
        ("33,5 triệu đồng", Quantity.vnd(33_500_000)),
        ("1,2 tỷ đồng", Quantity.vnd(1_200_000_000)),
        ("gần 35 tỷ đồng", Quantity.nearly(35_000_000_000, "đồng")),
        ("2.661.694.000 đồng", Quantity.vnd(2_661_694_000)),
        ("hơn 2,6 tỷ đồng", Quantity.more_than(2_600_000_000, "đồng")),
        ("hàng trăm triệu đồng", Quantity.order_of(100_000_000, "đồng")),
        ("437.000.000đ", Quantity.vnd(437_000_000)),
        ("190 triệu VNĐ", Quantity.vnd(190_000_000)),
        ("15 ngàn đồng", Quantity.vnd(15_000)),
    ],
)
def test_money(text: str, expected: Quantity) -> None:
    assert parse_money(text) == expected


def test_money_errors() -> None:
    with pytest.raises(ParseError, match="is not money") as info:
        parse_money("437 triệu lượt")
    assert info.value.position == 10
    with pytest.raises(ParseError, match="not whole"):
        parse_money("1,2345 nghìn đồng")


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "12/7/2022",
        "12-7-2022",
        "12.7.2022",
        "ngày 12/7/2022",
        "ngày 12 tháng 7 năm 2022",
        "Ngày 12 tháng 07 năm 2022",
        "ngày 12 tháng 7, năm 2022",
        "2022-07-12",
        " 12 / 07 / 2022 ",
    ],
)
def test_dates(text: str) -> None:
    assert parse_date(text) == date(2022, 7, 12)


def test_document_date() -> None:
    assert parse_date("ngày 05 tháng 01 năm 2020") == date(2020, 1, 5)
    assert parse_date("ngày 06 tháng 3 năm 2014") == date(2014, 3, 6)


@pytest.mark.parametrize(
    ("text", "position", "reason"),
    [
        ("ngày 31/2/2022", 5, "there is no day 31 in month 2 of 2022"),
        ("12/13/2022", 3, "there is no month 13"),
        ("12/7-2022", 0, "expected a date"),
        ("12/7/22", 0, "expected a date"),
        ("hôm qua", 0, "expected a date"),
    ],
)
def test_date_errors(text: str, position: int, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_date(text)
    assert info.value.position == position
    assert info.value.reason.startswith(reason)


# -- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "period_id"),
    [
        ("tháng 7/2022", "202207"),
        ("tháng 07/2022", "202207"),
        ("tháng 7 năm 2022", "202207"),
        ("quý I/2022", "2022Q1"),
        ("quý I năm 2022", "2022Q1"),
        ("Quý IV/2022", "2022Q4"),
        ("quý 2/2022", "2022Q2"),
        ("quí III/2022", "2022Q3"),
        ("6 tháng đầu năm 2022", "2022S1"),
        ("sáu tháng cuối năm 2022", "2022S2"),
        ("9 tháng đầu năm 2022", "2022N9"),
        ("9 tháng năm 2022", "2022N9"),
        ("năm 2022", "2022"),
        ("giai đoạn 2013-2023", "2013-01-01/2023-12-31"),
        ("giai đoạn 2013 – 2023", "2013-01-01/2023-12-31"),
        ("từ ngày 01/01/2022 đến ngày 12/7/2022", "2022-01-01/2022-07-12"),
        ("từ 1/1/2022 đến 12/7/2022", "2022-01-01/2022-07-12"),
        ("từ ngày 1 tháng 1 năm 2022 đến ngày 31 tháng 3 năm 2022", "2022Q1"),
        ("6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/6/2022)", "R2022S1"),
        ("năm 2022 (từ ngày 15/12/2021 đến ngày 14/12/2022)", "R2022"),
        ("quý I/2022 (từ ngày 1/1/2022 đến ngày 31/3/2022)", "2022Q1"),
    ],
)
def test_periods(text: str, period_id: str) -> None:
    assert parse_period(text).id == period_id


def test_period_calendar_argument() -> None:
    assert parse_period("6 tháng đầu năm 2022", calendar=Calendar.REPORTING).id == "R2022S1"
    assert parse_period("giai đoạn 2013-2023", calendar=Calendar.REPORTING).id == "R2012-12-15/2023-12-14"
    assert parse_period("từ đầu năm đến nay", today=date(2022, 7, 12)).id == "2022-01-01/2022-07-12"
    with pytest.raises(ValidationTypeError):
        parse_period("năm 2022", calendar="reporting")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "calendar", "position", "reason"),
    [
        ("quý V/2022", None, 4, "there is no quarter V"),
        ("quý 0/2022", None, 4, "there is no quarter 0"),
        ("tháng 13/2022", None, 6, "there is no month 13"),
        ("từ ngày 31/2/2022 đến ngày 1/3/2022", None, 8, "there is no day 31"),
        ("từ ngày 1/3/2022 đến ngày 1/2/2022", None, 0, "'start' must not be after 'end'"),
        ("giai đoạn 2023-2013", None, 15, "must be after the first year"),
        ("năm 0999", None, 0, "'year' must be between"),
        ("quý I/2022 (từ ngày 2/1/2022 đến ngày 31/3/2022)", None, 15, "are not those of the period"),
        (
            "quý I/2022 (từ ngày 1/1/2022 đến ngày 31/3/2022)",
            Calendar.REPORTING,
            15,
            "are not those of the period on the reporting calendar",
        ),
        ("quý I/2022 cũ", None, 11, "unexpected text after the period"),
        ("từ đầu năm đến nay", None, 0, "needs the argument 'today'"),
        ("hôm nay", None, 0, "expected a period"),
    ],
)
def test_period_errors(text: str, calendar: Calendar | None, position: int, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_period(text, calendar=calendar)
    assert info.value.position == position
    assert reason in info.value.reason


# -- round trips (Vietnamese) --------------------------------------------------------------


@given(constructed_quantities())
def test_quantity_round_trip(q: Quantity) -> None:
    assert parse_quantity(format_quantity(q)) == q


@given(money_quantities)
def test_money_quantity_round_trip(q: Quantity) -> None:
    assert parse_money(format_money(q)) == q
    assert parse_money(format_money(q, scale=False)) == q


@given(amounts)
def test_amount_round_trip(amount: int) -> None:
    assert parse_money(format_money(amount)) == Quantity.vnd(amount)


@given(dates, st.sampled_from(["short", "long", "document"]))
def test_date_round_trip(d: date, style: str) -> None:
    assert parse_date(format_date(d, style=style)) == d


@given(periods(), st.sampled_from(["slash", "year"]))
def test_period_round_trip(p: Period, quarter_style: str) -> None:
    text = format_period(p, quarter_style=quarter_style)
    # A custom span states its dates but not its calendar: pass it.
    calendar = p.calendar if p.kind is PeriodKind.CUSTOM else None
    assert parse_period(text, calendar=calendar) == p
    assert parse_period(format_period(p, with_dates=True), calendar=calendar) == p


# -- numbers in words (issue 16) -----------------------------------------------------------------------

_VARIANTS = st.fixed_dictionaries(
    {
        "zero_tens": st.sampled_from(["linh", "lẻ"]),
        "four": st.sampled_from(["tư", "bốn"]),
        "thousand": st.sampled_from(["nghìn", "ngàn"]),
    }
)


@given(
    st.one_of(
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10**18 - 1),
        st.builds(lambda a, e: a * 10**e, st.integers(1, 999), st.integers(0, 15)),
    ),
    _VARIANTS,
    st.sampled_from(["vụ", "tin báo", "mô hình"]),
)
def test_a_spelled_number_reads_back(n: int, variants: dict[str, str], unit: str) -> None:
    words = spell_number(n, **variants)
    assert parse_quantity(f"{words} {unit}") == Quantity.exact(n, unit)
    assert parse_quantity(f"{words.capitalize()} {unit}") == Quantity.exact(n, unit)


@given(st.integers(min_value=1, max_value=10**15))
def test_a_spelled_amount_reads_back_as_money(n: int) -> None:
    assert parse_money(spell_money(n)) == Quantity.vnd(n)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ba mô hình", Quantity.exact(3, "mô hình")),
        ("hai mươi tư tin báo", Quantity.exact(24, "tin báo")),
        ("hai mươi bốn tin báo", Quantity.exact(24, "tin báo")),
        ("hai mươi mốt vụ", Quantity.exact(21, "vụ")),
        ("hai mươi một vụ", Quantity.exact(21, "vụ")),
        ("mười lăm buổi", Quantity.exact(15, "buổi")),
        ("hai mươi nhăm buổi", Quantity.exact(25, "buổi")),
        ("một trăm lẻ tư hộ", Quantity.exact(104, "hộ")),
        ("ba ngàn lượt người", Quantity.exact(3000, "lượt người")),
        ("hơn hai nghìn lượt", Quantity.more_than(2000, "lượt")),
        ("khoảng năm mươi người", Quantity.about(50, "người")),
        ("gần một tỉ đồng", Quantity.nearly(10**9, "đồng")),
        # "năm" after mười / mươi is a year, not a five: 15 and 25 are written with "lăm"
        ("mười năm", Quantity.exact(10, "năm")),
        ("hai mươi năm", Quantity.exact(20, "năm")),
        ("một trăm năm", Quantity.exact(100, "năm")),
    ],
)
def test_number_words(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "reason", "reason_vi"),
    [
        ("một số mô hình", "'một số' (some) states no number", "“một số” không nêu con số cụ thể"),
        ("tư vấn", "expected a number or a qualifier", "cần một con số hoặc một từ chỉ mức độ"),
        ("hơn tư vấn", "expected a number after 'hơn'", "cần một con số sau “hơn”"),
    ],
)
def test_words_that_are_not_numbers(text: str, reason: str, reason_vi: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert reason in info.value.reason
    assert info.value.reason_vi is not None and reason_vi in info.value.reason_vi


# -- bounds and Vietnamese reasons ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1" * 5000 + " vụ",
        "1" * 22 + " vụ",
        "1.000.000.000.000 tỷ tỷ vụ",
        "hàng tỷ tỷ tỷ vụ",
        "một nghìn tỷ tỷ vụ",
        "0," + "1" * 30 + " vụ",
    ],
)
def test_numbers_too_long_to_be_a_figure_are_an_error(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert f"more than {MAX_DIGITS} digits" in info.value.reason
    assert info.value.reason_vi == f"con số dài quá {MAX_DIGITS} chữ số; không có số liệu hay số tiền nào lớn như vậy"


def test_the_longest_number_is_read() -> None:
    n = 10**MAX_DIGITS - 1
    assert parse_quantity(f"{n} vụ").value == n
    assert parse_money(f"{n} đồng").value == n


@pytest.mark.parametrize(
    ("call", "reason_vi"),
    [
        (lambda: parse_quantity("1,5 buổi"), "số không nguyên (1,5); số đếm và số tiền (đồng) phải là số nguyên"),
        (lambda: parse_quantity("gần 0 vụ"), "“gần 0” không phải là một con số: số đi sau “gần” phải lớn hơn 0"),
        (lambda: parse_quantity("56.0000 người"), "nhóm chữ số “0000” sai (mỗi nhóm hàng nghìn có 3 chữ số)"),
        (lambda: parse_quantity("72"), "thiếu đơn vị tính"),
        (lambda: parse_quantity(""), "chưa có nội dung"),
        (lambda: parse_money("5 vụ"), "đơn vị “vụ” không phải tiền (đồng, đ, VNĐ, VND)"),
        (lambda: parse_date("ngày 31/2/2022"), "tháng 2 năm 2022 không có ngày 31"),
        (lambda: parse_date("ngày 1/13/2022"), "không có tháng 13"),
        (lambda: parse_period("quý V/2022"), "không có quý V"),
        (lambda: parse_period("năm 2022 và 2023"), "có chữ thừa sau tên kỳ"),
        (lambda: parse_period("hôm qua"), "cần một kỳ, ví dụ tháng 7/2022"),
        (lambda: parse_period("từ đầu năm đến nay"), "“từ đầu năm đến nay” cần biết hôm nay là ngày nào"),
        (lambda: parse_period("giai đoạn 2023-2013"), "năm cuối 2013 phải sau năm đầu 2023"),
    ],
)
def test_every_parse_error_has_a_vietnamese_reason(call: Callable[[], object], reason_vi: str) -> None:
    with pytest.raises(ParseError) as info:
        call()
    assert info.value.reason_vi is not None and reason_vi in info.value.reason_vi
    assert str(info.value).startswith("'text' must be ")


def test_a_period_whose_dates_disagree_says_so_in_vietnamese() -> None:
    with pytest.raises(ParseError) as info:
        parse_period("6 tháng đầu năm 2022 (từ ngày 01/01/2022 đến ngày 14/6/2022)")
    assert info.value.reason_vi == "từ ngày 1/1/2022 đến ngày 14/6/2022 không phải là thời gian của kỳ"
    with pytest.raises(ParseError) as info:
        parse_period("6 tháng đầu năm 2022 (từ ngày 01/01/2022 đến ngày 30/6/2022)", calendar=Calendar.REPORTING)
    assert info.value.reason_vi is not None and info.value.reason_vi.endswith("theo lịch kỳ báo cáo thống kê")


# -- exact reasons, the calendar on every kind of period (mutation testing) ----------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: parse_quantity("hơn vụ"), "a quantity"),
        (lambda: parse_money("hơn đồng"), "an amount of money"),
        (lambda: parse_date("hôm qua"), "a date"),
        (lambda: parse_period("hôm qua"), "a period"),
    ],
)
def test_each_parser_names_what_it_expected(call: Callable[[], object], expected: str) -> None:
    with pytest.raises(ParseError) as info:
        call()
    assert info.value.expected == expected
    assert str(info.value).startswith(f"'text' must be {expected} (got ")


@pytest.mark.parametrize(
    ("call", "position", "reason", "reason_vi"),
    [
        (lambda: parse_quantity("72"), 2, "the unit is missing", "thiếu đơn vị tính"),
        (lambda: parse_quantity(""), 0, "the text is empty", "chưa có nội dung"),
        (
            lambda: parse_quantity("vụ"),
            0,
            "expected a number or a qualifier (hơn, trên, gần, khoảng, ước, hàng ...)",
            "cần một con số hoặc một từ chỉ mức độ (hơn, trên, gần, khoảng, ước, hàng...)",
        ),
        # the text ends right after the qualifier
        (lambda: parse_quantity("hơn"), 3, "expected a number after 'hơn'", "cần một con số sau “hơn”"),
        (
            lambda: parse_quantity("hàng lượt"),
            5,
            "expected chục, trăm, nghìn, ngàn, triệu or tỷ after 'hàng'",
            "sau “hàng” cần chục, trăm, nghìn, ngàn, triệu hoặc tỷ",
        ),
        # the first wrong separator is named, wherever more follow
        (lambda: parse_quantity("1,2,3,4 vụ"), 3, "a second decimal comma", "có hai dấu phẩy thập phân"),
        (
            lambda: parse_quantity("1,2.345.678 vụ"),
            3,
            "a group separator after the decimal comma",
            "có dấu chấm phân cách sau dấu phẩy thập phân",
        ),
        (
            lambda: parse_quantity("1234.567 người"),
            0,
            "malformed digit group '1234' (a grouped number starts with 1 to 3 digits, not 0)",
            "nhóm chữ số “1234” sai (số có dấu chấm phân cách bắt đầu bằng 1 đến 3 chữ số, không phải 0)",
        ),
        (
            lambda: parse_quantity("1.000.00 vụ"),
            6,
            "malformed digit group '00' (groups of thousands have 3 digits)",
            "nhóm chữ số “00” sai (mỗi nhóm hàng nghìn có 3 chữ số)",
        ),
        (
            lambda: parse_quantity("13 000 lượt"),
            3,
            "unexpected digits or separators after the number (groups are separated by '.')",
            "có chữ số hoặc dấu phân cách thừa sau con số (các nhóm hàng nghìn cách nhau bằng dấu chấm)",
        ),
        (
            lambda: parse_date("hôm qua"),
            0,
            "expected a date such as 12/7/2022 or ngày 12 tháng 7 năm 2022",
            "cần một ngày, ví dụ 12/7/2022 hoặc ngày 12 tháng 7 năm 2022",
        ),
        (
            lambda: parse_period("hôm qua"),
            0,
            "expected a period such as tháng 7/2022, quý I/2022, 6 tháng đầu năm 2022 or năm 2022",
            "cần một kỳ, ví dụ tháng 7/2022, quý I/2022, 6 tháng đầu năm 2022 hoặc năm 2022",
        ),
        (lambda: parse_period("quý 5/2022"), 4, "there is no quarter 5", "không có quý 5"),
        (
            lambda: parse_period("giai đoạn 2022-2022"),
            15,
            "the last year 2022 must be after the first year 2022",
            "năm cuối 2022 phải sau năm đầu 2022",
        ),
        (
            lambda: parse_period("từ đầu năm đến nay"),
            0,
            "'từ đầu năm đến nay' needs the argument 'today'",
            "“từ đầu năm đến nay” cần biết hôm nay là ngày nào (tham số 'today')",
        ),
        (
            lambda: parse_period("năm 0999"),
            0,
            "'year' must be between 1001 and 9998 (got 999)",
            "kỳ không hợp lệ: 'year' must be between 1001 and 9998 (got 999)",
        ),
        (lambda: parse_period("quý I/2022 cũ"), 11, "unexpected text after the period", "có chữ thừa sau tên kỳ"),
        (
            lambda: parse_period("quý I/2022 (từ ngày 2/1/2022 đến ngày 31/3/2022)"),
            15,
            "the dates 2022-01-02 to 2022-03-31 are not those of the period",
            "từ ngày 2/1/2022 đến ngày 31/3/2022 không phải là thời gian của kỳ",
        ),
        # "gần 0" is no amount either: the reason is the quantity's, said in Vietnamese
        (
            lambda: parse_money("gần 0 đồng"),
            0,
            "bounds of a NEARLY quantity must satisfy value > 0, high == value and (low is None or 0 < low < value) "
            "(got value=0, low=None, high=0)",
            "“gần 0” không phải là một con số: số đi sau “gần” phải lớn hơn 0",
        ),
    ],
)
def test_exact_reasons(call: Callable[[], object], position: int, reason: str, reason_vi: str) -> None:
    with pytest.raises(ParseError) as info:
        call()
    assert (info.value.position, info.value.reason, info.value.reason_vi) == (position, reason, reason_vi)


def test_a_unit_may_start_with_a_capital_x() -> None:
    # only digits, "." and "," right after the number are refused
    assert parse_quantity("5 Xã") == Quantity.exact(5, "Xã")


@pytest.mark.parametrize(
    ("text", "period_id"),
    [
        ("tháng 7/2022", "R202207"),
        ("quý I/2022", "R2022Q1"),
        ("6 tháng cuối năm 2022", "R2022S2"),
        ("9 tháng đầu năm 2022", "R2022N9"),
        ("năm 2022", "R2022"),
        ("6 tháng đầu năm 2022 (từ ngày 15/12/2021 đến ngày 14/6/2022)", "R2022S1"),
        ("giai đoạn 2013-2023 (từ ngày 15/12/2012 đến ngày 14/12/2023)", "R2012-12-15/2023-12-14"),
    ],
)
def test_every_kind_of_period_takes_the_calendar_argument(text: str, period_id: str) -> None:
    assert parse_period(text, calendar=Calendar.REPORTING).id == period_id


def test_the_year_to_date_takes_the_calendar_and_checks_today() -> None:
    reporting = parse_period("từ đầu năm đến nay", today=date(2022, 7, 12), calendar=Calendar.REPORTING)
    assert reporting.id == "R2021-12-15/2022-07-12"
    with pytest.raises(ValidationTypeError) as info:
        parse_period("từ đầu năm đến nay", today="2022-07-12")  # type: ignore[arg-type]
    assert str(info.value).startswith("'today' must be a date")


def test_a_calendar_that_is_not_a_calendar_is_named() -> None:
    with pytest.raises(ValidationTypeError) as info:
        parse_period("năm 2022", calendar="reporting")  # type: ignore[arg-type]
    assert str(info.value) == "'calendar' must be a Calendar or None (got 'reporting' of type str)"


@pytest.mark.parametrize(
    "text",
    [
        "từ ngày 1/1/2022 đến ngày 31/3/2022 (từ ngày 1/1/2022 đến ngày 31/3/2022)",
        "từ đầu năm đến nay (từ ngày 1/1/2022 đến ngày 12/7/2022)",
    ],
)
def test_only_a_named_period_is_followed_by_its_dates(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_period(text, today=date(2022, 7, 12))
    assert info.value.reason == "unexpected text after the period"
    assert text[info.value.position] == "("


def test_a_period_in_two_years_needs_two_years() -> None:
    with pytest.raises(ParseError, match="must be after the first year"):
        parse_period("giai đoạn 2022-2022")
    assert parse_period("giai đoạn 2022-2023").id == "2022-01-01/2023-12-31"


def test_the_text_must_be_a_str() -> None:
    with pytest.raises(ValidationTypeError) as info:
        parse_quantity(13000)  # type: ignore[arg-type]
    assert str(info.value) == "'text' must be a str (got 13000 of type int)"


@pytest.mark.parametrize("text", ["1.000 tỷ tỷ vụ", "một nghìn tỷ tỷ vụ", "hàng nghìn tỷ tỷ vụ"])
def test_ten_to_the_twenty_first_is_already_too_long(text: str) -> None:
    # 10**21 has 22 digits; the position is that of the number (after "hàng", its words)
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert f"more than {MAX_DIGITS} digits" in info.value.reason
    assert info.value.position == text.index("nghìn" if text.startswith("hàng") else text.split()[0])


def test_the_longest_decimal_part_is_read() -> None:
    assert parse_quantity("1," + "0" * MAX_DIGITS + " vụ") == Quantity.exact(1, "vụ")


def test_ti_after_a_scale_is_a_billion_as_ty() -> None:
    assert parse_money("hai nghìn tỉ đồng") == Quantity.vnd(2 * 10**12)
    assert parse_money("hai nghìn tỷ đồng") == Quantity.vnd(2 * 10**12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the longest run of words that reads as a number is taken, the rest is the unit
        ("một trăm linh vụ", Quantity.exact(100, "linh vụ")),
        ("một trăm linh không vụ", Quantity.exact(100, "linh không vụ")),
        ("mười mốt vụ", Quantity.exact(10, "mốt vụ")),  # 11 is "mười một"
        ("mười tư vụ", Quantity.exact(10, "tư vụ")),  # 14 is "mười bốn"
        ("một mươi vụ", Quantity.exact(1, "mươi vụ")),  # 10 is "mười"
        ("hai mươi không vụ", Quantity.exact(20, "không vụ")),
        ("một nghìn nghìn vụ", Quantity.exact(1000, "nghìn vụ")),
        ("một nghìn hai nghìn vụ", Quantity.exact(1002, "nghìn vụ")),
        # and what is well formed is read whole
        ("một trăm lẻ tư vụ", Quantity.exact(104, "vụ")),
        ("hai mươi mốt vụ", Quantity.exact(21, "vụ")),
    ],
)
def test_number_words_stop_where_the_number_does(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected
