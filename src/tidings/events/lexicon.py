"""Load the event lexicon (``events/data/lexicon.yaml`` plus a user's file) into look-up tables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import DataFileError
from tidings.ontology import load_ontology
from tidings.yamlfile import load_yaml

SLOTS = ("dobj", "dative", "place", "objmod", "subtree", "aim")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: str
    cameo: str | None
    mode: str | None
    context: str | None
    target: tuple[str, ...]
    strength: float
    objects: frozenset[str] = frozenset()
    particle: str | None = None
    negated: bool = False
    needs_clause: bool = False
    needs_military: bool = False
    needs_source: str | None = None
    needs_place: bool = False
    object_is_actor: bool = False
    subject_is_actor: bool = False  # the subject, when a common noun, must name people ("a ship arrived": no visit)
    needs_target: bool = False  # no event without a target ("invested in its military", "it helps if")
    reciprocal: bool = False  # conjoined sources with no other party act toward each other ("X and Y signed a treaty")
    needs_complement: tuple[str, ...] = ()
    bars_complement: tuple[str, ...] = ()  # the sense fails with any of these ("called X" phoned; "called on X", "called X a liar" did not)
    prep_senses: tuple[tuple[str, frozenset[str]], ...] = ()
    target_codes: frozenset[str] = frozenset()  # the target must be one of these (IGO: "joined NATO")
    stated_only: bool = False  # the sense is a stated intent, not a past act ("will retaliate"; "retaliated" is another act)
    adjective: bool = False  # a word of the entry's adjectives: after a copula ("remains concerned about X")


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    _verb_words: frozenset[str] | None = field(default=None, repr=False)
    _noun_words: frozenset[str] | None = field(default=None, repr=False)

    @property
    def verb_words(self) -> frozenset[str]:
        """Every verb lemma the lexicon knows (cached: the lexicon is loaded once)."""
        if self._verb_words is None:
            self._verb_words = frozenset(self.verbs)
        return self._verb_words

    @property
    def noun_words(self) -> frozenset[str]:
        """The last word of every noun entry ("hunger strike" is found by its "strike")."""
        if self._noun_words is None:
            self._noun_words = frozenset(w.split()[-1] for w in self.nouns)
        return self._noun_words

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


def _entry(row: dict[str, Any], where: str, plover: set[str]) -> Entry:
    if row.get("type") not in plover:
        raise DataFileError(f"{where}: type {row.get('type')!r} is not a PLOVER type ({', '.join(sorted(plover))})")
    if row.get("cameo"):
        mapped = load_ontology().plover_of(str(row["cameo"]))
        if mapped is None or mapped.plover != row["type"]:
            raise DataFileError(
                f"{where}: CAMEO {row['cameo']} is {mapped.plover if mapped else 'not a PLOVER code'} in the "
                f"CAMEO→PLOVER table, not {row['type']}"
            )
    for slot in row.get("target") or []:
        if slot not in SLOTS and not str(slot).startswith(("prep:", "objprep:")):
            raise DataFileError(f"{where}: unknown target slot {slot!r}")
    return Entry(
        id=str(row["id"]),
        type=str(row["type"]),
        cameo=row.get("cameo"),
        mode=row.get("mode"),
        context=row.get("context"),
        target=tuple(row.get("target") or ()),
        strength=float(row.get("strength", 0.6)),
        objects=frozenset(row.get("object") or ()),
        negated=bool(row.get("negated")),
        needs_clause=bool(row.get("needs_clause")),
        needs_military=bool(row.get("needs_military")),
        needs_source=row.get("needs_source"),
        needs_place=bool(row.get("needs_place")),
        object_is_actor=bool(row.get("object_is_actor")),
        subject_is_actor=bool(row.get("subject_is_actor")),
        needs_target=bool(row.get("needs_target")),
        reciprocal=bool(row.get("reciprocal")),
        target_codes=frozenset(str(c).upper() for c in row.get("target_codes") or []),
        needs_complement=tuple(str(c) for c in row.get("needs_complement") or ()),
        bars_complement=tuple(str(c) for c in row.get("bars_complement") or ()),
        stated_only=bool(row.get("stated_only")),
        prep_senses=_prep_senses(row.get("prep_senses"), where),
    )


def _prep_senses(value: Any, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not value:
        return ()
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: prep_senses must map a preposition to the words it may govern")
    if any(not isinstance(p, str) for p in value):
        raise DataFileError(
            f'{where}: prep_senses keys must be prepositions as strings (quote "on": YAML reads it as true)'
        )
    return tuple((p.lower(), frozenset(str(w).lower() for w in words or ())) for p, words in value.items())


def _load_file(lex: Lexicon, text: str, where: str, plover: set[str]) -> None:
    rows = load_yaml(text) or []
    if not isinstance(rows, list):
        raise DataFileError(f"{where}: expected a list of entries")
    for n, row in enumerate(rows, 1):
        at = f"{where} entry {n} ({row.get('id', '?') if isinstance(row, dict) else '?'})"
        if not isinstance(row, dict) or "id" not in row or not (row.get("verbs") or row.get("nouns") or row.get("adjectives")):
            raise DataFileError(f"{at}: an entry needs an id and verbs, nouns or adjectives")
        base = _entry(row, at, plover)
        for word in row.get("verbs") or []:
            lemma, _, particle = str(word).partition(" ")
            e = Entry(**{**_fields(base), "particle": particle or None})
            lex.verbs.setdefault(lemma.lower(), []).append(e)
        for word in row.get("adjectives") or []:
            # matched as the verbs are, by the word's lemma, but only as an adjective after a copula
            lex.verbs.setdefault(str(word).lower(), []).append(Entry(**{**_fields(base), "adjective": True}))
        for word in row.get("nouns") or []:
            lex.nouns.setdefault(str(word).lower(), []).append(base)


def _fields(e: Entry) -> dict[str, Any]:
    return {name: getattr(e, name) for name in Entry.__slots__}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shipped lexicon and the user's (``TIDINGS_LEXICON``), loaded once: from the table cache
    (``tidings.tablecache``) when they, the ontology and tidings' code are as they were."""
    from tidings.tablecache import Key, cached

    extra = os.environ.get("TIDINGS_LEXICON")
    key = (
        Key("lexicon")
        .source()
        .files([Path(str(resources.files("tidings.events") / "data" / "lexicon.yaml"))])
        .tree(Path(str(resources.files("tidings.ontology") / "data")))
        .add(extra or "")
        .files([Path(extra)] if extra else [])
    )
    return cached(key, _build_lexicon)


def _build_lexicon() -> Lexicon:
    plover = set(load_ontology().plover)
    lex = Lexicon()
    shipped = resources.files("tidings.events") / "data" / "lexicon.yaml"
    _load_file(lex, shipped.read_text(encoding="utf-8"), "events/data/lexicon.yaml", plover)
    extra = os.environ.get("TIDINGS_LEXICON")
    if extra:
        path = Path(extra)
        _load_file(lex, path.read_text(encoding="utf-8"), str(path), plover)
    return lex


def names_force_verb(lemma: str) -> bool:
    """Does the lexicon know ``lemma`` only as a verb of force ("bomb", "shell", "invade")?"""
    entries = load_lexicon().verbs.get(lemma) or []
    return bool(entries) and all(e.type == "ASSAULT" for e in entries)


def names_force(noun: Any) -> bool:
    """Is ``noun`` an act of force the lexicon knows ("the bombings", "the attack", "the killings")?"""
    entries = load_lexicon().nouns.get(noun.lemma_.lower()) or []
    return noun.pos_ == "NOUN" and any(e.type == "ASSAULT" for e in entries)
