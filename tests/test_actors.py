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


def test_titles_metonymy_and_demonyms(nlp: Any) -> None:
    r = resolve(nlp("The Kremlin said Iraqi Foreign Minister Fuad Hussein met Russian officials."), "d", None)
    got = {m.text: (m.actor.country, m.actor.sector, m.how) for m in r.mentions}
    assert got["Kremlin"] == ("RUS", "GOV", "metonymy")
    assert got["Fuad Hussein"] == ("IRQ", "GOV", "title")
    assert got["Russian officials"] == ("RUS", "GOV", "title")


def test_every_iso_state_and_demonyms_beyond_the_main_table(nlp: Any) -> None:
    from tidings.actors.resolve import resolve

    res = resolve(nlp("Zambian officials said Lusaka would host envoys from Burkina Faso and Peru."), "d", None)
    got = {m.text: (m.actor.country, m.actor.sector) for m in res.mentions}
    assert got["Zambian officials"] == ("ZMB", "GOV")
    assert got["Lusaka"] == ("ZMB", "GOV")  # a capital stands for its government
    assert got["Burkina Faso"][0] == "BFA" and got["Peru"][0] == "PER"
