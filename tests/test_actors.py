from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import SEED_2021, SEED_2023

from tidings.actors import load_kb, resolve
from tidings.clean import clean_document
from tidings.records import Document, RawDocument

pytestmark = pytest.mark.model


def _mentions(nlp: Any, path: Any) -> dict[str, tuple[str | None, str | None]]:
    doc = clean_document(RawDocument(str(path), str(path), path.read_bytes()))
    assert isinstance(doc, Document)
    on = doc.published.date() if doc.published else None
    resolved = resolve(nlp(doc.text), doc.doc_id, on)
    return {m.text: (m.actor.country, m.actor.sector) for m in resolved.mentions}


@pytest.mark.parametrize("seed", [SEED_2021, SEED_2023])
def test_seed_actors_resolve_as_expected(nlp: Any, expected: dict, seed: Any) -> None:
    found = _mentions(nlp, seed)
    for surface, code in expected[seed.name]["actors"].items():
        country, *sector = code.split()
        # The surface form may occur only inside a longer name ("Amir-Abdollahian" in "Hossein Amir-Abdollahian").
        hits = [v for k, v in sorted(found.items(), key=lambda kv: len(kv[0])) if surface in k]
        assert hits, f"{surface!r} not resolved; mentions: {sorted(found)}"
        assert hits[0][0] == country, surface
        if sector:
            assert hits[0][1] == sector[0], surface


def test_roles_are_bounded_by_terms_in_office() -> None:
    kb = load_kb()
    raisi = next(a.entity for a in kb.find("Ebrahim Raisi"))
    assert raisi.actor(date(2020, 1, 1)).sector == "JUD"  # chief justice then
    assert raisi.actor(date(2022, 1, 1)).sector == "GOV"  # president then
    assert raisi.actor(date(2025, 1, 1)).sector is None  # no office held
    putin = next(a.entity for a in kb.find("Vladimir Putin"))
    assert putin.term_on(date(2010, 1, 1)).role == "prime minister"  # type: ignore[union-attr]
    assert putin.term_on(date(2015, 1, 1)).role == "president"  # type: ignore[union-attr]


def test_surname_alone_needs_the_full_name_first(nlp: Any) -> None:
    alone = resolve(nlp("Lavrov spoke to reporters."), "d", None)
    assert not alone.mentions
    after = resolve(nlp("Sergei Lavrov arrived. Later Lavrov spoke to reporters."), "d", None)
    assert [m.how for m in after.mentions] == ["dictionary", "short"]


def test_a_surname_alone_names_the_one_in_office_that_day(nlp: Any) -> None:
    """"Clinton said" in 1998 is the president; with no date, or when no Clinton holds office, or
    when the word is not read as a person, it stays unknown."""
    said = "Clinton said on Thursday that the strikes would go on."
    in_office = resolve(nlp(said), "d", date(1998, 8, 13)).mentions
    assert [(m.actor.actor_id, m.how) for m in in_office] == [("P:bill-clinton", "short")]
    # Bill and Hillary: neither in office in 2026, nor within a few years of an office; with no
    # date, no office to go by. In 2016 the one Clinton near an office is the secretary of state
    # who left it in 2013.
    assert [m.actor.actor_id for m in resolve(nlp(said), "d", date(2026, 8, 13)).mentions] == ["P?:clinton"]
    assert [m.actor.actor_id for m in resolve(nlp(said), "d", date(2016, 8, 13)).mentions] == ["P:hillary-clinton"]
    assert [m.actor.actor_id for m in resolve(nlp(said), "d", None).mentions] == ["P?:clinton"]
    titled = resolve(nlp("President Yeltsin and Kuchma met."), "d", date(1998, 2, 27)).mentions
    assert {m.actor.country for m in titled} == {"RUS", "UKR"}
    # A proper noun on its own, even one the parser takes for an organisation; not a word of a longer name.
    alone = resolve(nlp("Lawmakers praised Trump and his Cabinet."), "d", date(2025, 3, 11)).mentions
    assert ("Trump", "USA") in {(m.text, m.actor.country) for m in alone}
    tower = resolve(nlp("Protesters gathered outside Trump Tower."), "d", date(2025, 3, 11)).mentions
    assert not [m for m in tower if m.actor.country == "USA"]


def test_titles_metonymy_and_demonyms(nlp: Any) -> None:
    r = resolve(nlp("The Kremlin said Iraqi Foreign Minister Karim Jasim met Russian officials."), "d", None)
    got = {m.text: (m.actor.country, m.actor.sector, m.how) for m in r.mentions}
    assert got["Kremlin"] == ("RUS", "GOV", "metonymy")
    assert got["Karim Jasim"] == ("IRQ", "GOV", "title")
    assert got["Russian officials"] == ("RUS", "GOV", "title")


