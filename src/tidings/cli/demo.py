"""``tidings demo``: run the pipeline on the bundled sample reports and show what was found."""

from __future__ import annotations

import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.event_lines import console_for_stdout, print_events
from tidings.cli.newcomer import summary_panel
from tidings.cli.quote_lines import print_quotes
from tidings.cli.run import summary_lines
from tidings.runner import run
from tidings.settings import load_settings
from tidings.store import open_store

QUOTES_SHOWN = 8


def examples_dir() -> Path:
    """The sample reports: shipped inside the package (``tidings/examples``)."""
    return Path(str(resources.files("tidings") / "examples"))


def demo_cmd(
    db: Annotated[
        str | None, typer.Option("--db", help="Keep the demo's store in this DuckDB file (default: a temporary one).")
    ] = None,
    evidence: Annotated[bool, typer.Option(help="Show each event's sentence, the trigger marked.")] = False,
) -> None:
    """Code a dozen sample reports and show what was found: events, quotes, and where to go next."""
    settings = load_settings()
    console = console_for_stdout()
    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "demo.duckdb")
        with open_store(path) as store:
            total = run([str(examples_dir())], store, settings)
            events = store.events()
            quotes = store.quotes()
            documents = store.counts()["documents"]
    for row in (*events, *quotes):  # the file name is enough to tell the sample reports apart
        row["doc_ref"] = Path(row["doc_ref"]).name
    for line in summary_lines(total):
        print(line, file=sys.stderr)
    console.rule("events: one a line")
    print_events(events, console, evidence=evidence)
    console.rule("quotes")
    print_quotes(quotes, console, limit=QUOTES_SHOWN)
    console.print()
    console.print(summary_panel(documents, sum(total.rejected.values()), events, quotes, db))
