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
    "AUTHORITY_EN",
    "POSTS_EN",
    "RANKS_EN",
    "DatingError",
    "Organisation",
    "OrganisationKind",
    "Passage",
    "Person",
    "Programme",
    "RecordError",
    "check_dating",
    "dated_within",
    "passage",
    "passages",
    "rank_en",
    "to_optional_passage",
    "to_passage",
    "to_passages",
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


class Passage(str):
    """A passage of narrative: its Vietnamese text, with its English where given.

    A passage *is* its Vietnamese text (a ``str``), so code that reads texts
    keeps working; :attr:`en` holds the English translation (or ``None`` when
    only the Vietnamese exists) and :attr:`about` the codes of the indicators
    it speaks of (empty for a general passage), so that a report can place it
    beside those figures. Two passages are equal when their Vietnamese, English
    and indicators are; a passage equals a plain string only when it has no
    English and no indicators.

    >>> p = Passage("Tuy nhiên, tội phạm ma túy còn diễn biến phức tạp.",
    ...             en="However, drug crime remains complex.")
    >>> p.startswith("Tuy nhiên"), p.en, p.text("en")
    (True, 'However, drug crime remains complex.', 'However, drug crime remains complex.')
    >>> Passage("Chỉ có tiếng Việt.").text("en") is None
    True
    >>> Passage("x") == "x", Passage("x", en="y") == "x"
    (True, False)
    """

    en: str | None
    about: tuple[str, ...]

    def __new__(cls, vi: str, *, en: str | None = None, about: Iterable[str] = ()) -> Passage:
        check_str("vi", vi)
        if en is not None:
            check_str("en", en)
        codes = tuple(about) if not isinstance(about, str) else (about,)
        for i, code in enumerate(codes):
            check_str(f"about[{i}]", code)
        self = super().__new__(cls, vi)
        object.__setattr__(self, "en", en)
        object.__setattr__(self, "about", codes)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"a Passage is immutable (cannot set {name!r})"
        raise AttributeError(msg)

    @property
    def vi(self) -> str:
        """The Vietnamese text, as a plain ``str``."""
        return str.__str__(self)

    def text(self, locale: str) -> str | None:
        """The text in *locale* (``"vi"`` or ``"en"``); ``None`` where there is no English."""
        return self.vi if locale == "vi" else self.en

    def _key(self) -> tuple[str, str | None, tuple[str, ...]]:
        return (self.vi, self.en, self.about)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Passage):
            return self._key() == other._key()
        if isinstance(other, str):
            return self.en is None and not self.about and self.vi == str(other)
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self) -> int:
        return str.__hash__(self)

    def __repr__(self) -> str:
        extra = (f", en={self.en!r}" if self.en is not None else "") + (f", about={self.about!r}" if self.about else "")
        return f"Passage({self.vi!r}{extra})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_passage, (self.vi, self.en, self.about))


def _passage(vi: str, en: str | None, about: tuple[str, ...]) -> Passage:
    return Passage(vi, en=en, about=about)


def to_passage(value: Any) -> Any:
    """attrs converter: a non-blank ``str`` becomes a :class:`Passage`; anything else is left to the validator."""
    if isinstance(value, str) and not isinstance(value, Passage) and value.strip():
        return Passage(value)
    return value


def to_optional_passage(value: Any) -> Any:
    """attrs converter: ``None`` or a :class:`Passage` (see :func:`to_passage`)."""
    return None if value is None else to_passage(value)


def to_passages(value: Any) -> Any:
    """attrs converter: a tuple of :class:`Passage` from passages or plain strings."""
    if isinstance(value, str):
        msg = f"passages must be a list of texts, not one str (got {value!r})"
        raise ValidationTypeError(msg)
    return tuple(to_passage(v) for v in value)


def _check_passage(name: str, value: object) -> None:
    if isinstance(value, Passage):
        return
    check_str(name, value)
    msg = f"{name!r} must be a str or a Passage (got {value!r} of type {type(value).__name__})"  # pragma: no cover
    raise ValidationTypeError(msg)  # pragma: no cover - a non-blank str is converted before


