"""Calibrated confidence (events/calibrate.py): weights from data, probabilities that order events by
how much is known of them, and the raw rule strength when no weights are given."""

from __future__ import annotations

import pytest

from tidings import process_text
from tidings.events.calibrate import features, probability, weights
from tidings.records import Event

pytestmark = pytest.mark.model


def _event(text: str, kind: str) -> Event:
    return next(e for e in process_text(text, published="2021-10-09").events if e.type == kind)


def test_shipped_weights_cover_every_feature() -> None:
    w = weights()
    ev = _event("Iraq attacked Kuwait on Monday.", "ASSAULT")
    assert set(features(ev)) == set(w)


def test_confidence_is_a_probability_that_ranks_what_is_known() -> None:
    named = _event("Iraq attacked Kuwait on Monday.", "ASSAULT")
    unnamed = _event("Three Kuwaiti soldiers were killed on Monday.", "ASSAULT")
    assert 0.0 < unnamed.confidence < named.confidence < 1.0


def test_no_weights_leave_the_rules_strength() -> None:
    ev = _event("Iraq attacked Kuwait on Monday.", "ASSAULT")
    assert probability(ev, {}) == ev.confidence
