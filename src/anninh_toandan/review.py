"""The review: a meeting that takes stock of a programme for a unit and a period.

A :class:`Review` ("hội nghị sơ kết" / "tổng kết") records the programme, the
unit and period reviewed, the kind (:class:`ReviewKind`), the meeting's date,
place and chairs, its figures and its narrative: the :class:`Situation` (with
the crime types it names), results, strengths, shortcomings, causes,
directions for the next period and proposals. It may also carry the records
its figures come from (activities, security models, tips, funds).

The narrative is text as the source writes it; the figures are typed
(:class:`~anninh_toandan.figures.FigureSet`).

>>> from datetime import date
>>> from anninh_toandan.figures import Figure
>>> from anninh_toandan.indicator import TIPS_RECEIVED
>>> from anninh_toandan.period import Period
>>> from anninh_toandan.programme import to_tuple, Organisation, OrganisationKind, Programme
>>> from anninh_toandan.quantity import Quantity
>>> h1 = Period.half_year(2022, 1)
>>> prog = Programme(number="06", title="Đẩy mạnh phong trào", signed_on=date(2014, 3, 6),
...                  parties=[Organisation(kind=OrganisationKind.POLICE, name="Công an tỉnh")])
>>> r = Review(programme=prog, unit="672", period=h1, kind=ReviewKind.INTERIM, held_on=date(2022, 7, 12),
...            figures=[Figure.reported(TIPS_RECEIVED, "672", h1, Quantity.exact(274, "tin"))])
>>> r.figures.value("tips_received", "672", h1)
Quantity.exact(274, 'tin')
>>> [x.rule.code for x in r.validate() if x.is_problem]
[]
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Collection, Iterable
from typing import Any

import attrs
import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_instance, to_date
from anninh_toandan.activity import Activity, activity_figures
from anninh_toandan.charity import CharityFund, fund_figures
from anninh_toandan.figures import Figure, FigureSet, Finding, Reporter
from anninh_toandan.indicator import (
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, Person, Programme, each, instance_of, optional_text, text, to_tuple
from anninh_toandan.rules import (
    FIGURES_WITHIN_REVIEW_PERIOD,
    REVIEW_RULES,
    Rule,
    RuleResult,
    check_part_of_whole,
    check_rules,
    check_stock_flow,
)
from anninh_toandan.security_model import SecurityModel, model_figures
from anninh_toandan.tip import CrimeType, Tip, crime_type, tip_figures

__all__ = ["Review", "ReviewKind", "Situation"]


class ReviewKind(enum.Enum):
    """Whether a review is interim or final."""

    INTERIM = "interim"
    """An interim review ("sơ kết"), such as the six-monthly one."""
    FINAL = "final"
    """A final or annual review ("tổng kết")."""


def _crime_types(value: Any) -> tuple[CrimeType | str, ...]:
    return tuple(crime_type(v) for v in value)


def _texts(_instance: object, attribute: Any, value: Any) -> None:
    each(str, "a str")(_instance, attribute, value)


@frozen(kw_only=True)
class Situation:
    """The security situation a review describes, with the crime types it names."""

    text: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """The description, one item per statement, as written."""
    crime_types: tuple[CrimeType | str, ...] = field(default=(), converter=_crime_types)
    """The crime types it names (standard or custom), in the source's order."""


def _figure_set(value: Any) -> FigureSet:
    return value if isinstance(value, FigureSet) else FigureSet(value)


def _held_on(value: Any) -> pendulum.Date:
    return to_date("held_on", value)


