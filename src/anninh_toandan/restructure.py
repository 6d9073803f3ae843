"""Restructures: figures of units that were merged, renamed or split, put on the units of a given day.

:func:`map_to_successors` gives a :class:`Remapped`: the figures on the units
valid on the day, the :class:`PartialFigure` ones that some predecessor did
not report (each such figure names them in
:attr:`~anninh_toandan.figures.Figure.missing_units`, so a roll-up counts it
incomplete), and the :class:`Unmapped` ones with the reason.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs
from attrs import field, frozen

from anninh_toandan._checks import check_int, to_date
from anninh_toandan._validity import overlaps
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.indicator import Indicator, UnitAggregation
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity, quantity_from_bounds
from anninh_toandan.results import AggregationError

__all__ = ["PartialFigure", "Remapped", "Unmapped", "map_to_successors"]


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
