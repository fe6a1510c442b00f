"""Sentences and clauses of wire copy: datelines, AP's " _ " and "--" dashes."""

from __future__ import annotations

from typing import Any


def _sentences(nlp: Any, text: str) -> list[str]:
    doc = nlp(text)
    assert doc.text == text  # nothing moves: records point back into the text
    return [s.text.strip() for s in doc.sents]


def test_a_dateline_on_the_first_line_ends_before_the_report(nlp: Any) -> None:
    ap = "NAIROBI, Kenya (AP) _ U.S. Secretary of State Madeleine Albright paid tribute Tuesday to the staff."
    assert _sentences(nlp, ap)[-1].startswith("U.S. Secretary of State")
    glued = "Title\nINDEPENDENCE, MO. (AP)-- Poland, Hungary and the Czech Republic today joined NATO."
    assert _sentences(nlp, glued)[-1].startswith("Poland, Hungary")
    tight = "CANBERRA, Australia (AP)_ Turkish officials met Australian envoys on Friday."
    assert _sentences(nlp, tight)[-1].startswith("Turkish officials")
    nyt = "WASHINGTON -- President Clinton condemned the attack on Friday."
    assert _sentences(nlp, nyt)[-1].startswith("President Clinton")


def test_a_dash_inside_a_sentence_is_not_a_dateline(nlp: Any) -> None:
    for text in (
        "NATO -- the alliance of 16 nations -- said it would act.",
        "About 200 Americans _ embassy staff and their families _ left Pakistan today.",
    ):
        assert len(_sentences(nlp, text)) == 1


def test_an_ap_underscore_is_parsed_as_a_dash(nlp: Any) -> None:
    doc = nlp("The minister said Tuesday _ a day after the bombing _ that Iran would not retreat.")
    dashes = [t for t in doc if t.text == "_"]
    assert [t.dep_ for t in dashes] == ["punct", "punct"]
    said = next(t for t in doc if t.text == "said")
    assert said.dep_ == "ROOT"
    doc = nlp("About 200 Americans _ embassy staff and their families _ left Pakistan today.")
    left = next(t for t in doc if t.text == "left")
    assert left.dep_ == "ROOT" and any(c.dep_ == "nsubj" and c.text == "Americans" for c in left.children)


def _forms(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return [lemma + "es", lemma + "ed", lemma + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    return [lemma + "s", lemma + "ed", lemma + "ing"]


def test_every_inflected_verb_of_the_lexicon_gets_its_own_lemma() -> None:
    """The rule lemmatizer turns "hoped" into "hop" and "staged" into "stag"; with tidings' fixes,
    every regular form of every verb the lexicon codes is lemmatized back to that verb."""
    import re
    from importlib import resources

    from tidings.nlp import parse

    text = (resources.files("tidings.events") / "data" / "lexicon.yaml").read_text(encoding="utf-8")
    verbs = sorted(
        {w.strip() for m in re.finditer(r"verbs: \[([^\]]*)\]", text) for w in m.group(1).split(",") if w.strip().isalpha()}
    )
    assert len(verbs) > 150
    cases = [(v, f) for v in verbs if len(v) > 2 for f in _forms(v)]
    cases += [("hope", f) for f in _forms("hope")]  # a verb of intent (events/data/modality.yaml)
    docs = list(parse([f"{'He' if f.endswith('s') else 'They'} {f} it." for _, f in cases]))
    wrong = [
        (f, doc[1].lemma_, v)
        for (v, f), doc in zip(cases, docs, strict=True)
        if doc[1].lemma_.lower() != v and doc[1].tag_.startswith("VB")
    ]
    # Forms the simple rule above makes of irregular verbs are no English words: not cases.
    wrong = [w for w in wrong if w[0] not in {"flied", "seed"}]
    assert not wrong, wrong


def test_a_subhead_run_in_after_a_closing_quote_is_a_sentence_of_its_own() -> None:
    from tidings.nlp import parse

    text = (
        "Modi called the parliament a gift \u201cfrom the mother of democracy.\u201d China trade with Mauritius on rise "
        "While India has long enjoyed good relations with Mauritius, analysts said the visit came amid rivalry."
    )
    sents = [s.text for s in next(iter(parse([text]))).sents]
    assert "China trade with Mauritius on rise" in sents
    assert any(s.startswith("While India has long enjoyed") for s in sents)


def test_a_capital_letter_after_a_lower_case_word_ends_a_sentence_but_an_initial_does_not(nlp: Any) -> None:
    posted = "The spokesman said so in a statement posted on X. Militants attacked a passenger train on Tuesday."
    assert _sentences(nlp, posted)[-1].startswith("Militants attacked")
    initial = "President George W. Bush met Putin in Moscow."
    assert len(_sentences(nlp, initial)) == 1


def test_tokens_where_finds_the_tokens_a_walk_over_the_doc_finds() -> None:
    from tidings.nlp import doc_text, parse, tokens_where

    text = (
        "Cyclones Chido and Dikeledi struck Mozambique in December, said John Smith, a farmer.\n"
        "US and Canadian officials met Iraqi and Kuwaiti negotiators in Geneva on Monday."
    )
    doc = next(parse([text]))
    assert doc_text(doc) == text == doc.text  # the parse keeps the text it was given
    assert tokens_where(doc, "POS", lambda pos: pos == "PROPN") == [t.i for t in doc if t.pos_ == "PROPN"]
    qualifiers = ("amod", "compound", "nmod")
    assert tokens_where(doc, "DEP", lambda dep: dep in qualifiers) == [t.i for t in doc if t.dep_ in qualifiers]
    storms = tokens_where(doc, "LOWER", lambda w: w.removesuffix("s") == "cyclone")
    assert [doc[i].text for i in storms] == ["Cyclones"]
    assert tokens_where(doc[:0].as_doc(), "POS", lambda pos: True) == []
