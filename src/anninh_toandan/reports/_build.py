"""From a review to a worded report (private; see :func:`build_report`).

:func:`build_report` decides what is said, in the order of a Vietnamese
"báo cáo sơ kết" (Nghị định 30/2020; CONVENTIONS.md, "Official report
layout"); the phrasebook of the locale (:mod:`._phrases_vi`,
:mod:`._phrases_en`) says it. A figure that is missing is left out of its
sentence, never written as 0; a figure mentioned without a number is named
without one; qualifiers are never dropped. The drafter's checks are not in
the document: they are the report's :attr:`~._model.Report.checklist`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Sequence

import attrs

from anninh_toandan import indicator as ind
from anninh_toandan.activity import ActivityKind
from anninh_toandan.aggregate import Aggregate, Basis, Comparability, Comparison, Completeness, Rollup, Share
from anninh_toandan.charity import DisbursementPurpose
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
from anninh_toandan.period import Period, PeriodKind
from anninh_toandan.programme import Organisation, OrganisationKind, Passage, Person, RecordError
from anninh_toandan.quantity import Quantity
from anninh_toandan.reports._errors import ReportError
from anninh_toandan.reports._locales import phrasebook
from anninh_toandan.reports._model import FigureRow, FigureTable, Heading, Report, Section, Signature
from anninh_toandan.reports._phrases import Houses, Models, Outreach, Phrasebook, Support, Tips
from anninh_toandan.review import Review
from anninh_toandan.review import parent_body as _hierarchy_parent
from anninh_toandan.security_model import DissolutionReason

__all__ = ["build_report", "person_name"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_OUTREACH = (
    ind.OUTREACH_SESSIONS,
    ind.OUTREACH_REACH,
    ind.PRINTED_COPIES,
    ind.LOUDSPEAKER_BROADCASTS,
    ind.ONLINE_POSTS,
)
_MODELS = (ind.SECURITY_MODELS_ESTABLISHED, ind.SECURITY_MODELS_ACTIVE, ind.SECURITY_MODELS_DISSOLVED)
_TIPS = (ind.TIPS_RECEIVED, ind.TIPS_VALUABLE, ind.CASES_CLARIFIED)
_SUPPORT = (
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
#: The blocks of "kết quả thực hiện", each with the indicators its sentence says.
_BLOCKS = {
    "outreach": {i.code for i in _OUTREACH},
    "models": {i.code for i in _MODELS},
    "tips": {i.code for i in _TIPS},
    "support": {i.code for i in _SUPPORT},
}
#: Indicators the sentences of the blocks already say; the others go to "other results".
_COVERED = set().union(*_BLOCKS.values())

_PLACE_WORDS = r"(?:TP\.?|thành phố|tỉnh|huyện|quận|thị xã|phường|xã|thị trấn|đặc khu)"
_TRAILING_PLACE = re.compile(rf"\s+{_PLACE_WORDS}\s+.*$", re.IGNORECASE)
#: Social networks as their owners write them.
_CHANNELS = {"zalo": "Zalo", "facebook": "Facebook", "youtube": "YouTube", "tiktok": "TikTok"}

# -- small wording helpers -----------------------------------------------------------


def _cap(text: str) -> str:
    """*text* with its first letter in capitals (Vietnamese-safe)."""
    return text[:1].upper() + text[1:] if text else text


def _dash_list(items: Sequence[str]) -> list[str]:
    """Items as the lines of an official list: "- Item;" ... "- Last item."."""
    out = []
    for i, item in enumerate(items):
        text = _cap(item.strip().rstrip(";.").strip())
        out.append(f"- {text}{'.' if i == len(items) - 1 else ';'}")
    return out


def person_name(person: Person, *, locale: str = "vi", start: bool = False) -> str:
    """A person as reports name them: rank + name for police, honorific + name for others.

    The rank is written as given, never derived from the post (in English,
    its English from :data:`~anninh_toandan.programme.RANKS_EN`). With
    *start* the honorific is capitalised (at the start of a sentence).

    >>> person_name(Person(name="Ngô Quốc Huy", rank="Đại tá"))
    'Đại tá Ngô Quốc Huy'
    >>> person_name(Person(name="Ngô Quốc Huy", rank="Đại tá"), locale="en")
    'Colonel Ngô Quốc Huy'
    >>> person_name(Person(name="Huỳnh Minh Chánh", honorific="ông"), start=True)
    'Ông Huỳnh Minh Chánh'
    """
    return phrasebook(locale).person(person, start=start)


class _Names:
    """Bodies as the report names them: in full at the first mention, by their short name after.

    In English, by their English name ("Bảo Lộc City Police"), with "the"
    before a committee ("the Bảo Lộc City Committee of the Vietnam Fatherland Front").
    """

    def __init__(self, book: Phrasebook) -> None:
        self.book = book
        self.seen: set[str] = set()

    def __call__(self, org: Organisation) -> str:
        first = org.name not in self.seen
        self.seen.add(org.name)
        return self.book.body(org, first=first)

    def join(self, orgs: Sequence[Organisation]) -> str:
        return self.book.join([self(o) for o in orgs])


def _actors(orgs: Sequence[Organisation], names: _Names) -> str:
    """ "Công an thành phố cùng Ủy ban MTTQ Việt Nam thành phố và các tổ chức thành viên"."""
    said = [names(o) for o in orgs]
    if len(said) <= 1:
        return "".join(said)
    rest = names.book.join(said[1:])
    return names.book.together(said[0], rest)


def _text(passage: Passage | str | None, book: Phrasebook) -> str | None:
    """A passage inside a sentence: its text in the locale, else its Vietnamese."""
    if passage is None:
        return None
    if isinstance(passage, Passage):
        return passage.text(book.locale) or passage.vi
    return str(passage)


class _Paragraphs:
    """The report's paragraphs, and which of them are marked as Vietnamese in an English report."""

    def __init__(self, book: Phrasebook) -> None:
        self.book = book
        self.vietnamese: list[str] = []

    def __call__(self, passage: Passage | str) -> str:
        text, marked = self.book.passage(passage)
        if marked:
            self.vietnamese.append(text)
        return text

    def dash_list(self, items: Sequence[Passage | str]) -> list[str]:
        said = [self.book.passage(p) for p in items]
        lines = _dash_list([text for text, _ in said])
        self.vietnamese += [line for line, (_, marked) in zip(lines, said, strict=True) if marked]
        return lines


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

    def __init__(self, review: Review, book: Phrasebook, units: Hierarchy) -> None:
        self.review = review
        self.book = book
        self.locale = book.locale
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
            self.warnings.append(self.book.records_uncounted(str(exc)))
            return r.figures
        if not own:
            return r.figures.with_figures(records)
        for rec in records:
            stated = r.figures.get(rec.indicator, r.unit, r.period)
            if stated is None or stated.value is None or rec.value is None or stated.value == rec.value:
                continue
            said, counted = self.say(stated.value), self.say(rec.value)
            self.warnings.append(self.book.records_disagree(self.label(rec.indicator), said, counted))
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
        return None if q is None else self.say(q, indicator)

    def say(self, q: Quantity, indicator: Indicator | None = None) -> str:
        """*q* in words, in the counter word the locale uses for *indicator* ("2,700 broadcasts")."""
        if indicator is not None:
            counter = self.book.counters.get(indicator.code)
            if counter is not None and q.unit == indicator.unit:
                q = attrs.evolve(q, unit=counter)
        return format_money(q, locale=self.locale) if q.is_money else format_quantity(q, locale=self.locale)

    def label(self, indicator: Indicator) -> str:
        """The indicator's name as the report writes it (the phrasebook's wording where it has one)."""
        return self.book.indicator(indicator)

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
        groups: dict[str, list[Aggregate]] = {}
        for a in pending.values():
            groups.setdefault(self.completeness(a), []).append(a)
        block = self.used - used_before
        if len(groups) == 1 and set(pending) == block:
            phrase = next(iter(groups))
            return self.book.completeness_note(phrase), phrase
        out = []
        for phrase, aggs in groups.items():
            names = self.book.join([_lower(self.label(a.indicator)) for a in aggs])
            out.append(self.book.completeness_note(phrase, names))
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


