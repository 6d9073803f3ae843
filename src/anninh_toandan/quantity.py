"""How much: counts and amounts that are often approximate.

Vietnamese reports rarely give bare numbers: they say "hơn 13.000 lượt"
(more than), "gần 35 tỷ đồng" (nearly), "khoảng 200 người" (about) or
"hàng trăm bài viết" (hundreds of). A :class:`Quantity` keeps the number as
written, its :class:`Qualifier`, its unit noun and the bounds that the
qualifier states, so that nothing inexact is ever presented as exact.

>>> q = Quantity.more_than(13000, "lượt") + Quantity.exact(500, "lượt")
>>> q.qualifier, q.value, q.low, q.high
(<Qualifier.MORE_THAN: 'more_than'>, 13500, 13500, None)
>>> Quantity.order_of(100, "bài viết").high
999
"""

from __future__ import annotations

import enum
from typing import Any

from attrs import field, frozen

from anninh_toandan._checks import check_instance, check_int, check_str
from anninh_toandan.errors import QuantityError, UnitMismatchError

__all__ = ["MONEY_UNIT", "Qualifier", "Quantity", "quantity_from_bounds"]

#: The unit of every amount of money: whole Vietnamese đồng.
MONEY_UNIT = "đồng"


class Qualifier(enum.Enum):
    """What the number of a :class:`Quantity` says about the true value.

    ============  ======================  ==================================
    member        Vietnamese              bounds of the true value
    ============  ======================  ==================================
    EXACT         (none)                  exactly the number
    MORE_THAN     hơn, trên               at least the number
    NEARLY        gần                     at most the number
    ABOUT         khoảng, ước             none: an estimate
    ORDER_OF      hàng chục, hàng trăm…   from the number (a power of ten)
                                          to ten times it, exclusive
    ============  ======================  ==================================
    """

    EXACT = "exact"
    MORE_THAN = "more_than"
    ABOUT = "about"
    NEARLY = "nearly"
    ORDER_OF = "order_of"


def _is_power_of_ten(n: int) -> bool:
    if n < 10:
        return False
    while n % 10 == 0:
        n //= 10
    return n == 1


def _check_value(_instance: object, _attribute: object, value: Any) -> None:
    check_int("value", value)
    if value < 0:
        msg = f"'value' must be >= 0 (got {value!r})"
        raise QuantityError(msg)


def _check_unit(_instance: object, _attribute: object, value: Any) -> None:
    check_str("unit", value)


def _check_qualifier(_instance: object, _attribute: object, value: Any) -> None:
    check_instance("qualifier", value, Qualifier)


def _check_bound(name: str, value: object) -> None:
    if value is not None and check_int(name, value) < 0:
        msg = f"{name!r} must be >= 0 (got {value!r})"
        raise QuantityError(msg)


def _default_low(self: Quantity) -> int | None:
    if self.qualifier in (Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.ORDER_OF):
        return self.value
    return None


def _default_high(self: Quantity) -> int | None:
    if self.qualifier in (Qualifier.EXACT, Qualifier.NEARLY):
        return self.value
    if self.qualifier is Qualifier.ORDER_OF:
        return self.value * 10 - 1
    return None


