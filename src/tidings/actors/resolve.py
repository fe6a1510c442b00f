"""Mentions of actors in a parsed report, and the actor behind any token an event or quote points at.

Mentions come from a phrase matcher over the knowledge base (longest match wins), with these
refinements, each recorded in ``Mention.how``:
- ``dictionary``: a name, alias or partisan name of the base;
- ``short``: a surname alone, accepted only once the full name has appeared in the report;
- ``metonymy``: a capital or seat of power standing for the government (sector GOV);
- ``adjective``: a demonym ("Russian"), widened to ``title`` when it qualifies a role word
  ("Russian officials" → RUS GOV);
- ``title``: a person the base does not know, given a country and sector by their title
  ("Iraqi Foreign Minister X");
- ``coreference``: pronouns and descriptions ("he", "the minister", "the report") that point back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tidings.actors.conjoined import conjoined_parties, hyphened_pairs
from tidings.actors.coref import link, recast_mentions
from tidings.actors.describe import commentators, describe, home_state, placed_agents
from tidings.actors.gazetteer import city, us_state
from tidings.actors.kb import Alias, KnowledgeBase, load_kb
from tidings.actors.patterns import add_patterns
from tidings.actors.spelling import person_spelled_like, spelled_like
from tidings.actors.words import CorefWords, coref_words
from tidings.nlp import entities, entity_bounds, token_starts, tokens_overlapping, tokens_where, tokens_with
from tidings.records import Actor, Mention, Role

_HOW_RANK = {"dictionary": 0, "imported": 1, "short": 2, "metonymy": 3, "adjective": 4, "region": 5}

_KIND_RANK = {"person": 0, "outlet": 1, "org": 2, "state": 3}

_matchers: dict[tuple[int, int, int], Any] = {}


def actor_matcher(nlp_vocab: Any, kb: KnowledgeBase) -> tuple[Any, dict[str, list[Alias]]]:
    """The phrase matcher over the base's names, and each name's candidates, built once per vocab
    and base. Build it before a memory zone (``tidings.memory``): its patterns must outlive every
    batch, and the strings and lexemes a zone adds are freed with it."""
    key = (id(nlp_vocab), id(kb), len(kb.aliases))
    if key not in _matchers:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(nlp_vocab, attr="ORTH")
        table: dict[str, list[Alias]] = {}
        for alias in kb.aliases:
            table.setdefault(alias.text, []).append(alias)
        add_patterns(matcher, nlp_vocab, table)  # fast for the ~50,000 names (see patterns.py)
        for cands in table.values():
            cands.sort(key=lambda a: _HOW_RANK.get(a.how, 9))
        _matchers[key] = (matcher, table)
    return _matchers[key]  # type: ignore[no-any-return]


@dataclass
class ResolvedDoc:
    """The mentions of one parsed report, and look-ups from tokens to actors."""

    doc: Any
    doc_id: str
    on: date | None
    kb: KnowledgeBase
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    recasts: int = 0  # how many times a description gave a chain its country
    # "the two leaders", "both countries": the head token of a plural description → the parties it names
    groups: dict[int, list[Mention]] = field(default_factory=dict)
    commentators: frozenset[str] = frozenset()  # people described only as analysts or witnesses

    @property
    def coref_words(self) -> CorefWords:
        return coref_words()

    def _add(self, start_tok: int, end_tok: int, actor: Actor, how: str) -> Mention:
        span = self.doc[start_tok:end_tok]
        actor = self._as_of(actor)
        m = Mention(self.doc_id, span.start_char, span.end_char, span.text, actor, how)
        self.mentions.append(m)
        for i in range(start_tok, end_tok):
            self.by_token[i] = m
        return m

    def _as_of(self, actor: Actor) -> Actor:
        """A state that did not yet exist on the report's date is coded as the one it belonged to."""
        succession = self.kb.successions.get(actor.country or "") if actor.kind == "state" else None
        if succession is None or self.on is None or self.on >= succession[0]:
            return actor
        whole = self.kb.entities[succession[1]].actor(self.on, sector=actor.sector)
        return Actor(whole.actor_id, whole.name, whole.country, actor.sector, "state")

    def mention_at(self, token: Any) -> Mention | None:
        return self.by_token.get(token.i)

    def antecedent(self, token: Any) -> Mention | None:
        """The mention a pronoun or a description ("the minister", "the report") points back at, as
        the coreference sieve linked it (``coref.py``), or None."""
        m = self.by_token.get(token.i)
        return m if m is not None and m.how.startswith("coref:") else None

    def recast(self, actor: Actor, country: str | None, sector: str | None, how: str) -> Actor:
        """Give every mention of ``actor`` a country (and sector) that a description supplied; no
        country but the sector of a body of no state ("U.N. envoy X": IGO)."""
        # An unknown person's id carries the country a description gave: the store keeps one row an id.
        tag = country or sector
        new_id = f"{actor.actor_id.split('@')[0]}@{tag}" if actor.actor_id.startswith("P?:") else actor.actor_id
        new = Actor(new_id, actor.name, country, sector, actor.kind, actor.valid_from, actor.valid_to)
        self.mentions = recast_mentions(self.mentions, actor, new, how)
        self.by_token = {}
        starts = token_starts(self.doc)
        for m in self.mentions:
            for i in tokens_overlapping(starts, m.start, m.end):
                self.by_token[i] = m
        self.recasts += 1
        return new

    def role_for(self, token: Any) -> Role | None:
        """The actor a token (usually the head of an argument) stands for, with its surface text."""
        m = self.mention_at(token)
        if m is not None:
            return Role(m.text, m.actor)
        ante = self.antecedent(token)
        if ante is not None:
            return Role(_phrase(token), ante.actor)
        if token.lower_ in _RELATIVES:
            # "Saddam, with whom the king met Monday": whom is the noun its clause qualifies.
            t = token
            while t.dep_ != "relcl" and t.head.i != t.i:
                t = t.head
            if t.dep_ == "relcl" and t.head.i != token.i:
                noun = t.head
                if token.lower_ == "which" and _placed_in_phrase(noun):
                    # "the bombings at embassies in Kenya and Tanzania, which have killed 250": a
                    # place that ends a phrase of place is seldom what "which" stands for
                    return None
                return self.role_for(noun)
            return None
        for child in token.children:
            # "his counterpart Recep Tayyip Erdogan", "the envoy, Richard Holbrooke": the name in
            # apposition is who the noun is.
            am = self.mention_at(child) if child.dep_ == "appos" else None
            if am is not None:
                return Role(am.text, am.actor)
        if token.lemma_.lower() in coref_words().relation_nouns:
            # "U.S. allies", "U.N. members", "Russia's neighbours": others than the qualifier; but an
            # adjective of nationality says who they are ("his Turkish counterpart").
            for child in token.children:
                cm = self.mention_at(child) if child.dep_ == "amod" else None
                if cm is not None and cm.how == "adjective" and cm.actor.kind == "state":
                    return Role(_phrase(token), cm.actor)
            return None
        # "Azerbaijan's dealings", "Russian support": the actor sits in a modifier of the head.
        # The most specific modifier wins: "Russia's Tass state media" is Tass, not Russia.
        found: list[tuple[int, Role]] = []
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                cm = self.mention_at(child)
                if cm is not None:
                    found.append((_KIND_RANK.get(cm.actor.kind, 9), Role(cm.text, cm.actor)))
        if not found:
            return None
        best = min(found, key=lambda f: f[0])[1]
        if best.actor is not None and best.actor.kind == "person" and best.actor.country:
            # "his top aides", "Hun Sen's troops": people of a person are not that person but
            # others of the state he serves, in the role their noun names.
            lemma = token.lemma_.lower()
            sector = self.kb.agents.get(lemma)
            state = self.kb.state(best.actor.country)
            if state is not None and (sector is not None or lemma in coref_words().people_nouns):
                return Role(_phrase(token), state.actor(self.on, sector=sector))
        return best


