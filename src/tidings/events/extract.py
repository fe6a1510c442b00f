"""Events from the dependency parse: a lexicon trigger, its source and target actors, date and place.

For each verb or noun the lexicon knows, the source is the grammatical subject (the agent of a
passive; the possessor of a noun trigger, "his talks"; else the subject of the governing clause,
which the event's ``rule`` then records), the target is found through the entry's slots, and
conjoined actors give one event per source–target pair, as the field codes them.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from tidings.actors.resolve import ResolvedDoc
from tidings.actors.words import coref_words
from tidings.events.answered import aim_responses
from tidings.events.counterpart import fill_counterparts
from tidings.events.dictionary import dictionary_events
from tidings.events.intent import committed, load_intent, readiness_for, recode
from tidings.events.lexicon import Entry, Lexicon, names_force
from tidings.events.modality import (
    governing_verb,
    is_negated,
    load_modality_words,
    modality_of,
    statement_modality,
    told_of_actor,
)
from tidings.events.sense import load_sense_words, sense_fits
from tidings.events.verbdict import receiving_verbs, undergo_verbs
from tidings.nlp import in_quotation, token_starts, tokens_overlapping, tokens_with
from tidings.ontology import Ontology
from tidings.places import lookup as place_lookup
from tidings.records import SHOWN_MODALITIES, Document, Event, Modality, Place, Precision, Role, Timex

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis"}
NOUN_MODIFIERS = {"compound", "nummod", "amod", "nmod", "poss", "npadvmod"}
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "acl", "ccomp", "prep", "pobj", "dobj", "relcl", "acomp"}
PLACE_PREPS = {"in", "at", "to", "into", "near", "inside"}
PRONOUNS = {"they", "he", "she", "it", "we", "them"}
# Nouns of place: a phrase headed by one is where something happens, not whom it is aimed at.
PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "capital",
        "street",
        "streets",
        "square",
        "jail",
        "prison",
        "province",
        "region",
        "area",
        "border",
        "district",
        "camp",
        "base",
        "port",
        "airport",
        "building",
        "embassy",
        "office",
        "offices",
        "compound",
    ]
)
LOCATING_PREPS = {"in", "of", "from", "throughout", "across", "at", "inside"}
# How long before the report an act told in a relative clause is history in passing (a year).
HISTORY_DAYS = 365
# Types the field codes even when the text names no source ("three soldiers were killed").
SOURCELESS = {"ASSAULT", "COERCE", "PROTEST"}
# Acts done by saying them: dated by the saying when their own clause gives no time.
SPEECH_ACTS = {"AGREE", "THREATEN", "REQUEST", "ACCUSE", "REJECT", "SUPPORT"}
# Types of talk, whose "on", "about" or "over" phrase names a topic, not whom the act is aimed at.
FROM_SOURCE = SPEECH_ACTS | {"AID"}
# Acts of control a state does at home (arrest, disperse, ban; lift an emergency, release): with no
# one else named, their target is its own people.
DOMESTIC = {"COERCE", "CONCEDE"}
TOPICAL = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT"}
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# Types whose conjoined sources with no other party act toward each other ("X and Y held talks").
RECIPROCAL = {"CONSULT", "COOPERATE", "AGREE"}
# Acts of force, aimed at the owner of a facility they strike (sense.yaml `facilities`), and the
# prepositions that name one ("bombings at U.S. embassies in Kenya").
FORCE = {"ASSAULT", "COERCE"}
FACILITY_PREPS = {"at", "on", "against", "of", "outside", "near", "in", "into"}
# Types of acts done with another: a state does not agree, meet or cooperate with itself (a target
# that is its source's own state, "New Delhi would invest … India will cooperate", is none).
WITH_ANOTHER = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT"}
# Types whose noun takes its source from a qualifying state or body ("U.S. air raid", "EU sanctions");
# for others the qualifier is what the act is about ("NATO membership", "Iran talks"), or, for aid,
# as often the receiver as the giver ("Ukraine aid", "U.S. aid"): not a source by itself.
QUALIFIED_SOURCE = {"ASSAULT", "MOBILIZE", "COERCE", "SANCTION", "THREATEN", "RETREAT"}
MILITARY_WORDS = {"military", "naval", "army", "joint", "war", "missile", "air", "live-fire", "cruise", "drone", "rocket", "artillery", "retaliatory", "preemptive", "pre-emptive", "surgical"}


def _conjuncts(tokens: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.i > t.i)
    return out


def _subject(verb: Any) -> tuple[list[Any], bool]:
    """Subject tokens of ``verb`` and whether they came from a governing clause instead."""
    v = verb
    for depth in range(5):
        passive_voice = (
            any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
            or _passive_participle(v)
            or _passive_adverbial(v)
            or (v.dep_ == "conj" and v.tag_ == "VBN" and _passive_participle(v.head))  # "kidnapped and killed by"
        )
        # A "by" the parser calls an agent in an active clause ("shortened by one hour") is not one.
        agents = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents and passive_voice:
            return _conjuncts(agents), depth > 0
        if passive_voice and v.dep_ in ("acl", "conj", "advcl") and depth == 0 and not agents:
            return [], False  # "an expert kidnapped in 1996": the noun suffered it; no doer named
        subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        # "The Red Cross operating in Iraq said", parsed with "operating" as the subject and the
        # Red Cross as its own: the noun a reduced relative clause describes is the subject
        subj = [
            next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), c) if c.tag_ == "VBG" else c for c in subj
        ]
        if subj:
            return _conjuncts(subj), depth > 0
        inverted = _inverted_subject(v)
        if inverted:
            return _conjuncts(inverted), depth > 0
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
        if passive or v.dep_ not in CLIMB_DEPS or v.head.i == v.i:
            return [], False
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in load_sense_words().documents:
            issuer = _issuer(v.head)
            if issuer:
                return _conjuncts(issuer), True  # "issued statements supporting X": the issuer supports
        if v.dep_ in ("acl", "relcl") and v.head.dep_ == "attr" and v.head.head.lemma_ == "be":
            # "the SDF were the first to reject it", "Russia is the only state to veto it": who is
            # the first is who did it
            subj = [c for c in v.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return _conjuncts(subj), depth > 0
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            return _conjuncts([v.head]), depth > 0  # "youths resorting to …": the noun does it
        if v.dep_ == "pcomp" and v.head.lower_ == "for" and v.head.dep_ == "prep":
            # "a court sentenced Dodik for defying it", "attacked the Journal for refusing": the one
            # blamed or praised did it.
            controller = [c for c in v.head.head.children if c.dep_ in ("dobj", "obj")]
            if controller:
                return _conjuncts(controller), True
        if v.dep_ == "xcomp":
            # Object control: in "X urged China to stop supplying Russia" the one who supplies is China.
            controller = [c for c in v.head.children if c.dep_ in ("dobj", "obj")]
            if controller:
                return _conjuncts(controller), True
        v = v.head
        while v.pos_ not in ("VERB", "AUX") and v.dep_ in CLIMB_DEPS and v.head.i != v.i:
            v = v.head
    return [], False


def _issuer(document: Any) -> list[Any]:
    """Who issued a statement, a resolution or a letter: its owner ("Iran's statement"), "from" or
    "by" whom it came, or the subject of the verb that issued it ("the parties issued statements")."""
    owner = [c for c in document.children if c.dep_ == "poss"]
    if owner:
        return owner
    by = [g for p in document.children if p.dep_ == "prep" and p.lower_ in ("from", "by") for g in p.children if g.dep_ == "pobj"]
    if by:
        return by
    if document.dep_ in ("dobj", "obj") and document.head.pos_ == "VERB":
        return _subject(document.head)[0]
    return []


def _inverted_subject(verb: Any) -> list[Any]:
    """The subject of a fronted predicate, after its copula: "Also applying for NATO membership are
    Romania and Bulgaria", "Among the countries to accede to NATO were Poland and Hungary"."""
    copulas = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "be" and c.i > verb.i]
    if verb.dep_ == "csubj" and verb.head.lemma_ == "be" and verb.head.i > verb.i:
        copulas.append(verb.head)
    found = [a for be in copulas for a in be.children if a.dep_ == "attr" and a.i > be.i and a.pos_ in ("PROPN", "NOUN")]
    noun = verb.head
    if not found and verb.dep_ in ("acl", "relcl") and noun.dep_ == "pobj" and noun.head.lower_ == "among":
        be = noun.head.head  # "Among the first countries to accede … were Poland and Hungary"
        if be.lemma_ == "be":
            found = [a for a in be.children if a.dep_ in ("nsubj", "attr") and a.i > noun.i]
    return found


def _agrees(pronouns: list[Any], speaker: list[Any], quoted: bool) -> bool:
    """Can the pronoun subject of a said clause be its speaker? Inside a direct quotation a speaker
    is "I" or "we", never "they", "he" or "she" ("'They shot them,' Ajmal said"). Outside one, not
    when they differ in number or kind ("it" is no person); "they" may be the speaker and another
    ("he said they agreed the timing was good")."""
    words = coref_words()
    said = {t.lower_ for t in pronouns}
    if not speaker or (quoted and said & (words.plural | words.male | words.female)):
        return False
    plural_speaker = len(speaker) > 1 or any(t.tag_ in ("NNS", "NNPS") or t.lower_ in words.plural for t in speaker)
    person_speaker = not plural_speaker and any(
        t.ent_type_ == "PERSON" or t.lower_ in words.male | words.female | {"i"} for t in speaker
    )
    if said & (words.male | words.female):
        return not plural_speaker
    if said & words.thing:
        return not person_speaker and not plural_speaker
    return True


def _passive_participle(verb: Any) -> bool:
    """ "forces backed by Djiboutian soldiers", "a British expert kidnapped in 1996": a past
    participle on a noun is passive, the noun what is done to (not of verbs whose participle tells
    what the noun itself did: "a leader returned from exile")."""
    return bool(
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and (any(c.dep_ == "agent" for c in verb.children) or verb.lemma_.lower() not in _UNACCUSATIVE)
        # ("the announcement that Ukraine had agreed": a clause with its own subject and "had")
        and not any(c.dep_ == "nsubj" or (c.dep_ == "aux" and c.lemma_ == "have") for c in verb.children)
    )


def _passive_adverbial(verb: Any) -> bool:
    """ "X is dead, killed in a joint operation", "Arrested on Monday, he …": a past participle
    with no subject or auxiliary of its own, adverbial to a clause, tells what that clause's
    subject suffered."""
    return bool(
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() not in _UNACCUSATIVE
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)
    )


_UNACCUSATIVE = frozenset({"return", "arrive", "come", "go", "flee", "escape", "remain", "defect", "retire", "rise", "fall"})


