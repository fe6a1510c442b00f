"""The typed, frozen records that flow between the stages, and nothing else.

Offsets (``start``/``end``) are character offsets into the cleaned ``Document.text``, so every
record points back at its evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Precision(StrEnum):
    """How much of a date is known. ``report`` marks an event dated by its report alone."""

    MINUTE = "minute"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    REPORT = "report"
    UNKNOWN = "unknown"


class Modality(StrEnum):
    ASSERTED = "asserted"
    INTENDED = "intended"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


# What a report tells as fact: asserted by the report, or reported from a speaker ("X said Y
# attacked Z" codes Y attacked Z). Read verbs show these, not negated, unless asked for all.
SHOWN_MODALITIES = frozenset({Modality.ASSERTED, Modality.REPORTED})


class QuoteKind(StrEnum):
    DIRECT = "direct"
    PARTIAL = "partial"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class Span:
    """A dropped stretch of raw text, kept for audit."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader yields: bytes or text plus where they came from and any metadata given."""

    source: str
    ref: str
    data: bytes
    meta: dict[str, str] = field(default_factory=dict)
    format: str = "text"  # "text" (plain or crawl text) or "html" (a saved page)


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    source: str
    ref: str
    text: str
    title: str | None = None
    published: datetime | None = None
    precision: Precision = Precision.UNKNOWN
    dateline_place: str | None = None
    outlet: str | None = None
    language: str = "en"
    dropped: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    source: str
    ref: str
    reason: str
    detail: str
    stage: str = "ingest"


# Sectors of actors that belong to no state, whose code CAMEO puts where a country's would be.
TRANSNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC"})


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def country_code(self) -> str | None:
        """The code in the country place of an event's actor: the state's ISO 3166 alpha-3 code,
        or for an actor of no state CAMEO's transnational code (IGO, NGO, IMG, MNC), as CAMEO,
        PETRARCH and PLOVER's records put it there. ``country`` itself stays a state or None."""
        if self.country is None and self.sector in TRANSNATIONAL_SECTORS:
            return self.sector
        return self.country


@dataclass(frozen=True, slots=True)
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    actor: Actor
    how: str


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression with its TIMEX3-style value (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision
    kind: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION or SET


@dataclass(frozen=True, slots=True)
class Role:
    """An actor as one argument of an event or quote: the surface text and what it resolved to."""

    text: str
    actor: Actor | None

    @property
    def party(self) -> str | None:
        """Who the role is, for telling acts apart: the country code, else the actor's id."""
        return None if self.actor is None else self.actor.country_code or self.actor.actor_id


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    sentence: str
    sentence_start: int
    trigger: str
    trigger_start: int
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    quad_class: int | None
    source: Role | None
    target: Role | None
    date: str | None
    date_precision: Precision
    place: Place | None
    negated: bool
    modality: Modality
    confidence: float
    rule: str
    in_title: bool = False  # told in the headline: sentence and offsets are the title's


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    doc_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Role | None
    relay: Role | None  # the outlet or person nearest the speaker that passed the words on
    cue: str | None
    relays: tuple[Role, ...] = ()  # every relay, in order from the speaker outwards
    parts: tuple[tuple[int, int], ...] = ()  # the quoted stretches, when the attribution breaks the quote
    event_ids: tuple[str, ...] = ()  # events coded from the quote's sentences
    in_title: bool = False  # offsets count in the document's title, not its text


@dataclass(frozen=True, slots=True)
class Analysis:
    document: Document
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    timexes: tuple[Timex, ...] = ()
