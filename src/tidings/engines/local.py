"""Run batches in this process (workers=1) or in a pool of worker processes, each loading the model once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from tidings.pipeline import Result, batches, process_batch
from tidings.records import RawDocument, Rejection
from tidings.settings import Settings


def run_local(raws: Iterable[RawDocument | Rejection], settings: Settings, workers: int = 1) -> Iterator[list[Result]]:
    """Yield each batch's results in input order; with workers > 1, up to 2×workers batches in flight."""
    if workers <= 1:
        for chunk in batches(raws, settings.batch_size):
            yield process_batch(chunk, settings)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: list[Future[list[Result]]] = []
        for chunk in batches(raws, settings.batch_size):
            pending.append(pool.submit(process_batch, chunk, settings))
            if len(pending) >= 2 * workers:
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()