def _objects(token: Any) -> list[Any]:
    if _passive_participle(token):
        return [token.head]  # the noun the participle qualifies is what is done to
    if token.dep_ == "conj" and token.tag_ == "VBN" and _passive_participle(token.head):
        return [token.head.head]  # "an expert kidnapped and killed by …"
    if _passive_adverbial(token):
        # "One of the group's leaders is dead, killed in a joint operation": the clause's subject
        return [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    deps = ("nsubjpass",) if passive else ("dobj", "obj")
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Any, word: str) -> list[Any]:
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ == word
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _has_particle(token: Any, particle: str | None) -> bool:
    """Does the verb carry its particle ("turned down"), whatever the parser called it: an adverb
    ("brushed aside") or, for "over", a preposition ("glossed over the warnings")?"""
    return particle is None or any(
        c.lower_ == particle and (c.dep_ in ("prt", "advmod") or (c.dep_ == "prep" and particle == "over"))
        for c in token.children
    )


def _object_lemma_ok(entry: Entry, obj: Any) -> bool:
    if obj.lower_ in ("which", "that") and obj.head.dep_ == "relcl" and obj.head.head.i != obj.i:
        obj = obj.head.head  # "a treaty, which the two presidents signed": the noun the clause qualifies
    lemma = obj.lemma_.lower()
    compound = " ".join(c.lemma_.lower() for c in obj.children if c.dep_ == "compound")
    of = [g.lemma_.lower() for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    adjectives = [c.lower_ for c in obj.children if c.dep_ == "amod"]  # "a nuclear test"
    return (
        lemma in entry.objects
        or f"{compound} {lemma}".strip() in entry.objects
        or any(f"{a} {lemma}" in entry.objects for a in adjectives)
        or obj.lower_ in entry.objects
        or any(f"{lemma} of {g}" in entry.objects for g in of)  # "a state of emergency"
    )


def _verb_entry(token: Any, lex: Lexicon) -> tuple[Entry, Any | None] | None:
    entries = lex.verbs.get(token.lemma_.lower())
    if not entries:
        return None
    if token.pos_ not in ("VERB", "AUX"):
        # an adjective of stance after a copula: "NATO remains concerned about China's build-up"
        entries = [e for e in entries if e.adjective and token.pos_ == "ADJ" and token.dep_ == "acomp"]
        if not entries:
            return None
    negated = is_negated(token)
    objs = _objects(token)
    # A negated verb tries first the entries that code its refusal ("does not recognize the court":
    # REJECT), then the others (whose event is stored negated).
    for entry in sorted(entries, key=lambda e: (not (negated and e.negated), not e.objects, not e.particle)):
        if not _has_particle(token, entry.particle) or (entry.negated and not negated):
            continue
        if entry.needs_clause and not any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
            continue
        if not sense_fits(token, entry, is_noun=False):
            continue
        if entry.objects:
            hit = next((o for o in _conjuncts(objs) if _object_lemma_ok(entry, o)), None)
            if hit is None:
                continue
            if entry.type == "PROTEST" and any(
                c.dep_ in ("amod", "compound") and c.lower_ in MILITARY_WORDS for c in hit.children
            ):
                continue  # "launched cruise missile strikes": not a strike of workers
            return entry, hit
        return entry, None
    return None


def _official(actor: Any) -> bool:
    """A state, or a body or person acting for one (government, forces, courts, legislature)."""
    return bool(actor.kind == "state" and actor.sector in (None, "GOV", "MIL", "JUD", "LEG")) or actor.sector in (
        "GOV",
        "MIL",
        "JUD",
        "LEG",
        "IGO",
    )


def _holders(verb: Any) -> list[Any]:
    """Who held the ones a passive verb of release frees ("the hostages, who had been held by the
    Taliban, were released", "two hostages held by Hamas were freed"): the agent of a verb of
    holding that describes them."""
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        patients.append(verb.head)
    holding = load_sense_words().holding_verbs
    return _conjuncts(
        g
        for p in _conjuncts(patients)
        for v in p.children
        if v.dep_ in ("relcl", "acl") and v.lemma_.lower() in holding
        for a in v.children
        if a.dep_ == "agent"
        for g in a.children
        if g.dep_ == "pobj"
    )


def _words_against_person(noun: Any, targets: list[Role | None]) -> bool:
    """Is an "attack" aimed at persons only, with no arms in its sentence ("a more frontal attack on
    Trump", "her attack on Sanders")? In political news that is criticism; an armed attack on a
    person names its arms or its armed doers ("gunmen", "a bomb attack")."""
    words = load_sense_words()
    if noun.lemma_.lower() not in words.verbal_attack_nouns:
        return False
    if not targets or any(t is None or t.actor is None or t.actor.kind != "person" for t in targets):
        return False
    armed = words.armed_words | words.arms_words
    return not any(t.lemma_.lower() in armed for t in noun.sent)


def _asked_whether(trigger: Any) -> bool:
    """Is the trigger's own clause a question or a condition ("whether Iran will attack", "if the
    army would withdraw")?"""
    verb = governing_verb(trigger)
    return any(c.dep_ == "mark" and c.lower_ in load_modality_words().conditional_marks for c in verb.children)


def _spoken_of(noun: Any) -> bool:
    """Is the act ``noun`` names what something is felt or said about ("expressed his sorrow over
    the bombings", "outrage at the killings", "protested against the airstrikes")? Its clause's
    subject did not do it."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in TOPIC_PREPS | {"at", "against", "for"}


def _in_topic(token: Any, trigger: Any) -> bool:
    """Is ``token`` inside an "on/about/over X" phrase of ``trigger``'s own, or of its object's
    ("attended a meeting on Afghanistan")?"""
    owners = {trigger.i} | {c.i for c in trigger.children if c.dep_ in ("dobj", "obj")}
    t = token
    while t.i != trigger.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in TOPIC_PREPS and t.head.head.i in owners:
            return True
        t = t.head
    return False


def _object_phrase(noun: Any) -> Any:
    """The head of the phrase a noun stands in as an object: "airstrikes" in "carried out a series
    of airstrikes" is in the object headed by "series"."""
    t = noun
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
        t = t.head.head
    return t


def _sense_declined(token: Any, lex: Lexicon) -> bool:
    """Did a lexicon entry of this verb decline it on its sense (not merely for want of an object)?"""
    entries = lex.verbs.get(token.lemma_.lower()) or []
    return token.pos_ in ("VERB", "AUX") and any(
        _has_particle(token, e.particle) and not sense_fits(token, e, is_noun=False) for e in entries
    )


def _partner_named(trigger: Any) -> bool:
    """Does the act's own phrase name, with "with", a partner who is none of its doers ("India and
    China stepped up efforts to build ties with Indian Ocean countries")? Then the doers did not act
    toward each other, though the partner is no actor tidings knows."""
    for tok in trigger.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "with" and any(
            g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.lemma_.lower() not in ("other", "each")
            for g in tok.children
        ):
            return True
    return False


def _standing_under(token: Any) -> bool:
    """Is the event noun what something stands under, as the complement of "be" or "remain" ("is
    under U.S. sanctions", "remains under siege")? A state, not an act (GUIDELINES: background
    states); "placed under sanctions" tells the act."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "under"
        and prep.head.i != prep.i
        and prep.head.lemma_ in ("be", "remain", "stay")
    )


def _topic_of_noun(token: Any) -> bool:
    """Is the event noun ``token`` what another noun is about ("details about the negotiations",
    "a report on the bombing", "questions over the attack")? GUIDELINES: an event named only as a
    topic is no event of its own."""
    words = load_sense_words()
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in words.act_counts
    ):
        token = token.head.head  # "the records of six rounds of talks": the rounds are the talks
    prep = token.head
    return (
        token.dep_ == "pobj"
        and (prep.lower_ in TOPIC_PREPS or prep.lower_ == "of")  # "the records of talks"
        and prep.dep_ == "prep"
        and prep.head.i != prep.i
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in words.information_nouns
    )


def _noun_entry(token: Any, lex: Lexicon) -> Entry | None:
    lemma = token.lemma_.lower()
    # A two-word noun ("hunger strike", "car bomb") before the bare head noun.
    pairs = [f"{c.lower_} {lemma}" for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    entries = (
        next((lex.nouns[p] for p in pairs if p in lex.nouns), None)
        or lex.nouns.get(lemma)
        or lex.nouns.get(token.lower_)
    )
    if not entries or token.pos_ not in ("NOUN", "PROPN"):
        return None
    for entry in entries:
        if entry.needs_military and not any(
            c.lower_ in MILITARY_WORDS for c in token.children if c.dep_ in ("amod", "compound")
        ):
            continue
        if not sense_fits(token, entry, is_noun=True):
            continue
        return entry
    return None


class _Coder:
    def __init__(self, document: Document, resolved: ResolvedDoc, timexes: list[Timex], ontology: Ontology):
        self.document = document
        self.resolved = resolved
        self.timexes = timexes
        self.ontology = ontology
        self._timex_heads: list[tuple[Timex, Any]] | None = None

    @property
    def timex_heads(self) -> list[tuple[Timex, Any]]:
        """Each point-in-time expression's syntactic head, found once and only when an event needs it."""
        if self._timex_heads is None:
            doc = self.resolved.doc
            starts = token_starts(doc)
            self._timex_heads = []
            for tx in self.timexes:
                if tx.kind in ("DATE", "TIME") and tx.value is not None and tx.value[:1].isdigit():
                    toks = tokens_overlapping(starts, tx.start, tx.end)
                    self._timex_heads.append((tx, doc[toks.start : toks.stop].root))
        return self._timex_heads

    # -- arguments -------------------------------------------------------------------------
    def roles(self, tokens: Iterable[Any]) -> list[Role]:
        out: list[Role] = []
        for t in tokens:
            group = self.resolved.groups.get(t.i)
            if group:
                # "the two leaders pledged": each of the two parties the description points back at
                phrase = t.doc[t.left_edge.i : t.i + 1].text
                out.extend(Role(phrase, m.actor) for m in group)
                continue
            role = self.resolved.role_for(t)
            if role is not None and any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in t.children):
                # "ethnic Turks in Sweden", "ethnic Albanians … near Macedonia's border": a people
                # of the state the sentence places them in, not of the state of that name
                role = self._ethnic_home(t, role)
                if role is None:
                    continue
            if role is None:
                role = self._led_by(t)
            if role is None and (t.pos_ == "NUM" or t.lower_ in load_sense_words().partitives):
                # "one of the group's leaders", "some of the protesters": whose they are
                part = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
                found_in = self.roles(part[:1])
                if found_in:
                    out.extend(found_in)
                    continue
            located = role is None
            role = role or self._located(t)
            if role is not None and role.actor is not None:
                out.append(role)
                out.extend(self._conjoined_qualifiers(t, role))
                if located:
                    out.extend(self._conjoined_places(t, role))
        return out

    def _home_trip(self, trigger: Any, sources: list[Role | None]) -> bool:
        countries = {s.actor.country for s in sources if s is not None and s.actor is not None}
        where = self.place_in(trigger)
        return bool(where is not None and where[1].country and countries == {where[1].country})

    def _domestic_target(self, trigger: Any, sources: list[Role | None]) -> Role | None:
        """'Police dispersed demonstrators', 'the government lifted a state of emergency in West
        Darfur': a state's act of control at home, on people the text does not place elsewhere, is
        aimed at its own people (the field codes such acts with one country on both sides)."""
        countries = {s.actor.country for s in sources if s is not None and s.actor is not None}
        if len(countries) != 1 or None in countries:
            return None
        country = countries.pop()
        state = self.resolved.kb.state(country) if country else None
        if state is None:
            return None
        where = self.place_in(trigger)
        if where is not None:
            return Role(where[0], state.actor(self.resolved.on, sector="CVL")) if where[1].country == country else None
        people = [o for o in _objects(trigger) if o.lemma_.lower() in coref_words().people_nouns or o.pos_ == "NUM"]
        if people:
            return Role(people[0].text, state.actor(self.resolved.on, sector="CVL"))
        return None

    def _ethnic_home(self, token: Any, kin: Role) -> Role | None:
        kin_country = kin.actor.country if kin.actor is not None else None
        for t in token.sent:
            m = self.resolved.mention_at(t)
            if m is not None and m.actor.kind == "state" and m.actor.country and m.actor.country != kin_country:
                state = self.resolved.kb.state(m.actor.country)
                if state is not None:
                    return Role(token.doc[token.left_edge.i : token.i + 1].text, state.actor(self.resolved.on, sector="CVL"))
        return None

    def _armed_backing(self, verb: Any) -> bool:
        """Is a verb of backing ("backed", "supported") said of armed forces, as backer or as
        backed ("Somali forces backed by Djiboutian soldiers", "the army supported the rebels")?"""
        if verb.lemma_.lower() not in ("back", "support"):
            return False
        parties = [verb.head] if verb.dep_ == "acl" else []
        parties += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        parties += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        parties = [q for p in parties for q in (p, *p.conjuncts)]
        agents = self.resolved.kb.agents
        return any(agents.get(p.lemma_.lower()) in ("MIL", "REB", "COP") or p.lemma_.lower() in load_sense_words().armed_words for p in parties)

    def _led_by(self, token: Any) -> Role | None:
        """'the Saudi-led coalition', 'U.S.-led forces': a force led by a state is that state's."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        for mod in token.children:
            if mod.dep_ != "amod" or not (mod.lemma_ == "lead" or mod.lower_.endswith("-led")):
                continue
            # the leader: a mention in the modifier ("Saudi" - "led"), or the word glued to "-led"
            leaders = [m.actor.country for c in mod.children if (m := self.resolved.mention_at(c)) is not None]
            if mod.lower_.endswith("-led"):
                hits = self.resolved.kb.find(mod.text[: -len("-led")])
                leaders += [h.entity.country for h in hits if h.entity.kind == "state"]
            state = next((st for c in leaders if c and (st := self.resolved.kb.state(c)) is not None), None)
            if state is not None:
                sector = self.resolved.kb.agents.get(token.lemma_.lower()) or "MIL"
                return Role(token.doc[mod.left_edge.i : token.i + 1].text, state.actor(self.resolved.on, sector=sector))
        return None

    def _conjoined_places(self, token: Any, found: Role) -> list[Role]:
        """'the ambassadors of Hungary, Poland and the Czech Republic': a role word placed in
        several states is a party of each, with the same sector."""
        out: list[Role] = []
        seen = {found.actor.country} if found.actor else set()
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATING_PREPS:
                continue
            for pobj in prep.children:
                for other in pobj.conjuncts if pobj.dep_ == "pobj" else ():
                    m = self.resolved.mention_at(other)
                    if m is None or m.actor.kind != "state" or not m.actor.country or m.actor.country in seen:
                        continue
                    state = self.resolved.kb.state(m.actor.country)
                    if state is not None and found.actor is not None:
                        seen.add(m.actor.country)
                        out.append(Role(found.text, state.actor(self.resolved.on, sector=found.actor.sector)))
        return out

    def _conjoined_qualifiers(self, token: Any, found: Role) -> list[Role]:
        """'the Turkish and Greek sides', 'U.S. and Russian negotiators': each of the conjoined
        words that qualify one head is a party of its own."""
        out: list[Role] = []
        seen = {found.actor.actor_id} if found.actor else set()
        for child in token.children:
            if child.dep_ not in ("amod", "compound", "nmod", "poss"):
                continue
            for other in child.conjuncts:
                m = self.resolved.mention_at(other)
                if m is not None and m.actor.actor_id not in seen:
                    seen.add(m.actor.actor_id)
                    out.append(Role(m.text, m.actor))
        return out

    def _affiliated(self, token: Any, sector: str | None) -> Role | None:
        """'militants linked with the Baloch Liberation Army', 'fighters loyal to the Islamic
        State': people tied to a body or a person act as theirs (``coref.yaml`` ``affiliations``)."""
        if sector is None:
            return None
        words = coref_words().affiliations
        for tie in token.children:
            if tie.dep_ not in ("acl", "amod") or (tie.lemma_.lower() not in words and tie.lower_ not in words):
                continue
            for prep in tie.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("with", "to"):
                    continue
                for t in prep.subtree:
                    m = self.resolved.mention_at(t)
                    if m is not None and m.actor.kind in ("org", "person"):
                        phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
                        return Role(phrase, m.actor)
        return None

    def _located(self, token: Any) -> Role | None:
        """'security forces in Guinea', 'students throughout Indonesia': a role word placed in a
        state gives that state's actor with the role's sector (the field's implicit coding); a
        role word of an organisation ('the leader of ISIS') is that organisation's."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        if token.pos_ == "PROPN" and token.is_title and lemma.endswith("s"):
            lemma = lemma[:-1]  # "Rebels in Mali" opening a sentence, taken for a name: "rebel"
        sector = self.resolved.kb.agents.get(lemma)  # None: people of that state ("prisoners in Dili")
        if sector is None and lemma not in coref_words().people_nouns:
            return None  # "the blast in Nairobi", "bombings at the embassies": a thing placed, not people
        tied = self._affiliated(token, sector)
        if tied is not None:
            return tied
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATING_PREPS:
                continue
            for t in prep.subtree:
                m = self.resolved.mention_at(t)
                if m is not None and m.actor.kind == "org" and sector is not None and prep.lower_ in ("of", "from"):
                    # "the leader of ISIS", "fighters of the Baloch Liberation Army", "top diplomats
                    # from the Group of Seven": the body's own
                    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
                    return Role(phrase, m.actor)
                if m is not None and m.actor.kind == "state" and m.actor.country:
                    state = self.resolved.kb.state(m.actor.country)
                    if state is not None:
                        phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
                        return Role(phrase, state.actor(self.resolved.on, sector=sector))
        return None

    def sources(self, trigger: Any, entry: Entry, is_noun: bool) -> tuple[list[Role], bool]:
        if is_noun and (ready := readiness_for(trigger)) is not None:
            # "Clinton is committed to a possible strike against Iraq": the one who is ready does it
            if ready.tag_ == "VBN":  # "Russia is committed to …" read as a passive: its subject is the one
                subj = _conjuncts(c for c in ready.children if c.dep_ == "nsubjpass")
            else:
                subj, _ = _subject(ready.head if ready.dep_ == "acomp" else ready)
            return self.roles(subj), True
        if is_noun:
            obj = _object_phrase(trigger)
            done = obj.dep_ in ("dobj", "obj") and obj.head.lemma_.lower() in load_modality_words().act_verbs
            if entry.needs_source == "act" and not done:
                # A relation ("India's naval cooperation with Mauritius", "the China-Russia
                # partnership") is a state, not an act, unless something is done to it ("launched
                # a partnership").
                return [], False
            agents = self.roles(_conjuncts(_prep_objects(trigger, "by")))
            if agents:  # named agents, even of what the subject undergoes: "suffered attacks by rebels"
                return agents, False
            verb_of = obj.head.lemma_.lower() if obj.dep_ in ("dobj", "obj") else ""
            if verb_of in undergo_verbs():
                # "is facing criticism", "suffered an attack": not the subject's act ("facing a
                # threat from Mali" is a danger, not Mali's act)
                return [], False
            if entry.type in FROM_SOURCE:
                # "stern warnings from Moscow", "the plan drew criticism from China", "received aid
                # from Japan": what is said or given comes from its source (an attack or a
                # withdrawal "from" is a place)
                agents = self.roles(_conjuncts(_prep_objects(trigger, "from")))
                if not agents and verb_of in receiving_verbs():
                    agents = self.roles(_conjuncts(_prep_objects(obj.head, "from")))
                if agents:
                    return agents, False
            if verb_of in receiving_verbs():
                return [], False  # the subject is given it or draws it on itself
            if (
                obj.dep_ == "pobj"
                and obj.head.lower_ == "to"
                and obj.head.head.lemma_.lower() in load_sense_words().answering_verbs
            ):
                return [], False  # "Responding to this criticism, Trump said": another's act answered
            if obj.dep_ in ("dobj", "obj", "dative", "pobj") and _addressed(obj):
                return [], False  # "Erdogan told a rally in Istanbul": he spoke to it; the rally is others'
            poss = [c for c in trigger.children if c.dep_ == "poss"]
            if poss:
                owners = self.roles(_conjuncts(poss))
                # "The UN chief repeated his calls": an unresolved possessive pronoun is the one
                # whose clause it is, found below
                if owners or not all(p.pos_ == "PRON" for p in poss):
                    return owners, False
            # "U.S. air raid on Afghanistan", "Israeli strikes": a state or body qualifying the
            # noun is who acts.
            quals = [
                c
                for c in trigger.children
                if entry.type in QUALIFIED_SOURCE
                and c.dep_ in ("amod", "compound", "nmod")
                and c.i < trigger.i
                and (m := self.resolved.mention_at(c)) is not None
                and m.actor.kind in ("state", "org")
                # "the Kenya embassy bombing": a facility qualifying an act of force is where it
                # struck, not who struck
                and not (entry.type in FORCE and c.lemma_.lower() in load_sense_words().facilities)
                # "the China threat", "the North Korean threat": the danger a state poses, a topic,
                # not a threat it made; one made is addressed ("a U.S. warning to Iran")
                and not (entry.type == "THREATEN" and not _prep_objects(trigger, "to") + _prep_objects(trigger, "against"))
            ]
            if quals:
                return self.roles(_conjuncts(quals[:1])), False
            if entry.needs_source == "poss" and not done:
                # The noun's owner only; but the noun as the object of a verb of doing is that verb's
                # subject's act: "prosecutors ordered the arrest of Dodik", "imposed a curfew"
                # (not "faces a threat", which someone else made).
                return [], False
            pair = [c for c in trigger.children if c.dep_ in ("compound", "amod", "nmod") and c.i in self.resolved.groups]
            if pair and entry.type in RECIPROCAL:
                return self.roles(pair[:1]), False  # "U.S.-Ukraine talks", "the Iran-Russia deal": both its parties
            between = _prep_objects(trigger, "between")
            if between:  # "the growing cooperation between Iran and Russia": they are its parties
                return self.roles(_conjuncts(between))[:1], False
            verb = governing_verb(trigger)
            if _suffered(trigger):
                return [], False  # "American victims of the Kenya embassy bombing were brought back"
            if _in_occasion(trigger, verb, SEQUEL) or (verb.dep_ in ("prep", "mark") and verb.lower_ in SEQUEL):
                # ("following the bombings" parsed with "following" as the governing verb)
                # "Clinton met his aides following the bombings": not Clinton's bombings (but
                # "youths threw stones during demonstrations" were at their own demonstrations)
                return [], False
            if trigger.dep_ in ("nsubj", "nsubjpass") or (
                entry.type in FORCE
                and (verb.lemma_.lower() in load_modality_words().reporting_verbs or _spoken_of(trigger))
            ):
                # "McKinnon said that terrorist bombings show …": the noun is its clause's subject,
                # and a speaker does not do the force he speaks of
                return [], False
            subj, _ = _subject(verb)
            return self.roles(subj), True
        subj, climbed = _subject(trigger)
        found = self.roles(subj)
        if not found and not subj and entry.mode == "release":
            # "the hostages, who had been held by the Taliban, were released": the holder frees them
            found = self.roles(_holders(trigger))
        if not found and subj and all(t.lower_ in PRONOUNS for t in subj):
            # "French farmers said they would blockade Paris": an unresolved pronoun is the speaker.
            head = trigger
            while head.dep_ not in ("ccomp", "xcomp", "advcl") and head.head.i != head.i:
                head = head.head
            if head.head.i != head.i:
                outer, _ = _subject(head.head)
                found = self.roles(outer) if _agrees(subj, outer, in_quotation(trigger)) else []
                climbed = climbed or bool(found)
        return found, climbed

    def targets(self, trigger: Any, entry: Entry, obj: Any | None, sources: Iterable[Role] = ()) -> list[Role]:
        if trigger.pos_ in ("NOUN", "PROPN") and entry.type in FROM_SOURCE:
            given = _object_phrase(trigger)
            if given.dep_ in ("dobj", "obj") and given.head.lemma_.lower() in receiving_verbs():
                # "Ukraine received new aid from Japan": aimed at the one who receives it
                subj, _ = _subject(given.head)
                receivers = [r for r in self.roles(subj) if not _is_own(r, {x.actor.actor_id for x in sources if x.actor})]
                if receivers:
                    return receivers
        objs = [obj] if obj is not None else _objects(trigger)
        if entry.type in FORCE:
            owner = self._facility_owner(trigger, objs)
            if owner:
                return owner  # "bombings at U.S. embassies in Kenya": the embassies' state, not the place
        if entry.type == "ACCUSE" and objs and all(names_force(o) for o in objs):
            # "condemned the bombings near U.S. embassies": whoever did them, not their victims.
            doers = [c for o in objs for c in o.children if c.dep_ == "poss"]
            doers += [g for o in objs for g in _prep_objects(o, "by")]
            # "condemned the NATO airstrikes", "Israeli raids": the body that qualifies them
            doers += [
                c
                for o in objs
                for c in o.children
                if c.dep_ in ("compound", "amod")
                and c.i < o.i
                and (m := self.resolved.mention_at(c)) is not None
                and m.actor.kind in ("state", "org")
                and c.lemma_.lower() not in load_sense_words().facilities
            ]
            if trigger.lemma_.lower() == "blame":
                # "blamed the attack on India": the one it is blamed on did it
                doers += [g for o in objs for g in _prep_objects(o, "on")] + _prep_objects(trigger, "on")
            return self.roles(_conjuncts(doers))
        own = {r.actor.actor_id for r in sources if r.actor is not None}
        if entry.type in WITH_ANOTHER | {"SANCTION"}:  # a state coerces or reforms at home, but agrees with another
            own |= {f"state:{r.actor.country}" for r in sources if r.actor is not None and r.actor.country}
        for slot in entry.target:
            found: list[Role] = []
            if slot == "dobj":
                found = self.roles(_conjuncts(objs)) if obj is None else []
            elif slot == "dative":
                found = self.roles(_conjuncts(c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"))
                found = found or self.roles(_conjuncts(_prep_objects(trigger, "to")))
            elif slot.startswith("prep:"):
                found = self.roles(_conjuncts(_prep_objects(trigger, slot[5:])))
            elif slot.startswith("objprep:"):
                found = self.roles(_conjuncts(g for o in objs for g in _prep_objects(o, slot[8:])))
            elif slot == "objmod":
                found = self.roles(
                    c for o in objs for c in o.children if c.dep_ in ("amod", "poss", "compound", "nmod")
                )
            elif slot == "place":
                place = self.place_in(trigger)
                if place is not None and place[1].country:
                    state = self.resolved.kb.state(place[1].country)
                    if state is not None:
                        found = [Role(place[0], state.actor(self.resolved.on))]
            elif slot == "subtree":
                found = self._in_subtree(trigger)
            elif slot == "aim":
                found = self._in_subtree(trigger, skip_places=True)
            # "Orban hailed the country's accession to NATO": the source's own state named in the
            # slot is not the other party of an act done with another
            found = [r for r in found if not _is_own(r, own)]
            if found:
                return found
        # Where the entry's own slots find nothing: the subject of the clause the trigger governs
        # ("demanded that the US cancel"), else the first actor in the trigger's own phrase.
        clause = [c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")]
        found = self.roles(_conjuncts(s for c in clause for s in c.children if s.dep_ in ("nsubj", "nsubjpass")))
        # "Liu warned that the Chinese government will not sit on its hands": who will act is an
        # official speaker's own side, not the one threatened or promised (an opposition's promise
        # to its government has another party)
        official_home = {
            f"state:{r.actor.country}" for r in sources if r.actor is not None and r.actor.country and _official(r.actor)
        }
        if entry.type in ("THREATEN", "AGREE"):
            found = [r for r in found if not _is_own(r, own | official_home) and not _own_government(r, official_home)]
        # Talks "in Jeddah" are held there, not with Saudi Arabia; only a visit's place is its target.
        venue = entry.type == "CONSULT" and entry.mode != "visit"
        # "agreed to restore normalization between Israel and Turkey": the party that is not the source.
        found = found or self._in_subtree(trigger, skip_places=venue, kind=entry.type, skip_object=venue, own=own)
        if entry.type in ("THREATEN", "AGREE"):
            found = [r for r in found if not _own_government(r, official_home)]
        return found

    def _facility_owner(self, trigger: Any, objs: list[Any]) -> list[Role]:
        """The state or body that owns a facility an act of force is aimed at ("attacked the U.S.
        embassy", "bombings at U.S. embassies in Kenya", "explosions near the Israeli consulate")."""
        places = list(objs)
        for prep in trigger.children:
            if prep.dep_ == "prep" and prep.lower_ in FACILITY_PREPS:
                places.extend(g for g in prep.children if g.dep_ == "pobj")
        for place in places:
            if place.lemma_.lower() not in load_sense_words().facilities:
                continue
            owners = [c for c in place.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < place.i]
            found = self.roles(owners)
            if found:
                return found[:1]
        return []

    def _in_subtree(
        self,
        trigger: Any,
        skip_places: bool = False,
        kind: str | None = None,
        skip_object: bool = False,
        own: set[str] | frozenset[str] = frozenset(),
    ) -> list[Role]:
        for t in trigger.subtree:
            if t.i > trigger.i and t.i in self.resolved.by_token:
                if skip_places and self._placed(t, trigger):
                    continue
                if kind in TOPICAL and _in_topic(t, trigger):
                    continue  # "talks on Afghanistan", "criticised over Iraq": a topic is no target
                if skip_object and _in_object(t, trigger):
                    continue  # "discussed China's role": what is talked about, not with whom
                if _in_occasion(t, trigger):
                    continue  # "as they were hit during Trump's first term": a time, not a target
                if kind is not None and kind not in SPEECH_ACTS and _in_other_clause(t, trigger):
                    continue  # "killed attackers who laid siege to a hotel in X" (a said act's clause
                    # names whom it is aimed at: "threatened to stop talks if the US goes ahead")
                found = self.roles([t])[:1]
                if skip_places and not (found and found[0].actor and found[0].actor.country_code):
                    continue  # a river or a building: not whom the act is aimed at
                if found and _is_own(found[0], own):
                    continue  # the source itself, or its state, named again in the act's phrase
                return found
        return []

    @staticmethod
    def _placed(token: Any, trigger: Any) -> bool:
        """Is ``token`` in a phrase of place under ``trigger`` ("in Baghdad", "at a jail in Dili")?"""
        t = token
        while t.i != trigger.i and t.head.i != t.i:
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS | {"throughout", "across", "outside", "near"}:
                near = [t, *(c for c in t.children if c.dep_ in ("poss", "compound", "appos", "nmod"))]
                if t.lemma_ in PLACE_NOUNS or any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in near):
                    return True  # "in Baghdad", "at a jail in East Timor's capital", not "in defiance of"
            t = t.head
        return False

    # -- circumstances ---------------------------------------------------------------------
    def _governs(self, trigger: Any, token: Any) -> bool:
        t = token
        for _ in range(15):
            if t.i == trigger.i:
                return True
            if t.head.i == t.i:
                return False
            # A clause with its own subject has its own time; a subjectless participle ("a drill
            # starting on Wednesday") shares the trigger's.
            if (
                t.i != token.i
                and t.dep_ in CLAUSE_DEPS
                and t.pos_ in ("VERB", "AUX")
                and (t.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
            ):
                return False
            t = t.head
        return False

    def date_for(self, trigger: Any, kind: str | None = None) -> tuple[str | None, Precision]:
        """The date of the point in time that governs the trigger in its sentence, else the
        report's. A subjectless infinitive shares the time of the verb it completes or serves
        ("last week the FBI joined Canadian police to investigate", "attended a rally Thursday to
        demand"); a time fronted before a clause covers the clause joined to it ("in June, the
        leaders fell out, and Pol Pot was arrested"). A time that belongs to another noun phrase
        dates that thing, not the event: "Iraq's 1990 invasion", "the 1991 Gulf War",
        "Wednesday's ruling", "shootings dating to 1994"."""
        sent = trigger.sent
        verbs: list[tuple[Any, bool | None]] = [(trigger, False)]
        while len(verbs) < 4:
            verb = verbs[-1][0]
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            participle = verb.tag_ == "VBG"  # "carried out airstrikes in December, hitting targets"
            if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and (infinitive or participle) and not subject):
                verbs.append((verb.head, False))
            elif verb.pos_ in ("NOUN", "PROPN") and (obj := _object_phrase(verb)).dep_ in ("dobj", "obj"):
                # "in December, forces carried out (a series of) airstrikes": the verb's time
                verbs.append((obj.head, False))
            elif (
                verb.pos_ in ("NOUN", "PROPN")
                and verb.dep_ == "pobj"
                and verb.head.lower_ in ("for", "to")
                and verb.head.head.pos_ in ("VERB", "AUX")
            ):
                verbs.append((verb.head.head, False))  # "left Tuesday for consultations with Syria"
            elif verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX"):
                # only a time before the first clause's verb, and before its subject when the
                # second clause has a subject of its own ("Clinton Thursday condemned … and vowed …")
                verbs.append((verb.head, True if subject else None))
            elif (
                kind in SPEECH_ACTS
                and verb.dep_ in ("ccomp", "parataxis")
                and verb.head.lemma_.lower() in load_modality_words().reporting_verbs
            ):
                # A promise, threat or demand is made when it is said: "said Tuesday it would resume aid".
                verbs.append((verb.head, False))
            elif kind in SPEECH_ACTS and verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN":
                # ... or when it is announced: "Tuesday's announcement that Ukraine had agreed"
                verbs.append((verb.head, False))
            else:
                break
        for verb, fronted in verbs:
            for tx, head in self.timex_heads:
                # Only a point in time dates an event: not a duration ("for three years"), a set or "now".
                point = tx.kind in ("DATE", "TIME") and tx.value is not None and tx.value[:1].isdigit()
                if not (point and sent.start_char <= tx.start < sent.end_char and self._governs(verb, head)):
                    continue
                subjects = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                if fronted and not head.i < min([verb.i, *subjects]):
                    continue
                if fronted is None and not head.i < verb.i:
                    continue
                if not self._of_another_thing(tx, head, verb):
                    return self._calendar_date(str(tx.value), tx.precision)
        said = verbs[-1][0]
        if kind in SPEECH_ACTS and said.lemma_.lower() in load_modality_words().continuing_verbs:
            # "Zelenskyy wrote Wednesday that … He added that Ukraine was ready": the saying goes
            # on, on the day the sentence before gives its saying
            dated = self._saying_day_before(said)
            if dated is not None:
                return dated
        if _told_before(trigger):
            # "the three states had accused Algeria": told as before the report's news, with no
            # time of its own; plainly earlier, so unknown, not the report's day
            return None, Precision.UNKNOWN
        if self.document.published is not None:
            return self.document.published.date().isoformat(), Precision.REPORT
        return None, Precision.UNKNOWN

    def _saying_day_before(self, said: Any) -> tuple[str, Precision] | None:
        """The day of the saying in the sentence before ``said``'s: a point in time that governs
        a verb of saying there ("Zelenskyy wrote Wednesday")."""
        sent = said.sent
        if sent.start == 0:
            return None
        before = said.doc[sent.start - 1].sent
        reporting = load_modality_words().reporting_verbs
        for tx, head in self.timex_heads:
            point = tx.kind in ("DATE", "TIME") and tx.value is not None and tx.value[:1].isdigit()
            if not (point and before.start_char <= tx.start < before.end_char):
                continue
            for verb in before:
                if verb.pos_ == "VERB" and verb.lemma_.lower() in reporting and self._governs(verb, head):
                    return self._calendar_date(str(tx.value), tx.precision)
        return None

    @staticmethod
    def _of_another_thing(tx: Timex, head: Any, trigger: Any) -> bool:
        """Does the time ``head`` modify a noun other than the trigger (or the verb it completes):
        before it ("the 1991 Gulf War", "Wednesday's ruling") or, for a year, anywhere in its
        phrase ("shootings dating to 1994", "the invasion of Kuwait in 1990")?"""
        noun = head.head
        prep = head.head if head.dep_ == "pobj" else None
        if (
            prep is not None
            and prep.dep_ == "prep"
            and prep.head.i != trigger.i
            and prep.head.pos_ in ("NOUN", "PROPN")
            and prep.head.dep_ == "pobj"
        ):
            return True  # "invited them to a ceremony on March 12": the ceremony's day, not the invitation's
        if head.dep_ in NOUN_MODIFIERS and head.i < noun.i and noun.pos_ in ("NOUN", "PROPN"):
            # ... unless that thing is the act's subject: "the Aug. 7 blasts killed 257 people", or
            # the occasion it was done at: "responded in a Jan. 23 press briefing"
            occasion = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at", "during") and noun.head.head.i == trigger.i
            return not (noun.i == trigger.i or occasion or (noun.dep_ == "nsubj" and noun.head.i == trigger.i))
        if tx.precision is not Precision.YEAR:
            return False
        t = head.head
        while t.i != trigger.i and t.head.i != t.i:
            if t.pos_ in ("NOUN", "PROPN"):
                return True
            t = t.head
        return False

    @staticmethod
    def _calendar_date(value: str, precision: Precision) -> tuple[str, Precision]:
        """An event's date as a day, month or year: a week ("1998-W42", "1998-W42-WE") that lies in
        one month is dated by that month; one that spans two keeps its week. A part of a day
        ("1995-03-06TNI", "2025-03-10T14:00") dates the event by its day."""
        if len(value) > 10 and value[10] == "T" and value[:4].isdigit():
            return value[:10], Precision.DAY
        if precision is not Precision.WEEK or len(value) < 8 or value[4:6] != "-W" or not value[6:8].isdigit():
            return value, precision
        try:
            first = datetime.date.fromisocalendar(int(value[:4]), int(value[6:8]), 6 if value.endswith("-WE") else 1)
            last = datetime.date.fromisocalendar(int(value[:4]), int(value[6:8]), 7)
        except ValueError:
            return value, precision
        if (first.year, first.month) != (last.year, last.month):
            return value, precision
        return f"{first.year:04d}-{first.month:02d}", Precision.MONTH

    def place_in(self, trigger: Any) -> tuple[str, Place] | None:
        for prep in trigger.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or not self._governs(trigger, pobj):
                    continue
                m = self.resolved.mention_at(pobj)
                if m is None and pobj.ent_type_ in ("DATE", "TIME"):
                    continue  # "in March": a month, not the town of March
                name = m.text if m is not None else pobj.text
                place = place_lookup(name, self.resolved.kb)
                if place is not None:
                    return name, place
        return None

    def _after_report(self, date: str | None, precision: Precision) -> bool:
        """Is ``date`` (a day or a month the text gives) later than the report's own?"""
        pub = self.document.published
        if date is None or pub is None or precision not in (Precision.DAY, Precision.MONTH):
            return False
        own = pub.date().isoformat()
        return date[:7] > own[:7] if precision is Precision.MONTH else date[:10] > own[:10]

    def _history_in_passing(self, trigger: Any, date: str | None) -> bool:
        """Is ``trigger`` in a relative clause told of a noun in passing ("the Taliban, who seized
        power in August 2021"), past, and dated by the text a year or more before the report? The
        guidelines code no such history as an event of the report."""
        published = self.document.published
        if published is None or date is None or trigger.dep_ != "relcl" or trigger.tag_ not in ("VBD", "VBN"):
            return False
        try:
            when = datetime.date.fromisoformat((date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10])
        except ValueError:
            return False
        return (published.date() - when).days >= HISTORY_DAYS

    def place_for(self, trigger: Any) -> Place | None:
        found = self.place_in(trigger)
        if found is not None:
            return found[1]
        if self.document.dateline_place:
            return place_lookup(self.document.dateline_place, self.resolved.kb)
        return None

    # -- the event ---------------------------------------------------------------------------
    def code(
        self,
        trigger: Any,
        entry: Entry,
        obj: Any | None,
        is_noun: bool,
        given: tuple[list[Role], list[Role]] | None = None,
    ) -> Iterator[Event]:
        """The events of one trigger; ``given`` (sources, targets) when the caller found them."""
        if given is None:
            found, implicit = self.sources(trigger, entry, is_noun)
            if not found and obj is not None and entry.type in RECIPROCAL:
                # "U.S.-Ukraine talks were held in Jeddah": the pair that qualifies the object
                pair = [c for c in obj.children if c.dep_ in ("compound", "amod", "nmod") and c.i in self.resolved.groups]
                found = self.roles(pair[:1])
            targets: list[Role | None] = list(self.targets(trigger, entry, obj, found)) or [None]
        else:
            found, implicit = given[0], False
            targets = list(given[1]) or [None]
        if entry.object_is_actor and targets == [None]:
            return  # "admitted mistakes", "received a message": the sense needs an actor it is done to
        if entry.needs_target and targets == [None] and len({_party(s) for s in found}) < 2:
            return  # "Russia has invested 9% of its GDP on the military": no one traded with
        if entry.type not in SPEECH_ACTS:
            # "The agency quoted witnesses as saying tanks are patrolling": an outlet tells acts, it
            # does not do them (it may accuse or urge, in its own editorial voice).
            found = [r for r in found if r.actor is None or r.actor.kind != "outlet"]
        if found and all(r.actor is not None and r.actor.actor_id in self.resolved.commentators for r in found):
            return  # "security analyst Kabiru Adamu welcomed the move": a comment, not an act
        if entry.target_codes:
            # "joined NATO", "accession to the EU": the sense needs a body of that kind as its target.
            targets = [t for t in targets if t is not None and t.actor and t.actor.country_code in entry.target_codes]
            if not targets:
                return
        sources: list[Role | None] = list(found)
        from_place = from_target = False
        addressed = is_noun and (o := _object_phrase(trigger)).dep_ in ("dobj", "obj", "dative", "pobj") and _addressed(o)
        if addressed and not sources:
            return  # "Erdogan told a rally in Istanbul": he spoke to it; it is no act of others told
        if not is_noun and _tally(trigger):
            return  # "1,250 terrorists have been killed so far this year": a count over time, not an act
        if not sources and entry.type == "PROTEST":
            # Protesters the text does not name by country are the people of where they protest.
            where = self.place_in(trigger)
            state = self.resolved.kb.state(where[1].country) if where and where[1].country else None
            if where is not None and state is not None:
                sources, from_place = [Role(where[0], state.actor(self.resolved.on, sector="CVL"))], True
                # The place gave who protests; it is not also whom they protest against.
                targets = [t for t in targets if t is None or t.text != where[0]] or [None]
            elif targets[0] is not None and targets[0].actor is not None and targets[0].actor.country:
                # Else they are taken to be the people of the state they protest against, as the
                # field codes it ("fundamentalists … to demand the resignation of Algeria's president").
                state = self.resolved.kb.state(targets[0].actor.country)
                if state is not None:
                    sources, from_target = [Role("", state.actor(self.resolved.on, sector="CVL"))], True
        if (
            entry.type == "PROTEST"
            and not is_noun
            and trigger.lemma_.lower() == "protest"
            and sources
            and all(r is not None and r.actor is not None and _official(r.actor) for r in sources)
            # (not "Thousands of Iraqis", "Iraqis": people of a state, not the state)
            and not any(
                (t.i == s.i and t.ent_type_ == "NORP") or t.pos_ == "NUM" or t.lower_ in load_sense_words().quantity_nouns
                for s in _subject(trigger)[0]
                for t in s.subtree
            )
        ):
            # "Iraq protested against the airstrikes": a state or its officials complain (CAMEO 114);
            # only civilians demonstrate (GUIDELINES: PROTEST is by civilians).
            entry = replace(entry, id=f"{entry.id}+official", type="ACCUSE", mode="allege", cameo="114")
        unknown_source = not sources and entry.type in SOURCELESS and targets != [None]
        if unknown_source:
            sources = [None]
        elif not sources:
            return
        if entry.mode == "visit" and targets == [None] and self._home_trip(trigger, sources):
            return  # "as he arrived in Philadelphia": a trip at home is no visit to anyone
        domestic = False
        if targets == [None] and entry.type in DOMESTIC and not is_noun:
            home = self._domestic_target(trigger, sources)
            if home is not None:
                targets, domestic = [home], True
        recoded = recode(entry.type, entry.cameo or self.ontology.default_cameo(entry.type), trigger)[0]
        date, precision = self.date_for(trigger, recoded)
        if not is_noun and self._history_in_passing(trigger, date):
            return  # "The Taliban, who seized power in August 2021, have imposed …": history, not news
        place = self.place_for(trigger)
        negated = is_negated(trigger) and not entry.negated
        modality = modality_of(trigger)
        kind, cameo, intent = recode(entry.type, entry.cameo or self.ontology.default_cameo(entry.type), trigger)
        if intent and _asked_whether(trigger):
            # "nobody knows whether Iran will attack", "if it would meet the rebels": a question or a
            # condition states no one's intent
            kind, cameo, intent = entry.type, entry.cameo or self.ontology.default_cameo(entry.type), False
            modality = Modality.HYPOTHETICAL
        verbal = False
        act_noun = trigger if is_noun else obj  # "a frontal attack on Trump", "launched a frontal attack on Trump"
        if kind == "ASSAULT" and act_noun is not None and _words_against_person(act_noun, targets):
            kind, cameo = "ACCUSE", "111"  # "Clinton's frontal attack on Trump": words, not force
            verbal = True
        if kind == "SUPPORT" and not is_noun and self._armed_backing(trigger):
            kind, cameo = "COOPERATE", "062"  # "forces backed by Djiboutian soldiers": military cooperation, not words
        if intent and (unknown_source or _predicted(trigger)):
            # No one states it: "the proposal would prohibit Iran's banks", "analysts say Putin
            # would recognize the folly". A prediction, not a promise or a threat.
            kind, cameo, intent = entry.type, entry.cameo or self.ontology.default_cameo(entry.type), False
            modality = Modality.HYPOTHETICAL
        if (
            (entry.type == "THREATEN" or (entry.type == "REJECT" and entry.negated))
            and not intent
            and modality in (Modality.HYPOTHETICAL, Modality.INTENDED)
            and _said_will(trigger)
        ):
            # "Iran said it would retaliate", "Aziz said Baghdad would never accept the inspections":
            # a threat or a refusal said is made, whatever the modal of its clause
            modality = statement_modality(trigger)
        if intent or given is not None:
            # A stated intent (AGREE, THREATEN) or obligation (REQUEST) is itself the act.
            modality = statement_modality(trigger)
            if intent and kind == "REJECT" and entry.type != "REJECT":
                negated = False  # "will not retreat", said: the refusal is the act, and it is not negated
            if intent and kind in ("AGREE", "REJECT") and modality is Modality.ASSERTED and not (committed(trigger) or in_quotation(trigger)):
                # Stated by no one: a plan the report tells ("the king will meet Bush on Thursday",
                # "plans to visit Moscow") has not happened and is no promise. (A plan of harm,
                # "plans to impose sanctions", is read as the threat it makes, as the field codes it.)
                modality = Modality.INTENDED
        if intent and kind == "THREATEN" and entry.type == "COERCE" and _at_home(sources, targets) and not _said_will(trigger):
            # "Chinese officials look to limit screen time in China": a plan to restrict at home,
            # told by the report, threatens no one (said by its makers, "farmers said they would
            # blockade Paris", it is the threat they make)
            kind, cameo, intent = entry.type, entry.cameo or self.ontology.default_cameo(entry.type), False
            modality = Modality.INTENDED
        if (gv := governing_verb(trigger)).dep_ == "ROOT" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in gv.children):
            modality = Modality.INTENDED  # a headline's "Poland to participate in NATO summit": to come
        if not intent and modality is Modality.ASSERTED and self._after_report(date, precision):
            modality = Modality.INTENDED  # "the prime minister's Dec. 28 meeting" in a report of Dec. 10: to come
        root = self.ontology.root_of(cameo)
        sent = trigger.sent
        pairs: list[tuple[Role | None, Role | None]] = [(src, tgt) for src in sources for tgt in targets]
        mutual = _each_other(trigger)
        if mutual and len({_party(s) for s in sources}) > 1:
            targets = [None]  # "the two leaders pledged to consult each other": toward one another
        if (
            targets == [None]
            and (entry.reciprocal or mutual or (entry.type in RECIPROCAL and not _partner_named(trigger)))
            and len({_party(s) for s in sources}) > 1
        ):
            # "Iran and Saudi Arabia agreed to restore ties": the parties act toward each other, one
            # event each way (IRN→SAU, SAU→IRN): each is a source of the joint act, as PLOVER codes it.
            pairs = [(a, b) for a in sources for b in sources if _party(a) != _party(b)]
        for src, tgt in pairs:
            if not (_coded(src) or _coded(tgt)):
                # No state, international body or NGO on either side: a man, his lawyer and a
                # prosecutor, a sniper and a doctor. No political event can be told of whom.
                continue
            if (
                tgt is not None
                and src is not None
                and tgt.actor is not None
                and src.actor is not None
                and (
                    tgt.actor.actor_id == src.actor.actor_id
                    or (kind in WITH_ANOTHER and _own_state(src.actor, tgt.actor))
                )
            ):
                if kind == "CONSULT" and tgt.actor.actor_id != src.actor.actor_id:
                    continue  # "the president arrived in Philadelphia": travel at home is no visit
                tgt = None
            confidence = entry.strength
            confidence *= 0.85 if implicit else 1.0
            confidence *= 0.8 if modality is Modality.HYPOTHETICAL else 1.0
            confidence *= 1.0 if tgt is not None or not entry.target else 0.9
            rule = entry.id + ("+intent" if intent else "") + ("+verbal" if verbal else "")
            rule += "+source:governing-clause" if implicit else ""
            rule += "+source:unknown" if unknown_source else ("+source:place" if from_place else "")
            rule += "+target:domestic" if domestic else ""
            rule += "+source:target" if from_target else ""
            confidence *= 0.8 if unknown_source else 1.0
            key = "|".join(
                [
                    self.document.doc_id,
                    str(trigger.idx),
                    kind,
                    src.actor.actor_id if src and src.actor else "",
                    tgt.actor.actor_id if tgt and tgt.actor else "",
                ]
            )
            yield Event(
                event_id=hashlib.sha1(key.encode()).hexdigest()[:16],
                doc_id=self.document.doc_id,
                sentence=sent.text.strip(),
                sentence_start=sent.start_char,
                trigger=trigger.text if obj is None else f"{trigger.text} … {obj.text}",
                trigger_start=trigger.idx,
                type=kind,
                mode=None if intent else entry.mode,
                contexts=(entry.context,) if entry.context else (),
                cameo=cameo,
                goldstein=root.goldstein if root else None,
                quad_class=root.quad_class if root else None,
                source=src,
                target=tgt,
                date=date,
                date_precision=precision,
                place=place,
                negated=negated,
                modality=modality,
                confidence=round(confidence, 3),
                rule=rule,
            )


