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
