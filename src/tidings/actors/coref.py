"""In-document coreference: every mention of one person or body in a report shares one actor.

A deterministic multi-pass sieve in the manner of Stanford's (Lee et al. 2013), the most precise
pass first, each link recorded in ``Mention.how``:

1. names (``resolve.py``): the base's names and aliases; a surname alone (``short``, ``surname``)
   or a first name alone (``coref:name``) once the full name has appeared;
2. countries from descriptions (``describe.py``), spread over the whole chain (``+described:WORD``);
3. definite descriptions that point back: "the Cuban boy", "the minister", "the agency",
   "the country", "the government" (``coref:description``);
4. pronouns, by gender, number and salience (``coref:pronoun``).

Salience: within the pronoun's own sentence, the subject of a clause that governs it first
("Clinton said he …"), then the nearest mention before it; in the sentences before, subjects
first, then mentions from left to right, the nearest sentence first. A pronoun object of a verb is
never that verb's own subject ("Albright met him"). A chain's gender comes from the words that
title or describe it ("Mrs.", "the boy") and from the pronouns already linked to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tidings.actors.words import CorefWords, coref_words
from tidings.nlp import in_quotation, mention_span, token_starts, tokens_overlapping, tokens_with
from tidings.records import Actor, Mention

# Mentions that are places or qualifiers, not things a pronoun or a description can point at.
_NOT_REFERENTS = {"adjective", "place", "region", "agent"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_OBJECT_DEPS = {"dobj", "obj", "pobj", "dative", "iobj"}
_DEFINITE = {"the", "this", "that", "these", "those"}
# Sectors of bodies that "they" may stand for: armed and civil groups, and intergovernmental bodies
# of many members ("The G7 urged Russia … They also called on China").
_GROUP_SECTORS = {"REB", "MIL", "CVL", "COP", "OPP", "IGO"}
_BUSINESS = {"BUS", "MNC"}  # a business, national or multinational


@dataclass
class _Ref:
    """A mention as an antecedent: where it is and how salient."""

    mention: Mention
    head: Any  # the spaCy token heading the mention
    sent: int  # index of its sentence


def link(out: Any) -> None:
    """Passes 3 and 4 of the sieve over a resolved report (``ResolvedDoc``); passes 1 and 2 ran in
    ``resolve``. Adds a mention for every pronoun and description it links."""
    words = coref_words()
    doc = out.doc
    sentence_index = [0] * len(doc)
    for n, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sentence_index[i] = n
    genders: dict[str, str] = {}
    for m in out.mentions:
        if m.actor.kind == "person":
            g = _gender_of_phrase(out, m, words)
            if g:
                genders.setdefault(m.actor.actor_id, g)
    heads = words.description_heads | frozenset(body_name_heads(out))
    candidates = sorted(set(tokens_with(doc, words.pronouns)) | set(tokens_with(doc, heads)))
    refs: list[_Ref] = []
    seen: tuple[int, int] = (-1, -1)
    for i in candidates:
        if i in out.by_token:
            continue
        tok = doc[i]
        if seen[1] != out.recasts:  # a chain was recast: every mention may have changed
            refs, seen = _refs(out, sentence_index, out.mentions), (len(out.mentions), out.recasts)
        elif seen[0] != len(out.mentions):  # mentions were added since: only they are new
            refs = sorted(
                refs + _refs(out, sentence_index, out.mentions[seen[0] :]), key=lambda r: r.mention.start
            )
            seen = (len(out.mentions), out.recasts)
        if tok.lower_ in words.pronouns and tok.pos_ == "PRON":
            speakers = _quotation_speakers(out, tok, words)
            # ("'He was hunted down by our warfighters,' Trump wrote": "he" is not Trump)
            usable = [r for r in refs if r.mention.actor.actor_id not in speakers] if speakers else refs
            ref = _pronoun(tok, usable, sentence_index, genders, words, out.kb.agents)
            if ref is not None:
                out._add(i, i + 1, ref.mention.actor, "coref:pronoun")
                if tok.lower_ in words.plural:
                    _plural_group(out, i, ref)
                if tok.lower_ in words.male | words.female:
                    genders.setdefault(ref.mention.actor.actor_id, "m" if tok.lower_ in words.male else "f")
        elif tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower):  # ("the president himself")
            _description(out, tok, refs, sentence_index, genders, words)
    _pairs(out, sentence_index, words)
    _perpetrators(out, words)


# Sectors of armed bodies of no government (the base's codes: rebels, insurgents, transnational armed groups).
_ARMED = frozenset({"REB", "INS", "IMG"})


def _perpetrators(out: Any, words: CorefWords) -> None:
    """ "Somali forces killed all six attackers", "the gunmen stormed the hotel": the doers of an
    attack named by what they did are the one armed group the report has named before them (how
    ``coref:perpetrator``). With two such groups, or none, they stay unknown."""
    doc = out.doc
    for i in tokens_with(doc, words.perpetrators):
        tok = doc[i]
        if tok.pos_ != "NOUN" or i in out.by_token:
            continue
        if any(c.i in out.by_token for c in tok.children if c.dep_ in ("amod", "compound", "poss", "prep")):
            continue  # "Taliban gunmen", "gunmen from the BLA": their own body says whose
        groups = {
            m.actor.actor_id: m.actor
            for m in out.mentions
            if m.start < tok.idx and m.actor.kind == "org" and m.actor.sector in _ARMED
        }
        if len(groups) != 1:
            continue
        start = min([tok.i, *(c.left_edge.i for c in tok.children if c.dep_ in ("det", "nummod", "amod") and c.i < tok.i)])
        out._add(start, tok.i + 1, next(iter(groups.values())), "coref:perpetrator")


def _plural_group(out: Any, i: int, ref: _Ref) -> None:
    """ "Leaders from the U.S. and China … they should communicate": a plural pronoun whose
    antecedent is one of conjoined parties stands for all of them (a group, as "the two leaders")."""
    head = ref.head
    first = head if head.dep_ != "conj" else next((h for h in head.ancestors if h.dep_ != "conj"), head)
    if first.dep_ == "pobj" and first.head.lower_ not in ("from", "of", "between"):
        return  # "infrastructure in Mali, Burkina Faso and Niger … allows them": places, not the ones meant
    parties: dict[str, Mention] = {}
    for t in (first, *first.conjuncts):
        m = out.by_token.get(t.i)
        if m is not None and m.actor.kind in ("state", "org"):
            parties.setdefault(m.actor.actor_id, m)
    if len(parties) > 1:
        out.groups[i] = list(parties.values())


def _quotation_speakers(out: Any, tok: Any, words: CorefWords) -> set[str]:
    """The actors who speak the direct quotation a third-person pronoun is in: the subjects, outside
    the quotation, of the sentence's verbs of saying. Inside a quotation its speaker is "I" or "we",
    never "he", "she" or "they"."""
    if tok.lower_ not in words.male | words.female | words.plural or not in_quotation(tok):
        return set()
    from tidings.quotes.cues import cue_lemma

    found: set[str] = set()
    for t in tok.sent:
        if t.dep_ in ("nsubj", "nsubjpass") and cue_lemma(t.head) is not None and not in_quotation(t):
            m = out.by_token.get(t.i)
            if m is not None:
                found.add(m.actor.actor_id)
    return found


def _pairs(out: Any, sentence_index: list[int], words: CorefWords) -> None:
    """Pass 5: 'the two leaders', 'both countries', 'the three nations' point back at the last two
    (or three, four, five) parties of their kind named before them, within the description window: people for a head of
    people, states (or the states people serve) for a head of states, either for 'sides'. The two
    must be of different states, or the description is not theirs ("the two ministers" of one
    government). Recorded in ``ResolvedDoc.groups`` for the event stage, how ``coref:pair``."""
    doc = out.doc
    heads = words.pair_heads | words.person_nouns | words.state_nouns
    refs: list[_Ref] | None = None
    for i in tokens_with(doc, words.pair_words):
        marker = doc[i]
        tok = marker.head
        if marker.dep_ not in ("nummod", "det", "predet", "preconj") or tok.tag_ not in ("NNS", "NNPS"):
            continue
        lemma = tok.lemma_.lower()
        if lemma not in heads or tok.i in out.by_token:
            continue
        size = _PAIR_SIZES.get(marker.lower_, 2)
        if refs is None:
            refs = _refs(out, sentence_index, out.mentions)
        here = sentence_index[tok.i]
        people = lemma in words.person_nouns and lemma not in words.state_nouns
        states = lemma in words.state_nouns
        found: list[Mention] = []
        countries: set[str] = set()
        for r in reversed(refs):
            if r.mention.end > tok.idx or here - r.sent > words.description_window:
                continue
            a = r.mention.actor
            if (people and a.kind != "person") or (states and a.kind not in ("state", "person")) or not a.country:
                continue
            if a.country in countries:
                continue
            countries.add(a.country)
            found.append(r.mention)
            if len(found) == size:
                break
        if len(found) == size:
            out.groups[tok.i] = [m if not states else _state_mention(out, m) for m in reversed(found)]


_PAIR_SIZES = {"three": 3, "four": 4, "five": 5}


def _state_mention(out: Any, m: Mention) -> Mention:
    """The state a person serves, as a mention of it ("both countries" after two presidents)."""
    if m.actor.kind == "state" or not m.actor.country:
        return m
    state = out.kb.state(m.actor.country)
    if state is None:
        return m
    return Mention(m.doc_id, m.start, m.end, m.text, out._as_of(state.actor(out.on)), "coref:pair")


def _refs(out: Any, sentence_index: list[int], mentions: list[Mention]) -> list[_Ref]:
    starts = token_starts(out.doc)
    refs = []
    for m in mentions:
        if m.how in _NOT_REFERENTS:
            continue
        toks = tokens_overlapping(starts, m.start, m.end)
        span = out.doc[toks.start : toks.stop]
        refs.append(_Ref(m, span.root, sentence_index[span.root.i]))
    refs.sort(key=lambda r: r.mention.start)
    return refs


def _gender_of_phrase(out: Any, m: Mention, words: CorefWords) -> str | None:
    """'Mrs. Albright', 'the boy Elian', 'Elian, the Cuban boy': a gendered title or noun by the name."""
    starts = token_starts(out.doc)
    toks = tokens_overlapping(starts, m.start, m.end)
    span = out.doc[toks.start : toks.stop]
    near = [*out.doc[max(span.root.left_edge.i, span.start - 3) : span.start], *span]
    near += [c for c in span.root.children if c.dep_ == "appos"]
    for t in near:
        low = t.lower_
        if low in words.male_words:
            return "m"
        if low in words.female_words:
            return "f"
    return None


def _governing_subject(ref: _Ref, tok: Any) -> bool:
    """Is the mention the subject of a clause that governs ``tok`` ("Clinton said he would")?"""
    head = ref.head
    if head.dep_ not in _SUBJECT_DEPS:
        return False
    verb = head.head
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.i == verb.i:
            return True
    return False


def _same_clause_subject(ref: _Ref, tok: Any) -> bool:
    """An object pronoun is not its own verb's subject: in 'Albright met him', him is not Albright."""
    if tok.dep_ not in _OBJECT_DEPS or ref.head.dep_ not in _SUBJECT_DEPS:
        return False
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    return bool(ref.head.head.i == verb.i)


