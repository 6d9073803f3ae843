"""Validation rules: contradictions to catch before anything is published.

A :class:`Rule` is data: a left :class:`Expression`, an :class:`Operator`, a
right expression, a :class:`MissingStrategy`, an :class:`Importance`, a stable
``code`` and a message. An expression adds up terms: indicator values (of the
period evaluated, the previous one or the same period last year), *facts*
given at evaluation (a review's meeting day; ``period_start`` and
``period_end`` are always there) and a constant.

Approximate figures make a rule three-valued (:class:`Outcome`): with
"hơn 250" valuable tips of 274 received, ``tips_valuable <= tips_received``
is *possibly violated*: the bounds allow both; it is *violated* only when no
value the bounds allow satisfies it. A rule that lacks a value is *not
evaluated*, and says which value it lacks: missing is not zero.

>>> from anninh_toandan.figures import Figure, FigureSet
>>> from anninh_toandan.indicator import TIPS_RECEIVED, TIPS_VALUABLE
>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> h1 = Period.half_year(2022, 1)
>>> fs = FigureSet([Figure.reported(TIPS_RECEIVED, "673", h1, Quantity.exact(274, "tin")),
...                 Figure.reported(TIPS_VALUABLE, "673", h1, Quantity.more_than(250, "tin"))])
>>> r = TIPS_VALUABLE_WITHIN_RECEIVED.evaluate(fs, unit="673", period=h1)
>>> r.outcome
<Outcome.POSSIBLY_VIOLATED: 'possibly_violated'>
>>> print(r.explanation)
tips_valuable <= tips_received may not hold for unit '673', period '2022S1': the left side is
250 to unbounded, the right side is 274; on the written values (250 and 274) it holds
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import warnings
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any, TypeVar

from attrs import field, frozen

from anninh_toandan._checks import check_int, check_str
from anninh_toandan._columns import FigureColumns
from anninh_toandan._columns import numpy as load_numpy
from anninh_toandan._rules_columns import (
    NOT_EVALUATED,
    POSSIBLY_VIOLATED,
    SATISFIED,
    VIOLATED,
    Lookup,
    fits,
)
from anninh_toandan._rules_columns import outcomes as column_outcomes
from anninh_toandan._rules_columns import places as column_places
from anninh_toandan.errors import AnninhError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, Finding
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
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity

__all__ = [
    "COMPARISON_HAS_BASE",
    "FIGURES_WITHIN_REVIEW_PERIOD",
    "HOUSES_WITHIN_TOTAL",
    "MEETING_AFTER_PERIOD_START",
    "MODELS_DISSOLVED_WITHIN_AVAILABLE",
    "MODELS_OPENING_NOT_NEGATIVE",
    "MODELS_STOCK_IDENTITY",
    "REVIEW_HAS_FIGURES",
    "REVIEW_RULES",
    "STANDARD_RULES",
    "TIPS_VALUABLE_WITHIN_RECEIVED",
    "Expression",
    "Importance",
    "Interval",
    "MissingStrategy",
    "Operator",
    "Outcome",
    "PeriodRef",
    "Rule",
    "RuleError",
    "RuleResult",
    "StockFlow",
    "StockReadings",
    "Term",
    "Validation",
    "check_part_of_whole",
    "check_rules",
    "check_stock_flow",
    "constant",
    "fact",
    "part_of_whole_rule",
    "stock_flow_rule",
    "validate",
    "value",
]


E = TypeVar("E", bound=enum.Enum)


class RuleError(AnninhError, ValueError):
    """A rule is malformed or cannot be evaluated as written (a date added to a number, ...)."""


class Operator(enum.Enum):
    """How the left side relates to the right."""

    LE = "<="
    LT = "<"
    GE = ">="
    GT = ">"
    EQ = "=="


class MissingStrategy(enum.Enum):
    """What a rule does when a value it names is missing (absent, not reported or mentioned only)."""

    SKIP_IF_ANY_MISSING = "skip_if_any_missing"
    """Not evaluated unless every value is there (the default)."""
    SKIP_IF_ALL_MISSING = "skip_if_all_missing"
    """Not evaluated if no value is there; otherwise a missing value is unknown, at least 0 (never 0)."""
    NEVER_SKIP = "never_skip"
    """Always evaluated; a missing value is unknown, at least 0 (never 0). Missing facts still skip."""


class Importance(enum.Enum):
    """How much a violation matters."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Outcome(enum.Enum):
    """What a rule says about the figures."""

    SATISFIED = "satisfied"
    """Holds for every value the figures' bounds allow."""
    POSSIBLY_VIOLATED = "possibly_violated"
    """Holds for some values the bounds allow and not for others."""
    VIOLATED = "violated"
    """Holds for no value the bounds allow."""
    NOT_EVALUATED = "not_evaluated"
    """A value or fact it needs is missing (see :attr:`RuleResult.missing`)."""


class PeriodRef(enum.Enum):
    """Which period an indicator term reads, relative to the period evaluated."""

    CURRENT = "current"
    PREVIOUS = "previous"
    """The period just before (the opening stock of a stock is the previous period's)."""
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"


def _enum(kind: type[E], name: str, value: object) -> E:
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        msg = f"{name!r} must be a {kind.__name__} or one of {[m.value for m in kind]!r} (got {value!r})"
        raise RuleError(msg) from None


def _to_operator(value: object) -> Operator:
    return _enum(Operator, "operator", value)


def _to_missing(value: object) -> MissingStrategy:
    return _enum(MissingStrategy, "missing", value)


def _to_importance(value: object) -> Importance:
    return _enum(Importance, "importance", value)


def _to_period_ref(value: object) -> PeriodRef:
    return _enum(PeriodRef, "period", value)


def _check_ref(_instance: object, _attribute: object, value: Any) -> None:
    check_str("ref", value)


def _check_coefficient(_instance: object, _attribute: object, value: Any) -> None:
    if check_int("coefficient", value) == 0:
        msg = f"'coefficient' must not be 0 (got {value!r})"
        raise RuleError(msg)


@frozen(kw_only=True)
class Term:
    """One term of an expression: ``coefficient × value`` of an indicator or a fact."""

    ref: str = field(validator=_check_ref)
    """An indicator code, or a fact's name when :attr:`fact` is true."""
    fact: bool = False
    coefficient: int = field(default=1, validator=_check_coefficient)
    period: PeriodRef = field(default=PeriodRef.CURRENT, converter=_to_period_ref)
    """For an indicator term: which period it reads."""

    def describe(self, period: Period) -> str:
        """The term as text: ``security_models_active for 2021S2``."""
        if self.fact:
            return f"fact {self.ref!r}"
        return f"{self.ref} for {_shift(period, self.period).id}"

    def _label(self) -> str:
        if self.fact or self.period is PeriodRef.CURRENT:
            return self.ref
        return f"{self.ref}[{self.period.value}]"


