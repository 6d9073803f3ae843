"""The measures in words: completeness, comparisons, shares and aggregates (private).

The measures layer (:mod:`anninh_toandan.aggregate`) knows how complete a
roll-up is, whether a comparison can be read and what its change is bounded
by, and what a share is; this module only words what they know, in the
office's words. Nothing here computes a bound or a percentage again: the
arithmetic is :class:`~anninh_toandan.aggregate.Comparison`'s and
:class:`~anninh_toandan.aggregate.Share`'s.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from anninh_toandan._checks import check_instance
from anninh_toandan.aggregate import Aggregate, Basis, Comparability, Comparison, Completeness, Share
from anninh_toandan.errors import FormatError, UnitMismatchError, ValidationTypeError
from anninh_toandan.formatting._dates import format_period
from anninh_toandan.formatting._locale import check_choice, check_locale
from anninh_toandan.formatting._numbers import format_percent, percent_value
from anninh_toandan.formatting._phrases import check_quantity, format_money, format_quantity
from anninh_toandan.indicator import Indicator
from anninh_toandan.orgunit import Hierarchy, UnitKind
from anninh_toandan.period import Period, PeriodKind
from anninh_toandan.quantity import Qualifier, Quantity, quantity_from_bounds

__all__ = [
    "UnitNames",
    "comparison_reference",
    "format_aggregate",
    "format_change",
    "format_comparison",
    "format_completeness",
    "format_share",
    "quantity_comparison",
    "unit_phrase",
    "word_comparison",
]

UnitNames = Hierarchy | Mapping[str, str]
"""Where unit codes get their names: a hierarchy, or a mapping from code to name as written."""

_EN_KINDS = {
    UnitKind.PROVINCE: "province",
    UnitKind.CITY: "city",
    UnitKind.URBAN_DISTRICT: "urban district",
    UnitKind.DISTRICT: "district",
    UnitKind.TOWN: "town",
    UnitKind.WARD: "ward",
    UnitKind.COMMUNE: "commune",
    UnitKind.TOWNSHIP: "township",
    UnitKind.SPECIAL_ZONE: "special zone",
}


def _check_names(units: object) -> UnitNames | None:
    if units is None or isinstance(units, Hierarchy | Mapping):
        return units
    msg = f"'units' must be a Hierarchy, a mapping of unit codes to names, or None (got {type(units).__name__})"
    raise ValidationTypeError(msg)


def unit_phrase(code: str, units: UnitNames | None, locale: str) -> str:
    """A unit as running text names it: "phường Lộc Tiến", "xã Lộc Nga"; "Lộc Tiến ward".

    A mapping gives the name as written; a hierarchy (default: the bundled
    one) gives the kind and the name. A unit it does not know is named by
    its code.
    """
    if isinstance(units, Mapping):
        return units.get(code, code)
    unit = (units if units is not None else Hierarchy.bundled()).get(code)
    if unit is None:
        return code
    if unit.kind is UnitKind.COUNTRY:
        return unit.name
    if locale == "vi":
        return f"{unit.kind.value} {unit.name}"
    kind = _EN_KINDS[unit.kind]
    if unit.name[:1].isdigit():
        return f"{kind.capitalize()} {unit.name}"
    return f"{unit.name} {kind}"


def _join(items: Sequence[str], locale: str, *, vi_and: bool = False) -> str:
    if len(items) <= 1:
        return "".join(items)
    if locale == "vi":
        return ", ".join(items[:-1]) + (" và " if vi_and else ", ") + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _silent_and_partial(c: Completeness) -> tuple[list[str], list[str], list[str]]:
    """The missing units: those with no figure at all, those with some missing, and those not told apart.

    The roll-up engine says which units were expected and which reported
    (:attr:`Completeness.silent_units`); the split is then exact. A
    completeness built by hand without its unit lists is split only where
    the counts decide it (every missing unit silent, or none); otherwise its
    missing units are named together, never guessed.
    """
    missing = list(c.missing_units)
    if c.expected_units:
        silent = list(c.silent_units)
        quiet = set(silent)
        return silent, [u for u in missing if u not in quiet], []
    silent_count = max(c.units - c.units_reporting, 0)
    if silent_count >= len(missing):
        return missing, [], []
    if silent_count == 0:
        return [], missing, []
    return [], [], missing


def format_completeness(
    completeness: Completeness,
    *,
    locale: str = "vi",
    units: UnitNames | None = None,
    short: bool = False,
) -> str:
    """Who reported, in the office's words: "theo báo cáo của 9/11 đơn vị; chưa có số liệu của ...".

    Units are named by their kind and name, never month by month: the units
    that sent nothing ("chưa có số liệu của phường Lộc Tiến, xã Lộc Nga"),
    then those that sent part of the period ("chưa đủ số liệu của ...").
    *units* names them: a :class:`~anninh_toandan.orgunit.Hierarchy`
    (default: the bundled one) or a mapping from code to name as written.
    When a single unit is expected (a unit's own figures over time), the
    missing periods are named instead. ``short=True`` gives the count alone,
    for a table cell ("9/11 đơn vị báo cáo").

    >>> from anninh_toandan.period import Period
    >>> h1 = Period.half_year(2022, 1)
    >>> c = Completeness(expected=11, reported=9, units=11, units_reporting=9,
    ...                  missing=[("24817", h1), ("24838", h1)])
    >>> format_completeness(c)
    'theo báo cáo của 9/11 đơn vị; chưa có số liệu của phường Lộc Tiến, xã Lộc Nga'
    >>> format_completeness(c, locale="en")
    'reported by 9 of 11 units; no figures yet from Lộc Tiến ward and Lộc Nga commune'
    >>> format_completeness(c, short=True)
    '9/11 đơn vị báo cáo'
    """
    c = check_instance("completeness", completeness, Completeness)
    loc = check_locale(locale)
    names = _check_names(units)
    vi = loc == "vi"
    if short:
        if c.units <= 1:
            return (
                f"{c.reported}/{c.expected} kỳ có số liệu" if vi else f"{c.reported} of {c.expected} periods reported"
            )
        return (
            f"{c.units_reporting}/{c.units} đơn vị báo cáo"
            if vi
            else f"{c.units_reporting} of {c.units} units reported"
        )
    if c.units <= 1:
        if c.is_complete:
            return "đủ số liệu" if vi else "complete"
        periods = [format_period(p, locale=loc, with_dates=False) for p in c.missing_periods]
        listed = _join(periods, loc, vi_and=True)
        return f"chưa có số liệu {listed}" if vi else f"no figures yet for {listed}"
    if c.units_reporting == 0:
        return (
            f"chưa có đơn vị nào báo cáo (0/{c.units} đơn vị)" if vi else f"no unit has reported yet (0 of {c.units})"
        )
    head = (
        f"theo báo cáo của {c.units_reporting}/{c.units} đơn vị"
        if vi
        else f"reported by {c.units_reporting} of {c.units} units"
    )
    silent, partial, unclear = _silent_and_partial(c)
    parts = [head]
    if silent:
        listed = _join([unit_phrase(u, names, loc) for u in silent], loc)
        parts.append(f"chưa có số liệu của {listed}" if vi else f"no figures yet from {listed}")
    if partial:
        listed = _join([unit_phrase(u, names, loc) for u in partial], loc)
        parts.append(f"chưa đủ số liệu của {listed}" if vi else f"incomplete figures from {listed}")
    if unclear:
        listed = _join([unit_phrase(u, names, loc) for u in unclear], loc)
        parts.append(f"chưa có hoặc chưa đủ số liệu của {listed}" if vi else f"no or incomplete figures from {listed}")
    return "; ".join(parts)


def _say(q: Quantity, loc: str) -> str:
    return format_money(q, locale=loc) if q.is_money else format_quantity(q, locale=loc)


def format_aggregate(aggregate: Aggregate, *, locale: str = "vi", units: UnitNames | None = None) -> str:
    """A rolled-up value with what the reader must know of it.

    Complete: the value ("72 buổi"). Incomplete: the value over the units
    that reported, with its completeness ("89 buổi (theo báo cáo của 9/11
    đơn vị; chưa có số liệu của ...)"); an estimate over part of the units
    keeps its "khoảng" and its completeness. Nothing reported: "chưa có số
    liệu" with the completeness.

    >>> from anninh_toandan.indicator import OUTREACH_SESSIONS
    >>> from anninh_toandan.period import Period
    >>> h1 = Period.half_year(2022, 1)
    >>> c = Completeness(expected=11, reported=10, units=11, units_reporting=10, missing=[("24817", h1)])
    >>> a = Aggregate(indicator=OUTREACH_SESSIONS, unit="673", period=h1,
    ...               value=Quantity.exact(89, "buổi"), completeness=c)
    >>> format_aggregate(a)
    '89 buổi (theo báo cáo của 10/11 đơn vị; chưa có số liệu của phường Lộc Tiến)'
    """
    check_instance("aggregate", aggregate, Aggregate, "an Aggregate")
    loc = check_locale(locale)
    if aggregate.value is None:
        none = "chưa có số liệu" if loc == "vi" else "no figures yet"
        if aggregate.completeness.units <= 1:
            return none
        return f"{none} ({format_completeness(aggregate.completeness, locale=loc, units=units)})"
    text = _say(aggregate.value, loc)
    if aggregate.is_complete:
        return text
    return f"{text} ({format_completeness(aggregate.completeness, locale=loc, units=units)})"


# -- shares ---------------------------------------------------------------------------


def _percent_text(value: Decimal, loc: str, decimals: int, *, signed: bool = False) -> str:
    return format_percent(value, locale=loc, decimals=decimals, signed=signed)


def _rounded(value: Decimal, decimals: int, rounding: str) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def format_share(share: Share, *, locale: str = "vi", decimals: int = 1) -> str:
    """A :class:`~anninh_toandan.aggregate.Share` as a percentage: "36,5%".

    Exact terms give the percentage; approximate ones give what their bounds
    allow: "hơn 50,0%" (a lower bound, rounded down), "gần 50,0%" (an upper
    bound, rounded up), or "khoảng 36,5%" (an estimate, or both bounds).

    >>> format_share(Share(numerator=Quantity.exact(100, "tin"), denominator=Quantity.exact(274, "tin")))
    '36,5%'
    >>> format_share(Share(numerator=Quantity.more_than(100, "tin"), denominator=Quantity.exact(200, "tin")))
    'hơn 50,0%'
    """
    check_instance("share", share, Share)
    loc = check_locale(locale)
    percent_value(0, 1, decimals)  # checks decimals
    if share.percent is not None:
        return _percent_text(share.percent, loc, decimals)
    estimate = share.estimate
    if estimate is None:
        msg = f"a share of a zero denominator has no percentage (got {share.denominator!r})"
        raise FormatError(msg)
    about = "khoảng " if loc == "vi" else "about "
    if Qualifier.ABOUT not in (share.numerator.qualifier, share.denominator.qualifier):
        low, high = share.percent_low, share.percent_high
        if high is None and low:
            word = "hơn " if loc == "vi" else "more than "
            return word + _percent_text(_rounded(low, decimals, ROUND_FLOOR), loc, decimals)
        if high is not None and not low:
            word = "gần " if loc == "vi" else "nearly "
            return word + _percent_text(_rounded(high, decimals, ROUND_CEILING), loc, decimals)
    return about + _percent_text(estimate, loc, decimals)


# -- comparisons ------------------------------------------------------------------------


@functools.cache
def _indicator(unit: str) -> Indicator:
    return Indicator(code="change", name_vi="thay đổi", name_en="change", unit=unit)


_ONE = Completeness(expected=1, reported=1, units=1, units_reporting=1)
_NONE = Completeness(expected=1, reported=0, units=1, units_reporting=0)
_ANY_PERIOD = Period.year(2000)  # two bare quantities have no period; the wording never reads it


def _plain(value: Quantity, period: Period) -> Aggregate:
    """*value* as a complete aggregate, for comparing two quantities with :class:`Comparison`."""
    return Aggregate(indicator=_indicator(value.unit), unit="", period=period, value=value, completeness=_ONE)


def quantity_comparison(current: Quantity, previous: Quantity | None) -> Comparison:
    """Two quantities as a :class:`Comparison` of complete aggregates (for ``format_change``).

    A missing *previous* is a base with no reported value (``BASE_MISSING``).
    """
    p = _ANY_PERIOD
    base = (
        _plain(previous, p)
        if previous is not None
        else Aggregate(indicator=_indicator(current.unit), unit="", period=p, value=None, completeness=_NONE)
    )
    return Comparison(current=_plain(current, p), base=base, basis=None)


def _whole(aggregate: Aggregate) -> Aggregate:
    """The bounds of the whole: what the reported part says, and no upper bound when cells are missing.

    Quantities are never negative, so missing cells can only add to a flow
    or a sum over units: an incomplete value is a lower bound of the whole.
    """
    v = aggregate.value
    assert v is not None
    value = v if aggregate.is_complete else quantity_from_bounds(v.low or 0, None, v.unit)
    return Aggregate(
        indicator=aggregate.indicator, unit=aggregate.unit, period=aggregate.period, value=value, completeness=_ONE
    )


def comparison_reference(comparison: Comparison, locale: str) -> str:
    """What the comparison is against: "cùng kỳ năm 2021", "quý IV/2021"; "the same period of 2021"."""
    base = comparison.base.period
    if comparison.basis is Basis.SAME_PERIOD_LAST_YEAR:
        year = base.year if base.kind is not PeriodKind.CUSTOM else None
        if locale == "vi":
            return "cùng kỳ" if year is None else f"cùng kỳ năm {year}"
        return "the same period last year" if year is None else f"the same period of {year}"
    return format_period(base, locale=locale, with_dates=False)


def _magnitude(low: int | None, high: int | None, unit: str, *, fall: bool) -> Quantity:
    if fall:
        assert high is not None
        return quantity_from_bounds(-high, None if low is None else -low, unit)
    assert low is not None
    return quantity_from_bounds(low, high, unit)


def word_comparison(
    comparison: Comparison,
    ref: str,
    *,
    locale: str,
    decimals: int = 1,
    signed_percent: bool | None = None,
    reference: bool = True,
) -> str:
    """The wording of *comparison* against *ref* (shared by :func:`format_comparison` and ``format_change``).

    The direction comes from the change's bounds (:attr:`Comparison.change_low`,
    :attr:`Comparison.change_high`): "tăng" or "giảm" only when the bounds
    exclude the other sign; otherwise the comparison says it cannot tell.
    """
    loc = check_locale(locale)
    percent_value(0, 1, decimals)  # checks decimals
    vi = loc == "vi"
    against = (f" so với {ref}" if vi else f" from {ref}") if reference else ""
    with_ref = (f" với {ref}" if vi else f" with {ref}") if reference else ""
    status = comparison.status
    if status is Comparability.BASE_MISSING:
        return f"không so sánh được{with_ref} (không có số liệu)" if vi else f"not comparable{with_ref} (no figure)"
    if status is Comparability.CURRENT_MISSING:
        return (
            f"không so sánh được{with_ref} (kỳ này chưa có số liệu)"
            if vi
            else f"not comparable{with_ref} (no figure for this period)"
        )
    current, base = comparison.current, comparison.base
    assert current.value is not None and base.value is not None
    unit = current.value.unit
    verb = ("tăng", "giảm") if vi else ("up", "down")
    if status is Comparability.INCOMPLETE:
        side = (
            ("hai kỳ" if vi else "both periods")
            if not (current.is_complete or base.is_complete)
            else (
                ("kỳ này" if vi else "this period")
                if not current.is_complete
                else ("kỳ so sánh" if vi else "the base period")
            )
        )
        note = f"số liệu {side} chưa đầy đủ" if vi else f"figures for {side} incomplete"
        whole = Comparison(current=_whole(current), base=_whole(base), basis=comparison.basis)
        low, high = whole.change_low, whole.change_high
        if low is not None and low > 0:
            return f"{verb[0]} {_say(_magnitude(low, high, unit, fall=False), loc)}{against} ({note})"
        if high is not None and high < 0:
            return f"{verb[1]} {_say(_magnitude(low, high, unit, fall=True), loc)}{against} ({note})"
        return f"chưa so sánh được{with_ref} ({note})" if vi else f"not yet comparable{with_ref} ({note})"
    low, high = comparison.change_low, comparison.change_high
    if low == high == 0:
        if not reference:
            return "không đổi" if vi else "unchanged"
        return f"bằng {ref}" if vi else f"unchanged from {ref}"
    rising = low is not None and low > 0
    falling = high is not None and high < 0
    if not (rising or falling):
        # The bounds allow both a rise and a fall: no direction is stated.
        if current.value.value == base.value.value:
            if not reference:
                return "xấp xỉ" if vi else "about the same"
            return f"xấp xỉ {ref}" if vi else f"about the same as {ref}"
        estimate = Qualifier.ABOUT in (current.value.qualifier, base.value.qualifier)
        if vi:
            why = "số liệu ước tính" if estimate else "số liệu là số gần đúng"
            return f"chưa xác định được tăng hay giảm{' so với ' + ref if reference else ''} ({why})"
        why = "estimated figures" if estimate else "approximate figures"
        return f"cannot tell whether up or down{against} ({why})"
    amount = _say(_magnitude(low, high, unit, fall=falling), loc)
    if status is Comparability.BASE_ZERO:
        note = "kỳ so sánh bằng 0, không tính được tỷ lệ" if vi else "the base is zero: no percentage"
        return f"{verb[falling]} {amount}{against} ({note})"
    ratio = comparison.ratio
    assert ratio is not None
    exact = comparison.percent_change
    estimate_pct = ratio.estimate
    assert estimate_pct is not None
    pct_value = exact if exact is not None else estimate_pct - 100
    signed = signed_percent is True or (signed_percent is None and falling)
    pct = _percent_text(pct_value if signed else abs(pct_value), loc, decimals, signed=signed)
    if exact is None:
        pct = ("khoảng " if vi else "about ") + pct
    return f"{verb[falling]} {amount} ({pct}){against}"


def format_comparison(
    comparison: Comparison,
    *,
    locale: str = "vi",
    decimals: int = 1,
    signed_percent: bool | None = None,
    reference: bool = True,
) -> str:
    """A :class:`~anninh_toandan.aggregate.Comparison` in words, as CONVENTIONS.md writes it.

    Comparable: "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021", "giảm 226 vụ
    (-3,63%)". The verb "tăng" or "giảm" is used only when the change's
    bounds rule out the other sign: approximate figures whose bounds allow
    both give "chưa xác định được tăng hay giảm", and an incomplete side
    (``INCOMPLETE``) gives "chưa so sánh được ... (số liệu kỳ này chưa đầy
    đủ)", unless the missing units, which can only add, could not reverse
    the sign ("tăng hơn 20 vụ ... (số liệu kỳ này chưa đầy đủ)"). A base
    without figures (``BASE_MISSING``) is "không so sánh được ... (không có
    số liệu)"; a zero base (``BASE_ZERO``) gives the change without a
    percentage. ``reference=False`` leaves out "so với ..." (for a table
    column that names the comparison); *decimals* and *signed_percent* are
    as for :func:`~anninh_toandan.formatting.format_change`.

    >>> from anninh_toandan.aggregate import Rollup
    >>> from anninh_toandan.figures import Figure, FigureSet
    >>> from anninh_toandan.indicator import TIPS_RECEIVED
    >>> fs = FigureSet([Figure.reported(TIPS_RECEIVED, "1", Period.half_year(y, 1), Quantity.exact(n, "tin"))
    ...                 for y, n in ((2021, 40), (2022, 44))])
    >>> format_comparison(Rollup(fs).compare(TIPS_RECEIVED, unit="1", period=Period.half_year(2022, 1)))
    'tăng 4 tin (10,0%) so với cùng kỳ năm 2021'
    >>> format_comparison(Rollup(fs).compare(TIPS_RECEIVED, unit="1", period=Period.half_year(2021, 1)))
    'không so sánh được với cùng kỳ năm 2020 (không có số liệu)'
    """
    check_instance("comparison", comparison, Comparison)
    loc = check_locale(locale)
    return word_comparison(
        comparison,
        comparison_reference(comparison, loc),
        locale=loc,
        decimals=decimals,
        signed_percent=signed_percent,
        reference=reference,
    )


_BASES = ("same_period", "previous")


def _period_year(period: Period) -> int | None:
    if period.kind is not PeriodKind.CUSTOM:
        return period.year
    return period.start.year if period.start.year == period.end.year else None


def _quantity_reference(period: Period | None, basis: str, loc: str) -> str:
    if basis == "same_period":
        year = None if period is None else _period_year(period)
        if loc == "vi":
            return "cùng kỳ" if year is None else f"cùng kỳ năm {year}"
        return "the same period last year" if year is None else f"the same period of {year}"
    if period is None:
        return "thời gian liền kề" if loc == "vi" else "the previous period"
    return format_period(period, locale=loc, with_dates=False)


def format_change(
    current: Quantity | Comparison,
    previous: Quantity | None = None,
    *,
    locale: str = "vi",
    previous_period: Period | None = None,
    basis: str = "same_period",
    decimals: int = 1,
    signed_percent: bool | None = None,
    reference: bool = True,
) -> str:
    """Compare *current* with *previous*: "tăng 4 vụ (10,0%) so với cùng kỳ năm 2021".

    Given a :class:`~anninh_toandan.aggregate.Comparison` instead of two
    quantities, it is :func:`format_comparison`. Two quantities are compared
    as a ``Comparison`` of two complete figures, with the same wording.

    ``basis="same_period"`` (the default) compares with the same period of
    the previous year ("cùng kỳ", with the year of *previous_period* when it
    is given); ``basis="previous"`` with the period just before
    ("thời gian liền kề", or *previous_period* by name).

    The percentage is written as CONVENTIONS.md's examples write it: without
    a sign for an increase, with "-" for a decrease ("tăng 4 vụ (10,0%)",
    "giảm 226 vụ (-3,63%)"); ``signed_percent=True`` adds "+" to increases,
    ``signed_percent=False`` writes no sign at all (the verb carries the
    direction). ``reference=False`` leaves out "so với ..." (for a table
    column that already names the comparison).
    It has *decimals* decimals (default 1), rounded half up. Equal figures
    give "bằng cùng kỳ năm 2021". A missing base (``None``) gives "không so
    sánh được ..." and a zero base gives the change without a percentage;
    neither ever divides by zero.

    With approximate operands the change is worded by the bounds it is sure
    of ("tăng hơn 1.000 lượt", with the percentage "khoảng"); when the bounds
    allow both a rise and a fall, neither "tăng" nor "giảm" is written:
    "chưa xác định được tăng hay giảm so với cùng kỳ (số liệu ước tính)".

    >>> from anninh_toandan import Period
    >>> format_change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), previous_period=Period.half_year(2021, 1))
    'tăng 4 vụ (10,0%) so với cùng kỳ năm 2021'
    >>> format_change(Quantity.exact(6000, "vụ"), Quantity.exact(6226, "vụ"), decimals=2)
    'giảm 226 vụ (-3,63%) so với cùng kỳ'
    >>> format_change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), reference=False)
    'tăng 4 vụ (10,0%)'
    >>> format_change(Quantity.exact(5, "vụ"), None)
    'không so sánh được với cùng kỳ (không có số liệu)'
    >>> format_change(Quantity.about(51, "tin"), Quantity.about(27, "tin"))
    'chưa xác định được tăng hay giảm so với cùng kỳ (số liệu ước tính)'
    >>> format_change(Quantity.exact(44, "vụ"), Quantity.exact(40, "vụ"), locale="en")
    'up 4 cases (10.0%) from the same period last year'
    """
    loc = check_locale(locale)
    if isinstance(current, Comparison):
        if previous is not None or previous_period is not None or basis != "same_period":
            msg = "with a Comparison, 'previous', 'previous_period' and 'basis' must be left out (it knows its base)"
            raise FormatError(msg)
        return format_comparison(
            current, locale=loc, decimals=decimals, signed_percent=signed_percent, reference=reference
        )
    check_choice("basis", basis, _BASES)
    cur = check_quantity("current", current)
    if previous_period is not None:
        check_instance("previous_period", previous_period, Period)
    if previous is not None:
        prev = check_quantity("previous", previous)
        if prev.unit != cur.unit:
            msg = f"cannot compare quantities of different units: {cur.unit!r} and {prev.unit!r}"
            raise UnitMismatchError(msg)
    ref = _quantity_reference(previous_period, basis, loc)
    return word_comparison(
        quantity_comparison(cur, previous),
        ref,
        locale=loc,
        decimals=decimals,
        signed_percent=signed_percent,
        reference=reference,
    )