@frozen(kw_only=True)
class Quantity:
    """A count or an amount, with its qualifier, unit and bounds.

    Build one with the named constructors: :meth:`exact`, :meth:`more_than`,
    :meth:`nearly`, :meth:`about`, :meth:`order_of` and :meth:`vnd`. Values are
    non-negative ``int``; money is in whole đồng. Bounds are inclusive and
    ``None`` where the qualifier states none.

    ``+`` adds two quantities of the same unit by interval arithmetic: the
    result's bounds contain every sum of true values allowed by the operands'
    bounds, and its qualifier is the one those bounds earn. ``sum()`` works.

    >>> Quantity.exact(72, "buổi") + Quantity.exact(3, "buổi") == Quantity.exact(75, "buổi")
    True
    >>> (Quantity.about(200, "người") + Quantity.exact(5, "người")).qualifier
    <Qualifier.ABOUT: 'about'>
    """

    value: int = field(validator=_check_value)
    """The number as written (for ``ABOUT``, the estimate)."""
    unit: str = field(validator=_check_unit)
    """The unit noun as written: "lượt", "buổi", "bài viết", "đồng", ..."""
    qualifier: Qualifier = field(default=Qualifier.EXACT, validator=_check_qualifier)
    """What the number says about the true value."""
    low: int | None = field()
    """The smallest possible true value, or ``None`` where none is stated."""
    high: int | None = field()
    """The largest possible true value, or ``None`` where unbounded."""

    @low.default
    def _low_default(self) -> int | None:
        return _default_low(self)

    @high.default
    def _high_default(self) -> int | None:
        return _default_high(self)

    def __attrs_post_init__(self) -> None:
        if self.qualifier is Qualifier.ORDER_OF and not _is_power_of_ten(self.value):
            msg = f"'value' of an ORDER_OF quantity must be a power of ten >= 10 (got {self.value!r})"
            raise QuantityError(msg)
        _check_bound("low", self.low)
        _check_bound("high", self.high)
        q, v, lo, hi = self.qualifier, self.value, self.low, self.high
        if q is Qualifier.EXACT:
            ok = lo == v and hi == v
            rule = "low == high == value"
        elif q is Qualifier.MORE_THAN:
            ok = lo == v and (hi is None or hi > v)
            rule = "low == value and (high is None or high > value)"
        elif q is Qualifier.NEARLY:
            ok = v > 0 and hi == v and (lo is None or 0 < lo < v)
            rule = "value > 0, high == value and (low is None or 0 < low < value)"
        elif q is Qualifier.ORDER_OF:
            ok = lo == v and hi == v * 10 - 1
            rule = "low == value and high == 10 * value - 1"
        else:
            ok = lo is None and hi is None
            rule = "low and high are None"
        if not ok:
            msg = f"bounds of a {q.name} quantity must satisfy {rule} (got value={v!r}, low={lo!r}, high={hi!r})"
            raise QuantityError(msg)

    # -- named constructors -------------------------------------------------

    @classmethod
    def _unchecked(cls, value: int, unit: str, qualifier: Qualifier, low: int | None, high: int | None) -> Quantity:
        """A quantity whose fields are known to agree already (sums of quantities, checked arguments)."""
        q = object.__new__(cls)
        _set = object.__setattr__
        _set(q, "value", value)
        _set(q, "unit", unit)
        _set(q, "qualifier", qualifier)
        _set(q, "low", low)
        _set(q, "high", high)
        return q

    @classmethod
    def exact(cls, n: int, unit: str) -> Quantity:
        """Exactly *n*: "72 buổi"."""
        _check_value(None, None, n)
        _check_unit(None, None, unit)
        return cls._unchecked(n, unit, Qualifier.EXACT, n, n)

    @classmethod
    def more_than(cls, n: int, unit: str) -> Quantity:
        """More than *n* ("hơn", "trên"): *n* is a lower bound."""
        return cls(value=n, unit=unit, qualifier=Qualifier.MORE_THAN)

    @classmethod
    def nearly(cls, n: int, unit: str) -> Quantity:
        """Nearly *n* ("gần"): *n* is an upper bound."""
        return cls(value=n, unit=unit, qualifier=Qualifier.NEARLY)

    @classmethod
    def about(cls, n: int, unit: str) -> Quantity:
        """About *n* ("khoảng", "ước"): an estimate with no bound."""
        return cls(value=n, unit=unit, qualifier=Qualifier.ABOUT)

    @classmethod
    def order_of(cls, n: int, unit: str) -> Quantity:
        """Of the order of *n* ("hàng trăm" for 100): from *n* to ``10 * n - 1``.

        *n* must be a power of ten of at least 10.

        >>> Quantity.order_of(100, "bài").low, Quantity.order_of(100, "bài").high
        (100, 999)
        """
        return cls(value=n, unit=unit, qualifier=Qualifier.ORDER_OF)

    @classmethod
    def vnd(cls, amount: int, qualifier: Qualifier = Qualifier.EXACT) -> Quantity:
        """An amount of money in whole đồng (unit ``"đồng"``).

        >>> Quantity.vnd(437_000_000).unit
        'đồng'
        """
        return cls(value=amount, unit=MONEY_UNIT, qualifier=qualifier)

    # -- properties ---------------------------------------------------------

    @property
    def is_exact(self) -> bool:
        """Whether the true value is known exactly."""
        return self.qualifier is Qualifier.EXACT

    @property
    def is_money(self) -> bool:
        """Whether this is an amount of money (unit ``"đồng"``)."""
        return self.unit == MONEY_UNIT

    def contains(self, n: int) -> bool:
        """Whether *n* is a possible true value, by the bounds.

        >>> Quantity.more_than(13000, "lượt").contains(13500)
        True
        """
        check_int("n", n)
        if n < 0:
            return False
        if self.low is not None and n < self.low:
            return False
        return self.high is None or n <= self.high

    # -- arithmetic ---------------------------------------------------------

    def __add__(self, other: object) -> Quantity:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if not isinstance(other, Quantity):
            return NotImplemented
        if other.unit != self.unit:
            msg = f"cannot add quantities of different units: {self.unit!r} and {other.unit!r}"
            raise UnitMismatchError(msg)
        value = self.value + other.value
        if Qualifier.ABOUT in (self.qualifier, other.qualifier):
            return Quantity._unchecked(value, self.unit, Qualifier.ABOUT, None, None)
        # A missing lower bound is 0: quantities are never negative.
        low = (self.low or 0) + (other.low or 0)
        high = None if self.high is None or other.high is None else self.high + other.high
        nearly = Qualifier.NEARLY in (self.qualifier, other.qualifier) and Qualifier.ORDER_OF not in (
            self.qualifier,
            other.qualifier,
        )
        return _from_bounds(low, high, self.unit, prefer_nearly=nearly)

    def __radd__(self, other: object) -> Quantity:
        return self.__add__(other)

    def __repr__(self) -> str:
        extra = ""
        if self.low != _default_low(self) or self.high != _default_high(self):
            extra = f", low={self.low!r}, high={self.high!r}"
        return f"Quantity.{self.qualifier.value}({self.value!r}, {self.unit!r}{extra})"


