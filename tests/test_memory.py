"""Memory zones (memory.py): a batch coded in a zone gives the records it gives outside one, and
what it adds to the vocabulary is gone after it, so a long stream's vocabulary stops growing."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.records import Analysis, RawDocument
from tidings.settings import load_settings

pytestmark = pytest.mark.model

TITLE = 'Lavrov says Russia "will not accept any threat" after talks with Iran'
REPORT = (
    "MOSCOW (Reuters) - Iran's foreign minister Hossein Amir-Abdollahian met Russian Foreign Minister "
    "Sergei Lavrov in Moscow on Wednesday.\n"
    '"We will not accept any threat against our partners," Lavrov told reporters after the talks.\n'
    "Russia condemned the sanctions the European Union imposed on Iran last month, and Lavrov said "
    "Moscow would send a delegation to Tehran."
)


def _other(k: int) -> RawDocument:
    """A report of the same shape each time, with numbers and a name no other report has."""
    text = (
        f"Police in Ankara detained {4000 + 17 * k} protesters on Tuesday, said commander Zorvathian{k}.\n"
        f"Turkey accused Greece of sending {130 + k} troops to the border, and Athens denied it on "
        f"{k % 28 + 1} March."
    )
    return RawDocument(source=f"other{k}", ref=f"other{k}", data=text.encode(), meta={"published": "2022-03-02"})


def _report() -> RawDocument:
    return RawDocument(
        source="report", ref="report", data=REPORT.encode(), meta={"published": "2022-03-02", "title": TITLE}
    )


def _code(raws: list[RawDocument], **settings: Any) -> list[Analysis]:
    from tidings.pipeline import process_batch

    out = process_batch(raws, load_settings(on_error="raise", zone_warmup=0, **settings))
    assert all(isinstance(a, Analysis) for a in out)
    return out  # type: ignore[return-value]


def _records(a: Analysis) -> tuple[Any, ...]:
    return (a.events, a.quotes, a.mentions, a.timexes)


def test_a_report_is_coded_alike_before_and_after_other_zones(nlp: Any) -> None:
    first = _code([_report()])[0]
    assert first.events and first.quotes and any(q.in_title for q in first.quotes)
    for k in range(1, 4):  # each batch in a zone of its own
        _code([_other(k)])
    strings = len(nlp.vocab.strings)
    for k in range(4, 7):
        _code([_other(k)])
    again = _code([_report()])[0]
    assert _records(again) == _records(first)
    # The reports after the count added new names and numbers; none of them stayed.
    assert len(nlp.vocab.strings) == strings
    assert "Zorvathian5" not in nlp.vocab.strings and "4085" not in nlp.vocab.strings


def test_zones_change_no_record(nlp: Any) -> None:
    raws = [_report(), _other(40), _other(41)]
    zoned = _code(raws)
    plain = _code(raws, memory_zones="off")
    assert [_records(a) for a in zoned] == [_records(a) for a in plain]


def test_without_zones_the_vocabulary_keeps_every_string(nlp: Any) -> None:
    _code([_other(90)], memory_zones="off")
    assert "Zorvathian90" in nlp.vocab.strings
    _code([_other(91)])
    assert "Zorvathian91" not in nlp.vocab.strings


def test_warm_up_batches_run_outside_a_zone(nlp: Any) -> None:
    from tidings.memory import batch_zone

    settings = load_settings(zone_warmup=10**12)  # more text than any test codes
    with batch_zone(settings, 1_000) as zoned:
        assert not zoned and not nlp.vocab.in_memory_zone
    with batch_zone(load_settings(zone_warmup=0), 1_000) as zoned:
        assert zoned and nlp.vocab.in_memory_zone
        with batch_zone(load_settings(zone_warmup=0), 1_000) as inner:  # zones do not nest
            assert not inner
    assert not nlp.vocab.in_memory_zone


def test_a_lemma_first_made_in_one_zone_is_read_in_the_next(nlp: Any) -> None:
    from tidings.nlp import parse

    for _ in range(2):
        with nlp.memory_zone():
            doc = next(parse(["The flimbicators were snorkling near the reef."]))
            assert [t.lemma_ for t in doc][:4] == ["the", "flimbicator", "be", "snorkle"]
