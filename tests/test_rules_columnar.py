"""The rules run on the columns of a columnar FigureSet give what the object path gives.

``validate`` reads a columnar set's columns (every place at once, with NumPy)
and makes results for the problems only; what the columns cannot do exactly
goes the object path. These properties check both against each other over
generated sets (every status and qualifier, stocks and flows, months with and
without the previous one) and generated rules (any operator, missing strategy,
coefficient, constant, period reference and fact), errors included.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anninh_toandan import Figure, FigureSet, Period, Quantity
from anninh_toandan.errors import PeriodError, ValidationTypeError
from anninh_toandan.indicator import (
    HOUSES_NEW,
    HOUSES_REPAIRED,
    HOUSES_TOTAL,
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    Indicator,
)
from anninh_toandan.rules import (
    MODELS_STOCK_IDENTITY,
    STANDARD_RULES,
    TIPS_VALUABLE_WITHIN_RECEIVED,
    Expression,
    Importance,
    MissingStrategy,
    Operator,
    Outcome,
    PeriodRef,
    Rule,
    RuleError,
    Term,
    Validation,
    constant,
    fact,
    part_of_whole_rule,
    stock_flow_rule,
    validate,
    value,
)
from tests.strategies import bounded_quantities, quantities

INDICATORS = (
    TIPS_RECEIVED,
    TIPS_VALUABLE,
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_ESTABLISHED,
    SECURITY_MODELS_DISSOLVED,
    HOUSES_NEW,
    HOUSES_REPAIRED,
    HOUSES_TOTAL,
)
CODES = [i.code for i in INDICATORS] + ["not_in_the_set"]
PERIODS = [
    Period.month(2021, 12),
    *(Period.month(2022, m) for m in (1, 2, 3)),
    Period.month(2021, 2),
    Period.quarter(2022, 1),
    Period.year(2021),
    Period.year(2022),
]
H1 = Period.half_year(2022, 1)
FACT_NAMES = ["held_on", "budget", "period_start", "period_end", "nothing"]


@st.composite
def figure_sets(draw: st.DrawFn) -> FigureSet:
    """Figures of the rules' indicators in a few units and months: every status, qualifier and size."""
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(INDICATORS),
                st.sampled_from(["1", "2", "3", "4"]),
                st.sampled_from(PERIODS),
                st.sampled_from(["reported", "reported", "mentioned", "not_reported"]),
                st.one_of(
                    bounded_quantities(unit="x"), quantities(unit="x"), quantities(unit="x", max_value=10**18 - 1)
                ),
            ),
            max_size=30,
            unique_by=lambda t: t[:3],
        )
    )
    out = []
    if draw(st.integers(0, 9)) == 0:  # the first month of the calendar: a term of the month before cannot be read
        out.append(Figure.reported(TIPS_RECEIVED, "1", Period.month(1001, 1), Quantity.exact(1, "tin")))
    for i, u, p, status, q in rows:
        if status == "reported":
            out.append(Figure.reported(i, u, p, attrs.evolve(q, unit=i.unit)))
        elif status == "mentioned":
            out.append(Figure.mentioned(i, u, p))
        else:
            out.append(Figure.not_reported(i, u, p))
    return FigureSet(out)


@st.composite
def terms(draw: st.DrawFn) -> Term:
    """An indicator term of any period reference, or a fact (given or not, a number or a date)."""
    coefficient = draw(st.sampled_from([1, 1, 1, -1, 2, -3, 2**40]))
    if draw(st.integers(0, 5)) == 0:
        return Term(ref=draw(st.sampled_from(FACT_NAMES)), fact=True, coefficient=coefficient)
    return Term(
        ref=draw(st.sampled_from(CODES)), coefficient=coefficient, period=draw(st.sampled_from(list(PeriodRef)))
    )


expressions = st.builds(Expression, terms=st.lists(terms(), max_size=3), constant=st.sampled_from([0, 0, 0, 1, -2, 5]))


@st.composite
def rules(draw: st.DrawFn) -> list[Rule]:
    """The standard rules or some of them, rules of the two shapes the programme makes, and any other rule."""
    out: list[Rule] = list(draw(st.lists(st.sampled_from(STANDARD_RULES), max_size=3)))
    codes = st.sampled_from(CODES)
    for _ in range(draw(st.integers(0, 2))):
        out.append(part_of_whole_rule(draw(codes), draw(codes)))
    for _ in range(draw(st.integers(0, 2))):
        out.append(stock_flow_rule(draw(codes), draw(codes), draw(codes)))
    for n in range(draw(st.integers(0, 3))):
        out.append(
            Rule(
                code=f"custom_{n}",
                left=draw(expressions),
                operator=draw(st.sampled_from(list(Operator))),
                right=draw(expressions),
                message="a custom rule",
                missing=draw(st.sampled_from(list(MissingStrategy))),
                importance=draw(st.sampled_from(list(Importance))),
            )
        )
    return draw(st.permutations(out))


