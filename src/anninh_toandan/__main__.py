"""``python -m anninh_toandan``: the ``anninh-toandan`` command (see :mod:`anninh_toandan.cli`)."""

from __future__ import annotations

from anninh_toandan.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    raise SystemExit(main())
