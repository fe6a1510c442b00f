"""``tidings demo``: run the pipeline on the bundled sample reports into a temporary store."""

from __future__ import annotations

import sys
import tempfile
from importlib import resources
from pathlib import Path

from rich.console import Console

from tidings.cli.output import Format, write_rows
from tidings.cli.read import EVENT_COLUMNS, QUOTE_COLUMNS
from tidings.cli.run import summary_lines
from tidings.runner import run
from tidings.settings import load_settings
from tidings.store import open_store


def examples_dir() -> Path:
    """The sample reports: shipped inside the package (``tidings/examples``)."""
    return Path(str(resources.files("tidings") / "examples"))


def demo_cmd() -> None:
    """Code a dozen sample reports and print what was found."""
    settings = load_settings()
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.duckdb")
        with open_store(db) as store:
            total = run([str(examples_dir())], store, settings)
            events = store.events()
            quotes = store.quotes()
        for row in (*events, *quotes):  # the file name is enough to tell the sample reports apart
            row["doc_ref"] = Path(row["doc_ref"]).name
        for line in summary_lines(total):
            print(line, file=sys.stderr)
        console.rule("events")
        write_rows(events, Format.TABLE, EVENT_COLUMNS)
        console.rule("quotes")
        write_rows(quotes, Format.TABLE, QUOTE_COLUMNS)
