"""Figures, figure sets and the consistency checks."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan.errors import EmptyValueError, ValidationTypeError
from anninh_toandan.figures import (
    Figure,
    FigureConflictError,
    FigureError,
    FigureSet,
    FigureStatus,
    Reporter,
)
from anninh_toandan.indicator import (
    FUND_CONTRIBUTIONS,
    GIFTS,
    SCHOLARSHIPS,
    SECURITY_MODELS_ACTIVE,
    SECURITY_MODELS_DISSOLVED,
    SECURITY_MODELS_ESTABLISHED,
    TIPS_RECEIVED,
    TIPS_VALUABLE,
)
from anninh_toandan.period import Calendar, Period, PeriodKind
from anninh_toandan.quantity import Quantity
from anninh_toandan.rules import check_part_of_whole, check_stock_flow
from anninh_toandan.tip import Tip, tip_figures, tip_figures_by_period
from tests import strategies as s

H1 = Period.half_year(2022, 1)


def _f(indicator=TIPS_RECEIVED, unit="673", period=H1, n=274, unit_noun="tin"):  # type: ignore[no-untyped-def]
    return Figure.reported(indicator, unit, period, Quantity.exact(n, unit_noun))


def test_status_and_value_agree() -> None:
    assert _f().is_reported and _f().status is FigureStatus.REPORTED
    assert Figure.mentioned(SCHOLARSHIPS, "673", H1).value is None
    nr = Figure.not_reported(TIPS_RECEIVED, "673", H1, reported_by=Reporter.POLICE, note="chưa báo cáo")
    assert (nr.status, nr.reported_by, nr.note) == (FigureStatus.NOT_REPORTED, Reporter.POLICE, "chưa báo cáo")
    with pytest.raises(FigureError, match="'value' must be None for a not_reported figure"):
        Figure(indicator=TIPS_RECEIVED, unit="1", period=H1, status=FigureStatus.NOT_REPORTED, value=_f().value)
    with pytest.raises(ValidationTypeError, match="'value' must be a Quantity for a reported figure"):
        Figure(indicator=TIPS_RECEIVED, unit="1", period=H1)


def test_money_must_match_the_indicator() -> None:
    with pytest.raises(FigureError, match="'value' must be in 'đồng' for indicator 'fund_contributions'"):
        Figure.reported(FUND_CONTRIBUTIONS, "1", H1, Quantity.exact(5, "triệu"))
    with pytest.raises(FigureError, match="'value' must not be money"):
        Figure.reported(TIPS_RECEIVED, "1", H1, Quantity.vnd(5))


@pytest.mark.parametrize(
    ("field", "value", "error", "match"),
    [
        ("indicator", "tips_received", ValidationTypeError, "'indicator' must be an Indicator"),
        ("unit", "", EmptyValueError, "'unit' must not be empty"),
        ("unit", 673, ValidationTypeError, "'unit' must be a str"),
        ("period", "2022S1", ValidationTypeError, "'period' must be a Period"),
        ("status", "reported", ValidationTypeError, "'status' must be a FigureStatus"),
        ("reported_by", "police", ValidationTypeError, "'reported_by' must be a Reporter"),
        ("note", " ", EmptyValueError, "'note' must not be empty"),
    ],
)
def test_field_types(field: str, value: object, error: type[Exception], match: str) -> None:
    kwargs: dict[str, object] = {
        "indicator": TIPS_RECEIVED,
        "unit": "1",
        "period": H1,
        "value": Quantity.exact(1, "tin"),
        field: value,
    }
    with pytest.raises(error, match=match):
        Figure(**kwargs)  # type: ignore[arg-type]


def test_from_parts() -> None:
    parts = [Quantity.exact(3, "nhà"), Quantity.more_than(2, "nhà")]
    assert Figure.from_parts(GIFTS, "1", H1, parts).value == Quantity.more_than(5, "nhà")
    assert Figure.from_parts(GIFTS, "1", H1, [*parts, None]).value == Quantity.more_than(6, "nhà")
    money = Figure.from_parts(FUND_CONTRIBUTIONS, "1", H1, [Quantity.vnd(10), None], at_least=0)
    assert money.value == Quantity.more_than(10, "đồng")
    assert Figure.from_parts(GIFTS, "1", H1, [None, None]).status is FigureStatus.MENTIONED


def test_figure_set_keeps_one_figure_per_key() -> None:
    a, b = _f(), _f(unit="24823", n=5)
    fs = FigureSet([a, b, a])
    assert len(fs) == 2 and list(fs) == [a, b]
    assert a in fs and _f(n=1) not in fs and "x" not in fs
    with pytest.raises(FigureConflictError) as info:
        FigureSet([a, _f(n=275)])
    assert info.value.existing == a and info.value.new == _f(n=275)
    with pytest.raises(ValidationTypeError, match="'figures' must be Figure objects"):
        FigureSet(["x"])  # type: ignore[list-item]
    assert FigureSet.from_iterable(iter([a, b])) == fs


def _record(f: Figure) -> tuple[object, str, Period, object]:
    return (f.indicator, f.unit, f.period, f.value if f.value is not None else f.status)


@given(st.lists(s.figures(), max_size=12))
def test_records_build_the_same_set_as_figures(figs: list[Figure]) -> None:
    figs = [attrs.evolve(f, reported_by=Reporter.POLICE, note=None) for f in figs]
    try:
        expected = FigureSet(figs)
    except FigureConflictError as exc:
        with pytest.raises(FigureConflictError, match=re.escape(str(exc)[:40])):
            FigureSet.from_records((_record(f) for f in figs), reported_by=Reporter.POLICE)
        return
    built = FigureSet.from_records((_record(f) for f in figs), reported_by=Reporter.POLICE)
    assert built == expected and list(built) == list(expected)


def test_records_refuse_what_figures_refuse() -> None:
    y = Period.year(2022)
    good = (GIFTS, "672", y, Quantity.exact(5, "phần quà"))
    fs = FigureSet.from_records([good, good, (GIFTS, "673", y, FigureStatus.MENTIONED)])
    assert list(fs) == [Figure.reported(GIFTS, "672", y, good[3]), Figure.mentioned(GIFTS, "673", y)]
    code = "".join(["67", "2"])  # an equal unit code, another string: kept once
    again = FigureSet.from_records([good, (GIFTS, code, Period.quarter(2022, 1), good[3])])
    first, second = (f.unit for f in again)
    assert second is first

    class Code(str):
        pass

    assert FigureSet.from_records([(GIFTS, Code("672"), y, good[3])]) == FigureSet.from_records([good])
    bad = [
        ((GIFTS, " ", y, good[3]), EmptyValueError, "'unit' must not be empty"),
        ((GIFTS, 672, y, good[3]), ValidationTypeError, "'unit' must be a str"),
        (("gifts", "672", y, good[3]), ValidationTypeError, "'indicator' must be an Indicator"),
        ((GIFTS, "672", "2022", good[3]), ValidationTypeError, "'period' must be a Period"),
        ((GIFTS, "672", y, 5), ValidationTypeError, "'status' must be a FigureStatus"),
        ((GIFTS, "672", y, FigureStatus.REPORTED), ValidationTypeError, "'value' must be a Quantity"),
        ((GIFTS, "672", y, Quantity.vnd(5)), FigureError, "'value' must not be money"),
        ((FUND_CONTRIBUTIONS, "672", y, Quantity.exact(5, "bản")), FigureError, "'value' must be in 'đồng'"),
    ]
    for record, error, fragment in bad:
        with pytest.raises(error, match=fragment) as info:
            FigureSet.from_records([good, record])  # type: ignore[list-item]
        assert info.value.__notes__ == ["in records[1] of FigureSet.from_records"]
    with pytest.raises(ValidationTypeError, match=r"'records\[0\]' must be a tuple"):
        FigureSet.from_records([(GIFTS, "672", y)])  # type: ignore[list-item]
    with pytest.raises(ValidationTypeError, match="'reported_by' must be a Reporter or None"):
        FigureSet.from_records([good], reported_by="police")  # type: ignore[arg-type]
    with pytest.raises(FigureConflictError):
        FigureSet.from_records([good, (GIFTS, "672", y, FigureStatus.NOT_REPORTED)])


@given(st.lists(s.tips(), max_size=12), st.sampled_from([PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR]))
def test_tip_figures_by_period_are_tip_figures_for_each_unit_and_period(tips: list[Tip], kind: PeriodKind) -> None:
    out = tip_figures_by_period(tips, kind, calendar=Calendar.REPORTING, reported_by=Reporter.POLICE)
    places = dict.fromkeys((t.unit, Period.of(t.received_on, kind, calendar=Calendar.REPORTING)) for t in tips)
    expected = [f for u, p in places for f in tip_figures(tips, unit=u, period=p, reported_by=Reporter.POLICE)]
    assert list(out) == expected
    with pytest.raises(ValidationTypeError, match="'tips' must hold Tip objects"):
        tip_figures_by_period(["tip"])  # type: ignore[list-item]


def test_lookups() -> None:
    a = _f()
    fs = FigureSet([a])
    assert fs.get(TIPS_RECEIVED, "673", H1) is a
    assert fs.get("tips_received", "673", H1) is a
    assert fs["tips_received", "673", H1] is a
    assert fs.value(TIPS_RECEIVED, "673", H1) == Quantity.exact(274, "tin")
    assert fs.value(TIPS_RECEIVED, "673", H1.previous()) is None
    with pytest.raises(KeyError):
        fs["tips_received", "68", H1]


def test_equality_hash_and_union() -> None:
    a, b = _f(), _f(unit="24823", n=5)
    assert FigureSet([a, b]) == FigureSet([b, a])
    assert hash(FigureSet([a, b])) == hash(FigureSet([b, a]))
    assert FigureSet([a]) != FigureSet([b])
    assert FigureSet([a]).__eq__("x") is NotImplemented
    assert (FigureSet([a]) | FigureSet([b])) == FigureSet([a, b])
    assert FigureSet([a]).with_figures([a, a]) == FigureSet([a])
    assert FigureSet([a]).__or__("x") is NotImplemented  # type: ignore[operator]
    with pytest.raises(FigureConflictError):
        FigureSet([a]).with_figures([_f(n=1)])
    with pytest.raises(ValidationTypeError):
        FigureSet([a]).with_figures([1])  # type: ignore[list-item]
    assert "FigureSet([Figure(" in repr(FigureSet([a]))


def test_select_and_summaries() -> None:
    q1, q2 = Period.quarter(2022, 1), Period.quarter(2022, 2)
    figs = [
        _f(period=q1),
        _f(period=q2, n=10),
        _f(indicator=TIPS_VALUABLE, period=q1, n=3),
        _f(unit="24823", period=q1, n=7),
        _f(indicator=TIPS_VALUABLE, period=H1, n=9),
    ]
    fs = FigureSet(figs)
    assert list(fs.select()) == figs
    assert list(fs.select(indicator=TIPS_VALUABLE)) == [figs[2], figs[4]]
    assert list(fs.select(unit="673", period=q1)) == [figs[0], figs[2]]
    assert set(fs.select(unit=["24823", "673"], indicator="tips_received")) == {figs[3], figs[0], figs[1]}
    assert set(fs.select(period=[q2, q1], unit="673", indicator=[TIPS_RECEIVED])) == {figs[1], figs[0]}
    assert len(fs.select(unit="nowhere")) == 0
    assert list(fs.within(H1)) == figs
    assert list(fs.within(q1)) == [figs[0], figs[2], figs[3]]
    assert fs.indicators() == (TIPS_RECEIVED, TIPS_VALUABLE)
    assert fs.units() == ("673", "24823")
    assert fs.periods() == (q1, H1, q2)


@given(s.figure_sets(max_size=25), st.data())
def test_select_matches_a_plain_filter(fs: FigureSet, data: st.DataObject) -> None:
    figs = list(fs)
    pick = data.draw(st.sampled_from(figs)) if figs else None
    ind = data.draw(st.none() | st.just(pick.indicator.code if pick else "x"))
    unit = data.draw(st.none() | st.just(pick.unit if pick else "x"))
    period = data.draw(st.none() | st.just(pick.period if pick else H1))
    got = set(fs.select(indicator=ind, unit=unit, period=period))
    want = {
        f
        for f in figs
        if (ind is None or f.indicator.code == ind)
        and (unit is None or f.unit == unit)
        and (period is None or f.period == period)
    }
    assert got == want


def _models(est: Quantity, active: Quantity, dis: Quantity, opening: Quantity | None = None) -> FigureSet:
    figs = [
        Figure.reported(SECURITY_MODELS_ESTABLISHED, "1", H1, est),
        Figure.reported(SECURITY_MODELS_ACTIVE, "1", H1, active),
        Figure.reported(SECURITY_MODELS_DISSOLVED, "1", H1, dis),
    ]
    if opening is not None:
        figs.append(Figure.reported(SECURITY_MODELS_ACTIVE, "1", H1.previous(), opening))
    return FigureSet(figs)


def _check(fs: FigureSet):  # type: ignore[no-untyped-def]
    with pytest.warns(DeprecationWarning, match="check_stock_flow is deprecated: use Review.validate"):
        return check_stock_flow(
            fs,
            stock=SECURITY_MODELS_ACTIVE,
            inflow=SECURITY_MODELS_ESTABLISHED,
            outflow=SECURITY_MODELS_DISSOLVED,
            unit="1",
            period=H1,
        )


def m(n: int) -> Quantity:
    return Quantity.exact(n, "mô hình")


def test_stock_flow_checks() -> None:
    ambiguous = _check(_models(m(3), m(19), m(8)))
    assert ambiguous.code == "stock_flow_ambiguous"
    assert "the opening stock was 24; if it counts them in, the opening stock was 16 and 11 remain" in ambiguous.message
    inexact = _check(_models(Quantity.more_than(3, "mô hình"), m(19), m(8)))
    assert inexact.code == "stock_flow_ambiguous" and "may count the outflow in or out" in inexact.message
    assert _check(_models(m(3), m(19), m(8), opening=m(24))) is None
    mismatch = _check(_models(m(3), m(19), m(8), opening=m(10)))
    assert mismatch.code == "stock_flow_mismatch" and len(mismatch.figures) == 4
    assert _check(_models(m(3), m(19), m(8), opening=Quantity.more_than(20, "mô hình"))) is None
    assert _check(_models(m(3), m(19), Quantity.more_than(1, "mô hình"), opening=m(30))) is None
    assert _check(_models(m(3), Quantity.more_than(30, "mô hình"), m(8), opening=m(10))).code == "stock_flow_mismatch"
    assert _check(FigureSet([Figure.reported(SECURITY_MODELS_ACTIVE, "1", H1, m(19))])) is None


@pytest.mark.filterwarnings("ignore:check_part_of_whole is deprecated:DeprecationWarning")
def test_part_of_whole() -> None:
    with pytest.warns(DeprecationWarning, match="check_part_of_whole is deprecated"):
        check_part_of_whole(FigureSet(), part=TIPS_VALUABLE, whole=TIPS_RECEIVED, unit="673", period=H1)
    fs = FigureSet([_f(n=274), _f(indicator=TIPS_VALUABLE, n=100)])
    assert check_part_of_whole(fs, part=TIPS_VALUABLE, whole=TIPS_RECEIVED, unit="673", period=H1) is None
    fs2 = FigureSet([_f(n=274), Figure.reported(TIPS_VALUABLE, "673", H1, Quantity.more_than(300, "tin"))])
    finding = check_part_of_whole(fs2, part=TIPS_VALUABLE, whole=TIPS_RECEIVED, unit="673", period=H1)
    assert finding is not None and finding.code == "part_exceeds_whole"
    open_ended = FigureSet(
        [Figure.reported(TIPS_RECEIVED, "673", H1, Quantity.more_than(1, "tin")), fs2.get(TIPS_VALUABLE, "673", H1)]
    )  # type: ignore[list-item]
    assert check_part_of_whole(open_ended, part=TIPS_VALUABLE, whole=TIPS_RECEIVED, unit="673", period=H1) is None
    assert check_part_of_whole(FigureSet(), part=TIPS_VALUABLE, whole=TIPS_RECEIVED, unit="673", period=H1) is None


def test_a_large_set_is_built_and_queried() -> None:
    periods = [Period.month(2022, i) for i in range(1, 13)]
    figs = [Figure.reported(TIPS_RECEIVED, str(u), p, Quantity.exact(u, "tin")) for u in range(2000) for p in periods]
    fs = FigureSet(figs)
    assert len(fs) == 24_000
    assert len(fs.select(unit="7")) == 12
    assert len(fs.select(period=periods[0])) == 2000
    assert fs.get(TIPS_RECEIVED, "1999", periods[-1]).value == Quantity.exact(1999, "tin")
    assert dt.date(2022, 5, 1) in periods[4]


def test_a_figure_names_the_units_it_lacks() -> None:
    f = Figure.reported(TIPS_RECEIVED, "2", H1, Quantity.more_than(40, "tin"), missing_units=("24820",))
    assert f.missing_units == ("24820",) and Figure.reported(TIPS_RECEIVED, "2", H1, m(1)).missing_units == ()
    with pytest.raises(ValidationTypeError, match="'missing_units' must be a tuple of unit codes"):
        Figure.reported(TIPS_RECEIVED, "2", H1, Quantity.exact(4, "tin"), missing_units=["24820"])  # type: ignore[arg-type]
    with pytest.raises(EmptyValueError, match=r"'missing_units\[0\]' must not be empty"):
        Figure.reported(TIPS_RECEIVED, "2", H1, Quantity.exact(4, "tin"), missing_units=(" ",))
    # a set built in bulk gives the same figures as one built figure by figure
    assert FigureSet.from_records([(TIPS_RECEIVED, "2", H1, Quantity.exact(4, "tin"))]) == FigureSet(
        [Figure.reported(TIPS_RECEIVED, "2", H1, Quantity.exact(4, "tin"))]
    )


def test_bulk_readers_use_public_lookups() -> None:
    f = _f(n=274)
    fs = FigureSet([f, _f(indicator=TIPS_VALUABLE, n=100)])
    assert fs.getter()(f.key) is f and fs.getter()(("gifts", "673", H1)) is None
    assert list(fs.of_indicator("tips_received")) == [f] and list(fs.of_indicator("gifts")) == []
