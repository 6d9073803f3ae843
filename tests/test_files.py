"""Atomic writes: a killed write leaves nothing behind for long, and errors name the file the user gave."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from anninh_toandan._files import STALE_AFTER, atomic_write_bytes, atomic_write_text, temporary_files

_KILLED_WRITE = """
import os, signal, sys
from anninh_toandan.indicator import OUTREACH_SESSIONS
from anninh_toandan.io.excel import make_workbook
from anninh_toandan.period import Period

def killed(src, dst):  # the power goes out between writing and renaming
    os.kill(os.getpid(), signal.SIGKILL)

os.replace = killed
make_workbook(["24823"], Period.half_year(2022, 1), [OUTREACH_SESSIONS], sys.argv[1])
"""


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_workbook_write_is_cleaned_by_the_next_write(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from anninh_toandan.indicator import OUTREACH_SESSIONS
    from anninh_toandan.io.excel import make_workbook, read_workbook
    from anninh_toandan.period import Period

    target = tmp_path / "phuong.xlsx"
    done = subprocess.run([sys.executable, "-c", _KILLED_WRITE, str(target)], check=False, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert not target.exists()
    (left,) = temporary_files(target)  # where it can be found: next to the target, named after it
    assert left.name.startswith(".phuong.xlsx.") and left.name.endswith(".tmp")

    _age(left, STALE_AFTER + 60)
    make_workbook(["24823"], Period.half_year(2022, 1), [OUTREACH_SESSIONS], target)
    assert [p.name for p in tmp_path.iterdir()] == ["phuong.xlsx"]
    assert read_workbook(target).period == Period.half_year(2022, 1)


def test_a_write_in_progress_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    busy = tmp_path / ".a.txt.k3j2h1.tmp"  # another process is writing it now
    busy.write_bytes(b"half")
    old = tmp_path / ".a.txt.zz9.tmp"
    old.write_bytes(b"killed")
    _age(old, STALE_AFTER + 1)
    other = tmp_path / ".b.txt.zz9.tmp"  # another target's: not ours
    other.write_bytes(b"killed")
    _age(other, STALE_AFTER + 1)
    atomic_write_text(target, "mới")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.txt.k3j2h1.tmp", ".b.txt.zz9.tmp", "a.txt"]
    assert target.read_text("utf-8") == "mới"


def test_a_failed_write_names_the_target_not_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "bao_cao.md"
    target.write_text("cũ", "utf-8")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", f"{tmp_path}/.bao_cao.md.x1y2.tmp")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space left on device") as info:
        atomic_write_text(target, "mới")
    assert info.value.errno == errno.ENOSPC
    assert info.value.filename == str(target)
    assert ".tmp" not in str(info.value)
    assert target.read_text("utf-8") == "cũ"
    assert temporary_files(target) == []


def test_a_missing_folder_is_named_as_the_user_gave_it(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "file.json"
    with pytest.raises(FileNotFoundError) as info:
        atomic_write_bytes(target, b"{}")
    assert info.value.filename == str(target)
    assert ".tmp" not in str(info.value)


def test_writing_over_a_folder_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as info:
        atomic_write_text(target, "x")
    assert info.value.filename == str(target) and ".tmp" not in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_an_error_without_errno_is_passed_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def odd(fd: int) -> None:
        raise OSError("strange device")

    monkeypatch.setattr(os, "fsync", odd)
    with pytest.raises(OSError, match="strange device"):
        atomic_write_bytes(tmp_path / "x", b"1")
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_of_a_missing_folder() -> None:
    assert temporary_files(Path("/nonexistent-folder-for-test/x.txt")) == []
