"""The headline type model (events/typemodel.py) and its second opinion in the pipeline
(events/second_opinion.py), on headlines and reports written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.events.typemodel import load_type_model, sentence_features
from tidings.ontology import load_ontology
from tidings.pipeline import process
from tidings.records import Analysis, Event, RawDocument
from tidings.settings import load_settings


def test_the_shipped_model_loads_with_the_plover_types() -> None:
    model = load_type_model()
    assert model is not None
    assert set(model.types) <= set(load_ontology().plover)
    assert len(model.types) == 16
    assert model.weights.shape == (len(model.index), len(model.types))


@pytest.mark.model
@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Kenya makes concessions to opposition in electoral dispute", "CONCEDE"),
        ("Chile and Peru hold joint naval exercises off the coast", "COOPERATE"),
        ("Finland praises Estonia for its handling of the refugee crisis", "SUPPORT"),
        ("Army deploys thousands of troops to the border with Sudan", "MOBILIZE"),
    ],
)
def test_the_model_reads_the_type_of_a_headline(nlp: Any, headline: str, kind: str) -> None:
    model = load_type_model()
    assert model is not None
    found, p = model.best(nlp(headline)[:])
    assert (found, p >= 0.5) == (kind, True)


@pytest.mark.model
def test_names_are_read_as_their_kind_not_as_words(nlp: Any) -> None:
    feats = sentence_features(nlp("Kenya makes concessions to the opposition")[:])
    assert "w:<GPE>" in feats
    assert not any("kenya" in f for f in feats)
    assert "v:make dobj:concession" in feats


def _events(title: str, body: str, **settings: Any) -> list[Event]:
    raw = RawDocument("t", "t", body.encode(), meta={"title": title, "published": "2025-03-14"})
    out = next(process([raw], load_settings(on_error="raise", **settings)))
    assert isinstance(out, Analysis)
    return list(out.events)


BODY = (
    "The government in Nairobi announced the measures on Thursday. "
    "Opposition leaders said they would study the offer before the vote next month."
)


@pytest.mark.model
def test_the_headline_act_the_rules_leave_uncoded_gets_the_models_type() -> None:
    events = _events("Kenya Makes Concessions to Opposition in Electoral Dispute", BODY)
    model = [e for e in events if e.rule.startswith("model.")]
    assert [(e.type, e.source.actor.country if e.source and e.source.actor else None) for e in model] == [
        ("CONCEDE", "KEN")
    ]
    assert model[0].in_title
    # Switched off, the rules alone code nothing here.
    assert not any(
        e.type == "CONCEDE" for e in _events("Kenya Makes Concessions to Opposition", BODY, type_model="off")
    )


@pytest.mark.model
def test_a_headline_whose_words_the_model_has_not_learned_is_left_to_the_rules() -> None:
    events = _events("Ministers Hail Entry Into the Alliance", "Officials in Helsinki spoke on Thursday.")
    assert not any(e.rule.startswith("model.") for e in events)


@pytest.mark.model
def test_the_model_adds_nothing_where_the_rules_coded_the_type() -> None:
    events = _events(
        "Finland Praises Estonia",
        "Finland praised Estonia on Monday for its handling of the refugee crisis, officials in Helsinki said.",
    )
    assert [e.type for e in events if e.type == "SUPPORT"] == ["SUPPORT"]
    assert not any(e.rule.startswith("model.") for e in events)


@pytest.mark.model
def test_what_a_headline_urges_is_not_coded_as_an_act(nlp: Any) -> None:
    """The demo's "Blinken urges China to curb support for Moscow": the model reads SUPPORT into it,
    but the support is what is urged; the rules' REQUEST stands alone."""
    from tidings import process_text
    from tidings.cli.demo import examples_dir

    path = examples_dir() / "02_blinken_china.txt"
    analysis = process_text(path.read_text(encoding="utf-8"), ref=path.name)
    assert isinstance(analysis, Analysis)
    model = load_type_model()
    assert model is not None
    assert model.best(nlp("Blinken urges China to curb support for Moscow")[:])[0] == "SUPPORT"
    assert "REQUEST" in {e.type for e in analysis.events}
    assert not any(e.rule.startswith("model.") for e in analysis.events)