def _to_terms(value: Iterable[Term]) -> tuple[Term, ...]:
    out = tuple(value)
    for i, t in enumerate(out):
        if not isinstance(t, Term):
            msg = f"'terms[{i}]' must be a Term (got {t!r} of type {type(t).__name__})"
            raise ValidationTypeError(msg)
    return out


def _check_constant(_instance: object, _attribute: object, value: Any) -> None:
    check_int("constant", value)


@frozen(kw_only=True)
class Expression:
    """A sum of terms and a constant. Build with :func:`value`, :func:`fact`, :func:`constant`, ``+`` and ``-``.

    >>> e = value("security_models_active", period="previous") + value("security_models_established")
    >>> str(e - value("security_models_dissolved"))
    'security_models_active[previous] + security_models_established - security_models_dissolved'
    """

    terms: tuple[Term, ...] = field(default=(), converter=_to_terms)
    constant: int = field(default=0, validator=_check_constant)

    def __add__(self, other: object) -> Expression:
        if isinstance(other, int) and not isinstance(other, bool):
            return Expression(terms=self.terms, constant=self.constant + other)
        if isinstance(other, Expression):
            return Expression(terms=self.terms + other.terms, constant=self.constant + other.constant)
        return NotImplemented

    def __radd__(self, other: object) -> Expression:
        return self.__add__(other)

    def __rsub__(self, other: object) -> Expression:
        return (-self).__add__(other)

    def __neg__(self) -> Expression:
        terms = (Term(ref=t.ref, fact=t.fact, coefficient=-t.coefficient, period=t.period) for t in self.terms)
        return Expression(terms=terms, constant=-self.constant)

    def __sub__(self, other: object) -> Expression:
        if isinstance(other, int | Expression) and not isinstance(other, bool):
            return self + (-other)
        return NotImplemented

    def __str__(self) -> str:
        parts: list[str] = []
        items = [(t.coefficient, t._label()) for t in self.terms]
        if self.constant or not items:
            items.append((self.constant, ""))
        for c, label in items:
            text = str(abs(c)) if not label else label if abs(c) == 1 else f"{abs(c)} × {label}"
            if not parts:
                parts.append(f"-{text}" if c < 0 else text)
            else:
                parts.append(f"{'-' if c < 0 else '+'} {text}")
        return " ".join(parts)


def value(code: str, *, period: PeriodRef | str = PeriodRef.CURRENT) -> Expression:
    """The value of indicator *code* (of the period evaluated, or of *period* relative to it)."""
    return Expression(terms=(Term(ref=check_str("code", code), period=_to_period_ref(period)),))


def fact(name: str) -> Expression:
    """A fact given at evaluation (a number or a date): ``fact("held_on")``."""
    return Expression(terms=(Term(ref=check_str("name", name), fact=True),))


def constant(n: int) -> Expression:
    """A constant number."""
    return Expression(constant=check_int("n", n))


def _to_expression(value: object) -> Expression:
    if isinstance(value, Expression):
        return value
    if isinstance(value, Term):
        return Expression(terms=(value,))
    if isinstance(value, int) and not isinstance(value, bool):
        return Expression(constant=value)
    msg = f"a side of a rule must be an Expression, a Term or an int (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


def _optional_text(name: str) -> Any:
    def check(_instance: object, _attribute: object, value: Any) -> None:
        if value is not None:
            check_str(name, value)

    return check


@frozen(kw_only=True)
class StockFlow:
    """The indicators of a stock identity: the stock, what flows in, what flows out (by code)."""

    stock: str = field(validator=lambda _i, _a, v: check_str("stock", v))
    inflow: str = field(validator=lambda _i, _a, v: check_str("inflow", v))
    outflow: str = field(validator=lambda _i, _a, v: check_str("outflow", v))


def _optional_stock_flow(_instance: object, _attribute: object, value: Any) -> None:
    if value is not None and not isinstance(value, StockFlow):
        msg = f"'stock_flow' must be a StockFlow or None (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)


@frozen(kw_only=True)
class StockReadings:
    """The two readings of a closing stock whose opening stock is unknown: the one place they are worked out.

    "19 models, 3 built, 8 dissolved" can mean 19 *after* the 8 were
    dissolved (the opening stock was 19 − 3 + 8 = 24) or 19 *before* (the
    opening stock was 19 − 3 = 16, and 19 − 8 = 11 remain). Nobody can tell
    without the opening figure, so a stock identity short of it gives both
    (:attr:`RuleResult.readings`).

    >>> r = StockReadings(closing=Quantity.exact(19, "mô hình"), inflow=Quantity.exact(3, "mô hình"),
    ...                   outflow=Quantity.exact(8, "mô hình"))
    >>> r.opening_if_after, r.opening_if_before, r.remaining_if_before
    (24, 16, 11)
    """

    closing: Quantity
    """The closing stock as written."""
    inflow: Quantity
    outflow: Quantity

    @property
    def is_exact(self) -> bool:
        """Whether the three figures are exact (the readings are numbers only then)."""
        return self.closing.is_exact and self.inflow.is_exact and self.outflow.is_exact

    @property
    def opening_if_after(self) -> int | None:
        """The opening stock if the closing one counts the stock after the outflow: closing − inflow + outflow."""
        return self.closing.value - self.inflow.value + self.outflow.value if self.is_exact else None

    @property
    def opening_if_before(self) -> int | None:
        """The opening stock if the closing one still counts the outflow in: closing − inflow."""
        return self.closing.value - self.inflow.value if self.is_exact else None

    @property
    def remaining_if_before(self) -> int | None:
        """What remains, if the closing stock still counts the outflow in: closing − outflow."""
        return self.closing.value - self.outflow.value if self.is_exact else None


@frozen(kw_only=True)
class Interval:
    """Signed bounds of a side of a rule; ``None`` is unbounded (below for ``low``, above for ``high``)."""

    low: int | None
    high: int | None

    def __str__(self) -> str:
        if self.low is not None and self.low == self.high:
            return str(self.low)
        low = "unbounded" if self.low is None else str(self.low)
        high = "unbounded" if self.high is None else str(self.high)
        return f"{low} to {high}"


Side = Interval | _dt.date


