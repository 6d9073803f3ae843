"""The bundled Bảo Lộc review holds every fact of the source article."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from anninh_toandan.datasets import COVID_MODELS_ESTABLISHED, bao_loc_2022_h1, bao_loc_2022_h1_article
from anninh_toandan.figures import Figure, FigureStatus, Reporter
from anninh_toandan.indicator import (
    CASES_CLARIFIED,
    FUND_CONTRIBUTIONS,
    HOUSES_COST,
    ONLINE_POSTS,
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    PRINTED_COPIES,
    PRODUCTION_SUPPORT,
    SCHOLARSHIPS,
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
)
from anninh_toandan.io import dumps, loads
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.programme import OrganisationKind
from anninh_toandan.quantity import Qualifier, Quantity
from anninh_toandan.review import Review, ReviewKind
from anninh_toandan.tip import CrimeType

ARTICLE = bao_loc_2022_h1_article()
REVIEW = bao_loc_2022_h1()

# A number as the article writes it; its context is read around it, without consuming it.
NUMBER = re.compile(r"\d+(?:[./]\d+)*")
QUALIFIER_WORDS = {"hơn": Qualifier.MORE_THAN, "gần": Qualifier.NEARLY, "khoảng": Qualifier.ABOUT}
SCALES = {"triệu": 10**6, "tỷ": 10**9}

# Numbers that are not figures, and where the dataset holds each of them.
NOT_FIGURES = {
    "12/7": lambda: (REVIEW.held_on.day, REVIEW.held_on.month) == (12, 7),
    "06": lambda: REVIEW.programme.number == "06",
    "6/3/2014": lambda: REVIEW.programme.signed_on == dt.date(2014, 3, 6),
    # "6 tháng đầu năm 2022", "Trong 6 tháng qua": the period.
    "6": lambda: REVIEW.period == Period.half_year(2022, 1),
    "2022": lambda: REVIEW.period.year == 2022 and REVIEW.held_on.year == 2022,
    "138": lambda: any("Ban Chỉ đạo 138" in r for r in REVIEW.results),
    # "Covid-19" is a name.
    "19": lambda: REVIEW.causes == ("do tình hình dịch Covid-19 diễn biến phức tạp",),
}


def _reported_figures() -> list[Figure]:
    return [f for f in REVIEW.figures if f.status is FigureStatus.REPORTED]


def _article_quantities() -> list[tuple[str, Quantity]]:
    """Every number of the article that is a figure, as (the text, the quantity it states)."""
    found: list[tuple[str, Quantity]] = []
    for m in NUMBER.finditer(ARTICLE):
        number = m.group(0)
        before_text = ARTICLE[: m.start()]
        before = before_text.split()[-1] if before_text.endswith(" ") else ""
        after = ARTICLE[m.end() :].split()[:3] if ARTICLE[m.end() : m.end() + 1] == " " else []
        if (
            number in NOT_FIGURES
            and (number != "19" or before != "lên")
            and not (number == "6" and after[:1] != ["tháng"])
        ):
            assert NOT_FIGURES[number](), number
            continue
        value = int(number.replace(".", ""))
        words = after
        if words and words[0] in SCALES:
            value *= SCALES[words[0]]
            words = words[1:]
        unit = _unit(words)
        qualifier = QUALIFIER_WORDS.get(before, Qualifier.EXACT)
        q = Quantity.vnd(value, qualifier) if unit == "đồng" else Quantity(value=value, unit=unit, qualifier=qualifier)
        found.append((" ".join([before, number, *after]).strip(), q))
    # "hàng trăm X": hundreds of, with no digits.
    for m in re.finditer(r"hàng trăm (?P<scale>triệu )?(?P<after>(?:\S+ ){0,2})", ARTICLE):
        if m["scale"]:
            found.append((m.group(0).strip(), Quantity.order_of(100 * 10**6, "đồng")))
        else:
            found.append((m.group(0).strip(), Quantity.order_of(100, _unit(m["after"].split()))))
    return found


def _unit(words: list[str]) -> str:
    """The unit noun that opens *words*: the dataset's units are one or two words."""
    two = " ".join(words[:2]).rstrip(",;.")
    if two in {"bài viết", "mô hình", "vụ việc", "phần quà"}:
        return two
    return words[0].rstrip(",;.") if words else ""


