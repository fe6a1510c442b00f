"""Run batches on this machine: in this process, or in a pool of worker processes, each of which
loads the spaCy model (and the knowledge base and lexicons) once.

The caller reads the inputs lazily and consumes the results in input order, so it is the single
writer, one transaction per batch; each batch is shared out among the workers, and at most
``2 × workers`` batches are read ahead of the writer (a bounded queue), so memory stays flat
however long the stream.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain

from tidings.actors import load_kb
from tidings.events import load_lexicon
from tidings.nlp import load_model
from tidings.ontology import load_ontology
from tidings.pipeline import Result, batches, process_batch
from tidings.records import RawDocument, Rejection
from tidings.settings import Settings

# Batches in flight per worker: enough that no worker idles while the writer stores a batch or
# waits for the slowest part of one. More buys nothing and holds more documents in memory.
IN_FLIGHT_PER_WORKER = 2


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def warm(model: str) -> None:
    """Load what every batch needs, once per process: the model, the knowledge base, the lexicons."""
    load_model(model)
    load_kb()
    load_lexicon()
    load_ontology()


def run_local(
    raws: Iterable[RawDocument | Rejection], settings: Settings, workers: int | None = None
) -> Iterator[list[Result]]:
    """Yield each batch's results in input order. ``workers`` defaults to the number of cores; a
    stream of one batch is coded in this process, where starting workers would cost more."""
    workers = default_workers() if workers is None else workers
    chunks = batches(raws, settings.batch_size)
    head = [c for c in (next(chunks, None), next(chunks, None)) if c is not None]
    if workers <= 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            yield process_batch(chunk, settings)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=warm, initargs=(settings.model,)) as pool:
        pending: deque[list[Future[list[Result]]]] = deque()
        for chunk in chain(head, chunks):
            pending.append([pool.submit(process_batch, part, settings) for part in split(chunk, workers)])
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield joined(pending.popleft())
        while pending:
            yield joined(pending.popleft())


def split(chunk: list[RawDocument | Rejection], parts: int) -> list[list[RawDocument | Rejection]]:
    """A batch cut into ``parts`` runs of consecutive documents, one per worker: every worker is
    busy to the end of the stream, where whole batches would leave all but one idle."""
    size = -(-len(chunk) // parts)
    return [chunk[i : i + size] for i in range(0, len(chunk), size)]


def joined(futures: list[Future[list[Result]]]) -> list[Result]:
    """A batch's results, its parts put back together in order."""
    return [result for fut in futures for result in fut.result()]
