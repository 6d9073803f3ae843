"""The ``anninh-toandan`` command.

With no arguments it prints the report of the bundled review (Programme no. 06
in Bảo Lộc, first half of 2022) in Vietnamese. Subcommands:

* ``report FILE... [--format text|md|html|docx] [--locale vi|en] [--out PATH]
  [--template PATH] [--compare FILE] [--findings]``: write the report of each
  review file (JSON or TOML);
* ``validate FILE... [--locale vi|en] [--compare FILE]``: run the standard
  validation rules and the consistency checks of a review (figures for its
  period, none outside it, figures to compare with) on each review and list
  the results; the exit status is 1 when a rule or check is violated, 2 when
  a file cannot be read (every file is still tried);
* ``demo [FOLDER]``: write the bundled report in every format and both
  languages into a folder;
* ``scan FILE [--json] [--year YEAR]``: list the figures found in a Vietnamese text;
* ``workbook make OUT --period ID --unit CODE... [--indicator CODE...]`` and
  ``workbook read FILE [--dry-run] [--out FILE]``: the data-entry form of the
  wards, made and read back.

Text files may be UTF-8 (with or without a byte-order mark) or UTF-16 with a
byte-order mark; any other encoding is named in a clear error. Bad arguments
and bad files give a one-paragraph message and exit status 2, never a
traceback, in the language of ``--locale`` (Vietnamese by default).
"""

from __future__ import annotations

import argparse
import codecs
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from anninh_toandan.errors import AnninhError, ParseError, PeriodError

if TYPE_CHECKING:  # at run time each command imports what it needs, so that --help imports only argparse
    from anninh_toandan.figures import FigureSet
    from anninh_toandan.io.errors import FileFormatError
    from anninh_toandan.period import Period
    from anninh_toandan.reports import Format
    from anninh_toandan.review import Review

__all__ = ["main"]

#: The report formats (those of :data:`anninh_toandan.reports.FORMATS`, which a test checks), written out so
#: that building the parser does not import the reports.
FORMATS: tuple[Format, ...] = ("text", "md", "html", "docx")
_SUFFIX = {"text": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}
_LOCALES = ("vi", "en")


class _UsageError(Exception):
    """A mistake in the command line or the files it names (exit status 2), in English and Vietnamese."""

    def __init__(self, message: str, message_vi: str) -> None:
        super().__init__(message)
        self.message_vi = message_vi

    def text(self, locale: str) -> str:
        return self.message_vi if locale == "vi" else str(self)


def _usage(*, en: str, vi: str) -> _UsageError:
    """A usage error saying *en* in English and *vi* in Vietnamese."""
    return _UsageError(en, vi)


# -- argparse's own messages, in Vietnamese ------------------------------------------------

_ARGPARSE_VI: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<x>.+)"), "thiếu tham số bắt buộc: {x}"),
    (
        re.compile(r"argument (?P<a>\S+): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)"),
        "tham số {a}: giá trị {v} không hợp lệ (chọn một trong {c})",
    ),
    (re.compile(r"unrecognized arguments: (?P<x>.+)"), "không nhận ra tham số: {x}"),
    (re.compile(r"argument (?P<a>\S+): expected one argument"), "tham số {a} cần một giá trị"),
    (re.compile(r"argument (?P<a>\S+): expected at least one argument"), "tham số {a} cần ít nhất một giá trị"),
    (re.compile(r"argument (?P<a>\S+): invalid int value: (?P<v>.+)"), "tham số {a}: {v} không phải số nguyên"),
    (re.compile(r"argument (?P<a>\S+): ignored explicit argument (?P<v>.+)"), "tham số {a} không nhận giá trị {v}"),
    (
        re.compile(r"argument (?P<a>\S+): not allowed with argument (?P<b>\S+)"),
        "không dùng tham số {a} cùng với {b}",
    ),
    (re.compile(r"ambiguous option: (?P<x>.+)"), "tùy chọn không rõ ràng: {x}"),
    (
        re.compile(r"argument (?P<a>\S+): must be a year such as 2022 \(got (?P<v>.+)\)"),
        "tham số {a} phải là một năm, ví dụ 2022 (đã nhập {v})",
    ),
)


