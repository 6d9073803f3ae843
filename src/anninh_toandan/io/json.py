"""JSON, the canonical file format: versioned and lossless.

:func:`dumps` and :func:`dump` write any of the library's records
(:class:`~anninh_toandan.review.Review`,
:class:`~anninh_toandan.figures.FigureSet`, a single
:class:`~anninh_toandan.figures.Figure`, a
:class:`~anninh_toandan.programme.Programme`, ...) as a JSON document
``{"format": 2, "type": "review", ...}``; :func:`loads` and :func:`load` read
it back, and ``loads(dumps(x), type(x)) == x``. Tip content is written only
with ``include_sensitive=True``. :func:`dump` writes through a temporary file
and a rename, so an existing file is never left half-written.

>>> from anninh_toandan.quantity import Quantity
>>> text = dumps(Quantity.more_than(13000, "lượt"))
>>> print(text, end="")
{
  "format": 2,
  "type": "quantity",
  "value": 13000,
  "unit": "lượt",
  "qualifier": "more_than",
  "low": 13000,
  "high": null
}
>>> loads(text, Quantity)
Quantity.more_than(13000, 'lượt')
>>> loads('{"format": 1, "type": "quantity", "value": 5, "unit": "tin", "low": -5}', Quantity)
Traceback (most recent call last):
...
anninh_toandan.io.errors.FileFormatError: 1 problem in the file:
  $.low: must be >= 0, got -5
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TypeVar

from anninh_toandan._files import atomic_write_text
from anninh_toandan.io._converter import MAX_DIGITS, from_data, to_data
from anninh_toandan.io.errors import FileFormatError, Problem

__all__ = ["dump", "dumps", "load", "loads", "parse"]

T = TypeVar("T")


def dumps(obj: object, *, include_sensitive: bool = False) -> str:
    """The JSON document for *obj*, indented, UTF-8 text (not ``\\u`` escapes), ending in a newline."""
    return json.dumps(to_data(obj, include_sensitive=include_sensitive), ensure_ascii=False, indent=2) + "\n"


class _Duplicate(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            msg = f"an object has the key {k!r} twice"
            raise _Duplicate(msg)
        out[k] = v
    return out


def _constant(name: str) -> Any:
    msg = f"{name} is not a JSON number"
    raise _Duplicate(msg)


def parse(text: str | bytes, *, source: str | None = None) -> Any:
    """Parse JSON text strictly (no duplicate keys, no NaN), or raise :class:`FileFormatError`.

    Any text or bytes gives a value or a :class:`FileFormatError`: invalid
    UTF-8, nesting too deep for Python and integers of thousands of digits
    included. (Integers of more than 21 digits are then refused by the loader.)
    """
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        problem = Problem(path="$", message=f"must be valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
        raise FileFormatError([problem], source) from None
    except (_Duplicate, UnicodeDecodeError) as exc:
        raise FileFormatError([Problem(path="$", message=f"must be valid JSON: {exc}")], source) from None
    except RecursionError:
        problem = Problem(path="$", message="must be valid JSON nested less deeply: arrays and objects are too deep")
        raise FileFormatError([problem], source) from None
    except ValueError:  # an integer of more than 4,300 digits, which Python refuses to read
        msg = f"must be valid JSON with numbers of at most {MAX_DIGITS} digits, got a number of thousands of digits"
        problem = Problem(path="$", message=msg)
        raise FileFormatError([problem], source) from None


def loads(text: str | bytes, cls: type[T], *, source: str | None = None) -> T:
    """The object of class *cls* in the JSON document *text*.

    Raises :class:`~anninh_toandan.io.errors.FileFormatError` listing every
    problem with its JSON path; nothing is returned half-loaded.
    """
    return from_data(parse(text, source=source), cls, source=source)


def dump(obj: object, path: str | os.PathLike[str], *, include_sensitive: bool = False) -> None:
    """Write *obj* as JSON to *path* through a temporary file and a rename.

    A failure (an object that cannot be written, a full disk) leaves an
    existing file as it was.
    """
    atomic_write_text(path, dumps(obj, include_sensitive=include_sensitive))


def load(path: str | os.PathLike[str], cls: type[T]) -> T:
    """The object of class *cls* in the JSON file *path*."""
    data = Path(path).read_bytes()
    return loads(data, cls, source=str(path))
