"""Crash safety: ``tidings run`` killed with SIGKILL at random moments, then rerun, leaves the store
an uninterrupted run leaves (``benchmarks/kill_runs.py`` does 20 kills; this does 3)."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import need_shared

HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "kill_runs.py"


def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kill_runs", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_runs"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.model
def test_three_random_kills_then_a_rerun_give_the_uninterrupted_store(tmp_path: Path) -> None:
    need_shared()
    kr = harness()
    inputs = kr.build_corpus(tmp_path / "in", 5)
    reference = tmp_path / "reference.duckdb"
    seconds, batches = kr.run_to_end(inputs, reference, 2)
    want = kr.snapshot(reference)
    assert len(want["documents"]) == 5 and len(want["rejections"]) == 3 and want["events"]
    rng = random.Random(16)
    db = tmp_path / "killed.duckdb"
    # Three kills in a row into one store, each run resuming what the last one left.
    kr.kill_trial(inputs, db, 2, [kr.plan(rng, batches, seconds) for _ in range(3)])
    assert kr.differences(kr.snapshot(db), want) == []


def test_ray_parquet_output_killed_then_rerun_is_the_uninterrupted_dataset(tmp_path: Path) -> None:
    """The same for the Ray engine writing a Parquet dataset: a batch's documents are made visible
    last, and what a killed run wrote of a batch is read back once after the rerun writes it again."""
    need_shared()
    pytest.importorskip("ray", reason="the Ray engine needs Ray: pip install 'tidings[ray]'")
    kr = harness()
    inputs = kr.build_corpus(tmp_path / "in", 5)
    reference = tmp_path / "reference"
    ray_args = ("--engine", "ray", "--workers", "1")
    seconds, batches = kr.run_to_end(inputs, tmp_path / "unused.duckdb", 2, (*ray_args, "--parquet", str(reference)))
    want = kr.parquet_snapshot(reference)
    assert len(want["documents"]) == 5 and want["events"]
    rng = random.Random(17)
    killed_dir = tmp_path / "killed"
    struck = kr.kill_trial(
        inputs,
        tmp_path / "unused.duckdb",
        2,
        [kr.plan(rng, batches, seconds) for _ in range(3)],
        (*ray_args, "--parquet", str(killed_dir)),
    )
    assert kr.differences(kr.parquet_snapshot(killed_dir), want) == [], struck
