"""The two databases behind a figure store: an embedded DuckDB file and a PostgreSQL server (private).

Both take the same SQL, written with ``?`` placeholders; the PostgreSQL side
rewrites them for psycopg. Transactions are explicit (``BEGIN``/``COMMIT``),
so that an import is one transaction on both.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol

from anninh_toandan.store._errors import StoreBusyError, StoreError

__all__ = ["Backend", "connect", "is_duckdb_file"]

Row = tuple[Any, ...]

_LOCK_WORDS = ("lock", "conflicting")

#: Rows per chunk of a bulk insert (all chunks of a batch are in one transaction).
CHUNK_ROWS = 200_000


def _require(package: str, extra: str) -> ModuleType:
    try:
        return importlib.import_module(package)
    except ImportError as exc:
        msg = (
            f"a figure store on {'PostgreSQL' if extra == 'postgres' else 'DuckDB'} needs the optional package "
            f"{package.split('.')[0]!r}, which is not installed: pip install 'anninh-toandan[{extra}]'"
        )
        raise StoreError(msg) from exc


class Backend(Protocol):
    """What the store needs from a database connection."""

    kind: str
    """``"duckdb"`` or ``"postgresql"``."""
    target: str
    """The path or the URL (without its password) the store was opened with."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def execute_arrow(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The result as a ``pyarrow.Table``, or ``None`` where the database or pyarrow cannot give one."""

    def insert(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Row]) -> None: ...

    def in_list(self, column: str) -> str: ...

    def lock_schema(self) -> None: ...

    def after_import(self) -> None: ...

    def lock_key(self, key: str) -> None: ...

    def close(self) -> None: ...


#: Where a DuckDB database file says what it is (after an 8-byte checksum).
_DUCKDB_MAGIC = (8, b"DUCK")


def is_duckdb_file(path: str) -> bool:
    """Whether *path* can be opened as a DuckDB database: a DuckDB file, no file (a new store) or ``:memory:``.

    DuckDB itself opens some other files (a CSV, an empty file) as a database of their own, so a
    mistyped ``--store figures.csv`` would otherwise be "a store that holds tables".
    """
    if path == ":memory:":
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return True
    except OSError:
        return True  # a folder or an unreadable file: DuckDB says what is wrong
    at, magic = _DUCKDB_MAGIC
    return head[at : at + len(magic)] == magic