def _from_bounds(low: int, high: int | None, unit: str, *, prefer_nearly: bool = False) -> Quantity:
    """The quantity whose qualifier is an honest one for ``[low, high]``.

    A range with both bounds that is no decade can be worded by either bound;
    *prefer_nearly* picks "gần" + the upper bound (natural for sums of "gần"
    figures), otherwise "hơn" + the lower bound. Both bounds are kept.

    The arguments must be checked already (``0 <= low <= high``, *unit* a
    non-blank ``str``): every branch builds a quantity whose fields agree.
    """
    make = Quantity._unchecked
    if high is None:
        return make(low, unit, Qualifier.MORE_THAN, low, None)
    if low == high:
        return make(low, unit, Qualifier.EXACT, low, low)
    if _is_power_of_ten(low) and high == low * 10 - 1:
        return make(low, unit, Qualifier.ORDER_OF, low, high)
    if low == 0:
        return make(high, unit, Qualifier.NEARLY, None, high)
    if prefer_nearly:
        return make(high, unit, Qualifier.NEARLY, low, high)
    return make(low, unit, Qualifier.MORE_THAN, low, high)


def quantity_from_bounds(low: int, high: int | None, unit: str) -> Quantity:
    """Build the quantity that states exactly the bounds ``[low, high]``.

    Its qualifier is the honest one: exact when ``low == high``, "more than"
    when there is no upper bound, "order of" for a decade, "nearly" when the
    lower bound is 0.

    >>> quantity_from_bounds(100, 999, "bài")
    Quantity.order_of(100, 'bài')
    """
    check_int("low", low)
    if high is not None:
        check_int("high", high)
        if high < low:
            msg = f"'high' must be >= low ({low!r}) (got {high!r})"
            raise QuantityError(msg)
    if low < 0:
        msg = f"'low' must be >= 0 (got {low!r})"
        raise QuantityError(msg)
    _check_unit(None, None, unit)
    return _from_bounds(low, high, unit)
