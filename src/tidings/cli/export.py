"""``tidings export``: the store's events in the field's formats (docs/exports.md)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from tidings.cli.link import ACTOR, SINCE, SOURCE, TARGET, TYPE, UNTIL, iso_day
from tidings.cli.options import DB
from tidings.export.gdelt import write_gdelt
from tidings.export.polecat import write_polecat
from tidings.export.select import Filters
from tidings.export.tabular import write_csv, write_jsonl, write_parquet
from tidings.store import open_store


class ExportFormat(StrEnum):
    PARQUET = "parquet"
    CSV = "csv"
    JSONL = "jsonl"
    GDELT = "gdelt"
    POLECAT = "polecat"


def export_cmd(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="parquet (a directory, partitioned by event month), csv, jsonl, gdelt (GDELT 2.0 event "
            "table TSV, one row per event cluster) or polecat (POLECAT-style JSON).",
        ),
    ],
    out: Annotated[str, typer.Option(help="The file (a directory for parquet) to write.")],
    actor: Annotated[str | None, ACTOR] = None,
    type_: Annotated[str | None, TYPE] = None,
    since: Annotated[str | None, SINCE] = None,
    until: Annotated[str | None, UNTIL] = None,
    source: Annotated[str | None, SOURCE] = None,
    target: Annotated[str | None, TARGET] = None,
    min_confidence: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="Only events at least this likely to be right.")
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Also hypothetical, intended and negated events (not for gdelt).")
    ] = False,
    extended: Annotated[
        bool, typer.Option(help="gdelt: add tidings' columns after GDELT's 61 (cluster id, PLOVER type, evidence).")
    ] = False,
    db: str = DB,
) -> None:
    """Export events: Parquet, CSV, JSONL, a GDELT 2.0 event table, or POLECAT-style JSON."""
    filters = Filters(
        actor=actor,
        type_=type_,
        since=iso_day(since),
        until=iso_day(until),
        source=source,
        target=target,
        min_confidence=min_confidence,
        include_all=all_,
    )
    with open_store(db) as store:
        if fmt is ExportFormat.PARQUET:
            n = write_parquet(store, out, filters)
        elif fmt is ExportFormat.CSV:
            n = write_csv(store, out, filters)
        elif fmt is ExportFormat.JSONL:
            n = write_jsonl(store, out, filters)
        elif fmt is ExportFormat.GDELT:
            n = write_gdelt(store, out, filters, extended=extended)
        else:
            n = write_polecat(store, out, filters)
    unit = "event clusters" if fmt is ExportFormat.GDELT else "events"
    print(f"wrote {n} {unit} to {out}", file=sys.stderr)
