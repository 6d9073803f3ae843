"""TOML, for hand-written input.

The document has the same fields as the JSON format (see
:mod:`anninh_toandan.io.json`), written the TOML way: dates may be bare TOML
dates, optional fields are simply left out (TOML has no ``null``), and a
quantity's ``low`` and ``high`` follow from its qualifier unless given.
TOML is read only; files are written as JSON.

>>> from anninh_toandan.figures import Figure
>>> f = loads('''
... format = 1
... type = "figure"
... indicator = "outreach_reach"
... unit = "673"
... period = "2022S1"
... value = { value = 13000, unit = "lượt", qualifier = "more_than" }
... ''', Figure)
>>> f.value
Quantity.more_than(13000, 'lượt')
"""

from __future__ import annotations

import datetime as _dt
import os
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.io._converter import MAX_DIGITS, from_data
from anninh_toandan.io.errors import FileFormatError, Problem

__all__ = ["load", "loads"]

T = TypeVar("T")


def _plain(value: Any) -> Any:
    """TOML values as JSON would hold them: bare dates become ISO strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    return value


def loads(text: str | bytes, cls: type[T], *, source: str | None = None) -> T:
    """The object of class *cls* in the TOML document *text* (a ``str``, or UTF-8 ``bytes``).

    Raises :class:`~anninh_toandan.io.errors.FileFormatError` listing every
    problem with its path, as for JSON; anything else given as *text* is a
    :class:`~anninh_toandan.errors.ValidationTypeError`.
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileFormatError([Problem(path="$", message=f"must be UTF-8 text: {exc}")], source) from None
    if not isinstance(text, str):
        msg = f"'text' must be a str or bytes (got a {type(text).__name__})"
        raise ValidationTypeError(msg)
    try:
        data = _plain(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise FileFormatError([Problem(path="$", message=f"must be valid TOML: {exc}")], source) from None
    except RecursionError:
        problem = Problem(path="$", message="must be valid TOML nested less deeply: arrays and tables are too deep")
        raise FileFormatError([problem], source) from None
    except ValueError:  # an integer of more than 4,300 digits, which Python refuses to read
        msg = f"must be valid TOML with numbers of at most {MAX_DIGITS} digits, got a number of thousands of digits"
        problem = Problem(path="$", message=msg)
        raise FileFormatError([problem], source) from None
    return from_data(data, cls, source=source)


def load(path: str | os.PathLike[str], cls: type[T]) -> T:
    """The object of class *cls* in the TOML file *path*."""
    return loads(Path(path).read_bytes(), cls, source=str(path))