def _ranked(tok: Any, refs: list[_Ref], sentence_index: list[int], window: int, fits: Any) -> list[_Ref]:
    """Candidates for ``tok`` in salience order (see the module's docstring)."""
    here = sentence_index[tok.i]
    out: list[_Ref] = []
    by_sent: dict[int, list[_Ref]] = {}  # the refs of the sentences in reach, in order: one walk over refs
    for r in refs:
        if here - window <= r.sent <= here:
            by_sent.setdefault(r.sent, []).append(r)
    same = [r for r in by_sent.get(here, ()) if r.mention.end <= tok.idx and fits(r)]
    same = [r for r in same if not _same_clause_subject(r, tok)]
    out += sorted(same, key=lambda r: (not _governing_subject(r, tok), -r.mention.start))
    for back in range(1, window + 1):
        earlier = [r for r in by_sent.get(here - back, ()) if fits(r)]
        out += sorted(earlier, key=lambda r: (r.head.dep_ not in _SUBJECT_DEPS, r.mention.start))
    return out


def _is_plural(ref: _Ref) -> bool:
    """A body of many ("the rebels", "Russian officials"), not a conjunction of single ones."""
    a = ref.mention.actor
    return bool(ref.head.tag_ in ("NNS", "NNPS") or (a.kind != "person" and a.sector in _GROUP_SECTORS))


