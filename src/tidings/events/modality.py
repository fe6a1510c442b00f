"""Negation and modality of an event trigger, read off the dependency parse (words in
``events/data/modality.yaml``).

An event is ``asserted`` when the report tells it as fact, ``reported`` when a speaker does ("X said
Y attacked Z"), ``intended`` when it is planned, predicted or will be ("plans to visit", "is
expected to meet", "will meet"), and ``hypothetical`` when it is a possibility, a condition, a
scenario or what another is asked to do ("would invade", "if talks fail", "the first option would
be to invade", "calls for Israel's withdrawal"). ``negated`` marks an act the text says did not or
will not happen ("did not meet", "stopped providing", "refused to attack", "without providing").
Event nouns that describe the past or a standing state ("the eight-year war", "attack
helicopters") are no events at all (``describes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tidings.events.wordlists import load_word_lists
from tidings.records import Modality

_CLIMB = ("xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acomp", "advcl", "conj", "acl", "relcl", "attr", "appos")
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True, slots=True)
class ModalityWords:
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    pending_marks: frozenset[str]
    belief_nouns: frozenset[str]
    disputed_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    prediction_heads: frozenset[str]
    directive_verbs: frozenset[str]
    directive_clause_verbs: frozenset[str]
    directive_nouns: frozenset[str]
    directive_preps: frozenset[str]
    intent_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    scenario_nouns: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    negating_verbs: frozenset[str]
    negating_preps: frozenset[str]
    act_verbs: frozenset[str]
    deontic_heads: frozenset[str]
    belief_verbs: frozenset[str]
    duration_units: frozenset[str]
    description_modifiers: frozenset[str]
    habitual_adverbs: frozenset[str]
    history_nouns: frozenset[str]
    background_preps: frozenset[str]
    war_nouns: frozenset[str]
    ability_aux: frozenset[str]
    prospect_nouns: frozenset[str]
    prospect_preps: frozenset[str]
    presupposing_marks: frozenset[str]
    stance_verbs: frozenset[str]
    authorizing_verbs: frozenset[str]
    continuing_verbs: frozenset[str]
    topic_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_modality_words() -> ModalityWords:
    return load_word_lists("modality.yaml", ModalityWords)


def _words() -> ModalityWords:
    return load_modality_words()


# The module's word sets, for the callers that read them (events/intent.py).
HYPOTHETICAL_AUX = _words().hypothetical_aux
FUTURE_AUX = _words().future_aux
INTENT = _words().intent_verbs
DIRECTIVE = _words().directive_verbs
REPORTING = _words().reporting_verbs


def governing_verb(token: Any) -> Any:
    """The verb that governs a trigger (a noun trigger's governing verb)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _chain(token: Any) -> list[tuple[Any, Any]]:
    """(child, head) steps from ``token`` up through the clauses and phrases that embed it."""
    steps = []
    t = token
    for _ in range(12):
        if t.head.i == t.i:
            break
        if t.dep_ not in _CLIMB:
            verb = governing_verb(t)
            if verb.i == t.i:
                break
            t = verb  # "the attack killed …": on from the clause the noun is part of
            continue
        steps.append((t, t.head))
        t = t.head
    return steps


def is_negated(token: Any) -> bool:
    """Is the act of ``token`` said not to happen: "not", "no", "never", or a negating frame
    ("stopped providing", "refused to attack", "failed to reach", "without providing")?"""
    verb = governing_verb(token)
    # A noun act that is the subject of a negated clause is not itself denied: in "the U.S. air raid
    # is not linked with the bombings" the raid happened.
    subject_noun = token.i != verb.i and _is_subject_of(token, verb)
    if (
        (any(c.dep_ == "neg" for c in verb.children) and not subject_noun)
        or any(c.dep_ == "neg" for c in token.children)
        or any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in token.children)
        # "no telephone call or meeting planned": the joined noun is denied with the first
        or (token.dep_ == "conj" and any(c.lower_ == "no" and c.dep_ == "det" for c in token.head.children))
        # "Neither Merkel nor Hollande has criticized Trump"
        or any(
            s.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ == "neither" and d.dep_ in ("det", "preconj") for d in s.children)
            for s in verb.children
        )
        # "have had no discussion", "gave no aid": the act the object names is denied
        or any(
            o.dep_ in ("dobj", "obj") and any(d.dep_ == "det" and d.lower_ == "no" for d in o.children)
            for o in token.children
        )
    ):
        return True
    w = _words()
    for child, head in _chain(token)[:4]:
        if (
            child.dep_ in ("xcomp", "pcomp", "ccomp")
            and head.pos_ in ("VERB", "AUX")
            and head.lemma_.lower() in w.negating_verbs
        ):
            return True
        if child.dep_ == "xcomp" and head.lemma_.lower() in ("have", "be") and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children
        ):
            return True  # "has yet to apologize", "is yet to respond"
        if child.dep_ in ("pcomp", "pobj") and head.lower_ in w.negating_preps:
            return True
        if child.dep_ in ("ccomp", "advcl", "relcl", "conj", "acl") and child.i != token.i:
            break  # a clause of its own: its own negation was read above
    return False


