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

from typing import TYPE_CHECKING

from anninh_toandan._lazy import lazy_namespace

if TYPE_CHECKING:  # what type checkers and editors read; at run time each name is imported on first use
    from anninh_toandan.activity import Activity, ActivityKind
    from anninh_toandan.aggregate import Aggregate, Rollup, Share
    from anninh_toandan.charity import CharityFund, Contribution, Disbursement, DisbursementPurpose
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
    from anninh_toandan.figures import Figure, FigureSet, FigureStatus, Reporter
    from anninh_toandan.indicator import (
        STANDARD_INDICATORS,
        Indicator,
        IndicatorCatalogue,
        TimeAggregation,
        UnitAggregation,
    )
    from anninh_toandan.orgunit import Hierarchy, Level, OrgUnit, Restructure, RestructureKind, UnitKind
    from anninh_toandan.period import Calendar, Period, PeriodKind
    from anninh_toandan.programme import Organisation, OrganisationKind, Person, Programme
    from anninh_toandan.quantity import MONEY_UNIT, Qualifier, Quantity, quantity_from_bounds
    from anninh_toandan.review import Review, ReviewKind, Situation
    from anninh_toandan.rules import STANDARD_RULES, Rule
    from anninh_toandan.security_model import DissolutionReason, ModelTopic, SecurityModel
    from anninh_toandan.tip import CrimeType, Tip

__version__ = "0.1.0"

__all__ = [
    "MONEY_UNIT",
    "STANDARD_INDICATORS",
    "STANDARD_RULES",
    "Activity",
    "ActivityKind",
    "Aggregate",
    "AnninhError",
    "Calendar",
    "CharityFund",
    "Contribution",
    "CrimeType",
    "Disbursement",
    "DisbursementPurpose",
    "DissolutionReason",
    "EmptyValueError",
    "Figure",
    "FigureSet",
    "FigureStatus",
    "FormatError",
    "Hierarchy",
    "HierarchyError",
    "Indicator",
    "IndicatorCatalogue",
    "Level",
    "ModelTopic",
    "OrgUnit",
    "Organisation",
    "OrganisationKind",
    "ParseError",
    "Period",
    "PeriodError",
    "PeriodKind",
    "Person",
    "Programme",
    "Qualifier",
    "Quantity",
    "QuantityError",
    "Reporter",
    "Restructure",
    "RestructureKind",
    "Review",
    "ReviewKind",
    "Rollup",
    "Rule",
    "SecurityModel",
    "Share",
    "Situation",
    "TimeAggregation",
    "Tip",
    "UnitAggregation",
    "UnitKind",
    "UnitMismatchError",
    "ValidationTypeError",
    "__version__",
    "quantity_from_bounds",
]

#: The module of each public name, imported when the name is first used (PEP 562).
_MODULE_OF: dict[str, str] = {
    "Activity": "activity",
    "ActivityKind": "activity",
    "Aggregate": "aggregate",
    "AnninhError": "errors",
    "Calendar": "period",
    "CharityFund": "charity",
    "Contribution": "charity",
    "CrimeType": "tip",
    "Disbursement": "charity",
    "DisbursementPurpose": "charity",
    "DissolutionReason": "security_model",
    "EmptyValueError": "errors",
    "Figure": "figures",
    "FigureSet": "figures",
    "FigureStatus": "figures",
    "FormatError": "errors",
    "Hierarchy": "orgunit",
    "HierarchyError": "errors",
    "Indicator": "indicator",
    "IndicatorCatalogue": "indicator",
    "Level": "orgunit",
    "MONEY_UNIT": "quantity",
    "ModelTopic": "security_model",
    "OrgUnit": "orgunit",
    "Organisation": "programme",
    "OrganisationKind": "programme",
    "ParseError": "errors",
    "Period": "period",
    "PeriodError": "errors",
    "PeriodKind": "period",
    "Person": "programme",
    "Programme": "programme",
    "Qualifier": "quantity",
    "Quantity": "quantity",
    "QuantityError": "errors",
    "Reporter": "figures",
    "Restructure": "orgunit",
    "RestructureKind": "orgunit",
    "Review": "review",
    "ReviewKind": "review",
    "Rollup": "aggregate",
    "Rule": "rules",
    "STANDARD_INDICATORS": "indicator",
    "STANDARD_RULES": "rules",
    "SecurityModel": "security_model",
    "Share": "aggregate",
    "Situation": "review",
    "TimeAggregation": "indicator",
    "Tip": "tip",
    "UnitAggregation": "indicator",
    "UnitKind": "orgunit",
    "UnitMismatchError": "errors",
    "ValidationTypeError": "errors",
    "quantity_from_bounds": "quantity",
}


# Hidden from type checkers: they read the imports above, and so still flag a name the package does not have.
if not TYPE_CHECKING:  # pragma: no branch
    __getattr__, __dir__ = lazy_namespace(__name__, _MODULE_OF, __all__)
