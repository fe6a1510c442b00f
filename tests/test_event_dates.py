"""Which time in a sentence dates an event: the one that governs its verb, not a year of history
inside a noun phrase; weeks counted from the report's date; wire-copy dashes."""

from __future__ import annotations

import pytest

from tidings import process_text
from tidings.records import Analysis, Precision

pytestmark = pytest.mark.model

FRIDAY, SUNDAY = "1998-02-13", "1998-10-25"


def _dates(text: str, published: str, trigger: str) -> list[tuple[str | None, Precision]]:
    out = process_text(text, published=published)
    assert isinstance(out, Analysis)
    found = [(e.date, e.date_precision) for e in out.events if e.trigger == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    return found


def test_a_year_inside_another_noun_phrase_does_not_date_the_event() -> None:
    report = [("1998-02-13", Precision.REPORT)]
    assert _dates("Saudi Arabia criticized Iraq over the 1991 Gulf War.", FRIDAY, "criticized") == report
    text = "Kuwait accused Iraq of hiding prisoners taken during its 1990 invasion."
    assert _dates(text, FRIDAY, "accused") == report
    text = "The 1990 invasion of Kuwait by Iraq was condemned by Saudi Arabia."
    assert _dates(text, FRIDAY, "condemned") == report
    # The sentence's own day still dates it; and a year that governs the verb dates it.
    text = "Kuwait condemned Iraq's 1990 invasion of Kuwait on Tuesday."
    assert _dates(text, FRIDAY, "condemned") == [("1998-02-10", Precision.DAY)]
    assert _dates("Iraq invaded Kuwait in 1990.", FRIDAY, "invaded") == [("1990", Precision.YEAR)]
    # A day before the act's own subject is the act's day.
    text = "The Aug. 7 bombings killed 257 people in Kenya."
    assert _dates(text, "1998-08-18", "killed") == [("1998-08-07", Precision.DAY)]


def test_a_subjectless_infinitive_takes_the_time_of_its_verb() -> None:
    text = "Last week the FBI joined Canadian authorities to investigate shootings of doctors dating to 1994."
    # Sunday 25 October 1998: last week is ISO week 42, 12-18 October, all in one month.
    assert {d for d in _dates(text, SUNDAY, "investigate")} == {("1998-10", Precision.MONTH)}


def test_a_purpose_clause_and_a_fronted_time_share_their_verb_s_date() -> None:
    text = "Cuban President Fidel Castro attended a rally Thursday at the Palace of Conventions to demand the U.S. return Gonzalez."
    assert _dates(text, "2000-01-15", "demand") == [("2000-01-13", Precision.DAY)]
    # A time before the first clause covers the clause joined to it; one after its verb does not.
    fronted = "On Monday, Kenyan officials met Sudanese envoys, and Sudan arrested two Kenyan diplomats."
    assert _dates(fronted, "1998-02-19", "arrested") == [("1998-02-16", Precision.DAY)]
    inside = "Kenyan officials met Sudanese envoys on Monday, and Sudan arrested two Kenyan diplomats."
    assert _dates(inside, "1998-02-19", "arrested") == [("1998-02-19", Precision.REPORT)]


def test_weekdays_follow_the_tense_of_the_event() -> None:
    assert {d for d, _ in _dates("Iran and Russia met Monday.", FRIDAY, "met")} == {"1998-02-09"}
    assert {d for d, _ in _dates("Iran and Russia will meet Monday.", FRIDAY, "meet")} == {"1998-02-16"}


def test_wire_dashes_break_the_dateline_and_the_clause() -> None:
    text = "NAIROBI, Kenya (AP) _ U.S. Secretary of State Madeleine Albright met Kenyan President Daniel arap Moi on Tuesday."
    out = process_text(text, published="1998-08-18")
    assert isinstance(out, Analysis)
    met = [e for e in out.events if e.trigger == "met"]
    assert met and met[0].date == "1998-08-18"
    assert met[0].source is not None and met[0].source.actor is not None and met[0].source.actor.country == "USA"
    assert met[0].sentence.startswith("U.S. Secretary") and text[met[0].sentence_start :].startswith("U.S.")


def test_a_wire_dateline_gives_the_day_of_the_news() -> None:
    body = "President Bill Clinton condemned the bomb attacks on U.S. embassies in Kenya and Tanzania."
    filed_next_day = process_text(f"WASHINGTON, August 13 (Xinhua) --\n\n{body}", published="1998-08-14")
    assert isinstance(filed_next_day, Analysis) and filed_next_day.document.published is not None
    assert filed_next_day.document.published.date().isoformat() == "1998-08-13"
    assert {e.date for e in filed_next_day.events if e.trigger == "condemned"} == {"1998-08-13"}
    # A dateline day far from the filing date, or none at all, leaves the filing date alone.
    for head in ("WASHINGTON, August 2 (Xinhua) --", "NAIROBI, Kenya (AP) _"):
        out = process_text(f"{head}\n\n{body}", published="1998-08-14")
        assert isinstance(out, Analysis) and out.document.published is not None
        assert out.document.published.date().isoformat() == "1998-08-14"


def test_a_noun_act_takes_the_time_of_the_verb_it_is_the_object_of() -> None:
    from tidings import process_text

    events = process_text(
        "In December, U.S. forces carried out airstrikes against Somalia.", published="2025-03-14"
    ).events
    assert [e.date for e in events if e.type == "ASSAULT"] == ["2024-12"]


def test_a_participle_clause_shares_its_main_verbs_time() -> None:
    from tidings import process_text

    text = "In December, U.S. forces bombed Syria, hitting targets near Raqqa."
    assert {e.date for e in process_text(text, published="2025-03-14").events if e.type == "ASSAULT"} == {"2024-12"}


def test_a_promise_is_dated_when_it_is_said() -> None:
    from tidings import process_text

    events = process_text(
        "The United States said Tuesday it would resume military aid to Ukraine.", published="2025-03-13"
    ).events
    assert [(e.type, e.date) for e in events] == [("AGREE", "2025-03-11")]


def test_a_part_of_a_day_dates_the_event_by_its_day() -> None:
    doc = process_text("Egyptian police opened fire on demonstrators on Monday night, killing one person.", published="1995-03-12")
    assert doc.events and all(e.date == "1995-03-06" for e in doc.events)


def test_the_occasion_an_act_is_said_at_dates_it() -> None:
    doc = process_text(
        "China responded in a Jan. 23 press briefing, asserting that China rejects the sanctions imposed by the United States.",
        published="2025-03-14",
    )
    assert [e.date for e in doc.events if e.type == "REJECT"] == ["2025-01-23"]


def test_a_weekday_in_a_clause_of_intent_is_the_coming_one() -> None:
    doc = process_text(
        "The United States hopes to resolve the pause in military aid during talks Tuesday with Ukraine.", published="2025-03-10"
    )
    assert [e.date for e in doc.events if e.type == "CONSULT"] == ["2025-03-11"]


def test_an_act_the_report_tells_in_the_past_perfect_without_a_time_is_undated() -> None:
    told = process_text("Mali, Niger and Burkina Faso had accused Algeria of supporting terrorism.", published="2025-03-14")
    assert [e.date for e in told.events if e.type == "ACCUSE"] and all(e.date is None for e in told.events if e.type == "ACCUSE")
    said = process_text("Erdogan's office said he had accepted the apology from Israel.", published="2013-03-22")
    assert all(e.date == "2013-03-22" for e in said.events)


def test_a_saying_that_goes_on_takes_the_day_of_the_saying_before() -> None:
    text = (
        "KYIV - Ukrainian President Volodymyr Zelenskyy wrote on Wednesday that Ukraine backed the plan. "
        "He added that Ukraine urged Russia to accept the ceasefire."
    )
    assert _dates(text, "2025-03-14", "urged") == [("2025-03-12", Precision.DAY)]
    # a new saying with no day of its own keeps the report's
    other = "Zelenskyy wrote on Wednesday that Ukraine backed the plan. He said Ukraine urged Russia to accept it."
    assert _dates(other, "2025-03-14", "urged") == [("2025-03-14", Precision.REPORT)]


def test_an_act_told_in_a_dated_announcement_takes_its_day() -> None:
    text = "U.S. lawmakers welcomed Tuesday's announcement that Ukraine had agreed to a 30-day ceasefire."
    assert _dates(text, "2025-03-12", "agreed") == [("2025-03-11", Precision.DAY)]
    # an announcement of no day leaves an act told in the past perfect undated
    assert _dates("Lawmakers welcomed the announcement that Ukraine had agreed to a ceasefire.", "2025-03-12", "agreed") == [
        (None, Precision.UNKNOWN)
    ]
