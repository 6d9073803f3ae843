"""Who: programmes, the organisations that sign and run them, and people.

A :class:`Programme` is a coordination programme ("Chương trình phối hợp")
between a police force and a Fatherland Front committee: its number as written
("06"), title, signing date, parties and the units it covers.
An :class:`Organisation` is a party or an organiser, of one
:class:`OrganisationKind`; a :class:`Person` is named with the rank, title and
honorific as the source gives them (never derived from the post).

>>> from datetime import date
>>> police = Organisation(kind=OrganisationKind.POLICE, name="Công an tỉnh Lâm Đồng", unit="68")
>>> p = Programme(number="06", title="…", signed_on=date(2014, 3, 6), parties=[police], units=["68"])
>>> p.parties[0].kind, p.signed_on
(<OrganisationKind.POLICE: 'police'>, Date(2014, 3, 6))
>>> Person(name="Ngô Quốc Huy", rank="Đại tá").honorific is None
True

This module also holds the dating rules that every record shares: a record
happens on a date or over a period, never both (:func:`check_dating`), and it
counts in a period only when it lies wholly inside it (:func:`dated_within`).
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable
from typing import Any

import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_instance, check_str, to_date, to_optional_date
from anninh_toandan.errors import AnninhError, ValidationTypeError
from anninh_toandan.period import Period

__all__ = [
    "DatingError",
    "Organisation",
    "OrganisationKind",
    "Person",
    "Programme",
    "RecordError",
    "check_dating",
    "dated_within",
]


class RecordError(AnninhError, ValueError):
    """A domain record contradicts itself."""


class DatingError(RecordError):
    """A record's dates contradict each other or straddle a period boundary."""


class OrganisationKind(enum.Enum):
    """The kind of an :class:`Organisation`."""

    POLICE = "police"
    """A police force: Công an tỉnh, Công an thành phố, Công an phường."""
    FATHERLAND_FRONT = "fatherland_front"
    """A committee of the Vietnam Fatherland Front (Ủy ban MTTQ Việt Nam)."""
    MEMBER_ORGANISATION = "member_organisation"
    """A member organisation of the Front (women's, youth, farmers' unions, ...)."""
    STEERING_COMMITTEE = "steering_committee"
    """A steering committee, such as Ban Chỉ đạo 138."""
    OTHER = "other"
    """Any other body (a Party committee, the people's committee, a department)."""


