"""Hypothesis strategies for the library's values.

Core strategies (quantities, periods, units) come first; strategies for the
measures and domain layers build on them further down.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from anninh_toandan import Calendar, Period, Qualifier, Quantity

UNITS = ("lượt", "buổi", "bản", "bài viết", "tin", "vụ việc", "mô hình", "nhà", "phần quà", "đồng")

calendars = st.sampled_from(list(Calendar))
years = st.integers(min_value=1990, max_value=2100)


@st.composite
def quantities(draw: st.DrawFn, unit: str | None = None, max_value: int = 10**12) -> Quantity:
    """A quantity built by one of the named constructors."""
    u = unit if unit is not None else draw(st.sampled_from(UNITS))
    q = draw(st.sampled_from(list(Qualifier)))
    if q is Qualifier.ORDER_OF:
        exponent = draw(st.integers(min_value=1, max_value=len(str(max_value)) - 1))
        return Quantity.order_of(10**exponent, u)
    if q is Qualifier.NEARLY:
        return Quantity.nearly(draw(st.integers(min_value=1, max_value=max_value)), u)
    n = draw(st.integers(min_value=0, max_value=max_value))
    return {
        Qualifier.EXACT: Quantity.exact,
        Qualifier.MORE_THAN: Quantity.more_than,
        Qualifier.ABOUT: Quantity.about,
    }[q](n, u)


@st.composite
def bounded_quantities(draw: st.DrawFn, unit: str = "lượt") -> Quantity:
    """A quantity from constructors or from sums of them (which may carry extra bounds)."""
    parts = draw(st.lists(quantities(unit=unit, max_value=10**6), min_size=1, max_size=4))
    return sum(parts[1:], parts[0])


@st.composite
def true_value(draw: st.DrawFn, q: Quantity) -> int:
    """A true value that *q*'s bounds allow."""
    low = q.low if q.low is not None else 0
    high = q.high if q.high is not None else low + 10**7
    return draw(st.integers(min_value=low, max_value=high))


@st.composite
def periods(draw: st.DrawFn, calendar: Calendar | None = None) -> Period:
    """A period of any kind, on either calendar."""
    cal = calendar if calendar is not None else draw(calendars)
    y = draw(years)
    kind = draw(st.sampled_from(["month", "quarter", "half", "nine", "year", "custom"]))
    if kind == "month":
        return Period.month(y, draw(st.integers(1, 12)), calendar=cal)
    if kind == "quarter":
        return Period.quarter(y, draw(st.integers(1, 4)), calendar=cal)
    if kind == "half":
        return Period.half_year(y, draw(st.integers(1, 2)), calendar=cal)
    if kind == "nine":
        return Period.nine_months(y, calendar=cal)
    if kind == "year":
        return Period.year(y, calendar=cal)
    start = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=800))
    return Period.between(start, start + dt.timedelta(days=length), calendar=cal)


standard_periods = periods().filter(lambda p: p.kind.value != "custom")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


# -- measures and domain -------------------------------------------------------

from anninh_toandan.activity import Activity, ActivityKind  # noqa: E402
from anninh_toandan.charity import (  # noqa: E402
    CharityFund,
    Contribution,
    Disbursement,
    DisbursementPurpose,
    SharedAmount,
)
from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter  # noqa: E402
from anninh_toandan.indicator import (  # noqa: E402
    STANDARD_INDICATORS,
    Indicator,
    TimeAggregation,
    UnitAggregation,
    online_posts_on,
)
from anninh_toandan.programme import Organisation, OrganisationKind, Passage, Person, Programme  # noqa: E402
from anninh_toandan.review import Review, ReviewKind, Situation  # noqa: E402
from anninh_toandan.security_model import (  # noqa: E402
    DissolutionReason,
    DissolvedModels,
    ModelTopic,
    SecurityModel,
)
from anninh_toandan.tip import CrimeType, Tip  # noqa: E402