def _argparse_vi(message: str) -> str:
    for pattern, vi in _ARGPARSE_VI:
        m = pattern.fullmatch(message)
        if m is not None:
            return vi.format(**m.groupdict())
    return f"lệnh không hợp lệ ({message})"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own errors: one paragraph, status 2
        raise _usage(
            en=f"{message} (see '{self.prog} --help')", vi=f"{_argparse_vi(message)} (xem '{self.prog} --help')"
        )


# -- reading files ------------------------------------------------------------------------


def _check_file(path: str) -> Path:
    """The path of an existing file; a folder or a missing path is a usage error."""
    p = Path(path)
    if p.is_dir():
        raise _usage(en=f"{path}: is a folder, not a file", vi=f"{path}: là một thư mục, không phải một tệp")
    if not p.is_file():
        raise _usage(en=f"{path}: no such file", vi=f"{path}: không có tệp này")
    return p


def _decode(data: bytes, source: str) -> str:
    """The text of a file's bytes: UTF-8 with or without a BOM, or UTF-16 with a BOM.

    Any other encoding is a usage error that names it when it can be told
    (UTF-16 without a BOM; Windows-1258 or another legacy encoding).
    """
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":
            raise _usage(
                en=f"{source}: starts as UTF-16 but is not valid UTF-16 (byte {exc.start})",
                vi=f"{source}: bắt đầu như UTF-16 nhưng không phải UTF-16 hợp lệ (byte {exc.start})",
            ) from None
        if data.count(0) > len(data) // 4:
            named_en, named_vi = "it looks like UTF-16 without a byte-order mark", "tệp có vẻ là UTF-16 không có BOM"
        else:
            named_en = "it looks like Windows-1258 (Vietnamese ANSI) or another legacy encoding"
            named_vi = "tệp có vẻ dùng bảng mã Windows-1258 (ANSI tiếng Việt) hoặc một bảng mã cũ khác"
        raise _usage(
            en=f"{source}: is not UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start}): {named_en}; "
            "save it as UTF-8 (or UTF-16 with a byte-order mark) and try again",
            vi=f"{source}: không phải mã UTF-8 (byte 0x{data[exc.start]:02x} ở vị trí {exc.start}): {named_vi}; "
            "hãy lưu lại tệp dưới dạng UTF-8 (hoặc UTF-16 có BOM) rồi chạy lại",
        ) from None


def _read_text(path: str) -> str:
    return _decode(_check_file(path).read_bytes(), path)


def _load_review(path: str) -> Review:
    from anninh_toandan.review import Review

    review: Review = _load(path, Review)
    return review


def _load(path: str, cls: type[Any]) -> Any:
    from anninh_toandan.io import json as io_json
    from anninh_toandan.io import toml as io_toml
    from anninh_toandan.io.errors import FileFormatError

    p = _check_file(path)
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".json", ""):
        raise _usage(
            en=f"{path}: a review file must be .json or .toml (got {suffix!r})",
            vi=f"{path}: tệp báo cáo phải là .json hoặc .toml (tệp này là {suffix!r})",
        )
    text = _read_text(path)
    try:
        if suffix == ".toml":
            return io_toml.loads(text, cls, source=path)
        return io_json.loads(text, cls, source=path)
    except FileFormatError as exc:
        raise _explained(exc) from None


def _explained(exc: FileFormatError) -> FileFormatError:
    """*exc* with :meth:`Period.parse`'s explanation added to each problem about a period id it can explain."""
    from anninh_toandan.io.errors import FileFormatError, Problem
    from anninh_toandan.period import Period

    problems = []
    changed = False
    for p in exc.problems:
        message = p.message
        if isinstance(p.value, str) and "period" in p.path.rsplit(".", 1)[-1]:
            try:
                Period.parse(p.value)
            except PeriodError as why:
                if str(why) not in message:
                    message, changed = f"{message} ({why})", True
        problems.append(Problem(path=p.path, message=message, value=p.value))
    return FileFormatError(problems, exc.source) if changed else exc


def _load_compare(path: str) -> FigureSet | Review:
    """A review or a figure set, whichever the file holds."""
    from anninh_toandan.figures import FigureSet

    p = Path(path)
    if p.suffix.lower() == ".json" and p.is_file():
        try:
            tag = json.loads(_read_text(path)).get("type")
        except (ValueError, AttributeError, RecursionError):
            tag = None
        if tag == "figure_set":
            loaded: FigureSet = _load(path, FigureSet)
            return loaded
    return _load_review(path)


