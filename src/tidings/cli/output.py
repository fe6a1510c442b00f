"""One output layer for every read command: --format table|json|jsonl|csv, data to stdout."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

from tidings.store.rows import flat


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


def _default(o: Any) -> str:
    return str(o)


def write_rows(rows: list[dict[str, Any]], fmt: Format, columns: list[str] | None = None) -> None:
    if fmt is Format.JSONL:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=_default) + "\n")
    elif fmt is Format.JSON:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, default=_default) + "\n")
    elif fmt is Format.CSV:
        flats = [flat(r) for r in rows]
        names = list(dict.fromkeys(k for r in flats for k in r))
        writer = csv.DictWriter(sys.stdout, fieldnames=names)
        writer.writeheader()
        writer.writerows(flats)
    else:
        flats = [flat(r) for r in rows]
        cols = columns or list(dict.fromkeys(k for r in flats for k in r))
        table = Table(show_lines=False)
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in flats:
            table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
        Console(width=200 if not sys.stdout.isatty() else None).print(table)
