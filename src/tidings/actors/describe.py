"""Countries from descriptions: a person the base does not know takes a country (and a sector, where a
role word says one) from what the report says of them, and the whole chain of their mentions with it.

The evidence, tried in this order, the word recorded in ``Mention.how`` as ``described:WORD``:
- the words before the name in its own phrase: a nationality ("Saudi dissident X", "Cuban-born
  X"), an office of a state ("Nigeria's military ruler X", "Iraqi envoy X");
- an appositive ("X, the Iraqi envoy", "X, a member of Sinn Fein", "X, head of the FBI"): a state,
  a demonym, or an organisation whose country the base knows;
- a copula ("X is a Saudi radical").
Places are not evidence: "a dissident living in Afghanistan" says where, not whose.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from tidings.actors.coref import body_name_heads
from tidings.nlp import doc_text, mention_span, token_starts, tokens_overlapping, tokens_with
from tidings.records import Mention

# Prepositions whose object locates rather than describes ("in", "at"); "of" and "from" describe.
_LOCATING = {"in", "at", "near", "inside", "outside", "on", "to", "into", "across", "throughout", "around"}
_BORN = ("-born", "-american", "-americans", "-british")


def describe(out: Any) -> None:
    """Give every country-less person chain of ``out`` (a ``ResolvedDoc``) the country its
    descriptions name."""
    done: set[str] = set()
    # A known person is looked at only where a body of no state is named (a post of it may
    # override the base's state): most reports name none, and then only country-less chains are.
    bodies = any(x.actor.kind == "org" and x.actor.sector == "IGO" for x in out.mentions)
    for m in list(out.mentions):
        a = m.actor
        if a.kind != "person" or a.actor_id in done or a.sector == "IGO" or (a.country is not None and not bodies):
            continue
        found = _evidence(out, m)
        if found is None:
            continue
        country, sector, word = found
        if a.country is not None and country:
            continue  # a known person keeps the state the base gives (only a body's post overrides it:
            # "U.N. envoy Geir Pedersen" serves the U.N. whatever his nationality)
        done.add(a.actor_id)
        out.recast(a, country or None, sector if not country else a.sector or sector, f"described:{word}")


def _evidence(out: Any, m: Mention) -> tuple[str, str | None, str] | None:
    doc = out.doc
    toks = tokens_overlapping(token_starts(doc), m.start, m.end)
    span = doc[toks.start : toks.stop]
    root = span.root
    # 1. The phrase before the name: "Nigeria's military ruler Gen. Sani Abacha", "Cuban-born X".
    before = doc[root.left_edge.i : span.start]
    found = _scan(out, [t for t in before if not _located(t, root) and not _after_locating(out, t)], span)
    if found is not None:
        return found
    # 2. Appositives, either way round: "X, the Iraqi envoy" / "the Iraqi envoy, X".
    appos = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" or _appositive_conj(root):
        appos.append(root.head)
        owner = root.head.head.head if root.head.dep_ == "pobj" else None
        if root.dep_ == "appos" and owner is not None and owner.pos_ == "NOUN":
            # "the U.N. special envoy for Syria, Geir Pedersen", the name parsed as Syria's
            # appositive: it is the envoy's
            appos.append(owner)
    for ap in appos:
        scope = [
            t
            for t in ap.subtree
            if t.i not in range(span.start, span.end) and not _located(t, ap) and not _after_locating(out, t)
        ]
        found = _scan(out, scope, span)
        if found is not None:
            return found
    # 3. Marks of one state's politics: "Sen. Ted Cruz", "Bob Menendez (D-N.J.)".
    found = _national_mark(out, span)
    if found is not None:
        return found
    # 4. A copula: "X is a Saudi radical".
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for attr in (c for c in root.head.children if c.dep_ == "attr"):
            found = _scan(out, [t for t in attr.subtree if not _located(t, attr)], span)
            if found is not None:
                return found
    return None


def _national_mark(out: Any, span: Any) -> tuple[str, str | None, str] | None:
    doc = out.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc_text(doc)[span.end_char : span.end_char + 24]
    for state, titles, pattern in out.coref_words.national_marks:
        if before in titles:
            return state, "LEG", before
        if pattern and (m := re.match(pattern, after)) is not None:
            return state, "LEG", m.group().strip(" ,")
    return None


def _appositive_conj(root: Any) -> bool:
    """ "the spokesperson for X's ministry, Ambassador Y": a name the parser joined to a noun as a
    conjunct, with a comma and no "and" or "or", is an appositive."""
    head = root.head
    if root.dep_ != "conj" or head.pos_ != "NOUN":
        return False
    if any(c.dep_ == "cc" for c in head.children) or any(c.dep_ == "cc" for c in root.children):
        return False
    return bool(root.left_edge.i > 0 and root.doc[root.left_edge.i - 1].text == ",")


def _after_locating(out: Any, tok: Any) -> bool:
    """Is ``tok`` in a mention written right after a preposition of place, whatever the parse made
    of it ("China's ambassador to Britain Liu Xiaoming", the parser taking "Britain" into the name)?"""
    m = out.by_token.get(tok.i)
    first = tokens_overlapping(token_starts(out.doc), m.start, m.end).start if m is not None else tok.i
    return first > 0 and out.doc[first - 1].lower_ in _LOCATING


def _located(tok: Any, top: Any) -> bool:
    """Is ``tok`` inside a phrase of place under ``top`` ("living in Afghanistan")?"""
    t = tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in _LOCATING:
            return True
        if t.dep_ in ("relcl", "acl") and t.i != tok.i:
            return True  # "a dissident who lived in ...": a clause of its own
        t = t.head
    return False


def _scan(out: Any, tokens: list[Any], own: Any) -> tuple[str, str | None, str] | None:
    country: str | None = None
    word = ""
    sector: str | None = None
    # "a former deputy secretary-general of the United Nations", "an ex-U.N. official": a past post
    # gives no current affiliation (no body, no sector); a nationality still holds ("a former Czech
    # diplomat" is Czech).
    words = out.coref_words.former_words
    former = any(t.lower_ in words and t.dep_ in ("amod", "advmod") for t in tokens if t.i not in range(own.start, own.end))
    for t in tokens:
        if t.i in range(own.start, own.end):
            continue
        sector = sector or out.kb.agents.get(t.lemma_.lower())
        m = out.by_token.get(t.i)
        if m is not None and former and m.actor.kind != "state":
            continue
        if m is not None and country is None and m.actor.kind != "person":
            if m.actor.kind == "state" and t.dep_ == "pobj" and t.head.lower_ == "for":
                continue  # "the U.N. special envoy for Syria": the state he deals with, not his
            if m.actor.country:
                country, word = m.actor.country, m.text
                sector = sector or (m.actor.sector if m.actor.kind == "org" else None)
            elif m.actor.kind == "org" and m.actor.sector == "IGO" and not word:
                word, sector = m.text, "IGO"  # "U.N. envoy Geir Pedersen": the body's man
            continue
        low = t.lower_
        for suffix in _BORN:
            if country is None and low.endswith(suffix):
                hits = out.kb.find(t.text[: -len(suffix)])
                state = next((h.entity for h in hits if h.entity.kind == "state"), None)
                if state is not None:
                    country, word = state.country, t.text
    if country is None:
        # Of no state but an intergovernmental body's: the body's code stands for a country
        return ("", "IGO", word) if word and sector == "IGO" and not former else None
    return country, None if former else sector, word


def home_state(out: Any) -> str | None:
    """The state of the report's dateline ("NAIROBI, Kenya (AP) _", "MOSCOW (AP)_", "BUDAPEST, March
    12 (Xinhua) --"), where the report says its news happened, or None."""
    from tidings.clean.meta import DATELINE_PLACE
    from tidings.places import lookup

    m = DATELINE_PLACE.match(doc_text(out.doc)[:120])
    if m is None:
        return _dominant_state(out)
    inside = [x for x in out.mentions if x.start < m.end() and x.actor.kind == "state" and x.actor.country]
    if inside:
        return str(inside[0].actor.country)
    place = lookup(m.group(1).strip().title(), out.kb)
    return place.country if place is not None else None


