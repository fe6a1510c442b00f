"""Run the pipeline over inputs into a store: the function behind ``tidings run`` (it never prints)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tidings.engines import run_local
from tidings.settings import Settings
from tidings.sources import read_inputs
from tidings.store import BatchCounts, Store


def run(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    workers: int = 1,
    on_batch: Callable[[BatchCounts], None] | None = None,
    defaults: dict[str, str] | None = None,
) -> BatchCounts:
    """Read, code and store every input, one transaction per batch; returns the totals."""
    total = BatchCounts()
    for results in run_local(read_inputs(inputs, defaults, settings.max_bytes, settings.max_decompressed), settings, workers=workers):
        counts = store.write_batch(results)
        total.add(counts)
        if on_batch is not None:
            on_batch(counts)
    return total
