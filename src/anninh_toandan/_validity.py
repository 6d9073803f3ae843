"""When an organisational unit exists: shared by the roll-up engine and the restructure mapping (internal)."""

from __future__ import annotations

import datetime as _dt

from anninh_toandan.orgunit import OrgUnit
from anninh_toandan.period import Period

__all__ = ["overlaps", "valid_on"]


def overlaps(unit: OrgUnit | None, p: Period) -> bool:
    """Whether *unit* existed on some day of *p* (``None``, a unit not in a hierarchy, always did)."""
    if unit is None:
        return True
    return (unit.opened_on is None or unit.opened_on <= p.end) and (unit.closed_on is None or unit.closed_on > p.start)


def valid_on(unit: OrgUnit | None, day: _dt.date) -> bool:
    """Whether *unit* exists on *day* (``None`` always does)."""
    return unit is None or unit.is_valid_on(day)
