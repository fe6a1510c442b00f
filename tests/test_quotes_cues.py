"""Cues of attribution read from the lexicon: what "referring to" points at, what a poll finds, and
verbs that carry no one's words. Sentences written for these tests."""

from __future__ import annotations

import pytest
from quoting import quotes_in, quotes_with

from tidings.quotes import load_cues
from tidings.records import QuoteKind


def _speaker(q: object) -> str:
    sp = getattr(q, "speaker", None)
    return "" if sp is None else str(sp.text)


@pytest.mark.model
def test_referring_to_attributes_what_the_words_were_about() -> None:
    quotes = quotes_in(
        "“We will not be pushed around by anyone,” the former governor said, referring to the terror "
        "attacks on the capital.\n\n"
        "“Somebody called me and said the bridge was gone,” Mayor Ellen Ruiz said, referring to her chief "
        "of staff, Tom Baird."
    )
    (attacks,) = quotes_with(quotes, "terror attacks")
    assert attacks.kind is QuoteKind.INDIRECT and attacks.text == "the terror attacks on the capital"
    assert _speaker(attacks) == "the former governor"
    (staff,) = quotes_with(quotes, "chief of staff")
    assert staff.text.startswith("her chief of staff") and "Ruiz" in _speaker(staff)
    # The quotation before the attribution stays a quotation of its own.
    (said,) = quotes_with(quotes, "pushed around")
    assert said.kind is QuoteKind.DIRECT and "terror" not in said.text


@pytest.mark.model
def test_referred_to_as_takes_the_referent_with_what_it_is_called() -> None:
    (q,) = quotes_with(quotes_in("The senator referred to the budget deal as “a betrayal of the workers.”"), "betrayal")
    assert q.text.startswith("the budget deal as") and q.kind is QuoteKind.PARTIAL


@pytest.mark.model
def test_a_fronted_poll_attributes_its_finding() -> None:
    text = (
        "In a Monmouth University poll released Monday, 48 percent of likely voters chose the mayor while "
        "41 percent chose his rival.\n\n"
        "The mayor still trails in the polls in most districts of the city."
    )
    quotes = quotes_in(text)
    (finding,) = quotes_with(quotes, "48 percent")
    assert finding.text == "48 percent of likely voters chose the mayor while 41 percent chose his rival"
    assert "Monmouth" in _speaker(finding) or "poll" in _speaker(finding)
    # A standing "in the polls" after its verb is no finding told by a poll.
    assert not quotes_with(quotes, "trails")


@pytest.mark.model
def test_a_verb_said_in_a_poll_keeps_its_own_speaker() -> None:
    (q,) = quotes_in("In a survey of members, the union said it would back the strike for a second week.")
    assert q.cue == "said" and "union" in _speaker(q)


@pytest.mark.model
def test_carrying_a_state_or_an_attack_is_no_attribution() -> None:
    quotes = quotes_in(
        "Obama carried the statewide vote in both 2008 and 2012 by wide margins.\n\n"
        "The militia carried out two attacks on villages in the north last spring."
    )
    assert quotes == []


def test_the_lexicon_lists_polls_and_no_carrying_relay() -> None:
    cues = load_cues()
    assert {"poll", "survey"} <= cues.surveys
    assert "carry" not in cues.relay


@pytest.mark.model
def test_a_single_quoted_word_a_naming_verb_gives_is_a_partial_quotation() -> None:
    quotes = quotes_in(
        "The governor later called the ruling “shameful.”\n\n"
        "The mayor has called such deals “unpatriotic,” and the council moved to limit them.\n\n"
        "Ms. Lee went after the governor on Wednesday, calling his plan “reckless” and asserting that the "
        "budget would run dry by spring."
    )
    (ruling,) = quotes_with(quotes, "shameful")
    assert ruling.kind is QuoteKind.PARTIAL and ruling.text.startswith("the ruling")
    (plan,) = quotes_with(quotes, "reckless")
    assert plan.kind is QuoteKind.PARTIAL and plan.text.startswith("his plan") and "Lee" in _speaker(plan)
    assert quotes_with(quotes, "unpatriotic")
    # A quoted word nobody is said to have called anything stays a word of the report.
    assert quotes_in("The “deal” collapsed on Friday after weeks of talks.") == []


@pytest.mark.model
def test_what_words_were_about_is_their_content() -> None:
    quotes = quotes_in(
        "The governor was asked about the closing of the steel mill in her district.\n\n"
        "The senator joked about his rival's poor showing in the state primary."
    )
    (mill,) = quotes_with(quotes, "steel mill")
    assert mill.text == "the closing of the steel mill in her district" and "governor" in _speaker(mill)
    (showing,) = quotes_with(quotes, "poor showing")
    assert showing.text.startswith("his rival's poor showing") and "senator" in _speaker(showing)


@pytest.mark.model
def test_talking_about_is_a_cue_only_with_what_the_talk_was_about() -> None:
    quotes = quotes_in(
        "Mayor Perez talked about growing up in Buffalo, just across Lake Erie.\n\n"
        "“We will win this state,” she said, speaking about the coming primary. “Nobody should doubt it.”\n\n"
        "The senator spoke to reporters for an hour after the vote on the farm bill."
    )
    (buffalo,) = quotes_with(quotes, "Buffalo")
    assert buffalo.text.startswith("growing up in Buffalo") and "Perez" in _speaker(buffalo)
    (primary,) = quotes_with(quotes, "coming primary")
    assert primary.text == "the coming primary"
    # The attribution that talks about something does not split the quotation around it.
    (win,) = quotes_with(quotes, "win this state")
    assert win.kind is QuoteKind.DIRECT and "doubt it" in win.text
    assert not quotes_with(quotes, "reporters")


@pytest.mark.model
def test_a_headline_gives_the_words_after_its_colon_to_the_source_before_it() -> None:
    named = quotes_in(
        "Sanders: Brexit's message could draw Trump support in US.\n\n"
        "Senator Bernie Sanders spoke in Vermont on Friday about the vote in Britain."
    )
    (head,) = quotes_with(named, "Brexit")
    assert head.text == "Brexit's message could draw Trump support in US" and head.kind is QuoteKind.INDIRECT
    assert head.speaker is not None and head.speaker.actor is not None and head.speaker.actor.name == "Bernie Sanders"
    (poll,) = quotes_with(quotes_in("Poll: Mayor and rival hold narrow leads in the state.\n\nThe race is close."), "narrow")
    assert _speaker(poll) == "Poll"
    # A label before the colon names no source.
    assert not quotes_with(quotes_in("The Latest: Cruz to give away engraved shotgun.\n\nHe will do so on Friday."), "shotgun")
    assert not quotes_with(quotes_in("BREAKING: Federal judge rules against the state.\n\nA judge ruled."), "rules")
