"""OrgUnit and Hierarchy: validity, queries over time, restructures, bad input."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from anninh_toandan import AnninhError, HierarchyError, ValidationTypeError
from anninh_toandan.orgunit import Hierarchy, Level, OrgUnit, Restructure, RestructureKind, UnitKind, normalise_name

D2022 = dt.date(2022, 7, 12)
D2025 = dt.date(2025, 7, 1)
BAO_LOC_2022 = [
    "Phường 1",
    "Phường 2",
    "Phường Lộc Phát",
    "Phường Lộc Tiến",
    "Phường B'Lao",
    "Phường Lộc Sơn",
    "Xã Đam B'ri",
    "Xã Lộc Thanh",
    "Xã Lộc Nga",
    "Xã Lộc Châu",
    "Xã Đại Lào",
]


@pytest.fixture(scope="module")
def h() -> Hierarchy:
    return Hierarchy.bundled()


def unit(code: str, **kw: Any) -> OrgUnit:
    base: dict[str, Any] = {"code": code, "name": code, "level": Level.COMMUNE, "kind": UnitKind.COMMUNE}
    base.update(kw)
    return OrgUnit(**base)


# -- the bundled data ------------------------------------------------------------


def test_bao_loc_has_its_eleven_wards_and_communes_in_2022(h: Hierarchy) -> None:
    kids = h.children("673", on=D2022)
    assert [u.full_name for u in kids] == BAO_LOC_2022
    assert all(u.closed_on == D2025 for u in kids)
    assert h["673"].full_name == "Thành phố Bảo Lộc"
    assert h["673"].level is Level.DISTRICT and h["673"].kind is UnitKind.CITY
    assert h.parent("673") == h["68"]
    assert h["68"].full_name == "Tỉnh Lâm Đồng"


def test_nothing_of_bao_loc_city_exists_after_2025_07_01(h: Hierarchy) -> None:
    assert h.children("673", on=D2025) == ()
    assert not h["673"].is_valid_on(D2025)
    assert h["673"].is_valid_on(dt.date(2025, 6, 30))


def test_the_four_successor_wards(h: Hierarchy) -> None:
    after = [u.full_name for u in h.children("68", on=D2025) if u.level is Level.COMMUNE]
    assert after == ["Phường 1 Bảo Lộc", "Phường 2 Bảo Lộc", "Phường 3 Bảo Lộc", "Phường B'Lao"]
    assert [u.official_code for u in h.children("68", on=D2025) if u.level is Level.COMMUNE] == [
        "24823",
        "24820",
        "24841",
        "24829",
    ]


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Phường 1 Bảo Lộc", ["Phường 1", "Phường Lộc Phát", "Xã Lộc Thanh"]),
        ("Phường 2 Bảo Lộc", ["Phường 2", "Xã Đam B'ri", "Xã Lộc Tân"]),
        ("Phường 3 Bảo Lộc", ["Phường Lộc Tiến", "Xã Lộc Châu", "Xã Đại Lào"]),
        ("Phường B'Lao", ["Phường B'Lao", "Phường Lộc Sơn", "Xã Lộc Nga"]),
    ],
)
def test_the_2025_mappings(h: Hierarchy, new: str, old: list[str]) -> None:
    (target,) = h.find(new, on=D2025)
    assert sorted(h[c].full_name for c in h.predecessors(target.code)) == sorted(old)
    for name in old:
        (source,) = h.find(name, on=D2022)
        assert h.successors(source.code) == (target.code,)
        assert h.successors(source.code, on=D2022) == ()


def test_lam_dong_absorbed_dak_nong_and_binh_thuan(h: Hierarchy) -> None:
    assert h["68"].is_valid_on(D2025)
    assert h.successors("67") == ("68",) and h.successors("60") == ("68",)
    assert set(h.predecessors("68")) == {"67", "60"}
    assert [u.full_name for u in h.units_on(D2025, level=Level.PROVINCE)] == ["Tỉnh Lâm Đồng"]
    assert len(h.units_on(D2022, level=Level.PROVINCE)) == 3


def test_ancestors_descendants_leaves_roots(h: Hierarchy) -> None:
    assert [u.code for u in h.ancestors("24832")] == ["673", "68", "VN"]
    assert h.ancestors("VN") == ()
    assert [u.code for u in h.roots()] == ["VN"]
    desc = h.descendants("68", on=D2022)
    assert {u.code for u in desc} >= {"673", "24823", "680", "25078"}
    assert all(u.is_valid_on(D2022) for u in desc)
    assert len(h.leaves("673", on=D2022)) == 11
    assert len(h.descendants("673")) == 11
    assert h.parent("VN") is None


def test_find_accepts_both_apostrophes_and_any_case(h: Hierarchy) -> None:
    assert [u.code for u in h.find("Xã Đam B’ri")] == ["24832"]
    assert [u.code for u in h.find("đam b'ri")] == ["24832"]
    assert [u.code for u in h.find("B’Lao", on=D2022)] == ["24826"]
    assert [u.code for u in h.find("Phường 1", within="673")] == ["24823"]
    assert h.find("Phường 9") == ()
    assert normalise_name("Phường\u00a0B\u2019Lao") == "phường b'lao"


def test_lookup_and_mapping_protocol(h: Hierarchy) -> None:
    assert "673" in h and "999" not in h
    assert h.get("999") is None and h.get("673") is h["673"]
    assert len(h) == len(list(h)) == 22
    with pytest.raises(HierarchyError, match="no unit with code '999'"):
        h["999"]
    assert "22 units" in repr(h)
    assert [r.kind for r in h.restructures] == [RestructureKind.MERGE] * 5
    assert len(h.restructures_of("24832")) == 1


def test_bundled_is_loaded_once(h: Hierarchy) -> None:
    assert Hierarchy.bundled() is h


# -- OrgUnit validation --------------------------------------------------------------


def test_orgunit_validity_is_half_open() -> None:
    u = unit("X", opened_on=dt.date(2020, 1, 1), closed_on=dt.date(2021, 1, 1))
    assert u.is_valid_on(dt.date(2020, 1, 1)) and u.is_valid_on(dt.date(2020, 12, 31))
    assert not u.is_valid_on(dt.date(2021, 1, 1)) and not u.is_valid_on(dt.date(2019, 12, 31))
    assert u.is_valid_during(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert not u.is_valid_during(dt.date(2020, 1, 1), dt.date(2021, 1, 1))
    assert OrgUnit(code="VN", name="Việt Nam", level=Level.NATION, kind=UnitKind.COUNTRY).full_name == "Việt Nam"


@pytest.mark.parametrize(
    ("kw", "error", "fragment"),
    [
        ({"code": ""}, AnninhError, "'code' must not be empty"),
        ({"code": 24823}, ValidationTypeError, "'code' must be a str (got 24823"),
        ({"name": None}, ValidationTypeError, "'name' must be a str"),
        ({"level": "commune"}, ValidationTypeError, "'level' must be a Level (got 'commune'"),
        ({"kind": "xã"}, ValidationTypeError, "'kind' must be a UnitKind"),
        ({"kind": UnitKind.PROVINCE}, HierarchyError, "'kind' 'tỉnh' does not exist at level 'commune'"),
        ({"parent": "X"}, HierarchyError, "'parent' must not be the unit itself"),
        ({"opened_on": "2020-01-01"}, ValidationTypeError, "'opened_on' must be a date"),
        ({"official_code": 5}, ValidationTypeError, "'official_code' must be a str"),
        (
            {"opened_on": dt.date(2021, 1, 1), "closed_on": dt.date(2021, 1, 1)},
            HierarchyError,
            "'closed_on' must be after 'opened_on' (unit 'X'",
        ),
    ],
)
def test_bad_units(kw: dict[str, Any], error: type[Exception], fragment: str) -> None:
    fields: dict[str, Any] = {"code": "X", "name": "X", "level": Level.COMMUNE, "kind": UnitKind.COMMUNE, **kw}
    with pytest.raises(error) as info:
        OrgUnit(**fields)
    assert fragment in str(info.value)


# -- Hierarchy validation -------------------------------------------------------------


def province(code: str, **kw: Any) -> OrgUnit:
    return unit(code, level=Level.PROVINCE, kind=UnitKind.PROVINCE, **kw)


def test_duplicate_codes() -> None:
    with pytest.raises(HierarchyError, match="duplicate unit code 'A'"):
        Hierarchy([province("A"), province("A")])


def test_unknown_parent() -> None:
    with pytest.raises(HierarchyError, match=r"unit 'B' .* names an unknown parent 'Z'"):
        Hierarchy([province("A"), unit("B", parent="Z")])


def test_cycles() -> None:
    units = [unit("A", parent="C"), unit("B", parent="A"), unit("C", parent="B")]
    with pytest.raises(HierarchyError, match="'A' is its own ancestor: A -> C -> B -> A"):
        Hierarchy(units)


def test_parent_must_be_higher() -> None:
    with pytest.raises(HierarchyError, match=r"unit 'B' .* cannot belong to 'A'"):
        Hierarchy([unit("A"), unit("B", parent="A")])


def test_child_valid_outside_parent() -> None:
    with pytest.raises(HierarchyError, match=r"unit 'B' .* outside its parent 'A'"):
        Hierarchy([province("A", closed_on=dt.date(2025, 7, 1)), unit("B", parent="A")])
    with pytest.raises(HierarchyError, match=r"unit 'B' .* outside its parent 'A'"):
        Hierarchy([province("A", opened_on=dt.date(2025, 7, 1)), unit("B", parent="A")])
    Hierarchy([province("A", opened_on=dt.date(2025, 7, 1)), unit("B", parent="A", opened_on=dt.date(2025, 8, 1))])


def test_units_must_be_orgunits() -> None:
    with pytest.raises(ValidationTypeError, match="'units' must hold OrgUnit values"):
        Hierarchy(["A"])  # type: ignore[list-item]
    with pytest.raises(ValidationTypeError, match="'restructures' must hold Restructure values"):
        Hierarchy([province("A")], ["x"])  # type: ignore[list-item]


def _merge(sources: tuple[str, ...], targets: tuple[str, ...], on: dt.date = D2025) -> Restructure:
    return Restructure(kind=RestructureKind.MERGE, on=on, sources=sources, targets=targets)


def test_restructure_names_unknown_unit() -> None:
    units = [province("A", closed_on=D2025), province("B", closed_on=D2025), province("C", opened_on=D2025)]
    with pytest.raises(HierarchyError, match="the merge of 2025-07-01 names an unknown unit 'Q'"):
        Hierarchy(units, [_merge(("A", "Q"), ("C",))])


def test_restructure_dates_must_agree_with_validity() -> None:
    units = [province("A", closed_on=D2025), province("B"), province("C", opened_on=D2025)]
    with pytest.raises(HierarchyError, match=r"source 'B' .* must close on 2025-07-01"):
        Hierarchy(units, [_merge(("A", "B"), ("C",))])
    units = [province("A", closed_on=D2025), province("B", closed_on=D2025), province("C")]
    with pytest.raises(HierarchyError, match=r"target 'C' .* must open on 2025-07-01"):
        Hierarchy(units, [_merge(("A", "B"), ("C",))])
    units = [province("A", closed_on=D2025), province("B", closed_on=D2025)]
    with pytest.raises(HierarchyError, match=r"source 'B' .* must be valid on 2025-06-30 and 2025-07-01"):
        Hierarchy(units, [_merge(("A", "B"), ("B",))])


def test_successors_go_through_several_restructures() -> None:
    d1, d2 = dt.date(2020, 1, 1), dt.date(2025, 7, 1)
    units = [
        province("A", closed_on=d1),
        province("B", closed_on=d1),
        province("C", opened_on=d1, closed_on=d2),
        province("D", opened_on=d2),
        province("E", opened_on=d2),
    ]
    rs = [
        _merge(("A", "B"), ("C",), on=d1),
        Restructure(kind=RestructureKind.SPLIT, on=d2, sources=("C",), targets=("D", "E")),
    ]
    h = Hierarchy(units, rs)
    assert h.successors("A") == ("C", "D", "E")
    assert h.successors("A", on=d2) == ("D", "E")
    assert h.predecessors("E") == ("A", "B", "C")


@pytest.mark.parametrize(
    ("kw", "fragment"),
    [
        ({"kind": RestructureKind.MERGE, "sources": ("A",), "targets": ("B",)}, "two or more units into one"),
        ({"kind": RestructureKind.SPLIT, "sources": ("A", "B"), "targets": ("C",)}, "one unit into two or more"),
        ({"kind": RestructureKind.RENAME, "sources": ("A",), "targets": ("A",)}, "one unit into another"),
        ({"kind": RestructureKind.MERGE, "sources": (), "targets": ("A",)}, "needs sources and targets"),
        ({"kind": RestructureKind.MERGE, "sources": ("A", "A"), "targets": ("B",)}, "must not repeat a unit"),
        ({"kind": RestructureKind.MERGE, "sources": "AB", "targets": ("C",)}, "must be a sequence of unit codes"),
        ({"kind": "merge", "sources": ("A", "B"), "targets": ("C",)}, "'kind' must be a RestructureKind"),
    ],
)
def test_bad_restructures(kw: dict[str, Any], fragment: str) -> None:
    with pytest.raises(AnninhError) as info:
        Restructure(on=D2025, **kw)
    assert fragment in str(info.value)


# -- loading from plain data -----------------------------------------------------------


def _data() -> dict[str, Any]:
    return {
        "units": [
            {"code": "A", "name": "A", "level": "province", "kind": "tỉnh"},
            {"code": "B", "name": "B", "level": "commune", "kind": "xã", "parent": "A", "closed_on": "2025-07-01"},
            {"code": "C", "name": "C", "level": "commune", "kind": "xã", "parent": "A", "closed_on": "2025-07-01"},
            {"code": "D", "name": "D", "level": "commune", "kind": "phường", "parent": "A", "opened_on": "2025-07-01"},
        ],
        "restructures": [{"kind": "merge", "on": "2025-07-01", "sources": ["B", "C"], "targets": ["D"]}],
    }


def test_from_dict_round_trips_the_bundled_file_shape() -> None:
    h = Hierarchy.from_dict(_data())
    assert h.successors("B") == ("D",)
    assert h["D"].opened_on == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d["units"][1].update(kind="thôn"), "'$.units[1].kind' must be one of"),
        (lambda d: d["units"][1].update(level="ward"), "'$.units[1].level' must be one of"),
        (lambda d: d["units"][1].update(closed_on="01/07/2025"), "'$.units[1].closed_on' must be an ISO date"),
        (lambda d: d["units"][1].update(closed_on=20250701), "'$.units[1].closed_on' must be an ISO date string"),
        (lambda d: d["units"][1].update(colour="red"), "'$.units[1]' has unknown fields: ['colour']"),
        (lambda d: d["units"][1].pop("name"), "'$.units[1]' is missing fields: ['name']"),
        (lambda d: d["units"][1].update(name=7), "$.units[1]: 'name' must be a str"),
        (lambda d: d["units"].append("x"), "'$.units[4]' must be an object"),
        (lambda d: d.update(units={}), "'$.units' must be a list"),
        (lambda d: d.update(extra=1), "'$' has unknown fields: ['extra']"),
        (lambda d: d["restructures"][0].update(kind="join"), "'$.restructures[0].kind' must be one of"),
        (lambda d: d["restructures"][0].update(sources=["B"]), "$.restructures[0]: a merge must turn"),
        (lambda d: d["restructures"][0].pop("on"), "'$.restructures[0]' is missing fields: ['on']"),
    ],
)
def test_from_dict_errors_name_the_place(mutate: Any, fragment: str) -> None:
    data = json.loads(json.dumps(_data()))
    mutate(data)
    with pytest.raises(HierarchyError) as info:
        Hierarchy.from_dict(data)
    assert fragment in str(info.value)


def test_from_dict_needs_an_object() -> None:
    with pytest.raises(HierarchyError, match="must be an object with 'units'"):
        Hierarchy.from_dict([])  # type: ignore[arg-type]


# -- found by mutation testing: each test below fails on a change a user would see ----------------


def _city() -> Hierarchy:
    """A province with two districts given in a non-alphabetical order, wards that close and open."""
    return Hierarchy(
        [
            province("P"),
            province("O", opened_on=D2025),
            unit("Z", level=Level.DISTRICT, kind=UnitKind.CITY, parent="P"),
            unit("Y", level=Level.DISTRICT, kind=UnitKind.DISTRICT, parent="P", closed_on=D2025),
            unit("Z1", parent="Z", closed_on=D2025),
            unit("Z2", parent="Z", opened_on=D2025),
            unit("Y1", parent="Y", closed_on=D2025),
        ]
    )


def test_children_descendants_and_leaves_keep_the_given_order_and_the_day() -> None:
    h = _city()
    before, after = dt.date(2025, 6, 30), D2025
    codes = lambda units: [u.code for u in units]  # noqa: E731
    assert codes(h.children("P")) == ["Z", "Y"]
    assert codes(h.children("Z")) == ["Z1", "Z2"] and h.children("Z1") == ()
    assert codes(h.children("P", on=after)) == ["Z"]
    assert codes(h.descendants("P")) == ["Z", "Z1", "Z2", "Y", "Y1"]
    assert codes(h.descendants("P", on=before)) == ["Z", "Z1", "Y", "Y1"]
    assert codes(h.descendants("P", on=after)) == ["Z", "Z2"]
    assert codes(h.leaves("P")) == ["Z1", "Z2", "Y1"]
    assert codes(h.leaves("P", on=before)) == ["Z1", "Y1"]
    assert codes(h.leaves("P", on=after)) == ["Z2"]
    # Z has children on both days, but on 2025-06-30 only Z1: a unit is a leaf by the day's children
    assert codes(h.leaves("Z", on=before)) == ["Z1"]


def test_a_unit_whose_children_have_all_closed_is_a_leaf_on_that_day() -> None:
    h = Hierarchy(
        [
            province("P"),
            unit("D", level=Level.DISTRICT, kind=UnitKind.DISTRICT, parent="P"),
            unit("W", parent="D", closed_on=D2025),
        ]
    )
    assert [u.code for u in h.leaves("P")] == ["W"]
    assert [u.code for u in h.leaves("P", on=D2025)] == ["D"]


def test_roots_keep_the_given_order_and_the_day() -> None:
    h = _city()
    assert [u.code for u in h.roots()] == ["P", "O"]
    assert [u.code for u in h.roots(on=dt.date(2025, 6, 30))] == ["P"]
    assert [u.code for u in h.roots(on=D2025)] == ["P", "O"]
    reverse = Hierarchy([province("O", opened_on=D2025), province("P")])
    assert [u.code for u in reverse.roots()] == ["O", "P"]


def test_a_child_may_open_and_close_on_its_parents_days() -> None:
    """Validity inside the parent's includes its very first and last day."""
    start, end = dt.date(2020, 1, 1), D2025
    Hierarchy([province("A", opened_on=start, closed_on=end), unit("B", parent="A", opened_on=start, closed_on=end)])
    with pytest.raises(HierarchyError):
        Hierarchy([province("A", opened_on=start), unit("B", parent="A", opened_on=dt.date(2019, 12, 31))])
    with pytest.raises(HierarchyError):
        Hierarchy([province("A", closed_on=end), unit("B", parent="A", closed_on=dt.date(2025, 7, 2))])


