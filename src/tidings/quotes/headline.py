"""Quotations in a headline, attributed by the headline's own conventions.

Headlines drop the verb of saying: "Pat Caddell: Democrat Voters Worried …; It's ‘in Their
Heads.’" gives the words after the colon to the name before it, and "Black Lawmakers Rip Donald
Trump As A ‘Disgusting Fraud.’" gives what follows the main verb to its subject. Title case
and missing cues make the rules for running text (scare quotes, titles) useless here, and a
quotation in a headline is nearly always somebody's words.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from tidings.actors.resolve import ResolvedDoc
from tidings.nlp import doc_text, token_starts, tokens_overlapping
from tidings.quotes.cues import load_cues
from tidings.quotes.marks import find_quote_spans, names_a_programme
from tidings.records import Quote, QuoteKind, Role

_MARKS = "\"'`“”‘’«»„"


def _speaker(resolved: ResolvedDoc, tokens: list[Any]) -> Role | None:
    """The phrase's head (the token whose head lies outside it), as an actor where it resolves."""
    if not tokens:
        return None
    lo, hi = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    named = next((m for m in resolved.mentions if lo <= m.start and m.end <= hi), None)
    if named is not None:  # "Elizabeth Warren Hammers Wells Fargo CEO": the first actor named
        return Role(named.text, named.actor)
    ids = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), tokens[-1])
    role = resolved.role_for(head)
    text = " ".join(t.text for t in tokens).strip(" :,")
    if role is not None and role.text in text:
        return role  # not an actor the parse hangs on the phrase ("Reid: 'Never … underestimate Trump.'")
    if not text:
        return None
    # "Reid: '…'": the person the report names by that surname.
    people = [m.actor for m in resolved.mentions if m.actor.kind == "person" and m.actor.name.split()[-1:] == [head.text]]
    return Role(text, people[0] if people else None)


def headline_quotes(resolved: ResolvedDoc) -> list[Quote]:
    """One quote per headline that holds a quotation (a headline parsed on its own), or whose
    words after a colon are given to the name before it ("Lynch: No outside influence on FBI
    probe")."""
    end = len(doc_text(resolved.doc))
    found = _headline_quote(resolved, 0, end, in_title=True) or _colon_headline(resolved, 0, end, in_title=True)
    return [found] if found is not None else []


# The words before a headline's colon that name its source: at most this many.
MAX_COLON_SOURCE_WORDS = 4


def _colon_headline(resolved: ResolvedDoc, lo: int, hi: int, in_title: bool) -> Quote | None:
    """"Sanders: Brexit's message could draw Trump support in US", "Poll: Trump and Clinton hold
    narrow leads": a headline's words after its colon, with no quotation marks, are what the
    source before the colon says, when that source is a person or a body the report names, or
    a poll or a report ("cues.yaml" surveys, "report"). Labels ("The Latest:", "BREAKING:",
    "Delegate Update:") name no source and give no quote."""
    text = doc_text(resolved.doc)
    colon = text.find(":", lo, hi)
    if colon <= lo:
        return None
    head = text[lo:colon]
    words = head.split()
    if not words or len(words) > MAX_COLON_SOURCE_WORDS or "\n" in head:
        return None
    start = colon + 1
    while start < hi and text[start].isspace():
        start += 1
    end = hi
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    if len(text[start:end].split()) < MIN_COLON_CONTENT_WORDS:
        return None
    named = next(
        (m for m in resolved.mentions if lo <= m.start and m.end <= colon and m.actor.kind in ("person", "org", "outlet")),
        None,
    )
    # "Sanders: …": the person the report names by that surname.
    people = [m.actor for m in resolved.mentions if m.actor.kind == "person" and m.actor.name.split()[-1:] == words[-1:]]
    if named is not None:
        speaker = Role(named.text, named.actor)
    elif people:
        speaker = Role(head.strip(), people[0])
    elif words[-1].lower().strip(".,") in load_cues().surveys | {"report"} and not head.isupper():
        speaker = Role(head.strip(), None)
    else:
        return None
    where = "title" if in_title else "lead"
    qid = hashlib.sha1(f"{resolved.doc_id}|{where}|{start}|{end}".encode()).hexdigest()[:16]
    body = " ".join(text[start:end].split())
    return Quote(qid, resolved.doc_id, start, end, body, QuoteKind.INDIRECT, speaker, None, None, in_title=in_title)