_RELATIVES = frozenset({"whom", "who", "which"})


def _phrase(token: Any) -> str:
    left = min((c.i for c in token.children if c.dep_ in ("det", "amod", "compound", "poss")), default=token.i)
    return str(token.doc[left : token.i + 1].text)


def resolve(
    doc: Any, doc_id: str, on: date | None, kb: KnowledgeBase | None = None, context: ResolvedDoc | None = None
) -> ResolvedDoc:
    """Find every actor mention in a parsed report; ``on`` (the report's date) picks people's roles.
    ``context``, the resolved body of the same report, lets its headline name by surname alone the
    people the body names in full ("Clinton Vows to Find Embassy Bombers")."""
    kb = kb or load_kb()
    matcher, table = actor_matcher(doc.vocab, kb)
    out = ResolvedDoc(doc, doc_id, on, kb)
    from spacy.util import filter_spans

    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    # People and bodies named in full so far: their short forms (a surname, an acronym) name them.
    seen_names: set[str] = set()
    if context is not None:
        seen_names |= {m.actor.actor_id for m in context.mentions if m.actor.kind in ("person", "org")}
    # A state's name that ends a PERSON name is a surname: "Chuck Jordan" is a man, not Jordan
    # (but "Bosnian Serbs", which the parser may also call a PERSON, keeps its "Bosnian").
    surnames = {i for s, e, label in entity_bounds(doc) if label == "PERSON" and e - s > 1 for i in range(s + 1, e)}
    covered = {i for span in spans for i in range(span.start, span.end)}
    # (words of a name of the base that needs no full name before it: "World Court", not "Union")
    named = {i for sp in spans if any(a.how != "short" for a in table.get(sp.text, ())) for i in range(sp.start, sp.end)}
    faiths = coref_words().faiths
    for span in spans:
        if span.text.lower() in faiths:
            continue  # "Christianity, Islam and Judaism": a faith, not a namesake
        cands = table.get(span.text) or []
        longer = _lowercase_prefix(doc, span, kb, covered)
        if longer is not None:
            span, cands = longer
        if cands and cands[0].entity.kind == "state" and all(i in surnames for i in range(span.start, span.end)):
            continue
        if cands and cands[0].entity.kind == "state" and _in_place_name(doc, span):
            continue
        if cands and cands[0].entity.kind in ("outlet", "org") and _inside_name(doc, span):
            continue
        if all(i in out.by_token for i in range(span.start, span.end)):
            continue  # inside a longer name already read ("Congress" in "Iraqi National Congress")
        if cands and all(a.how == "short" and a.entity.kind == "person" for a in cands) and _in_longer_person(doc, span, cands):
            continue  # "Liu" in "Liu Xiaoming": a word of another person's name, not the base's Liu
        usable = [a for a in cands if a.how != "short" or a.entity.entity_id in seen_names]
        if not usable and on is not None:
            # A surname alone names the one holder of an office of that name on the report's date,
            # as a reader of the day takes it ("Clinton said" in 1998, "Yeltsin and Kuchma signed"):
            # only when the parser reads it as a person and no other known person of that surname
            # is in office then.
            holders = [a for a in cands if a.how == "short" and a.entity.term_on(on) is not None]
            if len(holders) <= 1 and _surname_reading(doc, span) and not _named_otherwise(doc, span, cands):
                usable = holders or _near_office(cands, on)
        # Two people known by one name ("President Bush"): the one in office on the report's date.
        in_office = [a for a in usable if a.entity.kind == "person" and on and a.entity.term_on(on) is not None]
        chosen: Alias | None = in_office[0] if in_office else (usable[0] if usable else None)
        if chosen is None:
            continue
        ent = chosen.entity
        if ent.kind in ("person", "org"):
            seen_names.add(ent.entity_id)
        if ent.kind == "person":
            out._add(span.start, span.end, ent.actor(on), chosen.how)
        elif chosen.how == "metonymy":
            out._add(span.start, span.end, ent.actor(on, sector="GOV"), "metonymy")
        elif chosen.how == "adjective" or (ent.kind == "state" and span.root.dep_ == "compound"):
            _adjective(out, span, ent, kb, chosen.how, named)
        else:
            out._add(span.start, span.end, ent.actor(on), chosen.how)
    _name_tails(out)
    _acronyms(out)
    if kb.stems:
        _stems(out, kb)
    _titled_people(out, kb)
    _places(out, kb)
    _named_people(out)
    _sector_only(out, kb)
    _party_members(out, kb)
    out.mentions.sort(key=lambda m: m.start)
    describe(out)
    placed_agents(out, home_state(out))
    link(out)
    conjoined_parties(out)
    hyphened_pairs(out)
    out.mentions.sort(key=lambda m: m.start)
    out.commentators = commentators(out)
    return out


