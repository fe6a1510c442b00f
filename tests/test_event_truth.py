"""What a reader of real reports calls a wrong event, by mechanism, on sentences written for the test
(issue 17: asserted acts only, word sense, the right roles). Each case keeps its counterpart that
must still code, so that a mechanism that silences everything fails."""

from __future__ import annotations

import pytest

from tidings import process_text
from tidings.nlp import load_model
from tidings.records import SHOWN_MODALITIES

pytestmark = pytest.mark.model


def _shown(text: str) -> set[tuple[str, str | None, str | None]]:
    return {
        (
            e.type,
            e.source.actor.country_code if e.source and e.source.actor else None,
            e.target.actor.country_code if e.target and e.target.actor else None,
        )
        for e in process_text(text, published="2025-03-12").events
        if e.modality in SHOWN_MODALITIES and not e.negated
    }


def _acts(text: str) -> set[tuple[str, str | None]]:
    """(type, source) of the shown events: for tests of a clause's act whose target the report may
    supply (events/counterpart.py)."""
    return {(t, s) for t, s, _ in _shown(text)}


def _types(text: str) -> set[str]:
    return {t for t, _, _ in _shown(text)}


def test_a_subhead_run_into_the_text_starts_a_sentence() -> None:
    nlp = load_model()
    doc = nlp(
        "The blast injured 60 others. Airstrikes kill 50 militants Hours after the siege ended, "
        "the agency said troops killed dozens. Officials told The Washington Post that talks failed."
    )
    sents = [s.text for s in doc.sents]
    assert "Airstrikes kill 50 militants" in sents
    assert any(s.startswith("Hours after the siege ended") for s in sents)
    # A name after a verb of saying is no subhead's end.
    assert "Officials told The Washington Post that talks failed." in sents
    # An acronym opens a subhead as a capitalised word does.
    doc = nlp("The deadline passed. BLA surges Since last August, BLA has claimed several attacks.")
    sents = [s.text for s in doc.sents]
    assert "BLA surges" in sents
    assert any(s.startswith("Since last August") for s in sents)


def test_a_third_person_pronoun_in_a_direct_quotation_is_not_its_speaker() -> None:
    quoted = '"They shot and killed ten people on the train," the Iranian minister said.'
    assert not any(src == "IRN" for _, src, _ in _shown(quoted))
    # Outside quotation marks an unresolved pronoun may stand for the speaker.
    assert ("THREATEN", "FRA", "DEU") in _shown("France said they would threaten Germany with sanctions.") or (
        "ASSAULT",
        "FRA",
        None,
    ) not in _shown(quoted)


def test_a_word_of_a_name_is_no_trigger() -> None:
    named = "Evan Fowler of the Inter-Parliamentary Alliance on China spoke to Mauritius on Monday."
    assert "COOPERATE" not in _types(named)
    assert "COOPERATE" in _types("India and Mauritius expanded their naval cooperation on Monday.")


def test_a_standing_relation_is_no_act_but_forming_one_is() -> None:
    assert "COOPERATE" not in _types("Experts say the China-Russia partnership worries Washington.")
    assert ("COOPERATE", "IND", "JPN") in _shown("India forged a partnership with Japan on Monday.")


def test_what_the_subject_undergoes_is_not_its_act() -> None:
    assert ("ACCUSE", "SYR", None) not in _shown("Syria's new constitution is facing criticism from experts.")
    assert ("ACCUSE", "FRA", "SYR") in _shown("France's criticism of Syria angered Damascus.")


def test_a_warning_of_a_danger_is_no_threat() -> None:
    assert "THREATEN" not in _types("U.S. officials warned in July of a possible resurgence of violence in Iraq.")
    assert ("THREATEN", "USA", "IRN") in _shown("The United States warned Iran on Monday.")


def test_conferring_an_honour_is_no_meeting() -> None:
    assert "CONSULT" not in _types("Mauritius conferred the country's highest civilian honor on Indian Prime Minister Modi.")
    assert ("CONSULT", "MUS", "IND") in _shown("Mauritius conferred with India on Monday.")


def test_attacking_someone_for_what_they_did_is_words() -> None:
    shown = _shown("President Donald Trump attacked the Mexican government for refusing to support his plan.")
    assert ("ACCUSE", "USA", "MEX") in shown and not any(t == "ASSAULT" for t, _, _ in shown)
    assert ("ASSAULT", "RUS", "UKR") in _shown("Russian troops attacked Ukraine on Monday.")


def test_a_clash_between_named_people_is_a_quarrel() -> None:
    quarrel = "The clash between U.S. President Donald Trump and Volodymyr Zelenskyy stunned Europe on Friday."
    assert "ASSAULT" not in _types(quarrel)
    assert "ASSAULT" in _types("Syrian security forces clashed with Turkish troops on Monday.")


def test_the_by_phrase_of_an_event_noun_is_its_doer() -> None:
    shown = _shown("During a visit by British Prime Minister Keir Starmer to Washington, Trump praised the deal.")
    assert ("CONSULT", "GBR", "USA") in shown
    assert ("CONSULT", "USA", "USA") not in shown


def test_a_state_does_not_cooperate_with_itself() -> None:
    told = "Modi announced that New Delhi would invest $11 million and that India will cooperate with Mauritius."
    assert not any(src == tgt == "IND" for t, src, tgt in _shown(told) if t in ("AGREE", "COOPERATE"))


def test_an_obligation_of_no_actor_is_no_request() -> None:
    assert "REQUEST" not in _types('"Our ways of recording history should be taken seriously," the Ghanaian minister said.')
    assert ("REQUEST", "GHA", "NGA") in _shown('"Nigeria must return the refugees," the Ghanaian government said.')


def test_an_emergency_declared_at_a_hospital_is_no_state_of_emergency() -> None:
    assert "COERCE" not in _types("An emergency has been declared at the government hospital in Sibi.")
    assert ("COERCE", "PAK", None) in _shown("Pakistan declared a state of emergency on Tuesday.")


def test_help_needs_someone_or_something_helped() -> None:
    assert "AID" not in _types('"From New Delhi\'s standpoint, it helps if there is some American presence there," the Indian analyst said.')
    assert ("AID", "IND", "MUS") in _shown("India helped Mauritius build an airstrip last year.")


def test_a_particle_of_a_dictionary_pattern_belongs_to_the_verb() -> None:
    # CAMEO's "give in" (yield) is not "Given the conditions … in almost all the countries".
    assert "CONCEDE" not in _types(
        "Given the conditions of the military contingents in almost all the countries, Nigeria delayed the deployment."
    )


def test_an_analyst_or_a_witness_comments_and_does_not_act() -> None:
    assert _shown("Security analyst Kabiru Adamu welcomed the move by Nigeria.") == set()
    assert "THREATEN" not in _types("Beverly Ochieng, a senior analyst at Control Risks, warned that Guinea could become a target.")
    assert ("SUPPORT", "NGA", "GHA") in _shown("Nigerian President Bola Tinubu welcomed the move by Ghana.")


def test_an_actor_in_a_clause_of_its_own_is_not_the_target() -> None:
    shown = _shown("Somali forces killed six attackers who laid siege to a hotel in Kenya.")
    assert ("ASSAULT", "SOM", "KEN") not in shown
    # A said act's clause names whom it is aimed at.
    assert ("THREATEN", "RUS", "USA") in _shown(
        "Russia threatened to stop the talks if the United States goes ahead with the deployment."
    )


def test_a_ship_arriving_is_no_visit() -> None:
    assert "CONSULT" not in _types("An Iranian ship arrived in eastern China late last year.")
    assert ("CONSULT", "IRN", "CHN") in _shown("Iran's foreign minister arrived in Beijing on Monday.")


def test_what_is_discussed_is_a_topic_and_where_talks_are_held_a_venue() -> None:
    shown = _shown("G7 foreign ministers discussed China's role in global security on Friday.")
    assert not any(tgt == "CHN" for _, _, tgt in shown)
    held = _shown("The United States held talks with Ukraine in Jeddah on Tuesday.")
    assert ("CONSULT", "USA", "UKR") in held and ("CONSULT", "USA", "SAU") not in held


def test_the_one_blamed_for_an_act_did_it() -> None:
    shown = _shown("A Bosnian court sentenced Dodik to prison for defying the constitution of Bosnia.")
    assert not any(t == "REJECT" and src == "BIH" and tgt is None for t, src, tgt in shown if src != "BIH")
    assert not any(e.type == "REJECT" and e.source and e.source.text == "A Bosnian court" for e in process_text(
        "A Bosnian court sentenced Dodik to prison for defying the constitution of Bosnia.", published="2025-03-12"
    ).events)


def test_looking_to_act_and_acting_after_a_future_one_are_not_yet_acts() -> None:
    assert "COERCE" not in _types("Chinese officials look to limit social media in China.")
    assert "ACCUSE" not in _types(
        "U.S. officials would convene this weekend after the envoy returns to Washington to investigate Russia."
    )


def test_a_plan_the_report_tells_is_no_event_but_a_stated_promise_is() -> None:
    assert "AGREE" not in _types("King Hussein of Jordan will meet President George Bush on Thursday.")
    assert "AGREE" not in _types("Poland to participate in preparations for NATO summit")  # a headline's future
    assert ("AGREE", "JOR", "USA") in _shown("Jordan said it will meet the United States on Thursday.")
    assert "AGREE" in _types("President Bill Clinton vowed to help Kenya rebuild the embassy.")


