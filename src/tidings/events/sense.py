"""Word sense: does a trigger carry the sense its lexicon entry names?

An entry names its sense by its fields (``events/data/lexicon.yaml``): the complement it needs
(``needs_complement``: "asked X to leave" or "asked for talks" is a REQUEST, "asked about" is
not), what a preposition must govern (``prep_senses``: "charged him with murder" is ACCUSE,
"charged the inspectors with verifying" is not), whether a direct object must name an actor
(``object_is_actor``: "received the minister", not "received praise"), whether it needs a named place
(``needs_place``: "went to Moscow" is a visit, "went to war" and "is going to meet" are not). Beyond the entry: an act of force told of an
accident or a disaster ("killed in a helicopter crash") is no ASSAULT (``events/data/sense.yaml``),
and an event noun that describes rather than tells ("attack helicopters", "the eight-year war")
is no event (``modality.describes``), nor is a figurative war ("tariff wars").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tidings.events.lexicon import Entry
from tidings.events.modality import describes
from tidings.events.wordlists import load_word_lists

_PLACE_PREPS = frozenset({"to", "in", "into", "at", "for"})


@dataclass(frozen=True, slots=True)
class SenseWords:
    accidents: frozenset[str]
    accident_preps: frozenset[str]
    actor_nouns: frozenset[str]
    figurative: frozenset[str]
    verbal_clashes: frozenset[str]
    no_comment: frozenset[str]
    assault_idioms: frozenset[str]
    agree_idioms: frozenset[str]
    facilities: frozenset[str]
    addressing: frozenset[str]
    victims: frozenset[str]
    armed_words: frozenset[str]
    partitives: frozenset[str]
    quantity_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    standing_participles: frozenset[str]
    verbal_attack_nouns: frozenset[str]
    arms_words: frozenset[str]
    answering_verbs: frozenset[str]
    claims: frozenset[str]
    documents: frozenset[str]
    audiences: frozenset[str]
    dangers: frozenset[str]
    reflexives: frozenset[str]
    information_nouns: frozenset[str]
    act_counts: frozenset[str]
    failing_verbs: frozenset[str]
    labour_nouns: frozenset[str]


@lru_cache(maxsize=1)
def load_sense_words() -> SenseWords:
    return load_word_lists("sense.yaml", SenseWords)


def sense_fits(token: Any, entry: Entry, is_noun: bool) -> bool:
    """Does ``token`` carry the sense of ``entry``?"""
    if is_noun and describes(token, entry.type):
        return False
    if entry.id == "protest.strike_work" and not _labour_strike(token):
        return False
    if entry.type == "ASSAULT" and not is_noun and _labour_strike(token):
        return False  # "teachers have been striking since Monday": a strike of work, not a blow
    if entry.type == "ASSAULT" and (_accidental(token) or (is_noun and _figurative(token)) or _war_of_words(token)):
        return False
    if entry.type == "ASSAULT" and not is_noun and any(
        c.dep_ in ("dobj", "obj") and _figurative(c) for c in token.children
    ):
        return False  # "launched a long verbal attack", "waged a propaganda war": words, not force
    if entry.type == "ASSAULT" and not is_noun and _striving(token):
        return False  # "the Miami kin has been battling to keep him": striving, not fighting
    if not is_noun and (entry.type in ("ASSAULT", "AID") or entry.id == "agree.offer") and _idiom_object(token, entry.type):
        return False  # "the economy hit bottom", "driving home the point", "offered his assessment"
    if is_noun and entry.mode == "phone" and token.lemma_.lower() == "call" and any(
        (c.dep_ == "prep" and c.lower_ in ("on", "for")) or c.dep_ == "acl" for c in token.children
    ):
        return False  # "his calls on the parties to end the war", "a call for restraint": a demand
    if not is_noun and token.lemma_.lower() == "let" and _hortative(token):
        return False  # "let us look at the compensation", "let me be clear": no one is allowed anything
    if (
        not is_noun
        and token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.lemma_.lower() in load_sense_words().standing_participles
    ):
        return False  # "territory occupied by Israel", "decisions opposed by Israel": a standing state
    if entry.stated_only and not is_noun and _told_as_done(token):
        return False  # "Hollande retaliated": an act of its own kind, not the threat "will retaliate" makes
    if not is_noun and _of_no_one(token):
        return False  # "blamed the tumble in oil prices", "defended her record": no one else is acted on
    if entry.type == "REJECT" and not is_noun and _no_comment(token):
        return False  # "he declined to discuss details": no one's proposal is refused
    if entry.needs_place and not _names_place(token):
        return False
    if entry.object_is_actor and not all(_is_actor_like(o) for o in token.children if o.dep_ in ("dobj", "obj")):
        return False
    if entry.object_is_actor and token.dep_ == "acl" and token.tag_ == "VBN" and not _is_actor_like(token.head):
        return False  # "the statement released hours after the attack": what is released is the noun
    if entry.subject_is_actor and not all(
        _is_actor_like(c) or c.pos_ == "PRON" for c in token.children if c.dep_ in ("nsubj", "nsubjpass")
    ):
        return False
    if (
        is_noun
        and entry.type == "THREATEN"
        and token.lemma_.lower() == "threat"
        and any(c.dep_ in ("amod", "compound") and c.lower_ in load_sense_words().dangers for c in token.children)
    ):
        return False  # "amid a growing threat from China": a danger posed, not a threat made
    if (
        entry.type in ("SUPPORT", "ACCUSE")
        and not is_noun
        and any(c.dep_ in ("dobj", "obj") and c.lower_ in load_sense_words().reflexives for c in token.children)
    ):
        return False  # "the two neighbours see themselves as natural partners": of themselves, no one praised
    if entry.type == "CONSULT" and not is_noun and _spoken_to_audience(token):
        return False  # "Speaking to British lawmakers, Starmer said": an audience, not a party consulted
    if entry.needs_complement and not any(_has_complement(token, c) for c in entry.needs_complement):
        return False
    if any(_has_complement(token, c) for c in entry.bars_complement):
        return False
    for prep, allowed in entry.prep_senses:
        if prep == "@oprd":
            # "called the sanctions illegal", "called the EU hostile and abusive": a word of the
            # predicate the verb gives its object
            preds = [c for c in token.children if c.dep_ == "oprd"]
            if not any(_lemma_in(t, allowed) for c in preds for t in c.subtree):
                return False
            continue
        # The sense holds when one phrase of that preposition has a word of it: "went on strike on
        # Monday" (the second "on" is a date's).
        seen = fits = False
        for p in _verb_preps(token):
            if p.dep_ in ("prep", "dative", "agent", "prt") and p.lower_ == prep:
                seen = True
                # "went on strike" (a preposition) or "went on … strike" (a particle and an object)
                under = p if p.dep_ != "prt" else token
                # ("as constructive": an adjective the parser hangs on the preposition)
                objects = [g for g in under.children if g.dep_ in ("pobj", "pcomp", "dobj", "amod", "acomp")]
                # the word itself or the adjective that qualifies it ("as a historic event")
                fits = fits or any(
                    _lemma_in(g, allowed) or any(_lemma_in(q, allowed) for q in _qualifiers(g)) for g in objects
                )
        if seen and not fits:
            return False
    return True


def _told_as_done(verb: Any) -> bool:
    """Is the verb told as done, in a past tense with no modal or future auxiliary of its own?"""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("will", "would", "to") for a in aux):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux))


def _of_no_one(verb: Any) -> bool:
    """ "blamed the fall in oil prices" (blame with a thing and no one it is blamed on), "defended
    her record" (one's own thing): a verb of judging with no other party."""
    lemma = verb.lemma_.lower()
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if not objs or any(_is_actor_like(o) for o in objs):
        return False
    if lemma == "blame":
        heads = [verb, *objs]  # "blamed the attack on Ukraine": the parser may hang "on" on the object
        return not any(p.dep_ == "prep" and p.lower_ in ("on", "for") for h in heads for p in h.children)
    if lemma == "defend":
        return all(any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children) for o in objs)
    return False


