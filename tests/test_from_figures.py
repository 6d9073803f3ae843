"""Review.from_figures: a city's review made from its wards' figures, as a city office needs it."""

from __future__ import annotations

import datetime as dt

import pytest

from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.indicator import OUTREACH_REACH, OUTREACH_SESSIONS, TIPS_RECEIVED
from anninh_toandan.io import json as io_json
from anninh_toandan.orgunit import Hierarchy, Level, OrgUnit, UnitKind
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, OrganisationKind, Programme
from anninh_toandan.quantity import Quantity
from anninh_toandan.review import (
    Review,
    ReviewError,
    ReviewKind,
    default_held_on,
    parent_body,
    unit_bodies,
)

H1 = Period.half_year(2022, 1)
WARDS = [u.code for u in Hierarchy.bundled().children("673", on=dt.date(2022, 7, 12))]
SILENT = ("24817", "24838")  # Phường Lộc Tiến, Xã Lộc Nga


def _ward_figures(period: Period = H1) -> FigureSet:
    figs = []
    for i, code in enumerate(WARDS):
        if code in SILENT:
            continue
        figs.append(Figure.reported(OUTREACH_SESSIONS, code, period, Quantity.exact(10 + i, "buổi")))
        reach = Quantity.about(1000, "lượt") if i % 2 else Quantity.more_than(1200, "lượt")
        figs.append(Figure.reported(OUTREACH_REACH, code, period, reach))
    return FigureSet(figs)


def test_a_city_review_from_its_wards_figures_with_only_the_required_arguments() -> None:
    """Before: the documented path was attrs.evolve(bao_loc_2022_h1(), figures=[...to_figure()...], ...)."""
    r = Review.from_figures(_ward_figures(), unit="673", period=H1)
    assert r.unit == "673" and r.period == H1
    assert r.kind is ReviewKind.INTERIM
    assert r.held_on == dt.date(2022, 7, 1)
    assert r.unit_name == "Thành phố Bảo Lộc"
    assert [o.name for o in r.organisers] == [
        "Công an thành phố Bảo Lộc",
        "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc",
    ]
    assert r.programme.number == "06" and r.programme.signed_on == dt.date(2014, 3, 6)
    assert [p.name for p in r.programme.parties] == [
        "Công an tỉnh Lâm Đồng",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng",
    ]
    sessions = r.aggregate(OUTREACH_SESSIONS)
    assert sessions is not None
    c = sessions.completeness
    assert (c.units, c.units_reporting, c.missing_units) == (11, 9, SILENT)
    assert sessions.value == Quantity.exact(sum(10 + i for i, w in enumerate(WARDS) if w not in SILENT), "buổi")
    # The review's own figure is the honest total: a lower bound, since two wards are silent.
    figure = r.figure(OUTREACH_SESSIONS)
    assert figure is not None and figure.value is not None and figure.value.low == sessions.value.value
    assert figure.value.high is None
    # An estimate over part of the units is kept as an aggregate, though its figure has no number.
    reach = r.aggregate("outreach_reach")
    assert reach is not None and reach.value is not None and not reach.is_complete
    assert r.aggregate(TIPS_RECEIVED) is None


def test_everything_can_be_given_explicitly() -> None:
    police = Organisation(kind=OrganisationKind.POLICE, name="Công an TP Bảo Lộc", unit="673")
    programme = Programme(number="09", title="Khác", signed_on=dt.date(2020, 1, 5), parties=[police])
    r = Review.from_figures(
        _ward_figures(),
        unit="673",
        period=H1,
        programme=programme,
        kind=ReviewKind.FINAL,
        held_on=dt.date(2022, 7, 12),
        organisers=[police],
        unit_name="TP Bảo Lộc",
        place="Hội trường Công an thành phố",
    )
    assert (r.programme, r.kind, r.held_on, r.organisers, r.unit_name) == (
        programme,
        ReviewKind.FINAL,
        dt.date(2022, 7, 12),
        (police,),
        "TP Bảo Lộc",
    )
    assert r.place == "Hội trường Công an thành phố"


def test_a_year_is_a_final_review_held_on_the_first_working_day() -> None:
    r = Review.from_figures(_ward_figures(Period.year(2022)), unit="673", period=Period.year(2022))
    assert r.kind is ReviewKind.FINAL
    # 31/12/2022 was a Saturday and New Year's Day a Sunday, so Monday 2/1/2023 was given off.
    assert r.held_on == dt.date(2023, 1, 3)
    # 30/4 and 1/5/2022 fell on Saturday and Sunday: Monday and Tuesday were given off.
    assert default_held_on(Period.month(2022, 4)) == dt.date(2022, 5, 4)
    assert default_held_on(Period.half_year(2025, 2)) == dt.date(2026, 1, 2)  # never on New Year's Day


def test_a_ward_review_names_the_ward_bodies_and_its_own_figures() -> None:
    fs = FigureSet([Figure.reported(TIPS_RECEIVED, "24814", H1, Quantity.exact(22, "tin"))])
    r = Review.from_figures(fs, unit="24814", period=H1)
    assert r.organisers[0].name == "Công an phường Lộc Phát"
    a = r.aggregate(TIPS_RECEIVED)
    assert a is not None and a.is_complete and a.value == Quantity.exact(22, "tin")


