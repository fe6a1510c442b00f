"""Where a partial quotation's content ends, and who speaks a quotation that no verb of saying
attributes: a lead-in closed by a colon, and the attribution just before it. Sentences written
for these tests (the first line of each text is read as its headline)."""

from __future__ import annotations

import pytest
from quoting import quotes_in, quotes_with

from tidings.records import Quote, QuoteKind

_quotes = quotes_in
_with = quotes_with


def _speaker(q: Quote) -> str | None:
    return q.speaker.text if q.speaker is not None else None


@pytest.mark.model
def test_a_partial_content_runs_on_over_a_phrase_or_clause_after_its_closing_mark() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The mayor called the council's plan \"a slap in the face\" to the families of the east side.\n\n"
        "The union described the cuts as \"reckless and cruel\" and a \"betrayal\" of every nurse in the city.\n\n"
        "The governor warned of a \"long and painful winter\" if the pipeline stayed closed."
    )
    quotes = _quotes(text)
    (slap,) = _with(quotes, "slap in the face")
    assert slap.text.endswith("families of the east side") and slap.kind is QuoteKind.INDIRECT
    (cuts,) = _with(quotes, "reckless and cruel")
    assert cuts.text.endswith("every nurse in the city")
    (winter,) = _with(quotes, "painful winter")
    assert winter.text.endswith("the pipeline stayed closed") and _speaker(winter) == "The governor"


@pytest.mark.model
def test_a_partial_content_ends_at_its_mark_before_a_cue_or_an_aside() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The treasurer said the deficit was \"manageable for now,\" though she noted the reserve was thin.\n\n"
        "The mayor said the plan was \"dead on arrival,\" in an interview with a local radio station.\n\n"
        "The first year was \"a learning curve,\" according to the treasurer."
    )
    quotes = _quotes(text)
    (deficit,) = _with(quotes, "manageable for now")
    assert deficit.kind is QuoteKind.PARTIAL and "reserve" not in deficit.text
    (plan,) = _with(quotes, "dead on arrival")
    assert plan.kind is QuoteKind.PARTIAL and "interview" not in plan.text
    (curve,) = _with(quotes, "learning curve")
    assert curve.kind is QuoteKind.PARTIAL and "according" not in curve.text


@pytest.mark.model
def test_a_lead_in_closed_by_a_colon_names_the_speaker_without_a_verb_of_saying() -> None:
    text = (
        "Council votes on the budget\n\n"
        "Governor Maria Ortiz gave a blunt answer: “We will not raise taxes this year.”\n\n"
        "The treasurer’s reply was short: “The money is simply not there.”\n\n"
        "Mayor Tom Reyes made the following remark at the meeting:\n\n"
        "“Nobody in this room wants to close a school.”\n\n"
        "The stakes are high: “Whoever wins the county wins the state.”"
    )
    quotes = _quotes(text)
    (taxes,) = _with(quotes, "raise taxes")
    assert taxes.kind is QuoteKind.DIRECT and _speaker(taxes) == "Maria Ortiz"
    (money,) = _with(quotes, "simply not there")
    assert "treasurer" in (_speaker(money) or "")
    (school,) = _with(quotes, "close a school")
    assert _speaker(school) == "Tom Reyes"
    (county,) = _with(quotes, "wins the county")
    assert county.speaker is None  # "the stakes" are nobody


@pytest.mark.model
def test_a_headline_lead_in_names_its_speaker() -> None:
    text = "A lesson from Ruth Bader Ginsburg: 'Fight for the things you care about.'\n\nShe spoke at a college on Monday."
    (q,) = _with(_quotes(text), "things you care about")
    assert _speaker(q) == "Ruth Bader Ginsburg"


