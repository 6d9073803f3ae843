"""Locales and their number symbols, read from babel once (private)."""

from __future__ import annotations

from typing import Literal

from attrs import frozen

from anninh_toandan._checks import check_str
from anninh_toandan.errors import FormatError

__all__ = ["LOCALES", "FormatError", "Locale", "NumberSymbols", "check_locale", "symbols"]

Locale = Literal["vi", "en"]

#: The locales the language layer writes.
LOCALES: tuple[Locale, ...] = ("vi", "en")


def check_locale(locale: object) -> Locale:
    """Return *locale* if it is one of :data:`LOCALES`, else raise."""
    check_str("locale", locale)
    if locale == "vi":
        return "vi"
    if locale == "en":
        return "en"
    msg = f"'locale' must be one of 'vi', 'en' (got {locale!r})"
    raise FormatError(msg)


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """Return *value* if it is one of *choices*, else raise :class:`FormatError`."""
    if not isinstance(value, str) or value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        msg = f"{name!r} must be one of {allowed} (got {value!r})"
        raise FormatError(msg)
    return value


@frozen
class NumberSymbols:
    """What babel's CLDR data says about writing a decimal number in a locale."""

    decimal: str
    group: str
    percent: str
    neg_prefix: str
    neg_suffix: str
    pos_prefix: str
    pos_suffix: str
    primary_group: int
    secondary_group: int
    max_frac: int
    min_frac: int
    simple_groups: bool
    """Groups of three throughout: Python's ``f"{n:,}"`` groups the digits."""
    plain: bool
    """Simple groups, no prefix or suffix, and "-" before a negative number:
    ``f"{n:,}"`` with the group symbol is the whole result for an int."""


_CACHE: dict[str, NumberSymbols] = {}


def symbols(locale: str) -> NumberSymbols:
    """The number symbols of *locale*, read from babel on first use and cached.

    The cache holds checked locales only, so a hit needs no further check.
    """
    try:
        return _CACHE[locale]
    except (KeyError, TypeError):
        locale = check_locale(locale)
    # Imported here so that importing the package does not load babel.
    from babel import Locale as BabelLocale
    from babel import numbers

    babel_locale = BabelLocale.parse(locale)
    pattern = babel_locale.decimal_formats[None]
    result = NumberSymbols(
        decimal=numbers.get_decimal_symbol(locale),
        group=numbers.get_group_symbol(locale),
        percent=babel_locale.number_symbols["latn"]["percentSign"],
        pos_prefix=pattern.prefix[0],
        neg_prefix=pattern.prefix[1],
        pos_suffix=pattern.suffix[0],
        neg_suffix=pattern.suffix[1],
        primary_group=pattern.grouping[0],
        secondary_group=pattern.grouping[1],
        min_frac=pattern.frac_prec[0],
        max_frac=pattern.frac_prec[1],
        simple_groups=tuple(pattern.grouping) == (3, 3),
        plain=(tuple(pattern.grouping) == (3, 3) and pattern.prefix == ("", "-") and pattern.suffix == ("", "")),
    )
    _CACHE[locale] = result
    return result
