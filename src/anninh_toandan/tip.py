"""Tips from the public ("tin liên quan đến ANTT từ quần chúng nhân dân").

A :class:`Tip` is one tip received by a unit: the day, a category (a
:class:`CrimeType` or a custom string), whether it was valuable ("tin có giá
trị") and the ids of the cases it helped clarify.

Tips protect informants: there is **no field for the informant**, and the
free-text :attr:`~Tip.content` is left out of ``repr`` and out of exported
files unless the caller asks for it (see :mod:`anninh_toandan.io`).

>>> from datetime import date
>>> t = Tip(received_on=date(2022, 3, 2), unit="672", category=CrimeType.GAMBLING,
...         valuable=True, case_ids=["VV-12"], content="sòng bạc ở tổ 5")
>>> "sòng bạc" in repr(t)
False
>>> t.redacted().content is None
True

:func:`tip_figures` counts tips received, valuable tips and the cases they
helped clarify, a case counting once however many tips name it:

>>> from anninh_toandan.period import Period
>>> more = Tip(received_on=date(2022, 3, 9), unit="672", valuable=True, case_ids=["VV-12", "VV-13"])
>>> [(f.indicator.code, f.value.value) for f in tip_figures([t, more], unit="672", period=Period.half_year(2022, 1))]
[('tips_received', 2), ('tips_valuable', 2), ('cases_clarified', 2)]

:func:`tip_figures_by_period` does the same for every unit and month (or quarter, ...) at once;
:func:`tip_figures_from_columns` counts tips given as columns (a table of a
million tips) without a ``Tip`` per row, into a columnar
:class:`~anninh_toandan.figures.FigureSet`.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Collection, Iterable, Sequence
from typing import Any, NoReturn

import attrs
import pendulum
from attrs import field, frozen

from anninh_toandan._checks import check_str, to_date
from anninh_toandan._columns import (
    FigureColumns,
    arrow_bits,
    arrow_factorize,
    arrow_flat,
    arrow_nulls,
    factorize,
    in_first_seen_order,
    is_arrow,
)
from anninh_toandan._columns import numpy as load_numpy
from anninh_toandan.errors import EmptyValueError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, Reporter
from anninh_toandan.indicator import CASES_CLARIFIED, TIPS_RECEIVED, TIPS_VALUABLE
from anninh_toandan.period import Calendar, Period, PeriodKind
from anninh_toandan.programme import RecordError, each, instance_of, text, to_tuple
from anninh_toandan.quantity import Quantity

__all__ = ["CrimeType", "Tip", "crime_type", "tip_figures", "tip_figures_by_period", "tip_figures_from_columns"]


class CrimeType(enum.Enum):
    """Kinds of crime and social evil named in reviews and tip categories."""

    GAMBLING = "gambling"
    """Gambling ("cờ bạc")."""
    INTENTIONAL_INJURY = "intentional_injury"
    """Intentionally causing injury ("cố ý gây thương tích")."""
    LOAN_SHARKING = "loan_sharking"
    """Black credit, loan-sharking ("tín dụng đen")."""
    DRUGS = "drugs"
    """Drugs ("ma túy")."""
    THEFT = "theft"
    """Theft ("trộm cắp tài sản")."""
    FRAUD = "fraud"
    """Fraud ("lừa đảo chiếm đoạt tài sản")."""


def crime_type(value: Any) -> CrimeType | str:
    """Normalise a crime type: a standard value becomes its member, other strings are custom.

    >>> crime_type("drugs"), crime_type("buôn lậu")
    (<CrimeType.DRUGS: 'drugs'>, 'buôn lậu')
    """
    if isinstance(value, CrimeType):
        return value
    if isinstance(value, str):
        for member in CrimeType:
            if member.value == value:
                return member
        check_str("crime type", value)
        return value
    msg = f"'crime type' must be a CrimeType or a custom type (str) (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


def _category(value: Any) -> CrimeType | str | None:
    return None if value is None else crime_type(value)


def _content(_instance: object, _attribute: Any, value: Any) -> None:
    """attrs validator of :attr:`Tip.content`: ``None`` or non-blank text, never echoed in the error."""
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"'content' must be a str (got a {type(value).__name__}; tip content is never shown)"
        raise ValidationTypeError(msg)
    if not value.strip():
        msg = "'content' must not be empty (got blank text)"
        raise EmptyValueError(msg)


def _received_on(value: Any) -> pendulum.Date:
    return to_date("received_on", value)


@frozen(kw_only=True)
class Tip:
    """One tip from the public, without the informant's identity."""

    received_on: pendulum.Date = field(converter=_received_on)
    """The day it was received."""
    unit: str = field(validator=text)
    """The code of the unit that received it."""
    category: CrimeType | str | None = field(default=None, converter=_category)
    """What it is about: a crime type or a custom category; ``None`` if not given."""
    valuable: bool = field(default=False, validator=instance_of(bool, "a bool"))
    """Whether it was valuable ("tin có giá trị")."""
    case_ids: tuple[str, ...] = field(default=(), converter=to_tuple, validator=each(str, "a case id (str)"))
    """The ids of the cases it helped clarify; a tip that clarified a case is valuable."""
    content: str | None = field(default=None, repr=False, validator=_content)
    """What the tip said. Sensitive: not in ``repr``, not in any error message, not exported unless asked for."""

    def __attrs_post_init__(self) -> None:
        if self.case_ids and not self.valuable:
            msg = f"'valuable' must be True for a tip that helped clarify cases (got case_ids={self.case_ids!r})"
            raise RecordError(msg)
        if len(self.case_ids) > 1 and len(set(self.case_ids)) != len(self.case_ids):
            msg = f"'case_ids' must not repeat a case (got {self.case_ids!r})"
            raise RecordError(msg)

    def redacted(self) -> Tip:
        """The same tip without its :attr:`content`."""
        return self if self.content is None else attrs.evolve(self, content=None)