def _lowercase_prefix(doc: Any, span: Any, kb: KnowledgeBase, covered: set[int]) -> tuple[Any, list[Alias]] | None:
    """A name of the base whose first word the report writes in lower case ("northern Ireland
    police", "south Korea"): the whole name, not the shorter name it ends with (Northern Ireland is
    the United Kingdom's, not Ireland's). Only a word that is no stop word, and only where the
    longer name is of another actor than the shorter one."""
    if span.start == 0:
        return None
    prev = doc[span.start - 1]
    if not (prev.is_alpha and prev.is_lower and not prev.is_stop) or prev.i in covered:
        return None
    found = kb.find(f"{prev.text} {span.text}")
    if not found or {a.entity.entity_id for a in found} <= {a.entity.entity_id for a in kb.find(span.text)}:
        return None
    return doc[span.start - 1 : span.end], sorted(found, key=lambda a: _HOW_RANK.get(a.how, 9))


def person_pronouns() -> frozenset[str]:
    """The pronouns of a person (he, him, his, she, …), from actors/data/coref.yaml."""
    words = coref_words()
    return words.male | words.female


# How far from a term of office a surname alone still names that person: a figure stays in the news
# for some years around an office ("Primakov" as foreign minister in 1997, before the premiership the
# dictionary dates; "Netanyahu" between his governments).
_NEAR_OFFICE_DAYS = 4 * 365


def _in_longer_person(doc: Any, span: Any, cands: list[Alias]) -> bool:
    """Is ``span`` a word of a longer person's name the parser found, which is none of ``cands``?"""
    known = {a.entity.name for a in cands}
    return any(
        label == "PERSON" and s <= span.start and span.end <= e and e - s > len(span) and doc[s:e].text not in known
        for s, e, label in entity_bounds(doc)
    )


