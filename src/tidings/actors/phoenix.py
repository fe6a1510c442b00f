"""PETRARCH2's Phoenix dictionaries as tidings' bundled actor tables (``actors/data/phoenix/``).

``scripts/convert_phoenix.py`` reads the dictionary files with :mod:`tidings.actors.petrarch`, turns
the actor entries into :class:`Row` s with :func:`rows` and writes them with :func:`to_csv` (the role
words with :func:`agents_csv`); ``kb.load_kb`` reads the result below every curated table.

Codes: a state's own code (``[AFG]``) makes the entry that state's (its names become the state's
names); an entry with dated codes is a person, whose dated codes become terms of office; any other
entry is an organisation. ``IGO``/``NGO``/``NGM``/``IMG``/``MNC`` codes have no country and keep
that prefix as the sector; CAMEO region and former-state codes (``MEAREB``, ``SUNGOV``) have no
country either. ``ELI`` (an elite out of office) is no term: it is the person's sector on the days
no term holds, so that "in office on the report's date" means an office.

This module also holds the policy that decides which names are safe to match.

The Phoenix files hold about 30,000 names written for TABARI, which matched upper-cased text word
by word with stems. Matched as they are against news text, many of them misfire, so:

- Stems are read as whole words. A one-word name without a trailing ``_`` is a TABARI stem
  (``NIGER`` matches any word that starts with it), which in prose also matches "Nigeria" and
  "Nigerian", another state; tidings matches the written word only.
- A one-word name is kept only when it is no English word: the lower-cased word must be absent from
  the English word list given (the spaCy model's WordNet lemma index). "Chad", "Jordan", "Bush",
  "Mobile", "Apple" and "Care" name states, people and companies but are words in prose,
  headlines and sentence starts. Acronyms stay in capitals (``IAEA``) and are dropped when they
  spell a word (``HOPE``). Names of fewer than four letters are dropped.
- A one-word name that two entries share (two men called "Karimov") names neither, and a person's
  one-word name ("Khalid") is a first name or surname many share: each is kept only as a short
  name (see below).
- A multi-word name of an organisation or a state made only of English words ("Security Forces",
  "Central Bank", "National Assembly") is a description in title case, not a name, and is dropped,
  unless it has three words or more and no entry of another code shares it ("Organization of African
  Unity", "International Court of Justice", "Federal Emergency Management Agency", "Moro Islamic
  Liberation Front"): descriptions are short, and a long title-case phrase is a name. A shared one
  ("Peoples Liberation Army", CHNMIL and TURREB) names none.
- An organisation's acronym that is also an English word is kept when the word is a noun only
  ("FBI", "CIA", "IMF", "IDF": the word list holds them as nouns), and dropped when it is also a verb,
  an adjective or an adverb ("HOPE", "ZERO"); a state's one-word names go through the word rule
  above (the curated tables name every state).
- A person's other names are kept when they carry the surname or a word that is no English word
  ("President Clinton", "Abu Mazen"); a person's title alone ("US President") is dropped.
- A person's surname (the last word of the full name) is kept as a ``short`` name: it resolves in a
  report only after the full name has appeared there (as tidings' curated people do), and
  ``tidings actors lookup`` lists it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

from tidings.actors.petrarch import ActorEntry, CodedSpan

# Code prefixes the field gives actors that belong to no state: kept as the sector, with no country,
# as kb.py does for imported dictionaries (CAMEO's IGO, NGO, IMG, MNC and PETRARCH's NGM).
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC"})
_SMALL = frozenset({"of", "the", "and", "for", "de", "du", "la", "al", "el", "bin", "ibn", "von", "van", "da", "der"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "st"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_VOWELS = set("AEIOUY")
MIN_WORD = 4  # one-word names shorter than this are dropped


@dataclass(frozen=True, slots=True)
class Term:
    code: str
    country: str | None
    sector: str | None
    start: str | None  # ISO date, inclusive
    end: str | None  # ISO date, exclusive


@dataclass(frozen=True, slots=True)
class Row:
    entity_id: str
    kind: str  # state | person | org
    name: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    short: tuple[str, ...]
    terms: tuple[Term, ...]


def _cap(word: str, acronyms: frozenset[str], first: bool) -> str:
    up = word.upper()
    if "." in word or any(c.isdigit() for c in word) or up in acronyms:
        return up
    if len(word) >= 3 and not (set(up) & _VOWELS) and word.isupper() and word.lower() not in _HONORIFICS:
        return up  # BBC, CNN: no vowel, no name
    low = word.lower()
    if not first and low in _SMALL:
        return low
    out = low[:1].upper() + low[1:]
    if len(out) > 2 and out[1] == "'":  # O'Brien, D'Alema
        out = out[:2] + out[2].upper() + out[3:]
    if out.startswith("Mc") and len(out) > 2:
        out = "Mc" + out[2].upper() + out[3:]
    return out


def pretty(raw: str, acronyms: frozenset[str]) -> list[str]:
    """The ways a report writes a TABARI name: ``BAN_KI-MOON`` → ["Ban Ki-moon", "Ban Ki-Moon"]."""
    words = [w for w in re.split(r"[_\s]+", raw.strip()) if w]
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    if not words:
        return []
    plain = [_cap(w, acronyms, k == 0) for k, w in enumerate(words)]
    out = [" ".join(plain)]
    if any("-" in w for w in plain):
        out.append(" ".join("-".join(_cap(p, acronyms, k == 0) for p in w.split("-")) for k, w in enumerate(plain)))
    return list(dict.fromkeys(out))


def _acronym(raw: str) -> str | None:
    flat = raw.strip("_").replace("_", "")
    letters = flat.replace(".", "").replace("&", "")
    if flat.isupper() and letters.isalpha() and 3 <= len(letters) <= 6 and " " not in raw.strip("_"):
        return flat
    return None


def _is_word(text: str, common: frozenset[str]) -> bool:
    return text.lower() in common


LONG_NAME = 3  # words: a title-case phrase this long is a name even when every word is English


def _usable(text: str, kind: str, surnames: set[str], common: frozenset[str], shared: bool = False) -> bool:
    """The policy of the module docstring for one multi-word or one-word name (not acronyms);
    ``shared``: another entry, of another code, has the same name."""
    words = text.split()
    if len(text) < MIN_WORD:
        return False
    if len(words) == 1:
        return not _is_word(text, common) and not _is_word(text.replace("-", " "), common)
    if kind == "person":
        return any(w in surnames or (w.lower() not in _SMALL and not _is_word(w, common)) for w in words)
    if len(words) >= LONG_NAME and not shared:
        return True
    return any(w.lower() not in _SMALL and not _is_word(w, common) for w in words)


def _sector(rest: str, sectors: frozenset[str]) -> str | None:
    """The first sector code among the three-letter parts after the country: ``ASMGOV`` (American
    Samoa, government) → GOV; none for a code with no sector (``BIHSRP``, a region of a state)."""
    parts = [rest[k : k + 3] for k in range(0, len(rest) - 2, 3)]
    return next((p for p in parts if p in sectors), None)


def code_parts(code: str, states: frozenset[str], sectors: frozenset[str]) -> tuple[str | None, str | None, bool]:
    """(country, sector, bare) of a CAMEO code. ``bare`` is a sector code alone (``ELI``), which
    belongs to the country of the entry's other codes. Region and former-state codes (``MEAREB``,
    ``SUNGOV``) have no ISO 3166 state: no country, their sector kept."""
    head = code[:3]
    if head in TRANSNATIONAL:
        return None, head, False
    if head in states:
        return head, _sector(code[3:], sectors), False
    if len(code) == 3 and head in sectors:
        return None, head, True
    return None, _sector(code[3:], sectors), False


def _terms(
    codes: list[CodedSpan], states: frozenset[str], sectors: frozenset[str]
) -> tuple[str | None, str | None, list[Term]]:
    """(country, sector, terms) of a person. ELI (an elite out of office) is no term: it becomes the
    person's sector when no term holds, so that "in office on the day" means a real office."""
    parts = [(c, *code_parts(c.code, states, sectors)) for c in codes]
    undated = [country for c, country, _, bare in parts if not (c.start or c.end) and not bare and country]
    dated = [country for c, country, _, bare in parts if not bare and country]
    home = undated[0] if undated else (dated[-1] if dated else None)
    fallback = "ELI" if any(sector == "ELI" for _, _, sector, _ in parts) else None
    terms = [
        Term(
            c.code,
            home if bare else country,
            sector,
            c.start.isoformat() if c.start else None,
            c.end.isoformat() if c.end else None,
        )
        for c, country, sector, bare in parts
        if sector != "ELI"
    ]
    return home, fallback, terms


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", name.lower()).strip("-")


