"""What is counted: indicators and the programme's standard catalogue.

An :class:`Indicator` names one thing a review counts ("buổi tuyên truyền",
"tin có giá trị", "tổng kinh phí"), with a stable :attr:`~Indicator.code`,
its Vietnamese and English names, its unit noun and how it aggregates:

* over time (:class:`TimeAggregation`): flows such as "3 models established"
  add up (``SUM``); stocks such as "19 models in total" take the last value
  (``LAST``);
* over units (:class:`UnitAggregation`): counts of wards add up to their city
  (``SUM``); some values cannot be added (``NONE``).

:data:`STANDARD_INDICATORS` is the catalogue of the programme's indicators;
users define their own with :class:`Indicator` and extend a catalogue with
:meth:`IndicatorCatalogue.extend`.

>>> OUTREACH_SESSIONS.code, OUTREACH_SESSIONS.unit
('outreach_sessions', 'buổi')
>>> SECURITY_MODELS_ACTIVE.time_aggregation
<TimeAggregation.LAST: 'last'>
>>> STANDARD_INDICATORS["tips_valuable"].name_vi
'Tin có giá trị'
>>> online_posts_on("zalo").code
'online_posts.zalo'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from attrs import field, frozen

from anninh_toandan._checks import check_instance, check_str
from anninh_toandan.errors import AnninhError, ValidationTypeError
from anninh_toandan.quantity import MONEY_UNIT

__all__ = [
    "CASES_CLARIFIED",
    "FUND_CONTRIBUTIONS",
    "GIFTS",
    "GIFTS_VALUE",
    "HOUSES_COST",
    "HOUSES_NEW",
    "HOUSES_REPAIRED",
    "HOUSES_TOTAL",
    "LOUDSPEAKER_BROADCASTS",
    "ONLINE_POSTS",
    "OUTREACH_REACH",
    "OUTREACH_SESSIONS",
    "PRINTED_COPIES",
    "PRODUCTION_SUPPORT",
    "PRODUCTION_SUPPORT_VALUE",
    "SCHOLARSHIPS",
    "SCHOLARSHIPS_VALUE",
    "SECURITY_MODELS_ACTIVE",
    "SECURITY_MODELS_DISSOLVED",
    "SECURITY_MODELS_ESTABLISHED",
    "STANDARD_INDICATORS",
    "TIPS_RECEIVED",
    "TIPS_VALUABLE",
    "Indicator",
    "IndicatorCatalogue",
    "IndicatorError",
    "TimeAggregation",
    "UnitAggregation",
    "online_posts_on",
]


class IndicatorError(AnninhError, ValueError):
    """An indicator is malformed, unknown, or defined twice in different ways."""


class TimeAggregation(enum.Enum):
    """How the values of consecutive periods combine into a longer period."""

    SUM = "sum"
    """A flow: the values add up ("3 models established" in each quarter)."""
    LAST = "last"
    """A stock: the value at the end of the last period counts ("19 models in total")."""


class UnitAggregation(enum.Enum):
    """How the values of several units combine into their parent."""

    SUM = "sum"
    """The values add up (the wards' sessions make the city's)."""
    NONE = "none"
    """The values cannot be combined; each unit reports its own."""


_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_]*)*$")
_CHANNEL_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


def _check_code(_instance: object, _attribute: object, value: Any) -> None:
    check_str("code", value)
    assert isinstance(value, str)
    if not _CODE_RE.match(value):
        msg = (
            "'code' must be lower-case letters, digits and '_', in dot-separated parts "
            f"starting with a letter, such as 'tips_valuable' or 'online_posts.zalo' (got {value!r})"
        )
        raise IndicatorError(msg)


def _check_text(_instance: object, attribute: object, value: Any) -> None:
    check_str(getattr(attribute, "name", "text"), value)


def _check_enum(kind: type[enum.Enum]) -> Callable[[object, object, Any], None]:
    def check(_instance: object, attribute: object, value: Any) -> None:
        check_instance(getattr(attribute, "name", "value"), value, kind)

    return check


@frozen(kw_only=True)
class Indicator:
    """One thing a review counts, with its unit and its aggregation rules.

    >>> i = Indicator(
    ...     code="mediation_cases",
    ...     name_vi="Vụ việc hòa giải thành",
    ...     name_en="Disputes settled by mediation",
    ...     unit="vụ việc",
    ... )
    >>> i.time_aggregation, i.unit_aggregation, i.is_money
    (<TimeAggregation.SUM: 'sum'>, <UnitAggregation.SUM: 'sum'>, False)
    """

    code: str = field(validator=_check_code)
    """The stable identifier: lower case, digits, ``_``, dot-separated parts."""
    name_vi: str = field(validator=_check_text)
    """The Vietnamese name, as reports write it."""
    name_en: str = field(validator=_check_text)
    """The English name."""
    unit: str = field(validator=_check_text)
    """The unit noun of its values ("buổi", "lượt", "đồng", ...)."""
    time_aggregation: TimeAggregation = field(
        default=TimeAggregation.SUM,
        validator=_check_enum(TimeAggregation),
    )
    """How it aggregates over time: ``SUM`` for flows, ``LAST`` for stocks."""
    unit_aggregation: UnitAggregation = field(
        default=UnitAggregation.SUM,
        validator=_check_enum(UnitAggregation),
    )
    """How it aggregates over organisational units."""

    @property
    def is_money(self) -> bool:
        """Whether its values are amounts of money (unit ``"đồng"``)."""
        return self.unit == MONEY_UNIT

    @property
    def is_stock(self) -> bool:
        """Whether it is a stock (a value at a date) rather than a flow."""
        return self.time_aggregation is TimeAggregation.LAST


def _std(code: str, vi: str, en: str, unit: str, time: TimeAggregation = TimeAggregation.SUM) -> Indicator:
    return Indicator(code=code, name_vi=vi, name_en=en, unit=unit, time_aggregation=time)


OUTREACH_SESSIONS = _std("outreach_sessions", "Buổi tuyên truyền", "Outreach sessions", "buổi")
OUTREACH_REACH = _std(
    "outreach_reach",
    "Lượt quần chúng nhân dân được tuyên truyền",
    "Person-visits reached by outreach",
    "lượt",
)
PRINTED_COPIES = _std("printed_copies", "Bản in ấn phát hành", "Printed copies issued", "bản")
LOUDSPEAKER_BROADCASTS = _std(
    "loudspeaker_broadcasts",
    "Lượt phát thanh trên hệ thống loa truyền thanh",
    "Loudspeaker broadcasts",
    "lượt",
)
ONLINE_POSTS = _std("online_posts", "Bài viết đăng tải trên mạng xã hội", "Online posts", "bài")
SECURITY_MODELS_ESTABLISHED = _std(
    "security_models_established",
    "Mô hình phòng chống tội phạm, đảm bảo an ninh trật tự được xây dựng mới",
    "Community security models established",
    "mô hình",
)
SECURITY_MODELS_DISSOLVED = _std(
    "security_models_dissolved",
    "Mô hình bị thanh loại",
    "Community security models dissolved",
    "mô hình",
)
SECURITY_MODELS_ACTIVE = _std(
    "security_models_active",
    "Tổng số mô hình phòng chống tội phạm, đảm bảo an ninh trật tự",
    "Community security models in total",
    "mô hình",
    TimeAggregation.LAST,
)
TIPS_RECEIVED = _std(
    "tips_received",
    "Tin liên quan đến an ninh trật tự tiếp nhận từ quần chúng nhân dân",
    "Tips on security and order received from the public",
    "tin",
)
TIPS_VALUABLE = _std("tips_valuable", "Tin có giá trị", "Valuable tips", "tin")
CASES_CLARIFIED = _std(
    "cases_clarified",
    "Vụ việc được làm rõ nhờ tin báo",
    "Cases clarified with the help of tips",
    "vụ việc",
)
FUND_CONTRIBUTIONS = _std(
    "fund_contributions",
    "Ủng hộ Quỹ Vì người nghèo",
    "Contributions to the Fund for the Poor",
    MONEY_UNIT,
)
HOUSES_NEW = _std("houses_new", "Nhà đại đoàn kết xây mới", "Great-solidarity houses built", "nhà")
HOUSES_REPAIRED = _std("houses_repaired", "Nhà đại đoàn kết sửa chữa", "Great-solidarity houses repaired", "nhà")
HOUSES_TOTAL = _std(
    "houses_total",
    "Nhà đại đoàn kết xây mới và sửa chữa",
    "Great-solidarity houses built and repaired",
    "nhà",
)
"""Houses built and repaired together, for reports that give the total beside the parts."""
HOUSES_COST = _std(
    "houses_cost",
    "Tổng kinh phí xây mới và sửa chữa nhà đại đoàn kết",
    "Total cost of houses built and repaired",
    MONEY_UNIT,
)
GIFTS = _std("gifts", "Phần quà", "Gifts", "phần quà")
GIFTS_VALUE = _std("gifts_value", "Trị giá phần quà", "Value of gifts", MONEY_UNIT)
SCHOLARSHIPS = _std("scholarships", "Suất học bổng", "Scholarships", "suất học bổng")
SCHOLARSHIPS_VALUE = _std("scholarships_value", "Trị giá học bổng", "Value of scholarships", MONEY_UNIT)
PRODUCTION_SUPPORT = _std("production_support", "Hỗ trợ sản xuất", "Production support", "suất")
PRODUCTION_SUPPORT_VALUE = _std(
    "production_support_value", "Trị giá hỗ trợ sản xuất", "Value of production support", MONEY_UNIT
)


def online_posts_on(channel: str) -> Indicator:
    """The indicator of online posts on one *channel* ("zalo", "facebook", ...).

    Its code is ``online_posts.<channel>``; the catalogue knows every such code
    without listing it.

    >>> online_posts_on("facebook").name_vi
    'Bài viết đăng tải trên facebook'
    """
    check_str("channel", channel)
    if not _CHANNEL_RE.match(channel):
        msg = f"'channel' must be lower-case letters, digits and '_' (got {channel!r})"
        raise IndicatorError(msg)
    return Indicator(
        code=f"{ONLINE_POSTS.code}.{channel}",
        name_vi=f"Bài viết đăng tải trên {channel}",
        name_en=f"Online posts on {channel}",
        unit=ONLINE_POSTS.unit,
    )


class IndicatorCatalogue(Mapping[str, Indicator]):
    """A read-only mapping from indicator code to :class:`Indicator`.

    Codes ``online_posts.<channel>`` are known without being listed (see
    :func:`online_posts_on`). :meth:`extend` returns a new catalogue with the
    user's own indicators; defining a known code differently is an error,
    defining it identically is not.

    >>> mine = Indicator(code="patrols", name_vi="Lượt tuần tra", name_en="Patrols", unit="lượt")
    >>> cat = STANDARD_INDICATORS.extend([mine])
    >>> cat["patrols"] is mine, "patrols" in STANDARD_INDICATORS
    (True, False)
    >>> cat["online_posts.zalo"].unit
    'bài'
    """

    __slots__ = ("_by_code",)

    def __init__(self, indicators: Iterable[Indicator] = ()) -> None:
        by_code: dict[str, Indicator] = {}
        for ind in indicators:
            _add(by_code, ind)
        self._by_code = by_code

    def __getitem__(self, code: str) -> Indicator:
        found = self._by_code.get(code)
        if found is not None:
            return found
        if isinstance(code, str) and code.startswith(ONLINE_POSTS.code + "."):
            channel = code[len(ONLINE_POSTS.code) + 1 :]
            if _CHANNEL_RE.match(channel):
                return online_posts_on(channel)
        raise KeyError(code)

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        try:
            self[code]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __repr__(self) -> str:
        return f"IndicatorCatalogue({list(self._by_code)!r})"

    def extend(self, indicators: Iterable[Indicator]) -> IndicatorCatalogue:
        """A new catalogue with *indicators* added."""
        out = IndicatorCatalogue()
        by_code = dict(self._by_code)
        for ind in indicators:
            if ind.code not in by_code and ind.code in self and self[ind.code] != ind:
                msg = f"indicator {ind.code!r} is already defined differently: {self[ind.code]!r} (got {ind!r})"
                raise IndicatorError(msg)
            _add(by_code, ind)
        out._by_code = by_code
        return out

    def lookup(self, code: str) -> Indicator:
        """The indicator of *code*, or :class:`IndicatorError` naming it."""
        check_str("code", code)
        try:
            return self[code]
        except KeyError:
            msg = f"'indicator' must be a known indicator code (got {code!r})"
            raise IndicatorError(msg) from None


def _add(by_code: dict[str, Indicator], ind: Indicator) -> None:
    if not isinstance(ind, Indicator):
        msg = f"'indicators' must hold Indicator objects (got {ind!r} of type {type(ind).__name__})"
        raise ValidationTypeError(msg)
    old = by_code.get(ind.code)
    if old is not None and old != ind:
        msg = f"indicator {ind.code!r} is already defined differently: {old!r} (got {ind!r})"
        raise IndicatorError(msg)
    by_code[ind.code] = ind


#: The programme's standard indicators.
STANDARD_INDICATORS = IndicatorCatalogue(
    [
        OUTREACH_SESSIONS,
        OUTREACH_REACH,
        PRINTED_COPIES,
        LOUDSPEAKER_BROADCASTS,
        ONLINE_POSTS,
        SECURITY_MODELS_ESTABLISHED,
        SECURITY_MODELS_DISSOLVED,
        SECURITY_MODELS_ACTIVE,
        TIPS_RECEIVED,
        TIPS_VALUABLE,
        CASES_CLARIFIED,
        FUND_CONTRIBUTIONS,
        HOUSES_NEW,
        HOUSES_REPAIRED,
        HOUSES_TOTAL,
        HOUSES_COST,
        GIFTS,
        GIFTS_VALUE,
        SCHOLARSHIPS,
        SCHOLARSHIPS_VALUE,
        PRODUCTION_SUPPORT,
        PRODUCTION_SUPPORT_VALUE,
    ]
)
