"""Misspelt names of states and their peoples ("Afganistan", "Quatar", "Ghanians"), matched with
rapidfuzz against the base's state names and demonyms. Only names of five letters or more are
tried, and only a close match counts: a short or loose match is more often another word."""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz, process

from tidings.actors.kb import Alias, KnowledgeBase

MIN_LENGTH = 5
MIN_SCORE = 88.0


_cache: dict[tuple[int, int], tuple[list[str], list[Alias]]] = {}


def _choices(kb: KnowledgeBase) -> tuple[list[str], list[Alias]]:
    key = (id(kb), len(kb.aliases))
    if key in _cache:
        return _cache[key]
    aliases = [
        a
        for a in kb.aliases
        if a.entity.kind == "state" and a.how in ("dictionary", "adjective") and len(a.text) >= MIN_LENGTH
    ]
    _cache[key] = ([a.text.casefold() for a in aliases], aliases)
    return _cache[key]


def spelled_like(text: str, kb: KnowledgeBase) -> Alias | None:
    """The state name or demonym ``text`` is a misspelling of, or None."""
    if len(text) < MIN_LENGTH or not text[:1].isupper():
        return None
    names, aliases = _choices(kb)
    found = process.extractOne(text.casefold(), names, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
    if found is None:
        return None
    # Two states equally near ("Austria"/"Australia" for a typo of either) is no answer.
    rivals = process.extract(text.casefold(), names, scorer=fuzz.ratio, score_cutoff=found[1], limit=5)
    if len({aliases[i].entity.entity_id for _, _, i in rivals}) > 1:
        return None
    return aliases[found[2]]


_people_cache: dict[tuple[int, int], tuple[list[str], list[Alias]]] = {}
# A person's full name spelt another way ("Arpad Gencz" for Árpád Göncz in Xinhua's English): a
# closer match than for states, since people's names are many and alike.
PERSON_MIN_SCORE = 90.0


def _people(kb: KnowledgeBase) -> tuple[list[str], list[Alias]]:
    key = (id(kb), len(kb.aliases))
    if key not in _people_cache:
        aliases = [
            a
            for a in kb.aliases
            if a.entity.kind == "person" and a.how in ("dictionary", "imported") and " " in a.text and a.entity.terms
        ]
        _people_cache[key] = ([a.text.casefold() for a in aliases], aliases)
    return _people_cache[key]


def person_spelled_like(text: str, kb: KnowledgeBase, on: date | None) -> Alias | None:
    """The known person whose full name ``text`` (two words or more) is another spelling of: one in
    office on the report's date ``on``, the only one that near, with the same initials. A person out
    of office then is no answer: a name spelt alike is more often another man."""
    words = text.split()
    if on is None or len(words) < 2 or len(text) < 2 * MIN_LENGTH:
        return None
    initials = tuple(w[:1].casefold() for w in words)
    names, aliases = _people_by_initials(kb).get(initials, ([], []))
    found = process.extract(text.casefold(), names, scorer=fuzz.ratio, score_cutoff=PERSON_MIN_SCORE, limit=10)
    hits = {aliases[i].entity.entity_id: aliases[i] for _, _, i in found if aliases[i].entity.term_on(on) is not None}
    return next(iter(hits.values())) if len(hits) == 1 else None


_initials_cache: dict[tuple[int, int], dict[tuple[str, ...], tuple[list[str], list[Alias]]]] = {}


def _people_by_initials(kb: KnowledgeBase) -> dict[tuple[str, ...], tuple[list[str], list[Alias]]]:
    """The base's full names of people, grouped by their initials ("a", "g" for Arpad Goncz): a
    name spelt another way keeps its initials, and a group is a few dozen names, not thousands."""
    key = (id(kb), len(kb.aliases))
    if key not in _initials_cache:
        groups: dict[tuple[str, ...], tuple[list[str], list[Alias]]] = {}
        names, aliases = _people(kb)
        for name, alias in zip(names, aliases, strict=True):
            group = groups.setdefault(tuple(w[:1] for w in name.split()), ([], []))
            group[0].append(name)
            group[1].append(alias)
        _initials_cache[key] = groups
    return _initials_cache[key]
