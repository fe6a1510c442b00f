"""Only asserted acts become events; a trigger codes only in its entry's sense (issue 17, parts 2-3).

Each mechanism on a sentence written for the test: what is not asserted is absent from the events a
reader is shown (asserted or reported, not negated), or carries its modality; the asserted
counterpart still codes.
"""

from __future__ import annotations

from typing import Any

import pytest

from tidings import process_text
from tidings.records import SHOWN_MODALITIES, Modality

pytestmark = pytest.mark.model


def _all(text: str) -> list[Any]:
    return list(process_text(text, published="2021-10-09").events)


def _shown(text: str) -> set[tuple[str, str | None, str | None]]:
    """(type, source country, target country) of the events `tidings events` shows by default."""
    return {
        (
            e.type,
            e.source.actor.country if e.source and e.source.actor else None,
            e.target.actor.country if e.target and e.target.actor else None,
        )
        for e in _all(text)
        if e.modality in SHOWN_MODALITIES and not e.negated
    }


def _types(text: str) -> set[str]:
    return {t for t, _, _ in _shown(text)}


def test_scenarios_and_predictions_are_not_asserted() -> None:
    scenario = _all("Analysts said the first option would be for Iraq to attack Saudi Arabia.")
    assert [e.modality for e in scenario if e.type == "ASSAULT"] == [Modality.HYPOTHETICAL]
    assert "ASSAULT" not in _types("Analysts said the first option would be for Iraq to attack Saudi Arabia.")
    predicted = _all("Russian troops are likely to attack Ukraine next week.")
    assert [e.modality for e in predicted if e.type == "ASSAULT"] == [Modality.INTENDED]
    assert ("ASSAULT", "IRQ", "SAU") in _shown("Iraq attacked Saudi Arabia on Monday.")
    assert ("ASSAULT", "RUS", "UKR") in _shown("Russian troops attacked Ukraine last week.")


def test_prescriptions_and_beliefs_are_not_asserted() -> None:
    evs = _all("It is necessary for India to help Mauritius build an airstrip.")
    assert [e.modality for e in evs if e.type == "AID"] == [Modality.HYPOTHETICAL]
    assert ("AID", "IND", "MUS") in _shown("India helped Mauritius build an airstrip.")
    # Another's prediction is no stated intent (no AGREE), and the meeting has not happened.
    believed = "Rubio said he believes leaders from the U.S. and China will meet at some point."
    assert not {"AGREE", "CONSULT"} & _types(believed)
    assert "AGREE" in _types("The United States said it will meet China next week.")


def test_a_stated_obligation_is_a_request_even_with_should() -> None:
    assert ("REQUEST", "GBR", "LBY") in _shown("Britain said Libya should hand over the suspects.")


def test_what_a_call_asks_for_has_not_happened() -> None:
    evs = _all("The resolution calls for Israel's withdrawal from Lebanon.")
    assert [e.modality for e in evs if e.type == "RETREAT"] == [Modality.HYPOTHETICAL]
    assert ("RETREAT", "ISR", "LBN") in _shown("Israel withdrew its troops from Lebanon.")


def test_a_stated_intent_is_the_act_of_stating_it() -> None:
    # "said it would attack" is a threat, reported; the attack itself is not coded.
    evs = _all("Iran said it would attack Iraq.")
    assert ("THREATEN", "IRN", "IRQ") in _shown("Iran said it would attack Iraq.")
    assert all(e.type != "ASSAULT" for e in evs)
    assert next(e for e in evs if e.type == "THREATEN").modality is Modality.REPORTED


def test_negating_verbs_and_prepositions() -> None:
    stopped = _all("The United States stopped providing escorts to Kuwait.")
    assert [e.negated for e in stopped if e.type == "AID"] == [True]
    assert "AID" not in _types("Iran said it will return to the talks without providing aid to Iraq.")
    assert ("AID", "USA", "KWT") in _shown("The United States provided escorts to Kuwait.")


def test_descriptions_and_attributes_are_no_events() -> None:
    assert not [e for e in _all("Iraq's eight-year war against Iran ruined its economy.") if e.type == "ASSAULT"]
    assert not [e for e in _all("Iraq's 1990 invasion of Kuwait ruined its economy.") if e.type == "ASSAULT"]
    assert "ASSAULT" not in {e.type for e in _all("Iran wants Russian attack helicopters.")}
    assert ("ASSAULT", "IRQ", "IRN") in _shown("Iraq's war against Iran began on Monday.")


def test_an_event_noun_is_intended_only_as_the_object_of_an_act() -> None:
    assert "THREATEN" not in {e.type for e in _all("Iraq will remember its war against Iran.")}
    assert "THREATEN" in _types("Iraq will launch a war against Iran.")


def test_word_senses_of_charge_go_and_add() -> None:
    assert "ACCUSE" not in _types("The UN Security Council charged the inspectors with verifying Iraq's disarmament.")
    assert ("ACCUSE", "EGY", "ISR") in _shown("Egyptian prosecutors charged the Israeli diplomat with espionage.")
    assert "CONSULT" not in _types("Iraq went to war against Iran.")
    assert ("CONSULT", "IRQ", "JOR") in _shown("The Iraqi president went to Jordan on Monday.")
    assert not _all("The French president went on to add that Iraq had complied.")
    # "the government" points back at the state named before (coreference): a domestic act, FRA on both sides.
    assert ("PROTEST", "FRA", "FRA") in _shown("French workers went on strike against the government.")


