"""``tidings run INPUT...``: read, code and store reports; print a summary to stderr."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tidings.cli.options import DB
from tidings.cli.progress import progress
from tidings.runner import run
from tidings.settings import load_settings
from tidings.sources import expand_inputs
from tidings.store import BatchCounts, open_store


def summary_lines(total: BatchCounts) -> list[str]:
    lines = [
        f"documents stored: {total.stored}",
        f"skipped (already stored): {total.skipped}",
        f"rejected: {sum(total.rejected.values())}"
        + (
            "" if not total.rejected else " (" + ", ".join(f"{k}: {v}" for k, v in sorted(total.rejected.items())) + ")"
        ),
        f"events: {total.events}",
        f"quotes: {total.quotes}",
    ]
    return lines


def run_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or globs.")],
    db: str = DB,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch (and per transaction).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject documents larger than this.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (1 = this process).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Read, code and store reports. Exits non-zero only when nothing could be processed."""
    settings = load_settings(model=model, batch_size=batch_size, max_bytes=max_bytes, db=db)
    n_files = sum(1 for _ in expand_inputs(inputs))
    with open_store(settings.db) as store, progress(n_files, "coding", quiet) as advance:

        def on_batch(counts: BatchCounts) -> None:
            advance(counts.stored + counts.skipped + sum(counts.rejected.values()))

        total = run(inputs, store, settings, workers=workers, on_batch=on_batch)
    if not quiet:
        for line in summary_lines(total):
            print(line, file=sys.stderr)
    if total.stored + total.skipped == 0:
        print("Nothing could be processed: see the rejections above (tidings rejections).", file=sys.stderr)
        raise typer.Exit(1)
