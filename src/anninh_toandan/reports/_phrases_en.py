"""The English sentences of a report (private; see :mod:`._phrases`).

English a partner (an NGO, a UN agency) can read: bodies, posts and ranks
translated, one English term per concept in text and table ("broadcasts",
"tips", "the Fund for the Poor"), and a passage that exists only in
Vietnamese marked as such, never passed off silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from anninh_toandan.indicator import Indicator
from anninh_toandan.programme import AUTHORITY_EN, POSTS_EN, Organisation, Passage, Person, Programme
from anninh_toandan.reports._phrases import Models, Outreach, Phrasebook, Support, Tips
from anninh_toandan.review import ReviewKind
from anninh_toandan.rules import Outcome
from anninh_toandan.security_model import DissolutionReason

__all__ = ["ENGLISH", "FUNDS_EN", "VIETNAMESE_MARK"]

#: English names of the funds reports name.
FUNDS_EN = {"Quỹ Vì người nghèo": "the Fund for the Poor"}

#: What goes before a passage that exists only in Vietnamese.
VIETNAMESE_MARK = "[In Vietnamese]"

_REASONS = {
    DissolutionReason.PERFUNCTORY: "worked only for form",
    DissolutionReason.INEFFECTIVE: "were ineffective",
    DissolutionReason.MERGED: "were merged into other models",
    DissolutionReason.NO_LONGER_NEEDED: "were no longer needed",
}

_HONORIFICS = {"ông": "Mr", "bà": "Ms", "đồng chí": "Comrade"}

_OUTCOMES = {
    Outcome.SATISFIED: "Satisfied",
    Outcome.POSSIBLY_VIOLATED: "Possibly violated",
    Outcome.VIOLATED: "Violated",
    Outcome.NOT_EVALUATED: "Not evaluated",
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _the(period: str) -> str:
    """An English period as a noun phrase: "the first half of 2022", "June 2022", "the year 2022"."""
    return f"the {period}" if period.startswith(("first ", "second ", "year ")) else period


class English(Phrasebook):
    """The report in English, for partners."""

    locale = "en"
    and_word = "and"
    counters: ClassVar[Mapping[str, str]] = {
        "loudspeaker_broadcasts": "lượt phát thanh",
        "outreach_sessions": "buổi tuyên truyền",
    }
    labels: ClassVar[Mapping[str, str]] = {
        "outreach_reach": "Attendances at outreach sessions",
        "tips_received": "Tips on security and public order from the public",
        "security_models_established": "Community security models set up",
        "houses_total": "Great-solidarity houses built and repaired, in total",
        "covid_models_established": "COVID-19 prevention models set up",
    }

    def person(self, person: Person, *, start: bool = False) -> str:
        if person.rank:
            return f"{person.rank_en or person.rank} {person.name}"
        english = _HONORIFICS.get((person.honorific or "").lower())
        return f"{english} {person.name}" if english else person.name

    def body(self, org: Organisation, *, first: bool) -> str:
        name = org.name_en or org.name
        return f"the {name}" if name[:1].isupper() and " of the " in name else name

    def heading_body(self, org: Organisation) -> str:
        return org.name_en or org.name

    def front_board(self, org: Organisation, name: str) -> str:
        return f"the Standing Board of {name}"

    def together(self, first: str, rest: str) -> str:
        return f"{first}, together with {rest},"

    def programme_title(self, programme: Programme) -> str:
        return programme.title_en or programme.title

    def passage(self, passage: Passage | str) -> tuple[str, bool]:
        english = passage.en if isinstance(passage, Passage) else None
        if english:
            return english.strip(), False
        return self.untranslated(str(passage).strip()), True

    def indicator(self, indicator: Indicator) -> str:
        return self.labels.get(indicator.code) or indicator.name_en

    def mentioned(self, name: str, note: str | None) -> str:
        return f"{name}."

    number_label = "No."
    title = "REPORT"
    national_title = "SOCIALIST REPUBLIC OF VIETNAM"
    motto = "Independence - Freedom - Happiness"

    def programme_ref(self, number: str, signed: str) -> str:
        return f"Coordination Programme No. {number} of {signed}"

    def subject(self, kind: ReviewKind, period: str, half_year: bool, programme: str, parties: str) -> str:
        interim = "Mid-year review" if half_year else "Interim review"
        word = interim if kind is ReviewKind.INTERIM else "Final review"
        return f"{word} ({period}) of {programme}" + (f" between {parties}" if parties else "")

    def opening(
        self, programme: str, parties: str, title: str | None, issuer: str, kind: ReviewKind, period: str
    ) -> str:
        text = f"Pursuant to {programme}" + (f" between {parties}" if parties else "")
        text += f" on “{title}”" if title else ""
        word = "interim" if kind is ReviewKind.INTERIM else "final"
        return f"{text}, {issuer} reports the {word} results of {_the(period)} as follows:"

    def untranslated(self, text: str) -> str:
        return f"{VIETNAMESE_MARK} {text}"

    section_situation = "THE SITUATION"
    section_results = "RESULTS"
    section_assessment = "ASSESSMENT"
    section_proposals = "PROPOSALS"
    strengths = "Strengths"
    shortcomings = "Shortcomings"
    causes = "Causes"
    objective_causes = "Objective causes"
    subjective_causes = "Subjective causes"
    block_outreach = "Outreach"
    block_models = "Community security models"
    block_tips = "Tips on security and public order from the public"
    block_support = "Social support"
    other_results = "Other results"
    proposals_left = "(To be added by the unit, if any.)"
    table_caption = "KEY FIGURES"
    column_indicator = "Indicator"
    column_change = "Change"
    not_comparable = "not comparable (different units)"
    no_base_figure = "no figure"
    chart_title = "Compared with the same period last year"
    recipients_title = "Distribution:"

    def section_directions(self, next_period: str) -> str:
        return f"DIRECTIONS AND TASKS FOR {_the(next_period).upper()}"

    def directions_lead(self, next_period: str, actors: str) -> str:
        return f"In {_the(next_period)}, {actors} will focus on the following tasks:"

    def outreach(self, o: Outreach) -> str | None:
        parts: list[str] = []
        if o.sessions or o.reach:
            text = f"held {o.sessions}" if o.sessions else "held outreach sessions"
            text += f" on {o.session_topic}" if o.session_topic else ""
            text += f" with {o.reach}" if o.reach else ""
            parts.append(text)
        if o.printed:
            parts.append(f"issued {o.printed} of printed material")
        if o.broadcasts:
            text = f"made {o.broadcasts} on the loudspeaker system"
            parts.append(text + (f" on {o.broadcast_topic}" if o.broadcast_topic else ""))
        if o.posts:
            text = f"published {o.posts}"
            text += f" on {o.post_topic}" if o.post_topic else ""
            if o.channels:
                text += f" on the {self.join(list(o.channels))} pages" + (f" of {o.pages_of}" if o.pages_of else "")
            else:
                text += " on social media"
            parts.append(text)
        if not parts:
            return None
        if len(parts) > 1:
            parts[-1] = "and " + parts[-1]
        return f"In {_the(o.when)}, {o.actors} " + "; ".join(parts) + "."

    def models(self, m: Models) -> str | None:
        parts: list[str] = []
        if m.built:
            parts.append(
                f"set up {m.built} for crime prevention and public order"
                + (f", bringing the total to {m.total} across the area" if m.total else "")
            )
        elif m.total:
            parts.append(f"kept {m.total} for crime prevention and public order in operation")
        if m.dissolved:
            why = " or ".join(
                (_REASONS.get(r, r.value) if isinstance(r, DissolutionReason) else r)
                for r in m.reasons
                if r is not DissolutionReason.OTHER
            )
            parts.append(f"dissolved {m.dissolved}" + (f" that {why}" if why else ""))
        return "The partners " + "; and ".join(parts) + "." if parts else None

    def tips(self, t: Tips) -> str | None:
        lead = "Thanks to the work of the models, " if t.from_models else ""
        by = t.by or "the police"
        if t.received:
            text = f"{lead}{by} received {t.received} on security and public order from the public"
            if t.valuable:
                text += f", of which {t.valuable} were valuable" + (f" ({t.share})" if t.share else "")
            if t.cases:
                text += f"; they helped to clarify {t.cases}"
            return _cap(text) + "."
        if t.valuable:
            text = f"{lead}the public gave {t.valuable} that were valuable"
            return _cap(text + (f", which helped to clarify {t.cases}" if t.cases else "")) + "."
        if t.cases:
            return _cap(f"{lead}tips from the public helped to clarify {t.cases}") + "."
        return None

    def support(self, s: Support) -> str | None:
        parts: list[str] = []
        if s.fund:
            fund = FUNDS_EN.get(s.fund_name or "Quỹ Vì người nghèo", s.fund_name or "the Fund for the Poor")
            if s.contributors:
                parts.append(f"called on {s.contributors}, who gave {s.fund} to {fund}")
            else:
                parts.append(f"raised {s.fund} for {fund}")
        h = s.houses
        houses = [
            p for p in (f"building {h.new}" if h.new else "", f"repairing {h.repaired}" if h.repaired else "") if p
        ]
        if not houses and h.total:
            houses = [f"building and repairing {h.total}"]
        if houses:
            parts.append(
                "supported "
                + " and ".join(houses)
                + " (great-solidarity houses)"
                + (f" at a total cost of {h.cost}" if h.cost else "")
            )
        elif h.cost:
            parts.append(f"spent {h.cost} on great-solidarity houses")
        given: list[str] = []
        shared = s.shared_value
        if s.production or s.production_mentioned:
            given.append(
                (s.production or "production support")
                + (f" worth {s.production_value}" if s.production_value and not shared else "")
            )
        if s.scholarships or s.scholarships_mentioned:
            given.append(
                (s.scholarships or "scholarships")
                + (f" worth {s.scholarships_value}" if s.scholarships_value and not shared else "")
            )
        if s.gifts:
            given.append(s.gifts + (f" worth {s.gifts_value}" if s.gifts_value and not shared else ""))
        elif s.gifts_value and not shared:
            given.append(f"gifts worth {s.gifts_value}")
        if given:
            text = "gave " + self.join(given)
            text += f" to {s.beneficiaries}" if s.beneficiaries else ""
            text += f", worth {shared} together" if shared else ""
            parts.append(text)
        if not parts:
            return None
        if len(parts) > 1:
            parts[-1] = "and " + parts[-1]
        lead = f"{s.actors} " if s.actors else "The partners "
        return _cap(lead + "; ".join(parts)) + "."

    def figure_sentence(self, name: str, value: str | None, completeness: str | None = None) -> str:
        if value is None:
            return f"{name}."
        return f"{name}: {value}" + (f" ({completeness})" if completeness else "") + "."

    def completeness_note(self, phrase: str, names: str | None = None, *, below: bool = False) -> str:
        if names:
            return f"{_cap(names)}: {phrase}."
        return f"The figures {'below' if below else 'above'} were {phrase}."

    def no_results(self, period: str) -> str:
        return f"No figures on the results of {_the(period)} have been reported."

    def no_base(self, previous: str, same_period: bool) -> str:
        return f"There are no figures for {_the(previous)} to compare with."

    def recipient(self, name: str, purpose: str) -> str:
        words = {"report": "for reporting", "coordinate": "for coordination"}
        return f"{name} ({words[purpose]})"

    def filed(self, unit: str | None) -> str:
        return f"File copy: clerical office, {unit}" if unit else "File copy: clerical office"

    def signature(self, authority: str, post: str, name: str, rank: str | None) -> tuple[str, str, str]:
        from anninh_toandan.programme import rank_en

        title = _post_en(post)
        head = ""
        if authority:
            word, _, rest = authority.partition(" ")
            head = f"{AUTHORITY_EN.get(word, word)} {_post_en(rest)}".upper()
            if word == "KT.":  # "FOR THE CHIEF OF POLICE / DEPUTY CHIEF": the body said once
                title = title.removesuffix(" of Police")
        english_rank = rank_en(rank) if rank else None
        who = f"{english_rank or rank} {name}" if rank else name
        return head, title.upper(), who

    checklist_title = "THE DRAFTER'S CHECKLIST OF THE FIGURES"
    checklist_note = "(For the drafter; not sent with the report.)"
    appendix_title = "APPENDIX: CHECKLIST OF THE FIGURES (for the drafter, to remove before sending)"
    proposals_todo = "The section “Proposals” is empty: add the unit's proposals, if any, or remove it."

    def outcome(self, outcome: Outcome) -> str:
        return _OUTCOMES[outcome]

    def records_disagree(self, name: str, said: str, counted: str) -> str:
        return f"{name}: the report states the review's figure ({said}), not the one its records give ({counted})"

    def records_uncounted(self, error: str) -> str:
        return f"records not counted: {error}"

    def no_figures_warning(self, elsewhere: str | None) -> str:
        text = "the report has no figure for its unit and period"
        return text + (f" (the review's figures are for: {elsewhere})" if elsewhere else "")

    def base_empty_warning(self, previous: str) -> str:
        return f"the comparison period ({previous}) has no figures"


def _post_en(post: str) -> str:
    """A post in English from :data:`POSTS_EN` (case-insensitive), or as written."""
    for vi, en in POSTS_EN.items():
        if vi.lower() == post.strip().lower():
            return en
    return post


ENGLISH = English()
