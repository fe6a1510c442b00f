"""Events the CAMEO verb dictionary codes where the curated lexicon says nothing: a second opinion.

The lexicon's entries stay on top: a verb the lexicon coded is not looked up again. Any other verb
the dictionary knows is matched against its patterns (``verbdict.py``); a match with a PLOVER type
becomes an entry coded by the same machinery as the lexicon's (sources, targets, modality,
negation, intent and confidence in ``extract.py``), with the pattern's marked source ($) and
target (+) where it marks them, and the dictionary's default target slots where it does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tidings.events.lexicon import Entry
from tidings.events.verbdict import Match, VerbDict, load_verbdict
from tidings.nlp import token_starts, tokens_overlapping, tokens_with
from tidings.ontology import load_ontology
from tidings.records import Event

if TYPE_CHECKING:
    from tidings.events.extract import _Coder


@lru_cache(maxsize=4096)
def _entry(rule: str, cameo: str, plover: str, bare: bool) -> Entry:
    vd = load_verbdict()
    code = load_ontology().plover_of(cameo)
    context = (code.context or "").split(";")[0].strip() or None if code is not None else None
    return Entry(
        id=rule,
        type=plover,
        cameo=cameo,
        mode=code.mode if code is not None else None,
        context=context,
        target=vd.target,
        strength=vd.strength["bare" if bare else "pattern"],
    )


def _with_conjuncts(token: Any) -> list[Any]:
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


def dictionary_events(
    coder: _Coder, doc: Any, coded: Iterable[int], events: Iterable[Event] = (), vd: VerbDict | None = None
) -> list[Event]:
    """Events of the verbs of ``doc`` the dictionary codes, leaving out the verbs in ``coded`` (the
    ones a lexicon entry fired on) and the verbs whose phrase holds the trigger of one of the
    lexicon's ``events``: the lexicon coded that phrase ("decided to hold talks" is the talks)."""
    from tidings.events.extract import EMBEDDING

    vd = vd or load_verbdict()
    skip = set(coded)
    starts = token_starts(doc)
    lexical = skip | {tokens_overlapping(starts, ev.trigger_start, ev.trigger_start + 1)[0] for ev in events}
    out: list[Event] = []
    for i in tokens_with(doc, vd.verb_words):
        token = doc[i]
        if i in skip or token.pos_ != "VERB":
            continue
        match = vd.match(token)
        if match is None:
            continue
        if match.plover in EMBEDDING and lexical and any(t.i in lexical for t in token.subtree if t.i != i):
            continue  # an act about an act the lexicon coded would hide it ("decided to hold talks")
        if any(c.dep_ in ("dobj", "obj") and c.i in lexical for c in token.children):
            continue  # "stepped up airstrikes", "intensified its attacks": the object the lexicon coded is the act
        out.extend(_code(coder, token, match))
    return out


def _code(coder: _Coder, token: Any, match: Match) -> Iterable[Event]:
    entry = _entry(match.rule, match.cameo, match.plover, match.pattern.weight == 0)
    if match.source is None and match.target is None:
        return coder.code(token, entry, None, is_noun=False)
    sources, _ = coder.sources(token, entry, False)
    if match.source is not None:
        sources = coder.roles(_with_conjuncts(match.source)) or sources
    targets = coder.roles(_with_conjuncts(match.target)) if match.target is not None else []
    targets = targets or coder.targets(token, entry, None)
    return coder.code(token, entry, None, is_noun=False, given=(sources, targets))
