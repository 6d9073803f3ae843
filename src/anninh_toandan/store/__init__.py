"""The figure store: figures kept for years in an embedded DuckDB file or a shared PostgreSQL database.

Offices keep their figures for years: the same period last year is what every
review compares with. :func:`open_store` opens (or creates) a store: a path is
an embedded DuckDB file (extra ``store``: nothing to start), a
``postgresql://`` URL a PostgreSQL database shared by several offices (extra
``postgres``). Both give the same results through the same
:class:`FigureStore`:

* :meth:`FigureStore.add` imports a :class:`~anninh_toandan.figures.FigureSet`
  as one batch with its provenance, all or nothing; the same figures imported
  twice are recognised and stored once;
* nothing is ever overwritten: a figure for a key that already has one is a
  correction, and :meth:`FigureStore.history` lists every version;
  :meth:`FigureStore.figures` gives the current ones, or those of a past
  moment (``as_of=``); :meth:`FigureStore.withdraw` withdraws a batch;
* :meth:`FigureStore.rollup` and :meth:`FigureStore.table` add up in the
  database and give the same :class:`~anninh_toandan.aggregate.Aggregate`
  objects as :class:`~anninh_toandan.aggregate.Rollup` on the same figures.

>>> import tempfile, pathlib
>>> from anninh_toandan import Figure, FigureSet, Period, Quantity
>>> from anninh_toandan.indicator import TIPS_RECEIVED
>>> folder = tempfile.TemporaryDirectory()
>>> with open_store(pathlib.Path(folder.name) / "figures.duckdb") as store:
...     first = store.add(FigureSet([Figure.reported(TIPS_RECEIVED, "24823", Period.month(2022, 1),
...                                                  Quantity.exact(4, "tin"))]), source="phuong1-2022-01.xlsx")
...     fixed = store.add(FigureSet([Figure.reported(TIPS_RECEIVED, "24823", Period.month(2022, 1),
...                                                  Quantity.exact(5, "tin"))]), source="phuong1-2022-01-v2.xlsx")
...     [v.figure.value.value for v in store.history(TIPS_RECEIVED, "24823", Period.month(2022, 1))]
...     store.figures().value(TIPS_RECEIVED, "24823", Period.month(2022, 1))
[4, 5]
Quantity.exact(5, 'tin')
>>> folder.cleanup()
"""

from __future__ import annotations

from anninh_toandan.store._errors import StoreBusyError, StoreError, StoreInputError, StoreVersionError
from anninh_toandan.store._schema import SCHEMA_VERSION
from anninh_toandan.store._store import Batch, FigureStore, ImportResult, Version, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Batch",
    "FigureStore",
    "ImportResult",
    "StoreBusyError",
    "StoreError",
    "StoreInputError",
    "StoreVersionError",
    "Version",
    "open_store",
]