class _Progress:
    """Progress on a terminal's stderr; nothing when it is not a terminal."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.active = total > 1 and stream.isatty()
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        if self.active:
            self.stream.write(f"\r[{self.done}/{self.total}] {label[:60]:<60}")
            self.stream.flush()

    def close(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()


def _output_path(out: str | None, source: str, fmt: str, many: bool) -> Path | None:
    if out is None:
        return None
    target = Path(out)
    if many or target.is_dir():
        if not target.is_dir():
            raise _usage(
                en=f"--out {out}: with several files, --out must be an existing folder",
                vi=f"--out {out}: khi có nhiều tệp, --out phải là một thư mục đã có",
            )
        return target / (Path(source).stem + _SUFFIX[fmt])
    if not target.parent.is_dir():
        raise _usage(
            en=f"--out {out}: the folder {str(target.parent)!r} does not exist",
            vi=f"--out {out}: chưa có thư mục “{target.parent}”",
        )
    return target


# -- the commands -------------------------------------------------------------------------


def _format_of(args: argparse.Namespace) -> None:
    """``--format`` when given; else the one the ``--out`` file's name asks for ("báo cáo.docx"), else text."""
    if args.format is None:
        suffix = Path(args.out).suffix.lower() if args.out else ""
        by_suffix = {ending: fmt for fmt, ending in _SUFFIX.items()} | {".htm": "html", ".markdown": "md"}
        args.format = by_suffix.get(suffix, "text")


