"""``tidings timex INPUT``: every temporal expression of a text, normalised against its date."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from tidings.cli.options import FORMAT, PUBLISHED
from tidings.cli.output import Format, write_rows
from tidings.errors import InputNotFound, TidingsError
from tidings.timex import find_timexes

COLUMNS = ["id", "start", "end", "text", "kind", "value", "precision"]


def _date(value: Any, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise TidingsError(f"{where}: {value!r} is not a date (YYYY-MM-DD).") from exc


def _inputs(path: str, published: date | None) -> Iterator[tuple[str, str, date | None]]:
    """(id, text, date) for each input: a JSONL of {id, text, published} or one text file."""
    if path == "-":
        raw = sys.stdin.read()
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise InputNotFound(f"{path} not found: give a text file or a JSONL of {{id, text, published}}.")
        raw = p.read_text(encoding="utf-8", errors="replace")
        name = p.name
    if path.endswith(".jsonl") or raw.lstrip().startswith("{"):
        for n, line in enumerate(raw.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise TidingsError(f"{name} line {n}: not JSON ({exc.msg}).") from exc
            text = rec.get("text")
            if not isinstance(text, str):
                raise TidingsError(f"{name} line {n}: no 'text' field.")
            yield str(rec.get("id", f"{name}#{n}")), text, _date(rec.get("published"), f"{name} line {n}") or published
    else:
        yield name, raw, published


def timex_cmd(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="A text file, a JSONL of {id, text, published}, or -.")
    ],
    published: str | None = PUBLISHED,
    fmt: Format = FORMAT,
) -> None:
    """Print every temporal expression with its TIMEX3 value, resolved against the report's date."""
    default = _date(published, "--published")
    rows = []
    for ident, text, on in _inputs(input_path, default):
        for t in find_timexes(text, on):
            rows.append(
                {
                    "id": ident,
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "kind": t.kind,
                    "value": t.value,
                    "precision": str(t.precision),
                }
            )
    write_rows(rows, fmt, COLUMNS)
