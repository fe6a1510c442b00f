"""The CAMEO verb dictionary (PETRARCH2's verb patterns, converted by scripts/convert_cameo_verbs.py):
for a verb in a spaCy parse, the most specific pattern that matches its phrase, with the CAMEO code,
the PLOVER type and the tokens the pattern marks as source ($) and target (+).

A pattern matches as PETRARCH matches it: its words before ``*`` appear in order among the words
before the verb in its clause (subject, auxiliaries, negation), its words after ``*`` in order
among the words of the verb's phrase (particle, objects, prepositional phrases, an infinitive
complement), not in a clause of its own. A word is a stem unless it ends with ``_`` (a word of four
letters or more matches the words it begins: ``resum`` matches "resumed" and "resumption");
``&NAME`` is any word of a synonym set. The most specific match is the one with the most words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import DataFileError
from tidings.yamlfile import load_yaml

NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
# Dependents whose words are not the verb's phrase: clauses with their own verb, and punctuation.
OWN_CLAUSE = frozenset({"ccomp", "advcl", "parataxis", "conj", "cc", "punct", "mark", "csubj", "dep", "appos"})
CLAUSES = frozenset({"ccomp", "advcl", "parataxis", "relcl", "acl"})
STEM = 4  # shortest pattern word that matches as a stem (the words it begins)
# How far below the verb a pattern's words are looked for: verb → object → preposition → its
# object ("imposed sanctions on Iran", "withdrew troops from the border"); deeper words belong to
# other phrases (set on the tune part of the dev data).
DEPTH = 3
SKIP = frozenset({"%", "^"})  # compound actors and skipped phrases: no word to find
MARKS = frozenset({"$", "+", "%", "^"})


@dataclass(frozen=True, slots=True)
class Pattern:
    block: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    cameo: str  # "---": codes nothing
    plover: str | None  # None: the code maps to no PLOVER type (a statement, an appeal): no event
    weight: int  # words (not markers) the pattern needs beyond the verb
    bare_ok: bool = True  # for a pattern of no words: may the bare verb code its default?
    verbs: frozenset[str] = frozenset()  # the block's verbs it was found with; empty: all of them

    @property
    def text(self) -> str:
        return " ".join([*self.before, "*", *self.after])


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    cameo: str
    plover: str
    source: Any | None  # the token a "$" marked, else None: the subject
    target: Any | None  # the token a "+" marked, else None: the default slots

    @property
    def rule(self) -> str:
        return f"cameo.{self.pattern.block}[{self.pattern.text}]"


@dataclass(frozen=True, slots=True)
class Sense:
    """A verb as one block lists it: the words a multi-word verb needs ("pull out"), and its own
    pattern of no further words, with the code the bare verb gives."""

    block: str
    extra: tuple[str, ...]
    own: Pattern


@dataclass
class VerbDict:
    sets: dict[str, frozenset[str]]
    senses: dict[str, list[Sense]]  # lemma → the blocks that list it
    # block → key word → the block's patterns whose first word is that key ("" for none)
    blocks: dict[str, dict[str, list[Pattern]]]
    target: tuple[str, ...]
    strength: dict[str, float]
    # Words that, first after the verb in a pattern, are its particle (verbdict.yaml ``particles``)
    particles: frozenset[str] = frozenset()
    _words: frozenset[str] | None = field(default=None, repr=False)
    # set name → (its words, the stems among them): a word is found in a set by two look-ups
    _set_index: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for name, members in self.sets.items():
            words = frozenset(m.rstrip("_") for m in members)
            stems = frozenset(m for m in members if not m.endswith("_") and len(m) >= STEM)
            self._set_index[name] = (words, stems)

    @property
    def verb_words(self) -> frozenset[str]:
        """Every verb lemma with a pattern that can code an event (cached)."""
        if self._words is None:
            self._words = frozenset(self.senses)
        return self._words

    def match(self, verb: Any) -> Match | None:
        """The most specific pattern matching ``verb``'s phrase, or None; a match whose code is
        no PLOVER type (``---``, a statement) is no event and also gives None."""
        lemma = verb.lemma_.lower()
        senses = self.senses.get(lemma)
        if senses is None:
            return None
        before, after = phrase(verb)
        keys = _keys(before) | _keys(after)
        keys.add("")
        best: tuple[tuple[int, int, int], Pattern, Sense, Any, Any] | None = None
        for sense in senses:
            by_key = self.blocks.get(sense.block, {})
            # Keys in a fixed order: of two patterns that rank alike the first wins, and a set's
            # order changes with each process's string hashing.
            cands = [sense.own, *(p for key in sorted(keys) for p in by_key.get(key, ()))]
            for pat in cands:
                if pat.verbs and lemma not in pat.verbs:
                    continue
                weight = pat.weight + (len(sense.extra) if pat is not sense.own else 0)
                if best is not None and weight < best[0][0]:
                    continue
                extra = sense.extra if pat is not sense.own else ()
                found = self._fits(pat.before, extra + pat.after, before, after, verb)
                if found is None:
                    continue
                rank = (weight, sum(t is not None for t in found), len(pat.cameo))
                if best is None or rank > best[0]:
                    best = (rank, pat, sense, found[0], found[1])
        if best is None:
            return None
        (weight, _, _), pat, sense, src, tgt = best
        # A match of no words (the bare verb, or only markers: "$ * +") codes where the bare verb may.
        if pat.plover is None or (weight == 0 and not sense.own.bare_ok):
            return None
        return Match(pat, pat.cameo, pat.plover, src, tgt)

    def _fits(
        self,
        want_before: tuple[str, ...],
        want_after: tuple[str, ...],
        before: list[Word],
        after: list[Word],
        verb: Any = None,
    ) -> tuple[Any, Any] | None:
        marks: dict[str, Any] = {}
        if not self._in_order(want_before, before, marks) or not self._in_order(want_after, after, marks, verb):
            return None
        return marks.get("$"), marks.get("+")

    def _in_order(self, words: tuple[str, ...], tokens: list[Word], marks: dict[str, Any], verb: Any = None) -> bool:
        at = 0
        first = next((w for w in words if w not in SKIP and w not in ("$", "+")), None)
        for w in words:
            if w in SKIP:
                continue
            if w in ("$", "+"):
                # A marked actor is the next noun; where none follows, the default roles stand.
                hit = next((k for k in range(at, len(tokens)) if tokens[k][2]), None)
                if hit is not None:
                    marks.setdefault(w, tokens[hit][3])
                    at = hit + 1
                continue
            k = at
            if w.startswith("&"):
                entry = self._set_index.get(w[1:])
                while k < len(tokens) and not (entry is not None and _in_set(entry, tokens[k])):
                    k += 1
            else:
                while k < len(tokens) and not _fits_word(w, tokens[k]):
                    k += 1
            if k == len(tokens):
                return False
            if verb is not None and w == first and w in self.particles and tokens[k][3].head.i != verb.i:
                return False  # "give in" is the verb's own particle, not "in" of another phrase
            at = k + 1
        return True


# A word of a phrase: its lower-case form, its lemma, whether it is a noun, and the token.
Word = tuple[str, str, bool, Any]


def _fits_word(w: str, word: Word) -> bool:
    lower, lemma = word[0], word[1]
    if w.endswith("_"):
        w = w[:-1]
        return lower == w or lemma == w
    return lower == w or lemma == w or (len(w) >= STEM and (lower.startswith(w) or lemma.startswith(w)))


def _in_set(entry: tuple[frozenset[str], frozenset[str]], word: Word) -> bool:
    words, stems = entry
    lower, lemma = word[0], word[1]
    if lower in words or lemma in words:
        return True
    return any(form[:k] in stems for form in (lower, lemma) for k in range(STEM, len(form)))


def _keys(tokens: Iterable[Word]) -> set[str]:
    """The words and stems a phrase offers, to find the patterns that can match it."""
    out: set[str] = set()
    for lower, lemma, _, _ in tokens:
        for form in (lower, lemma):
            out.add(form)
            out.update(form[:k] for k in range(STEM, len(form)))
    return out


def phrase(verb: Any) -> tuple[list[Word], list[Word]]:
    """The words before ``verb`` in its clause and the words of its phrase after it, in order, no
    deeper than ``DEPTH`` below the verb ("imposed → sanctions → on → Iran") and not in a clause
    of their own. In a passive clause the subject is the verb's object and counts among the words
    after it."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    before: list[Word] = []
    after: list[Word] = []
    for child in verb.children:
        if child.dep_ in OWN_CLAUSE:
            continue
        tokens = [child]
        _below(child, 1, tokens)
        tokens.sort(key=lambda t: t.i)
        words = [(t.lower_, t.lemma_.lower(), t.pos_ in NOMINAL, t) for t in tokens if not (t.is_punct or t.is_space)]
        if passive and child.dep_ == "nsubjpass":
            after[:0] = words
        elif child.i < verb.i:
            before.extend(words)
        else:
            after.extend(words)
    return before, after


