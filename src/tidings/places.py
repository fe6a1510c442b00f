"""An offline gazetteer of capitals (from the actor tables) and states, name → Place."""

from __future__ import annotations

from tidings.actors.kb import KnowledgeBase, load_kb
from tidings.records import Place


def lookup(name: str, kb: KnowledgeBase | None = None) -> Place | None:
    """The place a name stands for: a capital city with coordinates, or a state."""
    kb = kb or load_kb()
    key = name.strip().casefold()
    city = kb.cities.get(key)
    if city is not None:
        return Place(city.name, city.country, city.lat, city.lon, city.feature)
    for alias in kb.find(name):
        if alias.entity.kind == "state" and alias.how == "dictionary":
            return Place(alias.entity.name, alias.entity.country, None, None, "country")
    return None
