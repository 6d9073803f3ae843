"""Tips from the public ("tin liên quan đến ANTT từ quần chúng nhân dân").

A :class:`Tip` is one tip received by a unit: the day, a category (a
:class:`CrimeType` or a custom string), whether it was valuable ("tin có giá
trị") and the ids of the cases it helped clarify.

Tips protect informants: there is **no field for the informant**, and the
free-text :attr:`~Tip.content` is left out of ``repr`` and out of exported
files unless the caller asks for it (see :mod:`anninh_toandan.io`).

>>> from datetime import date
>>> t = Tip(received_on=date(2022, 3, 2), unit="672", category=CrimeType.GAMBLING,
...         valuable=True, case_ids=["VV-12"], content="sòng bạc ở tổ 5")
>>> "sòng bạc" in repr(t)
False
>>> t.redacted().content is None
True

:func:`tip_figures` counts tips received, valuable tips and the cases they
helped clarify, a case counting once however many tips name it:

>>> from anninh_toandan.period import Period
>>> more = Tip(received_on=date(2022, 3, 9), unit="672", valuable=True, case_ids=["VV-12", "VV-13"])
>>> [(f.indicator.code, f.value.value) for f in tip_figures([t, more], unit="672", period=Period.half_year(2022, 1))]
[('tips_received', 2), ('tips_valuable', 2), ('cases_clarified', 2)]

:func:`tip_figures_by_period` does the same for every unit and month (or quarter, ...) at once.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from typing import Any

import attrs
import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_str, to_date
from anninh_toandan.errors import EmptyValueError, ValidationTypeError
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import CASES_CLARIFIED, TIPS_RECEIVED, TIPS_VALUABLE
from anninh_toandan.period import Calendar, Period, PeriodKind
from anninh_toandan.programme import RecordError, each, instance_of, text, to_tuple
from anninh_toandan.quantity import Quantity

__all__ = ["CrimeType", "Tip", "crime_type", "tip_figures", "tip_figures_by_period"]


class CrimeType(enum.Enum):
    """Kinds of crime and social evil named in reviews and tip categories."""

    GAMBLING = "gambling"
    """Gambling ("cờ bạc")."""
    INTENTIONAL_INJURY = "intentional_injury"
    """Intentionally causing injury ("cố ý gây thương tích")."""
    LOAN_SHARKING = "loan_sharking"
    """Black credit, loan-sharking ("tín dụng đen")."""
    DRUGS = "drugs"
    """Drugs ("ma túy")."""
    THEFT = "theft"
    """Theft ("trộm cắp tài sản")."""
    FRAUD = "fraud"
    """Fraud ("lừa đảo chiếm đoạt tài sản")."""


def crime_type(value: Any) -> CrimeType | str:
    """Normalise a crime type: a standard value becomes its member, other strings are custom.

    >>> crime_type("drugs"), crime_type("buôn lậu")
    (<CrimeType.DRUGS: 'drugs'>, 'buôn lậu')
    """
    if isinstance(value, CrimeType):
        return value
    if isinstance(value, str):
        for member in CrimeType:
            if member.value == value:
                return member
        check_str("crime type", value)
        return value
    msg = f"'crime type' must be a CrimeType or a custom type (str) (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


def _category(value: Any) -> CrimeType | str | None:
    return None if value is None else crime_type(value)


def _content(_instance: object, _attribute: Any, value: Any) -> None:
    """attrs validator of :attr:`Tip.content`: ``None`` or non-blank text, never echoed in the error."""
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"'content' must be a str (got a {type(value).__name__}; tip content is never shown)"
        raise ValidationTypeError(msg)
    if not value.strip():
        msg = "'content' must not be empty (got blank text)"
        raise EmptyValueError(msg)


def _received_on(value: Any) -> pendulum.Date:
    return to_date("received_on", value)


@frozen(kw_only=True)
class Tip:
    """One tip from the public, without the informant's identity."""

    received_on: pendulum.Date = field(converter=_received_on)
    """The day it was received."""
    unit: str = field(validator=text)
    """The code of the unit that received it."""
    category: CrimeType | str | None = field(default=None, converter=_category)
    """What it is about: a crime type or a custom category; ``None`` if not given."""
    valuable: bool = field(default=False, validator=instance_of(bool, "a bool"))
    """Whether it was valuable ("tin có giá trị")."""
    case_ids: tuple[str, ...] = field(default=(), converter=to_tuple, validator=each(str, "a case id (str)"))
    """The ids of the cases it helped clarify; a tip that clarified a case is valuable."""
    content: str | None = field(default=None, repr=False, validator=_content)
    """What the tip said. Sensitive: not in ``repr``, not in any error message, not exported unless asked for."""

    def __attrs_post_init__(self) -> None:
        if self.case_ids and not self.valuable:
            msg = f"'valuable' must be True for a tip that helped clarify cases (got case_ids={self.case_ids!r})"
            raise RecordError(msg)
        if len(self.case_ids) > 1 and len(set(self.case_ids)) != len(self.case_ids):
            msg = f"'case_ids' must not repeat a case (got {self.case_ids!r})"
            raise RecordError(msg)

    def redacted(self) -> Tip:
        """The same tip without its :attr:`content`."""
        return self if self.content is None else attrs.evolve(self, content=None)


