"""From a review to a worded report (private; see :func:`build_report`).

The sentences are generated from the review's figures, in the order and the
wording of a Vietnamese "báo cáo sơ kết" (or in English): a figure that is
missing is left out of its sentence, never written as 0; a figure mentioned
without a number is named without one; qualifiers are never dropped.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence

import attrs

from anninh_toandan import indicator as ind
from anninh_toandan.activity import ActivityKind
from anninh_toandan.aggregate import Aggregate, Basis, Comparability, Comparison, Completeness, Rollup, Share
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.formatting import (
    format_comparison,
    format_completeness,
    format_date,
    format_money,
    format_period,
    format_quantity,
    format_share,
)
from anninh_toandan.indicator import Indicator
from anninh_toandan.orgunit import Hierarchy, OrgUnit, UnitKind
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, OrganisationKind, Person, RecordError
from anninh_toandan.quantity import Quantity
from anninh_toandan.reports._errors import ReportError
from anninh_toandan.reports._model import FigureRow, FigureTable, Heading, Report, Section, Signature
from anninh_toandan.review import Review, ReviewKind
from anninh_toandan.review import parent_body as _hierarchy_parent

__all__ = ["build_report", "person_name"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

#: Indicators the sentences of section I already say; the others go to "other results".
_COVERED = {
    i.code
    for i in (
        ind.OUTREACH_SESSIONS,
        ind.OUTREACH_REACH,
        ind.PRINTED_COPIES,
        ind.LOUDSPEAKER_BROADCASTS,
        ind.ONLINE_POSTS,
        ind.SECURITY_MODELS_ESTABLISHED,
        ind.SECURITY_MODELS_ACTIVE,
        ind.SECURITY_MODELS_DISSOLVED,
        ind.TIPS_RECEIVED,
        ind.TIPS_VALUABLE,
        ind.CASES_CLARIFIED,
        ind.FUND_CONTRIBUTIONS,
        ind.HOUSES_NEW,
        ind.HOUSES_REPAIRED,
        ind.HOUSES_TOTAL,
        ind.HOUSES_COST,
        ind.GIFTS,
        ind.GIFTS_VALUE,
        ind.SCHOLARSHIPS,
        ind.SCHOLARSHIPS_VALUE,
        ind.PRODUCTION_SUPPORT,
        ind.PRODUCTION_SUPPORT_VALUE,
    )
}

_PLACE_WORDS = r"(?:TP\.?|thành phố|tỉnh|huyện|quận|thị xã|phường|xã|thị trấn|đặc khu)"
_TRAILING_PLACE = re.compile(rf"\s+{_PLACE_WORDS}\s+.*$", re.IGNORECASE)
_ABBREVIATIONS = (
    (re.compile(r"\bTP\.?(?=\s)"), "thành phố"),
    (re.compile(r"\bUBMTTQVN\b"), "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
)


_ENGLISH_HONORIFICS = {"ông": "Mr", "bà": "Ms", "đồng chí": "Comrade"}

# -- small wording helpers -----------------------------------------------------------


def _cap(text: str) -> str:
    """*text* with its first letter in capitals (Vietnamese-safe)."""
    return text[:1].upper() + text[1:] if text else text


def _sentence(text: str) -> str:
    """A capitalised sentence ending with a full stop."""
    text = text.strip()
    return _cap(text) if text.endswith((".", "!", "?", ":")) else _cap(text) + "."


def _join(items: Sequence[str], locale: str) -> str:
    """ "a, b và c" / "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    last = " và " if locale == "vi" else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def _dash_list(items: Sequence[str]) -> list[str]:
    """Items as the lines of an official list: "- Item;" ... "- Last item."."""
    out = []
    for i, item in enumerate(items):
        text = _cap(item.strip().rstrip(";.").strip())
        out.append(f"- {text}{'.' if i == len(items) - 1 else ';'}")
    return out


def _en_the(period_text: str) -> str:
    """An English period as a noun phrase: "the first half of 2022", "July 2022", "the year 2022"."""
    return f"the {period_text}" if period_text.startswith(("first ", "second ")) else period_text


def _en_in(period_text: str) -> str:
    """ "in the first half of 2022", "in July 2022", "from 1 January 2022 to 12 July 2022"."""
    if period_text.startswith("from "):
        return period_text
    return f"in {_en_the(period_text)}"


def _expand(name: str) -> str:
    """A body's name with the abbreviations reports use spelled out ("TP" → "thành phố")."""
    for pattern, full in _ABBREVIATIONS:
        name = pattern.sub(full, name)
    return name


def person_name(person: Person, *, locale: str = "vi", start: bool = False) -> str:
    """A person as reports name them: rank + name for police, honorific + name for others.

    The rank is written as given, never derived from the post. With *start*
    the honorific is capitalised (at the start of a sentence).

    >>> person_name(Person(name="Ngô Quốc Huy", rank="Đại tá"))
    'Đại tá Ngô Quốc Huy'
    >>> person_name(Person(name="Huỳnh Minh Chánh", honorific="ông"), start=True)
    'Ông Huỳnh Minh Chánh'
    """
    if person.rank:
        return f"{person.rank} {person.name}"
    if not person.honorific:
        return person.name
    if locale == "vi":
        return f"{_cap(person.honorific) if start else person.honorific} {person.name}"
    english = _ENGLISH_HONORIFICS.get(person.honorific.lower())
    return f"{english} {person.name}" if english else person.name