def _dominant_state(out: Any) -> str | None:
    """A report with no dateline (a web page) tells its news where most of its named states and
    their people are: the state named at least three times and at least twice as often as any
    other, else None ("police fired teargas" in a story all about Hong Kong is Hong Kong's police)."""
    counts = Counter(m.actor.country for m in out.mentions if m.actor.country and m.actor.kind in ("state", "person"))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return str(ranked[0][0])


def placed_agents(out: Any, home: str | None) -> None:
    """'The police barred the crowd' in a report from Istanbul: a force or an institution named by
    its role word alone ("the police", "troops", "the court") belongs to the one state its
    sentence places its news in, else to the state of the report's dateline. Words that point
    back at a state named before ("the government", "the authorities") are left to coreference,
    and a role word with a country of its own ("Kenyan police", "Iraq's army", "police in
    Guinea") keeps it."""
    words = out.coref_words
    sentences: dict[int, str | None] = {}
    named = body_name_heads(out)
    for i in tokens_with(out.doc, _force_words(out.kb)):
        tok = out.doc[i]
        lemma = tok.lemma_.lower()
        if named.get(tok.lower_, tok.idx) < tok.idx and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "the court" after "the World Court": that body, found by coreference
        sector = out.kb.agents.get(lemma) or out.kb.agents.get(tok.lower_)
        civilian = lemma in words.placed_civilians
        if civilian and home is None:
            continue
        if (
            (sector not in _FORCES and not (sector == "GOV" and lemma in words.placed_officials) and not civilian)
            or tok.pos_ not in ("NOUN", "PROPN")
            or tok.i in out.by_token
            or lemma in words.state_nouns
            or lemma in words.perpetrators  # "the bombers" of an attack in Kenya are not Kenya's
        ):
            continue
        if tok.ent_type_ or any(
            c.dep_ in ("poss", "prep")
            or (c.dep_ in ("amod", "compound", "nmod") and (c.i in out.by_token or c.pos_ == "PROPN"))
            for c in tok.children
        ):
            continue  # a name ("Kosovo Liberation Army") or a role with its own country: the event coder reads those
        if tok.tag_ != "NNS" and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "troops", "the police"; not a bare "defense" or "military" used of a thing
        if lemma in words.placed_officials and any(
            c.dep_ == "nummod" or (c.dep_ in ("det", "predet") and c.lower_ in ("both", "these", "those"))
            for c in tok.children
        ):
            continue  # "the two officials", "both officials": people named before, left to coreference
        start = tok.sent.start
        if start not in sentences:
            sentences[start] = _sentence_state(out, tok.sent)
        country = home if civilian else sentences[start] or home
        if country is None:
            continue
        state = out.kb.state(country)
        if state is not None:
            how = "agent+place" if sentences[start] and not civilian else "agent+dateline"
            out._add(tok.i, tok.i + 1, state.actor(out.on, sector=sector or "CVL"), how)


