"""anninh_toandan: the coordination programmes of the "phong trào toàn dân bảo vệ an ninh Tổ quốc".

A typed library for recording, checking, rolling up and reporting the results of
the joint security programmes of the police (Công an) and the Vietnam Fatherland
Front (Mặt trận Tổ quốc Việt Nam).

The core (this package's top level) has no locale: it never imports babel or
jinja2. Vietnamese and English text live in :mod:`anninh_toandan.formatting`
and :mod:`anninh_toandan.parsing`.

>>> from anninh_toandan import Period, Quantity
>>> (Quantity.more_than(13000, "lượt") + Quantity.exact(500, "lượt")).low
13500
>>> Period.half_year(2022, 1).id
'2022S1'
"""

from __future__ import annotations

from anninh_toandan.errors import (
    AnninhError,
    EmptyValueError,
    FormatError,
    HierarchyError,
    ParseError,
    PeriodError,
    QuantityError,
    UnitMismatchError,
    ValidationTypeError,
)
from anninh_toandan.orgunit import Hierarchy, Level, OrgUnit, Restructure, RestructureKind, UnitKind
from anninh_toandan.period import Calendar, Period, PeriodKind
from anninh_toandan.quantity import MONEY_UNIT, Qualifier, Quantity, quantity_from_bounds

__version__ = "0.1.0"

__all__ = [
    "MONEY_UNIT",
    "AnninhError",
    "Calendar",
    "EmptyValueError",
    "FormatError",
    "Hierarchy",
    "HierarchyError",
    "Level",
    "OrgUnit",
    "ParseError",
    "Period",
    "PeriodError",
    "PeriodKind",
    "Qualifier",
    "Quantity",
    "QuantityError",
    "Restructure",
    "RestructureKind",
    "UnitKind",
    "UnitMismatchError",
    "ValidationTypeError",
    "__version__",
    "quantity_from_bounds",
]
