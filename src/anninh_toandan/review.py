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

import datetime as _dt
import enum
import warnings
from collections.abc import Collection, Iterable
from typing import Any

import attrs
import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_instance, to_date
from anninh_toandan.activity import Activity, activity_figures
from anninh_toandan.aggregate import Aggregate, Rollup
from anninh_toandan.charity import CharityFund, Disbursement, SharedAmount, fund_figures, support_figures
from anninh_toandan.figures import Figure, FigureSet, Finding, Reporter
from anninh_toandan.indicator import (
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.orgunit import Hierarchy, Level, OrgUnit, UnitKind
from anninh_toandan.period import Period, PeriodKind
from anninh_toandan.programme import (
    Organisation,
    OrganisationKind,
    Passage,
    Person,
    Programme,
    RecordError,
    each,
    instance_of,
    optional_text,
    passages,
    text,
    to_passages,
    to_tuple,
)
from anninh_toandan.rules import (
    FIGURES_WITHIN_REVIEW_PERIOD,
    REVIEW_RULES,
    Rule,
    RuleResult,
    check_part_of_whole,
    check_rules,
    check_stock_flow,
)
from anninh_toandan.security_model import DissolvedModels, SecurityModel, model_figures
from anninh_toandan.tip import CrimeType, Tip, crime_type, tip_figures

__all__ = [
    "DISTRICT_POLICE_ENDED",
    "Review",
    "ReviewError",
    "ReviewKind",
    "Situation",
    "default_held_on",
    "parent_body",
    "unit_bodies",
]

DISTRICT_POLICE_ENDED = pendulum.Date(2025, 3, 1)
"""The first day without district-level police: from then on a commune's police report to the province's."""


class ReviewError(RecordError):
    """A review cannot be made as asked (an unknown unit, no programme to review)."""


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


def _aggregates(value: Any) -> tuple[Aggregate, ...]:
    return tuple(value)


def _body_name(kind: OrganisationKind, unit: OrgUnit) -> str:
    place = unit.name if unit.kind is UnitKind.COUNTRY else f"{unit.kind.value} {unit.name}"
    if kind is OrganisationKind.POLICE:
        return f"Công an {place}" if unit.level is not Level.NATION else "Bộ Công an"
    return (
        f"Ủy ban Mặt trận Tổ quốc Việt Nam {place}"
        if unit.level is not Level.NATION
        else ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")
    )


def unit_bodies(unit: OrgUnit) -> tuple[Organisation, Organisation]:
    """The police and the Fatherland Front committee of *unit*, named as offices write them.

    >>> police, front = unit_bodies(Hierarchy.bundled()["24814"])
    >>> police.name, front.name
    ('Công an phường Lộc Phát', 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Lộc Phát')
    """
    if not isinstance(unit, OrgUnit):
        msg = f"'unit' must be an OrgUnit (got {unit!r} of type {type(unit).__name__})"
        raise ReviewError(msg)
    return (
        Organisation(kind=OrganisationKind.POLICE, name=_body_name(OrganisationKind.POLICE, unit), unit=unit.code),
        Organisation(
            kind=OrganisationKind.FATHERLAND_FRONT,
            name=_body_name(OrganisationKind.FATHERLAND_FRONT, unit),
            unit=unit.code,
        ),
    )


def parent_body(
    body: Organisation, hierarchy: Hierarchy, *, on: _dt.date, known: Iterable[Organisation] = ()
) -> Organisation | None:
    """The body *body* reports to on *on*: the body of the same kind of the unit above its own.

    The unit above is the hierarchy's, on that day. Police skip the district
    level from :data:`DISTRICT_POLICE_ENDED` (2025-03-01), when district-level
    police ended and commune police came under the province's. A body of the
    same kind and unit among *known* (a programme's parties, say) is used as
    named there; otherwise the name is made from the unit. ``None`` when
    *body* has no unit in *hierarchy*, nothing above it, or is neither police
    nor a Front committee.

    >>> from datetime import date
    >>> h = Hierarchy.bundled()
    >>> ward_police, _ = unit_bodies(h["24814"])
    >>> parent_body(ward_police, h, on=date(2022, 6, 30)).name
    'Công an thành phố Bảo Lộc'
    >>> parent_body(ward_police, h, on=date(2025, 6, 30)).name
    'Công an tỉnh Lâm Đồng'
    """
    if body.kind not in (OrganisationKind.POLICE, OrganisationKind.FATHERLAND_FRONT) or body.unit is None:
        return None
    if body.unit not in hierarchy:
        return None
    day = to_date("on", on)
    for above in hierarchy.ancestors(body.unit):
        if above.level is Level.NATION:
            return None
        if body.kind is OrganisationKind.POLICE and above.level is Level.DISTRICT and day >= DISTRICT_POLICE_ENDED:
            continue
        for candidate in known:
            if candidate.kind is body.kind and candidate.unit == above.code:
                return candidate
        return Organisation(kind=body.kind, name=_body_name(body.kind, above), unit=above.code)
    return None


#: Public holidays on a fixed day of the solar calendar (Bộ luật Lao động 2019, Điều 112): New Year's
#: Day, Reunification Day, Labour Day, National Day. Tết Nguyên đán and the second day of National
#: Day move from year to year and are not known here: give ``held_on`` when they matter.
_FIXED_HOLIDAYS = frozenset({(1, 1), (4, 30), (5, 1), (9, 2)})


def default_held_on(period: Period) -> pendulum.Date:
    """The meeting day :meth:`Review.from_figures` assumes: the first working day after *period* ends.

    Weekends and the fixed public holidays are skipped; a holiday that falls on a weekend gives the
    next working day off ("nghỉ bù", Bộ luật Lao động 2019, Điều 111).

    >>> default_held_on(Period.half_year(2022, 1))   # 30/6/2022 was a Thursday
    Date(2022, 7, 1)
    >>> default_held_on(Period.half_year(2025, 2))   # 1/1/2026, a Thursday, is New Year's Day
    Date(2026, 1, 2)
    >>> default_held_on(Period.year(2022))           # 1/1/2023 was a Sunday: 2/1 was given off
    Date(2023, 1, 3)
    >>> default_held_on(Period.month(2022, 4))       # 30/4 and 1/5/2022 fell on a weekend
    Date(2022, 5, 4)
    """
    end = pendulum.Date(period.end.year, period.end.month, period.end.day)
    day, owed = end.subtract(days=6), 0  # a holiday just before the end may owe a day after it
    while True:
        weekend = day.isoweekday() > 5
        if (day.month, day.day) in _FIXED_HOLIDAYS:
            owed += weekend
        elif not weekend:
            if not owed and day > end:
                return day
            owed = max(owed - 1, 0)
        day = day.add(days=1)


_LAM_DONG = "68"


def _default_programme(unit: OrgUnit, hierarchy: Hierarchy) -> Programme:
    """Chương trình phối hợp số 06 ngày 06/3/2014 of Lâm Đồng, for units of Lâm Đồng; else an error."""
    chain = (unit, *hierarchy.ancestors(unit.code))
    province = next((u for u in chain if u.level is Level.PROVINCE), None)
    if province is None or (province.official_code or province.code) != _LAM_DONG:
        where = unit.full_name if province is None else f"{unit.full_name} ({province.full_name})"
        msg = (
            f"'programme' must be given for {where}: the library knows the programme of Lâm Đồng only "
            f"(unit {unit.code!r})"
        )
        raise ReviewError(msg)
    police, front = unit_bodies(province)
    return Programme(
        number="06",
        title="Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
        signed_on=pendulum.Date(2014, 3, 6),
        parties=[police, front],
        units=[province.code],
    )


def _overlaps(figure: Figure, period: Period) -> bool:
    return figure.period.start <= period.end and figure.period.end >= period.start


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
    aggregates: tuple[Aggregate, ...] = field(
        default=(), converter=_aggregates, validator=each(Aggregate, "an Aggregate")
    )
    """The roll-ups its figures were made from, each with its completeness (see :meth:`from_figures`).

    A figure alone cannot say that 2 of 11 wards did not report; its
    aggregate can, and reports word it from here (:meth:`aggregate`). Empty
    for a review whose figures were stated, not rolled up.
    """

    @classmethod
    def from_figures(
        cls,
        figures: FigureSet | Iterable[Figure],
        *,
        unit: str,
        period: Period,
        hierarchy: Hierarchy | None = None,
        programme: Programme | None = None,
        on: _dt.date | None = None,
        **details: Any,
    ) -> Review:
        """The review of *unit* for *period*, made from the figures of the units below it.

        Every indicator with a figure in *period* is rolled up over *unit*'s
        source units in *hierarchy* (default: the bundled units) with
        :class:`~anninh_toandan.aggregate.Rollup`. The review keeps each
        :class:`~anninh_toandan.aggregate.Aggregate` in :attr:`aggregates`
        (units expected, units reporting, which did not), and its figures
        are the aggregates' honest totals (:meth:`Aggregate.to_figure`).

        *on* is the day whose units count (default: the period's own dates).
        Give the day of a restructure to review a unit of today for a period
        before it existed, from figures put on today's units with
        :func:`~anninh_toandan.aggregate.map_to_successors`: the base of a
        comparison across the 2025 merge, whose completeness then names the
        former units that gave no figures.

        Defaults, each of which a keyword in *details* replaces:

        * ``organisers``: the police and the Fatherland Front committee of
          *unit* (:func:`unit_bodies`); the report's issuer is the first,
          and its parent body follows the hierarchy (:func:`parent_body`);
        * ``programme``: Chương trình phối hợp số 06 ngày 06/3/2014 of Lâm
          Đồng's police and Front for units of Lâm Đồng; elsewhere it must be
          given;
        * ``kind``: final ("tổng kết") for a year, interim ("sơ kết") otherwise;
        * ``held_on``: the first working day after the period
          (:func:`default_held_on`);
        * ``unit_name``: the unit's full name ("Thành phố Bảo Lộc").

        >>> from anninh_toandan.indicator import OUTREACH_SESSIONS
        >>> from anninh_toandan.quantity import Quantity
        >>> h1 = Period.half_year(2022, 1)
        >>> wards = ["24823", "24820", "24814", "24826", "24829", "24832", "24835", "24841", "24844"]
        >>> fs = [Figure.reported(OUTREACH_SESSIONS, w, h1, Quantity.exact(10, "buổi")) for w in wards]
        >>> r = Review.from_figures(fs, unit="673", period=h1)
        >>> r.figure(OUTREACH_SESSIONS).value, r.kind.name, r.held_on, r.organisers[0].name
        (Quantity.more_than(90, 'buổi'), 'INTERIM', Date(2022, 7, 1), 'Công an thành phố Bảo Lộc')
        >>> c = r.aggregate(OUTREACH_SESSIONS).completeness
        >>> c.units_reporting, c.units, c.missing_units
        (9, 11, ('24817', '24838'))
        """
        fs = _figure_set(figures)
        if not isinstance(period, Period):
            msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
            raise ReviewError(msg)
        if hierarchy is not None and not isinstance(hierarchy, Hierarchy):
            msg = f"'hierarchy' must be a Hierarchy or None (got {type(hierarchy).__name__})"
            raise ReviewError(msg)
        units = hierarchy if hierarchy is not None else Hierarchy.bundled()
        target = units.get(unit) if isinstance(unit, str) else None
        if target is None:
            msg = f"'unit' must be a unit code of the hierarchy (got {unit!r})"
            raise ReviewError(msg)
        engine = Rollup(fs, units, on=on)
        present = list(dict.fromkeys(f.indicator for f in fs if _overlaps(f, period)))
        aggregates = tuple(engine.aggregate(i, unit=unit, period=period) for i in present)
        fields: dict[str, Any] = {
            "programme": programme if programme is not None else _default_programme(target, units),
            "unit": unit,
            "period": period,
            "kind": ReviewKind.FINAL if period.kind is PeriodKind.YEAR else ReviewKind.INTERIM,
            "held_on": default_held_on(period),
            "unit_name": target.full_name,
            "organisers": unit_bodies(target),
            "figures": [a.to_figure() for a in aggregates],
            "aggregates": aggregates,
        }
        fields.update(details)
        return cls(**fields)

    def aggregate(self, indicator: Indicator | str) -> Aggregate | None:
        """The roll-up behind the review's figure for *indicator*, with its completeness, if it has one."""
        code = indicator.code if isinstance(indicator, Indicator) else indicator
        for a in self.aggregates:
            if a.indicator.code == code and a.unit == self.unit and a.period == self.period:
                return a
        return None

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