def test_a_child_outside_its_parent_is_described_in_full() -> None:
    with pytest.raises(HierarchyError) as info:
        Hierarchy([province("A", closed_on=D2025), unit("B", parent="A")])
    assert str(info.value) == (
        "unit 'B' (Xã B) is valid from the start until now, outside its parent 'A' (Tỉnh A), "
        "valid from the start until 2025-07-01"
    )
    with pytest.raises(HierarchyError) as info:
        Hierarchy([province("A", opened_on=D2025), unit("B", parent="A", closed_on=dt.date(2026, 1, 1))])
    assert str(info.value) == (
        "unit 'B' (Xã B) is valid from the start until 2026-01-01, outside its parent 'A' (Tỉnh A), "
        "valid from 2025-07-01 until now"
    )
    with pytest.raises(HierarchyError) as info:
        a = province("A", closed_on=D2025)
        Hierarchy([a, unit("B", parent="A", closed_on=D2025), unit("C", parent="A", opened_on=dt.date(2020, 1, 1))])
    assert "'C' (Xã C) is valid from 2020-01-01 until now" in str(info.value)


def test_a_bad_unit_is_named_with_its_type() -> None:
    with pytest.raises(ValidationTypeError, match=r"^'units' must hold OrgUnit values \(got 'A' of type str\)$"):
        Hierarchy(["A"])  # type: ignore[list-item]


