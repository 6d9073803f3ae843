"""The command line's figure-store commands (shell layer; registered by :mod:`anninh_toandan.cli`).

* ``import FILE... --store TARGET [--reported-by WHO] [--note TEXT]``: each
  file (a workbook ``.xlsx``, a long-format ``.csv``, a review or figure-set
  ``.json``) becomes one batch; a file imported before is recognised and
  skipped;
* ``report FILE... --store TARGET [--unit CODE] [--period ID]``: each review
  file gives the programme and the narrative; the figures are the unit's,
  rolled up in the store, compared with the same period last year from the
  store;
* ``validate [FILE...] --store TARGET --unit CODE --period ID``: the standard
  rules on the store's figures of the unit and the units below it in the
  period.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import attrs

from anninh_toandan.aggregate import AggregationError
from anninh_toandan.errors import AnninhError
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.indicator import STANDARD_INDICATORS, UnitAggregation
from anninh_toandan.orgunit import Hierarchy
from anninh_toandan.period import Period
from anninh_toandan.review import Review
from anninh_toandan.store import FigureStore, open_store
from anninh_toandan.store._backends import is_duckdb_file

__all__ = ["import_files", "store_report", "store_validate"]


class StoreCommandError(AnninhError, ValueError):
    """A store command was given what it cannot use (a file of an unknown kind, a missing option).

    The message is English; :attr:`reason_vi` says the same in Vietnamese for the command's default locale.
    """

    def __init__(self, message: str, vi: str | None = None) -> None:
        super().__init__(message)
        self.reason_vi = vi


def _error_vi(exc: BaseException) -> str:
    """*exc* in Vietnamese where it knows how (its ``reason_vi``), else as it is."""
    vi = getattr(exc, "reason_vi", None)
    return vi if isinstance(vi, str) and vi else str(exc)


def _read(path: Path) -> FigureSet:
    from anninh_toandan.io import json as io_json
    from anninh_toandan.io.csv import read_csv
    from anninh_toandan.review import Review

    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".xlsx":
        from anninh_toandan.io.excel import read_workbook

        got = read_workbook(path)
        assert got.figures is not None
        return got.figures
    if suffix == ".json":
        try:
            tag = json.loads(path.read_text("utf-8")).get("type")
        except (ValueError, AttributeError):
            tag = None
        if tag == "figure_set":
            loaded: FigureSet = io_json.load(path, FigureSet)
            return loaded
        review: Review = io_json.load(path, Review)
        return review.figures
    msg = f"{path}: a file to import must be .xlsx, .csv or .json (got {suffix or 'no suffix'!r})"
    vi = f"{path}: tệp nhập phải là .xlsx, .csv hoặc .json (tệp này: {suffix or 'không có đuôi'})"
    raise StoreCommandError(msg, vi)


def import_files(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``import``: every file is read first (nothing is stored if one cannot be read), then one batch each."""
    paths = [Path(f) for f in args.files]
    for p in paths:
        if p.is_dir():
            msg = f"{p}: is a folder, not a file"
            raise StoreCommandError(msg, f"{p}: là một thư mục, không phải một tệp")
        if not p.is_file():
            msg = f"{p}: no such file"
            raise StoreCommandError(msg, f"{p}: không có tệp này")
    loaded = [(p, _read(p)) for p in paths]
    with open_store(args.store) as store:
        for p, figures in loaded:
            try:
                if p.suffix.lower() == ".json":  # the file carries its own indicators' definitions
                    store.define(*figures.indicators())
                result = store.add(figures, source=p.name, reported_by=args.reported_by, note=args.note)
            except AnninhError as exc:
                msg = f"{p}: {exc}"
                raise StoreCommandError(msg, f"{p}: {_error_vi(exc)}") from exc
            b = result.batch
            vi = args.locale == "vi"
            if result.new and vi:
                stdout.write(f"{p}: lô {b.id}, {b.figure_count} số liệu\n")
            elif result.new:
                stdout.write(f"{p}: batch {b.id}, {b.figure_count} figure{'s' if b.figure_count != 1 else ''}\n")
            elif vi:
                stdout.write(f"{p}: đã nhập trước đây (lô {b.id}, {b.source}), không lưu thêm\n")
            else:
                stdout.write(f"{p}: already imported as batch {b.id} ({b.source}), nothing stored\n")
    return 0


def _hierarchy(unit: str) -> Hierarchy | None:
    h = Hierarchy.bundled()
    return h if unit in h else None


def _period(text: str) -> Period:
    try:
        return Period.parse(text)
    except AnninhError as exc:
        msg = f"--period {text}: {exc}"
        raise StoreCommandError(msg, f"--period {text}: {_error_vi(exc)}") from exc


def rolled_up(store: FigureStore, unit: str, period: Period) -> FigureSet:
    """The unit's figures for *period*: every indicator of the store rolled up in it, incomplete ones as bounds."""
    hierarchy = _hierarchy(unit)
    has_children = hierarchy is not None and bool(hierarchy.children(unit))
    out: list[Figure] = []
    for ind in store.indicators():
        if ind.unit_aggregation is UnitAggregation.NONE and has_children:
            continue
        try:
            (agg,) = store.table([ind], [unit], [period], hierarchy=hierarchy)
        except AggregationError:
            continue  # the unit did not exist in the period
        if agg.value is not None or agg.completeness.mentioned:
            out.append(agg.to_figure())
    return FigureSet(out)


