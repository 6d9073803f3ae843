"""The anninh-toandan command: report, validate, demo, scan, errors."""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anninh_toandan.cli import _Progress, main
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.indicator import TIPS_RECEIVED, TIPS_VALUABLE
from anninh_toandan.io import dump
from anninh_toandan.quantity import Quantity


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def review_file(tmp_path: Path) -> Path:
    path = tmp_path / "bao_loc.json"
    dump(bao_loc_2022_h1(), path)
    return path


def test_no_arguments_prints_the_bundled_report_in_vietnamese() -> None:
    code, out, err = run()
    assert code == 0 and err == ""
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out and "BÁO CÁO" in out
    assert "hơn 13.000 lượt" in " ".join(out.split())


def test_python_dash_m_and_the_console_script() -> None:
    done = subprocess.run([sys.executable, "-m", "anninh_toandan"], capture_output=True, text=True, check=True)
    assert "BÁO CÁO" in done.stdout


def test_help() -> None:
    code, _, _ = run("--help")
    assert code == 0
    code, _, _ = run("report", "--help")
    assert code == 0


def test_report_formats_and_locales(review_file: Path, tmp_path: Path) -> None:
    code, out, _ = run("report", str(review_file), "--format", "md", "--locale", "en")
    assert code == 0 and out.startswith("| LÂM ĐỒNG PROVINCIAL POLICE") and "# REPORT" in out
    target = tmp_path / "r.html"
    code, out, err = run("report", str(review_file), "--format", "html", "--out", str(target))
    assert code == 0 and out == "" and "<!DOCTYPE html>" in target.read_text("utf-8")
    # The drafter's checklist is written beside the report, never into it, and stderr says where.
    checklist = tmp_path / "r.checklist.txt"
    assert checklist.read_text("utf-8").startswith("DANH MỤC KIỂM TRA SỐ LIỆU CỦA NGƯỜI SOẠN THẢO")
    assert f"danh mục kiểm tra ghi vào {checklist}" in err
    assert "Đạt:" not in target.read_text("utf-8")


def test_report_to_stdout_puts_the_checklist_on_stderr(review_file: Path) -> None:
    code, out, err = run("report", str(review_file), "--locale", "en")
    assert code == 0 and "Satisfied:" not in out and "CHECKLIST" not in out
    assert f"{review_file}: the drafter checklist:" in err and "THE DRAFTER'S CHECKLIST OF THE FIGURES" in err
    assert "Satisfied: Valuable tips do not exceed the tips received (100; 274)." in err