def _coordinated(ref: _Ref) -> bool:
    return bool(ref.head.dep_ == "conj" or any(c.dep_ == "conj" for c in ref.head.children))


def _of_reporting(tok: Any, words: CorefWords) -> bool:
    """Can 'it'/'its' here stand for a news outlet: the subject of a verb of saying or reporting
    ("the paper said it had seen the letter"), or the owner of a thing of the news trade ("its
    correspondent")? Elsewhere ("drills close to its northwestern borders") an outlet is no antecedent."""
    from tidings.events.modality import REPORTING

    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in REPORTING:
        return True
    return tok.dep_ == "poss" and tok.head.lemma_.lower() in words.media_nouns


def _pronoun(
    tok: Any,
    refs: list[_Ref],
    sentence_index: list[int],
    genders: dict[str, str],
    words: CorefWords,
    agents: Any = frozenset(),
) -> _Ref | None:
    low = tok.lower_
    if low in words.male or low in words.female:
        want = "m" if low in words.male else "f"

        def fits(r: _Ref) -> bool:
            a = r.mention.actor
            return a.kind == "person" and genders.get(a.actor_id, want) == want

    elif low in words.thing:
        # "It happened in a phone call", "it is the first trip": an 'it' of such verbs is no actor.
        if tok.head.lemma_.lower() in words.it_verbs and tok.dep_ in ("nsubj", "nsubjpass", "expl"):
            return None
        here = sentence_index[tok.i]

        def fits(r: _Ref) -> bool:
            # Only the subject of an earlier sentence is salient enough for 'it' to reach back to.
            salient = r.sent == here or r.head.dep_ in _SUBJECT_DEPS
            # (a body of many members is "it" as well as "they": "the EU said it would …")
            single = not _is_plural(r) or (r.mention.actor.sector == "IGO" and r.head.tag_ not in ("NNS", "NNPS"))
            kinds = ("state", "org", "outlet") if _of_reporting(tok, words) else ("state", "org")
            return r.mention.actor.kind in kinds and single and salient

    else:

        def fits(r: _Ref) -> bool:
            return r.mention.actor.kind in ("state", "org") and (_is_plural(r) or _coordinated(r))

    window = words.pronoun_window if low not in words.plural else 1
    ranked = _ranked(tok, refs, sentence_index, window, fits)
    if ranked and low in words.plural and _nearer_unknown_people(tok, ranked[0], agents, words):
        return None
    if ranked and low in words.thing and _nearer_thing(tok, ranked[0], sentence_index):
        return None
    return ranked[0] if ranked else None