@pytest.mark.model
def test_as_someone_put_it_attributes_the_words_around_it() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The only test for the grant is a \"clear public benefit,\" as a council memo put it.\n\n"
        "As Ana Ruiz, a lawyer at the city's housing office, put it, \"Who pays when the rent doubles?\"\n\n"
        "The clerk put it on the table before the vote."
    )
    quotes = _quotes(text)
    (grant,) = _with(quotes, "clear public benefit")
    assert grant.text.startswith("The only test") and grant.kind is QuoteKind.PARTIAL
    assert _speaker(grant) == "a council memo"
    (rent,) = _with(quotes, "rent doubles")
    assert rent.kind is QuoteKind.DIRECT and _speaker(rent) == "Ana Ruiz"
    assert not _with(quotes, "on the table")


@pytest.mark.model
def test_an_attribution_after_a_question_or_exclamation_mark_is_the_quotations() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The vote came late on Tuesday.\n\n"
        "“Where did all the money go?” Councilwoman Dana Whitfield asked of the mayor's office on Tuesday, "
        "when the auditors' report showed the gap had doubled.\n\n"
        "“We won!” Mayor Tom Reyes wrote in a late-night message to his staff and volunteers across the city."
    )
    quotes = _quotes(text)
    (money,) = _with(quotes, "money go")
    assert money.kind is QuoteKind.DIRECT and "Dana Whitfield" in (_speaker(money) or "")
    (won,) = _with(quotes, "We won")
    assert _speaker(won) == "Tom Reyes"


@pytest.mark.model
def test_verbs_of_saying_by_manner_attribute_a_quotation() -> None:
    text = (
        "Council votes on the budget\n\n"
        "“Sit down and wait your turn,” the chairman barked at the crowd.\n\n"
        "“I never read the report,” Ms. Lane confessed."
    )
    quotes = _quotes(text)
    (sit,) = _with(quotes, "wait your turn")
    assert sit.cue == "barked" and _speaker(sit) == "the chairman"
    (read,) = _with(quotes, "never read")
    assert read.cue == "confessed" and _speaker(read) == "Lane"


@pytest.mark.model
def test_the_medium_after_a_quoted_phrase_is_not_content() -> None:
    text = (
        "Council votes on the budget\n\n"
        "Councilman Ray Ortiz called the budget “a fraud” in a tweet on Sunday.\n\n"
        "The host called the mayor a “coward” on his radio show.\n\n"
        "The mayor called the council's plan \"a slap in the face\" to the families of the east side."
    )
    quotes = _quotes(text)
    (fraud,) = _with(quotes, "fraud")
    assert fraud.text == "the budget “a fraud”" and fraud.kind is QuoteKind.PARTIAL
    (coward,) = _with(quotes, "coward")
    assert "radio" not in coward.text and coward.kind is QuoteKind.PARTIAL
    (slap,) = _with(quotes, "slap in the face")
    assert slap.text.endswith("east side")


@pytest.mark.model
def test_a_lead_in_names_the_person_nearest_its_colon() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The size of the deficit doesn't surprise the auditor Maria Ortiz: “We warned them in March.”\n\n"
        "More from Professor Amy Jones: “The reserve will be gone by the spring.”"
    )
    quotes = _quotes(text)
    (warned,) = _with(quotes, "warned them")
    assert _speaker(warned) == "Maria Ortiz"
    (reserve,) = _with(quotes, "reserve will be gone")
    assert _speaker(reserve) == "Amy Jones"


@pytest.mark.model
def test_a_quotation_after_a_verb_of_saying_with_no_words_of_its_own_is_its_content() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The vote was close on Tuesday. The treasurer, Dana Whitfield, agreed. “We cannot pay for both.”\n\n"
        "The mayor agreed with the council. “We will have to cut the parks budget.”"
    )
    quotes = _quotes(text)
    (both,) = _with(quotes, "pay for both")
    assert both.cue == "agreed" and "Dana Whitfield" in (_speaker(both) or "")
    (parks,) = _with(quotes, "parks budget")
    # "agreed with the council" is no lead-in to the words (no cue), but the mayor, the person of the
    # sentence before, is who says them (``Attributor.speaker_before``).
    assert parks.cue is None and _speaker(parks) == "The mayor"