class DuckDBBackend:
    """An embedded DuckDB database in one file (or in memory for ``":memory:"``)."""

    kind = "duckdb"

    def __init__(self, path: str, *, timeout: float) -> None:
        duckdb = _require("duckdb", "store")
        self.target = path
        if not is_duckdb_file(path):
            msg = (
                f"{path!r} is not a figure store: the file is not a DuckDB database (a CSV, a workbook, another file?)"
            )
            raise StoreError(msg)
        deadline = time.monotonic() + timeout
        delay = 0.05
        while True:
            try:
                self._con = duckdb.connect(path)
                break
            except duckdb.IOException as exc:
                text = str(exc).lower()
                if not any(w in text for w in _LOCK_WORDS):
                    msg = f"cannot open the figure store {path!r}: {exc}"
                    raise StoreError(msg) from exc
                if time.monotonic() >= deadline:
                    msg = (
                        f"the figure store {path!r} is in use by another process and was not released within "
                        f"{timeout:g} s (a DuckDB file has one writer at a time; close the other program or "
                        f"share the figures through PostgreSQL): {exc}"
                    )
                    raise StoreBusyError(msg) from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
            except duckdb.Error as exc:
                msg = f"cannot open the figure store {path!r}: {exc}"
                raise StoreError(msg) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self._con.execute(sql, list(params))
        if cur.description is None:
            return []
        rows: list[Row] = cur.fetchall()
        return rows

    def execute_arrow(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The result as a ``pyarrow.Table`` (no Python object per value), or ``None`` without pyarrow."""
        try:
            importlib.import_module("pyarrow")
        except ImportError:  # pragma: no cover - pyarrow comes with the test extra
            return None
        relation = self._con.sql(sql, params=list(params))
        fetch = getattr(relation, "to_arrow_table", None) or getattr(relation, "arrow", None)  # DuckDB 2, 1
        return None if fetch is None else fetch()

    def insert(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Row]) -> None:
        if not rows:
            return
        # One statement per chunk: the columns go in as lists and come out with unnest, which is
        # far faster than executemany's row by row.
        names = ", ".join(name for name, _ in columns)
        select = ", ".join(f"unnest(?::{kind}[])" for _, kind in columns)
        sql = f"INSERT INTO {table} ({names}) SELECT {select}"
        step = CHUNK_ROWS
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            self._con.execute(sql, [list(col) for col in zip(*chunk, strict=True)])
            _chunk_written(start + len(chunk), len(rows))

    def in_list(self, column: str) -> str:
        return f"list_contains(?::VARCHAR[], {column})"

    def lock_schema(self) -> None:
        """Nothing: the file is locked by the connection."""

    def after_import(self) -> None:
        """Nothing: DuckDB keeps its statistics up to date."""

    def lock_key(self, key: str) -> None:
        """Nothing: the file is locked by the connection."""

    def close(self) -> None:
        self._con.close()


_PLACEHOLDER = re.compile(r"\?")


class PostgresBackend:
    """A PostgreSQL database through psycopg 3, in one schema."""

    kind = "postgresql"

    def __init__(self, url: str, *, schema: str | None, timeout: float) -> None:
        psycopg = _require("psycopg", "postgres")
        self.target = re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)
        self._psycopg = psycopg
        if schema is not None and not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
            msg = f"'schema' must be a lower-case SQL name of letters, digits and _ (got {schema!r})"
            raise StoreError(msg)
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)))
        except psycopg.Error as exc:
            msg = f"cannot connect to the figure store {self.target!r}: {exc}"
            raise StoreError(msg) from exc
        if schema is not None:
            # Another process may create it at the same moment ("IF NOT EXISTS" is not atomic).
            with contextlib.suppress(psycopg.errors.UniqueViolation, psycopg.errors.DuplicateSchema):
                self._con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            self._con.execute(f"SET search_path TO {schema}")

    @staticmethod
    def _sql(sql: str) -> str:
        return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self._con.execute(self._sql(sql), list(params))
        if cur.description is None:
            return []
        rows: list[Row] = cur.fetchall()
        return rows

    def execute_arrow(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """``None``: psycopg gives rows."""
        return None

    def insert(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Row]) -> None:
        if not rows:
            return
        names = ", ".join(name for name, _ in columns)
        with self._con.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for i, row in enumerate(rows, 1):
                copy.write_row(row)
                if i % CHUNK_ROWS == 0:
                    _chunk_written(i, len(rows))
        _chunk_written(len(rows), len(rows))

    def in_list(self, column: str) -> str:
        return f"{column} = ANY(?::text[])"

    def after_import(self) -> None:
        # Fresh statistics after a bulk COPY: without them the planner takes a big table for a small one
        # and joins it row by row.
        self._con.execute("ANALYZE figure_versions")

    def lock_schema(self) -> None:
        # Two processes opening a new store at once: one creates the tables, the other waits.
        self._con.execute("SELECT pg_advisory_xact_lock(726312001)")

    def lock_key(self, key: str) -> None:
        # Two imports of the same content at once: the second waits, then finds the first.
        self._con.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [key])

    def close(self) -> None:
        self._con.close()


def _chunk_written(done: int, total: int) -> None:
    """Called after each chunk of a bulk insert (a hook for the tests of an interrupted import)."""


def connect(target: str | Path, *, schema: str | None, timeout: float) -> Backend:
    """The backend for *target*: a ``postgresql://`` URL or a path to a DuckDB file."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(text, schema=schema, timeout=timeout)
    if schema is not None:
        msg = f"'schema' is for PostgreSQL stores only (got schema={schema!r} for {text!r})"
        raise StoreError(msg)
    if text != ":memory:":
        parent = Path(text).parent
        if not parent.is_dir():
            msg = f"cannot open the figure store {text!r}: the folder {str(parent)!r} does not exist"
            raise StoreError(msg)
    return DuckDBBackend(text, timeout=timeout)