def test_an_attack_on_an_embassy_is_aimed_at_its_state_not_the_place() -> None:
    shown = _shown("Terrorist bombings at U.S. embassies in Kenya and Tanzania killed 80 people on Friday.")
    assert (("ASSAULT", None, "USA") in shown) and not any(tgt in ("KEN", "TZA") for _, _, tgt in shown)


def test_condemning_an_attack_targets_its_doers_not_its_victims() -> None:
    shown = _shown("The Cuban government condemned the bomb explosions near U.S. embassies in Kenya.")
    assert ("ACCUSE", "CUB", None) in shown and ("ACCUSE", "CUB", "USA") not in shown
    assert ("ACCUSE", "RUS", "ISR") in _shown("Russia condemned Israel's attacks on Gaza.")


def test_the_soviet_union_is_a_state_and_its_republics_belonged_to_it() -> None:
    events = process_text("Soviet troops attacked the Lithuanian parliament on Monday.", published="1990-08-15").events
    assert any(e.source and e.source.actor and e.source.actor.country_code == "SUN" for e in events)
    later = process_text("Russian troops attacked Ukraine on Monday.", published="2022-03-01").events
    assert any(e.source and e.source.actor and e.source.actor.country_code == "RUS" for e in later)


def test_missile_strikes_are_no_labour_strikes() -> None:
    shown = _shown("U.S. forces launched cruise missile strikes against Afghanistan on Thursday.")
    assert ("ASSAULT", "USA", "AFG") in shown and "PROTEST" not in {t for t, _, _ in shown}
    assert "PROTEST" in _types("South Korean workers launched a general strike against the government.")


def test_declining_to_comment_and_battling_to_keep_are_no_events() -> None:
    assert "REJECT" not in _types("The Jordanian king declined to discuss details of his talks with Iraq.")
    assert ("REJECT", "IRN", "USA") in _shown("Iran rejected the American proposal on Monday.")
    assert "ASSAULT" not in _types("Cuban exiles in Miami have been battling to keep the boy in the United States.")


def test_a_news_agency_tells_acts_and_does_not_do_them() -> None:
    told = (
        "Egypt's Middle East News Agency reported the arrests on Thursday. "
        "The agency quoted witnesses as saying tanks were patrolling the streets of Baghdad."
    )
    assert not any(src == "EGY" for t, src, _ in _shown(told))


def test_the_relative_pronoun_stands_for_its_noun() -> None:
    shown = _shown("Russian President Vladimir Putin, with whom Turkish President Recep Tayyip Erdogan met on Monday, rejected the plan.")
    assert ("CONSULT", "TUR", "RUS") in shown and ("REJECT", "RUS") in {(t, s) for t, s, _ in shown}


def test_allies_and_members_are_not_the_state_or_body_they_belong_to() -> None:
    shown = _shown("U.S. allies and other U.N. members have objected to the blockade of Iraq.")
    assert not any(src in ("USA", "IGO") for _, src, _ in shown)


def test_talks_one_leaves_for_are_dated_by_the_leaving() -> None:
    events = process_text(
        "Soviet special ambassador Mikhail Sytenko left Tuesday for consultations with Syria.", published="1990-08-16"
    ).events
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks and talks[0].date == "1990-08-14"
    assert talks[0].source is not None and talks[0].source.actor is not None and talks[0].source.actor.country_code == "SUN"


def test_a_sworn_intent_to_fight_is_a_threat_and_razing_homes_is_coercion() -> None:
    sworn = _shown("Ethnic Albanian rebels have sworn to fight Macedonia until they gain control of the villages.")
    assert "THREATEN" in {t for t, _, _ in sworn} and "ASSAULT" not in {t for t, _, _ in sworn}
    assert ("COERCE", "ISR", "PSE") in _shown("Israeli army bulldozers demolished Palestinian homes in Gaza on Sunday.")


def test_an_act_in_the_time_phrase_of_another_is_its_own() -> None:
    shown = _shown("The deal was brokered by U.S. President Barack Obama during a visit to Israel on Friday.")
    assert ("CONSULT", "USA", "ISR") in shown


def test_a_rally_a_leader_addresses_is_not_his_protest() -> None:
    shown = _shown('"What is happening cannot be accepted," Turkish President Recep Tayyip Erdogan told a rally in Istanbul.')
    assert not any(t == "PROTEST" and tgt == "TUR" for t, _, tgt in shown)
    assert not any(e.type == "PROTEST" and e.source and e.source.text.endswith("Erdogan") for e in process_text(
        '"What is happening cannot be accepted," Turkish President Recep Tayyip Erdogan told a rally in Istanbul.',
        published="2023-11-04",
    ).events)


def test_an_act_joined_to_an_accusation_is_its_own() -> None:
    shown = _shown("Turkish President Recep Tayyip Erdogan criticized Israel on Saturday and recalled Turkey's ambassador.")
    assert ("ACCUSE", "TUR", "ISR") in shown and ("SANCTION", "TUR") in {(t, s) for t, s, _ in shown}
    assert ("SANCTION", "TUR", "TUR") not in shown


def test_a_visit_told_again_without_its_destination_is_one_visit() -> None:
    events = [
        e
        for e in process_text(
            "French President Emmanuel Macron arrived in Beijing on Wednesday for a state visit.\n\n"
            '"China can play a major role," Macron told French reporters before his trip.',
            published="2023-04-05",
        ).events
        if e.type == "CONSULT"
    ]
    assert len(events) == 1 and events[0].target is not None


def test_a_released_statement_is_no_release() -> None:
    assert "RETREAT" not in _types("In a statement released by Hamas on Monday, the group gave Israel 48 hours to comply.")
    assert ("CONCEDE", "IRN", "GBR") in _shown("Iran released the two British sailors on Monday.")


def test_a_named_storm_is_no_attacker() -> None:
    text = (
        "Malawi and Mozambique were hit following Cyclones Chido in December and Dikeledi in January. "
        "Malawi avoided a hit from Dikeledi but was struck by Chido in December."
    )
    assert "ASSAULT" not in _types(text)
    assert ("ASSAULT", "RUS", "UKR") in _shown("Russian forces struck Ukraine on Monday.")


def test_no_event_is_told_of_people_no_state_or_body_stands_behind() -> None:
    assert _shown("A sniper killed Dr. Barnett Slepian at his home on Friday.") == set()
    assert ("ASSAULT", "MLI", None) in _shown("Rebels in Mali shelled the town on Monday, killing ten people.")


def test_an_invitation_is_dated_by_its_telling_not_by_the_ceremony() -> None:
    events = process_text(
        "U.S. Secretary of State Madeleine Albright invited Poland to a ceremony in Washington on March 12.",
        published="1999-02-16",
    ).events
    assert [e.date for e in events if e.type == "AGREE"] == ["1999-02-16"]


def test_a_kinsman_or_a_lawyer_is_not_the_one_named_before_him() -> None:
    text = "Cuban President Fidel Castro spoke on Monday. Castro's lawyer asked the United States for a visa."
    assert not any(
        e.type == "REQUEST" and e.source and e.source.text == "Castro"
        for e in process_text(text, published="2000-04-03").events
    )


def test_what_a_proposal_or_an_analyst_says_will_happen_is_no_stated_intent() -> None:
    assert "THREATEN" not in _types("In addition, the proposal would prohibit Iran's banks from dollar transactions.")
    assert "AGREE" not in _types("Military analysts say Russian President Vladimir Putin would recognize the folly of war.")
    assert ("THREATEN", "IRN", "ISR") in _shown("Iran said it would attack Israel.")


def test_lashing_out_is_words_and_talking_of_ones_family_is_no_meeting() -> None:
    shown = _shown("Russian President Vladimir Putin lashed out at Turkey on Thursday.")
    assert ("ACCUSE", "RUS", "TUR") in shown and "ASSAULT" not in {t for t, _, _ in shown}
    assert "CONSULT" not in _types("Russian President Vladimir Putin talked proudly of his two adult daughters.")
    assert ("CONSULT", "RUS", "USA") in _shown("Russian President Vladimir Putin talked with the United States on Monday.")


def test_idioms_of_force_and_offers_of_words_are_no_events() -> None:
    assert "ASSAULT" not in _types("Russian President Vladimir Putin said Russia's economy had hit bottom this year.")
    assert "AGREE" not in _types("Mexican President Enrique Pena Nieto offered his early assessment of the Super Bowl.")
    assert ("ASSAULT", "RUS", "UKR") in _shown("Russian forces hit Ukraine with missiles on Monday.")
    assert ("AGREE", "IRN", "IRQ") in _shown("Iran offered Iraq a ceasefire on Monday.")


def test_what_one_can_do_is_not_done_unless_one_cannot() -> None:
    events = process_text("Iran can strike Israel within minutes, the Iranian minister said.", published="2015-12-19").events
    assert all(e.modality.value == "hypothetical" for e in events if e.type == "ASSAULT")


def test_the_people_of_a_person_are_others_of_his_state() -> None:
    """"his top aides" are not the president himself: a domestic meeting, USA→USA."""
    events = process_text("Clinton met with his top aides Wednesday in the White House.", published="1998-08-13").events
    assert {(e.type, e.source.actor.country_code, e.target.actor.country_code if e.target else None) for e in events if e.source and e.source.actor} == {("CONSULT", "USA", "USA")}


