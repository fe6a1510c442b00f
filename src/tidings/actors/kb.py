"""The actor knowledge base: states, people with terms in office, organisations, outlets, role words.

Everything is read from the data files in ``actors/data/`` (and any extra directory named by the
``TIDINGS_ACTORS_DIR`` environment variable, whose files of the same names add to the shipped ones).
Loaded once per process.

Precedence: the curated tables (countries.csv, demonyms.csv, regions.csv, people.yaml,
officials.csv, organisations.yaml, groups.yaml, outlets.yaml, agents.yaml, with a user's files of
the same names) come first; dictionaries imported with ``tidings actors import`` next; the tables
converted from PETRARCH2's Phoenix dictionaries (``actors/data/phoenix/``, made by
``scripts/convert_phoenix.py``) last, at the lowest precedence. A Phoenix name that an earlier
table already uses (for anything) is dropped, so the curated meaning of "Moscow" or "Bush" stands;
a Phoenix person or body whose name is a curated entry of the same kind is that entry: it adds its
other names to it, and the curated terms of office, country and sector stand; a Phoenix role word
never overrides a curated one.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import DataFileError
from tidings.records import Actor
from tidings.yamlfile import load_yaml

SAME = "="  # a term held for the person's own state


@dataclass(frozen=True, slots=True)
class Term:
    role: str
    sector: str | None
    start: date | None
    end: date | None
    country: str | None = SAME  # a term held for another body (a UN post) has its own: None for IGO posts

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    """One thing the text can name: a state, a person, an organisation or an outlet."""

    entity_id: str
    name: str
    kind: str  # state | person | org | outlet
    country: str | None
    sector: str | None = None
    terms: tuple[Term, ...] = ()

    def actor(self, on: date | None = None, sector: str | None = None) -> Actor:
        """The actor this entity is on ``on``: a person takes the role that held that day."""
        if self.kind == "person" and self.terms:
            term = self.term_on(on)
            if term is None:  # out of office: the sector a person has outside office, if any (ELI)
                return Actor(self.entity_id, self.name, self.country, self.sector, "person")
            country = self.country if term.country == SAME else term.country
            return Actor(self.entity_id, self.name, country, term.sector, "person", term.start, term.end)
        sec = sector or self.sector
        actor_id = self.entity_id if sector is None else f"{self.country or self.entity_id}{sector}"
        return Actor(actor_id, self.name, self.country, sec, self.kind)

    def term_on(self, on: date | None) -> Term | None:
        if on is None:
            return self.terms[-1]  # no report date: the latest office is the best guess we can label
        held = [t for t in self.terms if t.holds_on(on)]
        return held[-1] if held else None


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    entity: Entity
    how: str  # dictionary | short | metonymy | adjective


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str
    lat: float
    lon: float
    feature: str


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)
    cities: dict[str, City] = field(default_factory=dict)
    outlet_domains: dict[str, str] = field(default_factory=dict)
    stems: dict[str, Alias] = field(default_factory=dict)  # imported TABARI stems: "argentin" → ARG
    successions: dict[str, tuple[date, str]] = field(default_factory=dict)  # SSD → (2011-07-09, SDN)
    _index: dict[str, list[Alias]] = field(default_factory=dict, repr=False)
    _indexed: int = 0

    def add(self, entity: Entity, names: Iterable[str], how: str = "dictionary") -> None:
        self.entities.setdefault(entity.entity_id, entity)
        entity = self.entities[entity.entity_id]
        for name in names:
            for variant in _variants(name):
                self.aliases.append(Alias(variant, entity, how))

    def state(self, iso3: str) -> Entity | None:
        return self.entities.get(iso3)

    def find(self, text: str) -> list[Alias]:
        if self._indexed != len(self.aliases):  # aliases were added since the index was built
            self._index.clear()
            for a in self.aliases:
                self._index.setdefault(a.text.casefold(), []).append(a)
            self._indexed = len(self.aliases)
        return self._index.get(text.strip().casefold(), [])


def _variants(name: str) -> set[str]:
    """Spelling variants the text may use: hyphen or space, with or without a leading 'the'."""
    name = name.strip()
    out = {name}
    if "-" in name:
        out.add(name.replace("-", " "))
    if name.lower().startswith("the "):
        out.add(name[4:])
    return {v for v in out if v}


def _date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) == 7:  # YYYY-MM: the month is known, not the day
        text += "-01"
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise DataFileError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split(";") if v.strip()]


def _data_files(name: str) -> list[tuple[str, str]]:
    """(where, text) for the shipped file ``name`` and a user's file of the same name, if any."""
    shipped = resources.files("tidings.actors") / "data" / name
    out = [(f"actors/data/{name}", shipped.read_text(encoding="utf-8"))]
    extra = os.environ.get("TIDINGS_ACTORS_DIR")
    if extra and (Path(extra) / name).is_file():
        out.append((str(Path(extra) / name), (Path(extra) / name).read_text(encoding="utf-8")))
    return out


