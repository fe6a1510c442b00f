"""Events told in the headline (events/headline.py): the title in its report's casing, coded by the
same extractor, kept where the body does not tell the same act, stored with in_title."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.events.headline import sentence_case
from tidings.pipeline import process
from tidings.records import Analysis, RawDocument
from tidings.settings import load_settings


def test_sentence_case_follows_the_body_and_keeps_offsets() -> None:
    body = "Libya has lifted some administrative restrictions on civil society organizations. It eases rules."
    title = "Libya Eases Administrative Restrictions on Civil Society Organizations"
    cased = sentence_case(title, body)
    assert cased == "Libya eases administrative restrictions on civil society organizations"
    assert len(cased) == len(title)
    # A word the body capitalises inside a sentence is a name and stays so.
    assert sentence_case("Talks With Iran Resume", "Officials met with Iran's envoy. Talks resume.") == (
        "Talks with Iran resume"
    )


def _analysis(title: str, body: str) -> Analysis:
    raw = RawDocument("t", "t", body.encode(), meta={"title": title, "published": "2025-03-14"})
    out = next(process([raw], load_settings()))
    assert isinstance(out, Analysis)
    return out


@pytest.mark.model
def test_a_headline_event_the_body_does_not_tell_is_stored_from_the_title() -> None:
    a = _analysis(
        "Libya Eases Restrictions on Civil Society Groups",
        "The measures were announced in Tripoli on Friday. Officials said the rules would change soon.",
    )
    titled = [e for e in a.events if e.in_title]
    assert [(e.type, e.source.actor.country if e.source and e.source.actor else None) for e in titled] == [
        ("CONCEDE", "LBY")
    ]
    assert a.document.title is not None
    assert titled[0].sentence.lower() == a.document.title.lower()  # the title's words and offsets


@pytest.mark.model
def test_a_headline_event_the_body_tells_again_is_not_stored_twice() -> None:
    a: Any = _analysis(
        "Iraq Attacks Kuwait",
        "Iraq attacked Kuwait on Thursday, officials said. The attack began at dawn.",
    )
    assert [e.in_title for e in a.events if e.type == "ASSAULT"] == [False]
