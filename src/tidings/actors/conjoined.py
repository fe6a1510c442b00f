"""Conjoined qualifiers: "US and Canadian officials", "Iraqi and Kuwaiti negotiators", "a task
force of U.S. and Canadian officials" name a party of each state, in the role their noun names.

The parties are recorded in ``ResolvedDoc.groups`` under the head noun (and under a collective noun
whose members that noun names: "a task force of …", "a team of …", words in
``actors/data/coref.yaml`` ``collective_nouns``), how ``conjoined``; the event stage reads a group
as one party each, as it does "the two leaders".
"""

from __future__ import annotations

from typing import Any

from tidings.actors.words import coref_words
from tidings.nlp import tokens_where
from tidings.records import Mention

_QUALIFIER_DEPS = ("amod", "compound", "nmod")


def conjoined_parties(out: Any) -> None:
    """Fill ``out.groups`` (``out`` a ``ResolvedDoc``) for every noun qualified by two or more
    conjoined states."""
    doc = out.doc
    collectives = coref_words().collective_nouns
    for q in (doc[i] for i in tokens_where(doc, "DEP", lambda dep: dep in _QUALIFIER_DEPS)):
        if q.dep_ not in _QUALIFIER_DEPS or q.i not in out.by_token or not any(c.dep_ == "conj" for c in q.children):
            continue
        head = q.head
        if head.i <= q.i or head.pos_ not in ("NOUN", "PROPN") or head.i in out.groups:
            continue
        sector = out.kb.agents.get(head.lemma_.lower())
        parties: list[Mention] = []
        countries: set[str] = set()
        for t in (q, *q.conjuncts):
            m = out.by_token.get(t.i)
            if m is None or m.actor.kind != "state" or not m.actor.country or m.actor.country in countries:
                continue
            countries.add(m.actor.country)
            parties.append(_party(out, m, sector))
        if len(parties) < 2:
            continue
        out.groups[head.i] = parties
        owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        if owner is not None and owner.pos_ == "NOUN" and owner.i not in out.groups and owner.i not in out.by_token:
            phrase = " ".join(c.lower_ for c in owner.children if c.dep_ == "compound") + " " + owner.lemma_.lower()
            if owner.lemma_.lower() in collectives or phrase.strip() in collectives:
                out.groups[owner.i] = parties


def hyphened_pairs(out: Any) -> None:
    """ "U.S.-Ukraine talks", "the Iran-Russia deal", "Israeli-Palestinian negotiations": a word
    that joins two states' names or adjectives with a hyphen names both, recorded as a group under
    that word (how ``conjoined``)."""
    doc = out.doc
    for i in tokens_where(doc, "ORTH", lambda text: "-" in text.strip("-")):
        tok = doc[i]
        if i in out.by_token or i in out.groups or tok.dep_ not in _QUALIFIER_DEPS:
            continue
        parts = tok.text.split("-")
        if len(parts) != 2:
            continue
        found: list[Mention] = []
        at = tok.idx
        for part in parts:
            states = {a.entity.entity_id: a.entity for a in out.kb.find(part) if a.entity.kind == "state"}
            if len(states) != 1:
                break
            state = next(iter(states.values()))
            found.append(Mention(out.doc_id, at, at + len(part), part, out._as_of(state.actor(out.on)), "conjoined"))
            at += len(part) + 1
        if len(found) == 2 and found[0].actor.country != found[1].actor.country:
            out.groups[i] = found
    # the tokenizer's split: "Iran - Russia talks", each name a qualifier of the noun
    for i in tokens_where(doc, "ORTH", lambda text: text == "-"):
        if not 0 < i < len(doc) - 1:
            continue
        left, right = doc[i - 1], doc[i + 1]
        ml, mr = out.by_token.get(left.i), out.by_token.get(right.i)
        if (
            ml is not None
            and mr is not None
            and left.dep_ in _QUALIFIER_DEPS
            and right.dep_ in _QUALIFIER_DEPS
            and left.head.i in (right.head.i, right.i)
            and ml.actor.kind == mr.actor.kind == "state"
            and ml.actor.country != mr.actor.country
            and left.i not in out.groups
            and right.i not in out.groups
        ):
            # under the word the noun governs ("Iran" may hang on "Russia"), and the other
            out.groups[left.i] = out.groups[right.i] = [ml, mr]


def _party(out: Any, m: Mention, sector: str | None) -> Mention:
    """The state of a qualifier's mention, in the role of the noun it qualifies ("officials": GOV)."""
    state = out.kb.state(m.actor.country)
    if state is None:
        return m
    actor = out._as_of(state.actor(out.on, sector=sector) if sector else state.actor(out.on))
    return Mention(m.doc_id, m.start, m.end, m.text, actor, "conjoined")
