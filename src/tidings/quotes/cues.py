"""The cue lexicon (``quotes/data/cues.yaml`` plus a user's file) and cue finding over the parse.

A cue is a word that attributes words or thoughts to someone: a verb of saying or believing, a
relaying verb, "according to". A verb of attitude (want, hope, plan, decide) is a cue only of a
quotation it governs: "Germany wants …" tells nobody's words. Each cue found in a sentence
carries its speaker token, the relay token where the construction names one ("told Reuters",
"Mehr quoted X as saying"), and how strongly it binds a quotation (``rank``: lower binds more).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import DataFileError
from tidings.yamlfile import load_yaml

SECTIONS = (
    "speech",
    "belief",
    "attitude",
    "evidence",
    "relay",
    "naming",
    "prepositions",
    "media",
    "resuming",
    "phrases",
    "nouns",
    "addressing",
    "questioning",
    "charging",
    "surveys",
)
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}


@dataclass(frozen=True, slots=True)
class CueLexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    attitude: frozenset[str]
    evidence: frozenset[str]
    relay: frozenset[str]
    naming: frozenset[str]
    prepositions: tuple[str, ...]
    media: frozenset[str]
    resuming: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()  # "put it": a verb with the one object that makes it a cue
    nouns: frozenset[str] = frozenset()  # "claim": nouns of saying with a "that" clause
    addressing: frozenset[str] = frozenset()  # "tell": verbs whose object is whom the words are for
    questioning: frozenset[str] = frozenset()  # "ask": "Asked if …, X said": the question put to X
    charging: frozenset[str] = frozenset()  # "accuse": "accused X of Y": the object with its charge
    surveys: frozenset[str] = frozenset()  # "poll": "In a CNN poll, Clinton leads …": the poll's finding

    def kind(self, lemma: str) -> str | None:
        """The strongest class a verb lemma belongs to."""
        for name in ("relay", "speech", "naming", "evidence", "belief", "attitude"):
            if lemma in getattr(self, name):
                return name
        return None

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.belief | self.attitude | self.evidence | self.relay | self.naming


def _read(text: str, where: str) -> dict[str, list[str]]:
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or any(k not in SECTIONS for k in data):
        raise DataFileError(f"{where}: expected a mapping with sections among {', '.join(SECTIONS)}")
    return {k: [str(x).lower() for x in (v or [])] for k, v in data.items()}


@lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    shipped = resources.files("tidings.quotes") / "data" / "cues.yaml"
    parts = [_read(shipped.read_text(encoding="utf-8"), "quotes/data/cues.yaml")]
    extra = os.environ.get("TIDINGS_CUES")
    if extra:
        path = Path(extra)
        if not path.is_file():
            raise DataFileError(f"TIDINGS_CUES points at {extra!r}, which is not a file.")
        parts.append(_read(path.read_text(encoding="utf-8"), str(path)))
    merged: dict[str, list[str]] = {k: [] for k in SECTIONS}
    for part in parts:
        for k, v in part.items():
            merged[k] += v
    return CueLexicon(
        speech=frozenset(merged["speech"]),
        belief=frozenset(merged["belief"]),
        attitude=frozenset(merged["attitude"]),
        evidence=frozenset(merged["evidence"]),
        relay=frozenset(merged["relay"]),
        naming=frozenset(merged["naming"]),
        prepositions=tuple(dict.fromkeys(merged["prepositions"])),
        media=frozenset(merged["media"]),
        resuming=frozenset(merged["resuming"]),
        phrases=frozenset(" ".join(p.split()) for p in merged["phrases"]),
        nouns=frozenset(merged["nouns"]),
        addressing=frozenset(merged["addressing"]),
        questioning=frozenset(merged["questioning"]),
        charging=frozenset(merged["charging"]),
        surveys=frozenset(merged["surveys"]),
    )


def _inflections(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "d"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return forms


@lru_cache(maxsize=1)
def _surface() -> dict[str, str]:
    """Inflected form → lemma: the tagger's lemma is sometimes wrong ("hopes" → "hop")."""
    out = {form: verb for verb in load_cues().verbs for form in _inflections(verb)}
    out.update(
        {
            "said": "say",
            "told": "tell",
            "wrote": "write",
            "thought": "think",
            "knew": "know",
            "found": "find",
            "sang": "sing",
            "felt": "feel",
            "understood": "understand",
        }
    )
    return out


