"""The DuckDB store: named migrations, one transaction per batch, idempotent inserts, filtered reads."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from tidings.errors import StoreError
from tidings.records import Analysis, Document, Rejection, Role
from tidings.store.filters import event_filters, page_sql
from tidings.store.links import LinkReads
from tidings.store.rows import event_json, quote_json

# The tables of records, as `tidings run --parquet` writes them too (one directory each).
TABLES = ("documents", "doc_refs", "rejections", "actors", "mentions", "events", "quotes")
# The columns of documents that are no VARCHAR, as a batch's rows are bound (_write_documents).
_TYPES = {"published": "TIMESTAMP"}

# Named migrations, applied in order and recorded; an old file is upgraded in place, never rebuilt.
MIGRATIONS: list[tuple[str, str]] = [
    ("001_initial", "schema.sql"),
    ("002_quote_links", "002_quote_links.sql"),
    ("003_title_quotes", "003_title_quotes.sql"),
    ("004_title_events", "004_title_events.sql"),
    ("005_links", "005_links.sql"),
    ("006_cluster_evidence", "006_cluster_evidence.sql"),
    ("007_link_spans", "007_link_spans.sql"),
    ("008_doc_bands_unindexed", "008_doc_bands_unindexed.sql"),
]


@dataclass
class BatchCounts:
    stored: int = 0
    skipped: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    events: int = 0
    quotes: int = 0

    def add(self, other: BatchCounts) -> None:
        self.stored += other.stored
        self.skipped += other.skipped
        self.rejected.update(other.rejected)
        self.events += other.events
        self.quotes += other.quotes


def _role_cols(role: Role | None) -> list[Any]:
    if role is None:
        return [None] * 5
    a = role.actor
    return [
        role.text,
        a.actor_id if a else None,
        a.name if a else None,
        a.country_code if a else None,
        a.sector if a else None,
    ]


def _role_json(role: Role) -> dict[str, Any]:
    return dict(zip(("text", "actor_id", "name", "country", "sector"), _role_cols(role), strict=True))


def _json_value(value: Any, kind: str) -> Any:
    """A row value as read_json expects it: a JSON column holds the value itself, not its text."""
    if kind == "JSON" and isinstance(value, str):
        return json.loads(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _connect_waiting(path: str) -> duckdb.DuckDBPyConnection:
    """Open ``path`` for writing, waiting while another process holds its lock: DuckDB lets one
    process write, and ``tidings serve`` takes a read lock for the moment it copies its snapshot.
    The wait is ``TIDINGS_LOCK_WAIT`` seconds (default 30); a writer that holds on longer (another
    ``tidings run``) still fails with DuckDB's message, which names the process."""
    deadline = time.monotonic() + float(os.environ.get("TIDINGS_LOCK_WAIT", "30"))
    while True:
        try:
            return duckdb.connect(path)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


# DuckDB's memory for a store file (its buffer pool: the table blocks it caches, the indexes, the
# hash tables of a query, which spill to disk past it); its own default is 80% of the machine's
# memory, which a long `tidings run` fills with cached blocks. ``TIDINGS_DUCKDB_MEMORY`` sets it.
MEMORY_LIMIT = "512MB"


