"""Restructures: figures of units that were merged, renamed or split, put on the units of a given day.

:func:`map_to_successors` gives a :class:`Remapped`: the figures on the units
valid on the day, the :class:`PartialFigure` ones that some predecessor did
not report (each such figure names them in
:attr:`~anninh_toandan.figures.Figure.missing_units`, so a roll-up counts it
incomplete), and the :class:`Unmapped` ones with the reason.

A :class:`UnitGroup` names the units that stood for one place at each date
("the former Bảo Lộc city": eleven wards and communes until 1 July 2025, four
wards after), so that a series can be rolled up and compared across the
restructure without mapping its figures.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs
import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_instance, check_int, check_str, to_date
from anninh_toandan._validity import overlaps
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.indicator import Indicator, UnitAggregation
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity, quantity_from_bounds
from anninh_toandan.results import AggregationError

__all__ = ["Members", "PartialFigure", "Remapped", "UnitGroup", "Unmapped", "map_to_successors"]


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _partials(value: Iterable[PartialFigure]) -> tuple[PartialFigure, ...]:
    return tuple(value)


def _unmapped(value: Iterable[Unmapped]) -> tuple[Unmapped, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Unmapped:
    """A figure that :func:`map_to_successors` could not place, and why."""

    figure: Figure
    reason: str


@frozen(kw_only=True)
class PartialFigure:
    """A mapped figure that lacks the figures of some of the units it stands for."""

    figure: Figure
    missing_units: tuple[str, ...] = field(converter=_codes)


@frozen(kw_only=True)
class Remapped:
    """The result of :func:`map_to_successors`."""

    figures: FigureSet
    """The figures on the units valid on the day (kept, merged or apportioned)."""
    partial: tuple[PartialFigure, ...] = field(converter=_partials)
    """Mapped figures that some predecessor did not report: their values are lower bounds."""
    unmapped: tuple[Unmapped, ...] = field(converter=_unmapped)
    """Figures left out, with the reason (a split without weights, no successor, an unknown unit)."""


def _apportion(total: int, weights: Sequence[tuple[str, int]]) -> list[tuple[str, int, bool]]:
    """Split *total* by integer *weights*, largest remainder first; whether each share is whole."""
    denom = sum(w for _, w in weights)
    raw = [(code, Fraction(total * w, denom)) for code, w in weights]
    floors = [(code, int(x), x - int(x)) for code, x in raw]
    left = total - sum(f for _, f, _ in floors)
    order = sorted(range(len(floors)), key=lambda i: floors[i][2], reverse=True)
    bump = set(order[:left])
    return [(code, f + (1 if i in bump else 0), rem == 0) for i, (code, f, rem) in enumerate(floors)]


def _check_weights(
    hierarchy: Hierarchy, on: _dt.date, weights: Mapping[str, Mapping[str, int]]
) -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for src, shares in weights.items():
        succ = set(hierarchy.successors(src, on=on))
        if set(shares) != succ or len(succ) < 2:
            msg = (
                f"'weights[{src!r}]' must name exactly the successors of {src!r} on {on}: "
                f"{sorted(succ)!r} (got {sorted(shares)!r})"
            )
            raise AggregationError(msg)
        items = []
        for code, w in shares.items():
            check_int(f"weights[{src!r}][{code!r}]", w)
            if w < 0:
                msg = f"'weights[{src!r}][{code!r}]' must be >= 0 (got {w!r})"
                raise AggregationError(msg)
            items.append((code, w))
        if not any(w for _, w in items):
            msg = f"'weights[{src!r}]' must not all be 0 (got {dict(shares)!r})"
            raise AggregationError(msg)
        order = {c: i for i, c in enumerate(hierarchy.successors(src, on=on))}
        out[src] = sorted(items, key=lambda cw: order[cw[0]])
    return out


def map_to_successors(
    figures: FigureSet,
    hierarchy: Hierarchy,
    *,
    on: _dt.date,
    weights: Mapping[str, Mapping[str, int]] | None = None,
    exact_weights: bool = False,
) -> Remapped:
    """Put *figures* on the units that exist on *on*, for a series comparable across restructures.

    * A unit that exists on *on* keeps its figures.
    * A unit merged or renamed (one successor on *on*) gives its figures
      wholly to the successor; figures for the same indicator and period add
      up there. If some unit the successor stands for has no number for that
      key, the mapped value is a lower bound ("at least") and is listed in
      :attr:`Remapped.partial` with the units that are missing.
    * A unit split into several is apportioned only with *weights* (for each
      such unit, an integer weight per successor: population, households,
      area). A count split by weights is an **estimate**: 7 cases split 3:2
      are about 4 and about 3 (largest remainder, so the parts still add up
      to 7), because nobody knows which ward had which case; the parts are
      ``ABOUT`` unless *exact_weights* is true and every part is whole.
      Without weights the figures stay unmapped and are reported as such:
      nothing is ever moved to one successor silently.
    * Units with no successor on *on*, or not in the hierarchy, are unmapped.

    Values of indicators that cannot be summed over units (``NONE``) are
    mapped only one to one.
    """
    if not isinstance(figures, FigureSet):
        msg = f"'figures' must be a FigureSet (got {figures!r} of type {type(figures).__name__})"
        raise ValidationTypeError(msg)
    day = to_date("on", on)
    split = _check_weights(hierarchy, day, weights or {})
    target_of: dict[str, tuple[str, ...] | str] = {}
    groups: dict[tuple[str, str, Period], list[tuple[str, Figure, Quantity | None]]] = {}
    unmapped: list[Unmapped] = []
    indicators: dict[str, Indicator] = {}
    for f in figures:
        u = f.unit
        if u not in target_of:
            unit = hierarchy.get(u)
            if unit is None:
                target_of[u] = f"unit {u!r} is not in the hierarchy"
            elif unit.is_valid_on(day):
                target_of[u] = (u,)
            else:
                succ = hierarchy.successors(u, on=day)
                if not succ:
                    target_of[u] = f"unit {u!r} ({unit.full_name}) has no successor on {day}"
                elif len(succ) > 1 and u not in split:
                    names = ", ".join(succ)
                    target_of[u] = f"unit {u!r} ({unit.full_name}) was split into {names}: pass weights to apportion it"
                else:
                    target_of[u] = succ
        where = target_of[u]
        if isinstance(where, str):
            unmapped.append(Unmapped(figure=f, reason=where))
            continue
        indicators[f.indicator.code] = f.indicator
        if len(where) == 1:
            groups.setdefault((f.indicator.code, where[0], f.period), []).append((u, f, f.value))
            continue
        if f.value is None:
            for code in where:
                groups.setdefault((f.indicator.code, code, f.period), []).append((u, f, None))
            continue
        q = f.value
        for code, share, whole in _apportion(q.value, split[u]):
            exact = exact_weights and whole and q.is_exact
            part = Quantity(value=share, unit=q.unit, qualifier=Qualifier.EXACT if exact else Qualifier.ABOUT)
            groups.setdefault((f.indicator.code, code, f.period), []).append((u, f, part))
    out: list[Figure] = []
    partial: list[PartialFigure] = []
    for (code, target, period), items in groups.items():
        ind = indicators[code]
        expected = [
            p
            for p in (target, *hierarchy.predecessors(target))
            if p in hierarchy and hierarchy[p].level is hierarchy[target].level and overlaps(hierarchy[p], period)
        ]
        if expected == [target] and len(items) == 1:
            out.append(items[0][1])  # a unit that still exists, and took nothing over, keeps its figure
            continue
        if ind.unit_aggregation is UnitAggregation.NONE and len(items) > 1:
            unmapped.extend(
                Unmapped(figure=f, reason=f"indicator {code!r} cannot be summed over units") for _, f, _ in items
            )
            continue
        values = [(u, q) for u, _, q in items if q is not None]
        have = {u for u, _ in values}
        if target in have and target not in expected:
            # The target's own figure for a time before it existed: already mapped, it stands for its
            # predecessors but those it names as missing.
            lacking = {m for u, f, q in items if u == target and q is not None for m in f.missing_units}
            have.update(p for p in expected if p not in lacking)
        missing = tuple(p for p in expected if p not in have)
        carried = [m for _, f, q in items if q is not None for m in f.missing_units]
        if carried:  # a source figure already lacked units: so does the mapped one
            missing = tuple(dict.fromkeys((*missing, *carried)))
        sources = sorted({u for u, _, _ in items})
        if not values:
            status = (
                FigureStatus.MENTIONED
                if any(f.status is FigureStatus.MENTIONED for _, f, _ in items)
                else FigureStatus.NOT_REPORTED
            )
            out.append(Figure(indicator=ind, unit=target, period=period, status=status, note=_from(sources)))
            continue
        total = Quantity.exact(0, ind.unit)
        for _, q in values:
            total = total + (q if q.unit == ind.unit else attrs.evolve(q, unit=ind.unit))
        note = _from(sources)
        if missing and ind.unit_aggregation is UnitAggregation.SUM:
            total = quantity_from_bounds(total.low or 0, None, ind.unit)
            note += f"; no number from {', '.join(missing)}"
        fig = Figure.reported(ind, target, period, total, note=note, missing_units=missing)
        if missing:
            partial.append(PartialFigure(figure=fig, missing_units=missing))
        out.append(fig)
    return Remapped(figures=FigureSet(out), partial=partial, unmapped=unmapped)


def _from(sources: Sequence[str]) -> str:
    return f"mapped from {', '.join(sources)}"


# -- named groupings of units -----------------------------------------------------------


def _check_codes(name: str, value: Iterable[str]) -> tuple[str, ...]:
    out = tuple(value) if not isinstance(value, str) else (value,)
    for i, code in enumerate(out):
        check_str(f"{name}[{i}]", code)
    if not out:
        msg = f"{name!r} must name at least one unit (got {value!r})"
        raise AggregationError(msg)
    return out


def _member_units(value: Iterable[str]) -> tuple[str, ...]:
    return _check_codes("units", value)


def _start(value: Any) -> pendulum.Date | None:
    return None if value is None else to_date("start", value)


def _end(value: Any) -> pendulum.Date | None:
    return None if value is None else to_date("end", value)


@frozen(kw_only=True)
class Members:
    """The units of a :class:`UnitGroup` from *start* (inclusive) until *end* (exclusive); ``None``: no bound."""

    units: tuple[str, ...] = field(converter=_member_units)
    """The member units' codes."""
    start: pendulum.Date | None = field(default=None, converter=_start)
    """The first day of these members (``None``: from the start)."""
    end: pendulum.Date | None = field(default=None, converter=_end)
    """The first day they are no longer the members (``None``: until now)."""

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end <= self.start:
            msg = f"'end' must be after 'start' (got start={self.start}, end={self.end})"
            raise AggregationError(msg)

    def covers(self, period: Period) -> bool:
        """Whether *period* lies wholly within these dates."""
        return (self.start is None or self.start <= period.start) and (self.end is None or period.end < self.end)