def cue_lemma(token: Any) -> str | None:
    """The cue verb a token is, by its lemma or, failing that, its surface form."""
    cues = load_cues()
    lemma = str(token.lemma_).lower()
    if lemma in cues.verbs:
        return lemma
    return _surface().get(token.lower_)


def _publisher(noun: Any) -> Any | None:
    """The verb whose subject put out a statement, a memo or a tweet ("His office put out a
    statement …", "in a memo …" hung on the verb), or None when ``noun`` names no medium."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in load_cues().media:
        return None
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head
    return None


def subject(verb: Any, quoted: frozenset[int] = frozenset()) -> Any | None:
    """The subject of a verb, climbing through chains ("went on to say") and relative clauses.
    Tokens in ``quoted`` (inside quotation marks) are passed over: in "“…, full panic mode,” said
    Leslie Wimes" the parser can give "said" two subjects, one of them quoted. What a statement
    says ("put out a statement saying …", "released a memo that said …") its publisher says."""
    return _subject_and_relative(verb, quoted)[0]


def _subject_and_relative(verb: Any, quoted: frozenset[int]) -> tuple[Any | None, Any | None]:
    """``subject``, with the relative pronoun that stood for it ("Trump, who said …": "who").
    Where the subject is named through a relative pronoun, that pronoun is the phrase the report
    gives the speaker, as PolNeAR annotates it; the noun it qualifies is who it is."""
    v = verb
    for _ in range(5):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i not in quoted:
                if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                    publisher = _publisher(v.head)
                    if publisher is None:
                        return v.head, c
                    v = publisher
                    break
                return c, None
        else:
            for c in v.children:
                if c.dep_ == "agent":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj, None
            if v.dep_ == "relcl" and v.head.i != v.i:
                return v.head, None
            if v.dep_ in ("advcl", "xcomp", "pcomp", "conj", "acl") and v.head.i != v.i:
                v = _publisher(v.head) or v.head
                continue
            break
    return None, None


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(p.split()[0] for p in load_cues().prepositions)


def according_to(token: Any) -> Any | None:
    """The source a prepositional cue of the lexicon names ("according to X", "in the words of X"),
    when ``token`` is the cue's first word."""
    if token.lower_ not in _first_words():
        return None
    doc = token.doc
    for phrase in load_cues().prepositions:
        words = phrase.split()
        if token.lower_ != words[0] or token.i + len(words) > len(doc):
            continue
        toks = doc[token.i : token.i + len(words)]
        if [t.lower_ for t in toks] != words:
            continue
        for t in reversed(list(toks)):
            obj = next((c for c in t.children if c.dep_ in ("pobj", "dobj", "agent")), None)
            if obj is not None:
                return next((g for g in obj.children if g.dep_ == "pobj"), obj) if obj.dep_ == "agent" else obj
        after = doc[token.i + len(words)] if token.i + len(words) < len(doc) else None
        return after if after is not None and after.pos_ in ("PROPN", "NOUN") else None
    return None


@dataclass(frozen=True, slots=True)
class Cue:
    token: Any  # the cue word
    kind: str  # speech, belief, attitude, evidence, relay, naming, according, noun
    speaker: Any | None  # the token heading the speaker's phrase
    relay: Any | None = None  # the token heading a relay named by the construction
    relative: Any | None = None  # the relative pronoun naming the speaker ("X, who said …")


