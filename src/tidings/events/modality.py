"""Negation and modality of an event trigger, read off the dependency parse."""

from __future__ import annotations

from typing import Any

from tidings.records import Modality

INTENT = {"want", "seek", "hope", "plan", "intend", "aim", "wish", "try", "prepare", "expect", "propose"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should"}
FUTURE_AUX = {"will", "shall", "'ll", "’ll"}
# Verbs that ask another actor to act: what they ask for has not happened.
DIRECTIVE = {"urge", "ask", "demand", "press", "request", "call", "implore", "order", "tell"}
REPORTING = {
    "say",
    "tell",
    "report",
    "claim",
    "add",
    "note",
    "state",
    "announce",
    "quote",
    "write",
    "tweet",
    "stress",
    "insist",
    "allege",
    "confirm",
}


def governing_verb(token: Any) -> Any:
    """The verb that governs a trigger (a noun trigger's governing verb)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def is_negated(token: Any) -> bool:
    verb = governing_verb(token)
    return (
        any(c.dep_ == "neg" for c in verb.children)
        or any(c.dep_ == "neg" for c in token.children)
        or any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in token.children)
    )


def modality_of(token: Any) -> Modality:
    verb = governing_verb(token)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "if" in {c.lower_ for c in verb.children if c.dep_ == "mark"} or aux & HYPOTHETICAL_AUX:
        return Modality.HYPOTHETICAL
    if aux & FUTURE_AUX:
        return Modality.INTENDED
    t = verb
    while t.head.i != t.i:
        head = t.head
        if t.dep_ in ("xcomp", "ccomp", "dobj") and head.lemma_.lower() in INTENT:
            return Modality.INTENDED
        if t.dep_ == "xcomp" and head.lemma_.lower() in DIRECTIVE:
            return Modality.HYPOTHETICAL
        if t.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in REPORTING:
            return Modality.REPORTED
        t = head
    return Modality.ASSERTED
