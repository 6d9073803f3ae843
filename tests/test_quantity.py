"""Quantity: constructors, validation and sound interval arithmetic."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan import (
    AnninhError,
    EmptyValueError,
    Qualifier,
    Quantity,
    QuantityError,
    UnitMismatchError,
    ValidationTypeError,
    quantity_from_bounds,
)
from tests.strategies import bounded_quantities, quantities, true_value

# -- constructors and bounds --------------------------------------------------


def test_named_constructors_state_their_bounds() -> None:
    assert (Quantity.exact(72, "buổi").low, Quantity.exact(72, "buổi").high) == (72, 72)
    assert (Quantity.more_than(13000, "lượt").low, Quantity.more_than(13000, "lượt").high) == (13000, None)
    assert (Quantity.nearly(35, "tỷ").low, Quantity.nearly(35, "tỷ").high) == (None, 35)
    assert (Quantity.about(200, "người").low, Quantity.about(200, "người").high) == (None, None)
    assert (Quantity.order_of(100, "bài viết").low, Quantity.order_of(100, "bài viết").high) == (100, 999)
    assert Quantity.order_of(100_000_000, "đồng").high == 999_999_999


def test_vnd_is_money_in_dong() -> None:
    q = Quantity.vnd(437_000_000)
    assert (q.unit, q.value, q.is_exact, q.is_money) == ("đồng", 437_000_000, True, True)
    assert Quantity.vnd(100_000_000, Qualifier.ORDER_OF).qualifier is Qualifier.ORDER_OF
    assert not Quantity.exact(3, "nhà").is_money


def test_is_exact_only_for_exact() -> None:
    assert Quantity.exact(0, "vụ").is_exact
    for q in (Quantity.more_than(1, "vụ"), Quantity.about(1, "vụ"), Quantity.nearly(1, "vụ")):
        assert not q.is_exact


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        (lambda: Quantity.exact(1.5, "vụ"), ValidationTypeError, "'value' must be an int (got 1.5 of type float)"),
        (lambda: Quantity.exact(True, "vụ"), ValidationTypeError, "'value' must be an int (got True"),
        (lambda: Quantity.exact("3", "vụ"), ValidationTypeError, "'value' must be an int (got '3'"),
        (lambda: Quantity.exact(-5, "vụ"), QuantityError, "'value' must be >= 0 (got -5)"),
        (lambda: Quantity.exact(5, ""), EmptyValueError, "'unit' must not be empty (got '')"),
        (lambda: Quantity.exact(5, "   "), EmptyValueError, "'unit' must not be empty"),
        (lambda: Quantity.exact(5, None), ValidationTypeError, "'unit' must be a str (got None"),
        (lambda: Quantity.order_of(150, "bài"), QuantityError, "power of ten >= 10 (got 150)"),
        (lambda: Quantity.order_of(1, "bài"), QuantityError, "power of ten >= 10 (got 1)"),
        (lambda: Quantity.order_of(0, "bài"), QuantityError, "power of ten >= 10 (got 0)"),
        (lambda: Quantity.nearly(0, "vụ"), QuantityError, "value > 0"),
        (lambda: Quantity.vnd(1.2e9), ValidationTypeError, "'value' must be an int"),
        (lambda: Quantity(value=5, unit="vụ", qualifier="exact"), ValidationTypeError, "'qualifier' must be a"),
        (lambda: Quantity(value=5, unit="vụ", low=4), QuantityError, "low == high == value"),
        (lambda: Quantity(value=5, unit="vụ", qualifier=Qualifier.MORE_THAN, high=5), QuantityError, "high > value"),
        (lambda: Quantity(value=5, unit="vụ", qualifier=Qualifier.NEARLY, low=5), QuantityError, "0 < low < value"),
        (lambda: Quantity(value=5, unit="vụ", qualifier=Qualifier.ABOUT, low=4), QuantityError, "are None"),
        (lambda: Quantity(value=10, unit="vụ", qualifier=Qualifier.ORDER_OF, high=50), QuantityError, "10 * value"),
        (lambda: Quantity(value=5, unit="vụ", qualifier=Qualifier.MORE_THAN, high=-1), QuantityError, "'high' must"),
        (lambda: Quantity(value=5, unit="vụ", low=2.0), ValidationTypeError, "'low' must be an int"),
    ],
)
def test_bad_values_get_clear_typed_errors(call: object, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        call()  # type: ignore[operator]
    assert fragment in str(info.value)
    assert isinstance(info.value, AnninhError)


def test_errors_are_value_or_type_errors() -> None:
    with pytest.raises(ValueError, match="must be >= 0"):
        Quantity.exact(-1, "vụ")
    with pytest.raises(TypeError, match="must be an int"):
        Quantity.exact(1.0, "vụ")


def test_equality_and_hashing_by_value() -> None:
    a = Quantity.more_than(13000, "lượt")
    b = Quantity.more_than(13000, "lượt")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Quantity.exact(13000, "lượt")}) == 2
    assert Quantity.exact(1, "vụ") != Quantity.exact(1, "vụ việc")


def test_repr_reads_like_the_constructor() -> None:
    assert repr(Quantity.more_than(13000, "lượt")) == "Quantity.more_than(13000, 'lượt')"
    q = Quantity.nearly(500, "x") + Quantity.exact(100, "x")
    assert repr(q) == "Quantity.nearly(600, 'x', low=100, high=600)"


def test_contains_uses_the_bounds() -> None:
    q = Quantity.order_of(100, "bài viết")
    assert q.contains(100) and q.contains(999)
    assert not q.contains(99) and not q.contains(1000) and not q.contains(-1)
    assert Quantity.about(5, "vụ").contains(1000)


# -- arithmetic: the examples of the issue ------------------------------------


def test_exact_plus_exact_stays_exact() -> None:
    assert Quantity.exact(72, "buổi") + Quantity.exact(28, "buổi") == Quantity.exact(100, "buổi")


def test_more_than_plus_exact_is_more_than() -> None:
    assert Quantity.more_than(13000, "lượt") + Quantity.exact(500, "lượt") == Quantity.more_than(13500, "lượt")
    assert Quantity.more_than(250, "bản") + Quantity.exact(100, "bản") == Quantity.more_than(350, "bản")


def test_anything_with_an_estimate_is_an_estimate() -> None:
    for other in (Quantity.exact(5, "vụ"), Quantity.more_than(5, "vụ"), Quantity.order_of(10, "vụ")):
        total = Quantity.about(100, "vụ") + other
        assert total.qualifier is Qualifier.ABOUT
        assert total.value == 100 + other.value
        assert (total.low, total.high) == (None, None)


def test_nearly_sums_keep_nearly_wording_and_both_bounds() -> None:
    q = Quantity.nearly(35, "tỷ") + Quantity.nearly(5, "tỷ")
    assert q == Quantity.nearly(40, "tỷ")
    r = Quantity.nearly(500, "x") + Quantity.exact(100, "x")
    assert (r.qualifier, r.value, r.low, r.high) == (Qualifier.NEARLY, 600, 100, 600)


def test_order_of_sums_are_worded_by_the_lower_bound() -> None:
    q = Quantity.order_of(100, "phần quà") + Quantity.order_of(100, "phần quà")
    assert (q.qualifier, q.value, q.low, q.high) == (Qualifier.MORE_THAN, 200, 200, 1998)
    assert Quantity.nearly(899, "x") + Quantity.exact(100, "x") == Quantity.order_of(100, "x")


def test_more_than_plus_nearly_has_no_upper_bound() -> None:
    q = Quantity.more_than(13000, "lượt") + Quantity.nearly(500, "lượt")
    assert q == Quantity.more_than(13000, "lượt")


def test_different_units_raise() -> None:
    with pytest.raises(UnitMismatchError, match="'lượt' and 'buổi'"):
        Quantity.exact(1, "lượt") + Quantity.exact(1, "buổi")


def test_sum_and_zero() -> None:
    parts = [Quantity.exact(3, "nhà"), Quantity.exact(2, "nhà")]
    assert sum(parts) == Quantity.exact(5, "nhà")
    assert Quantity.exact(3, "nhà") + 0 == Quantity.exact(3, "nhà")
    with pytest.raises(TypeError):
        Quantity.exact(3, "nhà") + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Quantity.exact(3, "nhà") + "3"  # type: ignore[operator]


def test_quantity_from_bounds() -> None:
    assert quantity_from_bounds(5, 5, "vụ") == Quantity.exact(5, "vụ")
    assert quantity_from_bounds(5, None, "vụ") == Quantity.more_than(5, "vụ")
    assert quantity_from_bounds(0, 7, "vụ") == Quantity.nearly(7, "vụ")
    assert quantity_from_bounds(10, 99, "vụ") == Quantity.order_of(10, "vụ")
    with pytest.raises(QuantityError, match="'high' must be >= low"):
        quantity_from_bounds(5, 4, "vụ")
    with pytest.raises(QuantityError, match="'low' must be >= 0"):
        quantity_from_bounds(-1, 4, "vụ")
    with pytest.raises(ValidationTypeError, match="'unit' must be a str"):
        quantity_from_bounds(1, 4, 5)  # type: ignore[arg-type]
    with pytest.raises(EmptyValueError, match="'unit' must not be empty"):
        quantity_from_bounds(1, None, " ")


# -- properties ----------------------------------------------------------------


@given(st.data(), bounded_quantities(), bounded_quantities())
def test_addition_is_sound(data: st.DataObject, a: Quantity, b: Quantity) -> None:
    """For any true values inside the operands' bounds, the true sum lies inside the result's."""
    total = a + b
    ta = data.draw(true_value(a))
    tb = data.draw(true_value(b))
    assert total.contains(ta + tb)


@given(st.lists(quantities(unit="vụ", max_value=10**9), min_size=1, max_size=6))
def test_exactness_is_preserved(parts: list[Quantity]) -> None:
    total = sum(parts[1:], parts[0])
    assert total.is_exact == all(p.is_exact for p in parts)
    if total.is_exact:
        assert total.value == sum(p.value for p in parts)


def _bounds(q: Quantity) -> tuple[int | None, int | None]:
    return (q.low, q.high)


@given(bounded_quantities(), bounded_quantities(), bounded_quantities())
def test_bounds_are_associative_and_commutative(a: Quantity, b: Quantity, c: Quantity) -> None:
    assert _bounds((a + b) + c) == _bounds(a + (b + c))
    assert _bounds(a + b) == _bounds(b + a)


@given(bounded_quantities())
def test_qualifier_is_honest_for_its_bounds(q: Quantity) -> None:
    if q.qualifier is Qualifier.EXACT:
        assert q.low == q.high == q.value
    elif q.qualifier is Qualifier.MORE_THAN:
        assert q.low == q.value
    elif q.qualifier is Qualifier.NEARLY:
        assert q.high == q.value
    elif q.qualifier is Qualifier.ORDER_OF:
        assert (q.low, q.high) == (q.value, q.value * 10 - 1)
    else:
        assert (q.low, q.high) == (None, None)


def _checked(q: Quantity) -> Quantity:
    """*q* built again by the checked constructor."""
    return Quantity(value=q.value, unit=q.unit, qualifier=q.qualifier, low=q.low, high=q.high)


@given(st.lists(quantities(unit="vụ", max_value=10**9), min_size=1, max_size=6), st.integers(0, 10**9))
def test_sums_and_exact_quantities_pass_the_checked_constructor(parts: list[Quantity], n: int) -> None:
    # Sums, quantity_from_bounds and Quantity.exact build without re-checking: the checked constructor agrees.
    total = sum(parts[1:], parts[0])
    assert _checked(total) == total and type(total) is Quantity
    assert _checked(Quantity.exact(n, "vụ")) == Quantity.exact(n, "vụ")
    if total.low is not None:
        bounded = quantity_from_bounds(total.low, total.high, "vụ")
        assert _checked(bounded) == bounded


# -- found by mutation testing: each test below fails on a change a user would see ----------------


@pytest.mark.parametrize(
    ("qualifier", "low", "high", "rule"),
    [
        (Qualifier.EXACT, 4, 5, "low == high == value"),
        (Qualifier.MORE_THAN, 4, None, r"low == value and \(high is None or high > value\)"),
        (Qualifier.NEARLY, 5, 5, r"value > 0, high == value and \(low is None or 0 < low < value\)"),
        (Qualifier.ORDER_OF, 10, 98, "low == value and high == 10 \\* value - 1"),
        (Qualifier.ABOUT, 9, None, "low and high are None"),
    ],
)
def test_inconsistent_bounds_name_the_rule_they_break(
    qualifier: Qualifier, low: int | None, high: int | None, rule: str
) -> None:
    value = 10 if qualifier is not Qualifier.NEARLY else 5
    with pytest.raises(QuantityError, match=f"bounds of a {qualifier.name} quantity must satisfy {rule} \\(got"):
        Quantity(value=value, unit="vụ", qualifier=qualifier, low=low, high=high)


def test_nearly_needs_a_lower_bound_above_zero() -> None:
    """ "gần 5" with low=0 would say "between 0 and 5": the lower bound, if any, is above 0."""
    with pytest.raises(QuantityError, match="0 < low < value"):
        Quantity(value=5, unit="vụ", qualifier=Qualifier.NEARLY, low=0, high=5)
    assert Quantity(value=5, unit="vụ", qualifier=Qualifier.NEARLY, low=1, high=5).low == 1


def test_order_of_large_powers_of_ten() -> None:
    """Powers of ten are recognised exactly, however large (no float rounding)."""
    assert Quantity.order_of(10**30, "đồng").high == 10**31 - 1
    with pytest.raises(QuantityError, match="power of ten"):
        Quantity.order_of(3 * 10**22, "đồng")


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: Quantity.exact(5, "vụ").contains("5"), "n"),
        (lambda: quantity_from_bounds("1", 2, "vụ"), "low"),
        (lambda: quantity_from_bounds(1, "2", "vụ"), "high"),
    ],
)
def test_type_errors_name_the_argument(call: Callable[[], object], field: str) -> None:
    with pytest.raises(ValidationTypeError, match=f"^'{field}' must be an int"):
        call()


def test_a_bounded_more_than_sum_stays_more_than() -> None:
    """Without "gần" among the parts, a sum with both bounds is worded by its lower bound ("hơn")."""
    bounded = Quantity(value=10, unit="vụ", qualifier=Qualifier.MORE_THAN, low=10, high=20)
    total = Quantity.exact(5, "vụ") + bounded
    assert (total.qualifier, total.value, total.low, total.high) == (Qualifier.MORE_THAN, 15, 15, 25)
    assert quantity_from_bounds(15, 25, "vụ") == total
