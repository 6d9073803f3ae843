"""The errors of reading and writing files.

A file that cannot be loaded raises one :class:`FileFormatError` that lists
every :class:`Problem` found, each with its JSON path, a message and the
offending value. Nothing is returned half-loaded.

>>> err = FileFormatError([Problem(path="$.figures[3].value.low", message="must be >= 0, got -5", value=-5)])
>>> print(err)
1 problem in the file:
  $.figures[3].value.low: must be >= 0, got -5
>>> err.problems[0].value
-5
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from anninh_toandan.errors import AnninhError

__all__ = ["FileFormatError", "Problem"]


@frozen(kw_only=True)
class Problem:
    """One problem in a file: where (a JSON path such as ``$.figures[3].value``), what, and the value found."""

    path: str
    """The JSON path of the offending place; ``$`` is the whole document."""
    message: str
    """What is wrong, in the shape ``must be ..., got ...``."""
    value: object = None
    """The offending value as read (``None`` when there is none, such as a missing field)."""


class FileFormatError(AnninhError, ValueError):
    """A file is malformed; :attr:`problems` lists every problem found."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        n = len(self.problems)
        where = source if source is not None else "the file"
        lines = [f"{n} problem{'s' if n != 1 else ''} in {where}:"]
        lines += [f"  {p.path}: {p.message}" for p in self.problems]
        super().__init__("\n".join(lines))