def _load_countries(kb: KnowledgeBase) -> None:
    for where, text in _data_files("countries.csv"):
        lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
        for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), 2):
            try:
                iso3 = row["iso3"].strip().upper()
                if len(iso3) != 3:
                    raise ValueError(f"iso3 {iso3!r} is not three letters")
                state = Entity(iso3, row["name"].strip(), "state", iso3)
                kb.add(state, [row["name"], *_split(row["aliases"])])
                kb.add(state, _split(row["adjectives"]), how="adjective")
                capital = row["capital"].strip()
                if capital:
                    kb.add(state, [capital], how="metonymy")
                    kb.cities[capital.casefold()] = City(capital, iso3, float(row["lat"]), float(row["lon"]), "capital")
                kb.add(state, _split(row["seats"]), how="metonymy")
            except (KeyError, ValueError, AttributeError) as exc:
                raise DataFileError(f"{where}:{n}: bad country row: {exc}") from exc


def _load_iso_states(kb: KnowledgeBase) -> None:
    """Every ISO 3166-1 state the data file does not list, by its ISO names (from pycountry), so that
    no state goes unrecognised; countries.csv adds aliases, demonyms, capitals and seats of power."""
    import pycountry

    known = {a.text.casefold() for a in kb.aliases}
    # "Congo, The Democratic Republic of the" must not take "Congo", the other state's name.
    iso_names = {c.name.casefold() for c in pycountry.countries}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        if iso3 in kb.entities:
            continue
        names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
        short = country.name.split(",")[0].strip()
        if short.casefold() not in known and short.casefold() not in iso_names:
            names.append(short)  # "Bolivia, Plurinational State of" → "Bolivia"
        state = Entity(iso3, names[0] or country.name, "state", iso3)
        kb.add(state, [n for n in names if n])


def _load_demonyms(kb: KnowledgeBase) -> None:
    """Demonyms, capitals and other names for the states countries.csv does not list in full."""
    for where, n, row in _csv_rows("demonyms.csv"):
        state = _known_state(kb, row.get("iso3"), where, n)
        kb.add(state, _split(row.get("aliases")))
        kb.add(state, _split(row.get("adjectives")), how="adjective")
        capital = (row.get("capital") or "").strip()
        if capital:
            kb.add(state, [capital], how="metonymy")


def _csv_rows(name: str) -> Iterable[tuple[str, int, dict[str, str]]]:
    for where, text in _data_files(name):
        lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
        for n, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), 2):
            yield where, n, row


def _known_state(kb: KnowledgeBase, code: str | None, where: str, n: int) -> Entity:
    state = kb.entities.get((code or "").strip().upper())
    if state is None or state.kind != "state":
        raise DataFileError(f"{where}:{n}: {code!r} is not a known ISO 3166 state")
    return state


