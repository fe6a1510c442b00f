"""Statements of intent, coded as PLOVER does (``events/data/intent.yaml``).

A trigger under a future or conditional auxiliary ("will", "would", "may"), a verb of intent
("plans to", "wants to", "vows to") or an adjective of readiness ("is ready to", "is willing
to") states an intent, not the act: cooperation becomes AGREE, harm becomes THREATEN. A trigger
under a directive ("urged X to withdraw") is another's request, not the subject's intent, and
a trigger under "prepare" is a preparation (MOBILIZE codes it where the lexicon says so). The
recoded event is the statement itself: asserted, or reported under a verb of saying
(``modality.statement_modality``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.errors import DataFileError
from tidings.events.lexicon import names_force, names_force_verb
from tidings.events.modality import (
    DIRECTIVE,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    INTENT,
    believed,
    governing_verb,
    in_scenario,
    load_modality_words,
    shared_aux,
)
from tidings.yamlfile import load_yaml

_NOT_INTENT = {"prepare", "expect", "hope"}  # preparing is MOBILIZE's; expecting is another's doing


@dataclass(frozen=True, slots=True)
class IntentTable:
    agree: dict[str, str]
    threaten: dict[str, str]
    readiness: frozenset[str]
    conditions: frozenset[str]
    commitments: frozenset[str]
    refuse: dict[str, str]
    punitive: frozenset[str] = frozenset()
    wrongdoers: frozenset[str] = frozenset()
    ultimatum_verbs: frozenset[str] = frozenset()
    penalties: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_intent() -> IntentTable:
    text = (resources.files("tidings.events") / "data" / "intent.yaml").read_text(encoding="utf-8")
    data = load_yaml(text) or {}
    try:
        return IntentTable(
            {str(k): str(v) for k, v in data["agree"].items()},
            {str(k): str(v) for k, v in data["threaten"].items()},
            frozenset(str(w) for w in data["readiness"]),
            frozenset(str(w) for w in data.get("conditions") or ()),
            frozenset(str(w) for w in data.get("commitments") or ()),
            {str(k): str(v) for k, v in (data.get("refuse") or {}).items()},
            frozenset(str(w) for w in data.get("punitive") or ()),
            frozenset(str(w) for w in data.get("wrongdoers") or ()),
            frozenset(str(w) for w in (data.get("ultimatum") or {}).get("verbs") or ()),
            frozenset(str(w) for w in (data.get("ultimatum") or {}).get("penalties") or ()),
        )
    except (KeyError, AttributeError) as exc:
        raise DataFileError(f"events/data/intent.yaml: a section is missing: {exc}") from exc


def readiness_for(noun: Any) -> Any | None:
    """The adjective of readiness an act noun completes ("committed to a strike", "ready for
    talks"), else None. The parser may read "is committed to" as a passive verb."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("to", "for"):
        return None
    adj = noun.head.head
    ready = load_intent().readiness
    return adj if (adj.pos_ == "ADJ" and adj.lemma_.lower() in ready) or (adj.tag_ == "VBN" and adj.lower_ in ready) else None


def states_intent(token: Any, table: IntentTable) -> bool:
    """Does the clause of ``token`` state its subject's intent rather than an act?

    An event noun is the intended act only as the object of a verb that does it ("will launch a
    war", "plans to impose sanctions"); elsewhere in such a clause it is a topic or a description
    ("Iraq will never forget the eight-year war"). An analyst's scenario ("the first option would
    be to invade") and another's belief ("he believes the leaders will meet") are no one's intent."""
    if token.pos_ in ("NOUN", "PROPN") and readiness_for(token) is not None:
        return True  # "is committed to a possible strike against Iraq", "is ready for talks"
    verb = governing_verb(token)
    if token.i != verb.i and not (
        token.dep_ in ("dobj", "nsubjpass")
        and token.head.i == verb.i
        and verb.lemma_.lower() in load_modality_words().act_verbs
    ):
        return False
    if in_scenario(token) or believed(token):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "will not meet" is a refusal, coded by the lexicon's negated entries
    aux = {c.lower_ for c in shared_aux(verb)}
    if aux & (FUTURE_AUX | HYPOTHETICAL_AUX):
        return True
    t = _first_conjunct(verb)
    if t.i != verb.i and not (t.dep_ == "xcomp" and t.head.lemma_.lower() in table.commitments):
        t = verb  # only a commitment in words carries over to the joined verb; a try does not
    for _ in range(4):
        head = t.head
        if head.i == t.i or t.dep_ not in ("xcomp", "ccomp", "acomp", "advcl"):
            return False
        lemma = head.lemma_.lower()
        if lemma in DIRECTIVE or lemma in _NOT_INTENT:
            return False
        infinitive = t.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)
        if (t.dep_ == "xcomp" or infinitive) and (
            lemma in INTENT or lemma in table.readiness or lemma in table.commitments
        ):
            return True  # "plans to visit"; "have sworn to fight" (parsed as an adverbial infinitive)
        if head.pos_ == "ADJ" and lemma in table.readiness:
            return True
        t = head
    return False