def _is_subject_of(token: Any, verb: Any) -> bool:
    t = token
    while t.head.i != t.i and t.head.i != verb.i:
        t = t.head
    return bool(t.head.i == verb.i and t.dep_ in ("nsubj", "nsubjpass", "csubj"))


def shared_aux(verb: Any) -> list[Any]:
    """The auxiliaries of ``verb``, or, for a verb joined to another with no subject or auxiliary of
    its own, those of the first: in "Britain will cede the islands and allow the base to remain",
    "allow" is under the "will" of "cede"."""
    v = verb
    while True:
        own = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if own or v.dep_ != "conj" or v.head.i == v.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return own
        v = v.head


def told_of_actor(verb: Any) -> bool:
    """Is ``verb`` a relative clause in the simple past told of a person or a body ("Albright, who
    visited Havana on Wednesday")? It tells its own fact. (One told of an act, "the bombings, which
    killed 257", only retells that act.)"""
    head = verb.head
    return bool(
        verb.dep_ == "relcl"
        and verb.tag_ == "VBD"
        and (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
        and any(c.lower_ == "who" for c in verb.children)
    )


def modality_of(token: Any) -> Modality:
    w = _words()
    verb = governing_verb(token)
    if _hypothetical_clause(verb, w, scenario=False) or _belief_of_the_unrealised(token) or conditioned(verb):
        return Modality.HYPOTHETICAL
    aux = {c.lower_ for c in shared_aux(verb)}
    if aux & w.future_aux:
        return Modality.INTENDED
    if (
        verb.tag_ in ("VBZ", "VBP")
        and verb.lemma_.lower() not in w.stance_verbs
        and any(c.dep_ == "advmod" and c.lower_ in w.habitual_adverbs for c in verb.children)
    ):
        return Modality.HYPOTHETICAL  # a habit, not an act: "the group frequently conducts bombings"
    if token.i == verb.i and _standing_passive(verb):
        return Modality.HYPOTHETICAL  # a standing state: "both ships are sanctioned by the Treasury"
    if token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "compound") and c.lower_ in w.hypothetical_modifiers for c in token.children
    ):
        return Modality.HYPOTHETICAL
    prev = ""  # the step below: "by attacking" is a pcomp under its preposition
    own_phrase = True  # not yet out of the trigger's own clause ("a proposal of a ceasefire that is supported")
    for child, head in _chain(token):
        lemma = head.lemma_.lower()
        if child.i == verb.i and told_of_actor(child):
            # "he would meet Albright, who visited Havana on Wednesday": a relative clause in the
            # simple past tells its own fact, whatever the mood of the clause around it
            return Modality.ASSERTED
        dep, gerund, prev = child.dep_, child.dep_ == "prep" and prev == "pcomp", child.dep_
        # "for rearming Europe and supporting Ukraine": a gerund joined to another stays in the phrase
        joined = dep == "conj" and head.dep_ in ("pcomp", "pobj") and child.tag_ == head.tag_
        own_phrase = own_phrase and (joined or dep not in ("relcl", "acl", "advcl", "ccomp", "conj", "appos"))
        if (
            own_phrase
            and dep in ("pobj", "pcomp")
            and head.lower_ in w.prospect_preps
            and head.head.i != head.i
            and (
                head.head.lemma_.lower() in w.prospect_nouns
                # "voiced interest in making aid conditional", the phrase hung on the verb
                or (
                    head.head.pos_ in ("VERB", "AUX")
                    and any(c.dep_ == "dobj" and c.lemma_.lower() in w.prospect_nouns for c in head.head.children)
                )
            )
        ):
            return Modality.HYPOTHETICAL  # "the urgency of boosting Europe's defense", "interest in making aid conditional"
        if (
            own_phrase
            and dep == "pcomp"
            and head.lower_ == "on"
            and head.head.i != head.i
            and head.head.lemma_.lower() in w.topic_verbs
        ):
            return Modality.HYPOTHETICAL  # "focusing on strengthening security partnerships": a topic
        if own_phrase and dep in ("pobj", "pcomp") and head.lower_ in w.directive_preps:
            asker = head.head
            if asker.i != head.i and asker.lemma_.lower() in (w.directive_nouns | w.directive_verbs):
                return Modality.HYPOTHETICAL  # "calls for Israel's withdrawal", "conditions for restoring ties"
        if lemma in w.authorizing_verbs and (
            (own_phrase and dep in ("dobj", "obj", "pcomp", "xcomp")) or (dep == "ccomp" and child.tag_ == "VBG")
        ):
            return Modality.INTENDED  # "approved their joining the alliance": consented to, not yet done
        if dep == "acl" and lemma in w.directive_nouns and child.tag_ != "VBG":
            # "a call to withdraw", "a proposal to meet"; not what a text does in saying it ("a
            # resolution condemning Israel" condemns)
            return Modality.HYPOTHETICAL
        if (
            own_phrase
            and dep in ("pobj", "pcomp")
            and head.lower_ in ("at", "toward", "towards")
            and head.head.i != head.i
            and head.head.lemma_.lower() in w.intent_nouns
        ):
            return Modality.INTENDED  # "efforts at closer cooperation", "a bid toward peace talks"
        if (
            dep == "acl"
            and lemma in w.intent_nouns
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            return Modality.INTENDED  # "a threat to impose tariffs", "efforts to broker a truce"
        if head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        if dep == "advcl" and _told_as_past(child, w):
            return Modality.ASSERTED  # "hopes to strengthen ties after the two signed a deal": it happened
        if dep in ("xcomp", "ccomp", "advcl", "csubj") and (
            lemma in w.deontic_heads
            or any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in w.deontic_heads for c in head.children)
        ):
            return Modality.HYPOTHETICAL  # "it is necessary for India to help", "it is vital that talks resume"
        if (dep == "xcomp" and lemma in w.directive_verbs) or (dep == "ccomp" and lemma in w.directive_clause_verbs):
            return Modality.HYPOTHETICAL  # "urged China to stop", "demanded that the US cancel"
        if (
            dep in ("advcl", "ccomp")
            and lemma in w.directive_verbs
            and any(c.dep_ == "mark" and c.lower_ in w.directive_preps for c in child.children)
        ):
            return Modality.HYPOTHETICAL  # "called for Russia to reciprocate by agreeing to a ceasefire"
        infinitive = dep == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children)
        if dep == "dobj" and child.i == token.i and lemma in w.belief_verbs - w.intent_verbs:
            return Modality.HYPOTHETICAL  # "predicting an impending U.S. withdrawal", "feared an attack"
        if (dep in ("xcomp", "ccomp") or infinitive or (dep == "dobj" and child.i == token.i)) and lemma in w.intent_verbs:
            return Modality.INTENDED  # "plans to visit", "seeks talks" (not "seeks an apology for the raid")
        if dep == "xcomp" and lemma in w.prediction_heads and not any(c.dep_ == "prt" for c in head.children):
            return Modality.INTENDED  # "is expected to meet", "is set to sign", "is going to visit"
        if gerund and _hypothetical_clause(head, w, scenario=False):
            return Modality.HYPOTHETICAL  # "would break the law by attacking Iraq"
        if (dep in ("xcomp", "ccomp", "attr", "acomp") or (dep == "advcl" and lemma == "be")) and _hypothetical_clause(
            head, w
        ):
            return Modality.HYPOTHETICAL  # "the first would be to launch an invasion"
        if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ in w.future_aux | w.hypothetical_aux for c in head.children):
            return Modality.INTENDED  # "officials would convene after Witkoff returns to examine"
        if dep in ("xcomp", "acomp", "attr") and any(
            c.dep_ == "aux" and c.lower_ in w.future_aux for c in head.children
        ):
            return Modality.INTENDED  # "will be prepared to act", "will continue attacking"
        if dep in ("ccomp", "parataxis") and lemma in w.reporting_verbs:
            return Modality.REPORTED
    return Modality.ASSERTED


