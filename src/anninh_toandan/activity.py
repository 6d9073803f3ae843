"""Outreach activities: sessions, printed material, broadcasts, online posts.

An :class:`Activity` records one activity or a batch of them ("72 buổi tuyên
truyền"): its kind, how many (:attr:`~Activity.count`), how many people it
reached, on which channels, who organised it, for which unit, and when (a date
or a period).

The kind is an :class:`ActivityKind` or, for anything the programme does
beyond the four standard kinds, a custom kind given as a plain string ("họp
dân"). A string equal to a standard kind's value is turned into that member, so
each kind has one spelling.

>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> a = Activity(kind="outreach_session", unit="672", period=Period.half_year(2022, 1),
...              count=Quantity.exact(72, "buổi"), reach=Quantity.more_than(13000, "lượt"))
>>> a.kind
<ActivityKind.OUTREACH_SESSION: 'outreach_session'>
>>> Activity(kind="họp dân", unit="672", period=Period.year(2022)).kind
'họp dân'
>>> [f.indicator.code for f in activity_figures([a], unit="672", period=Period.half_year(2022, 1))]
['outreach_sessions', 'outreach_reach']
"""

from __future__ import annotations

import enum
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_str, to_optional_date
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import (
    LOUDSPEAKER_BROADCASTS,
    ONLINE_POSTS,
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    PRINTED_COPIES,
    Indicator,
    IndicatorError,
    online_posts_on,
)
from anninh_toandan.period import Period
from anninh_toandan.programme import (
    Organisation,
    Passage,
    check_dating,
    dated_within,
    each,
    instance_of,
    passage,
    text,
    to_optional_passage,
    to_tuple,
)
from anninh_toandan.quantity import Quantity

__all__ = ["Activity", "ActivityKind", "activity_figures"]


class ActivityKind(enum.Enum):
    """The standard kinds of outreach activity."""

    OUTREACH_SESSION = "outreach_session"
    """A session of outreach ("buổi tuyên truyền"), counted in "buổi"."""
    PRINTED_MATERIAL = "printed_material"
    """Printed copies: leaflets, posters ("bản in ấn"), counted in "bản"."""
    LOUDSPEAKER_BROADCAST = "loudspeaker_broadcast"
    """Broadcasts on the loudspeaker system ("phát thanh trên hệ thống loa truyền thanh")."""
    ONLINE_POST = "online_post"
    """Posts on zalo, facebook, ... ("bài viết"), with their channels."""


_CHANNEL_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def _kind(value: Any) -> ActivityKind | str:
    """Normalise a kind: a standard value becomes its member; other strings are custom kinds."""
    if isinstance(value, ActivityKind):
        return value
    if isinstance(value, str):
        for member in ActivityKind:
            if member.value == value:
                return member
        check_str("kind", value)
        return value
    msg = f"'kind' must be an ActivityKind or a custom kind (str) (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


def _on(value: Any) -> pendulum.Date | None:
    return to_optional_date("on", value)


def _check_channels(_instance: object, _attribute: Any, value: tuple[object, ...]) -> None:
    for i, ch in enumerate(value):
        check_str(f"channels[{i}]", ch)
        assert isinstance(ch, str)
        if not _CHANNEL_RE.match(ch):
            msg = f"'channels[{i}]' must be a channel code of lower-case letters, digits and '_' (got {ch!r})"
            raise IndicatorError(msg)


