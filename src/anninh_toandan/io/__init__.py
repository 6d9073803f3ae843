"""Files: JSON (canonical, lossless), TOML (hand-written input), CSV, Excel workbooks, pandas and Arrow.

>>> from anninh_toandan.io import dumps, loads
>>> from anninh_toandan.programme import Person
>>> p = Person(name="Huỳnh Minh Chánh", title="Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam TP Bảo Lộc", honorific="ông")
>>> loads(dumps(p), Person) == p
True

See :mod:`anninh_toandan.io.json`, :mod:`anninh_toandan.io.toml`,
:mod:`anninh_toandan.io.csv`, :mod:`anninh_toandan.io.excel` (extra
``excel``), :mod:`anninh_toandan.io.frames` (extras ``pandas`` and ``arrow``)
and :class:`~anninh_toandan.io.errors.FileFormatError`. Importing this
package loads none of the optional packages (openpyxl, pandas, pyarrow),
nor any of its modules: each name is imported on first use (``from
anninh_toandan.io import loads`` loads the JSON reader, not the workbook
reader), each optional package when a function needs it, and a missing one
raises :class:`MissingExtraError` naming the extra to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from anninh_toandan._lazy import lazy_namespace

if TYPE_CHECKING:  # what type checkers and editors read; at run time each name is imported on first use
    from anninh_toandan.io._converter import FORMAT, from_data, to_data
    from anninh_toandan.io._tabular import MissingExtraError
    from anninh_toandan.io.csv import from_csv, read_csv, to_csv, write_csv
    from anninh_toandan.io.errors import FileFormatError, Problem
    from anninh_toandan.io.excel import (
        ImportSummary,
        RejectedCell,
        RejectedCellsError,
        WorkbookError,
        WorkbookImport,
        make_workbook,
        read_workbook,
    )
    from anninh_toandan.io.frames import from_arrow, from_frame, read_parquet, to_arrow, to_frame, write_parquet
    from anninh_toandan.io.json import dump, dumps, load, loads

__all__ = [
    "FORMAT",
    "FileFormatError",
    "ImportSummary",
    "MissingExtraError",
    "Problem",
    "RejectedCell",
    "RejectedCellsError",
    "WorkbookError",
    "WorkbookImport",
    "dump",
    "dumps",
    "from_arrow",
    "from_csv",
    "from_data",
    "from_frame",
    "load",
    "loads",
    "make_workbook",
    "read_csv",
    "read_parquet",
    "read_workbook",
    "to_arrow",
    "to_csv",
    "to_data",
    "to_frame",
    "write_csv",
    "write_parquet",
]

#: The module of each public name, imported when the name is first used (PEP 562).
_MODULE_OF: dict[str, str] = {
    "FORMAT": "_converter",
    "from_data": "_converter",
    "to_data": "_converter",
    "MissingExtraError": "_tabular",
    "from_csv": "csv",
    "read_csv": "csv",
    "to_csv": "csv",
    "write_csv": "csv",
    "FileFormatError": "errors",
    "Problem": "errors",
    "ImportSummary": "excel",
    "RejectedCell": "excel",
    "RejectedCellsError": "excel",
    "WorkbookError": "excel",
    "WorkbookImport": "excel",
    "make_workbook": "excel",
    "read_workbook": "excel",
    "from_arrow": "frames",
    "from_frame": "frames",
    "read_parquet": "frames",
    "to_arrow": "frames",
    "to_frame": "frames",
    "write_parquet": "frames",
    "dump": "json",
    "dumps": "json",
    "load": "json",
    "loads": "json",
}

# Hidden from type checkers: they read the imports above, and so still flag a name the package does not have.
if not TYPE_CHECKING:  # pragma: no branch
    __getattr__, __dir__ = lazy_namespace(__name__, _MODULE_OF, __all__)
