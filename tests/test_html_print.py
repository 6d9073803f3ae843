"""The HTML report printed to PDF by headless Chromium, read back with poppler's ``pdftotext``.

Skipped, with the reason, where Chromium or poppler-utils is not installed
(``.ci/run`` installs both under CI).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.reports import build_report, render

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def print_to_pdf(html: str, folder: Path, name: str = "report") -> Path:
    """Print *html* to a PDF with headless Chromium, without the browser's own header and footer."""
    assert CHROMIUM is not None
    source = folder / f"{name}.html"
    source.write_text(html, "utf-8")
    pdf = folder / f"{name}.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return pdf


def _pages(pdf: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f") if page.strip()]


@pytest.fixture(scope="module", params=["vi", "en"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    if CHROMIUM is None or shutil.which("pdftotext") is None:
        pytest.skip("headless Chromium and poppler-utils (pdftotext) are needed to print the HTML report")
    html = render(build_report(bao_loc_2022_h1(), locale=request.param), "html")
    return _pages(print_to_pdf(html, tmp_path_factory.mktemp(f"html-{request.param}")))


def test_the_national_title_is_on_one_line(printed: list[list[str]]) -> None:
    first = printed[0]
    national = [line for line in first[:4] if "CỘNG HÒA" in line or "SOCIALIST REPUBLIC" in line]
    assert national, first[:4]
    assert national[0].endswith(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"))
    assert not any(line in ("NAM", "VIETNAM") for line in first[:5])


def test_pages_are_numbered_from_page_two(printed: list[list[str]]) -> None:
    assert len(printed) >= 3
    assert printed[0][0] != "1"
    for number, page in enumerate(printed[1:], start=2):
        assert page[0] == str(number), page[:2]


def test_no_page_ends_on_a_heading(printed: list[list[str]]) -> None:
    heading = re.compile(r"^([IVX]+|\d+)\. \S")
    for page in printed[:-1]:
        assert not heading.match(page[-1]), page[-1]


def test_recipients_and_signature_are_on_one_page(printed: list[list[str]]) -> None:
    for page in printed:
        joined = "\n".join(page)
        if "Nơi nhận:" in joined or "Distribution:" in joined:
            assert "Ngô Quốc Huy" in joined
            break
    else:  # pragma: no cover - the report always has its recipients
        pytest.fail("no page holds the recipients")


def test_the_style_draws_the_rules_and_the_page_numbers() -> None:
    html = render(build_report(bao_loc_2022_h1()), "html")
    style = html[html.index("<style>") : html.index("</style>")]
    assert "@top-center { content: counter(page)" in style
    assert "@page :first { @top-center { content: none; } }" in style
    assert "p.subject::after" in style and ".issuer::after" in style and "border-bottom" in style
    assert "break-after: avoid" in style and "display: table-header-group" in style