def test_a_unit_that_continues_through_a_restructure_is_accepted() -> None:
    """A ward that absorbs another is both source and target: it stays valid across the day."""
    h = Hierarchy(
        [province("P"), unit("A", parent="P"), unit("B", parent="P", closed_on=D2025)],
        [Restructure(kind=RestructureKind.MERGE, on=D2025, sources=("A", "B"), targets=("A",))],
    )
    assert h.successors("B") == ("A",) and h.successors("A") == ()
    with pytest.raises(HierarchyError, match=r"source 'A' \(Xã A\) must be valid on 2025-06-30 and 2025-07-01"):
        Hierarchy(
            [province("P"), unit("A", parent="P", opened_on=D2025), unit("B", parent="P", closed_on=D2025)],
            [Restructure(kind=RestructureKind.MERGE, on=D2025, sources=("A", "B"), targets=("A",))],
        )


def test_restructure_notes_and_dates_are_read_from_the_file() -> None:
    data = json.loads(json.dumps(_data()))
    data["restructures"][0]["note"] = "Nghị quyết 1671/NQ-UBTVQH15"
    assert Hierarchy.from_dict(data).restructures[0].note == "Nghị quyết 1671/NQ-UBTVQH15"
    assert Hierarchy.from_dict(_data()).restructures[0].note == ""
    data["restructures"][0]["on"] = "1/7/2025"
    with pytest.raises(HierarchyError, match=r"^'\$\.restructures\[0\]\.on' must be an ISO date"):
        Hierarchy.from_dict(data)
    data["restructures"][0]["on"] = "2025-07-01"
    data["restructures"][0]["kind"] = "join"
    with pytest.raises(HierarchyError, match=r"^'\$\.restructures\[0\]\.kind' must be one of"):
        Hierarchy.from_dict(data)


