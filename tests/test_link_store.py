"""Links in the store's other shapes and through the CLI: a Parquet dataset (computed when read),
a merge, the read verbs' fixed JSONL fields, a store from before the links."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from linking import Ev, groups, report, store_of
from typer.testing import CliRunner

from tidings.cli.app import app
from tidings.records import Analysis
from tidings.store import Store, open_store
from tidings.store.links import CLUSTER_FIELDS, FAMILY_FIELDS
from tidings.store.parquet import ParquetWriter

WIRE = (
    "Iran's foreign minister arrived in Moscow on Tuesday for talks with his Russian counterpart on the "
    "nuclear deal, trade across the Caspian Sea and the transport corridor to India, officials said."
)


def _reports() -> list[Analysis]:
    return [
        report("a", [Ev()], published="2021-10-06", outlet="Tass", text=WIRE),
        report("b", [Ev()], published="2021-10-07", outlet="Mehr", text=WIRE + " It was his first visit."),
        report("c", [Ev(type="ACCUSE", source="RUS GOV", target="IRN GOV")], published="2021-10-07"),
    ]


def test_a_parquet_dataset_has_its_links_computed_when_read(tmp_path: Path) -> None:
    with ParquetWriter(str(tmp_path / "pq")) as writer:
        for r in _reports():
            writer.write_batch([r])
    with store_of(str(tmp_path / "d.duckdb"), *_reports()) as store:
        expected = (groups(store), store.families())
    with open_store(str(tmp_path / "pq")) as store:
        assert (groups(store), store.families()) == expected
    assert expected[0] == [["a", "b"], ["c"]] and len(expected[1]) == 1


def test_merge_links_what_it_loads(tmp_path: Path) -> None:
    with ParquetWriter(str(tmp_path / "pq")) as writer:
        writer.write_batch(_reports())
    db = str(tmp_path / "m.duckdb")
    result = CliRunner().invoke(app, ["merge", str(tmp_path / "pq"), "--db", db])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert groups(store) == [["a", "b"], ["c"]]
        row = store.con.execute("SELECT count(*) FROM doc_minhash").fetchone()
        assert row is not None and row[0] == 3


def test_cli_lists_clusters_and_families_with_fixed_jsonl_fields(tmp_path: Path) -> None:
    db = str(tmp_path / "c.duckdb")
    store_of(db, *_reports()).close()
    runner = CliRunner()
    result = runner.invoke(app, ["clusters", "--db", db, "--format", "jsonl", "--type", "CONSULT"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    cluster = json.loads(line)
    assert list(cluster) == CLUSTER_FIELDS == [
        "cluster_id", "type", "source", "target", "date", "date_precision", "place", "num_mentions",
        "num_sources", "num_articles", "first_seen", "last_seen", "event_ids", "doc_ids"]
    assert (cluster["num_sources"], cluster["source"]["country"], cluster["target"]["sector"]) == (2, "IRN", "GOV")
    result = runner.invoke(app, ["clusters", "--db", db, "--format", "csv", "--source", "RUS"])
    assert result.stdout.splitlines()[0].startswith("cluster_id,type,source_country,source_sector")
    assert len(result.stdout.splitlines()) == 2
    result = runner.invoke(app, ["families", "--db", db, "--format", "jsonl"])
    (line,) = result.stdout.splitlines()
    family = json.loads(line)
    assert list(family) == FAMILY_FIELDS and len(family["doc_ids"]) == 2
    # the filters of tidings events keep the families one of whose reports has such an event
    assert runner.invoke(app, ["families", "--db", db, "--format", "jsonl", "--type", "ACCUSE"]).stdout == ""
    assert runner.invoke(app, ["families", "--db", db, "--format", "jsonl", "--actor", "IRN"]).stdout.strip()
    result = runner.invoke(app, ["clusters", "--db", db, "--since", "2021-13-01"])
    assert result.exit_code != 0 and "ISO date" in result.output


def test_events_take_the_new_filters(tmp_path: Path) -> None:
    with store_of(str(tmp_path / "e.duckdb"), *_reports()) as store:
        assert [e["type"] for e in store.events(source="RUS")] == ["ACCUSE"]
        assert [e["doc_ref"] for e in store.events(target="RUS")] == ["a", "b"]
        assert [e["doc_ref"] for e in store.events(target="RUS", limit=1, offset=1)] == ["b"]
        assert store.events(until=date(2021, 10, 5)) == []


def test_cli_events_take_until_source_and_target(tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    reports = [*_reports(), report("d", [Ev(type="AGREE", date="2021-11-03")], published="2021-11-04")]
    store_of(db, *reports).close()
    runner = CliRunner()

    def refs(*args: str) -> list[tuple[str, str]]:
        result = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return sorted((e["doc_ref"], e["type"]) for e in map(json.loads, result.stdout.splitlines()))

    assert refs("--source", "RUS") == [("c", "ACCUSE")]
    assert refs("--source", "irn", "--target", "RUS") == [("a", "CONSULT"), ("b", "CONSULT"), ("d", "AGREE")]
    assert refs("--target", "IRN") == [("c", "ACCUSE")]
    assert refs("--until", "2021-10-31") == [("a", "CONSULT"), ("b", "CONSULT"), ("c", "ACCUSE")]
    assert refs("--since", "2021-11-01", "--until", "2021-11-30") == [("d", "AGREE")]
    assert refs("--until", "2021-10-05") == []
    result = runner.invoke(app, ["events", "--db", db, "--until", "2021-10-32"])
    assert result.exit_code != 0 and "ISO date" in result.output


def test_a_store_written_before_the_links_is_linked_whole_by_the_next_link(tmp_path: Path) -> None:
    with Store(str(tmp_path / "old.duckdb")) as store:
        store.write_batch(_reports())  # as a store from before the links holds them: unlinked
        assert store.clusters() == [] and store.families() == []
        assert store.link() == (3, 3)  # every report signed, every event clustered
        assert groups(store) == [["a", "b"], ["c"]]
        assert store.link() == (0, 0)  # nothing left to link
    result = CliRunner().invoke(app, ["link", "--db", str(tmp_path / "old.duckdb"), "--rebuild"])
    assert result.exit_code == 0 and "events clustered: 3" in result.output