@frozen(kw_only=True)
class Rule:
    """A validation rule: ``left operator right``, what to do with missing values, how much it matters.

    >>> r = Rule(code="sessions_need_reach", left=value("outreach_reach"), operator=">=",
    ...          right=value("outreach_sessions"), message="every session reaches someone")
    >>> r.operator, r.missing, r.importance
    (<Operator.GE: '>='>, <MissingStrategy.SKIP_IF_ANY_MISSING: 'skip_if_any_missing'>, <Importance.MEDIUM: 'medium'>)
    """

    code: str = field(validator=_check_ref)
    """A stable identifier."""
    left: Expression = field(converter=_to_expression)
    operator: Operator = field(converter=_to_operator)
    right: Expression = field(converter=_to_expression)
    message: str = field(validator=lambda _i, _a, v: check_str("message", v))
    """What the rule means, in English."""
    missing: MissingStrategy = field(default=MissingStrategy.SKIP_IF_ANY_MISSING, converter=_to_missing)
    importance: Importance = field(default=Importance.MEDIUM, converter=_to_importance)
    name_vi: str | None = field(default=None, validator=_optional_text("name_vi"))
    """What the rule checks, in Vietnamese, for people ("Số tin có giá trị không vượt quá số tin tiếp nhận")."""
    name_en: str | None = field(default=None, validator=_optional_text("name_en"))
    """What the rule checks, in English, for people ("Valuable tips do not exceed the tips received")."""
    stock_flow: StockFlow | None = field(default=None, validator=_optional_stock_flow)
    """For a stock identity (:func:`stock_flow_rule`): which indicator is the stock, the inflow and the outflow."""

    def __str__(self) -> str:
        return f"{self.left} {self.operator.value} {self.right}"

    def name(self, locale: str = "vi") -> str:
        """What the rule checks, for people, in *locale* (``"vi"`` or ``"en"``).

        Falls back to the other language, then to :attr:`message`.

        >>> r = Rule(code="x", left=value("gifts"), operator=">=", right=constant(0), message="gifts are counted",
        ...          name_vi="Số phần quà được đếm")
        >>> r.name("vi"), r.name("en")
        ('Số phần quà được đếm', 'Số phần quà được đếm')
        >>> TIPS_VALUABLE_WITHIN_RECEIVED.name("en")
        'Valuable tips do not exceed the tips received'
        """
        first, second = (self.name_vi, self.name_en) if locale == "vi" else (self.name_en, self.name_vi)
        return first or second or self.message

    def evaluate(
        self,
        figures: FigureSet,
        *,
        unit: str,
        period: Period,
        facts: Mapping[str, int | _dt.date] | None = None,
    ) -> RuleResult:
        """The rule's result for *unit* and *period* of *figures*."""
        check_str("unit", unit)
        if not isinstance(period, Period):
            msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
            raise ValidationTypeError(msg)
        return _result(self, _evaluate(self, figures.getter(), unit, period, _facts(period, facts)), unit, period)


@frozen(kw_only=True)
class RuleResult:
    """A rule's outcome for one unit and period, and why."""

    rule: Rule
    unit: str
    period: Period
    outcome: Outcome
    left: Side | None
    """The left side's bounds (a date for a date rule); ``None`` when not evaluated."""
    right: Side | None
    figures: tuple[Figure, ...] = ()
    """The reported figures the rule read."""
    missing: tuple[str, ...] = ()
    """The values and facts it lacked ("security_models_active for 2021S2")."""
    explanation: str = ""
    missing_keys: tuple[tuple[str, Period | None], ...] = ()
    """The same as :attr:`missing`, as data: (indicator code, period), or (fact name, ``None``)."""
    required: int | None = None
    """For an equation short of one value: the value it would need to hold (``None`` otherwise)."""
    readings: StockReadings | None = None
    """For a stock identity short of the opening stock only: the two readings of the closing stock."""

    @property
    def is_ambiguous(self) -> bool:
        """Whether the figures can be read two ways (a stock identity with :attr:`readings`)."""
        return self.readings is not None

    @property
    def is_problem(self) -> bool:
        """Whether it is violated or possibly violated."""
        return self.outcome in (Outcome.VIOLATED, Outcome.POSSIBLY_VIOLATED)


# -- evaluation --------------------------------------------------------------------


def _shift(period: Period, ref: PeriodRef) -> Period:
    if ref is PeriodRef.CURRENT:
        return period
    return _shifted(period, ref)


@functools.lru_cache(maxsize=4096)
def _shifted(period: Period, ref: PeriodRef) -> Period:
    """The period before *period*, or a year before it (validation asks it of every unit in turn)."""
    if ref is PeriodRef.PREVIOUS:
        return period.previous()
    return period.same_period_last_year()


def _facts(period: Period, facts: Mapping[str, int | _dt.date] | None) -> dict[str, int | _dt.date]:
    out: dict[str, int | _dt.date] = {"period_start": period.start, "period_end": period.end}
    for k, v in (facts or {}).items():
        if isinstance(v, bool) or not isinstance(v, int | _dt.date) or isinstance(v, _dt.datetime):
            msg = f"'facts[{k!r}]' must be an int or a date (got {v!r} of type {type(v).__name__})"
            raise ValidationTypeError(msg)
        out[k] = v
    return out


# A side as evaluated: its bounds (``None`` where unbounded) or a date; an Interval only in results.
_Bounds = tuple[int | None, int | None]
_Raw = _Bounds | _dt.date


# A term ready to read for one period: the term, its coefficient, its ref, whether it is a fact, and the
# period it reads (``None`` for a fact, or when that period is out of range: the error comes when it is read).
_Ready = tuple[Term, int, str, bool, Period | None]


def _ready(expr: Expression, period: Period) -> tuple[_Ready, ...]:
    out: list[_Ready] = []
    for t in expr.terms:
        p = None
        if not t.fact:
            try:
                p = _shift(period, t.period)
            except ValueError:  # a PeriodError: raised again where the term is read
                p = None
        out.append((t, t.coefficient, t.ref, t.fact, p))
    return tuple(out)