def _media_relay(verb: Any) -> Any | None:
    """'in an interview with CNN', 'told Reuters', 'in a tweet': the outlet or medium named."""
    cues = load_cues()
    for c in verb.children:
        if c.dep_ == "dative" or (c.dep_ == "dobj" and verb.lemma_ == "tell"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "to", "during"):
            for pobj in c.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in cues.media:
                    inner = next(
                        (
                            g
                            for p in pobj.children
                            if p.dep_ == "prep" and p.lower_ in ("with", "to", "on", "in")
                            for g in p.children
                            if g.dep_ == "pobj"
                        ),
                        None,
                    )
                    return inner if inner is not None else pobj
    return None


def survey_source(token: Any) -> Any | None:
    """The poll a finding is told "in" ("In a CNN poll released Monday, 50 percent chose …"),
    when ``token`` is that "in", fronted before a verb that is no cue of its own ("said in a
    poll" is the speaker's words). After the verb the phrase is mostly a standing, not a
    finding ("trails in the polls", "mired in single digits in the polls")."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX") or token.i > token.head.i:
        return None
    if cue_lemma(token.head) is not None:
        return None
    surveys = load_cues().surveys
    return next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in surveys), None)


def find_cue(token: Any, quoted: frozenset[int] = frozenset()) -> Cue | None:
    """The cue a token is, with its speaker and relay, or None."""
    src = according_to(token) or survey_source(token)
    if src is not None:
        return Cue(token, "according", src)
    if token.pos_ == "NOUN":
        return _noun_cue(token)
    verbal = token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")
    if not verbal and not (token.pos_ == "PROPN" and token.lower_ in ("said", "says")):  # "Said Ellis: …"
        return None
    lemma = cue_lemma(token)
    if lemma is None:
        if _phrase(token):
            return Cue(token, "speech", subject(token, quoted), _media_relay(token))
        return None
    kind = load_cues().kind(lemma) or "speech"
    if lemma in ("quote", "cite"):
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return Cue(token, "relay", obj, subject(token, quoted))
    if token.lower_ in ("citing", "quoting"):
        return None  # "…, citing X": X is a source of the main clause's speaker, handled by the caller
    speaker, relative = _subject_and_relative(token, quoted)
    return Cue(token, kind, speaker, _media_relay(token), relative)


def _phrase(token: Any) -> bool:
    """Is the verb ``token`` a cue by its object or its preposition, as a phrase of the lexicon
    ("put it", "talk about")?"""
    return phrase_cue(token)


def phrase_cue(token: Any) -> bool:
    """``_phrase``: "as the memo put it", "talked about the mill" (a verb of talk is a cue only
    with what the talk was about)."""
    phrases = load_cues().phrases
    return any(f"{token.lemma_.lower()} {c.lower_}" in phrases for c in token.children if c.dep_ in ("dobj", "prep"))


def said_clause(noun: Any) -> Any | None:
    """The "that" clause a noun of saying takes ("the claim that thousands celebrated"), not a
    relative clause ("the claim that he made")."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    return None


def _noun_cue(token: Any) -> Cue | None:
    """A noun of saying with its "that" clause: its speaker the possessor ("Trump's claim that
    …"), the "by" phrase ("a warning by the agency that …"), the subject of the verb it is the
    object of ("The mayor made the claim that …"), or nobody named."""
    if token.lemma_.lower() not in load_cues().nouns or said_clause(token) is None:
        return None
    speaker = next((c for c in token.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        speaker = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if speaker is None and token.dep_ == "dobj":
        speaker = subject(token.head)  # "The mayor made the claim that …", "issued a warning that …"
    return Cue(token, "noun", speaker)


@lru_cache(maxsize=1)
def _phrase_verbs() -> frozenset[str]:
    verbs = {p.split()[0] for p in load_cues().phrases}
    return frozenset(form for v in verbs for form in _inflections(v))


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word form a cue can start with: verb lemmas and their inflections, prepositions' first
    words, the verbs of the lexicon's phrases, nouns of saying (their plurals by lemma)."""
    surveyed = frozenset({"in"}) if load_cues().surveys else frozenset()
    return frozenset(load_cues().verbs) | frozenset(_surface()) | _first_words() | _phrase_verbs() | load_cues().nouns | surveyed