def test_objects_that_must_name_actors() -> None:
    assert "CONSULT" not in _types("She received a text message from the Afghan government.")
    assert ("CONSULT", "IRN", "RUS") in _shown("The Iranian president received the Russian foreign minister in Tehran.")
    assert "ASSAULT" not in _types("Milorad Dodik has engaged in secessionist activity in Bosnia.")
    assert ("ASSAULT", "SRB", "BIH") in _shown("Serbian troops engaged Bosnian forces near Sarajevo.")


def test_verbs_of_saying_are_no_requests() -> None:
    assert "REQUEST" not in _types("President Putin told the French president that Russia had complied.")
    assert "REQUEST" not in _types("Iran expects Russia to be sensitive about borders.")
    assert "REQUEST" not in _types("Turkey insisted that its troops had acted in self-defence.")
    assert "REQUEST" in _types("President Putin told the French president to withdraw French troops.")
    assert "REQUEST" in _types("President Putin asked the French president for help.")
    assert ("REQUEST", "LBN", "PAK") in _shown("Lebanon Asks Pakistan to End Sanctions on Energy Sector")  # a headline


def test_warnings_threats_and_figurative_wars() -> None:
    # "warned that …" is a warning, not a request; "warned X to stop" asks for something.
    warned = "The Pakistani minister warned that terrorists from Afghanistan will not be spared."
    assert "REQUEST" not in _types(warned) and "THREATEN" in _types(warned)
    assert ("REQUEST", "GBR", "IRN") in _shown("Britain warned Iran to stop the attacks.")
    # A threat one faces is a state; a threat issued is an act.
    assert "THREATEN" not in _types("Algeria is facing an increasing threat from Mali.")
    assert ("THREATEN", "IRN", "ISR") in _shown("Iran issued a warning to Israel on Monday.")
    assert "ASSAULT" not in {e.type for e in _all("China's tariff wars with Canada have led to a stock selloff.")}
    assert ("ASSAULT", "RUS", "UKR") in _shown("Russia's war against Ukraine entered its fourth year.")
    # What a stated intent names ("a refusal to attack", "a threat to impose") has not happened.
    assert "ASSAULT" not in _types("Iran's refusal to attack Iraq angered Syria.")


def test_accidents_are_no_assaults() -> None:
    assert "ASSAULT" not in {e.type for e in _all("Three Iraqi soldiers were killed in a helicopter crash.")}
    assert ("ASSAULT", "IRN", "IRQ") in _shown("Three Iraqi soldiers were killed by Iranian troops.")


def test_the_events_verb_shows_told_acts_and_all_with_all(tmp_path: Any) -> None:
    import json
    import subprocess
    import sys

    report = tmp_path / "report.txt"
    report.write_text(
        "Iran and Iraq trade blows\n\nTEHRAN, October 9, 2021\n\n"
        "Iranian troops attacked Iraq on Monday. Iran did not meet Iraq. "
        "The Iranian government stopped providing aid to Iraq.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.duckdb")

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tidings.cli", *args], capture_output=True, text=True, check=False)

    assert cli("run", str(report), "--db", db).returncode == 0
    shown = [json.loads(line) for line in cli("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
    every = [json.loads(line) for line in cli("events", "--db", db, "--all", "--format", "jsonl").stdout.splitlines()]
    assert {e["type"] for e in shown} == {"ASSAULT"}
    assert all(not e["negated"] and e["modality"] in ("asserted", "reported") for e in shown)
    hidden = [e for e in every if e not in shown]
    assert {e["type"] for e in hidden} == {"CONSULT", "AID"} and all(e["negated"] for e in hidden)


def test_a_noun_act_that_is_the_subject_of_a_denial_still_happened() -> None:
    text = "The director said the U.S. air raid on Afghanistan was not linked with the embassy bombings."
    assert ("ASSAULT", "USA", "AFG") in _shown(text)
    assert "ASSAULT" not in _types("The director said the United States did not raid Afghanistan.")


def test_habits_are_not_acts() -> None:
    assert "ASSAULT" not in _types("The group frequently attacks Nigerian soldiers in the north.")
    assert "ASSAULT" in _types("The group attacked Nigerian soldiers in the north on Monday.")


def test_an_anniversary_is_no_act() -> None:
    assert "PROTEST" not in _types("Syrians marked the 14th anniversary of the start of the protests against Assad.")
    assert "PROTEST" in _types("Thousands of Syrians protested against Assad in Damascus on Saturday.")


def test_what_a_call_asks_for_in_a_for_clause_has_not_happened() -> None:
    shown = _shown("The G7 called for Russia to reciprocate by agreeing to a ceasefire.")
    assert ("REQUEST", None, "RUS") in shown  # the G7 is an intergovernmental body (no state)
    assert not any(t == "AGREE" for t, *_ in shown)


def test_what_someone_needs_to_do_has_not_happened() -> None:
    from tidings import process_text

    doc = process_text("India needs to step up its engagement with Mauritius, analysts said.", published="2025-03-14")
    assert doc.events and all(e.modality.value == "hypothetical" for e in doc.events if e.type == "COOPERATE")
