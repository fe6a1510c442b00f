"""The terminal face: events one line each at 80–120 columns, evidence with the trigger marked,
the demo's closing summary; the machine formats keep their fields."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, SEEDS, need_shared
from rich.console import Console

from tidings.cli.event_lines import evidence_text, print_events
from tidings.cli.newcomer import summary_panel, top_dyads
from tidings.cli.quote_lines import print_quotes
from tidings.evidence import trigger_spans
from tidings.store.rows import EVENT_FIELDS

WIDTHS = [80, 100, 120]


def console(width: int) -> Console:
    return Console(width=width, file=io.StringIO(), record=True, highlight=False, color_system=None)


def rendered(width: int, events: list[dict[str, Any]], evidence: bool = False) -> list[str]:
    c = console(width)
    print_events(events, c, evidence=evidence)
    return c.export_text().splitlines()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The seeds and the bundled examples, coded into a store."""
    need_shared()
    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import open_store

    db = tmp_path_factory.mktemp("term") / "t.duckdb"
    with open_store(str(db)) as store:
        run([str(SEEDS), str(EXAMPLES)], store, load_settings())
        return {
            "db": db,
            "events": store.events(),
            "all": store.events(include_all=True),
            "quotes": store.quotes(),
            "documents": store.counts()["documents"],
        }


@pytest.mark.model
@pytest.mark.parametrize("width", WIDTHS)
def test_one_line_per_event_within_the_width(stored: dict[str, Any], width: int) -> None:
    events = stored["all"]
    lines = rendered(width, events)
    assert all(len(line) <= width for line in lines)
    header, rows = lines[0], lines[1 : 1 + len(events)]
    assert header.split() == ["date", "place", "source", "type", "target", "trigger", "conf"]
    # One line per event, in order, each with its type between arrows and its confidence at the end.
    for line, e in zip(rows, events, strict=True):
        assert f"→ {e['type']}" in line, line
        assert line.rstrip().endswith(f"{e['confidence']:.2f}"), line
    assert "~date" in lines[1 + len(events)]  # the legend closes the list


@pytest.mark.model
@pytest.mark.parametrize("width", WIDTHS)
def test_the_2021_consult_reads_in_one_line(stored: dict[str, Any], width: int) -> None:
    lines = rendered(width, stored["events"])
    line = next(ln for ln in lines if ln.startswith("2021-10-06") and "CONSULT" in ln and "talks" in ln)
    assert "Moscow" in line and "IRN GOV" in line and "RUS GOV" in line
    assert line.index("IRN GOV") < line.index("→ CONSULT →") < line.index("RUS GOV") < line.index("talks")
    if width >= 120:  # room for names
        assert "Hossein Amir-Abdol" in line and "Sergei Lavrov" in line


@pytest.mark.model
def test_what_did_not_happen_says_so(stored: dict[str, Any]) -> None:
    shown = {e["event_id"] for e in stored["events"]}
    hidden = [e for e in stored["all"] if e["event_id"] not in shown]
    assert hidden, "the seeds and examples hold events that did not happen"
    lines = rendered(120, hidden)[1 : 1 + len(hidden)]
    for line, e in zip(lines, hidden, strict=True):
        assert any(tag in line for tag in ("(not)", "(if)", "(plan)")), (line, e["modality"], e["negated"])


@pytest.mark.model
@pytest.mark.parametrize("width", [80, 120])
def test_evidence_follows_each_event_with_the_trigger_marked(stored: dict[str, Any], width: int) -> None:
    talks = [e for e in stored["events"] if "talks with Russian Foreign Minister" in e["sentence"]][:1]
    events = talks + [e for e in stored["events"] if e not in talks][:5]
    text = "\n".join(rendered(width, events, evidence=True))
    assert all(len(line) <= width for line in text.splitlines())
    assert "«talks» with Russian Foreign Minister" in " ".join(text.split())
    # Each event's line is followed by its own sentence (indented, wrapped), the events in order.
    lines = rendered(width, events, evidence=True)[1:-1]  # without header and legend
    blocks: list[list[str]] = []
    for line in lines:
        if line.startswith("    "):
            blocks[-1].append(line.strip())
        else:
            blocks.append([line])
    assert len(blocks) == len(events)
    for block, e in zip(blocks, events, strict=True):
        assert f"→ {e['type']}" in block[0]
        sentence = " ".join(block[1:]).replace("«", "").replace("»", "")
        assert sentence.split() == e["sentence"].split()


def test_discontinuous_trigger_is_found_word_by_word() -> None:
    sentence = "The army held its biggest drills in years, and the drills ended in a hold on the border."
    spans = trigger_spans(sentence, "held … drills")
    assert [sentence[a:b] for a, b in spans] == ["held", "drills"]
    assert spans[1][0] == sentence.index("drills")  # the first 'drills' after 'held', not a later one
    assert evidence_text(sentence, "held … drills", plain=True).plain.startswith("The army «held» its biggest «drills»")
    # a trigger word inside a longer word is not marked there
    other = "Unmet demands led to a meeting; they met on Monday."
    at = other.index(" met ") + 1
    assert trigger_spans(other, "met") == [(at, at + 3)]


@pytest.mark.model
def test_quotes_name_speaker_and_relay(stored: dict[str, Any]) -> None:
    c = console(100)
    print_quotes(stored["quotes"], c)
    text = c.export_text()
    assert "Hossein Amir-Abdollahian (IRN GOV) via Mehr" in text
    assert "“This maneuver was carried out inside Iran" in text


@pytest.mark.model
@pytest.mark.parametrize("width", [80, 120])
def test_summary_for_a_newcomer(stored: dict[str, Any], width: int) -> None:
    events = stored["events"]
    dyads = top_dyads(events)
    assert ("IRN", "RUS") in [d for d, _ in dyads]
    c = console(width)
    c.print(summary_panel(stored["documents"], 0, events, stored["quotes"], None))
    text = c.export_text()
    assert all(len(line) <= width for line in text.splitlines())
    assert f"Reports read: {stored['documents']} stored" in text
    consults = sum(e["type"] == "CONSULT" for e in events)
    assert f"CONSULT {consults}" in text and "IRN–RUS" in text
    assert "tidings serve --db demo.duckdb" in text and "tidings report" in text


def tidings(*args: str, columns: int = 100) -> subprocess.CompletedProcess[str]:
    env = {**__import__("os").environ, "COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args], capture_output=True, text=True, check=False, timeout=600, env=env
    )


@pytest.mark.model
def test_events_command_table_and_jsonl(stored: dict[str, Any]) -> None:
    db = str(stored["db"])
    table = tidings("events", "--db", db, "--evidence", columns=90)
    assert table.returncode == 0, table.stderr
    assert all(len(line) <= 90 for line in table.stdout.splitlines())
    assert "«talks»" in table.stdout
    jsonl = tidings("events", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(rows) == len(stored["events"])
    assert all(list(r) == EVENT_FIELDS for r in rows)  # the public JSONL shape is untouched


@pytest.mark.model
def test_demo_ends_with_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    out = tidings("demo", "--db", str(db), columns=80)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "What the demo found" in out.stdout and "Where to go next" in out.stdout
    assert f"tidings serve --db {db}" in out.stdout.replace("\n", "") or "tidings serve" in out.stdout
    assert db.exists()  # --db keeps the store