def _person_with_title(person: Person, locale: str) -> str:
    name = person_name(person, locale=locale)
    return f"{name} – {person.title}" if person.title else name


def _actors(orgs: Sequence[Organisation], locale: str) -> str:
    """ "Công an TP Bảo Lộc cùng Ủy ban MTTQ ... và các tổ chức thành viên"."""
    names = [
        o.name if o.kind is not OrganisationKind.MEMBER_ORGANISATION or locale == "vi" else _members(o) for o in orgs
    ]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    rest = _join(names[1:], locale)
    return f"{names[0]} cùng {rest}" if locale == "vi" else f"{names[0]} together with {rest}"


def _members(org: Organisation) -> str:
    return "the member organisations" if org.name == "các tổ chức thành viên" else org.name


# -- the figures --------------------------------------------------------------------


class _Figures:
    """The figures a report states for the review's unit and period, and the wording of each.

    They are the review's own figures; a review with records and no figures
    of its own for its unit and period states the figures its records give
    (:meth:`Review.record_figures`). Where the review carries the roll-up of
    a figure (:attr:`Review.aggregates`) and it is incomplete, the value
    stated is the one over the units that reported, and the completeness is
    said after the sentence (:meth:`take_notes`).
    """

    def __init__(self, review: Review, locale: str, units: Hierarchy) -> None:
        self.review = review
        self.locale = locale
        self.units = units
        self.used: set[str] = set()
        self.warnings: list[str] = []
        self._pending: dict[str, Aggregate] = {}
        self.figures = self._choose()

    def _choose(self) -> FigureSet:
        r = self.review
        own = [f for f in r.figures.select(unit=r.unit, period=r.period)]
        has_records = bool(r.activities or r.security_models or r.tips or r.funds)
        if not has_records:
            return r.figures
        try:
            records = r.record_figures()
        except RecordError as exc:
            what = "hồ sơ không tính được vào kỳ báo cáo" if self.locale == "vi" else "records not counted"
            self.warnings.append(f"{what}: {exc}")
            return r.figures
        if not own:
            return r.figures.with_figures(records)
        vi = self.locale == "vi"
        for rec in records:
            stated = r.figures.get(rec.indicator, r.unit, r.period)
            if stated is None or stated.value is None or rec.value is None or stated.value == rec.value:
                continue
            name = rec.indicator.name_vi if vi else rec.indicator.name_en
            said, counted = self.say(stated.value), self.say(rec.value)
            self.warnings.append(
                f"{name}: báo cáo dùng số liệu đã nêu ({said}), khác số liệu tính từ hồ sơ ({counted})"
                if vi
                else f"{name}: the report states the review's figure ({said}), not the one its records give ({counted})"
            )
        return r.figures

    def figure(self, indicator: Indicator) -> Figure | None:
        return self.figures.get(indicator, self.review.unit, self.review.period)

    def aggregate(self, indicator: Indicator) -> Aggregate | None:
        return self.review.aggregate(indicator)

    def value(self, indicator: Indicator) -> Quantity | None:
        a = self.aggregate(indicator)
        if a is not None and not a.is_complete:
            if a.value is None:
                return None
            self.used.add(indicator.code)
            self._pending[indicator.code] = a
            return a.value
        f = self.figure(indicator)
        if f is None or f.status is not FigureStatus.REPORTED:
            return None
        self.used.add(indicator.code)
        return f.value

    def mentioned(self, indicator: Indicator) -> bool:
        f = self.figure(indicator)
        if f is not None and f.status is FigureStatus.MENTIONED:
            self.used.add(indicator.code)
            return True
        return False

    def text(self, indicator: Indicator) -> str | None:
        q = self.value(indicator)
        return None if q is None else self.say(q)

    def say(self, q: Quantity) -> str:
        return format_money(q, locale=self.locale) if q.is_money else format_quantity(q, locale=self.locale)

    def completeness(self, a: Aggregate, *, short: bool = False) -> str:
        return format_completeness(a.completeness, locale=self.locale, units=self.units, short=short)

    def take_notes(self, used_before: set[str]) -> tuple[str | None, str | None]:
        """How complete the figures of the last block are: a sentence, and its phrase when it covers them all.

        The phrase is given when every figure of the block has the same
        completeness, so that the report can say it once for all such blocks.
        """
        pending, self._pending = self._pending, {}
        if not pending:
            return None, None
        vi = self.locale == "vi"
        groups: dict[str, list[Aggregate]] = {}
        for a in pending.values():
            groups.setdefault(self.completeness(a), []).append(a)
        block = self.used - used_before
        if len(groups) == 1 and set(pending) == block:
            phrase = next(iter(groups))
            return (f"Số liệu trên {phrase}." if vi else f"The figures above were {phrase}."), phrase
        out = []
        for phrase, aggs in groups.items():
            names = _join([_lower(a.indicator.name_vi if vi else a.indicator.name_en) for a in aggs], self.locale)
            out.append(f"Số liệu {names} {phrase}." if vi else f"{_cap(names)}: {phrase}.")
        return " ".join(out), None

    def share(self, part: Indicator, whole: Indicator) -> str | None:
        """The part's share of the whole ("36,5%"), from :class:`Share`, when both speak of the same units."""
        n, d = self.value(part), self.value(whole)
        if n is None or d is None or not d.value or n.unit != d.unit:
            return None
        pa, wa = self.aggregate(part), self.aggregate(whole)
        missing = {None if a is None or a.is_complete else a.completeness.missing_units for a in (pa, wa)}
        if len(missing) > 1:
            return None  # over different units: not a share of anything
        return format_share(Share(numerator=n, denominator=d), locale=self.locale)