def test_report_docx_needs_out(review_file: Path, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    code, _, err = run("report", str(review_file), "--format", "docx")
    assert code == 2 and "hãy thêm --out" in err
    code, _, err = run("report", str(review_file), "--format", "docx", "--locale", "en")
    assert code == 2 and "give --out PATH" in err
    code, _, _ = run("report", str(review_file), "--format", "docx", "--out", str(tmp_path / "r.docx"))
    assert code == 0 and (tmp_path / "r.docx").stat().st_size > 5000


def test_report_toml_and_several_files(tmp_path: Path) -> None:
    toml = tmp_path / "small.toml"
    toml.write_text(
        "\n".join(
            [
                "format = 1",
                'type = "review"',
                'unit = "673"',
                'period = "2022S1"',
                'kind = "interim"',
                'held_on = "2022-07-12"',
                "[programme]",
                'number = "06"',
                'title = "Đẩy mạnh phong trào"',
                'signed_on = "2014-03-06"',
                'parties = [{kind = "police", name = "Công an tỉnh Lâm Đồng", unit = "68"}]',
                "[[organisers]]",
                'kind = "police"',
                'name = "Công an TP Bảo Lộc"',
                'unit = "673"',
            ]
        ),
        "utf-8",
    )
    json_file = tmp_path / "b.json"
    dump(bao_loc_2022_h1(), json_file)
    outdir = tmp_path / "out"
    outdir.mkdir()
    code, _, err = run("report", str(toml), str(json_file), "--out", str(outdir))
    assert code == 0, err
    assert sorted(p.name for p in outdir.iterdir()) == ["b.checklist.txt", "b.txt", "small.checklist.txt", "small.txt"]
    code, _, err = run("report", str(toml), str(json_file), "--out", str(tmp_path / "missing"), "--locale", "en")
    assert code == 2 and "must be an existing folder" in err


def test_report_with_template_and_compare(review_file: Path, tmp_path: Path) -> None:
    template = tmp_path / "one.txt"
    template.write_text("{{ report.heading.place_date }}", "utf-8")
    code, out, _ = run("report", str(review_file), "--template", str(template))
    assert code == 0 and out == "Bảo Lộc, ngày 12 tháng 7 năm 2022\n"
    prev = tmp_path / "prev.json"
    review = bao_loc_2022_h1()
    p = review.period.same_period_last_year()
    dump(FigureSet([Figure.reported(TIPS_RECEIVED, review.unit, p, Quantity.exact(300, "tin"))]), prev)
    code, out, _ = run("report", str(review_file), "--compare", str(prev), "--format", "md")
    assert code == 0 and "giảm 26 tin (-8,7%)" in out
    prev_review = tmp_path / "prev_review.json"
    dump(attrs.evolve(review, period=p, figures=[]), prev_review)
    code, out, _ = run("report", str(review_file), "--compare", str(prev_review))
    assert code == 0 and "không so sánh được" in out


def test_validate(review_file: Path, tmp_path: Path) -> None:
    code, out, _ = run("validate", str(review_file))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{review_file}: Chưa rõ tổng số 19 mô hình là số sau hay trước khi thanh loại")
    assert any("chỉ đúng nếu số liệu này là 24" in line for line in lines)
    assert any("Đạt: Số tin có giá trị không vượt quá số tin tiếp nhận (100; 274)." in line for line in lines)
    code, out, _ = run("validate", str(review_file), "--locale", "en")
    assert code == 0 and "Satisfied: Valuable tips do not exceed the tips received (100; 274)." in out
    review = bao_loc_2022_h1()
    bad = attrs.evolve(
        review,
        figures=FigureSet(
            [f for f in review.figures if f.indicator.code != "tips_valuable"]
            + [Figure.reported(TIPS_VALUABLE, review.unit, review.period, Quantity.exact(300, "tin"))]
        ),
    )
    bad_file = tmp_path / "bad.json"
    dump(bad, bad_file)
    code, out, _ = run("validate", str(bad_file))
    assert code == 1
    assert out.splitlines()[1] == (f"{bad_file}: Sai: Số tin có giá trị không vượt quá số tin tiếp nhận (300; 274).")
    clean = attrs.evolve(review, figures=[])
    clean_file = tmp_path / "clean.json"
    dump(clean, clean_file)
    code, out, _ = run("validate", str(clean_file))
    assert code == 0 and "Sai:" not in out


def test_demo_writes_every_format(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    code, out, err = run("demo", str(tmp_path / "demo"))
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "demo").iterdir())
    assert names == sorted(
        f"bao_loc_2022_h1.{loc}.{ext}" for loc in ("vi", "en") for ext in ("txt", "md", "html", "docx", "checklist.txt")
    )
    assert len(out.splitlines()) == 8
    # The documents are the ones an office sends: the drafter's checks are in their own files.
    vi = (tmp_path / "demo" / "bao_loc_2022_h1.vi.txt").read_text("utf-8")
    assert "KIỂM TRA SỐ LIỆU" not in vi and "Đạt:" not in vi
    checklist = (tmp_path / "demo" / "bao_loc_2022_h1.vi.checklist.txt").read_text("utf-8")
    assert checklist.startswith("DANH MỤC KIỂM TRA SỐ LIỆU CỦA NGƯỜI SOẠN THẢO")
    assert "danh mục kiểm tra ghi vào" in err


