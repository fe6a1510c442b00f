"""``tidings actors import|lookup|list``: the actor knowledge base from the command line."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from tidings.cli.options import FORMAT
from tidings.cli.output import Format, write_rows

app = typer.Typer(no_args_is_help=True, help="Look up, list and import actors (states, people, bodies, outlets).")


def _row(entity: Any, on: date | None, how: str = "") -> dict[str, Any]:
    """An entity in the CLI's columns (``actors/lookup.py`` makes the row)."""
    from tidings.actors.lookup import actor_row

    return _columns(actor_row(entity, on, how))


def _columns(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": row["name"],
        "kind": row["kind"],
        "id": row["actor_id"],
        "country": row["country"],
        "sector": row["sector"],
        "role": row["role"],
        "from": row["start"],
        "to": row["end"],
        "how": row["how"],
    }


@app.command("lookup")
def lookup_cmd(
    text: Annotated[str, typer.Argument(help="A name as a report may write it: 'Lavrov', 'the Kremlin', 'Tass'.")],
    on: Annotated[
        str | None, typer.Option("--date", help="Resolve roles as they held on this day (YYYY-MM-DD).")
    ] = None,
    fmt: Format = FORMAT,
) -> None:
    """The candidates for a name, with codes, and a person's role and term on --date."""
    from tidings.actors.kb import load_kb
    from tidings.actors.lookup import lookup

    day = date.fromisoformat(on) if on else None
    rows = [_columns(r) for r in lookup(load_kb(), text, day)]
    if not rows:
        print(f"no actor known as {text!r}", file=sys.stderr)
        raise typer.Exit(1)
    write_rows(rows, fmt, ["name", "kind", "id", "country", "sector", "role", "from", "to", "how"])


@app.command("list")
def list_cmd(
    country: Annotated[str | None, typer.Option(help="Only this ISO 3166 alpha-3 country.")] = None,
    kind: Annotated[str | None, typer.Option(help="state, person, org or outlet.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="Roles as they held on this day.")] = None,
    fmt: Format = FORMAT,
) -> None:
    """Every actor in the knowledge base (shipped data, user files and imports)."""
    from tidings.actors.kb import load_kb

    day = date.fromisoformat(on) if on else None
    rows = [
        _row(e, day)
        for e in load_kb().entities.values()
        if (country is None or e.country == country.upper()) and (kind is None or e.kind == kind)
    ]
    rows.sort(key=lambda r: (r["country"] or "", r["kind"], r["name"]))
    write_rows(rows, fmt, ["name", "kind", "id", "country", "sector", "role", "from", "to"])


@app.command("import")
def import_cmd(
    files: Annotated[list[Path], typer.Argument(help="TABARI/PETRARCH .actors.txt or .agents.txt files.")],
) -> None:
    """Merge dictionaries in the field's format into the knowledge base used by later runs."""
    from tidings.actors.kb import user_actors_dir
    from tidings.actors.petrarch import import_into
    from tidings.errors import InputNotFound

    folder = user_actors_dir() / "imported"
    for path in files:
        if not path.is_file():
            raise InputNotFound(f"{path} is not a file: give a .actors.txt or .agents.txt dictionary.")
        kind, n, target = import_into(path, folder)
        print(f"imported {n} {kind} from {path} into {target}", file=sys.stderr)