@frozen(kw_only=True)
class Activity:
    """One outreach activity, or a batch of them, for one unit at one time."""

    kind: ActivityKind | str = field(converter=_kind)
    """The standard kind, or a custom kind as a string."""
    unit: str = field(validator=text)
    """The code of the unit where it took place."""
    on: pendulum.Date | None = field(default=None, converter=_on)
    """The day it took place (or ``None`` when it is dated by :attr:`period`)."""
    period: Period | None = field(default=None, validator=instance_of((Period, type(None)), "a Period or None"))
    """The period it took place in (or ``None`` when it is dated by :attr:`on`)."""
    count: Quantity | None = field(default=None, validator=instance_of((Quantity, type(None)), "a Quantity or None"))
    """How many: "72 buổi", "hơn 250 bản", "hàng trăm bài viết"; ``None`` when not stated."""
    reach: Quantity | None = field(default=None, validator=instance_of((Quantity, type(None)), "a Quantity or None"))
    """How many people it reached ("hơn 13.000 lượt"); ``None`` when not stated."""
    channels: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_check_channels)
    """The channels of online posts ("zalo", "facebook"), as lower-case codes."""
    organisers: tuple[Organisation, ...] = field(
        default=(), converter=to_tuple, validator=each(Organisation, "an Organisation")
    )
    """Who organised it."""
    topic: Passage | None = field(default=None, converter=to_optional_passage, validator=passage)
    """What it was about, as written (a :class:`~anninh_toandan.programme.Passage`, with its English if given)."""
    pages_of: tuple[Organisation, ...] = field(
        default=(), converter=to_tuple, validator=each(Organisation, "an Organisation")
    )
    """Whose pages online posts were on ("các trang zalo, facebook của Công an thành phố")."""

    def __attrs_post_init__(self) -> None:
        check_dating(self.on, self.period)

    @property
    def is_custom(self) -> bool:
        """Whether its kind is a custom one."""
        return isinstance(self.kind, str)


_STANDARD: dict[ActivityKind, Indicator] = {
    ActivityKind.OUTREACH_SESSION: OUTREACH_SESSIONS,
    ActivityKind.PRINTED_MATERIAL: PRINTED_COPIES,
    ActivityKind.LOUDSPEAKER_BROADCAST: LOUDSPEAKER_BROADCASTS,
    ActivityKind.ONLINE_POST: ONLINE_POSTS,
}


def activity_figures(
    activities: Iterable[Activity],
    *,
    unit: str,
    period: Period,
    units: Collection[str] | None = None,
    custom: Mapping[str, Indicator] | None = None,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """The figures that *activities* give for *unit* over *period*.

    Activities of the units in *units* (default: *unit* alone) that fall in
    *period* are counted, and the figures are attributed to *unit*. Each
    standard kind gives its count indicator; outreach sessions also give their
    reach; online posts on exactly one channel also count towards that
    channel's indicator (:func:`~anninh_toandan.indicator.online_posts_on`).
    Custom kinds give figures only through *custom* (kind → indicator).

    Only kinds that occur give figures: no activity is no figure, not zero.
    An activity without a count is counted as "at least one"; when none has a
    number the figure is ``MENTIONED``.

    >>> from datetime import date
    >>> from anninh_toandan.quantity import Quantity
    >>> posts = [
    ...     Activity(kind=ActivityKind.ONLINE_POST, unit="1", on=date(2022, 2, 1),
    ...              count=Quantity.exact(4, "bài"), channels=["zalo"]),
    ...     Activity(kind=ActivityKind.ONLINE_POST, unit="2", on=date(2022, 3, 1),
    ...              count=Quantity.exact(6, "bài"), channels=["zalo", "facebook"]),
    ... ]
    >>> [(f.indicator.code, f.value.value) for f in activity_figures(
    ...     posts, unit="672", units={"1", "2"}, period=Period.quarter(2022, 1))]
    [('online_posts', 10), ('online_posts.zalo', 4)]
    """
    members = {unit} if units is None else set(units)
    counts: dict[str, tuple[Indicator, list[Quantity | None]]] = {}
    reach: list[Quantity | None] = []
    any_reach = False

    def add(indicator: Indicator, q: Quantity | None) -> None:
        counts.setdefault(indicator.code, (indicator, []))[1].append(q)

    for a in activities:
        if a.unit not in members or not dated_within(a.on, a.period, period):
            continue
        if isinstance(a.kind, ActivityKind):
            add(_STANDARD[a.kind], a.count)
            if a.kind is ActivityKind.OUTREACH_SESSION:
                reach.append(a.reach)
                any_reach = any_reach or a.reach is not None
            elif a.kind is ActivityKind.ONLINE_POST and len(a.channels) == 1:
                add(online_posts_on(a.channels[0]), a.count)
        elif custom is not None and a.kind in custom:
            add(custom[a.kind], a.count)
    out: list[Figure] = []
    for indicator, parts in counts.values():
        out.append(Figure.from_parts(indicator, unit, period, parts, reported_by=reported_by))
        if indicator is OUTREACH_SESSIONS and any_reach:
            out.append(Figure.from_parts(OUTREACH_REACH, unit, period, reach, reported_by=reported_by))
    return tuple(out)
