"""Roll-ups, comparisons, shares, targets and restructures: the names of the measures layer in one place.

This module re-exports, so that ``from anninh_toandan.aggregate import Rollup``
keeps working. Each name lives in the module of its concern:

* :mod:`anninh_toandan.results`: :class:`Aggregate`, :class:`Completeness`,
  :class:`Share`, :class:`Comparison`, :class:`Comparability`, :class:`Basis`,
  :class:`Target`, :class:`Achievement`, :class:`AggregationError`, ``Cell``;
* :mod:`anninh_toandan.ratios`: :class:`Ratio`, :class:`RatioValue` and the
  standard ratios;
* :mod:`anninh_toandan.rollup`: the engine, :class:`Rollup` and :func:`rollup`;
* :mod:`anninh_toandan.restructure`: :func:`map_to_successors`,
  :class:`Remapped`, :class:`PartialFigure`, :class:`Unmapped`,
  :class:`UnitGroup` and its :class:`Members`.

>>> from anninh_toandan.figures import Figure, FigureSet
>>> from anninh_toandan.indicator import PRINTED_COPIES
>>> from anninh_toandan.period import Period
>>> from anninh_toandan.quantity import Quantity
>>> fs = FigureSet([
...     Figure.reported(PRINTED_COPIES, "673", Period.quarter(2022, 1), Quantity.more_than(250, "bản")),
...     Figure.reported(PRINTED_COPIES, "673", Period.quarter(2022, 2), Quantity.exact(100, "bản")),
... ])
>>> a = rollup(fs, PRINTED_COPIES, unit="673", period=Period.half_year(2022, 1))
>>> a.value, a.is_complete
(Quantity.more_than(350, 'bản'), True)
"""

from __future__ import annotations

from anninh_toandan.ratios import (
    CASES_PER_VALUABLE_TIP,
    REACH_PER_SESSION,
    STANDARD_RATIOS,
    VALUABLE_TIP_RATE,
    Ratio,
    RatioValue,
)
from anninh_toandan.restructure import Members, PartialFigure, Remapped, UnitGroup, Unmapped, map_to_successors
from anninh_toandan.results import (
    Achievement,
    Aggregate,
    AggregationError,
    Basis,
    Cell,
    Comparability,
    Comparison,
    Completeness,
    Share,
    Target,
)
from anninh_toandan.rollup import Rollup, rollup

__all__ = [
    "CASES_PER_VALUABLE_TIP",
    "REACH_PER_SESSION",
    "STANDARD_RATIOS",
    "VALUABLE_TIP_RATE",
    "Achievement",
    "Aggregate",
    "AggregationError",
    "Basis",
    "Cell",
    "Comparability",
    "Comparison",
    "Completeness",
    "Members",
    "PartialFigure",
    "Ratio",
    "RatioValue",
    "Remapped",
    "Rollup",
    "Share",
    "Target",
    "UnitGroup",
    "Unmapped",
    "map_to_successors",
    "rollup",
]
