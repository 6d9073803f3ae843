"""The bundled Bảo Lộc review holds every fact of the source article."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from anninh_toandan.activity import Activity, ActivityKind
from anninh_toandan.charity import DisbursementPurpose
from anninh_toandan.datasets import COVID_MODELS_ESTABLISHED, SUPPORT_VALUE, bao_loc_2022_h1, bao_loc_2022_h1_article
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
    Indicator,
)
from anninh_toandan.io import dumps, loads
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.programme import OrganisationKind, Passage
from anninh_toandan.quantity import Qualifier, Quantity
from anninh_toandan.review import Review, ReviewKind
from anninh_toandan.security_model import DissolutionReason
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
    "138": lambda: any("Ban Chỉ đạo 138" in t for t in REVIEW.situation.text),
    # "Covid-19" is a name.
    "19": lambda: any("COVID-19" in c for c in REVIEW.objective_causes),
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
    assert "Zalo, Facebook" in (REVIEW.figure(ONLINE_POSTS).note or "")


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


def _passages(review: Review) -> list[Passage]:
    """Every narrative passage of *review*."""
    return [
        *review.situation.text,
        *review.results,
        *review.strengths,
        *review.shortcomings,
        *review.causes,
        *review.objective_causes,
        *review.subjective_causes,
        *review.directions,
        *review.proposals,
        *review.remarks,
    ]


def _texts(review: Review) -> list[str]:
    """Every Vietnamese text of *review*: passages, notes, topics, donors, beneficiaries and names."""
    orgs = [*review.organisers, *review.programme.parties, *(o for a in review.activities for o in a.organisers)]
    return [
        *_passages(review),
        *(f.note or "" for f in review.figures),
        *(a.topic or "" for a in review.activities),
        *(c.contributors or "" for fund in review.funds for c in fund.contributions),
        *(d.beneficiaries or "" for d in review.support),
        *(o.name for o in orgs),
        *(p.title or "" for p in review.chairs),
        review.unit_name or "",
    ]


def _in(fragment: str) -> bool:
    """Whether *fragment* is in one of the dataset's Vietnamese texts."""
    return any(fragment in t for t in _texts(REVIEW))


def _situation(fragment: str) -> bool:
    return any(fragment in t for t in REVIEW.situation.text)


def _result(fragment: str, *about: str) -> bool:
    """Whether a result passage holds *fragment* and speaks of the indicators *about*."""
    return any(fragment in r and set(about) <= set(r.about) for r in REVIEW.results)


def _activity(kind: ActivityKind) -> Activity:
    (found,) = [a for a in REVIEW.activities if a.kind is kind]
    return found


def _value(indicator: Indicator | str) -> Quantity | None:
    f = REVIEW.figure(indicator)
    return None if f is None else f.value


(_FUND,) = REVIEW.funds
(_DISSOLVED,) = REVIEW.dissolved_models
_SUPPORT = {d.purpose: d for d in REVIEW.support}
_SHARED = {s.purposes: s.amount for s in REVIEW.shared_amounts}
_PURPOSES = DisbursementPurpose