def _side(
    expr: Expression,
    terms: tuple[_Ready, ...],
    get: Any,
    unit: str,
    period: Period,
    facts: Mapping[str, int | _dt.date],
    found: list[Figure],
    missing: list[Term],
    estimate: list[int],
) -> _Raw | None:
    """Evaluate one side (its *terms* made ready for *period*): bounds (missing values as [0, unbounded]) or a
    date; the missing terms are collected."""
    if len(terms) == 1 and terms[0][3] and isinstance(facts.get(terms[0][2]), _dt.date):
        t = terms[0][0]
        if t.coefficient != 1 or expr.constant:
            msg = f"a date can only be compared as it is (got {expr})"
            raise RuleError(msg)
        d = facts[t.ref]
        assert isinstance(d, _dt.date)
        return d
    low: int | None = expr.constant
    high: int | None = expr.constant
    est = expr.constant
    for t, c, ref, is_fact, p in terms:
        if is_fact:
            v = facts.get(ref)
            if v is None:
                missing.append(t)
                return None
            if not isinstance(v, int):
                msg = f"fact {ref!r} is a date and cannot be added (got {expr})"
                raise RuleError(msg)
            lo: int | None = v
            hi: int | None = v
            e = v
        else:
            f = get((ref, unit, _shift(period, t.period) if p is None else p))
            q = None if f is None else f.value
            if q is None:
                # Unknown, at least 0; the estimate counts it as 0 only to solve an equation for it.
                missing.append(t)
                lo, hi, e = 0, None, 0
            else:
                found.append(f)
                lo, hi, e = q.low or 0, q.high, q.value
        if c < 0:
            lo, hi = (None if hi is None else c * hi), (None if lo is None else c * lo)
        else:
            lo, hi = (None if lo is None else c * lo), (None if hi is None else c * hi)
        low = None if low is None or lo is None else low + lo
        high = None if high is None or hi is None else high + hi
        est += c * e
    estimate.append(est)
    return (low, high)


def _holds(op: Operator, a: int, b: int) -> bool:
    if op is Operator.LE:
        return a <= b
    if op is Operator.LT:
        return a < b
    if op is Operator.GE:
        return a >= b
    if op is Operator.GT:
        return a > b
    return a == b


def _compare(op: Operator, left: _Bounds, right: _Bounds) -> Outcome:
    """Three-valued comparison of two intervals."""
    if op is Operator.GE or op is Operator.GT:
        left, right = right, left
        op = Operator.LE if op is Operator.GE else Operator.LT
    (ll, lh), (rl, rh) = left, right
    if op is Operator.EQ:
        if ll is not None and ll == lh == rl == rh:
            return Outcome.SATISFIED
        apart = (ll is not None and rh is not None and ll > rh) or (lh is not None and rl is not None and lh < rl)
        return Outcome.VIOLATED if apart else Outcome.POSSIBLY_VIOLATED
    always = lh is not None and rl is not None and _holds(op, lh, rl)
    if always:
        return Outcome.SATISFIED
    never = ll is not None and rh is not None and not _holds(op, ll, rh)
    return Outcome.VIOLATED if never else Outcome.POSSIBLY_VIOLATED


# What evaluating a rule gives: the outcome, both sides, the figures read, the terms missing, the estimates.
_Evaluated = tuple[Outcome, _Raw | None, _Raw | None, tuple[Figure, ...], tuple[Term, ...], list[int]]


def _evaluate(
    rule: Rule,
    get: Any,
    unit: str,
    period: Period,
    facts: Mapping[str, int | _dt.date],
    ready: tuple[tuple[_Ready, ...], tuple[_Ready, ...]] | None = None,
) -> _Evaluated:
    """Evaluate *rule* for *unit* and *period*; *ready* is its sides' terms made ready for *period* (bulk callers
    make them once for every unit)."""
    left_terms, right_terms = (_ready(rule.left, period), _ready(rule.right, period)) if ready is None else ready
    found: list[Figure] = []
    missing: list[Term] = []
    estimate: list[int] = []
    left = _side(rule.left, left_terms, get, unit, period, facts, found, missing, estimate)
    right = _side(rule.right, right_terms, get, unit, period, facts, found, missing, estimate)
    figs, miss = tuple(found), tuple(missing)
    if left is None or right is None:
        return Outcome.NOT_EVALUATED, None, None, figs, miss, estimate
    strategy = rule.missing
    if miss and (
        strategy is MissingStrategy.SKIP_IF_ANY_MISSING
        or (strategy is MissingStrategy.SKIP_IF_ALL_MISSING and not figs)
    ):
        return Outcome.NOT_EVALUATED, None, None, figs, miss, estimate
    if isinstance(left, _dt.date) or isinstance(right, _dt.date):
        if not (isinstance(left, _dt.date) and isinstance(right, _dt.date)):
            msg = f"rule {rule.code!r} compares a date with a number ({rule})"
            raise RuleError(msg)
        outcome = Outcome.SATISFIED if _holds(rule.operator, left.toordinal(), right.toordinal()) else Outcome.VIOLATED
        return outcome, left, right, figs, miss, estimate
    assert not isinstance(left, _dt.date) and not isinstance(right, _dt.date)
    return _compare(rule.operator, left, right), left, right, figs, miss, estimate


def _solve(rule: Rule, period: Period, estimate: list[int], missing: tuple[str, ...]) -> tuple[str, int | None]:
    """For an equation short of one value: what that value would have to be (as text, and the value)."""
    if rule.operator is not Operator.EQ or len(missing) != 1:
        return "", None
    # Re-evaluate the sides with the written values, the missing term counted as 0.
    terms = [(t, 1) for t in rule.left.terms] + [(t, -1) for t in rule.right.terms]
    unknown = [(t, s) for t, s in terms if t.describe(period) == missing[0]]
    if len(unknown) != 1 or len(estimate) != 2:
        return "", None
    t, s = unknown[0]
    left_est, right_est = estimate
    # left - right + s * c * x = 0 with the unknown x counted as 0 above.
    coeff = s * t.coefficient
    rest = left_est - right_est
    if rest % coeff:
        return f"; no whole value of {missing[0]} would make it hold", None
    x = -rest // coeff
    if x < 0:
        return f"; it cannot hold: {missing[0]} would have to be {x}", x
    return f"; it holds only if {missing[0]} is {x}", x


def _interval(side: _Raw | None) -> Side | None:
    return Interval(low=side[0], high=side[1]) if isinstance(side, tuple) else side


def _result(rule: Rule, evaluated: _Evaluated, unit: str, period: Period) -> RuleResult:
    outcome, raw_left, raw_right, figs, terms, estimate = evaluated
    left, right = _interval(raw_left), _interval(raw_right)
    missing = tuple(t.describe(period) for t in terms)
    where = f"for unit {unit!r}, period {period.id!r}"
    required = None
    if outcome is Outcome.NOT_EVALUATED:
        text = f"{rule} was not evaluated {where}: no number for {', '.join(missing)}"
        solved, required = _solve(rule, period, estimate, missing)
        text += solved
    elif outcome is Outcome.SATISFIED:
        text = f"{rule} holds {where}: the left side is {left}, the right side is {right}"
    elif outcome is Outcome.VIOLATED:
        text = f"{rule} is violated {where}: the left side is {left}, the right side is {right}; {rule.message}"
    else:
        text = f"{rule} may not hold {where}: the left side is {left}, the right side is {right}"
        if len(estimate) == 2 and not missing:
            a, b = estimate
            verdict = "it holds" if _holds(rule.operator, a, b) else "it does not hold"
            text += f"; on the written values ({a} and {b}) {verdict}"
        if missing:
            text += f"; no number for {', '.join(missing)}"
    missing_keys = _missing_keys(rule, period, missing)
    return RuleResult(
        rule=rule,
        unit=unit,
        period=period,
        outcome=outcome,
        left=left,
        right=right,
        figures=figs,
        missing=missing,
        explanation=text,
        missing_keys=missing_keys,
        required=required,
        readings=_readings(rule, outcome, figs, missing_keys, period),
    )


