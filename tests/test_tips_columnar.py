"""Tips counted from columns equal tips counted from ``Tip`` objects, and bad values are named by row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anninh_toandan.errors import EmptyValueError, PeriodError, ValidationTypeError
from anninh_toandan.figures import FigureSet, Reporter
from anninh_toandan.period import Calendar, PeriodKind
from anninh_toandan.programme import RecordError
from anninh_toandan.tip import Tip, tip_figures_by_period, tip_figures_from_columns
from tests import strategies as s

KINDS = st.sampled_from([k for k in PeriodKind if k is not PeriodKind.CUSTOM])


Columns = tuple[list[Any], list[str], list[bool], list[Any]]


def _columns(tips: list[Tip], as_text: list[bool], as_tuple: bool) -> Columns:
    days: list[Any] = [
        t.received_on.isoformat() if text else dt.date(t.received_on.year, t.received_on.month, t.received_on.day)
        for t, text in zip(tips, as_text, strict=True)
    ]
    cases: list[Any] = [
        tuple(t.case_ids) if as_tuple or len(t.case_ids) > 1 else (t.case_ids[0] if t.case_ids else None) for t in tips
    ]
    return days, [t.unit for t in tips], [t.valuable for t in tips], cases


@given(
    st.lists(s.tips(), max_size=30),
    st.data(),
    KINDS,
    st.sampled_from(list(Calendar)),
    st.none() | st.sampled_from(list(Reporter)),
)
def test_counting_columns_equals_counting_tips(
    tips: list[Tip], data: st.DataObject, kind: PeriodKind, calendar: Calendar, reporter: Reporter | None
) -> None:
    as_text = data.draw(st.lists(st.booleans(), min_size=len(tips), max_size=len(tips)))
    days, units, valuable, cases = _columns(tips, as_text, data.draw(st.booleans()))
    try:
        want = FigureSet(tip_figures_by_period(tips, kind, calendar=calendar, reported_by=reporter))
    except PeriodError as exc:  # a day in no nine-month period: the same error, for the same first day
        with pytest.raises(PeriodError) as info:
            tip_figures_from_columns(days, units, valuable, cases, kind=kind, calendar=calendar)
        assert str(info.value) == str(exc)
        return
    got = tip_figures_from_columns(days, units, valuable, cases, kind=kind, calendar=calendar, reported_by=reporter)
    assert got.is_columnar
    assert got == want and want == got
    assert list(got) == list(want)  # the order of the first tip of each unit and period
    if data.draw(st.booleans()):  # NumPy columns
        got = tip_figures_from_columns(
            np.asarray(days, dtype=object),
            np.asarray(units, dtype=object),
            np.asarray(valuable, dtype=np.bool_),
            np.asarray([*cases, None], dtype=object)[:-1],  # a 1-d object array even of tuples
            kind=kind,
            calendar=calendar,
            reported_by=reporter,
        )
        assert list(got) == list(want)


def test_without_cases_none_are_counted_and_without_tips_there_are_no_figures() -> None:
    got = tip_figures_from_columns(["2022-03-02"], ["672"], [True])
    assert [f.value.value for f in got if f.value is not None] == [1, 1, 0]
    empty = tip_figures_from_columns([], [], [])
    assert empty.is_columnar and len(empty) == 0 and empty == FigureSet()


def test_a_case_counts_once_per_unit_and_period_and_missing_cases_take_any_form() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "received_on": ["2022-03-02", "2022-03-09", "2022-03-20", "2022-04-01", "2022-03-05"],
            "unit": ["672", "672", "672", "672", "673"],
            "valuable": [1, 1, 1, 1, 0],
            "case": ["VV-1", "VV-1", None, "VV-1", float("nan")],
        }
    )
    got = tip_figures_from_columns(frame["received_on"], frame["unit"], frame["valuable"] == 1, frame["case"])
    assert [(f.unit, f.period.id, f.indicator.code, f.value.value) for f in got if f.value is not None] == [
        ("672", "202203", "tips_received", 3),
        ("672", "202203", "tips_valuable", 3),
        ("672", "202203", "cases_clarified", 1),
        ("672", "202204", "tips_received", 1),
        ("672", "202204", "tips_valuable", 1),
        ("672", "202204", "cases_clarified", 1),
        ("673", "202203", "tips_received", 1),
        ("673", "202203", "tips_valuable", 0),
        ("673", "202203", "cases_clarified", 0),
    ]
    cases = pd.array(["VV-1", pd.NA], dtype="string")
    assert len(tip_figures_from_columns(["2022-03-02"] * 2, ["672"] * 2, [True, False], cases)) == 3


@pytest.mark.parametrize(
    ("columns", "error", "message"),
    [
        ((["2022-03-02", "2022-13-01"], ["672", "672"], [True, True]), RecordError,
         "'received_on[1]' must be a day that exists, as YYYY-MM-DD (got '2022-13-01')"),
        ((["2022-03-02", "20220302"], ["672", "672"], [True, True]), RecordError,
         "'received_on[1]' must be a day that exists, as YYYY-MM-DD (got '20220302')"),
        ((["2022-03-02", dt.datetime(2022, 3, 2, 8, tzinfo=dt.UTC)], ["672", "672"], [True, True]), ValidationTypeError,
         "'received_on[1]' must be a date (datetime.date, pendulum.Date or an ISO string YYYY-MM-DD) "
         "(got datetime.datetime(2022, 3, 2, 8, 0, tzinfo=datetime.timezone.utc) of type datetime)"),
        (([20220302], ["672"], [True]), ValidationTypeError,
         "'received_on[0]' must be a date (datetime.date, pendulum.Date or an ISO string YYYY-MM-DD) (got 20220302"),
        ((["2022-03-02"] * 3, ["672", "672", " "], [True] * 3), EmptyValueError,
         "'unit[2]' must not be empty (got ' ')"),
        ((["2022-03-02"] * 2, ["672", 672], [True] * 2), ValidationTypeError,
         "'unit[1]' must be a str (got 672 of type int)"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, 1]), ValidationTypeError,
         "'valuable[1]' must be a bool (got 1 of type int)"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, False], ["VV-1", "VV-2"]), RecordError,
         "'valuable[1]' must be True for a tip that helped clarify cases (got case_ids=('VV-2',))"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, False], [None, ("VV-1", "VV-2")]), RecordError,
         "'valuable[1]' must be True for a tip that helped clarify cases (got case_ids=('VV-1', 'VV-2'))"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, True], [None, ("VV-1", "VV-1")]), RecordError,
         "'case_id[1]' must not repeat a case (got ('VV-1', 'VV-1'))"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, True], [None, " "]), EmptyValueError,
         "'case_id[1]' must not be empty (got ' ')"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, True], [None, ("VV-1", 3)]), ValidationTypeError,
         "'case_id[1][1]' must be a case id (str) (got 3 of type int)"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, True], [None, 3]), ValidationTypeError,
         "'case_id[1]' must be a case id (str), None or a tuple of ids (got 3 of type int)"),
        ((["2022-03-02"] * 2, ["672"] * 2, [True, True], [None, ["VV-1"]]), ValidationTypeError,
         "'case_id[1]' must be a hashable value (got ['VV-1'] of type list)"),
        ((["2022-03-02"] * 2, ["672"], [True, True]), ValidationTypeError,
         "'unit' must have one value per tip, as 'received_on' has (2) (got 1)"),
        (("2022-03-02", ["672"], [True]), ValidationTypeError,
         "'received_on' must be a sequence with one value per tip (a list, a NumPy array, a pandas column) "
         "(got '2022-03-02' of type str)"),
    ],
)  # fmt: skip
def test_bad_values_are_named_by_row(columns: tuple[Any, ...], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        tip_figures_from_columns(*columns)
    assert str(info.value).startswith(message)


def test_the_same_mistakes_make_a_tip_raise_the_same_kind_of_error() -> None:
    day = pendulum.Date(2022, 3, 2)
    with pytest.raises(EmptyValueError):
        Tip(received_on=day, unit=" ")
    with pytest.raises(RecordError):
        Tip(received_on=day, unit="672", case_ids=["VV-1"])
    with pytest.raises(ValidationTypeError):
        Tip(received_on=dt.datetime(2022, 3, 2, 8, tzinfo=dt.UTC), unit="672")  # type: ignore[arg-type]


def test_kind_calendar_and_reporter_are_checked() -> None:
    with pytest.raises(PeriodError):
        tip_figures_from_columns([], [], [], kind=PeriodKind.CUSTOM)
    with pytest.raises(ValidationTypeError, match="'reported_by' must be a Reporter or None"):
        tip_figures_from_columns([], [], [], reported_by="police")  # type: ignore[arg-type]


class CaseId(str):
    """A str subclass, as some libraries give."""


def test_case_ids_of_a_str_subclass_are_case_ids() -> None:
    got = tip_figures_from_columns(["2022-03-02"] * 2, ["672"] * 2, [True, True], [CaseId("VV-1"), "VV-1"])
    assert [f.value.value for f in got if f.value is not None] == [2, 2, 1]
    with pytest.raises(EmptyValueError, match=r"'case_id\[0\]' must not be empty"):
        tip_figures_from_columns(["2022-03-02"], ["672"], [True], [CaseId(" ")])


@given(st.lists(s.tips(), max_size=30), st.integers(1, 3), KINDS, st.booleans())
def test_arrow_columns_are_read_by_arrow_and_counted_the_same(
    tips: list[Tip], chunks: int, kind: PeriodKind, dictionaries: bool
) -> None:
    """A table read with pyarrow is counted from its arrays (dictionary-coded, bit-packed), in chunks too."""
    pa = pytest.importorskip("pyarrow")
    days = [t.received_on.isoformat() for t in tips]
    cases = [t.case_ids[0] if len(t.case_ids) == 1 else None for t in tips]
    single = [Tip(received_on=t.received_on, unit=t.unit, valuable=t.valuable, case_ids=(c,) if c else ()) for t, c in
              zip(tips, cases, strict=True)]  # fmt: skip
    try:
        want = FigureSet(tip_figures_by_period(single, kind))
    except PeriodError:
        return

    def chunked(values: list[Any], kind_: Any) -> Any:
        step = max(1, -(-len(values) // chunks))
        parts = [values[i : i + step] for i in range(0, len(values), step)] or [[]]
        return pa.chunked_array([pa.array(p, type=kind_) for p in parts], type=kind_)

    text = pa.dictionary(pa.int32(), pa.string()) if dictionaries else pa.string()  # as read_csv can give them
    got = tip_figures_from_columns(
        chunked(days, pa.string()),
        chunked([t.unit for t in tips], text),
        chunked([t.valuable for t in tips], pa.bool_()),
        chunked(cases, text),
        kind=kind,
    )
    assert list(got) == list(want)


def test_a_missing_arrow_bool_is_named_by_its_row() -> None:
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(ValidationTypeError, match=r"'valuable\[1\]' must be a bool \(got None"):
        tip_figures_from_columns(["2022-03-02"] * 2, ["672"] * 2, pa.array([True, None]))