def _nearer_thing(tok: Any, ref: _Ref, sentence_index: list[int]) -> bool:
    """Is 'it' nearer a thing than the state or body found: the subject of its own sentence or of
    the one before, a singular common noun that names no actor ("the Iranian vessel was sitting at
    the same depth as when it arrived in China")? Then 'it' is that thing."""
    here = sentence_index[tok.i]
    start = ref.mention.end if ref.sent == here else None
    for t in tok.doc[max(tok.sent.start - 60, 0) : tok.i]:
        if sentence_index[t.i] < here - 1 or (start is not None and t.idx < start):
            continue
        if (
            t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ == "NOUN"
            and t.tag_ == "NN"
            and t.idx >= ref.mention.end
            and not any(c.dep_ == "poss" for c in t.children)
        ):
            return True
    return False


def _nearer_unknown_people(tok: Any, ref: _Ref, agents: Any, words: CorefWords) -> bool:
    """Is there, between the antecedent found and the plural pronoun ``tok`` in its sentence, a
    plural noun of people that names no known actor ("vowed to find the bombers and bring them to
    justice")? The nearest fitting noun phrase is the antecedent (the sieve's rule), even when
    tidings cannot say whose they are."""
    start = ref.head.i + 1 if ref.head.sent.start == tok.sent.start else tok.sent.start
    for t in tok.doc[start : tok.i]:
        lemma = t.lemma_.lower()
        if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and (
            lemma in agents or lemma in words.people_nouns
        ):
            return True
    return False