def test_the_bundled_file_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from anninh_toandan import orgunit

    monkeypatch.setattr(orgunit, "_BUNDLED", None)
    fresh = Hierarchy.bundled()
    assert fresh is Hierarchy.bundled()
    assert [u.code for u in fresh.ancestors("24814")] == ["673", "68", "VN"]
    assert len(fresh.children("673", on=dt.date(2022, 7, 12))) == 11


_R = {"kind": RestructureKind.MERGE, "on": D2025, "sources": ("A", "B"), "targets": ("C",)}


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: unit("X", parent=5), r"^'parent' must be a str \(got 5 of type int\)"),
        (lambda: unit("X", official_code=5), r"^'official_code' must be a str \(got 5 of type int\)"),
        (lambda: unit("X", closed_on="2025-07-01"), r"^'closed_on' must be a date"),
        (lambda: Restructure(**{**_R, "on": "2025-07-01"}), r"^'on' must be a date"),
        (lambda: Restructure(**{**_R, "sources": "AB"}), r"^'sources' must be a sequence of unit codes \(got 'AB'\)"),
        (lambda: Restructure(**{**_R, "targets": "C"}), r"^'targets' must be a sequence of unit codes \(got 'C'\)"),
        (lambda: Restructure(**{**_R, "sources": ("A", 5)}), r"^'sources\[1\]' must be a str"),
        (lambda: Restructure(**{**_R, "targets": (5,)}), r"^'targets\[0\]' must be a str"),
        (lambda: Restructure(**{**_R, "note": 5}), r"^'note' must be a str"),
        (lambda: Restructure(**{**_R, "sources": ("A", "A")}), r"^'sources' must not repeat a unit"),
        (
            lambda: Restructure(**{**_R, "kind": RestructureKind.SPLIT, "sources": ("A",), "targets": ("B", "B")}),
            r"^'targets' must not repeat a unit",
        ),
        (
            lambda: Restructure(**{**_R, "kind": RestructureKind.SPLIT, "targets": ("C", "D")}),
            r"^a split must turn one unit into two or more \(got sources=\('A', 'B'\)",
        ),
        (
            lambda: Restructure(**{**_R, "kind": RestructureKind.RENAME}),
            r"^a rename must turn one unit into another \(got sources=\('A', 'B'\), targets=\('C',\)\)",
        ),
        (
            lambda: Restructure(**{**_R, "kind": RestructureKind.RENAME, "sources": ("A",), "targets": ("B", "C")}),
            r"^a rename must turn one unit into another",
        ),
        (
            lambda: Restructure(**{**_R, "kind": RestructureKind.RENAME, "sources": ("A",), "targets": ("A",)}),
            r"^a rename must turn one unit into another",
        ),
    ],
)
def test_unit_and_restructure_errors_name_the_field(build: Any, message: str) -> None:
    with pytest.raises(AnninhError, match=message):
        build()