# Sectors of forces and institutions that act for their state (see actors/data/agents.yaml).
# (and of the government's role words only the nameless ones, "officials": placed_officials in
# actors/data/coref.yaml)
_FORCES = {"MIL", "COP", "JUD", "LEG"}
_force_cache: dict[tuple[int, int], frozenset[str]] = {}


def _force_words(kb: Any) -> frozenset[str]:
    """The role words of forces and institutions (the last word of a phrase), found once per base:
    the tokens to look at are picked by a vectorised look-up, not a walk over every token."""
    key = (id(kb), len(kb.agents))
    if key not in _force_cache:
        from tidings.actors.words import coref_words

        officials = coref_words().placed_officials
        civilians = coref_words().placed_civilians
        _force_cache[key] = frozenset(w.split()[-1] for w, sector in kb.agents.items() if sector in _FORCES) | {
            form for w in officials | civilians for form in (w, w + "s")
        }
    return _force_cache[key]


def _sentence_state(out: Any, sent: Any) -> str | None:
    """The one state a sentence places its news in ("in downtown Istanbul"), or None."""
    states = set()
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATING and tok.i in out.by_token:
            a = out.by_token[tok.i].actor
            if a.kind == "state" and a.country:
                states.add(a.country)
    return states.pop() if len(states) == 1 else None


def commentators(out: Any) -> frozenset[str]:
    """The actor ids of people the base does not know whom the report describes only as commentators
    or witnesses ("security analyst Kabiru Adamu", "Beverly Ochieng, a senior analyst with ...")."""
    from tidings.actors.words import coref_words

    words = coref_words().commentator_nouns
    found: set[str] = set()
    doc = out.doc
    for m in out.mentions:
        a = m.actor
        if a.kind != "person" or a.country is not None or not a.actor_id.startswith("P?:") or a.actor_id in found:
            continue
        span = mention_span(doc, m.start, m.end)
        if span is None:
            continue
        root = span.root
        near = list(doc[root.left_edge.i : span.start])
        for ap in [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else []):
            near.extend(t for t in ap.subtree if t.dep_ != "pobj" and t.head.dep_ != "pobj")
        if any(t.lemma_.lower() in words and t.pos_ == "NOUN" for t in near):
            found.add(a.actor_id)
    return frozenset(found)
