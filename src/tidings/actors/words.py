"""The word lists of coreference and of things that are not actors (``actors/data/coref.yaml`` and
``actors/data/nonactors.yaml``, each extended by a user's file of the same name), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tidings.actors.kb import _data_files
from tidings.errors import DataFileError
from tidings.yamlfile import load_yaml


@dataclass(frozen=True, slots=True)
class CorefWords:
    male: frozenset[str]
    female: frozenset[str]
    thing: frozenset[str]
    plural: frozenset[str]
    male_words: frozenset[str]
    female_words: frozenset[str]
    person_nouns: frozenset[str]
    people_nouns: frozenset[str]
    org_nouns: frozenset[str]
    state_nouns: frozenset[str]
    media_nouns: frozenset[str]
    it_verbs: frozenset[str]
    pronoun_window: int
    description_window: int
    features: frozenset[str]
    commentator_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    hazards: frozenset[str]
    regions: frozenset[str]
    pair_words: frozenset[str] = frozenset()
    pair_heads: frozenset[str] = frozenset()
    perpetrators: frozenset[str] = frozenset()
    placed_officials: frozenset[str] = frozenset()
    placed_civilians: frozenset[str] = frozenset()
    faiths: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()
    name_joins: frozenset[str] = frozenset()
    ngo_heads: frozenset[str] = frozenset()
    national_parties: tuple[tuple[str, frozenset[str]], ...] = ()
    collective_nouns: frozenset[str] = frozenset()
    former_words: frozenset[str] = frozenset()
    office_titles: frozenset[str] = frozenset()
    # (state, abbreviated titles, party tag pattern): marks of one state's politics next to a name
    national_marks: tuple[tuple[str, frozenset[str], str], ...] = ()

    @property
    def pronouns(self) -> frozenset[str]:
        return self.male | self.female | self.thing | self.plural

    @property
    def description_heads(self) -> frozenset[str]:
        """The last word of every description head ("prime minister" is found by "minister")."""
        words = self.person_nouns | self.org_nouns | self.state_nouns | self.media_nouns
        return frozenset(w.split()[-1] for w in words)


def _merged(name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for where, text in _data_files(name):
        data = load_yaml(text) or {}
        if not isinstance(data, dict):
            raise DataFileError(f"{where}: expected a mapping of lists")
        for key, value in data.items():
            if isinstance(value, dict):
                out.setdefault(key, {})
                for k, v in value.items():
                    out[key][k] = out[key].get(k, []) + list(v or []) if isinstance(v, list) else v
            elif isinstance(value, list):
                out[key] = out.get(key, []) + list(value)
            else:
                raise DataFileError(f"{where}: {key!r} must be a list or a mapping")
    return out


def _words(data: dict[str, Any], *path: str) -> frozenset[str]:
    node: Any = data
    for key in path:
        node = (node or {}).get(key)
    return frozenset(str(w).lower() for w in node or [])


@lru_cache(maxsize=1)
def coref_words() -> CorefWords:
    c = _merged("coref.yaml")
    n = _merged("nonactors.yaml")
    window = c.get("window") or {}
    return CorefWords(
        male=_words(c, "pronouns", "male"),
        female=_words(c, "pronouns", "female"),
        thing=_words(c, "pronouns", "thing"),
        plural=_words(c, "pronouns", "plural"),
        male_words=_words(c, "gender", "male"),
        female_words=_words(c, "gender", "female"),
        placed_officials=_words(c, "placed_officials"),
        placed_civilians=_words(c, "placed_civilians"),
        person_nouns=_words(c, "person_nouns"),
        people_nouns=_words(c, "people_nouns"),
        org_nouns=_words(c, "org_nouns"),
        state_nouns=_words(c, "state_nouns"),
        media_nouns=_words(c, "media_nouns"),
        it_verbs=_words(c, "it_verbs"),
        pronoun_window=int(window.get("pronoun", 3)),
        description_window=int(window.get("description", 6)),
        features=_words(n, "features"),
        commentator_nouns=_words(c, "commentator_nouns"),
        relation_nouns=_words(c, "relation_nouns"),
        hazards=_words(n, "hazards"),
        regions=_words(n, "regions"),
        faiths=_words(n, "faiths"),
        affiliations=_words(c, "affiliations"),
        name_joins=_words(c, "name_joins"),
        ngo_heads=_words(c, "ngo_heads"),
        perpetrators=_words(c, "perpetrators"),
        pair_words=_words(c, "pairs", "words"),
        pair_heads=_words(c, "pairs", "heads"),
        collective_nouns=_words(c, "collective_nouns"),
        former_words=_words(c, "former_words"),
        office_titles=_words(c, "office_titles"),
        national_parties=tuple(
            (str(state), frozenset(str(t) for t in marks.get("parties") or ()))
            for state, marks in (c.get("national_marks") or {}).items()
        ),
        national_marks=tuple(
            (str(state), frozenset(str(t) for t in marks.get("titles") or ()), str(marks.get("tag_pattern") or ""))
            for state, marks in (c.get("national_marks") or {}).items()
        ),
    )
