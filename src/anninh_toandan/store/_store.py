"""The figure store: figures kept for years, every version with its batch (private module).

See :mod:`anninh_toandan.store` for the public face and ``docs/store.md`` for
the tables.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from attrs import frozen

from anninh_toandan.aggregate import Aggregate, Basis, Comparison, Rollup
from anninh_toandan.errors import ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator, TimeAggregation, UnitAggregation
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.quantity import Qualifier, Quantity
from anninh_toandan.results import base_of
from anninh_toandan.store._backends import Backend, connect
from anninh_toandan.store._errors import StoreError, StoreInputError
from anninh_toandan.store._schema import SCHEMA_VERSION, prepare

__all__ = ["Batch", "FigureStore", "ImportResult", "Version", "open_store"]

_INT64 = 2**63 - 1
_FAR_FUTURE = _dt.datetime(9999, 12, 31, tzinfo=_dt.UTC).replace(tzinfo=None)  # naive UTC, as stored

_FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("batch_id", "BIGINT"),
    ("indicator", "VARCHAR"),
    ("unit", "VARCHAR"),
    ("period_id", "VARCHAR"),
    ("period_kind", "VARCHAR"),
    ("calendar", "VARCHAR"),
    ("period_start", "DATE"),
    ("period_end", "DATE"),
    ("status", "VARCHAR"),
    ("value", "BIGINT"),
    ("qualifier", "VARCHAR"),
    ("low", "BIGINT"),
    ("high", "BIGINT"),
    ("value_unit", "VARCHAR"),
    ("reported_by", "VARCHAR"),
    ("note", "VARCHAR"),
)
# What is read back to rebuild a figure, in this order.
_READ = "indicator, unit, period_id, status, value, qualifier, low, high, value_unit, reported_by, note"


@frozen(kw_only=True)
class Batch:
    """One import: where the figures came from, who sent them, when, and whether it was withdrawn."""

    id: int
    """The batch number, increasing with every import."""
    source: str
    """What was imported: a file name, a script, an office's form."""
    content_hash: str
    """SHA-256 of the figures (order aside): the same figures imported again are recognised by it."""
    reported_by: str | None
    """Who sent or imported the figures."""
    note: str | None
    """A remark kept with the batch."""
    imported_at: _dt.datetime
    """When the batch was stored (UTC, aware)."""
    figure_count: int
    """How many figures the batch holds."""
    withdrawn_at: _dt.datetime | None = None
    """When the batch was withdrawn (UTC, aware), or ``None``."""
    withdrawal_reason: str | None = None
    """Why it was withdrawn."""


@frozen(kw_only=True)
class ImportResult:
    """What :meth:`FigureStore.add` did: the batch, and whether it is new (``False``: already imported)."""

    batch: Batch
    new: bool


@frozen(kw_only=True)
class Version:
    """One version of a figure in :meth:`FigureStore.history`, with its batch."""

    figure: Figure
    batch: Batch
    current: bool
    """Whether it is the current version (the newest of a batch not withdrawn)."""


def _utc(value: _dt.datetime) -> _dt.datetime:
    """*value* as a naive UTC datetime, as the tables keep it (a naive *value* is taken as UTC)."""
    if not isinstance(value, _dt.datetime):
        msg = f"'as_of' must be a datetime (got {value!r} of type {type(value).__name__})"
        raise ValidationTypeError(msg)
    if value.tzinfo is None:
        return value
    return value.astimezone(_dt.UTC).replace(tzinfo=None)


def _aware(value: _dt.datetime | None) -> _dt.datetime | None:
    return None if value is None else value.replace(tzinfo=_dt.UTC)


@functools.lru_cache(maxsize=65536)
def _period(pid: str) -> Period:
    return Period.parse(pid)


def _figure_hash_line(f: Figure) -> str:
    ind, q = f.indicator, f.value
    return json.dumps(
        [
            ind.code,
            ind.name_vi,
            ind.name_en,
            ind.unit,
            ind.time_aggregation.value,
            ind.unit_aggregation.value,
            f.unit,
            f.period.id,
            f.status.value,
            None if q is None else [q.value, q.unit, q.qualifier.value, q.low, q.high],
            None if f.reported_by is None else f.reported_by.value,
            f.note,
        ],
        ensure_ascii=False,
    )