def extract_events(
    document: Document, resolved: ResolvedDoc, timexes: list[Timex], lexicon: Lexicon, ontology: Ontology
) -> list[Event]:
    """Every event the lexicon codes in a parsed report, one per (sentence, type, source, target)."""
    coder = _Coder(document, resolved, timexes, ontology)
    consumed: set[int] = set()
    events: list[Event] = []
    doc = resolved.doc
    coded: set[int] = set()
    for i in tokens_with(doc, lexicon.verb_words):
        token = doc[i]
        hit = _verb_entry(token, lexicon)
        if hit is None and _sense_declined(token, lexicon):
            coded.add(i)  # the lexicon judged this use no event ("received a message"): the dictionary agrees
        if hit is not None:
            coded.add(i)
            entry, obj = hit
            if obj is not None:
                consumed.add(obj.i)
            events.extend(coder.code(token, entry, obj, is_noun=False))
    for i in tokens_with(doc, lexicon.noun_words):
        token = doc[i]
        if token.i in consumed:
            continue
        if token.ent_type_ in ("DATE", "TIME"):
            continue  # "in early March": a month, not a march
        if _in_name(token, resolved):
            continue  # "the Inter-Parliamentary Alliance on China", "the Arab Spring protests": a name
        if _topic_of_noun(token):
            continue  # "no details about the negotiations", "questions over the attack": a topic, not an act told
        if _standing_under(token):
            continue  # "an industry which is under U.S. sanctions": a standing state, not an act told
        noun_entry = _noun_entry(token, lexicon)
        if noun_entry is not None:
            events.extend(coder.code(token, noun_entry, None, is_noun=True))
    # The CAMEO verb dictionary, below the lexicon: verbs the lexicon does not know or did not code.
    events.extend(dictionary_events(coder, doc, coded, events))
    events = _obligations(coder, events)
    events = _failings(coder, events)
    events = _drop_embedded(events, resolved.doc)
    events = _drop_purposes(events, resolved.doc)
    events = _drop_restated(events, resolved.doc)
    events = _ultimatums(coder, events)  # after: the threat sits inside the demand's phrase
    events = _claimed(coder, events)
    events = aim_responses(doc, events)
    events = _place_restatements(doc, events)
    best: dict[tuple[Any, ...], Event] = {}
    for ev in events:
        key = (
            ev.sentence_start,
            ev.type,
            ev.source.actor.actor_id if ev.source and ev.source.actor else None,
            ev.target.actor.country if ev.target and ev.target.actor else None,
        )
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    events = _one_per_act(sorted(best.values(), key=lambda e: (e.trigger_start, e.event_id)))
    # after the merging of restatements: a party inferred from context must not make two acts one
    return fill_counterparts(events, resolved)


