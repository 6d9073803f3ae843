"""Figures as rows of a table, shared by CSV, pandas and Arrow (private).

The long format has one figure per row and the columns :data:`COLUMNS`. A
row is written by :func:`figure_row` with typed cells (``str``, ``int`` or
``None``) and read back by :class:`RowReader`, which turns each row into a
:class:`~anninh_toandan.figures.Figure` and collects every problem, with its
place, before raising one :class:`~anninh_toandan.io.errors.FileFormatError`.

An empty cell (``None`` or ``""``) is missing. For a reported figure an empty
``qualifier`` is ``exact``, an empty ``low`` or ``high`` is the bound that the
qualifier states, and an empty ``unit_noun`` is the indicator's unit; since a
quantity's bound is ``None`` only where its qualifier states none, writing
every bound and reading empty as the default loses nothing.
"""

from __future__ import annotations

import enum
import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import NoReturn, TypeVar

from anninh_toandan.errors import AnninhError, FormatError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
from anninh_toandan.indicator import Indicator
from anninh_toandan.io.errors import FileFormatError, Problem
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity

__all__ = [
    "COLUMNS",
    "INTEGER_COLUMNS",
    "REQUIRED_COLUMNS",
    "Cell",
    "CellProblem",
    "MissingExtraError",
    "RowReader",
    "check_columns",
    "check_indicators",
    "figure_row",
    "figure_rows",
    "got",
    "read_cell",
    "require",
]

#: The columns of the long format, in the order they are written.
COLUMNS = (
    "unit",
    "period",
    "indicator",
    "value",
    "qualifier",
    "low",
    "high",
    "unit_noun",
    "status",
    "reporter",
    "note",
)
#: The columns that hold whole numbers (counts or đồng).
INTEGER_COLUMNS = frozenset({"value", "low", "high"})
#: The columns every table must have.
REQUIRED_COLUMNS = ("unit", "period", "indicator")
_QUANTITY_COLUMNS = ("value", "qualifier", "low", "high", "unit_noun")
_INT64_MAX = 2**63 - 1

Cell = str | int | None
E = TypeVar("E", bound=enum.Enum)


class MissingExtraError(AnninhError, ImportError):
    """An optional package is not installed; the message names the extra that installs it."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{purpose} needs the optional package {package!r}, which is not installed: "
            f"pip install 'anninh-toandan[{extra}]'"
        )


def require(package: str, extra: str, purpose: str) -> ModuleType:
    """Import the optional *package* or raise :class:`MissingExtraError` naming *extra*."""
    try:
        return importlib.import_module(package)
    except ImportError as exc:
        raise MissingExtraError(package.split(".")[0], extra, purpose) from exc


def check_indicators(indicators: object) -> None:
    """*indicators* must map codes to indicators (``STANDARD_INDICATORS`` or one it extends)."""
    if not isinstance(indicators, Mapping):
        msg = (
            "'indicators' must map indicator codes to indicators, such as STANDARD_INDICATORS.extend([...]) "
            f"({got(indicators)} of type {type(indicators).__name__})"
        )
        raise ValidationTypeError(msg)


def got(value: object) -> str:
    """``got <repr>``, shortened for long values."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"got {text}"


# -- writing -------------------------------------------------------------------


def figure_row(f: Figure) -> dict[str, Cell]:
    """The row of *f*: text cells, whole numbers, ``None`` where empty."""
    q = f.value
    return {
        "unit": f.unit,
        "period": f.period.id,
        "indicator": f.indicator.code,
        "value": None if q is None else q.value,
        "qualifier": None if q is None else q.qualifier.value,
        "low": None if q is None else q.low,
        "high": None if q is None else q.high,
        "unit_noun": None if q is None else q.unit,
        "status": f.status.value,
        "reporter": None if f.reported_by is None else f.reported_by.value,
        "note": f.note,
    }


def figure_rows(figures: FigureSet, *, int64: bool = False) -> list[dict[str, Cell]]:
    """The rows of every figure, in the set's order.

    With *int64*, a number that does not fit a signed 64-bit column (pandas
    ``Int64``, Arrow ``int64``) raises :class:`~anninh_toandan.errors.FormatError`.
    """
    if not isinstance(figures, FigureSet):
        msg = f"'figures' must be a FigureSet (got {figures!r} of type {type(figures).__name__})"
        raise FormatError(msg)
    rows = [figure_row(f) for f in figures]
    if int64:
        for row in rows:
            for name in ("value", "low", "high"):
                n = row[name]
                if isinstance(n, int) and n > _INT64_MAX:
                    msg = (
                        f"{name!r} of the figure for indicator {row['indicator']!r}, unit {row['unit']!r}, "
                        f"period {row['period']!r} must fit a 64-bit integer column (got {n!r})"
                    )
                    raise FormatError(msg)
    return rows