def passage(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: ``None`` or a :class:`Passage` (a plain str naming the field when blank)."""
    if value is not None:
        _check_passage(attribute.name, value)


def passages(_instance: object, attribute: Any, value: Any) -> None:
    """attrs validator: every item is a :class:`Passage` (errors name the field and index)."""
    for i, item in enumerate(value):
        _check_passage(f"{attribute.name}[{i}]", item)


#: English for the ranks of the People's Public Security (Luật Công an nhân dân 2018),
#: one term per rank, as the report uses them.
RANKS_EN: dict[str, str] = {
    "Đại tướng": "General",
    "Thượng tướng": "Colonel General",
    "Trung tướng": "Lieutenant General",
    "Thiếu tướng": "Major General",
    "Đại tá": "Colonel",
    "Thượng tá": "Senior Lieutenant Colonel",
    "Trung tá": "Lieutenant Colonel",
    "Thiếu tá": "Major",
    "Đại úy": "Captain",
    "Thượng úy": "Senior Lieutenant",
    "Trung úy": "Lieutenant",
    "Thiếu úy": "Second Lieutenant",
    "Thượng sĩ": "Senior Sergeant",
    "Trung sĩ": "Sergeant",
    "Hạ sĩ": "Corporal",
}


#: English for the posts that sign and chair reviews, one term per post, for signatures and titles.
POSTS_EN: dict[str, str] = {
    "Trưởng Công an": "Chief of Police",
    "Phó Trưởng Công an": "Deputy Chief of Police",
    "Giám đốc Công an": "Director of Police",
    "Phó Giám đốc Công an": "Deputy Director of Police",
    "Chủ tịch": "Chairman",
    "Phó Chủ tịch": "Vice-Chairman",
    "Ban Thường trực": "Standing Board",
}

#: English for the signing authority words of Nghị định 30/2020 (Phụ lục I): "KT. TRƯỞNG CÔNG AN"
#: is "FOR THE CHIEF OF POLICE" above "DEPUTY CHIEF".
AUTHORITY_EN: dict[str, str] = {
    "KT.": "FOR THE",
    "TM.": "ON BEHALF OF THE",
    "TL.": "BY ORDER OF THE",
    "TUQ.": "BY AUTHORISATION OF THE",
    "Q.": "ACTING",
}


def rank_en(rank: str) -> str | None:
    """The English of a police *rank* as written ("Đại tá" → "Colonel"), or ``None`` if unknown.

    Case and the old spelling "uý" do not matter.

    >>> rank_en("Đại tá"), rank_en("đại uý"), rank_en("Chủ tịch")
    ('Colonel', 'Captain', None)
    """
    key = check_str("rank", rank).strip().lower().replace("uý", "úy")
    for vi, en in RANKS_EN.items():
        if vi.lower() == key:
            return en
    return None


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
    name_en: str | None = field(default=None, validator=optional_text)
    """The English name, one term per body ("Bảo Lộc City Police"); ``None`` when not given."""
    short_name: str | None = field(default=None, validator=optional_text)
    """The name a report uses after the first mention ("Công an thành phố"), if any."""
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
    title_en: str | None = field(default=None, validator=optional_text)
    """The post in English ("Deputy Chief of Bảo Lộc City Police"); ``None`` when not given."""
    honorific: str | None = field(default=None, validator=optional_text)
    """The honorific as written ("ông", "bà", "đồng chí")."""

    @property
    def rank_en(self) -> str | None:
        """The rank in English from :data:`RANKS_EN` ("Colonel"), or ``None``."""
        return rank_en(self.rank) if self.rank is not None else None


@frozen(kw_only=True)
class Programme:
    """A coordination programme between the police and the Fatherland Front."""

    number: str = field(validator=text)
    """The number as written, leading zeros kept ("06")."""
    title: str = field(validator=text)
    """The title as written, without quotation marks (quoted verbatim in reports)."""
    title_en: str | None = field(default=None, validator=optional_text)
    """The title in English, if given."""
    signed_on: pendulum.Date = field(converter=_signed_on)
    """The day it was signed."""
    parties: tuple[Organisation, ...] = field(converter=to_tuple, validator=each(Organisation, "an Organisation"))
    """The signing parties."""
    units: tuple[str, ...] = field(default=(), converter=to_tuple, validator=each(str, "a unit code (str)"))
    """The codes of the units it covers."""
