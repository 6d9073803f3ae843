"""Vietnamese and English text for quantities, money, dates, periods and changes.

Every function takes ``locale="vi"`` (the default) or ``"en"``; there is no
process-wide locale. :class:`Formatter` binds one. Numbers use babel's CLDR
symbols, read once per locale; babel is loaded on first use, not on import.

>>> from anninh_toandan import Period, Quantity
>>> format_quantity(Quantity.more_than(13000, "lượt"))
'hơn 13.000 lượt'
>>> format_money(1_200_000_000)
'1,2 tỷ đồng'
>>> format_period(Period.half_year(2022, 1))
'6 tháng đầu năm 2022'
>>> spell_money(437_000_000)
'Bốn trăm ba mươi bảy triệu đồng'
"""

from __future__ import annotations

from anninh_toandan.errors import FormatError
from anninh_toandan.formatting._dates import format_date, format_period
from anninh_toandan.formatting._formatter import Formatter
from anninh_toandan.formatting._locale import LOCALES
from anninh_toandan.formatting._measures import (
    format_aggregate,
    format_change,
    format_comparison,
    format_completeness,
    format_share,
)
from anninh_toandan.formatting._numbers import format_number, format_percent
from anninh_toandan.formatting._phrases import format_money, format_quantity, order_of_words
from anninh_toandan.formatting._units import UNIT_NAMES, english_unit
from anninh_toandan.formatting._words import spell_money, spell_number

__all__ = [
    "LOCALES",
    "UNIT_NAMES",
    "FormatError",
    "Formatter",
    "english_unit",
    "format_aggregate",
    "format_change",
    "format_comparison",
    "format_completeness",
    "format_date",
    "format_money",
    "format_number",
    "format_percent",
    "format_period",
    "format_quantity",
    "format_share",
    "order_of_words",
    "spell_money",
    "spell_number",
]
