"""The local engine and the Parquet store: a pool of workers stores what one process stores, and
a Parquet dataset holds what a DuckDB file holds, read back by the read verbs."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ENGINE_SETTINGS_BATCH, EXAMPLES, SEEDS, need_shared, snapshot

from tidings.runner import run
from tidings.settings import Settings
from tidings.sources import input_files, read_inputs
from tidings.store import Store
from tidings.store.parquet import ParquetWriter, merge_parquet

pytestmark = pytest.mark.model

SETTINGS = Settings(batch_size=ENGINE_SETTINGS_BATCH)


@pytest.fixture(scope="module")
def in_process(local_engine_store: tuple[list[str], str]) -> tuple[list[str], str]:
    return local_engine_store


def test_two_workers_store_what_one_process_stores(in_process: tuple[list[str], str], tmp_path: Path) -> None:
    inputs, one = in_process
    db = str(tmp_path / "two.duckdb")
    with Store(db) as store:
        run(inputs, store, SETTINGS, workers=2)
    assert snapshot(db) == snapshot(one)


@pytest.fixture(scope="module")
def parquet(in_process: tuple[list[str], str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dataset as `tidings run --parquet DIR` writes it."""
    inputs, _ = in_process
    directory = tmp_path_factory.mktemp("parquet") / "pq"
    args = ["run", *inputs, "--parquet", str(directory), "--batch-size", str(SETTINGS.batch_size), "--workers", "1"]
    out = subprocess.run([sys.executable, "-m", "tidings.cli", *args], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert "rejected: 2 (bad-record: 1, empty: 1)" in out.stderr and "docs/s" in out.stderr
    return directory


def test_parquet_dataset_holds_what_the_duckdb_file_holds(in_process: tuple[list[str], str], parquet: Path) -> None:
    _, one = in_process
    assert {p.name for p in parquet.iterdir()} == {
        "documents", "doc_refs", "rejections", "actors", "mentions", "events", "quotes"
    }  # fmt: skip
    assert snapshot(str(parquet)) == snapshot(one)


def test_merge_loads_the_dataset_into_a_duckdb_file(
    in_process: tuple[list[str], str], parquet: Path, tmp_path: Path
) -> None:
    _, one = in_process
    db = str(tmp_path / "merged.duckdb")
    with Store(db) as store:
        added = merge_parquet(str(parquet), store)
        again = merge_parquet(str(parquet), store)
    assert added["documents"] >= 13 and set(again.values()) == {0}
    assert snapshot(db) == snapshot(one)


def test_a_second_run_into_the_dataset_skips_what_is_there(in_process: tuple[list[str], str], parquet: Path) -> None:
    inputs, one = in_process
    with ParquetWriter(str(parquet)) as sink:
        again = run(inputs, sink, SETTINGS, workers=1)
    assert again.stored == 0 and again.skipped >= 13 and again.rejected == {"bad-record": 1, "empty": 1}
    assert snapshot(str(parquet)) == snapshot(one)  # references and rejections written again count once


def test_read_verbs_read_a_parquet_directory(in_process: tuple[list[str], str], parquet: Path) -> None:
    from tidings.store import open_store

    _, one = in_process
    with open_store(one) as store:
        expected = {"events": store.events(include_all=True), "quotes": store.quotes()}
    for verb, want in expected.items():
        args = [sys.executable, "-m", "tidings.cli", verb, "--db", str(parquet), "--format", "jsonl"]
        out = subprocess.run([*args, "--all"] if verb == "events" else args, capture_output=True, text=True, check=True)
        got = [json.loads(line) for line in out.stdout.splitlines()]
        assert got and got == json.loads(json.dumps(want, default=str)), verb


def test_run_refuses_a_directory_as_the_duckdb_file(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "run", str(EXAMPLES), "--db", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode != 0 and "--parquet" in out.stderr


def test_file_urls_read_as_local_paths(tmp_path: Path) -> None:
    """Inputs named by URL go through pyarrow's filesystems (as s3:// would) to the same readers."""
    need_shared()
    dump = tmp_path / "two.jsonl.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": "Iran criticized Azerbaijan.", "outlet": "Tass"}) + "\n")
        fh.write("{broken\n")
    local = [str(SEEDS), str(dump)]
    urls = [SEEDS.resolve().as_uri(), dump.resolve().as_uri()]
    assert [Path(u.removeprefix("file://")) for u in input_files(urls)] == [
        Path(p).resolve() for p in input_files(local)
    ]

    def key(item: object) -> tuple[object, ...]:
        return (getattr(item, "data", None), getattr(item, "meta", None), getattr(item, "reason", None))

    from_urls, from_paths = list(read_inputs(urls)), list(read_inputs(local))
    assert [key(x) for x in from_urls] == [key(x) for x in from_paths]
    assert len(from_paths) == 4 and from_urls[-1].ref.startswith("file://")  # 2 seeds, a record, a bad line


def test_the_pool_keeps_order_and_reads_at_most_two_batches_ahead_per_worker() -> None:
    from tidings.engines.local import run_local
    from tidings.errors import Reason
    from tidings.records import Rejection

    consumed = 0

    def stream() -> Iterator[Rejection]:
        nonlocal consumed
        for i in range(200):
            consumed += 1
            yield Rejection("s.jsonl", f"s.jsonl:{i}", Reason.BAD_RECORD, "not JSON")

    coded = run_local(stream(), Settings(batch_size=5), workers=2)
    first = next(coded)
    assert consumed == 2 * 2 * 5  # two batches in flight per worker, none more
    refs = [r.ref for batch in [first, *coded] for r in batch]
    assert refs == [f"s.jsonl:{i}" for i in range(200)]
