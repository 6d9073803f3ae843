"""Reports are safe to render: templates run in a sandbox, text cannot become markup or terminal codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from anninh_toandan.datasets import bao_loc_2022_h1
from anninh_toandan.programme import Person
from anninh_toandan.reports import Report, ReportError, TemplateError, build_report, render, render_template

EVIL_CHAIR = "<img src=x onerror=alert(1)// >"


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(bao_loc_2022_h1())


# -- the template sandbox ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        # the two ways found to run a command and read files from a shared template
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__['os'].listdir('/') }}",
        "{{ joiner.__init__.__globals__ }}",
        # Python internals reached from the report model or a literal
        "{{ report.__class__.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ report.walk.__func__.__globals__ }}",
        "{{ format_money.__globals__ }}",
        "{{ review.__reduce_ex__(2) }}",
        # changing data, or building values too large to hold
        "{% set xs = [1] %}{{ xs.append(2) }}",
        "{% set d = {} %}{{ d.update(a=1) }}",
        "{{ 'x' * 1000000000 }}",
        "{{ [0] * 1000000000 }}",
        "{{ 10 ** 100000000 }}",
        "{{ range(1000000000) | list | length }}",
    ],
)
def test_a_template_cannot_reach_python_or_run_commands(report: Report, template: str) -> None:
    with pytest.raises(TemplateError, match=r"template <template>, line 1: \w+Error"):
        render_template(report, template)


def test_the_sandbox_message_says_what_is_refused(report: Report) -> None:
    with pytest.raises(TemplateError) as info:
        render_template(report, "ok\n{{ cycler.__init__ }}")
    assert info.value.line == 2
    assert "cycler" in str(info.value)
    with pytest.raises(TemplateError, match="unsafe: not allowed in a report template"):
        render_template(report, "{{ report.__class__ }}")


def test_what_a_template_may_use(report: Report) -> None:
    """The model, its methods that only read, the filters, and Jinja2's own plain-data helpers."""
    template = (
        "{% set ns = namespace(n=0) %}{% for s in report.walk() %}{% set ns.n = ns.n + 1 %}{% endfor %}"
        "{{ ns.n > 3 }} {{ range(3) | list }} {{ format_percent(100, 274) }} {{ 'ab' * 2 }} {{ 2 ** 10 }} "
        "{{ review.unit }} {{ width }}"
    )
    assert render_template(report, template) == "True [0, 1, 2] 36,5% abab 1024 673 80"


def test_command_line_templates_are_sandboxed(tmp_path: Path) -> None:
    """``--template`` goes through the same sandbox: the command does not run, the error is one paragraph."""
    from anninh_toandan.io import json as ajson

    review = tmp_path / "review.json"
    ajson.dump(bao_loc_2022_h1(), review)
    marker = tmp_path / "ran"
    template = tmp_path / "evil.md"
    template.write_text(f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "anninh_toandan", "report", str(review), "--template", str(template)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert not marker.exists()
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "evil.md" in done.stderr


def test_a_template_file_that_is_not_text_is_a_report_error(tmp_path: Path, report: Report) -> None:
    t = tmp_path / "t.md"
    t.write_bytes(b"\xff\xfe{{ report }}")
    with pytest.raises(ReportError, match="UTF-8"):
        render_template(report, t)


def test_a_template_that_calls_itself_forever_is_a_template_error(report: Report) -> None:
    template = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
    with pytest.raises(TemplateError, match="too deeply"):
        render_template(report, template)


# -- Markdown: no raw HTML from the data --------------------------------------------------------


def test_markdown_signature_block_cannot_carry_html() -> None:
    """A chair named like an HTML tag is shown, not run, under Python-Markdown (MkDocs)."""
    evil = build_report(bao_loc_2022_h1(), signer=Person(name=EVIL_CHAIR, title="Chủ tịch"))
    md = render(evil, "md")
    assert "<img" not in md
    assert "&lt;img src=x onerror=alert(1)// &gt;" in md
    html = markdown.markdown(md, extensions=["tables"])
    assert "<img" not in html
    assert "onerror=alert(1)" in html  # as text


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "a & b", "&lt;b&gt;", "</div><b>x</b>", "<!-- x"])
def test_markdown_text_shows_as_written_under_python_markdown(text: str) -> None:
    from anninh_toandan.reports._render import _md

    html = markdown.markdown(f"Tên: {_md(text)}")
    assert "<script" not in html and "<b>" not in html and "<!--" not in html and "</div>" not in html
    assert html.startswith("<p>") and html.endswith("</p>")
    shown = html[3:-4].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert shown == f"Tên: {text}"


# -- text: no terminal escapes ------------------------------------------------------------------


def test_text_report_strips_terminal_escapes_and_control_characters() -> None:
    name = "\x1b[2J\x1b]0;pwned\x07Ngô\x1b[31m Quốc\x00 Huy\u202e"
    report = build_report(bao_loc_2022_h1(), signer=Person(name=name, title="Chủ tịch"))
    for fmt in ("text", "md"):
        out = render(report, fmt)  # type: ignore[arg-type]
        assert "Ngô Quốc Huy" in out
        assert not any(ord(c) < 32 and c != "\n" for c in out)
        assert "\u202e" not in out and "\x9b" not in out


def test_custom_text_templates_print_no_control_characters(report: Report) -> None:
    assert render_template(report, "{{ '\x1b[1mđậm\x1b[0m\tvà\r\nhết' }}") == "đậm và\nhết"
    # HTML keeps what it is given, escaped by autoescaping
    assert render_template(report, "{{ '<b>' }}", html=True) == "&lt;b&gt;"


def test_text_table_columns_line_up_whatever_the_labels_hold() -> None:
    from anninh_toandan.reports._model import FigureRow, FigureTable
    from anninh_toandan.reports._render import _texttable

    table = FigureTable(
        caption="Bảng",
        columns=("Chỉ tiêu", "Kết quả"),
        rows=(FigureRow(label="\x1b[31mđỏ\x1b[0m", value="1"), FigureRow(label="xanh", value="22")),
    )
    lines = _texttable(table).splitlines()
    assert "\x1b" not in "".join(lines)
    assert len({line.index("|") for line in lines if "|" in line}) == 1
