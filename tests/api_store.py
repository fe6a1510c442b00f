"""A store the API tests share: the bundled examples (and the seeds when ../shared is there), coded
once per test session, and a test client over it."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import EXAMPLES, SEEDS

from tidings.api.app import create_app
from tidings.api.config import ApiConfig


@cache
def examples_store() -> str:
    """The path of a DuckDB store holding the examples' (and the seeds') events and quotes."""
    from tidings.runner import run
    from tidings.settings import load_settings
    from tidings.store import Store

    folder = Path(tempfile.mkdtemp(prefix="tidings-api-test-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    db = folder / "examples.duckdb"
    inputs = [str(EXAMPLES)] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    with Store(str(db)) as store:
        total = run(inputs, store, load_settings(), workers=1)
    assert total.stored >= 12 and total.events > 0
    return str(db)


def copy_of_store(to: Path) -> str:
    """A copy of the shared store that a test may write to."""
    db = to / "copy.duckdb"
    shutil.copyfile(examples_store(), db)
    return str(db)


def app_for(db: str, **config: object) -> object:
    config.setdefault("allowed_hosts", ("testserver",))
    return create_app(ApiConfig(db=db, **config))  # type: ignore[arg-type]