def rows(
    entries: list[ActorEntry],
    *,
    states: frozenset[str],
    sectors: frozenset[str],
    common: frozenset[str],
    acronyms: frozenset[str] = frozenset(),
    other_pos: frozenset[str] = frozenset(),
) -> list[Row]:
    """Rows for the entries of one or more actor files. ``states``: ISO 3166 alpha-3 codes; ``sectors``:
    CAMEO sector codes (from the agents file); ``common``: lower-case English words; ``acronyms``:
    words written in capitals whatever the dictionary says (``US``, ``UN``); ``other_pos``: the lower-case
    English words that are also verbs, adjectives or adverbs (an organisation's acronym that is one of
    them is a word, not a name)."""
    drafts: list[tuple[ActorEntry, str, list[str], list[str], str | None]] = []
    one_word: Counter[str] = Counter()
    codes_of: dict[str, set[str]] = {}
    for e in entries:
        first = e.codes[0].code
        dated = any(c.start or c.end for c in e.codes)
        if len(first) == 3 and first not in TRANSNATIONAL and first not in sectors:
            if first not in states:
                continue  # a region (AFR) or a former state (SUN): no ISO 3166 state to name
            kind = "state"  # dated codes of a state (YUGBIH before 1992) are successions.csv's work
        else:
            kind = "person" if dated else "org"
        names: list[str] = []
        acr: list[str] = []
        for raw in e.names:
            a = _acronym(raw) if kind != "person" else None
            if a is not None and (not _is_word(a, common) or (kind == "org" and a.lower() not in other_pos)):
                acr.append(a)  # in capitals it is an acronym (IAEA); as a word it goes through the policy
            names.extend(pretty(raw, acronyms))
        if not names and not acr:
            continue
        full = next((n for n in names if len(n.split()) > 1), names[0] if names else acr[0])
        words = [w for w in full.split() if w.lower() not in _SUFFIXES]
        surname = words[-1] if kind == "person" and len(words) > 1 else None
        drafts.append((e, kind, names, acr, surname))
        for n in dict.fromkeys(n for n in names if " " not in n):
            one_word[n] += 1
        for n in dict.fromkeys(n.casefold() for n in names if len(n.split()) >= LONG_NAME):
            codes_of.setdefault(n, set()).add(first)
    out: list[Row] = []
    taken: set[str] = set()
    for e, kind, names, acr, surname in drafts:
        surnames = {surname} if surname else set()
        short: list[str] = []
        kept: list[str] = []
        for n in names:
            if " " not in n and (one_word[n] > 1 or kind == "person"):
                if kind == "person" and len(n) >= 3:
                    # A person's one word alone ("Khalid", "Karimov") is a first name or a surname that
                    # many share: it names the person only once the full name has appeared.
                    short.append(n)
                continue
            if _usable(n, kind, surnames, common, len(codes_of.get(n.casefold(), ())) > 1):
                kept.append(n)
        if surname and len(surname) >= 3 and surname.lower() not in _SMALL:
            short.append(surname)
        kept = list(dict.fromkeys(kept + acr))
        short = [s for s in dict.fromkeys(short) if s not in kept]
        if not kept:
            continue
        name = kept[0] if kind == "state" else next((n for n in kept if " " in n), kept[0])
        country: str | None = e.codes[0].code
        sector: str | None = None
        terms: list[Term] = []
        if kind == "state":
            entity_id = e.codes[0].code
        else:
            country, sector, terms = _terms(e.codes, states, sectors)
            if kind == "org":
                country, sector, terms = (terms[0].country, terms[0].sector, []) if terms else (country, sector, [])
            base = ("P:" if kind == "person" else "O:") + _slug(name)
            entity_id = base if base not in taken else f"{base}:{_slug(e.codes[0].code)}"
            k = 2
            while entity_id in taken:
                entity_id, k = f"{base}:{k}", k + 1
        if kind != "state":
            taken.add(entity_id)
        out.append(Row(entity_id, kind, name, country, sector, tuple(kept), tuple(short), tuple(terms)))
    return out


HEADER = ["id", "kind", "name", "country", "sector", "aliases", "short", "terms"]
AGENT_HEADER = ["word", "sector"]


def _cell(values: tuple[str, ...] | list[str]) -> str:
    return ";".join(values)


def term_cell(terms: tuple[Term, ...]) -> str:
    """``CODE COUNTRY SECTOR FROM TO`` per term, ``-`` for none, ``;`` between terms (read back by
    kb._phoenix_terms)."""
    return ";".join(" ".join(v or "-" for v in (t.code, t.country, t.sector, t.start, t.end)) for t in terms)


def to_csv(header_comment: str, table: list[Row]) -> str:
    buf = io.StringIO()
    buf.write(header_comment)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEADER)
    for r in table:
        w.writerow(
            [
                r.entity_id,
                r.kind,
                r.name,
                r.country or "",
                r.sector or "",
                _cell(r.aliases),
                _cell(r.short),
                term_cell(r.terms),
            ]
        )
    return buf.getvalue()


def agents_csv(header_comment: str, agents: dict[str, str]) -> str:
    buf = io.StringIO()
    buf.write(header_comment)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(AGENT_HEADER)
    for word in sorted(agents):
        w.writerow([word, agents[word]])
    return buf.getvalue()