def _lower(text: str) -> str:
    """*text* with its first letter in lower case, unless it starts an abbreviation ("COVID-19")."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _outreach(fx: _Figures, review: Review, actors: str, locale: str) -> str | None:
    vi = locale == "vi"
    sessions, reach = fx.text(ind.OUTREACH_SESSIONS), fx.text(ind.OUTREACH_REACH)
    printed, broadcasts = fx.text(ind.PRINTED_COPIES), fx.text(ind.LOUDSPEAKER_BROADCASTS)
    posts = fx.text(ind.ONLINE_POSTS)
    channels = [c for a in review.activities if a.kind is ActivityKind.ONLINE_POST for c in a.channels]
    parts: list[str] = []
    if vi:
        if sessions:
            parts.append(f"tổ chức {sessions} tuyên truyền" + (f" tới {reach} quần chúng nhân dân" if reach else ""))
        elif reach:
            parts.append(f"tuyên truyền tới {reach} quần chúng nhân dân")
        if printed:
            parts.append(f"phát hành {printed} in ấn")
        if broadcasts:
            parts.append(f"phát thanh {broadcasts} trên hệ thống loa truyền thanh")
        if posts:
            where = f" trên các trang {', '.join(channels)}" if channels else " trên mạng xã hội"
            parts.append(f"thực hiện {posts} tuyên truyền đăng tải{where}")
    else:
        if sessions:
            parts.append(f"held {sessions} of outreach" + (f" reaching {reach}" if reach else ""))
        elif reach:
            parts.append(f"reached {reach} through outreach")
        if printed:
            parts.append(f"issued {printed} of printed material")
        broadcast_q = fx.value(ind.LOUDSPEAKER_BROADCASTS)
        if broadcast_q is not None and broadcast_q.unit == "lượt":
            # "lượt" counts attendances elsewhere; here it counts broadcasts.
            broadcasts = fx.say(attrs.evolve(broadcast_q, unit="lượt phát thanh"))
        if broadcasts:
            parts.append(f"made {broadcasts} on the loudspeaker system")
        if posts:
            where = f" on {', '.join(channels)}" if channels else " on social media"
            parts.append(f"published {posts}{where}")
    if not parts:
        return None
    when = format_period(review.period, locale=locale, with_dates=False)
    if vi:
        return f"Trong {when}, {actors} đã phối hợp " + "; ".join(parts) + "."
    return f"{_cap(_en_in(when))}, {actors} " + "; ".join(parts) + "."


def _models(fx: _Figures, locale: str) -> str | None:
    vi = locale == "vi"
    built, total, dissolved = (
        fx.text(ind.SECURITY_MODELS_ESTABLISHED),
        fx.text(ind.SECURITY_MODELS_ACTIVE),
        fx.text(ind.SECURITY_MODELS_DISSOLVED),
    )
    parts: list[str] = []
    if vi:
        if built:
            parts.append(
                f"xây dựng mới {built} phòng chống tội phạm, đảm bảo an ninh trật tự"
                + (f", nâng tổng số lên {total} trên toàn địa bàn" if total else "")
            )
        elif total:
            parts.append(f"duy trì tổng số {total} phòng chống tội phạm, đảm bảo an ninh trật tự trên toàn địa bàn")
        if dissolved:
            parts.append(f"thanh loại {dissolved}")
        return "Đã phối hợp " + "; ".join(parts) + "." if parts else None
    if built:
        parts.append(
            f"established {built} for crime prevention and public order"
            + (f", bringing the total to {total}" if total else "")
        )
    elif total:
        parts.append(f"kept {total} for crime prevention and public order in operation")
    if dissolved:
        parts.append(f"dissolved {dissolved}")
    return "The partners " + "; ".join(parts) + "." if parts else None


def _tips(fx: _Figures, locale: str) -> str | None:
    vi = locale == "vi"
    received, valuable, cases = fx.value(ind.TIPS_RECEIVED), fx.value(ind.TIPS_VALUABLE), fx.text(ind.CASES_CLARIFIED)
    pct = fx.share(ind.TIPS_VALUABLE, ind.TIPS_RECEIVED)
    share = "" if pct is None else (f" (chiếm {pct})" if vi else f" ({pct})")
    if vi:
        parts = []
        if received is not None:
            head = f"Đã tiếp nhận {fx.say(received)} liên quan đến an ninh trật tự do quần chúng nhân dân cung cấp"
            if valuable is not None:
                head += f", trong đó có {fx.say(valuable)} có giá trị{share}"
            parts.append(head)
        elif valuable is not None:
            parts.append(f"Có {fx.say(valuable)} có giá trị")
        if cases:
            parts.append(f"giúp làm rõ {cases}" if parts else f"Giúp làm rõ {cases}")
        return ", ".join(parts) + "." if parts else None
    parts = []
    if received is not None:
        head = f"The police received {fx.say(received)} from the public about security and order"
        if valuable is not None:
            head += f", of which {fx.say(valuable)} were valuable{share}"
        parts.append(head)
    elif valuable is not None:
        parts.append(f"The public gave {fx.say(valuable)} that were valuable")
    if cases:
        parts.append(f"helping to clarify {cases}" if parts else f"Tips helped to clarify {cases}")
    return ", ".join(parts) + "." if parts else None


def _support(fx: _Figures, review: Review, locale: str) -> str | None:
    vi = locale == "vi"
    # The indicator counts contributions to the Fund for the Poor; fund records may name it otherwise.
    fund_name = review.funds[0].name if review.funds else ("Quỹ Vì người nghèo" if vi else "the Fund for the Poor")
    fund = fx.text(ind.FUND_CONTRIBUTIONS)
    new, repaired, cost = fx.text(ind.HOUSES_NEW), fx.text(ind.HOUSES_REPAIRED), fx.text(ind.HOUSES_COST)
    total = fx.text(ind.HOUSES_TOTAL)
    gifts, gifts_value = fx.text(ind.GIFTS), fx.text(ind.GIFTS_VALUE)
    scholarships, scholarships_value = fx.text(ind.SCHOLARSHIPS), fx.text(ind.SCHOLARSHIPS_VALUE)
    production, production_value = fx.text(ind.PRODUCTION_SUPPORT), fx.text(ind.PRODUCTION_SUPPORT_VALUE)
    parts: list[str] = []
    if vi:
        if fund:
            parts.append(f"vận động ủng hộ {fund_name} {fund}")
        houses = [p for p in (f"xây mới {new}" if new else "", f"sửa chữa {repaired}" if repaired else "") if p]
        if not houses and total:
            houses = [f"xây mới, sửa chữa {total}"]
        if houses:
            parts.append(
                "hỗ trợ " + " và ".join(houses) + " đại đoàn kết" + (f" với tổng kinh phí {cost}" if cost else "")
            )
        elif cost:
            parts.append(f"hỗ trợ xây dựng, sửa chữa nhà đại đoàn kết với tổng kinh phí {cost}")
        if gifts:
            parts.append(f"tặng {gifts}" + (f" trị giá {gifts_value}" if gifts_value else ""))
        elif gifts_value:
            parts.append(f"tặng quà trị giá {gifts_value}")
        if scholarships or fx.mentioned(ind.SCHOLARSHIPS):
            what = scholarships or "học bổng"
            parts.append(f"tặng {what}" + (f" trị giá {scholarships_value}" if scholarships_value else ""))
        if production or fx.mentioned(ind.PRODUCTION_SUPPORT):
            parts.append(
                "hỗ trợ sản xuất"
                + (f" {production}" if production else "")
                + (f" trị giá {production_value}" if production_value else "")
            )
    else:
        if fund:
            parts.append(f"raised {fund} for {fund_name}")
        houses = [p for p in (f"building {new}" if new else "", f"repairing {repaired}" if repaired else "") if p]
        if not houses and total:
            houses = [f"building and repairing {total}"]
        if houses:
            parts.append(
                "supported "
                + " and ".join(houses)
                + " (great-solidarity houses)"
                + (f" at a total cost of {cost}" if cost else "")
            )
        elif cost:
            parts.append(f"spent {cost} on great-solidarity houses")
        if gifts:
            parts.append(f"gave {gifts}" + (f" worth {gifts_value}" if gifts_value else ""))
        elif gifts_value:
            parts.append(f"gave gifts worth {gifts_value}")
        if scholarships or fx.mentioned(ind.SCHOLARSHIPS):
            parts.append(
                f"gave {scholarships or 'scholarships'}"
                + (f" worth {scholarships_value}" if scholarships_value else "")
            )
        if production or fx.mentioned(ind.PRODUCTION_SUPPORT):
            parts.append(
                "supported production"
                + (f" with {production}" if production else "")
                + (f" worth {production_value}" if production_value else "")
            )
    if not parts:
        return None
    return _cap("; ".join(parts)) + "."


def _others(fx: _Figures, review: Review, locale: str) -> list[str]:
    """Sentences for the figures the other sections do not say (custom indicators, per-channel posts)."""
    out: list[str] = []
    figures = sorted(fx.figures.select(unit=review.unit, period=review.period), key=lambda f: f.indicator.code)
    for f in figures:
        code = f.indicator.code
        if code in _COVERED or code in fx.used or code.startswith(ind.ONLINE_POSTS.code + "."):
            continue
        name = f.indicator.name_vi if locale == "vi" else f.indicator.name_en
        a = fx.aggregate(f.indicator)
        if a is not None and not a.is_complete and a.value is not None:
            out.append(f"{name}: {fx.say(a.value)} ({fx.completeness(a)}).")
        elif f.status is FigureStatus.REPORTED:
            assert f.value is not None
            out.append(f"{name}: {fx.say(f.value)}.")
        elif f.status is FigureStatus.MENTIONED:
            out.append(_sentence(f.note) if f.note and locale == "vi" else f"{name}.")
    return out


# -- the report ---------------------------------------------------------------------------


def _unit(hierarchy: Hierarchy | None, code: str | None) -> OrgUnit | None:
    if hierarchy is None or code is None:
        return None
    return hierarchy.get(code)


def _symbol(issuer: Organisation, unit: OrgUnit | None) -> str:
    """The document symbol after "BC-": CAT, CATP, CAH, ... for police; MTTQ-BTT for the Front.

    Where no common symbol is known (an đặc khu, a body that is neither), only "BC" or "BC-CA" is
    given; pass ``number=`` for the exact one.
    """
    if issuer.kind is OrganisationKind.FATHERLAND_FRONT:
        return "BC-MTTQ-BTT"
    if issuer.kind is not OrganisationKind.POLICE or unit is None:
        return "BC"
    by_kind = {
        UnitKind.PROVINCE: "CAT",
        UnitKind.CITY: "CATP",
        UnitKind.DISTRICT: "CAH",
        UnitKind.URBAN_DISTRICT: "CAQ",
        UnitKind.TOWN: "CATX",
        UnitKind.WARD: "CAP",
        UnitKind.COMMUNE: "CAX",
        UnitKind.TOWNSHIP: "CATT",
    }
    return f"BC-{by_kind.get(unit.kind, 'CA')}"


def _signature(signer: Person | None, issuer: Organisation, locale: str) -> Signature | None:
    if signer is None:
        return None
    post = _TRAILING_PLACE.sub("", signer.title or "").strip()
    authority = ""
    if issuer.kind is OrganisationKind.FATHERLAND_FRONT:
        authority = "TM. BAN THƯỜNG TRỰC" if locale == "vi" else "FOR THE STANDING BOARD"
    elif post.lower().startswith("phó "):
        authority = "KT. " + post[4:].upper()
    name = f"{signer.rank} {signer.name}" if signer.rank else signer.name
    return Signature(authority=authority, title=post.upper(), name=name)


def _default_signer(review: Review, issuer: Organisation) -> Person | None:
    key = {"POLICE": "công an", "FATHERLAND_FRONT": "mặt trận"}.get(issuer.kind.name)
    for person in review.chairs:
        if key and key in (person.title or "").lower():
            return person
    return review.chairs[0] if review.chairs else None


def _parent_body(review: Review, issuer: Organisation, units: Hierarchy) -> Organisation | None:
    """The body above the issuer: from the hierarchy at the period's end, else the programme's party of its kind.

    A ward's police report to the city's police (to the province's from
    2025-03-01, when district-level police ended); a programme's party of the
    same kind and unit keeps the name it has there.
    """
    if issuer.unit is not None and issuer.unit in units:
        return _hierarchy_parent(issuer, units, on=review.period.end, known=review.programme.parties)
    for party in review.programme.parties:
        if party.kind is issuer.kind and party.name != issuer.name:
            return party
    return None


def _table_indicators(fx: _Figures) -> list[Indicator]:
    """The indicators of the key-figures table, in catalogue order.

    Every figure stated, and every roll-up with a value (an estimate over part
    of the units has no honest total, but it has a value over those units).
    """
    review = fx.review
    found: dict[str, Indicator] = {}
    for f in fx.figures.select(unit=review.unit, period=review.period):
        a = fx.aggregate(f.indicator)
        if f.status is not FigureStatus.NOT_REPORTED or (a is not None and a.value is not None):
            found[f.indicator.code] = f.indicator
    order = {code: i for i, code in enumerate(ind.STANDARD_INDICATORS)}
    return sorted(found.values(), key=lambda i: (order.get(i.code, len(order)), i.code))


_STATED = Completeness(expected=1, reported=1, units=1, units_reporting=1)


def _current(fx: _Figures, indicator: Indicator) -> Aggregate:
    """The review's value of *indicator* as an aggregate: its roll-up, or its stated figure (complete)."""
    review = fx.review
    a = fx.aggregate(indicator)
    if a is not None:
        return a
    f = fx.figure(indicator)
    value = f.value if f is not None and f.status is FigureStatus.REPORTED else None
    done = _STATED if value is not None else attrs.evolve(_STATED, reported=0, units_reporting=0)
    return Aggregate(indicator=indicator, unit=review.unit, period=review.period, value=value, completeness=done)