def test_parent_body_follows_the_hierarchy_at_the_date() -> None:
    h = Hierarchy.bundled()
    police, front = unit_bodies(h["24814"])
    assert parent_body(police, h, on=dt.date(2022, 6, 30)) == Organisation(
        kind=OrganisationKind.POLICE, name="Công an thành phố Bảo Lộc", unit="673"
    )
    # District-level police ended on 2025-03-01; the city's Front committee lasted until 2025-07-01.
    after = parent_body(police, h, on=dt.date(2025, 3, 1))
    assert after is not None and after.name == "Công an tỉnh Lâm Đồng"
    front_parent = parent_body(front, h, on=dt.date(2025, 3, 1))
    assert front_parent is not None and front_parent.name == "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Bảo Lộc"
    # A known body of that unit is used as named there.
    known = Organisation(kind=OrganisationKind.POLICE, name="Công an TP Bảo Lộc", unit="673")
    assert parent_body(police, h, on=dt.date(2022, 1, 1), known=[known]) is known
    province_police, _ = unit_bodies(h["68"])
    assert parent_body(province_police, h, on=dt.date(2022, 1, 1)) is None
    members = Organisation(kind=OrganisationKind.MEMBER_ORGANISATION, name="các tổ chức thành viên", unit="673")
    assert parent_body(members, h, on=dt.date(2022, 1, 1)) is None
    assert (
        parent_body(Organisation(kind=OrganisationKind.POLICE, name="X", unit="nowhere"), h, on=dt.date(2022, 1, 1))
        is None
    )
    with pytest.raises(ReviewError):
        unit_bodies("24814")  # type: ignore[arg-type]


def test_bad_arguments_get_typed_errors_naming_them() -> None:
    with pytest.raises(ReviewError, match=r"'unit'.*'9999'"):
        Review.from_figures(_ward_figures(), unit="9999", period=H1)
    with pytest.raises(ReviewError, match="'period'"):
        Review.from_figures(_ward_figures(), unit="673", period="2022S1")  # type: ignore[arg-type]
    with pytest.raises(ReviewError, match="'hierarchy'"):
        Review.from_figures(_ward_figures(), unit="673", period=H1, hierarchy={})  # type: ignore[arg-type]
    elsewhere = Hierarchy(
        [
            OrgUnit(code="01", name="Hà Nội", level=Level.PROVINCE, kind=UnitKind.CITY),
            OrgUnit(code="00004", name="Ba Đình", level=Level.COMMUNE, kind=UnitKind.WARD, parent="01"),
        ]
    )
    fs = FigureSet([Figure.reported(TIPS_RECEIVED, "00004", H1, Quantity.exact(3, "tin"))])
    with pytest.raises(ReviewError, match="'programme' must be given"):
        Review.from_figures(fs, unit="01", period=H1, hierarchy=elsewhere)
    police, _ = unit_bodies(elsewhere["01"])
    programme = Programme(number="01", title="Phối hợp", signed_on=dt.date(2020, 1, 1), parties=[police])
    r = Review.from_figures(fs, unit="01", period=H1, hierarchy=elsewhere, programme=programme)
    assert r.organisers[0].name == "Công an thành phố Hà Nội"


def test_the_completeness_survives_a_json_round_trip() -> None:
    r = Review.from_figures(_ward_figures(), unit="673", period=H1)
    back = io_json.loads(io_json.dumps(r), Review)
    assert back == r
    a = back.aggregate(OUTREACH_SESSIONS)
    assert a is not None and a.completeness.missing_units == SILENT


def test_last_years_review_of_a_ward_made_after_the_2025_merge_names_the_former_units_missing() -> None:
    """Phường 2 Bảo Lộc (2025) compares with what its former units reported in 2024; Lộc Tân never sent."""
    from anninh_toandan.aggregate import AggregationError, map_to_successors
    from anninh_toandan.reports import build_report, render

    hierarchy = Hierarchy.bundled()
    merge = dt.date(2025, 7, 1)
    s2_2024, s2_2025 = Period.half_year(2024, 2), Period.half_year(2025, 2)
    old = [u.code for u in hierarchy.children("673", on=dt.date(2024, 12, 31))]
    mapped = map_to_successors(
        FigureSet(Figure.reported(TIPS_RECEIVED, w, s2_2024, Quantity.exact(10, "tin")) for w in old),
        hierarchy,
        on=merge,
    )
    with pytest.raises(
        AggregationError, match="must exist during 2024S2"
    ):  # without 'on', 2024 has no Phường 2 Bảo Lộc
        Review.from_figures(mapped.figures, unit="24820-2025", period=s2_2024)
    base = Review.from_figures(mapped.figures, unit="24820-2025", period=s2_2024, on=merge)
    completeness = base.aggregate(TIPS_RECEIVED).completeness  # type: ignore[union-attr]
    assert completeness.silent_units == ("25078",) and not completeness.is_complete  # Xã Lộc Tân
    now = FigureSet([Figure.reported(TIPS_RECEIVED, "24820-2025", s2_2025, Quantity.exact(25, "tin"))])
    review = Review.from_figures(now, unit="24820-2025", period=s2_2025)
    text = render(build_report(review, compare=base), "text")
    assert "chưa so sánh được" in text and "tăng" not in text