#: Non-blank text of any script (Vietnamese included).
texts = st.text(min_size=1, max_size=12).filter(lambda s: bool(s.strip()))
unit_codes = st.one_of(st.sampled_from(["673", "68", "24823", "24820"]), st.from_regex(r"\A[0-9A-Za-z-]{1,8}\Z"))
codes = st.from_regex(r"\A[a-z][a-z0-9_]{0,10}(\.[a-z0-9][a-z0-9_]{0,5})?\Z")


def _optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


custom_indicators = st.builds(
    Indicator,
    code=codes.filter(lambda c: c not in STANDARD_INDICATORS),
    name_vi=texts,
    name_en=texts,
    unit=st.sampled_from(UNITS),
    time_aggregation=st.sampled_from(list(TimeAggregation)),
    unit_aggregation=st.sampled_from(list(UnitAggregation)),
)
indicators = st.one_of(
    st.sampled_from([STANDARD_INDICATORS[c] for c in STANDARD_INDICATORS]),
    st.builds(online_posts_on, st.sampled_from(["zalo", "facebook", "tiktok"])),
    custom_indicators,
)


@st.composite
def figures(
    draw: st.DrawFn,
    indicator: st.SearchStrategy[Indicator] = indicators,
    unit: st.SearchStrategy[str] = unit_codes,
    period: st.SearchStrategy[Period] | None = None,
) -> Figure:
    """A figure of any status; a reported one has a quantity of the right kind."""
    ind = draw(indicator)
    status = draw(st.sampled_from(list(FigureStatus)))
    value = None
    if status is FigureStatus.REPORTED:
        value = draw(bounded_quantities(unit="đồng" if ind.is_money else draw(st.sampled_from(UNITS[:-1]))))
    return Figure(
        indicator=ind,
        unit=draw(unit),
        period=draw(period if period is not None else periods()),
        status=status,
        value=value,
        reported_by=draw(_optional(st.sampled_from(list(Reporter)))),
        note=draw(_optional(texts)),
    )


@st.composite
def figure_sets(draw: st.DrawFn, max_size: int = 12) -> FigureSet:
    """A set of figures with distinct keys (and a custom indicator code used only one way)."""
    items = draw(st.lists(figures(), max_size=max_size, unique_by=lambda f: f.key))
    by_code: dict[str, Indicator] = {}
    kept = [f for f in items if by_code.setdefault(f.indicator.code, f.indicator) == f.indicator]
    return FigureSet(kept)


#: Passages: plain Vietnamese, or with English and the indicators they speak of.
passages = st.one_of(
    texts.map(Passage),
    st.builds(
        lambda vi, en, about: Passage(vi, en=en, about=about),
        texts,
        st.one_of(st.none(), texts),
        st.lists(st.sampled_from(["tips_received", "gifts", "x_custom"]), max_size=2),
    ),
)
organisations = st.builds(
    Organisation,
    kind=st.sampled_from(list(OrganisationKind)),
    name=texts,
    name_en=_optional(texts),
    short_name=_optional(texts),
    unit=_optional(unit_codes),
    valid_from=_optional(st.just(dt.date(2014, 1, 1))),
    valid_until=_optional(dates.filter(lambda d: d >= dt.date(2014, 1, 1))),
)
persons = st.builds(
    Person,
    name=texts,
    rank=_optional(texts),
    title=_optional(texts),
    title_en=_optional(texts),
    honorific=_optional(texts),
)
programmes = st.builds(
    Programme,
    number=texts,
    title=texts,
    title_en=_optional(texts),
    signed_on=dates,
    parties=st.lists(organisations, max_size=3),
    units=st.lists(unit_codes, max_size=3),
)
channels = st.sampled_from(["zalo", "facebook", "youtube", "loa_1"])


@st.composite
def _dating(draw: st.DrawFn) -> dict[str, object]:
    if draw(st.booleans()):
        return {"on": draw(dates)}
    return {"period": draw(periods())}


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    return Activity(
        kind=draw(st.one_of(st.sampled_from(list(ActivityKind)), texts)),
        unit=draw(unit_codes),
        count=draw(_optional(quantities(max_value=10**6))),
        reach=draw(_optional(quantities(unit="lượt", max_value=10**6))),
        channels=draw(st.lists(channels, max_size=2)),
        organisers=draw(st.lists(organisations, max_size=2)),
        topic=draw(_optional(passages)),
        pages_of=draw(st.lists(organisations, max_size=2)),
        **draw(_dating()),
    )


