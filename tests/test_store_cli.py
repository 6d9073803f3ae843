"""The command line with a store: import, report and validate from it (DuckDB and PostgreSQL)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from anninh_toandan import Figure, FigureSet, Period, Quantity
from anninh_toandan.cli import main
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.indicator import OUTREACH_SESSIONS, TIPS_RECEIVED, TIPS_VALUABLE
from anninh_toandan.io import dump, make_workbook
from anninh_toandan.io.csv import write_csv
from anninh_toandan.store import open_store
from tests.store_support import BACKENDS, PG_URL, fresh_target

WARDS = ("24823", "24820")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def ward_figures(year: int, base: int) -> FigureSet:
    return FigureSet(
        Figure.reported(ind, w, Period.month(year, m), Quantity.exact(base + m, ind.unit))
        for ind in (TIPS_RECEIVED, OUTREACH_SESSIONS)
        for w in WARDS
        for m in range(1, 7)
    )


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_target(request.param, tmp_path) as (t, kw):
        if kw:  # PostgreSQL: the schema goes into the URL, as a user would write it
            open_store(t, **kw).close()  # creates the schema
            yield f"{PG_URL}?options=-csearch_path%3D{kw['schema']}"
            return
        yield t


def test_import_then_report_compares_with_last_year_from_the_store(target: str, tmp_path: Path) -> None:
    write_csv(ward_figures(2021, 3), tmp_path / "wards-2021.csv")
    dump(ward_figures(2022, 4), tmp_path / "wards-2022.json")
    code, out, err = run(
        "import", str(tmp_path / "wards-2021.csv"), str(tmp_path / "wards-2022.json"), "--store", target,
        "--reported-by", "CA TP Bảo Lộc",
    )  # fmt: skip
    assert code == 0, err
    assert "wards-2021.csv: lô 1, 24 số liệu" in out and "wards-2022.json: lô 2, 24 số liệu" in out
    code, out, _ = run("import", str(tmp_path / "wards-2021.csv"), "--store", target)
    assert code == 0 and "wards-2021.csv: đã nhập trước đây (lô 1, wards-2021.csv), không lưu thêm" in out
    code, out, _ = run("import", str(tmp_path / "wards-2021.csv"), "--store", target, "--locale", "en")
    assert code == 0 and "already imported as batch 1 (wards-2021.csv), nothing stored" in out
    dump(bao_loc_2022_h1(), tmp_path / "review.json")
    code, out, err = run("report", str(tmp_path / "review.json"), "--store", target)
    assert code == 0, err
    # Two of eleven wards reported: the totals are lower bounds; 2021 comes from the store.
    assert "6 tháng đầu năm" in out and "hơn 90 buổi" in out and "hơn 78 buổi" in out
    code, out, err = run("report", str(tmp_path / "review.json"), "--store", target, "--period", "2022Q1")
    assert code == 0, err
    assert "hơn 36 tin" in out  # (4+1 + 4+2 + 4+3) × 2 wards


def test_validate_reads_the_units_figures_from_the_store(target: str, tmp_path: Path) -> None:
    fs = FigureSet(
        [
            Figure.reported(TIPS_RECEIVED, "24823", Period.month(2022, 1), Quantity.exact(5, "tin")),
            Figure.reported(TIPS_VALUABLE, "24823", Period.month(2022, 1), Quantity.exact(9, "tin")),
        ]
    )
    dump(fs, tmp_path / "bad.json")
    assert run("import", str(tmp_path / "bad.json"), "--store", target)[0] == 0
    code, out, _ = run("validate", "--store", target, "--unit", "673", "--period", "2022S1")
    assert code == 1
    assert "24823 202201: Sai: Số tin có giá trị không vượt quá số tin tiếp nhận" in out
    code, out, _ = run("validate", "--store", target, "--unit", "24820", "--period", "2022S1")
    assert code == 0 and out == "24820 2022S1: 0 số liệu, không vi phạm quy tắc nào\n"
    code, out, _ = run("validate", "--store", target, "--unit", "24820", "--period", "2022S1", "--locale", "en")
    assert code == 0 and out == "24820 2022S1: 0 figures, no rule violated\n"


def test_a_bad_file_stores_nothing_and_names_the_place(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    write_csv(ward_figures(2022, 1), tmp_path / "good.csv")
    (tmp_path / "bad.csv").write_text("unit,period,indicator,value\n24823,2022X,tips_received,3\n", "utf-8")
    code, _, err = run("import", str(tmp_path / "good.csv"), str(tmp_path / "bad.csv"), "--store", store)
    assert code == 2
    assert "dòng 2, cột 'period': phải là mã kỳ báo cáo" in err and "trong tệp là '2022X'" in err
    (tmp_path / "odd.csv").write_text("unit,period,indicator,value\n24823,202201,nothing_like_it,3\n", "utf-8")
    assert run("import", str(tmp_path / "odd.csv"), "--store", store)[0] == 2
    with open_store(store) as s:
        assert s.batches() == ()


def test_import_reads_workbooks(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    path = tmp_path / "form.xlsx"
    make_workbook(list(WARDS), Period.month(2022, 1), [TIPS_RECEIVED], path)
    code, _, err = run("import", str(path), "--store", store)
    assert code == 0, err
    with open_store(store) as s:
        (batch,) = s.batches()
        assert batch.source == "form.xlsx" and batch.figure_count == 2


def test_store_commands_say_what_is_missing(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    (tmp_path / "notes.txt").write_text("x", "utf-8")
    code, _, err = run("import", str(tmp_path / "notes.txt"), "--store", store)
    assert code == 2 and "notes.txt: tệp nhập phải là .xlsx, .csv hoặc .json (tệp này: .txt)" in err
    code, _, err = run("import", str(tmp_path / "notes.txt"), "--store", store, "--locale", "en")
    assert code == 2 and "must be .xlsx, .csv or .json (got '.txt')" in err
    assert "none.csv: không có tệp này" in run("import", str(tmp_path / "none.csv"), "--store", store)[2]
    assert "none.csv: no such file" in run("import", str(tmp_path / "none.csv"), "--store", store, "--locale", "en")[2]
    assert "--store cần --unit" in run("validate", "--store", store, "--period", "2022")[2]
    assert "needs --unit" in run("validate", "--store", store, "--period", "2022", "--locale", "en")[2]
    err = run("validate", "--store", store, "--unit", "1", "--period", "2022X")[2]
    assert "--period 2022X: " in err and "2022X" in err
    assert "--store cần --unit" in run("report", "--store", store, "--period", "2022")[2]
    assert "thiếu tham số bắt buộc: FILE (hoặc --store ĐÍCH)" in run("validate")[2]
    assert "required: FILE (or --store TARGET)" in run("validate", "--locale", "en")[2]
    assert "required: FILE (or --store TARGET)" in run("report", "--locale", "en")[2]
    dump(bao_loc_2022_h1(), tmp_path / "review.json")
    assert "--format docx ghi ra tệp: hãy thêm --out ĐƯỜNG_DẪN" in run(
        "report", str(tmp_path / "review.json"), "--store", store, "--format", "docx")[2]  # fmt: skip


def test_report_from_the_store_can_write_files(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    dump(ward_figures(2022, 4), tmp_path / "w.json")
    dump(bao_loc_2022_h1(), tmp_path / "review.json")
    assert run("import", str(tmp_path / "w.json"), "--store", store)[0] == 0
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run("report", str(tmp_path / "review.json"), "--store", store, "--format", "md", "--out",
                       str(out_dir))  # fmt: skip
    assert code == 0, err
    assert "hơn 90 buổi" in (out_dir / "review.md").read_text("utf-8")
    # As with a review file, the drafter's checklist goes beside the report, never into it.
    checklist = out_dir / "review.checklist.txt"
    assert checklist.read_text("utf-8").startswith("DANH MỤC KIỂM TRA SỐ LIỆU CỦA NGƯỜI SOẠN THẢO")
    assert f"danh mục kiểm tra ghi vào {checklist}" in err
    assert "DANH MỤC KIỂM TRA" not in (out_dir / "review.md").read_text("utf-8")
    code, _, err = run("report", str(tmp_path / "review.json"), "--store", store, "--out", str(tmp_path / "r.txt"),
                       "--compare", str(tmp_path / "review.json"))  # fmt: skip
    assert code == 0, err
    assert (tmp_path / "r.txt").read_text("utf-8")


def test_import_of_a_review_defines_its_own_indicators(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    review = bao_loc_2022_h1()
    dump(review, tmp_path / "review.json")
    code, _, err = run("import", str(tmp_path / "review.json"), "--store", store)
    assert code == 0, err
    with open_store(store) as s:
        assert s.figures() == review.figures


def test_import_names_the_file_the_store_refuses(tmp_path: Path) -> None:
    store = str(tmp_path / "s.duckdb")
    dump(FigureSet([Figure.reported(TIPS_RECEIVED, "1", Period.month(2022, 1), Quantity.exact(2**63, "tin"))]),
         tmp_path / "huge.json")  # fmt: skip
    code, _, err = run("import", str(tmp_path / "huge.json"), "--store", store)
    assert code == 2 and "huge.json: figures[0]" in err and "quá lớn đối với kho" in err
    (tmp_path / "broken.json").write_text("{not json", "utf-8")
    code, _, err = run("import", str(tmp_path / "broken.json"), "--store", store)
    assert code == 2 and "broken.json" in err


def test_report_leaves_out_what_cannot_be_rolled_up(tmp_path: Path) -> None:
    from anninh_toandan.indicator import Indicator, UnitAggregation

    store = str(tmp_path / "s.duckdb")
    ranked = Indicator(code="rank", name_vi="Xếp hạng", name_en="Rank", unit="hạng",
                       unit_aggregation=UnitAggregation.NONE)  # fmt: skip
    dump(FigureSet([Figure.reported(ranked, "24823", Period.month(2022, 1), Quantity.exact(1, "hạng"))])
         | ward_figures(2022, 4), tmp_path / "f.json")  # fmt: skip
    dump(bao_loc_2022_h1(), tmp_path / "review.json")
    assert run("import", str(tmp_path / "f.json"), "--store", store)[0] == 0
    code, out, err = run("report", str(tmp_path / "review.json"), "--store", store)
    assert code == 0, err
    assert "Xếp hạng" not in out and "hơn 90 buổi" in out
    # Bảo Lộc city ended with the district level (2025-07-01): nothing to roll up in 2026.
    code, out, err = run("report", str(tmp_path / "review.json"), "--store", store, "--period", "2026S1")
    assert code == 0, err
    assert "hơn 90 buổi" not in out


def test_report_from_the_store_alone_names_the_wards_that_did_not_report(target: str, tmp_path: Path) -> None:
    """No review file: the city's review is made from its wards' stored figures, with their completeness."""
    write_csv(ward_figures(2021, 3) | ward_figures(2022, 4), tmp_path / "wards.csv")
    assert run("import", str(tmp_path / "wards.csv"), "--store", target)[0] == 0
    code, out, err = run("report", "--store", target, "--unit", "673", "--period", "2022S1")
    assert code == 0, err
    assert "CÔNG AN THÀNH PHỐ BẢO LỘC" in out and "6 tháng đầu năm 2022" in out
    assert "DANH MỤC KIỂM TRA" not in out and "673_2022S1: danh mục kiểm tra của người soạn thảo" in err
    assert "theo báo cáo của 2/11 đơn vị" in out  # the two wards of the forms; nine sent nothing
    # The same period last year, from the store: nine wards are missing on both sides, so no change is asserted.
    assert "78 buổi (2/11 đơn" in out and "chưa so sánh được" in out and "tăng" not in out


def test_a_mistyped_store_path_is_an_error_not_a_new_empty_store(tmp_path: Path) -> None:
    missing = tmp_path / "bao_loc.duckdb"
    for command in ("report", "validate"):
        code, out, err = run(command, "--store", str(missing), "--unit", "673", "--period", "2022S1")
        assert code == 2 and out == "" and "không có kho số liệu này (tạo kho bằng lệnh “anninh-toandan import" in err
        code, out, err = run(command, "--store", str(missing), "--unit", "673", "--period", "2022S1", "--locale", "en")
        assert code == 2 and out == "" and "no such figure store" in err
    assert not missing.exists()
    code, _, err = run("report", "--store", str(tmp_path), "--unit", "673", "--period", "2022S1")
    assert code == 2 and "là một thư mục, không phải kho số liệu" in err
    code, _, err = run("report", "--store", str(tmp_path), "--unit", "673", "--period", "2022S1", "--locale", "en")
    assert code == 2 and "is a folder, not a figure store" in err


def test_a_file_that_is_no_store_is_refused_and_left_alone(tmp_path: Path) -> None:
    """DuckDB opens an empty file or a CSV as a database of its own: the command says what the file is."""
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "wards.csv").write_text("unit,period,indicator,value\n24823,202201,tips_received,3\n", "utf-8")
    (tmp_path / "noise.json").write_bytes(bytes(range(256)))
    (tmp_path / "folder").mkdir()
    for name in ("empty.csv", "wards.csv", "noise.json"):
        before = (tmp_path / name).read_bytes()
        for command in ("report", "validate"):
            code, out, err = run(command, "--store", str(tmp_path / name), "--unit", "673", "--period", "2022S1")
            assert code == 2 and out == "" and "không phải kho số liệu (tệp không phải cơ sở dữ liệu DuckDB)" in err
        code, _, err = run("import", str(tmp_path / "wards.csv"), "--store", str(tmp_path / name), "--locale", "en")
        assert code == 2 and "is not a figure store: the file is not a DuckDB database" in err
        assert (tmp_path / name).read_bytes() == before
    code, _, err = run("import", str(tmp_path / "folder"), "--store", str(tmp_path / "s.duckdb"))
    assert code == 2 and "folder: là một thư mục, không phải một tệp" in err
