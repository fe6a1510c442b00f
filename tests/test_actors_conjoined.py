"""Conjoined qualifiers (actors/conjoined.py): each state of "US and Canadian officials" is a party,
on sentences written for the tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tidings import process_text
from tidings.actors import resolve
from tidings.records import Analysis

pytestmark = pytest.mark.model


def _groups(nlp: Any, text: str) -> dict[str, list[tuple[str | None, str | None]]]:
    """The head word of each group → (country, sector) of its parties."""
    r = resolve(nlp(text), "t", date(1998, 11, 20))
    return {r.doc[i].text: [(m.actor.country, m.actor.sector) for m in ms] for i, ms in r.groups.items()}


@pytest.mark.parametrize(
    ("text", "head", "parties"),
    [
        ("US and Canadian officials met on Monday.", "officials", [("USA", "GOV"), ("CAN", "GOV")]),
        ("Iraqi and Kuwaiti officials met in Geneva.", "officials", [("IRQ", "GOV"), ("KWT", "GOV")]),
        ("The Turkish and Greek sides agreed to talks.", "sides", [("TUR", None), ("GRC", None)]),
    ],
)
def test_each_conjoined_adjective_is_a_party(nlp: Any, text: str, head: str, parties: list[Any]) -> None:
    assert _groups(nlp, text).get(head) == parties


def test_a_body_of_conjoined_nationals_is_a_party_of_each_state(nlp: Any) -> None:
    groups = _groups(nlp, "A task force of US and Canadian officials is investigating the attack.")
    assert groups.get("force") == [("USA", "GOV"), ("CAN", "GOV")]


def test_one_adjective_makes_no_group(nlp: Any) -> None:
    assert _groups(nlp, "Canadian officials met on Monday.") == {}


def test_the_event_has_a_source_of_each_state() -> None:
    a = process_text("A task force of US and Canadian officials is investigating the attack.", published="1998-11-20")
    assert isinstance(a, Analysis)
    sources = {e.source.actor.country for e in a.events if e.source is not None and e.source.actor is not None}
    assert sources == {"USA", "CAN"}, a.events
