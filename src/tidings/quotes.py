"""Quotations, their speakers, and the outlets that relayed them.

1. Quote spans are read off the quotation marks paragraph by paragraph: curly, straight and
   guillemet marks, mixed pairs as crawled text has them (“…"), a quote that runs on into a
   paragraph opening with a mark, and an unclosed mark closed at its paragraph's end so that it
   never swallows the rest of the report.
2. The attribution is looked for in the sentences the quote touches, outside the quote: cue
   verbs (a data list), "according to X", "X quoted Y as saying". A speech verb that governs the
   quote wins over a belief verb ("said Iran expects Russia “…”" is the sayer's quote).
3. A cue whose subject is an outlet, next to one whose subject is not, makes the outlet the relay
   ("…,” Amir Abdollahian said, Al Jazeera reported.").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from tidings.actors.resolve import ResolvedDoc
from tidings.nlp import tokens_overlapping
from tidings.records import Quote, QuoteKind, Role

OPEN_DOUBLE = "“«„"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
# Verbs of saying; a quote they govern is their subject's.
SPEECH = {
    "say",
    "tell",
    "add",
    "note",
    "write",
    "tweet",
    "post",
    "stress",
    "warn",
    "insist",
    "report",
    "quote",
    "claim",
    "explain",
    "announce",
    "state",
    "declare",
    "reply",
    "respond",
    "remark",
    "argue",
    "assert",
    "affirm",
    "confirm",
    "emphasize",
    "emphasise",
    "underline",
    "comment",
    "continue",
    "conclude",
    "ask",
    "urge",
    "describe",
    "call",
    "cite",
    "recall",
    "acknowledge",
    "admit",
    "predict",
}
# Verbs of thinking or wanting: the speaker when no speech verb governs the quote.
BELIEF = {"hope", "expect", "believe", "think", "want", "feel", "fear", "wish", "know", "suggest", "say"}
MIN_WORDS = 2


def _inflections(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "d"}


# The tagger's lemma is sometimes wrong ("hopes" → "hop"); the surface form backs it up.
SURFACE = {form: verb for verb in SPEECH | BELIEF for form in _inflections(verb)} | {
    "said": "say",
    "told": "tell",
    "wrote": "write",
}


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPEN_DOUBLE:
        return True
    if ch == STRAIGHT:
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        return (prev.isspace() or prev in "([—–-:,") and not nxt.isspace()
    return False


def _is_closer(ch: str) -> bool:
    return ch in CLOSE_DOUBLE or ch == STRAIGHT


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Spans inside quotation marks, paragraph-aware (a paragraph is a line)."""
    spans: list[QuoteSpan] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    open_at: int | None = None
    for n, line in enumerate(lines):
        base = offsets[n]
        for j, ch in enumerate(line):
            i = base + j
            if open_at is None:
                if _is_opener(text, i):
                    open_at = i
            elif _is_closer(ch):
                spans.append(QuoteSpan(open_at + 1, i, open_at))
                open_at = None
            elif ch in OPEN_DOUBLE:  # a new opening before any close: the first quote ended unmarked
                spans.append(QuoteSpan(open_at + 1, i, open_at))
                open_at = i
        if open_at is not None:
            # An unclosed mark ends with its paragraph, so it never swallows the report. A quotation
            # running on into a paragraph that opens with a mark yields one quote per paragraph.
            spans.append(QuoteSpan(open_at + 1, base + len(line), open_at))
            open_at = None
    return [s for s in spans if len(text[s.start : s.end].split()) >= MIN_WORDS]


def _kind(text: str, span: QuoteSpan) -> QuoteKind:
    inner = text[span.start : span.end].strip()
    before = text[max(0, span.open_mark - 40) : span.open_mark].rstrip()
    embedded = bool(before) and before[-1].isalnum() and not before.endswith(("that", "said", "says"))
    if inner[:1].islower() or (embedded and len(inner.split()) < 8) or len(inner.split()) < 4:
        return QuoteKind.PARTIAL
    return QuoteKind.DIRECT


def _chain(token: Any) -> list[Any]:
    out = []
    t = token
    while t.head.i != t.i:
        t = t.head
        out.append(t)
    return out


def _subject(verb: Any) -> Any | None:
    v = verb
    for _ in range(3):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if v.dep_ in ("advcl", "xcomp", "pcomp", "conj") and v.head.i != v.i:
            v = v.head
            continue
        break
    return None