def _load_regions(kb: KnowledgeBase) -> None:
    """Regions and territories that stand for their state as places ("fighting in Darfur")."""
    for where, n, row in _csv_rows("regions.csv"):
        kb.add(_known_state(kb, row.get("iso3"), where, n), _split(row.get("regions")), how="region")


def _load_successions(kb: KnowledgeBase) -> None:
    for where, n, row in _csv_rows("successions.csv"):
        state = _known_state(kb, row.get("iso3"), where, n)
        whole = _known_state(kb, row.get("part_of"), where, n)
        until = _date(row.get("until"), f"{where}:{n}")
        if until is None:
            raise DataFileError(f"{where}:{n}: no date in 'until'")
        kb.successions[state.entity_id] = (until, whole.entity_id)


@dataclass
class _PersonSpec:
    name: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)


def _load_people(kb: KnowledgeBase) -> None:
    """People from people.yaml (a person with roles) and officials.csv (one row per term), merged
    by name: a person named in both has the terms of both."""
    specs: dict[str, _PersonSpec] = {}

    def spec(name: str, country: str | None) -> _PersonSpec:
        return specs.setdefault(name, _PersonSpec(name, country))

    for where, text in _data_files("people.yaml"):
        for n, row in enumerate(load_yaml(text) or [], 1):
            at = f"{where} entry {n}"
            try:
                s = spec(str(row["name"]), row.get("country"))
                s.aliases += [str(a) for a in row.get("aliases") or []]
                s.short += [str(a) for a in row.get("short") or []]
                s.terms += [
                    Term(str(t["role"]), t.get("sector"), _date(t.get("from"), at), _date(t.get("to"), at))
                    for t in row.get("roles") or []
                ]
            except (KeyError, TypeError) as exc:
                raise DataFileError(f"{at}: bad person entry: {exc}") from exc
    for where, n, row in _csv_rows("officials.csv"):
        at = f"{where}:{n}"
        try:
            country = (row["country"] or "").strip().upper() or None
            s = spec(row["name"].strip(), country)
            if country and s.country is None and not s.terms:
                s.country = country
            s.aliases += _split(row.get("aliases"))
            s.short += _split(row.get("short"))
            s.terms.append(
                Term(
                    row["role"].strip(),
                    (row.get("sector") or "").strip() or None,
                    _date(row.get("from"), at),
                    _date(row.get("to"), at),
                    SAME if country == s.country else country,
                )
            )
        except (KeyError, AttributeError) as exc:
            raise DataFileError(f"{at}: bad official row: {exc}") from exc
    for s in specs.values():
        person = Entity(
            "P:" + s.name.lower().replace(" ", "-"),
            s.name,
            "person",
            s.country,
            terms=tuple(sorted(s.terms, key=lambda t: t.start or date.min)),
        )
        kb.add(person, [s.name, *dict.fromkeys(s.aliases)])
        kb.add(person, list(dict.fromkeys(s.short)), how="short")


def _load_orgs(kb: KnowledgeBase, name: str, kind: str) -> None:
    for where, text in _data_files(name):
        for n, row in enumerate(load_yaml(text) or [], 1):
            try:
                sector = "MED" if kind == "outlet" else row.get("sector")
                ent = Entity(str(row["id"]), str(row["name"]), kind, row.get("country"), sector)
            except (KeyError, TypeError) as exc:
                raise DataFileError(f"{where} entry {n}: bad {kind} entry: {exc}") from exc
            kb.add(ent, [row["name"], *(row.get("aliases") or [])])
            kb.add(ent, [str(a) for a in row.get("short") or []], how="short")
            for domain in row.get("domains") or []:
                kb.outlet_domains[str(domain).lower()] = ent.entity_id


def _load_agents(kb: KnowledgeBase) -> None:
    for where, text in _data_files("agents.yaml"):
        data = load_yaml(text) or {}
        if not isinstance(data, dict):
            raise DataFileError(f"{where}: expected a mapping of SECTOR: [role words]")
        for sector, words in data.items():
            for word in words or []:
                kb.agents[str(word).lower()] = str(sector)


