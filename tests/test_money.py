"""Where money takes its scale word (DESIGN.md's money rule; docs/formatting.md, "Money")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan.formatting import format_money
from anninh_toandan.parsing import parse_money
from anninh_toandan.quantity import Quantity


@pytest.mark.parametrize(
    ("amount", "vi", "en"),
    [
        # Whole millions, or one decimal of triệu: the scale word reads naturally.
        (437_000_000, "437 triệu đồng", "VND 437 million"),
        (33_500_000, "33,5 triệu đồng", "VND 33.5 million"),
        (1_000_000, "1 triệu đồng", "VND 1 million"),
        # Two or three decimals of triệu are not how offices write money: every digit.
        (4_218_000, "4.218.000 đồng", "VND 4,218,000"),
        (4_250_000, "4.250.000 đồng", "VND 4,250,000"),
        (1_500_500, "1.500.500 đồng", "VND 1,500,500"),
        # Up to three decimals of tỷ (whole millions): "1,234 tỷ đồng" as the press writes it.
        (1_200_000_000, "1,2 tỷ đồng", "VND 1.2 billion"),
        (1_234_000_000, "1,234 tỷ đồng", "VND 1.234 billion"),
        (1_052_000_000_000, "1.052 tỷ đồng", "VND 1.052 trillion"),
        (1_234_500_000, "1.234.500.000 đồng", "VND 1,234,500,000"),
        (2_661_694_000, "2.661.694.000 đồng", "VND 2,661,694,000"),
        # Below a million: always every digit.
        (500_000, "500.000 đồng", "VND 500,000"),
    ],
)
def test_the_scale_word_only_where_offices_write_it(amount: int, vi: str, en: str) -> None:
    assert format_money(amount) == vi
    assert format_money(amount, locale="en") == en


@pytest.mark.parametrize(
    ("amount", "options", "expected"),
    [
        (4_218_000, {"rounding": "down"}, "hơn 4,2 triệu đồng"),
        (4_218_000, {"rounding": "up"}, "gần 4,3 triệu đồng"),
        (4_218_000, {"rounding": "nearest"}, "khoảng 4,2 triệu đồng"),
        (4_218_000, {"rounding": "down", "decimals": 2}, "hơn 4,21 triệu đồng"),
        (4_218_000, {"rounding": "down", "decimals": 0}, "hơn 4 triệu đồng"),
        (4_218_000, {"rounding": "down", "locale": "en"}, "more than VND 4.2 million"),
        # Rounding that loses nothing earns no qualifier and leaves the natural form.
        (4_200_000, {"rounding": "down"}, "4,2 triệu đồng"),
        (4_210_000, {"rounding": "down", "decimals": 2}, "4.210.000 đồng"),
    ],
)
def test_rounding_when_asked_earns_its_qualifier(amount: int, options: dict[str, object], expected: str) -> None:
    assert format_money(amount, **options) == expected  # type: ignore[arg-type]


def test_the_design_strings_hold() -> None:
    assert format_money(437_000_000) == "437 triệu đồng"
    assert format_money(1_200_000_000) == "1,2 tỷ đồng"
    assert format_money(Quantity.order_of(100_000_000, "đồng")) == "hàng trăm triệu đồng"


@given(st.integers(min_value=0, max_value=10**16), st.sampled_from(["vi", "en"]))
def test_every_amount_reads_back_exactly(amount: int, locale: str) -> None:
    text = format_money(amount, locale=locale)
    if locale == "vi":
        assert parse_money(text) == Quantity.vnd(amount)
    scaled = any(word in text for word in ("triệu", "tỷ", "million", "billion", "trillion"))
    if scaled:
        number = text.split()[1] if locale == "en" else text.split()[0]
        decimals = (
            number.rpartition("," if locale == "vi" else ".")[2] if ("," if locale == "vi" else ".") in number else ""
        )
        word = text.split()[-1] if locale == "en" else text.split()[-2]
        assert len(decimals) <= (1 if word in ("triệu", "million") else 3), text