def test_a_counterpart_is_who_the_apposition_or_the_nationality_says() -> None:
    named = process_text(
        "Benjamin Netanyahu agreed with his Turkish counterpart Recep Tayyip Erdogan to compensate the families.",
        published="2013-03-22",
    ).events
    assert any(e.type == "AGREE" and e.target and e.target.actor and e.target.actor.country_code == "TUR" for e in named)
    unnamed = process_text("Netanyahu spoke with his Turkish counterpart on Friday.", published="2013-03-22").events
    assert [(e.type, e.target.actor.country_code if e.target and e.target.actor else None) for e in unnamed] == [("CONSULT", "TUR")]
    # A relation named by its owner is someone else, and no one the owner names.
    assert not _shown("Russia's neighbours criticised the move on Friday.")


def test_speaking_with_someone_is_talks_but_speaking_to_the_press_is_not() -> None:
    assert ("CONSULT", "ISR", "TUR") in _shown("Benjamin Netanyahu and Recep Tayyip Erdogan spoke by telephone.")
    assert not _shown("Iran's foreign minister spoke to reporters in Moscow.")
    assert not _shown("Iran's foreign minister spoke of a new era.")


def test_those_who_sign_together_sign_with_each_other() -> None:
    shown = _shown("Russian President Vladimir Putin and Iranian President Ebrahim Raisi signed a treaty on Friday.")
    assert {("AGREE", "RUS", "IRN"), ("AGREE", "IRN", "RUS")} <= shown


def test_admitting_a_state_is_taking_it_in_but_admitting_a_fact_is_not() -> None:
    assert ("AGREE", "IGO", "POL") in _shown("NATO admitted Poland on Friday.")
    assert not _shown("The Israeli government admitted mistakes were made in the planning.")


def test_seeking_an_apology_is_a_demand() -> None:
    assert ("REQUEST", "TUR", "ISR") in _shown("Turkey has long sought an apology from Israel for the raid.")
    assert not _shown("Turkey has long sought a place among the world's largest economies.")


def test_a_role_placed_in_several_states_is_a_party_of_each() -> None:
    shown = _shown("The ambassadors of Hungary, Poland and the Czech Republic met NATO officials on Friday.")
    assert {("CONSULT", "HUN", "IGO"), ("CONSULT", "POL", "IGO"), ("CONSULT", "CZE", "IGO")} <= shown
    assert {s for _, s, _ in _shown("The ambassador of Hungary met NATO officials on Friday.")} == {"HUN"}


def test_a_buildup_or_deployment_of_forces_is_mobilisation() -> None:
    assert ("MOBILIZE", "RUS", "UKR") in _shown("Russia's deployment of troops near the Ukrainian border alarmed NATO.")
    assert "MOBILIZE" in _types("The US military buildup in the region continues apace.")
    assert not _shown("The deployment of software updates was delayed.")


def test_saying_one_will_not_cooperate_is_a_refusal() -> None:
    said = process_text("Iran said it will not negotiate with the United States.", published="2025-03-12").events
    assert [(e.type, e.cameo, e.negated) for e in said if e.modality in SHOWN_MODALITIES] == [("REJECT", "125", False)]
    # A prediction of another's refusal is no one's act; a past act not done is only negated.
    assert not _shown("Analysts believe Iran will not negotiate with the United States.")
    assert not _shown("Iran did not negotiate with the United States on Friday.")


def test_what_is_needed_or_proposed_is_not_done() -> None:
    assert not _shown("The Dutch defense minister stressed the urgency of boosting Europe's defense on Tuesday.")
    assert not _shown("The EU has proposed a plan for rearming Europe and supporting Ukraine.")
    # The owner of a goal is no goal: the visit took place.
    assert ("CONSULT", "UKR", "RUS") in _shown(
        "A major goal of the Ukrainian president's visit to Russia was the signing of a program."
    )


def test_the_three_nations_are_the_three_last_named() -> None:
    shown = _shown(
        "Burkina Faso, Mali and Niger left ECOWAS in January. "
        "The three nations accused the regional body of failing to protect its members."
    )
    assert {("ACCUSE", "BFA", "IGO"), ("ACCUSE", "MLI", "IGO"), ("ACCUSE", "NER", "IGO")} <= shown


def test_crediting_someone_for_a_role_is_praise_not_the_role() -> None:
    shown = _shown("Rubio also credited Britain and France for playing a constructive role in talks with Ukraine.")
    assert {("SUPPORT", "USA", "GBR"), ("SUPPORT", "USA", "FRA")} <= shown
    assert "CONSULT" not in {t for t, _, _ in shown}


# -- sign and apologise (news guidelines), vows of punishment, victims, words of praise -----------


def test_a_signing_is_an_agreement_and_an_apology_a_concession() -> None:
    assert ("AGREE", "IRN", "RUS") in _shown("Iran and Russia signed a cooperation treaty on Monday.")
    shown = _shown("Israel's prime minister apologized to Turkey on Friday for the raid.")
    assert ("CONCEDE", "ISR", "TUR") in shown
    assert not any(t == "SUPPORT" for t, _, _ in shown)


def test_a_vow_to_punish_is_a_threat_and_a_vow_to_help_an_agreement() -> None:
    assert "THREATEN" in _types("Iran's president vowed on Monday to punish those responsible for the attack.")
    assert "THREATEN" in _types("The French president vowed to find the attackers and bring them to justice.")
    helps = _types("Iran's president vowed on Monday to help Iraq rebuild its power grid.")
    assert "AGREE" in helps and "THREATEN" not in helps


def test_them_after_unnamed_wrongdoers_is_not_the_countries_before() -> None:
    shown = _shown("Biden condemned the attacks in Kenya and Tanzania and vowed to find the bombers and bring them to justice.")
    assert not any(target in ("KEN", "TZA") for t, _, target in shown if t == "THREATEN")


def test_a_time_between_subject_and_verb_dates_the_conjoined_verb_too() -> None:
    doc = process_text(
        "President Trump Tuesday condemned the attack and vowed to punish those responsible.", published="2025-03-14"
    )
    dates = {e.type: e.date for e in doc.events}
    assert dates.get("THREATEN") == "2025-03-11"


def test_an_act_suffered_by_victims_is_not_the_subjects_act() -> None:
    shown = _shown("Ten American victims of the embassy bombing were brought home to Dover by military plane.")
    assert not any(t == "ASSAULT" and source == "USA" for t, source, _ in shown)


def test_an_act_following_a_meeting_is_not_the_meeting_parties() -> None:
    shown = _shown("Macron met his ministers on Wednesday to assess the situation following the bombings at French embassies in Mali.")
    assert not any(t == "ASSAULT" and source == "FRA" for t, source, _ in shown)


def test_said_or_given_from_someone_comes_from_them() -> None:
    shown = _shown("The planned strikes on Iran drew stern warnings from Moscow on Thursday.")
    assert any(t == "THREATEN" and source == "RUS" for t, source, _ in shown)
    assert any(t == "AID" and source == "JPN" for t, source, _ in _shown("Ukraine received new aid from Japan last week."))


def test_words_of_praise_or_blame_for_a_thing_are_support_or_accusation() -> None:
    assert "SUPPORT" in _types("Putin described the talks with Iran as a historic breakthrough.")
    assert "ACCUSE" in _types("Russia described the Turkish strikes as an act of aggression.")
    assert "SUPPORT" not in _types("Russia described the Turkish strikes as an act of aggression.")
    assert ("SUPPORT", "USA", "TZA") in _shown("Secretary of State Marco Rubio expressed condolences to the Tanzanian people on Friday.")


def test_praise_of_ones_own_states_act_goes_to_the_other_party() -> None:
    shown = _shown("Hungarian Prime Minister Viktor Orban on Friday hailed Hungary's accession to NATO.")
    assert any(t == "SUPPORT" and s == "HUN" and tg != "HUN" for t, s, tg in shown)


def test_the_subject_of_a_fronted_predicate_follows_its_copula() -> None:
    shown = _shown("Also applying for NATO membership are Romania, Slovenia and Bulgaria.")
    assert {("REQUEST", "ROU", "IGO"), ("REQUEST", "SVN", "IGO"), ("REQUEST", "BGR", "IGO")} <= shown
    joined = _shown("Among the first countries to accede to NATO on Friday were Poland and the Czech Republic.")
    assert {("COOPERATE", "POL", "IGO"), ("COOPERATE", "CZE", "IGO")} <= joined


def test_an_act_whose_object_is_denied_with_no_is_negated() -> None:
    doc = process_text("Chinese officials have had no discussion with Japan about the ship.", published="2025-03-10")
    assert all(e.negated for e in doc.events if e.type == "CONSULT")


def test_let_us_is_no_permission() -> None:
    assert "CONCEDE" not in _types("Let us look at the compensation, Botswana's foreign minister said.")
    assert "CONCEDE" in _types("Israel let aid trucks enter Gaza on Monday.")


def test_they_may_stand_for_an_intergovernmental_body() -> None:
    shown = _shown("The G7 foreign ministers met in Canada on Friday. They called on China to stop its military build-up.")
    assert ("REQUEST", "IGO", "CHN") in shown


def test_a_demand_with_a_penalty_for_refusing_is_also_a_threat() -> None:
    shown = _shown("Top diplomats from the Group of Seven urged Russia on Friday to accept a ceasefire or face further sanctions.")
    assert {("REQUEST", "IGO", "RUS"), ("THREATEN", "IGO", "RUS")} <= shown
    assert "THREATEN" not in _types("The G7 urged Russia to accept a ceasefire and release prisoners.")


def test_what_an_obligation_is_for_is_the_requests_content() -> None:
    shown = _shown(
        "The Red Cross operating in Iraq said US and British forces must ensure security to allow supplies to reach the needy."
    )
    assert ("REQUEST", "NGO", "USA") in shown
    assert "CONCEDE" not in {t for t, _, _ in shown}