def test_every_iso_state_and_demonyms_beyond_the_main_table(nlp: Any) -> None:
    from tidings.actors.resolve import resolve

    res = resolve(nlp("Zambian officials said Lusaka would host envoys from Burkina Faso and Peru."), "d", None)
    got = {m.text: (m.actor.country, m.actor.sector) for m in res.mentions}
    assert got["Zambian officials"] == ("ZMB", "GOV")
    assert got["Lusaka"] == ("ZMB", "GOV")  # a capital stands for its government
    assert got["Burkina Faso"][0] == "BFA" and got["Peru"][0] == "PER"


def _resolved(nlp: Any, text: str, on: date | None = None) -> dict[str, tuple[str | None, str | None, str]]:
    r = resolve(nlp(text), "d", on)
    return {m.text: (m.actor.country, m.actor.sector, m.how) for m in r.mentions}


def test_places_misspellings_and_successor_states(nlp: Any) -> None:
    got = _resolved(
        nlp, "A roadside bomb near Samarra killed a soldier, and Pakistan rejected an offer from Afghanistn."
    )
    assert got["Samarra"][0] == "IRQ"
    # (the Phoenix tables list the common misspelling "Afganistan" itself: this one is found by its spelling)
    assert got["Afghanistn"][:1] == ("AFG",) and got["Afghanistn"][2] == "fuzzy"
    # Juba was Sudan's before South Sudan's independence in 2011, and South Sudan's after.
    text = "Rebels shelled Juba on Sunday."
    assert _resolved(nlp, text, date(1995, 5, 1))["Juba"][0] == "SDN"
    assert _resolved(nlp, text, date(2015, 5, 1))["Juba"][0] == "SSD"
    assert _resolved(nlp, "Clashes went on in Darfur and in the West Bank.")["Darfur"][0] == "SDN"


def test_armed_groups_and_non_governmental_bodies(nlp: Any) -> None:
    got = _resolved(nlp, "Hezbollah and al-Qaeda were named, and a human rights group protested on Monday.")
    assert got["Hezbollah"][:2] == ("LBN", "REB")
    assert got["al-Qaeda"][:2] == (None, "IMG")
    assert got["human rights group"][:2] == (None, "NGO")


def test_one_name_two_people_by_the_date(nlp: Any) -> None:
    text = "President Bush threatened further action."
    assert _resolved(nlp, text, date(1991, 3, 1))["President Bush"][:2] == ("USA", "GOV")
    r = resolve(nlp(text), "d", date(1991, 3, 1))
    assert r.mentions[0].actor.name == "George H. W. Bush"
    assert resolve(nlp(text), "d", date(2003, 3, 1)).mentions[0].actor.name == "George W. Bush"
    kb = load_kb()
    ban = next(a.entity for a in kb.find("Ban Ki-moon"))
    assert (ban.actor(date(2005, 1, 1)).country, ban.actor(date(2005, 1, 1)).sector) == ("KOR", "GOV")
    assert (ban.actor(date(2010, 1, 1)).country, ban.actor(date(2010, 1, 1)).sector) == (None, "IGO")


def test_the_base_covers_the_field_floor() -> None:
    """At least 60 states with office holders since 2000, and 150 outlets with their country."""
    kb = load_kb()
    people = [e for e in kb.entities.values() if e.kind == "person"]
    recent = {e.country for e in people if any(t.end is None or t.end.year >= 2000 for t in e.terms) and e.country}
    assert len(recent) >= 60, sorted(recent)
    outlets = [e for e in kb.entities.values() if e.kind == "outlet"]
    assert len(outlets) >= 150 and all(e.country for e in outlets)


def test_a_user_file_adds_officials(tmp_path: Any, monkeypatch: pytest.MonkeyPatch, nlp: Any) -> None:
    (tmp_path / "officials.csv").write_text(
        "name,aliases,short,country,role,sector,from,to\n"
        "Ilir Dervishaj,,Dervishaj,ALB,foreign minister,GOV,2030-01-01,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TIDINGS_ACTORS_DIR", str(tmp_path))
    load_kb.cache_clear()
    try:
        got = _resolved(nlp, "Ilir Dervishaj met reporters.", date(2031, 1, 1))
        assert got["Ilir Dervishaj"][:2] == ("ALB", "GOV")
    finally:
        monkeypatch.delenv("TIDINGS_ACTORS_DIR")
        load_kb.cache_clear()