@st.composite
def security_models(draw: st.DrawFn) -> SecurityModel:
    established = draw(_optional(dates))
    dissolved = draw(_optional(dates.filter(lambda d: established is None or d >= established)))
    reason = draw(_optional(st.sampled_from(list(DissolutionReason)))) if dissolved is not None else None
    return SecurityModel(
        name=draw(texts),
        topic=draw(st.one_of(st.sampled_from(list(ModelTopic)), texts)),
        unit=draw(unit_codes),
        established_on=established,
        dissolved_on=dissolved,
        dissolution_reason=reason,
    )


@st.composite
def tips(draw: st.DrawFn) -> Tip:
    valuable = draw(st.booleans())
    cases = draw(st.lists(st.from_regex(r"\AVV-[0-9]{1,3}\Z"), max_size=3, unique=True)) if valuable else []
    return Tip(
        received_on=draw(dates),
        unit=draw(unit_codes),
        category=draw(_optional(st.one_of(st.sampled_from(list(CrimeType)), texts))),
        valuable=valuable,
        case_ids=cases,
        content=draw(_optional(texts)),
    )


money = quantities(unit="đồng")


@st.composite
def funds(draw: st.DrawFn) -> CharityFund:
    contributions = draw(
        st.lists(
            st.builds(
                lambda a, u, d, c, r: Contribution(amount=a, unit=u, contributors=c, raised_by=r, **d),
                money,
                unit_codes,
                _dating(),
                _optional(passages),
                st.lists(organisations, max_size=2),
            ),
            max_size=2,
        )
    )
    return CharityFund(
        name=draw(texts),
        unit=draw(_optional(unit_codes)),
        contributions=contributions,
        disbursements=draw(st.lists(disbursements, max_size=3)),
        shared_amounts=draw(st.lists(shared_amounts, max_size=2)),
    )


disbursements = st.builds(
    lambda p, u, d, n, a, b: Disbursement(purpose=p, unit=u, count=n, amount=a, beneficiaries=b, **d),
    st.sampled_from(list(DisbursementPurpose)),
    unit_codes,
    _dating(),
    _optional(quantities(unit="nhà", max_value=1000)),
    _optional(money),
    _optional(passages),
)
shared_amounts = st.builds(
    lambda p, a, u, d: SharedAmount(purposes=p, amount=a, unit=u, **d),
    st.lists(st.sampled_from(list(DisbursementPurpose)), min_size=2, max_size=3, unique=True),
    money,
    unit_codes,
    _dating(),
)
dissolved_models = st.builds(
    lambda u, c, d, r, t: DissolvedModels(unit=u, count=c, reasons=r, topic=t, **d),
    unit_codes,
    quantities(unit="mô hình", max_value=1000),
    _dating(),
    st.lists(st.one_of(st.sampled_from(list(DissolutionReason)), texts), max_size=2),
    _optional(st.one_of(st.sampled_from(list(ModelTopic)), texts)),
)


situations = st.builds(
    Situation,
    text=st.lists(passages, max_size=2),
    crime_types=st.lists(st.one_of(st.sampled_from(list(CrimeType)), texts), max_size=3),
)


