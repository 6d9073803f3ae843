"""Files: JSON (canonical, lossless) and TOML (hand-written input).

>>> from anninh_toandan.io import dumps, loads
>>> from anninh_toandan.programme import Person
>>> p = Person(name="Huỳnh Minh Chánh", title="Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam TP Bảo Lộc", honorific="ông")
>>> loads(dumps(p), Person) == p
True

See :mod:`anninh_toandan.io.json`, :mod:`anninh_toandan.io.toml` and
:class:`~anninh_toandan.io.errors.FileFormatError`.
"""

from __future__ import annotations

from anninh_toandan.io._converter import FORMAT, from_data, to_data
from anninh_toandan.io.errors import FileFormatError, Problem
from anninh_toandan.io.json import dump, dumps, load, loads

__all__ = ["FORMAT", "FileFormatError", "Problem", "dump", "dumps", "from_data", "load", "loads", "to_data"]
