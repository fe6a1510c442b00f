"""Who speaks a quotation that its own sentence does not attribute: a participle of saying set
off after its clause, the sentence just before the quotation, and a headline the cleaner left in
the body. Sentences written for these tests (the first line of each text is read as its headline
when the cleaner can tell it from the body)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from quoting import quotes_in, quotes_with

from tidings import process_text
from tidings.actors import resolve
from tidings.quotes import extract_quotes, first_line_quotes
from tidings.records import Analysis, Quote, QuoteKind


def _speaker(q: Quote) -> str | None:
    return q.speaker.text if q.speaker is not None else None


@pytest.mark.model
def test_a_participle_of_saying_speaks_for_the_subject_of_its_clause() -> None:
    text = (
        "Band backs a candidate\n\n"
        "Band member Flea shared the news on social media last week, writing “Feels great to support "
        "someone I believe in. The band offered to give him the money to pay for the theater that night "
        "but he wouldn’t accept, he only accepts small donations from individuals…This is a man with integrity.”"
    )
    (q,) = quotes_with(quotes_in(text), "Feels great")
    assert _speaker(q) == "Flea"


@pytest.mark.model
def test_a_participle_that_governs_only_the_second_quotation_makes_two_quotes() -> None:
    text = (
        "The tax question\n\n"
        "The issue has taken on new urgency after this week's debate, when Hillary Clinton suggested "
        "that Donald Trump ''doesn't want the American people to know that he's paid nothing in federal taxes.''\n\n"
        "Mr. Trump hardly clarified the matter, treating Mrs. Clinton's remark first as a compliment -- "
        "''That makes me smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay federal taxes.''"
    )
    quotes = quotes_in(text)
    (smart,) = quotes_with(quotes, "That makes me smart")
    (taxes,) = quotes_with(quotes, "Of course, I pay")
    assert smart is not taxes and "federal taxes" not in smart.text
    assert _speaker(taxes) == "Trump"


@pytest.mark.model
def test_a_quotation_naming_no_speaker_is_the_person_of_the_sentence_before() -> None:
    text = (
        "Pollster sees a late switch\n\n"
        "Schoen elaborated in an editorial piece for a newspaper that superdelegates may reconsider.\n\n"
        "“A Sanders win in California would powerfully underscore her weakness as a candidate.”\n\n"
        "But after serving a prison sentence, John Haines was deported to South Korea, where he did not "
        "speak the language. “The first week, I was living on the street underneath a bridge.”"
    )
    quotes = quotes_in(text)
    (win,) = quotes_with(quotes, "Sanders win")
    assert win.kind is QuoteKind.DIRECT and _speaker(win) == "Schoen"
    (week,) = quotes_with(quotes, "The first week")
    assert _speaker(week) == "John Haines"


@pytest.mark.model
def test_a_quotation_after_a_sentence_about_no_person_keeps_no_speaker() -> None:
    text = (
        "Adoptees face deportation\n\n"
        "Often, the families did not understand the paperwork.\n\n"
        "“There was not a lot of education to adoptive parents in the earlier time about naturalizing their children.”"
    )
    (q,) = quotes_with(quotes_in(text), "adoptive parents")
    assert q.speaker is None


@pytest.mark.model
def test_a_headline_left_in_the_body_names_the_speaker_of_its_quotation(nlp: Any) -> None:
    text = (
        "Ortiz: 'Never, ever, ever underestimate the voters.'\n\n"
        "Governor Maria Ortiz has some advice for her party after the primary. She spoke in Albany on Monday."
    )
    resolved = resolve(nlp(text), "d", None)
    body = [replace(q, speaker=None) for q in extract_quotes(resolved)]
    (voters,) = quotes_with(first_line_quotes(resolved, body), "underestimate the voters")
    assert voters.kind is QuoteKind.DIRECT and _speaker(voters) == "Ortiz"
    assert voters.speaker is not None and voters.speaker.actor is not None
    assert voters.speaker.actor.name == "Maria Ortiz"
    # A first paragraph that is a lede, not a headline, is left to the body's rules.
    lede = text.replace("Ortiz: ", "Ortiz told the party faithful at a long and crowded dinner in Albany on a rainy Monday night, after the primary results came in from every county of the state: ")
    resolved = resolve(nlp(lede), "d", None)
    body = [replace(q, speaker=None) for q in extract_quotes(resolved)]
    assert first_line_quotes(resolved, body) == body


@pytest.mark.model
def test_a_headline_left_in_the_body_gives_its_paraphrase_to_its_subject() -> None:
    text = (
        "Reyes slams council's ‘reckless and cruel’ budget plan.\n\n"
        "The council voted on Tuesday to cut the parks budget by a third. The mayor, Tom Reyes, was not there."
    )
    out = process_text(text, published="2016-05-10")
    assert isinstance(out, Analysis) and not out.document.title
    (plan,) = quotes_with(list(out.quotes), "reckless and cruel")
    assert plan.kind is QuoteKind.INDIRECT and _speaker(plan) == "Reyes"
    assert plan.text == "council's ‘reckless and cruel’ budget plan"


@pytest.mark.model
def test_a_name_right_after_the_cue_of_a_broken_quotation_is_its_speaker() -> None:
    text = (
        "State lawmakers debated the wage bill on Tuesday.\n\n"
        "\"The risk,\" said Edward Lerner, an economist at the state university, \"is that we are going to be "
        "attracting workers and repelling jobs.\"\n"
    )
    (q,) = quotes_with(quotes_in(text), "The risk")
    assert _speaker(q) == "Edward Lerner" and "repelling jobs" in q.text
