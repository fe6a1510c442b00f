"""One attribution, one quote: the parts of a quotation around its attribution, and the words
that do or do not split it. Sentences written for these tests."""

from __future__ import annotations

import pytest
from quoting import quotes_in, quotes_with

from tidings.quotes import find_quote_spans
from tidings.records import QuoteKind

_quotes = quotes_in
_with = quotes_with


@pytest.mark.model
def test_an_attribution_that_refers_without_saying_does_not_split_a_quotation() -> None:
    text = (
        "The envoy spoke after the vote.\n\n"
        "“We remain ready to sit down with anyone who wants a lasting ceasefire in the valley,” he said, "
        "referring to the rebel council in the north. “Sadly, the council has chosen another road.”"
    )
    (q,) = _with(_quotes(text), "ceasefire")
    assert q.kind is QuoteKind.DIRECT and len(q.parts) == 2 and "another road" in q.text


@pytest.mark.model
def test_going_on_to_say_starts_a_second_quotation() -> None:
    text = (
        "“The fight over the budget is a disgrace,” Mayor Alan Price said, going on to say that the "
        "council had spent “months of meetings on a question nobody in this town is asking.”"
    )
    quotes = _quotes(text)
    (first,) = _with(quotes, "disgrace")
    assert "months of meetings" not in first.text
    (second,) = _with(quotes, "months of meetings")
    assert second.kind is QuoteKind.PARTIAL


@pytest.mark.model
def test_a_cue_of_its_own_opening_a_new_sentence_starts_a_second_quotation() -> None:
    text = (
        "“The deal is a good one for the farmers,” Senator Ruth Hale said. But she added, “It will not "
        "close the trade gap by itself.”"
    )
    quotes = _quotes(text)
    (first,) = _with(quotes, "farmers")
    assert len(first.parts) == 1 and "trade gap" not in first.text
    (second,) = _with(quotes, "trade gap")
    assert second.kind is QuoteKind.DIRECT and second.cue == "added"


@pytest.mark.model
def test_a_partial_quotation_with_its_lead_runs_on_into_the_next_quotation() -> None:
    text = (
        "Both parties “saw the port deal as a chance to win over the farm states,” said Mary Olsen, who "
        "advised the trade committee for a decade. “In that sense, it was an easy vote.”"
    )
    (q,) = _with(_quotes(text), "port deal")
    assert q.kind is QuoteKind.PARTIAL
    assert q.text.startswith("Both parties") and "an easy vote" in q.text
    assert q.speaker is not None and "Olsen" in q.speaker.text


@pytest.mark.model
def test_words_quoted_in_a_sentence_of_their_own_split_two_quotations() -> None:
    text = (
        "“I will not read from a script to show that we all agree,” Prime Minister Paolo Ricci said after "
        "the meeting. The summit achieved “far too little,” he added later. “Without new policies, the union "
        "risks a great deal.”"
    )
    quotes = _quotes(text)
    (first,) = _with(quotes, "script")
    assert "new policies" not in first.text
    (second,) = _with(quotes, "far too little")
    assert second.kind is QuoteKind.PARTIAL and "new policies" in second.text


@pytest.mark.model
def test_a_phrase_quoted_inside_the_attribution_does_not_split_a_quotation() -> None:
    text = (
        "“I think the mayor will do very well here,” she said, holding up the “Vote Early Vote Often” "
        "sign the campaign had given her. “I have backed him since the first day.”"
    )
    (q,) = _with(_quotes(text), "mayor will do")
    assert q.kind is QuoteKind.DIRECT and "since the first day" in q.text


@pytest.mark.model
def test_a_sentence_opening_but_does_not_split_a_quotation() -> None:
    text = (
        "“I do not think one endorsement decides a race,” he said outside the hall. But “an endorsement "
        "from the party chairman makes a candidate stronger. It helps.”"
    )
    (q,) = _with(_quotes(text), "endorsement decides")
    assert len(q.parts) == 2 and "It helps." in q.text