# Named entities whose words are a name, not an act told ("the Alliance of Sahel States").
NAME_ENTITIES = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "GPE", "PERSON", "NORP"})


def _in_name(token: Any, resolved: ResolvedDoc) -> bool:
    """Is the noun ``token`` a word of a name of several words, or of an actor's name?"""
    if token.ent_type_ in NAME_ENTITIES and (
        token.ent_iob_ == "I" or (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")
    ):
        return True
    mention = resolved.mention_at(token)
    return mention is not None and mention.actor is not None and mention.actor.kind == "org"


def _predicted(trigger: Any) -> bool:
    """Is the trigger's clause what a commentator says will or would happen ("military analysts
    say Putin would recognize the folly")?"""
    verb = governing_verb(trigger)
    if verb.dep_ not in ("ccomp", "parataxis") or verb.head.lemma_.lower() not in load_modality_words().reporting_verbs:
        return False
    sayers = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lemma_.lower() in coref_words().commentator_nouns for c in sayers)


def _coded(role: Role | None) -> bool:
    """Does ``role`` stand for an actor with a country or a transnational code?"""
    return bool(role is not None and role.actor is not None and role.actor.country_code)


def _at_home(sources: list[Role | None], targets: list[Role | None]) -> bool:
    """Are the targets none, or of the sources' own country?"""
    home = {s.actor.country for s in sources if s is not None and s.actor is not None and s.actor.country}
    return all(t is None or t.actor is None or t.actor.country in home for t in targets) and bool(home)


