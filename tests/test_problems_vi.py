"""The problems of files in Vietnamese: every message the readers make, and the command's paragraph."""

from __future__ import annotations

import ast
import copy
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from anninh_toandan._problems_vi import _MESSAGE_TABLE, error_vi, file_error_vi, message_vi, place_vi, problem_vi
from anninh_toandan.cli import main
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import FigureSet
from anninh_toandan.io import FileFormatError, Problem, dumps
from anninh_toandan.io import json as io_json
from anninh_toandan.io import toml as io_toml
from anninh_toandan.io.csv import from_csv
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.review import Review
from anninh_toandan.tip import Tip

IO = Path(__file__).resolve().parents[1] / "src" / "anninh_toandan" / "io"

#: Words that give away English left in a Vietnamese line (values, codes and JSON paths aside).
ENGLISH = re.compile(
    r"\b(must|got|is required|missing|line|column|row|sheet|cell|field|should|cannot|not a|"
    r"expecting|expected|invalid|unexpected|problems?)\b",
    re.IGNORECASE,
)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def problems(read: Callable[[], object]) -> list[Problem]:
    with pytest.raises(FileFormatError) as caught:
        read()
    return list(caught.value.problems)


# -- bad files, one or more for each message of the readers --------------------------------------

HEADER = "unit,period,indicator,value,qualifier,low,high,unit_noun,status,reporter,note\n"


def csv(*rows: str, header: str = HEADER, **kw: Any) -> Callable[[], object]:
    return lambda: from_csv(header + "".join(r + "\n" for r in rows), **kw)


CSV_CASES: list[Callable[[], object]] = [
    lambda: from_csv(""),
    lambda: from_csv("unit,period,indicator,colour\n"),
    lambda: from_csv("unit,period,indicator,unit\n"),
    lambda: from_csv(b"unit,period\xff\n"),
    csv('673,"2022S1"x,gifts,1,,,,,,,'),
    csv('673,2022S1,gifts,1,,,,,,,"open'),
    csv("673,2022S1,gifts"),
    csv(",2022S1,gifts,1,,,,,,,", "  ,2022S1,gifts,1,,,,,,,"),
    csv("673,2022S1,gifts,1.5,,,,,,,", "673,2022X,gifts,1,,,,,,,", "673,2022S1,nothing,1,,,,,,,"),
    csv("673,2022S1,gifts,1,bogus,,,,,,", "673,2022S1,tips_received,2,,,,,mentioned,,"),
    csv("673,2022S1,gifts,1,,,,,,,", "673,2022S1,gifts,2,,,,,,,"),
    csv("673,2022S1,gifts,,,,,,reported,,"),
    csv("673,2022S1,gifts,150,order_of,,,,,,", "673,2022S1,tips_received,5,more_than,7,,,,,"),
    csv("673,2022S1,tips_received,5,,,,đồng,,,", "673,2022S1,fund_contributions,5,,,,tin,,,"),
    csv("673,2022S1,tips_received,5,exact,3,9,,,,"),
    csv("zzz-no-such-unit,2022S1,gifts,1,,,,,,,", hierarchy=Hierarchy.bundled()),
]


def review_doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(dumps(bao_loc_2022_h1()))
    return doc


def changed(edit: Callable[[dict[str, Any]], object], cls: type = Review) -> Callable[[], object]:
    def read() -> object:
        doc = copy.deepcopy(review_doc())
        edit(doc)
        return io_json.loads(json.dumps(doc), cls)

    return read


def figure_set(*figures: dict[str, Any], **envelope: Any) -> Callable[[], object]:
    doc = {"format": 2, "type": "figure_set", "figures": list(figures), **envelope}
    return lambda: io_json.loads(json.dumps(doc), FigureSet)


GIFT = {
    "indicator": "gifts",
    "unit": "673",
    "period": "2022S1",
    "status": "reported",
    "value": {"value": 3, "unit": "suất"},
}


def with_(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**base, **changes}


def tip(**fields: Any) -> Callable[[], object]:
    doc = {"format": 2, "type": "tip", "received_on": "2022-03-09", "unit": "672", **fields}
    return lambda: io_json.loads(json.dumps(doc), Tip)


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _delete(*keys: str) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        for key in keys:
            del doc[key]

    return edit


