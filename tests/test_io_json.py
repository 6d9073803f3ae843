"""JSON and TOML files: lossless round trips, path-precise errors, atomic writes."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan.activity import Activity, ActivityKind
from anninh_toandan.charity import CharityFund, Contribution, Disbursement, DisbursementPurpose
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.indicator import Indicator
from anninh_toandan.io import FileFormatError, Problem, dump, dumps, from_data, load, loads, to_data
from anninh_toandan.io import toml as io_toml
from anninh_toandan.programme import Organisation, OrganisationKind, Person, Programme
from anninh_toandan.quantity import Quantity
from anninh_toandan.review import Review, Situation
from anninh_toandan.security_model import SecurityModel
from anninh_toandan.tip import Tip
from tests import strategies as s

# -- round trips ---------------------------------------------------------------


@given(s.reviews())
def test_review_round_trip_with_sensitive_content(review: Review) -> None:
    assert loads(dumps(review, include_sensitive=True), Review) == review


@given(s.reviews())
def test_review_round_trip_without_sensitive_content_loses_only_tip_content(review: Review) -> None:
    data = to_data(review)
    assert all("content" not in tip for tip in data.get("tips", []))
    back = loads(dumps(review), Review)
    assert back == review.redacted()
    assert all(t.content is None for t in back.tips)


@given(s.figure_sets())
def test_figure_set_round_trip(fs: FigureSet) -> None:
    assert loads(dumps(fs), FigureSet) == fs


@given(s.figures())
def test_figure_round_trip(f: Figure) -> None:
    assert loads(dumps(f), Figure) == f


@given(st.one_of(s.bounded_quantities(), s.quantities()))
def test_quantity_round_trip_keeps_qualifier_and_bounds(q: Quantity) -> None:
    back = loads(dumps(q), Quantity)
    assert (back, back.qualifier, back.low, back.high) == (q, q.qualifier, q.low, q.high)


@given(
    st.one_of(
        s.custom_indicators,
        s.programmes,
        s.organisations,
        s.persons,
        s.activities(),
        s.security_models(),
        s.funds(),
        s.situations,
    )
)
def test_every_record_round_trips(obj: object) -> None:
    assert loads(dumps(obj), type(obj)) == obj


@given(s.tips())
def test_tip_round_trip(tip: Tip) -> None:
    assert loads(dumps(tip, include_sensitive=True), Tip) == tip
    assert loads(dumps(tip), Tip) == tip.redacted()


@given(s.reviews())
def test_plain_data_is_json_and_stable(review: Review) -> None:
    data = to_data(review, include_sensitive=True)
    assert json.loads(json.dumps(data)) == data
    assert from_data(data, Review) == review


def test_contribution_and_disbursement_round_trip() -> None:
    h1 = bao_loc_2022_h1().period
    c = Contribution(amount=Quantity.vnd(5), unit="1", period=h1)
    d = Disbursement(purpose=DisbursementPurpose.GIFT, unit="1", on=h1.start, count=Quantity.order_of(100, "phần quà"))
    assert loads(dumps(c), Contribution) == c
    assert loads(dumps(d), Disbursement) == d


def test_sensitive_content_is_left_out_by_default() -> None:
    tip = Tip(received_on=bao_loc_2022_h1().held_on, unit="673", content="bí mật")
    assert "bí mật" not in dumps(tip)
    assert "bí mật" in dumps(tip, include_sensitive=True)
    assert "bí mật" not in repr(tip)


def test_custom_indicators_are_defined_once_in_the_file() -> None:
    data = to_data(bao_loc_2022_h1())
    assert sorted(i["code"] for i in data["indicators"]) == ["covid_models_established", "support_value"]
    assert "indicators" not in to_data(Person(name="A"))


def test_dumps_refuses_unknown_objects() -> None:
    with pytest.raises(TypeError, match="'obj' must be one of"):
        dumps(object())
    with pytest.raises(TypeError, match="'cls' must be one of"):
        loads("{}", dict)


# -- malformed files -------------------------------------------------------------


def _review_data() -> dict[str, Any]:
    return copy.deepcopy(to_data(bao_loc_2022_h1()))


def _problems(data: Any, cls: type = Review) -> list[tuple[str, str, object]]:
    with pytest.raises(FileFormatError) as info:
        from_data(data, cls)
    return [(p.path, p.message, p.value) for p in info.value.problems]


def _paths(data: Any, cls: type = Review) -> list[str]:
    return [p for p, _, _ in _problems(data, cls)]


def test_negative_bound_names_its_path_and_value() -> None:
    data = _review_data()
    data["figures"][3]["value"]["low"] = -5
    assert _problems(data) == [("$.figures[3].value.low", "must be >= 0, got -5", -5)]
    with pytest.raises(FileFormatError, match=r"\$\.figures\[3\]\.value\.low: must be >= 0, got -5"):
        loads(json.dumps(data), Review)


def test_every_problem_is_reported_at_once() -> None:
    data = _review_data()
    data["figures"][0]["value"]["value"] = "72"
    data["figures"][1]["period"] = "2022H1"
    data["chairs"][0]["rank"] = ""
    data["held_on"] = "12/7/2022"
    data["extra"] = True
    paths = _paths(data)
    assert sorted(paths) == sorted(
        [
            "$.figures[0].value.value",
            "$.figures[1].period",
            "$.chairs[0].rank",
            "$.held_on",
            "$.extra",
        ]
    )


MALFORMED: list[tuple[str, Any, str, str]] = [
    # (case, mutation, expected path, expected message fragment)
    (
        "string for int",
        lambda d: d["figures"][0]["value"].__setitem__("value", "72"),
        "$.figures[0].value.value",
        "must be an integer, got '72'",
    ),
    (
        "float for int",
        lambda d: d["figures"][0]["value"].__setitem__("value", 72.0),
        "$.figures[0].value.value",
        "must be an integer, got 72.0",
    ),
    (
        "bool for int",
        lambda d: d["figures"][0]["value"].__setitem__("high", True),
        "$.figures[0].value.high",
        "must be an integer, got True",
    ),
    (
        "unknown qualifier",
        lambda d: d["figures"][1]["value"].__setitem__("qualifier", "hơn"),
        "$.figures[1].value.qualifier",
        "must be one of 'exact'",
    ),
    (
        "bounds disagree",
        lambda d: d["figures"][0]["value"].__setitem__("low", 70),
        "$.figures[0].value",
        "bounds of a EXACT quantity",
    ),
    (
        "order_of not a power of ten",
        lambda d: d["figures"][4]["value"].update(value=150, low=150, high=1499),
        "$.figures[4].value",
        "power of ten",
    ),
    (
        "unknown field in figure",
        lambda d: d["figures"][2].__setitem__("colour", "red"),
        "$.figures[2].colour",
        "is not a field of figure",
    ),
    (
        "unknown field in quantity",
        lambda d: d["figures"][2]["value"].__setitem__("approx", True),
        "$.figures[2].value.approx",
        "is not a field of a quantity",
    ),
    ("missing required field", lambda d: d["figures"][2].pop("unit"), "$.figures[2].unit", "is required"),
    (
        "unknown indicator code",
        lambda d: d["figures"][5].__setitem__("indicator", "models_built"),
        "$.figures[5].indicator",
        "standard indicator code",
    ),
    (
        "bad period id",
        lambda d: d["figures"][5].__setitem__("period", "2022H1"),
        "$.figures[5].period",
        "must be a period id",
    ),
    (
        "bad date format",
        lambda d: d.__setitem__("held_on", "12/7/2022"),
        "$.held_on",
        "must be a date written YYYY-MM-DD",
    ),
    (
        "impossible date",
        lambda d: d["programme"].__setitem__("signed_on", "2014-02-30"),
        "$.programme.signed_on",
        "must be a real date",
    ),
    ("empty text", lambda d: d["chairs"][1].__setitem__("name", "  "), "$.chairs[1].name", "must not be empty"),
    ("string for list", lambda d: d.__setitem__("shortcomings", "không"), "$.shortcomings", "must be a list"),
    ("list for object", lambda d: d.__setitem__("programme", []), "$.programme", "must be an object"),
    ("unknown enum value", lambda d: d.__setitem__("kind", "midterm"), "$.kind", "must be one of 'interim', 'final'"),
    (
        "unknown reporter",
        lambda d: d["figures"][0].__setitem__("reported_by", "army"),
        "$.figures[0].reported_by",
        "must be one of",
    ),
    (
        "status without value",
        lambda d: d["figures"][0].__setitem__("status", "mentioned"),
        "$.figures[0]",
        "'value' must be None for a mentioned figure",
    ),
    (
        "money in a count",
        lambda d: d["figures"][0]["value"].__setitem__("unit", "đồng"),
        "$.figures[0]",
        "must not be money",
    ),
    (
        "conflicting figures",
        lambda d: d["figures"].append({**d["figures"][0], "note": "khác"}),
        "$.figures[20]",
        "must not conflict with [0]",
    ),
    ("wrong format version", lambda d: d.__setitem__("format", 3), "$.format", "reads (1, 2), got 3"),
    ("wrong type tag", lambda d: d.__setitem__("type", "figure"), "$.type", "must be 'review'"),
    ("missing type tag", lambda d: d.pop("type"), "$.type", "is required"),
    (
        "bad bool",
        lambda d: d.__setitem__("tips", [{"received_on": "2022-01-02", "unit": "1", "valuable": "yes"}]),
        "$.tips[0].valuable",
        "must be true or false",
    ),
    (
        "record rule",
        lambda d: d.__setitem__(
            "security_models",
            [{"name": "A", "topic": "x", "unit": "1", "established_on": "2022-05-01", "dissolved_on": "2022-01-01"}],
        ),
        "$.security_models[0]",
        "'dissolved_on' must not be before",
    ),
    (
        "indicator defined twice differently",
        lambda d: d["indicators"].append({**d["indicators"][0], "unit": "tổ"}),
        "$.indicators[2].code",
        "twice",
    ),
    (
        "unknown custom kind type",
        lambda d: d["activities"][0].__setitem__("kind", 5),
        "$.activities[0].kind",
        "must be a string, got 5",
    ),
    (
        "bad channel",
        lambda d: d["activities"][3].__setitem__("channels", ["Zalo OA"]),
        "$.activities[3]",
        "channel code",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "path", "fragment"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_review(case: str, mutate: Any, path: str, fragment: str) -> None:
    data = _review_data()
    mutate(data)
    problems = _problems(data)
    assert len(problems) == 1, problems
    got_path, message, _value = problems[0]
    assert got_path == path
    assert fragment in message


def test_a_broken_indicator_definition_also_flags_the_figures_that_use_it() -> None:
    data = _review_data()
    code = data["indicators"][0]["code"]
    data["indicators"][0]["code"] = "Covid Models"
    problems = _problems(data)
    users = [i for i, f in enumerate(data["figures"]) if f["indicator"] == code]
    assert [p for p, _, _ in problems] == ["$.indicators[0]", *(f"$.figures[{i}].indicator" for i in users)]
    assert "'code' must be lower-case" in problems[0][1]


def test_malformed_case_count() -> None:
    assert len(MALFORMED) >= 15


def test_problem_values_are_the_values_found() -> None:
    data = _review_data()
    data["figures"][5]["indicator"] = "models_built"
    data["figures"][2]["colour"] = ["red"]
    found = {p: v for p, _, v in _problems(data)}
    assert found == {"$.figures[5].indicator": "models_built", "$.figures[2].colour": ["red"]}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{", "must be valid JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
        ('{"format": 1, "format": 1}', "has the key 'format' twice"),
        ('{"format": NaN}', "NaN is not a JSON number"),
        ("[1, 2]", "must be an object, got list [1, 2]"),
    ],
)
def test_unreadable_documents(text: str, fragment: str) -> None:
    with pytest.raises(FileFormatError) as info:
        loads(text, Review, source="x.json")
    assert [p.path for p in info.value.problems] == ["$"]
    assert fragment in info.value.problems[0].message
    assert str(info.value).startswith("1 problem in x.json:")


def test_figure_set_document_errors() -> None:
    assert _paths({"format": 1, "type": "figure_set"}, FigureSet) == ["$.figures"]
    assert _paths({"format": 1, "type": "figure_set", "figures": [], "x": 1}, FigureSet) == ["$.x"]
    assert _paths({"format": 1, "type": "figure_set", "figures": [{"unit": "1"}]}, FigureSet) == [
        "$.figures[0].indicator",
        "$.figures[0].period",
    ]


def test_explicit_nulls_and_wrong_types_at_the_leaves() -> None:
    tip = {"format": 1, "type": "tip", "received_on": "2022-01-02", "unit": "1", "category": None, "content": None}
    assert from_data(tip, Tip) == Tip(received_on=bao_loc_2022_h1().held_on.subtract(months=6, days=10), unit="1")
    fig = {"format": 1, "type": "figure", "indicator": 5, "unit": "1", "period": 2022, "value": {"low": "x" * 80}}
    assert _problems(fig, Figure) == [
        ("$.indicator", "must be an indicator code (a string), got 5", 5),
        ("$.period", "must be a period id such as '2022S1', got 2022", 2022),
        ("$.value.value", "is required", None),
        ("$.value.unit", "is required", None),
        ("$.value.low", "must be an integer, got '" + "x" * 56 + "...", "x" * 80),
    ]


def test_indicators_must_be_a_list() -> None:
    assert _problems({"format": 1, "type": "person", "name": "A", "indicators": {}}, Person) == [
        ("$.indicators", "must be a list, got dict {}", {})
    ]


def test_missing_format() -> None:
    assert _paths({"type": "person", "name": "A"}, Person) == ["$.format"]
    assert _paths({"format": True, "type": "person", "name": "A"}, Person) == ["$.format"]


def test_file_format_error_message_lists_every_problem() -> None:
    err = FileFormatError([Problem(path="$.a", message="m1"), Problem(path="$.b", message="m2")], "f.json")
    assert str(err) == "2 problems in f.json:\n  $.a: m1\n  $.b: m2"
    assert isinstance(err, ValueError)


def test_optional_fields_may_be_left_out_and_bounds_follow_the_qualifier() -> None:
    doc = {
        "format": 1,
        "type": "figure",
        "indicator": "printed_copies",
        "unit": "673",
        "period": "2022S1",
        "value": {"value": 250, "unit": "bản", "qualifier": "more_than"},
    }
    f = from_data(doc, Figure)
    assert f.value == Quantity.more_than(250, "bản")
    assert f.status is FigureStatus.REPORTED and f.reported_by is None


def test_custom_activity_kinds_and_enum_values_round_trip() -> None:
    h1 = bao_loc_2022_h1().period
    a = Activity(kind="họp dân", unit="1", period=h1)
    b = Activity(kind=ActivityKind.ONLINE_POST, unit="1", period=h1, channels=["zalo"])
    assert loads(dumps(a), Activity).kind == "họp dân"
    assert loads(dumps(b), Activity) == b


def test_other_records_load() -> None:
    org = Organisation(kind=OrganisationKind.STEERING_COMMITTEE, name="Ban Chỉ đạo 138", unit="673")
    assert loads(dumps(org), Organisation) == org
    sm = SecurityModel(name="A", topic="covid_green_zone", unit="1")
    assert loads(dumps(sm), SecurityModel) == sm
    assert loads(dumps(Situation()), Situation) == Situation()
    fund = CharityFund(name="Quỹ")
    assert loads(dumps(fund), CharityFund) == fund
    ind = Indicator(code="x", name_vi="x", name_en="x", unit="x")
    assert loads(dumps(ind), Indicator) == ind
    prog = bao_loc_2022_h1().programme
    assert loads(dumps(prog), Programme) == prog


# -- files ---------------------------------------------------------------------


def test_dump_and_load_a_file(tmp_path: Path) -> None:
    review = bao_loc_2022_h1()
    path = tmp_path / "review.json"
    dump(review, path)
    assert load(path, Review) == review
    assert path.read_text("utf-8").startswith('{\n  "format": 2,\n  "type": "review",')
    assert [p.name for p in tmp_path.iterdir()] == ["review.json"]


def test_a_failed_dump_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "review.json"
    dump(Person(name="Cũ"), path)
    before = path.read_bytes()

    def broken_replace(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        dump(bao_loc_2022_h1(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["review.json"]


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": 1, "type": "person"}', encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        load(path, Person)
    assert info.value.source == str(path)
    assert [p.path for p in info.value.problems] == ["$.name"]


# -- TOML ----------------------------------------------------------------------

TOML_REVIEW = """
format = 1
type = "review"
unit = "673"
period = "2022S1"
kind = "interim"
held_on = 2022-07-12
shortcomings = ["việc xây dựng các mô hình mới về an ninh trật tự trên địa bàn còn khiêm tốn"]

