"""Draw the pictures of the bundled report's pages that ``docs/reports.md`` shows.

Word: the ``.docx`` is printed to PDF by LibreOffice (``soffice --headless
--convert-to pdf``). HTML: the page is printed to PDF by headless Chromium.
The PDF pages are drawn as PNG by poppler's ``pdftoppm``. The pictures go to
``docs/img/``:

* ``report-word-page1.png``, ``report-word-page2.png`` (page 2 shows the page
  number in the top margin);
* ``report-html-page1.png``, ``report-html-page2.png``.

Run it from the repository's root after changing the layout::

    python scripts/report_pictures.py

It needs LibreOffice, Chromium and poppler-utils (``apt-get install -y
libreoffice-writer-nogui chromium poppler-utils``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from anninh_toandan._files import atomic_write_bytes
from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.reports import build_report, render
from anninh_toandan.reports._docx import render_docx

ROOT = Path(__file__).resolve().parents[1]
#: The width of a picture in pixels: enough to read the layout, small enough to commit.
WIDTH = 560
PAGES = (1, 2)


def _run(args: list[str], cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, timeout=300)


def word_pdf(work: Path) -> Path:
    """The bundled report in Word, printed to PDF by LibreOffice."""
    source = work / "report-word.docx"
    source.write_bytes(render_docx(build_report(bao_loc_2022_h1())))
    _run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/lo", "--convert-to", "pdf", source.name], work)
    return work / "report-word.pdf"


def html_pdf(work: Path, chromium: str) -> Path:
    """The bundled report in HTML, printed to PDF by headless Chromium."""
    source = work / "report-html.html"
    source.write_text(render(build_report(bao_loc_2022_h1()), "html"), "utf-8")
    pdf = work / "report-html.pdf"
    _run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--user-data-dir={work / 'chromium'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            source.as_uri(),
        ],
        work,
    )
    return pdf


def pictures(pdf: Path, out: Path, work: Path) -> list[Path]:
    """Draw the pages :data:`PAGES` of *pdf* as PNG files in *out*, named after the PDF."""
    written = []
    for page in PAGES:
        stem = work / f"{pdf.stem}-page{page}"
        _run(
            [
                *("pdftoppm", "-png", "-gray", "-singlefile", "-f", str(page), "-l", str(page)),
                *("-scale-to-x", str(WIDTH), "-scale-to-y", "-1", str(pdf), str(stem)),
            ],
            work,
        )
        png = _small(stem.with_suffix(".png").read_bytes())
        written.append(atomic_write_bytes(out / f"{pdf.stem}-page{page}.png", png))
    return written


def _small(png: bytes) -> bytes:
    """*png* in 16 grey levels where Pillow is installed (it comes with matplotlib): a third of the size."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow is optional
        return png
    import io

    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("L").quantize(colors=16).save(out, "PNG", optimize=True)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="where the pictures go")
    args = parser.parse_args(argv)
    chromium = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
    )
    missing = [n for n in ("soffice", "pdftoppm") if shutil.which(n) is None] + ([] if chromium else ["chromium"])
    if missing:
        print(f"missing tools: {', '.join(missing)}", file=sys.stderr)
        return 1
    assert chromium is not None
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        written = pictures(word_pdf(work), args.out, work) + pictures(html_pdf(work, chromium), args.out, work)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
