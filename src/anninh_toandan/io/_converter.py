"""The cattrs converter between the library's objects and plain data (private).

Plain data is what JSON and TOML hold: dicts, lists, strings, ints, bools and
``None``. Structuring is strict: no coercion (``"5"`` is not 5, ``5.0`` is not
5, a string is not a list), unknown fields are errors, and every problem is
collected with its path before one :class:`FileFormatError` is raised.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NoReturn, TypeVar, cast

import attrs
import cattrs
import pendulum
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from anninh_toandan.activity import Activity
from anninh_toandan.aggregate import Aggregate
from anninh_toandan.charity import CharityFund, Contribution, Disbursement, SharedAmount
from anninh_toandan.errors import AnninhError
from anninh_toandan.figures import Figure, FigureSet
from anninh_toandan.indicator import STANDARD_INDICATORS, Indicator
from anninh_toandan.io.errors import FileFormatError, Problem
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, Passage, Person, Programme
from anninh_toandan.quantity import Qualifier, Quantity
from anninh_toandan.review import Review, Situation
from anninh_toandan.security_model import DissolvedModels, SecurityModel
from anninh_toandan.tip import Tip

__all__ = ["FORMAT", "READABLE_FORMATS", "TAGS", "from_data", "to_data"]

T = TypeVar("T")

#: The version of the file format written by this library.
#: Version 2 added the English of passages, names and titles, the pages of
#: posts, the donors' callers, dissolved models, support and shared amounts;
#: every field it added is optional, so version 1 files still load.
FORMAT = 2

#: The versions of the file format this library reads.
READABLE_FORMATS = (1, 2)

#: The ``"type"`` tag of each class that has a file form.
TAGS: dict[type, str] = {
    Review: "review",
    FigureSet: "figure_set",
    Figure: "figure",
    Indicator: "indicator",
    Quantity: "quantity",
    Programme: "programme",
    Organisation: "organisation",
    Person: "person",
    Activity: "activity",
    SecurityModel: "security_model",
    Tip: "tip",
    CharityFund: "charity_fund",
    Contribution: "contribution",
    Disbursement: "disbursement",
    SharedAmount: "shared_amount",
    DissolvedModels: "dissolved_models",
    Situation: "situation",
}

_ENVELOPE = ("format", "type", "indicators")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# The indicator definitions of the file being read, and whether to write tip content.
_DEFINED: ContextVar[Mapping[str, Indicator] | None] = ContextVar("_DEFINED", default=None)
_SENSITIVE: ContextVar[bool] = ContextVar("_SENSITIVE", default=False)


class _Problem(Exception):
    """A problem with one value, raised by the leaf hooks."""

    def __init__(self, message: str, value: object) -> None:
        super().__init__(message)
        self.message = message
        self.value = value


def _fail(message: str, value: object) -> NoReturn:
    raise _Problem(message, value)


def _got(value: object) -> str:
    text = _short_repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"got {text}" if not isinstance(value, dict | list) else f"got {type(value).__name__} {text}"


def _short_repr(value: object) -> str:
    """``repr(value)``, safe for any value a JSON or TOML parser returns (huge integers, deep lists)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _MAX_INT:
        return f"<an integer of more than {MAX_DIGITS} digits>"
    try:
        return repr(value)
    except (ValueError, RecursionError):
        return f"<a {type(value).__name__} too large or too deep to show>"


def _note_attr(exc: Exception, name: str, typ: Any) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(f"@ attribute {name}", name, typ)]
    return exc


def _note_index(exc: Exception, index: int, typ: Any) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ index {index}", index, typ)]
    return exc


# -- leaf hooks --------------------------------------------------------------


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        _fail(f"must be a string, {_got(value)}", value)
    if not value.strip():
        _fail(f"must not be empty, {_got(value)}", value)
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        _fail(f"must be true or false, {_got(value)}", value)
    return value


#: The most digits an integer in a file may have: the same bound as the parsers'
#: (21 digits: beyond a "tỷ tỷ", far beyond any amount in đồng), so what is read
#: from text can be saved and loaded back.
MAX_DIGITS = 21
_MAX_INT = 10**MAX_DIGITS


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(f"must be an integer, {_got(value)}", value)
    if value < 0:
        _fail(f"must be >= 0, {_got(value)}", value)
    if value >= _MAX_INT:
        _fail(f"must have at most {MAX_DIGITS} digits, got an integer of {len(str(value))} digits", value)
    return value