def _standing_passive(verb: Any) -> bool:
    """Is ``verb`` a present passive with no time of its own ("are sanctioned by the U.S.", "is
    controlled by rebels"): a state the report describes, not an act it tells? Not a headline's
    present ("Two killed", told in the first sentence), nor "is being attacked" (going on now)."""
    if verb.tag_ != "VBN" or verb.sent.start == 0:
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am") for c in aux):
        return False
    if any(c.dep_ == "aux" for c in aux) or any(c.lower_ == "being" for c in aux):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _told_as_past(clause: Any, w: ModalityWords) -> bool:
    """Is ``clause`` a clause of time or cause told in the past ("after the two countries signed",
    "since troops withdrew", "because Iran had refused"), which the sentence presupposes?"""
    if not any(c.dep_ == "mark" and c.lower_ in w.presupposing_marks for c in clause.children):
        return False
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in w.future_aux | w.hypothetical_aux for c in aux):
        return False
    return clause.tag_ == "VBD" or (clause.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux))


def statement_modality(token: Any) -> Modality:
    """The modality of the statement a trigger's clause makes: a stated intent ("will provide aid",
    recoded as AGREE) is itself an act, asserted or, under a verb of saying, reported."""
    w = _words()
    verb = governing_verb(token)
    for child, head in _chain(verb):
        if child.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in w.reporting_verbs:
            return Modality.REPORTED
    # "The UN will provide food aid, the WFP said": the saying hangs on the clause it reports.
    if any(c.dep_ in ("parataxis", "advcl", "conj") and c.i > verb.i and c.lemma_.lower() in w.reporting_verbs for c in verb.children):
        return Modality.REPORTED
    return Modality.ASSERTED