@st.composite
def reviews(draw: st.DrawFn) -> Review:
    """A review with figures, narrative and records."""
    return Review(
        programme=draw(programmes),
        unit=draw(unit_codes),
        unit_name=draw(_optional(texts)),
        period=draw(periods()),
        kind=draw(st.sampled_from(list(ReviewKind))),
        held_on=draw(dates),
        place=draw(_optional(texts)),
        organisers=draw(st.lists(organisations, max_size=2)),
        chairs=draw(st.lists(persons, max_size=2)),
        figures=draw(figure_sets()),
        situation=draw(situations),
        results=draw(st.lists(passages, max_size=2)),
        strengths=draw(st.lists(passages, max_size=2)),
        shortcomings=draw(st.lists(passages, max_size=2)),
        causes=draw(st.lists(passages, max_size=2)),
        objective_causes=draw(st.lists(passages, max_size=2)),
        subjective_causes=draw(st.lists(passages, max_size=2)),
        directions=draw(st.lists(passages, max_size=2)),
        proposals=draw(st.lists(passages, max_size=2)),
        remarks=draw(st.lists(passages, max_size=2)),
        activities=draw(st.lists(activities(), max_size=2)),
        security_models=draw(st.lists(security_models(), max_size=2)),
        tips=draw(st.lists(tips(), max_size=2)),
        funds=draw(st.lists(funds(), max_size=2)),
        dissolved_models=draw(st.lists(dissolved_models, max_size=2)),
        support=draw(st.lists(disbursements, max_size=2)),
        shared_amounts=draw(st.lists(shared_amounts, max_size=2)),
        source=draw(_optional(texts)),
    )


# -- aggregation -----------------------------------------------------------------


@st.composite
def month_grids(draw: st.DrawFn, max_units: int = 4) -> dict[tuple[str, int], int | None]:
    """Values for units ``u0``... over the months 1-12 of a year; ``None`` where a unit did not report."""
    n = draw(st.integers(min_value=1, max_value=max_units))
    cell = st.one_of(st.none(), st.integers(min_value=0, max_value=10_000))
    return {(f"u{i}", m): draw(cell) for i in range(n) for m in range(1, 13)}


# -- exchange: CSV, workbooks, frames -----------------------------------------------

import attrs  # noqa: E402

from anninh_toandan.indicator import IndicatorCatalogue  # noqa: E402

#: Text that a spreadsheet would run as a formula, or that looks like text escaped against that.
formula_texts = st.builds(
    lambda head, rest: head + rest,
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "'-"]),
    st.text(max_size=8),
).filter(lambda s: bool(s.strip()))


def catalogue_for(fs: FigureSet) -> IndicatorCatalogue:
    """The standard catalogue extended with the custom indicators of *fs*."""
    return STANDARD_INDICATORS.extend(fs.indicators())


@st.composite
def exchange_figure_sets(draw: st.DrawFn, max_size: int = 12) -> FigureSet:
    """Figure sets whose notes and unit codes often start with a formula character."""
    fs = draw(figure_sets(max_size=max_size))
    out: dict[tuple[str, str, Period], Figure] = {}
    for f in fs:
        if draw(st.booleans()):
            f = attrs.evolve(f, note=draw(formula_texts))
        if draw(st.booleans()):
            f = attrs.evolve(f, unit=draw(formula_texts))
        out.setdefault(f.key, f)
    return FigureSet(out.values())


#: The Bảo Lộc wards and communes of 2022 (codes).
BAO_LOC_WARDS = ("24823", "24820", "24814", "24817", "24826", "24829", "24832", "24835", "24838", "24841", "24844")


@st.composite
def workbook_grids(
    draw: st.DrawFn, period: Period, max_units: int = 3, max_indicators: int = 3
) -> tuple[list[str], list[Indicator], FigureSet]:
    """Units, indicators and a complete grid of figures for one period, as a data-entry workbook holds them.

    Every cell is reported with a quantity built by a named constructor in the
    indicator's unit, or not reported (an empty cell).
    """
    units = draw(st.lists(st.sampled_from(BAO_LOC_WARDS), min_size=1, max_size=max_units, unique=True))
    standard = [STANDARD_INDICATORS[c] for c in STANDARD_INDICATORS]
    inds = draw(st.lists(st.sampled_from(standard), min_size=1, max_size=max_indicators, unique=True))
    figs = []
    for unit in units:
        for ind in inds:
            q = draw(st.none() | quantities(unit=ind.unit, max_value=10**12))
            if q is None:
                figs.append(Figure.not_reported(ind, unit, period))
            else:
                figs.append(Figure.reported(ind, unit, period, q))
    return units, inds, FigureSet(figs)