def user_actors_dir() -> Path:
    """Where a user's actor files and imports live: $TIDINGS_ACTORS_DIR, else the XDG data directory."""
    given = os.environ.get("TIDINGS_ACTORS_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tidings" / "actors"


_SMALL = {"of", "the", "and", "for", "de", "du", "la", "al", "el", "bin", "von", "van"}


def _pretty(name: str) -> str:
    words = name.strip("_").replace("_", " ").split()
    return " ".join(
        w if any(c.isdigit() for c in w) else (w.lower() if k and w.lower() in _SMALL else w.capitalize())
        for k, w in enumerate(words)
    )


def _imported_names(names: list[str]) -> tuple[list[str], list[str]]:
    """(phrases, stems): TABARI writes names in capitals with "_" for spaces; a trailing "_" asks
    for the exact word, otherwise a one-word name is a stem."""
    phrases: list[str] = []
    stems: list[str] = []
    for raw in names:
        pretty = _pretty(raw)
        if not pretty:
            continue
        phrases.append(pretty)
        flat = raw.strip("_").replace("_", " ")
        if flat.isupper() and (len(flat) <= 6 or "." in flat):
            phrases.append(flat)  # acronyms stay in capitals: IMF, U.N.
        if not raw.endswith("_") and " " not in flat and len(flat) >= 4:
            stems.append(flat.lower())
    return phrases, stems


def _load_imported(kb: KnowledgeBase) -> None:
    folder = user_actors_dir() / "imported"
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        for word, sector in (data.get("agents") or {}).items():
            kb.agents.setdefault(str(word).lower(), str(sector))
        for n, rec in enumerate(data.get("actors") or [], 1):
            try:
                code = str(rec["code"]).upper()
                names = [str(x) for x in rec["names"]]
                terms = rec.get("terms") or []
            except (KeyError, TypeError) as exc:
                raise DataFileError(f"{path} actor {n}: bad imported entry: {exc}") from exc
            state_like = code[:3] not in _NON_STATE
            country = code[:3] if state_like else None
            if terms:
                at = f"{path} actor {n}"
                ent = Entity(
                    f"P:{code}:{names[0].lower()}",
                    _pretty(names[0]),
                    "person",
                    country,
                    terms=tuple(
                        sorted(
                            (
                                Term(
                                    str(t["code"]),
                                    str(t["code"])[3:6] or None,
                                    _date(t.get("from"), at),
                                    _date(t.get("to"), at),
                                )
                                for t in terms
                            ),
                            key=lambda t: t.start or date.min,
                        )
                    ),
                )
            elif len(code) == 3 and state_like:
                ent = Entity(code, _pretty(names[0]), "state", code)
            else:
                ent = Entity(code, _pretty(names[0]), "org", country, code[3:6] if state_like else code[:3])
            phrases, stems = _imported_names(names)
            kb.add(ent, phrases, how="imported")
            for stem in stems:
                kb.stems.setdefault(stem, Alias(stem, kb.entities[ent.entity_id], "imported"))


# Leading letters of codes that name a kind of actor, not a state (CAMEO's IGO, NGO, ...).
_NON_STATE = {"IGO", "NGO", "NGM", "IMG", "MNC", "UNO", "UAF", "EEC", "IMF", "G77"}


def _phoenix_text(name: str) -> str:
    return (resources.files("tidings.actors") / "data" / "phoenix" / name).read_text(encoding="utf-8")


def _phoenix_terms(cell: str, country: str | None, where: str) -> tuple[Term, ...]:
    """Terms from the ``terms`` cell (``CODE COUNTRY SECTOR FROM TO;...``, ``-`` for none; see
    tidings.actors.phoenix.term_cell). Parsed here directly: 18,000 people load on every start."""
    terms: list[Term] = []
    for part in cell.split(";") if cell else ():
        try:
            code, ctry, sector, start, end = part.split(" ")
            terms.append(
                Term(
                    code,
                    None if sector == "-" else sector,
                    None if start == "-" else date.fromisoformat(start),
                    None if end == "-" else date.fromisoformat(end),
                    SAME if ctry == (country or "-") else (None if ctry == "-" else ctry),
                )
            )
        except ValueError as exc:
            raise DataFileError(f"{where}: bad term {part!r} (CODE COUNTRY SECTOR FROM TO): {exc}") from exc
    return tuple(sorted(terms, key=lambda t: t.start or date.min))


def _load_phoenix(kb: KnowledgeBase) -> None:
    """The Phoenix tables, below everything else (see the module docstring for the rule)."""
    curated: dict[str, Entity] = {}
    for a in kb.aliases:
        curated.setdefault(a.text.casefold(), a.entity)
    # The same person or body: a Phoenix name that is a curated entry's own name (not any alias of
    # it: "President Bush" is a curated alias of one Bush and a Phoenix alias of the other).
    by_name = {e.name.casefold(): e for e in kb.entities.values() if e.kind != "state"}
    where = "actors/data/phoenix/actors.csv"
    lines = [ln for ln in _phoenix_text("actors.csv").splitlines() if not ln.startswith("#")]
    for n, row in enumerate(csv.DictReader(lines), 2):
        try:
            kind, name = row["kind"], row["name"]
            country = row["country"] or None
            aliases = [a for a in row["aliases"].split(";") if a]
            target: Entity | None
            if kind == "state":
                target = kb.entities.get(row["id"])
                if target is None:
                    continue
            else:
                target = next(
                    (
                        e
                        for a in (name, *aliases)
                        if (e := by_name.get(a.casefold())) is not None
                        and (e.kind == kind or "person" not in (e.kind, kind))
                    ),
                    None,
                )
                if target is None:
                    terms = _phoenix_terms(row["terms"], country, f"{where}:{n}")
                    target = Entity(row["id"], name, kind, country, row["sector"] or None, terms)
            names = [a for a in aliases if a.casefold() not in curated]
            short = [a for a in row["short"].split(";") if a and a.casefold() not in curated]
        except (KeyError, ValueError) as exc:
            raise DataFileError(f"{where}:{n}: bad Phoenix row: {exc}") from exc
        if not names and target.entity_id not in kb.entities:
            continue  # every name it has is taken by a curated entry: nothing left to find it by
        kb.add(target, names, how="imported")
        kb.add(target, short, how="short")
    lines = [ln for ln in _phoenix_text("agents.csv").splitlines() if not ln.startswith("#")]
    for row in csv.DictReader(lines):
        kb.agents.setdefault(row["word"], row["sector"])


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base, read from the table cache when nothing it is built from has changed
    (``tidings.tablecache``: the shipped tables, the user's actor files and imports, the
    countries pycountry knows, tidings' code), else built from them."""
    from tidings.tablecache import Key, cached

    key = (
        Key("actors")
        .source()
        .tree(Path(str(resources.files("tidings.actors") / "data")))
        .add(os.environ.get("TIDINGS_ACTORS_DIR") or "")
        .tree(user_actors_dir())
        .packages("pycountry")
    )
    return cached(key, build_kb)


def build_kb() -> KnowledgeBase:
    """The knowledge base, built from its tables."""
    kb = KnowledgeBase()
    _load_countries(kb)
    _load_iso_states(kb)
    _load_demonyms(kb)
    _load_regions(kb)
    _load_successions(kb)
    _load_people(kb)
    _load_orgs(kb, "organisations.yaml", "org")
    _load_orgs(kb, "groups.yaml", "org")
    _load_orgs(kb, "outlets.yaml", "outlet")
    _load_agents(kb)
    _load_imported(kb)
    _load_phoenix(kb)
    return kb
