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
