"""What the server reads: a private copy (snapshot) of the store file, renewed when the file changes.

DuckDB lets one process write a file, and a process that holds it open read-only still keeps every
writer out. So the server never keeps the store open: it reads a copy of its own, and between
requests it looks (two ``stat`` calls, at most every ``check_every`` seconds) whether the store
file or its write-ahead log has changed. When it has, the server opens the store read-only for the
moment of copying it; if a writer (``tidings run``) holds the file, that fails at once and the old
copy goes on being served until the writer is done. A writer that starts while a copy is being
made waits for it (``Store`` waits up to ``TIDINGS_LOCK_WAIT`` seconds for a lock). A Parquet
dataset needs no copy: its tables are views over files that are only ever added.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from tidings.store import Store
from tidings.store.parquet import open_parquet


class ReadStore(Store):
    """A store over a connection to the snapshot: the read methods of ``Store``, no migrations (the
    snapshot was migrated once when it was made), and a counting mode that turns the one query a
    read method runs into ``SELECT count(*)`` over it."""

    def __init__(self, path: str, con: duckdb.DuckDBPyConnection, counts: dict[Any, int] | None = None) -> None:
        self._count_only = False
        self._counted: int | None = None
        # counts already made on this copy: a copy never changes, so a count holds as long as it
        self._known_counts = counts if counts is not None else {}
        super().__init__(path, con)
        self._linked = True  # a DuckDB store's links are stored; a Parquet dataset's made once, at open

    def _migrate(self) -> None:
        return None

    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        if self._count_only:
            row = self.con.execute(f"SELECT count(*) FROM ({sql}) AS counted", params).fetchone()
            self._counted = int(row[0]) if row else 0
            return []
        return super()._rows(sql, params)

    def count(self, method: Any, **kwargs: Any) -> int | None:
        """How many rows ``method(**kwargs)`` would give, counted by the database; None when the
        method does not read through ``_rows``."""
        key = (getattr(method, "__name__", str(method)), tuple(sorted(kwargs.items())))
        if key in self._known_counts:
            return self._known_counts[key]
        self._count_only, self._counted = True, None
        try:
            method(**kwargs)
        finally:
            self._count_only = False
        if self._counted is not None:
            if len(self._known_counts) >= MAX_KNOWN_COUNTS:
                self._known_counts.clear()
            self._known_counts[key] = self._counted
        return self._counted


def _signature(path: Path) -> tuple[int, int, int, int]:
    """What changes when a writer has written: the file's and its log's modification time and size."""
    out: list[int] = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
            out += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            out += [0, 0]
    return (out[0], out[1], out[2], out[3])


# Counts remembered per copy (one per filter set asked for), at most.
MAX_KNOWN_COUNTS = 4096


@dataclass
class _Copy:
    con: duckdb.DuckDBPyConnection
    path: str
    made: datetime
    counts: dict[Any, int] = field(default_factory=dict)
    answers: Any = None  # the copy's remembered answers (tidings.api.answers.Answers), made on first use


class Snapshot:
    """The server's view of the store at ``db``; ``store()`` gives a ``ReadStore`` for one request."""

    def __init__(self, db: str, check_every: float = 0.5) -> None:
        self.db = Path(db)
        self.check_every = check_every
        # held while copying, and while this process writes the store (POST /documents): DuckDB
        # refuses one process two connections to a file in different modes
        self._lock = threading.Lock()
        self._dir = Path(tempfile.mkdtemp(prefix="tidings-serve-"))
        self._seen: tuple[int, int, int, int] | None = None
        self._checked = 0.0
        self._generation = 0
        self._retired: list[_Copy] = []
        self.parquet = self.db.is_dir()
        if self.parquet:
            store = open_parquet(str(self.db))
            store._ensure_links()  # the links of a Parquet dataset are computed in memory, once
            self._current = _Copy(store.con, str(self.db), datetime.now(UTC))
            return
        if not self.db.exists():  # a new store, so that `tidings run` and the server agree on its schema
            Store(str(self.db)).close()
        self._current = self._empty()
        self.refresh()

    def _empty(self) -> _Copy:
        store = Store(":memory:")
        return _Copy(store.con, ":memory:", datetime.fromtimestamp(0, UTC))

    @property
    def made(self) -> datetime:
        """When the copy being served was taken (the epoch until a first copy could be made)."""
        return self._current.made

    def refresh(self) -> bool:
        """Copy the store if it changed since the last copy and no writer holds it; True if copied."""
        if self.parquet:
            return False
        with self._lock:
            now = time.monotonic()
            sig = _signature(self.db)
            if sig == self._seen:
                self._checked = now
                return False
            try:
                reader = duckdb.connect(str(self.db), read_only=True)
            except duckdb.Error:  # a writer holds it (or it is not yet a store): serve the old copy
                self._checked = now
                return False
            self._generation += 1
            target = self._dir / f"snapshot-{self._generation}.duckdb"
            try:
                sig = _signature(self.db)  # the file cannot change while the read lock is held
                shutil.copyfile(self.db, target)
                wal = self.db.with_name(self.db.name + ".wal")
                if wal.exists():
                    shutil.copyfile(wal, target.with_name(target.name + ".wal"))
            finally:
                reader.close()
            store = Store(str(target))  # replays a copied log and applies migrations to the copy
            self._retire(_Copy(store.con, str(target), datetime.now(UTC)))
            self._seen, self._checked = sig, now
            return True

    def _retire(self, new: _Copy) -> None:
        """Serve ``new``; the copy before is kept one more round for requests still reading it."""
        for old in self._retired:
            old.con.close()
            if old.path != ":memory:":
                for p in (old.path, old.path + ".wal"):
                    if os.path.exists(p):
                        os.remove(p)
        self._retired = [self._current]
        self._current = new

    @property
    def writing(self) -> threading.Lock:
        """Hold this to write the store from the server's own process (no copy is made meanwhile)."""
        return self._lock

    def _fresh(self) -> _Copy:
        if not self.parquet and time.monotonic() - self._checked >= self.check_every:
            self.refresh()
        return self._current

    def answers(self) -> Any:
        """The remembered answers of the freshest copy; None for a Parquet dataset (it grows)."""
        if self.parquet:
            return None
        current = self._fresh()
        if current.answers is None:
            from tidings.api.answers import Answers

            current.answers = Answers()
        return current.answers

    def store(self) -> ReadStore:
        """A store for one request on the freshest copy (closing it closes only its own cursor)."""
        current = self._fresh()
        # a Parquet dataset grows under its views: its counts are not kept
        return ReadStore(current.path, current.con.cursor(), None if self.parquet else current.counts)

    def close(self) -> None:
        with self._lock:
            for c in [*self._retired, self._current]:
                c.con.close()
            self._retired = []
        shutil.rmtree(self._dir, ignore_errors=True)
