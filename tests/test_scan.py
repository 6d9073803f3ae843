"""Tests of `anninh_toandan.scan`: finding figures in running text and drafting a review."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anninh_toandan.datasets import bao_loc_2022_h1_article
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import FigureStatus, Reporter
from anninh_toandan.formatting import format_quantity
from anninh_toandan.indicator import (
    CASES_CLARIFIED,
    STANDARD_INDICATORS,
    IndicatorCatalogue,
)
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity
from anninh_toandan.scan import (
    UNIT_NOUNS,
    Draft,
    DraftFigure,
    Found,
    Kind,
    ScanError,
    Unplaced,
    as_dicts,
    draft_figures,
    format_draft,
    format_table,
    scan,
    to_json,
)
from tests._lang_strategies import constructed_quantities, money_quantities
from tests.scan_corpus import CORPUS, SUSPICIOUS

ARTICLE = bao_loc_2022_h1_article()
E, MORE, ORDER, VND = Quantity.exact, Quantity.more_than, Quantity.order_of, Quantity.vnd
H1 = Period.half_year(2022, 1)


def summary(f: Found) -> tuple[str, str, object]:
    """(kind, text, value) as the corpus writes it."""
    k = f.kind
    value: object
    if f.suspicious_reason is not None:
        value = SUSPICIOUS
    elif k in (Kind.COUNT, Kind.MONEY, Kind.DURATION):
        value = f.quantity
    elif k in (Kind.SHARE, Kind.PAIR):
        value = (f.quantity, f.second)
    elif k in (Kind.PERCENT, Kind.NUMBER):
        value = str(f.number)
    elif k is Kind.DATE:
        value = f.date
    elif k is Kind.PERIOD:
        value = None if f.period is None else f.period.id
    elif k is Kind.UNQUANTIFIED:
        value = f.unit
    else:
        value = None
    return (k.value, f.text, value)


# -- the source article ----------------------------------------------------------------------------

ARTICLE_ITEMS = [
    ("date", "Chiều 12/7", None),
    ("name", "06", None),
    ("date", "ngày 6/3/2014", pendulum.Date(2014, 3, 6)),
    ("period", "6 tháng đầu năm 2022", "2022S1"),
    ("name", "138", None),
    ("period", "6 tháng qua", None),
    ("count", "72 buổi", E(72, "buổi")),
    ("count", "hơn 13.000 lượt", MORE(13000, "lượt")),
    ("count", "hơn 250 bản", MORE(250, "bản")),
    ("count", "2.700 lượt", E(2700, "lượt")),
    ("count", "hàng trăm bài viết", ORDER(100, "bài viết")),
    ("period", "6 tháng qua", None),
    ("count", "3 mô hình", E(3, "mô hình")),
    ("count", "19 mô hình", E(19, "mô hình")),
    ("count", "8 mô hình", E(8, "mô hình")),
    ("count", "274 tin", E(274, "tin")),
    ("count", "100 tin", E(100, "tin")),
    ("count", "44 vụ việc", E(44, "vụ việc")),
    ("unquantified", "nhiều mô hình", "mô hình"),
    ("name", "Covid-19", None),
    ("money", "437 triệu đồng", VND(437_000_000)),
    ("count", "3 nhà", E(3, "nhà")),
    ("count", "2 nhà", E(2, "nhà")),
    ("money", "190 triệu đồng", VND(190_000_000)),
    ("count", "hàng trăm phần quà", ORDER(100, "phần quà")),
    ("money", "hàng trăm triệu đồng", Quantity.order_of(100_000_000, "đồng")),
    ("name", "Covid-19", None),
]


def test_the_article_copy_is_the_source_article() -> None:
    source = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_70fd7e8945ef491f.txt"
    if not source.is_file():
        pytest.skip("the shared seeds are not here")
    assert source.read_text("utf-8") == ARTICLE


def test_scan_finds_every_item_of_the_article() -> None:
    assert [summary(f) for f in scan(ARTICLE)] == ARTICLE_ITEMS


def test_no_number_inside_a_name_of_the_article_is_a_figure() -> None:
    figures = [f.text for f in scan(ARTICLE) if f.is_figure]
    for name in ("06", "138", "Covid-19", "6/3/2014", "12/7", "2022", "6 tháng"):
        assert not any(name in text for text in figures), name
    assert len(figures) == 18


def test_the_article_spans_and_sentences_point_into_the_text() -> None:
    for f in scan(ARTICLE):
        assert ARTICLE[f.start : f.end] == f.text
        a, b = f.sentence
        assert a <= f.start < f.end <= b
        assert "\n" not in ARTICLE[a:b]
    tips = next(f for f in scan(ARTICLE) if f.text == "100 tin")
    assert ARTICLE[tips.sentence[0] : tips.sentence[1]].startswith("Trong đó, có 100 tin có giá trị")


def test_scan_completes_dates_and_periods_with_year() -> None:
    items = scan(ARTICLE, year=2022)
    assert items[0].date == pendulum.Date(2022, 7, 12)
    assert [f.period for f in items if f.kind is Kind.PERIOD] == [H1, None, None]


ARTICLE_DRAFT = {
    "outreach_sessions": E(72, "buổi"),
    "outreach_reach": MORE(13000, "lượt"),
    "printed_copies": MORE(250, "bản"),
    "loudspeaker_broadcasts": E(2700, "lượt"),
    "online_posts": ORDER(100, "bài viết"),
    "security_models_established": E(3, "mô hình"),
    "security_models_active": E(19, "mô hình"),
    "security_models_dissolved": E(8, "mô hình"),
    "tips_received": E(274, "tin"),
    "tips_valuable": E(100, "tin"),
    "cases_clarified": E(44, "vụ việc"),
    "fund_contributions": VND(437_000_000),
    "houses_new": E(3, "nhà"),
    "houses_repaired": E(2, "nhà"),
    "houses_cost": VND(190_000_000),
    "gifts": ORDER(100, "phần quà"),
    "gifts_value": Quantity.order_of(100_000_000, "đồng"),
    "scholarships": None,
    "production_support": None,
}


def test_draft_places_every_figure_of_the_article() -> None:
    draft = draft_figures(ARTICLE, unit="672")
    assert draft.period == H1
    assert {f.indicator.code: f.quantity for f in draft.figures} == ARTICLE_DRAFT
    assert [(u.found.text, u.found.kind) for u in draft.unplaced] == [("nhiều mô hình", Kind.UNQUANTIFIED)]
    for f in draft.figures:
        assert 0.4 <= f.confidence <= 1.0
        assert f.span is not None
        assert ARTICLE[f.span[0] : f.span[1]] in f.sentence
    houses = draft.get("houses_new")
    assert houses is not None and houses.found is not None
    assert houses.found.text == "3 nhà" and "xây mới" in houses.evidence
    assert draft.get("gifts_value") is not None
    assert draft.get("nothing") is None


def test_the_article_draft_becomes_a_figure_set() -> None:
    fs = draft_figures(ARTICLE, unit="672").to_figure_set(reported_by=Reporter.JOINT)
    assert len(fs) == len(ARTICLE_DRAFT)
    for code, value in ARTICLE_DRAFT.items():
        figure = fs.get(code, "672", H1)
        assert figure is not None and figure.reported_by is Reporter.JOINT
        assert figure.value == value
        assert figure.status is (FigureStatus.MENTIONED if value is None else FigureStatus.REPORTED)
    note = fs.get("fund_contributions", "672", H1)
    assert note is not None
    assert note.note == (
        "Cùng với công tác phòng chống tội phạm, tệ nạn xã hội, Công an TP Bảo Lộc và các tổ chức thành viên "
        "của Mặt trận Tổ quốc đã phối hợp kêu gọi cán bộ, "
        "chiến sĩ, công chức, viên chức ủng hộ Quỹ Vì người nghèo 437 triệu đồng"
    )


def test_the_article_in_nfd_with_no_break_spaces_gives_the_same_results() -> None:
    odd = unicodedata.normalize("NFD", ARTICLE).replace("hơn 13.000", "hơn\xa013.000").replace("'", "’")
    plain, found = scan(ARTICLE), scan(odd)
    assert [summary(f)[::2] for f in found] == [summary(f)[::2] for f in plain]
    for f in found:
        assert odd[f.start : f.end] == f.text
        assert unicodedata.normalize("NFC", f.text).replace("\xa0", " ") == summary(plain[found.index(f)])[1]
    draft = draft_figures(odd, unit="672")
    assert {f.indicator.code: f.quantity for f in draft.figures} == ARTICLE_DRAFT


# -- the corpus ------------------------------------------------------------------------------------


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 40
    kinds = {kind for _, expected in CORPUS for kind, _, _ in expected}
    assert kinds == {k.value for k in Kind}


@pytest.mark.parametrize(("sentence", "expected"), CORPUS, ids=[s[:40] for s, _ in CORPUS])
def test_corpus(sentence: str, expected: list[tuple[str, str, object]]) -> None:
    found = scan(sentence)
    assert [summary(f) for f in found] == expected
    for f in found:
        assert sentence[f.start : f.end] == f.text
        assert f.is_figure is (f.kind not in (Kind.DATE, Kind.PERIOD, Kind.NAME, Kind.DURATION))
        assert f.is_suspicious is (f.suspicious_reason is not None)


# -- details of scanning -----------------------------------------------------------------------------


def test_suspicious_numbers_say_why() -> None:
    reasons = {f.text: f.suspicious_reason for f in scan("Vận động 56.0000 người, 2,5 vụ và 03.000 lượt; 1.2345 tỷ")}
    assert reasons == {
        "56.0000 người": "malformed digit group '0000' (groups of thousands have 3 digits)",
        "2,5 vụ": "the number is not whole (2.5); counts and đồng are whole",
        "03.000 lượt": "malformed digit group '03' (a grouped number starts with 1 to 3 digits, not 0)",
        "1.2345 tỷ": "malformed digit group '2345' (groups of thousands have 3 digits)",
    }
    assert all(f.quantity is None for f in scan("56.0000 người"))


def test_a_share_keeps_its_percentage_and_checks_it() -> None:
    share, percent = scan("khám phá 644/707 vụ (đạt 91,09%)")
    assert share.number == Decimal("91.09") and percent.tied_to == share.span
    assert percent.suspicious_reason is None
    _, wrong = scan("khám phá 644/707 vụ (đạt 95,1%)")
    assert wrong.suspicious_reason == "the percentage 95.1% does not match 644/707 (91.1%)"
    _, zero = scan("đạt 0/0 vụ (0%)")
    assert zero.suspicious_reason == "a share of a whole of 0"
    (bad,) = scan("khám phá 708/707 vụ")
    assert bad.kind is Kind.SHARE and bad.suspicious_reason == "a part larger than its whole"
    (bad,) = scan("khám phá 70 vụ/7 vụ")
    assert bad.kind is Kind.SHARE and bad.quantity is None and bad.suspicious_reason is not None
    (approx,) = scan("hơn 10/20 vụ")
    assert approx.suspicious_reason == "a share of approximate numbers"
    (good,) = scan("xử lý 5 vụ/7 vụ")
    assert (good.kind, good.quantity, good.second) == (Kind.SHARE, E(5, "vụ"), E(7, "vụ"))


def test_amounts_in_brackets_are_tied_to_the_count_before() -> None:
    count, money = scan("xây mới 59 nhà đại đoàn kết (2,3 tỷ đồng)")
    assert money.tied_to is None  # words stand between the count and the bracket
    count, money = scan("xây mới 59 nhà (2,3 tỷ đồng)")
    assert money.tied_to == count.span
    count, percent = scan("tăng 4 vụ, đạt 10%")
    assert percent.tied_to == count.span
    count, money = scan("tăng 4 vụ, 10 triệu đồng")
    assert money.tied_to is None
    _first, second = scan("ủng hộ 10 triệu đồng (200 triệu đồng)")
    assert second.tied_to is None


def test_qualified_percentages_and_bare_numbers() -> None:
    (p,) = scan("Trên 90% hộ dân đăng ký")
    assert (p.text, p.number, p.note) == ("Trên 90%", Decimal(90), "qualifier 'Trên'")
    (n,) = scan("thiệt hại hơn 1.500 triệu.")
    assert (n.kind, n.number, n.note) == (Kind.NUMBER, Decimal(1_500_000_000), "the qualifier is MORE_THAN")
    (u,) = scan("gồm 7 nhóm nhỏ")
    assert (u.kind, u.unit, u.note) == (Kind.COUNT, "nhóm", "the unit is not a known unit noun")
    (z,) = scan("gần 0 vụ")
    assert z.kind is Kind.COUNT and z.quantity is None and "NEARLY" in (z.suspicious_reason or "")
    (h,) = scan("nhận hàng trăm Tin")
    assert h.kind is Kind.COUNT and h.quantity == ORDER(100, "Tin")


def test_dates_and_periods_without_year() -> None:
    items = scan("Sáng 3/13, ngày 30/2, 6 tháng cuối năm, 9 tháng năm nay, quý III, tháng 13, tháng 2", year=2023)
    assert [(f.kind, f.date or f.period, f.suspicious_reason) for f in items] == [
        (Kind.DATE, None, "there is no month 13"),
        (Kind.DATE, None, "there is no day 30 in month 2 of 2023"),
        (Kind.PERIOD, Period.half_year(2023, 2), None),
        (Kind.PERIOD, Period.nine_months(2023), None),
        (Kind.PERIOD, Period.quarter(2023, 3), None),
        (Kind.PERIOD, None, "there is no month 13"),
        (Kind.PERIOD, Period.month(2023, 2), None),
    ]
    (bad,) = scan("quý V/2022")
    assert bad.kind is Kind.PERIOD and bad.suspicious_reason == "there is no quarter V"
    (day,) = scan("vào ngày 15 hằng tháng")
    assert day.kind is Kind.DATE and day.note == "a day without a month"
    (partial,) = scan("ngày 12 tháng 7 vừa qua")
    assert partial.kind is Kind.DATE and partial.date is None
    (iso,) = scan("2022-07-12")
    assert iso.date == pendulum.Date(2022, 7, 12)


@pytest.mark.parametrize("year", [1000, 9999])
def test_year_must_be_plausible(year: int) -> None:
    with pytest.raises(ScanError, match="'year' must be between"):
        scan("Chiều 12/7", year=year)


def test_bad_arguments_are_type_errors() -> None:
    with pytest.raises(ValidationTypeError):
        scan(b"72 buoi")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError):
        scan("12/7", year="2022")  # type: ignore[arg-type]
    assert scan("") == []
    assert scan("Không có số nào.") == []


def test_more_names_with_numbers() -> None:
    items = scan("Đội 3 và tổng số 5 mô hình; Điều 51; 5G; 30km; 12 tháng 3 năm 2022")
    assert [(f.kind.value, f.text) for f in items] == [
        ("name", "3"),
        ("count", "5 mô hình"),
        ("name", "51"),
        ("name", "5G"),
        ("count", "30km"),
        ("date", "12 tháng 3 năm 2022"),
    ]
    heading = scan("Tổng kết:\n2. Kết quả đạt được")
    assert [(f.kind, f.text, f.note) for f in heading] == [(Kind.NAME, "2", "a heading number")]


def test_sentences() -> None:
    text = "Công an TP. Bảo Lộc tổ chức 3 buổi. còn 2 buổi!  Ngày mai thêm 4 buổi\nvà 5 buổi"
    spans = [text[f.sentence[0] : f.sentence[1]] for f in scan(text)]
    assert spans == [
        "Công an TP. Bảo Lộc tổ chức 3 buổi. còn 2 buổi!",
        "Công an TP. Bảo Lộc tổ chức 3 buổi. còn 2 buổi!",
        "Ngày mai thêm 4 buổi",
        "và 5 buổi",
    ]


@given(st.text(alphabet=st.sampled_from("0123456789 .,/%-()“”\"'\n\xa0hơnàgtrămvụ tyỷđồngnhiều Tháng")))
def test_scan_never_fails_and_spans_are_ordered_slices(text: str) -> None:
    items = scan(text)
    previous_end = 0
    for f in items:
        assert text[f.start : f.end] == f.text
        assert previous_end <= f.start < f.end
        previous_end = f.end


ROUND_TRIP_UNITS = sorted(set(UNIT_NOUNS) - {"ngày", "tháng", "năm", "tuần", "giờ", "tuổi", "điểm", "xã", "phường"})


@given(constructed_quantities(st.sampled_from(ROUND_TRIP_UNITS)))
def test_a_formatted_count_scans_back(q: Quantity) -> None:
    (found,) = scan(f"Đã thực hiện {format_quantity(q)} trong kỳ.")
    assert found.kind is Kind.COUNT
    assert found.quantity == q


@given(money_quantities)
def test_a_formatted_amount_scans_back(q: Quantity) -> None:
    (found,) = scan(f"Đã ủng hộ {format_quantity(q)} cho quỹ.")
    assert found.kind is Kind.MONEY
    assert found.quantity == q


# -- drafting details ----------------------------------------------------------------------------------


def test_draft_needs_a_period() -> None:
    with pytest.raises(ScanError, match="'period' must be given") as info:
        draft_figures("tiếp nhận 274 tin", unit="672")
    assert info.value.reason_vi is not None and info.value.reason_vi.startswith("cần cho biết kỳ báo cáo")
    draft = draft_figures("tiếp nhận 274 tin", unit="672", period=H1)
    assert draft.period == H1
    with pytest.raises(ValidationTypeError):
        draft_figures("tiếp nhận 274 tin", unit="672", period="2022S1")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError):
        draft_figures("tiếp nhận 274 tin", unit="672", period=H1, catalogue={})  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError):
        draft_figures("tiếp nhận 274 tin", unit=672, period=H1)  # type: ignore[arg-type]


def test_draft_lists_what_it_cannot_place() -> None:
    text = (
        "Năm 2022 khởi tố 13 vụ/24 bị can; đạt 9,31% kế hoạch, lên 19. "
        "Vận động 56.0000 người. Điều tra 644/707 vụ (đạt 91,09%). Có 12 ghế."
    )
    draft = draft_figures(text, unit="672")
    assert draft.figures == ()
    assert [(u.found.text, u.reason) for u in draft.unplaced] == [
        ("13 vụ/24 bị can", "no word around it names an indicator"),
        ("9,31%", "a percentage: the library derives percentages from their part and whole"),
        ("19", "a number without a unit"),
        ("56.0000 người", "suspicious: malformed digit group '0000' (groups of thousands have 3 digits)"),
        ("644/707 vụ", "no word around it names an indicator"),
        ("91,09%", "a percentage of the figure before it; shares are kept as part and whole"),
        ("12 ghế", "no indicator of the catalogue is counted in 'ghế'"),
    ]
    assert all(isinstance(u, Unplaced) and u.sentence in text for u in draft.unplaced)


def test_draft_keeps_one_figure_per_indicator() -> None:
    draft = draft_figures("Năm 2022 tổ chức 30 buổi tuyên truyền. Hội Phụ nữ tổ chức 12 buổi tuyên truyền.", unit="672")
    assert [(f.indicator.code, f.quantity) for f in draft.figures] == [("outreach_sessions", E(30, "buổi"))]
    ((dropped, reason),) = [(u.found.text, u.reason) for u in draft.unplaced]
    assert dropped == "12 buổi"
    assert reason.startswith("'outreach_sessions' is already placed from '30 buổi'")


def test_draft_online_posts_on_one_channel_and_values_after_a_count() -> None:
    text = (
        "Năm 2022 đăng tải 25 bài viết trên facebook; tặng 40 suất học bổng trị giá 80 triệu đồng; "
        "xây mới 5 nhà (500 triệu đồng); hỗ trợ sản xuất 10 con bò, trị giá 150 triệu đồng."
    )
    draft = draft_figures(text, unit="672")
    assert [(f.indicator.code, f.quantity) for f in draft.figures] == [
        ("online_posts.facebook", E(25, "bài viết")),
        ("scholarships", E(40, "suất học bổng")),
        ("scholarships_value", VND(80_000_000)),
        ("houses_new", E(5, "nhà")),
        ("houses_cost", VND(500_000_000)),
        ("production_support", E(10, "con")),
        ("production_support_value", VND(150_000_000)),
    ]
    cost = draft.get("houses_cost")
    assert cost is not None and "in brackets after the count" in cost.evidence


def test_draft_mentions_and_unquantified() -> None:
    draft = draft_figures("Năm 2022 tiếp nhận nhiều tin báo; tặng quà và học bổng.", unit="672")
    assert [(f.indicator.code, f.quantity, f.status) for f in draft.figures] == [
        ("tips_received", None, FigureStatus.MENTIONED),
        ("gifts", None, FigureStatus.MENTIONED),
        ("scholarships", None, FigureStatus.MENTIONED),
    ]
    gifts = draft.get("gifts")
    assert gifts is not None and gifts.evidence == ("tặng quà",) and gifts.found is None
    fs = draft.to_figure_set()
    figure = fs.get("gifts", "672", draft.period)
    assert figure is not None and figure.note == "Năm 2022 tiếp nhận nhiều tin báo; tặng quà và học bổng."


def test_draft_with_a_smaller_catalogue() -> None:
    catalogue = IndicatorCatalogue([CASES_CLARIFIED])
    draft = draft_figures(ARTICLE, unit="672", catalogue=catalogue)
    assert [f.indicator.code for f in draft.figures] == ["cases_clarified"]
    assert "tips_received" in STANDARD_INDICATORS


def test_reviewing_a_draft() -> None:
    draft = draft_figures(ARTICLE, unit="672")
    low = draft.needs_review()
    assert {f.indicator.code for f in low} >= {"scholarships", "production_support"}
    assert all(f.confidence < 0.6 for f in low)
    smaller = draft.without("gifts", "gifts_value")
    assert smaller.get("gifts") is None and len(smaller.figures) == len(draft.figures) - 2
    fixed = smaller.with_figure(
        DraftFigure(indicator=STANDARD_INDICATORS["gifts"], quantity=E(150, "phần quà"), confidence=1.0, sentence="")
    )
    assert fixed.get("gifts") is not None and fixed.figures[0].indicator.code == "gifts"
    with pytest.raises(ValidationTypeError):
        draft.with_figure("gifts")  # type: ignore[arg-type]
    assert len(draft.to_figure_set(min_confidence=0.6)) == len(draft.figures) - len(low)
    assert isinstance(draft, Draft)


# -- output ------------------------------------------------------------------------------------------


def test_format_table_of_the_article() -> None:
    table = format_table(scan(ARTICLE)).splitlines()
    assert table[0].split() == ["span", "kind", "text", "value", "remark"]
    assert len(table) == 2 + len(ARTICLE_ITEMS)
    assert any("hàng trăm triệu đồng" in line and "money" in line for line in table)
    assert any(line.split()[:3] == ["2.700", "lượt", "2.700"] or "2.700 lượt" in line for line in table)


def test_format_table_writes_every_kind() -> None:
    text = "Ngày 6/3/2014, quý I/2022: 644/707 vụ (đạt 91,09%), 13 vụ/24 bị can, nhiều vụ, lên 19, 1,5 tỷ."
    lines = format_table(scan(text)).splitlines()[2:]
    values = [line.split("  ")[0] for line in lines]
    assert len(values) == 8
    joined = "\n".join(lines)
    for shown in (
        "6/3/2014",
        "quý I/2022",
        "644 vụ trên 707 vụ",
        "91,09%",
        "13 vụ / 24 bị can",
        "(không rõ số) vụ",
        " 19 ",
        "1.500.000.000",
        "tied to",
    ):
        assert shown in joined, shown
    with pytest.raises(ValidationTypeError):
        format_table(["72 buổi"])  # type: ignore[list-item]


def test_json_output() -> None:
    data = json.loads(to_json(scan("khám phá 644/707 vụ (đạt 91,09%) ngày 6/3/2014, 6 tháng đầu năm 2022")))
    assert data[0]["kind"] == "share" and data[0]["second"]["value"] == 707 and data[0]["number"] == "91.09"
    assert data[1]["tied_to"] == [data[0]["start"], data[0]["end"]]
    assert data[2]["date"] == "2014-03-06" and data[3]["period"] == "2022S1"
    assert as_dicts([]) == []
    with pytest.raises(ValidationTypeError):
        as_dicts([1])  # type: ignore[list-item]
    assert '"text": "5 triệu đồng"' in to_json(scan("ủng hộ 5 triệu đồng"))  # not escaped


def test_format_draft() -> None:
    out = format_draft(draft_figures(ARTICLE, unit="672"))
    assert "security_models_active" in out and "(nêu, không có số)" in out
    assert out.splitlines()[-1].startswith("nhiều mô hình")
    only = format_draft(draft_figures("Năm 2022 tiếp nhận 274 tin.", unit="672"))
    assert "not placed" not in only
    with pytest.raises(ValidationTypeError):
        format_draft("draft")  # type: ignore[arg-type]


def test_found_accessors() -> None:
    (f,) = scan("hơn 13.000 lượt")
    assert (f.start, f.end, f.span) == (0, 15, (0, 15))
    assert f.quantity is not None and f.quantity.qualifier is Qualifier.MORE_THAN


# -- drafting that knows what it reads (issue 16) ---------------------------------------------------------

H2 = Period.half_year(2022, 2)


def test_a_plan_is_not_a_result() -> None:
    text = (
        "Dự kiến 6 tháng cuối năm, phường phấn đấu vận động ủng hộ Quỹ Vì người nghèo trên 500 triệu đồng. "
        "Năm tới sẽ tổ chức 80 buổi tuyên truyền; chỉ tiêu năm 2023 là xây dựng 5 mô hình."
    )
    draft = draft_figures(text, unit="24823", period=H2)
    assert draft.figures == ()
    assert [(u.found.text, u.reason) for u in draft.unplaced] == [
        ("trên 500 triệu đồng", "a plan or target ('phấn đấu'), not a result"),
        ("80 buổi", "a plan or target ('sẽ'), not a result"),
        ("5 mô hình", "a plan or target ('chỉ tiêu'), not a result"),
    ]


def test_a_plan_in_one_clause_leaves_the_results_of_the_others() -> None:
    text = (
        "Triển khai Kế hoạch số 12, đã tổ chức 72 buổi tuyên truyền, đạt 90% kế hoạch; "
        "Kế hoạch năm 2023: tổ chức 80 buổi tuyên truyền."
    )
    draft = draft_figures(text, unit="24823", period=H2)
    assert [(f.indicator.code, f.quantity) for f in draft.figures] == [("outreach_sessions", E(72, "buổi"))]
    assert [u.reason for u in draft.unplaced if u.found.text == "80 buổi"] == [
        "a plan or target ('kế hoạch'), not a result"
    ]


@pytest.mark.parametrize(
    ("text", "code", "value", "evidence"),
    [
        ("Trao 12 suất học bổng, mỗi suất trị giá 2 triệu đồng.", "scholarships_value", 24_000_000, "× 12 suất"),
        ("Xây mới 5 căn nhà đại đoàn kết, mỗi căn 60 triệu đồng.", "houses_cost", 300_000_000, "× 5 căn nhà"),
        ("Tặng 30 phần quà, trị giá 500.000 đồng/phần.", "gifts_value", 15_000_000, "× 30 phần quà"),
        ("Tặng 30 phần quà, 500.000 đồng một phần.", "gifts_value", 15_000_000, "× 30 phần quà"),
    ],
)
def test_a_price_per_item_is_multiplied_out(text: str, code: str, value: int, evidence: str) -> None:
    draft = draft_figures(text, unit="24823", period=H2)
    placed = draft.get(code)
    assert placed is not None and placed.quantity == VND(value)
    assert any(e.startswith(evidence) for e in placed.evidence)
    assert not draft.unplaced


def test_a_price_per_item_without_the_count_is_left_unplaced() -> None:
    draft = draft_figures("Trao học bổng cho học sinh nghèo, mỗi suất trị giá 2 triệu đồng.", unit="1", period=H2)
    assert draft.get("scholarships_value") is None
    assert [u.reason for u in draft.unplaced] == ["a price per item ('suất') and the number of items is not stated"]
    draft = draft_figures("Tặng hơn 30 phần quà, khoảng 500.000 đồng/phần.", unit="1", period=H2)
    assert [u.reason for u in draft.unplaced] == [
        "a price per item ('phần') of 'hơn 30 phần quà': both are approximate, the total is not known"
    ]
    draft = draft_figures("Tặng hơn 30 phần quà, 500.000 đồng/phần.", unit="1", period=H2)
    assert draft.get("gifts_value") is not None
    assert draft.get("gifts_value").quantity == Quantity.more_than(15_000_000, "đồng")  # type: ignore[union-attr]
    draft = draft_figures("Khởi tố 3 vụ, mỗi vụ thiệt hại 20 triệu đồng.", unit="1", period=H2)
    assert [u.reason for u in draft.unplaced if u.found.kind is Kind.MONEY] == [
        "a price per item ('vụ') of '3 vụ', which has no value indicator"
    ]


def test_numbers_in_words_are_drafted() -> None:
    draft = draft_figures("Xây dựng mới ba mô hình; tiếp nhận hai mươi tư tin báo.", unit="1", period=H2)
    assert [(f.indicator.code, f.quantity) for f in draft.figures] == [
        ("security_models_established", E(3, "mô hình")),
        ("tips_received", E(24, "tin báo")),
    ]
    assert draft.figures[0].found is not None and draft.figures[0].found.note == "the number is in words"


def test_number_words_that_are_not_figures() -> None:
    text = "Một người dân nói: không ai bị thương; tổ dân phố Ba có năm nay là năm thứ hai; ba mươi năm qua."
    assert [(f.kind.value, f.text) for f in scan(text) if f.is_figure] == []
    (bad,) = scan("Ủng hộ một nghìn tỷ tỷ đồng.")
    assert bad.kind is Kind.MONEY and bad.quantity is None
    assert bad.suspicious_reason is not None and "more than 21 digits" in bad.suspicious_reason


def test_durations_and_addresses_are_not_figures() -> None:
    text = "Sau 10 năm thực hiện, tại km 12+500 và số nhà 123/4, lực lượng trực 24 giờ."
    found = scan(text)
    assert [(f.kind.value, f.text) for f in found] == [
        ("duration", "10 năm"),
        ("name", "12+500"),
        ("name", "123/4"),
        ("duration", "24 giờ"),
    ]
    assert not any(f.is_figure for f in found)
    assert found[0].quantity == E(10, "năm")
    draft = draft_figures(text, unit="1", period=H2)
    assert draft.figures == () and draft.unplaced == ()


def test_a_sentence_that_continues_the_one_before_takes_its_subject() -> None:
    text = "Công an phường đã tiếp nhận, xử lý tin báo của quần chúng. Trong đó, có 274 tin về an ninh trật tự."
    draft = draft_figures(text, unit="1", period=H2)
    placed = draft.get("tips_received")
    assert placed is not None and placed.quantity == E(274, "tin")
    assert "tiếp nhận (the sentence before)" in placed.evidence
    # a new paragraph, or a sentence that does not continue, has its own subject
    for other in (text.replace(" Trong đó,", "\n\nTrong đó,"), text.replace("Trong đó, có", "Có")):
        assert draft_figures(other, unit="1", period=H2).get("tips_received") is None


def test_the_sentence_own_words_come_before_the_paragraph_subject() -> None:
    text = "Tiếp nhận 274 tin báo. Trong đó, có 100 tin có giá trị, giúp làm rõ 30 vụ."
    draft = draft_figures(text, unit="1", period=H2)
    valuable = draft.get("tips_valuable")
    assert valuable is not None and valuable.quantity == E(100, "tin") and valuable.confidence >= 0.9
    assert all("(the sentence before)" not in e for f in draft.figures for e in f.evidence)


_VOCABULARY_TEXT = st.lists(
    st.sampled_from(
        [
            *("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "trăm"),
            *("linh", "lẻ", "tư", "mốt", "lăm", "nhăm", "nghìn", "ngàn", "triệu", "tỷ", "hơn", "trên", "gần"),
            *("khoảng", "hàng", "mỗi", "suất", "vụ", "tin", "mô hình", "đồng", "tháng", "km", "số nhà", "/", "+"),
            *(",", ".", ";", "(", ")", "12", "3.000", "1,5", "dự kiến", "sẽ", "Trong đó"),
        ]
    ),
    min_size=1,
    max_size=14,
).map(" ".join)


@settings(max_examples=200)
@given(_VOCABULARY_TEXT)
def test_scan_and_draft_never_fail_on_number_words(text: str) -> None:
    for f in scan(text):
        assert text[f.start : f.end] == f.text
    draft_figures(text, unit="1", period=H2)