# -- reading -------------------------------------------------------------------


def check_columns(names: Sequence[object], where: Callable[[str], str]) -> list[Problem]:
    """The problems of a table's column names: unknown, repeated or missing required columns."""
    problems: list[Problem] = []
    seen: set[object] = set()
    for name in names:
        if name not in COLUMNS:
            problems.append(
                Problem(
                    path=where(str(name)),
                    message=f"must be one of the columns {', '.join(COLUMNS)}, {got(name)}",
                    value=name,
                )
            )
        elif name in seen:
            problems.append(Problem(path=where(str(name)), message="must not appear twice", value=name))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            problems.append(Problem(path=where(name), message="is required but missing", value=None))
    return problems


class CellProblem(Exception):
    """What is wrong with one cell: its column, the message and the value."""

    def __init__(self, column: str | None, message: str, value: object) -> None:
        super().__init__(message)
        self.column = column
        self.message = message
        self.value = value


def read_cell(column: str, value: object) -> object:
    """The cell *value* of *column* read on its own as :class:`RowReader` reads it.

    ``None`` for an empty cell; text for the text columns, the member for
    ``status``, ``reporter`` and ``qualifier``, an ``int`` for ``value``,
    ``low`` and ``high``. Raises :class:`CellProblem` where the row reader
    would record a problem for the cell alone (the checks that need the
    whole row, such as the indicator's unit, are not made here).
    """
    row = {column: value}
    if column in INTEGER_COLUMNS:
        return _whole(row, column)
    if column == "status":
        return _member(row, column, FigureStatus)
    if column == "reporter":
        return _member(row, column, Reporter)
    if column == "qualifier":
        return _member(row, column, Qualifier)
    return _text(row, column)


def _fail(column: str, message: str, value: object) -> NoReturn:
    raise CellProblem(column, message, value)


_DIGITS = re.compile(r"[0-9]+")


def _empty(value: object) -> bool:
    return value is None or value == ""


def _text(row: Mapping[str, object], column: str, *, required: bool = False) -> str | None:
    value = row.get(column)
    if _empty(value):
        if required:
            raise CellProblem(column, "is required", value)
        return None
    if not isinstance(value, str):
        raise CellProblem(column, f"must be text, {got(value)}", value)
    if not value.strip():
        raise CellProblem(column, f"must not be blank, {got(value)}", value)
    return value