def content_hash(figures: Iterable[Figure]) -> str:
    """The SHA-256 of *figures*, whatever their order."""
    h = hashlib.sha256()
    for line in sorted(_figure_hash_line(f) for f in figures):
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


class FigureStore:
    """Figures kept for years in DuckDB or PostgreSQL, every version with its batch.

    Open one with :func:`open_store`; use it as a context manager (it closes
    the connection on exit). Nothing stored is ever overwritten: a figure for
    a key that already has one is a correction, kept beside the earlier
    version; :meth:`figures` gives the current versions, ``as_of=`` the
    versions as they stood at a moment, :meth:`history` every version.
    """

    def __init__(self, db: Backend, *, migrated_from: int) -> None:
        self._db = db
        self._closed = False
        self.migrated_from = migrated_from
        """The schema version the store had when opened (0: created now; equal to :attr:`schema_version`: as is)."""
        self._catalogue: dict[str, Indicator] = {}
        self._load_catalogue()

    # -- life --------------------------------------------------------------------

    @property
    def kind(self) -> str:
        """``"duckdb"`` or ``"postgresql"``."""
        return self._db.kind

    @property
    def schema_version(self) -> int:
        """The version of the store's tables."""
        return SCHEMA_VERSION

    def close(self) -> None:
        """Close the connection (a DuckDB file is released for other processes)."""
        if not self._closed:
            self._closed = True
            self._db.close()

    def __enter__(self) -> FigureStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<FigureStore {self._db.kind} {self._db.target!r}>"

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        if self._closed:
            msg = "the figure store is closed"
            raise StoreError(msg)
        return self._db.execute(sql, params)

    # -- indicators ----------------------------------------------------------------

    def _load_catalogue(self) -> None:
        rows = self._run(
            "SELECT code, name_vi, name_en, unit, time_aggregation, unit_aggregation FROM indicators ORDER BY code"
        )
        self._catalogue = {
            code: Indicator(
                code=code,
                name_vi=vi,
                name_en=en,
                unit=unit,
                time_aggregation=TimeAggregation(t),
                unit_aggregation=UnitAggregation(u),
            )
            for code, vi, en, unit, t, u in rows
        }

    def indicators(self) -> tuple[Indicator, ...]:
        """The indicators the store knows besides the standard catalogue, and the standard ones it holds."""
        return tuple(self._catalogue.values())

    def define(self, *indicators: Indicator) -> None:
        """Make the store know *indicators* of your own, so that figures of them can be added.

        A code already known with another definition is refused
        (:class:`StoreInputError`); defining the same indicator again does nothing.
        """
        new: list[Indicator] = []
        for i, ind in enumerate(indicators):
            if not isinstance(ind, Indicator):
                msg = f"'indicators[{i}]' must be an Indicator (got {ind!r} of type {type(ind).__name__})"
                raise ValidationTypeError(msg)
            if "\x00" in ind.name_vi + ind.name_en + ind.unit:
                msg = f"'indicators[{i}]' ({ind.code!r}) has a NUL character in a name or unit: no database keeps one"
                raise StoreInputError(msg)
            known = self._known(ind.code)
            if known is None:
                new.append(ind)
            elif known != ind:
                msg = f"indicator {ind.code!r} is already defined differently: {known!r} (got {ind!r})"
                raise StoreInputError(msg)
        if not new:
            return
        self._run("BEGIN")
        try:
            self._insert_indicators(new)
            self._run("COMMIT")
        except BaseException:
            self._run("ROLLBACK")
            self._load_catalogue()
            raise

    def _insert_indicators(self, new: Sequence[Indicator]) -> None:
        for ind in new:
            # ON CONFLICT: another process may define the same indicator at the same time.
            self._run(
                "INSERT INTO indicators (code, name_vi, name_en, unit, time_aggregation, unit_aggregation) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [
                    ind.code,
                    ind.name_vi,
                    ind.name_en,
                    ind.unit,
                    ind.time_aggregation.value,
                    ind.unit_aggregation.value,
                ],
            )
            self._catalogue[ind.code] = ind

    def _known(self, code: str) -> Indicator | None:
        found = self._catalogue.get(code)
        if found is None and code in STANDARD_INDICATORS:
            found = STANDARD_INDICATORS[code]
        return found

    def _indicator(self, value: Indicator | str) -> Indicator:
        if isinstance(value, Indicator):
            return value
        if not isinstance(value, str):
            msg = f"'indicator' must be an Indicator or a code (got {value!r} of type {type(value).__name__})"
            raise ValidationTypeError(msg)
        found = self._known(value)
        if found is None:
            msg = f"'indicator' must be an indicator the store knows (got {value!r})"
            raise StoreInputError(msg)
        return found

    # -- import ----------------------------------------------------------------------

    def _check_batch(self, figures: Sequence[Figure]) -> tuple[list[tuple[Any, ...]], list[Indicator]]:
        """The rows of *figures* (batch id left as 0), and the standard indicators the store must learn."""
        rows: list[tuple[Any, ...]] = []
        learn: dict[str, Indicator] = {}
        seen: dict[tuple[str, str, Period], int] = {}
        periods: dict[Period, tuple[str, str, str, _dt.date, _dt.date]] = {}
        for i, f in enumerate(figures):
            if not isinstance(f, Figure):
                msg = f"'figures[{i}]' must be a Figure (got {f!r} of type {type(f).__name__})"
                raise StoreInputError(msg)
            ind = f.indicator
            where = f"figures[{i}] (indicator {ind.code!r}, unit {f.unit!r}, period {f.period.id!r})"
            known = self._known(ind.code) if ind.code not in learn else learn[ind.code]
            if known is None:
                msg = (
                    f"{where}: unknown indicator {ind.code!r}; define it first with FigureStore.define "
                    f"(nothing of this batch was stored)"
                )
                raise StoreInputError(msg)
            if known != ind:
                msg = (
                    f"{where}: indicator {ind.code!r} differs from the store's definition {known!r} "
                    f"(nothing of this batch was stored)"
                )
                raise StoreInputError(msg)
            if ind.code not in self._catalogue:
                learn[ind.code] = ind
            for name, text in (("unit", f.unit), ("note", f.note), ("value's unit", f.value and f.value.unit)):
                if text and "\x00" in text:
                    msg = f"{where}: the {name} {text!r} holds a NUL character, which a database cannot keep"
                    raise StoreInputError(msg)
            key = f.key
            first = seen.setdefault(key, i)
            if first != i:
                msg = (
                    f"{where}: a second figure for the same indicator, unit and period as figures[{first}] "
                    f"(nothing of this batch was stored)"
                )
                raise StoreInputError(msg)
            p = f.period
            pinfo = periods.get(p)
            if pinfo is None:
                pinfo = periods[p] = (p.id, p.kind.value, p.calendar.value, p.start, p.end)
            q = f.value
            if q is None:
                value = qual = low = high = vunit = None
            else:
                if q.value > _INT64 or (q.high is not None and q.high > _INT64):
                    msg = f"{where}: the value {q!r} is too large for the store (at most {_INT64})"
                    raise StoreInputError(msg)
                value, qual, low, high, vunit = q.value, q.qualifier.value, q.low, q.high, q.unit
            rows.append(
                (
                    0,
                    ind.code,
                    f.unit,
                    *pinfo,
                    f.status.value,
                    value,
                    qual,
                    low,
                    high,
                    vunit,
                    None if f.reported_by is None else f.reported_by.value,
                    f.note,
                )
            )
        return rows, list(learn.values())

    def add(
        self,
        figures: FigureSet | Iterable[Figure],
        *,
        source: str,
        reported_by: str | None = None,
        note: str | None = None,
    ) -> ImportResult:
        """Import *figures* as one batch with its provenance, in one transaction: all of them or none.

        *source* says what was imported (a file name, a script); *reported_by*
        who sent it. The same figures imported again (whatever their order or
        source) are recognised by their content hash and nothing is stored:
        the result names the earlier batch and has ``new=False``. A figure for
        a key that already has one is a correction: both versions are kept.

        Refused with :class:`StoreInputError` naming the figure, before
        anything is stored: a figure of an indicator the store does not know
        (see :meth:`define`; the standard ones are known), a second figure for
        the same key in one batch, a period whose id does not parse back, a
        value beyond 64 bits.
        """
        if not isinstance(source, str) or not source.strip():
            msg = f"'source' must be a non-blank str naming what is imported (got {source!r})"
            raise ValidationTypeError(msg)
        for name, text in (("reported_by", reported_by), ("note", note)):
            if text is not None and not isinstance(text, str):
                msg = f"{name!r} must be a str or None (got {text!r} of type {type(text).__name__})"
                raise ValidationTypeError(msg)
        items = list(figures)
        rows, learn = self._check_batch(items)
        digest = content_hash(items)
        self._run("BEGIN")
        try:
            self._db.lock_key(digest)
            found = self._run(
                "SELECT batch_id FROM batches b WHERE content_hash = ? AND NOT EXISTS "
                "(SELECT 1 FROM withdrawals w WHERE w.batch_id = b.batch_id) ORDER BY batch_id LIMIT 1",
                [digest],
            )
            if found:
                self._run("COMMIT")
                return ImportResult(batch=self.batch(found[0][0]), new=False)
            self._insert_indicators(learn)
            batch_id = int(self._run("SELECT nextval('batch_ids')")[0][0])
            now = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
            last = self._run("SELECT max(imported_at) FROM batches")[0][0]
            if last is not None and last >= now:
                now = last + _dt.timedelta(microseconds=1)  # imports stay in order if the clock steps back
            self._run(
                "INSERT INTO batches (batch_id, source, content_hash, reported_by, note, imported_at, figure_count) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [batch_id, source, digest, reported_by, note, now, len(rows)],
            )
            self._db.insert("figure_versions", _FIGURE_COLUMNS, [(batch_id, *r[1:]) for r in rows])
            self._run("COMMIT")
        except BaseException:
            try:
                self._run("ROLLBACK")
            finally:
                self._load_catalogue()
            raise
        self._db.after_import()
        return ImportResult(batch=self.batch(batch_id), new=True)

    def withdraw(self, batch: int | Batch, *, reason: str | None = None) -> Batch:
        """Withdraw a batch: its figures stop being current (earlier versions come back); it stays in history."""
        batch_id = batch.id if isinstance(batch, Batch) else batch
        current = self.batch(batch_id)
        if current.withdrawn_at is not None:
            msg = f"batch {batch_id} was already withdrawn at {current.withdrawn_at.isoformat()}"
            raise StoreError(msg)
        now = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
        self._run("BEGIN")
        try:
            self._run(
                "INSERT INTO withdrawals (batch_id, withdrawn_at, reason) VALUES (?, ?, ?)", [batch_id, now, reason]
            )
            self._run("COMMIT")
        except BaseException:
            self._run("ROLLBACK")
            raise
        return self.batch(batch_id)

    # -- batches ---------------------------------------------------------------------

    _BATCH_SQL = (
        "SELECT b.batch_id, b.source, b.content_hash, b.reported_by, b.note, b.imported_at, b.figure_count, "
        "w.withdrawn_at, w.reason FROM batches b LEFT JOIN withdrawals w ON w.batch_id = b.batch_id"
    )

    @staticmethod
    def _batch(row: Sequence[Any]) -> Batch:
        bid, source, digest, who, note, at, count, wat, reason = row
        return Batch(
            id=int(bid),
            source=source,
            content_hash=digest,
            reported_by=who,
            note=note,
            imported_at=_aware(at),  # type: ignore[arg-type]
            figure_count=int(count),
            withdrawn_at=_aware(wat),
            withdrawal_reason=reason,
        )

    def batch(self, batch_id: int) -> Batch:
        """The batch numbered *batch_id* (:class:`StoreError` if there is none)."""
        if not isinstance(batch_id, int) or isinstance(batch_id, bool):
            msg = f"'batch' must be a batch number or a Batch (got {batch_id!r})"
            raise ValidationTypeError(msg)
        rows = self._run(self._BATCH_SQL + " WHERE b.batch_id = ?", [batch_id])
        if not rows:
            msg = f"no batch {batch_id} in the figure store"
            raise StoreError(msg)
        return self._batch(rows[0])

    def batches(self) -> tuple[Batch, ...]:
        """Every batch, oldest first, withdrawn ones included."""
        return tuple(self._batch(r) for r in self._run(self._BATCH_SQL + " ORDER BY b.batch_id"))

    # -- reading -----------------------------------------------------------------------

    def _live(self, as_of: _dt.datetime | None) -> tuple[str, list[Any]]:
        """SQL selecting the live batch ids at *as_of* (now when ``None``), and its parameters."""
        at = _FAR_FUTURE if as_of is None else _utc(as_of)
        return (
            "SELECT b.batch_id FROM batches b WHERE b.imported_at <= ? AND NOT EXISTS "
            "(SELECT 1 FROM withdrawals w WHERE w.batch_id = b.batch_id AND w.withdrawn_at <= ?)",
            [at, at],
        )

    def _current_sql(
        self,
        columns: str,
        *,
        indicators: Sequence[str] | None,
        units: Sequence[str] | None,
        start: _dt.date | None,
        end: _dt.date | None,
        as_of: _dt.datetime | None,
    ) -> tuple[str, list[Any]]:
        """SQL of the current versions (at *as_of*) that match, with *columns*; and its parameters."""
        live, params = self._live(as_of)
        where = [f"f.batch_id IN ({live})"]
        if indicators is not None:
            where.append(self._db.in_list("f.indicator"))
            params.append(list(indicators))
        if units is not None:
            where.append(self._db.in_list("f.unit"))
            params.append(list(units))
        if start is not None:
            where.append("f.period_start >= ?")
            params.append(start)
        if end is not None:
            where.append("f.period_end <= ?")
            params.append(end)
        sql = (
            f"SELECT {columns} FROM (SELECT f.*, row_number() OVER (PARTITION BY f.indicator, f.unit, f.period_id "
            f"ORDER BY f.batch_id DESC) AS version_rank FROM figure_versions f WHERE {' AND '.join(where)}) c "
            "WHERE c.version_rank = 1"
        )
        return sql, params

    def _figure(self, row: Sequence[Any], quantities: dict[tuple[Any, ...], Quantity]) -> Figure:
        code, unit, pid, status, value, qual, low, high, vunit, who, note = row
        ind = self._known(code)
        if ind is None:  # defined by another process since this one opened the store
            self._load_catalogue()
            ind = self._known(code)
            if ind is None:  # pragma: no cover - every stored figure's indicator is in the table
                msg = f"the store holds figures of an unknown indicator {code!r}"
                raise StoreError(msg)
        q: Quantity | None = None
        if value is not None:
            qkey = (value, vunit, qual, low, high)
            q = quantities.get(qkey)
            if q is None:
                q = quantities[qkey] = Quantity(
                    value=int(value),
                    unit=vunit,
                    qualifier=Qualifier(qual),
                    low=None if low is None else int(low),
                    high=None if high is None else int(high),
                )
        return Figure(
            indicator=ind,
            unit=unit,
            period=_period(pid),
            status=FigureStatus(status),
            value=q,
            reported_by=None if who is None else Reporter(who),
            note=note,
        )

    def figures(
        self,
        *,
        indicators: Iterable[Indicator | str] | None = None,
        units: Iterable[str] | None = None,
        within: Period | None = None,
        as_of: _dt.datetime | None = None,
        columnar: bool | None = None,
    ) -> FigureSet:
        """The current figures (or those current at *as_of*), lossless, that match every criterion given.

        *within* keeps the figures whose period lies inside it (``2022Q1`` is
        within ``2022S1``). *as_of* is a datetime (naive ones are UTC).

        10,000 figures or more come back as a columnar set (see
        :meth:`~anninh_toandan.figures.FigureSet.columnar`) when NumPy is
        installed, built from the fetched columns without a ``Figure`` per
        row; *columnar* forces it (``True``) or a set of objects (``False``).
        The figures are the same either way.
        """
        codes = None if indicators is None else [self._indicator(i).code for i in _many(indicators)]
        unit_list = None if units is None else [_unit(u) for u in _many(units)]
        if within is not None and not isinstance(within, Period):
            msg = f"'within' must be a Period or None (got {within!r} of type {type(within).__name__})"
            raise ValidationTypeError(msg)
        sql, params = self._current_sql(
            _READ,
            indicators=codes,
            units=unit_list,
            start=None if within is None else within.start,
            end=None if within is None else within.end,
            as_of=as_of,
        )
        from anninh_toandan.io._columnar import wanted

        sql += " ORDER BY indicator, unit, period_start, period_id"
        table = None if columnar is False else self._run_arrow(sql, params)
        if table is not None and wanted(columnar, table.num_rows):
            found = self._columns_of_table(table)
            if found is not None:
                return found
        rows: Sequence[Sequence[Any]]
        if table is None:
            rows = self._run(sql, params)
        else:  # the same Python values as the rows the database gives
            rows = list(zip(*(c.to_pylist() for c in table.columns), strict=True))
        as_columns = wanted(columnar, len(rows))
        if as_columns:
            found = self._columns(rows)
            if found is not None:
                return found
        quantities: dict[tuple[Any, ...], Quantity] = {}
        figures = FigureSet(self._figure(r, quantities) for r in rows)
        return figures.columnar() if as_columns else figures

    def _run_arrow(self, sql: str, params: Sequence[Any]) -> Any:
        if self._closed:
            msg = "the figure store is closed"
            raise StoreError(msg)
        return self._db.execute_arrow(sql, params)

    def _columns_of_table(self, table: Any) -> FigureSet | None:
        """:meth:`_columns` of an Arrow table of the rows."""
        from anninh_toandan.io._columnar import Fallback, column_from_arrow

        try:
            columns = [column_from_arrow(c) for c in table.columns]
        except Fallback:
            return None
        return self._columns(columns=columns, n=table.num_rows)

    def _columns(
        self, rows: Sequence[Sequence[Any]] = (), *, columns: Sequence[Any] | None = None, n: int = 0
    ) -> FigureSet | None:
        """The figures of *rows* built as columns, or ``None`` where :meth:`_figure` must read them one by one.

        The columns are read as the long format's readers read them (the
        same checks), but a few rows that only a damaged store holds are
        read differently by :meth:`_figure` (an empty text, a bound or a unit
        noun missing where the qualifier needs one): those go to it.
        """
        from anninh_toandan._columns import numpy as load_numpy
        from anninh_toandan.io._columnar import Coded, Fallback, Whole, build, coded_from_list

        np = load_numpy()
        names = ["indicator", "unit", "period", "status", "value", "qualifier", "low", "high", "unit_noun"]
        names += ["reporter", "note"]  # the long format's names of the columns of _READ
        if columns is None:
            n = len(rows)
            cells = list(zip(*rows, strict=False)) if rows else [() for _ in names]
            columns = [coded_from_list(column, n) for column in cells]
        if len(columns) != len(names):  # pragma: no cover - the query selects these columns
            return None
        by_name = dict(zip(names, columns, strict=True))
        null: dict[str, Any] = {}
        for name, col in by_name.items():
            if isinstance(col, Whole):
                null[name] = col.missing
                continue
            if any(v == "" for v in col.values if isinstance(v, str)):
                return None
            null[name] = np.asarray([v is None for v in col.values] + [True], dtype=np.bool_)[col.codes]
        quals = by_name["qualifier"]
        if not isinstance(quals, Coded) or not isinstance(by_name["indicator"], Coded):
            return None
        needs_low = np.asarray([v in ("exact", "more_than", "order_of") for v in quals.values] + [False])[quals.codes]
        needs_high = np.asarray([v in ("exact", "nearly", "order_of") for v in quals.values] + [False])[quals.codes]
        lacking = null["qualifier"] | null["unit_noun"] | (needs_low & null["low"]) | (needs_high & null["high"])
        if (~null["value"] & lacking).any():
            return None
        indicators: dict[str, Indicator] = {}
        for code in by_name["indicator"].values:
            if not isinstance(code, str):
                return None
            ind = self._known(code)
            if ind is None:  # defined by another process since this one opened the store
                self._load_catalogue()
                ind = self._known(code)
                if ind is None:  # pragma: no cover - every stored figure's indicator is in the table
                    return None
            indicators[code] = ind
        try:
            return build(by_name, n, indicators=indicators, hierarchy=None)
        except Fallback:
            return None

    def history(self, indicator: Indicator | str, unit: str, period: Period) -> tuple[Version, ...]:
        """Every version of the figure for *indicator*, *unit* and *period*, oldest first, with its batch."""
        code = self._indicator(indicator).code
        if not isinstance(period, Period):
            msg = f"'period' must be a Period (got {period!r} of type {type(period).__name__})"
            raise ValidationTypeError(msg)
        rows = self._run(
            f"SELECT {_READ}, f.batch_id FROM figure_versions f WHERE f.indicator = ? AND f.unit = ? "
            "AND f.period_id = ? ORDER BY f.batch_id",
            [code, _unit(unit), period.id],
        )
        live = {r[0] for r in self._run(self._live(None)[0], self._live(None)[1])}
        current = max((r[-1] for r in rows if r[-1] in live), default=None)
        quantities: dict[tuple[Any, ...], Quantity] = {}
        return tuple(
            Version(figure=self._figure(r[:-1], quantities), batch=self.batch(int(r[-1])), current=r[-1] == current)
            for r in rows
        )

    # -- roll-ups ----------------------------------------------------------------------

    def rollup(
        self,
        indicator: Indicator | str,
        *,
        unit: str,
        period: Period,
        hierarchy: Hierarchy | None = None,
        as_of: _dt.datetime | None = None,
    ) -> Aggregate:
        """The aggregate of *indicator* for *unit* over *period*: the same as :class:`Rollup` on :meth:`figures`.

        The sums are computed in the database (see :meth:`table`).
        """
        return self.table([indicator], [unit], [period], hierarchy=hierarchy, as_of=as_of)[0]

    def table(
        self,
        indicators: Iterable[Indicator | str],
        units: Iterable[str],
        periods: Iterable[Period],
        *,
        hierarchy: Hierarchy | None = None,
        as_of: _dt.datetime | None = None,
    ) -> tuple[Aggregate, ...]:
        """Aggregates for every indicator, unit and period, as :meth:`Rollup.table` gives them.

        The database does the bulk of the work: it picks the current versions,
        and for every source unit and period made of whole months that the
        unit reported completely with exact monthly numbers, it adds the
        months up (a flow) or takes the closing month (a stock). Only the rest
        (approximate numbers, gaps, figures for quarters or years, units that
        opened or closed) comes back as figures, and :class:`Rollup` finishes
        from both, so that the result is identical to ``Rollup`` on the same
        figures.
        """
        from anninh_toandan.store._rollup import reduced_figures

        inds = [self._indicator(i) for i in _many(indicators)]
        unit_list = [_unit(u) for u in _many(units)]
        period_list = list(_many(periods))
        for p in period_list:
            if not isinstance(p, Period):
                msg = f"'periods' must hold Period objects (got {p!r} of type {type(p).__name__})"
                raise ValidationTypeError(msg)
        if hierarchy is not None and not isinstance(hierarchy, Hierarchy):
            msg = f"'hierarchy' must be a Hierarchy or None (got {hierarchy!r} of type {type(hierarchy).__name__})"
            raise ValidationTypeError(msg)
        if not inds or not unit_list or not period_list:
            return ()
        fs = reduced_figures(self, inds, unit_list, period_list, hierarchy, as_of)
        return Rollup(fs, hierarchy).table(inds, unit_list, period_list)

    def compare(
        self,
        indicator: Indicator | str,
        *,
        unit: str,
        period: Period,
        hierarchy: Hierarchy | None = None,
        basis: Basis | Period = Basis.SAME_PERIOD_LAST_YEAR,
        as_of: _dt.datetime | None = None,
    ) -> Comparison:
        """*period* against the same period last year (or *basis*), both rolled up in the database."""
        base, kind = base_of(period, basis)
        current, before = self.table([indicator], [unit], [period, base], hierarchy=hierarchy, as_of=as_of)
        return Comparison(current=current, base=before, basis=kind)


def _many(value: Any) -> list[Any]:
    if isinstance(value, str | Indicator | Period):
        return [value]
    return list(value)


def _unit(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        msg = f"'unit' must be a non-blank unit code (got {value!r})"
        raise ValidationTypeError(msg)
    return value


def open_store(target: str | Path, *, schema: str | None = None, timeout: float = 30.0) -> FigureStore:
    """Open (or create) the figure store at *target*: a path to a DuckDB file, or a ``postgresql://`` URL.

    A store made by an older version of the library is migrated on open; one
    made by a newer version is refused (:class:`StoreVersionError`). On
    PostgreSQL, *schema* puts the store's tables in a schema of their own
    (created if needed). A DuckDB file has one writer at a time: if another
    process holds it, opening waits up to *timeout* seconds, then raises
    :class:`StoreBusyError`.
    """
    if not isinstance(target, str | Path):
        msg = f"'target' must be a path or a postgresql:// URL (got {target!r} of type {type(target).__name__})"
        raise ValidationTypeError(msg)
    db = connect(target, schema=schema, timeout=timeout)
    try:
        found = prepare(db)
        return FigureStore(db, migrated_from=found)
    except BaseException:
        db.close()
        raise
