"""Events as tables: a Parquet dataset partitioned by event month, CSV, JSON lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.export.select import EVENT_COLUMNS, Filters, select_events
from tidings.store import Store
from tidings.store.rows import event_json


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def write_parquet(store: Store, out: str, filters: Filters) -> int:
    """``out/event_month=YYYY-MM/*.parquet`` (Hive partitioning, read by DuckDB, pandas, polars,
    Spark); ``event_month=none`` holds events dated to a year or not at all. An existing ``out``
    is replaced whole, so that the dataset is exactly this export."""
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise TidingsError(f"--out {out!r} is a file; a Parquet export is a directory.")
    n = select_events(store, filters)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if n:
        store.con.execute(
            f"COPY (SELECT * FROM ex_events) TO '{_sql_path(target)}' "
            "(FORMAT parquet, PARTITION_BY (event_month), OVERWRITE_OR_IGNORE)"
        )
    return n


def write_csv(store: Store, out: str, filters: Filters) -> int:
    """One row per event with a header; a list (contexts) is joined with ';'."""
    n = select_events(store, filters)
    cols = ", ".join("array_to_string(contexts, ';') AS contexts" if c == "contexts" else c for c in EVENT_COLUMNS)
    store.con.execute(f"COPY (SELECT {cols} FROM ex_events) TO '{_sql_path(Path(out))}' (FORMAT csv, HEADER)")
    return n


def _cluster(row: dict[str, Any]) -> dict[str, Any] | None:
    if row.get("cluster_id") is None:
        return None
    return {k: row[k] for k in ("cluster_id", "num_mentions", "num_sources", "num_articles")}


def write_jsonl(store: Store, out: str, filters: Filters) -> int:
    """One event a line, shaped as ``tidings events --format jsonl`` writes it, with its report's
    outlet, date and URL and its cluster."""
    n = select_events(store, filters)
    cur = store.con.execute("SELECT * FROM ex_events")
    names = [c[0] for c in cur.description]
    with open(out, "w", encoding="utf-8") as fh:
        while batch := cur.fetchmany(10_000):
            for values in batch:
                row = dict(zip(names, values, strict=True))
                record = event_json(row)
                record.update(
                    outlet=row["outlet"],
                    published=None if row["published"] is None else row["published"].isoformat(),
                    url=row["url"],
                    cluster=_cluster(row),
                )
                fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return n