def _spoken_to_audience(verb: Any) -> bool:
    """Is the one ``verb`` speaks "to" an audience ("reporters", "lawmakers", "the nation")?"""
    if verb.lemma_.lower() not in load_sense_words().addressing:
        return False
    heard = [g for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
    return bool(heard) and all(g.lemma_.lower() in load_sense_words().audiences for g in heard)


def _hortative(let: Any) -> bool:
    """Is ``let`` a speaker's "let us" / "let's" / "let me", not a permission given?"""
    people = [c for c in let.children if c.dep_ in ("dobj", "nsubj")]
    people += [g for c in let.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return any(p.lower_ in ("us", "'s", "me") for p in people)


def _qualifiers(noun: Any) -> list[Any]:
    """The adjectives of ``noun`` and the nouns of its "of" phrase ("a historic event", "an act of
    aggression")."""
    out = [a for a in noun.children if a.dep_ == "amod"]
    out += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return out


def _is_actor_like(token: Any) -> bool:
    """ "the minister", "Lavrov", "the enemy": a word that can name an actor, not "a message"."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.tag_ == "NNS" and any(c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in token.children):
        return True  # people of a nation: "three American hikers", "two British sailors"
    if token.lower_ in load_sense_words().quantity_nouns or token.lemma_.lower() in load_sense_words().quantity_nouns:
        # "scores of refugees", "a group of detainees": the people the part is taken from
        return any(g.dep_ == "pobj" and _is_actor_like(g) for p in token.children if p.lower_ == "of" for g in p.children)
    return token.lemma_.lower() in load_sense_words().actor_nouns


def _names_place(token: Any) -> bool:
    """A phrase of place of the verb's own ("to Moscow", "in the Gulf"), not a thing ("to war")."""
    for p in token.children:
        if p.dep_ in ("prep", "dative") and p.lower_ in _PLACE_PREPS:
            for g in p.children:
                if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC") or g.pos_ == "PROPN"):
                    return True
    return False


def _verb_preps(token: Any) -> list[Any]:
    """The verb's own words, and an "as" the parser hangs on its object: in "described the entry as
    a historic event" the predicate of the object belongs to the verb."""
    out = list(token.children)
    out += [p for o in token.children if o.dep_ in ("dobj", "obj") for p in o.children if p.dep_ == "prep" and p.lower_ == "as"]
    return out


def _time_adjunct(prep: Any) -> bool:
    """A preposition of time ("on Friday", "for two hours"), never the complement a sense needs."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.ent_type_ in ("DATE", "TIME") for g in objects)


def _has_complement(token: Any, slot: str) -> bool:
    if slot.startswith("prep:"):
        word = slot[5:]
        if any(
            c.dep_ in ("prep", "dative", "prt") and c.lower_ == word and not _time_adjunct(c) for c in _verb_preps(token)
        ):
            return True
        # "pushing hard for the US to support …": the clause is marked with the word
        return any(
            c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == word for m in c.children)
            for c in token.children
        )
    if slot == "dobj" and token.tag_ == "VBN" and (token.dep_ == "acl" or any(c.dep_ == "auxpass" for c in token.children)):
        return True  # "they have been aided by guerrillas", "the boy rescued by fishermen": the object is the subject
    return any(c.dep_ == slot for c in token.children)


def _lemma_in(token: Any, words: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    compounds = [c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")]
    return lemma in words or token.lower_ in words or any(f"{c} {lemma}" in words for c in compounds)


def _figurative(token: Any) -> bool:
    """ "tariff wars", "a trade war": a qualifier that makes the war a figure of speech."""
    words = load_sense_words().figurative
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in words for c in token.children)


def _accidental(token: Any) -> bool:
    """ "killed in a helicopter crash", "died after the earthquake", "a heart attack"."""
    words = load_sense_words()
    if token.pos_ in ("NOUN", "PROPN") and _is_accident(token, words):
        return True
    for p in token.children:
        if p.dep_ in ("prep", "agent", "advcl", "advmod") and p.lower_ in words.accident_preps | {"by"}:
            for g in p.subtree:
                if g.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj") and _is_accident(g, words):
                    return True
    return False


def _is_accident(token: Any, words: SenseWords) -> bool:
    if token.lemma_.lower() in words.accidents and token.pos_ in ("NOUN", "PROPN"):
        return True
    return any(
        (c.dep_ in ("compound", "amod") and f"{c.lemma_.lower()} {token.lemma_.lower()}" in words.accidents)
        or (
            c.dep_ == "compound"
            and {c.lemma_.lower(), c.lower_.removesuffix("s")} & words.accidents
            and c.i == token.i - 1
        )
        for c in token.children
    )


def _labour_strike(token: Any) -> bool:
    """ "Teachers in Ghana are striking", "the union struck for a week": the verb strike with no
    object, its subject people at work (``sense.yaml`` ``labour_nouns``)."""
    if token.lemma_.lower() != "strike" or any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("at", "against") for c in token.children):
        return False
    labour = load_sense_words().labour_nouns
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in labour for c in token.children)


def _war_of_words(token: Any) -> bool:
    """ "the Oval Office clash between Trump and Zelenskyy", "the two leaders sparred": a clash whose
    parties are all named people is a quarrel, not a fight (``sense.yaml`` ``verbal_clashes``)."""
    if token.lemma_.lower() not in load_sense_words().verbal_clashes:
        return False
    parties = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
            parties.extend(g for g in prep.children if g.dep_ == "pobj")
    parties.extend(c for p in list(parties) for c in p.conjuncts)
    return bool(parties) and all(p.ent_type_ == "PERSON" for p in parties)


def _striving(token: Any) -> bool:
    """ "fight to keep", "battling to save": a verb of fighting with an infinitive of its aim."""
    return any(c.dep_ in ("xcomp", "advcl") and any(a.tag_ == "TO" for a in c.children) for c in token.children)


def _no_comment(token: Any) -> bool:
    """ "declined to comment", "refused to discuss details" (``sense.yaml`` ``no_comment``)."""
    words = load_sense_words().no_comment
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in token.children)


def _idiom_object(token: Any, kind: str) -> bool:
    """Is the verb's object one that makes an idiom of it, not an act of its type (``sense.yaml``
    ``assault_idioms``, ``agree_idioms``): "hit bottom", "hit a record", "drove home the point" (ASSAULT); "offered
    his assessment", "offered condolences" (words, not an AGREE)?"""
    sense = load_sense_words()
    words = sense.assault_idioms if kind == "ASSAULT" else sense.agree_idioms
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj", "npadvmod", "advmod")]
    if not any(o.dep_ in ("dobj", "obj") for o in objects):
        # "the words he had come to deliver": the noun a relative clause qualifies is its object
        t = token
        while t.dep_ in ("xcomp", "advcl") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "relcl":
            objects.append(t.head)
    return any(o.lemma_.lower() in words or o.lower_ in words for o in objects)