def conditioned(verb: Any) -> bool:
    """Does a condition govern the clause of ``verb`` ("if its claims are true, North Korea is
    violating …", "unless Iran complies, talks end")? Not "even if" or "as if"."""
    w = _words()
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        marks = [m for m in c.children if m.dep_ == "mark"]
        if any(m.lower_ in w.conditional_marks - {"whether"} for m in marks) and not any(
            m.lower_ in ("even", "as") or (m.i > 0 and m.doc[m.i - 1].lower_ in ("even", "as")) for m in marks
        ):
            return True
    return False


def _hypothetical_clause(verb: Any, w: ModalityWords, scenario: bool = True) -> bool:
    """A clause under "would"/"could"/"might", a condition ("if …"), or a scenario's frame ("the
    option is to …")."""
    if any(c.dep_ == "mark" and c.lower_ in w.conditional_marks for c in verb.children):
        return True
    if (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "mark" and c.lower_ in w.pending_marks for c in verb.children)
    ):
        return True  # "until it retreats": not yet (in the past tense, "until it retreated", it was)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in w.hypothetical_aux for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in w.ability_aux for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.children
    ):
        return True  # "the faster we can offer some relief": an ability, not an act ("cannot accept" is one)
    return (
        scenario
        and verb.lemma_.lower() == "be"
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in w.scenario_nouns for c in verb.children)
    )


def believed(token: Any) -> bool:
    """Is the trigger's clause what someone believes or predicts ("he believes they will meet")?"""
    return belief_clause(token) is not None


def belief_clause(token: Any) -> Any | None:
    """The verb of the clause that someone believes, hopes or fears and that holds the trigger
    ("believe Tehran is unwilling to return to the talks" → is), else None."""
    w = _words()
    verb = governing_verb(token)
    for _ in range(3):  # "believe Tehran is unwilling to return to the talks": through the predicate to its clause
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN":
        # "any feeling of hope that Iraq would withdraw"
        return verb if verb.head.lemma_.lower() in w.belief_nouns | w.disputed_nouns else None
    return verb if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in w.belief_verbs else None