def _in_period(record: object, review: Review) -> bool:
    period = getattr(record, "period", None)
    on = getattr(record, "on", None)
    if period is not None:
        return bool(period.start <= review.period.end and period.end >= review.period.start)
    if on is not None:
        return bool(review.period.start <= on <= review.period.end)
    return True


def _outreach(fx: _Figures, review: Review, actors: str, names: _Names) -> str | None:
    book = fx.book
    topics: dict[ActivityKind | str, str] = {}
    channels: list[str] = []
    pages: list[Organisation] = []
    for a in review.activities:
        if not _in_period(a, review):
            continue
        if a.topic is not None and a.kind not in topics:
            topics[a.kind] = _text(a.topic, book) or ""
        if a.kind is ActivityKind.ONLINE_POST:
            channels += [_CHANNELS.get(c, c.capitalize()) for c in a.channels]
            pages += [o for o in a.pages_of if o not in pages]
    o = Outreach(
        when=format_period(review.period, locale=book.locale, with_dates=False),
        actors=actors,
        sessions=fx.text(ind.OUTREACH_SESSIONS),
        reach=fx.text(ind.OUTREACH_REACH),
        printed=fx.text(ind.PRINTED_COPIES),
        broadcasts=fx.text(ind.LOUDSPEAKER_BROADCASTS),
        posts=fx.text(ind.ONLINE_POSTS),
        session_topic=topics.get(ActivityKind.OUTREACH_SESSION),
        broadcast_topic=topics.get(ActivityKind.LOUDSPEAKER_BROADCAST),
        post_topic=topics.get(ActivityKind.ONLINE_POST),
        channels=tuple(dict.fromkeys(channels)),
        pages_of=names.join(pages) if pages else None,
    )
    return book.outreach(o)