def test_each_other_makes_the_parties_act_toward_one_another() -> None:
    shown = _shown("Iran and Iraq accused each other on Monday of violating the ceasefire.")
    assert {("ACCUSE", "IRN", "IRQ"), ("ACCUSE", "IRQ", "IRN")} <= shown
    pledged = _shown("Putin and Erdogan pledged on Monday to consult each other regularly on relations with NATO.")
    assert {("AGREE", "RUS", "TUR"), ("AGREE", "TUR", "RUS")} <= pledged


def test_the_noun_a_past_participle_qualifies_suffered_the_act() -> None:
    shown = _shown("Police found the body of an American journalist kidnapped in Iraq last month.")
    assert not any(t == "ASSAULT" and source == "USA" for t, source, _ in shown)
    assert any(t == "ASSAULT" and target == "USA" for t, _, target in shown)
    killed = _shown("A team recovered the remains of a British expert kidnapped and killed by Khmer Rouge guerrillas.")
    assert ("ASSAULT", "KHM", "GBR") in killed


def test_an_assurance_given_to_someone_is_a_promise_to_them() -> None:
    shown = _shown("Erdogan assured Putin on Monday that Turkey would not join the sanctions.")
    assert ("AGREE", "TUR", "RUS") in shown
    assert "REJECT" not in {t for t, _, _ in shown}


def test_a_rally_a_leader_speaks_to_is_no_protest() -> None:
    assert "PROTEST" not in _types('"What is happening cannot be accepted," Erdogan told a rally in Istanbul on Saturday.')
    assert "PROTEST" in _types("Thousands held a rally in Istanbul on Saturday against the war.")


def test_a_participle_told_of_a_subject_is_what_it_suffered() -> None:
    shown = _shown("One of the Islamic State group's top leaders is dead, killed in what U.S. and Iraqi officials describe as a joint operation.")
    assert any(t == "ASSAULT" and target == "IMG" for t, _, target in shown)
    assert not any(target == "USA" for _, _, target in shown)
    assert ("COERCE", "EGY", "EGY") in _shown("Some of the protesters in Cairo were arrested by police on Monday.")


def test_driving_forces_someone_out_only_with_someone_driven() -> None:
    assert "ASSAULT" not in _types("Cited by Washington police in December for driving under the influence, the general was ordered home.")


def test_a_force_led_by_a_state_is_that_states() -> None:
    assert any(t == "ASSAULT" and s == "SAU" for t, s, _ in _shown("The Saudi-led coalition bombed a school in Yemen on Monday."))
    assert any(t == "ASSAULT" and s == "USA" for t, s, _ in _shown("U.S.-led forces attacked the town on Monday."))


def test_ethnic_kin_are_not_the_state_of_their_name() -> None:
    shown = _shown("Up to 1,000 ethnic Turks began a hunger strike in Sweden on Monday.")
    assert not any(s == "TUR" for _, s, _ in shown)


def test_a_states_act_of_control_at_home_is_aimed_at_its_own_people() -> None:
    assert ("COERCE", "EGY", "EGY") in _shown("Egyptian police arrested 12 demonstrators on Monday night.")
    assert ("CONCEDE", "SDN", "SDN") in _shown("Sudan's government on Sunday lifted a state of emergency in West Darfur State.")
    assert ("COERCE", "ISR", "PSE") in _shown("Israeli police arrested 12 people in the West Bank on Monday.")


def test_backing_by_armed_forces_is_military_cooperation() -> None:
    shown = _shown("Somali security forces backed by Djiboutian soldiers attacked the town on Monday.")
    assert ("COOPERATE", "DJI", "SOM") in shown
    assert "COOPERATE" not in _types("Russia backed the plan on Monday.")


def test_ethnic_kin_take_the_state_the_sentence_places_them_in() -> None:
    shown = _shown("Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border with Bulgaria, Macedonian officials said Wednesday.")
    assert any(s == "MKD" for _, s, _ in shown) and not any(s == "ALB" for _, s, _ in shown)


def test_calls_on_someone_are_demands_not_phone_calls() -> None:
    shown = _shown("The UN chief repeated his calls on the parties in Sudan to end the war.")
    assert "CONSULT" not in {t for t, _, _ in shown}
    assert any(t == "REQUEST" and s == "IGO" for t, s, _ in shown)
    assert "CONSULT" in _types("Erdogan had a call with Putin on Monday.")


def test_a_tally_over_a_span_is_no_act() -> None:
    assert "ASSAULT" not in _types("More than 1,250 terrorists have been killed so far this year, the Pakistani army said.")
    assert "ASSAULT" not in _types("Pakistani security forces have killed 300 militants over the past two years.")
    assert "ASSAULT" in _types("Pakistani security forces have killed 30 militants in Waziristan, the army said on Friday.")


def test_an_attack_with_no_doer_is_the_claimants() -> None:
    text = "Gunmen stormed a hotel in Baghdad on Tuesday, killing 10 people. The Islamic State group claimed responsibility for the attack."
    assert any(t == "ASSAULT" and s == "IMG" for t, s, _ in _shown(text))
    unclaimed = "Gunmen stormed a hotel in Baghdad on Tuesday. No group has claimed responsibility for the attack."
    assert not any(t == "ASSAULT" and s is not None for t, s, _ in _shown(unclaimed))


def test_calling_something_by_a_word_of_blame_is_an_accusation() -> None:
    assert ("ACCUSE", "USA", "IGO") in _shown("On Thursday, Trump called the European Union hostile and abusive.")
    assert "ACCUSE" in _types("China called the sanctions illegal on Monday.")
    assert "ACCUSE" not in _types("China called the meeting on Monday.")


def test_an_act_in_a_clause_of_time_is_not_the_content_of_a_threat() -> None:
    shown = _shown("North Korea threatened South Korea on Monday after Seoul and Washington began joint military drills.")
    assert ("THREATEN", "PRK", "KOR") in shown
    assert {("MOBILIZE", "KOR"), ("MOBILIZE", "USA")} <= {(t, s) for t, s, _ in shown}


def test_a_trip_at_home_is_no_visit() -> None:
    assert "CONSULT" not in _types("President Macron arrived in Marseille on Monday for a rally.")
    assert ("CONSULT", "FRA", "RUS") in _shown("President Macron arrived in Moscow on Monday.")


def test_efforts_at_an_act_are_not_the_act() -> None:
    doc = process_text("Russia claimed that Ukraine was undermining efforts at closer cooperation within the CIS.", published="1998-02-13")
    assert all(e.modality.value != "asserted" for e in doc.events if e.type == "COOPERATE")


def test_a_threat_said_with_would_is_made() -> None:
    assert "THREATEN" in _types("Iran said on Monday it would retaliate against Israel.")
    assert "THREATEN" not in _types("Analysts say Iran would retaliate against Israel.")


def test_which_after_a_phrase_of_place_is_not_the_place() -> None:
    shown = _shown("Biden met his aides on Wednesday following the bombings at U.S. embassies in Kenya and Tanzania, which have killed more than 250 people.")
    assert not any(s in ("KEN", "TZA") for _, s, _ in shown)


def test_calling_a_person_is_a_telephone_call_and_calling_on_one_a_demand() -> None:
    assert ("CONSULT", "ISR", "TUR") in _shown("Israeli Prime Minister Benjamin Netanyahu called Turkish Prime Minister Recep Tayyip Erdogan on Friday.")
    assert ("REQUEST", "USA", "TUR") in _shown("The American president called on Turkey to restore ties with Israel.")
    assert "CONSULT" not in _types("The Turkish prime minister called early elections on Friday.")
    assert "CONSULT" not in _types("The Turkish prime minister called the Israeli leader a terrorist.")


def test_speaking_to_a_named_leader_is_consultation_but_not_to_reporters() -> None:
    assert ("CONSULT", "USA", "TUR") in _shown("The American president spoke to the Turkish prime minister on Friday.")
    assert "CONSULT" not in _types("The American president spoke to reporters in Amman on Friday.")


def test_a_statement_supporting_or_condemning_is_its_issuers_act() -> None:
    assert ("SUPPORT", "POL", "IGO") in _shown("The Polish government issued a statement supporting the NATO decision.")
    assert ("ACCUSE", "IRN", "USA") in _shown("Iran's statement criticizing the United States was released on Friday.")
    # A resolution condemning someone condemns (it is no request still to be met).
    assert ("ACCUSE", "IGO", "ISR") in _shown("The Security Council adopted a resolution condemning Israel.")
    # What a resolution asks for is still not done.
    assert "RETREAT" not in _types("The Security Council adopted a resolution calling for Israel's withdrawal.")


def test_describing_as_praise_or_blame_with_the_predicate_on_the_object() -> None:
    assert ("SUPPORT", "IRN", "RUS") in _shown("Iran described the talks with Russia as constructive.")
    assert "SUPPORT" in _types("The Hungarian president described the entry as a historic event.")
    assert "ACCUSE" in _types("Russia described the strikes as illegal.")
    assert "SUPPORT" not in _types("The Hungarian president described the entry as a long process.")


def test_releasing_and_lifting_sanctions_concede_and_withdrawing_retreats() -> None:
    # The news-event guidelines' CONCEDE ("release prisoners", "lift sanctions"), not the draft
    # table's RETREAT; withdrawal of forces stays RETREAT, CAMEO 0874 (retreat militarily).
    assert ("CONCEDE", "IRN", "USA") in _shown("Iran freed three American hikers on Monday.")
    assert ("CONCEDE", "IGO", "CHN") in _shown("The European Union lifted its arms embargo on China.")
    withdrew = [e for e in process_text("Israeli troops withdrew from Hebron on Friday.", published="1998-08-14").events]
    assert [(e.type, e.cameo) for e in withdrew] == [("RETREAT", "0874")]


