"""Progress for long runs: a rich bar on a terminal, plain lines otherwise; all on stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


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
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n: bar.advance(task, n)
        return
    done = 0

    def plain(n: int) -> None:
        nonlocal done
        done += n
        print(f"{label}: {done}" + (f"/{total}" if total else "") + " documents", file=sys.stderr, flush=True)

    yield plain