def _below(token: Any, depth: int, out: list[Any]) -> None:
    """The dependents of ``token`` down to ``DEPTH`` below the verb, leaving out clauses of their own."""
    if depth >= DEPTH:
        return
    for c in token.children:
        if c.dep_ in CLAUSES and c.pos_ in ("VERB", "AUX"):
            continue
        out.append(c)
        _below(c, depth + 1, out)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _key(p: Pattern) -> str:
    """The first plain word of a pattern (after the verb, else before it), by which it is found."""
    words = (w for w in p.after + p.before if w not in MARKS and not w.startswith("&"))
    return next((w.rstrip("_") for w in words), "")


def _index(rows: list[tuple[int, list[str]]], policy: dict[str, Any], where: str) -> VerbDict:
    sets: dict[str, frozenset[str]] = {}
    block_code: dict[str, str] = {}
    # Function words (auxiliaries, prepositions) do not make a pattern more specific than the verb.
    light = frozenset(str(w) for w in policy.get("function_words") or ())
    found_only = bool(policy.get("found_with", True))
    verbs: list[tuple[str, tuple[str, ...], str, str, str | None]] = []
    blocks: dict[str, list[Pattern]] = {}
    for n, row in rows:
        if row[0] == "S" and len(row) == 3:
            # A member of several words ("prime_minister") is found by its last word.
            sets[row[1]] = frozenset(
                m.strip("_").split("_")[-1] + ("_" if m.endswith("_") else "") for m in row[2].split()
            )
        elif row[0] == "B" and len(row) == 4:
            block_code[row[1]] = row[2]
        elif row[0] == "V" and len(row) == 6:
            verbs.append((row[1], _tokens(row[2]), row[3], row[4], row[5] or None))
        elif row[0] == "P" and len(row) == 7:
            before, after = _tokens(row[2]), _tokens(row[3])
            weight = sum(w not in MARKS and w.rstrip("_") not in light for w in before + after)
            found_with = frozenset(row[6].split()) if found_only else frozenset()
            blocks.setdefault(row[1], []).append(
                Pattern(row[1], before, after, row[4], row[5] or None, weight, verbs=found_with)
            )
        else:
            raise DataFileError(f"{where}:{n}: expected an S (3 fields), B (4), V (6) or P (7 fields) row")
    bare = str(policy.get("bare", "head"))
    if bare not in ("head", "all", "none"):
        raise DataFileError(f"verbdict.yaml: bare must be head, all or none, not {bare!r}")
    needs_pattern = frozenset(str(w) for w in policy.get("needs_pattern") or ())
    # Verbs of saying, and verbs whose subject undergoes what the object names ("faces a threat
    # from Mali", "suffered an attack"), are never the dictionary's events.
    saying = frozenset(str(w) for w in [*(policy.get("saying") or ()), *(policy.get("undergo") or ())])
    keyed: dict[str, dict[str, list[Pattern]]] = {}
    for name, pats in blocks.items():
        for p in pats:
            keyed.setdefault(name, {}).setdefault(_key(p), []).append(p)
    senses: dict[str, list[Sense]] = {}
    for lemma, extra, block, code, plover in verbs:
        if lemma in saying:
            continue
        # The bare verb codes its default where the policy lets it: in "head" mode the verb that
        # names its block, or a verb listed with a code of its own.
        head = block == lemma or code != block_code.get(block, code)
        bare_ok = not extra and lemma not in needs_pattern and (bare == "all" or (bare == "head" and head))
        senses.setdefault(lemma, []).append(
            Sense(block, extra, Pattern(block, (), extra, code, plover, len(extra), bare_ok))
        )
    # A verb that can code no event is no candidate.
    senses = {
        lemma: ss
        for lemma, ss in senses.items()
        if any(
            (s.own.plover and (s.extra or s.own.bare_ok))
            or any(
                p.plover and (p.weight or s.own.bare_ok) and (not p.verbs or lemma in p.verbs)
                for p in blocks.get(s.block, ())
            )
            for s in ss
        )
    }
    strength = {str(k): float(v) for k, v in (policy.get("strength") or {}).items()}
    return VerbDict(
        sets=sets,
        senses=senses,
        blocks=keyed,
        target=tuple(str(s) for s in policy.get("target") or ("dobj",)),
        strength={"pattern": 0.55, "bare": 0.45, **strength},
        particles=frozenset(str(w) for w in policy.get("particles") or ()),
    )