def tip_figures(
    tips: Iterable[Tip],
    *,
    unit: str,
    period: Period,
    units: Collection[str] | None = None,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """Tips received, valuable tips and cases clarified, for *unit* over *period*.

    Tips of the units in *units* (default: *unit*) received in *period* are
    counted. A case named by several tips counts once. With no tip at all
    there are no figures (not zeros).
    """
    members = {unit} if units is None else set(units)
    chosen = [t for t in tips if t.unit in members and t.received_on in period]
    if not chosen:
        return ()
    valuable = sum(1 for t in chosen if t.valuable)
    cases = {c for t in chosen for c in t.case_ids}
    return (
        Figure.reported(TIPS_RECEIVED, unit, period, Quantity.exact(len(chosen), "tin"), reported_by=reported_by),
        Figure.reported(TIPS_VALUABLE, unit, period, Quantity.exact(valuable, "tin"), reported_by=reported_by),
        Figure.reported(CASES_CLARIFIED, unit, period, Quantity.exact(len(cases), "vụ việc"), reported_by=reported_by),
    )


def tip_figures_by_period(
    tips: Iterable[Tip],
    kind: PeriodKind = PeriodKind.MONTH,
    *,
    calendar: Calendar = Calendar.CIVIL,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """:func:`tip_figures` for every unit and every period of *kind* that received tips, in one pass.

    Each (unit, period) with at least one tip gets its three figures (tips
    received, valuable tips, cases clarified), in the order of their first
    tip; a case counts once per unit and period. Units and periods without a
    tip get no figures (not zeros).

    >>> from datetime import date
    >>> days = ((2, "672"), (9, "672"), (9, "673"))
    >>> tips = [Tip(received_on=date(2022, 3, d), unit=u, valuable=d > 5) for d, u in days]
    >>> [(f.unit, f.period.id, f.indicator.code, f.value.value) for f in tip_figures_by_period(tips)][:4]
    [('672', '202203', 'tips_received', 2), ('672', '202203', 'tips_valuable', 1),
     ('672', '202203', 'cases_clarified', 0), ('673', '202203', 'tips_received', 1)]
    """
    # Tips are counted by (unit, position of the period): a million tips fall on a few hundred days.
    position_of: dict[pendulum.Date, int] = {}
    positions: dict[Period, int] = {}
    counts: dict[tuple[str, int], tuple[list[int], set[str]]] = {}  # tips, valuable tips; cases
    for t in tips:
        if not isinstance(t, Tip):
            msg = f"'tips' must hold Tip objects (got {t!r} of type {type(t).__name__})"
            raise ValidationTypeError(msg)
        day = t.received_on
        i = position_of.get(day)
        if i is None:
            i = position_of[day] = positions.setdefault(Period.of(day, kind, calendar=calendar), len(positions))
        key = (t.unit, i)
        got = counts.get(key)
        if got is None:
            got = counts[key] = ([0, 0], set())
        n = got[0]
        n[0] += 1
        if t.valuable:
            n[1] += 1
            if t.case_ids:
                got[1].update(t.case_ids)
    periods = list(positions)
    quantities: dict[tuple[int, str], Quantity] = {}  # the counts repeat: one Quantity each
    out: list[Figure] = []
    for (unit, i), ((received, valuable), cases) in counts.items():
        for ind, count in (
            (TIPS_RECEIVED, (received, "tin")),
            (TIPS_VALUABLE, (valuable, "tin")),
            (CASES_CLARIFIED, (len(cases), "vụ việc")),
        ):
            q = quantities.get(count)
            if q is None:
                q = quantities[count] = Quantity.exact(*count)
            out.append(Figure.reported(ind, unit, periods[i], q, reported_by=reported_by))
    return tuple(out)
