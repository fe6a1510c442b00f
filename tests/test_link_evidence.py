"""Each cluster keeps its evidence (store/006): the sentence, report and ref that a dyad series used
to pick on every request from the cluster's members, written when the cluster is, and filled in
when an older store is migrated."""

from __future__ import annotations

from pathlib import Path

from linking import Ev, report, store_of

from tidings.records import Analysis
from tidings.store import Store

# The query dyad_series ran before the evidence was stored (per cluster, over its members).
OLD_PICK = """
    SELECT m.cluster_id,
           arg_max(e.sentence, (e.confidence, -epoch(coalesce(d.published, d.stored_at)))) AS sentence,
           arg_max(e.doc_id, (e.confidence, -epoch(coalesce(d.published, d.stored_at)))) AS doc_id,
           arg_max(d.ref, (e.confidence, -epoch(coalesce(d.published, d.stored_at)))) AS doc_ref
    FROM cluster_members m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
    GROUP BY m.cluster_id ORDER BY m.cluster_id"""
STORED = """SELECT cluster_id, evidence_sentence, evidence_doc_id, evidence_doc_ref FROM clusters
    ORDER BY cluster_id"""


def _reports() -> list[Analysis]:
    return [
        report("tass", [Ev(date="2021-10-06")], published="2021-10-07", outlet="Tass"),
        report("mehr", [Ev(date="2021-10-06", sentence="Amir-Abdollahian and Lavrov held talks in Moscow.")],
               published="2021-10-06", outlet="Mehr"),
        report("accuse", [Ev(type="ACCUSE", source="RUS GOV", target="IRN GOV", date="2021-10-20",
                             sentence="Moscow accused Tehran of stalling.")], published="2021-10-21"),
        report("month", [Ev(type="ASSAULT", date="2021-12", precision="month", place=None,
                            sentence="Clashes broke out in December.")], published="2022-01-02"),
        report("undated", [Ev(type="AID", date=None, precision="unknown", place=None,
                              sentence="Iran sent aid to Russia.")], published=None),
    ]


def test_stored_evidence_is_what_the_old_query_picked(tmp_path: Path) -> None:
    store = store_of(str(tmp_path / "e.duckdb"), *_reports())
    stored = store.con.execute(STORED).fetchall()
    assert len(stored) == 4
    assert stored == store.con.execute(OLD_PICK).fetchall()
    # the meeting told by two outlets shows the earlier report's sentence
    sentences = {r[1] for r in stored}
    assert "Amir-Abdollahian and Lavrov held talks in Moscow." in sentences
    assert "Iran's foreign minister met Russia's in Moscow." not in sentences
    store.close()


def test_evidence_follows_a_cluster_that_a_later_batch_changes(tmp_path: Path) -> None:
    first, *rest = _reports()
    earlier = report("irna", [Ev(date="2021-10-06", sentence="The ministers met on Wednesday in Moscow.")],
                     published="2021-10-05", outlet="Irna")
    store = store_of(str(tmp_path / "e.duckdb"), batches=[[first, *rest], [earlier]])
    stored = store.con.execute(STORED).fetchall()
    assert stored == store.con.execute(OLD_PICK).fetchall()
    assert "The ministers met on Wednesday in Moscow." in {r[1] for r in stored}
    store.close()


def test_a_store_linked_before_the_evidence_is_filled_in_when_migrated(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    store = store_of(path, *_reports())
    expected = store.con.execute(OLD_PICK).fetchall()
    # the store as migration 005 left it: no evidence columns, 006 not applied
    for column in ("evidence_sentence", "evidence_doc_id", "evidence_doc_ref"):
        store.con.execute(f"ALTER TABLE clusters DROP COLUMN {column}")
    store.con.execute("DELETE FROM schema_migrations WHERE name = '006_cluster_evidence'")
    store.close()
    with Store(path) as migrated:
        assert migrated.con.execute(STORED).fetchall() == expected
        assert len(expected) == 4
