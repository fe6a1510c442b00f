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
    actor = entity.actor(on)
    term = entity.term_on(on) if entity.kind == "person" else None
    return {
        "name": entity.name,
        "kind": entity.kind,
        "id": actor.actor_id,
        "country": actor.country,
        "sector": actor.sector,
        "role": term.role if term else None,
        "from": term.start.isoformat() if term and term.start else None,
        "to": term.end.isoformat() if term and term.end else None,
        "how": how,
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

    kb = load_kb()
    day = date.fromisoformat(on) if on else None
    found = kb.find(text)
    if day is not None:  # one name, several people ("Clinton"): whoever held office that day first
        found = sorted(found, key=lambda a: a.entity.kind != "person" or a.entity.term_on(day) is None)
    rows = [_row(a.entity, day, a.how) for a in found]
    if not rows and text.strip().lower()[:4]:
        low = text.strip().lower()
        rows = [_row(kb.stems[low[:k]].entity, day, "stem") for k in range(len(low), 3, -1) if low[:k] in kb.stems][:1]
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
