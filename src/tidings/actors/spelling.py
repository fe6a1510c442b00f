"""Misspelt names of states and their peoples ("Afganistan", "Quatar", "Ghanians"), matched with
rapidfuzz against the base's state names and demonyms. Only names of five letters or more are
tried, and only a close match counts: a short or loose match is more often another word."""

from __future__ import annotations

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
