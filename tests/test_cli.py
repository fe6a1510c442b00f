"""The CLI end to end on the seeds: the foundation issue's acceptance checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED, need_shared

pytestmark = pytest.mark.model


def tidings(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args], capture_output=True, text=True, check=False, timeout=600
    )


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared()
    db = tmp_path_factory.mktemp("db") / "s.duckdb"
    run = tidings("run", str(SEEDS), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "documents stored: 2" in run.stderr
    assert "rejected: 0" in run.stderr
    return db


def _jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_second_run_stores_nothing(seeded: Path) -> None:
    from tidings.store import open_store

    with open_store(str(seeded)) as store:
        before = store.counts()
    again = tidings("run", str(SEEDS), "--db", str(seeded))
    assert again.returncode == 0
    assert "documents stored: 0" in again.stderr and "skipped (already stored): 2" in again.stderr
    with open_store(str(seeded)) as store:
        assert store.counts() == before


def test_consult_event_of_the_2021_seed(seeded: Path) -> None:
    out = tidings("events", "--db", str(seeded), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    events = _jsonl(out.stdout)
    hits = [
        e
        for e in events
        if e["type"] == "CONSULT"
        and e["source"]["country"] == "IRN"
        and (e["target"] or {}).get("country") == "RUS"
        and e["date"] == "2021-10-06"
        and (e["place"] or {}).get("name") == "Moscow"
        and "Lavrov" in e["sentence"]
    ]
    assert hits
    fields = [
        "event_id",
        "doc_id",
        "doc_ref",
        "type",
        "mode",
        "contexts",
        "cameo",
        "goldstein",
        "quad_class",
        "source",
        "target",
        "date",
        "date_precision",
        "place",
        "negated",
        "modality",
        "confidence",
        "rule",
        "sentence",
        "trigger",
        "in_title",
    ]
    assert list(hits[0]) == fields


def test_stored_text_has_no_debris(seeded: Path) -> None:
    from tidings.store import open_store

    with open_store(str(seeded)) as store:
        texts = [r[0] for r in store.con.execute("SELECT text FROM documents").fetchall()]
    assert len(texts) == 2
    for text in texts:
        for debris in ("Leave a Comment", "0 + 0 =", "Jerusalem Post Store", "document.getElementById"):
            assert debris not in text


def test_outside_seed_checker(seeded: Path, tmp_path: Path) -> None:
    """The shared scorer: every `must` event and every quote of expected.yaml is found."""
    ev = tidings("events", "--db", str(seeded), "--format", "jsonl")
    qu = tidings("quotes", "--db", str(seeded), "--format", "jsonl")
    (tmp_path / "e.jsonl").write_text(ev.stdout)
    (tmp_path / "q.jsonl").write_text(qu.stdout)
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "check_seeds.py"),
            str(SEEDS / "expected.yaml"),
            str(tmp_path / "e.jsonl"),
            str(tmp_path / "q.jsonl"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    last = out.stdout.strip().splitlines()[-1]
    must = int(last.split("must_events=")[1].split("/")[0])
    quotes = int(last.split("quotes=")[1].split("/")[0])
    assert (must, quotes) == (9, 10), out.stdout
    assert out.returncode == 0, out.stdout


def test_quotes_and_show(seeded: Path) -> None:
    out = tidings("quotes", "--db", str(seeded), "--speaker", "Ulyanov", "--format", "json")
    rows = json.loads(out.stdout)
    texts = [r["text"] for r in rows]
    assert any(t.startswith("The return to the negotiating table") for t in texts), texts
    assert any("no reason to believe Tehran is unwilling" in t for t in texts), texts  # his tweet, indirect
    doc_id = rows[0]["doc_id"]
    shown = tidings("show", doc_id[:8], "--db", str(seeded))
    assert shown.returncode == 0, shown.stderr
    assert "CONSULT" in shown.stdout and "Leave a Comment" in shown.stdout  # dropped lines are listed


def test_quotes_by_relay_and_text(seeded: Path) -> None:
    out = tidings("quotes", "--db", str(seeded), "--relay", "Mehr", "--format", "jsonl")
    (row,) = _jsonl(out.stdout)
    assert row["text"].startswith("This maneuver was carried out inside Iran")
    assert row["speaker"]["country"] == "IRN" and row["relays"][0]["name"] == "Mehr News Agency"
    assert row["event_ids"]  # the quote's sentence codes an event too
    out = tidings("quotes", "--db", str(seeded), "--contains", "visa-free", "--format", "jsonl")
    (row,) = _jsonl(out.stdout)
    assert row["speaker"]["name"] == "Iran" and row["kind"] == "direct"


def test_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Iran criticized Azerbaijan on Tuesday over its ties with Israel.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (tmp_path / "docs.jsonl").write_text(
        '{"id": "x1", "text": "France condemned Israel.", "published": "2023-01-02"}\nnot json\n'
    )
    db = tmp_path.parent / f"{tmp_path.name}-b.duckdb"
    run = tidings("run", str(tmp_path), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "documents stored: 2" in run.stderr
    assert "rejected: 3 (bad-record: 1, binary: 1, empty: 1)" in run.stderr
    rej = tidings("rejections", "--db", str(db), "--format", "jsonl")
    assert {r["reason"] for r in _jsonl(rej.stdout)} == {"empty", "binary", "bad-record"}
    ev = _jsonl(tidings("events", "--db", str(db), "--format", "jsonl", "--type", "ACCUSE").stdout)
    assert {e["doc_ref"] for e in ev} >= {"x1"}


def test_nothing_processed_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    run = tidings("run", str(tmp_path), "--db", str(tmp_path / "x.duckdb"))
    assert run.returncode == 1


def test_missing_input_gives_a_coded_message(tmp_path: Path) -> None:
    run = tidings("run", str(tmp_path / "nope"), "--db", str(tmp_path / "x.duckdb"))
    assert run.returncode == 2 and "[T001]" in run.stderr


def test_demo_runs() -> None:
    out = tidings("demo")
    assert out.returncode == 0, out.stderr
    assert "documents stored: 12" in out.stderr
    assert "CONSULT" in out.stdout