def test_a_pledge_of_money_is_a_promise_and_money_given_is_aid() -> None:
    assert ("AGREE", "JPN", "IDN") in _shown("Japan pledged $1 billion in aid to Indonesia.")
    assert "AID" not in _types("Japan pledged $1 billion in aid to Indonesia.")
    assert ("AID", "JPN", "IDN") in _shown("Japan gave Indonesia $1 billion in aid.")



def test_a_verb_joined_to_a_future_one_shares_its_will() -> None:
    text = "British media report that Britain will cede the islands to Mauritius and allow the military base to remain."
    assert not any(t == "CONCEDE" for t, _, _ in _shown(text))
    assert ("CONCEDE", "GBR") in _acts("Britain ceded the islands to Mauritius and allowed the military base to remain.")


def test_a_habitual_denial_is_a_standing_statement_but_a_habit_of_acts_is_no_act() -> None:
    assert ("REJECT", "AFG", None) in _shown("The Afghan Taliban routinely deny providing sanctuary to the militants.")
    assert "ASSAULT" not in _types("The Pakistani army routinely attacks the militants.")


def test_a_plan_to_restrict_at_home_is_no_threat_but_one_said_is() -> None:
    assert "THREATEN" not in _types("Chinese officials look to limit social media and screen time in China.")
    assert "THREATEN" in _types("French farmers said on Friday they would blockade Paris from Monday night.")


def test_history_in_a_relative_clause_is_no_event_of_the_report() -> None:
    assert "COERCE" not in _types("The Taliban, who seized power in August 2021, have imposed curbs on the press.")
    assert ("ASSAULT", "PSE", "ISR") in _shown("Hamas, which attacked Israel last week, released two hostages.")


def test_a_danger_posed_is_no_threat_made() -> None:
    assert "THREATEN" not in _types("The bill comes amid a growing threat from China in the region.")
    assert "THREATEN" in _types("Russia's threat to cut gas supplies to Ukraine alarmed Europe.")


def test_an_audience_spoken_to_is_not_consulted() -> None:
    assert "CONSULT" not in _types("Speaking to British lawmakers last month, Prime Minister Keir Starmer said a deal was vital.")


def test_retaliation_done_is_the_act_it_is_done_with() -> None:
    assert ("SANCTION", "CAN", "USA") in _shown("Canada retaliated with tariffs on U.S. goods.")
    assert "ASSAULT" in _types("Israel retaliated with airstrikes on Gaza.")
    assert "THREATEN" in _types("Iran vowed to retaliate against Israel.")


def test_pausing_and_resuming_intelligence_sharing() -> None:
    assert ("SANCTION", "USA", "UKR") in _shown("Washington paused intelligence sharing with Kyiv.")
    assert ("COOPERATE", "USA", "UKR") in _shown("The United States resumed intelligence sharing with Ukraine.")


def test_what_is_blamed_on_someone_is_blamed_on_them_and_a_rescue_is_no_aid() -> None:
    assert ("ACCUSE", "PAK", "IND") in _shown("Pakistan blamed the attack on India.")
    assert ("ACCUSE", "PAK", "IND") in _shown("Pakistan blamed India for the attack.")
    assert "AID" not in _types("Pakistani forces rescued more than 300 hostages from the hijacked train.")


def test_a_response_to_an_act_told_earlier_is_aimed_at_its_maker() -> None:
    found = _shown(
        "Israeli Prime Minister Benjamin Netanyahu apologized to Turkey on Friday for the deaths of nine activists. "
        "Turkish Prime Minister Recep Tayyip Erdogan accepted the apology."
    )
    assert ("AGREE", "TUR", "ISR") in found
    rejected = _shown("The United Nations demanded that Iraq allow the inspectors back. Iraq rejected the demand on Sunday.")
    assert ("REJECT", "IRQ", "IGO") in rejected
    # With no earlier act of that kind told, the response keeps no target.
    assert ("REJECT", "IRQ", None) in _shown("Iraq rejected the demand on Sunday.")


def test_who_brokers_a_deal_mediates_it() -> None:
    found = _shown("Egypt brokered a truce between Israel and Hamas.")
    assert ("CONSULT", "EGY", "ISR") in found and ("CONSULT", "EGY", "PSE") in found
    assert "AGREE" not in {t for t, s, _ in found if s == "EGY"}


def test_a_blast_retold_with_only_its_place_is_the_same_act() -> None:
    report = (
        "Bombs exploded at the U.S. embassies in Kenya and Tanzania on Friday. "
        "The blast in Nairobi occurred at about 10:35 a.m. At least 74 people were killed in Nairobi."
    )
    found = _shown(report)
    assert (("ASSAULT", None, "USA")) in found
    assert not any(t == "ASSAULT" and tgt == "KEN" for t, _, tgt in found)
    # Alone in a report, the act told with its place stays.
    assert ("ASSAULT", None, "KEN") in _shown("At least 74 people were killed in Nairobi on Friday.")


def test_condemning_strikes_aims_at_the_body_that_qualifies_them() -> None:
    assert ("ACCUSE", "RUS", "IGO") in _shown("Russia condemned the NATO airstrikes as a violation of international law.")


def test_exchanging_fire_is_mutual_and_a_refusal_said_with_would_is_made() -> None:
    found = _shown("India and Pakistan exchanged fire across the line of control.")
    assert ("ASSAULT", "IND", "PAK") in found and ("ASSAULT", "PAK", "IND") in found
    assert "REJECT" in _types("Deputy Prime Minister Tariq Aziz said Iraq would never accept the inspections.")


def test_a_stance_refused_is_a_rejection() -> None:
    assert ("REJECT", "RUS", "USA") in _shown("Russia does not support the American plan.")
    assert "REJECT" in _types("Turkish Prime Minister Erdogan did not accept the apology.")
    # Other negated acts are no events at all.
    assert not _shown("Russia did not meet the American envoy.")


def test_a_speaker_does_not_do_the_force_he_speaks_of() -> None:
    found = _shown("Foreign Minister Don McKinnon said that terrorist bombings in Nairobi show that terrorism is an indiscriminate killer.")
    assert not any(t == "ASSAULT" and s == "NZL" for t, s, _ in found)


def test_consent_to_a_bid_is_an_agreement_and_the_act_consented_to_is_not_yet() -> None:
    assert ("AGREE", "IGO", "POL") in _shown("NATO approved Poland's membership.")
    assert "COOPERATE" not in _types("All NATO member states have approved Poland's joining the alliance.")
    assert ("COOPERATE", "POL", "IGO") in _shown("Poland joined NATO on Friday.")


def test_naming_by_a_word_of_praise_is_support_and_calling_strikes_illegal_is_no_strike() -> None:
    assert ("SUPPORT", "CZE", "IGO") in _shown("The Czech president called NATO membership a guarantee of security.")
    assert "PROTEST" not in _types("Russia called the strikes illegal.")
    assert "ACCUSE" in _types("Russia called the strikes illegal.")
    # Of themselves, no one is praised.
    assert "SUPPORT" not in _types("The two Slavic neighbors see themselves as natural partners.")


def test_a_stance_expressed_is_support_or_disapproval() -> None:
    assert ("SUPPORT", "NZL", "USA") in _shown("New Zealand expressed understanding over the U.S. missile attacks.")
    assert ("ACCUSE", "CHN", "USA") in _shown("China expressed concern over the U.S. strikes.")
    # Regret over one's own act is no accusation.
    assert "ACCUSE" not in _types("Israeli Prime Minister Netanyahu expressed regret for the deaths.")


def test_a_relative_clause_told_of_a_person_is_its_own_fact() -> None:
    found = _shown("Cuban President Fidel Castro said he would meet U.S. envoy Bill Richardson, who visited Havana on Wednesday.")
    assert ("CONSULT", "USA", "CUB") in found
    # One told of an act only retells that act.
    retold = _shown("Officials hoped she would bring aid after the bombings, which killed 257 people in Kenya.")
    assert not any(t == "ASSAULT" and tgt == "KEN" for t, _, tgt in retold)


def test_the_other_party_named_in_the_sentence_is_the_target() -> None:
    # The clause aims the strike at no one; the sentence names one other party, the victims'.
    assert ("ASSAULT", "SYR", "TUR") in _shown(
        "A Syrian drone strike on the convoy killed six soldiers, all of them Turkish."
    )
    # A state named only as the place of the act is no party to it.
    assert ("ACCUSE", "GHA", None) in _shown("Ghana condemned the bombings in Mali on Tuesday.")
    # The doers of one joint act are not each other's targets.
    joint = _shown("Peru and Chile launched a joint naval exercise on Monday.")
    assert ("MOBILIZE", "PER", None) in joint and ("MOBILIZE", "PER", "CHL") not in joint


def test_the_party_the_doer_deals_with_in_the_report_is_the_target() -> None:
    shown = _shown(
        "The Danish prime minister flew to Oslo on Monday. Denmark accused Norway of overfishing. "
        "The Danish prime minister later criticized the decision."
    )
    assert ("ACCUSE", "DNK", "NOR") in shown
    # Blame may go to a partner the doer only works with.
    friendly = _shown(
        "The Danish prime minister flew to Oslo on Monday. Norway and Denmark signed a fishing accord. "
        "The Danish prime minister later criticized the decision."
    )
    assert ("ACCUSE", "DNK", "NOR") in friendly
    # Alone, with no other party in the report, the criticism keeps no target.
    assert ("ACCUSE", "DNK", None) in _shown("The Danish prime minister later criticized the decision.")


