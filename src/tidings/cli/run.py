"""``tidings run INPUT...``: read, code and store reports; print a summary to stderr."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from tidings.cli.options import DB, OUTLET, PUBLISHED, batch_defaults
from tidings.cli.progress import progress
from tidings.runner import run
from tidings.settings import load_settings
from tidings.sources import input_files
from tidings.store import BatchCounts, Store
from tidings.store.parquet import ParquetWriter


class Engine(StrEnum):
    LOCAL = "local"
    RAY = "ray"


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
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl, .warc, each maybe .gz), directories, globs, URLs (s3://…, file://…), "
            "or - for stdin."
        ),
    ],
    db: str = DB,
    parquet: Annotated[
        str | None,
        typer.Option(help="Write a Parquet dataset to this directory instead of --db (read it with --db DIR)."),
    ] = None,
    engine: Annotated[Engine, typer.Option(help="local (this machine's cores) or ray (a Ray cluster).")] = Engine.LOCAL,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (e.g. auto, or HEAD:6379); default: a local Ray.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch (and per transaction).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject documents larger than this.")] = None,
    max_decompressed: Annotated[
        int | None, typer.Option(help="Stop reading a compressed input after this many decompressed bytes.")
    ] = None,
    min_words: Annotated[int | None, typer.Option(help="Reject reports of fewer words than this.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes, each with its own model (default: one per core; 1 = this process). "
            "With --engine ray: actors (default: one per CPU of the cluster).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    published: str | None = PUBLISHED,
    outlet: str | None = OUTLET,
) -> None:
    """Read, code and store reports. Exits non-zero only when nothing could be processed."""
    settings = load_settings(
        model=model,
        batch_size=batch_size,
        max_bytes=max_bytes,
        max_decompressed=max_decompressed,
        min_words=min_words,
        db=db,
    )
    # One document per file, unless a file holds many (JSONL, WARC, stdin): then the total is unknown.
    files = list(input_files(inputs))
    many = any(f == "-" or f.lower().split(".gz")[0].endswith((".jsonl", ".ndjson", ".warc")) for f in files)
    n_files = None if many else len(files)
    sink: Store | ParquetWriter = ParquetWriter(parquet) if parquet else Store(settings.db)
    with sink, progress(n_files, "coding", quiet) as advance:

        def on_batch(counts: BatchCounts) -> None:
            advance(counts.stored + counts.skipped + sum(counts.rejected.values()))

        total = run(
            files,
            sink,
            settings,
            workers=workers,
            on_batch=on_batch,
            defaults=batch_defaults(published, outlet),
            engine=str(engine),
            address=address,
        )
    if not quiet:
        for line in summary_lines(total):
            print(line, file=sys.stderr)
    if total.stored + total.skipped == 0:
        print("Nothing could be processed: see the rejections above (tidings rejections).", file=sys.stderr)
        raise typer.Exit(1)
