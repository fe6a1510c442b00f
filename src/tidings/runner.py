"""Run the pipeline over inputs into a store: the function behind ``tidings run`` (it never prints)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from tidings.engines import run_local
from tidings.pipeline import Result
from tidings.settings import Settings
from tidings.sources import read_inputs
from tidings.store import BatchCounts, Store

ENGINES = ("local", "ray")
# Batches stored between two links of a DuckDB store. Linking a batch costs about as much whatever
# its size (a few dozen statements over the groups it touches), and linking several at once gives
# the same families and clusters as linking each (tests/test_link_batches.py); the links of a
# running store lag by as many batches at most.
LINK_EVERY = 8


class Sink(Protocol):
    """Where a run's batches go: a DuckDB store, or a Parquet dataset's writer."""

    def write_batch(self, results: Iterable[Result]) -> BatchCounts: ...


def coded_batches(
    inputs: Iterable[str],
    settings: Settings,
    workers: int | None = None,
    defaults: dict[str, str] | None = None,
    engine: str = "local",
    address: str | None = None,
) -> Iterator[list[Result]]:
    """Every batch's results, in input order, from the engine named."""
    if engine == "ray":
        from tidings.engines.ray import run_ray

        return run_ray(inputs, settings, defaults, address=address, workers=workers)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    return run_local(
        read_inputs(inputs, defaults, settings.max_bytes, settings.max_decompressed), settings, workers=workers
    )


def run(
    inputs: Iterable[str],
    store: Sink,
    settings: Settings,
    workers: int | None = None,
    on_batch: Callable[[BatchCounts], None] | None = None,
    defaults: dict[str, str] | None = None,
    engine: str = "local",
    address: str | None = None,
) -> BatchCounts:
    """Read, code and store every input, one transaction per batch, written in input order by this
    process alone; returns the totals. ``workers`` defaults to every core (local) or every CPU of
    the cluster (ray). A DuckDB store's report families and event clusters are brought up to date
    every ``LINK_EVERY`` batches and at the end (``tidings.link``); a run that stops before links
    what it stored with the next link of the store."""
    total = BatchCounts()
    unlinked = 0
    for results in coded_batches(inputs, settings, workers, defaults, engine, address):
        counts = store.write_batch(results)
        if isinstance(store, Store):  # a DuckDB store links as it grows; a Parquet dataset when read
            unlinked += 1
            if unlinked >= LINK_EVERY:
                store.link()
                unlinked = 0
        total.add(counts)
        if on_batch is not None:
            on_batch(counts)
    if isinstance(store, Store) and unlinked:
        store.link()
    return total
