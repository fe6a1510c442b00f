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
