"""Small type checks shared by the value and domain types (private)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, TypeVar

import pendulum

from anninh_toandan.errors import EmptyValueError, ValidationTypeError

T = TypeVar("T")


def check_int(field: str, value: object) -> int:
    """Return *value* if it is an ``int`` (and not a ``bool``), else raise."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{field!r} must be an int (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    return value


def check_instance(field: str, value: object, kind: type[T], what: str | None = None) -> T:
    """Return *value* if it is an instance of *kind*, else raise.

    The message reads ``'field' must be a Kind (got value of type X)``, or
    ``must be <what>`` when *what* is given ("an Organisation").
    """
    if not isinstance(value, kind):
        described = what if what is not None else f"a {kind.__name__}"
        msg = f"{field!r} must be {described} (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    return value


def check_str(field: str, value: object, *, allow_empty: bool = False) -> str:
    """Return *value* if it is a ``str`` (non-blank unless *allow_empty*)."""
    if not isinstance(value, str):
        msg = f"{field!r} must be a str (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    if not allow_empty and not value.strip():
        msg = f"{field!r} must not be empty (got {value!r})"
        raise EmptyValueError(msg)
    return value


def to_date(field: str, value: Any) -> pendulum.Date:
    """Convert a :class:`datetime.date` to :class:`pendulum.Date` without loss.

    A ``datetime`` (which carries a time of day), a string or anything else is
    refused: dates are never guessed.
    """
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        msg = (
            f"{field!r} must be a date (datetime.date or pendulum.Date) (got {value!r} of type {type(value).__name__})"
        )
        raise ValidationTypeError(msg)
    if type(value) is pendulum.Date:
        return value
    return pendulum.Date(value.year, value.month, value.day)


def to_optional_date(field: str, value: Any) -> pendulum.Date | None:
    """Like :func:`to_date`, but ``None`` passes through."""
    return None if value is None else to_date(field, value)