def _need(args: argparse.Namespace, name: str, default: str | None) -> str:
    value: str | None = getattr(args, name) or default
    if value is None:
        msg = f"--store needs --{name} (or a review file that names it)"
        raise StoreCommandError(msg, f"--store cần --{name} (hoặc một tệp báo cáo có ghi thông tin này)")
    return value


def store_report(args: argparse.Namespace, stdout: IO[str], stderr: IO[str], load_review: Any, announce: Any) -> int:
    """``report --store``: each review with the store's figures, compared with the same period last year.

    *announce* ``(report, source, target, locale, stderr)`` tells the drafter what the file path's
    reports tell: the warnings on stderr and the checklist beside the report (or on stderr).
    """
    from anninh_toandan.reports import build_report, render, render_template, write_report

    if args.format == "docx" and args.out is None:
        msg = "--format docx writes a file: give --out PATH"
        raise StoreCommandError(msg, "--format docx ghi ra tệp: hãy thêm --out ĐƯỜNG_DẪN")
    if not args.files:  # no review file: the unit's review made from its units' stored figures
        unit = _need(args, "unit", None)
        period = _period(_need(args, "period", None))
    _existing(args.store)
    with open_store(args.store) as store:
        jobs: list[tuple[str, Any, Any]] = []
        if not args.files:
            last = period.same_period_last_year()
            review = Review.from_figures(_unit_figures(store, unit, period), unit=unit, period=period)
            base_figures = _unit_figures(store, unit, last)
            base = Review.from_figures(base_figures, unit=unit, period=last) if len(base_figures) else None
            jobs.append((f"{unit}_{period.id}", review, base))
        for path in args.files:
            review = load_review(path)
            unit = _need(args, "unit", review.unit)
            period = _period(args.period) if args.period else review.period
            figures = rolled_up(store, unit, period)
            review = attrs.evolve(review, unit=unit, period=period, figures=figures)
            base_set = rolled_up(store, unit, period.same_period_last_year())
            jobs.append((Path(path).stem, review, base_set if len(base_set) else None))
        for name, review, base in jobs:
            compare: Any = load_review(args.compare) if args.compare else base
            report = build_report(review, locale=args.locale, compare=compare, findings=args.findings)
            target: Path | None = None
            if args.out is None:
                text = render_template(report, args.template) if args.template else render(report, args.format)
                stdout.write(text if text.endswith("\n") else text + "\n")
            else:
                out = Path(args.out)
                target = out / (name + {"text": ".txt"}.get(args.format, "." + args.format)) if out.is_dir() else out
                write_report(report, target, args.format, template=args.template)
            announce(report, name, target, args.locale, stderr)
    return 0


def _existing(target: str) -> None:
    """A store that ``report`` or ``validate`` reads must be there: a mistyped path is not a new, empty store."""
    if "://" in target:
        return
    path = Path(target)
    if path.is_dir():
        msg = f"--store {target}: is a folder, not a figure store"
        raise StoreCommandError(msg, f"--store {target}: là một thư mục, không phải kho số liệu")
    if path.exists() and not is_duckdb_file(target):
        msg = f"--store {target}: is not a figure store (the file is not a DuckDB database)"
        raise StoreCommandError(msg, f"--store {target}: không phải kho số liệu (tệp không phải cơ sở dữ liệu DuckDB)")
    if not path.exists():
        make = f"anninh-toandan import TỆP... --store {target}"
        msg = f"--store {target}: no such figure store (make it with 'anninh-toandan import FILE... --store {target}')"
        raise StoreCommandError(msg, f"--store {target}: không có kho số liệu này (tạo kho bằng lệnh “{make}”)")


def _unit_figures(store: FigureStore, unit: str, period: Period) -> FigureSet:
    """The stored figures of *unit* and every unit below it, within *period*."""
    hierarchy = _hierarchy(unit)
    units = [unit] if hierarchy is None else [unit, *(u.code for u in hierarchy.descendants(unit))]
    return store.figures(units=units, within=period)


def store_validate(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    """``validate --store``: the standard rules on the stored figures of the unit and its units in the period."""
    from anninh_toandan.reports._findings import describe_results
    from anninh_toandan.rules import Outcome, validate

    unit = _need(args, "unit", None)
    period = _period(_need(args, "period", None))
    hierarchy = _hierarchy(unit)
    units: Sequence[str] = [unit] if hierarchy is None else [unit, *(u.code for u in hierarchy.descendants(unit))]
    _existing(args.store)
    with open_store(args.store) as store:
        figures = store.figures(units=units, within=period)
        figures = figures.with_figures(f for f in rolled_up(store, unit, period) if figures.get(*f.key) is None)
        catalogue = STANDARD_INDICATORS.extend(store.indicators())
    checked = validate(figures)
    for result in checked.problems:
        for line in describe_results([result], locale=args.locale, catalogue=catalogue):
            stdout.write(f"{result.unit} {result.period.id}: {line}\n")
    if not checked.problems and args.locale == "vi":
        stdout.write(f"{unit} {period.id}: {len(figures)} số liệu, không vi phạm quy tắc nào\n")
    elif not checked.problems:
        n = len(figures)
        stdout.write(f"{unit} {period.id}: {n} figure{'s' if n != 1 else ''}, no rule violated\n")
    return 1 if any(r.outcome is Outcome.VIOLATED for r in checked.problems) else 0
