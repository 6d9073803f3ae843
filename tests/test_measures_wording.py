"""The measures in words: completeness, comparisons and shares, as the office writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan.aggregate import (
    Aggregate,
    Basis,
    Comparability,
    Comparison,
    Completeness,
    Rollup,
    Share,
    map_to_successors,
)
from anninh_toandan.errors import FormatError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.formatting import (
    Formatter,
    format_aggregate,
    format_change,
    format_comparison,
    format_completeness,
    format_share,
)
from anninh_toandan.indicator import OUTREACH_SESSIONS, TIPS_RECEIVED
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity

H1_22 = Period.half_year(2022, 1)
H1_21 = Period.half_year(2021, 1)
WARDS_2022 = [u.code for u in Hierarchy.bundled().children("673", on=dt.date(2022, 7, 12))]


def _aggregate(value: Quantity | None, period: Period, completeness: Completeness) -> Aggregate:
    return Aggregate(indicator=TIPS_RECEIVED, unit="673", period=period, value=value, completeness=completeness)


def _complete() -> Completeness:
    return Completeness(expected=11, reported=11, units=11, units_reporting=11)


def _nine_of_eleven(period: Period = H1_22) -> Completeness:
    return Completeness(
        expected=11, reported=9, units=11, units_reporting=9, missing=[("24817", period), ("24838", period)]
    )


# -- completeness ---------------------------------------------------------------------


def test_completeness_names_the_silent_units_by_kind_and_name() -> None:
    c = _nine_of_eleven()
    assert format_completeness(c) == "theo báo cáo của 9/11 đơn vị; chưa có số liệu của phường Lộc Tiến, xã Lộc Nga"
    assert format_completeness(c, locale="en") == (
        "reported by 9 of 11 units; no figures yet from Lộc Tiến ward and Lộc Nga commune"
    )
    assert format_completeness(c, short=True) == "9/11 đơn vị báo cáo"
    assert format_completeness(c, short=True, locale="en") == "9 of 11 units reported"


def test_completeness_names_units_once_not_month_by_month() -> None:
    # Lộc Tiến sent nothing (six months missing); Phường 1 missed March only.
    months = [Period.month(2022, m) for m in range(1, 7)]
    missing = [("24817", m) for m in months] + [("24823", Period.month(2022, 3))]
    wards = ["24823", "24820", "24814", "24817", "24826", "24829", "24832", "24835", "24838", "24841", "24844"]
    c = Completeness(
        expected=66,
        reported=59,
        units=11,
        units_reporting=10,
        missing=missing,
        expected_units=wards,
        reporting_units=[w for w in wards if w != "24817"],
    )
    text = format_completeness(c)
    assert text == ("theo báo cáo của 10/11 đơn vị; chưa có số liệu của phường Lộc Tiến; chưa đủ số liệu của phường 1")
    assert "tháng" not in text
    assert format_completeness(c, locale="en").endswith("; incomplete figures from Ward 1")


def test_completeness_without_unit_lists_never_guesses_which_units_were_silent() -> None:
    # Built by hand without expected_units/reporting_units: one of the two sent nothing, but which
    # one the counts cannot tell, so both are named together.
    months = [Period.month(2022, m) for m in range(1, 7)]
    missing = [("24817", m) for m in months] + [("24823", Period.month(2022, 3))]
    c = Completeness(expected=66, reported=59, units=11, units_reporting=10, missing=missing)
    assert format_completeness(c) == (
        "theo báo cáo của 10/11 đơn vị; chưa có hoặc chưa đủ số liệu của phường Lộc Tiến, phường 1"
    )
    assert format_completeness(c, locale="en").endswith("; no or incomplete figures from Lộc Tiến ward and Ward 1")


def test_completeness_takes_names_from_a_mapping_or_a_custom_hierarchy() -> None:
    c = _nine_of_eleven()
    names = {"24817": "P. Lộc Tiến", "24838": "X. Lộc Nga"}
    assert format_completeness(c, units=names).endswith("chưa có số liệu của P. Lộc Tiến, X. Lộc Nga")
    unknown = Completeness(expected=2, reported=1, units=2, units_reporting=1, missing=[("zz", H1_22)])
    assert format_completeness(unknown).endswith("chưa có số liệu của zz")
    with pytest.raises(ValidationTypeError):
        format_completeness(c, units=["24817"])  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError):
        format_completeness("9/11")  # type: ignore[arg-type]


def test_completeness_of_one_unit_names_its_missing_periods() -> None:
    c = Completeness(
        expected=6,
        reported=4,
        units=1,
        units_reporting=1,
        missing=[("1", Period.month(2022, 2)), ("1", Period.month(2022, 3))],
    )
    assert format_completeness(c) == "chưa có số liệu tháng 2/2022 và tháng 3/2022"
    assert format_completeness(c, locale="en") == "no figures yet for February 2022 and March 2022"
    assert format_completeness(Completeness(expected=1, reported=1, units=1, units_reporting=1)) == "đủ số liệu"
    assert format_completeness(c, short=True) == "4/6 kỳ có số liệu"


def test_completeness_when_nobody_reported() -> None:
    c = Completeness(expected=11, reported=0, units=11, units_reporting=0, missing=[(u, H1_22) for u in WARDS_2022])
    assert format_completeness(c) == "chưa có đơn vị nào báo cáo (0/11 đơn vị)"
    assert format_completeness(c, locale="en") == "no unit has reported yet (0 of 11)"


def test_an_incomplete_aggregate_keeps_its_value_and_says_who_reported() -> None:
    a = _aggregate(Quantity.exact(89, "tin"), H1_22, _nine_of_eleven())
    assert (
        format_aggregate(a) == "89 tin (theo báo cáo của 9/11 đơn vị; chưa có số liệu của phường Lộc Tiến, xã Lộc Nga)"
    )
    # An estimate over part of the units (a mix of "khoảng" and "hơn") is stated, not dropped.
    rough = _aggregate(Quantity.about(10_300, "tin"), H1_22, _nine_of_eleven())
    assert rough.total is None
    assert format_aggregate(rough).startswith("khoảng 10.300 tin (theo báo cáo của 9/11 đơn vị;")
    assert format_aggregate(_aggregate(Quantity.exact(5, "tin"), H1_22, _complete())) == "5 tin"
    nothing = _aggregate(None, H1_22, Completeness(expected=1, reported=0, units=1, units_reporting=0))
    assert format_aggregate(nothing, locale="en") == "no figures yet"
    with pytest.raises(ValidationTypeError):
        format_aggregate(5)  # type: ignore[arg-type]


# -- comparisons ----------------------------------------------------------------------------


def _comparison(current: Aggregate, base: Aggregate) -> Comparison:
    return Comparison(current=current, base=base, basis=Basis.SAME_PERIOD_LAST_YEAR)


def test_comparable_changes_read_as_conventions_write_them() -> None:
    c = _comparison(
        _aggregate(Quantity.exact(44, "vụ"), H1_22, _complete()),
        _aggregate(Quantity.exact(40, "vụ"), H1_21, _complete()),
    )
    assert c.status is Comparability.COMPARABLE
    assert format_comparison(c) == "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021"
    assert format_comparison(c, locale="en") == "up 4 cases (10.0%) from the same period of 2021"
    assert format_comparison(c, reference=False) == "tăng 4 vụ (10,0%)"
    fall = _comparison(
        _aggregate(Quantity.exact(6000, "vụ"), H1_22, _complete()),
        _aggregate(Quantity.exact(6226, "vụ"), H1_21, _complete()),
    )
    assert format_comparison(fall, decimals=2) == "giảm 226 vụ (-3,63%) so với cùng kỳ năm 2021"
    # format_change takes a Comparison too, and words it the same way.
    assert format_change(fall, decimals=2) == format_comparison(fall, decimals=2)
    with pytest.raises(FormatError):
        format_change(fall, Quantity.exact(1, "vụ"))


def test_incomplete_comparisons_say_so_and_never_guess_the_direction() -> None:
    # 9 of 11 wards reported 30; last year all 11 reported 40: the two silent wards could reverse the fall.
    c = _comparison(
        _aggregate(Quantity.exact(30, "vụ"), H1_22, _nine_of_eleven()),
        _aggregate(Quantity.exact(40, "vụ"), H1_21, _complete()),
    )
    assert c.status is Comparability.INCOMPLETE
    text = format_comparison(c)
    assert text == "chưa so sánh được với cùng kỳ năm 2021 (số liệu kỳ này chưa đầy đủ)"
    assert format_comparison(c, locale="en") == (
        "not yet comparable with the same period of 2021 (figures for this period incomplete)"
    )
    # 9 of 11 wards already reported more than all of last year: missing wards can only add.
    rise = _comparison(
        _aggregate(Quantity.exact(50, "vụ"), H1_22, _nine_of_eleven()),
        _aggregate(Quantity.exact(40, "vụ"), H1_21, _complete()),
    )
    assert format_comparison(rise) == "tăng hơn 10 vụ so với cùng kỳ năm 2021 (số liệu kỳ này chưa đầy đủ)"
    # The base is incomplete and already above this year's complete figure: surely a fall.
    fall = _comparison(
        _aggregate(Quantity.exact(30, "vụ"), H1_22, _complete()),
        _aggregate(Quantity.exact(40, "vụ"), H1_21, _nine_of_eleven(H1_21)),
    )
    assert format_comparison(fall) == "giảm hơn 10 vụ so với cùng kỳ năm 2021 (số liệu kỳ so sánh chưa đầy đủ)"
    both = _comparison(
        _aggregate(Quantity.exact(30, "vụ"), H1_22, _nine_of_eleven()),
        _aggregate(Quantity.exact(40, "vụ"), H1_21, _nine_of_eleven(H1_21)),
    )
    assert format_comparison(both, reference=False) == "chưa so sánh được (số liệu hai kỳ chưa đầy đủ)"


def test_missing_and_zero_bases_say_so_in_words() -> None:
    none = Completeness(expected=11, reported=0, units=11, units_reporting=0)
    missing = _comparison(_aggregate(Quantity.exact(5, "vụ"), H1_22, _complete()), _aggregate(None, H1_21, none))
    assert missing.status is Comparability.BASE_MISSING
    assert format_comparison(missing) == "không so sánh được với cùng kỳ năm 2021 (không có số liệu)"
    current_missing = _comparison(
        _aggregate(None, H1_22, none), _aggregate(Quantity.exact(5, "vụ"), H1_21, _complete())
    )
    assert format_comparison(current_missing) == "không so sánh được với cùng kỳ năm 2021 (kỳ này chưa có số liệu)"
    zero = _comparison(
        _aggregate(Quantity.exact(4, "vụ"), H1_22, _complete()), _aggregate(Quantity.exact(0, "vụ"), H1_21, _complete())
    )
    assert zero.status is Comparability.BASE_ZERO
    assert format_comparison(zero) == "tăng 4 vụ so với cùng kỳ năm 2021 (kỳ so sánh bằng 0, không tính được tỷ lệ)"
    previous = Comparison(
        current=_aggregate(Quantity.exact(30, "vụ"), Period.quarter(2022, 1), _complete()),
        base=_aggregate(Quantity.exact(20, "vụ"), Period.quarter(2021, 4), _complete()),
        basis=Basis.PREVIOUS_PERIOD,
    )
    assert format_comparison(previous) == "tăng 10 vụ (50,0%) so với quý IV/2021"
    with pytest.raises(ValidationTypeError):
        format_comparison(None)  # type: ignore[arg-type]


def test_restructured_base_that_lacks_a_predecessor_is_never_a_rise() -> None:
    """The user's case: Phường 2 Bảo Lộc's 2024 base lacks Lộc Tân; the change could be negative.

    Before, the city office read "tăng khoảng 24 tin (khoảng 88,9%) so với cùng kỳ".
    """
    h = Hierarchy.bundled()
    h2_24, h2_25 = Period.half_year(2024, 2), Period.half_year(2025, 2)
    old = FigureSet(
        Figure.reported(TIPS_RECEIVED, code, h2_24, Quantity.exact(n, "tin"))
        for code, n in zip(WARDS_2022, (31, 15, 22, 19, 35, 24, 12, 21, 15, 26, 16), strict=True)
    )
    mapped = map_to_successors(old, h, on=dt.date(2025, 7, 1))
    assert any(p.figure.unit == "24820-2025" for p in mapped.partial)  # Lộc Tân (Bảo Lâm) has no figures
    new = FigureSet(
        Figure.reported(TIPS_RECEIVED, code, h2_25, Quantity.exact(51, "tin"))
        for code in ("24823-2025", "24820-2025", "24841-2025", "24829-2025")
    )
    c = Rollup(mapped.figures | new, h, on=dt.date(2025, 7, 1)).compare(TIPS_RECEIVED, unit="24820-2025", period=h2_25)
    for locale in ("vi", "en"):
        text = format_comparison(c, locale=locale)
        assert not text.startswith(("tăng", "giảm", "up ", "down ")), text
        assert "khoảng" not in text and "about" not in text, text
    assert "cùng kỳ năm 2024" in format_comparison(c)


def test_format_change_no_longer_calls_a_possible_fall_a_rise() -> None:
    # The base lacks a unit: it is at least 27; this year 51. The change is at most 24, maybe negative.
    text = format_change(Quantity.exact(51, "tin"), Quantity.more_than(27, "tin"))
    assert text == "chưa xác định được tăng hay giảm so với cùng kỳ (số liệu là số gần đúng)"
    assert "tăng khoảng" not in text


@given(
    st.integers(1, 10_000),
    st.integers(1, 10_000),
    st.sampled_from(["exact", "more_than", "nearly", "about"]),
    st.sampled_from(["exact", "more_than", "nearly", "about"]),
)
def test_a_stated_direction_holds_for_every_value_the_bounds_allow(a: int, b: int, qa: str, qb: str) -> None:
    cur = getattr(Quantity, qa)(a, "vụ")
    prev = getattr(Quantity, qb)(b, "vụ")
    text = format_change(cur, prev)
    lows = (cur.low or 0) - (prev.high if prev.high is not None else 10**9)
    highs = (cur.high if cur.high is not None else 10**9) - (prev.low or 0)
    if text.startswith("tăng"):
        assert lows > 0 and cur.qualifier.name != "ABOUT" and prev.qualifier.name != "ABOUT"
    if text.startswith("giảm"):
        assert highs < 0 and cur.qualifier.name != "ABOUT" and prev.qualifier.name != "ABOUT"


# -- shares -------------------------------------------------------------------------------------


def test_shares_are_worded_from_share() -> None:
    exact = Share(numerator=Quantity.exact(100, "tin"), denominator=Quantity.exact(274, "tin"))
    assert format_share(exact) == "36,5%"
    assert format_share(exact, locale="en", decimals=2) == "36.50%"
    at_least = Share(numerator=Quantity.more_than(100, "tin"), denominator=Quantity.exact(300, "tin"))
    assert format_share(at_least) == "hơn 33,3%"  # 33,33...: rounded down under "hơn"
    at_most = Share(numerator=Quantity.nearly(100, "tin"), denominator=Quantity.exact(300, "tin"))
    assert format_share(at_most) == "gần 33,4%"  # rounded up under "gần"
    rough = Share(numerator=Quantity.about(100, "tin"), denominator=Quantity.exact(274, "tin"))
    assert format_share(rough, locale="en") == "about 36.5%"
    with pytest.raises(FormatError):
        format_share(Share(numerator=Quantity.about(1, "tin"), denominator=Quantity.exact(0, "tin")))
    with pytest.raises(ValidationTypeError):
        format_share(0.365)  # type: ignore[arg-type]


def test_sessions_aggregate_over_the_bundled_wards() -> None:
    """A roll-up over the bundled wards words its completeness with their names."""
    h = Hierarchy.bundled()
    fs = FigureSet(
        Figure.reported(OUTREACH_SESSIONS, code, H1_22, Quantity.exact(10, "buổi"))
        for code in WARDS_2022
        if code not in ("24817", "24838")
    )
    a = Rollup(fs, h).aggregate(OUTREACH_SESSIONS, unit="673", period=H1_22)
    assert format_aggregate(a) == (
        "90 buổi (theo báo cáo của 9/11 đơn vị; chưa có số liệu của phường Lộc Tiến, xã Lộc Nga)"
    )


def test_partial_units_nobody_silent_and_other_names() -> None:
    months = [Period.month(2022, m) for m in (2, 3)]
    c = Completeness(expected=66, reported=64, units=11, units_reporting=11, missing=[("24823", m) for m in months])
    assert format_completeness(c) == "theo báo cáo của 11/11 đơn vị; chưa đủ số liệu của phường 1"
    nation = Completeness(expected=2, reported=1, units=2, units_reporting=1, missing=[("VN", H1_22)])
    assert format_completeness(nation, locale="en").endswith("no figures yet from Việt Nam")
    city = Completeness(expected=2, reported=1, units=2, units_reporting=1, missing=[("673", H1_22)])
    assert format_completeness(city, locale="en").endswith("no figures yet from Bảo Lộc city")
    nothing = Completeness(expected=11, reported=0, units=11, units_reporting=0, missing=[("24817", H1_22)])
    a = Aggregate(indicator=TIPS_RECEIVED, unit="673", period=H1_22, value=None, completeness=nothing)
    assert format_aggregate(a) == "chưa có số liệu (chưa có đơn vị nào báo cáo (0/11 đơn vị))"


def test_the_bound_formatter_words_the_measures() -> None:
    en = Formatter(locale="en")
    c = _nine_of_eleven()
    assert en.completeness(c, short=True) == "9 of 11 units reported"
    assert en.aggregate(_aggregate(Quantity.exact(5, "tin"), H1_22, _complete())) == "5 tips"
    assert en.share(Share(numerator=Quantity.exact(1, "tin"), denominator=Quantity.exact(4, "tin"))) == "25.0%"
    comparison = _comparison(
        _aggregate(Quantity.exact(44, "vụ"), H1_22, _complete()),
        _aggregate(Quantity.exact(40, "vụ"), H1_21, _complete()),
    )
    assert en.comparison(comparison, reference=False) == "up 4 cases (10.0%)"
    assert Formatter().change(comparison) == "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021"