def _models(fx: _Figures, review: Review) -> str | None:
    reasons: list[DissolutionReason | str] = []
    for batch in review.dissolved_models:
        if _in_period(batch, review):
            reasons += [r for r in batch.reasons if r not in reasons]
    for model in review.security_models:
        d, why = model.dissolved_on, model.dissolution_reason
        if d is not None and review.period.start <= d <= review.period.end and why is not None and why not in reasons:
            reasons.append(why)
    m = Models(
        built=fx.text(ind.SECURITY_MODELS_ESTABLISHED),
        total=fx.text(ind.SECURITY_MODELS_ACTIVE),
        dissolved=fx.text(ind.SECURITY_MODELS_DISSOLVED),
        reasons=tuple(reasons),
    )
    return fx.book.models(m)


def _police(review: Review, issuer: Organisation) -> Organisation | None:
    if issuer.kind is OrganisationKind.POLICE:
        return issuer
    return next((o for o in review.organisers if o.kind is OrganisationKind.POLICE), None)


def _tips(fx: _Figures, review: Review, police: Organisation | None, names: _Names) -> str | None:
    received, valuable = fx.value(ind.TIPS_RECEIVED), fx.value(ind.TIPS_VALUABLE)
    share = fx.share(ind.TIPS_VALUABLE, ind.TIPS_RECEIVED)
    # The programme's information comes through its models: said so when the review reports both.
    has_models = any(fx.figure(i) is not None for i in _MODELS) or bool(review.security_models)
    t = Tips(
        received=None if received is None else fx.say(received, ind.TIPS_RECEIVED),
        valuable=None if valuable is None else fx.say(valuable, ind.TIPS_VALUABLE),
        share=share,
        cases=fx.text(ind.CASES_CLARIFIED),
        by=names(police) if police is not None else None,
        from_models=has_models and received is not None,
    )
    return fx.book.tips(t)


