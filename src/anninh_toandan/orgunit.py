"""Where: organisational units with a history, and the restructures between them.

Units open and close: district police ended on 2025-03-01, and on 2025-07-01
the district level itself ended, Lâm Đồng absorbed Đắk Nông and Bình Thuận,
and the city of Bảo Lộc was replaced by four wards. Data from 2022 stays
attached to the 2022 units; a :class:`Hierarchy` knows which units existed on
which day and which units succeeded which.

Validity is half-open: a unit exists from ``opened_on`` (inclusive) until
``closed_on`` (exclusive, the first day it no longer exists); ``None`` means
"since before the data starts" and "still open". A successor therefore opens
on the day its predecessor closes.

>>> from datetime import date
>>> h = Hierarchy.bundled()
>>> h["673"].full_name
'Thành phố Bảo Lộc'
>>> [u.full_name for u in h.children("673", on=date(2022, 7, 12))][:3]
['Phường 1', 'Phường 2', 'Phường Lộc Phát']
>>> [h[c].full_name for c in h.successors("24814")]
['Phường 1 Bảo Lộc']
"""

from __future__ import annotations

import datetime as _dt
import enum
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, TypeVar

import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_instance, check_str, to_date, to_optional_date
from anninh_toandan.errors import HierarchyError, ValidationTypeError

__all__ = [
    "Hierarchy",
    "Level",
    "OrgUnit",
    "Restructure",
    "RestructureKind",
    "UnitKind",
    "normalise_name",
]


E = TypeVar("E", bound=enum.Enum)


class Level(enum.Enum):
    """The administrative level of a unit, from the top down."""

    NATION = "nation"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"

    @property
    def rank(self) -> int:
        """0 for the nation, 1 for a province, 2 for a district, 3 for a commune."""
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.NATION: 0, Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 3}


class UnitKind(enum.Enum):
    """The kind of a unit; its value is the Vietnamese word, in lower case."""

    COUNTRY = "quốc gia"
    PROVINCE = "tỉnh"
    CITY = "thành phố"
    URBAN_DISTRICT = "quận"
    DISTRICT = "huyện"
    TOWN = "thị xã"
    WARD = "phường"
    COMMUNE = "xã"
    TOWNSHIP = "thị trấn"
    SPECIAL_ZONE = "đặc khu"

    @property
    def levels(self) -> frozenset[Level]:
        """The levels at which units of this kind exist."""
        return _KIND_LEVELS[self]