MIN_COLON_CONTENT_WORDS = 3


def first_line_quotes(resolved: ResolvedDoc, quotes: list[Quote]) -> list[Quote]:
    """A report whose headline the cleaner could not tell from its body (one that ends with a full
    stop, as PolNeAR's do) opens with it as a paragraph of its own. There a quotation the body's
    rules leave to nobody takes the speaker the headline's conventions name ("Reid: 'Never, ever,
    ever underestimate Trump.'"), and words that only hold a quoted phrase are that speaker's
    paraphrase ("Obama slams GOP's ‘doom and despair’ on economy"). A quotation the body's rules
    drop stays dropped: in the tune part, a first line's quotation they leave out is matched
    by the body's own quote of the same words."""
    text = doc_text(resolved.doc)
    end = text.find("\n")
    if end < 0 or not text[end:].strip() or len(text[:end].split()) > MAX_HEADLINE_WORDS:
        return quotes
    inside = [q for q in quotes if q.start < end]
    if any(q.speaker is not None for q in inside):
        return quotes
    found = _headline_quote(resolved, 0, end, in_title=False)
    if found is None and not inside:
        found = _colon_headline(resolved, 0, end, in_title=False)
    if found is None or found.speaker is None:
        return quotes
    if inside:
        return [replace(q, speaker=found.speaker) if q.start < end else q for q in quotes]
    return [found, *quotes] if found.kind is QuoteKind.INDIRECT else quotes


# A first paragraph this long is a lede, not a headline left in the body.
MAX_HEADLINE_WORDS = 30


def _headline_quote(resolved: ResolvedDoc, lo: int, hi: int, in_title: bool) -> Quote | None:
    """The quote of the headline at ``lo``–``hi``: the words after the attribution (after its colon,
    or after its main verb) up to the headline's end, with the speaker the headline names. Its
    kind is the body's: direct for a quotation alone, partial for words that open or close with
    quoted ones ("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'"),
    indirect for words that only hold a quoted phrase ("Obama slams GOP's ‘doom and despair’ on
    economy"), as PolNeAR annotates headlines."""
    doc = resolved.doc
    text = doc_text(doc)
    spans = [s for s in find_quote_spans(text, min_words=1) if s.closed and lo <= s.open_mark and s.close_end <= hi]
    spans = [s for s in spans if not names_a_programme(text, s.open_mark)]
    if not spans or not len(doc):
        return None
    starts = token_starts(doc)
    first, last = spans[0], spans[-1]
    colon = text.rfind(":", lo, first.open_mark)
    if colon > lo:
        speaker_toks = [doc[i] for i in tokens_overlapping(starts, lo, colon) if not doc[i].is_punct]
        content_start = colon + 1
    else:
        quote_tok = doc[tokens_overlapping(starts, first.start, first.end)[0]]
        root = quote_tok.sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or root.idx >= first.open_mark:
            speaker_toks, content_start = [], first.open_mark
        else:
            speaker_toks = list(doc[subject.left_edge.i : subject.right_edge.i + 1])
            content_start = root.idx + len(root)
    while content_start < first.open_mark and text[content_start].isspace():
        content_start += 1
    end = hi
    while end > last.close_end and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1  # PolNeAR's headlines end with a full stop; the words run to the end
    body = " ".join(text[content_start:end].split())
    if content_start == first.open_mark and end == last.close_end and len(spans) == 1:
        kind = QuoteKind.DIRECT
    elif body[:1] in _MARKS or body.rstrip(".,")[-1:] in _MARKS:
        kind = QuoteKind.PARTIAL
    else:
        kind = QuoteKind.INDIRECT
    where = "title" if in_title else "lead"
    qid = hashlib.sha1(f"{resolved.doc_id}|{where}|{content_start}|{end}".encode()).hexdigest()[:16]
    return Quote(
        qid,
        resolved.doc_id,
        content_start,
        end,
        body,
        kind,
        _speaker(resolved, speaker_toks),
        None,
        None,
        parts=tuple((s.start, s.end) for s in spans),
        in_title=in_title,
    )