def test_an_inferred_party_is_marked_in_the_rule() -> None:
    events = process_text("A Syrian drone strike on the convoy killed six soldiers, all of them Turkish.").events
    strike = next(e for e in events if e.type == "ASSAULT")
    assert strike.rule.endswith("+target:sentence") and strike.target is not None


def test_a_clause_of_time_in_the_present_tells_what_has_not_happened() -> None:
    assert ("RETREAT", "IRQ", "KWT") not in _shown("The navy will blockade the port until Iraq withdraws from Kuwait.")
    # In the past tense the clause tells what did happen.
    assert ("RETREAT", "IRQ", "KWT") in _shown("The navy blockaded the port until Iraq withdrew from Kuwait.")


def test_a_clause_of_hope_or_fear_is_no_ones_act_or_promise() -> None:
    hoped = _shown("Baker said he did not come away with any feeling of hope that Iraq would withdraw.")
    assert not any(s == "IRQ" for _, s, _ in hoped)
    assert not any(s == "IRQ" for _, s, _ in _shown("Officials voiced fears that Iraq would attack Saudi Arabia."))
    # Said by the doer, the same clause is its promise.
    assert ("AGREE", "IRQ") in _acts("Iraq said it would withdraw from Kuwait.")


def test_an_act_joined_to_a_promised_one_is_promised_too() -> None:
    shown = _shown("Iraq promised to withdraw its troops and release prisoners.")
    assert not any(t == "CONCEDE" for t, _, _ in shown) and ("AGREE", "IRQ") in {(t, s) for t, s, _ in shown}
    assert ("CONCEDE", "IRQ") in _acts("Iraq released 300 prisoners and promised to withdraw its troops.")


def test_calling_someone_a_name_of_blame_accuses_them() -> None:
    assert ("ACCUSE", "IRQ", "USA") in _shown("Iraqi television called President Bush a liar on Thursday.")
    assert ("ACCUSE", "IRN", "USA") in _shown("Iran called the United States the real occupier.")
    # a name of praise is no accusation
    assert not any(t == "ACCUSE" for t, _, _ in _shown("Poland called the accession a historic milestone."))


def test_a_war_named_as_the_time_of_another_act_is_background() -> None:
    assert not any(t == "ASSAULT" for t, _, _ in _shown("Saudi Arabia has mobilized since Iraq's invasion of Kuwait."))
    assert ("ASSAULT", "IRQ", "KWT") in _shown("Iraq invaded Kuwait on Monday.")


def test_forces_sent_into_a_country_are_no_contribution_of_troops() -> None:
    assert not any(t == "AID" for t, _, _ in _shown("Saddam Hussein sent his forces into the sultanate on Monday."))
    assert ("AID", "PAK", "SAU") in _shown("Pakistan sent troops to Saudi Arabia on Monday.")


def test_an_arrest_with_no_doer_named_is_the_authorities_of_its_state() -> None:
    assert ("COERCE", "KEN", "KEN") in _shown("Three Kenyan journalists were detained on Monday.")
    assert ("COERCE", "UGA", "KEN") in _shown("Three Kenyan journalists were detained in Uganda on Monday.")
    # a doer named is the doer
    assert ("COERCE", "UGA", "KEN") in _shown("Three Kenyan journalists were detained by Ugandan police on Monday.")
    # an attack with no doer named keeps none
    assert ("ASSAULT", None, "KEN") in _shown("Three Kenyan journalists were killed on Monday.")


def test_ruling_is_no_rejection_but_ruling_out_is() -> None:
    assert not any(t == "REJECT" for t, _, _ in _shown("The U.S. government ruled on Wednesday that the boy should return to Cuba."))
    assert ("REJECT", "USA", "IRN") in _shown("The United States ruled out talks with Iran.")
    assert ("REJECT", "IRN") in _acts("Iran turned down the offer from the United States.")


def test_an_obligation_is_no_act_and_said_of_another_is_a_request() -> None:
    assert not any(t == "RETREAT" for t, _, _ in _shown("Iraq must withdraw its troops from Kuwait."))
    assert ("REQUEST", "RUS", "USA") in _shown("The Russian foreign minister said the US must withdraw its troops.")
    assert ("RETREAT", "IRQ") in _acts("Iraq withdrew its troops from Kuwait on Monday.")


def test_a_case_or_an_objection_filed_is_an_accusation() -> None:
    shown = _shown("Libya brought the case against the United States and Britain on Monday.")
    assert {("ACCUSE", "LBY", "USA"), ("ACCUSE", "LBY", "GBR")} <= shown
    assert ("ACCUSE", "USA") in _acts("The United States filed objections to the court's jurisdiction on Monday.")
    # a case made in words, or a missile launched, is not
    assert not any(t == "ACCUSE" for t, _, _ in _shown("Iraq launched a missile at Israel on Monday."))


def test_the_partner_met_is_not_the_target_of_a_condemnation_or_a_call() -> None:
    shown = _shown(
        "UN Secretary-General Antonio Guterres met Ukrainian President Volodymyr Zelensky in Kyiv on Thursday. "
        "Guterres condemned the attacks on civilians and called for an investigation."
    )
    assert ("CONSULT", "IGO", "UKR") in shown
    assert ("ACCUSE", "IGO", None) in shown and ("REQUEST", "IGO", None) in shown


def test_an_act_named_as_the_topic_of_information_is_no_event() -> None:
    assert not any(t == "CONSULT" for t, _, _ in _shown("Police gave no details about the negotiations with the kidnappers."))
    assert ("CONSULT", "ISR", "EGY") in _shown("Israel and Egypt held negotiations on the border dispute.")


def test_a_verbal_attack_is_no_assault() -> None:
    assert not any(t == "ASSAULT" for t, _, _ in _shown("Iraqi television launched a long verbal attack on the United States."))
    assert ("ASSAULT", "IRQ", "KWT") in _shown("Iraq launched an attack on Kuwait on Monday.")


def test_a_belief_about_what_is_not_done_is_no_act() -> None:
    assert not any(t == "ASSAULT" for t, _, _ in _shown("Analysts believe Iran is ready to attack Israel."))
    assert not any(
        t == "CONSULT"
        for t, _, _ in _shown("Ulyanov said Russia has no reason to believe Tehran is unwilling to return to the talks.")
    )
    # what a belief says was done is told, second-hand
    assert ("ASSAULT", "IRN", "ISR") in _shown("Israeli officials believe Iran attacked the tanker, the ministry said.") or (
        "ASSAULT",
        "IRN",
    ) in _acts("Israeli officials believe Iran attacked the tanker.")


def test_the_records_of_talks_are_no_talks() -> None:
    shown = _shown("The new Iranian administration is reviewing the records of six rounds of talks with Russia.")
    assert not any(t == "CONSULT" for t, _, _ in shown)
    assert ("CONSULT", "IRN", "RUS") in _shown("Iran held six rounds of talks with Russia in Vienna.")


def test_aid_named_in_an_interest_voiced_is_no_aid_given() -> None:
    voiced = _shown("The United States has voiced interest in making continued military aid to Ukraine conditional.")
    assert not any(t == "AID" for t, _, _ in voiced)
    assert ("AID", "USA", "UKR") in _shown("The United States has sent military aid to Ukraine.")


def test_breaking_off_talks_is_no_consultation() -> None:
    for verb in ("cancelled", "called off", "scuttled"):
        shown = _shown(f"Chile {verb} the talks with Peru on Monday.")
        assert ("CONSULT", "CHL", "PER") not in shown, verb
        assert ("SANCTION", "CHL", "PER") in shown, verb  # CAMEO 164, halt negotiations
    assert ("CONSULT", "CHL", "PER") in _shown("Chile held talks with Peru on Monday.")


def test_misuse_of_an_office_is_no_torture_and_a_place_burning_no_act() -> None:
    assert "ASSAULT" not in _types("Lawmakers in Chile accused the Peruvian president of abusing his office.")
    assert ("ASSAULT", "GIN", "SLE") in _shown("Guinean soldiers tortured scores of Sierra Leonean refugees.")
    assert "COERCE" not in _types("Peru is burning, the Chilean president said.")
    assert ("COERCE", "GIN", "SLE") in _shown("Guinean soldiers burned the Sierra Leonean embassy.")


def test_an_act_felt_or_spoken_about_is_not_the_speakers() -> None:
    shown = _shown("Chile expressed its sorrow over the bombings in Peru.")
    assert not any(t == "ASSAULT" and s == "CHL" for t, s, _ in shown)
    assert ("ASSAULT", "CHL", "PER") in _shown("Chile launched airstrikes on Peru.")


def test_a_state_protesting_complains_and_its_people_demonstrate() -> None:
    assert ("ACCUSE", "IRQ", "USA") in _shown("Iraq protested against the American airstrikes.")
    assert ("PROTEST", "IRQ", "USA") in _shown("Thousands of Iraqis protested against the American airstrikes.")


def test_a_message_of_condolence_is_support() -> None:
    assert ("SUPPORT", "CHN", "KEN") in _shown("Chinese President Jiang Zemin sent a message of condolence to Kenya.")
    assert ("SUPPORT", "RUS", "IRN") in _shown("Russia sent congratulations to Iran.")


def test_the_object_of_another_act_in_a_gerund_is_no_target() -> None:
    # "deported for entering the United States": the United States is what they entered
    shown = _shown("The men arrived in Delhi after being deported for illegally entering the United States.")
    assert not any(tgt == "USA" for _, _, tgt in shown)
    assert ("COERCE", "MEX", "IND") in _shown("Mexico deported 300 Indians on Friday.")