@attrs.frozen
class _Table:
    rows: list[FigureRow]
    chart: list[tuple[str, Quantity, Quantity]]
    base_empty: bool


def _figure_rows(
    fx: _Figures,
    indicators: list[Indicator],
    compare: FigureSet | Review | None,
    prev_period: Period,
    locale: str,
) -> _Table:
    """The key-figures rows: each value with its completeness, and with *compare* the base and the change."""
    vi = locale == "vi"
    review = fx.review
    if review.period.same_period_last_year() == prev_period:
        basis: Basis | None = Basis.SAME_PERIOD_LAST_YEAR
    else:
        basis = Basis.PREVIOUS_PERIOD if review.period.previous() == prev_period else None
    engine = None
    if compare is not None:
        engine = Rollup(compare.figures if isinstance(compare, Review) else compare)
    rows: list[FigureRow] = []
    chart: list[tuple[str, Quantity, Quantity]] = []
    any_base = False
    for indicator in indicators:
        label = indicator.name_vi if vi else indicator.name_en
        current = _current(fx, indicator)
        short = None if current.is_complete or current.value is None else fx.completeness(current, short=True)
        if current.value is None:
            now = "có, không nêu số" if vi else "mentioned"
        else:
            now = fx.say(current.value) + (f" ({short})" if short else "")
        if engine is None:
            rows.append(FigureRow(label=label, value=now, code=indicator.code, completeness=short))
            continue
        base = None
        if isinstance(compare, Review) and compare.period == prev_period and compare.unit == review.unit:
            base = compare.aggregate(indicator)
        if base is None:
            base = engine.aggregate(indicator, unit=review.unit, period=prev_period)
        if base.value is None:
            before = "không có số liệu" if vi else "no figure"
        else:
            any_base = True
            before = fx.say(base.value)
            if not base.is_complete:
                before += f" ({fx.completeness(base, short=True)})"
        if current.value is not None and base.value is not None and current.value.unit != base.value.unit:
            # A figure stated in another counter word than its indicator's ("căn" for "nhà").
            change = "không so sánh được (khác đơn vị tính)" if vi else "not comparable (different units)"
        else:
            comparison = Comparison(current=current, base=base, basis=basis)
            change = format_comparison(comparison, locale=locale, reference=False)
            # Bars side by side read as like for like: only comparisons that are.
            if comparison.status in (Comparability.COMPARABLE, Comparability.BASE_ZERO):
                assert current.value is not None and base.value is not None
                chart.append((label, current.value, base.value))
        rows.append(
            FigureRow(label=label, value=now, previous=before, change=change, code=indicator.code, completeness=short)
        )
    return _Table(rows=rows, chart=chart, base_empty=engine is not None and not any_base)


