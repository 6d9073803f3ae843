"""Today's units from the optional vietnam-provinces package."""

from __future__ import annotations

import importlib

import pytest

from anninh_toandan import HierarchyError
from anninh_toandan.divisions import (
    REFORM_DATE,
    DivisionsUnavailableError,
    current_province,
    current_unit,
    current_units,
)
from anninh_toandan.orgunit import Hierarchy, Level, UnitKind

pytest.importorskip("vietnam_provinces")


def test_current_province_and_unit() -> None:
    p = current_province(68)
    assert (p.full_name, p.level, p.opened_on) == ("Tỉnh Lâm Đồng", Level.PROVINCE, REFORM_DATE)
    w = current_unit("24823")
    assert (w.full_name, w.kind, w.parent, w.official_code) == ("Phường 1 Bảo Lộc", UnitKind.WARD, "68", "24823")
    assert current_province(1).kind is UnitKind.CITY  # Hà Nội, a centrally governed city


def test_current_units_counts() -> None:
    lam_dong = current_units(68)
    assert lam_dong[0].code == "68" and len(lam_dong) == 1 + 124
    everything = current_units()
    assert sum(u.level is Level.PROVINCE for u in everything) == 34
    assert sum(u.level is Level.COMMUNE for u in everything) == 3321
    assert len(Hierarchy(everything)) == 3355


def test_the_bundled_successor_wards_match_todays_official_codes() -> None:
    h = Hierarchy.bundled()
    for u in h.units_on(REFORM_DATE, level=Level.COMMUNE):
        assert u.official_code is not None
        assert current_unit(u.official_code).full_name == u.full_name


def test_unknown_codes() -> None:
    with pytest.raises(HierarchyError, match="current province \\(got 99\\)"):
        current_province(99)
    with pytest.raises(HierarchyError, match="current commune, ward or special zone \\(got '1'\\)"):
        current_unit("1")


def test_missing_package_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> object:
        if name == "vietnam_provinces":
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(DivisionsUnavailableError, match=r"pip install 'anninh-toandan\[divisions\]'"):
        current_unit(24823)
    assert issubclass(DivisionsUnavailableError, ImportError)
