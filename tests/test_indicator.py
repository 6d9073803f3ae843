"""Indicators and the standard catalogue."""

from __future__ import annotations

import pytest

from anninh_toandan.errors import EmptyValueError, ValidationTypeError
from anninh_toandan.indicator import (
    FUND_CONTRIBUTIONS,
    ONLINE_POSTS,
    SECURITY_MODELS_ACTIVE,
    STANDARD_INDICATORS,
    TIPS_RECEIVED,
    Indicator,
    IndicatorCatalogue,
    IndicatorError,
    TimeAggregation,
    UnitAggregation,
    online_posts_on,
)


def _mine(code: str = "patrols", unit: str = "lượt") -> Indicator:
    return Indicator(code=code, name_vi="Lượt tuần tra", name_en="Patrols", unit=unit)


def test_catalogue_covers_the_programme() -> None:
    assert set(STANDARD_INDICATORS) == {
        "outreach_sessions",
        "outreach_reach",
        "printed_copies",
        "loudspeaker_broadcasts",
        "online_posts",
        "security_models_established",
        "security_models_dissolved",
        "security_models_active",
        "tips_received",
        "tips_valuable",
        "cases_clarified",
        "fund_contributions",
        "houses_new",
        "houses_repaired",
        "houses_total",
        "houses_cost",
        "gifts",
        "gifts_value",
        "scholarships",
        "scholarships_value",
        "production_support",
        "production_support_value",
    }
    assert len(STANDARD_INDICATORS) == 22
    for code in STANDARD_INDICATORS:
        ind = STANDARD_INDICATORS[code]
        assert ind.code == code
        assert ind.unit_aggregation is UnitAggregation.SUM
        assert ind.is_stock == (code == "security_models_active")


def test_stock_and_flow() -> None:
    assert SECURITY_MODELS_ACTIVE.time_aggregation is TimeAggregation.LAST
    assert TIPS_RECEIVED.time_aggregation is TimeAggregation.SUM
    assert FUND_CONTRIBUTIONS.is_money and not TIPS_RECEIVED.is_money


def test_online_posts_per_channel() -> None:
    zalo = online_posts_on("zalo")
    assert zalo.code == "online_posts.zalo" and zalo.unit == ONLINE_POSTS.unit
    assert STANDARD_INDICATORS["online_posts.zalo"] == zalo
    assert "online_posts.zalo" in STANDARD_INDICATORS
    assert "online_posts.Zalo" not in STANDARD_INDICATORS
    assert "nothing" not in STANDARD_INDICATORS
    assert 5 not in STANDARD_INDICATORS
    with pytest.raises(IndicatorError, match="'channel' must be lower-case"):
        online_posts_on("Zalo OA")
    with pytest.raises(EmptyValueError):
        online_posts_on(" ")


@pytest.mark.parametrize("code", ["Tips", "tips-received", "1tips", "a..b", "a.", ".a", "tin có giá trị"])
def test_bad_codes(code: str) -> None:
    with pytest.raises(IndicatorError, match="'code' must be lower-case"):
        _mine(code)


def test_field_checks() -> None:
    with pytest.raises(EmptyValueError, match="'name_vi' must not be empty"):
        Indicator(code="x", name_vi=" ", name_en="x", unit="x")
    with pytest.raises(ValidationTypeError, match="'time_aggregation' must be a TimeAggregation"):
        Indicator(code="x", name_vi="x", name_en="x", unit="x", time_aggregation="sum")  # type: ignore[arg-type]
    with pytest.raises(ValidationTypeError, match="'code' must be a str"):
        Indicator(code=1, name_vi="x", name_en="x", unit="x")  # type: ignore[arg-type]


def test_extend_and_lookup() -> None:
    mine = _mine()
    cat = STANDARD_INDICATORS.extend([mine, mine])
    assert cat["patrols"] is mine and cat.lookup("patrols") is mine
    assert len(cat) == len(STANDARD_INDICATORS) + 1
    assert "patrols" not in STANDARD_INDICATORS
    assert list(cat)[-1] == "patrols"
    assert "patrols" in repr(cat)
    with pytest.raises(IndicatorError, match="'indicator' must be a known indicator code"):
        STANDARD_INDICATORS.lookup("patrols")
    with pytest.raises(KeyError):
        STANDARD_INDICATORS["patrols"]


def test_redefining_a_code_differently_is_an_error() -> None:
    with pytest.raises(IndicatorError, match="already defined differently"):
        STANDARD_INDICATORS.extend([_mine("tips_received")])
    with pytest.raises(IndicatorError, match="already defined differently"):
        STANDARD_INDICATORS.extend([_mine("online_posts.zalo")])
    with pytest.raises(IndicatorError, match="already defined differently"):
        IndicatorCatalogue([_mine(), _mine(unit="buổi")])
    assert STANDARD_INDICATORS.extend([online_posts_on("zalo")])["online_posts.zalo"] == online_posts_on("zalo")
    with pytest.raises(ValidationTypeError, match="'indicators' must hold Indicator objects"):
        IndicatorCatalogue(["patrols"])  # type: ignore[list-item]
