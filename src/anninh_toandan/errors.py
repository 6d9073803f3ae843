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
    "HierarchyError",
    "PeriodError",
    "QuantityError",
    "UnitMismatchError",
    "ValidationTypeError",
]


class AnninhError(Exception):
    """Base class of every error raised by ``anninh_toandan``."""


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
