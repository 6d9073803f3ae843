"""Today's administrative units, from the optional ``vietnam-provinces`` package.

Since 2025-07-01 Việt Nam has 34 provinces and 3,321 communes, wards and
special zones, with no district level. This module turns them into
:class:`~anninh_toandan.orgunit.OrgUnit` values, valid from 2025-07-01, so
that current data can be keyed by official codes without a hand-typed list.

Install it with the ``divisions`` extra: ``pip install 'anninh-toandan[divisions]'``.
Without it, every function raises :class:`DivisionsUnavailableError`.

The codes of units in this module are the official codes as strings,
zero-padded as the national list writes them (``"04"``, ``"68"``,
``"00004"``, ``"24823"``); they are the current units, so they are not the
units of the bundled hierarchy's historical data (see
:meth:`anninh_toandan.orgunit.Hierarchy.bundled`).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import pendulum

from anninh_toandan.errors import AnninhError, HierarchyError
from anninh_toandan.orgunit import Level, OrgUnit, UnitKind

__all__ = ["REFORM_DATE", "DivisionsUnavailableError", "current_province", "current_unit", "current_units"]

#: The day the two-level administration (no districts) began.
REFORM_DATE = pendulum.Date(2025, 7, 1)


class DivisionsUnavailableError(AnninhError, ImportError):
    """The optional ``vietnam-provinces`` package is not installed."""


_KINDS = {
    "tỉnh": UnitKind.PROVINCE,
    "thành phố trung ương": UnitKind.CITY,
    "xã": UnitKind.COMMUNE,
    "phường": UnitKind.WARD,
    "đặc khu": UnitKind.SPECIAL_ZONE,
}
_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")


def _vp() -> ModuleType:
    try:
        return importlib.import_module("vietnam_provinces")
    except ImportError:
        msg = (
            "looking up today's units needs the optional package 'vietnam-provinces': "
            "pip install 'anninh-toandan[divisions]'"
        )
        raise DivisionsUnavailableError(msg) from None


def _strip_kind(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name  # pragma: no cover - every current name carries its kind


def _kind(value: Any) -> UnitKind:
    return _KINDS[str(getattr(value, "value", value))]


def _province(p: Any) -> OrgUnit:
    return OrgUnit(
        code=f"{int(p.code):02d}",
        name=_strip_kind(p.name),
        level=Level.PROVINCE,
        kind=_kind(p.division_type),
        opened_on=REFORM_DATE,
        official_code=f"{int(p.code):02d}",
    )


def _ward(w: Any) -> OrgUnit:
    return OrgUnit(
        code=f"{int(w.code):05d}",
        name=_strip_kind(w.name),
        level=Level.COMMUNE,
        kind=_kind(w.division_type),
        parent=f"{int(w.province_code):02d}",
        opened_on=REFORM_DATE,
        official_code=f"{int(w.code):05d}",
    )


def current_province(code: int | str) -> OrgUnit:
    """Today's province or centrally governed city with the official *code*.

    Raises :class:`~anninh_toandan.errors.HierarchyError` for an unknown code.
    """
    vp = _vp()
    try:
        return _province(vp.Province.from_code(vp.ProvinceCode(int(code))))
    except ValueError:
        msg = f"'code' must be the code of a current province (got {code!r})"
        raise HierarchyError(msg) from None


def current_unit(code: int | str) -> OrgUnit:
    """Today's commune, ward or special zone with the official *code*.

    Raises :class:`~anninh_toandan.errors.HierarchyError` for an unknown code.
    """
    vp = _vp()
    try:
        return _ward(vp.Ward.from_code(vp.WardCode(int(code))))
    except ValueError:
        msg = f"'code' must be the code of a current commune, ward or special zone (got {code!r})"
        raise HierarchyError(msg) from None


def current_units(province: int | str | None = None) -> tuple[OrgUnit, ...]:
    """Today's provinces (all of them) and communes (of *province*, or all)."""
    vp = _vp()
    if province is not None:
        prov = current_province(province)
        wards = vp.Ward.iter_by_province(vp.ProvinceCode(int(prov.code)))
        return (prov, *(_ward(w) for w in wards))
    provinces = tuple(_province(p) for p in vp.Province.iter_all())
    return (*provinces, *(_ward(w) for w in vp.Ward.iter_all()))