def _own_state(source: Any, target: Any) -> bool:
    """Is ``target`` the bare state (no sector) its ``source`` belongs to ("New Delhi … India")?"""
    return bool(
        source.country
        and target.country == source.country
        and target.kind == "state"
        and not target.sector
    )


def _party(role: Role | None) -> str | None:
    return None if role is None else role.party


def _one_per_act(events: list[Event]) -> list[Event]:
    """One event per act in a report: the same act told in the headline's lead, again in a later
    paragraph and once more in a quotation is stored once, with its first telling (the lead
    of a news report tells its news). The same act is the same type and CAMEO code (a visit
    and the talks it was for are two acts) between the same parties
    (by country, or by actor where an actor has none) on the same date, told the same way (as
    fact, asserted or reported; or else with the same modality). A telling dated only by the
    report's date is the act a dated telling dates. Two meetings on two days stay two events."""

    groups: dict[tuple[Any, ...], list[Event]] = {}
    for ev in events:
        if _party(ev.source) is None and _party(ev.target) is None:
            groups[("single", ev.event_id)] = [ev]  # nothing to tell two such acts apart by
            continue
        told_as_fact = ev.modality in SHOWN_MODALITIES and not ev.negated  # asserted or reported: one act
        how = "fact" if told_as_fact else f"{ev.modality}{'-negated' if ev.negated else ''}"
        key: tuple[Any, ...] = (ev.type, ev.cameo, _party(ev.source), _party(ev.target), how)
        if _party(ev.source) == _party(ev.target):
            # Within one state, the sides tell acts apart: the army's offensive against al-Shabab and
            # al-Shabab's attack on a hotel are both Somalia → Somalia.
            key += tuple(r.actor.sector if r and r.actor else None for r in (ev.source, ev.target))
        groups.setdefault(key, []).append(ev)
    keep: set[str] = set()
    for group in groups.values():
        # Within one group, a telling dated only by the report (no date of its own in its
        # sentence) is the act another telling dates; two tellings with dates of their own that
        # differ are two acts.
        group.sort(key=lambda e: e.trigger_start)
        dated = [e for e in group if e.date_precision is not Precision.REPORT]
        days = {e.date for e in dated}
        for e in dated:
            if e.date in days:
                keep.add(e.event_id)
                days.discard(e.date)
        if not dated:
            keep.add(group[0].event_id)
    # A visit told again without its destination is the visit told with it ("Macron arrived in
    # Beijing … before his trip"), unless its own date differs. (Other acts told once with a target
    # and once without may be two acts: a rejection of X and a rejection of all.)
    aimed = {
        (e.type, _party(e.source), e.date)
        for e in events
        if e.event_id in keep
        and e.mode == "visit"
        and e.target is not None
        and e.modality in SHOWN_MODALITIES
        and not e.negated
    }
    for e in events:
        if (
            e.event_id in keep
            and e.mode == "visit"
            and e.target is None
            and _party(e.source) is not None
            and e.modality in SHOWN_MODALITIES
            and not e.negated
            and (e.type, _party(e.source), e.date) in aimed
        ):
            keep.discard(e.event_id)
    return [e for e in events if e.event_id in keep]