@pytest.mark.model
def test_the_content_of_one_cue_in_parts_around_it_is_one_quote() -> None:
    text = (
        "Opposition leaders condemned the arrests. “We are deeply troubled,” the lawmakers wrote in a letter "
        "to the minister, that the police “may already have sent families back to danger in their home towns.”"
    )
    (q,) = _with(_quotes(text), "deeply troubled")
    assert q.kind is QuoteKind.PARTIAL and "sent families back" in q.text


@pytest.mark.model
def test_a_quoted_phrase_closed_by_a_comma_keeps_the_clause_that_goes_on() -> None:
    text = "The treasurer said the city would face a “hard winter,” because the state had cut its grant twice."
    (q,) = _with(_quotes(text), "hard winter")
    assert q.text.endswith("cut its grant twice") and q.kind is QuoteKind.INDIRECT
    # A prepositional phrase after the comma is the reporter's aside: the content ends with the quotation.
    text = "The treasurer said the city would face a “very hard winter,” in an interview with the local paper."
    (q,) = _with(_quotes(text), "hard winter")
    assert q.text.endswith("“very hard winter,”") and q.kind is QuoteKind.PARTIAL


@pytest.mark.model
def test_a_verb_of_recommending_attributes_its_quotation() -> None:
    text = (
        "The business council opposed any increase.\n\n"
        "“Keep the fuel levy where it is for the rest of the decade,” it recommended. “After that, the "
        "government should look again.”"
    )
    (q,) = _with(_quotes(text), "fuel levy")
    assert q.kind is QuoteKind.DIRECT and q.cue == "recommended" and "look again" in q.text


def test_a_straight_mark_pairs_with_a_curly_close_on_its_line() -> None:
    # A straight opening mark at a paragraph's start is an excerpt's only where the line's first
    # curly mark opens a quotation inside it; here the line mixes straight and curly pairs.
    text = (
        "Reid spoke on Wednesday.\n"
        '"Never underestimate him. He is a hard man to predict,” Reid said. “A very unusual race."'
    )
    inner = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert inner == ["Never underestimate him. He is a hard man to predict,", "A very unusual race."]


@pytest.mark.model
def test_a_cue_in_a_relative_clause_of_the_attribution_does_not_split_a_quotation() -> None:
    text = (
        "The two men never got along.\n\n"
        "''The mayor put his deputy down quite a bit,'' said Jane Roe, then the girlfriend of the deputy's "
        "best friend, who was at the dinner and recalled the mayor's habit of storming out. ''There was a "
        "lot of friction.''"
    )
    (q,) = _with(_quotes(text), "deputy down")
    assert len(q.parts) == 2 and "friction" in q.text
    assert q.speaker is not None and q.speaker.text == "Jane Roe"
    # An inner cue with a clause of its own ("who said he would not …") has words of its own.
    text = (
        "''I do not think the voters here feel he speaks for them,'' said Tom Reyes, a media consultant and "
        "an influential Republican who said he would not vote for the senator. ''I am not sure they believe "
        "he shares their values.''"
    )
    (q,) = _with(_quotes(text), "voters here")
    assert "shares their values" not in q.text


@pytest.mark.model
def test_a_second_part_with_its_own_attribution_after_it_is_a_second_quote() -> None:
    text = "“We will win the state by ten points,” said Madeleine Kunin. “They know it, and so do we,” she said."
    quotes = _quotes(text)
    (first,) = _with(quotes, "ten points")
    assert len(first.parts) == 1 and "so do we" not in first.text
    assert len(_with(quotes, "so do we")) == 1


@pytest.mark.model
def test_whom_the_words_were_told_to_is_no_part_of_them() -> None:
    text = (
        "The senator spoke in Raleigh.\n\n"
        "“By the way, if she gets to pick her judges, nothing you can do, folks,” Ann Lee told a North "
        "Carolina rally on Tuesday night."
    )
    (q,) = _with(_quotes(text), "By the way")
    assert "rally" not in q.text and q.kind is QuoteKind.DIRECT


@pytest.mark.model
def test_a_participle_of_saying_after_the_attribution_starts_a_second_content() -> None:
    text = (
        "The band is almost done.\n\n"
        "“We had written two dozen songs before we got with the producer,” Kiedis said, mentioning the "
        "long-awaited album is “in the home stretch.”"
    )
    quotes = _quotes(text)
    (songs,) = _with(quotes, "two dozen songs")
    (album,) = _with(quotes, "home stretch")
    assert songs is not album and "album" not in songs.text
    assert album.text.startswith("the long-awaited album")