@pytest.mark.model
def test_a_speaker_named_through_a_relative_pronoun_keeps_the_pronoun() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The plan was opposed by Senator Ann Lee, who said the cuts would hurt rural schools.\n\n"
        "The treasurer, who has warned that the reserve is thin, said the vote was a mistake."
    )
    quotes = _quotes(text)
    (schools,) = _with(quotes, "rural schools")
    assert _speaker(schools) == "Ann Lee, who" and schools.cue == "said"
    (reserve,) = _with(quotes, "reserve is thin")
    assert (_speaker(reserve) or "").endswith(", who")
    (mistake,) = _with(quotes, "was a mistake")
    assert _speaker(mistake) == "The treasurer"


@pytest.mark.model
def test_a_noun_of_saying_with_a_that_clause_attributes_the_clause() -> None:
    text = (
        "Council votes on the budget\n\n"
        "Critics mocked the treasurer's claim that the deficit would vanish by spring.\n\n"
        "The mayor's warning that the parks would close in March went unheeded.\n\n"
        "The claim that he made on Tuesday was false."
    )
    quotes = _quotes(text)
    (spring,) = [q for q in _with(quotes, "deficit would vanish") if q.cue == "claim"]
    assert spring.text == "that the deficit would vanish by spring" and _speaker(spring) == "the treasurer"
    (parks,) = _with(quotes, "parks would close")
    assert parks.cue == "warning" and _speaker(parks) == "The mayor"
    assert not _with(quotes, "he made on Tuesday")  # a relative clause says nothing


@pytest.mark.model
def test_a_paraphrase_holding_only_a_quoted_title_is_no_partial_quotation() -> None:
    text = (
        "Council votes on the budget\n\n"
        "The mayor said the whole budget debate was an episode of “Shark Tank.”\n\n"
        "In his 2002 book, \"Make Your Kid a Millionaire,\" Mr. Reyes suggested looking at the things on "
        "your credit card statement.\n\n"
        "The treasurer said the deficit was “a slow-motion disaster.”"
    )
    quotes = _quotes(text)
    (show,) = _with(quotes, "Shark Tank")
    assert show.kind is QuoteKind.INDIRECT and _speaker(show) == "The mayor"
    assert not any(q.kind is not QuoteKind.INDIRECT for q in _with(quotes, "Millionaire"))
    (deficit,) = _with(quotes, "slow-motion disaster")
    assert deficit.kind is QuoteKind.PARTIAL


@pytest.mark.model
def test_verbs_of_praise_attribute_the_quoted_words_of_their_reason() -> None:
    text = (
        "Council votes on the budget\n\n"
        "Governor Maria Ortiz lauded the treasurer in her annual address for finding \"new and innovative ways "
        "to pay for the parks.\""
    )
    (q,) = _with(_quotes(text), "new and innovative")
    assert q.kind is QuoteKind.PARTIAL and q.cue == "lauded"
    assert "Maria Ortiz" in (_speaker(q) or "")


@pytest.mark.model
def test_a_content_ends_at_its_clause_not_on_a_conjunction() -> None:
    text = "The teachers' union called the senator “the champion working families need” and endorsed her on Saturday.\n"
    (q,) = quotes_with(quotes_in(text), "champion")
    assert q.text.endswith("need”") and q.kind is QuoteKind.PARTIAL


@pytest.mark.model
def test_an_accusation_attributes_the_charge_with_its_object() -> None:
    text = "Senator Ruth Hale accused the agency of trying to cover up the breach to protect its chairman.\n"
    (q,) = quotes_with(quotes_in(text), "cover up")
    assert q.text == "the agency of trying to cover up the breach to protect its chairman" and q.cue == "accused"