def test_what_is_welcomed_as_done_is_told_and_what_is_denied_is_not() -> None:
    assert ("AGREE", "UKR", "RUS") in _shown(
        "Washington welcomed the announcement that Ukraine had agreed to a 30-day ceasefire with Russia."
    )
    assert "ASSAULT" not in _types("Russia denied reports that it had attacked Ukrainian ports.")


def test_a_count_compared_is_no_act() -> None:
    assert "ASSAULT" not in _types("Mogadishu has suffered more terrorist attacks than any other city in Somalia.")
    assert ("ASSAULT", "ISR", "PSE") in _shown("Israel launched more airstrikes on Gaza on Monday.")


def test_the_holder_frees_the_hostages_a_passive_release_names() -> None:
    shown = _shown("Two Israeli hostages held by Hamas were freed on Monday.")
    assert ("CONCEDE", "PSE", "ISR") in shown
    assert not any(t == "CONCEDE" for t, *_ in _shown("Three Israeli prisoners were released on Monday."))


def test_an_act_dated_after_the_report_is_to_come() -> None:
    events = process_text("Netanyahu's Dec. 28 meeting with Trump was confirmed.", published="2015-12-10").events
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and all(e.modality not in SHOWN_MODALITIES for e in consult)
    past = process_text("Netanyahu's Dec. 8 meeting with Trump was confirmed.", published="2015-12-10").events
    assert any(e.type == "CONSULT" and e.modality in SHOWN_MODALITIES for e in past)


def test_verbs_of_protest_with_an_object_and_months_as_places() -> None:
    assert "PROTEST" not in _types("Netanyahu rallied supporters in Jerusalem in March.")
    shown = _shown("Thousands of Peruvians demonstrated in March against the government of Chile.")
    assert not any("GBR" in (s, t) for _, s, t in shown)  # not the town of March, England
    assert any(t == "PROTEST" for t, _, _ in shown)


def test_judging_with_no_other_party_is_no_act() -> None:
    assert "ACCUSE" not in _types("Putin blamed the tumble in oil prices.")
    assert ("ACCUSE", "RUS", "UKR") in _shown("Russia blamed the attack on Ukraine.")
    assert "SUPPORT" not in _types("Clinton defended her record on Iran.")
    assert ("SUPPORT", "TUR", "AZE") in _shown("Turkey defended Azerbaijan's right to respond.")


def test_a_host_welcoming_guests_praises_no_one_and_a_post_taken_over_is_no_seizure() -> None:
    assert "SUPPORT" not in _types("Obama welcomed world leaders to the White House for a working dinner.")
    assert "COERCE" not in _types("Carreno King will take over as the senior Mexican Foreign Ministry official.")
    assert ("COERCE", None, "COD") in _shown("Rebels took over the Congolese town of Goma.") or "COERCE" in _types(
        "Rwandan troops took over the Congolese town of Goma."
    )


def test_a_party_talked_about_is_not_the_doer_the_sentence_lacks() -> None:
    shown = _shown("Carter spoke with his South Korean counterpart Han Min-koo to discuss the North Korean nuclear test.")
    assert not any(s == "PRK" for _, s, _ in shown)


def test_a_condition_a_question_and_a_prediction_assert_nothing() -> None:
    assert "REJECT" not in _types("If its claims are true, North Korea is violating its obligations to the United Nations.")
    assert "REJECT" in _types("North Korea is violating its obligations to the United Nations.")
    assert not _types("Nobody knows whether Iran will attack Israel.")
    assert "RETREAT" not in _types("Critics had been predicting an impending U.S. withdrawal from Asia.")
    # a threat stated with its condition is still made
    assert ("THREATEN", "IRN", "ISR") in _shown("Iran said it would attack Israel if Israel struck its nuclear sites.")


def test_a_weapons_test_is_a_show_of_force() -> None:
    assert ("MOBILIZE", "PRK", None) in _shown("North Korea conducted a fourth nuclear test on Wednesday.")
    assert ("MOBILIZE", "IRN", None) in _shown("Iran tested a ballistic missile.")
    assert "ASSAULT" not in _types("North Korea conducted a fourth nuclear test on Wednesday.")


def test_idioms_of_criticism_tariffs_put_and_websites_blocked() -> None:
    assert ("ACCUSE", "RUS", "TUR") in _shown("Putin tore into Turkey at a news conference.")
    assert "ASSAULT" not in _types("Putin tore into Turkey at a news conference.")
    assert ("SANCTION", "USA", "CHN") in _shown("The United States began putting heavy tariffs on Chinese steel.")
    assert ("COERCE", "SAU", None) in _shown("Saudi authorities have blocked nearly 400,000 websites.")


def test_what_is_alleged_who_someone_is_and_a_rocket_into_space() -> None:
    shown = _shown("Topics include allegations that Chinese hackers have attacked American companies.")
    assert "ASSAULT" not in {t for t, _, _ in shown}
    assert "CONSULT" not in _types("John Kerry, the chief U.S. negotiator in the talks with Iran, said on Monday.")
    assert ("CONSULT", "RUS", "IRN") in _shown("Russia held talks with Iran on Monday.")
    assert ("MOBILIZE", "PRK", None) in _shown("North Korea launched a long-range rocket into space.")
    assert ("ASSAULT", "PSE", "ISR") in _shown("Hamas launched rockets into Israel.")


def test_the_purpose_of_a_meeting_is_not_a_second_meeting() -> None:
    shown = _shown("Lavrov met Zarif to discuss the nuclear deal with North Korea.")
    assert [t for t, _, _ in shown].count("CONSULT") == 1 and ("CONSULT", "RUS", "IRN") in shown


def test_an_official_threatens_no_one_by_naming_his_own_government() -> None:
    shown = _shown("China's ambassador Liu Xiaoming warned that the Chinese government would not sit on its hands.")
    assert ("THREATEN", "CHN", "CHN") not in shown and any(t == "THREATEN" and s == "CHN" for t, s, _ in shown)
    assert ("THREATEN", "IRN", "USA") in _shown("Iran warned that the United States would pay a heavy price.")


def test_ready_for_an_act_is_the_intent_and_brushing_aside_rejects() -> None:
    assert ("THREATEN", "RUS", "UKR") in _shown("Russia is committed to a possible strike against Ukraine.")
    assert ("REJECT", "USA", "RUS") in _shown("The United States brushed aside the Russian warnings.")
    assert ("REJECT", "USA", "RUS") in _shown("The United States shrugged off the Russian objections.")


def test_a_vow_of_force_threatens_and_forces_ordered_somewhere_are_deployed() -> None:
    assert ("THREATEN", "USA", "IMG") in _shown(
        "The Islamic State (IS) seized the city. The United States vowed to bomb the Islamic State."
    )
    assert ("MOBILIZE", "USA", "CMR") in _shown("The United States ordered nearly 300 troops to Cameroon.")
    assert ("REQUEST", "USA", "IRQ") in _shown("The United States ordered Iraq to withdraw its troops.")


def test_where_the_doers_go_is_not_the_doer() -> None:
    shown = _shown("They are headed to Syria to help fight the Islamic State.")
    assert not any(s == "SYR" for _, s, _ in shown)


def test_words_against_a_person_are_criticism_and_alerts_or_knowledge_are_no_acts() -> None:
    assert ("ACCUSE", "USA", "USA") in _shown("Hillary Clinton's attack on Donald Trump drew applause in 2016.")
    assert ("ASSAULT", "ISR", "PSE") in _shown("Israel carried out an attack on Hamas.")
    assert "THREATEN" not in _types("Russia warned Ukrainians about the dangers of the winter.")
    assert ("THREATEN", "RUS", "UKR") in _shown("Russia warned Ukraine that it would retaliate.")
    assert "SUPPORT" not in _types("The Chinese government recognizes that Taiwan has held elections.")
    assert "AID" not in _types("These were the words the American envoy had come to deliver to Israel.")


def test_a_standing_state_named_by_a_participle_is_no_act() -> None:
    assert "COERCE" not in _types("Palestinians live in territory occupied by Israel.")
    assert "REJECT" not in _types("Palestinians criticized decisions opposed by Israel.")
    assert ("COERCE", "ISR", None) in _shown("Israel occupied the territory in 1967.")


def test_a_verb_of_the_dictionary_over_an_act_noun_leaves_the_act_to_the_noun() -> None:
    shown = _shown("The United States has stepped up airstrikes against the Islamic State (IS) in Iraq.")
    assert ("ASSAULT", "USA", "IMG") in shown
    assert not any(t == "COOPERATE" for t, _, _ in shown)


def test_acts_denied_by_yet_neither_and_a_shared_no() -> None:
    assert "CONCEDE" not in _types("Russia has yet to apologize to Turkey.")
    assert "ACCUSE" not in _types("Neither Germany nor France has criticized Russia.")
    assert "CONSULT" not in _types("There is no telephone call or meeting planned between Britain and Russia.")
    assert "CONSULT" not in _types("Obama talked down Britain's prospects.")
    assert ("ACCUSE", "DEU", "RUS") in _shown("Germany and France criticized Russia.")


def test_idioms_of_criticism_and_criticism_answered() -> None:
    assert ("ACCUSE", "JPN", "USA") in _shown("Japan spoke out against the American plan.")
    assert ("ACCUSE", "JPN", "USA") in _shown("Japan took aim at the American plan.")
    shown = _shown("Responding to this criticism from Britain, Russia said it would not change course.")
    assert not any(t == "ACCUSE" and s == "RUS" for t, s, _ in shown)