def test_a_merge_of_one_unit_is_refused_in_words() -> None:
    with pytest.raises(HierarchyError) as info:
        Restructure(**{**_R, "sources": ("A",)})
    assert str(info.value) == "a merge must turn two or more units into one (got sources=('A',), targets=('C',))"


def test_the_three_restructure_shapes() -> None:
    assert Restructure(**{**_R, "kind": RestructureKind.SPLIT, "sources": ("A",), "targets": ("B", "C")}).targets
    assert Restructure(**{**_R, "kind": RestructureKind.RENAME, "sources": ("A",), "targets": ("B",)}).sources == ("A",)
    assert Restructure(**_R).kind is RestructureKind.MERGE


def test_successors_and_predecessors_keep_the_given_order() -> None:
    h = Hierarchy(
        [province("P"), unit("A", parent="P", closed_on=D2025)]
        + [unit(c, parent="P", opened_on=D2025) for c in ("Z", "Y", "X")],
        [Restructure(kind=RestructureKind.SPLIT, on=D2025, sources=("A",), targets=("Y", "X", "Z"))],
    )
    assert h.successors("A") == ("Z", "Y", "X")
    assert h.predecessors("X") == ("A",) and h.successors("X") == () and h.predecessors("A") == ()


def test_from_dict_accepts_a_format_version_and_names_what_it_got() -> None:
    assert len(Hierarchy.from_dict({"format": 1, **_data()})) == 4
    with pytest.raises(HierarchyError, match=r"^'\$' must be an object with 'units' \(got list\)$"):
        Hierarchy.from_dict([])  # type: ignore[arg-type]


