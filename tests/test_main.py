"""The ``anninh-toandan`` command and ``python -m anninh_toandan``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from anninh_toandan.__main__ import main


def test_no_arguments_shows_the_source_case_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    for expected in (
        "Thành phố Bảo Lộc, 6 tháng đầu năm 2022",
        "ngày 12 tháng 7 năm 2022",
        "(từ ngày 15/12/2021 đến ngày 14/6/2022)",
        "hơn 13.000 lượt",
        "hàng trăm bài viết",
        "437 triệu đồng (bằng chữ: Bốn trăm ba mươi bảy triệu đồng)",
        "trị giá hàng trăm triệu đồng",
        "gồm 11 phường, xã",
        "Phường 2 Bảo Lộc: từ Phường 2, Xã Đam B'ri và Xã Lộc Tân",
    ):
        assert expected in out


def test_help_and_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "anninh-toandan" in capsys.readouterr().out
    assert main(["--bogus"]) == 2
    err = capsys.readouterr().err
    assert "unknown arguments: --bogus" in err and "Traceback" not in err


def test_python_dash_m() -> None:
    out = subprocess.run([sys.executable, "-m", "anninh_toandan"], capture_output=True, text=True, check=True)
    assert "hơn 13.000 lượt" in out.stdout