def test_the_article_has_the_expected_number_of_figures() -> None:
    # 72, 13.000, 250, 2.700, 3, 19, 8, 274, 100, 44, 437, 3, 2, 190, and 3 "hàng trăm".
    assert len(_article_quantities()) == 17


@pytest.mark.parametrize(("text", "quantity"), _article_quantities(), ids=lambda v: str(v))
def test_every_number_of_the_article_is_a_figure(text: str, quantity: Quantity) -> None:
    matches = [f for f in _reported_figures() if f.value == quantity]
    assert matches, f"{text!r} ({quantity!r}) is not in the dataset"


def test_every_reported_figure_comes_from_the_article() -> None:
    quantities = [q for _, q in _article_quantities()]
    for f in _reported_figures():
        assert f.value in quantities, f


def test_figures_name_the_right_indicators() -> None:
    value = REVIEW.figures.value
    unit, h1 = REVIEW.unit, REVIEW.period
    assert value(OUTREACH_SESSIONS, unit, h1) == Quantity.exact(72, "buổi")
    assert value(OUTREACH_REACH, unit, h1) == Quantity.more_than(13000, "lượt")
    assert value(PRINTED_COPIES, unit, h1) == Quantity.more_than(250, "bản")
    assert value(ONLINE_POSTS, unit, h1) == Quantity.order_of(100, "bài viết")
    assert value(SECURITY_MODELS_ESTABLISHED, unit, h1) == Quantity.exact(3, "mô hình")
    assert value(SECURITY_MODELS_ACTIVE, unit, h1) == Quantity.exact(19, "mô hình")
    assert value(SECURITY_MODELS_DISSOLVED, unit, h1) == Quantity.exact(8, "mô hình")
    assert value(TIPS_RECEIVED, unit, h1) == Quantity.exact(274, "tin")
    assert value(TIPS_VALUABLE, unit, h1) == Quantity.exact(100, "tin")
    assert value(CASES_CLARIFIED, unit, h1) == Quantity.exact(44, "vụ việc")
    assert value(FUND_CONTRIBUTIONS, unit, h1) == Quantity.vnd(437_000_000)
    assert value(HOUSES_COST, unit, h1) == Quantity.vnd(190_000_000)
    assert REVIEW.figure(TIPS_RECEIVED).reported_by is Reporter.POLICE
    assert "zalo, facebook" in (REVIEW.figure(ONLINE_POSTS).note or "")


def test_facts_named_without_a_number_are_mentioned() -> None:
    for indicator in (SCHOLARSHIPS, PRODUCTION_SUPPORT, COVID_MODELS_ESTABLISHED):
        f = REVIEW.figure(indicator)
        assert f is not None and f.status is FigureStatus.MENTIONED and f.value is None


def test_every_figure_is_for_the_city_and_the_half_year() -> None:
    assert REVIEW.figures.units() == (REVIEW.unit,)
    assert REVIEW.figures.periods() == (Period.half_year(2022, 1),)
    city = Hierarchy.bundled()[REVIEW.unit]
    assert city.name == "Bảo Lộc" and city.is_valid_on(REVIEW.held_on)
    assert REVIEW.programme.units == (city.parent,)


