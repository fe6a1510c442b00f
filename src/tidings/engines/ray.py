"""Run the pipeline on a Ray cluster with Ray Data (``tidings run --engine ray``; ``pip install tidings[ray]``).

The inputs are listed on the driver (local paths, or URLs read through pyarrow's filesystems) and
read on the cluster by the same readers as the local engine, a run of files per read task.
``map_batches`` then calls the pipeline's ``process_batch`` in a pool of actors, each of which
loads the model once. Results come back in input order to the driver, the single writer, which
stores them as the local engine's do, so the same inputs give the same store.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from tidings.engines.local import warm
from tidings.errors import EngineError
from tidings.pipeline import Result, batches, process_batch
from tidings.records import RawDocument, Rejection
from tidings.settings import Settings
from tidings.sources import input_files, read_input
from tidings.sources.files import STDIN

# Pickled records travel in one binary column: the readers' raw documents, the coders' results.
COLUMN = "item"
BLOCK_BYTES = 64 * 1024


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise EngineError(
            "The Ray engine needs Ray. Install it with: pip install 'tidings[ray]' (or use --engine local)."
        ) from exc
    return ray


def _table(items: Iterable[Any]) -> Any:
    import pyarrow as pa

    return pa.table({COLUMN: pa.array([pickle.dumps(x) for x in items], type=pa.binary())})


def _records(table: Any) -> list[Any]:
    return [pickle.loads(b) for b in table.column(COLUMN).to_pylist()]


def _read_files(files: list[str], defaults: dict[str, str], max_bytes: int, rows: int) -> Iterator[Any]:
    """A read task: the raw documents in ``files``, in order, ``rows`` to a block."""
    for chunk in batches((raw for name in files for raw in read_input(name, defaults, max_bytes)), rows):
        yield _table(chunk)


def _datasource(files: list[str], defaults: dict[str, str], max_bytes: int, rows: int) -> Any:
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    class Inputs(Datasource):
        """The input files, split into runs of consecutive files, one read task each."""

        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_read_tasks(
            self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
        ) -> list[ReadTask]:
            n = max(1, min(parallelism, len(files)))
            size, extra = divmod(len(files), n)
            tasks, start = [], 0
            for k in range(n):
                part = files[start : start + size + (k < extra)]
                start += len(part)
                if not part:
                    continue
                meta = BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None, input_files=tuple(part))

                def read(part: list[str] = part) -> Iterator[Any]:
                    return _read_files(part, defaults, max_bytes, rows)

                tasks.append(ReadTask(read, meta))
            return tasks

    return Inputs()  # type: ignore[no-untyped-call]


class Coder:
    """A Ray actor: loads the model once, then codes batch after batch with the pipeline."""

    settings: Settings = Settings()

    def __init__(self) -> None:
        warm(self.settings.model)

    def __call__(self, table: Any) -> Any:
        raws: list[RawDocument | Rejection] = _records(table)
        return _table(process_batch(raws, self.settings))


def run_ray(
    inputs: Iterable[str],
    settings: Settings,
    defaults: dict[str, str] | None = None,
    address: str | None = None,
    workers: int | None = None,
) -> Iterator[list[Result]]:
    """Yield each batch's results in input order, coded on the Ray cluster at ``address`` (``auto``
    for a running cluster; None joins ``RAY_ADDRESS`` or starts a local one). ``workers`` actors
    (default: one per CPU of the cluster) each load the model once."""
    ray = _ray()
    files = list(input_files(inputs))
    if STDIN in files:
        raise EngineError("The Ray engine cannot read standard input: pass files or URLs (or --engine local).")
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        yield from _run(ray, files, settings, defaults or {}, workers)
    finally:
        if started:
            ray.shutdown()


def _run(
    ray: Any, files: list[str], settings: Settings, defaults: dict[str, str], workers: int | None
) -> Iterator[list[Result]]:
    if not files:
        return
    context = ray.data.DataContext.get_current()
    saved = (context.execution_options.preserve_order, context.enable_progress_bars, context.target_max_block_size)
    context.execution_options.preserve_order = True  # the store is written in input order
    context.enable_progress_bars = False
    # Ray Data joins a task's small blocks up to this size: at its default (128 MiB) a read task's
    # reports would travel as one block, to one actor. Near the size of a part of a batch of text
    # reports, each part travels alone (a larger one is cut, down to a report a block).
    context.target_max_block_size = BLOCK_BYTES
    try:
        yield from _coded(ray, files, settings, defaults, workers)
    finally:
        (context.execution_options.preserve_order, context.enable_progress_bars, context.target_max_block_size) = saved


def _coded(
    ray: Any, files: list[str], settings: Settings, defaults: dict[str, str], workers: int | None
) -> Iterator[list[Result]]:
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    # Each batch is shared out among the actors, as the local engine shares it among its workers;
    # the driver still stores whole batches, one transaction each.
    part = -(-settings.batch_size // actors)
    source = _datasource(files, defaults, settings.max_bytes, part)
    # Reading is I/O: one read task at a time, taking no CPU slot from the coders, over a few runs
    # of consecutive files (a read task reads its files in order, one block per part of a batch).
    dataset = ray.data.read_datasource(
        source, override_num_blocks=min(len(files), 4 * actors), num_cpus=0, concurrency=1
    ).map_batches(
        # The settings ride on the class, not as constructor arguments in the object store.
        type("Coder", (Coder,), {"settings": settings}),
        batch_size=part,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,
    )
    for table in dataset.iter_batches(batch_size=settings.batch_size, batch_format="pyarrow"):
        yield _records(table)