def text(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: a non-blank ``str``."""
    check_str(attribute.name, value)


def optional_text(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: ``None`` or a non-blank ``str``."""
    if value is not None:
        check_str(attribute.name, value)


def instance_of(kind: type | tuple[type, ...], what: str) -> Any:
    """attrs validator factory: an instance of *kind*, described as *what* in errors."""

    def check(_instance: object, attribute: Any, value: Any) -> None:
        check_instance(attribute.name, value, kind, what)  # type: ignore[arg-type]

    return check


def each(kind: type | tuple[type, ...], what: str) -> Any:
    """attrs validator factory: every item of a tuple is an instance of *kind*."""

    def check(_instance: object, attribute: Any, value: Any) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                msg = f"'{attribute.name}[{i}]' must be {what} (got {item!r} of type {type(item).__name__})"
                raise ValidationTypeError(msg)
            if isinstance(item, str) and not item.strip():
                check_str(f"{attribute.name}[{i}]", item)

    return check


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable as a tuple (typed loosely so that lists type-check)."""
    return tuple(value)


def check_dating(on: _dt.date | None, period: Period | None) -> None:
    """Check that a record has a date or a period, not both and not neither.

    >>> check_dating(None, None)
    Traceback (most recent call last):
    ...
    anninh_toandan.programme.DatingError: a record needs 'on' (a date) or 'period' (got neither)
    """
    if (on is None) == (period is None):
        got = "neither" if on is None else f"on={on!r} and period={period!r}"
        msg = f"a record needs 'on' (a date) or 'period' (got {got})"
        raise DatingError(msg)
    if period is not None and not isinstance(period, Period):
        msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
        raise ValidationTypeError(msg)


def dated_within(on: _dt.date | None, period: Period | None, target: Period) -> bool:
    """Whether a record dated *on* or over *period* falls in *target*.

    A record over a period that only partly overlaps *target* cannot be split
    and raises :class:`DatingError`.

    >>> from datetime import date
    >>> h1 = Period.half_year(2022, 1)
    >>> dated_within(date(2022, 3, 1), None, h1), dated_within(None, Period.quarter(2022, 3), h1)
    (True, False)
    """
    if on is not None:
        return on in target
    assert period is not None
    if period in target:
        return True
    if period.overlaps(target):
        msg = f"a record over {period.id!r} cannot be counted in {target.id!r}: the periods only partly overlap"
        raise DatingError(msg)
    return False


def _valid_from(value: Any) -> pendulum.Date | None:
    return to_optional_date("valid_from", value)


def _valid_until(value: Any) -> pendulum.Date | None:
    return to_optional_date("valid_until", value)


def _signed_on(value: Any) -> pendulum.Date:
    return to_date("signed_on", value)


@frozen(kw_only=True)
class Organisation:
    """A body that signs a programme or organises an activity.

    *valid_from* and *valid_until* bound the time when it existed under this
    name (inclusive; ``None`` where unknown or open).
    """

    kind: OrganisationKind = field(validator=instance_of(OrganisationKind, "an OrganisationKind"))
    """Police, Fatherland Front, member organisation, steering committee or other."""
    name: str = field(validator=text)
    """The name as written ("Công an TP Bảo Lộc", "các tổ chức thành viên")."""
    unit: str | None = field(default=None, validator=optional_text)
    """The code of the organisational unit it belongs to."""
    valid_from: pendulum.Date | None = field(default=None, converter=_valid_from)
    """The first day it existed under this name."""
    valid_until: pendulum.Date | None = field(default=None, converter=_valid_until)
    """The last day it existed under this name."""

    def __attrs_post_init__(self) -> None:
        if self.valid_from is not None and self.valid_until is not None and self.valid_until < self.valid_from:
            msg = f"'valid_until' must not be before 'valid_from' (got {self.valid_from} to {self.valid_until})"
            raise DatingError(msg)

    def is_valid_on(self, day: _dt.date) -> bool:
        """Whether it existed under this name on *day*."""
        d = to_date("day", day)
        return (self.valid_from is None or self.valid_from <= d) and (self.valid_until is None or d <= self.valid_until)


@frozen(kw_only=True)
class Person:
    """A person named in a review, with rank, title and honorific as given.

    Police officers carry a rank ("Đại tá"); Front and government officials an
    honorific ("ông", "bà"). Nothing is derived from the post.
    """

    name: str = field(validator=text)
    """The full name."""
    rank: str | None = field(default=None, validator=optional_text)
    """The rank as written ("Đại tá", "Thượng tá")."""
    title: str | None = field(default=None, validator=optional_text)
    """The post as written ("Phó Trưởng Công an TP Bảo Lộc")."""
    honorific: str | None = field(default=None, validator=optional_text)
    """The honorific as written ("ông", "bà", "đồng chí")."""


@frozen(kw_only=True)
class Programme:
    """A coordination programme between the police and the Fatherland Front."""

    number: str = field(validator=text)
    """The number as written, leading zeros kept ("06")."""
    title: str = field(validator=text)
    """The title as written, without quotation marks."""
    signed_on: pendulum.Date = field(converter=_signed_on)
    """The day it was signed."""
    parties: tuple[Organisation, ...] = field(converter=to_tuple, validator=each(Organisation, "an Organisation"))
    """The signing parties."""
    units: tuple[str, ...] = field(default=(), converter=to_tuple, validator=each(str, "a unit code (str)"))
    """The codes of the units it covers."""
