"""Faults and concurrency: a killed import, two writers, a busy DuckDB file.

Each scenario runs real processes (``subprocess``) against a real store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from anninh_toandan import Figure, FigureSet, Period, Quantity
from anninh_toandan.indicator import TIPS_RECEIVED
from anninh_toandan.store import StoreBusyError, open_store
from tests.store_support import BACKENDS, fresh_target

ROOT = Path(__file__).resolve().parents[1]
JAN = Period.month(2022, 1)

_PRELUDE = """
import sys, time
from anninh_toandan import Figure, FigureSet, Period, Quantity
from anninh_toandan.indicator import TIPS_RECEIVED
from anninh_toandan.store import open_store, _backends
target, schema = sys.argv[1], (sys.argv[2] or None)

def batch(prefix, n):
    return FigureSet(Figure.reported(TIPS_RECEIVED, f"{prefix}{u}", Period.month(2022, 1), Quantity.exact(u, "tin"))
                     for u in range(n))
"""


def _child(code: str, *args: str) -> subprocess.Popen[str]:
    script = _PRELUDE + textwrap.dedent(code)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _args(target: str, kw: dict[str, str]) -> tuple[str, str]:
    return target, kw.get("schema", "")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_process_killed_in_the_middle_of_an_import_leaves_the_store_as_it_was(backend: str, tmp_path: Path) -> None:
    before = FigureSet([Figure.reported(TIPS_RECEIVED, "kept", JAN, Quantity.exact(7, "tin"))])
    with fresh_target(backend, tmp_path) as (target, kw):
        with open_store(target, **kw) as store:
            store.add(before, source="before")
        # The child writes its batch in chunks of 100 rows and stops after the first one, inside the
        # transaction, so that the kill lands in the middle of the batch.
        child = _child(
            """
            _backends.CHUNK_ROWS = 100
            def stop(done, total):
                if done < total:
                    print("half way", done, total, flush=True)
                    time.sleep(120)
            _backends._chunk_written = stop
            with open_store(target, schema=schema) as store:
                store.add(batch("u", 1000), source="killed")
            print("finished", flush=True)
            """,
            *_args(target, kw),
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("half way 100 1000"), line + child.stderr.read()  # type: ignore[union-attr]
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
        assert child.returncode == -signal.SIGKILL
        with open_store(target, **kw) as store:
            assert store.figures() == before
            assert [b.source for b in store.batches()] == ["before"]
            # The store still takes imports.
            assert store.add(
                FigureSet([Figure.reported(TIPS_RECEIVED, "u1", JAN, Quantity.exact(1, "tin"))]), source="after"
            ).new


_WRITER = """
with open_store(target, schema=schema) as store:
    print("ready", flush=True)
    sys.stdin.readline()
    store.add(batch(sys.argv[3], int(sys.argv[4])), source=sys.argv[3])
print("done", flush=True)
"""


def _start_together(children: list[subprocess.Popen[str]]) -> None:
    for c in children:
        assert c.stdout is not None
        line = c.stdout.readline()
        assert line == "ready\n", line + c.stderr.read()  # type: ignore[union-attr]
    for c in children:
        assert c.stdin is not None
        c.stdin.write("go\n")
        c.stdin.flush()
    for c in children:
        out, err = c.communicate(timeout=300)
        assert c.returncode == 0, err
        assert out.strip() == "done"


def test_two_processes_importing_into_one_postgresql_store_lose_nothing(tmp_path: Path) -> None:
    with fresh_target("postgresql", tmp_path) as (target, kw):
        with open_store(target, **kw):
            pass  # the tables exist before the writers start
        children = [_child(_WRITER, *_args(target, kw), prefix, "3000") for prefix in ("a", "b")]
        _start_together(children)
        with open_store(target, **kw) as store:
            figures = store.figures()
            assert len(figures) == 6000
            assert figures == batch_of("a", 3000) | batch_of("b", 3000)
            assert sorted(b.source for b in store.batches()) == ["a", "b"]


def test_two_processes_importing_the_same_figures_at_once_store_them_once(tmp_path: Path) -> None:
    with fresh_target("postgresql", tmp_path) as (target, kw):
        children = [_child(_WRITER, *_args(target, kw), "same", "500") for _ in range(2)]
        _start_together(children)
        with open_store(target, **kw) as store:
            assert len(store.batches()) == 1
            assert store.figures() == batch_of("same", 500)


def batch_of(prefix: str, n: int) -> FigureSet:
    return FigureSet(Figure.reported(TIPS_RECEIVED, f"{prefix}{u}", JAN, Quantity.exact(u, "tin")) for u in range(n))


_HOLDER = """
with open_store(target) as store:
    store.add(batch("a", 10), source="first")
    print("held", flush=True)
    sys.stdin.readline()
print("released", flush=True)
"""


def test_a_second_writer_on_a_duckdb_file_gets_a_clear_error_and_the_file_stays_whole(tmp_path: Path) -> None:
    path = str(tmp_path / "busy.duckdb")
    holder = _child(_HOLDER, path, "")
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "held\n"
    with pytest.raises(StoreBusyError, match=r"in use by another process and was not released within 0.5 s"):
        open_store(path, timeout=0.5)
    holder.stdin.write("go\n")
    holder.stdin.flush()
    _, err = holder.communicate(timeout=120)
    assert holder.returncode == 0, err
    with open_store(path) as store:
        store.add(batch_of("b", 10), source="second")
        assert store.figures() == batch_of("a", 10) | batch_of("b", 10)


def test_a_second_writer_on_a_duckdb_file_waits_for_the_first(tmp_path: Path) -> None:
    path = str(tmp_path / "wait.duckdb")
    holder = _child(_HOLDER.replace("sys.stdin.readline()", "time.sleep(1.0)"), path, "")
    assert holder.stdout is not None
    assert holder.stdout.readline() == "held\n"
    with open_store(path, timeout=120) as store:  # waits while the other process holds the file
        store.add(batch_of("b", 10), source="second")
        assert [b.source for b in store.batches()] == ["first", "second"]
    holder.communicate(timeout=120)
    assert holder.returncode == 0


def test_busy_is_a_store_error() -> None:
    assert issubclass(StoreBusyError, ValueError)