def build_report(
    review: Review,
    *,
    locale: str = "vi",
    compare: FigureSet | Review | None = None,
    compare_period: Period | None = None,
    findings: bool = False,
    issuer: Organisation | None = None,
    number: str | None = None,
    place: str | None = None,
    date: _dt.date | None = None,
    recipients: Sequence[str] | None = None,
    signer: Person | None = None,
    hierarchy: Hierarchy | None = None,
    chart: bool | None = None,
    parent_body: Organisation | None = None,
) -> Report:
    """Word a review as a report in *locale* (``"vi"`` or ``"en"``).

    * *compare*: the figures of a comparison period (a ``FigureSet`` or a
      ``Review``); *compare_period* defaults to the same period last year.
      The figures table then shows the previous value and the change.
    * *findings*: add a section with the review's consistency findings.
    * *issuer*: the body that issues the report (default: the review's first
      organiser).
    * *parent_body*: the body above the issuer, in the heading and first in
      "Nơi nhận" (default: the body of the issuer's kind of the unit above
      the issuer's in the hierarchy at the period's end, named as the
      programme's party of that unit where there is one; a ward's police
      report to the city's police until 2025-03-01, to the province's after).
    * *number*: the document number ("05/BC-CATP"); by default the number is
      left blank for the clerk, with the symbol of the issuer ("Số:    /BC-CATP").
    * *place*, *date*: for "Bảo Lộc, ngày 12 tháng 7 năm 2022" (defaults: the
      unit's name and the meeting day).
    * *recipients*: the "Nơi nhận" lines (default: the parent body, the other
      organisers, "Lưu: VT.").
    * *signer*: who signs (default: the chair from the issuer's side).
    * *hierarchy*: where to look units up (default: the bundled units).
    * *chart*: draw a chart of current against previous figures (default:
      when there is a comparison and matplotlib is installed).

    What the measures know is said: a figure rolled up from units that did
    not all report (:attr:`Review.aggregates`, see
    :meth:`Review.from_figures`) is stated over the units that reported,
    followed by "Số liệu trên theo báo cáo của 9/11 đơn vị; chưa có số liệu
    của ...", and its table cell says "(9/11 đơn vị báo cáo)"; changes are
    worded from :class:`~anninh_toandan.aggregate.Comparison`; the share of
    valuable tips from :class:`~anninh_toandan.aggregate.Share`. A review
    with records and no figures of its own states the figures its records
    give; with both, its stated figures win and each disagreement is a
    warning (:attr:`Report.warnings`, also in the findings section). A
    comparison period without any figure is said in the text and warned.
    """
    if locale not in ("vi", "en"):
        msg = f"'locale' must be one of 'vi', 'en' (got {locale!r})"
        raise ReportError(msg)
    if not isinstance(review, Review):
        msg = f"'review' must be a Review (got {type(review).__name__})"
        raise ReportError(msg)
    vi = locale == "vi"
    units = hierarchy if hierarchy is not None else Hierarchy.bundled()
    if issuer is None:
        if not review.organisers:
            msg = "the review names no organiser: pass issuer= (the body that issues the report)"
            raise ReportError(msg)
        issuer = review.organisers[0]
    unit = _unit(units, review.unit)
    issuer_unit = _unit(units, issuer.unit) or unit
    parent = parent_body if parent_body is not None else _parent_body(review, issuer, units)
    fx = _Figures(review, locale, units)
    day = date if date is not None else review.held_on
    where = place or (issuer_unit.name if issuer_unit is not None else (review.unit_name or review.unit))
    programme = review.programme
    period_text = format_period(review.period, locale=locale)
    signed = format_date(programme.signed_on, locale=locale, style="short" if vi else "long")
    parties = _join([p.name for p in programme.parties], locale)

    # -- heading --
    if vi:
        kind_word = "Sơ kết" if review.kind is ReviewKind.INTERIM else "Tổng kết"
        subject = f"{kind_word} {period_text} thực hiện Chương trình phối hợp số {programme.number} ngày {signed}"
        subject += f" giữa {parties}" if parties else ""
        heading = Heading(
            parent_body=_expand(parent.name).upper() if parent else "",
            issuing_body=_expand(issuer.name).upper(),
            number=f"Số: {number}" if number else f"Số:        /{_symbol(issuer, issuer_unit)}",
            place_date=f"{where}, {format_date(day, style='document')}",
            title="BÁO CÁO",
            subject=subject,
        )
    else:
        kind_word = "Interim review" if review.kind is ReviewKind.INTERIM else "Final review"
        subject = f"{kind_word} of {_en_the(period_text)} of coordination programme no. {programme.number} of {signed}"
        subject += f" between {parties}" if parties else ""
        heading = Heading(
            parent_body=parent.name.upper() if parent else "",
            issuing_body=issuer.name.upper(),
            number=f"No. {number}" if number else f"No.        /{_symbol(issuer, issuer_unit)}",
            place_date=f"{where}, {format_date(day, locale='en', style='long')}",
            title="REPORT",
            subject=subject,
            national_title="SOCIALIST REPUBLIC OF VIETNAM",
            motto="Independence - Freedom - Happiness",
        )

    # -- opening --
    organisers = list(review.organisers) or [issuer]
    chairs = _join([_person_with_title(p, locale) for p in review.chairs], locale)
    if vi:
        first = f"Thực hiện Chương trình phối hợp số {programme.number} ngày {signed}"
        first += f" giữa {parties}" if parties else ""
        first += f" về “{programme.title}”" if programme.title else ""
        meeting = "hội nghị sơ kết" if review.kind is ReviewKind.INTERIM else "hội nghị tổng kết"
        host = organisers[0].name + (
            f" phối hợp với {_join([o.name for o in organisers[1:]], locale)}" if len(organisers) > 1 else ""
        )
        first += f", ngày {format_date(review.held_on, style='short')}, {host} tổ chức {meeting} {period_text}"
        first += f" tại {review.place}" if review.place else ""
        first += f" do {chairs} chủ trì" if chairs else ""
        first += f". {issuer.name} báo cáo kết quả như sau:"
    else:
        first = f"Under coordination programme no. {programme.number} of {signed}"
        first += f" between {parties}" if parties else ""
        first += f" on “{programme.title}”" if programme.title else ""
        meeting = "an interim review meeting" if review.kind is ReviewKind.INTERIM else "a final review meeting"
        host = _join([o.name for o in organisers], locale)
        held = format_date(review.held_on, locale="en", style="long")
        first += f", {host} held {meeting} for {_en_the(period_text)} on {held}"
        first += f" in {review.place}" if review.place else ""
        first += f", chaired by {chairs}" if chairs else ""
        first += f". {issuer.name} reports the results as follows:"
    opening = [first]
    if review.situation.text and vi and review.situation.text[0][:1].isupper():
        opening.append(" ".join(_sentence(t) for t in review.situation.text))
    elif review.situation.text and vi:
        opening.append("Thời gian qua, " + "; ".join(t.strip().rstrip(".") for t in review.situation.text) + ".")
    elif review.situation.text:
        opening.append("Situation (as reported in Vietnamese): " + "; ".join(review.situation.text) + ".")

    # -- I. results --
    activity_orgs: list[Organisation] = []
    for a in review.activities:
        for o in a.organisers:
            if o not in activity_orgs:
                activity_orgs.append(o)
    actors = _actors(activity_orgs or organisers, locale)
    subsections: list[tuple[str, list[str]]] = []
    qualitative = [
        _sentence(t) for t in review.results if not t.about and (t[:1].isupper() or not any(ch.isdigit() for ch in t))
    ]
    blocks: list[tuple[str, str, Callable[[], str | None]]] = [
        ("Công tác tuyên truyền", "Outreach", lambda: _outreach(fx, review, actors, locale)),
        (
            "Xây dựng mô hình phòng chống tội phạm, đảm bảo an ninh trật tự",
            "Community security models",
            lambda: _models(fx, locale),
        ),
        ("Tiếp nhận, xử lý tin báo của quần chúng nhân dân", "Tips from the public", lambda: _tips(fx, locale)),
        ("Công tác an sinh xã hội", "Social support", lambda: _support(fx, review, locale)),
    ]
    worded: list[tuple[str, str, str | None, str | None]] = []
    for title_vi, title_en, make in blocks:
        before = set(fx.used)
        text = make()
        if text:
            worded.append((title_vi if vi else title_en, text, *fx.take_notes(before)))
    # One completeness for every block that has one, covering all its figures: said once, before them.
    phrases = {phrase for *_, note, phrase in worded if note is not None}
    common = next(iter(phrases)) if len(phrases) == 1 and None not in phrases and len(worded) > 1 else None
    for title, text, note, _phrase in worded:
        subsections.append((title, [text] if note is None or common is not None else [text, note]))
    others = _others(fx, review, locale)
    if others:
        subsections.append(("Kết quả khác" if vi else "Other results", others))
    table_indicators = _table_indicators(fx)
    prev_period = compare_period or review.period.same_period_last_year()
    prev_label = format_period(prev_period, locale=locale, with_dates=False)
    figure_rows = _figure_rows(fx, table_indicators, compare, prev_period, locale)
    result_paragraphs = list(qualitative) if vi else []
    if common is not None:
        result_paragraphs.append(f"Số liệu dưới đây {common}." if vi else f"The figures below were {common}.")
    if not subsections:
        # Never a silently empty "KẾT QUẢ": the reader is told, the drafter warned (and why, when the
        # review's figures are all of other periods or units).
        result_paragraphs.append(
            f"Chưa có số liệu về kết quả thực hiện {period_text}."
            if vi
            else f"No figures on the results of {_en_the(period_text)} have been reported."
        )
        elsewhere = sorted({f"{f.unit} {f.period.id}" for f in review.figures})
        warning = (
            "báo cáo không có số liệu nào của đơn vị trong kỳ"
            if vi
            else "the report has no figure for its unit and period"
        )
        if elsewhere:
            listed = ", ".join(elsewhere[:5]) + (", ..." if len(elsewhere) > 5 else "")
            warning += (
                f" (các số liệu hiện có là của: {listed})" if vi else f" (the review's figures are for: {listed})"
            )
        fx.warnings.append(warning)
    if figure_rows.base_empty:
        result_paragraphs.append(
            f"Chưa có số liệu {prev_label} nên chưa so sánh được với cùng kỳ."
            if vi and prev_period == review.period.same_period_last_year()
            else f"Chưa có số liệu {prev_label} để so sánh."
            if vi
            else f"There are no figures for {_en_the(prev_label)} to compare with."
        )
        fx.warnings.append(
            f"kỳ so sánh ({prev_label}) không có số liệu"
            if vi
            else f"the comparison period ({prev_label}) has no figures"
        )
    results = Section(
        number="I",
        title="KẾT QUẢ ĐẠT ĐƯỢC" if vi else "RESULTS",
        paragraphs=result_paragraphs,
        subsections=[
            Section(number=str(i), title=t, paragraphs=ps, level=2) for i, (t, ps) in enumerate(subsections, start=1)
        ],
    )
    sections = [results]

    # -- II. assessment, III. directions, IV. proposals --
    assessment = [
        (t_vi if vi else t_en, items)
        for t_vi, t_en, items in (
            ("Ưu điểm", "Strengths", review.strengths),
            ("Tồn tại, hạn chế", "Shortcomings", review.shortcomings),
            ("Nguyên nhân", "Causes", (*review.causes, *review.objective_causes, *review.subjective_causes)),
        )
        if items
    ]
    as_recorded = [] if vi else ["(As recorded, in Vietnamese.)"]
    if assessment:
        sections.append(
            Section(
                number="",
                title="ĐÁNH GIÁ CHUNG" if vi else "ASSESSMENT",
                paragraphs=as_recorded,
                subsections=[
                    Section(number=str(i), title=t, paragraphs=_dash_list(items), level=2)
                    for i, (t, items) in enumerate(assessment, start=1)
                ],
            )
        )
    if review.directions:
        lead = (
            f"Trong thời gian tới, {actors} tiếp tục thực hiện tốt các nhiệm vụ sau:"
            if vi
            else f"In the next period, {actors} will:"
        )
        sections.append(
            Section(
                number="",
                title="PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" if vi else "DIRECTIONS AND TASKS FOR THE NEXT PERIOD",
                paragraphs=[lead, *as_recorded, *_dash_list(review.directions)],
            )
        )
    if review.proposals:
        sections.append(
            Section(
                number="",
                title="ĐỀ XUẤT, KIẾN NGHỊ" if vi else "PROPOSALS",
                paragraphs=[*as_recorded, *_dash_list(review.proposals)],
            )
        )
    if findings:
        from anninh_toandan.reports._findings import describe_results

        lines = [*describe_results(review.validate(), locale=locale), *fx.warnings]
        sections.append(
            Section(
                number="",
                title="KIỂM TRA SỐ LIỆU" if vi else "CHECKS ON THE FIGURES",
                paragraphs=[f"- {line}" for line in lines],
            )
        )
    sections = [
        Section(number=_ROMAN[i], title=s.title, paragraphs=s.paragraphs, subsections=s.subsections)
        for i, s in enumerate(sections)
    ]

    # -- figures table --
    now_label = format_period(review.period, locale=locale, with_dates=False)
    if compare is not None:
        columns = ["Chỉ tiêu" if vi else "Indicator", _cap(now_label), _cap(prev_label), "So sánh" if vi else "Change"]
    else:
        columns = ["Chỉ tiêu" if vi else "Indicator", _cap(now_label)]
    table = (
        FigureTable(caption="MỘT SỐ KẾT QUẢ CHỦ YẾU" if vi else "KEY FIGURES", columns=columns, rows=figure_rows.rows)
        if figure_rows.rows
        else None
    )

    # -- chart --
    svg = png = None
    if compare is not None and chart is not False:
        from anninh_toandan.reports._chart import ChartRow, charts_available, comparison_chart

        if (chart or charts_available()) and figure_rows.chart:
            svg, png = comparison_chart(
                [
                    ChartRow(
                        label=label,
                        current=now.value,
                        previous=before.value,
                        current_text=fx.say(now),
                        previous_text=fx.say(before),
                    )
                    for label, now, before in figure_rows.chart
                ],
                current_label=_cap(now_label),
                previous_label=_cap(prev_label),
                title="So sánh với cùng kỳ" if vi else "Compared with the same period last year",
            )

    # -- closing --
    if recipients is None:
        lines = []
        if parent is not None:
            lines.append(f"{parent.name} ({'để báo cáo' if vi else 'for information'})")
        lines += [f"{o.name} ({'để phối hợp' if vi else 'for coordination'})" for o in organisers if o != issuer]
        lines.append("Lưu: VT" if vi else "File copy")
        recipient_lines = _dash_list(lines)
    else:
        recipient_lines = list(recipients)
    the_signer = signer if signer is not None else _default_signer(review, issuer)
    return Report(
        locale=locale,
        heading=heading,
        opening=opening,
        sections=sections,
        table=table,
        recipients_title="Nơi nhận:" if vi else "Distribution:",
        recipients=recipient_lines,
        signature=_signature(the_signer, issuer, locale),
        date=day if isinstance(day, _dt.date) else None,
        chart_svg=svg,
        chart_png=png,
        review=review,
        figures=fx.figures,
        warnings=fx.warnings,
    )
