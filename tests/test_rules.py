"""Validation rules (anninh_toandan.rules)."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import Figure, FigureSet, Period, Quantity
from anninh_toandan.datasets import bao_loc_2022_h1
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
    HOUSES_WITHIN_TOTAL,
    MEETING_AFTER_PERIOD_START,
    MODELS_DISSOLVED_WITHIN_AVAILABLE,
    MODELS_OPENING_NOT_NEGATIVE,
    MODELS_STOCK_IDENTITY,
    STANDARD_RULES,
    TIPS_VALUABLE_WITHIN_RECEIVED,
    Expression,
    Importance,
    Interval,
    MissingStrategy,
    Operator,
    Outcome,
    PeriodRef,
    Rule,
    RuleError,
    Term,
    check_rules,
    constant,
    fact,
    validate,
    value,
)
from tests.strategies import bounded_quantities, true_value

H1 = Period.half_year(2022, 1)


def fig(indicator, n, unit="1", period=H1, q=None):  # type: ignore[no-untyped-def]
    return Figure.reported(indicator, unit, period, q if q is not None else Quantity.exact(n, indicator.unit))


def outcome(rule: Rule, *figures: Figure, **facts: object) -> Outcome:
    return rule.evaluate(FigureSet(figures), unit="1", period=H1, facts=facts or None).outcome  # type: ignore[arg-type]


@given(bounded_quantities(unit="tin"), bounded_quantities(unit="tin"), st.data())
def test_three_valued_outcomes_agree_with_every_true_value(a: Quantity, b: Quantity, data: st.DataObject) -> None:
    """Satisfied: every allowed pair holds; violated: none does; possibly: the bounds allow both."""
    for op in Operator:
        rule = Rule(code="r", left=value("tips_valuable"), operator=op, right=value("tips_received"), message="m")
        got = outcome(rule, fig(TIPS_VALUABLE, 0, q=a), fig(TIPS_RECEIVED, 0, q=b))
        x, y = data.draw(true_value(a)), data.draw(true_value(b))
        holds = {"<=": x <= y, "<": x < y, ">=": x >= y, ">": x > y, "==": x == y}[op.value]
        if got is Outcome.SATISFIED:
            assert holds
        elif got is Outcome.VIOLATED:
            assert not holds
        else:
            assert got is Outcome.POSSIBLY_VIOLATED and not (a.is_exact and b.is_exact)


def test_the_standard_rules() -> None:
    assert [r.code for r in STANDARD_RULES] == [
        "tips_valuable_within_received",
        "models_dissolved_within_available",
        "houses_within_total",
        "models_opening_not_negative",
        "meeting_after_period_start",
        "security_models_active_stock_identity",
    ]
    assert outcome(TIPS_VALUABLE_WITHIN_RECEIVED, fig(TIPS_VALUABLE, 11), fig(TIPS_RECEIVED, 10)) is Outcome.VIOLATED
    prev = H1.previous()
    dissolved = (fig(SECURITY_MODELS_DISSOLVED, 9), fig(SECURITY_MODELS_ESTABLISHED, 3))
    assert outcome(MODELS_DISSOLVED_WITHIN_AVAILABLE, *dissolved, fig(SECURITY_MODELS_ACTIVE, 5, period=prev)) is (
        Outcome.VIOLATED
    )
    assert outcome(MODELS_DISSOLVED_WITHIN_AVAILABLE, *dissolved, fig(SECURITY_MODELS_ACTIVE, 6, period=prev)) is (
        Outcome.SATISFIED
    )
    houses = (fig(HOUSES_NEW, 3), fig(HOUSES_REPAIRED, 2))
    assert outcome(HOUSES_WITHIN_TOTAL, *houses, fig(HOUSES_TOTAL, 4)) is Outcome.VIOLATED
    assert outcome(HOUSES_WITHIN_TOTAL, *houses) is Outcome.NOT_EVALUATED
    too_many = (
        fig(SECURITY_MODELS_ACTIVE, 19),
        fig(SECURITY_MODELS_ESTABLISHED, 25),
        fig(SECURITY_MODELS_DISSOLVED, 0),
    )
    assert outcome(MODELS_OPENING_NOT_NEGATIVE, *too_many) is Outcome.VIOLATED
    assert outcome(MEETING_AFTER_PERIOD_START, held_on=dt.date(2022, 7, 12)) is Outcome.SATISFIED
    assert outcome(MEETING_AFTER_PERIOD_START, held_on=dt.date(2022, 1, 1)) is Outcome.VIOLATED
    assert outcome(MEETING_AFTER_PERIOD_START) is Outcome.NOT_EVALUATED
    identity = (fig(SECURITY_MODELS_ACTIVE, 19), fig(SECURITY_MODELS_ESTABLISHED, 3), fig(SECURITY_MODELS_DISSOLVED, 8))
    assert outcome(MODELS_STOCK_IDENTITY, *identity, fig(SECURITY_MODELS_ACTIVE, 24, period=prev)) is Outcome.SATISFIED
    assert outcome(MODELS_STOCK_IDENTITY, *identity, fig(SECURITY_MODELS_ACTIVE, 16, period=prev)) is Outcome.VIOLATED


def test_bao_loc_review_through_the_standard_rules() -> None:
    review = bao_loc_2022_h1()
    results = {r.rule.code: r for r in review.validate()}
    assert {c: r.outcome.value for c, r in results.items()} == {
        "tips_valuable_within_received": "satisfied",
        "models_dissolved_within_available": "not_evaluated",
        "houses_within_total": "not_evaluated",
        "models_opening_not_negative": "satisfied",
        "meeting_after_period_start": "satisfied",
        "security_models_active_stock_identity": "not_evaluated",
        "review_has_figures": "satisfied",
        "figures_within_review_period": "satisfied",
        "comparison_has_base": "not_evaluated",
    }
    identity = results["security_models_active_stock_identity"]
    assert identity.missing == ("security_models_active for 2021S2",)
    assert identity.explanation.endswith("it holds only if security_models_active for 2021S2 is 24")
    assert len(identity.figures) == 3 and identity.left is None and not identity.is_problem
    meeting = results["meeting_after_period_start"]
    assert (meeting.left, meeting.right) == (dt.date(2022, 7, 12), dt.date(2022, 1, 1))
    readings = identity.readings
    assert identity.is_ambiguous and readings is not None
    assert (readings.opening_if_after, readings.opening_if_before, readings.remaining_if_before) == (24, 16, 11)
    with pytest.warns(DeprecationWarning, match=r"Review.check\(\) is deprecated: use Review.validate\(\)"):
        assert [f.code for f in review.check()] == ["stock_flow_ambiguous"]


def test_missing_strategies() -> None:
    total = value("houses_new") + value("houses_repaired")
    some = (fig(HOUSES_NEW, 3), fig(HOUSES_TOTAL, 2))
    rules = {
        s: Rule(code="h", left=total, operator="<=", right=value("houses_total"), message="m", missing=s)
        for s in MissingStrategy
    }
    assert outcome(rules[MissingStrategy.SKIP_IF_ANY_MISSING], *some) is Outcome.NOT_EVALUATED
    # Missing is unknown, at least 0 (never 0): 3 + [0, ∞) <= 2 is violated whatever the repaired houses.
    assert outcome(rules[MissingStrategy.SKIP_IF_ALL_MISSING], *some) is Outcome.VIOLATED
    assert outcome(rules[MissingStrategy.SKIP_IF_ALL_MISSING]) is Outcome.NOT_EVALUATED
    never = rules[MissingStrategy.NEVER_SKIP].evaluate(FigureSet(), unit="1", period=H1)
    assert never.outcome is Outcome.POSSIBLY_VIOLATED
    assert never.explanation.endswith(
        "no number for houses_new for 2022S1, houses_repaired for 2022S1, houses_total for 2022S1"
    )
    ok = rules[MissingStrategy.NEVER_SKIP].evaluate(FigureSet([fig(HOUSES_TOTAL, 9)]), unit="1", period=H1)
    assert ok.outcome is Outcome.POSSIBLY_VIOLATED and ok.right == Interval(low=9, high=9)


def test_expressions_facts_and_explanations() -> None:
    e = 2 * 0 + value("a") - value("b", period="same_period_last_year") + 3 - fact("k")
    assert str(e) == "a - b[same_period_last_year] - k + 3"
    assert str(1 - value("a")) == "-a + 1"
    assert str(constant(-2)) == "-2" and str(constant(0)) == "0" and str(-value("a")) == "-a"
    assert str(Expression(terms=[Term(ref="a", coefficient=-2)], constant=-1)) == "-2 × a - 1"
    with pytest.raises(RuleError, match="'coefficient' must not be 0"):
        Term(ref="a", coefficient=0)
    with pytest.raises(RuleError, match="'period' must be a PeriodRef"):
        value("a", period="tomorrow")
    with pytest.raises(RuleError, match="'operator' must be a Operator"):
        Rule(code="r", left=1, operator="=<", right=2, message="m")
    with pytest.raises(ValidationTypeError, match="a side of a rule must be"):
        Rule(code="r", left="a", operator="<=", right=2, message="m")
    with pytest.raises(ValidationTypeError, match="'terms\\[0\\]' must be a Term"):
        Expression(terms=["a"])  # type: ignore[list-item]
    assert e.__add__("x") is NotImplemented and e.__sub__(True) is NotImplemented
    plain = Rule(code="r", left=Term(ref="n", fact=True), operator=">", right=5, message="m", importance="low")
    assert plain.importance is Importance.LOW and str(plain) == "n > 5"
    assert outcome(plain, n=6) is Outcome.SATISFIED and outcome(plain, n=5) is Outcome.VIOLATED
    lt = Rule(code="lt", left=value("tips_valuable"), operator=Operator.LT, right=value("tips_received"), message="m")
    assert outcome(lt, fig(TIPS_VALUABLE, 3), fig(TIPS_RECEIVED, 3)) is Outcome.VIOLATED
    mixed = Rule(code="x", left=fact("held_on"), operator="<", right=1, message="m")
    with pytest.raises(RuleError, match="compares a date with a number"):
        outcome(mixed, held_on=dt.date(2022, 1, 2))
    with pytest.raises(RuleError, match="can only be compared as it is"):
        outcome(
            Rule(code="x", left=fact("held_on") + 1, operator="<", right=1, message="m"), held_on=dt.date(2022, 1, 2)
        )
    with pytest.raises(RuleError, match="is a date and cannot be added"):
        outcome(
            Rule(code="x", left=fact("n") + fact("d"), operator="<", right=1, message="m"), n=1, d=dt.date(2022, 1, 2)
        )
    with pytest.raises(ValidationTypeError, match="'facts\\['n'\\]' must be an int or a date"):
        outcome(plain, n="6")
    with pytest.raises(ValidationTypeError, match="'period' must be a Period"):
        plain.evaluate(FigureSet(), unit="1", period="2022S1")  # type: ignore[arg-type]
    assert str(Interval(low=None, high=3)) == "unbounded to 3"


def test_equations_are_solved_for_one_missing_value() -> None:
    def explain(rule: Rule, *figures: Figure) -> str:
        return rule.evaluate(FigureSet(figures), unit="1", period=H1).explanation

    eq = Rule(code="e", left=value("a"), operator="==", right=2 * 0 + value("b") + value("b"), message="m")
    assert (
        explain(eq) == "a == b + b was not evaluated for unit '1', period '2022S1': "
        "no number for a for 2022S1, b for 2022S1, b for 2022S1"
    )
    from anninh_toandan import Indicator

    a = Indicator(code="a", name_vi="a", name_en="a", unit="x")
    b = Indicator(code="b", name_vi="b", name_en="b", unit="x")
    twice = Rule(
        code="e", left=value("a"), operator="==", right=Expression(terms=[Term(ref="b", coefficient=2)]), message="m"
    )
    assert explain(twice, fig(a, 5)).endswith("no whole value of b for 2022S1 would make it hold")
    assert explain(twice, fig(a, 6)).endswith("it holds only if b for 2022S1 is 3")
    minus = Rule(code="e", left=value("a") + 4, operator="==", right=value("b"), message="m")
    assert explain(minus, fig(b, 1)).endswith("it cannot hold: a for 2022S1 would have to be -3")
    le = Rule(code="e", left=value("a"), operator="<=", right=value("b"), message="m")
    assert explain(le, fig(b, 1)).endswith("no number for a for 2022S1")
    violated = explain(TIPS_VALUABLE_WITHIN_RECEIVED, fig(TIPS_VALUABLE, 11), fig(TIPS_RECEIVED, 10))
    assert violated.endswith("the left side is 11, the right side is 10; tips_valuable must not exceed tips_received")
    about = explain(
        TIPS_VALUABLE_WITHIN_RECEIVED, fig(TIPS_VALUABLE, 0, q=Quantity.about(300, "tin")), fig(TIPS_RECEIVED, 10)
    )
    assert about.endswith("on the written values (300 and 10) it does not hold")
    assert PeriodRef.PREVIOUS.value == "previous"
    yoy = Rule(
        code="y",
        left=value("tips_received"),
        operator=">=",
        right=value("tips_received", period="same_period_last_year"),
        message="m",
    )
    assert outcome(yoy, fig(TIPS_RECEIVED, 5), fig(TIPS_RECEIVED, 4, period=H1.same_period_last_year())) is (
        Outcome.SATISFIED
    )
    assert explain(Rule(code="f", left=fact("n"), operator="==", right=1, message="m")).endswith(
        "no number for fact 'n'"
    )


def test_validate_a_set_and_check_one_place() -> None:
    y = Period.year(2022)
    fs = FigureSet(
        [
            fig(TIPS_VALUABLE, 9, period=y),
            fig(TIPS_RECEIVED, 5, period=y),
            fig(TIPS_VALUABLE, 0, unit="2", period=y, q=Quantity.more_than(4, "tin")),
            fig(TIPS_RECEIVED, 5, unit="2", period=y),
            fig(HOUSES_NEW, 3, unit="2", period=y),
            fig(HOUSES_REPAIRED, 3, unit="2", period=y),
            fig(HOUSES_TOTAL, 4, unit="2", period=y),
        ]
    )
    v = validate(fs, facts={"held_on": dt.date(2023, 1, 10)})
    assert [(r.unit, r.rule.code, r.outcome.value) for r in v.problems] == [
        ("1", "tips_valuable_within_received", "violated"),
        ("2", "houses_within_total", "violated"),
        ("2", "tips_valuable_within_received", "possibly_violated"),
    ]
    assert [r.unit for r in v.violated] == ["1", "2"]
    assert v.counts[Outcome.SATISFIED] == 2 and sum(v.counts.values()) == 12
    mine = Rule(code="mine", left=value("tips_received"), operator=">=", right=6, message="at least six")
    assert [r.outcome for r in check_rules(fs, [mine], unit="1", period=y)] == [Outcome.VIOLATED]
    assert len(check_rules(fs, unit="1", period=y)) == len(STANDARD_RULES)
    assert validate(fs, [mine]).counts[Outcome.VIOLATED] == 2
    with pytest.raises(ValidationTypeError, match="'rules\\[0\\]' must be a Rule"):
        validate(fs, ["tips"])  # type: ignore[list-item]


_CODES = [TIPS_RECEIVED, TIPS_VALUABLE, SECURITY_MODELS_ACTIVE, SECURITY_MODELS_ESTABLISHED, SECURITY_MODELS_DISSOLVED]
_CODES += [HOUSES_NEW, HOUSES_REPAIRED, HOUSES_TOTAL]
_EXTRA = (
    Rule(
        code="never",
        left=value("tips_valuable") + value("tips_received", period="same_period_last_year"),
        operator="==",
        right=value("tips_received") + 2,
        missing="never_skip",
        message="m",
    ),
    Rule(
        code="some",
        left=Expression(terms=[Term(ref="houses_new", coefficient=2)]) - fact("budget"),
        operator="<",
        right=value("houses_total", period="previous"),
        missing="skip_if_all_missing",
        message="m",
    ),
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_CODES),
            st.sampled_from(["1", "2", "3"]),
            st.sampled_from([Period.month(2022, m) for m in (1, 2, 3)] + [Period.month(2021, 1)]),
            st.one_of(st.none(), bounded_quantities(unit="x")),
        ),
        max_size=25,
        unique_by=lambda t: t[:3],
    ),
    st.booleans(),
)
def test_validate_is_every_place_checked_one_by_one(
    rows: list[tuple[Indicator, str, Period, Quantity | None]], with_budget: bool
) -> None:
    fs = FigureSet(
        Figure.not_reported(i, u, p) if q is None else Figure.reported(i, u, p, attrs.evolve(q, unit=i.unit))
        for i, u, p, q in rows
    )
    rules = (*STANDARD_RULES, *_EXTRA)
    facts = {"held_on": dt.date(2022, 2, 15), **({"budget": 3} if with_budget else {})}
    v = validate(fs, rules, facts=facts)
    places = dict.fromkeys((f.unit, f.period) for f in fs)
    each = [r for u, p in places for r in check_rules(fs, rules, unit=u, period=p, facts=facts)]
    problems = sorted(
        (r for r in each if r.is_problem),
        key=lambda r: (r.outcome is not Outcome.VIOLATED, ["high", "medium", "low"].index(r.rule.importance.value)),
    )
    assert v.problems == tuple(problems)
    assert v.counts == {o: sum(1 for r in each if r.outcome is o) for o in Outcome}


def test_a_term_out_of_the_calendar_fails_where_it_is_read() -> None:
    # The first year of the calendar has no previous year: reading that term fails, as before; validation
    # that never needs to describe it counts the rule not evaluated.
    y = Period.year(1001)
    rule = Rule(
        code="edge", left=fact("x") + value("tips_received", period="previous"), operator="<=", right=1, message="m"
    )
    fs = FigureSet([fig(TIPS_RECEIVED, 3, period=y)])
    with pytest.raises(PeriodError, match="'year' must be between"):
        rule.evaluate(fs, unit="1", period=y)
    with pytest.raises(PeriodError, match="'year' must be between"):
        rule.evaluate(fs, unit="1", period=y, facts={"x": 1})
    assert validate(fs, [rule]).counts[Outcome.NOT_EVALUATED] == 1


def test_results_name_what_is_missing_as_data() -> None:
    from anninh_toandan.datasets import bao_loc_2022_h1

    results = {r.rule.code: r for r in bao_loc_2022_h1().validate()}
    identity = results["security_models_active_stock_identity"]
    assert identity.outcome is Outcome.NOT_EVALUATED
    assert identity.missing_keys == (("security_models_active", Period.half_year(2021, 2)),)
    assert identity.required == 24
    houses = results["houses_within_total"]
    assert houses.missing_keys == (("houses_total", Period.half_year(2022, 1)),)
    assert houses.required is None
    assert results["tips_valuable_within_received"].missing_keys == ()
