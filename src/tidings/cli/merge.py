"""``tidings merge DIR``: load a Parquet dataset (from ``tidings run --parquet DIR``) into a DuckDB store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tidings.cli.options import DB
from tidings.store import Store
from tidings.store.parquet import merge_parquet


def merge_cmd(
    directory: Annotated[str, typer.Argument(help="The Parquet dataset's directory.")],
    db: str = DB,
) -> None:
    """Add a Parquet dataset's rows to a DuckDB store; what the store already holds is kept."""
    with Store(db) as store:
        added = merge_parquet(directory, store)
        store.link()  # the merged reports join the store's families and clusters
    print(", ".join(f"{table}: +{n}" for table, n in added.items()), file=sys.stderr)
