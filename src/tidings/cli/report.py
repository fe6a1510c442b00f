"""``tidings report A B --out FILE.html``: one self-contained HTML report on a dyad."""

from __future__ import annotations

import shlex
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.options import DB
from tidings.store import open_store


def report_cmd(
    a: Annotated[str, typer.Argument(help="A country code (ISO 3166 alpha-3), e.g. IRN.")],
    b: Annotated[str, typer.Argument(help="The other country code, e.g. RUS.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    since: Annotated[str | None, typer.Option(help="Events dated on or after this ISO date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events dated on or before this ISO date.")] = None,
    db: str = DB,
) -> None:
    """Write one HTML file on two actors (timeline and index, network, top events with their evidence,
    quotes) that opens offline and prints cleanly."""
    from tidings.report.gather import gather
    from tidings.report.render import render

    try:
        since_d = date.fromisoformat(since) if since else None
        until_d = date.fromisoformat(until) if until else None
    except ValueError as exc:
        raise typer.BadParameter(f"dates are ISO dates (2023-03-01): {exc}") from exc
    with open_store(db) as store:
        data = gather(store, a, b, since_d, until_d)
    command = "tidings report " + " ".join(shlex.quote(x) for x in sys.argv[2:]) if len(sys.argv) > 2 else ""
    out.write_text(render(data, command), encoding="utf-8")
    events = sum(p["events"] for p in data.series["periods"])
    print(f"{out}: {data.a}–{data.b}, {events} dated events, {len(data.clusters)} clusters shown", file=sys.stderr)