def _members(value: Iterable[Members]) -> tuple[Members, ...]:
    out = tuple(value)
    for i, m in enumerate(out):
        check_instance(f"members[{i}]", m, Members)
    if not out:
        msg = "'members' must not be empty"
        raise AggregationError(msg)
    return out


@frozen(kw_only=True)
class UnitGroup:
    """A named grouping of units, whose members may change with the dates: "the former Bảo Lộc city".

    A series across a restructure is rolled up over the units that stood for
    the same place at each date: before 1 July 2025 the eleven wards and
    communes of Bảo Lộc city, from then on the four wards that succeeded
    them. :class:`~anninh_toandan.rollup.Rollup` accepts a group as the
    ``unit`` of :meth:`~anninh_toandan.rollup.Rollup.aggregate`,
    :meth:`~anninh_toandan.rollup.Rollup.compare` and the others: it adds
    up the members for the period (each counted as a unit of its own, with
    its completeness) and names the result with :attr:`code`.

    >>> import datetime as dt
    >>> g = UnitGroup(code="bao-loc", name="Bảo Lộc", members=[
    ...     Members(units=["24823", "24820"], end=dt.date(2025, 7, 1)),
    ...     Members(units=["24823-2025", "24820-2025"], start=dt.date(2025, 7, 1))])
    >>> g.members_for(Period.half_year(2024, 2)), g.members_for(Period.half_year(2025, 2))
    (('24823', '24820'), ('24823-2025', '24820-2025'))
    """

    code: str = field(validator=lambda _i, _a, v: check_str("code", v))
    """The code the group's aggregates carry as their ``unit`` (it is not a unit of the hierarchy)."""
    name: str = field(validator=lambda _i, _a, v: check_str("name", v))
    """The group's name as people say it ("thành phố Bảo Lộc cũ")."""
    members: tuple[Members, ...] = field(converter=_members)
    """The member units by date range; the ranges must not overlap."""

    def __attrs_post_init__(self) -> None:
        ordered = sorted(self.members, key=lambda m: (m.start is not None, m.start or 0))
        for a, b in itertools.pairwise(ordered):
            if a.end is None or b.start is None or b.start < a.end:
                msg = f"'members' of group {self.code!r} must not overlap in time (got {a!r} and {b!r})"
                raise AggregationError(msg)

    def members_for(self, period: Period) -> tuple[str, ...]:
        """The member units for *period*: those of the date range it lies in.

        A period across a change of members (half before, half after) has no
        honest members: :class:`~anninh_toandan.results.AggregationError`.
        """
        check_instance("period", period, Period)
        for m in self.members:
            if m.covers(period):
                return m.units
        ranges = ", ".join(f"{m.start or '…'}–{m.end or '…'}" for m in self.members)
        msg = (
            f"group {self.code!r} ({self.name}) has no members for the whole of {period.id!r}: "
            f"its members change within it, or it has none then (ranges: {ranges})"
        )
        raise AggregationError(msg)

    @classmethod
    def former(cls, hierarchy: Hierarchy, unit: str, *, code: str | None = None, name: str | None = None) -> UnitGroup:
        """The units that stood for *unit* before and after it was dissolved, from the hierarchy.

        Before *unit* closed, its children that existed on its last day; from
        its closing day on, the successors of those children on that day
        (which may also stand for units from elsewhere: a ward that took over
        a commune of another district). *code* defaults to ``"<unit>-former"``
        and *name* to the unit's full name.

        >>> from anninh_toandan.orgunit import Hierarchy
        >>> g = UnitGroup.former(Hierarchy.bundled(), "673")
        >>> len(g.members_for(Period.half_year(2024, 2))), g.members_for(Period.half_year(2025, 2))
        (11, ('24823-2025', '24820-2025', '24841-2025', '24829-2025'))
        """
        check_instance("hierarchy", hierarchy, Hierarchy)
        found = hierarchy.get(check_str("unit", unit))
        if found is None or found.closed_on is None:
            what = "is not in the hierarchy" if found is None else "was never dissolved"
            msg = f"'unit' must be a unit the hierarchy dissolves (got {unit!r}, which {what})"
            raise AggregationError(msg)
        closed = found.closed_on
        last_day = closed.subtract(days=1)
        before = tuple(c.code for c in hierarchy.children(unit, on=last_day))
        after = tuple(dict.fromkeys(s for c in before for s in hierarchy.successors(c, on=closed)))
        if not before or not after:
            msg = f"unit {unit!r} ({found.full_name}) has no units below it on {last_day}, or they have no successors"
            raise AggregationError(msg)
        members = [Members(units=before, start=found.opened_on, end=closed), Members(units=after, start=closed)]
        return cls(code=code or f"{unit}-former", name=name or found.full_name, members=members)