def _description(
    out: Any, tok: Any, refs: list[_Ref], sentence_index: list[int], genders: dict[str, str], words: CorefWords
) -> None:
    """'the Cuban boy', 'the minister', 'the agency', 'the country': a definite description with no
    name of its own points back at the most salient fitting mention."""
    kids = list(tok.children)
    if not any(k.dep_ == "det" and k.lower_ in _DEFINITE for k in kids):
        return
    # A description that names or places its own referent is new, not a back-reference:
    # "the president of Cuba", "the minister, Lavrov", "the Iraqi president Saddam Hussein".
    if any(k.dep_ in ("appos", "poss", "relcl", "acl") and not (k.dep_ == "appos" and k.pos_ == "PRON") for k in kids):
        return  # (but "the president himself" is the president named before)
    if any(k.dep_ == "prep" and k.lower_ == "of" for k in kids):
        return
    if any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in kids) or tok.head.pos_ == "PROPN":
        return
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN":
        return
    lemma = tok.lemma_.lower()
    if _body_by_name(out, tok, refs, sentence_index, words):
        return
    if tok.tag_ in ("NNS", "NNPS") and not (lemma in words.state_nouns and out.kb.agents.get(lemma)):
        # "Iraqi officials said … The officials also said": a plural role word repeated is the
        # body named with it before (the sieve's head match); "the three countries", "the
        # companies" are many, not the one named before.
        if lemma in out.kb.agents and not any(k.dep_ in ("amod", "compound", "nummod") for k in kids):

            def same_head(r: _Ref) -> bool:
                return r.head.lemma_.lower() == lemma and r.head.tag_ in ("NNS", "NNPS") and r.head.i != tok.i

            ranked = _ranked(tok, refs, sentence_index, words.description_window, same_head)
            if ranked:
                out._add(tok.left_edge.i, tok.i + 1, ranked[0].mention.actor, "coref:head")
        return
    phrase = " ".join(k.lower_ for k in kids if k.dep_ == "compound" and k.i == tok.i - 1) + " " + lemma
    phrase = phrase.strip()
    qualifiers = [out.by_token[k.i] for k in kids if k.dep_ in ("amod", "compound") and k.i in out.by_token]
    country = next((q.actor.country for q in qualifiers if q.actor.country), None)
    if qualifiers and country is None:
        return
    start = min([k.left_edge.i for k in kids if k.i < tok.i] + [tok.i])
    if lemma in words.person_nouns or phrase in words.person_nouns:
        gender = "m" if lemma in words.male_words else "f" if lemma in words.female_words else None
        sector = out.kb.agents.get(phrase) or out.kb.agents.get(lemma)
        # "the minister", "the ambassador": an office points back at the last person the report
        # (or the base, that day) gives that office, not at any official ("Libyan leader Gadhafi").
        office = phrase.split() if phrase in words.office_titles else [lemma] if lemma in words.office_titles else []
        titled: dict[str, bool] = {}

        def fits(r: _Ref) -> bool:
            a = r.mention.actor
            if a.kind != "person" or (country and a.country not in (None, country)):
                return False
            if gender and genders.get(a.actor_id, gender) != gender:
                return False
            if office:
                if a.actor_id not in titled:
                    titled[a.actor_id] = _holds_title(out, a, office, words)
                if not titled[a.actor_id]:
                    return False
            # "the minister" fits a person of that office or of none known; a plain "the boy" or
            # "the man" does not stand for someone the report has given an office.
            return a.sector == sector if sector and a.sector else not (a.sector and not sector)

        ranked = _ranked(tok, refs, sentence_index, words.description_window, fits)
        if not ranked:
            return
        actor = ranked[0].mention.actor
        if gender:
            genders.setdefault(actor.actor_id, gender)
        if country and actor.country is None:
            word = next(q.text for q in qualifiers if q.actor.country)
            actor = out.recast(actor, country, actor.sector or sector, f"described:{word}")
        out._add(start, tok.i + 1, actor, "coref:description")
        return
    if lemma in words.media_nouns or phrase in words.media_nouns:

        def fits(r: _Ref) -> bool:
            return r.mention.actor.sector == "MED"

    elif lemma in words.org_nouns or phrase in words.org_nouns:
        # A head that names a kind of body ("the company" BUS, "the court" JUD, "the militia" MIL,
        # role words of agents.yaml) points back only at a body of that kind or of no known kind:
        # "the company" is no government agency, "the court" no Justice Department.
        kind = out.kb.agents.get(phrase) or out.kb.agents.get(lemma)

        def fits(r: _Ref) -> bool:
            a = r.mention.actor
            if kind and a.sector not in (None, kind) and not {kind, a.sector} <= _BUSINESS:
                return False
            return a.kind == "org" and a.sector != "MED" and (country is None or a.country == country)

    elif lemma in words.state_nouns or phrase in words.state_nouns:

        def fits(r: _Ref) -> bool:
            a = r.mention.actor
            return a.kind == "state" and a.country is not None and (country is None or a.country == country)

    else:
        return
    ranked = _ranked(tok, refs, sentence_index, words.description_window, fits)
    if not ranked:
        return
    actor = ranked[0].mention.actor
    if lemma in words.state_nouns and actor.kind == "state" and actor.country:
        # "the government", "the regime": the state's government; "the country": the state.
        sector = out.kb.agents.get(lemma)
        state = out.kb.state(actor.country)
        if state is not None:
            actor = state.actor(out.on, sector=sector) if sector else state.actor(out.on)
    out._add(start, tok.i + 1, actor, "coref:description")