def test_equipment_sent_to_another_state_is_no_deployment() -> None:
    assert "MOBILIZE" not in _types("Germany sends air defence systems to Ukraine.")


def test_retaliation_told_as_done_is_no_threat_and_one_stated_is() -> None:
    assert "THREATEN" not in _types("France retaliated against Russia's remarks on Tuesday.")
    assert ("THREATEN", "IRN", "ISR") in _shown("Iran said it would retaliate against Israel.")


def test_standing_by_and_favouring_are_support() -> None:
    assert ("SUPPORT", "RUS", "SRB") in _shown("Russia stands by Serbia.")
    assert ("SUPPORT", "POL", "IGO") in _shown("Poland favors NATO expansion.")
    assert "SUPPORT" not in _types("Serbian soldiers stood by the road.")


def test_people_named_as_an_acts_object_take_no_target_from_the_report() -> None:
    # The report's partner of Pakistan is Afghanistan; the clause says whom the army killed.
    report = (
        "Pakistan accused Afghanistan of sheltering militants. Pakistan urged Afghanistan to act. "
        "The Pakistani military killed 30 terrorists on Wednesday."
    )
    assert ("ASSAULT", "PAK", "AFG") not in _shown(report)
    assert ("ASSAULT", "PAK") in _acts(report)
    # With no one named, the act still takes the report's partner.
    visit = "Pakistan accused Afghanistan of sheltering militants. Pakistan urged Afghanistan to act. Pakistan protested on Friday."
    assert ("ACCUSE", "PAK", "AFG") in _shown(visit)


def test_a_threat_a_state_poses_is_no_threat_it_made() -> None:
    assert "THREATEN" not in _types("We know about the China threat, the islanders' leader told reporters.")
    assert "THREATEN" not in _types("The North Korean threat worries Japan.")
    assert ("THREATEN", "IRN") in _acts("Iran's threat to close the strait alarmed traders.")


def test_the_first_to_act_is_who_acted() -> None:
    assert ("REJECT", "SYR") in _acts("The Syrian Democratic Forces were the first to reject the constitution.")
    assert ("SUPPORT", "IRN") in _acts("Iran is the only state to back the plan.")


def test_eliminating_people_is_an_attack_and_eliminating_things_is_none() -> None:
    assert ("ASSAULT", "IRQ") in _acts("Iraqi forces eliminated Abu Khadija, a senior Islamic State leader, on Thursday.")
    assert not _types("The deal eliminated tariffs on steel.")


def test_aid_ceased_is_a_sanction() -> None:
    assert ("SANCTION", "USA", "UKR") in _shown("The United States ceased military aid to Ukraine last week.")


def test_the_reports_partner_of_another_kind_of_act_is_no_target() -> None:
    # Pakistan only accuses Afghanistan in this report: its troops' attack is not on Afghanistan.
    report = (
        "Pakistan accused Afghanistan of sheltering militants. Pakistan urged Afghanistan to act. "
        "Pakistani troops attacked on Friday."
    )
    assert ("ASSAULT", "PAK") in _acts(report)
    assert ("ASSAULT", "PAK", "AFG") not in _shown(report)
    # Where the doer has used force on the partner, a further attack is on it.
    fought = "Pakistani jets bombed Afghanistan on Monday. Pakistani troops attacked on Friday."
    assert ("ASSAULT", "PAK", "AFG") in _shown(fought)


def test_a_failure_a_speaker_asserts_of_another_is_criticism() -> None:
    said = "Pakistan's ambassador Munir Akram said Kabul was failing to rein in Baloch separatists."
    assert ("ACCUSE", "PAK", "AFG") in _shown(said)
    # one's own failure, or a failure denied, is none
    assert "ACCUSE" not in _types("Iran said it had failed to reach a deal.")
    assert "ACCUSE" not in _types("The U.S. said Iran did not fail to comply.")


def test_a_plan_described_as_a_disaster_is_blamed() -> None:
    assert ("ACCUSE", "GBR") in _acts("The British foreign secretary described Iran's plan as a strategic disaster.")
    assert ("SUPPORT", "GBR") in _acts("The British foreign secretary described Iran's plan as a breakthrough.")


def test_acts_of_the_field_told_with_objects_and_nouns() -> None:
    # a cell broken up, an honour conferred, an alliance formed, a force's activation announced
    assert ("COERCE", "MAR") in _acts("The Moroccan counterterror agency broke up a terrorist cell on Tuesday.")
    assert ("SUPPORT", "MUS", "IND") in _shown("Mauritius conferred its highest civilian honor on India.")
    assert ("COOPERATE", "IRN", "RUS") in _shown("Iran forged an alliance with Russia.")
    assert ("MOBILIZE", "NGA") in _acts("Nigeria's defense minister announced the activation of a standby military force.")
    assert ("ASSAULT", "ISR", "PSE") in _shown("Israel's assassination of the Hamas leader angered Iran.")
    # their senses: not a coalition of investors, not a victim's killing
    assert not _types("The company formed a coalition of investors.")
    assert "ASSAULT" not in _types("President Trump later confirmed the Iraqi leader's killing in a post.")


def test_what_a_party_stands_under_is_a_state_not_an_act() -> None:
    assert "SANCTION" not in _types("Ships tied to Iran's missile industry, which is under U.S. sanctions, are at risk.")
    assert ("SANCTION", "USA", "IRN") in _shown("The United States imposed sanctions on Iran's missile industry.")


def test_doers_with_a_partner_named_act_not_toward_each_other() -> None:
    shown = _shown("India and China have stepped up efforts to build ties with Indian Ocean countries.")
    assert ("COOPERATE", "IND", "CHN") not in shown and ("COOPERATE", "CHN", "IND") not in shown
    talks = _shown("Russia and China held talks.")
    assert ("CONSULT", "RUS", "CHN") in talks and ("CONSULT", "CHN", "RUS") in talks


def test_two_sides_within_one_state_are_two_acts() -> None:
    events = [
        e
        for e in process_text(
            "Somali lawmakers said al-Shabab militants stormed a hotel in Beledweyne. Somali government soldiers "
            "are conducting operations against al-Shabab in central Somalia.",
            published="2025-03-12",
        ).events
        if e.type == "ASSAULT"
    ]
    assert len({e.source.actor.actor_id for e in events if e.source and e.source.actor}) == 2


def test_people_tied_to_a_body_act_as_its_own() -> None:
    assert ("ASSAULT", "PAK") in _acts("Militants linked with the banned Baloch Liberation Army attacked a train.")
    assert ("ASSAULT", "IMG") in _acts("Fighters loyal to the Islamic State attacked a village.")


def test_a_strike_of_work_is_a_protest_and_a_strike_of_arms_an_attack() -> None:
    assert ("PROTEST", "GHA") in _acts("Teachers in Ghana have been striking since last Monday.")
    assert ("PROTEST", "NGA") in _acts("Nigerian workers went on strike on Monday.")
    assert "PROTEST" not in _types("Israeli jets struck overnight.")
    assert ("ASSAULT", "ISR") in _acts("Israeli jets struck overnight.")


def test_those_who_react_to_news_of_an_act_are_not_its_other_party() -> None:
    shown = _shown("Polish lawmakers welcomed the announcement that Ukraine had agreed to a ceasefire.")
    assert ("SUPPORT", "POL") in {(t, s) for t, s, _ in shown}
    assert ("AGREE", "UKR") in {(t, s) for t, s, _ in shown}
    assert ("AGREE", "UKR", "POL") not in shown


def test_a_centre_named_with_a_states_adjective_is_a_non_governmental_body() -> None:
    assert ("ACCUSE", "NGO") in _acts("The Syrian Center for Legal Studies and Research criticised the constitution.")
    assert ("ACCUSE", "DEU") in _acts("The German Foreign Ministry criticised the constitution.")


def test_who_tells_of_an_act_is_not_its_other_party() -> None:
    shown = _shown("The Syrian Observatory for Human Rights said Turkish forces attacked Kurdish villages.")
    assert ("ASSAULT", "TUR") in {(t, s) for t, s, _ in shown}
    assert not any(t == "ASSAULT" and tgt in ("SYR", "NGO") for t, _, tgt in shown)


def test_concern_held_of_another_party_is_criticism() -> None:
    assert ("ACCUSE", "IGO", "CHN") in _shown("NATO remains concerned about China's military build-up.")
    assert ("ACCUSE", "IRN", "ISR") in _shown("Iran worries about Israel's nuclear arsenal.")
    # no party named, no criticism; a topic is no concern
    assert not _types("Officials are worried about the economy.")
    assert not _types("This concerns Iran.")


def test_a_hyphened_pair_of_states_names_both_parties() -> None:
    talks = _shown("U.S.-Ukraine talks were held in Jeddah on Tuesday.")
    assert ("CONSULT", "USA", "UKR") in talks and ("CONSULT", "UKR", "USA") in talks
    split = _shown("Iran-Russia talks ended on Monday.")
    assert ("CONSULT", "IRN", "RUS") in split and ("CONSULT", "RUS", "IRN") in split
    # an act of force told by the pair is not made mutual
    assert ("ASSAULT", "IRN", "IRQ") not in _shown("The Iran-Iraq war ended in 1988.")


def test_what_an_agenda_focuses_on_is_a_topic_not_an_act() -> None:
    focus = "Host country Canada outlined its top agenda, focusing on strengthening security partnerships with the G7."
    assert "COOPERATE" not in _types(focus)
    assert ("COOPERATE", "CAN", "IGO") in _shown("Canada strengthened security partnerships with the G7.")
