"""The library's errors.

Every error the library raises on bad input derives from :class:`AnninhError`.
Each subclass also derives from :class:`ValueError` or :class:`TypeError`
where that fits, so code that already catches those keeps working.

Messages follow one shape, ``'<field>' must be <rule> (got <value>)``, and
name the field and the offending value; errors found in a file also name the
place in it.
"""

from __future__ import annotations

__all__ = [
    "AnninhError",
    "EmptyValueError",
    "FormatError",
    "HierarchyError",
    "ParseError",
    "PeriodError",
    "QuantityError",
    "UnitMismatchError",
    "ValidationTypeError",
]


class AnninhError(Exception):
    """Base class of every error raised by ``anninh_toandan``.

    :attr:`reason_vi` is what is wrong in Vietnamese, for the officer who
    meets the error, where the error knows it (``None`` otherwise); the
    message (``str(error)``) stays in English.
    """

    reason_vi: str | None = None


class ValidationTypeError(AnninhError, TypeError):
    """A value of the wrong type was given (a ``float`` for an amount, a
    ``str`` where a date is needed, ...)."""


class EmptyValueError(AnninhError, ValueError):
    """A required text (a unit, a code, a name) was empty or blank."""


class QuantityError(AnninhError, ValueError):
    """A quantity was built with an impossible value, qualifier or unit."""


class UnitMismatchError(QuantityError):
    """Two quantities with different units were combined."""


class PeriodError(AnninhError, ValueError):
    """A period was built or parsed from impossible values."""


class HierarchyError(AnninhError, ValueError):
    """Organisational units or restructures contradict each other."""


class FormatError(AnninhError, ValueError):
    """A value cannot be written as asked (unknown locale or style, a zero
    denominator, a rounding that would contradict the qualifier, ...)."""


class ParseError(AnninhError, ValueError):
    """Text that cannot be read as the value asked for.

    ``text`` is the text as given, ``position`` the index in it (0-based)
    where reading failed, ``reason`` what is wrong there, and
    ``reason_vi`` the same in Vietnamese (``None`` when not given).

    >>> e = ParseError("1,5 buổi", 0, "the number is not whole", "a quantity", reason_vi="số không nguyên")
    >>> str(e)
    "'text' must be a quantity (got '1,5 buổi'): the number is not whole at position 0"
    >>> e.reason_vi
    'số không nguyên'
    """

    def __init__(
        self, text: str, position: int, reason: str, expected: str = "a value", *, reason_vi: str | None = None
    ) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        self.expected = expected
        self.reason_vi = reason_vi
        super().__init__(f"'text' must be {expected} (got {text!r}): {reason} at position {position}")