def _whole(row: Mapping[str, object], column: str) -> int | None:
    value = row.get(column)
    if _empty(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    hint = " (a float: use a whole-number column such as pandas 'Int64')" if isinstance(value, float) else ""
    raise CellProblem(column, f"must be a whole number >= 0, {got(value)}{hint}", value)


def _member(row: Mapping[str, object], column: str, kind: type[E]) -> E | None:
    text = _text(row, column)
    if text is None:
        return None
    for member in kind:
        if member.value == text:
            return member
    allowed = ", ".join(repr(m.value) for m in kind)
    raise CellProblem(column, f"must be one of {allowed}, {got(text)}", text)


class RowReader:
    """Reads rows into figures; collects every problem before failing.

    *where* names a place from a row number and a column (``None`` for the
    whole row): ``line 7, column 'value'`` for CSV, ``row 6, column 'value'``
    for frames. *indicators* maps codes to indicators; with *hierarchy*,
    every unit code must be one of its units.
    """

    def __init__(
        self,
        *,
        indicators: Mapping[str, Indicator],
        hierarchy: Hierarchy | None,
        where: Callable[[int, str | None], str],
    ) -> None:
        self._indicators = indicators
        self._hierarchy = hierarchy
        self._where = where
        self._periods: dict[str, Period] = {}
        self._figures: dict[tuple[str, str, Period], tuple[Figure, int]] = {}
        self.problems: list[Problem] = []

    def problem(self, number: int, column: str | None, message: str, value: object) -> None:
        """Record a problem at row *number*, *column*."""
        self.problems.append(Problem(path=self._where(number, column), message=message, value=value))

    def add(self, number: int, row: Mapping[str, object]) -> None:
        """Read row *number*; record its problems, or keep its figure."""
        found: list[CellProblem] = []
        figure = self._figure(row, found)
        for p in found:
            self.problem(number, p.column, p.message, p.value)
        if figure is None:
            return
        old = self._figures.get(figure.key)
        if old is None:
            self._figures[figure.key] = (figure, number)
        elif old[0] != figure:
            message = (
                f"must not conflict with {self._where(old[1], None)}, which has the same unit, period and indicator"
            )
            self.problem(number, None, message, None)

    def figures(self, source: str | None) -> FigureSet:
        """The figures read, or :class:`FileFormatError` listing every problem."""
        if self.problems:
            raise FileFormatError(self.problems, source)
        return FigureSet(f for f, _ in self._figures.values())

    def _figure(self, row: Mapping[str, object], found: list[CellProblem]) -> Figure | None:
        unit = _attempt(found, lambda: self._unit(row))
        period = _attempt(found, lambda: self._period(row))
        indicator = _attempt(found, lambda: self._indicator(row))
        status = _attempt(found, lambda: _member(row, "status", FigureStatus))
        reporter = _attempt(found, lambda: _member(row, "reporter", Reporter))
        note = _attempt(found, lambda: _text(row, "note"))
        if status is None:
            status = FigureStatus.NOT_REPORTED if _empty(row.get("value")) else FigureStatus.REPORTED
        value = None
        if status is FigureStatus.REPORTED:
            value = _quantity(row, indicator if isinstance(indicator, Indicator) else None, found)
        elif isinstance(status, FigureStatus):
            for column in _QUANTITY_COLUMNS:
                v = row.get(column)
                if not _empty(v):
                    found.append(CellProblem(column, f"must be empty for a {status.value} figure, {got(v)}", v))
        if found:
            return None
        assert isinstance(indicator, Indicator) and isinstance(unit, str) and isinstance(period, Period)
        assert isinstance(status, FigureStatus)
        assert reporter is None or isinstance(reporter, Reporter)
        assert note is None or isinstance(note, str)
        try:
            return Figure(
                indicator=indicator,
                unit=unit,
                period=period,
                status=status,
                value=value,
                reported_by=reporter,
                note=note,
            )
        except AnninhError as exc:
            found.append(CellProblem("unit_noun", str(exc), row.get("unit_noun")))
            return None

    def _unit(self, row: Mapping[str, object]) -> str:
        unit = _text(row, "unit", required=True)
        assert unit is not None
        if self._hierarchy is not None and unit not in self._hierarchy:
            _fail("unit", f"must be the code of a unit in the hierarchy, {got(unit)}", unit)
        return unit

    def _period(self, row: Mapping[str, object]) -> Period:
        text = _text(row, "period", required=True)
        assert text is not None
        cached = self._periods.get(text)
        if cached is not None:
            return cached
        try:
            period = Period.parse(text)
        except AnninhError:
            message = f"must be a period id such as '202207', '2022Q1', '2022S1', 'R2022S1', '2022', {got(text)}"
            _fail("period", message, text)
        self._periods[text] = period
        return period

    def _indicator(self, row: Mapping[str, object]) -> Indicator:
        code = _text(row, "indicator", required=True)
        assert code is not None
        try:
            return self._indicators[code]
        except KeyError:
            message = f"must be a known indicator code (pass indicators= for custom ones), {got(code)}"
            _fail("indicator", message, code)


_FAILED = object()


def _attempt(found: list[CellProblem], read: Callable[[], object]) -> object:
    try:
        return read()
    except CellProblem as exc:
        found.append(exc)
        return _FAILED


def _quantity(row: Mapping[str, object], indicator: Indicator | None, found: list[CellProblem]) -> Quantity | None:
    before = len(found)
    value = _attempt(found, lambda: _whole(row, "value"))
    if value is None:
        found.append(CellProblem("value", "is required for a reported figure", row.get("value")))
    qualifier = _attempt(found, lambda: _member(row, "qualifier", Qualifier))
    low = _attempt(found, lambda: _whole(row, "low"))
    high = _attempt(found, lambda: _whole(row, "high"))
    noun = _attempt(found, lambda: _text(row, "unit_noun"))
    if len(found) > before or indicator is None:
        return None
    kwargs: dict[str, object] = {
        "value": value,
        "unit": indicator.unit if noun is None else noun,
        "qualifier": qualifier or Qualifier.EXACT,
    }
    if low is not None:
        kwargs["low"] = low
    if high is not None:
        kwargs["high"] = high
    try:
        return Quantity(**kwargs)  # type: ignore[arg-type]
    except AnninhError as exc:
        found.append(CellProblem("value", str(exc), row.get("value")))
        return None