# Acts whose object is another act: what is demanded, condemned, refused, threatened, promised or
# praised has not (thereby) happened, and the field codes the outer act alone ("demanded that the
# US cancel the sale" is a REQUEST, not an AID).
EMBEDDING = {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"}  # "apologized for a raid that killed …"


def _trigger_tokens(events: list[Event], doc: Any) -> dict[str, Any]:
    """Each event's trigger token, by event id."""
    starts = token_starts(doc)
    return {ev.event_id: doc[tokens_overlapping(starts, ev.trigger_start, ev.trigger_start + 1)[0]] for ev in events}


def _drop_purposes(events: list[Event], doc: Any) -> list[Event]:
    """An act of a type named again as the purpose of another of that type by the same doer is that
    act ("spoke with Han to discuss the test", "met Lavrov to hold talks"): one event."""
    if len(events) < 2:
        return events
    token_of = _trigger_tokens(events, doc)
    by_trigger = {(token_of[ev.event_id].i, ev.type, _party(ev.source)) for ev in events}
    keep = []
    for ev in events:
        verb = token_of[ev.event_id]
        purpose = verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        if purpose and (verb.head.i, ev.type, _party(ev.source)) in by_trigger:
            continue
        keep.append(ev)
    return keep


def _fact_clause(verb: Any) -> bool:
    """A content clause of a noun, with its own subject, told in a past tense ("the announcement
    that Ukraine had agreed")."""
    return bool(
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "nsubj" for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


def _ancestors(token: Any) -> set[int]:
    out: set[int] = set()
    t = token
    while t.head.i != t.i:
        t = t.head
        out.add(t.i)
    return out


def _drop_embedded(events: list[Event], doc: Any) -> list[Event]:
    if len(events) < 2:
        return events
    token_of = _trigger_tokens(events, doc)
    outer = {token_of[ev.event_id].i for ev in events if ev.type in EMBEDDING}
    # "welcomed the announcement that Ukraine had agreed to a ceasefire": what is welcomed as done
    # is told as a fact (not so under a denial or a criticism, which dispute it)
    endorsing = {token_of[ev.event_id].i for ev in events if ev.type == "SUPPORT"}
    keep = []
    for ev in events:
        tok = token_of[ev.event_id]
        heads: set[int] = set()
        t = tok
        while t.head.i != t.i:
            if _fact_clause(t) and not (heads | {t.head.i} | _ancestors(t.head)) & (outer - endorsing - {tok.i}):
                break
            if (
                (t.dep_ in ("nsubj", "nsubjpass", "conj") and t.head.i in outer)
                or told_of_actor(t)  # "meet Albright, who visited Havana": its own fact
                or t.lower_ in _OCCASION
                or (t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _OCCASION for m in t.children))
            ):
                # "Putin, with whom Erdogan met Monday, rejected the plan": the subject's phrase
                # is not what the act is about; nor is its time ("brokered the deal during a visit
                # to Israel", "threatened Seoul after it began drills"), nor an act joined to it
                # ("criticized Israel and recalled its envoy").
                break
            t = t.head
            heads.add(t.i)
        if heads & (outer - {tok.i}):
            continue
        keep.append(ev)
    return keep


def _drop_restated(events: list[Event], doc: Any) -> list[Event]:
    """One event, not several, for what a sentence tells once.

    - An event noun inside another event's phrase names that event or its occasion, not a second
      one: "hosted Hashimoto for an informal meeting", "mobilized reservists for a possible war",
      "killed 23 people in a suicide attack", "agreed to postpone the demonstration".
    - Of two events of one type in a sentence, one that lacks the source or the target the other
      has is the same event told with less: "shelled Juba …, killing about 20 people".
    """
    if len(events) < 2:
        return events
    token_of = _trigger_tokens(events, doc)
    triggers = {token_of[ev.event_id].i for ev in events}
    keep: list[Event] = []
    for ev in events:
        tok = token_of[ev.event_id]
        if tok.pos_ in ("NOUN", "PROPN") and _inside_other(tok, triggers):
            continue
        keep.append(ev)
    return [ev for ev in keep if not any(_told_more(other, ev) for other in keep if other is not ev)]


# An event noun in a phrase of time or cause is an event of its own: "retook the village after
# fierce fighting", "closed its borders because of fighting".
_OCCASION = frozenset({"after", "before", "since", "following", "amid", "during", "despite", "because", "until"})


# Phrases of what came before or caused an act, whose own acts are another's ("after the bombings").
SEQUEL = _OCCASION - {"during"}


def _inside_other(token: Any, triggers: set[int]) -> bool:
    t = token
    while t.head.i != t.i:
        if t.lower_ in _OCCASION:
            return False
        t = t.head
        if t.i in triggers:
            return True
    return False


def _addressed(noun: Any) -> bool:
    """Is ``noun`` whom a speaker addresses ("told a rally", "addressed the summit", "spoke to a
    meeting")?"""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("to", "before") else noun.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in load_sense_words().addressing


def _in_other_clause(token: Any, trigger: Any) -> bool:
    """Is ``token`` in a clause with a subject of its own under ``trigger`` ("killed in what U.S.
    officials describe as an operation"), or the doer of a passive ("a company operated by China")?
    Its actors act there, not here."""
    t = token
    while t.i != trigger.i and t.head.i != t.i:
        if t.dep_ == "agent":
            return True
        if t.dep_ in ("relcl", "ccomp", "advcl", "parataxis", "acl", "pcomp") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in t.children
        ):
            return True
        if t.dep_ == "pcomp" and t.pos_ == "VERB" and t.head.lower_ in _CAUSE_OR_TIME:
            return True  # "deported for illegally entering the United States": the other act's object
        t = t.head
    return False


