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
>>> r.check()
()
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from typing import Any

import attrs
import pendulum
from attrs import field, frozen

from anninh_toandan._checks import to_date
from anninh_toandan.activity import Activity, activity_figures
from anninh_toandan.charity import CharityFund, Disbursement, SharedAmount, fund_figures, support_figures
from anninh_toandan.figures import (
    Figure,
    FigureSet,
    Finding,
    Reporter,
    check_part_of_whole,
    check_stock_flow,
)
from anninh_toandan.indicator import (
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.period import Period
from anninh_toandan.programme import (
    Organisation,
    Passage,
    Person,
    Programme,
    each,
    instance_of,
    optional_text,
    passages,
    text,
    to_passages,
    to_tuple,
)
from anninh_toandan.rules import Rule, RuleResult, check_rules
from anninh_toandan.security_model import DissolvedModels, SecurityModel, model_figures
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


@frozen(kw_only=True)
class Situation:
    """The security situation a review describes, with the crime types it names."""

    text: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """The description, one passage per statement, in office style ("Tuy nhiên, …" kept in its passage)."""
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
    results: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Results achieved ("kết quả đạt được"), in words; the numbers are in :attr:`figures`.

    A passage's :attr:`~anninh_toandan.programme.Passage.about` names the
    indicators it speaks of; a passage about none is a general statement."""
    strengths: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Strengths ("ưu điểm"), as the reporting office states them."""
    shortcomings: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Shortcomings ("tồn tại, hạn chế")."""
    causes: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Causes of the shortcomings ("nguyên nhân") not classed as objective or subjective."""
    objective_causes: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Objective causes ("nguyên nhân khách quan")."""
    subjective_causes: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Subjective causes ("nguyên nhân chủ quan")."""
    directions: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Directions and tasks for the next period ("phương hướng, nhiệm vụ")."""
    proposals: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """Proposals ("kiến nghị, đề xuất")."""
    remarks: tuple[Passage, ...] = field(default=(), converter=to_passages, validator=passages)
    """What the chairs said in concluding the meeting ("ghi nhận, biểu dương …").

    These are the chairs' words, not the office's own assessment."""
    activities: tuple[Activity, ...] = field(default=(), converter=to_tuple, validator=each(Activity, "an Activity"))
    """Activity records behind the figures, if any."""
    security_models: tuple[SecurityModel, ...] = field(
        default=(), converter=to_tuple, validator=each(SecurityModel, "a SecurityModel")
    )
    """Security model records, if any."""
    dissolved_models: tuple[DissolvedModels, ...] = field(
        default=(), converter=to_tuple, validator=each(DissolvedModels, "a DissolvedModels")
    )
    """Models dissolved together, with the reasons, where the source does not name them."""
    tips: tuple[Tip, ...] = field(default=(), converter=to_tuple, validator=each(Tip, "a Tip"))
    """Tip records, if any."""
    funds: tuple[CharityFund, ...] = field(default=(), converter=to_tuple, validator=each(CharityFund, "a CharityFund"))
    """Charity fund records, if any."""
    support: tuple[Disbursement, ...] = field(
        default=(), converter=to_tuple, validator=each(Disbursement, "a Disbursement")
    )
    """Support given (houses, scholarships, gifts, production support) that the source ties to no fund."""
    shared_amounts: tuple[SharedAmount, ...] = field(
        default=(), converter=to_tuple, validator=each(SharedAmount, "a SharedAmount")
    )
    """Amounts that several kinds of :attr:`support` share ("trị giá hàng trăm triệu đồng")."""
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
            *support_figures(self.support, **kw),
        )

    def check(self) -> tuple[Finding, ...]:
        """Consistency findings on the review's own figures.

        It flags a model total that the models established and dissolved cannot
        explain, or cannot be checked for lack of an opening figure (the Bảo
        Lộc review's "19 models" is such a case), and valuable tips that exceed
        the tips received.
        """
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

    def validate(self, rules: Iterable[Rule] | None = None) -> tuple[RuleResult, ...]:
        """The validation rules' results on the review's own figures (default: the standard rules).

        The meeting day is given to the rules as the fact ``held_on``. See
        ``docs/validation.md``.

        >>> from anninh_toandan.datasets import bao_loc_2022_h1
        >>> [(x.rule.code, x.outcome.value) for x in bao_loc_2022_h1().validate()][:2]
        [('tips_valuable_within_received', 'satisfied'), ('models_dissolved_within_available', 'not_evaluated')]
        """
        return check_rules(self.figures, rules, unit=self.unit, period=self.period, facts={"held_on": self.held_on})

    def redacted(self) -> Review:
        """The same review with every tip's content removed."""
        if all(t.content is None for t in self.tips):
            return self
        return attrs.evolve(self, tips=tuple(t.redacted() for t in self.tips))

    def with_figures(self, figures: Iterable[Figure]) -> Review:
        """The same review with *figures* added to its own."""
        return attrs.evolve(self, figures=self.figures.with_figures(figures))
