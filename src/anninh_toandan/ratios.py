"""Derived indicators: ratios of two indicators, rolled up first and divided after.

A :class:`Ratio` names a numerator and a denominator indicator; a
:class:`RatioValue` is both aggregates for one unit and period, and their
:class:`~anninh_toandan.results.Share`. :data:`STANDARD_RATIOS` are the
programme's.

>>> VALUABLE_TIP_RATE.numerator.code, VALUABLE_TIP_RATE.denominator.code
('tips_valuable', 'tips_received')
"""

from __future__ import annotations

from attrs import field, frozen

from anninh_toandan._checks import check_str
from anninh_toandan.indicator import (
    CASES_CLARIFIED,
    OUTREACH_REACH,
    OUTREACH_SESSIONS,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.results import Aggregate, Share

__all__ = [
    "CASES_PER_VALUABLE_TIP",
    "REACH_PER_SESSION",
    "STANDARD_RATIOS",
    "VALUABLE_TIP_RATE",
    "Ratio",
    "RatioValue",
]


@frozen(kw_only=True)
class Ratio:
    """A derived indicator: a numerator indicator over a denominator indicator.

    Both are rolled up first, then divided (principle 5): the valuable-tip
    rate of a province is its valuable tips over its tips, never the average
    of its wards' rates.
    """

    code: str = field(validator=lambda _i, _a, v: check_str("code", v))
    name_vi: str
    name_en: str
    numerator: Indicator
    denominator: Indicator
    percent: bool = True
    """Whether it reads as a percentage ("36,5%") rather than a rate ("0,44 vụ việc/tin")."""


VALUABLE_TIP_RATE = Ratio(
    code="valuable_tip_rate",
    name_vi="Tỷ lệ tin có giá trị",
    name_en="Valuable-tip rate",
    numerator=TIPS_VALUABLE,
    denominator=TIPS_RECEIVED,
)
CASES_PER_VALUABLE_TIP = Ratio(
    code="cases_per_valuable_tip",
    name_vi="Vụ việc được làm rõ trên mỗi tin có giá trị",
    name_en="Cases clarified per valuable tip",
    numerator=CASES_CLARIFIED,
    denominator=TIPS_VALUABLE,
    percent=False,
)
REACH_PER_SESSION = Ratio(
    code="reach_per_session",
    name_vi="Lượt người nghe trên mỗi buổi tuyên truyền",
    name_en="People reached per outreach session",
    numerator=OUTREACH_REACH,
    denominator=OUTREACH_SESSIONS,
    percent=False,
)
#: The programme's derived indicators.
STANDARD_RATIOS: tuple[Ratio, ...] = (VALUABLE_TIP_RATE, CASES_PER_VALUABLE_TIP, REACH_PER_SESSION)


@frozen(kw_only=True)
class RatioValue:
    """A :class:`Ratio` for a unit and period: both aggregates and their :class:`Share`."""

    ratio: Ratio
    numerator: Aggregate
    denominator: Aggregate

    @property
    def share(self) -> Share | None:
        """Numerator over denominator, or ``None`` when either has no reported value."""
        n, d = self.numerator.value, self.denominator.value
        if n is None or d is None:
            return None
        return Share(numerator=n, denominator=d)

    @property
    def is_complete(self) -> bool:
        """Whether both aggregates are complete."""
        return self.numerator.is_complete and self.denominator.is_complete
