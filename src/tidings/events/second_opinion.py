"""The headline type model's second opinion: the act a report's headline states, where the rules coded none of its type.

A headline states its report's main event ("Andorra Makes Concessions to the EU"), often in words
the lexicon and the CAMEO dictionary do not code. The type model (``typemodel.py``) reads the
headline; where it is sure of a type (probability at least ``THRESHOLD``) and no event the report
shows is of that type, the headline's act is coded with that type by the same machinery as the
rules' events (targets, negation, modality, date, place in ``extract.py``): its trigger is the
headline's main verb, its source the verb's subject or else the first actor the headline names.
One of the headline's words must be one the model reads as that type by itself: a headline whose
words it has not learned ("Hungarian Leaders Hail entry into NATO", read as an accusation for want
of knowing "hail") is left to the rules, and so is a word inside what a rules' act of the headline
demands, refuses, condemns, promises or threatens ("Blinken urges China to curb support for
Moscow" is a request; the support is not an act). Its rule reads ``model.<type>``. The model is read on
headlines only: on the sentences of the PLOVER gold it is right far less often than the rules (see
``scripts/train_type_model.py`` and the NOTICE beside the model).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tidings.actors.resolve import ResolvedDoc
from tidings.events.extract import EMBEDDING, _Coder
from tidings.events.lexicon import Entry
from tidings.events.typemodel import TypeModel
from tidings.nlp import token_starts, tokens_overlapping
from tidings.ontology import Ontology
from tidings.records import SHOWN_MODALITIES, Document, Event, Role, Timex

# The least probability at which the model's type is used: at 0.5, 5-fold cross-validation on the
# tune half of the synthetic stories' headlines gives 84% of headlines, 98% of them right.
THRESHOLD = 0.5
# The raw strength of a model event (calibrated afterwards like every rule's, ``calibrate.py``).
STRENGTH = 0.5
# Parts of speech of the words that can carry a headline's act (a title-case verb is often read as a name).
CONTENT = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
# Where the target of a headline's act is looked for, in order (the lexicon's slots).
TARGET_SLOTS = ("dobj", "dative", "prep:against", "prep:with", "prep:on", "prep:from", "aim")


def shown_types(events: Iterable[Event]) -> set[str]:
    """The types of the events ``tidings events`` shows by default."""
    return {e.type for e in events if e.modality in SHOWN_MODALITIES and not e.negated}


def _trigger(doc: Any) -> Any:
    """The headline's main verb: the parse's root when it is a verb, else its first verb."""
    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    if root.pos_ == "VERB":
        return root
    return next((t for t in doc if t.pos_ == "VERB"), root)


def _content_of_acts(doc: Any, events: Iterable[Event]) -> set[int]:
    """The tokens in the phrase of a shown rules' act whose object is another act ("urges China to
    curb support": what is urged has not happened, and "support" reads no act of its own)."""
    starts = token_starts(doc)
    out: set[int] = set()
    for ev in events:
        if ev.type in EMBEDDING and ev.modality in SHOWN_MODALITIES and not ev.negated:
            trigger = doc[tokens_overlapping(starts, ev.trigger_start, ev.trigger_start + 1)[0]]
            out |= {t.i for t in trigger.subtree if t.i != trigger.i}
    return out


def model_events(
    document: Document,
    resolved: ResolvedDoc,
    timexes: list[Timex],
    ontology: Ontology,
    model: TypeModel,
    told: set[str],
    rule_events: Iterable[Event] = (),
) -> list[Event]:
    """The headline's act (``resolved`` is the parsed headline) coded with the model's type, or nothing
    when the model is unsure, the report already shows an event of that type (``told``), or the
    headline names no actor to do it."""
    doc = resolved.doc
    if not len(doc):
        return []
    kind, p = model.best(doc[:])
    if p < THRESHOLD or kind in told:
        return []
    entry = Entry(
        id=f"model.{kind.lower()}",
        type=kind,
        cameo=ontology.default_cameo(kind),
        mode=None,
        context=None,
        target=TARGET_SLOTS,
        strength=STRENGTH,
    )
    content = _content_of_acts(doc, rule_events)
    if not any(model.word_type(t) == kind for t in doc if t.pos_ in CONTENT and t.i not in content):
        return []  # no word of the headline is one the model knows for that type by itself
    trigger = _trigger(doc)
    is_noun = trigger.pos_ in ("NOUN", "PROPN")
    coder = _Coder(document, resolved, timexes, ontology)
    sources, _ = coder.sources(trigger, entry, is_noun)
    if not sources:
        # The first actor the headline names ("Curfew lifted in Oslo": the state whose capital acts).
        first = next((t for t in doc if resolved.role_for(t) is not None), None)
        sources = coder.roles([first]) if first is not None else []
    if not sources:
        return []
    targets: list[Role] = coder.targets(trigger, entry, None)
    return list(coder.code(trigger, entry, None, is_noun, given=(sources, targets)))