def _structure_date(value: Any, _: Any) -> pendulum.Date:
    if not isinstance(value, str) or not _DATE_RE.match(value):
        _fail(f"must be a date written YYYY-MM-DD, {_got(value)}", value)
    try:
        return pendulum.Date.fromisoformat(value)
    except ValueError:
        _fail(f"must be a real date, got {value!r}", value)


def _structure_period(value: Any, _: Any) -> Period:
    if not isinstance(value, str):
        _fail(f"must be a period id such as '2022S1', {_got(value)}", value)
    try:
        return Period.parse(value)
    except AnninhError:
        _fail(f"must be a period id such as '202207', '2022Q1', '2022S1', '2022', got {value!r}", value)


def _enum_hook(kind: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {m.value: m for m in kind}
    allowed = ", ".join(repr(v) for v in by_value)

    def hook(value: Any, _: Any) -> enum.Enum:
        if isinstance(value, str) and value in by_value:
            return by_value[value]
        _fail(f"must be one of {allowed}, {_got(value)}", value)

    return hook


def _structure_indicator_ref(value: Any, _: Any) -> Indicator:
    if not isinstance(value, str):
        _fail(f"must be an indicator code (a string), {_got(value)}", value)
    found = (_DEFINED.get() or {}).get(value)
    if found is not None:
        return found
    try:
        return STANDARD_INDICATORS[value]
    except KeyError:
        msg = f"must be a standard indicator code or one defined under $.indicators, got {value!r}"
        raise _Problem(msg, value) from None


_QUANTITY_FIELDS = ("value", "unit", "qualifier", "low", "high")


def _structure_quantity(value: Any, _: Any) -> Quantity:
    data = _expect_object(value)
    errors: list[Exception] = [
        _note_attr(_Problem("is not a field of a quantity", data[k]), k, object)
        for k in data
        if k not in _QUANTITY_FIELDS
    ]
    kwargs: dict[str, Any] = {}
    for name in _QUANTITY_FIELDS:
        if name not in data:
            if name in ("value", "unit"):
                errors.append(_note_attr(_Problem("is required", None), name, object))
            continue
        v = data[name]
        try:
            if name == "unit":
                kwargs[name] = _structure_str(v, str)
            elif name == "qualifier":
                kwargs[name] = _QUALIFIER(v, Qualifier)
            else:
                kwargs[name] = None if v is None and name in ("low", "high") else _count(v)
        except _Problem as exc:
            errors.append(_note_attr(exc, name, object))
    if errors:
        msg = "While structuring Quantity"
        raise ClassValidationError(msg, errors, Quantity)
    try:
        return Quantity(**kwargs)
    except AnninhError as exc:
        raise _Problem(str(exc), value) from None


_QUALIFIER = _enum_hook(Qualifier)


_PASSAGE_FIELDS = ("vi", "en", "about")


def _structure_passage(value: Any, _: Any) -> Passage:
    """A passage: a plain string (Vietnamese only) or ``{"vi": ..., "en": ..., "about": [...]}``."""
    if isinstance(value, str):
        return Passage(_structure_str(value, str))
    data = _expect_object(value)
    errors: list[Exception] = [
        _note_attr(_Problem("is not a field of a passage", data[k]), k, object)
        for k in data
        if k not in _PASSAGE_FIELDS
    ]
    vi: str | None = None
    en: str | None = None
    about: tuple[str, ...] = ()
    if "vi" not in data:
        errors.append(_note_attr(_Problem("is required", None), "vi", object))
    else:
        try:
            vi = _structure_str(data["vi"], str)
        except Exception as exc:
            errors.append(_note_attr(exc, "vi", str))
    if data.get("en") is not None:
        try:
            en = _structure_str(data["en"], str)
        except Exception as exc:
            errors.append(_note_attr(exc, "en", str))
    if "about" in data:
        try:
            about = _TUPLE_OF_STR(data["about"], tuple[str, ...])
        except Exception as exc:
            errors.append(_note_attr(exc, "about", tuple))
    if errors:
        msg = "While structuring Passage"
        raise ClassValidationError(msg, errors, Passage)
    assert vi is not None
    return Passage(vi, en=en, about=about)


def _unstructure_passage(p: Passage) -> str | dict[str, Any]:
    if p.en is None and not p.about:
        return p.vi
    out: dict[str, Any] = {"vi": p.vi}
    if p.en is not None:
        out["en"] = p.en
    if p.about:
        out["about"] = list(p.about)
    return out


def _expect_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(f"must be an object, {_got(value)}", value)
    return value


def _is_union(t: Any) -> bool:
    return typing.get_origin(t) in (typing.Union, types.UnionType)


def _union_hook(t: Any) -> Callable[[Any, Any], Any]:
    args = typing.get_args(t)
    optional = type(None) in args
    rest = [a for a in args if a is not type(None)]
    enum_part = next((a for a in rest if isinstance(a, type) and issubclass(a, enum.Enum)), None)
    if enum_part is not None and str in rest and len(rest) == 2:
        by_value = {m.value: m for m in enum_part}

        def enum_or_text(value: Any, _: Any) -> Any:
            if value is None and optional:
                return None
            text = _structure_str(value, str)
            return by_value.get(text, text)

        return enum_or_text
    if len(rest) != 1:  # pragma: no cover - no such field in the model
        msg = f"no structure hook for {t!r}"
        raise TypeError(msg)
    inner = rest[0]

    def maybe(value: Any, _: Any) -> Any:
        if value is None:
            return None
        return _converter().structure(value, inner)

    return maybe


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _tuple_hook(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
    args = typing.get_args(t)
    fixed = len(args) != 2 or args[1] is not Ellipsis  # tuple[str, Period] rather than tuple[X, ...]

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            _fail(f"must be a list, {_got(value)}", value)
        if fixed and len(value) != len(args):
            _fail(f"must be a list of {len(args)} items, {_got(value)}", value)
        out: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            elem = args[i] if fixed else args[0]
            try:
                out.append(_converter().structure(item, elem))
            except Exception as exc:
                errors.append(_note_index(exc, i, elem))
        if errors:
            msg = "While structuring a list"
            raise IterableValidationError(msg, errors, tuple)
        return tuple(out)

    return hook


def _structure_figure_set(value: Any, _: Any) -> FigureSet:
    figures = _TUPLE_OF_FIGURES(value, tuple[Figure, ...])
    seen: dict[Any, int] = {}
    errors: list[Exception] = []
    for i, f in enumerate(figures):
        j = seen.setdefault(f.key, i)
        if j != i and figures[j] != f:
            msg = f"must not conflict with [{j}], which has the same indicator, unit and period and another figure"
            errors.append(_note_index(_Problem(msg, value[i]), i, Figure))
    if errors:
        msg = "While structuring figures"
        raise IterableValidationError(msg, errors, FigureSet)
    return FigureSet(figures)


_TUPLE_OF_FIGURES = _tuple_hook(tuple[Figure, ...])
_TUPLE_OF_STR = _tuple_hook(tuple[str, ...])


def _attrs_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    """Structure an attrs class strictly: an object, no unknown fields, every problem collected."""
    inner = make_dict_structure_fn(cls, _converter(), _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=True)
    names = {a.name for a in attrs.fields(cls)}

    def hook(value: Any, _: Any) -> Any:
        data = _expect_object(value)
        unknown: list[Exception] = [
            _note_attr(_Problem(f"is not a field of {TAGS.get(cls, cls.__name__)!s}", data[k]), str(k), object)
            for k in data
            if k not in names
        ]
        try:
            result = inner({k: v for k, v in data.items() if k in names}, cls)
        except ClassValidationError as exc:
            raise ClassValidationError(exc.message, [*unknown, *exc.exceptions], cls) from None
        if unknown:
            msg = f"While structuring {cls.__name__}"
            raise ClassValidationError(msg, unknown, cls)
        return result

    return hook


_TIP_FIELDS = frozenset(a.name for a in attrs.fields(Tip))


def _structure_tip(value: Any, _: Any) -> Tip:
    """A tip, strictly; a problem with its content (or an unknown field) never shows the value.

    Tip content is sensitive: a wrong type is reported by its type alone, and
    the problem's value is left empty.
    """
    try:
        return cast(Tip, _tip_hook()(value, Tip))
    except ClassValidationError as exc:
        raise ClassValidationError(exc.message, [_redact_tip_problem(e) for e in exc.exceptions], Tip) from None


def _redact_tip_problem(exc: Exception) -> Exception:
    notes = getattr(exc, "__notes__", [])
    name = next((n.name for n in notes if isinstance(n, AttributeValidationNote)), None)
    if name == "content" or (name is not None and name not in _TIP_FIELDS):
        found = exc.value if isinstance(exc, _Problem) else None
        if name == "content":
            msg = f"must be non-blank text, got a {type(found).__name__} (not shown: tip content is sensitive)"
        else:
            msg = "is not a field of tip (its value is not shown: tips are sensitive)"
        hidden = _Problem(msg, None)
        hidden.__notes__ = list(notes)
        return hidden
    return exc


# -- unstructuring -------------------------------------------------------------


def _unstructure_quantity(q: Quantity) -> dict[str, Any]:
    return {"value": q.value, "unit": q.unit, "qualifier": q.qualifier.value, "low": q.low, "high": q.high}


def _unstructure_figure(f: Figure) -> dict[str, Any]:
    out: dict[str, Any] = {
        "indicator": f.indicator.code,
        "unit": f.unit,
        "period": f.period.id,
        "status": f.status.value,
    }
    if f.value is not None:
        out["value"] = _unstructure_quantity(f.value)
    if f.reported_by is not None:
        out["reported_by"] = f.reported_by.value
    if f.note is not None:
        out["note"] = f.note
    if f.missing_units:
        out["missing_units"] = list(f.missing_units)
    return out


def _unstructure_aggregate(conv: cattrs.Converter, a: Aggregate) -> dict[str, Any]:
    """An aggregate as a review file keeps it: the indicator by code, like a figure."""
    out: dict[str, Any] = {"indicator": a.indicator.code, "unit": a.unit, "period": a.period.id}
    if a.value is not None:
        out["value"] = _unstructure_quantity(a.value)
    out["completeness"] = conv.unstructure(a.completeness)
    return out


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True, omit_if_default=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, lambda v, _: _count(v))
    conv.register_structure_hook(pendulum.Date, _structure_date)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_structure_hook(Quantity, _structure_quantity)
    conv.register_structure_hook(Indicator, _structure_indicator_ref)
    conv.register_structure_hook(FigureSet, _structure_figure_set)
    conv.register_structure_hook(Passage, _structure_passage)
    conv.register_structure_hook(Tip, _structure_tip)
    conv.register_structure_hook_factory(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook)
    conv.register_structure_hook_factory(_is_union, _union_hook)
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook)

    conv.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook(Period, lambda p: p.id)
    conv.register_unstructure_hook(Quantity, _unstructure_quantity)
    conv.register_unstructure_hook(Passage, _unstructure_passage)
    conv.register_unstructure_hook(Figure, _unstructure_figure)
    conv.register_unstructure_hook(FigureSet, lambda fs: [_unstructure_figure(f) for f in fs])
    conv.register_unstructure_hook(Aggregate, lambda a: _unstructure_aggregate(conv, a))
    conv.register_unstructure_hook(Indicator, make_dict_unstructure_fn(Indicator, conv, _cattrs_omit_if_default=False))
    tip_fn = make_dict_unstructure_fn(Tip, conv, _cattrs_omit_if_default=True)

    def unstructure_tip(tip: Tip) -> dict[str, Any]:
        out = tip_fn(tip)
        if not _SENSITIVE.get():
            out.pop("content", None)
        return out

    conv.register_unstructure_hook(Tip, unstructure_tip)
    for cls in TAGS:
        if cls not in (Tip, Indicator, Quantity, Figure, FigureSet):
            conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True))
    return conv


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter, built on first use (building it costs tens of milliseconds) and kept."""
    return _make_converter()


@functools.cache
def _indicator_definition() -> Callable[[Any, Any], Any]:
    """The hook that reads an indicator defined in a file, built on first use and kept."""
    return _attrs_hook(Indicator)


@functools.cache
def _tip_hook() -> Callable[[Any, Any], Any]:
    """The hook that reads a tip (its content kept out of every message), built on first use and kept."""
    return _attrs_hook(Tip)


# -- problems ------------------------------------------------------------------


def _collect(exc: BaseException, path: str, out: list[Problem]) -> None:
    if isinstance(exc, IterableValidationError | ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            sub_path = f"{path}[{note.index}]" if isinstance(note, IterableValidationNote) else f"{path}.{note.name}"
            _collect(sub, sub_path, out)
        for sub in without:
            _collect(sub, path, out)
    elif isinstance(exc, _Problem):
        out.append(Problem(path=path, message=exc.message, value=exc.value))
    elif isinstance(exc, KeyError):
        out.append(Problem(path=path, message="is required", value=None))
    else:
        out.append(Problem(path=path, message=str(exc), value=None))


# -- documents -----------------------------------------------------------------


def _custom_indicators(obj: object) -> list[Indicator]:
    if isinstance(obj, Review):
        found = obj.figures.indicators()
    elif isinstance(obj, FigureSet):
        found = obj.indicators()
    elif isinstance(obj, Figure):
        found = (obj.indicator,)
    else:
        return []
    return [i for i in found if STANDARD_INDICATORS.get(i.code) != i]


@contextmanager
def _sensitive(flag: bool) -> Iterator[None]:
    token = _SENSITIVE.set(flag)
    try:
        yield
    finally:
        _SENSITIVE.reset(token)


def to_data(obj: object, *, include_sensitive: bool = False) -> dict[str, Any]:
    """The plain-data document for *obj*: ``{"format": 2, "type": ..., ...fields}``.

    Custom indicators used by figures are defined under ``"indicators"``; tip
    content is left out unless *include_sensitive*.
    """
    tag = TAGS.get(type(obj))
    if tag is None:
        msg = f"'obj' must be one of {', '.join(c.__name__ for c in TAGS)} (got {type(obj).__name__})"
        raise TypeError(msg)
    doc: dict[str, Any] = {"format": FORMAT, "type": tag}
    custom = _custom_indicators(obj)
    if custom:
        doc["indicators"] = [_converter().unstructure(i, Indicator) for i in custom]
    with _sensitive(include_sensitive):
        body = _converter().unstructure(obj, type(obj))
    doc.update({"figures": body} if isinstance(obj, FigureSet) else body)
    return doc


def _definitions(data: Any, out: list[Problem]) -> dict[str, Indicator]:
    defined: dict[str, Indicator] = {}
    if not isinstance(data, list):
        out.append(Problem(path="$.indicators", message=f"must be a list, {_got(data)}", value=data))
        return defined
    for i, item in enumerate(data):
        path = f"$.indicators[{i}]"
        try:
            ind = cast(Indicator, _indicator_definition()(item, Indicator))
        except Exception as exc:
            _collect(exc, path, out)
            continue
        old = defined.get(ind.code)
        if old is not None and old != ind:
            out.append(Problem(path=f"{path}.code", message=f"must not define {ind.code!r} twice", value=ind.code))
            continue
        defined[ind.code] = ind
    return defined


def from_data(data: Any, cls: type[T], *, source: str | None = None) -> T:
    """The object of class *cls* that the document *data* describes.

    Raises :class:`FileFormatError` listing every problem.
    """
    tag = TAGS.get(cls)
    if tag is None:
        msg = f"'cls' must be one of {', '.join(c.__name__ for c in TAGS)} (got {cls!r})"
        raise TypeError(msg)
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise FileFormatError([Problem(path="$", message=f"must be an object, {_got(data)}", value=data)], source)
    if "format" not in data:
        problems.append(Problem(path="$.format", message=f"is required (the file format version, {FORMAT})"))
    elif type(data["format"]) is not int or data["format"] not in READABLE_FORMATS:  # 1.0 and true are not 1
        readable = ", ".join(str(v) for v in READABLE_FORMATS)
        msg = f"must be one of the format versions this library reads ({readable}), got {data['format']!r}"
        problems.append(Problem(path="$.format", message=msg, value=data["format"]))
    if "type" not in data:
        problems.append(Problem(path="$.type", message=f"is required (here {tag!r})"))
    elif data["type"] != tag:
        msg = f"must be {tag!r} to load a {cls.__name__}, got {data['type']!r}"
        problems.append(Problem(path="$.type", message=msg, value=data["type"]))
    defined = _definitions(data["indicators"], problems) if "indicators" in data else {}
    body: Any = {k: v for k, v in data.items() if k not in _ENVELOPE}
    token = _DEFINED.set(defined)
    result: Any = None
    try:
        if cls is FigureSet:
            result = _structure_figure_set_document(body, problems)
        elif cls is Indicator:
            result = _indicator_definition()(body, Indicator)
        else:
            result = _converter().structure(body, cls)
    except Exception as exc:
        _collect(exc, "$", problems)
    finally:
        _DEFINED.reset(token)
    if problems:
        raise FileFormatError([_without_content(p) for p in problems], source)
    return cast(T, result)


def _without_content(problem: Problem) -> Problem:
    """*problem* without the value of a ``content`` field, wherever it is (a tip's text is sensitive).

    A tip's content found in the wrong place (a tip file loaded as a review)
    is not shown either.
    """
    if not problem.path.endswith(".content") or problem.value is None:
        return problem
    message = problem.message.split(", got ", 1)[0]
    return Problem(path=problem.path, message=message, value=None)


def _structure_figure_set_document(body: dict[str, Any], problems: list[Problem]) -> FigureSet | None:
    for k in body:
        if k != "figures":
            problems.append(Problem(path=f"$.{k}", message="is not a field of figure_set", value=body[k]))
    if "figures" not in body:
        problems.append(Problem(path="$.figures", message="is required"))
        return None
    try:
        return _structure_figure_set(body["figures"], FigureSet)
    except Exception as exc:
        _collect(exc, "$.figures", problems)
        return None
