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
from anninh_toandan.figures import Figure, FigureSet, FigureStatus
from anninh_toandan.formatting import (
    format_change,
    format_date,
    format_money,
    format_percent,
    format_period,
    format_quantity,
)
from anninh_toandan.indicator import Indicator
from anninh_toandan.orgunit import Hierarchy, OrgUnit, UnitKind
from anninh_toandan.period import Period
from anninh_toandan.programme import Organisation, OrganisationKind, Person
from anninh_toandan.quantity import Quantity
from anninh_toandan.reports._errors import ReportError
from anninh_toandan.reports._model import FigureRow, FigureTable, Heading, Report, Section, Signature
from anninh_toandan.review import Review, ReviewKind

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
    """The review's figures for its unit and period, and the wording of each in a locale."""

    def __init__(self, review: Review, locale: str) -> None:
        self.review = review
        self.locale = locale
        self.used: set[str] = set()

    def figure(self, indicator: Indicator) -> Figure | None:
        return self.review.figures.get(indicator, self.review.unit, self.review.period)

    def value(self, indicator: Indicator) -> Quantity | None:
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
    share = ""
    if received is not None and valuable is not None and received.is_exact and valuable.is_exact and received.value:
        pct = format_percent(valuable.value, received.value, locale=locale)
        share = f" (chiếm {pct})" if vi else f" ({pct})"
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
    fund_name = review.funds[0].name if review.funds else ("quỹ" if vi else "the fund")
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
    figures = sorted(review.figures.select(unit=review.unit, period=review.period), key=lambda f: f.indicator.code)
    for f in figures:
        code = f.indicator.code
        if code in _COVERED or code in fx.used or code.startswith(ind.ONLINE_POSTS.code + "."):
            continue
        name = f.indicator.name_vi if locale == "vi" else f.indicator.name_en
        if f.status is FigureStatus.REPORTED:
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


def _parent_body(review: Review, issuer: Organisation) -> Organisation | None:
    for party in review.programme.parties:
        if party.kind is issuer.kind and party.name != issuer.name:
            return party
    return None


def _comparison_rows(
    rows: list[tuple[Indicator, Figure]],
    fx: _Figures,
    previous: FigureSet,
    unit: str,
    period: Period,
    locale: str,
) -> list[FigureRow]:
    out = []
    for indicator, f in rows:
        label = indicator.name_vi if locale == "vi" else indicator.name_en
        now = fx.say(f.value) if f.value is not None else ("có, không nêu số" if locale == "vi" else "mentioned")
        prev_fig = previous.get(indicator, unit, period)
        prev_q = prev_fig.value if prev_fig is not None and prev_fig.status is FigureStatus.REPORTED else None
        prev_text = fx.say(prev_q) if prev_q is not None else ("không có số liệu" if locale == "vi" else "no figure")
        if f.value is not None and prev_q is not None and prev_q.unit == f.value.unit:
            change = format_change(f.value, prev_q, locale=locale, reference=False)
        else:
            change = "không so sánh được" if locale == "vi" else "not comparable"
        out.append(FigureRow(label=label, value=now, previous=prev_text, change=change, code=indicator.code))
    return out


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
) -> Report:
    """Word a review as a report in *locale* (``"vi"`` or ``"en"``).

    * *compare*: the figures of a comparison period (a ``FigureSet`` or a
      ``Review``); *compare_period* defaults to the same period last year.
      The figures table then shows the previous value and the change.
    * *findings*: add a section with the review's consistency findings.
    * *issuer*: the body that issues the report (default: the review's first
      organiser); its parent body is the programme's party of the same kind.
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
    parent = _parent_body(review, issuer)
    fx = _Figures(review, locale)
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
    if review.situation.text and vi:
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
    qualitative = [_sentence(t) for t in review.results if not any(ch.isdigit() for ch in t)]
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
    for title_vi, title_en, make in blocks:
        text = make()
        if text:
            subsections.append((title_vi if vi else title_en, [text]))
    others = _others(fx, review, locale)
    if others:
        subsections.append(("Kết quả khác" if vi else "Other results", others))
    results = Section(
        number="I",
        title="KẾT QUẢ ĐẠT ĐƯỢC" if vi else "RESULTS",
        paragraphs=qualitative if vi else (),
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
            ("Nguyên nhân", "Causes", review.causes),
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

        lines = describe_results(review.validate(), locale=locale)
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
    own = [
        f
        for f in review.figures.select(unit=review.unit, period=review.period)
        if f.status is not FigureStatus.NOT_REPORTED
    ]
    order = {code: i for i, code in enumerate(ind.STANDARD_INDICATORS)}
    own.sort(key=lambda f: (order.get(f.indicator.code, len(order)), f.indicator.code))
    pairs = [(f.indicator, f) for f in own]
    previous: FigureSet | None = None
    prev_period = compare_period or review.period.same_period_last_year()
    if compare is not None:
        previous = compare.figures if isinstance(compare, Review) else compare
    prev_label = format_period(prev_period, locale=locale, with_dates=False)
    now_label = format_period(review.period, locale=locale, with_dates=False)
    if previous is not None:
        rows = _comparison_rows(pairs, fx, previous, review.unit, prev_period, locale)
        columns = ["Chỉ tiêu" if vi else "Indicator", _cap(now_label), _cap(prev_label), "So sánh" if vi else "Change"]
    else:
        rows = [
            FigureRow(
                label=i.name_vi if vi else i.name_en,
                value=fx.say(f.value) if f.value is not None else ("có, không nêu số" if vi else "mentioned"),
                code=i.code,
            )
            for i, f in pairs
        ]
        columns = ["Chỉ tiêu" if vi else "Indicator", _cap(now_label)]
    table = (
        FigureTable(caption="MỘT SỐ KẾT QUẢ CHỦ YẾU" if vi else "KEY FIGURES", columns=columns, rows=rows)
        if rows
        else None
    )

    # -- chart --
    svg = png = None
    if previous is not None and chart is not False:
        from anninh_toandan.reports._chart import ChartRow, charts_available, comparison_chart

        if chart or charts_available():
            chart_rows = []
            for i, f in pairs:
                pf = previous.get(i, review.unit, prev_period)
                if f.value is None or pf is None or pf.value is None or pf.status is not FigureStatus.REPORTED:
                    continue
                chart_rows.append(
                    ChartRow(
                        label=i.name_vi if vi else i.name_en,
                        current=f.value.value,
                        previous=pf.value.value,
                        current_text=fx.say(f.value),
                        previous_text=fx.say(pf.value),
                    )
                )
            if chart_rows:
                svg, png = comparison_chart(
                    chart_rows,
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
        figures=review.figures,
    )
