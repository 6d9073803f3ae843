"""The ``anninh-toandan`` command.

With no arguments it prints the report of the bundled review (Programme no. 06
in Bảo Lộc, first half of 2022) in Vietnamese. Subcommands:

* ``report FILE... [--format text|md|html|docx] [--locale vi|en] [--out PATH]
  [--template PATH] [--compare FILE] [--findings]``: write the report of each
  review file (JSON or TOML);
* ``validate FILE... [--locale vi|en]``: run the standard validation rules on
  each review and list every result; the exit status is 1 when a rule is
  violated;
* ``demo [FOLDER]``: write the bundled report in every format and both
  languages into a folder;
* ``scan FILE [--json]``: list the figures found in a Vietnamese text.

Bad arguments and bad files give a one-paragraph message and exit status 2,
never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from anninh_toandan import _cli_store
from anninh_toandan.errors import AnninhError
from anninh_toandan.figures import FigureSet
from anninh_toandan.io import json as io_json
from anninh_toandan.io import toml as io_toml
from anninh_toandan.reports import FORMATS, build_report, render, render_template, write_report
from anninh_toandan.review import Review

__all__ = ["main"]

_SUFFIX = {"text": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}


class _UsageError(Exception):
    """A mistake in the command line or the files it names (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own errors: one paragraph, status 2
        msg = f"{message} (see '{self.prog} --help')"
        raise _UsageError(msg)


def _load_review(path: str) -> Review:
    review: Review = _load(path, Review)
    return review


def _load(path: str, cls: type[Any]) -> Any:
    p = Path(path)
    if not p.is_file():
        msg = f"{path}: no such file"
        raise _UsageError(msg)
    suffix = p.suffix.lower()
    if suffix == ".toml":
        return io_toml.load(p, cls)
    if suffix in (".json", ""):
        return io_json.load(p, cls)
    msg = f"{path}: a review file must be .json or .toml (got {suffix!r})"
    raise _UsageError(msg)


def _load_compare(path: str) -> FigureSet | Review:
    """A review or a figure set, whichever the file holds."""
    p = Path(path)
    if p.suffix.lower() == ".json" and p.is_file():
        try:
            tag = json.loads(p.read_text("utf-8")).get("type")
        except (ValueError, AttributeError):
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
            msg = f"--out {out}: with several files, --out must be an existing folder"
            raise _UsageError(msg)
        return target / (Path(source).stem + _SUFFIX[fmt])
    return target


def _cmd_report(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    if args.store:
        return _cli_store.store_report(args, stdout, stderr, _load_review)
    _need_files(args)
    compare = _load_compare(args.compare) if args.compare else None
    files: list[str] = args.files
    many = len(files) > 1
    if args.format == "docx" and args.out is None:
        msg = "--format docx writes a file: give --out PATH"
        raise _UsageError(msg)
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
        progress.step(path)
    progress.close()
    return 0


def _need_files(args: argparse.Namespace) -> None:
    if not args.files:
        msg = (
            "the following arguments are required: FILE (or --store TARGET) "
            f"(see 'anninh-toandan {args.command} --help')"
        )
        raise _UsageError(msg)


def _cmd_validate(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    if args.store:
        return _cli_store.store_validate(args, stdout, stderr)
    _need_files(args)
    from anninh_toandan.reports._findings import describe_results
    from anninh_toandan.rules import Outcome

    status = 0
    for path in args.files:
        review = _load_review(path)
        results = review.validate()
        for line in describe_results(results, review.check(), locale=args.locale):
            stdout.write(f"{path}: {line}\n")
        if any(r.outcome is Outcome.VIOLATED for r in results):
            status = 1
    return status


def _cmd_demo(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan.datasets import bao_loc_2022_h1

    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    review = bao_loc_2022_h1()
    jobs = [(locale, fmt) for locale in ("vi", "en") for fmt in FORMATS]
    progress = _Progress(len(jobs), stderr)
    for locale, fmt in jobs:
        report = build_report(review, locale=locale, findings=True)
        target = folder / f"bao_loc_2022_h1.{locale}{_SUFFIX[fmt]}"
        write_report(report, target, fmt)
        stdout.write(f"{target}\n")
        progress.step(str(target))
    progress.close()
    return 0


def _cmd_scan(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from anninh_toandan import scan

    path = Path(args.file)
    if not path.is_file():
        msg = f"{args.file}: no such file"
        raise _UsageError(msg)
    items = scan.scan(path.read_text("utf-8"))
    stdout.write(scan.to_json(items) if args.json else scan.format_table(items))
    stdout.write("\n")
    return 0


def _parser() -> _Parser:
    parser = _Parser(
        prog="anninh-toandan",
        description="Reports of the joint security programmes of the police and the Fatherland Front. "
        "With no arguments: the report of the bundled Bảo Lộc review, in Vietnamese.",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    report = sub.add_parser("report", help="write the report of review files (JSON or TOML)")
    report.add_argument("files", nargs="*", metavar="FILE", help="review files (.json or .toml)")
    report.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    report.add_argument("--locale", choices=("vi", "en"), default="vi", help="language (default: vi)")
    report.add_argument("--out", metavar="PATH", help="output file, or folder for several files (default: stdout)")
    report.add_argument("--template", metavar="PATH", help="a Jinja2 template of your own")
    report.add_argument("--compare", metavar="FILE", help="a review or figure-set file of the comparison period")
    report.add_argument("--findings", action="store_true", help="add the consistency checks to the report")
    _cli_store.add_store_options(report)
    report.set_defaults(run=_cmd_report)

    validate = sub.add_parser("validate", help="check review files; exit status 1 when a rule is violated")
    validate.add_argument("files", nargs="*", metavar="FILE")
    validate.add_argument("--locale", choices=("vi", "en"), default="vi", help="language (default: vi)")
    _cli_store.add_store_options(validate)
    validate.set_defaults(run=_cmd_validate)

    _cli_store.add_import_command(sub)

    demo = sub.add_parser("demo", help="write the bundled report in every format into a folder")
    demo.add_argument("folder", nargs="?", default="anninh-toandan-demo", metavar="FOLDER")
    demo.set_defaults(run=_cmd_demo)

    scan = sub.add_parser("scan", help="list the figures found in a Vietnamese text file")
    scan.add_argument("file", metavar="FILE")
    scan.add_argument("--json", action="store_true", help="print JSON instead of a table")
    scan.set_defaults(run=_cmd_scan)
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list:
            from anninh_toandan.datasets import bao_loc_2022_h1

            out.write(render(build_report(bao_loc_2022_h1()), "text"))
            return 0
        parser = _parser()
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help
            return int(exc.code or 0)
        if getattr(args, "run", None) is None:
            msg = "a command is needed: report, validate, import, demo or scan (see 'anninh-toandan --help')"
            raise _UsageError(msg)
        code: int = args.run(args, out, err)
        return code
    except (_UsageError, AnninhError, OSError) as exc:
        err.write(f"anninh-toandan: {exc}\n")
        return 2
