"""Options shared by several verbs."""

from __future__ import annotations

import typer

from tidings.cli.output import Format

DB = typer.Option("tidings.duckdb", "--db", help="The DuckDB store file.", envvar="TIDINGS_DB")
FORMAT = typer.Option(Format.TABLE, "--format", "-f", help="table, json, jsonl or csv.")