def test_the_meeting_and_the_programme() -> None:
    assert REVIEW.kind is ReviewKind.INTERIM
    assert REVIEW.unit_name == "TP Bảo Lộc"
    p = REVIEW.programme
    assert p.title == "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới"
    assert f"“{p.title}”" in ARTICLE
    assert [(o.kind, o.name) for o in p.parties] == [
        (OrganisationKind.POLICE, "Công an tỉnh Lâm Đồng"),
        (OrganisationKind.FATHERLAND_FRONT, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng"),
    ]
    huy, chanh = REVIEW.chairs
    assert (huy.rank, huy.name, huy.title, huy.honorific) == (
        "Đại tá",
        "Ngô Quốc Huy",
        "Phó Trưởng Công an TP Bảo Lộc",
        None,
    )
    assert (chanh.honorific, chanh.name, chanh.title) == (
        "ông",
        "Huỳnh Minh Chánh",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam TP Bảo Lộc",
    )
    assert f"{huy.rank} {huy.name} – {huy.title}" in ARTICLE
    assert f"{chanh.honorific} {chanh.name} – {chanh.title}" in ARTICLE


def test_the_narrative() -> None:
    assert REVIEW.situation.crime_types == (
        CrimeType.GAMBLING,
        CrimeType.INTENTIONAL_INJURY,
        CrimeType.LOAN_SHARKING,
        CrimeType.DRUGS,
    )
    assert "tội phạm cờ bạc, cố ý gây thương tích, tín dụng đen, ma túy" in ARTICLE
    assert len(REVIEW.shortcomings) == 4
    assert len(REVIEW.directions) == 5
    assert REVIEW.proposals == ()
    assert any("“vùng xanh”" in r for r in REVIEW.results)


CORRECTIONS = {
    "Mặt trân": "Mặt trận",
    "tôi phạm": "tội phạm",
    "nâng tổ số": "nâng tổng số",
    "hoạt đồng chừng": "hoạt động cầm chừng",
    "thành niên chậm tiến": "thanh niên chậm tiến",
    "giúp làm 44": "giúp làm rõ 44",
    "chủ trường": "chủ trương",
    "kết quả nổi trong": "kết quả nổi bật trong",
    "quần chúng dân tham gia": "quần chúng nhân dân tham gia",
    "bản in ấn tiến hành": "bản in ấn, tiến hành",
}


def _texts(review: Review) -> list[str]:
    return [
        *review.situation.text,
        *review.results,
        *review.strengths,
        *review.shortcomings,
        *review.causes,
        *review.directions,
        *(f.note or "" for f in review.figures),
    ]


@pytest.mark.parametrize(("typo", "fixed"), CORRECTIONS.items())
def test_typos_of_the_article_are_corrected(typo: str, fixed: str) -> None:
    assert typo in ARTICLE
    texts = _texts(REVIEW)
    assert not any(typo in t for t in texts)
    assert any(fixed in t for t in texts)


def test_narrative_texts_are_the_articles_words() -> None:
    article = ARTICLE
    for typo, fixed in CORRECTIONS.items():
        article = article.replace(typo, fixed)
    for text in [*REVIEW.situation.text, *REVIEW.shortcomings, *REVIEW.directions, *REVIEW.causes, *REVIEW.strengths]:
        assert text in article, text
    for text in REVIEW.results:
        assert text.removeprefix("nhiều ") in article or text in article, text


def test_the_model_count_ambiguity_is_flagged_not_guessed() -> None:
    (ambiguous,) = [r for r in REVIEW.validate() if r.is_ambiguous]
    assert ambiguous.rule.code == "security_models_active_stock_identity"
    readings = ambiguous.readings
    assert readings is not None
    assert (readings.opening_if_after, readings.opening_if_before, readings.remaining_if_before) == (24, 16, 11)
    assert REVIEW.figures.get(SECURITY_MODELS_ACTIVE, REVIEW.unit, REVIEW.period.previous()) is None


def test_records_agree_with_the_figures() -> None:
    for f in REVIEW.record_figures(reported_by=Reporter.JOINT):
        mine = REVIEW.figure(f.indicator)
        assert mine is not None and mine.value == f.value and mine.reported_by is f.reported_by


def test_the_dataset_round_trips_through_json() -> None:
    assert loads(dumps(REVIEW), Review) == REVIEW


def test_the_dataset_is_built_once() -> None:
    assert bao_loc_2022_h1() is REVIEW
