"""Charity: funds, contributions and what they pay for.

A :class:`CharityFund` ("Quỹ Vì người nghèo") has :class:`Contribution` s
("ủng hộ") and :class:`Disbursement` s, each with a
:class:`DisbursementPurpose`: a new great-solidarity house, a house repair, a
scholarship, a gift or production support, with a count and an amount where
the source gives them. Amounts are money quantities in whole đồng.

>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> h1 = Period.half_year(2022, 1)
>>> fund = CharityFund(
...     name="Quỹ Vì người nghèo",
...     contributions=[Contribution(unit="672", period=h1, amount=Quantity.vnd(437_000_000))],
...     disbursements=[
...         Disbursement(purpose=DisbursementPurpose.HOUSE_NEW, unit="672", period=h1,
...                      count=Quantity.exact(3, "nhà"), amount=Quantity.vnd(150_000_000)),
...         Disbursement(purpose=DisbursementPurpose.SCHOLARSHIP, unit="672", period=h1),
...     ],
... )
>>> for f in fund_figures([fund], unit="672", period=h1):
...     print(f.indicator.code, f.status.value)
fund_contributions reported
houses_new reported
houses_cost reported
scholarships mentioned
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from typing import Any

import pendulum
from attrs import field, frozen

from anninh_toandan._checks import to_optional_date
from anninh_toandan.errors import QuantityError
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import (
    FUND_CONTRIBUTIONS,
    GIFTS,
    GIFTS_VALUE,
    HOUSES_COST,
    HOUSES_NEW,
    HOUSES_REPAIRED,
    PRODUCTION_SUPPORT,
    PRODUCTION_SUPPORT_VALUE,
    SCHOLARSHIPS,
    SCHOLARSHIPS_VALUE,
    Indicator,
)
from anninh_toandan.period import Period
from anninh_toandan.programme import (
    Organisation,
    Passage,
    RecordError,
    check_dating,
    dated_within,
    each,
    instance_of,
    optional_text,
    passage,
    text,
    to_optional_passage,
    to_tuple,
)
from anninh_toandan.quantity import Quantity

__all__ = [
    "CharityFund",
    "Contribution",
    "Disbursement",
    "DisbursementPurpose",
    "SharedAmount",
    "fund_figures",
    "support_figures",
]


class DisbursementPurpose(enum.Enum):
    """What a disbursement pays for."""

    HOUSE_NEW = "house_new"
    """A new great-solidarity house ("xây mới nhà đại đoàn kết")."""
    HOUSE_REPAIR = "house_repair"
    """Repairing a great-solidarity house ("sửa chữa nhà đại đoàn kết")."""
    SCHOLARSHIP = "scholarship"
    """A scholarship ("học bổng")."""
    GIFT = "gift"
    """A gift ("phần quà", "suất quà")."""
    PRODUCTION_SUPPORT = "production_support"
    """Support for production ("hỗ trợ sản xuất")."""


def _on(value: Any) -> pendulum.Date | None:
    return to_optional_date("on", value)


def _check_money(name: str, value: Quantity | None) -> None:
    if value is not None and not value.is_money:
        msg = f"{name!r} must be an amount in đồng (got {value!r})"
        raise QuantityError(msg)


_QUANTITY_OR_NONE = instance_of((Quantity, type(None)), "a Quantity or None")
_PERIOD_OR_NONE = instance_of((Period, type(None)), "a Period or None")


@frozen(kw_only=True)
class Contribution:
    """Money given to a fund, dated by a day or a period."""

    amount: Quantity = field(validator=instance_of(Quantity, "a Quantity"))
    """How much, in đồng ("437 triệu đồng")."""
    unit: str = field(validator=text)
    """The code of the unit that raised it."""
    on: pendulum.Date | None = field(default=None, converter=_on)
    """The day it was given, or ``None`` when dated by :attr:`period`."""
    period: Period | None = field(default=None, validator=_PERIOD_OR_NONE)
    """The period it was raised in, or ``None`` when dated by :attr:`on`."""
    contributors: Passage | None = field(default=None, converter=to_optional_passage, validator=passage)
    """Who gave, as written ("cán bộ, chiến sĩ, công chức, viên chức"), with its English if given."""
    raised_by: tuple[Organisation, ...] = field(
        default=(), converter=to_tuple, validator=each(Organisation, "an Organisation")
    )
    """Who called for it ("kêu gọi", "vận động"), if stated."""

    def __attrs_post_init__(self) -> None:
        _check_money("amount", self.amount)
        check_dating(self.on, self.period)


@frozen(kw_only=True)
class Disbursement:
    """Support paid out for one purpose: how many, and how much where known."""

    purpose: DisbursementPurpose = field(validator=instance_of(DisbursementPurpose, "a DisbursementPurpose"))
    """What it pays for."""
    unit: str = field(validator=text)
    """The code of the unit where it was given."""
    on: pendulum.Date | None = field(default=None, converter=_on)
    """The day it was given, or ``None`` when dated by :attr:`period`."""
    period: Period | None = field(default=None, validator=_PERIOD_OR_NONE)
    """The period it was given in, or ``None`` when dated by :attr:`on`."""
    count: Quantity | None = field(default=None, validator=_QUANTITY_OR_NONE)
    """How many ("3 nhà", "hàng trăm phần quà"); ``None`` when the source gives no number."""
    amount: Quantity | None = field(default=None, validator=_QUANTITY_OR_NONE)
    """How much, in đồng; ``None`` when not stated."""
    beneficiaries: Passage | None = field(default=None, converter=to_optional_passage, validator=passage)
    """Who received it, as written ("học sinh khó khăn, người nghèo"), with its English if given."""

    def __attrs_post_init__(self) -> None:
        if self.count is not None and self.count.is_money:
            msg = f"'count' must not be an amount of money (got {self.count!r})"
            raise QuantityError(msg)
        _check_money("amount", self.amount)
        check_dating(self.on, self.period)


def _purposes(value: Any) -> tuple[DisbursementPurpose, ...]:
    return tuple(value)


def _check_purposes(_instance: object, _attribute: Any, value: tuple[object, ...]) -> None:
    each(DisbursementPurpose, "a DisbursementPurpose")(_instance, _attribute, value)
    if len(set(value)) < 2 or len(set(value)) != len(value):
        msg = f"'purposes' must name at least two different purposes, each once (got {value!r})"
        raise RecordError(msg)


@frozen(kw_only=True)
class SharedAmount:
    """One amount that several kinds of support share, where the source does not split it.

    "hỗ trợ sản xuất, tặng học bổng và hàng trăm phần quà … trị giá hàng trăm
    triệu đồng" gives one value for three purposes: it belongs to none of them
    alone, so it is recorded once, with the purposes it covers.

    >>> from anninh_toandan.period import Period
    >>> from anninh_toandan.quantity import Quantity
    >>> s = SharedAmount(purposes=[DisbursementPurpose.SCHOLARSHIP, DisbursementPurpose.GIFT],
    ...                  amount=Quantity.order_of(100_000_000, "đồng"), unit="672",
    ...                  period=Period.half_year(2022, 1))
    >>> [p.value for p in s.purposes]
    ['scholarship', 'gift']
    """

    purposes: tuple[DisbursementPurpose, ...] = field(converter=_purposes, validator=_check_purposes)
    """The kinds of support the amount covers together (two or more)."""
    amount: Quantity = field(validator=instance_of(Quantity, "a Quantity"))
    """The amount, in đồng."""
    unit: str = field(validator=text)
    """The code of the unit where the support was given."""
    on: pendulum.Date | None = field(default=None, converter=_on)
    """The day, or ``None`` when dated by :attr:`period`."""
    period: Period | None = field(default=None, validator=_PERIOD_OR_NONE)
    """The period, or ``None`` when dated by :attr:`on`."""

    def __attrs_post_init__(self) -> None:
        _check_money("amount", self.amount)
        check_dating(self.on, self.period)


@frozen(kw_only=True)
class CharityFund:
    """A fund with its contributions and disbursements."""

    name: str = field(validator=text)
    """Its name ("Quỹ Vì người nghèo")."""
    unit: str | None = field(default=None, validator=optional_text)
    """The code of the unit whose fund it is, if any."""
    contributions: tuple[Contribution, ...] = field(
        default=(), converter=to_tuple, validator=each(Contribution, "a Contribution")
    )
    """Money given to it."""
    disbursements: tuple[Disbursement, ...] = field(
        default=(), converter=to_tuple, validator=each(Disbursement, "a Disbursement")
    )
    """Support paid from it."""
    shared_amounts: tuple[SharedAmount, ...] = field(
        default=(), converter=to_tuple, validator=each(SharedAmount, "a SharedAmount")
    )
    """Amounts that several of its kinds of support share."""


_COUNT: dict[DisbursementPurpose, Indicator] = {
    DisbursementPurpose.HOUSE_NEW: HOUSES_NEW,
    DisbursementPurpose.HOUSE_REPAIR: HOUSES_REPAIRED,
    DisbursementPurpose.SCHOLARSHIP: SCHOLARSHIPS,
    DisbursementPurpose.GIFT: GIFTS,
    DisbursementPurpose.PRODUCTION_SUPPORT: PRODUCTION_SUPPORT,
}
_AMOUNT: dict[DisbursementPurpose, Indicator] = {
    DisbursementPurpose.HOUSE_NEW: HOUSES_COST,
    DisbursementPurpose.HOUSE_REPAIR: HOUSES_COST,
    DisbursementPurpose.SCHOLARSHIP: SCHOLARSHIPS_VALUE,
    DisbursementPurpose.GIFT: GIFTS_VALUE,
    DisbursementPurpose.PRODUCTION_SUPPORT: PRODUCTION_SUPPORT_VALUE,
}


def fund_figures(
    funds: Iterable[CharityFund],
    *,
    unit: str,
    period: Period,
    units: Collection[str] | None = None,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """The figures that the funds' records give for *unit* over *period*.

    Contributions add up to ``fund_contributions``; disbursements give the
    figures of :func:`support_figures`. Shared amounts give no figure of their
    own: no single purpose's amount can be told from them.
    """
    members = {unit} if units is None else set(units)
    money: list[Quantity | None] = []
    disbursements: list[Disbursement] = []
    for fund in funds:
        for c in fund.contributions:
            if c.unit in members and dated_within(c.on, c.period, period):
                money.append(c.amount)
        disbursements.extend(fund.disbursements)
    out: list[Figure] = []
    if money:
        out.append(Figure.from_parts(FUND_CONTRIBUTIONS, unit, period, money, reported_by=reported_by))
    out.extend(support_figures(disbursements, unit=unit, period=period, units=units, reported_by=reported_by))
    return tuple(out)


def support_figures(
    disbursements: Iterable[Disbursement],
    *,
    unit: str,
    period: Period,
    units: Collection[str] | None = None,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """The figures that support records give for *unit* over *period*, whatever paid for them.

    Disbursements give a count per purpose (``houses_new``,
    ``houses_repaired``, ``scholarships``, ``gifts``, ``production_support``)
    and an amount per purpose, new and repaired houses sharing
    ``houses_cost``. A disbursement without a count counts as at least one
    (``MENTIONED`` when none has a number); amounts are reported only where
    some disbursement states one, and a missing amount makes the total a lower
    bound. Purposes with no record give no figure.
    """
    members = {unit} if units is None else set(units)
    counts: dict[Indicator, list[Quantity | None]] = {}
    amounts: dict[Indicator, list[Quantity | None]] = {}
    for d in disbursements:
        if d.unit in members and dated_within(d.on, d.period, period):
            counts.setdefault(_COUNT[d.purpose], []).append(d.count)
            amounts.setdefault(_AMOUNT[d.purpose], []).append(d.amount)
    out: list[Figure] = []
    for indicator, parts in counts.items():
        out.append(Figure.from_parts(indicator, unit, period, parts, reported_by=reported_by))
        value_indicator = _AMOUNT[next(p for p, i in _COUNT.items() if i is indicator)]
        value_parts = amounts.pop(value_indicator, [])
        if any(q is not None for q in value_parts):
            out.append(
                Figure.from_parts(value_indicator, unit, period, value_parts, reported_by=reported_by, at_least=0)
            )
    return tuple(out)
