"""The store's errors (private module; the names are re-exported by :mod:`anninh_toandan.store`)."""

from __future__ import annotations

from anninh_toandan.errors import AnninhError

__all__ = ["StoreBusyError", "StoreError", "StoreInputError", "StoreVersionError"]


class StoreError(AnninhError, ValueError):
    """A figure store cannot do what was asked (base class of the store's errors)."""


class StoreInputError(StoreError):
    """A batch was refused: the message names the figure (its position and key) and what is wrong.

    Nothing of the batch is stored.
    """


class StoreBusyError(StoreError):
    """Another process holds the DuckDB file, and it was not released in time."""


class StoreVersionError(StoreError):
    """The store was made by a newer version of the library (or is not a figure store)."""