def _cmd_report(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    _format_of(args)
    if args.store:
        from anninh_toandan import _cli_store

        return _cli_store.store_report(args, stdout, stderr, _load_review, _announce)
    _need_files(args)
    from anninh_toandan.reports import build_report, render, render_template, write_report

    compare = _load_compare(args.compare) if args.compare else None
    files: list[str] = args.files
    many = len(files) > 1
    if args.format == "docx" and args.out is None:
        raise _usage(
            en="--format docx writes a file: give --out PATH", vi="--format docx ghi ra tệp: hãy thêm --out ĐƯỜNG_DẪN"
        )
    progress = _Progress(len(files), stderr)
    for path in files:
        review = _load_review(path)
        report = build_report(review, locale=args.locale, compare=compare, findings=args.findings)
        target = _output_path(args.out, path, args.format, many)
        if target is None:
            text = render_template(report, args.template) if args.template else render(report, args.format)
            stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            write_report(report, target, args.format, template=args.template)
        _announce(report, path, target, args.locale, stderr)
        progress.step(path)
    progress.close()
    return 0


def _announce(report: Any, source: str, target: Path | None, locale: str, stderr: IO[str]) -> None:
    """What the drafter must see of a report written: its warnings on stderr, and its checklist."""
    for warning in report.warnings:  # the drafter's notes: never in the document, always on stderr
        stderr.write(f"{source}: {'cảnh báo' if locale == 'vi' else 'warning'}: {warning}\n")
    _write_checklist(report, source, target, locale, stderr)


def _write_checklist(report: Any, source: str, target: Path | None, locale: str, stderr: IO[str]) -> None:
    """The drafter's checklist beside the report ("<out>.checklist.txt"), or on stderr when the report
    goes to stdout; either way stderr says where it went. It is never part of the document."""
    from anninh_toandan._files import atomic_write_text
    from anninh_toandan.reports import render_checklist

    text = render_checklist(report)
    vi = locale == "vi"
    if target is None:
        stderr.write(f"{source}: {'danh mục kiểm tra của người soạn thảo' if vi else 'the drafter checklist'}:\n")
        stderr.write(text)
        return
    where = atomic_write_text(target.with_name(f"{target.stem}.checklist.txt"), text)
    stderr.write(f"{source}: {'danh mục kiểm tra ghi vào' if vi else 'checklist written to'} {where}\n")


def _need_files(args: argparse.Namespace) -> None:
    """``report`` and ``validate`` read review files unless they read a store."""
    if not args.files:
        raise _usage(
            en="the following arguments are required: FILE (or --store TARGET) "
            f"(see 'anninh-toandan {args.command} --help')",
            vi=f"thiếu tham số bắt buộc: FILE (hoặc --store ĐÍCH) (xem 'anninh-toandan {args.command} --help')",
        )


def _cmd_validate(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    if args.store:
        from anninh_toandan import _cli_store

        return _cli_store.store_validate(args, stdout, stderr)
    _need_files(args)
    from anninh_toandan.reports._findings import describe_results
    from anninh_toandan.rules import Outcome

    status = 0
    compare = _load_compare(args.compare) if args.compare else None
    bad_files = 0
    for path in args.files:
        try:
            review = _load_review(path)
        except (_UsageError, AnninhError, OSError) as exc:
            stderr.write(_paragraph(exc, args.locale) + "\n")
            bad_files += 1
            continue
        results = review.validate(compare=compare)
        for line in describe_results(results, locale=args.locale):
            stdout.write(f"{path}: {line}\n")
        if any(r.outcome is Outcome.VIOLATED for r in results):
            status = 1
    return 2 if bad_files else status


def _cmd_demo(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan.datasets import bao_loc_2022_h1
    from anninh_toandan.reports import build_report, write_report

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        raise _usage(
            en=f"{folder}: is a file; demo writes its reports into a folder: name a new or an existing folder",
            vi=f"{folder}: là một tệp; lệnh demo ghi báo cáo vào một thư mục: hãy chọn một thư mục mới hoặc đã có",
        )
    folder.mkdir(parents=True, exist_ok=True)
    review = bao_loc_2022_h1()
    jobs = [(locale, fmt) for locale in ("vi", "en") for fmt in FORMATS]
    progress = _Progress(len(jobs), stderr)
    reports = {locale: build_report(review, locale=locale) for locale in ("vi", "en")}
    for locale, fmt in jobs:
        target = folder / f"bao_loc_2022_h1.{locale}{_SUFFIX[fmt]}"
        write_report(reports[locale], target, fmt)
        stdout.write(f"{target}\n")
        progress.step(str(target))
    progress.close()
    for locale, report in reports.items():  # the drafter's checklist: a file of its own, never in the document
        _write_checklist(report, "demo", folder / f"bao_loc_2022_h1.{locale}.txt", locale, stderr)
    return 0


def _cmd_scan(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan import scan

    items = scan.scan(_read_text(args.file), year=args.year)
    stdout.write(scan.to_json(items) if args.json else scan.format_table(items))
    stdout.write("\n")
    return 0


def _cmd_workbook_make(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan.io.excel import make_workbook

    out = Path(args.out)
    if out.is_dir():
        raise _usage(
            en=f"{out}: is a folder; name the .xlsx file to write",
            vi=f"{out}: là một thư mục; hãy ghi tên tệp .xlsx cần tạo",
        )
    if out.exists() and not args.force:
        raise _usage(
            en=f"{out}: exists already; pass --force to replace it",
            vi=f"{out}: tệp đã có; thêm --force nếu muốn ghi đè",
        )
    period = _period(args.period)
    indicators = args.indicator or list(_DEFAULT_INDICATORS)
    make_workbook(args.unit, period, indicators, out, approximate=not args.exact)
    stdout.write(f"{out}\n")
    return 0


#: The indicators of a form when none is named: those of the Bảo Lộc review.
_DEFAULT_INDICATORS = (
    "outreach_sessions",
    "outreach_reach",
    "security_models_established",
    "tips_received",
    "tips_valuable",
    "fund_contributions",
)


def _period(text: str) -> Period:
    from anninh_toandan.period import Period

    try:
        return Period.parse(text)
    except PeriodError as exc:
        raise _usage(en=f"--period {text}: {exc}", vi=f"--period {text}: không phải mã kỳ hợp lệ ({exc})") from None


def _cmd_workbook_read(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan.io import dump
    from anninh_toandan.io.excel import read_workbook

    path = _check_file(args.file)
    result = read_workbook(path, strict=False, dry_run=args.dry_run)
    stdout.write(result.summary.describe(locale=args.locale) + "\n")
    if result.figures is not None and args.out is not None:
        dump(result.figures, args.out)
        stdout.write(f"{args.out}\n")
    return 0 if result.summary.ok else 1


# -- the parser ---------------------------------------------------------------------------


def _add_locale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--locale", choices=_LOCALES, default="vi", help="language (default: vi)")


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text.strip()):
        msg = f"must be a year such as 2022 (got {text!r})"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _add_report(sub: Any) -> None:
    report = sub.add_parser("report", help="write the report of review files (JSON or TOML)")
    report.add_argument("files", nargs="*", metavar="FILE", help="review files (.json or .toml)")
    report.add_argument(
        "--format", choices=FORMATS, help="output format (default: from the --out file's name, else text)"
    )
    _add_locale(report)
    report.add_argument("--out", metavar="PATH", help="output file, or folder for several files (default: stdout)")
    report.add_argument("--template", metavar="PATH", help="a Jinja2 template of your own")
    report.add_argument("--compare", metavar="FILE", help="a review or figure-set file of the comparison period")
    report.add_argument(
        "--findings",
        action="store_true",
        help="also add the drafter's checklist to the report as an appendix (it is always written beside it)",
    )
    _add_store_options(report)
    report.set_defaults(run=_cmd_report)


def _add_validate(sub: Any) -> None:
    validate = sub.add_parser("validate", help="check review files; exit status 1 when a rule is violated")
    validate.add_argument("files", nargs="*", metavar="FILE")
    validate.add_argument(
        "--compare", metavar="FILE", help="the review or figure set a report would compare with: check it has figures"
    )
    _add_locale(validate)
    _add_store_options(validate)
    validate.set_defaults(run=_cmd_validate)


def _add_demo(sub: Any) -> None:
    demo = sub.add_parser("demo", help="write the bundled report in every format into a folder")
    demo.add_argument("folder", nargs="?", default="anninh-toandan-demo", metavar="FOLDER")
    _add_locale(demo)
    demo.set_defaults(run=_cmd_demo)


def _add_scan(sub: Any) -> None:
    scan = sub.add_parser("scan", help="list the figures found in a Vietnamese text file")
    scan.add_argument("file", metavar="FILE")
    scan.add_argument("--json", action="store_true", help="print JSON instead of a table")
    scan.add_argument("--year", type=_year, metavar="YEAR", help="the year of dates and periods that name none")
    _add_locale(scan)
    scan.set_defaults(run=_cmd_scan)


def _add_workbook(sub: Any) -> None:
    workbook = sub.add_parser("workbook", help="make or read the data-entry workbook (.xlsx) of the wards")
    _add_locale(workbook)
    actions = workbook.add_subparsers(dest="action", parser_class=_Parser)
    make = actions.add_parser("make", help="write an empty form for units and a period")
    make.add_argument("out", metavar="OUT.xlsx")
    make.add_argument("--period", required=True, metavar="ID", help="period id: 2022S1, 2022Q1, 202207, 2022 ...")
    make.add_argument("--unit", required=True, nargs="+", metavar="CODE", help="unit codes, one row each")
    make.add_argument("--indicator", nargs="+", metavar="CODE", help="indicator codes (default: the review's)")
    make.add_argument("--exact", action="store_true", help="no 'mức độ' (qualifier) columns")
    make.add_argument("--force", action="store_true", help="replace an existing file")
    _add_locale(make)
    make.set_defaults(run=_cmd_workbook_make)
    read = actions.add_parser("read", help="read a filled-in form and list what was imported and rejected")
    read.add_argument("file", metavar="FILE.xlsx")
    read.add_argument("--dry-run", action="store_true", help="only check the form; write nothing")
    read.add_argument("--out", metavar="FILE.json", help="write the figures read to a JSON file")
    _add_locale(read)
    read.set_defaults(run=_cmd_workbook_read)


def _add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--store``, ``--unit`` and ``--period`` for ``report`` and ``validate`` (the store loads only when used)."""
    parser.add_argument("--store", metavar="TARGET", help="read the figures from a store (DuckDB file or URL)")
    parser.add_argument("--unit", metavar="CODE", help="with --store: the unit (default: the review's)")
    parser.add_argument(
        "--period", metavar="ID", help="with --store: the period id, e.g. 2022S1 (default: the review's)"
    )


def _cmd_import(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan import _cli_store

    return _cli_store.import_files(args, stdout, stderr)


def _add_import(sub: Any) -> None:
    cmd = sub.add_parser("import", help="import figure files (workbooks, CSV, review or figure-set JSON) into a store")
    cmd.add_argument("files", nargs="+", metavar="FILE", help=".xlsx, .csv or .json files; each becomes one batch")
    cmd.add_argument("--store", required=True, metavar="TARGET", help="a DuckDB file or a postgresql:// URL")
    cmd.add_argument("--reported-by", metavar="WHO", help="who sent the files (kept with each batch)")
    cmd.add_argument("--note", metavar="TEXT", help="a remark kept with each batch")
    _add_locale(cmd)
    cmd.set_defaults(run=_cmd_import)


#: The subcommands, each added by its own function (add yours to this list).
_SUBCOMMANDS: list[Callable[[Any], None]] = [
    _add_report,
    _add_validate,
    _add_import,
    _add_demo,
    _add_scan,
    _add_workbook,
]


def _parser() -> _Parser:
    parser = _Parser(
        prog="anninh-toandan",
        description="Reports of the joint security programmes of the police and the Fatherland Front. "
        "With no arguments: the report of the bundled Bảo Lộc review, in Vietnamese.",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for add in _SUBCOMMANDS:
        add(sub)
    return parser


# -- errors as one paragraph --------------------------------------------------------------


def _paragraph(exc: BaseException, locale: str) -> str:
    """The error as one paragraph (lines without a blank line), in *locale* where the error knows it."""
    from anninh_toandan.io.errors import FileFormatError

    if isinstance(exc, _UsageError):
        text = exc.text(locale)
    elif isinstance(exc, ParseError) and locale == "vi" and exc.reason_vi:
        text = f"không đọc được “{exc.text}”: {exc.reason_vi} (vị trí {exc.position})"
    elif isinstance(exc, FileFormatError) and locale == "vi":
        from anninh_toandan._problems_vi import file_error_vi

        text = file_error_vi(exc)  # places and messages in Vietnamese where the table knows them
    elif isinstance(exc, AnninhError) and locale == "vi":
        from anninh_toandan._problems_vi import error_vi

        text = error_vi(exc)  # reason_vi, else a store message the table knows, else English
    elif isinstance(exc, OSError):
        text = _os_error(exc, locale)
    else:
        text = str(exc) or type(exc).__name__
    lines = [line for line in text.splitlines() if line.strip()]
    return "anninh-toandan: " + "\n".join(lines)


def _os_error(exc: OSError, locale: str) -> str:
    name = exc.filename if exc.filename is not None else ""
    if locale == "vi":
        what = {
            FileNotFoundError: "không có tệp hoặc thư mục này",
            PermissionError: "không có quyền đọc hoặc ghi",
            IsADirectoryError: "là một thư mục, không phải một tệp",
            NotADirectoryError: "một phần của đường dẫn không phải thư mục",
            FileExistsError: "đã có",
        }.get(type(exc), f"lỗi hệ thống ({exc.strerror or exc})")
    else:
        what = exc.strerror or str(exc)
    return f"{name}: {what}" if name else what


def _locale_of(argv: Sequence[str]) -> str:
    """The locale the arguments ask for ("vi" unless ``--locale en``), before they are parsed."""
    for i, arg in enumerate(argv):
        if arg == "--locale" and i + 1 < len(argv) and argv[i + 1] in _LOCALES:
            return argv[i + 1]
        if arg.startswith("--locale=") and arg.split("=", 1)[1] in _LOCALES:
            return arg.split("=", 1)[1]
    return "vi"


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args_list = [str(a) for a in (sys.argv[1:] if argv is None else argv)]
    locale = _locale_of(args_list)
    try:
        if not args_list:
            from anninh_toandan.datasets import bao_loc_2022_h1
            from anninh_toandan.reports import build_report, render

            out.write(render(build_report(bao_loc_2022_h1()), "text"))
            return 0
        parser = _parser()
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help
            return int(exc.code or 0)
        if getattr(args, "run", None) is None:
            if getattr(args, "command", None) == "workbook":
                raise _usage(
                    en="workbook needs an action: make or read (see 'anninh-toandan workbook --help')",
                    vi="lệnh workbook cần thêm make (tạo biểu mẫu) hoặc read (đọc biểu mẫu); "
                    "xem 'anninh-toandan workbook --help'",
                )
            raise _usage(
                en="a command is needed: report, validate, import, demo, scan or workbook "
                "(see 'anninh-toandan --help')",
                vi="cần một lệnh: report, validate, import, demo, scan hoặc workbook (xem 'anninh-toandan --help')",
            )
        code: int = args.run(args, out, err)
        return code
    except (_UsageError, AnninhError, OSError, UnicodeError, RecursionError) as exc:
        err.write(_paragraph(exc, locale) + "\n")
        return 2