JSON_CASES: list[Callable[[], object]] = [
    lambda: io_json.loads("[1, 2]", Review),
    lambda: io_json.loads('{"a": 1, "a": 2}', Review),
    lambda: io_json.loads('{"a": NaN}', Review),
    lambda: io_json.loads("[" * 100_000, Review),
    lambda: io_json.loads("1" * 5000, Review),
    lambda: io_json.loads(b'{"a": "\xff"}', Review),
    *(lambda t=t: io_json.loads(t, Review) for t in ("", "{", '{"a" 1}', "[1 2]", '"abc', '"\\x"', "1 2", '"\t"')),
    changed(_delete("format", "type")),
    changed(_set(("format",), 9)),
    changed(_set(("type",), "figure_set")),
    changed(_set(("indicators",), 5)),
    changed(lambda d: d["indicators"].append(dict(d["indicators"][0], name_vi="Khác"))),
    changed(_set(("unit",), 5)),
    changed(_set(("unit",), " ")),
    changed(_set(("held_on",), "12/7/2022")),
    changed(_set(("held_on",), "2022-02-30")),
    changed(_set(("period",), 2022)),
    changed(_set(("period",), "2022X")),
    changed(_set(("kind",), "bogus")),
    changed(_set(("bogus",), 1)),
    changed(_set(("results",), "text")),
    changed(_set(("results", 0), {"en": "x", "bogus": 1})),
    changed(_set(("figures", 0, "value", "value"), "5")),
    changed(_set(("figures", 0, "value", "value"), -5)),
    changed(_set(("figures", 0, "value", "value"), 10**25)),
    changed(_set(("figures", 0, "value", "bogus"), 1)),
    changed(_set(("figures", 0, "value"), {"unit": "buổi"})),
    changed(_set(("figures", 0, "indicator"), 7)),
    changed(_set(("figures", 0, "indicator"), "no_such_indicator")),
    changed(_set(("figures", 0, "value"), {"value": 150, "unit": "buổi", "qualifier": "order_of"})),
    changed(_set(("figures", 0, "value"), {"value": 5, "unit": "buổi", "qualifier": "more_than", "low": 3})),
    changed(_set(("figures", 0, "status"), "not_reported")),
    changed(_set(("activities", 0, "period"), None)),
    figure_set(GIFT, with_(GIFT, value={"value": 4, "unit": "suất"})),
    figure_set(with_(GIFT, value={"value": 4, "unit": "đồng"})),
    figure_set(with_(GIFT, unit=["673"])),
    figure_set(GIFT, source="x"),
    tip(valuable="yes", content=5, secret="x"),
    tip(content=""),
]

TOML_CASES: list[Callable[[], object]] = [
    *(
        lambda t=t: io_toml.loads(t, Review)
        for t in (
            "a = ",
            "a = 1\na = 2",
            "a = [1, 2",
            "[a\nb = 1",
            'a = "x',
            "a = { b = 1",
            "a b",
            "a = 1 b",
            "a = 1979-13-01",
            "= 1",
            "'x'''",
        )
    ),
    lambda: io_toml.loads("a = " + "[" * 5000, Review),
    lambda: io_toml.loads("a = " + "1" * 5000, Review),
    lambda: io_toml.loads(b"a = '\xff'", Review),
    lambda: io_toml.loads('format = 2\ntype = "review"\nunit = 5\n', Review),
]


def frames_cases() -> list[Callable[[], object]]:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    from anninh_toandan.io.frames import from_arrow, from_frame, read_parquet

    floats = pd.DataFrame({"unit": ["673"], "period": ["2022S1"], "indicator": ["gifts"], "value": [1.5]})
    ints = pd.DataFrame({"unit": [673], "period": ["2022S1"], "indicator": ["gifts"], "value": [1]})
    columns = pd.DataFrame({"unit": ["673"], "period": ["2022S1"], 5: ["gifts"]})

    def parquet() -> object:
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".parquet") as f:
            f.write(b"not parquet")
            f.flush()
            return read_parquet(f.name)

    return [
        lambda: from_frame(floats),
        lambda: from_frame(ints),
        lambda: from_frame(columns),
        lambda: from_frame([1]),
        lambda: from_arrow([1]),
        parquet,
    ]


# -- workbooks -------------------------------------------------------------------------------------


def form(units: tuple[str, ...] = ("24823", "24820")) -> bytes:
    pytest.importorskip("openpyxl")
    from anninh_toandan.io.excel import make_workbook
    from anninh_toandan.period import Period

    return make_workbook(list(units), Period.half_year(2022, 1), ["outreach_sessions", "tips_received"])