class _Attributor:
    def __init__(self, resolved: ResolvedDoc, spans: list[QuoteSpan]):
        self.resolved = resolved
        self.doc = resolved.doc
        self.sents = list(self.doc.sents)  # computed once: each doc.sents walk visits every token
        self.starts = [t.idx for t in self.doc]
        self.inside: set[int] = set()
        for s in spans:
            self.inside.update(tokens_overlapping(self.starts, s.open_mark, s.end + 1))

    def region(self, span: QuoteSpan) -> list[Any]:
        """Tokens outside any quote in the sentences the quote touches, plus a short trailing one."""
        sents = [s for s in self.sents if s.end_char > span.open_mark and s.start_char <= span.end]
        if not sents:
            return []
        after = sents[-1].end
        if after < len(self.doc):
            nxt = self.doc[after].sent
            if len(nxt) <= 10 and nxt.start_char - span.end <= 3:
                sents.append(nxt)
        return [t for s in sents for t in s if t.i not in self.inside]

    def role(self, token: Any | None) -> Role | None:
        if token is None:
            return None
        role = self.resolved.role_for(token)
        if role is not None:
            return role
        left = token.left_edge.i
        return Role(self.doc[left : token.i + 1].text, None)

    def attribute(self, span: QuoteSpan) -> tuple[Role | None, Role | None, str | None]:
        region = self.region(span)
        quote_heads: set[int] = set()
        for i in tokens_overlapping(self.starts, span.start, span.end):
            quote_heads.update(h.i for h in _chain(self.doc[i]))
        cues: list[tuple[int, Any, Any | None, Any | None]] = []  # (rank, cue, speaker token, relay token)
        for t in region:
            lemma = t.lemma_.lower()
            if lemma not in SPEECH and lemma not in BELIEF:
                lemma = SURFACE.get(t.lower_, lemma)
            governs = t.i in quote_heads
            if lemma == "accord" or (t.lower_ == "according" and any(c.lower_ == "to" for c in t.children)):
                pobj = next((g for c in t.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
                cues.append((1, t, pobj, None))
            elif lemma == "quote" and t.pos_ == "VERB":
                dobj = next((c for c in t.children if c.dep_ == "dobj"), None)
                subj = _subject(t)
                if dobj is not None:
                    cues.append((0, t, dobj, subj))
                else:
                    cues.append((2, t, subj, None))
            elif t.pos_ == "VERB" and (lemma in SPEECH or lemma in BELIEF):
                subj = _subject(t)
                if subj is None or subj.i in self.inside:
                    continue
                speech = lemma in SPEECH
                rank = (1 if governs else 3) if speech else (2 if governs else 4)
                cues.append((rank, t, subj, None))
        if not cues:
            return None, None, None

        # Outermost governing speech verb first; among equals, the one nearest the quote.
        def distance(c: Any) -> int:
            return int(min(abs(c.idx - span.end), abs(c.idx - span.open_mark)))

        cues.sort(key=lambda c: (c[0], -len(_chain(c[1])) if c[0] == 1 else 0, distance(c[1])))
        rank, cue, speaker_tok, relay_tok = cues[0]
        speaker = self.role(speaker_tok)
        relay = self.role(relay_tok)
        if relay is None and speaker is not None and speaker.actor is not None and speaker.actor.sector == "MED":
            # "…,” X said, Al Jazeera reported": the outlet relays what another speaker said.
            for _, other, other_tok, _ in cues[1:]:
                other_role = self.role(other_tok)
                if other_role is not None and other_role.actor is not None and other_role.actor.sector != "MED":
                    speaker, relay, cue = other_role, speaker, other
                    break
        elif relay is None:
            # "…,” he said, Tass reported": another cue in the attribution has an outlet for subject.
            for _, _, other_tok, _ in cues[1:]:
                other_role = self.role(other_tok)
                if other_role is not None and other_role.actor is not None and other_role.actor.sector == "MED":
                    relay = other_role
                    break
        return speaker, relay, cue.text


def extract_quotes(resolved: ResolvedDoc) -> list[Quote]:
    text = resolved.doc.text
    spans = find_quote_spans(text)
    attributor = _Attributor(resolved, spans)
    out: list[Quote] = []
    for span in spans:
        speaker, relay, cue = attributor.attribute(span)
        inner = text[span.start : span.end]
        lead = len(inner) - len(inner.lstrip())
        trail = len(inner.rstrip())
        start, end = span.start + lead, span.start + trail
        qid = hashlib.sha1(f"{resolved.doc_id}|{start}|{end}".encode()).hexdigest()[:16]
        out.append(
            Quote(
                qid,
                resolved.doc_id,
                start,
                end,
                re.sub(r"\s+", " ", text[start:end]),
                _kind(text, span),
                speaker,
                relay,
                cue,
            )
        )
    return out
