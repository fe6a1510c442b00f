from __future__ import annotations

import pytest

from tidings import process_text
from tidings.quotes import find_quote_spans
from tidings.records import Analysis, QuoteKind


def test_quote_spans_handle_mixed_and_unclosed_marks() -> None:
    text = 'Iran said that “Russia played an efficient role in the talks."\nNext paragraph stays out.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Russia played an efficient role in the talks."]
    text = "He said “this never closes\nThe next paragraph is not swallowed."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["this never closes"]


@pytest.mark.model
def test_speaker_relay_and_pronouns() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met reporters.\n"
        "“We will keep talking to everyone in the region,” he said, Tass reported.\n"
        "“The sanctions will fail,” Mehr quoted Ebrahim Raisi as saying."
    )
    out = process_text(text, published="2022-05-01")
    assert isinstance(out, Analysis)
    q = {x.text[:10]: x for x in out.quotes}
    first = q["We will ke"]
    assert first.kind is QuoteKind.DIRECT
    assert first.speaker is not None and first.speaker.actor is not None
    assert first.speaker.actor.name == "Sergei Lavrov"
    assert first.relay is not None and first.relay.actor is not None and first.relay.actor.country == "RUS"
    second = q["The sancti"]
    assert second.speaker.actor.name == "Ebrahim Raisi"  # type: ignore[union-attr]
    assert second.relay.actor.name == "Mehr News Agency"  # type: ignore[union-attr]


@pytest.mark.model
def test_partial_quote_takes_the_outer_speaker() -> None:
    out = process_text("Sergei Lavrov said Iran expects Russia “to be sensitive about the borders”.")
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert q.kind is QuoteKind.PARTIAL
    assert q.speaker is not None and q.speaker.actor is not None and q.speaker.actor.name == "Sergei Lavrov"
