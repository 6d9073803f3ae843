"""Community security models ("mô hình phòng chống tội phạm, đảm bảo ANTT").

A :class:`SecurityModel` is one model (a self-managed crime-prevention group,
a camera network, a Covid-19 "vùng xanh" team) in one unit, with the day it was
established and, if it was dissolved ("thanh loại"), the day and the
:class:`DissolutionReason`. A model is active from its establishment up to the
day before its dissolution.

:func:`model_figures` turns models into the three figures a review reports:
models established and dissolved in the period (flows) and models active at
the period's end (a stock).

>>> from datetime import date
>>> from anninh_toandan.period import Period
>>> models = [
...     SecurityModel(name="Tổ tự quản", topic=ModelTopic.CRIME_PREVENTION, unit="672",
...                   established_on=date(2022, 2, 1)),
...     SecurityModel(name="Camera an ninh", topic="camera", unit="672", established_on=date(2020, 5, 1),
...                   dissolved_on=date(2022, 4, 1), dissolution_reason=DissolutionReason.INEFFECTIVE),
... ]
>>> [(f.indicator.code, f.value.value) for f in model_figures(models, unit="672", period=Period.half_year(2022, 1))]
[('security_models_established', 1), ('security_models_dissolved', 1), ('security_models_active', 1)]
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Collection, Iterable
from typing import Any

import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_str, to_date, to_optional_date
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import Figure, Reporter
from anninh_toandan.indicator import (
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
)
from anninh_toandan.period import Period
from anninh_toandan.programme import DatingError, check_dating, instance_of, text
from anninh_toandan.quantity import Quantity

__all__ = ["DissolutionReason", "DissolvedModels", "ModelTopic", "SecurityModel", "model_figures"]

_MODEL_UNIT = "mô hình"


class ModelTopic(enum.Enum):
    """The standard topics of a security model; other topics are plain strings."""

    CRIME_PREVENTION = "crime_prevention"
    """Crime prevention and public order ("phòng chống tội phạm, đảm bảo an ninh trật tự")."""
    COVID_GREEN_ZONE = "covid_green_zone"
    """Protecting a Covid-19 "vùng xanh" (green zone) in residential areas."""


class DissolutionReason(enum.Enum):
    """Why a model was dissolved ("thanh loại")."""

    PERFUNCTORY = "perfunctory"
    """It worked only for form ("hoạt động cầm chừng")."""
    INEFFECTIVE = "ineffective"
    """It worked badly ("kém hiệu quả")."""
    MERGED = "merged"
    """It was merged into another model."""
    NO_LONGER_NEEDED = "no_longer_needed"
    """Its purpose ended (a Covid-19 model after the epidemic)."""
    OTHER = "other"
    """Any other reason."""


def _topic(value: Any) -> ModelTopic | str:
    if isinstance(value, ModelTopic):
        return value
    if isinstance(value, str):
        for member in ModelTopic:
            if member.value == value:
                return member
        check_str("topic", value)
        return value
    msg = f"'topic' must be a ModelTopic or a custom topic (str) (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


def _established_on(value: Any) -> pendulum.Date | None:
    return to_optional_date("established_on", value)


def _dissolved_on(value: Any) -> pendulum.Date | None:
    return to_optional_date("dissolved_on", value)


@frozen(kw_only=True)
class SecurityModel:
    """One community security model in one unit."""

    name: str = field(validator=text)
    """Its name as written."""
    topic: ModelTopic | str = field(converter=_topic)
    """A standard topic, or a custom one as a string."""
    unit: str = field(validator=text)
    """The code of its unit."""
    established_on: pendulum.Date | None = field(default=None, converter=_established_on)
    """The day it was established; ``None`` when it predates the records."""
    dissolved_on: pendulum.Date | None = field(default=None, converter=_dissolved_on)
    """The day it was dissolved; ``None`` while it is active."""
    dissolution_reason: DissolutionReason | None = field(
        default=None, validator=instance_of((DissolutionReason, type(None)), "a DissolutionReason or None")
    )
    """Why it was dissolved."""

    def __attrs_post_init__(self) -> None:
        if self.dissolved_on is None:
            if self.dissolution_reason is not None:
                msg = f"'dissolution_reason' needs a 'dissolved_on' date (got {self.dissolution_reason!r})"
                raise DatingError(msg)
        elif self.established_on is not None and self.dissolved_on < self.established_on:
            msg = (
                f"'dissolved_on' must not be before 'established_on' "
                f"(got {self.established_on} and {self.dissolved_on})"
            )
            raise DatingError(msg)

    def is_active_on(self, day: _dt.date) -> bool:
        """Whether it is active on *day*: established by then and not yet dissolved.

        >>> from datetime import date
        >>> m = SecurityModel(name="Tổ", topic="x", unit="1", dissolved_on=date(2022, 4, 1))
        >>> m.is_active_on(date(2022, 3, 31)), m.is_active_on(date(2022, 4, 1))
        (True, False)
        """
        d = to_date("day", day)
        started = self.established_on is None or self.established_on <= d
        return started and (self.dissolved_on is None or d < self.dissolved_on)


def _reason(value: Any) -> DissolutionReason | str:
    if isinstance(value, DissolutionReason):
        return value
    if isinstance(value, str):
        for member in DissolutionReason:
            if member.value == value:
                return member
        return check_str("reasons", value)
    kind = type(value).__name__
    msg = f"'reasons' must hold DissolutionReasons or custom reasons (str) (got {value!r} of type {kind})"
    raise ValidationTypeError(msg)


def _reasons(value: Any) -> tuple[DissolutionReason | str, ...]:
    if isinstance(value, str | DissolutionReason):
        value = (value,)
    return tuple(_reason(v) for v in value)


def _batch_on(value: Any) -> pendulum.Date | None:
    return to_optional_date("on", value)


def _optional_topic(value: Any) -> ModelTopic | str | None:
    return None if value is None else _topic(value)


def _period_or_none(_instance: object, attribute: Any, value: Any) -> None:
    instance_of((Period, type(None)), "a Period or None")(_instance, attribute, value)


@frozen(kw_only=True)
class DissolvedModels:
    """Models dissolved together ("thanh loại"), counted without their names, with the reasons.

    A review often gives only "thanh loại 8 mô hình hoạt động cầm chừng, kém
    hiệu quả": how many and why, not which. The reasons are data
    (:class:`DissolutionReason`, or a custom reason as a string), in the
    source's order.

    >>> from anninh_toandan.period import Period
    >>> d = DissolvedModels(unit="672", period=Period.half_year(2022, 1), count=Quantity.exact(8, "mô hình"),
    ...                     reasons=["perfunctory", DissolutionReason.INEFFECTIVE])
    >>> [r.value for r in d.reasons]
    ['perfunctory', 'ineffective']
    """

    unit: str = field(validator=text)
    """The code of the unit whose models they were."""
    count: Quantity = field(validator=instance_of(Quantity, "a Quantity"))
    """How many ("8 mô hình")."""
    on: pendulum.Date | None = field(default=None, converter=_batch_on)
    """The day they were dissolved, or ``None`` when dated by :attr:`period`."""
    period: Period | None = field(default=None, validator=_period_or_none)
    """The period they were dissolved in, or ``None`` when dated by :attr:`on`."""
    reasons: tuple[DissolutionReason | str, ...] = field(default=(), converter=_reasons)
    """Why, in the source's order ("hoạt động cầm chừng, kém hiệu quả": perfunctory, ineffective)."""
    topic: ModelTopic | str | None = field(default=None, converter=_optional_topic)
    """Their topic, if stated."""

    def __attrs_post_init__(self) -> None:
        check_dating(self.on, self.period)
        if self.count.is_money:
            msg = f"'count' must be a count of models, not money (got {self.count!r})"
            raise ValidationTypeError(msg)


def model_figures(
    models: Iterable[SecurityModel],
    *,
    unit: str,
    period: Period,
    units: Collection[str] | None = None,
    topics: Collection[ModelTopic | str] | None = None,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """Models established and dissolved in *period*, and active at its end.

    Models of the units in *units* (default: *unit*) and, if given, of the
    *topics* are counted; the figures are attributed to *unit*. With no such
    model at all there are no figures (not zeros).
    """
    members = {unit} if units is None else set(units)
    chosen = [m for m in models if m.unit in members and (topics is None or m.topic in topics)]
    if not chosen:
        return ()
    established = sum(1 for m in chosen if m.established_on is not None and m.established_on in period)
    dissolved = sum(1 for m in chosen if m.dissolved_on is not None and m.dissolved_on in period)
    active = sum(1 for m in chosen if m.is_active_on(period.end))

    def fig(indicator: Any, n: int) -> Figure:
        return Figure.reported(indicator, unit, period, Quantity.exact(n, _MODEL_UNIT), reported_by=reported_by)

    return (
        fig(SECURITY_MODELS_ESTABLISHED, established),
        fig(SECURITY_MODELS_DISSOLVED, dissolved),
        fig(SECURITY_MODELS_ACTIVE, active),
    )
