from __future__ import annotations

import pytest
from conftest import SHARED

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


def _inner(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_marks_of_every_kind_and_apostrophes_left_alone() -> None:
    # Doubled apostrophes as in some papers' archives, single quotes, and a closing mark typed
    # where an opening one belongs; apostrophes inside words never open a quotation.
    text = "''We pay our taxes,'' Mr. Trump said.\nShe called it 'a very bad deal' on Monday.\n”Trump isn't ready for this,” she wrote."
    assert _inner(text) == ["We pay our taxes,", "a very bad deal", "Trump isn't ready for this,"]
    assert _inner("The candidates' plans don't add up, the voters' guide says.") == []


def _quotes(text: str, published: str | None = "2022-05-01") -> list:
    out = process_text(text, published=published)
    assert isinstance(out, Analysis)
    return list(out.quotes)


def _name(role: object) -> str | None:
    actor = getattr(role, "actor", None)
    return actor.name if actor is not None else None


@pytest.mark.model
def test_a_quotation_broken_by_its_attribution_is_one_quote() -> None:
    (q,) = _quotes("“We will keep the corridor open,” Sergei Lavrov said on Monday. “Nobody can close it for us.”")
    assert (q.kind, len(q.parts), _name(q.speaker)) == (QuoteKind.DIRECT, 2, "Sergei Lavrov")
    assert q.text == "We will keep the corridor open, Nobody can close it for us."


@pytest.mark.model
def test_a_paragraph_of_quotation_alone_continues_the_last_speaker() -> None:
    text = (
        "Sergei Lavrov spoke to reporters in Moscow on Monday about the grain deal.\n"
        "“We will keep the corridor open for every ship,” Lavrov said.\n"
        "“Nobody in the West can close it for us, whatever they say in Brussels.”\n"
        "The talks resume next week."
    )
    talk, q = _quotes(text)  # what he spoke about (the grain deal), then his words
    assert talk.text == "the grain deal" and talk.kind is QuoteKind.INDIRECT
    assert (len(q.parts), _name(q.speaker)) == (2, "Sergei Lavrov") and "Brussels" in q.text


@pytest.mark.model
def test_indirect_speech_with_its_speaker_and_relay() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov told Reuters that Moscow would resume grain exports to Egypt.\n"
        "According to Tass, the first ships will leave Novorossiysk next month."
    )
    quotes = {q.text[:12]: q for q in _quotes(text)}
    told = quotes["that Moscow "]
    assert told.kind is QuoteKind.INDIRECT
    assert told.speaker is not None and told.speaker.actor is not None and told.speaker.actor.name == "Sergei Lavrov"
    assert told.relay is not None and told.relay.actor is not None and told.relay.actor.country == "GBR"
    tass = quotes["the first sh"]
    assert tass.speaker is not None and tass.speaker.actor is not None and tass.speaker.actor.country == "RUS"
    assert tass.speaker.actor.sector == "MED"


@pytest.mark.model
def test_quoted_words_inside_indirect_speech_and_scare_quotes() -> None:
    (q,) = _quotes("Hillary Clinton said that Donald Trump's tax plan was “a disaster for working families.”")
    assert q.kind is QuoteKind.PARTIAL
    assert q.text.startswith("that Donald Trump's tax plan was") and "disaster" in q.text
    assert q.speaker is not None and q.speaker.actor is not None and q.speaker.actor.name == "Hillary Clinton"
    # Quoted titles and scare quotes that nobody is said to have said are not quotes.
    assert _quotes("The “State of the Union” was broadcast on every channel on Tuesday night.") == []


@pytest.mark.model
def test_pronoun_speakers_pass_over_names_inside_quotations() -> None:
    text = (
        "Henry Crespo, a party official in Miami, has watched the race for months.\n"
        "“No one is writing songs for Hillary. Obama had will.i.am,” he said."
    )
    (q,) = _quotes(text)
    assert q.speaker is not None and q.speaker.text == "he"
    assert q.speaker.actor is not None and q.speaker.actor.name == "Henry Crespo"


