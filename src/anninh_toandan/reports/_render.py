"""Rendering a report: built-in and custom Jinja2 templates, Word, files (private)."""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.exceptions
import jinja2.sandbox

from anninh_toandan import formatting
from anninh_toandan._files import atomic_write_bytes, atomic_write_text
from anninh_toandan.reports._errors import ReportError, TemplateError
from anninh_toandan.reports._model import FigureTable, Report

__all__ = ["FORMATS", "Format", "render", "render_checklist", "render_template", "template_filters", "write_report"]

Format = Literal["text", "md", "html", "docx"]
FORMATS: tuple[Format, ...] = ("text", "md", "html", "docx")
_SUFFIXES: dict[str, Format] = {".txt": "text", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
_BUILTIN = {"text": "report.txt.j2", "md": "report.md.j2", "html": "report.html.j2"}
WIDTH = 80

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
# Python-Markdown (used by MkDocs) does not honour "\<", and leaves the inside of
# a raw HTML block such as <div> unprocessed: "&", "<" and ">" are written as
# entities, which every Markdown reads as the character and never as markup.
_MD_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Terminal escape sequences (CSI, OSC and two-character ones), then every other
# control character but the line break, and the bidirectional overrides that can
# make a line read otherwise than it is stored.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MD_LEADING = re.compile(r"^(\s*)([-+]|\d+[.)])(\s)", re.MULTILINE)


def _md(value: object) -> str:
    """Escape text for Markdown: it shows as written, never as markup or HTML.

    Markdown characters get a backslash; ``&``, ``<`` and ``>`` become
    entities, so text inside the report's raw HTML (the signature block) stays
    text under every Markdown processor, Python-Markdown included. Control
    characters and terminal escapes go first (:func:`_plain`), before a
    backslash could split an escape sequence ("\\x1b[2J" must not become
    "\\x1b\\[2J").
    """
    text = _MD_SPECIAL.sub(r"\\\1", _plain(value).translate(_MD_ENTITIES))
    return _MD_LEADING.sub(_escape_marker, text)


def _plain(value: object) -> str:
    """*value* as text without control characters or terminal escapes (a tab becomes a space).

    >>> _plain("\\x1b[31mđỏ\\x1b[0m\\tvà\\x07 xanh")
    'đỏ và xanh'
    """
    text = _ESCAPES.sub("", str(value)).replace("\t", " ")
    return _CONTROLS.sub("", text)


def _finalize(value: object) -> object:
    """Every value a text or Markdown template prints goes through :func:`_plain`."""
    return _plain(value) if isinstance(value, str) else value


def _escape_marker(m: re.Match[str]) -> str:
    """Escape a list marker at the start of a line: "- a" → "\\- a", "1. a" → "1\\. a"."""
    marker = m[2]
    escaped = f"\\{marker}" if marker in "-+" else f"{marker[:-1]}\\{marker[-1]}"
    return f"{m[1]}{escaped}{m[3]}"


def _wrap(value: object, width: int = WIDTH) -> list[str]:
    return textwrap.wrap(_plain(value), width=width, break_long_words=False, break_on_hyphens=False) or [""]


def _paragraph(value: object, width: int = WIDTH, indent: int = 4) -> str:
    """A justified-looking plain-text paragraph: first line indented, wrapped."""
    return "\n".join(
        textwrap.wrap(
            _plain(value),
            width=width,
            initial_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def _centre(value: object, width: int = WIDTH) -> str:
    """*value* centred in *width* columns, without trailing spaces."""
    return _plain(value).center(width).rstrip()


def _twocol(left: object, right: object, width: int = WIDTH) -> str:
    half = width // 2 - 2
    return f"{_plain(left).center(half)}    {_plain(right).center(half)}".rstrip()


def _texttable(table: FigureTable, width: int = WIDTH) -> str:
    header = [_plain(c) for c in table.columns]
    rows = [
        [_plain(c) for c in (r.label, r.value, *((r.previous or "", r.change or "") if table.has_comparison else ()))]
        for r in table.rows
    ]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    budget = width - 3 * (len(widths) - 1)
    while sum(widths) > budget and max(widths) > 10:  # narrow the widest column, one character at a time
        widest = widths.index(max(widths))
        widths[widest] -= 1

    def line(cells: list[str]) -> list[str]:
        wrapped = [_wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        out = []
        for i in range(height):
            parts = []
            for j, (col, w) in enumerate(zip(wrapped, widths, strict=True)):
                cell = col[i] if i < len(col) else ""
                parts.append(cell.ljust(w) if j == 0 else cell.rjust(w))
            out.append(" | ".join(parts).rstrip())
        return out

    rule = "-+-".join("-" * w for w in widths)
    out = [*line(header), rule]
    for r in rows:
        out += line(r)
    return "\n".join(out)


def template_filters(locale: str) -> dict[str, Callable[..., Any]]:
    """The filters (and functions) every report template has, bound to *locale*.

    ``format_number``, ``format_quantity``, ``format_money``,
    ``format_percent``, ``format_date``, ``format_period``, ``format_change``,
    ``spell_number`` and ``spell_money`` (the functions of
    :mod:`anninh_toandan.formatting`, with the report's locale unless given),
    and for text layout ``wrap``, ``paragraph``, ``twocol``, ``centre``, ``texttable`` and
    ``md`` (Markdown escaping).
    """

    def bind(fn: Callable[..., str]) -> Callable[..., str]:
        def bound(*args: Any, **kwargs: Any) -> str:
            kwargs.setdefault("locale", locale)
            return fn(*args, **kwargs)

        bound.__name__ = fn.__name__
        bound.__doc__ = fn.__doc__
        return bound

    names = (
        "format_number",
        "format_quantity",
        "format_money",
        "format_percent",
        "format_date",
        "format_period",
        "format_change",
        "spell_number",
        "spell_money",
    )
    filters: dict[str, Callable[..., Any]] = {name: bind(getattr(formatting, name)) for name in names}
    filters.update(wrap=_wrap, paragraph=_paragraph, twocol=_twocol, centre=_centre, texttable=_texttable, md=_md)
    return filters


#: The longest text or list a template may build with ``*``, and the largest exponent of ``**``.
_MAX_PRODUCT = 1_000_000
_MAX_EXPONENT = 64


class _Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, which also refuses to build huge values.

    A template may read the report model and call the filters; it cannot reach
    Python internals (``__globals__``, ``__class__``, ...), call methods that
    change lists or dicts, nor make a string of a billion characters.
    """

    intercepted_binops = frozenset({"*", "**"})

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, jinja2.Undefined):  # name the missing variable, not the sandbox's refusal
            obj._fail_with_undefined_error()
        return super().getattr(obj, attribute)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
                msg = f"exponent {right!r} is larger than {_MAX_EXPONENT}"
                raise jinja2.exceptions.SecurityError(msg)
            return left**right
        size = max(_sized(left) * _count_of(right), _sized(right) * _count_of(left))
        if size > _MAX_PRODUCT:
            msg = f"the product would hold {size} items, more than {_MAX_PRODUCT}"
            raise jinja2.exceptions.SecurityError(msg)
        return left * right


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple) else 0


def _count_of(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _environment(*, html: bool, loader: jinja2.BaseLoader, locale: str) -> jinja2.Environment:
    env = _Sandbox(
        loader=loader,
        autoescape=html,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
        finalize=None if html else _finalize,
    )
    # Only the filters and plain-data helpers: Jinja2's lipsum, cycler and joiner
    # are functions and objects whose module globals a template could walk to.
    env.globals.clear()
    env.globals.update(range=jinja2.sandbox.safe_range, namespace=jinja2.utils.Namespace)
    filters = template_filters(locale)
    env.filters.update(filters)
    env.globals.update(filters)  # also callable as functions: {{ format_percent(100, 274) }}
    env.globals["width"] = WIDTH
    return env


def _context(report: Report) -> dict[str, Any]:
    return {"report": report, "review": report.review, "figures": report.figures}


def _fail(name: str, exc: Exception, why: str | None = None) -> TemplateError:
    line = getattr(exc, "lineno", None)
    if line is None:
        line = _line_of(exc, name)
    where = f"{name}, line {line}" if line is not None else name
    cause = getattr(exc, "message", None) or str(exc)
    if why is not None:
        cause = f"{cause.rstrip('.')}: {why}"
    return TemplateError(f"template {where}: {type(exc).__name__}: {cause}", template=name, line=line)


def _line_of(exc: Exception, name: str) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in (name, "<template>"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def render(report: Report, format: Format = "text") -> str:
    """The report as text, Markdown or a standalone HTML page.

    Every value is escaped for its format: in HTML, a unit called
    ``<script>`` is shown, not run; in Markdown, ``*`` is shown, not bold.
    For Word, use :func:`write_report` or :func:`render_docx`.
    """
    if format not in _BUILTIN:
        msg = f"'format' must be one of 'text', 'md', 'html' for render() (got {format!r}); use write_report() for docx"
        raise ReportError(msg)
    env = _environment(
        html=format == "html",
        loader=jinja2.PackageLoader("anninh_toandan.reports", "templates"),
        locale=report.locale,
    )
    template = env.get_template(_BUILTIN[format])
    return _nfc(template.render(_context(report)))


def render_checklist(report: Report) -> str:
    """The drafter's checklist of a report as plain text, for a file of its own beside the report.

    It is never part of the document sent (see :attr:`Report.checklist`):
    the title says whose it is, then one line per check, in the report's
    language.

    >>> from anninh_toandan.datasets import bao_loc_2022_h1
    >>> from anninh_toandan.reports import build_report
    >>> print(render_checklist(build_report(bao_loc_2022_h1())).splitlines()[0])
    DANH MỤC KIỂM TRA SỐ LIỆU CỦA NGƯỜI SOẠN THẢO
    """
    from anninh_toandan.reports._locales import phrasebook

    book = phrasebook(report.locale)
    lines = [book.checklist_title, book.checklist_note, report.heading.subject, ""]
    for line in report.checklist:
        wrapped = textwrap.wrap(line, width=WIDTH - 2, break_long_words=False, break_on_hyphens=False) or [""]
        lines.append("- " + wrapped[0])
        lines += ["  " + more for more in wrapped[1:]]
    return _nfc("\n".join(lines) + "\n")


def render_template(report: Report, template: str | os.PathLike[str], *, html: bool | None = None) -> str:
    """Render a custom Jinja2 *template* (a path, or the template text itself).

    The template gets ``report`` (a :class:`Report`), ``review`` and
    ``figures``, and the filters of :func:`template_filters`. Autoescaping is on
    for templates whose path ends in ``.html``/``.htm`` (or with ``html=True``).
    A broken template raises :class:`TemplateError` naming the template, the
    line and the cause.
    """
    if isinstance(template, os.PathLike) or (isinstance(template, str) and _looks_like_path(template)):
        path = Path(template)
        if not path.is_file():
            msg = f"'template' must be a template file or the template text (got the missing path {str(path)!r})"
            raise ReportError(msg)
        name = str(path)
        try:
            source = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            msg = f"'template' must be a readable UTF-8 text file (got {str(path)!r}: {exc})"
            raise ReportError(msg) from None
        autoescape = path.suffix.lower() in (".html", ".htm", ".j2html") if html is None else html
    else:
        name = "<template>"
        source = str(template)
        autoescape = bool(html)
    env = _environment(html=autoescape, loader=jinja2.DictLoader({name: source}), locale=report.locale)
    try:
        compiled = env.get_template(name)
        return _nfc(compiled.render(_context(report)))
    except jinja2.TemplateSyntaxError as exc:
        raise _fail(name, exc) from None
    except jinja2.exceptions.SecurityError as exc:
        raise _fail(name, exc, "not allowed in a report template (see docs/reports.md)") from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
        raise _fail(name, exc) from None
    except RecursionError:
        raise _fail(name, RecursionError("the template calls itself too deeply")) from None


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and "{" not in text and len(text) < 4096


def format_for(path: str | os.PathLike[str], format: Format | None = None) -> Format:
    """The format to write *path* in: *format* if given, else from its suffix."""
    if format is not None:
        if format not in FORMATS:
            msg = f"'format' must be one of {', '.join(FORMATS)} (got {format!r})"
            raise ReportError(msg)
        return format
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        msg = f"cannot tell the format of {str(path)!r} from its suffix; give format= one of {', '.join(FORMATS)}"
        raise ReportError(msg)
    return _SUFFIXES[suffix]


def write_report(
    report: Report,
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    template: str | os.PathLike[str] | None = None,
) -> Path:
    """Write the report to *path* atomically and return the path.

    The format comes from *format* or the suffix (``.txt``, ``.md``,
    ``.html``, ``.docx``). With *template*, the custom template is rendered
    instead of the built-in layout. An existing file is replaced only by a
    complete new one.
    """
    target = Path(path)
    if not target.parent.is_dir():
        msg = f"the folder of {str(target)!r} does not exist"
        raise ReportError(msg)
    if template is not None:
        fmt = format_for(target, format) if format is not None or target.suffix else "text"
        text = render_template(report, template, html=fmt == "html" if format is not None else None)
        return atomic_write_text(target, text)
    fmt = format_for(target, format)
    if fmt == "docx":
        from anninh_toandan.reports._docx import render_docx

        return atomic_write_bytes(target, render_docx(report))
    return atomic_write_text(target, render(report, fmt))
