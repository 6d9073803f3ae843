"""How fast format_number and format_money are next to babel.

Run with ``python benchmarks/formatting.py``. It checks that both give the
same digits, then prints the time per number of each (the best of seven runs
over 2.000 numbers) and the ratio. The babel column is
``babel.numbers.format_decimal(value, locale=...)``; for money it writes only
the digits, without the unit or scale words that ``format_money`` adds.
"""

from __future__ import annotations

import random
import timeit
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from babel import numbers

from anninh_toandan.formatting import format_money, format_number

ROUNDS = 7


def _best(run: Callable[[int], float], number: int) -> float:
    return min(run(number) for _ in range(ROUNDS)) / number


def _per_call(fn: partial[str], values: list[Any]) -> float:
    """Seconds per call of ``fn.func(value, **fn.keywords)``, called directly in a loop as user code would."""
    func, kwargs = fn.func, fn.keywords
    env = {"func": func, "values": values, **kwargs}
    args = ", ".join(f"{k}={k}" for k in kwargs)
    stmt = f"for v in values: func(v, {args})"
    return _best(timeit.Timer(stmt, globals=env).timeit, 1) / len(values)


def main() -> None:
    rng = random.Random(2022)
    ints = [rng.randrange(-(10**12), 10**12) for _ in range(2000)]
    decimals = [Decimal(rng.randrange(-(10**9), 10**9)) / 1000 for _ in range(2000)]
    amounts = [rng.randrange(0, 10**12) for _ in range(2000)]
    for locale in ("vi", "en"):
        for value in ints + decimals:
            assert format_number(value, locale=locale) == numbers.format_decimal(value, locale=locale)
        for value in amounts:
            assert format_money(value, locale=locale, scale=False).strip(" đồngVND") == numbers.format_decimal(
                value, locale=locale
            )
    print(f"{'case':<34}{'babel µs':>10}{'ours µs':>10}{'ratio':>8}")
    vi_babel = partial(numbers.format_decimal, locale="vi")
    en_babel = partial(numbers.format_decimal, locale="en")
    cases = [
        ("format_number, int, vi", ints, partial(format_number, locale="vi"), vi_babel),
        ("format_number, int, en", ints, partial(format_number, locale="en"), en_babel),
        ("format_number, Decimal, vi", decimals, partial(format_number, locale="vi"), vi_babel),
        ("format_number, Decimal, en", decimals, partial(format_number, locale="en"), en_babel),
        ("format_money (all digits), vi", amounts, partial(format_money, locale="vi", scale=False), vi_babel),
        ("format_money (scale words), vi", amounts, partial(format_money, locale="vi"), vi_babel),
        ("format_money (scale words), en", amounts, partial(format_money, locale="en"), en_babel),
    ]
    for name, values, ours, theirs in cases:
        t_babel = _per_call(theirs, values)
        t_ours = _per_call(ours, values)
        print(f"{name:<34}{t_babel * 1e6:>10.2f}{t_ours * 1e6:>10.2f}{t_babel / t_ours:>7.1f}x")
    print()
    print("For money, what a user would otherwise call is babel's format_currency(amount, 'VND'):")
    for locale in ("vi", "en"):
        t_babel = _per_call(partial(numbers.format_currency, currency="VND", locale=locale), amounts)
        t_ours = _per_call(partial(format_money, locale=locale), amounts)
        name = f"format_money vs format_currency, {locale}"
        print(f"{name:<34}{t_babel * 1e6:>10.2f}{t_ours * 1e6:>10.2f}{t_babel / t_ours:>7.1f}x")


if __name__ == "__main__":
    main()
