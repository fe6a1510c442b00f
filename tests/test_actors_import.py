"""Importing the field's TABARI/PETRARCH dictionaries, and resolving their (fictional) actors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import SHARED, need_shared

from tidings.actors import kb as kb_module
from tidings.actors.petrarch import parse_actors, parse_agents

DICTS = SHARED / "data" / "petrarch2_unit_tests" / "validation_dictionaries"
RECORDS = SHARED / "data" / "petrarch2_unit_tests" / "records.jsonl"

ACTORS = """<!-- a test dictionary -->
ARNOR_  [ARN]
ERIADOR  [ERI]
+ERIADORI
GOLLUM  # dated codes
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
BOROMIR  [---]
"""
AGENTS = """!MINST! = MINISTER, MINISTRY
FOREIGN_MINISTER [~GOVFRM] # jap
!MINST!_OF_SILLY_WALKS [~GOV]
ARMED_FORCES {} [~MIL]
"""


def test_parse_actor_and_agent_entries() -> None:
    entries = {e.names[0]: e for e in parse_actors(ACTORS)}
    assert set(entries) == {"ARNOR_", "ERIADOR", "GOLLUM"}  # "---" is the format's "do not code"
    gollum = entries["GOLLUM"]
    assert gollum.names == ["GOLLUM", "SMEAGOL"]
    assert [(c.code, c.start, c.end) for c in gollum.codes] == [
        ("HOB", None, date(1995, 6, 1)),
        ("HOBGOV", date(1995, 6, 1), date(1999, 8, 16)),  # the last day of a range is included
        ("HOBREB", date(1999, 8, 16), None),
    ]
    agents = parse_agents(AGENTS)
    assert agents["foreign minister"] == "GOV"
    assert agents["minister of silly walks"] == agents["ministry of silly walks"] == "GOV"
    assert agents["armed forces"] == "MIL"


@pytest.fixture()
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    need_shared()
    monkeypatch.setenv("TIDINGS_ACTORS_DIR", str(tmp_path / "actors"))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "tidings.cli",
            "actors",
            "import",
            *map(str, sorted(DICTS.glob("*.actors.txt"))),
            str(DICTS / "PETR.Validate.agents.txt"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )
    assert run.returncode == 0, run.stderr
    kb_module.load_kb.cache_clear()
    yield tmp_path / "actors"
    kb_module.load_kb.cache_clear()  # the next test sees the shipped base again (monkeypatch restores the env)


def _lookup(name: str, on: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "actors", "lookup", name, "--date", on, "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ.copy(),
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.splitlines()[0])  # type: ignore[no-any-return]


def test_imported_roles_follow_the_date(imported: Path) -> None:
    assert (imported / "imported" / "PETR.Validate.actors.yaml").is_file()
    assert _lookup("Smeagol", "1994-01-01")["role"] == "HOB"
    assert _lookup("Gollum", "1997-01-01")["sector"] == "GOV"
    assert _lookup("Gollum", "2001-01-01")["sector"] == "REB"


@pytest.mark.model
def test_dev_records_resolve_the_fictional_actors(imported: Path, nlp: Any) -> None:
    from tidings.actors.resolve import resolve

    records = [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines()]
    found = total = 0
    for rec in records:
        d = rec["date"]
        res = resolve(nlp(rec["text"]), rec["id"], date(int(d[:4]), int(d[4:6]), int(d[6:])))
        codes = {
            x
            for m in res.mentions
            for x in (m.actor.actor_id, m.actor.country, (m.actor.country or "") + (m.actor.sector or ""))
        }
        gold = {
            c[k]
            for c in rec["codings"]
            for k in ("sourcecode", "targetcode")
            if c.get(k) and c[k][:3] not in ("---", "###")
        }
        total += len(gold)
        found += sum(1 for g in gold if g in codes or g[:3] in codes)
    assert total > 200
    assert found / total >= 0.9, f"{found}/{total} gold actors resolved"
    arnor = resolve(nlp("Arnor is about to restore full diplomatic ties with Gondor."), "x", date(1995, 1, 1))
    assert [m.actor.country for m in arnor.mentions] == ["ARN", "GON"]