@pytest.mark.model
def test_a_paragraph_of_quotation_after_a_paraphrase_is_a_quote_of_its_own() -> None:
    text = (
        "The senator spoke in Raleigh.\n\n"
        "“By the way, if she gets to pick her judges, nothing you can do, folks,” Lee told a North Carolina "
        "rally, saying Ortiz would “abolish the second amendment.”\n\n"
        "“Although the Second Amendment people, maybe there is. I don’t know. But I’ll tell you what. "
        "That will be a horrible day.”"
    )
    quotes = _quotes(text)
    (amendment,) = _with(quotes, "abolish the second amendment")
    (day,) = _with(quotes, "horrible day")
    assert amendment is not day and day.kind is QuoteKind.DIRECT
    assert day.speaker is not None and day.speaker.text == "Lee"


@pytest.mark.model
def test_the_question_put_to_the_speaker_is_no_part_of_the_answer() -> None:
    text = (
        "The senator spoke in Raleigh.\n\n"
        "On the show Tuesday, he said, “I never said I was going to pay for fees.” Asked if it had appeared "
        "he was encouraging violence with his initial statement, Trump replied, “Well, maybe so. Maybe that’s "
        "why I wouldn’t do it.”"
    )
    (q,) = _with(_quotes(text), "maybe so")
    assert "Asked" not in q.text and "encouraging violence" not in q.text and q.kind is QuoteKind.DIRECT


@pytest.mark.model
def test_a_sentence_opening_with_a_cue_after_a_full_stop_is_not_the_quotations_attribution() -> None:
    text = (
        "“We do not see any handicap in the schedule,” the spokeswoman said. “We feel good about the towns "
        "we are going to visit this week.” She noted a rally planned on Saturday in the river district.\n"
    )
    quotes = _quotes(text)
    (q,) = _with(quotes, "handicap")
    assert q.kind is QuoteKind.DIRECT and len(q.parts) == 2 and "towns" in q.text
    assert not any("towns" in r.text and r.cue == "noted" for r in quotes)


@pytest.mark.model
def test_a_lead_in_of_its_own_with_a_colon_starts_a_second_quotation() -> None:
    text = (
        "“I do not think he could ever run for governor again after this,” Mayor Alan Price said in a radio "
        "interview. In a second interview later that day, Price went even further: “If he runs and loses, "
        "it is the end of his career.”\n"
    )
    quotes = _quotes(text)
    (first,) = _with(quotes, "governor")
    assert "end of his career" not in first.text
    (second,) = _with(quotes, "end of his career")
    assert second.kind is QuoteKind.DIRECT


@pytest.mark.model
def test_a_participle_of_manner_ending_the_attribution_does_not_split_a_quotation() -> None:
    text = (
        "“I am more skilled with my hands than I am with my head,” said Robin Hale, half joking. He has "
        "worked at the plant for twenty years. “But I like working with my hands.”\n"
    )
    (q,) = _with(_quotes(text), "skilled")
    assert len(q.parts) == 2 and "working with my hands" in q.text


def test_a_curly_quotation_inside_a_curly_one_is_part_of_it() -> None:
    text = (
        "The columnist wrote: “You have to show that you care even when “your team” needs to be held "
        "to account. Otherwise everything else you say is rendered insincere.”"
    )
    inner = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert inner == [
        "You have to show that you care even when “your team” needs to be held to account. Otherwise "
        "everything else you say is rendered insincere."
    ]


@pytest.mark.model
def test_a_programme_with_a_short_preposition_in_its_title_is_no_part_of_the_content() -> None:
    text = (
        "“The message is that the state should be working to change those conditions,” the governor said "
        "on ABC's \"This Week with George Stephanopoulos.\" \"And the nominee is not going to give in to "
        "the special interests in this state.\"\n"
    )
    (q,) = _with(_quotes(text), "message")
    assert q.kind is QuoteKind.DIRECT and "Stephanopoulos" not in q.text and "special interests" in q.text