def _support(fx: _Figures, review: Review, names: _Names) -> str | None:
    book = fx.book
    contributors: str | None = None
    raised_by: list[Organisation] = []
    fund_name: str | None = review.funds[0].name if review.funds else None
    for fund in review.funds:
        for c in fund.contributions:
            if _in_period(c, review):
                contributors = contributors or _text(c.contributors, book)
                raised_by += [o for o in c.raised_by if o not in raised_by]
    given = {DisbursementPurpose.PRODUCTION_SUPPORT, DisbursementPurpose.SCHOLARSHIP, DisbursementPurpose.GIFT}
    disbursements = [d for d in review.support if _in_period(d, review) and d.purpose in given]
    for fund in review.funds:
        disbursements += [d for d in fund.disbursements if _in_period(d, review) and d.purpose in given]
    whom = {_text(d.beneficiaries, book) for d in disbursements if d.beneficiaries is not None}
    shared_amounts = [*review.shared_amounts, *(s for f in review.funds for s in f.shared_amounts)]
    shared = next(
        (
            s.amount
            for s in shared_amounts
            if _in_period(s, review) and len(s.purposes) > 1 and set(s.purposes) <= given
        ),
        None,
    )
    if shared is not None:
        # The figure that holds the same shared value (a custom indicator) is said here, once.
        for f in fx.figures.select(unit=review.unit, period=review.period):
            if f.indicator.code not in _COVERED and f.value == shared:
                fx.used.add(f.indicator.code)
    s = Support(
        actors=names.join(raised_by) if raised_by else None,
        fund=fx.text(ind.FUND_CONTRIBUTIONS),
        fund_name=fund_name,
        contributors=contributors,
        houses=Houses(
            new=fx.text(ind.HOUSES_NEW),
            repaired=fx.text(ind.HOUSES_REPAIRED),
            total=fx.text(ind.HOUSES_TOTAL),
            cost=fx.text(ind.HOUSES_COST),
        ),
        production=fx.text(ind.PRODUCTION_SUPPORT),
        production_mentioned=fx.mentioned(ind.PRODUCTION_SUPPORT),
        production_value=fx.text(ind.PRODUCTION_SUPPORT_VALUE),
        scholarships=fx.text(ind.SCHOLARSHIPS),
        scholarships_mentioned=fx.mentioned(ind.SCHOLARSHIPS),
        scholarships_value=fx.text(ind.SCHOLARSHIPS_VALUE),
        gifts=fx.text(ind.GIFTS),
        gifts_value=fx.text(ind.GIFTS_VALUE),
        beneficiaries=next(iter(whom)) if len(whom) == 1 else None,
        shared_value=None if shared is None else fx.say(shared),
    )
    return book.support(s)


def _others(fx: _Figures, review: Review) -> tuple[list[str], list[str]]:
    """Sentences for the figures the blocks do not say: (those about models, the rest).

    A figure mentioned without a number whose wording a general passage of
    the review's results already holds is said by that passage, not twice.
    """
    about_models: list[str] = []
    rest: list[str] = []
    general = [p for p in review.results if not (isinstance(p, Passage) and p.about)]
    figures = sorted(fx.figures.select(unit=review.unit, period=review.period), key=lambda f: f.indicator.code)
    for f in figures:
        code = f.indicator.code
        if code in _COVERED or code in fx.used or code.startswith(ind.ONLINE_POSTS.code + "."):
            continue
        into = about_models if f.indicator.unit == "mô hình" else rest
        name = fx.label(f.indicator)
        a = fx.aggregate(f.indicator)
        if a is not None and not a.is_complete and a.value is not None:
            into.append(fx.book.figure_sentence(name, fx.say(a.value, f.indicator), fx.completeness(a)))
        elif f.status is FigureStatus.REPORTED:
            assert f.value is not None
            into.append(fx.book.figure_sentence(name, fx.say(f.value, f.indicator)))
        elif f.status is FigureStatus.MENTIONED:
            note = (f.note or "").strip().rstrip(".").lower()
            holder = next((p for p in general if note and note in str(p).lower()), None)
            if holder is not None:
                continue  # said by its passage, placed with the models below
            into.append(fx.book.mentioned(name, f.note))
    return about_models, rest


def _place_general(fx: _Figures, review: Review) -> dict[str, list[Passage | str]]:
    """Where each general passage of the results goes: "start", or the block it belongs to.

    A passage that holds the wording of a figure about models (mentioned
    without a number, "nhiều mô hình hay ... COVID-19") goes with the
    models; any other follows the block of the passage before it in the
    review (the article's order), or opens the results when none is before it.
    """
    places: dict[str, list[Passage | str]] = {}
    notes = [
        (f.note or "").strip().rstrip(".").lower()
        for f in fx.figures.select(unit=review.unit, period=review.period)
        if f.status is FigureStatus.MENTIONED and f.indicator.unit == "mô hình" and f.note
    ]
    last = "start"
    for p in review.results:
        about = p.about if isinstance(p, Passage) else ()
        if about:
            last = next((block for code in about for block, codes in _BLOCKS.items() if code in codes), last)
            continue
        text = str(p).lower()
        where = "models" if any(n and n in text for n in notes) else last
        places.setdefault(where, []).append(p)
    return places


# -- the report ---------------------------------------------------------------------------


def _place_name(unit: OrgUnit) -> str:
    """The place before the date ("Bảo Lộc, ngày ..."): the unit's name without its kind.

    A unit named by a number keeps its full name (Nghị định 30/2020/NĐ-CP, Phụ lục I: "đặt tên ...
    bằng chữ số ... thì phải ghi tên gọi đầy đủ"): "Phường 2 Bảo Lộc, ngày ...", never "2 Bảo Lộc".
    """
    return unit.full_name if unit.name[:1].isdigit() else unit.name


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


