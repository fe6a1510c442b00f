"""Verbs over the store's links: ``tidings clusters``, ``tidings families``, ``tidings dyad``."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from tidings.cli.options import DB, FORMAT
from tidings.cli.output import Format, write_rows
from tidings.link.dyad import DyadSeries, dyad_series
from tidings.store import open_store
from tidings.store.filters import event_filters

CLUSTER_COLUMNS = [
    "cluster_id",
    "type",
    "source_country",
    "source_sector",
    "target_country",
    "target_sector",
    "date",
    "date_precision",
    "place_name",
    "num_mentions",
    "num_sources",
    "num_articles",
]

ACTOR = typer.Option(help="ISO 3166 alpha-3 country (or actor id), as source or target.")
TYPE = typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")
SINCE = typer.Option(help="On or after this ISO date.")
UNTIL = typer.Option(help="On or before this ISO date.")
SOURCE = typer.Option(help="Country (or actor id) of the source.")
TARGET = typer.Option(help="Country (or actor id) of the target.")
LIMIT = typer.Option(min=1, help="At most this many rows.")
OFFSET = typer.Option(min=0, help="Skip this many rows first.")


def iso_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


def link_cmd(
    rebuild: Annotated[bool, typer.Option(help="Recluster every event, not only those not clustered yet.")] = False,
    db: str = DB,
) -> None:
    """Link a store's reports and events: families and clusters for what is not linked yet.
    ``tidings run`` and ``tidings merge`` do this as they store; this is for a store written
    before links existed."""
    from tidings.store import Store

    with Store(db) as store:
        docs, events = store.link(everything=rebuild)
    print(f"reports signed: {docs}, events clustered: {events}", file=sys.stderr)


def clusters_cmd(
    actor: Annotated[str | None, ACTOR] = None,
    type_: Annotated[str | None, TYPE] = None,
    since: Annotated[str | None, SINCE] = None,
    until: Annotated[str | None, UNTIL] = None,
    source: Annotated[str | None, SOURCE] = None,
    target: Annotated[str | None, TARGET] = None,
    limit: Annotated[int | None, LIMIT] = None,
    offset: Annotated[int, OFFSET] = 0,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List event clusters: one act told by many reports, with its counts of mentions, outlets and
    reports (docs/clusters.md gives the rule)."""
    with open_store(db) as store:
        rows = store.clusters(
            actor=actor,
            type_=type_,
            since=iso_day(since),
            until=iso_day(until),
            source=source,
            target=target,
            limit=limit,
            offset=offset,
        )
    write_rows(rows, fmt, CLUSTER_COLUMNS)


def families_cmd(
    actor: Annotated[str | None, ACTOR] = None,
    type_: Annotated[str | None, TYPE] = None,
    since: Annotated[str | None, SINCE] = None,
    until: Annotated[str | None, UNTIL] = None,
    source: Annotated[str | None, SOURCE] = None,
    target: Annotated[str | None, TARGET] = None,
    limit: Annotated[int | None, LIMIT] = None,
    offset: Annotated[int, OFFSET] = 0,
    db: str = DB,
    fmt: Format = FORMAT,
) -> None:
    """List report families: reprints and lightly edited copies of one report (two or more
    reports each; the first is canonical). The filters keep families with a matching event."""
    filtered = any((actor, type_, since, until, source, target))
    where = (
        event_filters(
            actor=actor, type_=type_, since=iso_day(since), until=iso_day(until), source=source, target=target
        )
        if filtered
        else None
    )
    with open_store(db) as store:
        rows = store.families(limit=limit, offset=offset, where_events=where)
    write_rows(rows, fmt, ["family_id", "canonical_doc_id", "doc_ids"])


class DyadFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def dyad_rows(series: DyadSeries) -> list[dict[str, Any]]:
    """One row per period and direction and type (the CSV layout)."""
    rows: list[dict[str, Any]] = []
    for p in series.periods:
        for direction, counts in (("a_to_b", p.a_to_b), ("b_to_a", p.b_to_a)):
            src, tgt = (series.a, series.b) if direction == "a_to_b" else (series.b, series.a)
            for typ, n in sorted(counts.items()):
                rows.append(
                    {
                        "start": p.start.isoformat(),
                        "end": p.end.isoformat(),
                        "source": src,
                        "target": tgt,
                        "type": typ,
                        "events": n,
                        "index": p.index,
                    }
                )
    return rows


def _table(series: DyadSeries) -> None:
    table = Table(title=f"{series.a} – {series.b} by {series.by}")
    for col in ("period", f"{series.a}→{series.b}", f"{series.b}→{series.a}", "events", "index", "top event"):
        table.add_column(col, overflow="fold")
    for p in series.periods:
        top = p.top_clusters[0] if p.top_clusters else None
        table.add_row(
            p.start.isoformat(),
            ", ".join(f"{t} {n}" for t, n in sorted(p.a_to_b.items())),
            ", ".join(f"{t} {n}" for t, n in sorted(p.b_to_a.items())),
            str(p.events),
            "" if p.index is None else f"{p.index:+.2f}",
            ""
            if top is None
            else f"{top.type} {top.source}→{top.target} ({top.num_sources} source{'' if top.num_sources == 1 else 's'}): "
            f"{top.sentence}",
        )
    console = Console(width=200 if not sys.stdout.isatty() else None)
    console.print(table)
    if series.coarse or series.undated:
        console.print(f"not in a period: {series.coarse} dated too coarsely, {series.undated} undated")


def dyad_cmd(
    a: Annotated[str, typer.Argument(help="One country (ISO 3166 alpha-3), e.g. IRN.")],
    b: Annotated[str, typer.Argument(help="The other country, e.g. RUS.")],
    by: Annotated[Period, typer.Option(help="Period: day, week or month.")] = Period.MONTH,
    since: Annotated[str | None, SINCE] = None,
    until: Annotated[str | None, UNTIL] = None,
    plot: Annotated[
        str | None, typer.Option(help="Also draw the series: FILE.png (matplotlib) or FILE.html (plotly).")
    ] = None,
    db: str = DB,
    fmt: Annotated[DyadFormat, typer.Option("--format", "-f", help="table, json or csv.")] = DyadFormat.TABLE,
) -> None:
    """The dyad A–B over time: distinct events (clusters) by PLOVER type in each direction, a
    Goldstein-weighted cooperation–conflict index, and the period's most reported events."""
    with open_store(db) as store:
        series = dyad_series(store, a, b, by=str(by), since=iso_day(since), until=iso_day(until))
    if plot:
        from tidings.link.plot import write_plot

        write_plot(series, plot)
        print(f"wrote {plot}", file=sys.stderr)
    if fmt is DyadFormat.JSON:
        sys.stdout.write(json.dumps(series.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt is DyadFormat.CSV:
        rows = dyad_rows(series)
        writer = csv.DictWriter(sys.stdout, fieldnames=["start", "end", "source", "target", "type", "events", "index"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        _table(series)


__all__ = ["Format", "clusters_cmd", "dyad_cmd", "families_cmd", "link_cmd"]