#: Every clause of the article (a sentence or a part of one between ";"), keyed by a fragment that
#: only it holds, with where the dataset holds its facts. ``test_every_clause_of_the_article_is_held``
#: fails when a clause of the article has no entry here.
FACTS: dict[str, Callable[[], bool]] = {
    # The lead: the meeting, its day, organisers, the programme and the period.
    "Chiều 12/7, Công an TP Bảo Lộc phối hợp": lambda: (
        REVIEW.held_on == dt.date(2022, 7, 12)
        and [o.name for o in REVIEW.organisers]
        == ["Công an thành phố Bảo Lộc", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc"]
        and REVIEW.programme.number == "06"
        and REVIEW.programme.signed_on == dt.date(2014, 3, 6)
        and [p.name for p in REVIEW.programme.parties]
        == ["Công an tỉnh Lâm Đồng", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng"]
        and REVIEW.kind is ReviewKind.INTERIM
        and REVIEW.period == Period.half_year(2022, 1)
    ),
    # A photo caption and the byline: no facts of the review.
    "Toàn cảnh hội nghị": lambda: True,
    "KHÁNH PHÚC": lambda: "KHÁNH PHÚC" in (REVIEW.source or ""),
    "được kiềm chế, kéo giảm": lambda: (
        _situation("Thời gian qua, tình hình tội phạm, tệ nạn xã hội")
        and _situation("được kiềm chế, kéo giảm. Tuy nhiên, ")
    ),
    "Tuy nhiên, các loại tội phạm": lambda: (
        _situation("Tuy nhiên, các loại tội phạm và tệ nạn xã hội")
        and _situation("với thủ đoạn ngày càng tinh vi")
        and REVIEW.situation.crime_types
        == (CrimeType.GAMBLING, CrimeType.INTENTIONAL_INJURY, CrimeType.LOAN_SHARKING, CrimeType.DRUGS)
    ),
    "Ban Chỉ đạo 138": lambda: (
        _situation("Trước tình hình đó, Công an thành phố cùng các ngành chức năng")
        and _situation("Ban Chỉ đạo 138 thành phố")
        and _situation("giữ vững an ninh chính trị, bảo đảm trật tự, an toàn xã hội")
    ),
    "Công tác phối hợp giữa": lambda: any("đạt nhiều kết quả nổi bật" in t for t in REVIEW.strengths),
    # The caption naming the chairs.
    "Đại tá Ngô Quốc Huy – Phó Trưởng": lambda: (
        [(p.rank, p.name, p.honorific) for p in REVIEW.chairs]
        == [("Đại tá", "Ngô Quốc Huy", None), (None, "Huỳnh Minh Chánh", "ông")]
    ),
    "72 buổi tuyên truyền": lambda: (
        _activity(ActivityKind.OUTREACH_SESSION).count == Quantity.exact(72, "buổi")
        and _activity(ActivityKind.OUTREACH_SESSION).reach == Quantity.more_than(13000, "lượt")
        and _activity(ActivityKind.OUTREACH_SESSION).topic
        == Passage(
            "chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
            en="the Party's guidelines and policies and the State's policies and laws",
        )
        and [o.kind for o in _activity(ActivityKind.OUTREACH_SESSION).organisers]
        == [OrganisationKind.POLICE, OrganisationKind.FATHERLAND_FRONT, OrganisationKind.MEMBER_ORGANISATION]
        and _result("72 buổi tuyên truyền", "outreach_sessions", "outreach_reach")
    ),
    "phát hành hơn 250 bản": lambda: (
        _activity(ActivityKind.PRINTED_MATERIAL).count == Quantity.more_than(250, "bản")
        and _activity(ActivityKind.LOUDSPEAKER_BROADCAST).count == Quantity.exact(2700, "lượt")
        and _activity(ActivityKind.LOUDSPEAKER_BROADCAST).topic
        == Passage("an ninh, trật tự", en="security and public order")
        and _result("phát thanh 2.700 lượt", "printed_copies", "loudspeaker_broadcasts")
    ),
    "hàng trăm bài viết": lambda: (
        _activity(ActivityKind.ONLINE_POST).count == Quantity.order_of(100, "bài viết")
        and _activity(ActivityKind.ONLINE_POST).channels == ("zalo", "facebook")
        and getattr(_activity(ActivityKind.ONLINE_POST).topic, "vi", None)
        == "công tác phòng, chống tội phạm, tệ nạn xã hội"
        and [o.name for o in _activity(ActivityKind.ONLINE_POST).pages_of]
        == ["Công an thành phố Bảo Lộc", "các tổ chức thành viên"]
        and _result("các trang Zalo, Facebook của Công an thành phố và các tổ chức thành viên", "online_posts")
    ),
    "xây dựng 3 mô hình": lambda: (
        _value("security_models_established") == Quantity.exact(3, "mô hình")
        and _value("security_models_active") == Quantity.exact(19, "mô hình")
        and _result("nâng tổng số lên 19 mô hình trên toàn địa bàn", "security_models_active")
    ),
    "thanh loại 8 mô hình": lambda: (
        _DISSOLVED.count == Quantity.exact(8, "mô hình")
        and _DISSOLVED.reasons == (DissolutionReason.PERFUNCTORY, DissolutionReason.INEFFECTIVE)
        and _DISSOLVED.period == REVIEW.period
        and _result("thanh loại 8 mô hình hoạt động cầm chừng, kém hiệu quả", "security_models_dissolved")
    ),
    "Từ kết quả hoạt động của các mô hình": lambda: (
        _value("tips_received") == Quantity.exact(274, "tin")
        and _result("Từ kết quả hoạt động của các mô hình, Công an thành phố đã tiếp nhận 274 tin", "tips_received")
    ),
    "có 100 tin có giá trị": lambda: (
        _value("tips_valuable") == Quantity.exact(100, "tin")
        and _value("cases_clarified") == Quantity.exact(44, "vụ việc")
        and _result("giúp làm rõ 44 vụ việc, góp phần bảo đảm an ninh, trật tự", "tips_valuable", "cases_clarified")
    ),
    "“vùng xanh”": lambda: (
        REVIEW.figure(COVID_MODELS_ESTABLISHED) is not None
        and _result("phòng, chống dịch COVID-19 được xây dựng và phát huy hiệu quả")
        and _result("tham gia bảo vệ “vùng xanh”")
    ),
    "bảo vệ an toàn phòng chống dịch": lambda: _result("bảo vệ an toàn phòng, chống dịch tại các khu dân cư"),
    "ủng hộ Quỹ Vì người nghèo": lambda: (
        _FUND.name == "Quỹ Vì người nghèo"
        and [c.amount for c in _FUND.contributions] == [Quantity.vnd(437_000_000)]
        and _FUND.contributions[0].contributors
        == Passage(
            "cán bộ, chiến sĩ, công chức, viên chức",
            en="officers, soldiers, civil servants and public employees",
        )
        and [o.name for o in _FUND.contributions[0].raised_by]
        == ["Công an thành phố Bảo Lộc", "các tổ chức thành viên"]
        and _result("kêu gọi cán bộ, chiến sĩ, công chức, viên chức ủng hộ Quỹ Vì người nghèo", "fund_contributions")
    ),
    "hỗ trợ xây mới 3 nhà": lambda: (
        _SUPPORT[_PURPOSES.HOUSE_NEW].count == Quantity.exact(3, "nhà")
        and _SUPPORT[_PURPOSES.HOUSE_REPAIR].count == Quantity.exact(2, "nhà")
        and _SHARED[(_PURPOSES.HOUSE_NEW, _PURPOSES.HOUSE_REPAIR)] == Quantity.vnd(190_000_000)
        and _value("houses_cost") == Quantity.vnd(190_000_000)
    ),
    "hỗ trợ sản xuất, tặng học bổng": lambda: (
        _PURPOSES.PRODUCTION_SUPPORT in _SUPPORT
        and getattr(_SUPPORT[_PURPOSES.SCHOLARSHIP].beneficiaries, "vi", None) == "học sinh khó khăn, người nghèo"
        and _SUPPORT[_PURPOSES.GIFT].count == Quantity.order_of(100, "phần quà")
        and _SHARED[(_PURPOSES.PRODUCTION_SUPPORT, _PURPOSES.SCHOLARSHIP, _PURPOSES.GIFT)]
        == Quantity.order_of(100_000_000, "đồng")
        and _value(SUPPORT_VALUE) == Quantity.order_of(100_000_000, "đồng")
        and _value("gifts_value") is None
    ),
    "thế trận lòng dân": lambda: _result("góp phần xây dựng thế trận lòng dân, bảo đảm an ninh chính trị"),
    # The caption of the Front chairman's photo: his name and post, held by the chairs.
    "phát biểu tại hội nghị": lambda: (
        REVIEW.chairs[1].title == "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc"
    ),
    "ghi nhận, biểu dương": lambda: any("ghi nhận, biểu dương những kết quả đạt được" in r for r in REVIEW.remarks),
    "chỉ ra những khó khăn": lambda: any("chỉ ra những khó khăn, hạn chế cần khắc phục" in r for r in REVIEW.remarks),
    "dân vận chính quyền": lambda: (
        any("Tình hình dịch COVID-19 diễn biến phức tạp" in c for c in REVIEW.objective_causes)
        and any(
            "dân vận chính quyền và dân vận trong lực lượng Công an còn nhiều khó khăn" in s
            for s in REVIEW.shortcomings
        )
    ),
    "công tác tuyên dương các điển hình": lambda: any("chưa thật sự kịp thời" in s for s in REVIEW.shortcomings),
    "khiêm tốn": lambda: any(
        "mô hình mới về an ninh, trật tự trên địa bàn còn khiêm tốn" in s for s in REVIEW.shortcomings
    ),
    "người lầm lỗi và thanh niên chậm tiến còn": lambda: (
        any("còn nhiều hạn chế, kết quả chưa cao" in s for s in REVIEW.shortcomings)
        and any("cho phù hợp với thực tế" in d for d in REVIEW.directions)
    ),
    "tiếp tục xây dựng các kế hoạch": lambda: any("đúng trọng tâm, trọng điểm" in d for d in REVIEW.directions),
    "tiếp tục đẩy mạnh công tác tuyên truyền": lambda: any("đến các tầng lớp Nhân dân" in d for d in REVIEW.directions),
    "thường xuyên đánh giá các mô hình": lambda: any(
        "Thường xuyên đánh giá các mô hình" in d for d in REVIEW.directions
    ),
    "kịp thời tuyên dương, khen thưởng": lambda: any("làm tốt công tác nêu gương" in d for d in REVIEW.directions),
    "tăng cường các biện pháp": lambda: any("sớm hòa nhập với cộng đồng" in d for d in REVIEW.directions),
}


def _clauses() -> list[str]:
    """The article's clauses: its paragraphs cut after ".", ";" and "…"."""
    return [c for para in ARTICLE.splitlines() if para.strip() for c in re.split(r"(?<=[.;…])\s+", para.strip())]


def test_every_clause_of_the_article_is_held() -> None:
    clauses = _clauses()
    assert len(clauses) == 33
    for clause in clauses:
        keys = [k for k in FACTS if k in clause]
        assert keys, f"no entry of FACTS for the clause {clause!r}"
    for key in FACTS:
        assert any(key in clause for clause in clauses), f"FACTS has {key!r}, which no clause holds"


@pytest.mark.parametrize("fragment", FACTS)
def test_the_facts_of_each_clause_are_in_the_dataset(fragment: str) -> None:
    assert fragment in ARTICLE
    assert FACTS[fragment](), fragment


def test_the_meeting_and_the_programme() -> None:
    assert REVIEW.kind is ReviewKind.INTERIM
    assert REVIEW.unit_name == "thành phố Bảo Lộc"
    p = REVIEW.programme
    # The quoted title stays verbatim.
    assert p.title == "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới"
    assert f"“{p.title}”" in ARTICLE
    huy, chanh = REVIEW.chairs
    assert (huy.rank, huy.name, huy.title, huy.honorific) == (
        "Đại tá",
        "Ngô Quốc Huy",
        "Phó Trưởng Công an thành phố Bảo Lộc",
        None,
    )
    assert (chanh.honorific, chanh.name, chanh.title) == (
        "ông",
        "Huỳnh Minh Chánh",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc",
    )
    # The article's abbreviation "TP" is spelled out; otherwise the posts are the article's.
    assert f"{huy.rank} {huy.name} – {huy.title}".replace("thành phố", "TP") in ARTICLE
    assert f"{chanh.honorific} {chanh.name} – {chanh.title}".replace("thành phố", "TP") in ARTICLE


def test_everything_is_given_in_english_too() -> None:
    for passage in [*_passages(REVIEW), *(a.topic for a in REVIEW.activities if a.topic is not None)]:
        assert passage.en, passage
        assert not any(w in passage.en for w in ("Công an", "Mặt trận", "Quỹ", "thành phố")), passage.en
    orgs = [*REVIEW.organisers, *REVIEW.programme.parties, *(o for a in REVIEW.activities for o in a.organisers)]
    assert {o.name: o.name_en for o in orgs} == {
        "Công an tỉnh Lâm Đồng": "Lâm Đồng Provincial Police",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng": (
            "Lâm Đồng Provincial Committee of the Vietnam Fatherland Front"
        ),
        "Công an thành phố Bảo Lộc": "Bảo Lộc City Police",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc": "Bảo Lộc City Committee of the Vietnam Fatherland Front",
        "các tổ chức thành viên": "the member organisations of the Front",
    }
    huy, chanh = REVIEW.chairs
    assert (huy.rank_en, huy.title_en) == ("Colonel", "Deputy Chief of Bảo Lộc City Police")
    assert chanh.title_en == "Chairman of the Bảo Lộc City Committee of the Vietnam Fatherland Front"
    assert REVIEW.programme.title_en is not None


#: Typing errors of the article, and the corrected words the dataset holds.
CORRECTIONS = {
    "Mặt trân": "Mặt trận",
    "tôi phạm": "tội phạm",
    "nâng tổ số": "nâng tổng số",
    "hoạt đồng chừng": "hoạt động cầm chừng",
    "thành niên chậm tiến": "thanh niên chậm tiến",
    "giúp làm 44": "giúp làm rõ 44",
    "chủ trường": "chủ trương",
    "kết quả nổi trong": "kết quả nổi bật trong",
    "quần chúng dân tham gia": "quần chúng Nhân dân tham gia",
    "bản in ấn tiến hành": "bản in ấn; phát thanh",
}


@pytest.mark.parametrize(("typo", "fixed"), CORRECTIONS.items())
def test_typos_of_the_article_are_corrected(typo: str, fixed: str) -> None:
    assert typo in ARTICLE
    texts = _texts(REVIEW)
    assert not any(typo in t for t in texts)
    assert any(fixed in t for t in texts)


#: News style (or a typing habit) of the article, and the office's style the dataset uses.
OFFICE_STYLE = {
    "phòng chống": "phòng, chống",
    "đảm bảo": "bảo đảm",
    "an ninh trật tự": "an ninh, trật tự",
    "trật tự an toàn xã hội": "trật tự, an toàn xã hội",
    "zalo, facebook": "Zalo, Facebook",
    "Covid-19": "COVID-19",
    "quần chúng nhân dân": "quần chúng Nhân dân",
    "TP Bảo Lộc": "thành phố Bảo Lộc",
}


@pytest.mark.parametrize(("news", "office"), OFFICE_STYLE.items())
def test_the_dataset_writes_in_the_offices_style(news: str, office: str) -> None:
    assert news in ARTICLE
    assert not any(news in t for t in _texts(REVIEW)), news
    assert _in(office)


def test_nhan_dan_has_one_capitalisation() -> None:
    # "Nhân dân" (the people) is capitalised everywhere; "nhân dân" only inside a body's name.
    for t in _texts(REVIEW):
        assert "nhân dân" not in t.replace("Ủy ban nhân dân", ""), t
    assert _in("Nhân dân")


def test_no_abbreviation_is_left_undefined() -> None:
    for t in _texts(REVIEW):
        assert not re.search(r"\b(TP|UBMTTQ|ANTT|BCĐ)\b", t), t


def test_a_direction_is_not_written_as_a_shortcoming() -> None:
    assert not any("cần có sự điều chỉnh" in s or "cần" in s.split() for s in REVIEW.shortcomings)
    assert all(not s.startswith(("Tiếp tục", "Tăng cường")) for s in REVIEW.shortcomings)


def test_the_strengths_are_the_offices_and_the_praise_is_the_chairs() -> None:
    assert not any("biểu dương" in s for s in REVIEW.strengths)
    assert REVIEW.remarks and REVIEW.proposals == ()


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
