"""Confidence that means something: an event's confidence is the chance, learned on hand-coded
gold, that its (type, source country, target country) is right.

The rule that codes an event gives a raw strength (``events/data/lexicon.yaml``'s ``strength``,
lowered for an implicit source or a missing target). That alone is not a probability. A small
logistic model over the raw strength and what is known of the event's arguments and origin maps
it to one; its weights live in ``events/data/calibration.yaml``, fitted by
``scripts/fit_calibration.py`` on the tune part of the dev gold, which also prints the reliability
table (events at confidence ≥ c are right at about rate c) on the part it was not fitted on.
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.actors.words import coref_words
from tidings.errors import DataFileError
from tidings.records import Event, Modality
from tidings.yamlfile import load_yaml


def features(event: Event) -> dict[str, float]:
    """What the model reads of an event (names as in calibration.yaml)."""
    src = event.source.actor if event.source is not None else None
    tgt = event.target.actor if event.target is not None else None
    rule = event.rule
    return {
        "bias": 1.0,
        "raw": event.confidence,
        "source_country": float(src is not None and src.country_code is not None),
        "source_person": float(src is not None and src.kind == "person"),
        # an inferred target ("+target:", events/counterpart.py) counts as none: the weights were
        # fitted on targets read from the clause
        "target": float(tgt is not None and tgt.country_code is not None and "+target:" not in rule),
        "same_country": float(
            src is not None and tgt is not None and src.country_code == tgt.country_code and "+target:" not in rule
        ),
        "implicit_source": float("+source:governing-clause" in rule or "+source:place" in rule),
        "unknown_source": float("+source:unknown" in rule),
        "pronoun_source": float(event.source is not None and event.source.text.lower() in coref_words().pronouns),
        "reported": float(event.modality is Modality.REPORTED),
        "dictionary": float(rule.startswith("cameo")),
        "noun_trigger": float("_noun" in rule),
    }


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The fitted weights; an empty mapping (raw rule strengths, uncalibrated) when the data file has
    none or TIDINGS_CALIBRATION=off (how the fitting script reads the raw strengths)."""
    if os.environ.get("TIDINGS_CALIBRATION", "").lower() == "off":
        return {}
    path = resources.files("tidings.events") / "data" / "calibration.yaml"
    if not path.is_file():
        return {}
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    raw: Any = data.get("weights") or {}
    if not isinstance(raw, dict):
        raise DataFileError("events/data/calibration.yaml: 'weights' must map feature names to numbers")
    return {str(k): float(v) for k, v in raw.items()}


def probability(event: Event, w: dict[str, float] | None = None) -> float:
    w = weights() if w is None else w
    if not w:
        return event.confidence
    z = sum(w.get(name, 0.0) * value for name, value in features(event).items())
    return 1.0 / (1.0 + math.exp(-z))


def calibrate(events: list[Event]) -> list[Event]:
    """The events with their confidence replaced by the calibrated probability (3 decimals)."""
    w = weights()
    if not w:
        return events
    return [replace(e, confidence=round(probability(e, w), 3)) for e in events]
