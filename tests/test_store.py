"""The figure store on both databases: batches, corrections, history, as_of, bad input, schema versions."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from anninh_toandan import Figure, FigureSet, Period, Quantity
from anninh_toandan.figures import FigureStatus, Reporter
from anninh_toandan.indicator import GIFTS, SECURITY_MODELS_ACTIVE, TIPS_RECEIVED, Indicator
from anninh_toandan.store import (
    SCHEMA_VERSION,
    FigureStore,
    StoreError,
    StoreInputError,
    StoreVersionError,
    open_store,
)
from anninh_toandan.store._backends import connect
from anninh_toandan.store._schema import create_v1
from tests.store_support import BACKENDS, PATROLS, fresh_store, fresh_target, need_postgres
from tests.strategies import figure_sets

JAN = Period.month(2022, 1)
FEB = Period.month(2022, 2)


def tips(unit: str, period: Period, n: int) -> Figure:
    return Figure.reported(TIPS_RECEIVED, unit, period, Quantity.exact(n, "tin"))


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> FigureStore:
    with fresh_store(request.param, tmp_path) as s:
        yield s  # type: ignore[misc]


# -- lossless ------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_figures_come_back_exactly_as_they_went_in(backend: str) -> None:
    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    @given(fs=figure_sets(max_size=15))
    def check(fs: FigureSet) -> None:
        with tempfile.TemporaryDirectory() as tmp, fresh_store(backend, Path(tmp)) as store:
            fields = [(f.unit, f.note, f.value and f.value.unit, f.indicator.name_vi, f.indicator.name_en) for f in fs]
            if any(t and "\x00" in t for row in fields for t in row):  # no database keeps NUL: refused on both
                with pytest.raises(StoreInputError, match="NUL character"):
                    store.define(*fs.indicators())
                    store.add(fs, source="generated")
                return
            store.define(*fs.indicators())
            store.add(fs, source="generated")
            assert store.figures() == fs

    check()


def test_qualifiers_bounds_nouns_status_reporter_and_notes_survive(store: FigureStore) -> None:
    fs = FigureSet(
        [
            Figure.reported(TIPS_RECEIVED, "24823", JAN, Quantity.more_than(13000, "lượt tin"), note="hơn 13.000"),
            Figure.reported(GIFTS, "24823", JAN, Quantity.order_of(100, "phần quà"), reported_by=Reporter.JOINT),
            Figure.reported(GIFTS, "24820", JAN, Quantity.nearly(35, "phần quà") + Quantity.exact(2, "phần quà")),
            Figure.mentioned(GIFTS, "24814", JAN, note="tặng quà"),
            Figure.not_reported(TIPS_RECEIVED, "24814", JAN, reported_by=Reporter.POLICE),
            Figure.reported(
                TIPS_RECEIVED,
                "24820",
                Period.between(dt.date(2022, 1, 3), dt.date(2022, 2, 9)),
                Quantity.about(40, "tin"),
            ),
        ]
    )
    store.add(fs, source="mixed.json")
    back = store.figures()
    assert back == fs
    assert back.get(GIFTS, "24820", JAN).value.low == 2  # type: ignore[union-attr]


def test_the_store_knows_its_own_indicators_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.define(PATROLS)
        store.add(FigureSet([Figure.reported(PATROLS, "1", JAN, Quantity.exact(3, "lượt"))]), source="a")
    with open_store(path) as store:
        assert PATROLS in store.indicators()
        assert store.figures(indicators=["patrols"]).value(PATROLS, "1", JAN) == Quantity.exact(3, "lượt")
        assert store.migrated_from == SCHEMA_VERSION and store.kind == "duckdb"


# -- batches --------------------------------------------------------------------------


def test_a_batch_keeps_its_provenance(store: FigureStore) -> None:
    before = dt.datetime.now(dt.UTC)
    result = store.add(FigureSet([tips("1", JAN, 4)]), source="phuong-1.xlsx", reported_by="CA phường 1", note="v1")
    b = result.batch
    assert result.new
    assert (b.source, b.reported_by, b.note, b.figure_count, b.withdrawn_at) == (
        "phuong-1.xlsx",
        "CA phường 1",
        "v1",
        1,
        None,
    )
    assert len(b.content_hash) == 64
    assert before <= b.imported_at <= dt.datetime.now(dt.UTC)
    assert store.batches() == (b,)
    assert store.batch(b.id) == b


def test_importing_the_same_figures_twice_does_nothing(store: FigureStore) -> None:
    fs = FigureSet([tips("1", JAN, 4), tips("2", JAN, 5)])
    first = store.add(fs, source="a.csv")
    again = store.add(FigureSet(reversed(list(fs))), source="a-copy.csv")
    assert not again.new and again.batch == first.batch
    assert len(store.batches()) == 1
    assert [v.batch.id for v in store.history(TIPS_RECEIVED, "1", JAN)] == [first.batch.id]


def test_a_batch_goes_in_whole_or_not_at_all(store: FigureStore) -> None:
    store.add(FigureSet([tips("1", JAN, 4)]), source="first")
    unknown = Indicator(code="unknown_thing", name_vi="Việc lạ", name_en="Odd", unit="việc")
    bad = [tips("1", FEB, 5), tips("2", FEB, 6), Figure.reported(unknown, "3", FEB, Quantity.exact(1, "việc"))]
    with pytest.raises(StoreInputError, match=r"figures\[2\] \(indicator 'unknown_thing', unit '3', period '202202'\)"):
        store.add(bad, source="bad")
    dup = [tips("1", FEB, 5), tips("2", FEB, 6), tips("1", FEB, 7)]
    with pytest.raises(StoreInputError, match=r"figures\[2\].*same indicator, unit and period as figures\[0\]"):
        store.add(dup, source="dup")
    huge = [tips("1", FEB, 5), tips("2", FEB, 2**63)]
    with pytest.raises(StoreInputError, match=r"figures\[1\].*too large"):
        store.add(huge, source="huge")
    changed = Indicator(code="tips_received", name_vi="Tin", name_en="Tips", unit="tin")
    with pytest.raises(StoreInputError, match="differs from the store's definition"):
        store.add([Figure.reported(changed, "1", FEB, Quantity.exact(1, "tin"))], source="changed")
    with pytest.raises(StoreInputError, match=r"'figures\[0\]' must be a Figure"):
        store.add(["not a figure"], source="junk")  # type: ignore[list-item]
    assert store.figures() == FigureSet([tips("1", JAN, 4)])
    assert len(store.batches()) == 1


def test_bad_arguments_are_refused_with_their_names(store: FigureStore) -> None:
    with pytest.raises(TypeError, match="'source'"):
        store.add([], source=" ")
    with pytest.raises(TypeError, match="'reported_by'"):
        store.add([], source="x", reported_by=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'as_of'"):
        store.figures(as_of=dt.date(2022, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'within'"):
        store.figures(within="2022")  # type: ignore[arg-type]
    with pytest.raises(StoreInputError, match="'indicator' must be an indicator the store knows"):
        store.figures(indicators=["nothing_like_it"])
    with pytest.raises(TypeError, match="'indicator'"):
        store.history(3, "1", JAN)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'period'"):
        store.history(TIPS_RECEIVED, "1", "202201")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'unit'"):
        store.figures(units=[""])
    with pytest.raises(TypeError, match="'periods'"):
        store.table([TIPS_RECEIVED], ["1"], ["2022"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="'hierarchy'"):
        store.table([TIPS_RECEIVED], ["1"], [JAN], hierarchy="tree")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'batch'"):
        store.batch("1")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="no batch 99"):
        store.batch(99)
    with pytest.raises(TypeError, match=r"'indicators\[0\]'"):
        store.define("patrols")  # type: ignore[arg-type]
    assert store.table([], ["1"], [JAN]) == ()


def test_an_indicator_cannot_be_redefined_differently(store: FigureStore) -> None:
    store.define(PATROLS)
    store.define(PATROLS)  # the same again: nothing
    other = Indicator(code="patrols", name_vi="Tuần tra", name_en="Patrols", unit="lượt")
    with pytest.raises(StoreInputError, match="already defined differently"):
        store.define(other)
    assert store.indicators() == (PATROLS,)


# -- corrections, history, as_of, withdrawals --------------------------------------------------


def test_a_correction_keeps_the_earlier_version(store: FigureStore) -> None:
    first = store.add(FigureSet([tips("1", JAN, 4), tips("2", JAN, 9)]), source="jan.xlsx").batch
    time.sleep(0.01)
    between = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    fixed = store.add(FigureSet([tips("1", JAN, 5)]), source="jan-fixed.xlsx", reported_by="Phường 1").batch
    assert store.figures() == FigureSet([tips("1", JAN, 5), tips("2", JAN, 9)])
    assert store.figures(as_of=between) == FigureSet([tips("1", JAN, 4), tips("2", JAN, 9)])
    assert store.figures(as_of=between.replace(tzinfo=None)) == store.figures(as_of=between)  # naive is UTC
    assert store.figures(as_of=first.imported_at - dt.timedelta(seconds=1)) == FigureSet()
    history = store.history(TIPS_RECEIVED, "1", JAN)
    assert [(v.figure.value.value, v.batch.id, v.current) for v in history] == [  # type: ignore[union-attr]
        (4, first.id, False),
        (5, fixed.id, True),
    ]
    assert history[1].batch.reported_by == "Phường 1"
    assert store.history("tips_received", "3", JAN) == ()


def test_withdrawing_a_batch_brings_back_the_earlier_versions_and_is_kept(store: FigureStore) -> None:
    store.add(FigureSet([tips("1", JAN, 4)]), source="jan")
    wrong = store.add(FigureSet([tips("1", JAN, 40), tips("1", FEB, 7)]), source="typo").batch
    time.sleep(0.01)
    before = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    withdrawn = store.withdraw(wrong, reason="gõ nhầm 40 thay vì 4")
    assert withdrawn.withdrawn_at is not None and withdrawn.withdrawal_reason == "gõ nhầm 40 thay vì 4"
    assert store.figures() == FigureSet([tips("1", JAN, 4)])
    assert store.figures(as_of=before) == FigureSet([tips("1", JAN, 40), tips("1", FEB, 7)])
    versions = store.history(TIPS_RECEIVED, "1", JAN)
    assert [(v.figure.value.value, v.current, v.batch.withdrawn_at is not None) for v in versions] == [  # type: ignore[union-attr]
        (4, True, False),
        (40, False, True),
    ]
    with pytest.raises(StoreError, match="already withdrawn"):
        store.withdraw(wrong.id)
    # Once withdrawn, the same content may be imported again (a new batch).
    again = store.add(FigureSet([tips("1", JAN, 40), tips("1", FEB, 7)]), source="typo, confirmed")
    assert again.new and again.batch.id != wrong.id


def test_figures_can_be_selected(store: FigureStore) -> None:
    q1 = Period.quarter(2022, 1)
    fs = FigureSet(
        [
            tips("1", JAN, 4),
            tips("2", JAN, 5),
            tips("1", Period.month(2022, 4), 6),
            Figure.reported(SECURITY_MODELS_ACTIVE, "1", JAN, Quantity.exact(3, "mô hình")),
        ]
    )
    store.add(fs, source="x")
    assert store.figures(indicators=TIPS_RECEIVED, units="1", within=q1) == FigureSet([tips("1", JAN, 4)])
    assert len(store.figures(units=["1", "2"])) == 4
    assert store.figures(within=q1) == fs.within(q1)


def test_rollup_and_as_of(store: FigureStore) -> None:
    store.add(FigureSet([tips("1", JAN, 4)]), source="a")
    time.sleep(0.01)
    mark = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    store.add(FigureSet([tips("1", JAN, 6), tips("1", FEB, 1)]), source="b")
    assert store.rollup(TIPS_RECEIVED, unit="1", period=Period.quarter(2022, 1)).value == Quantity.exact(7, "tin")
    old = store.rollup(TIPS_RECEIVED, unit="1", period=Period.quarter(2022, 1), as_of=mark)
    assert old.value == Quantity.exact(4, "tin") and old.completeness.reported == 1


# -- schema versions -----------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_older_store_is_migrated_on_open(backend: str, tmp_path: Path) -> None:
    with fresh_target(backend, tmp_path) as (target, kw):
        db = connect(target, schema=kw.get("schema"), timeout=5)
        create_v1(db)
        db.execute("INSERT INTO indicators VALUES ('patrols', 'Lượt tuần tra', 'Patrols', 'lượt', 'sum', 'sum')")
        db.close()
        with open_store(target, **kw) as store:
            assert store.migrated_from == 1
            assert store.indicators() == (PATROLS,)
            store.add(FigureSet([tips("1", JAN, 4)]), source="after migration")
            assert store.figures() == FigureSet([tips("1", JAN, 4)])
            assert store._run("SELECT value FROM current_figures") == [(4,)]
        with open_store(target, **kw) as store:
            assert store.migrated_from == SCHEMA_VERSION


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_newer_store_is_refused(backend: str, tmp_path: Path) -> None:
    with fresh_target(backend, tmp_path) as (target, kw):
        with open_store(target, **kw) as store:
            store._run("UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
        with pytest.raises(StoreVersionError, match=r"schema version 99, newer than this library's \(2\)"):
            open_store(target, **kw)


def test_a_database_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.close()
    with pytest.raises(StoreVersionError, match="not a figure store"):
        open_store(path)
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE store_meta (key TEXT, value TEXT)")
    con.close()
    with pytest.raises(StoreVersionError, match="no schema version"):
        open_store(path)


def test_bad_targets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder.duckdb")
    with pytest.raises(StoreError, match="'schema' is for PostgreSQL"):
        open_store(tmp_path / "s.duckdb", schema="x")
    with pytest.raises(TypeError, match="'target'"):
        open_store(42)  # type: ignore[arg-type]
    (tmp_path / "text.duckdb").write_text("not a database")
    with pytest.raises(StoreError, match="is not a figure store: the file is not a DuckDB database"):
        open_store(tmp_path / "text.duckdb")
    assert (tmp_path / "text.duckdb").read_text() == "not a database"
    (tmp_path / "empty.duckdb").write_bytes(b"")  # DuckDB refuses an empty file too
    with pytest.raises(StoreError, match="is not a figure store"):
        open_store(tmp_path / "empty.duckdb")
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://127.0.0.1:1/none", timeout=1)


def test_a_bad_schema_name_is_refused() -> None:
    need_postgres()
    from tests.store_support import PG_URL

    with pytest.raises(StoreError, match="'schema' must be a lower-case SQL name"):
        open_store(PG_URL, schema="Robert'); DROP TABLE x;--")


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.duckdb")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.figures()
    assert "duckdb" in repr(store)


def test_statuses_round_trip_by_name(store: FigureStore) -> None:
    store.add([Figure.not_reported(TIPS_RECEIVED, "1", JAN)], source="nr")
    (f,) = store.figures()
    assert f.status is FigureStatus.NOT_REPORTED


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_store_open_elsewhere_reads_indicators_defined_since(backend: str, tmp_path: Path) -> None:
    with fresh_target(backend, tmp_path) as (target, kw):
        if backend == "duckdb":  # one process, two handles on one file
            first, second = open_store(target), open_store(target)
        else:
            first, second = open_store(target, **kw), open_store(target, **kw)
        with first, second:
            first.define(PATROLS)
            fs = FigureSet([Figure.reported(PATROLS, "1", JAN, Quantity.exact(3, "lượt"))])
            first.add(fs, source="office A")
            assert second.figures() == fs


def test_a_failure_inside_an_import_stores_nothing(store: FigureStore, monkeypatch: pytest.MonkeyPatch) -> None:
    assert store.schema_version == SCHEMA_VERSION
    store.add(FigureSet([tips("1", JAN, 4)]), source="before")

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store._db, "insert", broken)
    with pytest.raises(OSError, match="disk full"):
        store.define(PATROLS)
        store.add(FigureSet([tips("2", JAN, 5), Figure.reported(PATROLS, "2", JAN, Quantity.exact(1, "lượt"))]),
                  source="broken")  # fmt: skip
    monkeypatch.undo()
    assert store.figures() == FigureSet([tips("1", JAN, 4)])
    assert [b.source for b in store.batches()] == ["before"]


def test_failures_inside_define_and_withdraw_change_nothing(
    store: FigureStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = store.add(FigureSet([tips("1", JAN, 4)]), source="a").batch
    real = store._db.execute

    def failing(sql: str, params: object = ()) -> object:
        if sql.startswith("INSERT INTO"):
            raise OSError("connection lost")
        return real(sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(store._db, "execute", failing)
    with pytest.raises(OSError):
        store.define(PATROLS)
    with pytest.raises(OSError):
        store.withdraw(batch)
    monkeypatch.undo()
    assert store.indicators() == (TIPS_RECEIVED,)
    assert store.batch(batch.id).withdrawn_at is None


def test_imports_stay_in_order_when_the_clock_steps_back(store: FigureStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    from anninh_toandan.store import _store

    first = store.add(FigureSet([tips("1", JAN, 4)]), source="a").batch

    class Earlier(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Earlier:  # type: ignore[override]
            return cls(2000, 1, 1, tzinfo=tz)

    fake = types.SimpleNamespace(datetime=Earlier, UTC=dt.UTC, timedelta=dt.timedelta, date=dt.date)
    monkeypatch.setattr(_store, "_dt", fake)
    second = store.add(FigureSet([tips("1", JAN, 5)]), source="b").batch
    monkeypatch.undo()
    assert second.imported_at == first.imported_at + dt.timedelta(microseconds=1)
    assert store.figures(as_of=first.imported_at).value(TIPS_RECEIVED, "1", JAN) == Quantity.exact(4, "tin")