def _signature(signer: Person | None, issuer: Organisation, book: Phrasebook) -> Signature | None:
    """ "KT. TRƯỞNG CÔNG AN / PHÓ TRƯỞNG CÔNG AN / Đại tá Ngô Quốc Huy" (in English: "FOR THE CHIEF OF
    POLICE / DEPUTY CHIEF / Colonel Ngô Quốc Huy")."""
    if signer is None:
        return None
    post = _TRAILING_PLACE.sub("", signer.title or "").strip()
    authority = ""
    if issuer.kind is OrganisationKind.FATHERLAND_FRONT:
        authority = "TM. BAN THƯỜNG TRỰC"
    elif post.lower().startswith("phó "):
        authority = "KT. " + post[4:].upper()
    head, title, name = book.signature(authority, post, signer.name, signer.rank)
    return Signature(authority=head, title=title, name=name)


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

    Every figure stated with a number, and every roll-up with a value (an
    estimate over part of the units has no honest total, but it has a value
    over those units). A figure mentioned without a number ("tặng học bổng")
    is said in the text and left out of the table: a cell that says "có,
    không nêu số" reads as machine-made (``docs/reports.md``).
    """
    review = fx.review
    found: dict[str, Indicator] = {}
    for f in fx.figures.select(unit=review.unit, period=review.period):
        a = fx.aggregate(f.indicator)
        if f.status is FigureStatus.REPORTED or (a is not None and a.value is not None):
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
) -> _Table:
    """The key-figures rows: each value with its completeness, and with *compare* the base and the change."""
    book = fx.book
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
        label = fx.label(indicator)
        current = _current(fx, indicator)
        short = None if current.is_complete or current.value is None else fx.completeness(current, short=True)
        now = "—" if current.value is None else fx.say(current.value, indicator) + (f" ({short})" if short else "")
        if engine is None:
            rows.append(FigureRow(label=label, value=now, code=indicator.code, completeness=short))
            continue
        base = None
        if isinstance(compare, Review) and compare.period == prev_period and compare.unit == review.unit:
            base = compare.aggregate(indicator)
        if base is None:
            base = engine.aggregate(indicator, unit=review.unit, period=prev_period)
        if base.value is None:
            before = book.no_base_figure
        else:
            any_base = True
            before = fx.say(base.value, indicator)
            if not base.is_complete:
                before += f" ({fx.completeness(base, short=True)})"
        if current.value is not None and base.value is not None and current.value.unit != base.value.unit:
            # A figure stated in another counter word than its indicator's ("căn" for "nhà").
            change = book.not_comparable
        else:
            comparison = Comparison(current=current, base=base, basis=basis)
            change = format_comparison(comparison, locale=book.locale, reference=False)
            # Bars side by side read as like for like: only comparisons that are.
            if comparison.status in (Comparability.COMPARABLE, Comparability.BASE_ZERO):
                assert current.value is not None and base.value is not None
                chart.append((label, current.value, base.value))
        rows.append(
            FigureRow(label=label, value=now, previous=before, change=change, code=indicator.code, completeness=short)
        )
    return _Table(rows=rows, chart=chart, base_empty=engine is not None and not any_base)


def _filing_unit(issuer: Organisation, unit: OrgUnit | None) -> str | None:
    """The drafting unit after "Lưu: VT,": the issuer's document symbol without "BC-" ("CATP")."""
    symbol = _symbol(issuer, unit)
    return symbol.removeprefix("BC-") if symbol != "BC" else None


def _recipients(
    review: Review,
    issuer: Organisation,
    parent: Organisation | None,
    organisers: Sequence[Organisation],
    names: _Names,
    filed_by: str | None,
) -> list[str]:
    """The default "Nơi nhận": the body above; the programme's other party (its Ban Thường trực for the
    Front); the co-organisers (the Front's Ban Thường trực), to coordinate; "Lưu: VT, <unit>"."""
    book = names.book

    def front(org: Organisation) -> str:
        if org.kind is not OrganisationKind.FATHERLAND_FRONT:
            return names(org)
        return book.front_board(org, names(org))

    lines: list[str] = []
    if parent is not None:
        lines.append(book.recipient(names(parent), "report"))
    for party in review.programme.parties:
        if party != parent and party != issuer and party.kind is not issuer.kind:
            lines.append(book.recipient(front(party), "report"))
    lines += [book.recipient(front(o), "coordinate") for o in organisers if o != issuer]
    lines.append(book.filed(filed_by))
    return _dash_list([_cap(line) for line in lines])


