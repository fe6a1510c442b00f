"""The store as a Parquet dataset: ``DIR/<table>/part-NNNNNN.parquet``, one file per table and batch,
with the DuckDB store's tables and columns (the rows are made by the same code), read back through
DuckDB over Parquet by every read verb (``tidings events --db DIR``).

Writing stages each batch in an in-memory DuckDB store and copies its tables out; a document
already written (same cleaned text, this run or an earlier one into the same directory) is skipped
as in a DuckDB file, and an actor is written once, with the row it was first written with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import duckdb

from tidings.errors import StoreError
from tidings.records import Analysis, Rejection
from tidings.store.duckdb import TABLES, BatchCounts, Store

_PART = re.compile(r"part-(\d+)\.parquet$")


def _glob(directory: Path, table: str) -> str:
    return str((directory / table / "*.parquet").resolve()).replace("'", "''")


def _files(directory: Path, table: str) -> list[Path]:
    return sorted((directory / table).glob("part-*.parquet"))


class _Staging(Store):
    """An in-memory store that also knows the documents written in earlier batches."""

    def __init__(self, seen: set[str]) -> None:
        super().__init__(":memory:")
        self.seen = seen

    def _stored_ids(self, doc_ids: list[str]) -> set[str]:
        return {d for d in doc_ids if d in self.seen} | super()._stored_ids(doc_ids)


class ParquetWriter:
    """Writes batches of results as a Parquet dataset in ``directory`` (created if need be)."""

    def __init__(self, directory: str) -> None:
        self.directory = Path(directory)
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{directory!r} is a file; --parquet needs a directory (new or one it wrote before).")
        self.directory.mkdir(parents=True, exist_ok=True)
        parts = [int(m.group(1)) for t in TABLES for f in _files(self.directory, t) if (m := _PART.search(f.name))]
        self._part = max(parts, default=-1) + 1
        self._stage = _Staging(self._written("documents", "doc_id"))
        self._actors = self._written("actors", "actor_id")

    def _written(self, table: str, key: str) -> set[str]:
        """The keys already in the dataset (an earlier run into the same directory)."""
        if not _files(self.directory, table):
            return set()
        with duckdb.connect(":memory:") as con:
            rows = con.execute(f"SELECT {key} FROM read_parquet('{_glob(self.directory, table)}')").fetchall()
        return {r[0] for r in rows}

    def write_batch(self, results: Iterable[Analysis | Rejection]) -> BatchCounts:
        """One batch: a file per table that has rows, made visible together at the end."""
        stage = self._stage
        counts = stage.write_batch(results)
        # An actor keeps the row it was first written with, as in a DuckDB file.
        known = [r[0] for r in stage.con.execute("SELECT actor_id FROM actors").fetchall() if r[0] in self._actors]
        if known:
            stage.con.execute("DELETE FROM actors WHERE list_contains(?, actor_id)", [known])
        written: list[tuple[Path, Path]] = []
        try:
            for table in TABLES:
                row = stage.con.execute(f"SELECT count(*) FROM {table}").fetchone()
                if not row or not row[0]:
                    continue
                final = self.directory / table / f"part-{self._part:06d}.parquet"
                final.parent.mkdir(exist_ok=True)
                tmp = final.with_name("." + final.name + ".tmp")
                path = str(tmp).replace("'", "''")
                stage.con.execute(f"COPY {table} TO '{path}' (FORMAT parquet)")
                written.append((tmp, final))
        except duckdb.Error as exc:
            for tmp, _ in written:
                tmp.unlink(missing_ok=True)
            raise StoreError(f"Writing a batch to {str(self.directory)!r} failed: {exc}") from exc
        # The documents' file is made visible last: a run killed between two renames leaves rows of
        # reports it has not stored, which the next run codes again (the same rows, read back once),
        # never a stored report without its events.
        for tmp, final in sorted(written, key=lambda w: w[1].parent.name == "documents"):
            tmp.rename(final)
        stage.seen.update(r[0] for r in stage.con.execute("SELECT doc_id FROM documents").fetchall())
        self._actors.update(r[0] for r in stage.con.execute("SELECT actor_id FROM actors").fetchall())
        for table in TABLES:
            stage.con.execute(f"DELETE FROM {table}")
        self._part += 1
        return counts

    def close(self) -> None:
        self._stage.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# A later run into the same directory writes again the references and rejections of reports it
# skips or rejects again; read back, they count once, as in a DuckDB file (the first one kept).
# The rows of a batch a killed run wrote in part are written again by the next run: read back,
# each key counts once, in the row of the earliest part.
_KEYS = {
    "documents": "doc_id",
    "actors": "actor_id",
    "mentions": "doc_id, start_char, end_char",
    "events": "event_id",
    "quotes": "quote_id",
}
_VIEWS = {
    "doc_refs": "SELECT DISTINCT * FROM {}",
    "rejections": "SELECT * FROM {} QUALIFY row_number() OVER (PARTITION BY ref, reason ORDER BY rejected_at) = 1",
    **{
        table: "SELECT * EXCLUDE (filename) FROM {} QUALIFY row_number() OVER (PARTITION BY "
        + key
        + " ORDER BY filename) = 1"
        for table, key in _KEYS.items()
    },
}


def _source(directory: Path, table: str) -> str:
    named = ", filename = true" if table in _KEYS else ""
    return f"read_parquet('{_glob(directory, table)}'{named})"


def _rows(directory: Path, table: str) -> str:
    """The query of a table's rows as the dataset holds them, each counted once."""
    return _VIEWS.get(table, "SELECT * FROM {}").format(_source(directory, table))


def open_parquet(directory: str) -> Store:
    """A read-only store over the Parquet dataset in ``directory``: every table a view over its files
    (an empty table where there are none), so the read verbs run unchanged."""
    root = Path(directory)
    store = Store(directory, duckdb.connect(":memory:"))
    for table in TABLES:
        if not _files(root, table):
            continue
        store.con.execute(f"DROP TABLE {table}")
        store.con.execute(f"CREATE VIEW {table} AS {_rows(root, table)}")
    return store


def merge_parquet(directory: str, store: Store) -> dict[str, int]:
    """Load the Parquet dataset in ``directory`` into the DuckDB ``store``, in one transaction; rows
    the store already holds (same keys) are kept as they are. Returns the rows added per table."""
    root = Path(directory)
    if not _files(root, "documents") and not _files(root, "rejections"):
        raise StoreError(f"No Parquet dataset in {directory!r}: it holds no documents/ or rejections/ parts.")
    before = store.counts()
    con = store.con
    try:
        con.execute("BEGIN")
        for table in TABLES:
            if _files(root, table):
                con.execute(f"INSERT INTO {table} {_rows(root, table)} ON CONFLICT DO NOTHING")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"Merging {directory!r} into {store.path!r} failed and was rolled back: {exc}") from exc
    store.rows_added()
    after = store.counts()
    return {t: after[t] - before[t] for t in TABLES}