facts_given = st.fixed_dictionaries(
    {},
    optional={
        "held_on": st.sampled_from([dt.date(2022, 2, 15), dt.date(2021, 1, 1)]),
        "budget": st.integers(-3, 10**6),
        "period_start": st.integers(0, 3),
    },
)


def run(fs: FigureSet, chosen: list[Rule] | None, facts: dict[str, object] | None = None) -> object:
    """The validation, or the error it raises (its type and message)."""
    try:
        return validate(fs, chosen, facts=facts)  # type: ignore[arg-type]
    except Exception as exc:
        return type(exc), str(exc)


def same(fs: FigureSet, chosen: list[Rule] | None, facts: dict[str, object] | None = None) -> Validation:
    cs = fs.columnar()
    assert cs.is_columnar
    want = run(fs, chosen, facts)
    got = run(cs, chosen, facts)
    assert got == want
    if isinstance(want, Validation):
        assert isinstance(got, Validation)
        assert [r.explanation for r in got.problems] == [r.explanation for r in want.problems]
        assert [r.readings for r in got.problems] == [r.readings for r in want.problems]
        return got
    return Validation(problems=(), counts={})


@settings(max_examples=300)
@given(figure_sets(), rules(), facts_given)
def test_validate_on_the_columns_equals_the_object_path(fs: FigureSet, chosen: list[Rule], facts: dict) -> None:
    same(fs, chosen, facts)


@given(figure_sets())
def test_the_standard_rules_on_the_columns(fs: FigureSet) -> None:
    same(fs, None)
    same(fs, [TIPS_VALUABLE_WITHIN_RECEIVED, MODELS_STOCK_IDENTITY])
    same(fs, None, {"held_on": dt.date(2022, 2, 1)})


def _stock_flow_set(closing: int, opening: int | None, inflow: int, outflow: int, unit: str = "1") -> list[Figure]:
    jan, dec = Period.month(2022, 1), Period.month(2021, 12)
    figs = [
        Figure.reported(SECURITY_MODELS_ACTIVE, unit, jan, Quantity.exact(closing, "mô hình")),
        Figure.reported(SECURITY_MODELS_ESTABLISHED, unit, jan, Quantity.exact(inflow, "mô hình")),
        Figure.reported(SECURITY_MODELS_DISSOLVED, unit, jan, Quantity.exact(outflow, "mô hình")),
    ]
    if opening is not None:
        figs.append(Figure.reported(SECURITY_MODELS_ACTIVE, unit, dec, Quantity.exact(opening, "mô hình")))
    return figs


def test_the_stock_identity_on_the_columns_keeps_its_problems_and_counts() -> None:
    fs = FigureSet(
        [
            *_stock_flow_set(19, 16, 3, 8, unit="a"),  # violated: 16 + 3 - 8 = 11
            *_stock_flow_set(11, 16, 3, 8, unit="b"),  # holds
            *_stock_flow_set(19, None, 3, 8, unit="c"),  # not evaluated, with both readings
            Figure.reported(TIPS_VALUABLE, "d", H1, Quantity.more_than(250, "tin")),
            Figure.reported(TIPS_RECEIVED, "d", H1, Quantity.exact(274, "tin")),
        ]
    )
    v = same(fs, [TIPS_VALUABLE_WITHIN_RECEIVED, MODELS_STOCK_IDENTITY])
    assert [(r.rule.code, r.unit, r.outcome) for r in v.problems] == [
        ("security_models_active_stock_identity", "a", Outcome.VIOLATED),
        ("tips_valuable_within_received", "d", Outcome.POSSIBLY_VIOLATED),
    ]
    assert v.counts == {
        Outcome.SATISFIED: 1,
        Outcome.POSSIBLY_VIOLATED: 1,
        Outcome.VIOLATED: 1,
        Outcome.NOT_EVALUATED: 9,  # the three December places, c, and the tips rule at a, b, c
    }


def test_the_standard_rules_read_no_figure_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    fs = FigureSet([*_stock_flow_set(19, 16, 3, 8), *_stock_flow_set(11, 16, 3, 8, unit="2")]).columnar()
    want = validate(FigureSet(list(fs)))

    def refuse(self: FigureSet) -> object:
        raise AssertionError("read figure by figure")

    monkeypatch.setattr(FigureSet, "getter", refuse)
    assert validate(fs) == want


def test_sums_that_could_pass_64_bits_go_the_object_path() -> None:
    big = 2**62
    fs = FigureSet(
        [
            Figure.reported(HOUSES_NEW, "1", H1, Quantity.exact(big, "nhà")),
            Figure.reported(HOUSES_REPAIRED, "1", H1, Quantity.exact(big, "nhà")),
            Figure.reported(HOUSES_TOTAL, "1", H1, Quantity.exact(big, "nhà")),
        ]
    )
    v = same(fs, None)
    (problem,) = v.problems
    assert problem.rule.code == "houses_within_total" and problem.outcome is Outcome.VIOLATED
    assert str(problem.left) == str(2 * big)  # past int64, exactly
    twice = Rule(code="twice", left=Expression(terms=(Term(ref="houses_new", coefficient=3),)), operator="<=",
                 right=value("houses_total"), message="m")  # fmt: skip
    assert same(fs, [twice]).violated[0].left is not None