[programme]
number = "06"
title = "Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới"
signed_on = 2014-03-06
parties = [{ kind = "police", name = "Công an tỉnh Lâm Đồng" }]

[[chairs]]
name = "Ngô Quốc Huy"
rank = "Đại tá"

[[figures]]
indicator = "outreach_reach"
unit = "673"
period = "2022S1"
reported_by = "joint"
value = { value = 13000, unit = "lượt", qualifier = "more_than" }

[[figures]]
indicator = "scholarships"
unit = "673"
period = "2022S1"
status = "mentioned"
"""


def test_toml_review() -> None:
    r = io_toml.loads(TOML_REVIEW, Review)
    assert r.held_on == bao_loc_2022_h1().held_on
    assert r.programme.signed_on == bao_loc_2022_h1().programme.signed_on
    assert r.figure("outreach_reach") == bao_loc_2022_h1().figure("outreach_reach").__class__.reported(
        r.figure("outreach_reach").indicator,
        "673",
        r.period,
        Quantity.more_than(13000, "lượt"),
        reported_by=r.figure("outreach_reach").reported_by,
    )
    assert r.figure("scholarships").status is FigureStatus.MENTIONED
    # Written back as JSON, it reads the same.
    assert loads(dumps(r), Review) == r


def test_toml_errors_have_paths(tmp_path: Path) -> None:
    bad = TOML_REVIEW.replace("held_on = 2022-07-12", "held_on = 2022-07-12T08:00:00").replace(
        "value = 13000", "value = -1"
    )
    with pytest.raises(FileFormatError) as info:
        io_toml.loads(bad, Review)
    assert [p.path for p in info.value.problems] == ["$.held_on", "$.figures[0].value.value"]
    path = tmp_path / "r.toml"
    path.write_text("format = ", encoding="utf-8")
    with pytest.raises(FileFormatError, match="must be valid TOML") as info2:
        io_toml.load(path, Review)
    assert info2.value.source == str(path)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(FileFormatError, match="must be UTF-8 text"):
        io_toml.load(path, Review)


def test_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(TOML_REVIEW, encoding="utf-8")
    assert io_toml.load(path, Review) == io_toml.loads(TOML_REVIEW, Review)


# -- format 2: passages and the records it added ----------------------------------------


def test_a_passage_is_a_string_or_an_object_in_the_file() -> None:
    data = to_data(bao_loc_2022_h1())
    first = data["situation"]["text"][0]
    assert set(first) == {"vi", "en"} and first["vi"].startswith("Thời gian qua")
    tips = next(r for r in data["results"] if "tips_received" in r.get("about", []))
    assert tips["about"] == ["tips_received", "tips_valuable", "cases_clarified"]
    plain = to_data(Situation(text=["Chỉ tiếng Việt."]))
    assert plain["text"] == ["Chỉ tiếng Việt."]


def test_a_format_1_file_still_loads() -> None:
    old = {
        "format": 1,
        "type": "review",
        "programme": {"number": "06", "title": "T", "signed_on": "2014-03-06", "parties": []},
        "unit": "673",
        "period": "2022S1",
        "kind": "interim",
        "held_on": "2022-07-12",
        "results": ["Một kết quả."],
        "activities": [{"kind": "online_post", "unit": "673", "period": "2022S1", "topic": "an ninh"}],
    }
    review = from_data(old, Review)
    assert review.results == ("Một kết quả.",) and review.activities[0].topic == "an ninh"
    assert review.remarks == () and review.support == ()


@pytest.mark.parametrize(
    ("passage", "path", "fragment"),
    [
        ({"en": "x"}, "$.results[0].vi", "is required"),
        ({"vi": "x", "colour": "red"}, "$.results[0].colour", "is not a field of a passage"),
        ({"vi": 5}, "$.results[0].vi", "must be a string"),
        ({"vi": "x", "en": " "}, "$.results[0].en", "must not be empty"),
        ({"vi": "x", "about": "tips"}, "$.results[0].about", "must be a list"),
        (7, "$.results[0]", "must be an object"),
    ],
)
def test_a_malformed_passage_names_its_path(passage: object, path: str, fragment: str) -> None:
    data = _review_data()
    data["results"][0] = passage
    problems = _problems(data)
    assert [p for p, _, _ in problems] == [path], problems
    assert fragment in problems[0][1]


def test_the_new_records_load_strictly() -> None:
    data = _review_data()
    data["dissolved_models"][0]["reasons"] = ["perfunctory", 4]
    data["shared_amounts"][0]["purposes"] = ["gift"]
    paths = _paths(data)
    assert "$.dissolved_models[0].reasons[1]" in paths and "$.shared_amounts[0]" in paths