def tip_figures(
    tips: Iterable[Tip],
    *,
    unit: str,
    period: Period,
    units: Collection[str] | None = None,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """Tips received, valuable tips and cases clarified, for *unit* over *period*.

    Tips of the units in *units* (default: *unit*) received in *period* are
    counted. A case named by several tips counts once. With no tip at all
    there are no figures (not zeros).
    """
    members = {unit} if units is None else set(units)
    chosen = [t for t in tips if t.unit in members and t.received_on in period]
    if not chosen:
        return ()
    valuable = sum(1 for t in chosen if t.valuable)
    cases = {c for t in chosen for c in t.case_ids}
    return (
        Figure.reported(TIPS_RECEIVED, unit, period, Quantity.exact(len(chosen), "tin"), reported_by=reported_by),
        Figure.reported(TIPS_VALUABLE, unit, period, Quantity.exact(valuable, "tin"), reported_by=reported_by),
        Figure.reported(CASES_CLARIFIED, unit, period, Quantity.exact(len(cases), "vụ việc"), reported_by=reported_by),
    )


def tip_figures_by_period(
    tips: Iterable[Tip],
    kind: PeriodKind = PeriodKind.MONTH,
    *,
    calendar: Calendar = Calendar.CIVIL,
    reported_by: Reporter | None = None,
) -> tuple[Figure, ...]:
    """:func:`tip_figures` for every unit and every period of *kind* that received tips, in one pass.

    Each (unit, period) with at least one tip gets its three figures (tips
    received, valuable tips, cases clarified), in the order of their first
    tip; a case counts once per unit and period. Units and periods without a
    tip get no figures (not zeros).

    >>> from datetime import date
    >>> days = ((2, "672"), (9, "672"), (9, "673"))
    >>> tips = [Tip(received_on=date(2022, 3, d), unit=u, valuable=d > 5) for d, u in days]
    >>> [(f.unit, f.period.id, f.indicator.code, f.value.value) for f in tip_figures_by_period(tips)][:4]
    [('672', '202203', 'tips_received', 2), ('672', '202203', 'tips_valuable', 1),
     ('672', '202203', 'cases_clarified', 0), ('673', '202203', 'tips_received', 1)]
    """
    # Tips are counted by (unit, position of the period): a million tips fall on a few hundred days.
    position_of: dict[pendulum.Date, int] = {}
    positions: dict[Period, int] = {}
    counts: dict[tuple[str, int], tuple[list[int], set[str]]] = {}  # tips, valuable tips; cases
    for t in tips:
        if not isinstance(t, Tip):
            msg = f"'tips' must hold Tip objects (got {t!r} of type {type(t).__name__})"
            raise ValidationTypeError(msg)
        day = t.received_on
        i = position_of.get(day)
        if i is None:
            i = position_of[day] = positions.setdefault(Period.of(day, kind, calendar=calendar), len(positions))
        key = (t.unit, i)
        got = counts.get(key)
        if got is None:
            got = counts[key] = ([0, 0], set())
        n = got[0]
        n[0] += 1
        if t.valuable:
            n[1] += 1
            if t.case_ids:
                got[1].update(t.case_ids)
    periods = list(positions)
    quantities: dict[tuple[int, str], Quantity] = {}  # the counts repeat: one Quantity each
    out: list[Figure] = []
    for (unit, i), ((received, valuable), cases) in counts.items():
        for ind, count in (
            (TIPS_RECEIVED, (received, "tin")),
            (TIPS_VALUABLE, (valuable, "tin")),
            (CASES_CLARIFIED, (len(cases), "vụ việc")),
        ):
            q = quantities.get(count)
            if q is None:
                q = quantities[count] = Quantity.exact(*count)
            out.append(Figure.reported(ind, unit, periods[i], q, reported_by=reported_by))
    return tuple(out)


# -- tips given as columns ------------------------------------------------------------------

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_REPORTERS = tuple(Reporter)


def tip_figures_from_columns(
    received_on: Sequence[Any],
    unit: Sequence[Any],
    valuable: Sequence[Any],
    case_id: Sequence[Any] | None = None,
    *,
    kind: PeriodKind = PeriodKind.MONTH,
    calendar: Calendar = Calendar.CIVIL,
    reported_by: Reporter | None = None,
) -> FigureSet:
    """:func:`tip_figures_by_period` for tips given as columns: a columnar set, without a ``Tip`` per row.

    Row *i* is one tip: ``received_on[i]`` (a ``datetime.date``, a
    ``pendulum.Date`` or an ISO date string ``'2022-03-02'``), ``unit[i]``
    (the code of the unit that received it), ``valuable[i]`` (a ``bool``;
    a NumPy ``bool`` array is fastest) and, when *case_id* is given,
    ``case_id[i]``: the case it helped clarify (``None``, ``""``, NaN or
    ``<NA>`` for none; a tuple of ids for several). Lists, NumPy arrays and pandas columns
    all do (``df["valuable"] == 1`` for a column of 0 and 1).

    The result equals ``FigureSet(tip_figures_by_period(tips, kind,
    calendar=calendar, reported_by=reported_by))`` for the same tips, in
    the same order; it is built from the columns with NumPy (the
    ``columnar`` extra): each distinct day is put in its period once, and
    the counts are made by array operations.

    The values are checked as :class:`Tip` checks them, and the first bad
    one (column by column) raises the same kind of error, naming its row:
    :class:`~anninh_toandan.errors.ValidationTypeError` for a wrong type
    (``'received_on[3]' must be a date ...``, ``'valuable[2]' must be a
    bool ...``), :class:`~anninh_toandan.errors.EmptyValueError` for an
    empty unit code or case id, and :class:`~anninh_toandan.programme.RecordError`
    for a day that does not exist, a case on a tip that is not valuable or
    a case named twice by one tip. Columns of different lengths raise
    :class:`~anninh_toandan.errors.ValidationTypeError`.

    >>> fs = tip_figures_from_columns(["2022-03-02", "2022-03-09", "2022-03-09"], ["672", "672", "673"],
    ...                               [False, True, True], [None, "VV-12", ""])
    >>> [(f.unit, f.period.id, f.indicator.code, f.value.value) for f in fs][:4]
    [('672', '202203', 'tips_received', 2), ('672', '202203', 'tips_valuable', 1),
     ('672', '202203', 'cases_clarified', 1), ('673', '202203', 'tips_received', 1)]
    >>> tip_figures_from_columns(["2022-02-30"], ["672"], [False])
    Traceback (most recent call last):
    ...
    anninh_toandan.programme.RecordError: 'received_on[0]' must be a day that exists, as YYYY-MM-DD (got '2022-02-30')
    """
    np = load_numpy()
    if reported_by is not None and not isinstance(reported_by, Reporter):
        _column_type_error("reported_by", "a Reporter or None", reported_by)
    Period.of(_dt.date(2000, 1, 1), kind, calendar=calendar)  # the same errors for a wrong kind or calendar
    n = _length("received_on", received_on)
    for name, column in (("unit", unit), ("valuable", valuable), ("case_id", case_id)):
        if column is not None and _length(name, column) != n:
            msg = f"{name!r} must have one value per tip, as 'received_on' has ({n}) (got {len(column)})"
            raise ValidationTypeError(msg)

    # Days: each distinct value read and put in its period once.
    day_codes, day_values = _factorize("received_on", received_on, n)
    positions: dict[Period, int] = {}
    day_period = np.zeros(len(day_values) + 1, dtype=np.int64)
    for c, value in enumerate(day_values):
        day = _day(value, lambda c=c: _first_row(day_codes, c))
        day_period[c] = positions.setdefault(Period.of(day, kind, calendar=calendar), len(positions))
    period_of_tip = day_period[day_codes]

    unit_codes, units = _factorize("unit", unit, n)
    for c, code in enumerate(units):
        if not isinstance(code, str) or not code.strip():
            check_str(f"unit[{_first_row(unit_codes, c)}]", code)

    worth = _booleans(valuable, n)
    case_rows, case_codes, case_names = _cases(case_id, n, worth)

    # (unit, period) pairs in the order of their first tip; counts per pair.
    n_periods = max(len(positions), 1)
    pair = unit_codes * n_periods + period_of_tip
    ordered, which = in_first_seen_order(pair, len(units) * n_periods)
    n_pairs = len(ordered)
    received = np.bincount(which, minlength=n_pairs)
    worthy = np.bincount(which[worth], minlength=n_pairs)
    if len(case_rows):
        pairs_cases = np.unique(which[case_rows] * max(len(case_names), 1) + case_codes)
        cases = np.bincount(pairs_cases // max(len(case_names), 1), minlength=n_pairs)
    else:
        cases = np.zeros(n_pairs, dtype=np.int64)

    counts = np.stack([received, worthy, cases], axis=1).reshape(-1).astype(np.int64)
    rows = 3 * n_pairs
    known = np.ones(rows, dtype=np.bool_)
    cols = FigureColumns(
        indicators=(TIPS_RECEIVED, TIPS_VALUABLE, CASES_CLARIFIED),
        units=tuple(units),
        periods=tuple(positions),
        nouns=("tin", "vụ việc"),
        ind=np.tile(np.arange(3, dtype=np.int32), n_pairs),
        unit=np.repeat(ordered // n_periods, 3).astype(np.int32),
        period=np.repeat(ordered % n_periods, 3).astype(np.int32),
        status=np.zeros(rows, dtype=np.int8),
        qualifier=np.zeros(rows, dtype=np.int8),
        value=counts,
        low=counts.copy(),
        high=counts.copy(),
        low_known=known,
        high_known=known.copy(),
        noun=np.tile(np.asarray([0, 0, 1], dtype=np.int32), n_pairs),
        reporter=np.full(rows, -1 if reported_by is None else _REPORTERS.index(reported_by), dtype=np.int8),
    )
    return FigureSet.from_columns(cols)


def _column_type_error(name: str, what: str, value: object) -> NoReturn:
    msg = f"{name!r} must be {what} (got {value!r} of type {type(value).__name__})"
    raise ValidationTypeError(msg)


def _length(name: str, column: object) -> int:
    if isinstance(column, str | bytes) or not hasattr(column, "__len__") or not hasattr(column, "__iter__"):
        _column_type_error(name, "a sequence with one value per tip (a list, a NumPy array, a pandas column)", column)
    return len(column)


def _factorize(name: str, column: Iterable[Any], n: int) -> tuple[Any, list[Any]]:
    """Codes (int64) into the distinct values of *column*, in the order first seen (an Arrow column by Arrow)."""
    if is_arrow(column):
        return arrow_factorize(column)
    try:
        return factorize(column, n)
    except TypeError:  # an unhashable value: find it
        for i, v in enumerate(column):
            try:
                hash(v)
            except TypeError:
                _column_type_error(f"{name}[{i}]", "a hashable value", v)
        raise  # pragma: no cover - the loop finds it


def _first_row(codes: Any, code: int) -> int:
    return int((codes == code).argmax())


def _day(value: Any, row: Any) -> pendulum.Date:
    """The day of a ``received_on`` value; errors name the first row that holds it."""
    if isinstance(value, str):
        if _ISO_DAY.fullmatch(value):
            try:
                return pendulum.Date.fromisoformat(value)
            except ValueError:
                pass
        msg = f"'received_on[{row()}]' must be a day that exists, as YYYY-MM-DD (got {value!r})"
        raise RecordError(msg)
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        _column_type_error(
            f"received_on[{row()}]", "a date (datetime.date, pendulum.Date or an ISO string YYYY-MM-DD)", value
        )
    return to_date("received_on", value)


def _booleans(valuable: Sequence[Any], n: int) -> Any:
    """*valuable* as a NumPy bool array; a value that is no bool raises, naming its row."""
    np = load_numpy()
    if is_arrow(valuable) and str(valuable.type) == "bool":  # type: ignore[attr-defined]
        flat = arrow_flat(valuable)
        nulls = arrow_nulls(flat)
        if nulls.any():
            _column_type_error(f"valuable[{int(nulls.argmax())}]", "a bool", None)
        return arrow_bits(flat)
    arr = np.asarray(valuable)
    if arr.dtype == np.bool_ and arr.shape == (n,):
        return arr
    for i, v in enumerate(valuable):
        if not isinstance(v, bool | np.bool_):
            _column_type_error(f"valuable[{i}]", "a bool", v)
    return np.fromiter((bool(v) for v in valuable), dtype=np.bool_, count=n)  # pragma: no cover - a ragged array


def _no_case(value: object) -> bool:
    """Whether a ``case_id`` value names no case: ``None``, ``""``, NaN or pandas ``<NA>``."""
    if value is None or (isinstance(value, str) and value == ""):
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return type(value).__name__ == "NAType"


def _cases(case_id: Sequence[Any] | None, n: int, worth: Any) -> tuple[Any, Any, list[str]]:
    """The (tip row, case code) pairs of *case_id* and the case ids, checked as :class:`Tip` checks them."""
    np = load_numpy()
    empty = np.zeros(0, dtype=np.int64)
    if case_id is None:
        return empty, empty, []
    codes, values = _factorize("case_id", case_id, n)
    names: dict[str, int] = {}
    found = [-1] * (len(values) + 1)  # per distinct value: its case, -1 for none
    several: list[int] = []  # distinct values that name several cases
    for c, value in enumerate(values):
        if type(value) is str and value:
            if value.isspace():
                check_str(f"case_id[{_first_row(codes, c)}]", value)
            found[c] = names.setdefault(value, len(names))
        elif _no_case(value):
            continue
        elif isinstance(value, str):  # a subclass of str
            check_str(f"case_id[{_first_row(codes, c)}]", value)
            found[c] = names.setdefault(value, len(names))
        elif isinstance(value, tuple | list):
            row = _first_row(codes, c)
            for j, item in enumerate(value):
                if not isinstance(item, str):
                    _column_type_error(f"case_id[{row}][{j}]", "a case id (str)", item)
                check_str(f"case_id[{row}][{j}]", item)
            if len(set(value)) != len(value):
                msg = f"'case_id[{row}]' must not repeat a case (got {tuple(value)!r})"
                raise RecordError(msg)
            if value:
                several.append(c)
        else:
            _column_type_error(f"case_id[{_first_row(codes, c)}]", "a case id (str), None or a tuple of ids", value)
    single = np.asarray(found, dtype=np.int64)
    has_case = single[codes] >= 0
    for c in several:
        has_case |= codes == c
    lacking = has_case & ~worth
    if lacking.any():
        row = int(lacking.argmax())
        value = values[int(codes[row])]
        ids = tuple(value) if isinstance(value, tuple | list) else (value,)
        msg = f"'valuable[{row}]' must be True for a tip that helped clarify cases (got case_ids={ids!r})"
        raise RecordError(msg)
    rows = np.flatnonzero(single[codes] >= 0)
    case_codes = single[codes[rows]]
    if several:
        extra_rows: list[int] = []
        extra_codes: list[int] = []
        for c in several:
            named = [names.setdefault(v, len(names)) for v in values[c]]
            for r in np.flatnonzero(codes == c).tolist():
                extra_rows.extend([r] * len(named))
                extra_codes.extend(named)
        rows = np.concatenate([rows, np.asarray(extra_rows, dtype=np.int64)])
        case_codes = np.concatenate([case_codes, np.asarray(extra_codes, dtype=np.int64)])
    return rows, case_codes, list(names)