def edited(edit: Callable[[Any], None]) -> bytes:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(form()))
    edit(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def zipped(members: dict[str, bytes], *, compress: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _meta(row: int, *values: object) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        for col, value in enumerate(values, start=1):
            wb["_meta"].cell(row=row, column=col, value=value)

    return edit


def _data(*cells: tuple[int, int, object]) -> Callable[[Any], None]:
    def edit(wb: Any) -> None:
        for row, col, value in cells:
            wb["Số liệu"].cell(row=row, column=col, value=value)

    return edit


def workbook_cases() -> list[Callable[[], object]]:
    pytest.importorskip("openpyxl")
    from anninh_toandan.io.excel import read_workbook

    def renamed(wb: Any) -> None:
        wb["Số liệu"].title = "Sheet1"

    def merged(wb: Any) -> None:
        wb["Số liệu"].merge_cells("C3:D3")

    def deleted_row(wb: Any) -> None:
        wb["Số liệu"].delete_rows(4)

    sources: list[Callable[[], bytes]] = [
        lambda: b"not a zip at all",
        lambda: zipped({"a.txt": b"x"}),
        lambda: zipped({f"m{i}": b"" for i in range(1001)}),
        lambda: zipped({"big": b"\0" * (2 * 1024 * 1024)}, compress=True),
        lambda: zipped({"xl/workbook.xml": b"<not xml"}),
        lambda: edited(renamed),
        lambda: edited(_meta(1, "format", "other", 9)),
        lambda: edited(_meta(2, "period", "2022X")),
        lambda: edited(_meta(3, "column", "Z", "outreach_sessions", "value", "x")),
        lambda: edited(_meta(4, "column", "D", "no_such_indicator", "qualifier", "x")),
        lambda: edited(_meta(20, "bogus", "line")),
        lambda: edited(_meta(21, "unit", 5, None)),
        lambda: edited(lambda wb: wb["_meta"].delete_rows(1, 100)),
        lambda: edited(_meta(1, "nothing")),
        lambda: edited(lambda wb: wb["_meta"].delete_rows(3, 30)),
        lambda: edited(_data((2, 3, "Moved"), (3, 30, "x"))),
        lambda: edited(merged),
        lambda: edited(_data((9, 3, "5"))),
        lambda: edited(_data((3, 1, "99999"))),
        lambda: edited(_data((4, 1, "24823"))),
        lambda: edited(_data((3, 2, "Another name"))),
        lambda: edited(deleted_row),
    ]
    cases: list[Callable[[], object]] = [lambda s=s: read_workbook(s()) for s in sources]  # type: ignore[misc]
    cases.append(lambda: read_workbook(form(), max_size=10))
    cases.append(lambda: read_workbook(form(("no-such-unit",)), hierarchy=Hierarchy.bundled()))
    return cases


#: Messages no bad file here makes, each as its code writes it: a zip needing a feature Python lacks, a fixed-length
#: list (no field of the model has one today), what the command adds to a period's problem, and rules of the
#: model that the readers pass on (the model's messages, not the readers': the table knows the common ones).
LITERAL = [
    "must be a zip archive Excel writes; this one uses a feature that cannot be read (compression type 99)",
    "must be a list of 2 items, got list [1]",
    "must be valid CSV: field larger than field limit (131072)",
    "must be valid JSON: 'utf-16-le' codec can't decode bytes in position 2-3: illegal UTF-16 surrogate",
    "must be a period id such as '202207', '2022Q1', '2022S1', '2022', got '2022-01-01/2022-06-30' "
    "('id' must be canonical: '2022-01-01/2022-06-30' is the period '2022S1')",
    "'low' must be >= 0 (got -1)",
    "'high' must be >= low (5) (got 3)",
    "'value' must be a Quantity for a reported figure (got None of type NoneType)",
    "a record needs 'on' (a date) or 'period' (got on=Date(2022, 1, 1) and period=Period.parse('2022'))",
    "'amount' must be an amount in đồng (got Quantity.exact(5, 'tin'))",
    "'code' must be lower-case letters, digits and '_', in dot-separated parts starting with a letter, such as "
    "'tips_valuable' or 'online_posts.zalo' (got 'Tips')",
    "'channels[0]' must be a channel code of lower-case letters, digits and '_' (got 'Zalo')",
]


def every_problem() -> list[Problem]:
    found: list[Problem] = []
    for case in [*CSV_CASES, *JSON_CASES, *TOML_CASES, *frames_cases(), *workbook_cases()]:
        found += problems(case)
    return found


@pytest.fixture(scope="module")
def made() -> list[Problem]:
    return every_problem()


def test_every_message_the_readers_make_is_translated(made: list[Problem]) -> None:
    unknown = sorted({p.message for p in made if message_vi(p.message) is None})
    assert unknown == []
    places = sorted({p.path for p in made if place_vi(p.path) is None})
    assert places == []
    for p in made:
        _, text = problem_vi(p.path, p.message)
        if p.message.startswith(LIBRARY_WORDS):  # the words of openpyxl or Arrow, in brackets, stay theirs
            text = text[: text.index("(")]
        stripped = re.sub(r"'[^']*'|\"[^\"]*\"|\[.*\]|\{.*\}|\$\S*", "", text)
        assert not ENGLISH.search(stripped), (p.message, text)


#: Messages that end with another library's own words, in brackets (kept as that library wrote them).
LIBRARY_WORDS = ("must be a Parquet file", "must be a readable .xlsx workbook", "must be a zip archive Excel writes")


def test_every_template_of_the_table_is_met(made: list[Problem]) -> None:
    """Each pattern matches a message a bad file made, or one of the few written out in LITERAL."""
    messages = [p.message for p in made] + LITERAL
    unmet = [pattern.pattern for pattern, _ in _MESSAGE_TABLE if not any(pattern.fullmatch(m) for m in messages)]
    assert unmet == []


def _heads() -> set[str]:
    """The literal start of every English message in the io modules (``must ...``, ``is ...``), read from
    the source; the reasons of rejected workbook cells are left out, as each carries its Vietnamese."""
    heads: set[str] = set()
    for path in IO.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_Reject":
                skip |= {id(n) for n in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            first: object = None
            if isinstance(node, ast.Constant):
                first = node.value
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                first = node.values[0].value
                skip |= {id(n) for n in node.values}
            if isinstance(first, str) and re.match(r"(must|is) ", first) and "\n" not in first:
                heads.add(first)
    return heads


def test_the_walk_of_the_source_finds_each_message_made(made: list[Problem]) -> None:
    """Every message the io modules' source can start is met by a bad file here (or in LITERAL): a new
    message in io/ fails this test until the table and this file know it."""
    heads = _heads()
    assert len(heads) > 50
    messages = [p.message for p in made] + LITERAL
    unmet = sorted(h for h in heads if not any(m.startswith(h) for m in messages))
    assert unmet == []


def test_rejected_cells_carry_their_vietnamese() -> None:
    pytest.importorskip("openpyxl")
    from anninh_toandan.io.excel import RejectedCellsError, read_workbook

    data = edited(_data((3, 3, "1,5"), (3, 4, "gần"), (4, 3, "-2"), (4, 5, "=1+2")))
    with pytest.raises(RejectedCellsError) as caught:
        read_workbook(data)
    text = file_error_vi(caught.value)
    assert text.startswith("tệp: 3 ô bị từ chối:")
    assert "phải là số nguyên" in text and "Buổi tuyên truyền" in text
    assert not ENGLISH.search(re.sub(r"“[^”]*”", "", text))


# -- the table's own rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "place"),
    [
        ("line 3, column 'value'", "dòng 3, cột 'value'"),
        ("line 7", "dòng 7"),
        ("row 0, column 'unit'", "dòng 0, cột 'unit'"),
        ("column 5", None),
        ("column '5'", "cột '5'"),
        ("byte 0", "byte 0"),
        ("sheet 'Số liệu', row 7, column C", "trang tính 'Số liệu', ô C7"),
        ("sheet 'Số liệu', row 2", "trang tính 'Số liệu', dòng 2"),
        ("sheet '_meta'", "trang tính '_meta'"),
        ("$.figures[0].value", "$.figures[0].value"),
        ("somewhere", None),
    ],
)
def test_places(path: str, place: str | None) -> None:
    assert place_vi(path) == place


def test_values_stay_as_they_are_and_unknown_messages_stay_english() -> None:
    assert message_vi("must be one of 'exact', 'more_than', got 'hơn'") == (
        "phải là một trong các giá trị 'exact', 'more_than', trong tệp là 'hơn'"
    )
    assert message_vi("must be a string, got dict {'a': 1}") == (
        "phải là một chuỗi văn bản, trong tệp là một đối tượng {'a': 1}"
    )
    assert message_vi("must be valid JSON: Something new at line 1, column 1") is None  # never half-translated
    assert message_vi("must be valid TOML: Something new (at line 1, column 1)") is None
    assert problem_vi("here", "something new") == ("here", "something new")
    # a tip's content is never shown, in Vietnamese either
    hidden = message_vi("must be non-blank text, got a int (not shown: tip content is sensitive)")
    assert hidden == (
        "phải là văn bản không để trống, trong tệp là một giá trị kiểu int "
        "(không hiển thị: nội dung tin báo là thông tin nhạy cảm)"
    )
    assert message_vi("must be a string") == "phải là một chuỗi văn bản"  # a tip's content, cut at ", got"


def test_numbers_as_the_conventions_write_them() -> None:
    text = message_vi(
        "must unpack to at most 67108864 bytes (max_size), got 100000000 bytes from a 2048-byte file: "
        "refused as a possible zip bomb"
    )
    assert text is not None and "67.108.864 byte" in text and "100.000.000 byte" in text and "2.048 byte" in text
    assert place_vi("line 1234") == "dòng 1234"  # a line number is a position, not an amount


def test_period_explanations(tmp_path: Path) -> None:
    assert message_vi(
        "must be a period id such as '202207', '2022Q1', '2022S1', '2022', got '2022S3' "
        "('half' must be between 1 and 2 (got 3))"
    ) == ("phải là mã kỳ báo cáo, ví dụ '202207', '2022Q1', '2022S1', '2022', trong tệp là '2022S3' "
          "(kỳ 6 tháng (S) phải từ 1 đến 2 (đã nhập 3))")  # fmt: skip
    assert message_vi("must be a period id such as '2022', got '2022S3' (something new)") is None


def test_store_errors() -> None:
    from anninh_toandan.store import StoreError

    exc = StoreError(
        "'/x/a.csv' is not a figure store: the file is not a DuckDB database (a CSV, a workbook, another file?)"
    )
    assert error_vi(exc).startswith("'/x/a.csv' không phải kho số liệu: tệp không phải cơ sở dữ liệu DuckDB")
    wrapped = "w.json: figures[3] (indicator 'x', unit '1', period '2022'): a second figure for the same indicator, " \
        "unit and period as figures[0] (nothing of this batch was stored)"  # fmt: skip
    assert error_vi(StoreError(wrapped)) == (
        "w.json: figures[3] (chỉ tiêu 'x', đơn vị '1', kỳ '2022'): số liệu thứ hai cùng chỉ tiêu, đơn vị và kỳ "
        "với figures[0] (chưa lưu số liệu nào của lô này)"
    )
    assert error_vi(StoreError("something new: else")) == "something new: else"


def test_a_period_option_in_vietnamese(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    store = str(tmp_path / "s.duckdb")
    code, _, err = run("validate", "--store", store, "--unit", "1", "--period", "2022S3")
    assert code == 2 and err == "anninh-toandan: --period 2022S3: kỳ 6 tháng (S) phải từ 1 đến 2 (đã nhập 3)\n"
    code, _, err = run("validate", "--store", store, "--unit", "1", "--period", "2022S3", "--locale", "en")
    assert code == 2 and "'half' must be between 1 and 2 (got 3)" in err


# -- the command ------------------------------------------------------------------------------------


def _paragraph_ok(err: str) -> str:
    assert err.startswith("anninh-toandan: ") and "Traceback" not in err and "\n\n" not in err
    return err


def test_command_csv_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    store = str(tmp_path / "s.duckdb")
    pytest.importorskip("duckdb")
    code, _, err = run("import", str(path), "--store", store)
    assert code == 2 and _paragraph_ok(err) == (
        f"anninh-toandan: {path}: tệp có 3 lỗi:\n"
        "  dòng 1, cột 'unit': bắt buộc phải có nhưng còn thiếu\n"
        "  dòng 1, cột 'period': bắt buộc phải có nhưng còn thiếu\n"
        "  dòng 1, cột 'indicator': bắt buộc phải có nhưng còn thiếu\n"
    )
    code, _, err = run("import", str(path), "--store", store, "--locale", "en")
    assert code == 2 and "line 1, column 'unit': is required but missing" in err
    path.write_text(HEADER + "673,2022S1,gifts,1.5,,,,,,,\n", "utf-8")
    code, _, err = run("import", str(path), "--store", store)
    assert code == 2 and "dòng 2, cột 'value': phải là số nguyên không âm, trong tệp là '1.5'" in err


def test_command_json_and_toml_in_both_languages(tmp_path: Path) -> None:
    doc = review_doc()
    doc["unit"] = 5
    doc["period"] = "2022-01-01/2022-06-30"
    doc["figures"][0]["value"]["value"] = -5
    path = tmp_path / "review.json"
    path.write_text(json.dumps(doc), "utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2
    lines = _paragraph_ok(err).splitlines()
    assert lines[0] == f"anninh-toandan: {path}: tệp có 3 lỗi:"
    assert "  $.unit: phải là một chuỗi văn bản, trong tệp là 5" in lines
    assert "  $.figures[0].value.value: không được là số âm, trong tệp là -5" in lines
    assert any("mã kỳ phải viết theo dạng chuẩn: '2022-01-01/2022-06-30' chính là kỳ '2022S1'" in x for x in lines)
    for line in lines[1:]:
        assert not ENGLISH.search(re.sub(r"'[^']*'|\$\S*", "", line)), line
    code, _, err = run("validate", str(path), "--locale", "en")
    assert code == 2 and "3 problems in" in err and "$.unit: must be a string, got 5" in err
    toml = tmp_path / "review.toml"
    toml.write_text('format = 2\ntype = "review"\nunit = \n', "utf-8")
    code, _, err = run("report", str(toml))
    assert code == 2 and _paragraph_ok(err) == (
        f"anninh-toandan: {toml}: tệp có 1 lỗi:\n  $: phải là TOML hợp lệ: giá trị không hợp lệ (ở dòng 3, cột 8)\n"
    )
    code, _, err = run("report", str(toml), "--locale", "en")
    assert code == 2 and "must be valid TOML: Invalid value (at line 3, column 8)" in err
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 2,', "utf-8")
    code, _, err = run("report", str(broken))
    assert code == 2 and "$: phải là JSON hợp lệ: thiếu tên trường đặt trong dấu ngoặc kép ở dòng 1, cột 14" in err


def test_command_workbook_in_both_languages(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    path = tmp_path / "form.xlsx"
    path.write_bytes(edited(_data((3, 1, "99999"))))
    store = str(tmp_path / "s.duckdb")
    code, _, err = run("import", str(path), "--store", store)
    assert code == 2 and _paragraph_ok(err) == (
        f"anninh-toandan: {path}: tệp có 2 lỗi:\n"
        "  trang tính 'Số liệu', ô A3: phải là một trong các mã đơn vị của biểu mẫu (không được thêm dòng hay đổi "
        "mã đơn vị), trong tệp là '99999'\n"
        "  trang tính 'Số liệu': phải có một dòng cho đơn vị '24823' (24823): có dòng đã bị xóa hoặc bị sửa\n"
    )
    code, _, err = run("import", str(path), "--store", store, "--locale", "en")
    assert code == 2 and "sheet 'Số liệu', row 3, column A: must be one of the form's unit codes" in err
    path.write_bytes(edited(_data((3, 3, "1,5"))))
    code, _, err = run("import", str(path), "--store", store)
    assert code == 2 and err.startswith(f"anninh-toandan: {path}: 1 ô bị từ chối:\n")
    assert "Buổi tuyên truyền" in err and "phải là số nguyên" in err
    code, _, err = run("import", str(path), "--store", store, "--locale", "en")
    assert code == 2 and "1 problem in" in err and "must be a number such as 1.200" in err
    path.write_bytes(b"unit,period\n")
    code, _, err = run("import", str(path), "--store", store)
    assert code == 2 and "$: phải là tệp Excel (.xlsx, một tệp nén zip); tệp này không phải" in err


def test_command_store_errors_in_vietnamese(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    wards = tmp_path / "wards.csv"
    wards.write_text("unit,period,indicator,value\n24823,202201,tips_received,3\n", "utf-8")
    not_a_store = tmp_path / "notes.csv"
    not_a_store.write_text("x", "utf-8")
    code, _, err = run("import", str(wards), "--store", str(not_a_store))
    assert code == 2 and "không phải kho số liệu: tệp không phải cơ sở dữ liệu DuckDB" in _paragraph_ok(err)
    code, _, err = run("import", str(wards), "--store", str(not_a_store), "--locale", "en")
    assert code == 2 and "is not a figure store: the file is not a DuckDB database" in err