def test_from_dict_reads_every_field_of_a_unit() -> None:
    data: dict[str, Any] = {
        "units": [
            {"code": "P", "name": "Lâm Đồng", "level": "province", "kind": "tỉnh", "official_code": "68"},
            {"code": "C", "name": "Bảo Lộc", "level": "district", "kind": "thành phố", "parent": "P"},
            {"code": "W", "name": "1", "level": "commune", "kind": "phường", "parent": "C", "opened_on": "2020-01-01"},
        ]
    }
    h = Hierarchy.from_dict(data)  # no "restructures": none
    assert h["P"].official_code == "68" and h["C"].parent == "P" and h["W"].parent == "C"
    assert h["W"].opened_on == dt.date(2020, 1, 1) and h.restructures == ()
    data["units"][2]["opened_on"] = "2020-13-01"
    with pytest.raises(HierarchyError, match=r"^'\$\.units\[2\]\.opened_on' must be an ISO date"):
        Hierarchy.from_dict(data)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["units"][0].update(kind="phường"),
            r"^\$\.units\[0\]: 'kind' 'phường' does not exist at level 'province'",
        ),
        (
            lambda d: d["units"][0].update(level="ward"),
            r"^'\$\.units\[0\]\.level' must be one of 'nation', 'province', 'district', 'commune' \(got 'ward'\)$",
        ),
        (lambda d: d.update(restructures={}), r"^'\$\.restructures' must be a list \(got \{\}\)$"),
        (lambda d: d.update(units=None), r"^'\$\.units' must be a list \(got None\)$"),
    ],
)
def test_from_dict_errors_start_with_the_place(mutate: Any, message: str) -> None:
    data = json.loads(json.dumps(_data()))
    mutate(data)
    with pytest.raises(HierarchyError, match=message):
        Hierarchy.from_dict(data)


def test_find_looks_within_a_unit_on_a_day_in_the_given_order() -> None:
    h = Hierarchy(
        [
            province("P"),
            province("Q"),
            unit("Z", level=Level.DISTRICT, kind=UnitKind.CITY, parent="P"),
            unit("B", name="Lộc Phát", kind=UnitKind.WARD, parent="Z", closed_on=D2025),
            unit("A", name="Lộc Phát", kind=UnitKind.WARD, parent="Q"),
            unit("C", name="Lộc Phát", kind=UnitKind.WARD, parent="Z", opened_on=D2025),
        ]
    )
    assert [u.code for u in h.find("Phường Lộc Phát")] == ["B", "A", "C"]
    assert [u.code for u in h.find("Lộc Phát", within="Z")] == ["B", "C"]
    assert [u.code for u in h.find("Lộc Phát", within="Q")] == ["A"]
    assert [u.code for u in h.find("Lộc Phát", on=D2025)] == ["A", "C"]