_KIND_LEVELS = {
    UnitKind.COUNTRY: frozenset({Level.NATION}),
    UnitKind.PROVINCE: frozenset({Level.PROVINCE}),
    UnitKind.CITY: frozenset({Level.PROVINCE, Level.DISTRICT}),
    UnitKind.URBAN_DISTRICT: frozenset({Level.DISTRICT}),
    UnitKind.DISTRICT: frozenset({Level.DISTRICT}),
    UnitKind.TOWN: frozenset({Level.DISTRICT}),
    UnitKind.WARD: frozenset({Level.COMMUNE}),
    UnitKind.COMMUNE: frozenset({Level.COMMUNE}),
    UnitKind.TOWNSHIP: frozenset({Level.COMMUNE}),
    UnitKind.SPECIAL_ZONE: frozenset({Level.COMMUNE}),
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


def normalise_name(name: str) -> str:
    """The form of a unit's name used to compare names.

    NFC, apostrophes unified (``’`` and ``'`` are the same), white space
    folded and case ignored, so "Phường B’Lao" matches "phường b'lao".

    >>> normalise_name("Phường  B’Lao") == normalise_name("phường B'lao")
    True
    """
    text = unicodedata.normalize("NFC", name).translate(_APOSTROPHES)
    return " ".join(text.split()).casefold()


def _enum_value(enum_type: type[E], name: str, value: object) -> E:
    return check_instance(name, value, enum_type)


def _to_level(value: object) -> Level:
    return _enum_value(Level, "level", value)


def _to_kind(value: object) -> UnitKind:
    return _enum_value(UnitKind, "kind", value)


def _to_code(value: object) -> str:
    return check_str("code", value).strip()


def _to_name(value: object) -> str:
    return check_str("name", value)


def _to_parent(value: object) -> str | None:
    return None if value is None else check_str("parent", value).strip()


def _to_official_code(value: object) -> str | None:
    return None if value is None else check_str("official_code", value).strip()


def _to_opened_on(value: object) -> pendulum.Date | None:
    return to_optional_date("opened_on", value)


def _to_closed_on(value: object) -> pendulum.Date | None:
    return to_optional_date("closed_on", value)


@frozen(kw_only=True)
class OrgUnit:
    """A ward, commune, district, city, province or the nation, with its validity.

    ``code`` is the library's key for the unit and is unique in a
    :class:`Hierarchy`. ``official_code`` is the code of the national list of
    administrative units; since 2025 the same official code may name two units
    at different times (the new "Phường 1 Bảo Lộc" took over 24823, the code of
    the old "Phường 1"), so it is kept apart.

    >>> from datetime import date
    >>> u = OrgUnit(code="24823", name="1", level=Level.COMMUNE, kind=UnitKind.WARD,
    ...             parent="673", closed_on=date(2025, 7, 1))
    >>> u.full_name, u.is_valid_on(date(2022, 7, 12)), u.is_valid_on(date(2025, 7, 1))
    ('Phường 1', True, False)
    """

    code: str = field(converter=_to_code)
    """The library's unique key of the unit."""
    name: str = field(converter=_to_name)
    """The proper name without the kind: "Bảo Lộc", "1", "B'Lao"."""
    level: Level = field(converter=_to_level)
    """The administrative level."""
    kind: UnitKind = field(converter=_to_kind)
    """The kind: tỉnh, thành phố, huyện, phường, xã, ..."""
    parent: str | None = field(default=None, converter=_to_parent)
    """The code of the unit it belongs to, or ``None`` for a root."""
    opened_on: pendulum.Date | None = field(default=None, converter=_to_opened_on)
    """The first day it exists, or ``None`` if that is before the data starts."""
    closed_on: pendulum.Date | None = field(default=None, converter=_to_closed_on)
    """The first day it no longer exists, or ``None`` while it exists."""
    official_code: str | None = field(default=None, converter=_to_official_code)
    """The code of the national list (may be reused by a later unit)."""

    def __attrs_post_init__(self) -> None:
        # (a blank code never gets here: the converter refuses it as EmptyValueError)
        if self.level not in self.kind.levels:
            msg = (
                f"'kind' {self.kind.value!r} does not exist at level {self.level.value!r} "
                f"(unit {self.code!r}, got kind={self.kind.name}, level={self.level.name})"
            )
            raise HierarchyError(msg)
        if self.opened_on is not None and self.closed_on is not None and self.closed_on <= self.opened_on:
            msg = (
                f"'closed_on' must be after 'opened_on' (unit {self.code!r}, "
                f"got opened_on={self.opened_on}, closed_on={self.closed_on})"
            )
            raise HierarchyError(msg)
        if self.parent == self.code:
            msg = f"'parent' must not be the unit itself (unit {self.code!r})"
            raise HierarchyError(msg)

    @property
    def full_name(self) -> str:
        """The kind and the name, as official lists write it: "Xã Đam B'ri".

        >>> OrgUnit(code="68", name="Lâm Đồng", level=Level.PROVINCE, kind=UnitKind.PROVINCE).full_name
        'Tỉnh Lâm Đồng'
        """
        if self.kind is UnitKind.COUNTRY:
            return self.name
        word = self.kind.value
        return f"{word[:1].upper()}{word[1:]} {self.name}"

    def is_valid_on(self, day: _dt.date) -> bool:
        """Whether the unit exists on *day*."""
        if self.opened_on is not None and day < self.opened_on:
            return False
        return self.closed_on is None or day < self.closed_on

    def is_valid_during(self, start: _dt.date, end: _dt.date) -> bool:
        """Whether the unit exists on every day from *start* to *end* (inclusive)."""
        return self.is_valid_on(start) and self.is_valid_on(end)


class RestructureKind(enum.Enum):
    """What happened to the units of a :class:`Restructure`."""

    MERGE = "merge"
    """Several units became one (which may be one of them, continuing)."""
    SPLIT = "split"
    """One unit became several."""
    RENAME = "rename"
    """One unit became one new unit under another name or code."""


def _code_tuple(name: str, values: object) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        msg = f"{name!r} must be a sequence of unit codes (got {values!r})"
        raise ValidationTypeError(msg)
    return tuple(check_str(f"{name}[{i}]", v).strip() for i, v in enumerate(values))


def _to_sources(values: object) -> tuple[str, ...]:
    return _code_tuple("sources", values)


def _to_targets(values: object) -> tuple[str, ...]:
    return _code_tuple("targets", values)


def _to_restructure_kind(value: object) -> RestructureKind:
    return _enum_value(RestructureKind, "kind", value)


def _to_on(value: object) -> pendulum.Date:
    return to_date("on", value)


def _to_note(value: object) -> str:
    return check_str("note", value, allow_empty=True)


@frozen(kw_only=True)
class Restructure:
    """A restructure on a date: ``sources`` became ``targets``.

    Sources that are not also targets close on ``on``; targets that are not
    also sources open on ``on``; a unit in both continues (Lâm Đồng absorbing
    Đắk Nông and Bình Thuận).

    >>> from datetime import date
    >>> r = Restructure(kind=RestructureKind.MERGE, on=date(2025, 7, 1),
    ...                 sources=("24823", "24814", "24835"), targets=("24823-2025",))
    >>> r.sources
    ('24823', '24814', '24835')
    """

    kind: RestructureKind = field(converter=_to_restructure_kind)
    on: pendulum.Date = field(converter=_to_on)
    sources: tuple[str, ...] = field(converter=_to_sources)
    targets: tuple[str, ...] = field(converter=_to_targets)
    note: str = field(default="", converter=_to_note)
    """The legal basis or a remark, as written."""

    def __attrs_post_init__(self) -> None:
        if not self.sources or not self.targets:
            msg = f"a restructure needs sources and targets (got sources={self.sources!r}, targets={self.targets!r})"
            raise HierarchyError(msg)
        for name, codes in (("sources", self.sources), ("targets", self.targets)):
            if len(set(codes)) != len(codes):
                msg = f"{name!r} must not repeat a unit (got {codes!r})"
                raise HierarchyError(msg)
        n_src, n_tgt = len(self.sources), len(self.targets)
        shape_ok = {
            RestructureKind.MERGE: n_src >= 2 and n_tgt == 1,
            RestructureKind.SPLIT: n_src == 1 and n_tgt >= 2,
            RestructureKind.RENAME: n_src == 1 and n_tgt == 1 and self.sources != self.targets,
        }[self.kind]
        if not shape_ok:
            msg = (
                f"a {self.kind.value} must turn "
                + {
                    RestructureKind.MERGE: "two or more units into one",
                    RestructureKind.SPLIT: "one unit into two or more",
                    RestructureKind.RENAME: "one unit into another",
                }[self.kind]
                + f" (got sources={self.sources!r}, targets={self.targets!r})"
            )
            raise HierarchyError(msg)


class Hierarchy:
    """A set of units and the restructures between them, checked as a whole.

    Building one checks, and names the unit in every error: duplicate codes,
    unknown parents, cycles, a parent at the same or a lower level, a child
    valid outside its parent's validity, and restructures that name unknown
    units or whose dates disagree with the units' validity.

    Units are looked up by ``code`` with ``hierarchy[code]``; everything that
    depends on time takes the day as ``on=``.
    """

    __slots__ = ("_by_code", "_children", "_order", "_predecessors", "_restructures", "_successors")

    def __init__(self, units: Iterable[OrgUnit], restructures: Iterable[Restructure] = ()) -> None:
        by_code: dict[str, OrgUnit] = {}
        for unit in units:
            if not isinstance(unit, OrgUnit):
                msg = f"'units' must hold OrgUnit values (got {unit!r} of type {type(unit).__name__})"
                raise ValidationTypeError(msg)
            if unit.code in by_code:
                msg = f"duplicate unit code {unit.code!r} ({by_code[unit.code].full_name!r} and {unit.full_name!r})"
                raise HierarchyError(msg)
            by_code[unit.code] = unit
        self._by_code = by_code
        self._order = {code: i for i, code in enumerate(by_code)}
        self._check_parents()
        children: dict[str, list[OrgUnit]] = {}
        for unit in by_code.values():
            if unit.parent is not None:
                children.setdefault(unit.parent, []).append(unit)
        self._children = {k: tuple(sorted(v, key=self._sort_key)) for k, v in children.items()}
        given = tuple(restructures)
        for r in given:
            if not isinstance(r, Restructure):
                msg = f"'restructures' must hold Restructure values (got {r!r})"
                raise ValidationTypeError(msg)
        self._restructures = tuple(sorted(given, key=lambda r: (r.on, r.sources, r.targets)))
        succ: dict[str, set[str]] = {}
        pred: dict[str, set[str]] = {}
        for r in self._restructures:
            self._check_restructure(r)
            for s in r.sources:
                for t in r.targets:
                    if s != t:
                        succ.setdefault(s, set()).add(t)
                        pred.setdefault(t, set()).add(s)
        self._successors = succ
        self._predecessors = pred

    def _sort_key(self, unit: OrgUnit) -> int:
        # Units keep the order in which they were given (official lists order them).
        return self._order[unit.code]

    # -- checks -------------------------------------------------------------

    def _check_parents(self) -> None:
        by_code = self._by_code
        for unit in by_code.values():
            if unit.parent is not None and unit.parent not in by_code:
                msg = f"unit {unit.code!r} ({unit.full_name}) names an unknown parent {unit.parent!r}"
                raise HierarchyError(msg)
        for unit in by_code.values():
            seen = [unit.code]
            current = unit
            while current.parent is not None:
                if current.parent in seen:
                    cycle = " -> ".join([*seen, current.parent])
                    msg = f"unit {unit.code!r} is its own ancestor: {cycle}"
                    raise HierarchyError(msg)
                seen.append(current.parent)
                current = by_code[current.parent]
        for unit in by_code.values():
            if unit.parent is None:
                continue
            parent = by_code[unit.parent]
            if parent.level.rank >= unit.level.rank:
                msg = (
                    f"unit {unit.code!r} ({unit.full_name}, {unit.level.value}) cannot belong to "
                    f"{parent.code!r} ({parent.full_name}, {parent.level.value}): a parent must be at a higher level"
                )
                raise HierarchyError(msg)
            starts_before = parent.opened_on is not None and (
                unit.opened_on is None or unit.opened_on < parent.opened_on
            )
            ends_after = parent.closed_on is not None and (unit.closed_on is None or unit.closed_on > parent.closed_on)
            if starts_before or ends_after:
                msg = (
                    f"unit {unit.code!r} ({unit.full_name}) is valid from {unit.opened_on or 'the start'} "
                    f"until {unit.closed_on or 'now'}, outside its parent {parent.code!r} ({parent.full_name}), "
                    f"valid from {parent.opened_on or 'the start'} until {parent.closed_on or 'now'}"
                )
                raise HierarchyError(msg)

    def _check_restructure(self, r: Restructure) -> None:
        for code in (*r.sources, *r.targets):
            if code not in self._by_code:
                msg = f"the {r.kind.value} of {r.on} names an unknown unit {code!r}"
                raise HierarchyError(msg)
        before = r.on.subtract(days=1)
        for code in r.sources:
            unit = self._by_code[code]
            if code in r.targets:
                ok = unit.is_valid_on(before) and unit.is_valid_on(r.on)
                rule = f"be valid on {before} and {r.on} (it continues)"
            else:
                ok = unit.closed_on == r.on
                rule = f"close on {r.on}"
            if not ok:
                msg = (
                    f"the {r.kind.value} of {r.on}: source {code!r} ({unit.full_name}) must {rule} "
                    f"(got opened_on={unit.opened_on}, closed_on={unit.closed_on})"
                )
                raise HierarchyError(msg)
        for code in r.targets:
            unit = self._by_code[code]
            if code not in r.sources and unit.opened_on != r.on:
                msg = (
                    f"the {r.kind.value} of {r.on}: target {code!r} ({unit.full_name}) must open on {r.on} "
                    f"(got opened_on={unit.opened_on})"
                )
                raise HierarchyError(msg)

    # -- mapping protocol ---------------------------------------------------

    def __getitem__(self, code: str) -> OrgUnit:
        try:
            return self._by_code[code]
        except KeyError:
            msg = f"no unit with code {code!r} in this hierarchy"
            raise HierarchyError(msg) from None

    def get(self, code: str) -> OrgUnit | None:
        """The unit with *code*, or ``None``."""
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[OrgUnit]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def __repr__(self) -> str:
        return f"<Hierarchy of {len(self)} units and {len(self._restructures)} restructures>"

    @property
    def restructures(self) -> tuple[Restructure, ...]:
        """The restructures, in date order."""
        return self._restructures

    # -- queries ------------------------------------------------------------

    def units_on(self, day: _dt.date, *, level: Level | None = None) -> tuple[OrgUnit, ...]:
        """The units that exist on *day* (of *level*, if given)."""
        return tuple(
            sorted(
                (u for u in self._by_code.values() if u.is_valid_on(day) and (level is None or u.level is level)),
                key=self._sort_key,
            )
        )

    def roots(self, *, on: _dt.date | None = None) -> tuple[OrgUnit, ...]:
        """The units without a parent (valid on *on*, if given)."""
        return tuple(
            sorted(
                (u for u in self._by_code.values() if u.parent is None and (on is None or u.is_valid_on(on))),
                key=self._sort_key,
            )
        )

    def parent(self, code: str) -> OrgUnit | None:
        """The unit *code* belongs to, or ``None`` for a root."""
        unit = self[code]
        return None if unit.parent is None else self._by_code[unit.parent]

    def children(self, code: str, *, on: _dt.date | None = None) -> tuple[OrgUnit, ...]:
        """The units directly under *code* (those valid on *on*, if given)."""
        self[code]
        kids = self._children.get(code, ())
        if on is None:
            return kids
        return tuple(k for k in kids if k.is_valid_on(on))

    def ancestors(self, code: str) -> tuple[OrgUnit, ...]:
        """The units above *code*, nearest first.

        >>> [u.code for u in Hierarchy.bundled().ancestors("24814")]
        ['673', '68', 'VN']
        """
        out: list[OrgUnit] = []
        unit = self[code]
        while unit.parent is not None:
            unit = self._by_code[unit.parent]
            out.append(unit)
        return tuple(out)

    def descendants(self, code: str, *, on: _dt.date | None = None) -> tuple[OrgUnit, ...]:
        """Every unit below *code*, depth first (those valid on *on*, if given)."""
        out: list[OrgUnit] = []
        stack = list(reversed(self.children(code, on=on)))
        while stack:
            unit = stack.pop()
            out.append(unit)
            stack.extend(reversed(self.children(unit.code, on=on)))
        return tuple(out)

    def leaves(self, code: str, *, on: _dt.date | None = None) -> tuple[OrgUnit, ...]:
        """The units below *code* that have no children of their own (on *on*)."""
        return tuple(u for u in self.descendants(code, on=on) if not self.children(u.code, on=on))

    def _walk(self, code: str, graph: Mapping[str, set[str]]) -> tuple[str, ...]:
        self[code]
        seen: set[str] = set()
        stack = [code]
        while stack:
            for nxt in graph.get(stack.pop(), ()):
                if nxt not in seen and nxt != code:
                    seen.add(nxt)
                    stack.append(nxt)
        return tuple(sorted(seen, key=self._order.__getitem__))

    def successors(self, code: str, *, on: _dt.date | None = None) -> tuple[str, ...]:
        """The codes of the units that took over *code*, through any number of restructures.

        With *on*, only those that exist on that day.

        >>> Hierarchy.bundled().successors("24841")
        ('24841-2025',)
        """
        found = self._walk(code, self._successors)
        if on is None:
            return found
        return tuple(c for c in found if self._by_code[c].is_valid_on(on))

    def predecessors(self, code: str) -> tuple[str, ...]:
        """The codes of the units that *code* took over, through any number of restructures.

        >>> [Hierarchy.bundled()[c].name for c in Hierarchy.bundled().predecessors("24829-2025")]
        ["B'Lao", 'Lộc Sơn', 'Lộc Nga']
        """
        return self._walk(code, self._predecessors)

    def restructures_of(self, code: str) -> tuple[Restructure, ...]:
        """The restructures in which *code* is a source or a target."""
        self[code]
        return tuple(r for r in self._restructures if code in r.sources or code in r.targets)

    def find(self, name: str, *, on: _dt.date | None = None, within: str | None = None) -> tuple[OrgUnit, ...]:
        """The units whose name or full name is *name* (see :func:`normalise_name`).

        >>> [u.code for u in Hierarchy.bundled().find("Phường B’Lao")]
        ['24826', '24829-2025']
        """
        key = normalise_name(name)
        pool: Iterable[OrgUnit] = self._by_code.values() if within is None else self.descendants(within)
        return tuple(
            sorted(
                (
                    u
                    for u in pool
                    if key in (normalise_name(u.name), normalise_name(u.full_name))
                    and (on is None or u.is_valid_on(on))
                ),
                key=self._sort_key,
            )
        )

    # -- loading ------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Hierarchy:
        """Build a hierarchy from its plain form (as in the bundled JSON file).

        ``{"units": [{"code", "name", "level", "kind", "parent", "opened_on",
        "closed_on", "official_code"}], "restructures": [{"kind", "on",
        "sources", "targets", "note"}]}``, with dates as ISO strings and
        ``level``/``kind`` as the enum values. Errors name the place:
        ``$.units[3].kind``.
        """
        if not isinstance(data, Mapping):
            msg = f"'$' must be an object with 'units' (got {type(data).__name__})"
            raise HierarchyError(msg)
        unknown = set(data) - {"format", "units", "restructures"}
        if unknown:
            msg = f"'$' has unknown fields: {sorted(unknown)!r}"
            raise HierarchyError(msg)
        units = [_unit_from_dict(f"$.units[{i}]", u) for i, u in enumerate(_list(data, "units"))]
        restructures = [
            _restructure_from_dict(f"$.restructures[{i}]", r) for i, r in enumerate(_list(data, "restructures"))
        ]
        return cls(units, restructures)

    @classmethod
    def bundled(cls) -> Hierarchy:
        """The bundled units: Lâm Đồng with Bảo Lộc city, its 11 wards and communes
        until 2025-06-30, and the four wards that succeeded them on 2025-07-01.

        It also holds what the 2025 mappings name: the province's parent
        ("VN"), Đắk Nông and Bình Thuận (merged into Lâm Đồng), and Bảo Lâm
        district with its commune Lộc Tân (merged into Phường 2 Bảo Lộc).
        Codes before 2025 are the official codes; a unit opened in 2025 whose
        official code was reused has the code ``"<official>-2025"``.
        """
        global _BUNDLED
        if _BUNDLED is None:
            import json  # here, not at the top: only the bundled units need it

            text = resources.files("anninh_toandan").joinpath("data/units_lam_dong.json").read_text("utf-8")
            _BUNDLED = cls.from_dict(json.loads(text))
        return _BUNDLED


_BUNDLED: Hierarchy | None = None


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        msg = f"'$.{key}' must be a list (got {value!r})"
        raise HierarchyError(msg)
    return value


def _parse_iso(path: str, value: Any) -> pendulum.Date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        msg = f"{path!r} must be an ISO date string or null (got {value!r})"
        raise HierarchyError(msg)
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        msg = f"{path!r} must be an ISO date such as '2025-07-01' (got {value!r})"
        raise HierarchyError(msg) from None


def _enum_from(path: str, enum_type: type[enum.Enum], value: Any) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in enum_type)
        msg = f"{path!r} must be one of {allowed} (got {value!r})"
        raise HierarchyError(msg) from None