# Prepositions whose gerund tells another act, done before or as the reason ("arrested for
# attacking", "killed while crossing", "detained after entering"), not whom the act is aimed at.
_CAUSE_OR_TIME = frozenset({"for", "after", "before", "while", "since", "over", "despite", "upon", "on"})


def _in_object(token: Any, trigger: Any) -> bool:
    """Is ``token`` in the direct object of the verb ``trigger``?"""
    t = token
    while t.head.i != trigger.i and t.head.i != t.i:
        t = t.head
    return t.head.i == trigger.i and t.dep_ in ("dobj", "obj")


def _each_other(trigger: Any) -> bool:
    """Does the act, or the act it commits to, name "each other" or "one another" as its object
    ("pledged to consult each other", "accused one another")?"""
    pairs = [c for c in trigger.sent if c.lower_ in ("other", "another") and c.i > 0 and c.doc[c.i - 1].lower_ in ("each", "one")]
    if not pairs:  # the common case, found without walking the trigger's clauses
        return False
    clause = {trigger.i, *(c.i for c in trigger.children if c.dep_ in ("xcomp", "ccomp"))}
    return any(governing_verb(c).i in clause for c in pairs)


def _said_will(trigger: Any) -> bool:
    """Is the trigger's clause a will or would that someone says ("said it would retaliate",
    "“we will respond”"), not a commentator's forecast nor a condition's?"""
    verb = governing_verb(trigger)
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux & {"will", "would", "'ll", "shall"} or _predicted(trigger):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    return in_quotation(trigger) or statement_modality(trigger) is Modality.REPORTED