def _first_conjunct(verb: Any) -> Any:
    """The first of joined verbs: "promised to withdraw its troops and release prisoners" governs
    both through the first."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
        t = t.head
    return t


def recode(kind: str, cameo: str | None, token: Any) -> tuple[str, str | None, bool]:
    """(type, CAMEO code, recoded?) for a trigger: its intent's type when it states one, and a
    refusal when it states that its subject will not do an act of cooperation ("will not retreat",
    "said it would not negotiate": CAMEO 12, REJECT)."""
    table = load_intent()
    if kind == "AGREE" and token.lemma_.lower() in table.commitments and _punitive(token, table):
        return "THREATEN", "130", True
    if kind in table.refuse and refuses(token):
        return "REJECT", table.refuse[kind], True
    if kind not in table.agree and kind not in table.threaten:
        return kind, cameo, False
    if not states_intent(token, table):
        return kind, cameo, False
    if _conditional(token, table):
        return "THREATEN", "130", True
    if kind in table.agree:
        return "AGREE", table.agree[kind], True
    return "THREATEN", table.threaten[kind], True


def _punitive(verb: Any, table: IntentTable) -> bool:
    """Is what ``verb`` commits to a punishment ("vowed to find the bombers and bring them to
    justice", "pledged to punish those responsible")? A vow of harm is a threat, not an agreement."""
    comps = [
        c
        for c in verb.children
        if c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children))
    ]  # "vowed on Monday to punish …" is parsed as an adverbial infinitive
    if any(
        p.dep_ == "prep" and p.lower_ == "to" and any(o.dep_ == "pobj" and names_force(o) for o in p.children)
        for p in verb.children
    ):
        return True  # "is committed to a possible strike against Iraq"
    for comp in comps:
        for act in (comp, *comp.conjuncts):
            if act.lemma_.lower() in table.punitive or names_force_verb(act.lemma_.lower()):
                return True  # "vowed to punish …", "vowed to bomb the Islamic State"
            if any(o.dep_ == "dobj" and o.lemma_.lower() in table.wrongdoers for o in act.children):
                return True  # "vowed to find the bombers"
            if any(p.dep_ == "prep" and any(o.lemma_.lower() in table.punitive for o in p.children) for p in act.children):
                return True  # "bring them to justice"
    return False


def refuses(token: Any) -> bool:
    """Does the clause of ``token`` say its subject will not do it ("will not retreat", "would
    not negotiate", "won't recognise")? Not a prediction of another's ("he believes they will not
    meet"), nor a scenario's."""
    verb = governing_verb(token)
    if token.i != verb.i and not (
        token.dep_ in ("dobj", "nsubjpass")
        and token.head.i == verb.i
        and verb.lemma_.lower() in load_modality_words().act_verbs
    ):
        return False
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if not aux & (FUTURE_AUX | _REFUSING_AUX):
        return False
    return not (in_scenario(token) or believed(token))


# "would not" in a said clause is the future of the saying ("said it would not negotiate").
_REFUSING_AUX = frozenset({"would"})


def _conditional(token: Any, table: IntentTable) -> bool:
    """Is the intent made to hang on another's conduct ("… unless President X resigns")?"""
    verb = governing_verb(token)
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in table.conditions for m in clause.children):
            return True
    return False


def committed(token: Any) -> bool:
    """Is the intent of ``token`` one its subject commits to in words ("vowed to find", "offered to
    help", "is ready to resume")? Such a statement is an act; a plan told by the reporter ("the
    king will meet Bush on Thursday", "plans to deploy") is not."""
    table = load_intent()
    t = _first_conjunct(governing_verb(token))
    for _ in range(4):
        head = t.head
        if head.i == t.i or t.dep_ not in ("xcomp", "ccomp", "acomp", "advcl"):
            return False
        lemma = head.lemma_.lower()
        if t.dep_ == "xcomp" and lemma in table.commitments:
            return True
        if head.pos_ == "ADJ" and lemma in table.readiness:
            return True
        t = head
    return False
