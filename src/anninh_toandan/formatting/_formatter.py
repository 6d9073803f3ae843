"""A formatter bound to one locale (private)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from attrs import field, frozen

from anninh_toandan.aggregate import Aggregate, Comparison, Completeness, Share
from anninh_toandan.formatting._dates import format_date, format_period
from anninh_toandan.formatting._locale import check_locale
from anninh_toandan.formatting._measures import (
    format_aggregate,
    format_change,
    format_comparison,
    format_completeness,
    format_share,
)
from anninh_toandan.formatting._numbers import Number, format_number, format_percent
from anninh_toandan.formatting._phrases import format_money, format_quantity
from anninh_toandan.formatting._words import spell_money, spell_number
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity

__all__ = ["Formatter"]


def _locale(value: object) -> str:
    return check_locale(value)


@frozen
class Formatter:
    """The formatting functions with the locale bound once.

    There is no process-wide locale: make one formatter per locale and pass
    it where text is written. Keyword options go to the function.

    >>> en = Formatter(locale="en")
    >>> en.quantity(Quantity.more_than(13000, "lượt"))
    'more than 13,000 attendances'
    >>> Formatter().money(437_000_000)
    '437 triệu đồng'
    """

    locale: str = field(default="vi", converter=_locale)

    def number(self, value: Number, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_number` in this locale."""
        return format_number(value, locale=self.locale, **options)

    def quantity(self, quantity: Quantity, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_quantity` in this locale."""
        return format_quantity(quantity, locale=self.locale, **options)

    def money(self, amount: int | Quantity, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_money` in this locale."""
        return format_money(amount, locale=self.locale, **options)

    def percent(self, part: Number, whole: Number | None = None, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_percent` in this locale."""
        return format_percent(part, whole, locale=self.locale, **options)

    def date(self, day: _dt.date, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_date` in this locale."""
        return format_date(day, locale=self.locale, **options)

    def period(self, period: Period, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_period` in this locale."""
        return format_period(period, locale=self.locale, **options)

    def change(self, current: Quantity | Comparison, previous: Quantity | None = None, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_change` in this locale."""
        return format_change(current, previous, locale=self.locale, **options)

    def comparison(self, comparison: Comparison, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_comparison` in this locale."""
        return format_comparison(comparison, locale=self.locale, **options)

    def completeness(self, completeness: Completeness, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_completeness` in this locale."""
        return format_completeness(completeness, locale=self.locale, **options)

    def aggregate(self, aggregate: Aggregate, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_aggregate` in this locale."""
        return format_aggregate(aggregate, locale=self.locale, **options)

    def share(self, share: Share, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.format_share` in this locale."""
        return format_share(share, locale=self.locale, **options)

    def spell_number(self, value: Any, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.spell_number` in this locale."""
        return spell_number(value, locale=self.locale, **options)

    def spell_money(self, amount: int, **options: Any) -> str:
        """:func:`~anninh_toandan.formatting.spell_money` in this locale."""
        return spell_money(amount, locale=self.locale, **options)
