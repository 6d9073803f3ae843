"""CSV in the long format: one figure per row, lossless.

The columns are ``unit, period, indicator, value, qualifier, low, high,
unit_noun, status, reporter, note``: the unit code, the period id
(``2022S1``, ``R2022S1``), the indicator code, the quantity (its number, its
qualifier ``exact``/``more_than``/``nearly``/``about``/``order_of``, its
bounds and its unit noun), the status (``reported``, ``mentioned`` or
``not_reported``: missing is not zero), who reported it and a note.
``from_csv(to_csv(fs)) == fs`` for every figure set (a Hypothesis property
checks it).

>>> from anninh_toandan.figures import Figure, FigureSet
>>> from anninh_toandan.indicator import OUTREACH_REACH, SCHOLARSHIPS
>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> h1 = Period.half_year(2022, 1)
>>> fs = FigureSet([
...     Figure.reported(OUTREACH_REACH, "673", h1, Quantity.more_than(13000, "lượt")),
...     Figure.mentioned(SCHOLARSHIPS, "673", h1, note="=tặng học bổng"),
... ])
>>> print(to_csv(fs), end="")
unit,period,indicator,value,qualifier,low,high,unit_noun,status,reporter,note
673,2022S1,outreach_reach,13000,more_than,13000,,lượt,reported,,
673,2022S1,scholarships,,,,,,mentioned,,'=tặng học bổng
>>> from_csv(to_csv(fs)) == fs
True

A cell that a spreadsheet would run as a formula (one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
``'`` and read back as the text it was; so is a cell that starts with ``'``
followed by one of those characters or another ``'``.

Reading collects every problem, each with its line and column, and raises
one :class:`~anninh_toandan.io.errors.FileFormatError`; nothing is returned
half-loaded:

>>> bad = "unit,period,indicator,value\\n673,2022S1,outreach_sessions,1.5\\n673,2022X,gifts,3\\n"
>>> from_csv(bad)
Traceback (most recent call last):
...
anninh_toandan.io.errors.FileFormatError: 2 problems in the file:
  line 2, column 'value': must be a whole number >= 0, got '1.5'
  line 3, column 'period': must be a period id such as '202207', '2022Q1', '2022S1', 'R2022S1', '2022', got '2022X'
"""

from __future__ import annotations

import csv
import importlib
import io
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from anninh_toandan._files import atomic_write_text
from anninh_toandan.figures import FigureSet
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator
from anninh_toandan.io._columnar import Column, Fallback, build, csv_columns_arrow, csv_columns_python, wanted
from anninh_toandan.io._tabular import COLUMNS, Cell, RowReader, check_columns, check_indicators, figure_rows
from anninh_toandan.io.errors import FileFormatError, Problem
from anninh_toandan.orgunit import Hierarchy

__all__ = ["FORMULA_CHARACTERS", "from_csv", "neutralise", "read_csv", "restore", "to_csv", "write_csv"]

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_CHARACTERS = frozenset("=+-@\t\r")
_ESCAPED = FORMULA_CHARACTERS | {"'"}
_BOM = "\ufeff"


def neutralise(text: str) -> str:
    """*text* made safe for a spreadsheet: a leading ``'`` before a formula character.

    :func:`restore` undoes it exactly.

    >>> neutralise("=1+2"), neutralise("'=x"), neutralise("it's"), neutralise("-")
    ("'=1+2", "''=x", "it's", "'-")
    """
    if text and (text[0] in FORMULA_CHARACTERS or (text[0] == "'" and len(text) > 1 and text[1] in _ESCAPED)):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The text that :func:`neutralise` made *text* from.

    >>> restore("'=1+2"), restore("''=x"), restore("it's"), restore("'abc")
    ('=1+2', "'=x", "it's", "'abc")
    """
    if len(text) > 1 and text[0] == "'" and text[1] in _ESCAPED:
        return text[1:]
    return text


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return neutralise(value)


def to_csv(figures: FigureSet, *, bom: bool = False) -> str:
    """The CSV text of *figures*: a header, then one row per figure, lines ending in CRLF.

    With *bom*, the text starts with the byte-order mark that Excel needs to
    read UTF-8.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in figure_rows(figures):
        writer.writerow([_cell(row[name]) for name in COLUMNS])
    return (_BOM if bom else "") + out.getvalue()


def write_csv(figures: FigureSet, path: str | os.PathLike[str], *, bom: bool = False) -> Path:
    """Write :func:`to_csv` of *figures* to *path* (UTF-8) through a temporary file and a rename."""
    return atomic_write_text(path, to_csv(figures, bom=bom))