@pytest.mark.model
def test_quotes_are_linked_to_the_events_of_their_sentence() -> None:
    out = process_text(
        "Iranian Foreign Minister Hossein Amir Abdollahian said Iran will hold talks with Russia next week.",
        published="2021-10-05",
    )
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert out.events and set(q.event_ids) == {e.event_id for e in out.events}


@pytest.mark.model
def test_seed_quotes_with_speaker_and_relay(expected: dict) -> None:
    from conftest import SEEDS

    for name, spec in expected.items():
        raw = (SEEDS / name).read_text(encoding="utf-8")
        out = process_text(raw, ref=name)
        assert isinstance(out, Analysis)
        for want in spec["quotes"]:
            hits = [q for q in out.quotes if want["starts"] in q.text]
            assert hits, f"{name}: no quote with «{want['starts']}»"
            q = hits[0]
            words = " ".join(x for x in (q.speaker.text, q.speaker.actor.name if q.speaker.actor else "") if x)  # type: ignore[union-attr]
            assert want["speaker"].split()[-1] in words, (want, q.speaker)
            if "relay" in want:
                assert any(want["relay"].split()[-1] in (r.actor.name if r.actor else r.text) for r in q.relays), (
                    q.relays
                )


POLNEAR_DEV = SHARED / "data" / "polnear_quotes" / "dev.jsonl"


@pytest.mark.model
def test_polnear_scores_beside_textacy() -> None:
    """On the first PolNeAR dev articles, tidings finds more of the gold attributions than textacy
    and names the right speaker for most of those it finds."""
    if not POLNEAR_DEV.is_file():
        pytest.skip(f"{POLNEAR_DEV} is missing: the PolNeAR data set comes with ../shared")
    from tidings.evaluate.quotes import evaluate_quotes, textacy_available

    if not textacy_available():
        pytest.skip("textacy is not installed (it is in the dev extra)")
    scores = evaluate_quotes(POLNEAR_DEV, limit=12)
    ours, theirs = scores["tidings"], scores["textacy"]
    assert ours.articles == theirs.articles == 12
    assert ours.parts["all"].gold == theirs.parts["all"].gold > 100
    assert ours.parts["all"].prf()[2] > theirs.parts["all"].prf()[2] + 0.2
    assert ours.parts["direct"].prf()[2] > theirs.parts["direct"].prf()[2]
    assert ours.speaker_right > 0.8 * ours.speaker_scored


def test_the_scorer_matches_one_to_one_on_word_overlap() -> None:
    from tidings.evaluate.quotes import Gold, Predicted, QuoteScore

    golds = [Gold("that “the tax plan is a disaster”", "Hillary Clinton"), Gold("the talks went well", "he")]
    preds = [
        Predicted("the tax plan is a disaster", "partial", "Clinton Hillary Clinton"),
        Predicted("the tax plan is a disaster for all", "direct", "Trump"),  # the gold is taken already
        Predicted("the talks went well", "indirect", "he Barack Obama"),
    ]
    score = QuoteScore()
    score.add(preds, golds)
    assert (score.parts["all"].tp, score.parts["all"].predicted, score.parts["all"].gold) == (2, 3, 2)
    assert (score.parts["direct"].tp, score.parts["direct"].predicted, score.parts["direct"].gold) == (1, 2, 1)
    assert (score.parts["indirect"].tp, score.parts["indirect"].gold) == (1, 1)
    assert (score.speaker_right, score.speaker_scored) == (2, 2)


def test_block_quoted_excerpts_and_spaced_closing_marks() -> None:
    # A straight mark opening each paragraph of an excerpt from another paper, in a report whose
    # quotations are curly: the curly marks inside are the quotations, the excerpt is not one.
    text = (
        'The paper reports:\n"She was anxious, sure. “It never crossed my mind,” she said.\n'
        '"Trump walked onto the stage, chanting “U-S-A! U-S-A!”"'
    )
    assert _inner(text) == ["It never crossed my mind,", "U-S-A! U-S-A!"]
    # A straight closing mark spaced off after a nested single quotation still closes.
    text = "\"I was insulted by the term 'outreach,' \" he told the group, adding more."
    assert _inner(text) == ["I was insulted by the term 'outreach,' "]