def build(text: str, policy: dict[str, Any], where: str = "<verb dictionary>") -> VerbDict:
    """A VerbDict from the converted dictionary ``text`` and the usage ``policy`` (verbdict.yaml)."""
    rows = [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#")]
    return _index(rows, policy, where)


@lru_cache(maxsize=1)
def _policy() -> dict[str, Any]:
    """The usage policy (events/data/verbdict.yaml), read once."""
    text = (resources.files("tidings.events") / "data" / "verbdict.yaml").read_text(encoding="utf-8")
    policy: dict[str, Any] = load_yaml(text) or {}
    return policy


@lru_cache(maxsize=1)
def load_verbdict() -> VerbDict:
    """The shipped verb dictionary with its usage policy, loaded once: from the table cache
    (``tidings.tablecache``) when its files and tidings' code are as they were."""
    from tidings.tablecache import Key, cached

    data = resources.files("tidings.events") / "data"
    key = Key("verbdict").source().files([Path(str(data / "verbdict.yaml")), Path(str(data / "cameo_verbs" / "verbs.tsv"))])
    return cached(key, _build_verbdict)


def _build_verbdict() -> VerbDict:
    text = (resources.files("tidings.events") / "data" / "cameo_verbs" / "verbs.tsv").read_text(encoding="utf-8")
    return build(text, _policy(), "events/data/cameo_verbs/verbs.tsv")


@lru_cache(maxsize=1)
def receiving_verbs() -> frozenset[str]:
    """Verbs whose subject is given what their object names (verbdict.yaml's ``receiving``)."""
    return frozenset(str(w) for w in _policy().get("receiving") or ())


@lru_cache(maxsize=1)
def undergo_verbs() -> frozenset[str]:
    """Verbs whose subject undergoes what their object names (verbdict.yaml's ``undergo``)."""
    return frozenset(str(w) for w in _policy().get("undergo") or ())
