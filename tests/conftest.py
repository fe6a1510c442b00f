"""Shared fixtures: the ../shared folder (tests that need it skip with a reason when it is absent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
SEED_2021 = SEEDS / "000_7ca4fce688d773d1.txt"
SEED_2023 = SEEDS / "003_46724fc42426082c.txt"


def need_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared is not beside the checkout ({SHARED} is missing): seed tests need it")


@pytest.fixture(scope="session")
def nlp() -> Any:
    from tidings.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    need_shared()
    import yaml

    return yaml.safe_load((SEEDS / "expected.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "tidings" / "examples"
# Columns that say when a row was written, not what it holds.
WRITE_TIMES = {"stored_at", "rejected_at"}


def snapshot(path: str) -> dict[str, list[str]]:
    """Every table of the store at ``path`` (a DuckDB file or a Parquet directory), rows sorted,
    without write times, with the events and quotes as the read verbs give them: two stores with
    the same snapshot hold the same data."""
    from tidings.store import open_store
    from tidings.store.duckdb import TABLES

    out: dict[str, list[str]] = {}
    with open_store(path) as store:
        for table in TABLES:
            cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in WRITE_TIMES]
            rows = store.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(repr(r) for r in rows)
        out["events shown"] = [repr(e) for e in store.events(include_all=True)]
        out["quotes shown"] = [repr(q) for q in store.quotes()]
    return out


def engine_corpus(tmp: Path) -> list[str]:
    """Inputs for comparing engines: the bundled examples, a JSONL file with a bad line and an
    empty report (rejections), and the seeds when ../shared is there."""
    import json

    dump = tmp / "mixed.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Iran criticized Azerbaijan on Tuesday.", "published": "2021-10-09"}),
        "{not json",
        json.dumps({"id": "x2", "text": ""}),
    ]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    inputs = [str(EXAMPLES), str(dump)]
    if SEEDS.is_dir():
        inputs.append(str(SEEDS))
    return inputs


# Several batches even on the small engine corpus, spread over two workers or two Ray actors.
ENGINE_SETTINGS_BATCH = 4


@pytest.fixture(scope="session")
def local_engine_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], str]:
    """The engines' corpus and the store one local process writes from it, run once for every
    engine test that compares against it."""
    from tidings.runner import run
    from tidings.settings import Settings
    from tidings.store import Store

    tmp = tmp_path_factory.mktemp("local-engine")
    inputs = engine_corpus(tmp)
    db = str(tmp / "one.duckdb")
    with Store(db) as store:
        total = run(inputs, store, Settings(batch_size=ENGINE_SETTINGS_BATCH), workers=1)
    assert total.stored >= 13 and total.rejected == {"bad-record": 1, "empty": 1}
    return inputs, db