@pytest.mark.model
def test_headline_quotes_programmes_and_run_on_phrases() -> None:
    text = (
        "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’\n\n"
        "Warren spoke on CNN's “State of the Union” on Sunday. She said Democrats and the media are "
        "to blame for focusing on “he said this, he tweeted that.”"
    )
    out = process_text(text, published="2016-09-20")
    assert isinstance(out, Analysis)
    assert out.document.title and "Wells Fargo" in out.document.title
    head = [q for q in out.quotes if q.in_title]
    assert [q.text for q in head] == ["‘You Should Be Criminally Investigated.’"]
    assert head[0].speaker is not None and head[0].speaker.text == "Elizabeth Warren"
    body = [q for q in out.quotes if not q.in_title]
    # The programme is nobody's words; the quoted phrase the content runs on into is part of it.
    assert not any("State of the Union" in q.text for q in body)
    (run_on,) = body
    assert run_on.text.startswith("Democrats") and run_on.text.endswith("he tweeted that.”")
    assert run_on.kind is QuoteKind.PARTIAL


@pytest.mark.model
def test_a_paragraph_break_starts_a_sentence() -> None:
    from tidings.nlp import load_model

    doc = load_model()("Lawmakers rip the plan as a fraud\n\nthe senator said the vote would come soon.")
    assert [s.text.strip() for s in doc.sents] == [
        "Lawmakers rip the plan as a fraud",
        "the senator said the vote would come soon.",
    ]


@pytest.mark.model
def test_a_title_inside_the_attribution_and_an_aside_after_the_quote() -> None:
    text = (
        "Ben Carson spoke on Sunday.\n\n"
        "“I have always said that I expect to be vetted,” he said on “Meet the Press.” "
        "“But what is going on with me has not happened to anyone else.”\n\n"
        "Sanders said his campaign does not want “that crap,” in an interview with CNN on Sunday."
    )
    out = process_text(text, published="2015-11-08")
    assert isinstance(out, Analysis)
    vetted = next(q for q in out.quotes if "vetted" in q.text)
    assert len(vetted.parts) == 2 and "anyone else" in vetted.text
    crap = next(q for q in out.quotes if "crap" in q.text)
    assert crap.text.endswith("“that crap,”") and crap.kind is QuoteKind.PARTIAL


def _quotes_of(text: str) -> list[tuple[str, str | None, str]]:
    out = process_text(text, published="2016-04-09")
    assert isinstance(out, Analysis)
    return [(str(q.kind), q.speaker.text if q.speaker else None, q.text) for q in out.quotes]


@pytest.mark.model
def test_a_second_act_of_saying_between_two_quotations_makes_two_quotes() -> None:
    text = (
        "“I am sure the party will have some delegates out there,” he said, adding that he has not "
        "spoken to the district's backers. “We are going to do something this weekend.”\n"
        "“There are no excuses,” Sanders said. “The governor long ago knew about the lead in the water.”"
    )
    direct = [(who, words) for kind, who, words in _quotes_of(text) if kind == "direct"]
    assert direct == [
        ("he", "I am sure the party will have some delegates out there,"),
        ("he", "We are going to do something this weekend."),
        ("Sanders", "There are no excuses, The governor long ago knew about the lead in the water."),
    ]


@pytest.mark.model
def test_a_quoted_title_in_a_noun_phrase_is_nobody_s_words() -> None:
    text = (
        'Hemsley, the co-author of "Going Viral," about the spread of rumours, said the days of one story are gone.\n'
        'Harking back to the "Great Game," the contest of empires, he says there is only one winner this time.'
    )
    assert not [q for q in _quotes_of(text) if q[0] != "indirect"]
    # A description after "a" is somebody's words, title case or not.
    (q,) = [
        q
        for q in _quotes_of("Trump called the deal a “Total Disaster,” and said he would cancel it.")
        if q[0] != "indirect"
    ]
    assert q == ("partial", "Trump", "the deal a “Total Disaster,”")


