"""The store's tables, their version, and the migrations between versions (private).

The same DDL runs on DuckDB and PostgreSQL. ``store_meta`` holds the schema
version; :func:`prepare` creates a new store, migrates an older one step by
step in one transaction, and refuses a newer one.
"""

from __future__ import annotations

from collections.abc import Callable

from anninh_toandan.store._backends import Backend
from anninh_toandan.store._errors import StoreVersionError

__all__ = ["SCHEMA_VERSION", "prepare"]

#: The version of the tables this library writes.
SCHEMA_VERSION = 2

# Version 1: the tables.
_V1 = (
    """CREATE TABLE store_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    "CREATE SEQUENCE batch_ids START 1",
    """CREATE TABLE indicators (
        code TEXT PRIMARY KEY,
        name_vi TEXT NOT NULL,
        name_en TEXT NOT NULL,
        unit TEXT NOT NULL,
        time_aggregation TEXT NOT NULL,
        unit_aggregation TEXT NOT NULL
    )""",
    """CREATE TABLE batches (
        batch_id BIGINT PRIMARY KEY,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        reported_by TEXT,
        note TEXT,
        imported_at TIMESTAMP NOT NULL,
        figure_count BIGINT NOT NULL
    )""",
    """CREATE TABLE withdrawals (
        batch_id BIGINT PRIMARY KEY REFERENCES batches (batch_id),
        withdrawn_at TIMESTAMP NOT NULL,
        reason TEXT
    )""",
    """CREATE TABLE figure_versions (
        batch_id BIGINT NOT NULL,
        indicator TEXT NOT NULL,
        unit TEXT NOT NULL,
        period_id TEXT NOT NULL,
        period_kind TEXT NOT NULL,
        calendar TEXT NOT NULL,
        period_start DATE NOT NULL,
        period_end DATE NOT NULL,
        status TEXT NOT NULL,
        value BIGINT,
        qualifier TEXT,
        low BIGINT,
        high BIGINT,
        value_unit TEXT,
        reported_by TEXT,
        note TEXT
    )""",
)

# Version 2: a view of the current figures for analysts, and an index for PostgreSQL's lookups.
_CURRENT_VIEW = """CREATE VIEW current_figures AS
    SELECT v.* FROM (
        SELECT f.*, row_number() OVER (
            PARTITION BY f.indicator, f.unit, f.period_id ORDER BY f.batch_id DESC) AS version_rank
        FROM figure_versions f
        WHERE NOT EXISTS (SELECT 1 FROM withdrawals w WHERE w.batch_id = f.batch_id)
    ) v WHERE v.version_rank = 1"""


def _v1_to_v2(db: Backend) -> None:
    db.execute(_CURRENT_VIEW)
    if db.kind == "postgresql":
        db.execute("CREATE INDEX figure_versions_key ON figure_versions (indicator, unit, period_id, batch_id)")


_MIGRATIONS: dict[int, Callable[[Backend], None]] = {1: _v1_to_v2}


def create_v1(db: Backend) -> None:
    """Create the tables of schema version 1 (what the first version of the store wrote)."""
    for ddl in _V1:
        db.execute(ddl)
    db.execute("INSERT INTO store_meta (key, value) VALUES ('schema_version', '1')")


def _version(db: Backend) -> int | None:
    found = db.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'store_meta' "
        "AND table_schema = current_schema()"
    )
    if not found[0][0]:
        others = db.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")[0][
            0
        ]
        if others:
            msg = f"{db.target!r} holds tables but is not a figure store (no table 'store_meta')"
            raise StoreVersionError(msg)
        return None
    rows = db.execute("SELECT value FROM store_meta WHERE key = 'schema_version'")
    if not rows:
        msg = f"{db.target!r} is not a figure store: 'store_meta' has no schema version"
        raise StoreVersionError(msg)
    return int(rows[0][0])


def prepare(db: Backend) -> int:
    """Create, migrate or check the tables of *db*; return the schema version found when opened (0 if new)."""
    db.execute("BEGIN")
    try:
        db.lock_schema()
        found = _version(db)
        if found is None:
            create_v1(db)
            version = 1
        else:
            version = found
        if version > SCHEMA_VERSION:
            msg = (
                f"the figure store {db.target!r} has schema version {version}, newer than this library's "
                f"({SCHEMA_VERSION}): upgrade anninh-toandan to open it"
            )
            raise StoreVersionError(msg)
        while version < SCHEMA_VERSION:
            _MIGRATIONS[version](db)
            version += 1
            db.execute("UPDATE store_meta SET value = ? WHERE key = 'schema_version'", [str(version)])
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return found or 0