def test_a_period_out_of_the_calendar_fails_or_not_as_the_object_path() -> None:
    y = Period.year(1001)
    fs = FigureSet([Figure.reported(TIPS_RECEIVED, "1", y, Quantity.exact(3, "tin"))])
    reads = Rule(code="edge", left=value("tips_received", period="previous"), operator="<=", right=1, message="m")
    behind_a_fact = Rule(
        code="edge2", left=fact("x") + value("tips_received", period="previous"), operator="<=", right=1, message="m"
    )
    assert same(fs, [behind_a_fact]).counts[Outcome.NOT_EVALUATED] == 1
    for chosen in ([reads], [TIPS_VALUABLE_WITHIN_RECEIVED, reads], [behind_a_fact, reads]):
        with pytest.raises(PeriodError, match="'year' must be between"):
            validate(fs.columnar(), chosen)
        same(fs, chosen)
    same(fs, [behind_a_fact], {"x": 1})


def test_dates_compare_by_period_and_refuse_numbers_as_the_object_path() -> None:
    fs = FigureSet(
        [Figure.reported(TIPS_RECEIVED, "1", Period.month(2022, m), Quantity.exact(3, "tin")) for m in (1, 2, 3)]
    )
    held = {"held_on": dt.date(2022, 2, 10)}
    v = same(fs, None, held)
    assert [(r.rule.code, r.period.id) for r in v.problems] == [("meeting_after_period_start", "202203")]
    with_number = Rule(code="mixed", left=fact("held_on"), operator=">", right=value("tips_received"), message="m")
    with pytest.raises(RuleError, match="compares a date with a number"):
        validate(fs.columnar(), [with_number], facts=held)
    same(fs, [with_number], held)
    added = Rule(code="added", left=fact("held_on") + 1, operator=">", right=fact("period_start"), message="m")
    with pytest.raises(RuleError, match="a date can only be compared as it is"):
        validate(fs.columnar(), [TIPS_VALUABLE_WITHIN_RECEIVED, added], facts=held)
    same(fs, [TIPS_VALUABLE_WITHIN_RECEIVED, added], held)
    summed = Rule(code="summed", left=value("tips_received") + fact("held_on"), operator=">", right=0, message="m")
    with pytest.raises(RuleError, match="fact 'held_on' is a date and cannot be added"):
        validate(fs.columnar(), [summed], facts=held)
    same(fs, [summed], held)


def test_wrong_facts_and_rules_are_refused_with_the_same_messages() -> None:
    fs = FigureSet([Figure.reported(TIPS_RECEIVED, "1", H1, Quantity.exact(3, "tin"))]).columnar()
    with pytest.raises(ValidationTypeError, match=r"'facts\['budget'\]' must be an int or a date \(got '3'"):
        validate(fs, facts={"budget": "3"})  # type: ignore[dict-item]
    with pytest.raises(ValidationTypeError, match=r"'rules\[0\]' must be a Rule \(got 'x' of type str\)"):
        validate(fs, ["x"])  # type: ignore[list-item]
    same(FigureSet(list(fs)), None, {"budget": "3"})
    assert validate(FigureSet().columnar(), facts={"budget": "3"}) == validate(FigureSet(), facts={"budget": "3"})  # type: ignore[dict-item]


def test_an_empty_columnar_set_has_no_results() -> None:
    v = same(FigureSet(), None)
    assert v.problems == () and set(v.counts.values()) == {0}


def test_an_indicator_with_two_objects_of_one_code_is_found_by_its_code() -> None:
    custom = Indicator(code="tips_received", name_vi="Tin", name_en="Tips", unit="tin")
    a = FigureSet([Figure.reported(TIPS_VALUABLE, "1", H1, Quantity.exact(9, "tin"))]).columnar()
    b = FigureSet([Figure.reported(custom, "1", H1, Quantity.exact(5, "tin"))]).columnar()
    both = a.with_figures(b)
    assert both.is_columnar
    got = validate(both, [TIPS_VALUABLE_WITHIN_RECEIVED])
    assert got == validate(FigureSet(list(both)), [TIPS_VALUABLE_WITHIN_RECEIVED])
    assert got.violated[0].unit == "1"


def test_huge_coefficients_and_constants_go_the_object_path() -> None:
    zero = FigureSet([Figure.reported(TIPS_RECEIVED, "1", H1, Quantity.exact(0, "tin"))])
    huge = 10**30
    for left, right in [
        (Expression(terms=(Term(ref="tips_received", coefficient=huge),)), constant(1)),
        (value("tips_received"), constant(-huge)),
        (value("tips_received") + huge, fact("budget")),
    ]:
        rule = Rule(code="huge", left=left, operator="<=", right=right, message="m")
        same(zero, [rule], {"budget": huge})
        same(zero, [rule], {"budget": -huge})
    assert (
        same(zero, [Rule(code="h", left=value("tips_received"), operator=">", right=-huge, message="m")]).counts[
            Outcome.SATISFIED
        ]
        == 1
    )