def _holds_title(out: Any, actor: Actor, office: list[str], words: CorefWords) -> bool:
    """Does the report or the base give ``actor`` the office ``office`` ("minister", "foreign
    minister")? The words by any mention of theirs ("Saudi Oil Minister X", "X, the oil minister",
    "the minister" already linked to them) unless put in the past ("former"), or the role the base
    gives them on the report's date."""
    ent = out.kb.entities.get(actor.actor_id.split("@")[0])
    term = ent.term_on(out.on) if ent is not None and ent.kind == "person" and ent.terms else None
    if term is not None and all(w in term.role.lower().split() for w in office):
        return True
    doc = out.doc
    for m in out.mentions:
        if m.actor.actor_id != actor.actor_id or m.how == "coref:pronoun":
            continue
        span = mention_span(doc, m.start, m.end)
        if span is None:
            continue
        root = span.root
        near = list(doc[max(root.left_edge.i, span.start - 5) : span.end])
        for ap in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
            near += [t for t in ap.subtree if t.i < ap.i + 1 or t.dep_ != "prep"]
        if any(t.lower_ in words.former_words for t in near):
            continue
        said = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
        if all(w in said for w in office):
            return True
    return False


def _name_words(m: Mention) -> list[str]:
    return [w.strip(".,'’").lower() for w in f"{m.actor.name} {m.text}".split()]


def body_name_heads(out: Any) -> dict[str, int]:
    """The last words of the names of the bodies a report names ("Court" of "World Court",
    "Service" of "Immigration and Naturalization Service"), lower case, each with the offset where
    a body of that name is first named."""
    heads: dict[str, int] = {}
    for m in sorted(out.mentions, key=lambda m: m.start):
        if m.actor.kind == "org" and not m.how.startswith("coref:"):
            for w in (m.actor.name.split()[-1].lower(), m.text.split()[-1].lower()):
                heads.setdefault(w, m.start)
    return heads


def _body_by_name(out: Any, tok: Any, refs: list[_Ref], sentence_index: list[int], words: CorefWords) -> bool:
    """The sieve's strict head match for bodies: "the court" after "the World Court", "the
    immigration service" after "the Immigration and Naturalization Service": a singular definite
    description whose head is the last word of a body's name and whose other words are all words
    of that name is that body (how ``coref:head``)."""
    if tok.tag_ not in ("NN", "NNP"):
        return False
    low = tok.lower_
    mods = [k.lower_ for k in tok.children if k.dep_ in ("amod", "compound") and k.i < tok.i]

    def fits(r: _Ref) -> bool:
        if r.mention.actor.kind != "org" or r.mention.how.startswith("coref:"):
            return False
        names = _name_words(r.mention)
        last = {r.mention.actor.name.split()[-1].lower(), r.mention.text.split()[-1].lower()}
        return low in last and all(w in names for w in mods)

    ranked = _ranked(tok, refs, sentence_index, words.description_window, fits)
    if not ranked:
        return False
    start = min([k.left_edge.i for k in tok.children if k.i < tok.i] + [tok.i])
    out._add(start, tok.i + 1, ranked[0].mention.actor, "coref:head")
    return True


def recast_mentions(mentions: list[Mention], old: Actor, new: Actor, how: str) -> list[Mention]:
    """The mentions with every one of ``old``'s replaced by ``new``, the evidence added to ``how``."""
    return [
        Mention(m.doc_id, m.start, m.end, m.text, new, f"{m.how}+{how}") if m.actor.actor_id == old.actor_id else m
        for m in mentions
    ]