def _named_otherwise(doc: Any, span: Any, cands: list[Alias]) -> bool:
    """Does the report name in full someone else of this surname ("China's ambassador Liu Xiaoming
    … Liu warned")? Then the surname is that person, linked by the name chain, not a namesake of
    the base who held an office on the day."""
    known = {a.entity.name for a in cands}
    return any(
        label == "PERSON"
        and e - s > 1
        and span.text in (doc[s].text, doc[e - 1].text)  # the surname last, or first as in Chinese names
        and doc[s:e].text not in known
        and not s <= span.start < e
        for s, e, label in entity_bounds(doc)
    )


def _near_office(cands: list[Alias], on: date) -> list[Alias]:
    """A surname alone, no holder of office of that name on the report's date: the one known person
    of that surname whose office lies within a few years of it, and only when exactly one does."""

    def gap(a: Alias) -> int:
        days = []
        for t in a.entity.terms:
            if t.start is not None and on < t.start:
                days.append((t.start - on).days)
            elif t.end is not None and on >= t.end:
                days.append((on - t.end).days)
            else:
                days.append(0)
        return min(days, default=_NEAR_OFFICE_DAYS + 1)

    near = [a for a in cands if a.how == "short" and a.entity.kind == "person" and gap(a) <= _NEAR_OFFICE_DAYS]
    return near if len({a.entity.entity_id for a in near}) == 1 else []


def _surname_reading(doc: Any, span: Any) -> bool:
    """A known person's surname, read as a name: as :func:`_person_word`, or a word the small
    model calls a place ("telephoned Erdogan", tagged GPE) that names no place the gazetteer knows."""
    if _person_word(doc, span):
        return True
    if len(span) == 1 and _capitalised_noun(doc, span[0]):
        return True
    if not all(t.ent_type_ in _PLACE_ENTS and t.pos_ == "PROPN" for t in span):
        return False
    ent = next(((s, e) for s, e, _ in entity_bounds(doc) if s <= span.start and span.end <= e), None)
    if ent != (span.start, span.end):
        return False  # part of a longer place name ("Lake Erdogan")
    return city(span.text) is None and not us_state(span.text)


def _capitalised_noun(doc: Any, tok: Any) -> bool:
    """A capitalised word the small model reads as a common noun ("Zelenskyy thanked Trump"), in a
    noun's own place (no modifier of another: "Rice prices"), of no entity, and never written in
    lower case in the report (where "rice" is also a word, "Rice" may be one too)."""
    return bool(
        tok.text[:1].isupper()
        and not tok.text.isupper()
        and tok.pos_ == "NOUN"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj")
        and not tok.ent_type_
        and not any(t.lower_ == tok.lower_ and not t.text[:1].isupper() for t in doc)
    )


