"""Progress for long runs: a rich bar on a terminal, plain lines otherwise; all on stderr."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


class DocumentsPerSecond(ProgressColumn):
    """The rate since the start, in documents per second."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        return Text(f"{task.completed / elapsed:.1f} docs/s" if elapsed > 0 and task.completed else "")


class Advance(Protocol):
    def __call__(self, n: int) -> None: ...


@contextmanager
def progress(total: int | None, label: str, quiet: bool = False) -> Iterator[Advance]:
    if quiet:
        yield lambda n: None
        return
    if sys.stderr.isatty():
        with Progress(
            SpinnerColumn(),
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            DocumentsPerSecond(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n: bar.advance(task, n)
        return
    done = 0
    start = time.perf_counter()

    def plain(n: int) -> None:
        nonlocal done
        done += n
        rate = done / max(time.perf_counter() - start, 1e-9)
        print(
            f"{label}: {done}" + (f"/{total}" if total else "") + f" documents, {rate:.1f} docs/s",
            file=sys.stderr,
            flush=True,
        )

    yield plain
