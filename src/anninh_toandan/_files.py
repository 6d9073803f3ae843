"""Writing files atomically (private).

A file is written to a temporary file in the same folder, flushed to disk,
then renamed over the target: readers see the old file or the complete new
one, never a part, and a failure leaves the old file as it was.

The temporary file is named after the target, ``.<name>.<random>.tmp``, so it
can be found. A write that was killed (power cut, ``kill -9``) cannot remove
its own: the next write of the same target removes those older than
:data:`STALE_AFTER` seconds. An error names the target the caller gave, never
the temporary file.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

__all__ = ["STALE_AFTER", "atomic_write_bytes", "atomic_write_text", "temporary_files"]

#: A temporary file untouched for this long (seconds) is left over from a killed write.
STALE_AFTER = 15 * 60


def temporary_files(target: str | os.PathLike[str]) -> list[Path]:
    """The temporary files of writes of *target* in its folder, finished or not."""
    path = Path(target)
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return sorted(path.parent / n for n in names if n.startswith(prefix) and n.endswith(".tmp"))


def _remove_stale(target: Path) -> None:
    """Remove the temporary files of killed writes of *target* (untouched for :data:`STALE_AFTER`)."""
    now = time.time()
    for tmp in temporary_files(target):
        try:
            if now - tmp.stat().st_mtime > STALE_AFTER:
                tmp.unlink()
        except OSError:  # gone already (another writer cleaned it), or not ours to remove
            continue


def _named_after(exc: OSError, target: Path) -> OSError:
    """The same error, naming *target* instead of the temporary file."""
    if exc.errno is None:
        return exc
    return OSError(exc.errno, exc.strerror, str(target))  # OSError() picks the subclass: PermissionError, ...


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write *data* to *path* atomically; return the path.

    The folder must exist. On any error the temporary file is removed, the
    target is untouched, and an :class:`OSError` names *path*.
    """
    target = Path(path)
    _remove_stale(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _named_after(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _named_after(exc, target) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write *text* to *path* atomically (UTF-8 by default); return the path."""
    return atomic_write_bytes(path, text.encode(encoding))