def _check_fields(path: str, data: Any, allowed: set[str], required: set[str]) -> None:
    if not isinstance(data, Mapping):
        msg = f"{path!r} must be an object (got {data!r})"
        raise HierarchyError(msg)
    unknown = set(data) - allowed
    if unknown:
        msg = f"{path!r} has unknown fields: {sorted(unknown)!r}"
        raise HierarchyError(msg)
    missing = required - set(data)
    if missing:
        msg = f"{path!r} is missing fields: {sorted(missing)!r}"
        raise HierarchyError(msg)


def _unit_from_dict(path: str, data: Any) -> OrgUnit:
    _check_fields(
        path,
        data,
        {"code", "name", "level", "kind", "parent", "opened_on", "closed_on", "official_code"},
        {"code", "name", "level", "kind"},
    )
    try:
        return OrgUnit(
            code=data["code"],
            name=data["name"],
            level=_enum_from(f"{path}.level", Level, data["level"]),
            kind=_enum_from(f"{path}.kind", UnitKind, data["kind"]),
            parent=data.get("parent"),
            opened_on=_parse_iso(f"{path}.opened_on", data.get("opened_on")),
            closed_on=_parse_iso(f"{path}.closed_on", data.get("closed_on")),
            official_code=data.get("official_code"),
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, HierarchyError) and str(exc).startswith(f"'{path}"):
            raise
        msg = f"{path}: {exc}"
        raise HierarchyError(msg) from None


def _restructure_from_dict(path: str, data: Any) -> Restructure:
    _check_fields(path, data, {"kind", "on", "sources", "targets", "note"}, {"kind", "on", "sources", "targets"})
    try:
        return Restructure(
            kind=_enum_from(f"{path}.kind", RestructureKind, data["kind"]),
            on=_parse_iso(f"{path}.on", data["on"]),
            sources=data["sources"],
            targets=data["targets"],
            note=data.get("note", ""),
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, HierarchyError) and str(exc).startswith(f"'{path}"):
            raise
        msg = f"{path}: {exc}"
        raise HierarchyError(msg) from None
