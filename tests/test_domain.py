"""Domain records and how they turn into figures."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from anninh_toandan.activity import Activity, ActivityKind, activity_figures
from anninh_toandan.charity import (
    CharityFund,
    Contribution,
    Disbursement,
    DisbursementPurpose,
    SharedAmount,
    fund_figures,
    support_figures,
)
from anninh_toandan.errors import EmptyValueError, QuantityError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureStatus, Reporter
from anninh_toandan.indicator import (
    HOUSES_NEW,
    SECURITY_MODELS_ACTIVE,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
    IndicatorError,
)
from anninh_toandan.period import Period
from anninh_toandan.programme import (
    RANKS_EN,
    DatingError,
    Organisation,
    OrganisationKind,
    Passage,
    Person,
    Programme,
    RecordError,
    check_dating,
    dated_within,
    rank_en,
)
from anninh_toandan.quantity import Quantity, quantity_from_bounds
from anninh_toandan.review import Review, ReviewKind, Situation
from anninh_toandan.security_model import (
    DissolutionReason,
    DissolvedModels,
    ModelTopic,
    SecurityModel,
    model_figures,
)
from anninh_toandan.tip import CrimeType, Tip, crime_type, tip_figures
from tests import strategies as s

H1 = Period.half_year(2022, 1)
D = dt.date


def _codes(figures: tuple[Figure, ...]) -> dict[str, object]:
    return {f.indicator.code: (f.value if f.value is not None else f.status) for f in figures}


# -- programme, organisations, people -----------------------------------------------


def test_programme_and_parties() -> None:
    police = Organisation(kind=OrganisationKind.POLICE, name="Công an tỉnh Lâm Đồng", unit="68")
    p = Programme(number="06", title="T", signed_on=D(2014, 3, 6), parties=[police], units=["68"])
    assert p.parties == (police,) and p.units == ("68",)
    assert hash(p) == hash(attrs.evolve(p))
    with pytest.raises(ValidationTypeError, match="'parties\\[0\\]' must be an Organisation"):
        Programme(number="06", title="T", signed_on=D(2014, 3, 6), parties=["Công an"])
    with pytest.raises(ValidationTypeError, match="'signed_on' must be a date"):
        Programme(number="06", title="T", signed_on="2014-03-06", parties=[])  # type: ignore[arg-type]
    with pytest.raises(EmptyValueError, match="'units\\[0\\]' must not be empty"):
        Programme(number="06", title="T", signed_on=D(2014, 3, 6), parties=[], units=[" "])


def test_organisation_validity() -> None:
    org = Organisation(
        kind=OrganisationKind.POLICE, name="Công an huyện", valid_from=D(2000, 1, 1), valid_until=D(2025, 2, 28)
    )
    assert org.is_valid_on(D(2022, 7, 12)) and not org.is_valid_on(D(2025, 3, 1))
    assert not org.is_valid_on(D(1999, 12, 31))
    assert Organisation(kind=OrganisationKind.STEERING_COMMITTEE, name="Ban Chỉ đạo 138").is_valid_on(D(1990, 1, 1))
    with pytest.raises(DatingError, match="'valid_until' must not be before 'valid_from'"):
        Organisation(kind=OrganisationKind.OTHER, name="x", valid_from=D(2020, 1, 1), valid_until=D(2019, 1, 1))
    with pytest.raises(ValidationTypeError, match="'kind' must be an OrganisationKind"):
        Organisation(kind="police", name="x")  # type: ignore[arg-type]


def test_person_keeps_what_is_given() -> None:
    p = Person(name="Ngô Quốc Huy", rank="Đại tá", title="Phó Trưởng Công an TP Bảo Lộc")
    assert (p.rank, p.honorific) == ("Đại tá", None)
    with pytest.raises(EmptyValueError, match="'rank' must not be empty"):
        Person(name="A", rank="")


def test_dating() -> None:
    check_dating(D(2022, 1, 1), None)
    check_dating(None, H1)
    with pytest.raises(DatingError, match=r"got on=.* and period="):
        check_dating(D(2022, 1, 1), H1)
    with pytest.raises(ValidationTypeError, match="'period' must be a Period"):
        check_dating(None, "2022S1")  # type: ignore[arg-type]
    assert dated_within(None, Period.quarter(2022, 2), H1)
    assert not dated_within(None, Period.quarter(2022, 3), H1)
    with pytest.raises(DatingError, match="only partly overlap"):
        dated_within(None, Period.year(2022), H1)


# -- activities ----------------------------------------------------------------------


def test_activity_kinds() -> None:
    assert Activity(kind="online_post", unit="1", period=H1).kind is ActivityKind.ONLINE_POST
    custom = Activity(kind="họp dân", unit="1", on=D(2022, 2, 1))
    assert custom.kind == "họp dân" and custom.is_custom
    assert not Activity(kind=ActivityKind.PRINTED_MATERIAL, unit="1", period=H1).is_custom
    with pytest.raises(ValidationTypeError, match="'kind' must be an ActivityKind or a custom kind"):
        Activity(kind=3, unit="1", period=H1)  # type: ignore[arg-type]
    with pytest.raises(EmptyValueError, match="'kind' must not be empty"):
        Activity(kind=" ", unit="1", period=H1)
    with pytest.raises(DatingError):
        Activity(kind=ActivityKind.ONLINE_POST, unit="1")
    with pytest.raises(IndicatorError, match="'channels\\[0\\]' must be a channel code"):
        Activity(kind=ActivityKind.ONLINE_POST, unit="1", period=H1, channels=["Zalo"])
    with pytest.raises(ValidationTypeError, match="'count' must be a Quantity or None"):
        Activity(kind=ActivityKind.ONLINE_POST, unit="1", period=H1, count=5)  # type: ignore[arg-type]


def test_activity_figures() -> None:
    q1 = Period.quarter(2022, 1)
    acts = [
        Activity(
            kind=ActivityKind.OUTREACH_SESSION,
            unit="a",
            on=D(2022, 1, 5),
            count=Quantity.exact(2, "buổi"),
            reach=Quantity.exact(100, "lượt"),
        ),
        Activity(kind=ActivityKind.OUTREACH_SESSION, unit="b", on=D(2022, 2, 5), count=Quantity.exact(1, "buổi")),
        Activity(kind=ActivityKind.OUTREACH_SESSION, unit="a", on=D(2022, 5, 5), count=Quantity.exact(9, "buổi")),
        Activity(kind=ActivityKind.PRINTED_MATERIAL, unit="a", period=q1),
        Activity(kind=ActivityKind.LOUDSPEAKER_BROADCAST, unit="zz", period=q1, count=Quantity.exact(1, "lượt")),
        Activity(kind="họp dân", unit="a", period=q1, count=Quantity.exact(4, "cuộc")),
        Activity(kind="khác", unit="a", period=q1, count=Quantity.exact(4, "cuộc")),
    ]
    meetings = Indicator(code="meetings", name_vi="Họp dân", name_en="Meetings", unit="cuộc")
    figs = activity_figures(
        acts, unit="city", period=q1, units={"a", "b"}, custom={"họp dân": meetings}, reported_by=Reporter.JOINT
    )
    assert _codes(figs) == {
        "outreach_sessions": Quantity.exact(3, "buổi"),
        "outreach_reach": Quantity.more_than(101, "lượt"),
        "printed_copies": FigureStatus.MENTIONED,
        "meetings": Quantity.exact(4, "cuộc"),
    }
    assert {f.unit for f in figs} == {"city"} and {f.reported_by for f in figs} == {Reporter.JOINT}
    assert activity_figures(acts, unit="a", period=q1)[0].value == Quantity.exact(2, "buổi")
    assert activity_figures([], unit="a", period=q1) == ()
    no_reach = activity_figures(acts[1:2], unit="b", period=q1)
    assert _codes(no_reach) == {"outreach_sessions": Quantity.exact(1, "buổi")}


# -- security models ------------------------------------------------------------------


def test_security_model_rules() -> None:
    m = SecurityModel(name="Vùng xanh", topic="covid_green_zone", unit="1", established_on=D(2021, 8, 1))
    assert m.topic is ModelTopic.COVID_GREEN_ZONE
    assert SecurityModel(name="x", topic="camera", unit="1").topic == "camera"
    with pytest.raises(DatingError, match="'dissolution_reason' needs a 'dissolved_on' date"):
        SecurityModel(name="x", topic="x", unit="1", dissolution_reason=DissolutionReason.INEFFECTIVE)
    with pytest.raises(DatingError, match="'dissolved_on' must not be before 'established_on'"):
        SecurityModel(name="x", topic="x", unit="1", established_on=D(2022, 2, 1), dissolved_on=D(2022, 1, 1))
    with pytest.raises(ValidationTypeError, match="'topic' must be a ModelTopic"):
        SecurityModel(name="x", topic=None, unit="1")  # type: ignore[arg-type]
    with pytest.raises(EmptyValueError):
        SecurityModel(name="x", topic="", unit="1")
    assert not m.is_active_on(D(2021, 7, 31)) and m.is_active_on(D(2021, 8, 1))


def test_model_figures_count_stock_at_the_end() -> None:
    models = [
        SecurityModel(name="old", topic=ModelTopic.CRIME_PREVENTION, unit="a"),
        SecurityModel(name="new", topic=ModelTopic.CRIME_PREVENTION, unit="a", established_on=D(2022, 3, 1)),
        SecurityModel(
            name="gone",
            topic=ModelTopic.CRIME_PREVENTION,
            unit="b",
            established_on=D(2020, 1, 1),
            dissolved_on=D(2022, 6, 30),
            dissolution_reason=DissolutionReason.PERFUNCTORY,
        ),
        SecurityModel(name="later", topic=ModelTopic.COVID_GREEN_ZONE, unit="a", established_on=D(2022, 7, 1)),
    ]
    figs = model_figures(models, unit="city", units=["a", "b"], period=H1)
    assert _codes(figs) == {
        "security_models_established": Quantity.exact(1, "mô hình"),
        "security_models_dissolved": Quantity.exact(1, "mô hình"),
        "security_models_active": Quantity.exact(2, "mô hình"),
    }
    assert figs[2].indicator is SECURITY_MODELS_ACTIVE
    covid = model_figures(models, unit="a", period=Period.year(2022), topics=[ModelTopic.COVID_GREEN_ZONE])
    assert [f.value.value for f in covid if f.value] == [1, 0, 1]
    assert model_figures(models, unit="nowhere", period=H1) == ()


# -- tips ----------------------------------------------------------------------------


def test_tip_protects_content() -> None:
    t = Tip(received_on=D(2022, 3, 2), unit="1", category="drugs", valuable=True, case_ids=["VV-1"], content="bí mật")
    assert t.category is CrimeType.DRUGS
    assert "bí mật" not in repr(t)
    assert t.redacted() == attrs.evolve(t, content=None)
    red = t.redacted()
    assert red.redacted() is red
    assert not any(a.name in {"informant", "source", "reporter"} for a in attrs.fields(Tip))
    assert Tip(received_on=D(2022, 3, 2), unit="1").category is None


def test_tip_rules() -> None:
    with pytest.raises(RecordError, match="'valuable' must be True for a tip that helped clarify cases"):
        Tip(received_on=D(2022, 3, 2), unit="1", case_ids=["VV-1"])
    with pytest.raises(RecordError, match="'case_ids' must not repeat a case"):
        Tip(received_on=D(2022, 3, 2), unit="1", valuable=True, case_ids=["VV-1", "VV-1"])
    with pytest.raises(ValidationTypeError, match="'valuable' must be a bool"):
        Tip(received_on=D(2022, 3, 2), unit="1", valuable=1)  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'crime type' must be a CrimeType"):
        crime_type(1)
    assert crime_type(CrimeType.FRAUD) is CrimeType.FRAUD


def test_tip_figures_count_cases_once() -> None:
    tips = [
        Tip(received_on=D(2022, 1, 1), unit="a", valuable=True, case_ids=["1", "2"]),
        Tip(received_on=D(2022, 2, 1), unit="b", valuable=True, case_ids=["2"]),
        Tip(received_on=D(2022, 3, 1), unit="a"),
        Tip(received_on=D(2022, 7, 1), unit="a", valuable=True, case_ids=["3"]),
    ]
    figs = tip_figures(tips, unit="city", units=["a", "b"], period=H1, reported_by=Reporter.POLICE)
    assert _codes(figs) == {
        "tips_received": Quantity.exact(3, "tin"),
        "tips_valuable": Quantity.exact(2, "tin"),
        "cases_clarified": Quantity.exact(2, "vụ việc"),
    }
    assert tip_figures(tips, unit="c", period=H1) == ()


# -- charity ---------------------------------------------------------------------------


def test_charity_rules() -> None:
    with pytest.raises(QuantityError, match="'amount' must be an amount in đồng"):
        Contribution(amount=Quantity.exact(5, "triệu"), unit="1", period=H1)
    with pytest.raises(QuantityError, match="'count' must not be an amount of money"):
        Disbursement(purpose=DisbursementPurpose.GIFT, unit="1", period=H1, count=Quantity.vnd(5))
    with pytest.raises(ValidationTypeError, match="'purpose' must be a DisbursementPurpose"):
        Disbursement(purpose="gift", unit="1", period=H1)  # type: ignore[arg-type]
    with pytest.raises(DatingError):
        Contribution(amount=Quantity.vnd(5), unit="1")


def test_fund_figures() -> None:
    fund = CharityFund(
        name="Quỹ Vì người nghèo",
        contributions=[
            Contribution(amount=Quantity.vnd(400_000_000), unit="a", on=D(2022, 2, 1)),
            Contribution(amount=Quantity.vnd(37_000_000), unit="b", period=Period.quarter(2022, 2)),
            Contribution(amount=Quantity.vnd(1), unit="a", on=D(2022, 8, 1)),
        ],
        disbursements=[
            Disbursement(
                purpose=DisbursementPurpose.HOUSE_NEW,
                unit="a",
                period=H1,
                count=Quantity.exact(3, "nhà"),
                amount=Quantity.vnd(150_000_000),
            ),
            Disbursement(
                purpose=DisbursementPurpose.HOUSE_REPAIR,
                unit="a",
                period=H1,
                count=Quantity.exact(2, "nhà"),
                amount=Quantity.vnd(40_000_000),
            ),
            Disbursement(purpose=DisbursementPurpose.SCHOLARSHIP, unit="a", period=H1),
            Disbursement(
                purpose=DisbursementPurpose.GIFT,
                unit="a",
                period=H1,
                count=Quantity.order_of(100, "phần quà"),
                amount=Quantity.order_of(100_000_000, "đồng"),
            ),
            Disbursement(purpose=DisbursementPurpose.GIFT, unit="a", period=H1, count=Quantity.exact(5, "phần quà")),
        ],
    )
    figs = fund_figures([fund], unit="city", units=["a", "b"], period=H1)
    assert _codes(figs) == {
        "fund_contributions": Quantity.vnd(437_000_000),
        "houses_new": Quantity.exact(3, "nhà"),
        "houses_cost": Quantity.vnd(190_000_000),
        "houses_repaired": Quantity.exact(2, "nhà"),
        "scholarships": FigureStatus.MENTIONED,
        "gifts": quantity_from_bounds(105, 1004, "phần quà"),
        "gifts_value": Quantity.more_than(100_000_000, "đồng"),
    }
    assert fund_figures([fund], unit="zz", period=H1) == ()
    assert HOUSES_NEW in {f.indicator for f in figs}


# -- review ----------------------------------------------------------------------------


def _review(**kw: object) -> Review:
    prog = Programme(number="06", title="T", signed_on=D(2014, 3, 6), parties=[])
    base: dict[str, object] = {
        "programme": prog,
        "unit": "1",
        "period": H1,
        "kind": ReviewKind.INTERIM,
        "held_on": D(2022, 7, 12),
    }
    base.update(kw)
    return Review(**base)  # type: ignore[arg-type]


def test_review_defaults_and_checks() -> None:
    r = _review()
    assert r.figures == r.figures.__class__() and r.situation == Situation()
    assert [x.rule.code for x in r.validate(consistency=False) if x.is_problem] == []
    assert r.redacted() is r
    bad = _review(
        figures=[
            Figure.reported(TIPS_RECEIVED, "1", H1, Quantity.exact(10, "tin")),
            Figure.reported(TIPS_VALUABLE, "1", H1, Quantity.exact(11, "tin")),
        ]
    )
    assert [x.rule.code for x in bad.validate() if x.is_problem] == ["tips_valuable_within_received"]
    more = bad.with_figures([Figure.not_reported(HOUSES_NEW, "1", H1)])
    assert len(more.figures) == 3 and len(bad.figures) == 2
    with pytest.raises(ValidationTypeError, match="'kind' must be a ReviewKind"):
        _review(kind="interim")
    with pytest.raises(ValidationTypeError, match="'results\\[0\\]' must be a str"):
        _review(results=[1])
    with pytest.raises(EmptyValueError):
        Situation(text=[""])


def test_review_record_figures_and_redaction() -> None:
    tip = Tip(received_on=D(2022, 1, 2), unit="1", content="bí mật")
    r = _review(
        tips=[tip],
        activities=[Activity(kind=ActivityKind.ONLINE_POST, unit="1", period=H1, count=Quantity.exact(3, "bài"))],
        security_models=[SecurityModel(name="x", topic="x", unit="1")],
        funds=[CharityFund(name="Quỹ", contributions=[Contribution(amount=Quantity.vnd(5), unit="1", period=H1)])],
    )
    codes = [f.indicator.code for f in r.record_figures()]
    assert codes == [
        "online_posts",
        "security_models_established",
        "security_models_dissolved",
        "security_models_active",
        "tips_received",
        "tips_valuable",
        "cases_clarified",
        "fund_contributions",
    ]
    assert r.redacted().tips == (tip.redacted(),)


@given(s.reviews())
def test_generated_reviews_are_hashable_values(review: Review) -> None:
    assert review == attrs.evolve(review)
    assert hash(review) == hash(attrs.evolve(review))
    assert review.redacted() == review.redacted().redacted()


# -- passages, English names, dissolved models, support ------------------------------


def test_a_passage_is_its_vietnamese_text_with_its_english() -> None:
    p = Passage("Tuy nhiên, tội phạm còn phức tạp.", en="However, crime remains complex.", about=["tips_received"])
    assert isinstance(p, str) and p.startswith("Tuy nhiên") and p.vi == "Tuy nhiên, tội phạm còn phức tạp."
    assert (p.text("vi"), p.text("en"), p.about) == (p.vi, "However, crime remains complex.", ("tips_received",))
    assert p != p.vi and Passage(p.vi) == p.vi and p == Passage(p.vi, en=p.en, about=p.about)
    assert p != Passage(p.vi, en="Other.") and len({p, Passage(p.vi)}) == 2
    assert p.__eq__(1) is NotImplemented and p != 1
    assert repr(Passage("a")) == "Passage('a')" and "en='b'" in repr(Passage("a", en="b"))
    assert Passage("a", about="x").about == ("x",)
    with pytest.raises(AttributeError, match="immutable"):
        p.en = "x"  # type: ignore[misc]
    with pytest.raises(EmptyValueError, match="'vi' must not be empty"):
        Passage(" ")
    with pytest.raises(ValidationTypeError, match="'en' must be a str"):
        Passage("a", en=5)  # type: ignore[arg-type]
    import pickle

    assert pickle.loads(pickle.dumps(p)) == p


def test_narrative_fields_hold_passages_and_name_the_bad_item() -> None:
    r = _review(results=["Một kết quả.", Passage("Hai.", en="Two.")], causes=[])
    assert all(isinstance(t, Passage) for t in r.results) and r.results[1].en == "Two."
    with pytest.raises(EmptyValueError, match=r"'shortcomings\[1\]' must not be empty"):
        _review(shortcomings=["a", "  "])
    with pytest.raises(ValidationTypeError, match="not one str"):
        _review(directions="một hướng")
    with pytest.raises(ValidationTypeError, match="'topic' must be a str"):
        Activity(kind="x", unit="1", on=dt.date(2022, 1, 1), topic=5)
    assert Situation(text=["a"]).text == (Passage("a"),)


def test_english_names_and_ranks() -> None:
    o = Organisation(kind=OrganisationKind.POLICE, name="Công an thành phố Bảo Lộc", name_en="Bảo Lộc City Police")
    assert o.name_en == "Bảo Lộc City Police" and o.short_name is None
    assert Person(name="A", rank="Đại tá").rank_en == "Colonel"
    assert Person(name="A", rank="Thượng tá").rank_en == "Senior Lieutenant Colonel"
    assert Person(name="A", rank="thiếu uý").rank_en == "Second Lieutenant"
    assert Person(name="A").rank_en is None and rank_en("Chủ tịch") is None
    assert len(set(RANKS_EN.values())) == len(RANKS_EN)


def test_dissolved_models_keep_their_reasons() -> None:
    d = DissolvedModels(unit="1", period=H1, count=Quantity.exact(8, "mô hình"), reasons="ineffective", topic="x")
    assert d.reasons == (DissolutionReason.INEFFECTIVE,) and d.topic == "x"
    assert DissolvedModels(
        unit="1", on=dt.date(2022, 3, 1), count=Quantity.exact(1, "mô hình"), reasons=["gộp"]
    ).reasons == ("gộp",)
    with pytest.raises(ValidationTypeError, match="'reasons' must hold"):
        DissolvedModels(unit="1", period=H1, count=Quantity.exact(1, "mô hình"), reasons=[3])
    with pytest.raises(ValidationTypeError, match="not money"):
        DissolvedModels(unit="1", period=H1, count=Quantity.vnd(1))
    with pytest.raises(DatingError):
        DissolvedModels(unit="1", count=Quantity.exact(1, "mô hình"))


def test_a_shared_amount_names_two_purposes_or_more() -> None:
    both = [DisbursementPurpose.SCHOLARSHIP, DisbursementPurpose.GIFT]
    s_ = SharedAmount(purposes=both, amount=Quantity.order_of(100_000_000, "đồng"), unit="1", period=H1)
    assert s_.purposes == tuple(both)
    with pytest.raises(RecordError, match="at least two different purposes"):
        SharedAmount(purposes=[DisbursementPurpose.GIFT], amount=Quantity.vnd(1), unit="1", period=H1)
    with pytest.raises(RecordError, match="each once"):
        SharedAmount(purposes=[*both, DisbursementPurpose.GIFT], amount=Quantity.vnd(1), unit="1", period=H1)
    with pytest.raises(QuantityError, match="'amount' must be an amount in đồng"):
        SharedAmount(purposes=both, amount=Quantity.exact(1, "nhà"), unit="1", period=H1)


def test_support_without_a_fund_gives_its_figures() -> None:
    support = [
        Disbursement(purpose=DisbursementPurpose.HOUSE_NEW, unit="1", period=H1, count=Quantity.exact(3, "nhà")),
        Disbursement(purpose=DisbursementPurpose.GIFT, unit="2", period=H1, count=Quantity.exact(5, "phần quà")),
    ]
    assert [(f.indicator.code, f.value) for f in support_figures(support, unit="1", period=H1)] == [
        ("houses_new", Quantity.exact(3, "nhà"))
    ]
    r = _review(support=support)
    assert [f.indicator.code for f in r.record_figures()] == ["houses_new"]


def test_one_english_term_per_post_and_signing_word() -> None:
    from anninh_toandan.programme import AUTHORITY_EN, POSTS_EN

    assert POSTS_EN["Phó Trưởng Công an"] == "Deputy Chief of Police"
    assert f"{AUTHORITY_EN['KT.']} {POSTS_EN['Trưởng Công an'].upper()}" == "FOR THE CHIEF OF POLICE"
    assert len(set(POSTS_EN.values())) == len(POSTS_EN) and len(set(AUTHORITY_EN.values())) == len(AUTHORITY_EN)