def _person_word(doc: Any, span: Any) -> bool:
    """Is ``span`` a person's name by its reading: the parser's PERSON, or after a title or an
    honorific ("President Clinton", "Mr. Yeltsin"; the words are in actors/data/coref.yaml)."""
    words = coref_words()
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in words.male or before in words.female or before in words.person_nouns:
        return True
    # The whole of a PERSON name, not the end of another man's ("Barnett Slepian" is not Slepian).
    if all(t.ent_type_ == "PERSON" for t in span):
        return bool(span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I"))
    # A proper noun standing alone, which the parser did not call a place ("praised Trump and his
    # Cabinet"): not a word of a longer name ("Trump Tower", "Lake Clinton").
    before_tok = doc[span.start - 1] if span.start > 0 else None
    after_tok = doc[span.end] if span.end < len(doc) else None
    return (
        all(t.pos_ == "PROPN" and t.ent_type_ not in _PLACE_ENTS and t.ent_type_ not in _NOT_NAME_ENTS for t in span)
        and (before_tok is None or before_tok.pos_ != "PROPN")
        and (after_tok is None or after_tok.pos_ != "PROPN")
    )


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Entities that are never a person's name: "in May 2010" is a month, not Theresa May.
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW"})


def _in_place_name(doc: Any, span: Any) -> bool:
    """A state's name inside a place's name is no mention of the state: "the Indian Ocean", "the
    Gulf of Oman", "the South China Sea" (the words of geography are in actors/data/nonactors.yaml)."""
    features = coref_words().features
    if span.start > 0 and doc[span.start - 1].text in ("New", "Nueva", "Nova", "Nouvelle") and span[0].ent_iob_ == "I":
        return True  # "New Jersey", "New Mexico": the state's name as the last word of another place's
    after = doc[span.end] if span.end < len(doc) else None
    # (in lower case too, for a people's adjective after "the": a transcript's "the Persian gulf";
    # not "the Comoros archipelago", the state itself)
    the = span.start > 0 and doc[span.start - 1].lower_ == "the" and all(t.pos_ == "ADJ" or t.ent_type_ == "NORP" for t in span)
    if after is not None and (after.text[:1].isupper() or the) and after.lower_ in features:
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        before = doc[span.start - 2]
        return bool(before.text[:1].isupper() and before.lower_ in features)
    return False


def _placed_in_phrase(noun: Any) -> bool:
    """Is ``noun`` (or the first of its conjuncts) a place that is the object of a preposition of
    place qualifying another noun ("embassies in Kenya and Tanzania")?"""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return bool(
        first.ent_type_ in ("GPE", "LOC")
        and first.dep_ == "pobj"
        and first.head.lower_ in ("in", "at", "near")
        and first.head.head.pos_ in ("NOUN", "PROPN")
    )


def _inside_name(doc: Any, span: Any) -> bool:
    """One word of a longer capitalised name is not the body that word alone names: "Independent"
    in "the Commonwealth of Independent States" is not The Independent."""
    if len(span) != 1 or span.start < 1:
        return False
    if span[0].ent_type_ == "PERSON" and (span[0].ent_iob_ == "I" or (span.end < len(doc) and doc[span.end].ent_iob_ == "I")):
        return True  # "Environment Minister Robert Hill" is a man, not The Hill
    if span.end >= len(doc):
        return False
    after, before = doc[span.end], doc[span.start - 1]
    if span[0].ent_iob_ == "I" and before.text[:1].isupper() and before.pos_ == "PROPN" and not before.is_sent_start:
        return True  # "the Front National": the last word of a longer name, not The National
    if not (after.text[:1].isupper() and after.pos_ == "PROPN"):
        return False
    if before.lower_ == "of" and span.start >= 2:
        before = doc[span.start - 2]
    if before.lower_ in ("the", "'s") and after.ent_type_ not in ("DATE", "TIME") and span[0].ent_iob_ in ("B", "I"):
        # "Somalia's National Intelligence and Security Agency": the word opens a longer name the
        # parser reads as one (not "told The National Monday")
        nxt = doc[span.end + 1] if span.end + 1 < len(doc) else None
        return bool(after.ent_iob_ == "I" or (nxt is not None and nxt.lower_ in ("and", "of") and after.ent_iob_ != "B"))
    return bool(before.text[:1].isupper() and before.pos_ == "PROPN" and not before.is_sent_start)


def _stems(out: ResolvedDoc, kb: KnowledgeBase) -> None:
    """Imported TABARI stems match the start of a capitalised word: "Eriador" → "Eriadorian"."""
    for tok in out.doc:
        if tok.i in out.by_token or not tok.text[:1].isupper() or len(tok.text) < 4:
            continue
        low = tok.lower_
        for k in range(len(low), 3, -1):
            alias = kb.stems.get(low[:k])
            if alias is not None:
                out._add(tok.i, tok.i + 1, alias.entity.actor(out.on), "imported")
                break


def _adjective(out: ResolvedDoc, span: Any, ent: Any, kb: KnowledgeBase, how: str, named: set[int]) -> None:
    """'Russian officials' → one RUS GOV mention over both words; 'Russian support' → RUS.
    A state's name as a noun modifier works the same way: 'the Kuwait government' → KUW GOV.
    A longer name the adjective opens is one body of that state, named by its last word: 'the
    German Foreign Ministry' → DEU GOV; 'the German People's Union', whose last word names no
    role, a body of Germany the base does not know (how ``name``), not the German people. (Not
    where the words after it are a name of the base, ``named``: "a Libyan World Court case".)"""
    name = _opened_name(out.doc, span)
    if name is not None and any(i in named for i in range(span.end, name.end)):
        name = None
    head = span.root.head
    if name is not None:
        sector = kb.agents.get(name[-1].lemma_.lower())
        if sector:
            out._add(span.start, name.end, ent.actor(out.on, sector=sector), "title")
            return
        if span.end <= head.i < name.end - 1:
            # the parser made a word inside the name the adjective's head ("German" → "People");
            # a centre, institute or observatory of a state's name is a non-governmental body
            # ("the Syrian Observatory for Human Rights": NGO, as GUIDELINES codes them)
            ngo = any(t.lemma_.lower() in coref_words().ngo_heads for t in out.doc[span.end : name.end])
            country, sector = (None, "NGO") if ngo else (ent.country, None)
            body = Actor(f"O?:{name.text.lower().replace(' ', '-')}", name.text, country, sector, "org")
            out._add(span.start, name.end, body, "name")
            return
    sector = kb.agents.get(head.lemma_.lower()) if head.i >= span.end else None
    between = out.doc[span.end : head.i] if head.i >= span.end else out.doc[0:0]
    if any(t.dep_ in ("cc", "conj") for t in between):
        sector = None  # "Iraqi and Kuwaiti officials": each adjective is a party (actors/conjoined.py)
    if sector and head.i not in out.by_token and head.i - span.end <= 2:
        out._add(span.start, head.i + 1, ent.actor(out.on, sector=sector), "title")
    else:
        out._add(span.start, span.end, ent.actor(out.on), how)


def _opened_name(doc: Any, span: Any) -> Any | None:
    """The name of a body that ``span`` (a state's adjective or name) opens and two or more
    capitalised words continue, as the parser reads one: "German People's Union", "German Foreign
    Ministry" (not "Russian officials", "Kenyan Police"), or None."""
    ent = next(((s, e, label) for s, e, label in entity_bounds(doc) if s <= span.start < e), None)
    if ent is None or ent[2] != "ORG" or ent[1] - span.end < 2:
        return None
    start, end, _ = ent
    if any(t.pos_ != "DET" for t in doc[start : span.start]):
        return None
    rest = doc[span.end : end]
    # (small words join a name's capitalised ones: "the Syrian Center for Legal Studies and Research")
    joins = coref_words().name_joins
    if not rest[-1].text[:1].isupper() or any(
        not t.text[:1].isupper() and t.tag_ != "POS" and t.lower_ not in joins for t in rest
    ):
        return None
    return doc[span.start : end]


def _name_tails(out: ResolvedDoc) -> None:
    """A body the report names with its state's adjective, named again without it: "the German
    People's Union" … "the People's Union" (how ``coref:name``)."""
    doc = out.doc
    starts = token_starts(doc)
    for m in [m for m in out.mentions if m.how == "name" and m.actor.actor_id.startswith("O?:")]:
        toks = tokens_overlapping(starts, m.start, m.end)
        tail = [t.text for t in doc[toks.start + 1 : toks.stop]]
        if len(tail) < 2:
            continue
        for i in range(toks.stop, len(doc) - len(tail) + 1):
            if [t.text for t in doc[i : i + len(tail)]] == tail and not any(
                j in out.by_token for j in range(i, i + len(tail))
            ):
                out._add(i, i + len(tail), m.actor, "coref:name")


def _acronyms(out: ResolvedDoc) -> None:
    """A body named in full, then by its acronym: "the Baloch Liberation Army, or BLA," … "the BLA
    demanded", "Somalia's National Intelligence and Security Agency (NISA)" … "NISA said" (how
    ``coref:acronym``). The acronym is the one the report gives, in brackets or after "or", right
    after the name; or, given nowhere, the initials of the name's capitalised words. A word in
    capitals the base knows as something else keeps that reading."""
    doc = out.doc
    starts = token_starts(doc)
    aliases: dict[str, Actor] = {}
    for m in out.mentions:
        if m.actor.kind != "org":
            continue
        toks = tokens_overlapping(starts, m.start, m.end)
        words = [t for t in doc[toks.start : toks.stop] if t.is_alpha]
        if len(words) < 2:
            continue
        given = _given_acronym(doc, toks.stop)
        initials = "".join(t.text[0] for t in words if t.text[0].isupper())
        for acr in {given, initials} - {None}:
            if acr and len(acr) >= 2 and acr.isupper():
                aliases.setdefault(acr, m.actor)
    if not aliases:
        return
    for tok in doc:
        actor = aliases.get(tok.text)
        if actor is None or tok.i in out.by_token or out.kb.find(tok.text):
            continue
        if any(m.start < tok.idx and m.actor.actor_id == actor.actor_id for m in out.mentions):
            out._add(tok.i, tok.i + 1, actor, "coref:acronym")


def _given_acronym(doc: Any, after: int) -> str | None:
    """The acronym a report gives right after a name: "(BLA)", ", or BLA,"."""
    window: list[str] = [str(t.text) for t in doc[after : after + 4]]
    if len(window) >= 3 and window[0] == "(" and window[2] == ")" and window[1].isupper():
        return window[1]
    if len(window) >= 3 and window[0] == "," and window[1] == "or" and window[2].isupper():
        return window[2]
    return None


def _titled_people(out: ResolvedDoc, kb: KnowledgeBase) -> None:
    """A PERSON the base does not know, given country and sector by a title: 'Iraqi Foreign Minister X'."""
    for ent in entities(out.doc, ("PERSON",)):
        if ent.label_ != "PERSON" or any(i in out.by_token for i in range(ent.start, ent.end)):
            continue
        country: str | None = None
        sector: str | None = None
        former = False  # "former Iraqi Foreign Minister X": Iraqi, in no office
        for tok in out.doc[ent.root.left_edge.i : ent.start]:
            sector = sector or kb.agents.get(tok.lemma_.lower())
            former = former or (tok.lower_ in coref_words().former_words and tok.dep_ in ("amod", "advmod"))
            m = out.by_token.get(tok.i)
            if m is not None and m.actor.country:
                country = m.actor.country
                sector = sector or m.actor.sector
        if sector and country:
            sector = None if former else sector
            actor = Actor(f"P?:{ent.text.lower().replace(' ', '-')}", ent.text, country, sector, "person")
            out._add(ent.start, ent.end, actor, "title")


def _storm_names(doc: Any) -> set[str]:
    """Names the report gives to storms ("Cyclones Chido in December and Dikeledi", "Hurricane
    Helene"), from the hazard words of nonactors.yaml: such a name is no person."""
    hazards = coref_words().hazards
    names: set[str] = set()
    # (the tokens that can pass the test below, found over the Doc's distinct words)
    found = tokens_where(doc, "LEMMA", lambda w: w.lower() in hazards)
    found += tokens_where(doc, "LOWER", lambda w: w.removesuffix("s") in hazards)
    for tok in (doc[i] for i in sorted(set(found))):
        if not ({tok.lemma_.lower(), tok.lower_.removesuffix("s")} & hazards) or tok.i + 1 >= len(doc):
            continue  # "Cyclone", and "Cyclones" that the tagger takes for a name
        name = doc[tok.i + 1]
        if name.is_title:
            names.add(name.text)
            names.update(c.text for c in name.conjuncts if c.is_title)
    return names


def _named_people(out: ResolvedDoc) -> None:
    """Every other PERSON the parser finds becomes a person actor with no country or sector, so
    that "he said" points back at the last person named even when the base does not know them.
    A part of a full name already given, alone, is the same person: the surname ("Carter Ham" …
    "Ham", how ``surname``) or the first name ("Elian Gonzalez" … "Elian", how ``coref:name``),
    when no other person of the report shares that part."""
    parts: dict[str, set[str]] = {}
    actors: dict[str, Actor] = {}

    def learn(text: str, actor: Actor) -> None:
        words = [w for w in text.replace(".", " ").split() if w[:1].isupper() and len(w) > 2]
        for w in words if len(words) > 1 else []:
            parts.setdefault(w.lower(), set()).add(actor.actor_id)
        actors.setdefault(actor.actor_id, actor)

    def part_of(word: str) -> Actor | None:
        ids = parts.get(word.lower(), set())
        return actors[next(iter(ids))] if len(ids) == 1 else None

    for m in sorted(out.mentions, key=lambda m: m.start):
        if m.actor.kind == "person":
            learn(m.text, m.actor)
    storms = _storm_names(out.doc)
    for ent in entities(out.doc, ("PERSON",)):
        if ent.label_ != "PERSON" or any(i in out.by_token for i in range(ent.start, ent.end)):
            continue
        if ent.text in storms or ent[-1].text in storms:
            continue  # "was struck by Chido", "Cyclones Chido": a cyclone the report named, no person
        while len(ent) > 1 and ent[-1].tag_ == "POS":
            ent = ent[:-1]  # "Osama bin Laden's": the name without its possessive ending
        words = [t for t in ent if t.is_alpha or "-" in t.text or "." in t.text]
        if not words or ent.text.lower() in person_pronouns():
            continue
        actor = part_of(words[-1].text) if len(words) == 1 else None
        how = "surname" if actor is not None and actor.name.split()[-1].lower() == words[-1].lower_ else "coref:name"
        if actor is None and (known := person_spelled_like(" ".join(t.text for t in words), out.kb, out.on)):
            actor, how = known.entity.actor(out.on), "spelling"
        if actor is None:
            actor = Actor(f"P?:{ent.text.lower().replace(' ', '-')}", ent.text, None, None, "person")
            how = "name"
        learn(ent.text, actor)
        out._add(ent.start, ent.end, actor, how)
    # A name the parser did not call a PERSON, that the report describes as a person ("Elian
    # Gonzalez, a six-year-old boy", "Elian, the Cuban boy").
    person_nouns = coref_words().person_nouns
    names = [out.doc[i] for i in tokens_where(out.doc, "POS", lambda pos: pos == "PROPN")]
    for tok in names:
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat") or tok.i in out.by_token or tok.ent_type_ == "PERSON":
            continue
        described = any(c.dep_ == "appos" and c.lemma_.lower() in person_nouns for c in tok.children) or (
            tok.dep_ == "appos" and tok.head.lemma_.lower() in person_nouns
        )
        if not described:
            continue
        start = tok.i
        while start > 0 and out.doc[start - 1].pos_ == "PROPN" and out.doc[start - 1].head.i == tok.i:
            start -= 1
        if any(i in out.by_token for i in range(start, tok.i + 1)):
            continue
        text = out.doc[start : tok.i + 1].text
        actor = part_of(tok.text) if start == tok.i else None
        how = "coref:name" if actor is not None else "name"
        actor = actor or Actor(f"P?:{text.lower().replace(' ', '-')}", text, None, None, "person")
        learn(text, actor)
        out._add(start, tok.i + 1, actor, how)
    # A part of a name the parser did not call a PERSON here ("Elian" tagged as a place).
    for tok in names:
        if tok.pos_ != "PROPN" or tok.i in out.by_token or tok.ent_type_ not in ("", "PERSON", "ORG", "GPE", "NORP"):
            continue
        if not tok.text[:1].isupper() or (tok.i + 1 < len(out.doc) and out.doc[tok.i + 1].text == "-"):
            continue  # "the president" (a description), "Secretary-General" (not Secretary Baker)
        if tok.ent_type_ and any(
            t.ent_iob_ != "O" and t.i != tok.i for t in tok.doc[max(tok.i - 1, 0) : tok.i + 2] if t.ent_type_
        ):
            continue  # one word of a longer name
        actor = part_of(tok.text)
        if actor is not None and any(m.start < tok.idx for m in out.mentions if m.actor.actor_id == actor.actor_id):
            out._add(tok.i, tok.i + 1, actor, "coref:name")


def _places(out: ResolvedDoc, kb: KnowledgeBase) -> None:
    """Places the base does not name: a city from the gazetteer ("Samarra" → IRQ), or a state or
    demonym misspelt ("Afganistan", "Quatar", "Ghanians"), each standing for its state."""
    for ent in entities(out.doc, ("GPE", "NORP", "LOC", "ORG")):
        if ent.label_ not in ("GPE", "NORP", "LOC", "ORG") or any(i in out.by_token for i in range(ent.start, ent.end)):
            continue
        text = ent.text.removeprefix("the ").removesuffix("'s").removesuffix("’s").strip()
        if text.lower() in coref_words().regions:
            continue  # "Africa", "the Middle East": no single state (GeoNames has towns of these names)
        if _in_place_name(out.doc, ent):
            continue  # "the Persian gulf": a sea, not a state
        if ent.label_ == "GPE" and us_state(text):
            out._add(ent.start, ent.end, kb.entities["USA"].actor(out.on), "region")
            continue
        hit = city(text) if ent.label_ == "GPE" else None
        if hit is not None:
            state = kb.state(hit.country)
            if state is not None:
                out._add(ent.start, ent.end, state.actor(out.on), "place")
                continue
        near = spelled_like(text, kb)
        if near is not None:
            out._add(ent.start, ent.end, near.entity.actor(out.on), "fuzzy")


# Sectors an actor can have with no country at all, as the field codes them.
_STATELESS_SECTORS = {"NGO"}
_stateless_heads: dict[tuple[int, int], frozenset[str]] = {}


def _sector_only(out: ResolvedDoc, kb: KnowledgeBase) -> None:
    """ "A human rights group", "aid charities": a non-governmental actor named by its kind alone."""
    key = (id(kb), len(kb.agents))
    heads = _stateless_heads.get(key)
    if heads is None:
        heads = frozenset(w.split()[-1] for w, sector in kb.agents.items() if sector in _STATELESS_SECTORS)
        _stateless_heads[key] = heads
    for i in tokens_with(out.doc, heads):
        tok = out.doc[i]
        if tok.pos_ != "NOUN" or tok.i in out.by_token:
            continue
        lemma = tok.lemma_.lower()
        pairs = [f"{w} {lemma}" for c in tok.children if c.dep_ == "compound" for w in (c.lower_, c.lemma_.lower())]
        sector = next((kb.agents[p] for p in pairs if p in kb.agents), None) or kb.agents.get(lemma)
        if sector not in _STATELESS_SECTORS:
            continue
        if any(c.i in out.by_token for c in tok.children if c.dep_ in ("amod", "compound", "poss")):
            continue  # "Russian rights groups" belong to their country: the adjective's mention says so
        start = min(
            (c.left_edge.i for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i), default=tok.i
        )
        out._add(start, tok.i + 1, Actor(sector, _SECTOR_NAMES[sector], None, sector, "org"), "agent")


def _party_members(out: ResolvedDoc, kb: KnowledgeBase) -> None:
    """ "Republican lawmakers praised Trump", "Democratic senators": members of a legislature named
    by their party, a party the base knows only as a state's (``coref.yaml`` ``national_marks``)."""
    for state, parties in coref_words().national_parties:
        entity = kb.state(state)
        if not parties or entity is None:
            continue
        for i in tokens_with(out.doc, frozenset(p.lower() for p in parties)):
            tok = out.doc[i]
            head = tok.head
            if (
                tok.text in parties  # capitalised: "democratic senators" may be of any state
                and tok.dep_ in ("amod", "compound")
                and head.i > tok.i
                and tok.i not in out.by_token
                and head.i not in out.by_token
                and kb.agents.get(head.lemma_.lower()) == "LEG"
            ):
                out._add(tok.i, head.i + 1, entity.actor(out.on, sector="LEG"), "party")


_SECTOR_NAMES = {"NGO": "non-governmental organisation"}
