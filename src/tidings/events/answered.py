"""Acts that answer an act told earlier in the report: "Netanyahu apologised to Erdogan … Erdogan
accepted the apology", "Iraq rejected the demand". A response told with no one named to receive it
is aimed at the maker of the act it answers: the last act of that type the report told before it,
by another party. The nouns and the types they refer back to are in ``events/data/answered.yaml``."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.errors import DataFileError
from tidings.nlp import token_starts
from tidings.records import Event
from tidings.yamlfile import load_yaml

# What answers: a response that takes the earlier act as its object.
RESPONSES = frozenset({"AGREE", "REJECT", "SUPPORT", "ACCUSE", "CONCEDE"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@lru_cache(maxsize=1)
def answered_acts() -> dict[str, frozenset[str]]:
    text = (resources.files("tidings.events") / "data" / "answered.yaml").read_text(encoding="utf-8")
    data: Any = load_yaml(text) or {}
    table = data.get("answered_acts") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise DataFileError("events/data/answered.yaml: expected a mapping answered_acts: {noun: [TYPE, …]}")
    return {str(k).lower(): frozenset(str(t).upper() for t in v or ()) for k, v in table.items()}


def _answered_noun(doc: Any, starts: list[int], event: Event) -> Any | None:
    """The definite act noun the event's trigger takes as its object ("accepted the apology")."""
    at = bisect_right(starts, event.trigger_start) - 1
    if at < 0:
        return None
    trigger = doc[at]
    for obj in trigger.children:
        if (
            obj.dep_ in ("dobj", "obj")
            and obj.lemma_.lower() in answered_acts()
            and any(d.dep_ == "det" and d.lower_ in _DEFINITE for d in obj.children)
        ):
            return obj
    return None


def aim_responses(doc: Any, events: list[Event]) -> list[Event]:
    """Give a response with no target the maker of the act it answers, when the report told it."""
    if not any(e.target is None and e.type in RESPONSES for e in events):
        return events
    starts = token_starts(doc)
    ordered = sorted(events, key=lambda e: e.trigger_start)
    out: list[Event] = []
    for ev in events:
        noun = None if ev.target is not None or ev.type not in RESPONSES else _answered_noun(doc, starts, ev)
        if noun is None or ev.source is None or ev.source.actor is None:
            out.append(ev)
            continue
        kinds = answered_acts()[noun.lemma_.lower()]
        own = ev.source.actor.country or ev.source.actor.actor_id
        earlier = [
            e
            for e in ordered
            if e.trigger_start < ev.trigger_start
            and e.type in kinds
            and e.source is not None
            and e.source.actor is not None
            and (e.source.actor.country or e.source.actor.actor_id) != own
        ]
        if earlier:
            out.append(replace(ev, target=earlier[-1].source, rule=ev.rule + "+target:answered"))
        else:
            out.append(ev)
    return out