def _readings(
    rule: Rule,
    outcome: Outcome,
    figures: tuple[Figure, ...],
    missing: tuple[tuple[str, Period | None], ...],
    period: Period,
) -> StockReadings | None:
    """The two readings of a stock identity that lacks the opening stock and nothing else."""
    sf = rule.stock_flow
    if sf is None or outcome is not Outcome.NOT_EVALUATED or len(missing) != 1 or missing[0][0] != sf.stock:
        return None
    if missing[0][1] == period:
        return None  # the closing stock is what is missing
    by_code = {f.indicator.code: f.value for f in figures if f.period == period and f.value is not None}
    if not {sf.stock, sf.inflow, sf.outflow} <= by_code.keys():
        return None  # a rule whose terms are not the stock, inflow and outflow it names
    return StockReadings(closing=by_code[sf.stock], inflow=by_code[sf.inflow], outflow=by_code[sf.outflow])


def _missing_keys(rule: Rule, period: Period, missing: tuple[str, ...]) -> tuple[tuple[str, Period | None], ...]:
    """The missing terms as (indicator code, period) or (fact name, None), in the order of :attr:`missing`."""
    if not missing:
        return ()
    by_text = {t.describe(period): t for t in (*rule.left.terms, *rule.right.terms)}
    out: list[tuple[str, Period | None]] = []
    for text in missing:
        t = by_text[text]
        out.append((t.ref, None) if t.fact else (t.ref, _shift(period, t.period)))
    return tuple(out)


# -- many rules, many places ---------------------------------------------------------


