"""Options shared by several verbs."""

from __future__ import annotations

import typer

from tidings.cli.output import Format

DB = typer.Option("tidings.duckdb", "--db", help="The DuckDB store file.", envvar="TIDINGS_DB")
FORMAT = typer.Option(Format.TABLE, "--format", "-f", help="table, json, jsonl or csv.")
PUBLISHED = typer.Option(
    None, "--published", help="Publication date for reports that carry none (e.g. 2021-10-09 or 2021-10-09T22:34)."
)
OUTLET = typer.Option(None, "--outlet", help="Outlet name for reports that do not say which outlet they come from.")


def batch_defaults(published: str | None, outlet: str | None) -> dict[str, str]:
    """The metadata given on the command line, applied where a report has none of its own."""
    return {k: v for k, v in (("published", published), ("outlet", outlet)) if v}
