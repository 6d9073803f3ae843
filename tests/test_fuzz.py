"""Fuzzing every reader: whatever the input, only the documented errors come out.

Each property feeds one reader inputs an attacker or a careless user could
give it (arbitrary text and bytes, valid documents with one value replaced,
deleted or added, damaged workbooks, Vietnamese-looking phrases, command lines
made of real and wrong arguments) and asserts that the reader returns a value
or raises its documented error, never anything else.

The budget is small in the normal run (:data:`BUDGET` examples per property,
a few seconds each); set ``ANNINH_FUZZ_EXAMPLES`` for a longer run, e.g.
``ANNINH_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py``. ``docs/testing.md``
says what was run and what it found.

The inputs that found defects are kept below as explicit regression cases.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from anninh_toandan import cli
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.errors import AnninhError, ParseError, ValidationTypeError
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.formatting import format_quantity
from anninh_toandan.indicator import OUTREACH_REACH, OUTREACH_SESSIONS, STANDARD_INDICATORS
from anninh_toandan.io import json as ajson
from anninh_toandan.io import toml as atoml
from anninh_toandan.io._converter import TAGS, to_data
from anninh_toandan.io.csv import from_csv, to_csv
from anninh_toandan.io.errors import FileFormatError
from anninh_toandan.parsing import parse_date, parse_money, parse_period, parse_quantity
from anninh_toandan.period import Period
from anninh_toandan.quantity import Quantity
from anninh_toandan.review import Review
from anninh_toandan.scan import ScanError, as_dicts, draft_figures, format_table, scan, to_json
from anninh_toandan.tip import Tip

#: Examples per property in the normal run; ``ANNINH_FUZZ_EXAMPLES`` overrides it.
BUDGET = int(os.environ.get("ANNINH_FUZZ_EXAMPLES", "0") or 0)


def fuzz(default: int) -> Callable[[Any], Any]:
    """Hypothesis settings of a fuzz property: *default* examples, or ``ANNINH_FUZZ_EXAMPLES``."""
    return settings(
        max_examples=BUDGET or default,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


H1 = Period.half_year(2022, 1)
DEEP = 100_000


# -- inputs ----------------------------------------------------------------------------------

#: Values that sit on the edges of what the model accepts.
EDGE_VALUES: list[object] = [
    None,
    True,
    0,
    -1,
    1.0,
    0.5,
    10**18 - 1,
    10**18,
    10**30,
    -(10**30),
    1e308,
    "",
    " ",
    "\x00",
    "\u202e",
    "2022-02-30",
    "2022-13-01",
    "0000-01-01",
    "2022S1",
    "2022S3",
    "R2022S1",
    "2022Q5",
    "202213",
    "more_than",
    "order_of",
    "nearly",
    "đồng",
    "reported",
    "mentioned",
    "not_reported",
    "police",
    "outreach_reach",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    [],
    {},
    [None],
    {"value": 1},
]

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(EDGE_VALUES),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _documents() -> list[dict[str, Any]]:
    """Valid documents of every kind, as plain data: the seeds that are mutated."""
    review = bao_loc_2022_h1()
    objects: list[object] = [
        review,
        review.figures,
        next(iter(review.figures)),
        Quantity.more_than(13000, "lượt"),
        Quantity.exact(3, "vụ"),
        review.programme,
        *review.organisers[:1],
        *review.chairs[:1],
        review.situation,
        *review.activities[:1],
        *review.security_models[:1],
        *review.funds[:1],
        Tip(received_on=H1.start, unit="672", valuable=True, case_ids=["VV-1"], content="BÍ MẬT: sòng bạc ở tổ 5"),
        OUTREACH_REACH,
    ]
    return [to_data(o, include_sensitive=True) for o in objects if type(o) in TAGS]


DOCUMENTS = _documents()


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*path, i))


def _replace(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(doc, dict):
        return {k: (_replace(v, rest, new) if k == head else v) for k, v in doc.items()}
    return [(_replace(v, rest, new) if i == head else v) for i, v in enumerate(doc)]


_DELETE = object()


def _apply(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    """*doc* with the value at *path* replaced by *new* (or deleted, for ``_DELETE``)."""
    if new is not _DELETE:
        return _replace(doc, path, new)
    if not path:
        return doc
    parent_path, last = path[:-1], path[-1]
    parent = doc
    for p in parent_path:
        parent = parent[p]
    if isinstance(parent, dict):
        smaller: Any = {k: v for k, v in parent.items() if k != last}
    else:
        smaller = [v for i, v in enumerate(parent) if i != last]
    return _replace(doc, parent_path, smaller)


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[type, Any]:
    """A valid document with one to three values replaced, deleted or added, and the class to load it as."""
    doc: Any = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = list(_paths(doc))
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            doc = _apply(doc, path, draw(json_values))
        elif action == "delete":
            doc = _apply(doc, path, _DELETE)
        else:
            target: Any = doc
            for p in path:
                target = target[p]
            if isinstance(target, dict):
                key = draw(st.sampled_from(["content", "value", "low", "high", "extra", "format", "type"]) | st.text())
                doc = _replace(doc, path, {**target, key: draw(json_values)})
            elif isinstance(target, list):
                doc = _replace(doc, path, [*target, draw(json_values)])
    cls = draw(st.sampled_from(list(TAGS)))
    if draw(st.booleans()) and isinstance(doc, dict) and doc.get("type") in TAGS.values():
        cls = next(c for c, tag in TAGS.items() if tag == doc["type"])
    return cls, doc


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if not isinstance(value, float) or value == value else "nan"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items() if v is not None) + "}"
    raise TypeError(value)  # pragma: no cover - only JSON values


def to_toml(doc: Any) -> str:
    """A TOML document for a plain-data dict (TOML has no null: ``None`` values are left out)."""
    if not isinstance(doc, dict):
        return f"value = {_toml_value(doc)}\n" if doc is not None else ""
    return "".join(f"{json.dumps(k)} = {_toml_value(v)}\n" for k, v in doc.items() if v is not None)


#: Pieces of the phrases reports write, for the parsers and the scanner.
FRAGMENTS = [
    "hơn ",
    "gần ",
    "khoảng ",
    "trên ",
    "hàng ",
    "trăm ",
    "nghìn ",
    "ngàn ",
    "triệu ",
    "tỷ ",
    "đồng",
    "đ",
    "VNĐ",
    " vụ",
    " lượt",
    " tin",
    " người",
    "1.000",
    "13.000",
    "1,2",
    "0,5",
    "03",
    "0",
    "12",
    "2022",
    "9999",
    "ngày ",
    "tháng ",
    "năm ",
    "quý ",
    "I",
    "IV",
    "/",
    "-",
    "6 tháng đầu năm ",
    "9 tháng ",
    "từ ",
    "đến ",
    "%",
    "(",
    ")",
    ",",
    ".",
    " ",
    "\xa0",
    "’",
    "Chiều 12/7",
    "644/707",
    "khởi tố 13 vụ/24 bị can",
]
phrases = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS) | st.from_regex(r"\A[0-9]{1,25}\Z"), max_size=12).map("".join),
    st.text(max_size=40),
)


# -- JSON and TOML ---------------------------------------------------------------------------


@fuzz(25)
@given(mutated_documents())
def test_json_reader_raises_only_file_format_errors(case: tuple[type, Any]) -> None:
    cls, doc = case
    text = json.dumps(doc, ensure_ascii=False)
    try:
        obj = ajson.loads(text, cls)
    except FileFormatError as exc:
        assert exc.problems and all(p.path.startswith("$") for p in exc.problems)
        assert "BÍ MẬT" not in str(exc) and all("BÍ MẬT" not in repr(p.value) for p in exc.problems)
        return
    assert isinstance(obj, cls)
    assert ajson.loads(ajson.dumps(obj, include_sensitive=True), cls) == obj  # what loads, saves and loads back


@fuzz(200)
@given(st.one_of(st.text(max_size=80), st.binary(max_size=80), st.sampled_from(DOCUMENTS).map(json.dumps)))
def test_json_reader_on_any_text_or_bytes(text: str | bytes) -> None:
    with contextlib.suppress(FileFormatError):
        ajson.loads(text, Figure)


@fuzz(200)
@given(mutated_documents())
def test_toml_reader_raises_only_file_format_errors(case: tuple[type, Any]) -> None:
    cls, doc = case
    text = to_toml(doc)
    for given_as in (text, text.encode("utf-8")):
        try:
            obj = atoml.loads(given_as, cls)
        except FileFormatError as exc:
            assert exc.problems and "BÍ MẬT" not in str(exc)
            assert all("BÍ MẬT" not in repr(p.value) for p in exc.problems)
        else:
            assert isinstance(obj, cls)


@fuzz(200)
@given(st.one_of(st.text(max_size=80), st.binary(max_size=80)))
def test_toml_reader_on_any_text_or_bytes(text: str | bytes) -> None:
    with contextlib.suppress(FileFormatError):
        atoml.loads(text, Quantity)


# -- CSV ----------------------------------------------------------------------------------------

CSV_COLUMNS = ["unit", "period", "indicator", "value", "qualifier", "low", "high", "unit_noun", "status", "reporter"]
csv_cells = st.one_of(
    st.sampled_from(["673", "672", "2022S1", "R2022S1", "outreach_reach", "gifts", "13000", "more_than", "lượt"]),
    st.sampled_from(["reported", "mentioned", "not_reported", "police", "", "'=1+1", "=1+1", "-5", "1e3", "1.5"]),
    st.from_regex(r"\A[0-9]{1,25}\Z"),
    st.text(max_size=10),
)


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    header = draw(st.lists(st.sampled_from(CSV_COLUMNS) | st.text(max_size=6), min_size=0, max_size=11))
    if draw(st.booleans()):
        header = draw(st.permutations([*CSV_COLUMNS, "note"]))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        width = len(header) + draw(st.integers(min_value=-1, max_value=1))
        writer.writerow(draw(st.lists(csv_cells, min_size=max(width, 0), max_size=max(width, 0))))
    return out.getvalue()


@fuzz(300)
@given(st.one_of(csv_texts(), st.text(max_size=80), st.binary(max_size=80)))
def test_csv_reader_raises_only_file_format_errors(text: str | bytes) -> None:
    try:
        fs = from_csv(text)
    except FileFormatError as exc:
        assert exc.problems
        return
    assert from_csv(to_csv(fs)) == fs


# -- workbooks ----------------------------------------------------------------------------------

openpyxl = pytest.importorskip("openpyxl")
from anninh_toandan.io.excel import META_SHEET, WorkbookError, make_workbook, read_workbook  # noqa: E402

_FORM = make_workbook(["24823", "24820"], H1, [OUTREACH_SESSIONS, OUTREACH_REACH], approximate=[OUTREACH_REACH])
cell_refs = st.builds(
    lambda col, row: f"{col}{row}",
    st.sampled_from(["A", "B", "C", "D", "E", "F", "Z", "AA", "XFD"]),
    st.sampled_from([1, 2, 3, 4, 5, 10, 100, 2000, 100_000]),
)
cell_values = st.one_of(
    st.none(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),  # what a worksheet can hold
    st.sampled_from(["hơn 1.200", "=1+1", "=A1", "hàng", "2022S1", "format", "column", "unit", "period", "vụ"]),
    st.dates(),
    st.booleans(),
)


def _edit(data: bytes, edits: list[tuple[str, str, object]]) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for sheet, ref, value in edits:
        wb[sheet][ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _read(data: bytes) -> None:
    try:
        result = read_workbook(data)
    except WorkbookError as exc:  # RejectedCellsError is one
        assert exc.problems
        return
    assert result.figures is not None


@fuzz(25)
@given(st.lists(st.tuples(st.sampled_from(["Số liệu", META_SHEET]), cell_refs, cell_values), min_size=1, max_size=4))
def test_workbook_reader_on_edited_forms(edits: list[tuple[str, str, object]]) -> None:
    _read(_edit(_FORM, edits))


@fuzz(100)
@given(st.data())
def test_workbook_reader_on_damaged_bytes(data: st.DataObject) -> None:
    damaged = bytearray(_FORM)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1))
        damaged[at] = data.draw(st.integers(min_value=0, max_value=255))
    if data.draw(st.booleans()):
        del damaged[data.draw(st.integers(min_value=0, max_value=len(damaged))) :]
    _read(bytes(damaged))


@fuzz(50)
@given(st.binary(max_size=200))
def test_workbook_reader_on_any_bytes(data: bytes) -> None:
    _read(data)


# -- parsers and the scanner --------------------------------------------------------------------


@fuzz(300)
@given(phrases)
def test_quantity_and_money_parsers_raise_only_parse_errors(text: str) -> None:
    assume(not any(len(run) > 25 for run in "".join(c if c.isdigit() else " " for c in text).split()))
    for parse in (parse_quantity, parse_money):
        try:
            q = parse(text)
        except ParseError as exc:
            assert exc.text == text and 0 <= exc.position <= len(text)
            continue
        assert isinstance(q, Quantity)
        format_quantity(q)  # what is read can be written


@fuzz(300)
@given(phrases)
def test_date_and_period_parsers_raise_only_parse_errors(text: str) -> None:
    for parse in (parse_date, parse_period):
        try:
            parse(text)
        except ParseError as exc:
            assert exc.text == text and 0 <= exc.position <= len(text)


@pytest.mark.parametrize("parse", [parse_quantity, parse_money, parse_date, parse_period])
@pytest.mark.parametrize("value", [None, 5, b"5 v\xe1\xbb\xa5", ["5 vụ"]])
def test_parsers_refuse_what_is_not_text(parse: Callable[[Any], object], value: object) -> None:
    with pytest.raises(ValidationTypeError):
        parse(value)


@fuzz(200)
@given(phrases, st.none() | st.integers(min_value=1900, max_value=2200))
def test_scan_raises_nothing_on_any_text(text: str, year: int | None) -> None:
    found = scan(text, year=year)
    format_table(found)
    json.loads(to_json(found))
    assert len(as_dicts(found)) == len(found)
    with contextlib.suppress(ScanError):
        draft_figures(text, unit="673", year=year)


# -- the command line -----------------------------------------------------------------------------

_REVIEW = ajson.dumps(bao_loc_2022_h1())
ARGUMENTS = [
    "report",
    "validate",
    "demo",
    "scan",
    "--format",
    "text",
    "md",
    "html",
    "docx",
    "pdf",
    "--locale",
    "vi",
    "en",
    "fr",
    "--out",
    "out",
    "out/x.md",
    "--template",
    "t.j2",
    "evil.j2",
    "--compare",
    "--findings",
    "--json",
    "review.json",
    "review.toml",
    "bad.json",
    "deep.json",
    "figures.json",
    "article.txt",
    "latin1.txt",
    "missing.json",
    "folder",
    "-",
    "--",
]


@contextlib.contextmanager
def _workspace() -> Iterator[Path]:
    """A scratch folder, the current one while the command runs, with the files ARGUMENTS name."""
    before = Path.cwd()
    with tempfile.TemporaryDirectory() as name:
        here = Path(name)
        (here / "review.json").write_text(_REVIEW, "utf-8")
        (here / "review.toml").write_text(to_toml(json.loads(_REVIEW)), "utf-8")
        (here / "bad.json").write_text('{"format": 1, "type": "review"}', "utf-8")
        (here / "deep.json").write_text("[" * DEEP + "]" * DEEP, "utf-8")
        (here / "figures.json").write_text(ajson.dumps(bao_loc_2022_h1().figures), "utf-8")
        (here / "article.txt").write_text("Năm 2022 tiếp nhận 274 tin, khởi tố 5 vụ.", "utf-8")
        (here / "latin1.txt").write_bytes("Tiếp nhận 274 tin".encode() + b"\xff")
        (here / "t.j2").write_text("{{ report.heading.title }}", "utf-8")
        (here / "evil.j2").write_text("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "utf-8")
        (here / "folder").mkdir()
        os.chdir(here)
        try:
            yield here
        finally:
            os.chdir(before)


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(argv, stdout=out, stderr=err)
    return code, err.getvalue()


def _one_paragraph(code: int, err: str) -> None:
    """No traceback; a failure ends stderr with one paragraph that names the command.

    What a command wrote before it failed (a report's checklist, the files it wrote) may stand above it.
    """
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:
        start = err.rfind("anninh-toandan: ")
        assert start != -1 and (start == 0 or err[start - 1] == "\n")
        assert "\n\n" not in err[start:].strip()


@fuzz(60)
@given(st.lists(st.sampled_from(ARGUMENTS) | st.text(max_size=8).filter(lambda s: "\x00" not in s), max_size=6))
def test_command_line_arguments_never_give_a_traceback(argv: list[str]) -> None:
    assume("--help" not in argv and "-h" not in argv)
    with _workspace():
        code, err = _run(argv)
    _one_paragraph(code, err)


@fuzz(60)
@given(
    st.one_of(
        mutated_documents().map(lambda c: json.dumps(c[1], ensure_ascii=False).encode("utf-8")),
        st.binary(max_size=60),
        st.text(max_size=60).map(lambda t: t.encode("utf-8")),
    ),
    st.sampled_from([".json", ".toml", ""]),
    st.sampled_from(["validate", "report"]),
)
def test_command_line_input_files_never_give_a_traceback(content: bytes, suffix: str, command: str) -> None:
    with _workspace() as here:
        path = here / f"input{suffix}"
        path.write_bytes(content)
        argv = [command, str(path)] + (["--out", str(here / "out.md")] if command == "report" else [])
        code, err = _run(argv)
    _one_paragraph(code, err)


# -- the defects found, kept as regression cases -------------------------------------------------


def _huge_int_json(digits: int) -> str:
    return '{"format": 1, "type": "quantity", "value": ' + "1" * digits + ', "unit": "vụ"}'


@pytest.mark.parametrize(
    ("read", "message"),
    [
        (lambda: ajson.loads("[" * DEEP + "]" * DEEP, Quantity), "nested less deeply"),
        (lambda: ajson.loads('{"a": ' * DEEP + "1" + "}" * DEEP, Quantity), "nested less deeply"),
        (lambda: ajson.loads(_huge_int_json(5000), Quantity), "at most 21 digits"),
        (lambda: ajson.loads(_huge_int_json(400), Quantity), r"\$\.value: must have at most 21 digits"),
        (lambda: ajson.loads(_huge_int_json(22), Quantity), r"\$\.value: must have at most 21 digits"),
        (lambda: atoml.loads('format = 1\ntype = "quantity"\nunit = "vụ"\nvalue = ' + "1" * 5000, Quantity), "21"),
        (lambda: atoml.loads("x = " + "[" * DEEP + "]" * DEEP, Quantity), "nested less deeply"),
        (lambda: atoml.loads("x = " + "{a = " * 5000 + "1" + "}" * 5000, Quantity), "nested less deeply"),
        (lambda: atoml.loads(b"\xff", Quantity), "UTF-8"),
        (lambda: ajson.loads('{"format": 1.0, "type": "quantity", "value": 5, "unit": "tin"}', Quantity), "1.0"),
        (lambda: ajson.loads('{"format": true, "type": "quantity", "value": 5, "unit": "tin"}', Quantity), "True"),
        (lambda: atoml.loads('format = 1.0\ntype = "quantity"\nvalue = 5\nunit = "tin"', Quantity), "1.0"),
    ],
)
def test_regression_readers_raise_file_format_errors(read: Callable[[], object], message: str) -> None:
    with pytest.raises(FileFormatError, match=message):
        read()


def test_regression_toml_reads_bytes() -> None:
    assert atoml.loads(b'format = 1\ntype = "quantity"\nvalue = 3\nunit = "v\xe1\xbb\xa5"', Quantity) == Quantity.exact(
        3, "vụ"
    )
    with pytest.raises(ValidationTypeError, match="'text' must be a str or bytes"):
        atoml.loads(3, Quantity)  # type: ignore[arg-type]


def test_regression_json_with_21_digits_loads() -> None:
    assert ajson.loads(_huge_int_json(21), Quantity).value == int("1" * 21)


@pytest.mark.parametrize("content", [["BÍ MẬT: sòng bạc ở tổ 5"], 5, {"x": "BÍ MẬT"}, "   "])
def test_regression_tip_content_never_in_an_error(content: object) -> None:
    doc = {"format": 1, "type": "tip", "received_on": "2022-03-02", "unit": "672", "content": content}
    with pytest.raises(FileFormatError) as info:
        ajson.loads(json.dumps(doc), Tip)
    (problem,) = info.value.problems
    assert problem.path == "$.content" and problem.value is None
    assert "not shown: tip content is sensitive" in problem.message
    assert "BÍ MẬT" not in str(info.value) and "BÍ MẬT" not in repr(problem)


def test_regression_tip_fields_that_do_not_exist_keep_their_values_out() -> None:
    doc = {"format": 1, "type": "tip", "received_on": "2022-03-02", "unit": "672", "noi_dung": "BÍ MẬT"}
    with pytest.raises(FileFormatError) as info:
        ajson.loads(json.dumps(doc), Tip)
    (problem,) = info.value.problems
    assert problem.path == "$.noi_dung" and problem.value is None and "BÍ MẬT" not in str(info.value)
    bad_date = {**doc, "received_on": "2022-02-30", "content": "BÍ MẬT"}
    del bad_date["noi_dung"]
    with pytest.raises(FileFormatError, match=r"\$\.received_on: must be a real date, got '2022-02-30'") as info:
        ajson.loads(json.dumps(bad_date), Tip)
    assert "BÍ MẬT" not in str(info.value)


def test_regression_a_tip_file_loaded_as_a_review_does_not_show_its_content() -> None:
    """Found by the fuzzer: the unknown field ``content`` carried the tip's text as its problem's value."""
    doc = {"format": 1, "type": "tip", "received_on": "2022-01-01", "unit": "672", "content": "BÍ MẬT: sòng bạc"}
    for cls in (Review, FigureSet, Quantity):
        with pytest.raises(FileFormatError) as info:
            ajson.loads(json.dumps(doc), cls)
        assert all("BÍ MẬT" not in repr(p) for p in info.value.problems)
        assert any(p.path == "$.content" for p in info.value.problems)


@pytest.mark.parametrize("content", [["BÍ MẬT"], 5, "  "])
def test_regression_tip_content_never_in_a_constructor_error(content: object) -> None:
    with pytest.raises(AnninhError) as info:
        Tip(received_on=H1.start, unit="672", content=content)  # type: ignore[arg-type]
    assert "BÍ MẬT" not in str(info.value) and repr(content) not in str(info.value)


@pytest.mark.parametrize("far", ["XFD2000", "Z100000", "XFD1048576"])
def test_regression_one_far_cell_in_meta(far: str) -> None:
    """One cell far away in the hidden sheet is named, not iterated to: no minutes, no MemoryError."""
    with pytest.raises(WorkbookError) as info:
        read_workbook(_edit(_FORM, [(META_SHEET, far, "x")]))
    (problem,) = info.value.problems
    column = far.rstrip("0123456789")
    assert problem.path == f"sheet '_meta', row {far[len(column) :]}"
    assert f"{column}: 'x'" in problem.message


def _version_needed(data: bytes, version: int) -> bytes:
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    out[at + 6 : at + 8] = struct.pack("<H", version)
    return bytes(out)


def test_regression_zip_version_needed() -> None:
    with pytest.raises(WorkbookError, match=r"cannot be read \(zip file version 10\.3\)"):
        read_workbook(_version_needed(_FORM, 103))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", b"[" * DEEP + b"]" * DEEP),
        ("digits.json", _huge_int_json(5000).encode()),
        ("digits.toml", b'format = 1\ntype = "review"\nx = ' + b"1" * 5000),
        ("deep.toml", b"x = " + b"[" * DEEP + b"]" * DEEP),
        ("format.json", b'{"format": 1.0, "type": "review"}'),
    ],
)
def test_regression_validate_prints_one_paragraph_and_exits_2(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "anninh_toandan", "validate", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    _one_paragraph(done.returncode, done.stderr)
    assert name in done.stderr


def test_regression_over_long_number_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_quantity("1" * 5000 + " vụ")


def test_regression_compare_with_a_deeply_nested_file() -> None:
    with _workspace():
        code, err = _run(["report", "review.json", "--compare", "deep.json"])
    _one_paragraph(code, err)


def test_regression_scan_a_file_that_is_not_utf8() -> None:
    with _workspace():
        code, err = _run(["scan", "latin1.txt"])
    _one_paragraph(code, err)


def test_fuzz_documents_cover_every_kind() -> None:
    """The seeds of the document fuzzers are valid and span the file formats' kinds."""
    kinds = {d["type"] for d in DOCUMENTS}
    assert {"review", "figure_set", "figure", "quantity", "tip", "programme"} <= kinds
    for doc in DOCUMENTS:
        cls = next(c for c, tag in TAGS.items() if tag == doc["type"])
        assert isinstance(ajson.loads(json.dumps(doc), cls), cls)
        assert isinstance(atoml.loads(to_toml(doc), cls), cls)
    assert FigureSet(ajson.loads(json.dumps(DOCUMENTS[1]), FigureSet))
    assert STANDARD_INDICATORS["outreach_reach"] == OUTREACH_REACH