def _rules(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    out = tuple(rules)
    for i, r in enumerate(out):
        if not isinstance(r, Rule):
            msg = f"'rules[{i}]' must be a Rule (got {r!r} of type {type(r).__name__})"
            raise ValidationTypeError(msg)
    return out


def check_rules(
    figures: FigureSet,
    rules: Iterable[Rule] | None = None,
    *,
    unit: str,
    period: Period,
    facts: Mapping[str, int | _dt.date] | None = None,
) -> tuple[RuleResult, ...]:
    """Every rule's result for one unit and period (default: :data:`STANDARD_RULES`)."""
    chosen = STANDARD_RULES if rules is None else _rules(rules)
    return tuple(r.evaluate(figures, unit=unit, period=period, facts=facts) for r in chosen)


@frozen(kw_only=True)
class Validation:
    """The rules run over every unit and period of a figure set."""

    problems: tuple[RuleResult, ...]
    """Violated and possibly violated results, most important first."""
    counts: Mapping[Outcome, int]
    """How many results of each outcome."""

    @property
    def violated(self) -> tuple[RuleResult, ...]:
        """The violated results."""
        return tuple(r for r in self.problems if r.outcome is Outcome.VIOLATED)


_RANK = {Importance.HIGH: 0, Importance.MEDIUM: 1, Importance.LOW: 2}


def validate(
    figures: FigureSet,
    rules: Iterable[Rule] | None = None,
    *,
    facts: Mapping[str, int | _dt.date] | None = None,
) -> Validation:
    """Run *rules* (default :data:`STANDARD_RULES`) for every (unit, period) that has figures.

    Only the problems are kept as results (a national set yields millions of
    satisfied ones); :attr:`Validation.counts` counts every outcome.

    >>> from anninh_toandan.figures import Figure, FigureSet
    >>> from anninh_toandan.indicator import TIPS_RECEIVED, TIPS_VALUABLE
    >>> from anninh_toandan.quantity import Quantity
    >>> y = Period.year(2022)
    >>> fs = FigureSet([Figure.reported(TIPS_RECEIVED, "1", y, Quantity.exact(5, "tin")),
    ...                 Figure.reported(TIPS_VALUABLE, "1", y, Quantity.exact(9, "tin"))])
    >>> v = validate(fs)
    >>> [(r.rule.code, r.outcome.value) for r in v.problems]
    [('tips_valuable_within_received', 'violated')]
    >>> v.counts[Outcome.NOT_EVALUATED]
    5
    """
    chosen = STANDARD_RULES if rules is None else _rules(rules)
    cols = figures.columns
    if cols is not None:
        return _validate_columns(figures, cols, chosen, facts)
    get = figures.getter()
    places = dict.fromkeys(map(itemgetter(1, 2), figures.mapping()))
    # What depends on the period only (its facts, each rule's terms ready for it) is made once per period.
    by_period: dict[Period, tuple[dict[str, int | _dt.date], list[tuple[Rule, tuple[Any, Any]]]]] = {}
    outcomes: list[Outcome] = []
    problems: list[RuleResult] = []
    for unit, period in places:
        prepared = by_period.get(period)
        if prepared is None:
            ready = [(r, (_ready(r.left, period), _ready(r.right, period))) for r in chosen]
            prepared = by_period[period] = (_facts(period, facts), ready)
        all_facts, ready = prepared
        for rule, terms in ready:
            evaluated = _evaluate(rule, get, unit, period, all_facts, terms)
            outcome = evaluated[0]
            outcomes.append(outcome)
            if outcome is Outcome.VIOLATED or outcome is Outcome.POSSIBLY_VIOLATED:
                problems.append(_result(rule, evaluated, unit, period))
    problems.sort(key=lambda r: (r.outcome is not Outcome.VIOLATED, _RANK[r.rule.importance]))
    counts = {o: outcomes.count(o) for o in Outcome}  # list.count compares by identity first: no hashing
    return Validation(problems=tuple(problems), counts=counts)


def _shape(expr: Expression, facts: Mapping[str, int | _dt.date]) -> tuple[str, Any]:
    """What :func:`_side` makes of *expr* with *facts* wherever it is read, values aside: ``("date", d)``,
    ``("missing", None)`` (a fact is missing), ``("raise", None)`` (it raises a RuleError) or
    ``("number", (constant with the facts, indicator terms))``."""
    terms = expr.terms
    if len(terms) == 1 and terms[0].fact and isinstance(facts.get(terms[0].ref), _dt.date):
        if terms[0].coefficient != 1 or expr.constant:
            return "raise", None
        return "date", facts[terms[0].ref]
    total = expr.constant
    kept: list[Term] = []
    for t in terms:
        if t.fact:
            v = facts.get(t.ref)
            if v is None:
                return "missing", None
            if not isinstance(v, int):
                return "raise", None
            total += t.coefficient * v
        else:
            kept.append(t)
    return "number", (total, tuple(kept))


def _validate_columns(
    figures: FigureSet,
    cols: FigureColumns,
    chosen: tuple[Rule, ...],
    facts: Mapping[str, int | _dt.date] | None,
) -> Validation:
    """:func:`validate` on the columns of a columnar set: each rule's outcome at every place at once (NumPy),
    results made for the problems only, as the object path makes them; what the columns cannot do exactly
    (dates against numbers, sums that could pass 64 bits, periods out of range) goes the object path."""
    np = load_numpy()
    unit_codes, period_codes = column_places(cols)
    # The facts of every period with places, in the order of the places (the first wrong fact raises first).
    used_periods: list[int] = period_codes[np.sort(np.unique(period_codes, return_index=True)[1])].tolist()
    period_facts = {p: _facts(cols.periods[p], facts) for p in used_periods}
    period_index = {p: i for i, p in enumerate(cols.periods)}
    lookup = Lookup(cols, {t.ref for r in chosen for t in (*r.left.terms, *r.right.terms) if not t.fact})
    shifted: dict[PeriodRef, Any] = {}

    def shifts(ref: PeriodRef) -> Any:
        """For each period code, the code of the period *ref* reads (-1 if none has rows); None if one with places
        cannot be shifted (the object path raises it)."""
        if ref not in shifted:
            out = np.full(len(cols.periods) + 1, -1, dtype=np.int64)
            try:
                for p in used_periods:
                    out[p] = period_index.get(_shift(cols.periods[p], ref), -1)
            except ValueError:
                out = None
            shifted[ref] = out
        return shifted[ref]

    counts = dict.fromkeys(Outcome, 0)
    by_code = (Outcome.SATISFIED, Outcome.POSSIBLY_VIOLATED, Outcome.VIOLATED, Outcome.NOT_EVALUATED)
    found: list[tuple[int, int, RuleResult | None]] = []  # (place, rule, result or None: made below)
    fallback: list[int] = []
    for k, rule in enumerate(chosen):
        codes = _column_outcomes(rule, cols, lookup, unit_codes, period_codes, used_periods, period_facts, shifts)
        if codes is None:
            fallback.append(k)
            continue
        tally = np.bincount(codes, minlength=4)
        for code, n in enumerate(tally.tolist()):
            counts[by_code[code]] += n
        for at in np.flatnonzero((codes == POSSIBLY_VIOLATED) | (codes == VIOLATED)).tolist():
            found.append((at, k, None))
    units, periods = cols.units, cols.periods
    if fallback:
        get = figures.getter()
        ready: dict[tuple[int, int], tuple[Any, Any]] = {}
        for at, (u, p) in enumerate(zip(unit_codes.tolist(), period_codes.tolist(), strict=True)):
            unit, period = units[u], periods[p]
            for k in fallback:
                rule = chosen[k]
                terms = ready.get((p, k))
                if terms is None:
                    terms = ready[p, k] = (_ready(rule.left, period), _ready(rule.right, period))
                evaluated = _evaluate(rule, get, unit, period, period_facts[p], terms)
                counts[evaluated[0]] += 1
                if evaluated[0] is Outcome.VIOLATED or evaluated[0] is Outcome.POSSIBLY_VIOLATED:
                    found.append((at, k, _result(rule, evaluated, unit, period)))
    problems = _column_problems(figures, cols, lookup, chosen, found, unit_codes, period_codes, period_facts, shifts)
    problems.sort(key=lambda r: (r.outcome is not Outcome.VIOLATED, _RANK[r.rule.importance]))
    return Validation(problems=tuple(problems), counts=counts)


def _column_outcomes(
    rule: Rule,
    cols: FigureColumns,
    lookup: Lookup,
    unit_codes: Any,
    period_codes: Any,
    used_periods: list[int],
    period_facts: Mapping[int, Mapping[str, int | _dt.date]],
    shifts: Callable[[PeriodRef], Any],
) -> Any:
    """The outcome code of *rule* at every place, or ``None`` when the columns cannot give it exactly."""
    np = load_numpy()
    if not len(unit_codes):
        return np.zeros(0, dtype=np.int8)
    indicator_terms = [t for t in (*rule.left.terms, *rule.right.terms) if not t.fact]
    if any(shifts(t.period) is None for t in indicator_terms):
        return None  # a period out of range: the object path raises where it reads it
    shapes = {p: (_shape(rule.left, period_facts[p]), _shape(rule.right, period_facts[p])) for p in used_periods}
    kinds = {(left[0], right[0]) for left, right in shapes.values()}
    if len(kinds) != 1:
        return None
    ((left_kind, right_kind),) = kinds
    if "raise" in (left_kind, right_kind):
        return None  # a RuleError: raised by the object path at the first place
    if "missing" in (left_kind, right_kind):
        return np.full(len(unit_codes), NOT_EVALUATED, dtype=np.int8)
    if left_kind == "date" and right_kind == "date":
        by_period = np.zeros(len(cols.periods) + 1, dtype=np.int8)
        for p, ((_, a), (_, b)) in shapes.items():
            holds = _holds(rule.operator, a.toordinal(), b.toordinal())
            by_period[p] = SATISFIED if holds else VIOLATED
        return by_period[period_codes]
    if left_kind != "number" or right_kind != "number":
        return None  # a date against a number: an error or not, place by place
    numbers = {(left[1][0], right[1][0]) for left, right in shapes.values()}
    if len(numbers) != 1:
        return None
    (_, (left_constant, left_terms)), (_, (right_constant, right_terms)) = next(iter(shapes.values()))
    sides = []
    for constant_, terms in ((left_constant, left_terms), (right_constant, right_terms)):
        if not fits(constant_, [t.coefficient for t in terms], lookup.largest):
            return None  # sums that could pass 64 bits: Python's integers
        sides.append((constant_, [(t.ref, t.coefficient, shifts(t.period)) for t in terms]))
    return column_outcomes(
        cols, lookup, unit_codes, period_codes, sides[0], rule.operator.value, sides[1], rule.missing.value
    )


def _column_problems(
    figures: FigureSet,
    cols: FigureColumns,
    lookup: Lookup,
    chosen: tuple[Rule, ...],
    found: list[tuple[int, int, RuleResult | None]],
    unit_codes: Any,
    period_codes: Any,
    period_facts: Mapping[int, Mapping[str, int | _dt.date]],
    shifts: Callable[[PeriodRef], Any],
) -> list[RuleResult]:
    """The results of the problems found on the columns, in the object path's order (place, then rule), made as
    it makes them from the figures they read (made together, from the columns of their rows only)."""
    np = load_numpy()
    found.sort(key=itemgetter(0, 1))
    todo = [(at, k) for at, k, result in found if result is None]
    get: Any = None
    if todo:
        places = np.array([at for at, _ in todo], dtype=np.int64)
        of_rule = np.array([k for _, k in todo], dtype=np.int64)
        wanted = [np.zeros(0, dtype=np.int64)]
        for k in np.unique(of_rule).tolist():
            mine = places[of_rule == k]
            for t in (*chosen[k].left.terms, *chosen[k].right.terms):
                if not t.fact:
                    rows = lookup.find(t.ref, shifts(t.period)[period_codes[mine]], unit_codes[mine])
                    wanted.append(rows[rows >= 0])
        rows = np.unique(np.concatenate(wanted))
        get = FigureSet.from_columns(cols.take(rows)).mapping().get
    out: list[RuleResult] = []
    units, periods = cols.units, cols.periods
    ready: dict[tuple[int, int], tuple[Any, Any]] = {}
    for at, k, result in found:
        if result is None:
            rule = chosen[k]
            p = int(period_codes[at])
            unit, period = units[int(unit_codes[at])], periods[p]
            terms = ready.get((p, k))
            if terms is None:
                terms = ready[p, k] = (_ready(rule.left, period), _ready(rule.right, period))
            result = _result(rule, _evaluate(rule, get, unit, period, period_facts[p], terms), unit, period)
        out.append(result)
    return out


# -- the programme's rules -------------------------------------------------------------


def _code(indicator: Indicator | str) -> str:
    return indicator.code if isinstance(indicator, Indicator) else check_str("indicator", indicator)


def part_of_whole_rule(
    part: Indicator | str,
    whole: Indicator | str,
    *,
    code: str | None = None,
    name_vi: str | None = None,
    name_en: str | None = None,
) -> Rule:
    """The rule ``part <= whole`` ("100 valuable tips of 274 received").

    >>> from anninh_toandan.indicator import HOUSES_NEW, HOUSES_TOTAL
    >>> r = part_of_whole_rule(HOUSES_NEW, HOUSES_TOTAL, name_vi="Số nhà xây mới không vượt quá tổng số nhà")
    >>> str(r), r.code, r.name("vi")
    ('houses_new <= houses_total', 'houses_new_within_houses_total', 'Số nhà xây mới không vượt quá tổng số nhà')
    """
    p, w = _code(part), _code(whole)
    return Rule(
        code=code or f"{p}_within_{w}",
        left=value(p),
        operator=Operator.LE,
        right=value(w),
        message=f"{p} must not exceed {w}",
        importance=Importance.HIGH,
        name_vi=name_vi,
        name_en=name_en,
    )


def stock_flow_rule(
    stock: Indicator | str,
    inflow: Indicator | str,
    outflow: Indicator | str,
    *,
    name_vi: str | None = None,
    name_en: str | None = None,
) -> Rule:
    """The stock identity ``stock = stock[previous] + inflow - outflow``, where all four are known.

    Short of the opening stock only, its result carries the two readings of
    the closing stock (:attr:`RuleResult.readings`).
    """
    s, i, o = _code(stock), _code(inflow), _code(outflow)
    return Rule(
        code=f"{s}_stock_identity",
        left=value(s),
        operator=Operator.EQ,
        right=value(s, period=PeriodRef.PREVIOUS) + value(i) - value(o),
        message=f"the closing {s} must equal the opening one plus {i} minus {o}",
        importance=Importance.HIGH,
        name_vi=name_vi,
        name_en=name_en,
        stock_flow=StockFlow(stock=s, inflow=i, outflow=o),
    )


TIPS_VALUABLE_WITHIN_RECEIVED = part_of_whole_rule(
    TIPS_VALUABLE,
    TIPS_RECEIVED,
    code="tips_valuable_within_received",
    name_vi="Số tin có giá trị không vượt quá số tin tiếp nhận",
    name_en="Valuable tips do not exceed the tips received",
)
"""Valuable tips ≤ tips received."""

MODELS_DISSOLVED_WITHIN_AVAILABLE = Rule(
    code="models_dissolved_within_available",
    left=value(SECURITY_MODELS_DISSOLVED.code),
    operator=Operator.LE,
    right=value(SECURITY_MODELS_ACTIVE.code, period=PeriodRef.PREVIOUS) + value(SECURITY_MODELS_ESTABLISHED.code),
    message="no more models can be dissolved than were active at the start plus those established",
    importance=Importance.HIGH,
    name_vi="Số mô hình thanh loại không vượt quá số mô hình hiện có đầu kỳ cộng số mô hình xây dựng mới",
    name_en="Models dissolved do not exceed the models active at the start plus those established",
)
"""Dissolved models ≤ models active at the start + established."""

HOUSES_WITHIN_TOTAL = Rule(
    code="houses_within_total",
    left=value(HOUSES_NEW.code) + value(HOUSES_REPAIRED.code),
    operator=Operator.LE,
    right=value(HOUSES_TOTAL.code),
    message="houses built and repaired must not exceed the houses in total",
    name_vi="Số nhà đại đoàn kết xây mới và sửa chữa không vượt quá tổng số nhà",
    name_en="Houses built and repaired do not exceed the houses in total",
)
"""Houses built + repaired ≤ the housing total, when all are given."""

MODELS_OPENING_NOT_NEGATIVE = Rule(
    code="models_opening_not_negative",
    left=value(SECURITY_MODELS_ACTIVE.code)
    - value(SECURITY_MODELS_ESTABLISHED.code)
    + value(SECURITY_MODELS_DISSOLVED.code),
    operator=Operator.GE,
    right=constant(0),
    message="the models active at the start that the figures imply (active - established + dissolved) "
    "must not be negative",
    importance=Importance.HIGH,
    name_vi="Số mô hình đầu kỳ suy ra từ số liệu (tổng số − xây mới + thanh loại) không âm",
    name_en="The models active at the start implied by the figures (total - established + dissolved) are not negative",
)
"""No negative amounts: reported quantities cannot be negative (``Quantity`` refuses them), so the
rule checks the amount the figures imply, the opening stock of models."""

MEETING_AFTER_PERIOD_START = Rule(
    code="meeting_after_period_start",
    left=fact("held_on"),
    operator=Operator.GT,
    right=fact("period_start"),
    message="a review meeting must be held after the start of the period it reviews",
    importance=Importance.LOW,
    name_vi="Hội nghị được tổ chức sau ngày bắt đầu kỳ báo cáo",
    name_en="The meeting is held after the start of the period it reviews",
)
"""A review's meeting day (fact ``held_on``) after its period's start."""

MODELS_STOCK_IDENTITY = stock_flow_rule(
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_ESTABLISHED,
    SECURITY_MODELS_DISSOLVED,
    name_vi="Tổng số mô hình cuối kỳ bằng số đầu kỳ cộng số xây dựng mới trừ số thanh loại",
    name_en="The models at the end equal those at the start plus those established minus those dissolved",
)
"""active(end) = active(start) + established - dissolved, where all four are known."""

#: The programme's standard rules; add your own with ``STANDARD_RULES + (my_rule,)``.
STANDARD_RULES: tuple[Rule, ...] = (
    TIPS_VALUABLE_WITHIN_RECEIVED,
    MODELS_DISSOLVED_WITHIN_AVAILABLE,
    HOUSES_WITHIN_TOTAL,
    MODELS_OPENING_NOT_NEGATIVE,
    MEETING_AFTER_PERIOD_START,
    MODELS_STOCK_IDENTITY,
)


# -- the consistency of a review ---------------------------------------------------------
# Facts that :meth:`anninh_toandan.review.Review.validate` gives: how many figures the review has for its
# period (records' figures included), how many lie outside it, how many the comparison base has.

REVIEW_HAS_FIGURES = Rule(
    code="review_has_figures",
    left=fact("figures_in_period"),
    operator=Operator.GT,
    right=constant(0),
    message="a review must have figures for its period, or records that give them",
    importance=Importance.HIGH,
    name_vi="Hội nghị có số liệu của kỳ báo cáo",
    name_en="The review has figures for the period it reviews",
)
"""A review with no figures for its period (none at all, or all for other periods) is reported, never silent."""

FIGURES_WITHIN_REVIEW_PERIOD = Rule(
    code="figures_within_review_period",
    left=fact("figures_outside_period"),
    operator=Operator.EQ,
    right=constant(0),
    message="every figure of a review must be for its period (or the period before it, or the same period "
    "last year, which the rules read)",
    importance=Importance.MEDIUM,
    name_vi="Mọi số liệu thuộc kỳ báo cáo",
    name_en="Every figure belongs to the period reviewed",
)
"""No figure outside the review's period (its result lists them in :attr:`RuleResult.figures`)."""

COMPARISON_HAS_BASE = Rule(
    code="comparison_has_base",
    left=fact("base_figures"),
    operator=Operator.GT,
    right=constant(0),
    message="a comparison needs figures of the unit for the period it compares with",
    importance=Importance.HIGH,
    name_vi="Có số liệu của kỳ so sánh",
    name_en="The period compared with has figures",
)
"""A comparison base (``compare=``) with no figures of the unit for the base period. Not evaluated without one."""

#: The consistency of a review: run by :meth:`~anninh_toandan.review.Review.validate` besides the rules given.
REVIEW_RULES: tuple[Rule, ...] = (REVIEW_HAS_FIGURES, FIGURES_WITHIN_REVIEW_PERIOD, COMPARISON_HAS_BASE)


# -- deprecated: the consistency checks that returned findings ----------------------------


def _deprecated(name: str) -> None:
    warnings.warn(
        f"{name} is deprecated: use Review.validate() or the rules' results (RuleResult.readings for the two "
        "readings of a stock)",
        DeprecationWarning,
        stacklevel=3,
    )


def check_stock_flow(
    figures: FigureSet,
    *,
    stock: Indicator | str,
    inflow: Indicator | str,
    outflow: Indicator | str,
    unit: str,
    period: Period,
) -> Finding | None:
    """Deprecated: the result of :func:`stock_flow_rule` as a :class:`~anninh_toandan.figures.Finding`.

    Moved here from :mod:`anninh_toandan.figures`. A ``stock_flow_ambiguous``
    finding when the opening stock is missing (the two readings are the
    result's :attr:`RuleResult.readings`), ``stock_flow_mismatch`` when the
    figures contradict the identity, ``None`` otherwise.
    """
    _deprecated("check_stock_flow")
    result = stock_flow_rule(stock, inflow, outflow).evaluate(figures, unit=unit, period=period)
    where = f"unit {unit!r}, period {period.id!r}"
    readings = result.readings
    if readings is not None:
        c, i, o = readings.closing, readings.inflow, readings.outflow
        if readings.is_exact:
            text = (
                f"if {c.value} counts the stock after the {o.value} removed, the opening stock was "
                f"{readings.opening_if_after}; if it counts them in, the opening stock was "
                f"{readings.opening_if_before} and {readings.remaining_if_before} remain"
            )
        else:
            text = "the closing stock may count the outflow in or out"
        msg = (
            f"{_code(stock)!r} ({c!r}) cannot be checked against {_code(inflow)!r} ({i!r}) and "
            f"{_code(outflow)!r} ({o!r}) for {where}: no opening stock for {period.previous().id!r}; {text}"
        )
        return Finding(code="stock_flow_ambiguous", message=msg, figures=result.figures)
    if result.outcome is not Outcome.VIOLATED:
        return None
    closing, opening, inn, out = result.figures
    msg = (
        f"{_code(stock)!r} for {where} is {closing.value!r}, but opening {opening.value!r} + {inn.value!r} - "
        f"{out.value!r} cannot give it (possible range {result.right})"
    )
    return Finding(code="stock_flow_mismatch", message=msg, figures=(opening, closing, inn, out))


def check_part_of_whole(
    figures: FigureSet,
    *,
    part: Indicator | str,
    whole: Indicator | str,
    unit: str,
    period: Period,
) -> Finding | None:
    """Deprecated: a violated :func:`part_of_whole_rule` as a ``part_exceeds_whole`` finding.

    Moved here from :mod:`anninh_toandan.figures`.
    """
    _deprecated("check_part_of_whole")
    result = part_of_whole_rule(part, whole).evaluate(figures, unit=unit, period=period)
    if result.outcome is not Outcome.VIOLATED:
        return None
    p, w = result.figures
    msg = (
        f"{_code(part)!r} ({p.value!r}) must not exceed {_code(whole)!r} ({w.value!r}) "
        f"for unit {unit!r}, period {period.id!r}"
    )
    return Finding(code="part_exceeds_whole", message=msg, figures=(p, w))
