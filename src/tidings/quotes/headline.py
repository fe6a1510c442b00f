"""Quotations in a headline, attributed by the headline's own conventions.

Headlines drop the verb of saying: "Pat Caddell: Democrat Voters Worried …; It's ‘in Their
Heads.’" gives the words after the colon to the name before it, and "Black Lawmakers Rip Donald
Trump As A ‘Disgusting Fraud.’" gives what follows the main verb to its subject. Title case
and missing cues make the rules for running text (scare quotes, titles) useless here, and a
quotation in a headline is nearly always somebody's words.
"""

from __future__ import annotations

import hashlib
from typing import Any

from tidings.actors.resolve import ResolvedDoc
from tidings.nlp import doc_text, token_starts, tokens_overlapping
from tidings.quotes.marks import find_quote_spans, names_a_programme
from tidings.records import Quote, QuoteKind, Role


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
    if role is not None:
        return role
    text = " ".join(t.text for t in tokens).strip(" :,")
    return Role(text, None) if text else None


def headline_quotes(resolved: ResolvedDoc) -> list[Quote]:
    """One quote per headline that holds a quotation: the words after the attribution, up to the
    last closing mark, with the speaker the headline names."""
    doc = resolved.doc
    text = doc_text(doc)
    spans = [s for s in find_quote_spans(text, min_words=1) if s.closed]
    spans = [s for s in spans if not names_a_programme(text, s.open_mark)]
    if not spans or not len(doc):
        return []
    starts = token_starts(doc)
    first, last = spans[0], spans[-1]
    colon = text.rfind(":", 0, first.open_mark)
    if colon > 0:
        speaker_toks = [doc[i] for i in tokens_overlapping(starts, 0, colon) if not doc[i].is_punct]
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
    end = last.close_end
    body = text[content_start:end]
    kind = QuoteKind.DIRECT if content_start == first.open_mark and len(spans) == 1 else QuoteKind.PARTIAL
    qid = hashlib.sha1(f"{resolved.doc_id}|title|{content_start}|{end}".encode()).hexdigest()[:16]
    return [
        Quote(
            qid,
            resolved.doc_id,
            content_start,
            end,
            " ".join(body.split()),
            kind,
            _speaker(resolved, speaker_toks),
            None,
            None,
            parts=tuple((s.start, s.end) for s in spans),
            in_title=True,
        )
    ]
