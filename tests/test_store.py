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