def _checklist(
    review: Review,
    fx: _Figures,
    compare: FigureSet | Review | None,
    compare_period: Period | None,
    proposals_empty: bool,
) -> list[str]:
    """The drafter's checklist: the rules' results, the builder's warnings, what is left to the drafter."""
    from anninh_toandan.reports._findings import describe_results

    results = review.validate(compare=compare, compare_period=compare_period)
    lines = [*describe_results(results, locale=fx.locale, labels=fx.book.labels), *fx.warnings]
    if proposals_empty:
        lines.append(fx.book.proposals_todo)
    return lines


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
    filed_by: str | None = None,
) -> Report:
    """Word a review as a report in *locale* (``"vi"`` or ``"en"``).

    The report is the office's own, in the layout of a "báo cáo sơ kết"
    (``docs/reports.md``): the basis (the programme, cited "Chương trình
    phối hợp số 06 ngày 06/3/2014"); I. Đặc điểm tình hình; II. Kết quả
    thực hiện (outreach, models with their other results, information from
    the public, social support); III. Đánh giá (ưu điểm; tồn tại, hạn chế;
    nguyên nhân, a) khách quan, b) chủ quan); IV. Phương hướng, nhiệm vụ of
    the next period, named ("6 tháng cuối năm 2022"); V. Kiến nghị, đề xuất
    (left to the drafter when the review has none). It does not narrate its
    own meeting and does not print the chairs' :attr:`~Review.remarks` as
    its strengths; bodies are named in full once, then by their short name.

    * *compare*: the figures of a comparison period (a ``FigureSet`` or a
      ``Review``); *compare_period* defaults to the same period last year.
      The figures table then shows the previous value and the change, and
      the checklist says when the comparison has no figures.
    * *findings*: add the drafter's checklist (:attr:`Report.checklist`) to
      the document as a last appendix, titled as the drafter's, to remove
      before sending. By default the document holds no check.
    * *issuer*: the body that issues the report (default: the review's first
      organiser).
    * *parent_body*: the body above the issuer, in the heading and first in
      "Nơi nhận" (default: the body of the issuer's kind of the unit above
      the issuer's in the hierarchy at the period's end, named as the
      programme's party of that unit where there is one).
    * *number*: the document number ("05/BC-CATP"); by default left blank
      for the clerk, with the symbol of the issuer ("Số:    /BC-CATP").
    * *place*, *date*: for "Bảo Lộc, ngày 12 tháng 7 năm 2022" (defaults: the
      unit's name and the meeting day).
    * *recipients*: the "Nơi nhận" lines (default: the parent body "để báo
      cáo", the programme's other party, the co-organisers "để phối hợp" —
      the Front by its Ban Thường trực — and "Lưu: VT, <filed_by>.").
    * *filed_by*: the drafting unit after "Lưu: VT," (default: the issuer's
      document symbol, "CATP").
    * *signer*: who signs (default: the chair from the issuer's side).
    * *hierarchy*: where to look units up (default: the bundled units).
    * *chart*: draw a chart of current against previous figures (default:
      when there is a comparison and matplotlib is installed).

    What the measures know is said: a figure rolled up from units that did
    not all report (:attr:`Review.aggregates`) is stated over the units
    that reported, followed by "Số liệu trên theo báo cáo của 9/11 đơn vị;
    chưa có số liệu của ...", and its table cell says "(9/11 đơn vị báo
    cáo)"; changes are worded from
    :class:`~anninh_toandan.aggregate.Comparison`; the share of valuable
    information from :class:`~anninh_toandan.aggregate.Share`. A review with
    records and no figures of its own states the figures its records give;
    with both, its stated figures win and each disagreement is a line of
    the checklist.
    """
    if locale not in ("vi", "en"):
        msg = f"'locale' must be one of 'vi', 'en' (got {locale!r})"
        raise ReportError(msg)
    if not isinstance(review, Review):
        msg = f"'review' must be a Review (got {type(review).__name__})"
        raise ReportError(msg)
    book = phrasebook(locale)
    units = hierarchy if hierarchy is not None else Hierarchy.bundled()
    if issuer is None:
        if not review.organisers:
            msg = "the review names no organiser: pass issuer= (the body that issues the report)"
            raise ReportError(msg)
        issuer = review.organisers[0]
    unit = _unit(units, review.unit)
    issuer_unit = _unit(units, issuer.unit) or unit
    parent = parent_body if parent_body is not None else _parent_body(review, issuer, units)
    fx = _Figures(review, book, units)
    names = _Names(book)
    paragraphs = _Paragraphs(book)
    day = date if date is not None else review.held_on
    where = place or (_place_name(issuer_unit) if issuer_unit is not None else (review.unit_name or review.unit))
    programme = review.programme
    period_text = format_period(review.period, locale=locale, with_dates=False)
    signed = format_date(programme.signed_on, locale=locale, style="numeric_document")
    programme_ref = book.programme_ref(programme.number, signed)
    half_year = review.period.kind is PeriodKind.HALF_YEAR

    # -- heading (names in the heading are not mentions of the text) --
    heading_parties = _Names(book).join(list(programme.parties))
    heading = Heading(
        parent_body=book.heading_body(parent).upper() if parent else "",
        issuing_body=book.heading_body(issuer).upper(),
        number=f"{book.number_label} {number}"
        if number
        else f"{book.number_label}        /{_symbol(issuer, issuer_unit)}",
        place_date=f"{where}, {format_date(day, locale=locale, style='document')}",
        title=book.title,
        subject=book.subject(review.kind, period_text, half_year, programme_ref, heading_parties),
        national_title=book.national_title,
        motto=book.motto,
    )

    # -- opening: the basis, in the office's voice --
    title = book.programme_title(programme)
    parties = names.join(list(programme.parties))
    opening = [_cap(book.opening(programme_ref, parties, title, names(issuer), review.kind, period_text))]

    sections: list[Section] = []
    # -- I. situation --
    if review.situation.text:
        sections.append(
            Section(number="", title=book.section_situation, paragraphs=[paragraphs(p) for p in review.situation.text])
        )

    # -- II. results --
    organisers = list(review.organisers) or [issuer]
    activity_orgs: list[Organisation] = []
    for a in review.activities:
        for o in a.organisers:
            if o not in activity_orgs:
                activity_orgs.append(o)
    actors = _actors(activity_orgs or organisers, names)
    general = _place_general(fx, review)
    blocks: tuple[tuple[str, str, Callable[[], str | None]], ...] = (
        ("outreach", book.block_outreach, lambda: _outreach(fx, review, actors, names)),
        ("models", book.block_models, lambda: _models(fx, review)),
        ("tips", book.block_tips, lambda: _tips(fx, review, _police(review, issuer), names)),
        ("support", book.block_support, lambda: _support(fx, review, names)),
    )
    worded: list[tuple[str, str, list[str], str | None, str | None]] = []
    made: dict[str, tuple[str | None, str | None, str | None]] = {}
    for key, _title, make in blocks:
        before = set(fx.used)
        text = make()
        made[key] = (text, *fx.take_notes(before))
    about_models, other = _others(fx, review)  # after the blocks: what they said is not said again
    for key, block_title, _make in blocks:
        text, note, phrase = made[key]
        extra = [paragraphs(p) for p in general.get(key, [])]
        if key == "models":
            extra = [*about_models, *extra]
        if text or extra:
            worded.append((block_title, text or "", extra, note, phrase))
    # One completeness for every block that has one, covering all its figures: said once, before them.
    phrases = {phrase for *_, note, phrase in worded if note is not None}
    common = next(iter(phrases)) if len(phrases) == 1 and None not in phrases and len(worded) > 1 else None
    subsections: list[tuple[str, list[str]]] = []
    for block_title, text, extra, note, _phrase in worded:
        body = [t for t in (text,) if t]
        if note is not None and common is None:
            body.append(note)
        subsections.append((block_title, [*body, *extra]))
    if other:
        subsections.append((book.other_results, other))
    result_paragraphs = [paragraphs(p) for p in general.get("start", [])]
    if common is not None:
        result_paragraphs.append(book.completeness_note(common, below=True))
    if not any(text for _t, text, *_rest in worded) and not other:
        # Never a silently empty "KẾT QUẢ": the reader is told, the drafter warned (and why, when the
        # review's figures are all of other periods or units).
        result_paragraphs.append(book.no_results(period_text))
        elsewhere = sorted({f"{f.unit} {f.period.id}" for f in review.figures})
        listed = ", ".join(elsewhere[:5]) + (", ..." if len(elsewhere) > 5 else "") if elsewhere else None
        fx.warnings.append(book.no_figures_warning(listed))
    table_indicators = _table_indicators(fx)
    prev_period = compare_period or review.period.same_period_last_year()
    prev_label = format_period(prev_period, locale=locale, with_dates=False)
    figure_rows = _figure_rows(fx, table_indicators, compare, prev_period)
    if figure_rows.base_empty:
        result_paragraphs.append(book.no_base(prev_label, prev_period == review.period.same_period_last_year()))
        fx.warnings.append(book.base_empty_warning(prev_label))
    sections.append(
        Section(
            number="",
            title=book.section_results,
            paragraphs=result_paragraphs,
            subsections=[
                Section(number=str(i), title=t, paragraphs=ps, level=2)
                for i, (t, ps) in enumerate(subsections, start=1)
            ],
        )
    )

    # -- III. assessment: the office's own; the chairs' remarks are not its strengths --
    parts: list[Section] = []
    for part_title, items in ((book.strengths, review.strengths), (book.shortcomings, review.shortcomings)):
        if items:
            parts.append(Section(number="", title=part_title, paragraphs=paragraphs.dash_list(items), level=2))
    kinds = [
        (t, items)
        for t, items in (
            (book.objective_causes, review.objective_causes),
            (book.subjective_causes, review.subjective_causes),
        )
        if items
    ]
    if len(kinds) == 1 and not review.causes:  # one kind of cause: its own heading, no lone "a)"
        title, items = kinds[0]
        parts.append(Section(number="", title=title, paragraphs=paragraphs.dash_list(items), level=2))
    elif review.causes or kinds:
        parts.append(
            Section(
                number="",
                title=book.causes,
                paragraphs=paragraphs.dash_list(review.causes) if review.causes else (),
                subsections=[
                    Section(number=_LETTERS[i], title=t, paragraphs=paragraphs.dash_list(items), level=3)
                    for i, (t, items) in enumerate(kinds)
                ],
                level=2,
            )
        )
    if parts:
        sections.append(
            Section(
                number="",
                title=book.section_assessment,
                subsections=[attrs.evolve(s, number=str(i)) for i, s in enumerate(parts, start=1)],
            )
        )

    # -- IV. directions, named from the next period --
    if review.directions:
        next_text = format_period(review.period.next(), locale=locale, with_dates=False)
        directions_actors = _actors(activity_orgs or organisers, names)
        sections.append(
            Section(
                number="",
                title=book.section_directions(next_text),
                paragraphs=[
                    book.directions_lead(next_text, directions_actors),
                    *paragraphs.dash_list(review.directions),
                ],
            )
        )

    # -- V. proposals: the review's, or left to the drafter --
    proposals = paragraphs.dash_list(review.proposals) if review.proposals else [book.proposals_left]
    sections.append(Section(number="", title=book.section_proposals, paragraphs=proposals))

    checklist = _checklist(review, fx, compare, compare_period, not review.proposals)
    if findings:
        sections.append(Section(number="", title=book.appendix_title, paragraphs=[f"- {line}" for line in checklist]))
    sections = [attrs.evolve(s, number=_ROMAN[i]) for i, s in enumerate(sections)]

    # -- figures table --
    now_label = _cap(period_text)
    columns = [book.column_indicator, now_label]
    if compare is not None:
        columns += [_cap(prev_label), book.column_change]
    table = (
        FigureTable(caption=book.table_caption, columns=columns, rows=figure_rows.rows) if figure_rows.rows else None
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
                current_label=now_label,
                previous_label=_cap(prev_label),
                title=book.chart_title,
            )

    # -- closing --
    if recipients is None:
        filing = filed_by if filed_by is not None else _filing_unit(issuer, issuer_unit)
        recipient_lines = _recipients(review, issuer, parent, organisers, _Names(book), filing)
    else:
        recipient_lines = list(recipients)
    the_signer = signer if signer is not None else _default_signer(review, issuer)
    return Report(
        locale=locale,
        heading=heading,
        opening=opening,
        sections=sections,
        table=table,
        recipients_title=book.recipients_title,
        recipients=recipient_lines,
        signature=_signature(the_signer, issuer, book),
        date=day if isinstance(day, _dt.date) else None,
        chart_svg=svg,
        chart_png=png,
        review=review,
        figures=fx.figures,
        warnings=fx.warnings,
        checklist=checklist,
        vietnamese=paragraphs.vietnamese,
    )
