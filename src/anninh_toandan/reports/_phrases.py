"""What a report says, as facts a phrasebook words (private).

:func:`~anninh_toandan.reports.build_report` decides *what* is said and
gathers it as the small facts below, already in the report's units
("72 buổi", "hơn 13.000 lượt"); a :class:`Phrasebook` decides *how* it is
said in one locale. Each locale keeps all its sentences in its own module
(``_phrases_vi``, ``_phrases_en``), as pendulum keeps its locales, so a new
sentence or a new locale touches one place (and its line in
:mod:`._locales`).
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from anninh_toandan.indicator import Indicator
from anninh_toandan.programme import Organisation, Passage, Person, Programme
from anninh_toandan.review import ReviewKind
from anninh_toandan.rules import Outcome
from anninh_toandan.security_model import DissolutionReason

__all__ = [
    "Houses",
    "Models",
    "Outreach",
    "Phrasebook",
    "Support",
    "Tips",
]


@frozen(kw_only=True)
class Outreach:
    """The outreach block: every part is worded already, or ``None`` when not reported."""

    when: str
    actors: str
    sessions: str | None = None
    reach: str | None = None
    printed: str | None = None
    broadcasts: str | None = None
    posts: str | None = None
    session_topic: str | None = None
    broadcast_topic: str | None = None
    post_topic: str | None = None
    channels: tuple[str, ...] = ()
    pages_of: str | None = None


@frozen(kw_only=True)
class Models:
    """The security-models block."""

    built: str | None = None
    total: str | None = None
    dissolved: str | None = None
    reasons: tuple[DissolutionReason | str, ...] = ()


@frozen(kw_only=True)
class Tips:
    """The block of information the public gives."""

    received: str | None = None
    valuable: str | None = None
    share: str | None = None
    cases: str | None = None
    by: str | None = None
    from_models: bool = False


@frozen(kw_only=True)
class Houses:
    """Great-solidarity houses: built, repaired, both (when only the total is known), their cost."""

    new: str | None = None
    repaired: str | None = None
    total: str | None = None
    cost: str | None = None


@frozen(kw_only=True)
class Support:
    """The social-support block."""

    actors: str | None = None
    fund: str | None = None
    fund_name: str | None = None
    contributors: str | None = None
    houses: Houses = Houses()
    production: str | None = None
    production_mentioned: bool = False
    production_value: str | None = None
    scholarships: str | None = None
    scholarships_mentioned: bool = False
    scholarships_value: str | None = None
    gifts: str | None = None
    gifts_value: str | None = None
    beneficiaries: str | None = None
    shared_value: str | None = None
    """One value for production support, scholarships and gifts together, said once after them."""


class Phrasebook(abc.ABC):
    """The sentences of one locale. Every method returns final text."""

    locale: str
    and_word: str
    #: Counter words to say an indicator's figures in, where the locale needs another one
    #: (English says the "lượt" of broadcasts as "broadcasts", not "attendances").
    counters: ClassVar[Mapping[str, str]] = {}
    #: Row labels and names of indicators where the catalogue's wording is not the office's.
    labels: ClassVar[Mapping[str, str]] = {}

    # -- lists ------------------------------------------------------------------
    def join(self, items: list[str] | tuple[str, ...]) -> str:
        """ "a, b và c" / "a, b and c"."""
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + f" {self.and_word} " + items[-1]

    # -- names ------------------------------------------------------------------
    @abc.abstractmethod
    def person(self, person: Person, *, start: bool = False) -> str:
        """A person as reports name them: rank + name for police, honorific + name for others."""

    @abc.abstractmethod
    def body(self, org: Organisation, *, first: bool) -> str:
        """A body's name in the text: in full at its *first* mention, by its short name after."""

    @abc.abstractmethod
    def heading_body(self, org: Organisation) -> str:
        """A body's name in the heading (before capitals): in full, abbreviations spelled out."""

    @abc.abstractmethod
    def front_board(self, org: Organisation, name: str) -> str:
        """The standing board of a Fatherland Front committee, as "Nơi nhận" names it."""

    @abc.abstractmethod
    def together(self, first: str, rest: str) -> str:
        """ "A cùng B và C": who acted together."""

    @abc.abstractmethod
    def programme_title(self, programme: Programme) -> str:
        """The programme's title as the text quotes it."""

    @abc.abstractmethod
    def passage(self, passage: Passage | str) -> tuple[str, bool]:
        """A passage's text in the locale, and whether it is marked as Vietnamese."""

    @abc.abstractmethod
    def indicator(self, indicator: Indicator) -> str:
        """An indicator's name, as a row label and in the checklist."""

    @abc.abstractmethod
    def mentioned(self, name: str, note: str | None) -> str:
        """A figure mentioned without a number, the blocks do not say."""

    # -- heading ----------------------------------------------------------------
    @abc.abstractmethod
    def subject(self, kind: ReviewKind, period: str, half_year: bool, programme: str, parties: str) -> str:
        """The subject line under "BÁO CÁO"."""

    @abc.abstractmethod
    def programme_ref(self, number: str, signed: str) -> str:
        """ "Chương trình phối hợp số 06 ngày 06/3/2014"."""

    number_label: str
    title: str
    national_title: str
    motto: str

    # -- body -------------------------------------------------------------------
    @abc.abstractmethod
    def opening(
        self, programme: str, parties: str, title: str | None, issuer: str, kind: ReviewKind, period: str
    ) -> str:
        """The basis: the programme the report follows, and what it reports."""

    @abc.abstractmethod
    def untranslated(self, text: str) -> str:
        """A passage that exists only in Vietnamese, marked as such (the text itself in Vietnamese)."""

    section_situation: str
    section_results: str
    section_assessment: str
    section_proposals: str
    strengths: str
    shortcomings: str
    causes: str
    objective_causes: str
    subjective_causes: str
    block_outreach: str
    block_models: str
    block_tips: str
    block_support: str
    other_results: str
    proposals_left: str
    table_caption: str
    column_indicator: str
    column_change: str
    not_comparable: str
    no_base_figure: str
    chart_title: str
    recipients_title: str

    @abc.abstractmethod
    def section_directions(self, next_period: str) -> str:
        """ "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2022"."""

    @abc.abstractmethod
    def directions_lead(self, next_period: str, actors: str) -> str:
        """The sentence before the list of tasks."""

    @abc.abstractmethod
    def outreach(self, o: Outreach) -> str | None:
        """The outreach sentence."""

    @abc.abstractmethod
    def models(self, m: Models) -> str | None:
        """The security-models sentence."""

    @abc.abstractmethod
    def tips(self, t: Tips) -> str | None:
        """The sentence on information from the public."""

    @abc.abstractmethod
    def support(self, s: Support) -> str | None:
        """The social-support sentence."""

    @abc.abstractmethod
    def figure_sentence(self, name: str, value: str | None, completeness: str | None = None) -> str:
        """A figure the blocks do not say ("other results")."""

    @abc.abstractmethod
    def completeness_note(self, phrase: str, names: str | None = None, *, below: bool = False) -> str:
        """How complete the figures above (or below, or *names*) are."""

    @abc.abstractmethod
    def no_results(self, period: str) -> str:
        """No figure at all for the period."""

    @abc.abstractmethod
    def no_base(self, previous: str, same_period: bool) -> str:
        """The comparison period has no figures."""

    # -- closing ----------------------------------------------------------------
    @abc.abstractmethod
    def recipient(self, name: str, purpose: str) -> str:
        """A line of "Nơi nhận": the body and why it receives the report ("report", "coordinate")."""

    @abc.abstractmethod
    def filed(self, unit: str | None) -> str:
        """The last line of "Nơi nhận": "Lưu: VT, CATP"."""

    @abc.abstractmethod
    def signature(self, authority: str, post: str, name: str, rank: str | None) -> tuple[str, str, str]:
        """The signature's (authority, title, name) lines from the Vietnamese authority and post."""

    # -- the drafter's checklist ------------------------------------------------
    checklist_title: str
    checklist_note: str
    appendix_title: str
    proposals_todo: str

    @abc.abstractmethod
    def outcome(self, outcome: Outcome) -> str:
        """ "Đạt", "Sai", ..."""

    @abc.abstractmethod
    def records_disagree(self, name: str, said: str, counted: str) -> str:
        """The review's figure and its records' differ."""

    @abc.abstractmethod
    def records_uncounted(self, error: str) -> str:
        """The records could not be counted into the period."""

    @abc.abstractmethod
    def no_figures_warning(self, elsewhere: str | None) -> str:
        """The review has no figure for its unit and period."""

    @abc.abstractmethod
    def base_empty_warning(self, previous: str) -> str:
        """The comparison period has no figures (for the checklist)."""