@pytest.mark.parametrize(
    ("args", "message", "message_vi"),
    [
        (("report", "missing.json"), "missing.json: no such file", "missing.json: không có tệp này"),
        (("report",), "the following arguments are required: FILE", "thiếu tham số bắt buộc: FILE"),
        (("frobnicate",), "invalid choice: 'frobnicate'", "giá trị 'frobnicate' không hợp lệ"),
        (("report", "x.json", "--format", "pdf"), "invalid choice: 'pdf'", "giá trị 'pdf' không hợp lệ"),
        (("validate", "missing.toml"), "no such file", "không có tệp này"),
        (("scan", "missing.txt"), "no such file", "không có tệp này"),
        (("scan", "a.txt", "--year", "22"), "must be a year such as 2022", "phải là một năm"),
        (("scan", "a.txt", "--bogus"), "unrecognized arguments: --bogus", "không nhận ra tham số: --bogus"),
        (("workbook",), "workbook needs an action", "lệnh workbook cần thêm make (tạo biểu mẫu) hoặc read"),
        (("workbook", "make", "f.xlsx", "--period", "2022S3", "--unit", "1"), "--period 2022S3", "mã kỳ"),
    ],
)
def test_bad_arguments_give_one_paragraph_and_status_2(
    args: tuple[str, ...], message: str, message_vi: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert message_vi in err and "Traceback" not in err and err.count("\n") == 1
    code, out, err = run(*args, "--locale", "en")
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_bad_files_give_one_paragraph_and_status_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "type": "review", "unit": 5}', "utf-8")
    code, _, err = run("report", str(broken))
    assert code == 2 and "$.unit" in err and "Traceback" not in err
    weird = tmp_path / "review.yaml"
    weird.write_text("x", "utf-8")
    code, _, err = run("report", str(weird), "--locale", "en")
    assert code == 2 and "must be .json or .toml" in err
    code, _, err = run("report", str(weird))
    assert code == 2 and "phải là .json hoặc .toml" in err


def test_progress_only_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    p = _Progress(2, tty)
    p.step("a.json")
    p.step("b.json")
    p.close()
    assert "[2/2] b.json" in tty.getvalue()
    piped = io.StringIO()
    q = _Progress(2, piped)
    q.step("a.json")
    q.close()
    assert piped.getvalue() == ""


def test_command_without_subcommand_options() -> None:
    code, _, err = run("--locale", "en")
    assert code == 2 and "invalid choice" in err


# -- files as a new user has them (issue 16) ---------------------------------------------------------