def _tally(verb: Any) -> bool:
    """Is ``verb`` a present perfect that counts acts over a span ("have been killed so far this
    year", "have killed 300 militants over the past two years")? A tally, not one act told."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "far" and any(g.lower_ == "so" for g in c.children):
            return True  # "so far"
        if c.dep_ == "prep" and c.lower_ in ("over", "in", "during") and any(
            g.dep_ == "pobj" and any(a.lower_ in ("past", "last") for a in g.children) and g.lemma_ in load_modality_words().duration_units
            for g in c.children
        ):
            return True  # "over the past two years", "in the last decade"
    return False


def _told_before(trigger: Any) -> bool:
    """Is the trigger's clause told in the past perfect by the report itself ("the three states had
    accused Algeria")? Not a said clause's ("his office said he had accepted the apology"): there
    the past perfect is the saying's backshift, often of the same day."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children):
        return False
    t = verb
    while t.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis") and t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() in load_modality_words().reporting_verbs | load_modality_words().belief_verbs:
            return False
    return True


def _own_government(role: Role, own: set[str] | frozenset[str]) -> bool:
    """Is ``role`` the government of a state in ``own`` ("state:XXX")?"""
    met = role.actor
    return met is not None and met.kind == "state" and met.sector == "GOV" and f"state:{met.country}" in own


def _is_own(role: Role, own: set[str] | frozenset[str]) -> bool:
    """Is ``role`` the source itself, or (in ``own`` as "state:XXX") the source's bare state?"""
    met = role.actor
    return met is not None and (
        met.actor_id in own or (met.kind == "state" and not met.sector and f"state:{met.country}" in own)
    )


def _suffered(noun: Any) -> bool:
    """Is the act ``noun`` named as what someone suffered ("victims of the bombing", "families of
    those killed in the raid")?"""
    t = noun
    for _ in range(3):
        if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.i == t.head.i:
            return False
        owner = t.head.head
        if owner.lemma_.lower() in load_sense_words().victims:
            return True
        t = owner
    return False


def _in_occasion(token: Any, trigger: Any, words: frozenset[str] = _OCCASION) -> bool:
    """Is ``token`` in a phrase of time or cause under ``trigger`` ("during Trump's term")?"""
    t = token
    while t.i != trigger.i and t.head.i != t.i:
        if t.lower_ in words and t.dep_ in ("prep", "mark"):
            return True
        t = t.head
    return False


def _actor_key(role: Role | None) -> str | None:
    return role.actor.actor_id if role is not None and role.actor is not None else None


def _told_more(other: Event, ev: Event) -> bool:
    """Does ``other`` tell the event ``ev`` tells, in the same sentence, with more of its actors?"""
    if other.sentence_start != ev.sentence_start or other.type != ev.type:
        return False
    src, tgt = _actor_key(ev.source), _actor_key(ev.target)
    osrc, otgt = _actor_key(other.source), _actor_key(other.target)
    if src is None and osrc is not None and (tgt is None or tgt == otgt):
        return True
    return src == osrc and tgt is None and otgt is not None


# "The minister reiterated that Libya must hand over the suspects": a stated obligation of
# another is a REQUEST by whoever states it, to whoever is obliged (CAMEO 10).
OBLIGATION = frozenset({"must", "should"})
MUST_ENTRY = Entry(id="request.must", type="REQUEST", cameo="100", mode=None, context=None, target=(), strength=0.6)


def _stating_verb(verb: Any) -> Any | None:
    """The verb of saying whose clause ``verb`` is ("said that X must …"), climbing through a
    noun that carries the clause ("a reminder that X must …") to the verb that governs it."""
    from tidings.quotes.cues import cue_lemma

    t = verb
    for _ in range(4):
        if t.dep_ not in ("ccomp", "conj", "acl", "relcl") or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t if cue_lemma(t) is not None else None
        if t.pos_ == "NOUN" and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            return t
    return None


FAILING_ENTRY = Entry(id="accuse.failing", type="ACCUSE", cameo="111", mode=None, context=None, target=(), strength=0.5)


def _failings(coder: _Coder, events: list[Event]) -> list[Event]:
    """A failure a speaker asserts of another actor: "Akram said Kabul was failing to rein in
    Baloch separatists" is Pakistan's criticism of Afghanistan (``sense.yaml`` ``failing_verbs``).
    Not when the speaker tells of its own failure, nor a failure denied ("did not fail")."""
    doc = coder.resolved.doc
    found: list[Event] = []
    for i in tokens_with(doc, load_sense_words().failing_verbs):
        verb = doc[i]
        if verb.pos_ not in ("VERB", "AUX") or is_negated(verb):
            continue
        stating = _stating_verb(verb)
        if stating is None:
            continue
        sources = coder.roles(_subject(stating)[0])
        targets = coder.roles(_conjuncts(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")))
        if not sources or not targets or {_party(s) for s in sources} & {_party(t) for t in targets}:
            continue
        found.extend(coder.code(verb, FAILING_ENTRY, None, False, given=(sources, targets)))
    return events + found


ULTIMATUM_ENTRY = Entry(id="threaten.ultimatum_or", type="THREATEN", cameo="130", mode=None, context=None, target=(), strength=0.55)


# Prepositions of where an act struck ("killed in Nairobi", "the blast near the port"); unlike
# LOCATING_PREPS, not "of" or "from", which also name owners and origins.
_AT_PLACE = frozenset({"in", "at", "near", "outside", "across", "inside", "throughout"})


def _place_restatements(doc: Any, events: list[Event]) -> list[Event]:
    """ "The blast in Nairobi occurred at 10:35", "at least 74 were killed in Nairobi": an act of
    force told with no doer and only the place it struck, in a report that tells that act with its
    victim or its doer, is the same act retold (its place is no target). Dropped; alone in the
    report, it stays."""
    starts = token_starts(doc)

    def place_only(e: Event) -> bool:
        if e.type not in FORCE or e.source is not None or e.target is None or e.target.actor is None:
            return False
        if e.target.actor.kind != "state":
            return False
        span = tokens_overlapping(starts, e.sentence_start, e.sentence_start + len(e.sentence))
        words = e.target.text.split()
        return any(
            doc[i].text == words[-1]
            and doc[i].dep_ == "pobj"
            and doc[i].head.lower_ in _AT_PLACE
            # (a facility's owner, "at the U.S. embassies", is a victim, not a place)
            and doc[i].lemma_.lower() not in load_sense_words().facilities
            for i in span
            if i < len(doc)
        )

    restated = {e.event_id for e in events if place_only(e)}
    if not restated:
        return events
    told = {e.type for e in events if e.event_id not in restated}
    return [e for e in events if e.event_id not in restated or e.type not in told]


def _claimed(coder: _Coder, events: list[Event]) -> list[Event]:
    """ "Gunmen stormed a hotel … Al-Shabab claimed responsibility for the attack": an attack of
    the report told with no doer is the act of the one body that claims it."""
    if not any(e.type == "ASSAULT" and e.source is None for e in events):
        return events
    doc = coder.resolved.doc
    claimants: dict[str, Role] = {}
    for i in tokens_with(doc, load_sense_words().claims):
        verb = doc[i]
        if verb.pos_ != "VERB" or is_negated(verb):
            continue  # "no group has claimed responsibility", "denied responsibility"
        if not any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in ("responsibility", "credit") for o in verb.children):
            continue
        subj, _ = _subject(verb)
        for role in coder.roles(subj):
            if role.actor is not None:
                claimants[role.actor.actor_id] = role
    if len(claimants) != 1:
        return events  # none, or several bodies claiming: no one is told to have done it
    claimant = next(iter(claimants.values()))
    return [
        replace(e, source=claimant, rule=e.rule + "+source:claim") if e.type == "ASSAULT" and e.source is None else e
        for e in events
    ]


def _ultimatums(coder: _Coder, events: list[Event]) -> list[Event]:
    """ "The G7 urged Russia to accept a ceasefire or face further sanctions": a demand with a
    penalty for refusing is also a threat, by the one who demands, to the one asked (CAMEO 13)."""
    table = load_intent()
    doc = coder.resolved.doc
    found: list[Event] = []
    for i in tokens_with(doc, table.ultimatum_verbs):
        face = doc[i]
        if face.dep_ != "conj" or not any(o.dep_ in ("dobj", "obj") and o.lemma_.lower() in table.penalties for o in face.children):
            continue
        first = face.head
        if not any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children) or first.dep_ not in ("xcomp", "ccomp"):
            continue
        directive = first.head
        if directive.lemma_.lower() not in load_modality_words().directive_verbs:
            continue
        speakers, _ = _subject(directive)
        sources = coder.roles(speakers)
        asked = [c for c in directive.children if c.dep_ in ("dobj", "obj")] or [
            c for c in first.children if c.dep_ in ("nsubj", "nsubjpass")
        ]
        targets = coder.roles(_conjuncts(asked))
        if sources and targets:
            found.extend(coder.code(face, ULTIMATUM_ENTRY, None, False, given=(sources, targets)))
    return events + found


def _obligations(coder: _Coder, events: list[Event]) -> list[Event]:
    doc = coder.resolved.doc
    obliged: set[int] = set()
    found: list[Event] = []
    for i in tokens_with(doc, OBLIGATION):
        aux = doc[i]
        if aux.dep_ != "aux" or aux.head.i == aux.i:
            continue
        verb = aux.head
        stating = _stating_verb(verb)
        if stating is None:
            continue
        speakers, _ = _subject(stating)
        sources = coder.roles(speakers)
        obliged_ones = _conjuncts(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
        targets = coder.roles(obliged_ones)
        if not sources:
            continue
        if obliged_ones and not targets and not all(t.pos_ == "PRON" for t in obliged_ones):
            continue  # "ways of recording history should be taken seriously": no actor is asked anything
        obliged.add(verb.i)
        found.extend(coder.code(verb, MUST_ENTRY, None, False, given=(sources, targets)))
    if not obliged:
        return events
    # The obliged act, and what it is for, are the request's content, not events of their own
    # ("forces must ensure security to allow supplies to reach the needy").
    spans = [(doc[i].left_edge.idx, doc[i].right_edge.idx + len(doc[i].right_edge)) for i in obliged]
    return [e for e in events if not any(a <= e.trigger_start < b for a, b in spans)] + found