@pytest.mark.model
def test_an_attribution_interrupting_its_content_keeps_both_parts() -> None:
    # PolNeAR annotates the content on both sides of "Mr. Obama said" as one attribution.
    text = "Acts of protest, Mr. Obama said, are acts of patriotism that the country needs."
    out = process_text(text)
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert q.text == "Acts of protest are acts of patriotism that the country needs"
    assert [text[a:b] for a, b in q.parts] == ["Acts of protest", "are acts of patriotism that the country needs"]
    assert q.speaker is not None and q.speaker.text == "Obama"
    out = process_text("The economy, according to the central bank, is growing faster than expected this year.")
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert q.text == "The economy is growing faster than expected this year"
    # The parse hangs the fronted words on the cue: they are still the content's first part.
    for text, first in (
        ("The talks, the minister said on Monday in Berlin, will resume next week in Geneva.", "The talks"),
        ("If this argument fails to persuade, Mr. Castaneda argues, there are other tools at hand.", "If this argument"),
    ):
        out = process_text(text)
        assert isinstance(out, Analysis)
        (q,) = out.quotes
        assert len(q.parts) == 2 and q.text.startswith(first), text
    # An attribution before its content has no stretch before it to take in.
    out = process_text("On Monday the minister said the talks would resume next week in Geneva.")
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert q.text == "the talks would resume next week in Geneva"


@pytest.mark.model
def test_speakers_joined_by_and_are_all_named() -> None:
    out = process_text(
        "Hillary Clinton met donors in Ohio on Monday. She and her aides said the plan would cost far too much money."
    )
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert q.speaker is not None and q.speaker.text == "She and her aides"
    assert q.speaker.actor is not None and q.speaker.actor.name == "Hillary Clinton"
    out = process_text("“We will not give up,” Senators Bob Corker and Lindsey Graham said in a joint statement.")
    assert isinstance(out, Analysis)
    (q,) = out.quotes
    assert q.kind is QuoteKind.DIRECT
    assert q.speaker is not None and q.speaker.text == "Bob Corker and Lindsey Graham"


def test_transcript_labels_head_a_dialogue_or_a_named_person() -> None:
    from tidings.quotes.transcript import transcript_label

    dialogue = '"WALLACE: Why now?\n\n"PENCE: Well, look, it is serious business.\n'
    first = transcript_label(dialogue, 1)
    assert first is not None and first.name == "WALLACE" and dialogue[first.body :].startswith("Why now?")
    second = transcript_label(dialogue, dialogue.index("PENCE"))
    assert second is not None and second.name == "PENCE"
    # One label, its person named in the report: a label; a report's heading: none.
    named = 'Gov. Mike Pence spoke on Sunday.\n"PENCE: We will win.\n'
    assert transcript_label(named, named.index("PENCE:")) is not None
    heading = 'The campaign spoke on Sunday.\n"UPDATE: The campaign withdrew the invitation.\n'
    assert transcript_label(heading, heading.index("UPDATE")) is None
    # Not at a paragraph's start: no label.
    inline = 'He said "PENCE: yes" and WALLACE: no.\n"TAPPER: Hello there.\n'
    assert transcript_label(inline, inline.index("PENCE")) is None


@pytest.mark.model
def test_a_transcript_turn_is_a_direct_quote_of_its_label() -> None:
    text = (
        "Pence spoke to Fox on Sunday.\n\n"
        '"WALLACE: Let\'s start with the debate. Why would the campaign invite her to the front row?\n\n'
        '"PENCE: Well, look, this is a serious business. The American people want to hear about jobs.\n\n'
        '"We are going to focus on the issues that matter to families in every state.\n'
    )
    out = process_text(text, published="2016-09-25")
    assert isinstance(out, Analysis)
    turns = [(q.speaker.text if q.speaker else None, q.text[:12], len(q.parts)) for q in out.quotes]
    assert turns == [("WALLACE", "Let's start ", 1), ("PENCE", "Well, look, ", 2)]
    # The mark opens before the label, not around the words: speech without quotation marks.
    assert all(q.kind is QuoteKind.INDIRECT for q in out.quotes)


def test_an_opening_mark_spaced_off_an_ellipsis_still_opens() -> None:
    text = "As the paper reported, “ … if the primary were held tonight, she would win, and handily.”"
    assert _inner(text) == [" … if the primary were held tonight, she would win, and handily."]
    # A curly opening mark spaced off a word opens nothing (a misplaced closing mark).
    assert _inner("He won“ the vote, they said.") == []
