"""The Ray Data engine on a local two-CPU Ray cluster: the same store as the local engine, as a
DuckDB file or as a Parquet dataset. One cluster for the module (starting Ray is slow)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ENGINE_SETTINGS_BATCH, SEEDS, snapshot

from tidings.runner import run
from tidings.settings import Settings
from tidings.store import Store
from tidings.store.parquet import ParquetWriter

ray = pytest.importorskip("ray", reason="the Ray engine needs Ray: pip install 'tidings[ray]'")
pytestmark = pytest.mark.model

SETTINGS = Settings(batch_size=ENGINE_SETTINGS_BATCH)


@pytest.fixture(scope="module")
def cluster() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(local_engine_store: tuple[list[str], str]) -> tuple[list[str], str]:
    """The engines' corpus and its store as the local engine writes it."""
    return local_engine_store


def test_ray_engine_stores_what_the_local_engine_stores(
    cluster: None, corpus: tuple[list[str], str], tmp_path: Path
) -> None:
    inputs, local = corpus
    db = str(tmp_path / "ray.duckdb")
    with Store(db) as store:
        total = run(inputs, store, SETTINGS, engine="ray")
    assert total.rejected == {"bad-record": 1, "empty": 1}
    assert total.stored == 13 + (2 if SEEDS.is_dir() else 0)  # the examples, a record (and the seeds)
    assert snapshot(db) == snapshot(local)


def test_ray_engine_writes_the_parquet_dataset(cluster: None, corpus: tuple[list[str], str], tmp_path: Path) -> None:
    inputs, local = corpus
    directory = tmp_path / "pq"
    with ParquetWriter(str(directory)) as sink:
        run(inputs, sink, SETTINGS, engine="ray", workers=2)
    assert snapshot(str(directory)) == snapshot(local)
