"""The anninh-toandan command: report, validate, demo, scan, errors."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

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
    assert code == 0 and out.startswith("| CÔNG AN TỈNH LÂM ĐỒNG") and "# REPORT" in out
    target = tmp_path / "r.html"
    code, out, _ = run("report", str(review_file), "--format", "html", "--out", str(target))
    assert code == 0 and out == "" and "<!DOCTYPE html>" in target.read_text("utf-8")


def test_report_docx_needs_out(review_file: Path, tmp_path: Path) -> None:
    pytest.importorskip("docx")
    code, _, err = run("report", str(review_file), "--format", "docx")
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
    assert sorted(p.name for p in outdir.iterdir()) == ["b.txt", "small.txt"]
    code, _, err = run("report", str(toml), str(json_file), "--out", str(tmp_path / "missing"))
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
    code, out, _ = run("demo", str(tmp_path / "demo"))
    assert code == 0
    names = sorted(p.name for p in (tmp_path / "demo").iterdir())
    assert names == sorted(
        f"bao_loc_2022_h1.{loc}.{ext}" for loc in ("vi", "en") for ext in ("txt", "md", "html", "docx")
    )
    assert len(out.splitlines()) == 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "missing.json"), "missing.json: no such file"),
        (("report",), "the following arguments are required: FILE"),
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("report", "x.json", "--format", "pdf"), "invalid choice: 'pdf'"),
        (("validate", "missing.toml"), "no such file"),
        (("scan", "missing.txt"), "no such file"),
    ],
)
def test_bad_arguments_give_one_paragraph_and_status_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_bad_files_give_one_paragraph_and_status_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": 1, "type": "review", "unit": 5}', "utf-8")
    code, _, err = run("report", str(broken))
    assert code == 2 and "$.unit" in err and "Traceback" not in err
    weird = tmp_path / "review.yaml"
    weird.write_text("x", "utf-8")
    code, _, err = run("report", str(weird))
    assert code == 2 and "must be .json or .toml" in err


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