TEXT = "Năm 2022, tiếp nhận 274 tin báo; xây dựng mới ba mô hình."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", TEXT.encode("utf-8")),
        ("utf8-bom.txt", TEXT.encode("utf-8-sig")),
        ("utf16-le.txt", TEXT.encode("utf-16")),
        ("utf16-be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ],
)
def test_scan_reads_utf8_with_or_without_bom_and_utf16_with_bom(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run("scan", str(path))
    assert code == 0 and err == ""
    assert "274 tin báo" in out and "ba mô hình" in out


def test_scan_names_a_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cp1258.txt"
    # "Tiếp nhận 274 tin báo" as Windows-1258 writes it: ê, â, á precomposed, the tone marks combining.
    data = b"Ti\xea\xecp nh\xe2\xf2n 274 tin b\xe1o"
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Tiếp nhận 274 tin báo"
    path.write_bytes(data)
    code, out, err = run("scan", str(path))
    assert code == 2 and out == "" and "Traceback" not in err and err.count("\n") == 1
    assert "không phải mã UTF-8" in err and "Windows-1258" in err and "hãy lưu lại tệp dưới dạng UTF-8" in err
    code, _, err = run("scan", str(path), "--locale", "en")
    assert code == 2 and "is not UTF-8" in err and "Windows-1258" in err and "save it as UTF-8" in err
    path.write_bytes("Tiếp nhận 274 tin".encode("utf-16-le"))
    code, _, err = run("scan", str(path), "--locale", "en")
    assert code == 2 and "UTF-16 without a byte-order mark" in err
    path.write_bytes(b"\xff\xfe" + "tin".encode("utf-16-le") + b"\x00")
    code, _, err = run("scan", str(path), "--locale", "en")
    assert code == 2 and "not valid UTF-16" in err


def test_review_files_in_utf16_and_with_a_bom_are_read(review_file: Path, tmp_path: Path) -> None:
    text = review_file.read_text("utf-8")
    for encoding in ("utf-8-sig", "utf-16"):
        path = tmp_path / f"review-{encoding}.json"
        path.write_bytes(text.encode(encoding))
        code, out, err = run("report", str(path))
        assert code == 0 and "BÁO CÁO" in out
        assert "cảnh báo" not in err and err.startswith(f"{path}: danh mục kiểm tra của người soạn thảo:")


def test_scan_year_completes_dates_and_periods(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Chiều 12/7, sơ kết 6 tháng đầu năm.", "utf-8")
    code, out, _ = run("scan", str(path), "--json")
    assert code == 0 and '"period": null' in out
    code, out, _ = run("scan", str(path), "--json", "--year", "2022")
    assert code == 0 and '"period": "2022S1"' in out and '"date": "2022-07-12"' in out
    code, _, err = run("scan", str(path), "--year", "0999", "--locale", "en")
    assert code == 2 and "'year' must be between 1001 and 9998" in err
    code, _, err = run("scan", str(path), "--year", "9999")
    assert code == 2 and err == "anninh-toandan: năm phải từ 1001 đến 9998 (đã nhập 9999)\n"


def test_a_folder_is_called_a_folder(tmp_path: Path) -> None:
    for args in (("report", str(tmp_path)), ("scan", str(tmp_path)), ("validate", str(tmp_path))):
        code, _, err = run(*args)
        assert code == 2 and f"{tmp_path}: là một thư mục, không phải một tệp" in err
        code, _, err = run(*args, "--locale", "en")
        assert code == 2 and f"{tmp_path}: is a folder, not a file" in err


def test_demo_onto_an_existing_file_says_so(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("keep me", "utf-8")
    code, out, err = run("demo", str(target))
    assert code == 2 and out == "" and "là một tệp; lệnh demo ghi báo cáo vào một thư mục" in err
    assert "Errno" not in err and target.read_text("utf-8") == "keep me"
    code, _, err = run("demo", str(target), "--locale", "en")
    assert code == 2 and "is a file; demo writes its reports into a folder" in err


def test_validate_reports_every_bad_file(review_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", "utf-8")
    missing = tmp_path / "missing.json"
    code, out, err = run("validate", str(missing), str(review_file), str(broken))
    assert code == 2
    assert f"{missing}: không có tệp này" in err and str(broken) in err
    assert err.count("anninh-toandan:") == 2 and "Traceback" not in err
    assert out.startswith(f"{review_file}: ") and "Đạt:" in out


def test_a_custom_period_id_in_a_file_gets_the_explanation(review_file: Path, tmp_path: Path) -> None:
    data = review_file.read_text("utf-8").replace('"period": "2022S1"', '"period": "2022-01-01/2022-06-30"', 1)
    path = tmp_path / "custom.json"
    path.write_text(data, "utf-8")
    code, _, err = run("report", str(path))
    assert code == 2 and "$.period" in err
    assert "'2022-01-01/2022-06-30' chính là kỳ '2022S1'" in err and "Traceback" not in err
    code, _, err = run("report", str(path), "--locale", "en")
    assert code == 2 and "'2022-01-01/2022-06-30' is the period '2022S1'" in err


def test_workbook_make_and_read(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    form = tmp_path / "form.xlsx"
    code, out, err = run("workbook", "make", str(form), "--period", "2022S1", "--unit", "24823", "24820")
    assert code == 0 and err == "" and out == f"{form}\n" and form.stat().st_size > 1000
    code, _, err = run("workbook", "make", str(form), "--period", "2022S1", "--unit", "24823")
    assert code == 2 and "tệp đã có; thêm --force" in err
    code, _, err = run("workbook", "make", str(tmp_path), "--period", "2022S1", "--unit", "24823")
    assert code == 2 and "là một thư mục" in err
    code, _, _ = run(
        "workbook",
        "make",
        str(form),
        "--period",
        "2022S1",
        "--unit",
        "24823",
        "--indicator",
        "tips_received",
        "--force",
    )
    assert code == 0
    code, out, err = run("workbook", "read", str(form), "--dry-run")
    assert code == 0 and out == "0 ô đã nhập, 1 ô để trống (chưa báo cáo), 0 ô bị từ chối\n"
    figures = tmp_path / "figures.json"
    code, out, _ = run("workbook", "read", str(form), "--out", str(figures), "--locale", "en")
    assert code == 0 and out.startswith("0 imported, 1 empty") and figures.is_file()


def test_workbook_read_lists_rejected_cells_with_status_1(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    form = tmp_path / "form.xlsx"
    assert run("workbook", "make", str(form), "--period", "2022S1", "--unit", "24823", "--exact")[0] == 0
    wb = openpyxl.load_workbook(form)
    wb["Số liệu"]["C3"] = "1,5"
    wb.save(form)
    code, out, err = run("workbook", "read", str(form), "--dry-run")
    assert code == 1 and err == ""
    assert "1 ô bị từ chối" in out and "Trang “Số liệu”, dòng 3, cột C" in out
    code, _, err = run("workbook", "read", str(tmp_path / "nothing.xlsx"))
    assert code == 2 and "không có tệp này" in err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    code, _, err = run("workbook", "read", str(bad), "--locale", "en")
    assert code == 2 and "Traceback" not in err and str(bad) in err


# -- fuzzing: no input reaches the user as a traceback ----------------------------------------------

_WORDS = st.sampled_from(
    [
        "report", "validate", "demo", "scan", "workbook", "make", "read", "--format", "docx", "md", "--locale",
        "vi", "en", "fr", "--out", "--json", "--year", "2022", "x", "--dry-run", "--period", "2022S1", "--unit",
        "--indicator", "--help-me", "-", "--", "--compare", "--template", "--findings", "--force", "",
    ]
)  # fmt: skip


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS | st.text(max_size=8), min_size=1, max_size=6))
def test_fuzz_the_argument_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    if "demo" in argv or "make" in argv:
        return  # these write files by design; their errors are tested above
    code, _, err = run(*argv)
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("anninh-toandan: ") and "\n\n" not in err


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(["report", "validate", "scan"]),
    st.sampled_from([".json", ".toml", ".txt", ""]),
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.sampled_from(
            ['{"format": 1, "type": "review"}', '{"type": "figure_set"}', "format = 1", "[[", "{" * 50]
        ).map(lambda t: t.encode("utf-8")),
    ),
)
def test_fuzz_the_file_readers(tmp_path: Path, command: str, suffix: str, data: bytes) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    code, _, err = run(command, str(path))
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("anninh-toandan: ") and "\n\n" not in err


def test_an_output_folder_that_does_not_exist(review_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "r.txt"
    code, out, err = run("report", str(review_file), "--out", str(target))
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert f"chưa có thư mục “{target.parent}”" in err
    code, _, err = run("report", str(review_file), "--out", str(target), "--locale=en")
    assert code == 2 and "does not exist" in err


@pytest.mark.parametrize(
    ("error", "vi", "en"),
    [
        (
            PermissionError(13, "Permission denied", "a.txt"),
            "a.txt: không có quyền đọc hoặc ghi",
            "a.txt: Permission denied",
        ),
        (OSError(5, "Input/output error"), "lỗi hệ thống (Input/output error)", "Input/output error"),
    ],
)
def test_os_errors_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, vi: str, en: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("274 tin", "utf-8")

    def fail(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", fail)
    code, _, err = run("scan", str(path))
    assert (code, err) == (2, f"anninh-toandan: {vi}\n")
    code, _, err = run("scan", str(path), "--locale", "en")
    assert (code, err) == (2, f"anninh-toandan: {en}\n")


def test_argparse_messages_in_vietnamese() -> None:
    from anninh_toandan.cli import _argparse_vi

    assert _argparse_vi("argument --out: expected one argument") == "tham số --out cần một giá trị"
    assert _argparse_vi("ambiguous option: --f could match --format, --findings") == (
        "tùy chọn không rõ ràng: --f could match --format, --findings"
    )
    assert _argparse_vi("something new") == "lệnh không hợp lệ (something new)"
    code, _, err = run("report", "x.json", "--f", "md")
    assert code == 2 and "tùy chọn không rõ ràng" in err


@pytest.mark.parametrize(("name", "magic"), [("bao_cao.docx", b"PK"), ("bao_cao.html", b"<!DOCTYPE html>")])
def test_report_takes_its_format_from_the_out_files_name(tmp_path: Path, name: str, magic: bytes) -> None:
    """`--out bao_cao.docx` without --format writes Word, not text in a file Word cannot open."""
    if name.endswith(".docx"):
        pytest.importorskip("docx")
    review = tmp_path / "review.json"
    dump(bao_loc_2022_h1(), review)
    code, _, err = run("report", str(review), "--out", str(tmp_path / name))
    assert code == 0, err
    assert (tmp_path / name).read_bytes().startswith(magic)