@frozen(kw_only=True)
class Review:
    """A review meeting of a programme for one unit and one period."""

    programme: Programme = field(validator=instance_of(Programme, "a Programme"))
    """The programme reviewed."""
    unit: str = field(validator=text)
    """The code of the unit whose results are reviewed."""
    period: Period = field(validator=instance_of(Period, "a Period"))
    """The period reviewed."""
    kind: ReviewKind = field(validator=instance_of(ReviewKind, "a ReviewKind"))
    """Interim ("sơ kết") or final ("tổng kết")."""
    held_on: pendulum.Date = field(converter=_held_on)
    """The day of the meeting."""
    unit_name: str | None = field(default=None, validator=optional_text)
    """The unit's name as the source writes it ("TP Bảo Lộc"), for reports."""
    place: str | None = field(default=None, validator=optional_text)
    """Where the meeting was held, if stated."""
    organisers: tuple[Organisation, ...] = field(
        default=(), converter=to_tuple, validator=each(Organisation, "an Organisation")
    )
    """Who held the meeting."""
    chairs: tuple[Person, ...] = field(default=(), converter=to_tuple, validator=each(Person, "a Person"))
    """Who chaired it, in the source's order."""
    figures: FigureSet = field(factory=FigureSet, converter=_figure_set)
    """Its figures."""
    situation: Situation = field(factory=Situation, validator=instance_of(Situation, "a Situation"))
    """The situation it describes."""
    results: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """Results achieved ("kết quả đạt được"), in words; the numbers are in :attr:`figures`."""
    strengths: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """Strengths ("ưu điểm")."""
    shortcomings: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """Shortcomings ("tồn tại, hạn chế")."""
    causes: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """Causes of the shortcomings ("nguyên nhân")."""
    directions: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """Directions and tasks for the next period ("phương hướng, nhiệm vụ")."""
    proposals: tuple[str, ...] = field(default=(), converter=to_tuple, validator=_texts)
    """Proposals ("kiến nghị, đề xuất")."""
    activities: tuple[Activity, ...] = field(default=(), converter=to_tuple, validator=each(Activity, "an Activity"))
    """Activity records behind the figures, if any."""
    security_models: tuple[SecurityModel, ...] = field(
        default=(), converter=to_tuple, validator=each(SecurityModel, "a SecurityModel")
    )
    """Security model records, if any."""
    tips: tuple[Tip, ...] = field(default=(), converter=to_tuple, validator=each(Tip, "a Tip"))
    """Tip records, if any."""
    funds: tuple[CharityFund, ...] = field(default=(), converter=to_tuple, validator=each(CharityFund, "a CharityFund"))
    """Charity fund records, if any."""
    source: str | None = field(default=None, validator=optional_text)
    """Where the review comes from (a newspaper article, a report number)."""

    def figure(self, indicator: Indicator | str) -> Figure | None:
        """The review's own figure for *indicator* (for its unit and period)."""
        return self.figures.get(indicator, self.unit, self.period)

    def record_figures(
        self, *, units: Collection[str] | None = None, reported_by: Reporter | None = None
    ) -> tuple[Figure, ...]:
        """The figures that the review's records give for its unit and period.

        *units* are the unit codes whose records count (default: the review's
        unit alone).
        """
        kw: dict[str, Any] = {"unit": self.unit, "period": self.period, "units": units, "reported_by": reported_by}
        return (
            *activity_figures(self.activities, **kw),
            *model_figures(self.security_models, **kw),
            *tip_figures(self.tips, **kw),
            *fund_figures(self.funds, **kw),
        )

    def check(self) -> tuple[Finding, ...]:
        """Deprecated: use :meth:`validate`, which gives these checks and every other.

        Consistency findings on the review's own figures: a model total that
        the models established and dissolved cannot explain, or cannot be
        checked for lack of an opening figure (in :meth:`validate`, the stock
        identity's result with :attr:`~anninh_toandan.rules.RuleResult.readings`),
        and valuable tips that exceed the tips received.
        """
        warnings.warn(
            "Review.check() is deprecated: use Review.validate() (the stock/flow ambiguity is the stock "
            "identity's result with RuleResult.readings)",
            DeprecationWarning,
            stacklevel=2,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return self._findings()

    def _findings(self) -> tuple[Finding, ...]:
        findings = [
            check_stock_flow(
                self.figures,
                stock=SECURITY_MODELS_ACTIVE,
                inflow=SECURITY_MODELS_ESTABLISHED,
                outflow=SECURITY_MODELS_DISSOLVED,
                unit=self.unit,
                period=self.period,
            ),
            check_part_of_whole(
                self.figures, part=TIPS_VALUABLE, whole=TIPS_RECEIVED, unit=self.unit, period=self.period
            ),
        ]
        return tuple(f for f in findings if f is not None)

    def validate(
        self,
        rules: Iterable[Rule] | None = None,
        *,
        compare: FigureSet | Review | None = None,
        compare_period: Period | None = None,
        consistency: bool = True,
    ) -> tuple[RuleResult, ...]:
        """Every check on the review: the rules on its own figures, then the consistency of the review.

        *rules* default to the standard rules
        (:data:`~anninh_toandan.rules.STANDARD_RULES`); the meeting day is
        given to them as the fact ``held_on``. The stock/flow ambiguity (a
        model total that cannot be checked for lack of an opening figure) is
        the stock identity's result, with its two readings in
        :attr:`~anninh_toandan.rules.RuleResult.readings`.

        Unless *consistency* is false, the results of
        :data:`~anninh_toandan.rules.REVIEW_RULES` follow: the review has
        figures for its period (its own or its records'); no figure lies outside
        it (the period before and the same period last year, which rules read,
        are allowed; the result lists the others in ``figures``); and, when
        *compare* (a figure set or a review, as for a report) is given, it has
        figures of the unit for *compare_period* (default: the same period last
        year). See ``docs/validation.md``.

        >>> from anninh_toandan.datasets import bao_loc_2022_h1
        >>> [(x.rule.code, x.outcome.value) for x in bao_loc_2022_h1().validate()][:2]
        [('tips_valuable_within_received', 'satisfied'), ('models_dissolved_within_available', 'not_evaluated')]
        >>> [(x.rule.code, x.outcome.value) for x in bao_loc_2022_h1().validate()][-3:]
        [('review_has_figures', 'satisfied'), ('figures_within_review_period', 'satisfied'), \
('comparison_has_base', 'not_evaluated')]
        """
        facts: dict[str, Any] = {"held_on": self.held_on}
        results = check_rules(self.figures, rules, unit=self.unit, period=self.period, facts=facts)
        if not consistency:
            return results
        return results + self._consistency(compare, compare_period)

    def _consistency(self, compare: FigureSet | Review | None, compare_period: Period | None) -> tuple[RuleResult, ...]:
        """The results of the review rules, with the facts they read."""
        period = self.period
        allowed = {period.previous(), period.same_period_last_year()}
        inside = [f for f in self.figures if f.period in period]
        outside = tuple(f for f in self.figures if f.period not in period and f.period not in allowed)
        facts: dict[str, Any] = {
            "figures_in_period": len(inside) or len(self.record_figures()),
            "figures_outside_period": len(outside),
        }
        if compare is not None:
            base = (
                compare.figures
                if isinstance(compare, Review)
                else check_instance("compare", compare, FigureSet, "a FigureSet, a Review or None")
            )
            when = compare_period or period.same_period_last_year()
            facts["base_figures"] = sum(1 for f in base.select(unit=self.unit, period=when) if f.value is not None)
        out = check_rules(self.figures, REVIEW_RULES, unit=self.unit, period=period, facts=facts)
        return tuple(attrs.evolve(r, figures=outside) if r.rule is FIGURES_WITHIN_REVIEW_PERIOD else r for r in out)

    def redacted(self) -> Review:
        """The same review with every tip's content removed."""
        if all(t.content is None for t in self.tips):
            return self
        return attrs.evolve(self, tips=tuple(t.redacted() for t in self.tips))

    def with_figures(self, figures: Iterable[Figure]) -> Review:
        """The same review with *figures* added to its own."""
        return attrs.evolve(self, figures=self.figures.with_figures(figures))