def _belief_of_the_unrealised(token: Any) -> bool:
    """A belief about what is not (yet) done: "analysts believe Iran is ready to attack", "no reason
    to believe Tehran is unwilling to return". A belief about a past act ("police believe the IRA
    carried out the bombing") tells that act, second-hand, and is left to the other tests."""
    clause = belief_clause(token)
    if clause is None:
        return False
    if clause.dep_ in ("acl", "ccomp") and clause.head.lemma_.lower() in _words().disputed_nouns:
        return True  # "allegations that Chinese hackers have attacked": alleged, whatever the tense
    return governing_verb(token).i != clause.i or clause.tag_ in ("VBZ", "VBP", "VB", "MD")


def in_scenario(token: Any) -> bool:
    """Is the trigger content of an analyst's frame ("the first option would be to invade")?"""
    w = _words()
    for child, head in _chain(governing_verb(token)):
        if (
            child.dep_ in ("xcomp", "attr", "acomp", "advcl")
            and head.lemma_.lower() == "be"
            and _hypothetical_clause(head, w)
        ):
            return True
    return False


def _describes_someone(noun: Any) -> bool:
    """Is the act noun part of an appositive that says who someone is ("Kerry, the chief negotiator
    in the talks", "Graham, a veteran of the war")?"""
    t = noun
    for _ in range(4):
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.head.i == t.head.i:
            return False
        t = t.head.head
        if t.dep_ == "appos" and t.pos_ == "NOUN":
            return True
    return False


def _compared(noun: Any) -> bool:
    """Is the act noun counted in a comparison ("more attacks than any other city", "fewer
    attacks this year")? A count, not an act; "launched more airstrikes" (additional ones) is one."""
    amods = [c for c in noun.children if c.dep_ == "amod" and c.tag_ in ("JJR", "JJS")]
    if any(a.lower_ in ("fewer", "less", "fewest") for a in amods):
        return True
    than = any(c.lower_ == "than" for t in (noun, *amods) for c in t.children)
    return than and any(a.lower_ == "more" for a in amods)


def describes(token: Any, kind: str) -> bool:
    """Does the event noun ``token`` describe (a past or standing state, an attribute) rather than
    tell an act: "attack helicopters", "the eight-year war", "Iraq's 1990 invasion"?"""
    w = _words()
    if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return True
    if _compared(token):
        return True  # "suffered more terrorist attacks than any other city", "fewer attacks": a count
    if _describes_someone(token):
        return True  # "Kerry, the chief U.S. negotiator in the talks with Iran": who he is, not an act told
    # "the 14th anniversary of the start of the protests": an act remembered, not one told.
    t = token
    for _ in range(4):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            break
        t = t.head.head
        if t.lemma_.lower() in w.history_nouns:
            return True
    if (
        kind == "ASSAULT"
        and token.dep_ == "pobj"
        and token.head.lower_ in w.background_preps
        and token.lemma_.lower() in w.war_nouns
    ):
        return True  # "captured during the Iran-Iraq war", "has mobilized since Iraq's invasion": the time of another act
    for c in token.children:
        if c.dep_ not in ("amod", "compound", "nummod", "nmod"):
            continue
        if c.lower_ in w.description_modifiers or c.lemma_.lower() in w.description_modifiers:
            return True
        if c.dep_ in ("nummod", "compound", "nmod") and _YEAR.match(c.text):
            return True
        if kind == "ASSAULT" and _is_duration(c, w):
            return True
    return False


def _is_duration(mod: Any, w: ModalityWords) -> bool:
    """ "eight-year", "two-month", "decade-long": a length of time, told of a past or standing war."""
    text = mod.lower_
    if "-" in text:
        return any(text.endswith(f"-{u}") or text.endswith(f"-{u}s") for u in w.duration_units) or text.endswith(
            "-long"
        )
    return mod.lemma_.lower() in w.duration_units and any(c.dep_ in ("nummod", "amod") for c in mod.children)
