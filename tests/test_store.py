from __future__ import annotations

from pathlib import Path

import pytest

from tidings import process_text
from tidings.errors import Reason
from tidings.records import Analysis, Rejection
from tidings.store import open_store

pytestmark = pytest.mark.model


def test_batches_are_idempotent_and_rejections_stored(tmp_path: Path) -> None:
    good = process_text("Iran criticized Azerbaijan on Tuesday.", published="2021-10-09", ref="a")
    assert isinstance(good, Analysis)
    bad = Rejection("b.txt", "b.txt", Reason.EMPTY, "no text at all")
    db = str(tmp_path / "t.duckdb")
    with open_store(db) as store:
        first = store.write_batch([good, bad])
        assert (first.stored, first.skipped, dict(first.rejected)) == (1, 0, {"empty": 1})
        before = store.counts()
        second = store.write_batch([good, bad])
        assert (second.stored, second.skipped) == (0, 1)
        assert store.counts() == before
    with open_store(db) as store:  # reopened: migrations are not applied twice, rows persist
        assert store.counts() == before
        (ev,) = store.events(type_="ACCUSE")
        assert ev["source"]["country"] == "IRN" and ev["target"]["country"] == "AZE"
        assert ev["doc_ref"] == "a"
        assert store.rejections()[0]["reason"] == "empty"


def test_a_store_from_before_the_quote_links_is_upgraded_in_place(tmp_path: Path) -> None:
    """A file written with only the first migration keeps its quotes and gains the new columns."""
    from importlib import resources

    import duckdb

    db = str(tmp_path / "old.duckdb")
    con = duckdb.connect(db)
    con.execute(
        "CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    con.execute((resources.files("tidings.store") / "schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO schema_migrations (name) VALUES ('001_initial')")
    con.execute(
        "INSERT INTO documents (doc_id, ref, source, date_precision, language, text, dropped) "
        "VALUES ('d1', 'old.txt', 'old.txt', 'unknown', 'en', '“We will win,” he said.', '[]')"
    )
    con.execute(
        "INSERT INTO quotes (quote_id, doc_id, start_char, end_char, text, kind, speaker_text) "
        "VALUES ('q1', 'd1', 1, 12, 'We will win,', 'direct', 'he')"
    )
    con.close()
    with open_store(db) as store:
        (row,) = store.quotes()
        assert row["text"] == "We will win," and row["speaker"]["text"] == "he"
        assert row["relays"] == [] and row["parts"] == [] and row["event_ids"] == []
        assert row["in_title"] is False
        good = process_text("“The corridor stays open,” Sergei Lavrov told Tass.", ref="new")
        assert isinstance(good, Analysis)
        store.write_batch([good])
        new = [q for q in store.quotes() if q["doc_ref"] == "new"]
        assert new and new[0]["relays"][0]["country"] == "RUS" and new[0]["parts"]