def from_csv(
    text: str | bytes,
    *,
    indicators: Mapping[str, Indicator] = STANDARD_INDICATORS,
    hierarchy: Hierarchy | None = None,
    source: str | None = None,
    columnar: bool | None = None,
) -> FigureSet:
    """The figures in the CSV *text* (``str``, or UTF-8 ``bytes``; a byte-order mark is allowed).

    The header names the columns, in any order; ``unit``, ``period`` and
    ``indicator`` are required, the others may be left out. Indicator codes
    are looked up in *indicators* (pass
    ``STANDARD_INDICATORS.extend([...])`` for custom ones); with *hierarchy*,
    unit codes must be its units. Without a ``status`` column, a row with a
    value is reported and a row without one is not reported.

    A large file (10,000 rows or more) gives a columnar set
    (:meth:`~anninh_toandan.figures.FigureSet.columnar`) when NumPy is
    installed, built from the file's columns without a ``Figure`` per row
    (parsed by pyarrow when it is installed); *columnar* forces it
    (``True``, which needs NumPy) or the row-by-row reading (``False``). The
    figures are the same either way, and so is every error.

    Raises :class:`~anninh_toandan.io.errors.FileFormatError` listing every
    problem as ``line N, column 'name': ...``.
    """
    check_indicators(indicators)
    data = text if isinstance(text, bytes) else None
    tried = False  # the columns were read from the bytes already (and sent to the row reader)
    if data is not None and _arrow() and wanted(columnar, max(data.count(b"\n"), data.count(b"\r"))):
        # Columns straight from the bytes (pyarrow checks they are UTF-8): no copy of the file as text.
        # Whatever the columns cannot read, or bytes that are no UTF-8, goes the row reader's way below.
        found = _columns_from_bytes(data, indicators=indicators, hierarchy=hierarchy)
        if found is not None:
            return found
        tried = True
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem = Problem(path=f"byte {exc.start}", message=f"must be UTF-8 text: {exc.reason}", value=None)
            raise FileFormatError([problem], source) from None
    text = text.removeprefix(_BOM)
    as_columns = tried or wanted(columnar, max(text.count("\n"), text.count("\r")))
    if as_columns and not tried:
        found = _columns(text, data, indicators=indicators, hierarchy=hierarchy)
        if found is not None:
            return found
    figures = _rows(text, indicators=indicators, hierarchy=hierarchy, source=source)
    return figures.columnar() if as_columns else figures


def _arrow() -> bool:
    """Whether pyarrow's CSV reader is installed."""
    try:
        importlib.import_module("pyarrow.csv")
    except ImportError:
        return False
    return True


def _columns_from_bytes(
    data: bytes, *, indicators: Mapping[str, Indicator], hierarchy: Hierarchy | None
) -> FigureSet | None:
    """The figures of the UTF-8 *data* read by pyarrow's columns, or ``None`` where the row reader must read them."""
    raw = data.removeprefix(_BOM.encode())
    return _built(lambda: csv_columns_arrow(raw, restore), indicators=indicators, hierarchy=hierarchy)


def _columns(
    text: str, data: bytes | None, *, indicators: Mapping[str, Indicator], hierarchy: Hierarchy | None
) -> FigureSet | None:
    """The figures of *text* read by columns, or ``None`` where the row reader must read them."""
    if not _arrow():
        return _built(lambda: csv_columns_python(text, restore), indicators=indicators, hierarchy=hierarchy)
    raw = data.removeprefix(_BOM.encode()) if data is not None else text.encode("utf-8")
    return _built(lambda: csv_columns_arrow(raw, restore), indicators=indicators, hierarchy=hierarchy)


def _built(
    parse: Callable[[], tuple[list[str], dict[str, Column], int]],
    *,
    indicators: Mapping[str, Indicator],
    hierarchy: Hierarchy | None,
) -> FigureSet | None:
    """The columnar set of the columns *parse* gives, or ``None`` where the row reader must read them."""
    try:
        header, columns, n = parse()
        if check_columns(header, str):
            return None
        return build(columns, n, indicators=indicators, hierarchy=hierarchy)
    except Fallback:
        return None


def _rows(
    text: str, *, indicators: Mapping[str, Indicator], hierarchy: Hierarchy | None, source: str | None
) -> FigureSet:
    """The figures of *text* read row by row (every problem found, with its line and column)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    lines = RowReader(
        indicators=indicators,
        hierarchy=hierarchy,
        where=lambda n, col: f"line {n}" if col is None else f"line {n}, column {col!r}",
    )
    try:
        header = [restore(name) for name in next(reader, [])]
        problems = check_columns(header, lambda col: f"line 1, column {col!r}")
        if problems:
            raise FileFormatError(problems, source)
        start = reader.line_num + 1
        for record in reader:
            if record:
                _row(lines, start, header, record)
            start = reader.line_num + 1
    except csv.Error as exc:
        lines.problem(reader.line_num, None, f"must be valid CSV: {exc}", None)
    return lines.figures(source)


def _row(lines: RowReader, number: int, header: list[str], record: list[str]) -> None:
    if len(record) != len(header):
        lines.problem(number, None, f"must have {len(header)} fields like the header, got {len(record)}", record)
        return
    lines.add(number, {name: restore(cell) for name, cell in zip(header, record, strict=True)})


def read_csv(
    path: str | os.PathLike[str],
    *,
    indicators: Mapping[str, Indicator] = STANDARD_INDICATORS,
    hierarchy: Hierarchy | None = None,
    columnar: bool | None = None,
) -> FigureSet:
    """The figures in the CSV file at *path* (see :func:`from_csv`)."""
    return from_csv(
        Path(path).read_bytes(), indicators=indicators, hierarchy=hierarchy, source=str(path), columnar=columnar
    )