class Store(LinkReads):
    def __init__(self, path: str, con: duckdb.DuckDBPyConnection | None = None):
        """The DuckDB file at ``path`` (created and migrated as needed); ``con``, when given, is an
        open connection to use instead (the Parquet reader's in-memory database)."""
        self.path = path
        if con is None:
            con = self._connect(path)
            if path != ":memory:":  # an in-memory database must hold all its data
                limit = os.environ.get("TIDINGS_DUCKDB_MEMORY", MEMORY_LIMIT)
                con.execute("SET memory_limit = ?", [limit])
        self.con = con
        self._migrate()
        self._column_types: dict[str, list[tuple[str, str]]] = {}
        self._pending: dict[str, list[list[Any]]] = {}

    @staticmethod
    def _connect(path: str) -> duckdb.DuckDBPyConnection:
        if Path(path).is_dir():
            raise StoreError(
                f"{path!r} is a directory: a Parquet dataset is read with the read verbs (tidings events --db DIR) "
                "and written with tidings run --parquet DIR. Pass --db FILE.duckdb for a DuckDB store."
            )
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            return _connect_waiting(path)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"Cannot open the store {path!r}: {exc}. Check the path, or pass --db FILE.") from exc

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, "
            "applied_at TIMESTAMP DEFAULT current_timestamp)"
        )
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_migrations").fetchall()}
        for name, filename in MIGRATIONS:
            if name in done:
                continue
            sql = (resources.files("tidings.store") / filename).read_text(encoding="utf-8")
            self.con.execute("BEGIN")
            self.con.execute(sql)
            self.con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
            self.con.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------
    def write_batch(self, results: Iterable[Analysis | Rejection]) -> BatchCounts:
        """Store one batch in one transaction; a document already stored (same text) is skipped.
        Rows are written a table at a time, in few statements: a statement a row costs
        milliseconds each, and more as the store grows."""
        counts = BatchCounts()
        con = self.con
        items = list(results)
        try:
            con.execute("BEGIN")
            self._pending = {}
            stored = self._stored_ids([x.document.doc_id for x in items if isinstance(x, Analysis)])
            documents: list[Document] = []
            for item in items:
                if isinstance(item, Rejection):
                    con.execute(
                        "INSERT INTO rejections (source, ref, reason, detail, stage) VALUES (?, ?, ?, ?, ?) "
                        "ON CONFLICT DO NOTHING",
                        [item.source, item.ref, str(item.reason), item.detail, item.stage],
                    )
                    counts.rejected[str(item.reason)] += 1
                    continue
                d = item.document
                self._insert_many("doc_refs", [[d.doc_id, d.ref, d.source]])
                if d.doc_id in stored:
                    counts.skipped += 1
                    continue
                stored.add(d.doc_id)
                documents.append(d)
                self._write_analysis(item, counts)
            self._write_documents(documents)
            self._flush()
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"Writing a batch to {self.path!r} failed and was rolled back: {exc}") from exc
        if self._unlinked is not None:
            self._unlinked.extend(d.doc_id for d in documents)
        return counts

    def _insert_many(self, table: str, rows: list[list[Any]]) -> None:
        """Queue rows for ``table``; they are written once per batch, in few statements."""
        self._pending.setdefault(table, []).extend(rows)

    def _flush(self) -> None:
        for table, rows in self._pending.items():
            if table == "actors":  # one row per actor: the same actor is named in many reports
                rows = list({r[0]: r for r in rows}.values())
            elif table == "doc_refs":  # a report read twice in one batch has one row
                rows = list({(r[0], r[1]): r for r in rows}.values())
            self._write_rows(table, rows)
        self._pending = {}

    def _columns(self, table: str) -> list[tuple[str, str]]:
        if table not in self._column_types:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()
            self._column_types[table] = [(str(r[0]), str(r[1])) for r in described]
        return self._column_types[table]

    def _write_rows(self, table: str, rows: list[list[Any]]) -> None:
        """A batch's rows for one table in one statement, read by DuckDB from a JSON-lines file:
        binding thousands of parameters, or executemany's statement a row, is many times slower."""
        if not rows:
            return
        columns = self._columns(table)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
            for row in rows:
                record = {name: _json_value(value, kind) for (name, kind), value in zip(columns, row, strict=False)}
                fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            path = fh.name
        try:
            spec = ", ".join(f"'{name}': '{kind}'" for name, kind in columns)
            self.con.execute(
                f"INSERT INTO {table} SELECT * FROM read_json(?, format = 'newline_delimited', "
                f"columns = {{{spec}}}) ON CONFLICT DO NOTHING",
                [path],
            )
        finally:
            os.unlink(path)

    def _stored_ids(self, doc_ids: list[str]) -> set[str]:
        """Which of these documents the store holds already (one query for a batch)."""
        if not doc_ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [doc_ids]).fetchall()
        return {r[0] for r in rows}

    def _write_documents(self, documents: list[Document]) -> None:
        """A batch's new documents in one statement (``stored_at`` takes its default)."""
        if not documents:
            return
        values: dict[str, list[Any]] = {
            "doc_id": [d.doc_id for d in documents],
            "ref": [d.ref for d in documents],
            "source": [d.source for d in documents],
            "title": [d.title for d in documents],
            "published": [d.published for d in documents],
            "date_precision": [str(d.precision) for d in documents],
            "dateline_place": [d.dateline_place for d in documents],
            "outlet": [d.outlet for d in documents],
            "language": [d.language for d in documents],
            "text": [d.text for d in documents],
            "dropped": [json.dumps([{"text": s.text, "reason": s.reason} for s in d.dropped]) for d in documents],
        }
        names = ", ".join(values)
        if any(p is not None and p.tzinfo is not None for p in values["published"]):
            # a time with a zone is bound as DuckDB binds it (TIMESTAMPTZ, cast to the column's type)
            marks = ", ".join("?" for _ in values)
            for i in range(len(documents)):
                self.con.execute(f"INSERT INTO documents ({names}) VALUES ({marks})", [v[i] for v in values.values()])
            return
        # Each column bound as one list and unnested: no Arrow table, whose making from Python
        # objects imports pandas (a third of a second of every process's start).
        columns = ", ".join(
            f"CAST(unnest(${i}::VARCHAR[]) AS JSON)" if k == "dropped" else f"unnest(${i}::{_TYPES.get(k, 'VARCHAR')}[])"
            for i, k in enumerate(values, 1)
        )
        self.con.execute(f"INSERT INTO documents ({names}) SELECT {columns}", list(values.values()))

    def _write_analysis(self, a: Analysis, counts: BatchCounts) -> None:
        """Queue the rows of a new document's mentions, actors, events and quotes."""
        counts.stored += 1
        actors = {m.actor.actor_id: m.actor for m in a.mentions}
        for ev in a.events:
            for role in (ev.source, ev.target):
                if role is not None and role.actor is not None:
                    actors[role.actor.actor_id] = role.actor
        if actors:
            self._insert_many(
                "actors",
                [[x.actor_id, x.name, x.country, x.kind] for x in actors.values()],
            )
        if a.mentions:
            self._insert_many(
                "mentions",
                [[m.doc_id, m.start, m.end, m.text, m.actor.actor_id, m.actor.sector, m.how] for m in a.mentions],
            )
        if a.events:
            self._insert_many(
                "events",
                [
                    [
                        e.event_id,
                        e.doc_id,
                        e.type,
                        e.mode,
                        list(e.contexts),
                        e.cameo,
                        e.goldstein,
                        e.quad_class,
                        *_role_cols(e.source),
                        *_role_cols(e.target),
                        e.date,
                        str(e.date_precision),
                        e.place.name if e.place else None,
                        e.place.country if e.place else None,
                        e.place.lat if e.place else None,
                        e.place.lon if e.place else None,
                        e.negated,
                        str(e.modality),
                        e.confidence,
                        e.rule,
                        e.sentence,
                        e.sentence_start,
                        e.trigger,
                        e.trigger_start,
                        e.in_title,
                    ]
                    for e in a.events
                ],
            )
            counts.events += len(a.events)
        if a.quotes:
            self._insert_many(
                "quotes",
                [
                    [
                        q.quote_id,
                        q.doc_id,
                        q.start,
                        q.end,
                        q.text,
                        str(q.kind),
                        *_role_cols(q.speaker),
                        *_role_cols(q.relay),
                        q.cue,
                        json.dumps([_role_json(r) for r in q.relays]),
                        json.dumps([list(p) for p in q.parts]),
                        json.dumps(list(q.event_ids)),
                        q.in_title,
                    ]
                    for q in a.quotes
                ],
            )
            counts.quotes += len(a.quotes)

    # -- reading ---------------------------------------------------------------------------
    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def events(
        self,
        actor: str | None = None,
        type_: str | None = None,
        since: date | None = None,
        doc_id: str | None = None,
        asserted_only: bool = False,
        include_all: bool = False,
        min_confidence: float | None = None,
        until: date | None = None,
        source: str | None = None,
        target: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored events; by default those the report tells as fact (asserted, or reported from a
        speaker) and not negated. ``include_all`` adds hypothetical, intended and negated ones;
        ``asserted_only`` keeps the asserted ones alone. ``source``/``target``: a country code (or
        actor id) in that role; ``since``/``until``: dated on or after / on or before."""
        where, params = event_filters(
            actor=actor,
            type_=type_,
            since=since,
            until=until,
            source=source,
            target=target,
            min_confidence=min_confidence,
            asserted_only=asserted_only,
            include_all=include_all,
        )
        if doc_id:
            where.append("e.doc_id LIKE ?")
            params.append(doc_id + "%")
        sql = (
            "SELECT e.*, d.ref AS doc_ref FROM events e JOIN documents d USING (doc_id) WHERE "
            + " AND ".join(where)
            + " ORDER BY d.ref, e.trigger_start, e.event_id"
            + page_sql(limit, offset)
        )
        return [event_json(r) for r in self._rows(sql, params)]

    def quotes(
        self,
        speaker: str | None = None,
        doc_id: str | None = None,
        relay: str | None = None,
        contains: str | None = None,
    ) -> list[dict[str, Any]]:
        where, params = ["1=1"], []
        if speaker:
            where.append("(speaker_text ILIKE ? OR speaker_name ILIKE ?)")
            params += [f"%{speaker}%", f"%{speaker}%"]
        if relay:
            where.append("(relay_text ILIKE ? OR relay_name ILIKE ? OR CAST(relays AS VARCHAR) ILIKE ?)")
            params += [f"%{relay}%"] * 3
        if contains:
            where.append("q.text ILIKE ?")
            params.append(f"%{contains}%")
        if doc_id:
            where.append("q.doc_id LIKE ?")
            params.append(doc_id + "%")
        sql = (
            "SELECT q.*, d.ref AS doc_ref FROM quotes q JOIN documents d USING (doc_id) WHERE "
            + " AND ".join(where)
            + " ORDER BY d.ref, q.start_char, q.end_char, q.quote_id"
        )
        return [quote_json(r) for r in self._rows(sql, params)]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self._rows(
            "SELECT * FROM documents WHERE doc_id LIKE ? OR ref = ? ORDER BY doc_id LIMIT 2", [doc_id + "%", doc_id]
        )
        return rows[0] if len(rows) == 1 else None

    def mentions(self, doc_id: str) -> list[dict[str, Any]]:
        """A report's actor mentions in text order, each with its actor and how it was linked."""
        return self._rows(
            "SELECT m.start_char, m.end_char, m.text, m.actor_id, a.name, a.country, m.sector, m.how "
            "FROM mentions m LEFT JOIN actors a USING (actor_id) WHERE m.doc_id = ? ORDER BY m.start_char",
            [doc_id],
        )

    def rejections(self) -> list[dict[str, Any]]:
        return self._rows(
            "SELECT source, ref, reason, stage, detail, rejected_at FROM rejections ORDER BY rejected_at, ref", []
        )

    def counts(self) -> dict[str, int]:
        return {t: int(self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}  # type: ignore[index]


def open_store(path: str = "tidings.duckdb") -> Store:
    """The store at ``path``: a DuckDB file, or a Parquet dataset's directory (read-only) as
    written by ``tidings run --parquet DIR``."""
    if Path(path).is_dir():
        from tidings.store.parquet import open_parquet

        return open_parquet(path)
    return Store(path)
